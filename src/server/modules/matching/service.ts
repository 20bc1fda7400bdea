/**
 * Matching as the product offers it: a text (a need, in Japanese or English) in, ranked seeds and
 * researchers with explanations out; and the other direction, a seed or a researcher's seeds in, open
 * needs out. Everything is limited to what the viewer may see: seeds by the catalogue's rule, needs by
 * policy.needView (decided per document, so a need seen only as its summary is matched on its summary).
 * The index is one per process, built on first use and synced with the database before every match.
 */
import { sql } from "drizzle-orm";
import {
  type Actor,
  catalogEditScope,
  type EditScope,
  type NeedAccessFacts,
  type NeedViewer,
  needView,
  seedVisibilitiesFor,
} from "../../auth/policy";
import type { DbOrTx } from "../../db/client";
import { notFound } from "../../errors";
import type { DocumentHit, ResearcherHit } from "../../match/engine";
import type { Highlight } from "../../match/explain";
import type { DocMeta, QueryTerm } from "../../match/types";
import { loadAnalyzer } from "../../text/analyzer";
import { rowsOf, uuidArray } from "../catalog/search-sql";
import { needViewerFor } from "../needs/service";
import { needIdOf } from "./documents";
import { loadExpander } from "./expansion";
import { MatchingIndex } from "./index-sync";

let shared: Promise<MatchingIndex> | null = null;

/** The process's matching index (analyser and expansion tables load once). */
export function matchingIndex(): Promise<MatchingIndex> {
  shared ??= (async () => {
    const analyzer = await loadAnalyzer();
    return new MatchingIndex(analyzer, await loadExpander(analyzer));
  })();
  return shared;
}

/** Whether a seed (as the index holds it) may be shown to the viewer: the catalogue's rule, in memory. */
export function seedVisibleTo(actor: Actor | null): (doc: DocMeta) => boolean {
  const visibilities = new Set<string>(seedVisibilitiesFor(actor));
  const scope = catalogEditScope(actor);
  return (doc) => {
    if (doc.kind === "need") return false; // needs have their own rule (needVisibleTo)
    if (doc.kind !== "seed") return true; // profiles, papers, patents and grants are public
    if (doc.access.status === "published" && visibilities.has(String(doc.access.visibility))) return true;
    return editable(scope, doc);
  };
}

function editable(scope: EditScope, doc: DocMeta): boolean {
  switch (scope.kind) {
    case "all":
      return true;
    case "institutions":
      return (
        scope.organizationIds.includes(String(doc.access.organizationId)) ||
        (!!doc.areaCode && scope.areaCodes.includes(doc.areaCode))
      );
    case "own":
      return Array.isArray(doc.access.owners) && doc.access.owners.includes(scope.userId);
    case "none":
      return false;
  }
}

/** The statuses of needs still looking for researchers (closed needs are not offered). */
const OPEN_NEED = new Set(["received", "screening"]);

/**
 * Whether a need document may be matched for the viewer: policy.needView on the facts the index holds;
 * the full-text document only for viewers who may read the need in full, the summary document only for
 * those who may see just the summary. `named`: the needs that name the viewer (need_viewers).
 */
export function needVisibleTo(viewer: NeedViewer, named: ReadonlySet<string>): (doc: DocMeta) => boolean {
  return (doc) => {
    if (doc.kind !== "need" || !OPEN_NEED.has(String(doc.access.status))) return false;
    const id = needIdOf(doc.id);
    const a = doc.access;
    const facts: NeedAccessFacts = {
      confidentiality: a.confidentiality as NeedAccessFacts["confidentiality"],
      ndaRequired: a.ndaRequired === true,
      ndaStatus: a.ndaStatus as NeedAccessFacts["ndaStatus"],
      anonymousUntilAgreed: a.anonymousUntilAgreed === true,
      nameAgreed: a.nameAgreed === true,
      areaCode: doc.areaCode,
      submittedBy: (a.submittedBy as string | null) ?? null,
      companyOrganizationId: (a.companyOrganizationId as string | null) ?? null,
      referralOrganizationId: (a.referralOrganizationId as string | null) ?? null,
      hasPublicSummary: a.hasPublicSummary === true,
      viewerIsNamed: named.has(id),
    };
    return needView(viewer, facts).level === a.level;
  };
}

