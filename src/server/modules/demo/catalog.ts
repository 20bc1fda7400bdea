/**
 * The demo seeds database: about 4,200 synthetic researchers and 10,000 seeds (catalog-generator.ts),
 * written through the same importer as real files, marked as demo data. The demo researcher account is
 * linked to a profile at 長岡高専 that has seeds, so that "edit my seed" works out of the box.
 */
import { and, asc, eq, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { researchers, seedResearchers, seeds, users } from "../../db/schema";
import { importResearchers, importSeeds, type Progress } from "../catalog/import/apply";
import { generateCatalog } from "./catalog-generator";

export const DEMO_CATALOG_SIZES = {
  full: { researchers: 4200, seeds: 10000 },
  small: { researchers: 420, seeds: 1000 },
} as const;
export type DemoCatalogSize = keyof typeof DEMO_CATALOG_SIZES;

export async function loadDemoCatalog(
  db: Db,
  opts: {
    size?: DemoCatalogSize;
    researcherEmail?: string;
    onProgress?: (what: string, p: Progress) => void;
  } = {},
): Promise<{ researchers: number; seeds: number }> {
  const generated = generateCatalog(DEMO_CATALOG_SIZES[opts.size ?? "full"]);
  const common = { actor: null, dryRun: false, partial: false, source: "demo" as const, isDemo: true };
  const r = await importResearchers(
    db,
    { records: generated.researchers.map((record, i) => ({ line: i + 1, record })), problems: [] },
    { ...common, onProgress: (p) => opts.onProgress?.("researchers", p) },
  );
  const s = await importSeeds(
    db,
    { records: generated.seeds.map((record, i) => ({ line: i + 1, record })), problems: [] },
    { ...common, onProgress: (p) => opts.onProgress?.("seeds", p) },
  );
  if (r.problems.length || s.problems.length) {
    throw new Error(
      `demo catalogue: ${r.problems.length + s.problems.length} generated record(s) were refused: ${JSON.stringify([...r.problems, ...s.problems].slice(0, 3))}`,
    );
  }
  if (opts.researcherEmail) await linkDemoResearcher(db, opts.researcherEmail);
  return { researchers: r.created + r.updated + r.unchanged, seeds: s.created + s.updated + s.unchanged };
}

/** Links the demo researcher account to the 長岡高専 profile with the most published seeds. */
async function linkDemoResearcher(db: Db, email: string) {
  const [user] = await db
    .select({ id: users.id, organizationId: users.organizationId })
    .from(users)
    .where(eq(users.email, email));
  if (!user) return;
  const [profile] = await db
    .select({ id: researchers.id })
    .from(researchers)
    .innerJoin(
      seedResearchers,
      and(eq(seedResearchers.researcherId, researchers.id), eq(seedResearchers.role, "lead")),
    )
    .innerJoin(seeds, and(eq(seeds.id, seedResearchers.seedId), eq(seeds.status, "published")))
    .where(and(eq(researchers.organizationId, user.organizationId), eq(researchers.isDemo, true)))
    .groupBy(researchers.id)
    .orderBy(sql`count(*) desc`, asc(researchers.externalId))
    .limit(1);
  if (profile) await db.update(researchers).set({ userId: user.id }).where(eq(researchers.id, profile.id));
}

export async function removeDemoCatalog(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.delete(seeds).where(eq(seeds.isDemo, true));
    await tx.delete(researchers).where(eq(researchers.isDemo, true));
  });
}
