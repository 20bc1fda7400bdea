/**
 * The vector index (exact answers on hand-made vectors and against a sort of all scores), reciprocal rank
 * fusion on a hand-computed example, and the semantic stage end to end with the HTTP embedder and the
 * local stand-in server: visibility before fusion, and the lexical ranking when the embedder fails.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { HttpEmbedder } from "../../src/server/match/semantic/http";
import { SemanticStage } from "../../src/server/match/semantic/stage";
import { fuse, type Scored, VectorIndex } from "../../src/server/match/semantic/vectors";
import { bigramVector, type EmbeddingsServer, startEmbeddingsServer } from "../helpers/embeddings-server";

const v = (...xs: number[]) => Float32Array.from(xs);
const ids = (xs: { id: string }[]) => xs.map((x) => x.id);

describe("VectorIndex", () => {
  it("finds the nearest by cosine, exactly, best first", () => {
    const index = new VectorIndex(3);
    index.upsert("a", v(2, 0, 0)); // normalised on entry → (1, 0, 0)
    index.upsert("b", v(0.6, 0.8, 0));
    index.upsert("c", v(0, 0, 5));
    index.upsert("d", v(0.8, 0.6, 0));
    const hits = index.search(v(1, 0, 0), 3);
    expect(ids(hits)).toEqual(["a", "d", "b"]);
    expect(hits.map((h) => +h.score.toFixed(6))).toEqual([1, 0.8, 0.6]);
    expect(index.search(v(0, 0, 3), 1)).toEqual([{ id: "c", score: 1 }]);
    expect(index.search(v(1, 0, 0), 10)).toHaveLength(4);
    expect(index.search(v(1, 0, 0), 0)).toEqual([]);
    expect(Array.from(index.get("a")!)).toEqual([1, 0, 0]);
  });

  it("applies the filter, and forgets removed and replaced vectors", () => {
    const index = new VectorIndex(2, 2);
    index.upsert("a", v(1, 0));
    index.upsert("b", v(1, 1));
    index.upsert("c", v(0, 1));
    expect(ids(index.search(v(1, 0), 2, (id) => id !== "a"))).toEqual(["b", "c"]);
    expect(index.remove("b")).toBe(true);
    expect(index.remove("b")).toBe(false);
    expect(ids(index.search(v(1, 0), 3))).toEqual(["a", "c"]);
    index.upsert("c", v(1, 0.1)); // replaced in place
    index.upsert("e", v(-1, 0)); // takes b's slot
    expect(index.size).toBe(3);
    expect(ids(index.search(v(1, 0), 3))).toEqual(["a", "c", "e"]);
    expect(() => index.upsert("x", v(1, 2, 3))).toThrow(/dimension 3/);
    expect(() => index.search(v(1), 1)).toThrow(/dimension 1/);
  });

  it("agrees with sorting every score, over 3,000 random vectors that outgrow the first capacity", () => {
    let seed = 42;
    const rnd = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648 - 0.5;
    };
    const dim = 24;
    const index = new VectorIndex(dim, 16);
    const all = new Map<string, Float32Array>();
    for (let i = 0; i < 3000; i++) {
      const x = Float32Array.from({ length: dim }, rnd);
      const n = Math.hypot(...x);
      all.set(
        `d${i}`,
        x.map((y) => y / n),
      );
      index.upsert(`d${i}`, x);
    }
    for (let i = 0; i < 3000; i += 7) index.remove(`d${i}`);
    for (let i = 0; i < 3000; i += 7) all.delete(`d${i}`);
    const q = Float32Array.from({ length: dim }, rnd);
    const qn = Math.hypot(...q);
    const even = (id: string) => Number(id.slice(1)) % 2 === 0;
    const want = [...all.entries()]
      .filter(([id]) => even(id))
      .map(([id, x]) => ({ id, score: x.reduce((s, y, j) => s + (y * q[j]!) / qn, 0) }))
      .sort((a, b) => b.score - a.score)
      .slice(0, 25);
    const got = index.search(q, 25, even);
    expect(ids(got)).toEqual(ids(want));
    got.forEach((h, i) => {
      expect(h.score).toBeCloseTo(want[i]!.score, 5);
    });
  });
});

describe("fuse (reciprocal rank fusion)", () => {
  const lexical: Scored[] = ["a", "b", "c", "d"].map((id, i) => ({ id, score: 10 - i }));
  const semantic: Scored[] = ["c", "e", "a"].map((id, i) => ({ id, score: 0.9 - i / 10 }));

  it("adds 1/(60 + rank) over both lists; ties go to the better lexical rank", () => {
    const fused = fuse(lexical, semantic);
    // a: 1/61 + 1/63, c: 1/63 + 1/61 (tie, a is first lexically), b: 1/62, e: 1/62 (tie, b is lexical), d: 1/64
    expect(ids(fused)).toEqual(["a", "c", "b", "e", "d"]);
    expect(fused[0]!.score).toBeCloseTo(1 / 61 + 1 / 63, 12);
    expect(fused[2]!.score).toBeCloseTo(1 / 62, 12);
    expect(fused[4]!.score).toBeCloseTo(1 / 64, 12);
    expect(fused[0]).toMatchObject({ lexicalRank: 1, semanticRank: 3, lexicalScore: 10 });
    expect(fused[3]).toEqual({ id: "e", score: 1 / 62, semanticRank: 2, semanticScore: 0.8 });
  });

  it("weights the semantic list, and ignores it at weight 0", () => {
    // a: 1/61 + 2/63 = .04814, c: 1/63 + 2/61 = .04866, e: 2/62 = .03226, b: 1/62, d: 1/64
    expect(ids(fuse(lexical, semantic, { semanticWeight: 2 }))).toEqual(["c", "a", "e", "b", "d"]);
    expect(ids(fuse(lexical, semantic, { semanticWeight: 0 }))).toEqual(["a", "b", "c", "d"]);
    expect(ids(fuse(lexical, semantic, { limit: 2 }))).toEqual(["a", "c"]);
    // A larger k flattens rank differences; k = 0 is the steepest.
    const k1 = fuse([{ id: "x", score: 1 }], [{ id: "y", score: 1 }], { k: 1 });
    expect(k1.map((h) => h.score)).toEqual([1 / 2, 1 / 2]);
  });

  it("keeps an empty semantic list as the lexical order", () => {
    expect(ids(fuse(lexical, []))).toEqual(["a", "b", "c", "d"]);
  });
});

describe("SemanticStage with the HTTP embedder", () => {
  const DIM = 256;
  const docs = [
    { id: "s1", text: "金型の摩耗を予測するセンサ" },
    { id: "s2", text: "切削工具の摩耗推定と寿命予測" },
    { id: "s3", text: "固体酸化物形燃料電池の電極材料" },
    { id: "s4", text: "米作りのドローン活用" },
    { id: "s5", text: "金型の温度管理と冷却" },
  ];
  let server: EmbeddingsServer;
  let stage: SemanticStage;
  const warnings: string[] = [];

  beforeAll(async () => {
    server = await startEmbeddingsServer({ dimension: DIM });
  });
  afterAll(async () => {
    await server.close();
  });
  afterEach(() => {
    server.requests.length = 0;
    server.delayMs = 0;
    warnings.length = 0;
  });

  /** The semantic ranking the stand-in implies, computed here without the stage. */
  function semanticOrder(query: string, canSee: (id: string) => boolean): Scored[] {
    const q = bigramVector(query, DIM);
    return docs
      .filter((d) => canSee(d.id))
      .map((d) => ({ id: d.id, score: bigramVector(d.text, DIM).reduce((s, x, j) => s + x * q[j]!, 0) }))
      .sort((a, b) => b.score - a.score);
  }

  it("indexes in batches with progress", async () => {
    const embedder = new HttpEmbedder({ url: server.url, model: "stand-in", retries: 0 });
    stage = new SemanticStage({ embedder, batchSize: 2, warn: (m) => warnings.push(m) });
    const progress: number[] = [];
    const result = await stage.indexDocuments(docs, { onProgress: (p) => progress.push(p.done) });
    expect(result).toEqual({ done: 5, total: 5 });
    expect(progress).toEqual([2, 4, 5]);
    expect(server.requests.map((r) => r.input.length)).toEqual([2, 2, 1]);
    expect(stage.size).toBe(5);
    expect(stage.dimension).toBe(DIM);
  });

  it("fuses the lexical ranking with the nearest documents", async () => {
    const lexical: Scored[] = [
      { id: "s5", score: 7.5 },
      { id: "s3", score: 2.1 },
    ];
    const all = () => true;
    const hits = await stage.rerank("金型の摩耗予測", lexical, { k: 4, canSee: all });
    const semantic = semanticOrder("金型の摩耗予測", all);
    expect(semantic[0]!.id).toBe("s1"); // the stand-in's bigrams put s1 nearest
    expect(ids(hits)).toEqual(ids(fuse(lexical, semantic, { limit: 4 })));
    expect(ids(hits)).toContain("s1"); // found by meaning though missing from the lexical list
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]!.input).toEqual(["金型の摩耗予測"]);
    // The same query again embeds nothing.
    await stage.rerank("金型の摩耗予測", lexical, { k: 4, canSee: all });
    expect(server.requests).toHaveLength(1);
  });

  it("never returns a document canSee rejects, from either list", async () => {
    const lexical: Scored[] = ["s5", "s1", "s3"].map((id, i) => ({ id, score: 5 - i }));
    const hidden = new Set(["s1", "s5"]); // s1 is the nearest by meaning, s5 the first lexically
    const canSee = (id: string) => !hidden.has(id);
    const hits = await stage.rerank("金型の摩耗予測", lexical, { k: 10, canSee });
    expect(ids(hits).filter((id) => hidden.has(id))).toEqual([]);
    expect(ids(hits).sort()).toEqual(["s2", "s3", "s4"]);
    expect(hits.find((h) => h.id === "s3")?.lexicalRank).toBe(1); // ranks count visible documents only
  });

  it("answers with the visible lexical ranking, and warns, when the embedder fails", async () => {
    const lexical: Scored[] = ["s4", "s2", "s3", "s1"].map((id, i) => ({ id, score: 4 - i }));
    server.failNext(500, 1);
    const hits = await stage.rerank("燃料電池の電極", lexical, { k: 3, canSee: (id) => id !== "s2" });
    expect(ids(hits)).toEqual(["s4", "s3", "s1"]);
    expect(hits.every((h) => h.semanticRank === undefined)).toBe(true);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain("answering with the lexical ranking");
    expect(warnings[0]).toContain("500");
    expect(stage.lastFailure?.message).toContain(server.url);

    // Next time the endpoint answers, fusion is back.
    const again = await stage.rerank("燃料電池の電極", lexical, { k: 3, canSee: () => true });
    expect(again.some((h) => h.semanticRank !== undefined)).toBe(true);
    expect(stage.lastFailure).toBeNull();
  });

  it("answers lexically when the query's vector takes too long", async () => {
    const impatient = new SemanticStage({
      embedder: new HttpEmbedder({ url: server.url, model: "stand-in", retries: 0 }),
      queryTimeoutMs: 50,
      warn: (m) => warnings.push(m),
    });
    await impatient.indexDocuments(docs);
    server.delayMs = 400;
    const lexical: Scored[] = [{ id: "s3", score: 1 }];
    const started = Date.now();
    expect(ids(await impatient.rerank("燃料電池", lexical, { k: 3, canSee: () => true }))).toEqual(["s3"]);
    expect(Date.now() - started).toBeLessThan(300);
    expect(warnings[0]).toContain("no query vector within 50 ms");
    server.delayMs = 0;
  });

  it("answers lexically when the endpoint is gone altogether", async () => {
    const gone = await startEmbeddingsServer({ dimension: DIM });
    const lonely = new SemanticStage({
      embedder: new HttpEmbedder({ url: gone.url, model: "stand-in", retries: 0 }),
      warn: (m) => warnings.push(m),
    });
    await lonely.indexDocuments(docs);
    await gone.close();
    const lexical: Scored[] = [
      { id: "s2", score: 3 },
      { id: "s1", score: 1 },
    ];
    expect(ids(await lonely.rerank("金型", lexical, { k: 5, canSee: () => true }))).toEqual(["s2", "s1"]);
    expect(warnings[0]).toContain("could not be reached");
    // Indexing reports how far it got.
    await expect(lonely.indexDocuments(docs)).rejects.toThrow(/stopped after 0 of 5 documents/);
  });

  it("upserts and removes documents", async () => {
    await stage.upsert({ id: "s6", text: "金型の摩耗を予測するセンサ" }); // same text as s1
    const near = await stage.rerank("金型の摩耗を予測するセンサ", [], { k: 2, canSee: () => true });
    expect(ids(near).sort()).toEqual(["s1", "s6"]);
    stage.remove("s6");
    stage.remove("s1");
    const after = await stage.rerank("金型の摩耗を予測するセンサ", [], { k: 2, canSee: () => true });
    expect(ids(after)).not.toContain("s1");
    expect(ids(after)).not.toContain("s6");
    expect(stage.has("s1")).toBe(false);
  });
});
