/**
 * An OpenAI-compatible embeddings client: POST {base}/embeddings with {model, input: string[]}, as served by
 * OpenAI, text-embeddings-inference (TEI), Ollama (/v1), vLLM, LiteLLM and the like. Batches the texts,
 * retries 408/429/5xx, timeouts and dropped connections with exponential backoff (honouring Retry-After),
 * checks that each answer has one vector per text and the same dimension throughout, and L2-normalises.
 * Error messages name the URL and status and never contain the API key.
 *
 * @example
 *   const e = new HttpEmbedder({ url: "http://127.0.0.1:8080/v1", model: "intfloat/multilingual-e5-small" });
 *   const vecs = await e.embed(["金型の摩耗"], "passage"); // sent as "passage: 金型の摩耗" (an e5 model)
 */
import {
  applyPrefix,
  type Embedder,
  EmbeddingError,
  type EmbedKind,
  l2normalize,
  type Prefixes,
  type PrefixOption,
  resolvePrefixes,
} from "./embedder";

export interface HttpEmbedderOptions {
  /** A base URL (…/v1) or the full …/embeddings URL. */
  url: string;
  model: string;
  /** Sent as `Authorization: Bearer …` when set. */
  apiKey?: string;
  /** Texts per request (default 64). */
  batchSize?: number;
  /** Per request, in milliseconds (default 30,000). */
  timeoutMs?: number;
  /** Further attempts after a retryable failure (default 3). */
  retries?: number;
  /** First backoff in milliseconds, doubled at each retry (default 500; Retry-After wins, up to 30 s). */
  backoffMs?: number;
  /** Query/passage prefixes (default "auto": e5 prefixes when the model name is an e5 model). */
  prefixes?: PrefixOption;
  /** The expected vector length; without it the first answer sets it. */
  dimension?: number;
  /** For tests and proxies; defaults to the global fetch. */
  fetch?: typeof fetch;
}

/** The …/embeddings URL for a base URL (…/v1, with or without a trailing slash) or a full URL. */
export function embeddingsUrl(url: string): string {
  const u = new URL(url);
  const p = u.pathname.replace(/\/+$/, "");
  if (!p.endsWith("/embeddings")) u.pathname = `${p}/embeddings`;
  return u.toString();
}

