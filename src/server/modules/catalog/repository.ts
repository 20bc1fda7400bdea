/**
 * All catalogue reads: seed search, a seed, the researcher directory, a researcher. Every query takes
 * the viewer's visibilities and edit scope (from the policy module) and filters in SQL, so that nothing a
 * viewer may not see ever leaves the database.
 */
import { type SQL, sql } from "drizzle-orm";
import type { EditScope } from "../../auth/policy";
import type { DbOrTx } from "../../db/client";
import {
  preferIndexes,
  researcherEditCondition,
  rowsOf,
  seedEditCondition,
  seedReadCondition,
  textArray,
} from "./search-sql";

export interface SeedFilters {
  tsquery: string | null;
  field?: string | undefined;
  institution?: string | undefined;
  area?: string | undefined;
  block?: string | undefined;
  phase?: string | undefined;
  /** Only seeds of this researcher. */
  researcherId?: string | undefined;
  /** Editor lists: restrict to these statuses (default: whatever the viewer may read). */
  statuses?: string[] | undefined;
  /** Editor lists: only seeds the viewer may edit. */
  editableOnly?: boolean;
}

export interface ViewerScope {
  visibilities: string[];
  scope: EditScope;
}

const INSTITUTION_JSON = sql`json_build_object('id', o.id, 'nameJa', o.name_ja, 'nameEn', o.name_en, 'type', o.type, 'areaCode', o.area_code, 'kosenBlock', o.kosen_block)`;
const SEED_RESEARCHERS_JSON = sql`coalesce((select json_agg(json_build_object('id', r.id, 'nameJa', r.name_ja, 'nameEn', r.name_en, 'role', sr.role) order by sr.sort_order)
  from seed_researchers sr join researchers r on r.id = sr.researcher_id where sr.seed_id = s.id), '[]'::json)`;

export const SEED_CARD_COLUMNS = sql`s.id, s.title_ja as "titleJa", s.title_en as "titleEn", s.summary_ja as "summaryJa", s.summary_en as "summaryEn",
  s.keywords_ja as "keywordsJa", s.keywords_en as "keywordsEn", s.fields, s.trl, s.phase, s.status, s.visibility,
  s.published_at as "publishedAt", s.updated_at as "updatedAt", ${INSTITUTION_JSON} as institution, ${SEED_RESEARCHERS_JSON} as researchers`;

export interface SeedCardRow {
  id: string;
  titleJa: string | null;
  titleEn: string | null;
  summaryJa: string | null;
  summaryEn: string | null;
  keywordsJa: string[];
  keywordsEn: string[];
  fields: string[];
  trl: number | null;
  phase: string | null;
  status: "draft" | "published" | "archived";
  visibility: "public" | "members" | "coordinators";
  publishedAt: Date | string | null;
  updatedAt: Date | string;
  institution: {
    id: string;
    nameJa: string;
    nameEn: string | null;
    type: string;
    areaCode: string | null;
    kosenBlock: string | null;
  };
  researchers: { id: string; nameJa: string | null; nameEn: string | null; role: string }[];
}

function seedWhere(f: SeedFilters, v: ViewerScope): SQL {
  const parts: SQL[] = [
    f.editableOnly ? seedEditCondition(v.scope) : seedReadCondition(v.visibilities, v.scope),
  ];
  if (f.statuses?.length) parts.push(sql`s.status = any(${textArray(f.statuses)})`);
  if (f.tsquery) parts.push(sql`s.search_vector @@ ${f.tsquery}::tsquery`);
  if (f.field) parts.push(sql`${f.field} = any(s.fields)`);
  if (f.institution) parts.push(sql`s.organization_id = ${f.institution}`);
  if (f.area) parts.push(sql`o.area_code = ${f.area}`);
  if (f.block) parts.push(sql`o.kosen_block = ${f.block}`);
  if (f.phase) parts.push(sql`s.phase = ${f.phase}`);
  if (f.researcherId) {
    parts.push(
      sql`exists (select 1 from seed_researchers srf where srf.seed_id = s.id and srf.researcher_id = ${f.researcherId})`,
    );
  }
  return sql.join(parts, sql` and `);
}

