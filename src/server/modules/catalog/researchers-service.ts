/**
 * Researcher profiles: the public directory and profile page, the staff list (with "no published seed
 * yet"), and editing with history — by the researcher, by coordinators of the institutions they cover,
 * by admins.
 */
import { and, asc, eq, sql } from "drizzle-orm";
import { isInstitutionType } from "../../../shared/roles";
import { type Actor, can, canSeeResearcherIdentifiers, catalogEditScope } from "../../auth/policy";
import type { Db, DbOrTx } from "../../db/client";
import { organizations, researchers, researcherWorks, users } from "../../db/schema";
import { AppError, conflict, forbidden, invalid, notFound, staleVersion } from "../../errors";
import { loadAnalyzer } from "../../text/analyzer";
import { diff, historyOf, type RevisionSource, recordRevision } from "../history/service";
import { analyzeResearcher, analyzeWork } from "./analysis";
import { presentResearcherCard, presentSeedCard } from "./present";
import * as repo from "./repository";
import type { ResearcherInput, ResearcherSearchQuery } from "./schemas";
import { researcherEditCondition, rowsOf, toTsquery } from "./search-sql";
import { viewerScope } from "./seeds-service";

export async function searchDirectory(opts: {
  db: DbOrTx;
  actor: Actor | null;
  query: ResearcherSearchQuery;
}) {
  const { query } = opts;
  const analyzer = await loadAnalyzer();
  const tsquery = query.q ? toTsquery(analyzer.query(query.q)) : null;
  if (query.q?.trim() && !tsquery) return { items: [], total: 0, page: query.page, pageSize: query.pageSize };
  const { rows, total } = await repo.searchResearchers(
    opts.db,
    { tsquery, institution: query.institution, area: query.area, block: query.block },
    viewerScope(opts.actor),
    { limit: query.pageSize, offset: (query.page - 1) * query.pageSize },
  );
  return { items: rows.map(presentResearcherCard), total, page: query.page, pageSize: query.pageSize };
}

export async function listStaffResearchers(opts: {
  db: DbOrTx;
  actor: Actor;
  q?: string | undefined;
  institution?: string | undefined;
  withoutPublishedSeed?: boolean;
  page: number;
  pageSize: number;
}) {
  const analyzer = await loadAnalyzer();
  const tsquery = opts.q ? toTsquery(analyzer.query(opts.q)) : null;
  // Words that carry no meaning (only stop words) match nothing, as in the public catalogue.
  if (opts.q?.trim() && !tsquery) return { items: [], total: 0, page: opts.page, pageSize: opts.pageSize };
  const { rows, total } = await repo.searchResearchers(
    opts.db,
    {
      tsquery,
      institution: opts.institution,
      withoutPublishedSeed: opts.withoutPublishedSeed ?? false,
      editableOnly: true,
    },
    viewerScope(opts.actor),
    { limit: opts.pageSize, offset: (opts.page - 1) * opts.pageSize },
  );
  return { items: rows.map(presentResearcherCard), total, page: opts.page, pageSize: opts.pageSize };
}

export async function getResearcher(opts: { db: DbOrTx; actor: Actor | null; id: string }) {
  const v = viewerScope(opts.actor);
  const row = await repo.researcherById(opts.db, opts.id, v);
  if (!row) throw notFound("The researcher");
  const [works, seedList] = await Promise.all([
    repo.worksOf(opts.db, opts.id),
    repo.searchSeeds(
      opts.db,
      { tsquery: null, researcherId: opts.id, statuses: row.canEdit ? undefined : ["published"] },
      v,
      {
        sort: "newest",
        limit: 100,
        offset: 0,
      },
    ),
  ]);
  const identifiers = canSeeResearcherIdentifiers(opts.actor) || row.canEdit;
  return {
    ...presentResearcherCard(row),
    externalId: identifiers ? row.externalId : null,
    eradId: identifiers ? row.eradId : null,
    researchmapPermalink: row.researchmapPermalink,
    orcid: row.orcid,
    researchAreas: row.researchAreas ?? [],
    biographyJa: row.biographyJa,
    biographyEn: row.biographyEn,
    equipment: row.equipment ?? [],
    acceptingInquiries: row.acceptingInquiries,
    works,
    seeds: seedList.rows.map(presentSeedCard),
    userId: identifiers ? row.userId : null,
    version: row.version,
    canEdit: row.canEdit,
    updatedAt: new Date(row.updatedAt).toISOString(),
  };
}

