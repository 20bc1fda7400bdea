/**
 * Matching as the product offers it: a text (a need, in Japanese or English) in, ranked seeds and
 * researchers with explanations out; and the other direction, a seed or a researcher's seeds in, open
 * needs out. Everything is limited to what the viewer may see: seeds by the catalogue's rule, needs by
 * policy.needView (decided per document, so a need seen only as its summary is matched on its summary).
 * The index is one per process and embedder configuration, built on first use and synced with the
 * database before every match. With an embedder configured (docs/semantic.md), the lexical rankings of
 * documents and of researchers' evidence are fused with the documents nearest by meaning; the viewer's
 * rules apply to both sides, and when the stage cannot answer the lexical answer is given unchanged.
 */
import path from "node:path";
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
import type {
  DocumentHit,
  LexicalRanking,
  MatchOptions,
  MatchResult,
  RankedKey,
  ResearcherHit,
} from "../../match/engine";
import type { Highlight } from "../../match/explain";
import { createEmbedder, type EmbeddingsConfig, type FusedHit, SemanticStage } from "../../match/semantic";
import type { DocKind, DocMeta, QueryTerm } from "../../match/types";
import { type Analyzer, loadAnalyzer } from "../../text/analyzer";
import { rowsOf, uuidArray } from "../catalog/search-sql";
import { needViewerFor } from "../needs/service";
import { needIdOf, OPEN_NEED_STATUSES } from "./documents";
import { loadExpander } from "./expansion";
import { MatchingIndex } from "./index-sync";
import { SemanticSync } from "./semantic-sync";

/** What matching reads of the configuration: whether (and which) embedder to use. */
export type MatchingConfig = EmbeddingsConfig;

/** Reciprocal rank fusion's constant and the semantic list's weight (see docs/semantic.md). */
const RRF_K = 60;
const SEMANTIC_WEIGHT = 1;
/**
 * Fused scores are scaled so that a document first in both lists scores 1 (first in one list only: 0.5);
 * the lexical scores of an answer without the stage are BM25 and have no upper bound.
 */
const FUSED_SCALE = (RRF_K + 1) / (1 + SEMANTIC_WEIGHT);
/** Lexical documents handed to the fusion (the semantic side brings its 100 nearest). */
const FUSION_POOL = 100;
/** Query-time failures of the stage are logged again only after this long without one. */
const QUIET_MS = 5 * 60_000;

let basics: Promise<{ analyzer: Analyzer; expander: Awaited<ReturnType<typeof loadExpander>> }> | null = null;
const indexes = new Map<string, Promise<MatchingIndex>>();

/** Which index a configuration gets: one per embedder set-up, so a test's stage never leaks into another's. */
function indexKey(config: MatchingConfig | null | undefined): string {
  if (config?.embeddingsOnnxDir) return `onnx:${path.resolve(config.embeddingsOnnxDir)}`;
  if (config?.embeddingsUrl) return `http:${config.embeddingsUrl}#${config.embeddingsModel ?? ""}`;
  return "lexical";
}

/**
 * The process's matching index for this configuration (analyser and expansion tables load once). With
 * an embedder configured it carries a semantic stage; an embedder that cannot be set up (a broken model
 * folder) is reported once and matching stays lexical.
 */
export function matchingIndex(config?: MatchingConfig | null): Promise<MatchingIndex> {
  const key = indexKey(config);
  let index = indexes.get(key);
  if (!index) {
    index = buildIndex(key === "lexical" ? null : config!);
    indexes.set(key, index);
    index.catch(() => indexes.delete(key));
  }
  return index;
}

async function buildIndex(config: MatchingConfig | null): Promise<MatchingIndex> {
  basics ??= (async () => {
    const analyzer = await loadAnalyzer();
    return { analyzer, expander: await loadExpander(analyzer) };
  })();
  const { analyzer, expander } = await basics;
  let semantic: SemanticSync | null = null;
  if (config) {
    try {
      const embedder = await createEmbedder(config);
      if (embedder) {
        // A query the stage cannot embed is answered lexically; while that keeps happening, say it once.
        let lastQueryWarning = 0;
        const stage = new SemanticStage({
          embedder,
          rrfK: RRF_K,
          semanticWeight: SEMANTIC_WEIGHT,
          warn: (m) => {
            if (Date.now() - lastQueryWarning > QUIET_MS)
              console.warn(`kyoso: ${m} (more such failures in the next minutes are not logged)`);
            lastQueryWarning = Date.now();
          },
        });
        semantic = new SemanticSync({ stage });
        // stderr, as the background embedder's progress: the CLI's JSON output stays clean.
        console.error(
          `kyoso: semantic matching is on (${embedder.id}); vectors are made in the background and kept in match_vectors`,
        );
      }
    } catch (err) {
      console.warn(
        `kyoso: semantic matching is off: the embedder could not be set up: ${(err as Error).message}`,
      );
    }
  }
  return new MatchingIndex(analyzer, expander, semantic);
}

/** Stops the background work of this configuration's index and forgets it (the next use builds a new one). */
export async function closeMatchingIndex(config?: MatchingConfig | null): Promise<void> {
  const key = indexKey(config);
  const index = indexes.get(key);
  indexes.delete(key);
  await (await index?.catch(() => null))?.close();
}

