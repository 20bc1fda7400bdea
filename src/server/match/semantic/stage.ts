/**
 * The semantic stage: an Embedder and a vector index of the documents' texts, used to re-rank a lexical
 * ranking by reciprocal rank fusion with the nearest documents by meaning. Optional by design: when the
 * embedder fails at query time the lexical ranking is returned unchanged (and a warning logged), and a
 * document the viewer may not see is never returned, whichever list it came from.
 *
 * @example
 *   const stage = new SemanticStage({ embedder });
 *   await stage.indexDocuments(seeds.map((s) => ({ id: s.id, text: `${s.title}\n${s.summary}` })));
 *   const hits = await stage.rerank("金型の摩耗を予測したい", lexical.map((d) => ({ id: d.id, score: d.score })),
 *     { k: 20, canSee: (id) => visible.has(id) });
 *   hits[0]; // { id, score, lexicalRank?, semanticRank?, … }
 */
import type { Embedder } from "./embedder";
import { type FusedHit, fuse, type Scored, VectorIndex } from "./vectors";

export interface StageDoc {
  id: string;
  text: string;
}

export interface SemanticStageOptions {
  embedder: Embedder;
  /** Texts per embed() call when indexing (default 32). */
  batchSize?: number;
  /** Nearest documents taken from the vector index for fusion (default 100). */
  candidates?: number;
  /** Weight of the semantic list against the lexical one in the fusion (default 1). */
  semanticWeight?: number;
  /** The RRF constant (default 60). */
  rrfK?: number;
  /**
   * How long a match waits for the query's vector before answering lexically (default 5,000 ms); the
   * embedder's own timeout and retries may be longer, and a late vector is still remembered for next time.
   */
  queryTimeoutMs?: number;
  /** Characters of a document's text that are embedded (default 2,000; models cut at ~512 tokens anyway). */
  maxChars?: number;
  /** Where warnings go (default console.warn). */
  warn?: (message: string) => void;
}

export interface RerankOptions {
  /** How many to return. */
  k: number;
  /** Whether the viewer may see a document; applied to both lists before fusion. */
  canSee: (docId: string) => boolean;
  semanticWeight?: number;
}

export interface IndexProgress {
  done: number;
  total: number;
}

/** Queries remembered with their vectors (a repeated query or the next page embeds nothing). */
const QUERY_CACHE = 256;

export class SemanticStage {
  readonly embedder: Embedder;
  private index: VectorIndex | null = null;
  private readonly queryCache = new Map<string, Float32Array>();
  private readonly opts: Required<Omit<SemanticStageOptions, "embedder">>;
  private failure: { message: string; at: Date } | null = null;

  constructor(options: SemanticStageOptions) {
    this.embedder = options.embedder;
    this.opts = {
      batchSize: options.batchSize ?? 32,
      candidates: options.candidates ?? 100,
      semanticWeight: options.semanticWeight ?? 1,
      rrfK: options.rrfK ?? 60,
      queryTimeoutMs: options.queryTimeoutMs ?? 5000,
      maxChars: options.maxChars ?? 2000,
      warn: options.warn ?? ((m) => console.warn(m)),
    };
  }

  /** Number of documents with a vector. */
  get size(): number {
    return this.index?.size ?? 0;
  }

  get dimension(): number | null {
    return this.index?.dimension ?? this.embedder.dimension;
  }

  /** The last query-time failure (the stage then answered with the lexical ranking), or null. */
  get lastFailure(): { message: string; at: Date } | null {
    return this.failure;
  }

  has(id: string): boolean {
    return this.index?.has(id) ?? false;
  }

  /**
   * Embeds and indexes documents in batches. Throws (with how many were indexed) when the embedder fails;
   * what was indexed before stays.
   */
  async indexDocuments(
    docs: StageDoc[],
    options: { onProgress?: (p: IndexProgress) => void; signal?: AbortSignal } = {},
  ): Promise<IndexProgress> {
    const total = docs.length;
    let done = 0;
    for (let i = 0; i < docs.length; i += this.opts.batchSize) {
      options.signal?.throwIfAborted();
      const part = docs.slice(i, i + this.opts.batchSize);
      let vectors: Float32Array[];
      try {
        vectors = await this.embedder.embed(
          part.map((d) => this.clip(d.text)),
          "passage",
        );
      } catch (err) {
        throw new Error(
          `semantic indexing stopped after ${done} of ${total} documents: ${(err as Error).message}`,
          { cause: err },
        );
      }
      part.forEach((d, n) => {
        this.setVector(d.id, vectors[n]!);
      });
      done += part.length;
      options.onProgress?.({ done, total });
    }
    return { done, total };
  }

  /** Embeds and indexes one document (after an edit). */
  async upsert(doc: StageDoc): Promise<void> {
    const [v] = await this.embedder.embed([this.clip(doc.text)], "passage");
    this.setVector(doc.id, v!);
  }

  /** Stores a vector computed earlier by the same embedder (e.g. from a cache keyed by `embedder.id`). */
  setVector(id: string, vector: Float32Array): void {
    if (!this.index) this.index = new VectorIndex(vector.length);
    this.index.upsert(id, vector);
  }

  /** The stored vector (normalised), e.g. to cache it. */
  getVector(id: string): Float32Array | undefined {
    return this.index?.get(id);
  }

  remove(id: string): void {
    this.index?.remove(id);
  }

  clear(): void {
    this.index?.clear();
    this.queryCache.clear();
  }

  /**
   * The lexical ranking (best first) fused with the documents nearest to the query by meaning, top k.
   * Documents `canSee` rejects are dropped from both lists first. When the query cannot be embedded the
   * visible lexical ranking is returned as it was (ranks kept, no semantic part) and a warning is logged.
   */
  async rerank(queryText: string, lexical: Scored[], options: RerankOptions): Promise<FusedHit[]> {
    const visible = lexical.filter((d) => options.canSee(d.id));
    const weight = options.semanticWeight ?? this.opts.semanticWeight;
    let semantic: Scored[] = [];
    if (weight !== 0 && this.index && this.index.size > 0 && queryText.trim()) {
      try {
        const q = await this.withDeadline(this.queryVector(queryText));
        semantic = this.index.search(q, Math.max(this.opts.candidates, options.k), options.canSee);
        this.failure = null;
      } catch (err) {
        const message = `semantic stage (${this.embedder.id}) failed; answering with the lexical ranking: ${(err as Error).message}`;
        this.failure = { message, at: new Date() };
        this.opts.warn(message);
        semantic = [];
      }
    }
    return fuse(visible, semantic, { k: this.opts.rrfK, semanticWeight: weight, limit: options.k });
  }

  private withDeadline<T>(work: Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const ms = this.opts.queryTimeoutMs;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no query vector within ${ms} ms`)), ms);
    });
    work.catch(() => undefined); // a late failure after the deadline is not unhandled
    return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
  }

  private async queryVector(text: string): Promise<Float32Array> {
    const key = text.trim();
    const cached = this.queryCache.get(key);
    if (cached) {
      this.queryCache.delete(key);
      this.queryCache.set(key, cached);
      return cached;
    }
    const [v] = await this.embedder.embed([key], "query");
    if (!v) throw new Error("the embedder returned no vector");
    this.queryCache.set(key, v);
    if (this.queryCache.size > QUERY_CACHE) this.queryCache.delete(this.queryCache.keys().next().value!);
    return v;
  }

  private clip(text: string): string {
    return text.length > this.opts.maxChars ? text.slice(0, this.opts.maxChars) : text;
  }
}