/** The profile linked to the signed-in user, if any. */
export async function myResearcherId(db: DbOrTx, actor: Actor): Promise<string | null> {
  const [mine] = await db
    .select({ id: researchers.id })
    .from(researchers)
    .where(eq(researchers.userId, actor.id));
  return mine?.id ?? null;
}

const PROFILE_FIELDS = [
  "organizationId",
  "nameJa",
  "nameEn",
  "nameKana",
  "department",
  "position",
  "eradId",
  "researchmapPermalink",
  "orcid",
  "researchAreas",
  "keywordsJa",
  "keywordsEn",
  "biographyJa",
  "biographyEn",
  "equipment",
  "acceptingInquiries",
] as const;

type ResearcherRow = typeof researchers.$inferSelect;
type WorkInput = NonNullable<ResearcherInput["works"]>[number];

function profileValues(input: ResearcherInput, base: Partial<ResearcherRow>) {
  const merged = {
    ...base,
    ...Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)),
  } as ResearcherRow;
  return {
    ...merged,
    keywordsJa: merged.keywordsJa ?? [],
    keywordsEn: merged.keywordsEn ?? [],
    researchAreas: (merged.researchAreas ?? []).map((a) => ({ ja: a.ja ?? null, en: a.en ?? null })),
    equipment: merged.equipment ?? [],
    acceptingInquiries: merged.acceptingInquiries ?? true,
  };
}

async function assertInstitution(db: DbOrTx, organizationId: string) {
  const [org] = await db
    .select({ type: organizations.type })
    .from(organizations)
    .where(eq(organizations.id, organizationId));
  if (!org) throw invalid("organizationId", "there is no such organisation");
  if (!isInstitutionType(org.type))
    throw invalid("organizationId", "a researcher belongs to a university or a KOSEN");
}

async function assertCovers(db: DbOrTx, actor: Actor, organizationId: string) {
  const scope = catalogEditScope(actor);
  if (scope.kind === "all") return;
  if (scope.kind === "institutions") {
    const [row] = await rowsOf<{ ok: boolean }>(
      db,
      sql`select (${researcherEditCondition(scope)}) as ok from (select ${organizationId}::uuid as organization_id) r`,
    );
    if (row?.ok) return;
  }
  throw forbidden("You do not cover this institution");
}

/** An account linked to a profile: an existing researcher account, not linked to another profile. */
async function checkLinkedUser(db: DbOrTx, userId: string, exceptId?: string) {
  const [u] = await db.select({ role: users.role }).from(users).where(eq(users.id, userId));
  if (!u) throw invalid("userId", "there is no such user");
  if (u.role !== "researcher")
    throw invalid("userId", "only a researcher account can be linked to a profile");
  const [taken] = await db
    .select({ id: researchers.id })
    .from(researchers)
    .where(eq(researchers.userId, userId));
  if (taken && taken.id !== exceptId)
    throw conflict("userId: that account is already linked to another profile", [
      { field: "userId", message: "already linked to another profile" },
    ]);
}

/** Duplicate identifiers, named by field, with the profile that already has them. */
async function checkIdentifiers(
  db: DbOrTx,
  v: { eradId?: string | null; researchmapPermalink?: string | null; orcid?: string | null },
  exceptId?: string,
) {
  for (const field of ["eradId", "researchmapPermalink", "orcid"] as const) {
    const value = v[field];
    if (!value) continue;
    const [other] = await db
      .select({ id: researchers.id, nameJa: researchers.nameJa, nameEn: researchers.nameEn })
      .from(researchers)
      .where(eq(researchers[field], value));
    if (other && other.id !== exceptId) {
      throw conflict(`${field}: ${value} already belongs to ${other.nameJa ?? other.nameEn}`, [
        { field, message: `already belongs to ${other.nameJa ?? other.nameEn}` },
      ]);
    }
  }
}

