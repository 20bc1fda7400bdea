/** Worker thread: analyses batches of seeds or researchers (see analysis-pool.ts). */
import { parentPort } from "node:worker_threads";
import { loadAnalyzer } from "../../text/analyzer";
import { type AnalysisTask, runTask } from "./analysis-tasks";

const analyzer = await loadAnalyzer();
parentPort!.on("message", (m: { id: number; task: AnalysisTask }) => {
  parentPort!.postMessage({ id: m.id, result: runTask(analyzer, m.task) });
});
parentPort!.postMessage({ ready: true });
