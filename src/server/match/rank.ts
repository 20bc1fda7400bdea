/**
 * From scored documents to ranked researchers. A researcher's score is the evidence of their best few
 * documents with decreasing weight (1, ½, ¼): one excellent seed beats ten weak papers, and a long
 * profile earns nothing by its length. Then the re-ranking: a bonus for the need's preferred area, less
 * for researchers who said they are busy, and diversity across institutions (each further researcher
 * of an institution already listed counts a little less).
 *
 * @example
 *   aggregateResearchers([{ doc: 0, score: 3, researcherIds: ["r1"] }], (id) => researchers.get(id), { top: 5 });
 */
import type { ResearcherMeta } from "./types";

export interface RankOptions {
  top: number;
  /** Weights of a researcher's best, second, third … document. */
  decay: number[];
  preferredArea: string | null;
  /** Extra share of the score for a researcher in the preferred area. */
  areaBoost: number;
  /** Multiplier for each researcher of the same institution already ranked higher (1 = no diversity). */
  diversity: number;
  /** How much unavailability costs: score × (1 − weight × (1 − availability)). */
  availabilityWeight: number;
}

export const DEFAULT_RANK: Omit<RankOptions, "top"> = {
  decay: [1, 0.5, 0.25],
  preferredArea: null,
  areaBoost: 0.15,
  diversity: 0.85,
  availabilityWeight: 0.5,
};

export interface Evidence {
  doc: number;
  score: number;
  researcherIds: string[];
}

export interface RankedResearcher {
  researcher: ResearcherMeta;
  score: number;
  evidence: { doc: number; score: number }[];
}

export function aggregateResearchers(
  evidence: Evidence[],
  researcherOf: (id: string) => ResearcherMeta | undefined,
  options: Partial<RankOptions> & { top: number },
): RankedResearcher[] {
  const o = { ...DEFAULT_RANK, ...options };
  const best = new Map<string, { doc: number; score: number }[]>();
  // Evidence arrives best first, so each researcher's list is already sorted.
  for (const e of evidence) {
    for (const id of e.researcherIds) {
      const list = best.get(id) ?? [];
      if (list.length < o.decay.length) list.push({ doc: e.doc, score: e.score });
      best.set(id, list);
    }
  }
  const candidates: RankedResearcher[] = [];
  for (const [id, docs] of best) {
    const researcher = researcherOf(id);
    if (!researcher) continue;
    let score = docs.reduce((sum, d, i) => sum + d.score * o.decay[i]!, 0);
    if (o.preferredArea && researcher.areaCode === o.preferredArea) score *= 1 + o.areaBoost;
    score *= 1 - o.availabilityWeight * (1 - Math.min(1, Math.max(0, researcher.availability)));
    candidates.push({ researcher, score, evidence: docs });
  }
  candidates.sort((a, b) => b.score - a.score || a.researcher.id.localeCompare(b.researcher.id));
  if (o.diversity >= 1) return candidates.slice(0, o.top);
  // Greedy re-ranking: pick the best adjusted score, then discount that institution's remaining researchers.
  const picked: RankedResearcher[] = [];
  const perInstitution = new Map<string, number>();
  const pool = candidates.slice(0, Math.max(o.top * 5, 50));
  while (picked.length < o.top && pool.length) {
    let bestAt = 0;
    let bestScore = -1;
    for (let i = 0; i < pool.length; i++) {
      const c = pool[i]!;
      const seen = perInstitution.get(c.researcher.institutionId ?? "") ?? 0;
      const adjusted = c.score * o.diversity ** seen;
      if (adjusted > bestScore) {
        bestScore = adjusted;
        bestAt = i;
      }
    }
    const [c] = pool.splice(bestAt, 1);
    const key = c!.researcher.institutionId ?? "";
    perInstitution.set(key, (perInstitution.get(key) ?? 0) + 1);
    picked.push({ ...c!, score: bestScore });
  }
  return picked;
}
