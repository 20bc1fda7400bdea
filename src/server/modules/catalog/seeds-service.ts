/**
 * Seeds (研究シーズ): the public catalogue search, one seed, and editing with history. Visibility and edit
 * rights come from the policy module; SQL from the repository.
 */
import { and, eq, inArray, sql } from "drizzle-orm";
import { phaseOfTrl } from "../../../shared/seeds";
import { type Actor, can, catalogEditScope, seedVisibilitiesFor } from "../../auth/policy";
import type { Db, DbOrTx } from "../../db/client";
import { organizations, researchers, seedResearchers, seeds } from "../../db/schema";
import { AppError, forbidden, invalid, notFound, staleVersion } from "../../errors";
import { loadAnalyzer } from "../../text/analyzer";
import { diff, historyOf, type RevisionSource, recordRevision } from "../history/service";
import { analyzeSeed } from "./analysis";
import { presentSeedCard, presentSeedDetail } from "./present";
import * as repo from "./repository";
import type { SeedInput, SeedSearchQuery } from "./schemas";
import type { SearchCache } from "./search-cache";
import { researcherEditCondition, rowsOf, toTsquery } from "./search-sql";

export function viewerScope(actor: Actor | null): repo.ViewerScope {
  return { visibilities: seedVisibilitiesFor(actor), scope: catalogEditScope(actor) };
}

type CatalogAnswer = Awaited<ReturnType<typeof searchCatalogUncached>>;

/**
 * The public catalogue search. Viewers who edit no seeds see exactly what their visibility level allows,
 * so their answers can be shared through the cache (keyed by visibility level and the whole query).
 */
export async function searchCatalog(opts: {
  db: DbOrTx;
  actor: Actor | null;
  query: SeedSearchQuery;
  cache?: SearchCache | null;
}): Promise<CatalogAnswer> {
  const v = viewerScope(opts.actor);
  if (!opts.cache || v.scope.kind !== "none") return searchCatalogUncached(opts);
  const key = JSON.stringify([v.visibilities, opts.query]);
  return (await opts.cache.through(opts.db, key, () => searchCatalogUncached(opts))) as CatalogAnswer;
}

async function searchCatalogUncached(opts: { db: DbOrTx; actor: Actor | null; query: SeedSearchQuery }) {
  const { query } = opts;
  const analyzer = await loadAnalyzer();
  const tsquery = query.q ? toTsquery(analyzer.query(query.q)) : null;
  if (query.q?.trim() && !tsquery) return { items: [], total: 0, page: query.page, pageSize: query.pageSize };
  const { rows, total } = await repo.searchSeeds(
    opts.db,
    {
      tsquery,
      field: query.field,
      institution: query.institution,
      area: query.area,
      block: query.block,
      phase: query.phase,
      statuses: ["published"],
    },
    viewerScope(opts.actor),
    { sort: query.sort, limit: query.pageSize, offset: (query.page - 1) * query.pageSize },
  );
  return { items: rows.map(presentSeedCard), total, page: query.page, pageSize: query.pageSize };
}

/** Seeds the viewer may edit (their own for researchers, covered institutions for coordinators). */
export async function listEditableSeeds(opts: {
  db: DbOrTx;
  actor: Actor;
  q?: string | undefined;
  status?: string | undefined;
  institution?: string | undefined;
  page: number;
  pageSize: number;
}) {
  const analyzer = await loadAnalyzer();
  const tsquery = opts.q ? toTsquery(analyzer.query(opts.q)) : null;
  // Words that carry no meaning (only stop words) match nothing, as in the public catalogue.
  if (opts.q?.trim() && !tsquery) return { items: [], total: 0, page: opts.page, pageSize: opts.pageSize };
  const { rows, total } = await repo.searchSeeds(
    opts.db,
    {
      tsquery,
      institution: opts.institution,
      statuses: opts.status ? [opts.status] : undefined,
      editableOnly: true,
    },
    viewerScope(opts.actor),
    { sort: "updated", limit: opts.pageSize, offset: (opts.page - 1) * opts.pageSize },
  );
  return { items: rows.map(presentSeedCard), total, page: opts.page, pageSize: opts.pageSize };
}

