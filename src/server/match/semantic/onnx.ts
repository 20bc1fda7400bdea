/**
 * A sentence-embedding model from a local folder, laid out as Hugging Face publishes it (e.g.
 * intfloat/multilingual-e5-small): `onnx/model.onnx` or `model.onnx`, `tokenizer.json` (SentencePiece
 * Unigram, WordPiece or BPE, read by @huggingface/tokenizers), `config.json`, and optionally
 * `tokenizer_config.json`. Token vectors are mean-pooled under the attention mask and L2-normalised.
 * Nothing is ever downloaded: the folder is all there is.
 *
 * The runtime is onnxruntime-web (WebAssembly; an optional dependency, loaded only here, on first use).
 * When an operator has installed onnxruntime-node (native, 6 to 8 times faster here for bulk indexing), it is
 * used instead; see docs/semantic.md.
 *
 * @example
 *   const e = await loadOnnxEmbedder({ dir: "/srv/models/multilingual-e5-small" });
 *   e.id; // "onnx:multilingual-e5-small"  (e5 → "query: " / "passage: " prefixes applied)
 *   const [v] = await e.embed(["金型の摩耗を予測したい"], "query"); // Float32Array(384), unit length
 */
import fs from "node:fs";
import path from "node:path";
import type { InferenceSession, Tensor, TypedTensor } from "onnxruntime-web";
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

export interface OnnxEmbedderOptions {
  /** The model folder. */
  dir: string;
  /** The name in the embedder id (default: the folder's name). */
  name?: string;
  /** The model file inside the folder (default: onnx/model.onnx, then model.onnx). */
  modelFile?: string;
  /** Query/passage prefixes (default "auto": e5 prefixes when the folder or model name says e5). */
  prefixes?: PrefixOption;
  /** Tokens per text, longer texts are cut (default: the model's limit, at most 512). */
  maxTokens?: number;
  /** Texts per model run (default 16). */
  batchSize?: number;
  /** CPU threads for the runtime (default 1, leaving the other cores to the server). */
  threads?: number;
  /** "auto" (default): onnxruntime-node when installed, else onnxruntime-web. */
  runtime?: "auto" | "node" | "web";
}

const MODEL_CANDIDATES = ["onnx/model.onnx", "model.onnx"];
const LAYOUT =
  "expected a Hugging Face sentence-embedding model folder: onnx/model.onnx (or model.onnx), tokenizer.json, config.json";

type Ort = typeof import("onnxruntime-web");

interface TokenizerLike {
  encode(text: string): { ids: number[] };
  token_to_id(token: string): number | undefined;
}

function fail(dir: string, what: string, cause?: unknown): never {
  throw new EmbeddingError("config", `ONNX embedding model folder ${dir}: ${what}`, { cause });
}

function readJson(dir: string, file: string, required: true): Record<string, unknown>;
function readJson(dir: string, file: string, required: false): Record<string, unknown> | null;
function readJson(dir: string, file: string, required: boolean): Record<string, unknown> | null {
  const p = path.join(dir, file);
  if (!fs.existsSync(p)) {
    if (required) fail(dir, `${file} is missing (${LAYOUT})`);
    return null;
  }
  try {
    const v = JSON.parse(fs.readFileSync(p, "utf8"));
    if (!v || typeof v !== "object" || Array.isArray(v)) fail(dir, `${file} is not a JSON object`);
    return v as Record<string, unknown>;
  } catch (err) {
    if (err instanceof EmbeddingError) throw err;
    fail(dir, `${file} is not valid JSON: ${(err as Error).message}`, err);
  }
}

async function loadRuntime(kind: "auto" | "node" | "web", dir: string): Promise<{ ort: Ort; name: string }> {
  if (kind !== "web") {
    try {
      // Not a dependency of kyoso: used when the operator installed it (a variable keeps bundlers off it).
      const name = "onnxruntime-node";
      return { ort: (await import(/* @vite-ignore */ name)) as Ort, name };
    } catch (err) {
      if (kind === "node") {
        fail(dir, `onnxruntime-node could not be loaded: ${(err as Error).message}`, err);
      }
    }
  }
  try {
    return { ort: await import("onnxruntime-web"), name: "onnxruntime-web" };
  } catch (err) {
    throw new EmbeddingError(
      "runtime",
      `ONNX embedding model folder ${dir}: the ONNX runtime (npm package onnxruntime-web, an optional dependency of kyoso) is not installed or failed to load (${(err as Error).message}); run \`npm install\` without --omit=optional, or unset KYOSO_EMBEDDINGS_ONNX_DIR`,
      { cause: err },
    );
  }
}

/**
 * Loads the model folder and checks it with one embedding; throws EmbeddingError naming the folder and the
 * missing or broken file.
 */