export async function searchSeeds(
  db: DbOrTx,
  f: SeedFilters,
  v: ViewerScope,
  page: { sort: "relevance" | "newest" | "title" | "updated"; limit: number; offset: number },
): Promise<{ rows: SeedCardRow[]; total: number }> {
  const rank = f.tsquery ? sql`coalesce(ts_rank(s.rank_vector, ${f.tsquery}::tsquery), 0)` : sql`0`;
  // Ordering over the columns of `matched` (m).
  const order =
    page.sort === "title"
      ? sql`m.title asc`
      : page.sort === "updated"
        ? sql`m.updated_at desc`
        : page.sort === "newest" || !f.tsquery
          ? sql`m.published_at desc nulls last`
          : sql`m.rank desc, m.published_at desc nulls last`;
  // Without words: page through the browse index, count separately (no rank to share between the two).
  const browse = sql`select s.id, row_number() over (order by ${order}, m.id) as n
          from seeds s join organizations o on o.id = s.organization_id
          cross join lateral (select s.id, s.published_at, s.updated_at, coalesce(s.title_ja, s.title_en) as title) m
          where ${seedWhere(f, v)}
          order by ${order}, m.id
          limit ${page.limit} offset ${page.offset}`;
  // With words: find and rank the matches once (cheap columns only), then build the cards of one page.
  const rows = await preferIndexes(db, !!f.tsquery, (q) =>
    rowsOf<SeedCardRow & { total: number }>(
      q,
      f.tsquery
        ? sql`with matched as (
          select s.id, ${rank} as rank, s.published_at, s.updated_at, coalesce(s.title_ja, s.title_en) as title
          from seeds s join organizations o on o.id = s.organization_id
          where ${seedWhere(f, v)}
        ), page as (
          select m.id, row_number() over (order by ${order}, m.id) as n
          from matched m order by ${order}, m.id
          limit ${page.limit} offset ${page.offset}
        )
        select ${SEED_CARD_COLUMNS}, (select count(*) from matched)::int as total
        from page join seeds s on s.id = page.id join organizations o on o.id = s.organization_id
        order by page.n`
        : sql`with page as (${browse})
        select ${SEED_CARD_COLUMNS},
          (select count(*) from seeds s join organizations o on o.id = s.organization_id where ${seedWhere(f, v)})::int as total
        from page join seeds s on s.id = page.id join organizations o on o.id = s.organization_id
        order by page.n`,
    ),
  );
  let total = Number(rows[0]?.total ?? 0);
  if (!rows.length && page.offset > 0) {
    const [c] = await rowsOf<{ n: number }>(
      db,
      sql`select count(*)::int as n from seeds s join organizations o on o.id = s.organization_id where ${seedWhere(f, v)}`,
    );
    total = Number(c?.n ?? 0);
  }
  return { rows, total };
}

export interface SeedDetailRow extends SeedCardRow {
  externalId: string | null;
  overviewJa: string | null;
  overviewEn: string | null;
  featuresJa: string | null;
  featuresEn: string | null;
  applicationsJa: string | null;
  applicationsEn: string | null;
  patents: string[];
  version: number;
  organizationId: string;
  canEdit: boolean;
  images: { id: string; fileName: string; caption: string | null; contentType: string }[];
}

/** A seed if the viewer may read it (null otherwise: the same answer as "does not exist"). */
export async function seedById(db: DbOrTx, id: string, v: ViewerScope): Promise<SeedDetailRow | null> {
  const [row] = await rowsOf<SeedDetailRow>(
    db,
    sql`select ${SEED_CARD_COLUMNS}, s.external_id as "externalId", s.overview_ja as "overviewJa", s.overview_en as "overviewEn",
          s.features_ja as "featuresJa", s.features_en as "featuresEn", s.applications_ja as "applicationsJa",
          s.applications_en as "applicationsEn", s.patents, s.version, s.organization_id as "organizationId",
          (${seedEditCondition(v.scope)}) as "canEdit",
          coalesce((select json_agg(json_build_object('id', i.id, 'fileName', i.file_name, 'caption', i.caption, 'contentType', i.content_type) order by i.sort_order)
            from seed_images i where i.seed_id = s.id), '[]'::json) as images
        from seeds s join organizations o on o.id = s.organization_id
        where s.id = ${id} and ${seedReadCondition(v.visibilities, v.scope)}`,
  );
  return row ?? null;
}

export interface ResearcherFilters {
  tsquery: string | null;
  institution?: string | undefined;
  area?: string | undefined;
  block?: string | undefined;
  /** Staff list: only researchers without a published seed. */
  withoutPublishedSeed?: boolean;
  /** Staff list: only researchers the viewer may edit. */
  editableOnly?: boolean;
}

export interface ResearcherCardRow {
  id: string;
  nameJa: string | null;
  nameEn: string | null;
  nameKana: string | null;
  department: string | null;
  position: string | null;
  keywordsJa: string[];
  keywordsEn: string[];
  institution: SeedCardRow["institution"];
  seedCount: number;
}

