/**
 * The ONNX embedder on tiny models that this test builds itself: an ONNX graph (input_ids → Gather from a
 * small embedding table → last_hidden_state [batch, tokens, dim]; attention_mask and token_type_ids
 * accepted) serialised by onnx-writer.ts (plain protobuf, no dependency), beside a tokenizer.json (WordPiece as in BERT,
 * Unigram + Metaspace as in XLM-R/e5) and a config.json. A real ONNX runtime runs them; nothing is
 * downloaded. Because the graph only looks tokens up, the expected sentence vector is the mean of table
 * rows, which the test computes by hand.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dot, EmbeddingError } from "../../src/server/match/semantic/embedder";
import { createEmbedder } from "../../src/server/match/semantic/index";
import { loadOnnxEmbedder, type OnnxEmbedder } from "../../src/server/match/semantic/onnx";
import { writeOnnxModel } from "../../src/server/match/semantic/onnx-writer";

/** input_ids → Gather from the table → last_hidden_state [batch, sequence, dim]; the other inputs unused. */
function gatherModel(table: Float32Array, rows: number, dim: number, inputs: string[]): Uint8Array {
  return writeOnnxModel({
    name: "tiny-encoder",
    inputs: inputs.map((name) => ({ name, type: "int64", dims: ["batch", "sequence"] })),
    outputs: [{ name: "last_hidden_state", type: "float32", dims: ["batch", "sequence", dim] }],
    initializers: [{ name: "embeddings", dims: [rows, dim], data: table }],
    nodes: [{ op: "Gather", inputs: ["embeddings", "input_ids"], output: "last_hidden_state" }],
  });
}

/** A seeded table of token vectors (mulberry32), every row non-zero, the padding row included. */
function table(rows: number, dim: number, seed: number): Float32Array {
  let a = seed;
  const rnd = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return Float32Array.from({ length: rows * dim }, () => rnd() * 2 - 1);
}

// ---- the tokenizers ----

const WORDS = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "query", "passage", ":"];
const WORDS2 = ["mold", "wear", "##s", "sensor", "cutting", "tool", "prediction", "fuel", "cell"];
const WORDS3 = ["electrode", "ceramic", "membrane", "rice", "farming", "drone"];
const VOCAB = Object.fromEntries([...WORDS, ...WORDS2, ...WORDS3].map((w, i) => [w, i]));

const special = (content: string, id: number) => ({
  id,
  content,
  single_word: false,
  lstrip: false,
  rstrip: false,
  normalized: false,
  special: true,
});

const template = (cls: string, sep: string, clsId: number, sepId: number) => ({
  type: "TemplateProcessing",
  single: [
    { SpecialToken: { id: cls, type_id: 0 } },
    { Sequence: { id: "A", type_id: 0 } },
    { SpecialToken: { id: sep, type_id: 0 } },
  ],
  pair: [],
  special_tokens: {
    [cls]: { id: cls, ids: [clsId], tokens: [cls] },
    [sep]: { id: sep, ids: [sepId], tokens: [sep] },
  },
});

/** BERT-style: BertNormalizer (lower case), BertPreTokenizer, WordPiece, [CLS] … [SEP]. */
const wordPieceTokenizer = {
  version: "1.0",
  truncation: null,
  padding: null,
  added_tokens: ["[PAD]", "[UNK]", "[CLS]", "[SEP]"].map((t) => special(t, VOCAB[t]!)),
  normalizer: {
    type: "BertNormalizer",
    clean_text: true,
    handle_chinese_chars: true,
    strip_accents: null,
    lowercase: true,
  },
  pre_tokenizer: { type: "BertPreTokenizer" },
  post_processor: template("[CLS]", "[SEP]", VOCAB["[CLS]"]!, VOCAB["[SEP]"]!),
  decoder: { type: "WordPiece", prefix: "##", cleanup: true },
  model: {
    type: "WordPiece",
    unk_token: "[UNK]",
    continuing_subword_prefix: "##",
    max_input_chars_per_word: 100,
    vocab: VOCAB,
  },
};

/** XLM-R/e5-style: NFKC, Metaspace, a SentencePiece Unigram model, <s> … </s>. */
const PIECES: [string, number][] = [
  ["<s>", 0],
  ["<pad>", 0],
  ["</s>", 0],
  ["<unk>", 0],
  ["▁", -2],
  ["▁金型", -3],
  ["金型", -4],
  ["の", -3],
  ["摩耗", -3],
  ["摩", -6],
  ["耗", -6],
  ["予測", -3],
  ["燃料", -3],
  ["電池", -3],
  ["▁燃料", -3.5],
  ["query", -4],
  [":", -4],
  ["▁query", -3],
  ["passage", -4],
  ["▁passage", -3],
];
const unigramTokenizer = {
  version: "1.0",
  truncation: null,
  padding: null,
  added_tokens: ["<s>", "<pad>", "</s>", "<unk>"].map((t, i) => special(t, i)),
  normalizer: { type: "NFKC" },
  pre_tokenizer: { type: "Metaspace", replacement: "▁", prepend_scheme: "always", split: true },
  post_processor: template("<s>", "</s>", 0, 2),
  decoder: { type: "Metaspace", replacement: "▁", prepend_scheme: "always", split: true },
  model: { type: "Unigram", unk_id: 3, byte_fallback: false, vocab: PIECES },
};