export async function loadOnnxEmbedder(opts: OnnxEmbedderOptions): Promise<OnnxEmbedder> {
  const dir = path.resolve(opts.dir);
  if (!fs.existsSync(dir)) fail(dir, `the folder does not exist (${LAYOUT})`);
  if (!fs.statSync(dir).isDirectory()) fail(dir, "is not a folder");
  const candidates = opts.modelFile ? [opts.modelFile] : MODEL_CANDIDATES;
  const modelFile = candidates.find((f) => fs.existsSync(path.join(dir, f)));
  if (!modelFile) fail(dir, `no ONNX model: ${candidates.join(" or ")} is missing (${LAYOUT})`);
  const tokenizerJson = readJson(dir, "tokenizer.json", true);
  const config = readJson(dir, "config.json", true);
  const tokenizerConfig = readJson(dir, "tokenizer_config.json", false) ?? {};

  let tokenizer: TokenizerLike;
  try {
    const { Tokenizer } = await import("@huggingface/tokenizers");
    tokenizer = new Tokenizer(tokenizerJson, tokenizerConfig) as TokenizerLike;
  } catch (err) {
    fail(dir, `tokenizer.json could not be loaded: ${(err as Error).message}`, err);
  }

  const { ort, name: runtime } = await loadRuntime(opts.runtime ?? "auto", dir);
  const threads = Math.max(1, opts.threads ?? 1);
  const modelPath = path.join(dir, modelFile);
  let session: InferenceSession;
  try {
    ort.env.logLevel = "error";
    if (runtime === "onnxruntime-node") {
      session = await ort.InferenceSession.create(modelPath, {
        intraOpNumThreads: threads,
        interOpNumThreads: 1,
      });
    } else {
      ort.env.wasm.numThreads = threads;
      const folder = path.dirname(modelPath);
      const externalData = fs
        .readdirSync(folder)
        .filter((f) => /\.onnx_data$|\.onnx\.data$/.test(f))
        .map((f) => ({ path: f, data: new Uint8Array(fs.readFileSync(path.join(folder, f))) }));
      session = await ort.InferenceSession.create(new Uint8Array(fs.readFileSync(modelPath)), {
        executionProviders: ["wasm"],
        ...(externalData.length ? { externalData } : {}),
      });
    }
  } catch (err) {
    fail(dir, `${modelFile} could not be loaded by ${runtime}: ${(err as Error).message}`, err);
  }

  const modelName = opts.name ?? path.basename(dir);
  const nameOrPath = typeof config._name_or_path === "string" ? config._name_or_path : "";
  const prefixes = resolvePrefixes(`${modelName} ${nameOrPath}`, opts.prefixes);
  const embedder = new OnnxEmbedder({
    id: `onnx:${modelName}`,
    dir,
    modelFile,
    runtime,
    ort,
    session,
    tokenizer,
    prefixes,
    maxTokens: opts.maxTokens ?? maxTokensOf(config, tokenizerConfig),
    batchSize: Math.max(1, opts.batchSize ?? 16),
    padId: padIdOf(tokenizerJson, tokenizerConfig, tokenizer),
  });
  await embedder.check();
  return embedder;
}

function maxTokensOf(config: Record<string, unknown>, tokenizerConfig: Record<string, unknown>): number {
  let max = 512;
  const fromTokenizer = Number(tokenizerConfig.model_max_length);
  if (Number.isFinite(fromTokenizer) && fromTokenizer > 0) max = Math.min(max, fromTokenizer);
  const positions = Number(config.max_position_embeddings);
  if (Number.isFinite(positions) && positions > 0) {
    // RoBERTa-style models (XLM-R, e5) keep two positions for the padding offset.
    const usable = /roberta/i.test(String(config.model_type ?? "")) ? positions - 2 : positions;
    max = Math.min(max, usable);
  }
  return Math.max(2, max);
}

function padIdOf(
  tokenizerJson: Record<string, unknown>,
  tokenizerConfig: Record<string, unknown>,
  tokenizer: TokenizerLike,
): number {
  const padding = tokenizerJson.padding as { pad_id?: unknown } | null | undefined;
  if (typeof padding?.pad_id === "number") return padding.pad_id;
  const named = tokenizerConfig.pad_token;
  const padToken = typeof named === "string" ? named : (named as { content?: string } | undefined)?.content;
  for (const t of [padToken, "<pad>", "[PAD]"]) {
    const id = t ? tokenizer.token_to_id(t) : undefined;
    if (id !== undefined) return id;
  }
  return 0;
}

interface OnnxParts {
  id: string;
  dir: string;
  modelFile: string;
  runtime: string;
  ort: Ort;
  session: InferenceSession;
  tokenizer: TokenizerLike;
  prefixes: Prefixes;
  maxTokens: number;
  batchSize: number;
  padId: number;
}

export class OnnxEmbedder implements Embedder {
  readonly id: string;
  /** "onnxruntime-web" or "onnxruntime-node". */
  readonly runtime: string;
  private dim: number | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private closed = false;

  constructor(private readonly p: OnnxParts) {
    this.id = p.id;
    this.runtime = p.runtime;
  }

  get dimension(): number | null {
    return this.dim;
  }

  /** Runs the model once, so that a model with unexpected inputs or outputs fails at load. */
  async check(): Promise<void> {
    await this.embed(["kyoso"], "passage");
  }