/** The URL without user name and password, for messages. */
function shown(url: string): string {
  const u = new URL(url);
  u.username = "";
  u.password = "";
  return u.toString();
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class HttpEmbedder implements Embedder {
  readonly id: string;
  private dim: number | null;
  private readonly url: string;
  private readonly shownUrl: string;
  private readonly prefixes: Prefixes;
  private readonly batchSize: number;
  private readonly timeoutMs: number;
  private readonly retries: number;
  private readonly backoffMs: number;
  private readonly fetchFn: typeof fetch;

  constructor(private readonly opts: HttpEmbedderOptions) {
    try {
      this.url = embeddingsUrl(opts.url);
    } catch {
      throw new EmbeddingError("config", `embeddings URL ${JSON.stringify(opts.url)} is not a URL`);
    }
    if (!opts.model)
      throw new EmbeddingError("config", `embeddings endpoint ${opts.url}: no model name given`);
    this.shownUrl = shown(this.url);
    this.id = `http:${opts.model}`;
    this.dim = opts.dimension ?? null;
    this.prefixes = resolvePrefixes(opts.model, opts.prefixes);
    this.batchSize = Math.max(1, opts.batchSize ?? 64);
    this.timeoutMs = opts.timeoutMs ?? 30_000;
    this.retries = Math.max(0, opts.retries ?? 3);
    this.backoffMs = opts.backoffMs ?? 500;
    this.fetchFn = opts.fetch ?? fetch;
  }

  get dimension(): number | null {
    return this.dim;
  }

  async embed(texts: string[], kind: EmbedKind): Promise<Float32Array[]> {
    const input = applyPrefix(texts, kind, this.prefixes);
    const out: Float32Array[] = [];
    for (let i = 0; i < input.length; i += this.batchSize) {
      out.push(...(await this.batch(input.slice(i, i + this.batchSize))));
    }
    return out;
  }

  private async batch(input: string[]): Promise<Float32Array[]> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.request(input);
      } catch (err) {
        if (!(err instanceof EmbeddingError) || !err.retryable || attempt >= this.retries) throw err;
        const backoff = this.backoffMs * 2 ** attempt * (0.75 + Math.random() * 0.5);
        await sleep(Math.min(err.retryAfterMs ?? backoff, 30_000));
      }
    }
  }

  private async request(input: string[]): Promise<Float32Array[]> {
    const headers: Record<string, string> = {
      "content-type": "application/json",
      accept: "application/json",
    };
    if (this.opts.apiKey) headers.authorization = `Bearer ${this.opts.apiKey}`;
    let res: Response;
    let text: string;
    try {
      res = await this.fetchFn(this.url, {
        method: "POST",
        headers,
        body: JSON.stringify({ model: this.opts.model, input }),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      text = await res.text();
    } catch (err) {
      const name = (err as Error).name;
      if (name === "TimeoutError" || name === "AbortError") {
        throw new EmbeddingError(
          "timeout",
          `embeddings endpoint ${this.shownUrl} did not answer within ${this.timeoutMs} ms`,
          { retryable: true, cause: err },
        );
      }
      const cause = (err as Error & { cause?: { code?: string; message?: string } }).cause;
      throw new EmbeddingError(
        "network",
        `embeddings endpoint ${this.shownUrl} could not be reached: ${cause?.code ?? cause?.message ?? (err as Error).message}`,
        { retryable: true, cause: err },
      );
    }
    if (!res.ok) {
      const after = Number(res.headers.get("retry-after") ?? Number.NaN);
      throw new EmbeddingError(
        "http",
        `embeddings endpoint ${this.shownUrl} answered ${res.status} ${res.statusText}${this.excerpt(text)}`,
        {
          status: res.status,
          retryable: res.status === 408 || res.status === 429 || res.status >= 500,
          ...(Number.isFinite(after) && after >= 0 ? { retryAfterMs: after * 1000 } : {}),
        },
      );
    }
    return this.parse(text, input.length);
  }

  /** A short, key-free excerpt of an error body. */
  private excerpt(body: string): string {
    let t = body.replace(/\s+/g, " ").trim();
    if (this.opts.apiKey) t = t.split(this.opts.apiKey).join("***");
    if (!t) return "";
    return `: ${t.length > 300 ? `${t.slice(0, 300)}…` : t}`;
  }

  private parse(text: string, expected: number): Float32Array[] {
    const bad = (why: string) =>
      new EmbeddingError("response", `embeddings endpoint ${this.shownUrl}: ${why}`, { retryable: false });
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw bad(`the answer is not JSON${this.excerpt(text)}`);
    }
    const data = (body as { data?: unknown }).data;
    if (!Array.isArray(data)) throw bad(`the answer has no "data" array${this.excerpt(text)}`);
    if (data.length !== expected) {
      throw bad(`sent ${expected} texts but received ${data.length} vectors`);
    }
    const rows = data.map((d: { index?: unknown; embedding?: unknown }, i) => ({
      index: typeof d?.index === "number" ? d.index : i,
      vector: this.vector(d?.embedding, i),
    }));
    rows.sort((a, b) => a.index - b.index);
    for (let i = 0; i < rows.length; i++) {
      if (rows[i]!.index !== i) throw bad(`the vectors' indexes are not 0…${expected - 1}`);
    }
    for (const { vector } of rows) {
      if (this.dim === null) this.dim = vector.length;
      if (vector.length !== this.dim) {
        throw bad(`expected vectors of dimension ${this.dim} but received one of ${vector.length}`);
      }
    }
    return rows.map((r) => l2normalize(r.vector));
  }

  private vector(embedding: unknown, i: number): Float32Array {
    if (typeof embedding === "string") {
      // encoding_format "base64": little-endian float32.
      const buf = Buffer.from(embedding, "base64");
      if (buf.byteLength === 0 || buf.byteLength % 4 !== 0) {
        throw new EmbeddingError(
          "response",
          `embeddings endpoint ${this.shownUrl}: vector ${i} is not base64 float32 data`,
        );
      }
      return new Float32Array(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength));
    }
    if (!Array.isArray(embedding) || embedding.length === 0 || !embedding.every(Number.isFinite)) {
      throw new EmbeddingError(
        "response",
        `embeddings endpoint ${this.shownUrl}: vector ${i} is not a non-empty array of numbers`,
      );
    }
    return Float32Array.from(embedding as number[]);
  }
}
