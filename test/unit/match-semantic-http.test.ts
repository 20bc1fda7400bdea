/**
 * The OpenAI-compatible embeddings client against a real local stand-in server (test/helpers/
 * embeddings-server.ts): batching, the bearer header, e5 prefixes, retries, and clear errors on bad
 * answers, refusals and timeouts. Nothing leaves 127.0.0.1.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/server/config";
import { dot, EmbeddingError, isE5Model } from "../../src/server/match/semantic/embedder";
import { embeddingsUrl, HttpEmbedder } from "../../src/server/match/semantic/http";
import { createEmbedder } from "../../src/server/match/semantic/index";
import { bigramVector, type EmbeddingsServer, startEmbeddingsServer } from "../helpers/embeddings-server";

const KEY = "sk-test-0123456789secret";
let server: EmbeddingsServer;

beforeAll(async () => {
  server = await startEmbeddingsServer({ dimension: 32, apiKey: KEY });
});
afterAll(async () => {
  await server.close();
});
afterEach(() => {
  server.requests.length = 0;
  server.delayMs = 0;
});

const client = (extra: Partial<ConstructorParameters<typeof HttpEmbedder>[0]> = {}) =>
  new HttpEmbedder({ url: server.url, model: "kyoso-test", apiKey: KEY, backoffMs: 5, ...extra });

async function failure(p: Promise<unknown>): Promise<EmbeddingError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(EmbeddingError);
  return err as EmbeddingError;
}

describe("HttpEmbedder", () => {
  it("accepts a base URL or the full /embeddings URL", () => {
    expect(embeddingsUrl("http://h:1/v1")).toBe("http://h:1/v1/embeddings");
    expect(embeddingsUrl("http://h:1/v1/")).toBe("http://h:1/v1/embeddings");
    expect(embeddingsUrl("http://h:1/v1/embeddings")).toBe("http://h:1/v1/embeddings");
    expect(embeddingsUrl("https://api.example.jp/openai/v1")).toBe(
      "https://api.example.jp/openai/v1/embeddings",
    );
  });

  it("embeds in order, normalised, equal to the server's vectors, with the bearer key", async () => {
    const e = client();
    const texts = ["金型の摩耗予測", "mold wear prediction", "固体酸化物形燃料電池"];
    const vecs = await e.embed(texts, "passage");
    expect(vecs).toHaveLength(3);
    texts.forEach((t, i) => {
      const want = bigramVector(t, 32);
      expect(Array.from(vecs[i]!).map((x) => +x.toFixed(5))).toEqual(want.map((x) => +x.toFixed(5)));
      expect(dot(vecs[i]!, vecs[i]!)).toBeCloseTo(1, 5);
    });
    expect(e.dimension).toBe(32);
    expect(e.id).toBe("http:kyoso-test");
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]!.authorization).toBe(`Bearer ${KEY}`);
    expect(server.requests[0]!.model).toBe("kyoso-test");
    expect(server.requests[0]!.path).toBe("/v1/embeddings");
    // Same URL given in full.
    await new HttpEmbedder({ url: `${server.url}/embeddings`, model: "m", apiKey: KEY }).embed(
      ["a"],
      "query",
    );
    expect(server.requests[1]!.path).toBe("/v1/embeddings");
  });

  it("sends batches of batchSize texts and reassembles them in order", async () => {
    const e = client({ batchSize: 4 });
    const texts = Array.from({ length: 10 }, (_, i) => `研究シーズ ${i}`);
    const vecs = await e.embed(texts, "passage");
    expect(server.requests.map((r) => r.input.length)).toEqual([4, 4, 2]);
    expect(server.requests.flatMap((r) => r.input)).toEqual(texts);
    texts.forEach((t, i) => {
      expect(vecs[i]![0]).toBeCloseTo(bigramVector(t, 32)[0]!, 5);
    });
  });

  it("applies the e5 prefixes to e5 models only (or as told)", async () => {
    expect(isE5Model("intfloat/multilingual-e5-small")).toBe(true);
    expect(isE5Model("e5-base-v2")).toBe(true);
    expect(isE5Model("bge-m3")).toBe(false);
    expect(isE5Model("nomic-embed-text-v1.5")).toBe(false);

    await client({ model: "intfloat/multilingual-e5-small" }).embed(["金型"], "query");
    await client({ model: "intfloat/multilingual-e5-small" }).embed(["金型"], "passage");
    await client({ model: "bge-m3" }).embed(["金型"], "query");
    await client({ model: "bge-m3", prefixes: "e5" }).embed(["金型"], "passage");
    await client({ model: "intfloat/multilingual-e5-small", prefixes: "none" }).embed(["金型"], "query");
    await client({ model: "x", prefixes: { query: "Q: ", passage: "D: " } }).embed(["金型"], "query");
    expect(server.requests.map((r) => r.input[0])).toEqual([
      "query: 金型",
      "passage: 金型",
      "金型",
      "passage: 金型",
      "金型",
      "Q: 金型",
    ]);
  });

  it("retries 503 and 429 with backoff, then succeeds", async () => {
    server.failNext(503, 2);
    server.failNext(429, 1, { error: { message: "slow down" } }, { "retry-after": "0" });
    const vecs = await client({ retries: 3 }).embed(["再試行"], "passage");
    expect(vecs).toHaveLength(1);
    expect(server.requests).toHaveLength(4);
  });

  it("gives up after the retries with the URL and the status", async () => {
    server.failNext(503, 3);
    const err = await failure(client({ retries: 2 }).embed(["x"], "passage"));
    expect(server.requests).toHaveLength(3);
    expect(err.reason).toBe("http");
    expect(err.status).toBe(503);
    expect(err.message).toContain(`${server.url}/embeddings`);
    expect(err.message).toContain("503");
  });

  it("does not retry a 401 and never shows the key", async () => {
    const err = await failure(client({ apiKey: "sk-wrong-key-987654" }).embed(["x"], "passage"));
    expect(server.requests).toHaveLength(1);
    expect(err.status).toBe(401);
    expect(err.message).toMatch(/answered 401 Unauthorized/);
    expect(err.message).toContain(server.url);
    expect(err.message).not.toContain("sk-wrong-key-987654");

    // A server that echoes the key in its error body does not get it printed either.
    server.failNext(400, 1, { error: { message: `bad key ${KEY}` } });
    const echoed = await failure(client().embed(["x"], "passage"));
    expect(echoed.message).toContain("***");
    expect(echoed.message).not.toContain(KEY);
  });

  it("refuses an answer with the wrong number of vectors", async () => {
    server.mutateNext((v) => v.slice(1));
    const err = await failure(client().embed(["a", "b", "c"], "passage"));
    expect(err.reason).toBe("response");
    expect(err.message).toContain("sent 3 texts but received 2 vectors");
    expect(err.message).toContain(server.url);
  });

  it("refuses vectors of a dimension other than expected or than before", async () => {
    server.mutateNext((v) => v.map((x) => x.slice(0, 16)));
    const err = await failure(client({ dimension: 32 }).embed(["a"], "passage"));
    expect(err.message).toContain("expected vectors of dimension 32 but received one of 16");

    const e = client();
    await e.embed(["a"], "passage");
    server.mutateNext((v) => v.map((x) => [...x, 0.5]));
    const later = await failure(e.embed(["b"], "passage"));
    expect(later.message).toContain("dimension 32 but received one of 33");
  });

  it("refuses an answer that is not an embeddings list", async () => {
    server.failNext(200, 1, "<html>proxy login</html>");
    expect((await failure(client().embed(["a"], "passage"))).message).toContain("not JSON");
    server.failNext(200, 1, { result: [] });
    expect((await failure(client().embed(["a"], "passage"))).message).toContain('no "data" array');
  });

  it("times out a slow server, retrying first", async () => {
    server.delayMs = 400;
    const started = Date.now();
    const err = await failure(client({ timeoutMs: 100, retries: 1 }).embed(["slow"], "query"));
    expect(err.reason).toBe("timeout");
    expect(err.message).toContain("did not answer within 100 ms");
    expect(err.message).toContain(server.url);
    expect(server.requests).toHaveLength(2);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it("names the URL when nothing listens there", async () => {
    const closed = await startEmbeddingsServer();
    const url = closed.url;
    await closed.close();
    const err = await failure(new HttpEmbedder({ url, model: "m", retries: 0 }).embed(["a"], "query"));
    expect(err.reason).toBe("network");
    expect(err.message).toContain(url);
  });
});

describe("configuration", () => {
  it("has no embedder when nothing is set", async () => {
    const config = loadConfig({}, "/tmp");
    expect(config.embeddingsUrl).toBeUndefined();
    expect(await createEmbedder(config)).toBeNull();
  });

  it("builds the HTTP client from KYOSO_EMBEDDINGS_URL / _MODEL / _API_KEY", async () => {
    const config = loadConfig(
      {
        KYOSO_EMBEDDINGS_URL: server.url,
        KYOSO_EMBEDDINGS_MODEL: "intfloat/multilingual-e5-small",
        KYOSO_EMBEDDINGS_API_KEY: KEY,
      },
      "/tmp",
    );
    const e = await createEmbedder(config);
    expect(e?.id).toBe("http:intfloat/multilingual-e5-small");
    await e!.embed(["金型"], "query");
    expect(server.requests[0]!.input).toEqual(["query: 金型"]);
    expect(server.requests[0]!.authorization).toBe(`Bearer ${KEY}`);
  });

  it("refuses both sources at once, naming both, and a URL without a model", () => {
    expect(() =>
      loadConfig({ KYOSO_EMBEDDINGS_URL: "http://127.0.0.1:9/v1", KYOSO_EMBEDDINGS_ONNX_DIR: "/m" }, "/tmp"),
    ).toThrow(/KYOSO_EMBEDDINGS_URL.*KYOSO_EMBEDDINGS_ONNX_DIR/);
    expect(() => loadConfig({ KYOSO_EMBEDDINGS_URL: "http://127.0.0.1:9/v1" }, "/tmp")).toThrow(
      /KYOSO_EMBEDDINGS_MODEL.*required/,
    );
    expect(() =>
      loadConfig({ KYOSO_EMBEDDINGS_URL: "not a url", KYOSO_EMBEDDINGS_MODEL: "m" }, "/tmp"),
    ).toThrow(/KYOSO_EMBEDDINGS_URL/);
    expect(loadConfig({ KYOSO_EMBEDDINGS_ONNX_DIR: "models/e5" }, "/srv/kyoso").embeddingsOnnxDir).toBe(
      "/srv/kyoso/models/e5",
    );
  });
});
