/**
 * The matching engine: needs ↔ seeds and researchers. Documents (seeds, profiles, papers, patents,
 * grants, needs) are scored with BM25F over analysed words and Japanese character bigrams, the query
 * expanded with synonyms and translations; documents are then aggregated to researchers by their best
 * evidence and re-ranked (preferred area, diversity across institutions, availability). Every result
 * carries its explanation. No HTTP and no SQL: callers load documents and decide what a viewer may see.
 *
 * @example
 *   const engine = new MatchEngine({ analyzer: await loadAnalyzer() });
 *   engine.load(docs, researchers);
 *   const r = engine.match({ text: "金型の摩耗を予測したい", canSee: () => true, language: "ja" });
 *   r.researchers[0].reason; // "「切削工具の摩耗推定」が 摩耗・予測 に一致"
 */
import type { Analyzer } from "../text/analyzer";
import type { QueryExpander } from "./expand";
import { type Highlight, highlight, reasonFor } from "./explain";
import { InvertedIndex } from "./inverted-index";
import { cjkBigrams } from "./ngrams";
import { aggregateResearchers, type RankOptions } from "./rank";
import type { DocKind, DocMeta, MatchDoc, QueryTerm, ResearcherMeta } from "./types";

export const FIELD_WEIGHTS = {
  title: { weight: 2, b: 0.5 },
  keywords: { weight: 2, b: 0.3 },
  summary: { weight: 1.5, b: 0.6 },
  body: { weight: 1, b: 0.6 },
  ngram: { weight: 1, b: 0.6 },
};

export interface EngineOptions {
  analyzer: Analyzer;
  expander?: QueryExpander | null;
  /** Weight of each query bigram relative to a word (0 turns bigrams off). */
  ngramWeight?: number;
  k1?: number;
}

export interface MatchOptions {
  text: string;
  /** Whether the viewer may see this document (seeds and needs: status, visibility, confidentiality). */
  canSee: (doc: DocMeta) => boolean;
  /** Whether the viewer may see this researcher (default: yes). */
  canSeeResearcher?: (r: ResearcherMeta) => boolean;
  /** Kinds of documents to rank as documents (default: seeds). */
  kinds?: DocKind[];
  /** Kinds of documents that count as evidence for researchers (default: all but needs). */
  evidence?: DocKind[];
  top?: number;
  language?: "ja" | "en";
  rank?: Partial<RankOptions>;
}

export interface DocumentHit {
  id: string;
  kind: DocKind;
  externalId: string | null;
  titleJa: string | null;
  titleEn: string | null;
  score: number;
  /** Query terms found in the document, with how each was reached. */
  matched: QueryTerm[];
  /** When a semantic ranking was fused in and placed this document: its rank there and its cosine. */
  semantic?: { rank: number; similarity: number };
}

export interface ResearcherHit {
  id: string;
  externalId: string | null;
  nameJa: string | null;
  nameEn: string | null;
  institutionId: string | null;
  areaCode: string | null;
  score: number;
  /** The documents that made the score, best first. */
  evidence: DocumentHit[];
  /** One line, in the asked language. */
  reason: string;
}

/** A document in a ranking, named by its key (`docKey(kind, id)`). */
export interface RankedKey {
  id: string;
  score: number;
  /** Set by a fused ranking: where the semantic list placed the document. */
  semanticRank?: number;
  semanticScore?: number;
}

/**
 * The lexical half of a match (query terms and rankings by document key, visible documents only), for a
 * caller that fuses it with another ranking before `finish` builds the answer.
 */
export interface LexicalRanking {
  query: QueryTerm[];
  /** Documents of the asked kinds, best first. */
  documents: RankedKey[];
  /** Documents that count as evidence for researchers, best first (up to 400). */
  evidence: RankedKey[];
}

/** The key a document has in the engine (and in a semantic stage fed by the same documents). */
export const docKey = (kind: DocKind, id: string) => `${kind}:${id}`;

export interface MatchResult {
  query: QueryTerm[];
  documents: DocumentHit[];
  researchers: ResearcherHit[];
  /** The query text with matched words marked. */
  highlighted: Highlight[];
  /** A query term as the reader wrote it (the analyser's terms are folded: のいず for ノイズ). */
  display: (term: string) => string;
}

const CANDIDATES = 400;
/** Query character pairs found in more than this share of documents are not asked (see analyzeQuery). */
const NGRAM_MAX_SHARE = 0.05;
/** At most this many character pairs per query, the rarest first. */
const MAX_QUERY_NGRAMS = 48;

export class MatchEngine {
  private readonly index: InvertedIndex;
  private metas: (DocMeta | undefined)[] = [];
  private readonly researchers = new Map<string, ResearcherMeta>();
  private readonly ngramWeight: number;

  private expander: QueryExpander | null;

  constructor(private readonly opts: EngineOptions) {
    this.expander = opts.expander ?? null;
    this.index = new InvertedIndex({ fields: FIELD_WEIGHTS, k1: opts.k1 ?? 0.9 });
    this.ngramWeight = opts.ngramWeight ?? 0.3;
  }