export async function getSeed(opts: { db: DbOrTx; actor: Actor | null; id: string }) {
  const row = await repo.seedById(opts.db, opts.id, viewerScope(opts.actor));
  if (!row) throw notFound("The seed");
  return presentSeedDetail(row);
}

const SEED_FIELDS = [
  "titleJa",
  "titleEn",
  "summaryJa",
  "summaryEn",
  "overviewJa",
  "overviewEn",
  "featuresJa",
  "featuresEn",
  "applicationsJa",
  "applicationsEn",
  "keywordsJa",
  "keywordsEn",
  "fields",
  "trl",
  "phase",
  "patents",
  "status",
  "visibility",
] as const;

type SeedRow = typeof seeds.$inferSelect;

/** Researcher ids the actor may put on a seed, with their institutions; refuses others naming them. */
async function checkResearchers(db: DbOrTx, ids: string[]) {
  if (new Set(ids).size !== ids.length) throw invalid("researcherIds", "a researcher is listed twice");
  const found = await db
    .select({ id: researchers.id, organizationId: researchers.organizationId, userId: researchers.userId })
    .from(researchers)
    .where(inArray(researchers.id, ids));
  const missing = ids.filter((id) => !found.some((f) => f.id === id));
  if (missing.length) throw invalid("researcherIds", `unknown researcher(s): ${missing.join(", ")}`);
  return ids.map((id) => found.find((f) => f.id === id)!);
}

/** Whether the actor may edit seeds of the lead researcher's institution (coordinators) or the seed at all. */
async function assertMayEditSeedOf(
  db: DbOrTx,
  actor: Actor,
  leadResearcherId: string,
  researcherIds: string[],
) {
  const scope = catalogEditScope(actor);
  if (scope.kind === "all") return;
  if (scope.kind === "own") {
    const [mine] = await db
      .select({ id: researchers.id })
      .from(researchers)
      .where(eq(researchers.userId, actor.id));
    if (!mine || !researcherIds.includes(mine.id)) {
      throw forbidden("A researcher can only write seeds they are a researcher of; add yourself to the seed");
    }
    return;
  }
  if (scope.kind === "institutions") {
    const [ok] = await rowsOf<{ ok: boolean }>(
      db,
      sql`select (${researcherEditCondition(scope)}) as ok from researchers r where r.id = ${leadResearcherId}`,
    );
    if (!ok?.ok) throw forbidden("This seed's lead researcher is at an institution you do not cover");
    return;
  }
  throw forbidden();
}

function normalized(input: SeedInput, base: Partial<SeedRow>) {
  const merged = {
    ...base,
    ...Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)),
  } as SeedRow;
  const trl = merged.trl ?? null;
  return {
    ...merged,
    keywordsJa: merged.keywordsJa ?? [],
    keywordsEn: merged.keywordsEn ?? [],
    fields: merged.fields ?? [],
    patents: merged.patents ?? [],
    phase: trl ? phaseOfTrl(trl) : (merged.phase ?? null),
  };
}

export async function writeSeedResearchers(db: DbOrTx, seedId: string, researcherIds: string[]) {
  await db.delete(seedResearchers).where(eq(seedResearchers.seedId, seedId));
  await db.insert(seedResearchers).values(
    researcherIds.map((researcherId, i) => ({
      seedId,
      researcherId,
      role: i === 0 ? ("lead" as const) : ("member" as const),
      sortOrder: i,
    })),
  );
}

export async function createSeed(opts: { db: Db; actor: Actor; input: SeedInput; source?: RevisionSource }) {
  const { db, actor, input } = opts;
  if (!can(actor, "seeds:create")) throw forbidden();
  let researcherIds = input.researcherIds;
  if (!researcherIds?.length) {
    const [mine] = await db
      .select({ id: researchers.id })
      .from(researchers)
      .where(eq(researchers.userId, actor.id));
    if (!mine) throw invalid("researcherIds", "choose the researchers of the seed (the first is the lead)");
    researcherIds = [mine.id];
  }
  if (!input.titleJa && !input.titleEn)
    throw invalid("titleJa", "a seed needs a title in Japanese or English");
  const list = await checkResearchers(db, researcherIds);
  await assertMayEditSeedOf(db, actor, researcherIds[0]!, researcherIds);
  const values = normalized(input, { status: "draft", visibility: "public" });
  const analysis = analyzeSeed(await loadAnalyzer(), values);
  const id = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(seeds)
      .values({
        ...values,
        organizationId: list[0]!.organizationId,
        publishedAt: values.status === "published" ? new Date() : null,
        createdBy: actor.id,
        ...analysis,
      })
      .returning({ id: seeds.id });
    await writeSeedResearchers(tx, row!.id, researcherIds);
    await recordRevision(tx, {
      entityType: "seed",
      entityId: row!.id,
      version: 1,
      actor,
      source: opts.source ?? "web",
      changes: { ...diff(null, values, SEED_FIELDS), researcherIds: { from: null, to: researcherIds } },
    });
    return row!.id;
  });
  return getSeed({ db, actor, id });
}

