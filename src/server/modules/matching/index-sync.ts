/**
 * The product's matching index: built from the database at start, kept current from it. Before each use
 * it reads the catalogue generation (raised by database triggers on every write to seeds, researchers,
 * their links and organisations, by any process); when it moved, it compares every row's version with
 * what it holds and reloads what changed, so an edit is in the index for the next request and any app
 * server answers the same. With a semantic stage (an embedder configured), each sync also tells it which
 * seeds' and needs' texts changed; their vectors are made in the background (semantic-sync.ts).
 */
import { sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client";
import { MatchEngine } from "../../match/engine";
import { buildExpander, combineExpanders, type Expander, type ExpansionWeights } from "../../match/expand";
import type { MatchDoc } from "../../match/types";
import type { Analyzer } from "../../text/analyzer";
import { catalogGeneration } from "../catalog/search-cache";
import { rowsOf, uuidArray } from "../catalog/search-sql";
import {
  type NeedIndexRow,
  needDocuments,
  needEmbeddingTexts,
  profileDocument,
  type ResearcherRow,
  researcherMeta,
  type SeedRow,
  seedDocument,
  seedEmbeddingText,
  summaryDocId,
  type WorkRow,
  workDocument,
} from "./documents";
import type { SemanticSync } from "./semantic-sync";

const SEED_COLUMNS = sql`s.id, s.external_id as "externalId", s.title_ja as "titleJa", s.title_en as "titleEn",
  s.summary_ja as "summaryJa", s.summary_en as "summaryEn", s.overview_ja as "overviewJa", s.features_ja as "featuresJa",
  s.applications_ja as "applicationsJa", s.keywords_ja as "keywordsJa", s.keywords_en as "keywordsEn", s.terms,
  s.status, s.visibility, s.organization_id as "organizationId", o.area_code as "areaCode",
  coalesce((select array_agg(sr.researcher_id::text order by sr.sort_order) from seed_researchers sr where sr.seed_id = s.id), '{}') as "researcherIds",
  coalesce((select array_agg(r.user_id::text) from seed_researchers sr join researchers r on r.id = sr.researcher_id
    where sr.seed_id = s.id and r.user_id is not null), '{}') as "ownerUserIds"`;

const RESEARCHER_COLUMNS = sql`r.id, r.external_id as "externalId", r.name_ja as "nameJa", r.name_en as "nameEn",
  r.organization_id as "organizationId", o.area_code as "areaCode", r.keywords_ja as "keywordsJa",
  r.biography_ja as "biographyJa", r.terms, r.accepting_inquiries as "acceptingInquiries"`;

const NEED_COLUMNS = sql`n.id, n.reference_number as "referenceNumber", n.title, n.problem, n.tried,
  n.desired_outcome as "desiredOutcome", n.public_summary as "publicSummary", n.status, n.confidentiality,
  n.nda_required as "ndaRequired", n.nda_status as "ndaStatus", n.anonymous_until_agreed as "anonymousUntilAgreed",
  n.name_agreed as "nameAgreed", n.area_code as "areaCode", n.preferred_area_code as "preferredAreaCode",
  n.submitted_by as "submittedBy", n.company_organization_id as "companyOrganizationId",
  n.referral_organization_id as "referralOrganizationId"`;

const WORK_COLUMNS = sql`w.id, w.researcher_id as "researcherId", w.kind, w.title_ja as "titleJa", w.title_en as "titleEn",
  w.abstract_ja as "abstractJa", w.terms, r.organization_id as "organizationId", o.area_code as "areaCode"`;

/** Coordinators' synonyms count nearly as much as the word itself. */
const DOMAIN_SYNONYM_WEIGHTS: ExpansionWeights = { synonym: 0.8, translation: 0.7 };

/** Row versions: what the index holds, to find what changed. */
type Versions = Map<string, string>;

export class MatchingIndex {
  readonly engine: MatchEngine;
  private generation: number | null | undefined = undefined;
  private seedVersions: Versions = new Map();
  private researcherVersions: Versions = new Map();
  private organizationsVersion = "";
  /** Work ids per researcher, to drop the old ones when a profile changes. */
  private worksOf = new Map<string, string[]>();
  private needVersions: Versions = new Map();
  private needsFingerprint = "";
  private synonymsFingerprint = "";
  private syncing: Promise<void> | null = null;
  lastSync = { at: 0, seeds: 0, researchers: 0, needs: 0, full: false, ms: 0 };

  constructor(
    private readonly analyzer: Analyzer,
    private readonly baseExpander: Expander | null,
    /** The semantic stage's background embedder, when an embedder is configured. */
    readonly semantic: SemanticSync | null = null,
  ) {
    this.engine = new MatchEngine({ analyzer, expander: baseExpander });
  }

  /**
   * Brings the index up to date with the database (one sync at a time; callers share it), then lets the
   * semantic stage catch up in the background (never awaited here).
   */
  async sync(db: DbOrTx): Promise<void> {
    this.syncing ??= this.syncOnce(db).finally(() => {
      this.syncing = null;
    });
    await this.syncing;
    this.semantic?.kick(db);
  }

  /** Stops the semantic stage's background work (before the database is closed). */
  async close(): Promise<void> {
    await this.semantic?.close();
  }

  private upsertSeed(s: SeedRow) {
    this.engine.upsert(seedDocument(s));
    this.semantic?.note("seed", s.id, seedEmbeddingText(s));
  }

  private async syncOnce(db: DbOrTx): Promise<void> {
    const started = performance.now();
    const [prints] = await rowsOf<{ needs: string; synonyms: string }>(
      db,
      sql`select (select count(*) || ':' || coalesce(max(updated_at)::text, '') from needs) as needs,
        (select count(*) || ':' || coalesce(max(updated_at)::text, '') from match_synonyms) as synonyms`,
    );
    if (prints && prints.synonyms !== this.synonymsFingerprint) {
      await this.loadSynonyms(db);
      this.synonymsFingerprint = prints.synonyms;
    }
    // (The first sync loads everything below, needs included.)
    const needs =
      this.generation !== undefined && prints && prints.needs !== this.needsFingerprint
        ? await this.syncNeeds(db)
        : 0;
    if (prints) this.needsFingerprint = prints.needs;
    const generation = await catalogGeneration(db);
    if (generation !== null && generation === this.generation) {
      if (needs) this.lastSync = { ...this.lastSync, at: Date.now(), needs, ms: performance.now() - started };
      return;
    }
    const [orgs] = await rowsOf<{ v: string }>(
      db,
      sql`select count(*) || ':' || coalesce(max(updated_at)::text, '') as v from organizations`,
    );
    const full = this.generation === undefined || orgs?.v !== this.organizationsVersion;
    const seedRows = await rowsOf<{ id: string; v: string }>(
      db,
      sql`select id, version || ':' || updated_at::text as v from seeds`,
    );
    const researcherRows = await rowsOf<{ id: string; v: string }>(
      db,
      sql`select id, version || ':' || updated_at::text as v from researchers`,
    );
    const seeds = changed(full ? new Map() : this.seedVersions, seedRows);
    const researchers = changed(full ? new Map() : this.researcherVersions, researcherRows);
    if (full) await this.loadAll(db);
    else {
      for (const id of seeds.removed) {
        this.engine.remove("seed", id);
        this.semantic?.forget("seed", id);
      }
      for (const id of researchers.removed) this.dropResearcher(id);
      for (const s of await this.seedsById(db, seeds.changed)) this.upsertSeed(s);
      await this.reloadResearchers(db, researchers.changed);
    }
    this.seedVersions = new Map(seedRows.map((r) => [r.id, r.v]));
    this.researcherVersions = new Map(researcherRows.map((r) => [r.id, r.v]));
    this.organizationsVersion = orgs?.v ?? "";
    this.generation = generation;
    this.lastSync = {
      at: Date.now(),
      seeds: full ? seedRows.length : seeds.changed.length + seeds.removed.length,
      researchers: full ? researcherRows.length : researchers.changed.length + researchers.removed.length,
      needs,
      full,
      ms: performance.now() - started,
    };
  }

  /** Coordinators' domain synonyms, layered over the dictionaries (a stronger weight: they are curated). */
  private async loadSynonyms(db: DbOrTx) {
    const rows = await rowsOf<{ terms: string[]; oneWay: boolean }>(
      db,
      sql`select terms, one_way as "oneWay" from match_synonyms order by created_at`,
    );
    if (!rows.length) {
      this.engine.setExpander(this.baseExpander);
      return;
    }
    const domain = buildExpander(
      this.analyzer,
      {
        synonyms: rows.filter((r) => !r.oneWay).map((r) => r.terms),
        synonymsOneWay: rows.filter((r) => r.oneWay).map((r) => [r.terms[0]!, r.terms.slice(1)]),
      },
      DOMAIN_SYNONYM_WEIGHTS,
    );
    this.engine.setExpander(combineExpanders(this.baseExpander, domain));
  }

  /** Needs changed since the last sync (found by row version), re-analysed; answers how many changed. */
  private async syncNeeds(db: DbOrTx): Promise<number> {
    const rows = await rowsOf<{ id: string; v: string }>(
      db,
      sql`select id, version || ':' || updated_at::text as v from needs`,
    );
    const diff = changed(this.needVersions, rows);
    for (const id of [...diff.removed, ...diff.changed]) {
      this.engine.remove("need", id);
      this.engine.remove("need", summaryDocId(id));
    }
    for (const id of diff.removed) {
      this.semantic?.forget("need", id);
      this.semantic?.forget("need", summaryDocId(id));
    }
    for (let i = 0; i < diff.changed.length; i += 500) {
      const ids = diff.changed.slice(i, i + 500);
      const needs = await rowsOf<NeedIndexRow>(
        db,
        sql`select ${NEED_COLUMNS} from needs n where n.id = any(${uuidArray(ids)})`,
      );
      for (const n of needs) {
        for (const d of needDocuments(n, this.analyzer)) this.engine.upsert(d);
        for (const t of needEmbeddingTexts(n)) this.semantic?.note("need", t.id, t.text);
      }
    }
    this.needVersions = new Map(rows.map((r) => [r.id, r.v]));
    return diff.changed.length + diff.removed.length;
  }

  private async loadAll(db: DbOrTx) {
    const seeds = await rowsOf<SeedRow>(
      db,
      sql`select ${SEED_COLUMNS} from seeds s join organizations o on o.id = s.organization_id`,
    );
    const researchers = await rowsOf<ResearcherRow>(
      db,
      sql`select ${RESEARCHER_COLUMNS} from researchers r join organizations o on o.id = r.organization_id`,
    );
    const works = await rowsOf<WorkRow>(
      db,
      sql`select ${WORK_COLUMNS} from researcher_works w join researchers r on r.id = w.researcher_id
          join organizations o on o.id = r.organization_id`,
    );
    this.worksOf = new Map();
    for (const w of works) this.noteWork(w);
    const docs: MatchDoc[] = [
      ...seeds.map(seedDocument),
      ...researchers.map(profileDocument),
      ...works.map(workDocument),
    ];
    this.engine.load(docs, researchers.map(researcherMeta));
    this.semantic?.beginFull();
    for (const s of seeds) this.semantic?.note("seed", s.id, seedEmbeddingText(s));
    // load() replaced the needs too: index them again.
    this.needVersions = new Map();
    try {
      await this.syncNeeds(db);
    } catch (err) {
      this.semantic?.endFull(false);
      throw err;
    }
    this.semantic?.endFull();
  }

  private noteWork(w: WorkRow) {
    const list = this.worksOf.get(w.researcherId);
    if (list) list.push(w.id);
    else this.worksOf.set(w.researcherId, [w.id]);
  }

  private seedsById(db: DbOrTx, ids: string[]) {
    if (!ids.length) return Promise.resolve([]);
    return rowsOf<SeedRow>(
      db,
      sql`select ${SEED_COLUMNS} from seeds s join organizations o on o.id = s.organization_id where s.id = any(${uuidArray(ids)})`,
    );
  }

  private dropResearcher(id: string) {
    this.engine.removeResearcher(id);
    this.engine.remove("profile", id);
    for (const w of this.worksOf.get(id) ?? []) {
      for (const kind of ["paper", "patent", "grant"] as const) this.engine.remove(kind, w);
    }
    this.worksOf.delete(id);
  }

  private async reloadResearchers(db: DbOrTx, ids: string[]) {
    if (!ids.length) return;
    const rows = await rowsOf<ResearcherRow>(
      db,
      sql`select ${RESEARCHER_COLUMNS} from researchers r join organizations o on o.id = r.organization_id where r.id = any(${uuidArray(ids)})`,
    );
    const works = await rowsOf<WorkRow>(
      db,
      sql`select ${WORK_COLUMNS} from researcher_works w join researchers r on r.id = w.researcher_id
          join organizations o on o.id = r.organization_id where w.researcher_id = any(${uuidArray(ids)})`,
    );
    for (const r of rows) {
      this.dropResearcher(r.id);
      this.engine.upsertResearcher(researcherMeta(r));
      this.engine.upsert(profileDocument(r));
    }
    for (const w of works) {
      this.engine.upsert(workDocument(w));
      this.noteWork(w);
    }
  }
}

function changed(held: Versions, rows: { id: string; v: string }[]) {
  const seen = new Set<string>();
  const out = { changed: [] as string[], removed: [] as string[] };
  for (const r of rows) {
    seen.add(r.id);
    if (held.get(r.id) !== r.v) out.changed.push(r.id);
  }
  for (const id of held.keys()) if (!seen.has(id)) out.removed.push(id);
  return out;
}