  get size() {
    return { documents: this.index.size, researchers: this.researchers.size, terms: this.index.termCount };
  }

  get deadRatio() {
    return this.index.deadRatio;
  }

  /** What the index holds about a document (undefined when it is not indexed). */
  meta(kind: DocKind, id: string): DocMeta | undefined {
    const n = this.index.docOf(docKey(kind, id));
    return n === undefined ? undefined : this.metas[n];
  }

  /** Replaces the query expansion (e.g. when coordinators change their domain synonyms). */
  setExpander(expander: QueryExpander | null): void {
    this.expander = expander;
  }

  /** Replaces everything (at start, or to compact after many updates). */
  load(docs: MatchDoc[], researchers: ResearcherMeta[]): void {
    this.researchers.clear();
    for (const r of researchers) this.researchers.set(r.id, r);
    this.metas = [];
    this.index.build(docs.map((d) => ({ key: docKey(d.kind, d.id), fields: d.fields })));
    for (const d of docs) this.metas[this.index.docOf(docKey(d.kind, d.id))!] = stripFields(d);
  }

  upsert(doc: MatchDoc): void {
    const n = this.index.add({ key: docKey(doc.kind, doc.id), fields: doc.fields });
    this.metas[n] = stripFields(doc);
  }

  remove(kind: DocKind, id: string): void {
    const n = this.index.docOf(docKey(kind, id));
    if (n !== undefined) this.metas[n] = undefined;
    this.index.remove(docKey(kind, id));
  }

  upsertResearcher(r: ResearcherMeta): void {
    this.researchers.set(r.id, r);
  }

  removeResearcher(id: string): void {
    this.researchers.delete(id);
  }

  /** The weighted terms of a query: its words, their expansions, and its bigrams. */
  analyzeQuery(text: string): QueryTerm[] {
    const words = this.opts.analyzer.terms(text);
    const out = new Map<string, QueryTerm>();
    for (const t of words) {
      const had = out.get(t);
      // A word said twice weighs a little more, not twice.
      out.set(t, { term: t, weight: had ? Math.min(had.weight + 0.25, 1.5) : 1, from: t, via: "text" });
    }
    for (const x of this.expander?.expand(words) ?? []) if (!out.has(x.term)) out.set(x.term, x);
    if (this.ngramWeight > 0) {
      // Character pairs are for recall where words miss; common ones (in more than NGRAM_MAX_SHARE of
      // the documents) add almost nothing to a score but most of the work, so only the rarest are asked.
      const limit = Math.max(1, NGRAM_MAX_SHARE * this.index.size);
      const pairs = [...new Set(cjkBigrams(text))]
        .filter((g) => !out.has(g))
        .map((g) => ({ g, df: this.index.documentFrequency(g) }))
        .filter((x) => x.df > 0 && x.df <= limit)
        .sort((a, b) => a.df - b.df)
        .slice(0, MAX_QUERY_NGRAMS);
      for (const { g } of pairs)
        out.set(g, { term: g, weight: this.ngramWeight, from: g.slice(1), via: "ngram" });
    }
    return [...out.values()];
  }

  match(opts: MatchOptions): MatchResult {
    return this.finish(opts, this.rank(opts));
  }

  /** What the index holds about a document named by its key (`docKey(kind, id)`). */
  metaOfKey(key: string): DocMeta | undefined {
    const n = this.index.docOf(key);
    return n === undefined ? undefined : this.metas[n];
  }

  /**
   * The lexical ranking alone: the visible documents of the asked kinds (`pool` of them, default `top`)
   * and the visible evidence, by key. `match` is `finish(opts, rank(opts))`.
   */
  rank(opts: MatchOptions, pool = opts.top ?? 10): LexicalRanking {
    const query = this.analyzeQuery(opts.text);
    const kinds = new Set(opts.kinds ?? ["seed"]);
    const evidenceKinds = new Set(opts.evidence ?? ["seed", "profile", "paper", "patent", "grant"]);
    const sheet = this.index.score(query);
    const visible = (n: number) => {
      const m = this.metas[n];
      return !!m && opts.canSee(m);
    };
    const keyed = (list: { doc: number; score: number }[]) =>
      list.map((d) => ({ id: this.index.keyOf(d.doc), score: d.score }));
    return {
      query,
      documents: keyed(sheet.top(pool, (n) => kinds.has(this.metas[n]?.kind ?? "need") && visible(n))),
      evidence: evidenceKinds.size
        ? keyed(sheet.top(CANDIDATES, (n) => evidenceKinds.has(this.metas[n]?.kind ?? "need") && visible(n)))
        : [],
    };
  }