/** Stops every index's background work: before the database is closed. */
export async function closeMatchingIndexes(): Promise<void> {
  const all = [...indexes.values()];
  indexes.clear();
  await Promise.all(all.map(async (i) => (await i.catch(() => null))?.close()));
}

/**
 * The engine's match, fused with the semantic stage when the index has one holding vectors: the lexical
 * documents (a pool of 100) and the lexical evidence for researchers are each fused with the documents
 * nearest by meaning (`SemanticStage.rerank`, the viewer's `canSee` and the asked kinds applied to the
 * semantic side too); researchers are then aggregated from the fused evidence. When the stage cannot
 * answer (no query vector in time), or adds nothing, the lexical answer is returned as it is.
 */
export async function rankedMatch(index: MatchingIndex, opts: MatchOptions): Promise<MatchResult> {
  const stage = index.semantic?.stage;
  if (!stage || stage.size === 0 || !opts.text.trim()) return index.engine.match(opts);
  const top = opts.top ?? 10;
  const lexical = index.engine.rank(opts, Math.max(top, FUSION_POOL));
  const allowed = (kinds: ReadonlySet<DocKind>) => (key: string) => {
    const meta = index.engine.metaOfKey(key);
    return !!meta && kinds.has(meta.kind) && opts.canSee(meta);
  };
  const kinds = new Set<DocKind>(opts.kinds ?? ["seed"]);
  const evidenceKinds = new Set<DocKind>(opts.evidence ?? ["seed", "profile", "paper", "patent", "grant"]);
  const before = stage.lastFailure;
  // A margin over `top`: finish() checks every document again and skips any removed meanwhile.
  const documents = await stage.rerank(opts.text, lexical.documents, { k: top * 2, canSee: allowed(kinds) });
  const failed = stage.lastFailure !== null && stage.lastFailure !== before;
  if (failed || !documents.some((d) => d.semanticRank !== undefined))
    return index.engine.finish(opts, lexical);
  const fused: LexicalRanking = {
    query: lexical.query,
    documents: scaled(documents),
    evidence: lexical.evidence,
  };
  if (evidenceKinds.size) {
    // The query's vector is cached in the stage: this embeds nothing more.
    const evidence = await stage.rerank(opts.text, lexical.evidence, {
      k: lexical.evidence.length + FUSION_POOL,
      canSee: allowed(evidenceKinds),
    });
    if (stage.lastFailure === null || stage.lastFailure === before) fused.evidence = scaled(evidence);
  }
  return index.engine.finish(opts, fused);
}

const scaled = (hits: FusedHit[]): RankedKey[] =>
  hits.map((h) => ({
    id: h.id,
    score: h.score * FUSED_SCALE,
    ...(h.semanticRank !== undefined
      ? { semanticRank: h.semanticRank, semanticScore: h.semanticScore ?? 0 }
      : {}),
  }));

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

/**
 * Whether a need document may be matched for the viewer: policy.needView on the facts the index holds;
 * the full-text document only for viewers who may read the need in full, the summary document only for
 * those who may see just the summary. `named`: the needs that name the viewer (need_viewers).
 */
export function needVisibleTo(viewer: NeedViewer, named: ReadonlySet<string>): (doc: DocMeta) => boolean {
  return (doc) => {
    if (doc.kind !== "need" || !OPEN_NEED_STATUSES.has(String(doc.access.status))) return false;
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

/** The needs that name the viewer (need_viewers), in one query. */
export async function namedNeeds(db: DbOrTx, actor: Actor | null): Promise<Set<string>> {
  if (!actor) return new Set();
  const rows = await rowsOf<{ id: string }>(
    db,
    sql`select need_id as id from need_viewers where user_id = ${actor.id}`,
  );
  return new Set(rows.map((r) => r.id));
}

export interface MatchRequest {
  db: DbOrTx;
  /** The configuration (its embedder, if any); without it matching is lexical. */
  config?: MatchingConfig | null | undefined;
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

/** Where the semantic stage placed a document, when it did (only with the stage on). */
const semanticOf = (d: DocumentHit) =>
  d.semantic ? { semantic: { rank: d.semantic.rank, similarity: round(d.semantic.similarity) } } : {};

/** Text → ranked seeds and researchers, with explanations: the matched words marked in both texts. */
export async function matchText(req: MatchRequest) {
  const index = await matchingIndex(req.config);
  await index.sync(req.db);
  const language = req.language ?? "ja";
  const exclude = req.excludeResearchers;
  const result = await rankedMatch(index, {
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
    ...semanticOf(d),
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
export async function matchNeeds(req: {
  db: DbOrTx;
  actor: Actor;
  text: string;
  top?: number;
  config?: MatchingConfig | null | undefined;
}) {
  const index = await matchingIndex(req.config);
  await index.sync(req.db);
  const viewer = await needViewerFor(req.db, req.actor);
  const named = await namedNeeds(req.db, req.actor);
  const result = await rankedMatch(index, {
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
    semantic?: { rank: number; similarity: number };
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
      ...semanticOf(d),
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
  config?: MatchingConfig | null | undefined;
}) {
  const { db, actor } = opts;
  let rows: { text: string }[];
  if (opts.seedId) {
    const index = await matchingIndex(opts.config);
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
  return matchNeeds({ db, actor, text, top: opts.top ?? 10, config: opts.config });
}