export async function updateSeed(opts: {
  db: Db;
  actor: Actor;
  id: string;
  input: SeedInput & { version: number };
  source?: RevisionSource;
}) {
  const { db, actor, id } = opts;
  const { version, ...input } = opts.input;
  const visible = await repo.seedById(db, id, viewerScope(actor));
  if (!visible) throw notFound("The seed");
  if (!visible.canEdit) throw forbidden("You may not edit this seed");
  const [current] = await db.select().from(seeds).where(eq(seeds.id, id));
  if (!current) throw notFound("The seed");
  const currentResearchers = visible.researchers.map((r) => r.id);
  const researcherIds = input.researcherIds ?? currentResearchers;
  let organizationId = current.organizationId;
  if (input.researcherIds) {
    const list = await checkResearchers(db, researcherIds);
    await assertMayEditSeedOf(db, actor, researcherIds[0]!, researcherIds);
    organizationId = list[0]!.organizationId;
  }
  const next = normalized(input, current);
  if (!next.titleJa && !next.titleEn) throw invalid("titleJa", "a seed needs a title in Japanese or English");
  const changes = diff(
    current as unknown as Record<string, unknown>,
    next as unknown as Record<string, unknown>,
    SEED_FIELDS,
  );
  if (JSON.stringify(researcherIds) !== JSON.stringify(currentResearchers))
    changes.researcherIds = { from: currentResearchers, to: researcherIds };
  if (current.version !== version) throw staleVersion("This seed");
  if (!Object.keys(changes).length) return getSeed({ db, actor, id });
  const analysis = analyzeSeed(await loadAnalyzer(), next);
  await db.transaction(async (tx) => {
    const updated = await tx
      .update(seeds)
      .set({
        ...Object.fromEntries(SEED_FIELDS.map((f) => [f, next[f]])),
        organizationId,
        publishedAt: next.status === "published" ? (current.publishedAt ?? new Date()) : current.publishedAt,
        ...analysis,
        version: current.version + 1,
        updatedAt: new Date(),
      })
      .where(and(eq(seeds.id, id), eq(seeds.version, version)))
      .returning({ id: seeds.id });
    if (!updated.length) throw staleVersion("This seed");
    if (changes.researcherIds) await writeSeedResearchers(tx, id, researcherIds);
    await recordRevision(tx, {
      entityType: "seed",
      entityId: id,
      version: current.version + 1,
      actor,
      source: opts.source ?? "web",
      changes,
    });
  });
  return getSeed({ db, actor, id });
}

export async function seedHistory(opts: { db: DbOrTx; actor: Actor; id: string }) {
  const row = await repo.seedById(opts.db, opts.id, viewerScope(opts.actor));
  if (!row) throw notFound("The seed");
  if (!row.canEdit) throw new AppError("FORBIDDEN", "The history is shown to those who may edit the seed");
  return historyOf(opts.db, "seed", opts.id);
}

export async function catalogInstitutions(db: DbOrTx) {
  return db
    .select({
      id: organizations.id,
      type: organizations.type,
      nameJa: organizations.nameJa,
      shortNameJa: organizations.shortNameJa,
      nameEn: organizations.nameEn,
      shortNameEn: organizations.shortNameEn,
      areaCode: organizations.areaCode,
      kosenBlock: organizations.kosenBlock,
      prefecture: organizations.prefecture,
    })
    .from(organizations)
    .where(inArray(organizations.type, ["university", "kosen"]))
    .orderBy(
      sql`case ${organizations.type} when 'university' then 1 else 2 end`,
      organizations.prefecture,
      organizations.nameKana,
    );
}