  /**
   * The answer from rankings by key (the lexical ones from `rank`, or those fused with another ranking):
   * the top documents, researchers aggregated from the evidence in its order and with its scores, the
   * explanations. Every document is checked again against `canSee` and the kinds, whatever list it came
   * from; keys the index does not hold are skipped.
   */
  finish(opts: MatchOptions, ranking: LexicalRanking): MatchResult {
    const { query } = ranking;
    const surfaces = new Map<string, string>();
    for (const t of this.opts.analyzer.tokens(opts.text))
      if (!surfaces.has(t.term)) surfaces.set(t.term, t.surface);
    const display = (term: string) => surfaces.get(term) ?? term;
    const kinds = new Set(opts.kinds ?? ["seed"]);
    const evidenceKinds = new Set(opts.evidence ?? ["seed", "profile", "paper", "patent", "grant"]);
    const top = opts.top ?? 10;
    const resolve = (list: RankedKey[], accept: ReadonlySet<string>, limit: number) => {
      const out: { doc: number; score: number; key: RankedKey }[] = [];
      for (const k of list) {
        if (out.length >= limit) break;
        const n = this.index.docOf(k.id);
        const m = n === undefined ? undefined : this.metas[n];
        if (n === undefined || !m || !accept.has(m.kind) || !opts.canSee(m)) continue;
        out.push({ doc: n, score: k.score, key: k });
      }
      return out;
    };
    const docs = resolve(ranking.documents, kinds, top);
    const evidence = resolve(ranking.evidence, evidenceKinds, CANDIDATES);
    const semanticOf = new Map<number, { rank: number; similarity: number }>();
    for (const e of [...docs, ...evidence])
      if (e.key.semanticRank !== undefined)
        semanticOf.set(e.doc, { rank: e.key.semanticRank, similarity: e.key.semanticScore ?? 0 });
    const language = opts.language ?? "ja";
    const hit = (n: number, score: number): DocumentHit => {
      const m = this.metas[n]!;
      const semantic = semanticOf.get(n);
      return {
        id: m.id,
        kind: m.kind,
        externalId: m.externalId ?? null,
        titleJa: m.titleJa,
        titleEn: m.titleEn,
        score,
        matched: query.filter((q) => this.index.contains(n, q.term)),
        ...(semantic ? { semantic } : {}),
      };
    };
    const canSeeResearcher = opts.canSeeResearcher ?? (() => true);
    const ranked = aggregateResearchers(
      evidence.map((e) => ({ doc: e.doc, score: e.score, researcherIds: this.metas[e.doc]!.researcherIds })),
      (id) => {
        const r = this.researchers.get(id);
        return r && canSeeResearcher(r) ? r : undefined;
      },
      { ...opts.rank, top },
    );
    const researchers = ranked.map((r): ResearcherHit => {
      const ev = r.evidence.map((e) => hit(e.doc, e.score));
      return {
        id: r.researcher.id,
        externalId: r.researcher.externalId,
        nameJa: r.researcher.nameJa,
        nameEn: r.researcher.nameEn,
        institutionId: r.researcher.institutionId,
        areaCode: r.researcher.areaCode,
        score: r.score,
        evidence: ev,
        reason: reasonFor(ev, language, display),
      };
    });
    const documents = docs.map((d) => hit(d.doc, d.score));
    const matchedTerms = new Set<string>();
    for (const d of [...documents, ...researchers.flatMap((r) => r.evidence)]) {
      for (const q of d.matched) {
        if (q.via === "text") matchedTerms.add(q.term);
        else if (q.via !== "ngram") for (const t of q.from.split(" ")) matchedTerms.add(t);
      }
    }
    return {
      query,
      documents,
      researchers,
      highlighted: highlight(this.opts.analyzer, opts.text, matchedTerms),
      display,
    };
  }

  /**
   * Similarity of two texts, 0…1: cosine of their word and bigram vectors weighted by tf × idf, the idf
   * taken from the loaded documents (so words common in this corpus count less).
   */
  similarity(a: string, b: string): number {
    const vector = (text: string) => {
      const v = new Map<string, number>();
      for (const t of [...this.opts.analyzer.terms(text), ...cjkBigrams(text)]) v.set(t, (v.get(t) ?? 0) + 1);
      for (const [t, c] of v) v.set(t, c * this.index.idf(t));
      return v;
    };
    const va = vector(a);
    const vb = vector(b);
    let dot = 0;
    let na = 0;
    let nb = 0;
    for (const [t, x] of va) {
      na += x * x;
      const y = vb.get(t);
      if (y) dot += x * y;
    }
    for (const y of vb.values()) nb += y * y;
    return na && nb ? dot / Math.sqrt(na * nb) : 0;
  }

  /** Marks in a document's text the words that matched (for the explanation view). */
  highlightDocument(text: string, matched: QueryTerm[]): Highlight[] {
    return highlight(
      this.opts.analyzer,
      text,
      new Set(matched.filter((q) => q.via !== "ngram").map((q) => q.term)),
    );
  }
}

function stripFields(d: MatchDoc): DocMeta {
  const { fields: _fields, ...meta } = d;
  return meta;
}
