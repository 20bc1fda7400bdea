/**
 * Keeping the search data right: re-analysing rows written by an older analyser (ANALYZER_VERSION), and
 * refreshing the planner's statistics after bulk writes (the embedded database has no autovacuum).
 */
import { asc, eq, inArray, lt, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { researchers, researcherWorks, seeds } from "../../db/schema";
import { ANALYZER_VERSION } from "../../text/analyzer";
import { analyzeResearchers, analyzeSeeds } from "./analysis-pool";

/**
 * VACUUM ANALYZE of the catalogue tables after bulk writes: fresh planner statistics, and the visibility
 * map that lets counts use index-only scans. Must run outside a transaction.
 */
export async function refreshStatistics(db: Db): Promise<void> {
  await db.execute(sql`vacuum (analyze) seeds, researchers, researcher_works, seed_researchers`);
}

const BATCH = 1000;

/** Re-analyses every seed and researcher whose stored terms come from an older analyser. */
export async function reindexStale(
  db: Db,
  onProgress?: (what: string, done: number) => void,
): Promise<{ seeds: number; researchers: number }> {
  let seedCount = 0;
  for (;;) {
    const rows = await db
      .select()
      .from(seeds)
      .where(lt(seeds.analyzerVersion, ANALYZER_VERSION))
      .orderBy(asc(seeds.id))
      .limit(BATCH);
    if (!rows.length) break;
    const analyses = await analyzeSeeds(rows);
    await db.transaction(async (tx) => {
      for (const [i, r] of rows.entries()) await tx.update(seeds).set(analyses[i]!).where(eq(seeds.id, r.id));
    });
    seedCount += rows.length;
    onProgress?.("seeds", seedCount);
  }
  let researcherCount = 0;
  for (;;) {
    const rows = await db
      .select()
      .from(researchers)
      .where(lt(researchers.analyzerVersion, ANALYZER_VERSION))
      .orderBy(asc(researchers.id))
      .limit(BATCH);
    if (!rows.length) break;
    const works = await db
      .select()
      .from(researcherWorks)
      .where(
        inArray(
          researcherWorks.researcherId,
          rows.map((r) => r.id),
        ),
      )
      .orderBy(asc(researcherWorks.sortOrder));
    const worksOf = (id: string) => works.filter((w) => w.researcherId === id);
    const analyses = await analyzeResearchers(
      rows.map((r) => ({
        profile: { ...r, works: worksOf(r.id) },
        works: worksOf(r.id).map((w) => ({
          titleJa: w.titleJa,
          titleEn: w.titleEn,
          abstractJa: w.abstractJa,
          abstractEn: w.abstractEn,
        })),
      })),
    );
    await db.transaction(async (tx) => {
      for (const [i, r] of rows.entries()) {
        await tx.update(researchers).set(analyses[i]!.profile).where(eq(researchers.id, r.id));
        for (const [j, w] of worksOf(r.id).entries()) {
          await tx
            .update(researcherWorks)
            .set({ terms: analyses[i]!.works[j]! })
            .where(eq(researcherWorks.id, w.id));
        }
      }
    });
    researcherCount += rows.length;
    onProgress?.("researchers", researcherCount);
  }
  if (seedCount || researcherCount) await refreshStatistics(db);
  return { seeds: seedCount, researchers: researcherCount };
}
