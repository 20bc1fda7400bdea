/**
 * Analysing thousands of records (imports, the demo data) is CPU-bound (kuromoji): it is spread over
 * worker threads, one per core (at most 4), in batches, reporting progress. Small jobs run inline.
 */
import os from "node:os";
import { Worker } from "node:worker_threads";
import { loadAnalyzer } from "../../text/analyzer";
import type { Analysis, ResearcherText, SeedText } from "./analysis";
import { type AnalysisTask, type ResearcherAnalysis, runTask, type WorkText } from "./analysis-tasks";

const BATCH = 200;
const INLINE_BELOW = 600;

async function run<T>(
  kind: AnalysisTask["kind"],
  items: unknown[],
  onProgress?: (done: number) => void,
): Promise<T[]> {
  if (items.length < INLINE_BELOW) {
    const a = await loadAnalyzer();
    const out: T[] = [];
    for (let i = 0; i < items.length; i += BATCH) {
      out.push(...(runTask(a, { kind, items: items.slice(i, i + BATCH) } as AnalysisTask) as T[]));
      onProgress?.(out.length);
    }
    return out;
  }
  const batches: unknown[][] = [];
  for (let i = 0; i < items.length; i += BATCH) batches.push(items.slice(i, i + BATCH));
  const results: T[][] = new Array(batches.length);
  const count = Math.max(1, Math.min(os.availableParallelism(), 4, batches.length));
  let next = 0;
  let done = 0;
  const workers = Array.from(
    { length: count },
    () => new Worker(new URL("./analysis-worker.mjs", import.meta.url)),
  );
  try {
    await Promise.all(
      workers.map(
        (w) =>
          new Promise<void>((resolve, reject) => {
            const send = () => {
              if (next >= batches.length) return resolve();
              const id = next++;
              w.postMessage({ id, task: { kind, items: batches[id] } });
            };
            w.on("message", (m: { ready?: boolean; id?: number; result?: T[] }) => {
              if (m.ready) return send();
              results[m.id!] = m.result!;
              done += m.result!.length;
              onProgress?.(done);
              send();
            });
            w.on("error", reject);
            w.on("exit", (code) =>
              code !== 0 ? reject(new Error(`analysis worker exited with ${code}`)) : undefined,
            );
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results.flat();
}

export function analyzeSeeds(items: SeedText[], onProgress?: (done: number) => void): Promise<Analysis[]> {
  return run<Analysis>("seed", items, onProgress);
}

export function analyzeResearchers(
  items: { profile: ResearcherText; works: WorkText[] }[],
  onProgress?: (done: number) => void,
): Promise<ResearcherAnalysis[]> {
  return run<ResearcherAnalysis>("researcher", items, onProgress);
}