// ---- the model folders ----

const DIM = 8;
let root: string;
let bertDir: string;
let bertTable: Float32Array;
let xlmrDir: string;
let xlmrTable: Float32Array;
let bert: OnnxEmbedder;

function writeModelDir(
  dir: string,
  files: { model?: Uint8Array; modelPath?: string; tokenizer?: unknown; config?: unknown },
): void {
  fs.mkdirSync(path.join(dir, "onnx"), { recursive: true });
  if (files.model) fs.writeFileSync(path.join(dir, files.modelPath ?? "onnx/model.onnx"), files.model);
  if (files.tokenizer) fs.writeFileSync(path.join(dir, "tokenizer.json"), JSON.stringify(files.tokenizer));
  if (files.config) fs.writeFileSync(path.join(dir, "config.json"), JSON.stringify(files.config));
}

/** The expected sentence vector: the normalised mean of the table rows of the token ids. */
function expected(tab: Float32Array, ids: number[]): Float32Array {
  const v = new Float32Array(DIM);
  for (const id of ids) for (let j = 0; j < DIM; j++) v[j]! += tab[id * DIM + j]! / ids.length;
  const n = Math.hypot(...v);
  return v.map((x) => x / n);
}

function expectClose(a: Float32Array, b: Float32Array, digits = 5): void {
  expect(a.length).toBe(b.length);
  for (let i = 0; i < a.length; i++) expect(a[i]).toBeCloseTo(b[i]!, digits);
}

const id = (w: string) => VOCAB[w]!;
const ROWS = Object.keys(VOCAB).length;

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), "kyoso-onnx-"));
  const rows = Object.keys(VOCAB).length;
  bertTable = table(rows, DIM, 7);
  bertDir = path.join(root, "tiny-bert");
  writeModelDir(bertDir, {
    model: gatherModel(bertTable, rows, DIM, ["input_ids", "attention_mask", "token_type_ids"]),
    tokenizer: wordPieceTokenizer,
    config: { model_type: "bert", hidden_size: DIM, max_position_embeddings: 512 },
  });
  xlmrTable = table(PIECES.length, DIM, 11);
  xlmrDir = path.join(root, "tiny-multilingual-e5");
  writeModelDir(xlmrDir, {
    model: gatherModel(xlmrTable, PIECES.length, DIM, ["input_ids", "attention_mask"]),
    modelPath: "model.onnx",
    tokenizer: unigramTokenizer,
    config: { model_type: "xlm-roberta", hidden_size: DIM, max_position_embeddings: 514 },
  });
  bert = await loadOnnxEmbedder({ dir: bertDir });
});

afterAll(async () => {
  await bert?.close();
  fs.rmSync(root, { recursive: true, force: true });
});

describe("loadOnnxEmbedder on a WordPiece (BERT-style) model", () => {
  it("loads the folder with a real ONNX runtime", () => {
    expect(bert.id).toBe("onnx:tiny-bert");
    expect(bert.dimension).toBe(DIM);
    expect(["onnxruntime-web", "onnxruntime-node"]).toContain(bert.runtime);
  });

  it("returns the masked mean of the token vectors, normalised", async () => {
    const [v] = await bert.embed(["Mold wears"], "passage");
    // [CLS] mold wear ##s [SEP]
    expectClose(v!, expected(bertTable, [id("[CLS]"), id("mold"), id("wear"), id("##s"), id("[SEP]")]));
    expect(dot(v!, v!)).toBeCloseTo(1, 5);
  });

  it("puts texts sharing words nearer than unrelated texts", async () => {
    const [a, b, c] = await bert.embed(
      ["cutting tool wear prediction", "tool wear sensor", "rice farming drone"],
      "passage",
    );
    expect(dot(a!, b!)).toBeGreaterThan(dot(a!, c!));
    expect(dot(a!, b!)).toBeGreaterThan(dot(b!, c!));
    for (const v of [a, b, c]) expect(dot(v!, v!)).toBeCloseTo(1, 5);
  });

  it("gives a text the same vector alone and padded in a batch (the mask is respected)", async () => {
    const [alone] = await bert.embed(["mold"], "passage");
    const batch = await bert.embed(
      ["fuel cell electrode ceramic membrane drone", "mold", "rice farming"],
      "passage",
    );
    expectClose(batch[1]!, alone!, 6);
    // The padding row of the table is not zero, so an unmasked mean would differ.
    const unmasked = expected(bertTable, [
      id("[CLS]"),
      id("mold"),
      id("[SEP]"),
      ...Array(5).fill(id("[PAD]")),
    ]);
    expect(Math.abs(dot(unmasked, alone!) - 1)).toBeGreaterThan(1e-3);
  });

  it("keeps the order of the texts whatever their lengths", async () => {
    const texts = ["rice", "fuel cell electrode", "mold", "tool wear sensor prediction", "drone"];
    const together = await bert.embed(texts, "passage");
    for (let i = 0; i < texts.length; i++) {
      const [one] = await bert.embed([texts[i]!], "passage");
      expectClose(together[i]!, one!, 6);
    }
  });

  it("applies no prefix to a model that is not e5, and cuts long texts keeping [SEP]", async () => {
    const [q] = await bert.embed(["mold"], "query");
    const [p] = await bert.embed(["mold"], "passage");
    expectClose(q!, p!, 6);

    const short = await loadOnnxEmbedder({ dir: bertDir, maxTokens: 4 });
    const [cut] = await short.embed(["mold wear sensor drone rice"], "passage");
    expectClose(cut!, expected(bertTable, [id("[CLS]"), id("mold"), id("wear"), id("[SEP]")]));
    await short.close();
  });
});