function researcherWhere(f: ResearcherFilters, v: ViewerScope): SQL {
  const parts: SQL[] = [sql`true`];
  if (f.editableOnly) parts.push(researcherEditCondition(v.scope));
  if (f.tsquery) parts.push(sql`r.search_vector @@ ${f.tsquery}::tsquery`);
  if (f.institution) parts.push(sql`r.organization_id = ${f.institution}`);
  if (f.area) parts.push(sql`o.area_code = ${f.area}`);
  if (f.block) parts.push(sql`o.kosen_block = ${f.block}`);
  if (f.withoutPublishedSeed) {
    parts.push(
      sql`not exists (select 1 from seed_researchers sx join seeds s2 on s2.id = sx.seed_id where sx.researcher_id = r.id and s2.status = 'published')`,
    );
  }
  return sql.join(parts, sql` and `);
}

/** Seeds of a researcher that the viewer may read, counted. */
function visibleSeedCount(v: ViewerScope): SQL {
  return sql`(select count(*)::int from seed_researchers sc join seeds s on s.id = sc.seed_id where sc.researcher_id = r.id and ${seedReadCondition(v.visibilities, v.scope)})`;
}

export async function searchResearchers(
  db: DbOrTx,
  f: ResearcherFilters,
  v: ViewerScope,
  page: { limit: number; offset: number },
): Promise<{ rows: ResearcherCardRow[]; total: number }> {
  const rank = f.tsquery ? sql`coalesce(ts_rank(r.rank_vector, ${f.tsquery}::tsquery), 0) desc,` : sql``;
  const rows = await preferIndexes(db, !!f.tsquery, (q) =>
    rowsOf<ResearcherCardRow & { total: number }>(
      q,
      sql`select r.id, r.name_ja as "nameJa", r.name_en as "nameEn", r.name_kana as "nameKana", r.department, r.position,
          r.keywords_ja as "keywordsJa", r.keywords_en as "keywordsEn", ${INSTITUTION_JSON} as institution,
          ${visibleSeedCount(v)} as "seedCount", count(*) over () as total
        from researchers r join organizations o on o.id = r.organization_id
        where ${researcherWhere(f, v)}
        order by ${rank} coalesce(r.name_kana, r.name_ja, r.name_en), r.id
        limit ${page.limit} offset ${page.offset}`,
    ),
  );
  return { rows, total: Number(rows[0]?.total ?? 0) };
}

export interface ResearcherDetailRow extends ResearcherCardRow {
  externalId: string | null;
  eradId: string | null;
  researchmapPermalink: string | null;
  orcid: string | null;
  researchAreas: { ja: string | null; en: string | null }[];
  biographyJa: string | null;
  biographyEn: string | null;
  equipment: {
    name: { ja: string | null; en: string | null };
    description: { ja: string | null; en: string | null };
  }[];
  acceptingInquiries: boolean;
  userId: string | null;
  organizationId: string;
  version: number;
  updatedAt: Date | string;
  canEdit: boolean;
}

export async function researcherById(
  db: DbOrTx,
  id: string,
  v: ViewerScope,
): Promise<ResearcherDetailRow | null> {
  const [row] = await rowsOf<ResearcherDetailRow>(
    db,
    sql`select r.id, r.name_ja as "nameJa", r.name_en as "nameEn", r.name_kana as "nameKana", r.department, r.position,
          r.keywords_ja as "keywordsJa", r.keywords_en as "keywordsEn", ${INSTITUTION_JSON} as institution,
          ${visibleSeedCount(v)} as "seedCount", r.external_id as "externalId", r.erad_id as "eradId",
          r.researchmap_permalink as "researchmapPermalink", r.orcid, r.research_areas as "researchAreas",
          r.biography_ja as "biographyJa", r.biography_en as "biographyEn", r.equipment,
          r.accepting_inquiries as "acceptingInquiries", r.user_id as "userId", r.organization_id as "organizationId",
          r.version, r.updated_at as "updatedAt", (${researcherEditCondition(v.scope)}) as "canEdit"
        from researchers r join organizations o on o.id = r.organization_id
        where r.id = ${id}`,
  );
  return row ?? null;
}

export async function worksOf(db: DbOrTx, researcherId: string) {
  return rowsOf<{
    id: string;
    kind: "paper" | "patent" | "grant";
    titleJa: string | null;
    titleEn: string | null;
    abstractJa: string | null;
    abstractEn: string | null;
    year: number | null;
    venue: string | null;
    url: string | null;
    source: string;
  }>(
    db,
    sql`select id, kind, title_ja as "titleJa", title_en as "titleEn", abstract_ja as "abstractJa", abstract_en as "abstractEn",
          year, venue, url, source from researcher_works where researcher_id = ${researcherId}
        order by kind, year desc nulls last, sort_order`,
  );
}
