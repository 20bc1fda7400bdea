/**
 * npm run bench:semantic — the semantic stage's costs.
 * 1. Vector search: an index of 50,000 random unit vectors of 384 dimensions (multilingual-e5-small's
 *    size), exact top-100 by cosine for 300 random queries, without and with a visibility filter that
 *    rejects half the documents, and the fusion of a 400-long lexical list with the 100 nearest.
 * 2. Embedding: a synthetic encoder with multilingual-e5-small's compute shape (12 layers, hidden 384,
 *    feed-forward 1,536; random weights, so its vectors mean nothing) written to a temporary model folder
 *    and run through the product's ONNX embedder, on onnxruntime-web and, when installed, onnxruntime-node,
 *    one thread: texts of 128 tokens in batches of 16, and single 32-token queries. Real models differ
 *    (attention, layer norms, a 250,000-token vocabulary) but cost about the same per token.
 * BENCH_SEMANTIC_DOCS and BENCH_SEMANTIC_DIM change the search size; BENCH_SEMANTIC_ENCODER=0 skips part 2.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { loadOnnxEmbedder } from "../src/server/match/semantic/onnx";
import {
  type OnnxInitializer,
  type OnnxNode,
  writeOnnxModel,
} from "../src/server/match/semantic/onnx-writer";
import { fuse, type Scored, VectorIndex } from "../src/server/match/semantic/vectors";
import { machine, percentile } from "./lib";

const DOCS = Number(process.env.BENCH_SEMANTIC_DOCS ?? 50_000);
const DIM = Number(process.env.BENCH_SEMANTIC_DIM ?? 384);
const QUERIES = 300;
const K = 100;

let seed = 20261124;
function rnd(): number {
  seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
  return seed / 4294967296 - 0.5;
}
const randomVector = () => Float32Array.from({ length: DIM }, rnd);

function timeEach(n: number, fn: (i: number) => void): { p50: number; p95: number; mean: number } {
  for (let i = 0; i < 20; i++) fn(i); // warm-up
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    fn(i);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return {
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    mean: times.reduce((s, x) => s + x, 0) / n,
  };
}

const ms = (x: number) => `${x.toFixed(2)} ms`;

const t0 = performance.now();
const index = new VectorIndex(DIM);
for (let i = 0; i < DOCS; i++) index.upsert(`seed-${i}`, randomVector());
const buildSeconds = (performance.now() - t0) / 1000;

const queries = Array.from({ length: QUERIES }, randomVector);
const plain = timeEach(QUERIES, (i) => index.search(queries[i % QUERIES]!, K));
const visible = (id: string) => id.charCodeAt(id.length - 1) % 2 === 0;
const filtered = timeEach(QUERIES, (i) => index.search(queries[i % QUERIES]!, K, visible));
const lexical: Scored[] = Array.from({ length: 400 }, (_, i) => ({
  id: `seed-${(i * 97) % DOCS}`,
  score: 400 - i,
}));
const semantic = index.search(queries[0]!, K);
const fusion = timeEach(QUERIES, () => fuse(lexical, semantic, { limit: 20 }));

console.log(`semantic vector search — ${DOCS.toLocaleString("en")} × ${DIM} dimensions, top ${K}`);
console.log(`machine: ${machine()}`);
console.log(
  `index build: ${buildSeconds.toFixed(2)} s (random vectors included); vectors: ${(index.bytes / 2 ** 20).toFixed(0)} MB reserved, ${((DOCS * DIM * 4) / 2 ** 20).toFixed(0)} MB used`,
);
console.log(`search:           p50 ${ms(plain.p50)}  p95 ${ms(plain.p95)}  (${QUERIES} queries)`);
console.log(
  `search + filter:  p50 ${ms(filtered.p50)}  p95 ${ms(filtered.p95)}  (half the documents visible)`,
);
console.log(`fuse 400 + 100:   p50 ${ms(fusion.p50)}  p95 ${ms(fusion.p95)}`);

// ---- 2. embedding with a synthetic encoder ----

/** A folder with a synthetic encoder (random weights) of the given shape and a WordPiece tokenizer. */
function syntheticModelDir(layers: number, hidden: number, ffn: number, vocab: number): string {
  const init = (name: string, dims: number[]): OnnxInitializer => ({
    name,
    dims,
    data: Float32Array.from({ length: dims.reduce((a, b) => a * b, 1) }, () => rnd() * 0.05),
  });
  const initializers = [init("embeddings", [vocab, hidden])];
  const nodes: OnnxNode[] = [{ op: "Gather", inputs: ["embeddings", "input_ids"], output: "h0" }];
  let h = "h0";
  for (let l = 0; l < layers; l++) {
    // Four hidden × hidden projections (as attention's q, k, v, o), then the feed-forward block.
    let x = h;
    for (const p of ["q", "k", "v", "o"]) {
      initializers.push(init(`${p}${l}`, [hidden, hidden]));
      nodes.push({ op: "MatMul", inputs: [x, `${p}${l}`], output: `${p}${l}_out` });
      x = `${p}${l}_out`;
    }
    initializers.push(init(`up${l}`, [hidden, ffn]), init(`down${l}`, [ffn, hidden]));
    nodes.push(
      { op: "Add", inputs: [h, x], output: `r${l}` },
      { op: "MatMul", inputs: [`r${l}`, `up${l}`], output: `u${l}` },
      { op: "Relu", inputs: [`u${l}`], output: `a${l}` },
      { op: "MatMul", inputs: [`a${l}`, `down${l}`], output: `d${l}` },
      { op: "Add", inputs: [`r${l}`, `d${l}`], output: `h${l + 1}` },
    );
    h = `h${l + 1}`;
  }
  nodes.push({ op: "Identity", inputs: [h], output: "last_hidden_state" });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kyoso-bench-encoder-"));
  fs.mkdirSync(path.join(dir, "onnx"));
  fs.writeFileSync(
    path.join(dir, "onnx", "model.onnx"),
    writeOnnxModel({
      name: "synthetic-encoder",
      inputs: [
        { name: "input_ids", type: "int64", dims: ["batch", "sequence"] },
        { name: "attention_mask", type: "int64", dims: ["batch", "sequence"] },
      ],
      outputs: [{ name: "last_hidden_state", type: "float32", dims: ["batch", "sequence", hidden] }],
      initializers,
      nodes,
    }),
  );
  const words = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", ...Array.from({ length: vocab - 4 }, (_, i) => `w${i}`)];
  const tokenizer = {
    version: "1.0",
    added_tokens: [],
    normalizer: null,
    pre_tokenizer: { type: "WhitespaceSplit" },
    post_processor: {
      type: "TemplateProcessing",
      single: [
        { SpecialToken: { id: "[CLS]", type_id: 0 } },
        { Sequence: { id: "A", type_id: 0 } },
        { SpecialToken: { id: "[SEP]", type_id: 0 } },
      ],
      pair: [],
      special_tokens: {
        "[CLS]": { id: "[CLS]", ids: [2], tokens: ["[CLS]"] },
        "[SEP]": { id: "[SEP]", ids: [3], tokens: ["[SEP]"] },
      },
    },
    decoder: { type: "WordPiece", prefix: "##", cleanup: true },
    model: {
      type: "WordPiece",
      unk_token: "[UNK]",
      continuing_subword_prefix: "##",
      max_input_chars_per_word: 100,
      vocab: Object.fromEntries(words.map((w, i) => [w, i])),
    },
  };
  fs.writeFileSync(path.join(dir, "tokenizer.json"), JSON.stringify(tokenizer));
  fs.writeFileSync(
    path.join(dir, "config.json"),
    JSON.stringify({ model_type: "bert", hidden_size: hidden }),
  );
  return dir;
}

