/**
 * The one interface of the optional semantic stage: texts in, L2-normalised sentence vectors out. Two
 * implementations: a local ONNX model folder (onnx.ts) and an OpenAI-compatible embeddings endpoint
 * (http.ts); `createEmbedder` (index.ts) picks one from the configuration. No HTTP routes, no SQL.
 *
 * @example
 *   const e: Embedder = await loadOnnxEmbedder({ dir: "/srv/models/multilingual-e5-small" });
 *   const [q] = await e.embed(["金型の摩耗を予測したい"], "query");
 *   const docs = await e.embed(["切削工具の摩耗推定"], "passage");
 *   dot(q!, docs[0]!); // cosine similarity, since both are unit vectors
 */

/** Whether a text is a search query or a document to be found (e5-family models embed them differently). */
export type EmbedKind = "query" | "passage";

export interface Embedder {
  /**
   * Names the model and where it runs, e.g. "onnx:multilingual-e5-small" or "http:bge-m3". Stored vectors
   * are only comparable with vectors of the same id, so callers use it as the cache key.
   */
  readonly id: string;
  /** Vector length, once known (after loading for ONNX, after the first answer for HTTP). */
  readonly dimension: number | null;
  /** One unit vector per text, in order. Throws EmbeddingError when the model or endpoint fails. */
  embed(texts: string[], kind: EmbedKind): Promise<Float32Array[]>;
  /** Frees the model (ONNX) or nothing (HTTP). */
  close?(): Promise<void>;
}

/** Why embedding failed: the stage logs it and falls back to the lexical ranking. */
export type EmbeddingErrorReason =
  | "config" // a missing file, a bad option
  | "runtime" // the ONNX runtime is missing or could not run the model
  | "http" // the endpoint answered with an error status
  | "network" // no answer (refused, reset, DNS)
  | "timeout"
  | "response"; // an answer of the wrong shape (count, dimension, JSON)

export class EmbeddingError extends Error {
  constructor(
    readonly reason: EmbeddingErrorReason,
    message: string,
    readonly options: { status?: number; retryable?: boolean; retryAfterMs?: number; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "EmbeddingError";
  }

  get status(): number | undefined {
    return this.options.status;
  }

  get retryable(): boolean {
    return this.options.retryable ?? false;
  }

  /** The wait the server asked for (Retry-After), when it did. */
  get retryAfterMs(): number | undefined {
    return this.options.retryAfterMs;
  }
}

/** The texts put before queries and passages; e5 models were trained with "query: " and "passage: ". */
export interface Prefixes {
  query: string;
  passage: string;
}

/**
 * How to prefix texts: "auto" (e5 prefixes when the model name looks like an e5 model, none otherwise),
 * "e5", "none", or explicit prefixes (e.g. for models trained with other instructions).
 */
export type PrefixOption = "auto" | "e5" | "none" | Prefixes;

export const E5_PREFIXES: Prefixes = { query: "query: ", passage: "passage: " };
const NO_PREFIXES: Prefixes = { query: "", passage: "" };

/**
 * Whether a model name names an e5-family model (intfloat/multilingual-e5-small, e5-base-v2, …).
 *
 * @example isE5Model("intfloat/multilingual-e5-small") // true; isE5Model("bge-m3") // false
 */
export function isE5Model(name: string): boolean {
  return /(^|[^a-z0-9])e5([^a-z0-9]|$)/i.test(name);
}

/** The prefixes to use for a model name under an option (default "auto"). */
export function resolvePrefixes(modelName: string, option: PrefixOption = "auto"): Prefixes {
  if (typeof option === "object") return option;
  if (option === "e5") return E5_PREFIXES;
  if (option === "none") return NO_PREFIXES;
  return isE5Model(modelName) ? E5_PREFIXES : NO_PREFIXES;
}

export function applyPrefix(texts: string[], kind: EmbedKind, prefixes: Prefixes): string[] {
  const p = prefixes[kind];
  return p ? texts.map((t) => p + t) : texts;
}

/** Scales a vector to unit length in place (a zero vector stays zero) and returns it. */
export function l2normalize(v: Float32Array): Float32Array {
  let sum = 0;
  for (let i = 0; i < v.length; i++) sum += v[i]! * v[i]!;
  if (sum > 0) {
    const inv = 1 / Math.sqrt(sum);
    for (let i = 0; i < v.length; i++) v[i]! *= inv;
  }
  return v;
}

/** Dot product; the cosine similarity of two unit vectors. */
export function dot(a: Float32Array, b: Float32Array): number {
  let s = 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) s += a[i]! * b[i]!;
  return s;
}