async function namedNeeds(db: DbOrTx, actor: Actor | null): Promise<Set<string>> {
  if (!actor) return new Set();
  const rows = await rowsOf<{ id: string }>(
    db,
    sql`select need_id as id from need_viewers where user_id = ${actor.id}`,
  );
  return new Set(rows.map((r) => r.id));
}

export interface MatchRequest {
  db: DbOrTx;
  actor: Actor | null;
  text: string;
  top?: number;
  language?: "ja" | "en";
  preferredArea?: string | null;
  /** Researchers to leave out of the ranking (e.g. dismissed ones), still shown elsewhere. */
  excludeResearchers?: ReadonlySet<string>;
}

const round = (x: number) => Math.round(x * 1000) / 1000;
/**
 * The matched terms worth showing (not character pairs), each with `word`: the need's word as written
 * (for a translation or synonym, the need's word that brought the term in).
 */
const shownTerms = (matched: QueryTerm[], display: (term: string) => string = (t) => t) => {
  const out: { term: string; from: string; via: QueryTerm["via"]; word: string }[] = [];
  for (const m of matched) {
    if (m.via === "ngram") continue;
    const word = m.from
      .split(" ")
      .map(display)
      .join(m.via === "text" ? "" : " ");
    if (!out.some((o) => o.word === word && o.via === m.via))
      out.push({ term: m.term, from: m.from, via: m.via, word });
  }
  return out;
};

/** Text → ranked seeds and researchers, with explanations: the matched words marked in both texts. */
export async function matchText(req: MatchRequest) {
  const index = await matchingIndex();
  await index.sync(req.db);
  const language = req.language ?? "ja";
  const exclude = req.excludeResearchers;
  const result = index.engine.match({
    text: req.text,
    canSee: seedVisibleTo(req.actor),
    ...(exclude?.size ? { canSeeResearcher: (r) => !exclude.has(r.id) } : {}),
    top: req.top ?? 10,
    language,
    kinds: ["seed"],
    rank: { preferredArea: req.preferredArea ?? null },
  });
  const excerpts = await evidenceTexts(req.db, [
    ...result.documents,
    ...result.researchers.flatMap((r) => r.evidence),
  ]);
  const excerpt = (d: DocumentHit): Highlight[] => {
    const text = excerpts.get(d.id)?.[language] ?? excerpts.get(d.id)?.ja ?? "";
    return text ? index.engine.highlightDocument(text, d.matched) : [];
  };
  const doc = (d: DocumentHit) => ({
    id: d.id,
    kind: d.kind,
    externalId: d.externalId,
    titleJa: d.titleJa,
    titleEn: d.titleEn,
    score: round(d.score),
    matched: shownTerms(d.matched, result.display),
    excerpt: excerpt(d),
  });
  return {
    seeds: result.documents.map(doc),
    researchers: result.researchers.map((r: ResearcherHit) => ({
      id: r.id,
      externalId: r.externalId,
      nameJa: r.nameJa,
      nameEn: r.nameEn,
      institutionId: r.institutionId,
      areaCode: r.areaCode,
      score: round(r.score),
      reason: r.reason,
      evidence: r.evidence.map(doc),
    })),
    highlighted: result.highlighted,
  };
}

export type MatchAnswer = Awaited<ReturnType<typeof matchText>>;

/** The texts an explanation marks: a seed's summary, a work's abstract (or title), a profile's keywords. */
async function evidenceTexts(db: DbOrTx, docs: DocumentHit[]) {
  const out = new Map<string, { ja: string | null; en: string | null }>();
  const ids = (kinds: string[]) => [...new Set(docs.filter((d) => kinds.includes(d.kind)).map((d) => d.id))];
  const seeds = ids(["seed"]);
  const works = ids(["paper", "patent", "grant"]);
  const profiles = ids(["profile"]);
  if (seeds.length)
    for (const r of await rowsOf<{ id: string; ja: string | null; en: string | null }>(
      db,
      sql`select id, coalesce(summary_ja, title_ja) as ja, coalesce(summary_en, title_en) as en from seeds where id = any(${uuidArray(seeds)})`,
    ))
      out.set(r.id, { ja: r.ja, en: r.en });
  if (works.length)
    for (const r of await rowsOf<{ id: string; ja: string | null; en: string | null }>(
      db,
      sql`select id, coalesce(abstract_ja, title_ja) as ja, coalesce(abstract_en, title_en) as en from researcher_works where id = any(${uuidArray(works)})`,
    ))
      out.set(r.id, { ja: r.ja, en: r.en });
  if (profiles.length)
    for (const r of await rowsOf<{ id: string; ja: string | null; en: string | null }>(
      db,
      sql`select id, array_to_string(keywords_ja, '、') as ja, array_to_string(keywords_en, ', ') as en from researchers where id = any(${uuidArray(profiles)})`,
    ))
      out.set(r.id, { ja: r.ja, en: r.en });
  return out;
}