export async function replaceWorks(
  db: DbOrTx,
  researcherId: string,
  works: (WorkInput & { source?: "manual" | "import" | "researchmap"; sourceId?: string | null })[],
) {
  const analyzer = await loadAnalyzer();
  await db.delete(researcherWorks).where(eq(researcherWorks.researcherId, researcherId));
  if (!works.length) return;
  await db.insert(researcherWorks).values(
    works.map((w, i) => ({
      researcherId,
      kind: w.kind,
      titleJa: w.titleJa ?? null,
      titleEn: w.titleEn ?? null,
      abstractJa: w.abstractJa ?? null,
      abstractEn: w.abstractEn ?? null,
      year: w.year ?? null,
      venue: w.venue ?? null,
      url: w.url ?? null,
      source: w.source ?? "manual",
      sourceId: w.sourceId ?? null,
      terms: analyzeWork(analyzer, {
        titleJa: w.titleJa ?? null,
        titleEn: w.titleEn ?? null,
        abstractJa: w.abstractJa ?? null,
        abstractEn: w.abstractEn ?? null,
      }),
      sortOrder: i,
    })),
  );
}

export async function createResearcher(opts: {
  db: Db;
  actor: Actor;
  input: ResearcherInput & { userId?: string | null };
  source?: RevisionSource;
}) {
  const { db, actor } = opts;
  if (!can(actor, "researchers:create")) throw forbidden();
  const input = { ...opts.input };
  let userId = input.userId ?? null;
  if (actor.role === "researcher") {
    if (await myResearcherId(db, actor)) throw conflict("You already have a profile; edit it instead");
    input.organizationId = actor.organizationId;
    userId = actor.id;
  }
  if (!input.organizationId) throw invalid("organizationId", "choose the institution");
  if (!input.nameJa && !input.nameEn)
    throw invalid("nameJa", "a researcher needs a name in Japanese or English");
  await assertInstitution(db, input.organizationId);
  if (actor.role !== "researcher") await assertCovers(db, actor, input.organizationId);
  if (userId && actor.role !== "researcher") await checkLinkedUser(db, userId);
  await checkIdentifiers(db, input);
  const values = profileValues(input, {});
  const works = input.works ?? [];
  const analysis = analyzeResearcher(await loadAnalyzer(), {
    ...values,
    works: works.map((w) => ({ titleJa: w.titleJa ?? null, titleEn: w.titleEn ?? null })),
  });
  const id = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(researchers)
      .values({ ...values, organizationId: input.organizationId!, userId, ...analysis })
      .returning({ id: researchers.id });
    await replaceWorks(tx, row!.id, works);
    await recordRevision(tx, {
      entityType: "researcher",
      entityId: row!.id,
      version: 1,
      actor,
      source: opts.source ?? "web",
      changes: diff(null, values, PROFILE_FIELDS),
    });
    return row!.id;
  });
  return getResearcher({ db, actor, id });
}