  async embed(texts: string[], kind: EmbedKind): Promise<Float32Array[]> {
    if (this.closed) throw new EmbeddingError("runtime", `ONNX embedding model ${this.p.dir} is closed`);
    const ids = applyPrefix(texts, kind, this.p.prefixes).map((t) => this.tokenize(t));
    // Similar lengths together, so that little padding is computed.
    const order = ids.map((_, i) => i).sort((a, b) => ids[a]!.length - ids[b]!.length);
    const out: Float32Array[] = new Array(texts.length);
    for (let i = 0; i < order.length; i += this.p.batchSize) {
      const part = order.slice(i, i + this.p.batchSize);
      const vecs = await this.serial(() => this.run(part.map((j) => ids[j]!)));
      part.forEach((j, n) => {
        out[j] = vecs[n]!;
      });
    }
    return out;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.queue.catch(() => undefined);
    await this.p.session.release();
  }

  private tokenize(text: string): number[] {
    const ids = this.p.tokenizer.encode(text).ids;
    const max = this.p.maxTokens;
    // Cut, keeping the closing special token ([SEP], </s>) that the post-processor put last.
    return ids.length <= max ? ids : [...ids.slice(0, max - 1), ids[ids.length - 1]!];
  }

  /** One model run at a time: sessions are not meant to run concurrently. */
  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.queue.then(fn, fn);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async run(batch: number[][]): Promise<Float32Array[]> {
    const { ort, session } = this.p;
    const rows = batch.length;
    const len = Math.max(1, ...batch.map((b) => b.length));
    const inputIds = new BigInt64Array(rows * len).fill(BigInt(this.p.padId));
    const mask = new BigInt64Array(rows * len);
    batch.forEach((ids, r) => {
      ids.forEach((id, c) => {
        inputIds[r * len + c] = BigInt(id);
        mask[r * len + c] = 1n;
      });
    });
    const feeds: Record<string, Tensor> = {};
    for (const name of session.inputNames) {
      if (name === "input_ids") feeds[name] = new ort.Tensor("int64", inputIds, [rows, len]);
      else if (name === "attention_mask") feeds[name] = new ort.Tensor("int64", mask, [rows, len]);
      else if (name === "token_type_ids") {
        feeds[name] = new ort.Tensor("int64", new BigInt64Array(rows * len), [rows, len]);
      } else {
        throw new EmbeddingError(
          "runtime",
          `ONNX embedding model ${path.join(this.p.dir, this.p.modelFile)} needs an input "${name}" that kyoso does not know how to fill (known: input_ids, attention_mask, token_type_ids)`,
        );
      }
    }
    let result: InferenceSession.ReturnType;
    try {
      result = await session.run(feeds);
    } catch (err) {
      throw new EmbeddingError(
        "runtime",
        `ONNX embedding model ${path.join(this.p.dir, this.p.modelFile)} failed to run: ${(err as Error).message}`,
        { cause: err },
      );
    }
    const outName =
      ["last_hidden_state", "token_embeddings"].find((n) => session.outputNames.includes(n)) ??
      session.outputNames[0]!;
    const out = result[outName]!;
    for (const t of Object.values(result)) if (t !== out) t.dispose?.();
    try {
      return this.pool(out, mask, rows, len, outName);
    } finally {
      out.dispose?.();
    }
  }

  /** Mean of the token vectors under the attention mask (or the model's own sentence vector), normalised. */
  private pool(out: Tensor, mask: BigInt64Array, rows: number, len: number, name: string): Float32Array[] {
    if (out.type !== "float32") {
      throw new EmbeddingError(
        "runtime",
        `ONNX embedding model ${this.p.dir}: output "${name}" is ${out.type}; kyoso reads float32 models`,
      );
    }
    const data = (out as TypedTensor<"float32">).data;
    const dims = out.dims;
    const vecs: Float32Array[] = [];
    if (dims.length === 2 && dims[0] === rows) {
      const d = dims[1]!;
      for (let r = 0; r < rows; r++) vecs.push(l2normalize(data.slice(r * d, (r + 1) * d)));
    } else if (dims.length === 3 && dims[0] === rows && dims[1] === len) {
      const d = dims[2]!;
      for (let r = 0; r < rows; r++) {
        const v = new Float32Array(d);
        let n = 0;
        for (let c = 0; c < len; c++) {
          if (mask[r * len + c] === 0n) continue;
          n++;
          const at = (r * len + c) * d;
          for (let j = 0; j < d; j++) v[j]! += data[at + j]!;
        }
        if (n > 0) for (let j = 0; j < d; j++) v[j]! /= n;
        vecs.push(l2normalize(v));
      }
    } else {
      throw new EmbeddingError(
        "runtime",
        `ONNX embedding model ${this.p.dir}: output "${name}" has shape [${dims.join(", ")}], expected [batch, tokens, dim] or [batch, dim]`,
      );
    }
    const d = vecs[0]?.length ?? 0;
    if (this.dim === null) this.dim = d;
    else if (d !== this.dim) {
      throw new EmbeddingError("runtime", `ONNX embedding model ${this.p.dir}: dimension changed`);
    }
    return vecs;
  }
}