/**
 * The other direction: open needs that fit a text (a seed, a researcher's seeds), as far as the viewer
 * may see each need. A need seen only as its summary is matched on the summary and answered without title.
 */
export async function matchNeeds(req: { db: DbOrTx; actor: Actor; text: string; top?: number }) {
  const index = await matchingIndex();
  await index.sync(req.db);
  const viewer = await needViewerFor(req.db, req.actor);
  const named = await namedNeeds(req.db, req.actor);
  const result = index.engine.match({
    text: req.text,
    canSee: needVisibleTo(viewer, named),
    kinds: ["need"],
    evidence: [],
    top: req.top ?? 10,
  });
  const seen = new Set<string>();
  const needs: {
    id: string;
    referenceNumber: string;
    view: "full" | "summary";
    title: string | null;
    score: number;
    matched: ReturnType<typeof shownTerms>;
  }[] = [];
  for (const d of result.documents) {
    const id = needIdOf(d.id);
    if (seen.has(id)) continue;
    seen.add(id);
    const full = d.id === id;
    needs.push({
      id,
      referenceNumber: String(index.engine.meta("need", d.id)?.access.referenceNumber ?? ""),
      view: full ? "full" : "summary",
      title: full ? d.titleJa : null,
      score: round(d.score),
      matched: shownTerms(d.matched, result.display),
    });
  }
  if (!needs.length) return [];
  const summaries = await rowsOf<{ id: string; publicSummary: string | null; areaCode: string | null }>(
    req.db,
    sql`select id, public_summary as "publicSummary", area_code as "areaCode" from needs where id = any(${uuidArray(needs.map((n) => n.id))})`,
  );
  const byId = new Map(summaries.map((s) => [s.id, s]));
  return needs.map((n) => ({
    ...n,
    publicSummary: byId.get(n.id)?.publicSummary ?? null,
    areaCode: byId.get(n.id)?.areaCode ?? null,
  }));
}

const SEED_TEXT = sql`concat_ws(' ', s.title_ja, s.title_en, array_to_string(s.keywords_ja, ' '),
  array_to_string(s.keywords_en, ' '), s.summary_ja, s.summary_en)`;

/**
 * Open needs that fit one seed (which the viewer must be able to see), or by default the seeds of the
 * viewer's own researcher profiles ("needs that fit my seeds").
 */
export async function fittingNeeds(opts: {
  db: DbOrTx;
  actor: Actor;
  seedId?: string | undefined;
  top?: number;
}) {
  const { db, actor } = opts;
  let rows: { text: string }[];
  if (opts.seedId) {
    const index = await matchingIndex();
    await index.sync(db);
    const seed = index.engine.meta("seed", opts.seedId);
    if (!seed || !seedVisibleTo(actor)(seed)) throw notFound("The seed");
    rows = await rowsOf<{ text: string }>(
      db,
      sql`select ${SEED_TEXT} as text from seeds s where s.id = ${opts.seedId}`,
    );
  } else {
    rows = await rowsOf<{ text: string }>(
      db,
      sql`select ${SEED_TEXT} as text from seeds s join seed_researchers sr on sr.seed_id = s.id
        join researchers r on r.id = sr.researcher_id
        where r.user_id = ${actor.id} and s.status <> 'archived' order by s.updated_at desc limit 20`,
    );
  }
  const text = rows.map((r) => r.text).join("\n");
  if (!text.trim()) return [];
  return matchNeeds({ db, actor, text, top: opts.top ?? 10 });
}
