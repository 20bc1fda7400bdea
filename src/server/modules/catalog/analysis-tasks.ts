/** The analysis work that can run on worker threads: plain data in, plain data out. */
import type { Analyzer } from "../../text/analyzer";
import {
  type Analysis,
  analyzeResearcher,
  analyzeSeed,
  analyzeWork,
  type ResearcherText,
  type SeedText,
} from "./analysis";

export interface WorkText {
  titleJa: string | null;
  titleEn: string | null;
  abstractJa: string | null;
  abstractEn: string | null;
}

export type AnalysisTask =
  | { kind: "seed"; items: SeedText[] }
  | { kind: "researcher"; items: { profile: ResearcherText; works: WorkText[] }[] };

export type ResearcherAnalysis = { profile: Analysis; works: Record<string, string[]>[] };

export function runTask(a: Analyzer, task: AnalysisTask): Analysis[] | ResearcherAnalysis[] {
  if (task.kind === "seed") return task.items.map((s) => analyzeSeed(a, s));
  return task.items.map((r) => ({
    profile: analyzeResearcher(a, r.profile),
    works: r.works.map((w) => analyzeWork(a, w)),
  }));
}