describe("loadOnnxEmbedder on a SentencePiece Unigram (XLM-R/e5-style) model", () => {
  it("tokenises Japanese with the Unigram model and applies the e5 prefixes", async () => {
    const e5 = await loadOnnxEmbedder({ dir: xlmrDir });
    expect(e5.id).toBe("onnx:tiny-multilingual-e5");
    const piece = (p: string) => PIECES.findIndex(([s]) => s === p);
    const [passage] = await e5.embed(["金型の摩耗予測"], "passage");
    // "passage: 金型の摩耗予測" → <s> ▁passage : ▁金型 の 摩耗 予測 </s>
    const body = [piece("▁金型"), piece("の"), piece("摩耗"), piece("予測")];
    expectClose(passage!, expected(xlmrTable, [0, piece("▁passage"), piece(":"), ...body, 2]));
    const [query] = await e5.embed(["金型の摩耗予測"], "query");
    expectClose(query!, expected(xlmrTable, [0, piece("▁query"), piece(":"), ...body, 2]));
    await e5.close();

    const plain = await loadOnnxEmbedder({ dir: xlmrDir, prefixes: "none" });
    const [bare] = await plain.embed(["金型の摩耗予測"], "query");
    expectClose(bare!, expected(xlmrTable, [0, ...body, 2]));
    await plain.close();
  });

  it("is what createEmbedder returns for KYOSO_EMBEDDINGS_ONNX_DIR", async () => {
    const e = await createEmbedder({
      embeddingsOnnxDir: xlmrDir,
      embeddingsUrl: undefined,
      embeddingsModel: undefined,
      embeddingsApiKey: undefined,
    });
    expect(e?.id).toBe("onnx:tiny-multilingual-e5");
    expect(e?.dimension).toBe(DIM);
    await e?.close?.();
  });
});

describe("a missing or broken model folder", () => {
  async function loadError(dir: string): Promise<EmbeddingError> {
    const err = await loadOnnxEmbedder({ dir }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(EmbeddingError);
    return err as EmbeddingError;
  }

  it("names the folder and tokenizer.json when it is missing", async () => {
    const dir = path.join(root, "no-tokenizer");
    writeModelDir(dir, { model: gatherModel(bertTable, ROWS, DIM, ["input_ids"]), config: {} });
    const err = await loadError(dir);
    expect(err.message).toContain(dir);
    expect(err.message).toContain("tokenizer.json is missing");
  });

  it("names the model files it looked for", async () => {
    const dir = path.join(root, "no-model");
    writeModelDir(dir, { tokenizer: wordPieceTokenizer, config: {} });
    const err = await loadError(dir);
    expect(err.message).toContain(dir);
    expect(err.message).toContain("onnx/model.onnx or model.onnx is missing");
  });

  it("names a folder that does not exist, a missing config.json, and broken files", async () => {
    const nowhere = path.join(root, "nowhere");
    expect((await loadError(nowhere)).message).toContain(`${nowhere}: the folder does not exist`);

    const noConfig = path.join(root, "no-config");
    writeModelDir(noConfig, {
      model: gatherModel(bertTable, ROWS, DIM, ["input_ids"]),
      tokenizer: wordPieceTokenizer,
    });
    expect((await loadError(noConfig)).message).toContain("config.json is missing");

    const badJson = path.join(root, "bad-json");
    writeModelDir(badJson, { model: gatherModel(bertTable, ROWS, DIM, ["input_ids"]), config: {} });
    fs.writeFileSync(path.join(badJson, "tokenizer.json"), "{ not json");
    expect((await loadError(badJson)).message).toMatch(/tokenizer\.json is not valid JSON/);

    const badModel = path.join(root, "bad-model");
    writeModelDir(badModel, { tokenizer: wordPieceTokenizer, config: {} });
    fs.writeFileSync(path.join(badModel, "onnx", "model.onnx"), "this is not an onnx file");
    const err = await loadError(badModel);
    expect(err.message).toContain(badModel);
    expect(err.message).toMatch(/onnx\/model\.onnx could not be loaded by onnxruntime-(web|node)/);
  });
});