const words = (n: number, from: number) =>
  Array.from({ length: n }, (_, i) => `w${(from + i * 7) % 996}`).join(" ");

if (process.env.BENCH_SEMANTIC_ENCODER !== "0") {
  const dir = syntheticModelDir(12, 384, 1536, 1000);
  console.log("");
  console.log("embedding — synthetic encoder, 12 layers × 384 (e5-small's compute), 1 thread");
  for (const runtime of ["web", "node"] as const) {
    let embedder: Awaited<ReturnType<typeof loadOnnxEmbedder>>;
    try {
      embedder = await loadOnnxEmbedder({ dir, runtime, threads: 1, batchSize: 16 });
    } catch (err) {
      console.log(`onnxruntime-${runtime}: not measured (${(err as Error).message.split(": ").at(-1)})`);
      continue;
    }
    const docs = Array.from({ length: 16 }, (_, i) => words(126, i)); // + [CLS] [SEP] = 128 tokens
    await embedder.embed(docs, "passage"); // warm-up
    const batches: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      await embedder.embed(docs, "passage");
      batches.push(performance.now() - t);
    }
    batches.sort((a, b) => a - b);
    const batchMs = percentile(batches, 50);
    const query = timeAsync(10, (i) => embedder.embed([words(30, i)], "query"));
    const q = await query;
    const perDoc = batchMs / 16;
    console.log(
      `${embedder.runtime}: ${ms(batchMs)} per 16 texts of 128 tokens (${((16 * 128) / (batchMs / 1000)).toFixed(0)} tokens/s; 10,000 such seeds ≈ ${((perDoc * 10_000) / 60_000).toFixed(0)} min); 32-token query p50 ${ms(q.p50)}, p95 ${ms(q.p95)}`,
    );
    await embedder.close();
  }
  fs.rmSync(dir, { recursive: true, force: true });
  console.log(`load average during the run: ${os.loadavg()[0]!.toFixed(1)}`);
}

async function timeAsync(
  n: number,
  fn: (i: number) => Promise<unknown>,
): Promise<{ p50: number; p95: number }> {
  await fn(-1);
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn(i);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
}