export async function updateResearcher(opts: {
  db: Db;
  actor: Actor;
  id: string;
  input: ResearcherInput & { version: number; userId?: string | null };
  source?: RevisionSource;
}) {
  const { db, actor, id } = opts;
  const { version, userId, ...input } = opts.input;
  const [current] = await rowsOf<ResearcherRow & { can_edit: boolean }>(
    db,
    sql`select r.*, (${researcherEditCondition(catalogEditScope(actor))}) as can_edit from researchers r where r.id = ${id}`,
  );
  if (!current) throw notFound("The researcher");
  if (!current.can_edit) throw forbidden("You may not edit this profile");
  const [row] = await db.select().from(researchers).where(eq(researchers.id, id));
  if (!row) throw notFound("The researcher");
  if (input.organizationId && input.organizationId !== row.organizationId) {
    if (actor.role === "researcher")
      throw forbidden("Ask a coordinator to move your profile to another institution");
    await assertInstitution(db, input.organizationId);
    await assertCovers(db, actor, input.organizationId);
  }
  if (userId !== undefined && actor.role === "researcher")
    throw forbidden("Ask a coordinator to link an account");
  if (userId) await checkLinkedUser(db, userId, id);
  await checkIdentifiers(db, input, id);
  const next = profileValues(input, row);
  if (!next.nameJa && !next.nameEn)
    throw invalid("nameJa", "a researcher needs a name in Japanese or English");
  const changes = diff(
    row as unknown as Record<string, unknown>,
    next as unknown as Record<string, unknown>,
    PROFILE_FIELDS,
  );
  const oldWorks = await repo.worksOf(db, id);
  if (input.works) {
    const pick = (w: Partial<WorkInput>) => ({
      kind: w.kind,
      titleJa: w.titleJa ?? null,
      titleEn: w.titleEn ?? null,
      year: w.year ?? null,
    });
    const a = oldWorks.map(pick);
    const b = input.works.map(pick);
    if (JSON.stringify(a) !== JSON.stringify(b)) changes.works = { from: a.length, to: b.length };
  }
  if (userId !== undefined && userId !== row.userId) changes.userId = { from: row.userId, to: userId };
  if (row.version !== version) throw staleVersion("This profile");
  if (!Object.keys(changes).length) return getResearcher({ db, actor, id });
  const works = input.works ?? oldWorks;
  const analysis = analyzeResearcher(await loadAnalyzer(), {
    ...next,
    works: works.map((w) => ({ titleJa: w.titleJa ?? null, titleEn: w.titleEn ?? null })),
  });
  await db.transaction(async (tx) => {
    const updated = await tx
      .update(researchers)
      .set({
        ...Object.fromEntries(PROFILE_FIELDS.map((f) => [f, next[f]])),
        ...(userId !== undefined ? { userId } : {}),
        ...analysis,
        version: row.version + 1,
        updatedAt: new Date(),
      })
      .where(and(eq(researchers.id, id), eq(researchers.version, version)))
      .returning({ id: researchers.id });
    if (!updated.length) throw staleVersion("This profile");
    if (input.works) await replaceWorks(tx, id, input.works);
    await recordRevision(tx, {
      entityType: "researcher",
      entityId: id,
      version: row.version + 1,
      actor,
      source: opts.source ?? "web",
      changes,
    });
  });
  return getResearcher({ db, actor, id });
}

export async function researcherHistory(opts: { db: DbOrTx; actor: Actor; id: string }) {
  const r = await getResearcher(opts);
  if (!r.canEdit) throw new AppError("FORBIDDEN", "The history is shown to those who may edit the profile");
  return historyOf(opts.db, "researcher", opts.id);
}

/** Researchers (id, name) for pickers: those the actor may put on a seed, matched by name. */
export async function researcherOptions(opts: { db: DbOrTx; q: string; institution?: string | undefined }) {
  const like = `%${opts.q.replace(/[%_\\]/g, "\\$&")}%`;
  return opts.db
    .select({
      id: researchers.id,
      nameJa: researchers.nameJa,
      nameEn: researchers.nameEn,
      institution: organizations.nameJa,
    })
    .from(researchers)
    .innerJoin(organizations, eq(organizations.id, researchers.organizationId))
    .where(
      and(
        opts.institution ? eq(researchers.organizationId, opts.institution) : undefined,
        opts.q
          ? sql`(${researchers.nameJa} ilike ${like} or ${researchers.nameEn} ilike ${like} or ${researchers.nameKana} ilike ${like})`
          : undefined,
      ),
    )
    .orderBy(asc(researchers.nameKana))
    .limit(30);
}
