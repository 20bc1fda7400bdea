/**
 * A stand-in OpenAI-compatible embeddings server (node:http on 127.0.0.1, a free port): POST /v1/embeddings
 * with {model, input: string[]} answers {object: "list", data: [{object: "embedding", index, embedding}],
 * model, usage}. Vectors are deterministic: a hashed bag of the text's character bigrams, so texts that
 * share words are near and tests can compute the expected vectors (`bigramVector`). It records every
 * request, can demand a bearer key, and can be told to fail, to answer late, or to answer wrongly.
 *
 * @example
 *   const server = await startEmbeddingsServer({ dimension: 32, apiKey: "sk-test" });
 *   const e = new HttpEmbedder({ url: server.url, model: "test-e5", apiKey: "sk-test" });
 *   server.failNext(503, 2); // the next two requests get 503, then it answers
 *   await server.close();
 */
import http from "node:http";
import type net from "node:net";

export interface RecordedRequest {
  path: string;
  authorization: string | undefined;
  model: unknown;
  input: string[];
}

export interface EmbeddingsServerOptions {
  /** Vector length (default 64). */
  dimension?: number;
  /** When set, requests without `Authorization: Bearer <apiKey>` get 401. */
  apiKey?: string;
  /** Milliseconds to wait before each answer (default 0); can be changed on the server object. */
  delayMs?: number;
  /**
   * Groups of words that mean the same: each word of a group is replaced by the group's first word before
   * the vector is computed (`conceptText`), e.g. [["刃物", "切削工具"], ["摩耗", "寿命"]].
   */
  synonyms?: string[][];
}

export interface EmbeddingsServer {
  /** The base URL, ending in /v1. */
  url: string;
  port: number;
  requests: RecordedRequest[];
  delayMs: number;
  /** The next `times` requests are answered with this status (and body; JSON-encoded unless a string). */
  failNext(status: number, times?: number, body?: unknown, headers?: Record<string, string>): void;
  /** The next answer's vectors go through `fn` first (to answer with the wrong count or dimension). */
  mutateNext(fn: (vectors: number[][]) => number[][]): void;
  close(): Promise<void>;
}

/** FNV-1a, 32 bits. */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** The stand-in's vector of a text: hashed character bigrams (NFKC, lower case, space-padded), unit length. */
export function bigramVector(text: string, dimension: number): number[] {
  const v = new Array<number>(dimension).fill(0);
  const t = ` ${text.normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim()} `;
  for (let i = 0; i + 1 < t.length; i++) {
    const h = hash(t.slice(i, i + 2));
    v[h % dimension]! += h & 0x80000000 ? -1 : 1;
  }
  const norm = Math.hypot(...v);
  return norm > 0 ? v.map((x) => x / norm) : v;
}

/** The text as the stand-in "understands" it: every word of a synonym group replaced by the group's first. */
export function conceptText(text: string, synonyms: string[][] = []): string {
  let t = text.normalize("NFKC");
  for (const group of synonyms) {
    const [head, ...rest] = group;
    // Longest first, so a word containing another is replaced whole.
    for (const w of [...rest].sort((a, b) => b.length - a.length))
      t = t.split(w.normalize("NFKC")).join(head!);
  }
  return t;
}

type Override =
  | { kind: "fail"; status: number; body: unknown; headers: Record<string, string> }
  | { kind: "mutate"; fn: (vectors: number[][]) => number[][] };

export async function startEmbeddingsServer(opts: EmbeddingsServerOptions = {}): Promise<EmbeddingsServer> {
  const dimension = opts.dimension ?? 64;
  const requests: RecordedRequest[] = [];
  const overrides: Override[] = [];
  const sockets = new Set<net.Socket>();
  const state = { delayMs: opts.delayMs ?? 0 };

  const send = (res: http.ServerResponse, status: number, body: unknown, headers = {}) => {
    const text = typeof body === "string" ? body : JSON.stringify(body);
    res.writeHead(status, { "content-type": "application/json", ...headers });
    res.end(text);
  };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      void (async () => {
        let body: { model?: unknown; input?: unknown } = {};
        try {
          body = JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}");
        } catch {
          send(res, 400, { error: { message: "invalid JSON", type: "invalid_request_error" } });
          return;
        }
        const input = typeof body.input === "string" ? [body.input] : body.input;
        requests.push({
          path: req.url ?? "",
          authorization: req.headers.authorization,
          model: body.model,
          input: Array.isArray(input) ? input.map(String) : [],
        });
        if (state.delayMs > 0) await new Promise((r) => setTimeout(r, state.delayMs));
        if (res.destroyed) return;
        if (req.method !== "POST" || req.url !== "/v1/embeddings") {
          send(res, 404, { error: { message: `no route ${req.method} ${req.url}` } });
          return;
        }
        if (opts.apiKey && req.headers.authorization !== `Bearer ${opts.apiKey}`) {
          send(res, 401, { error: { message: "Incorrect API key provided", type: "invalid_request_error" } });
          return;
        }
        const override = overrides.shift();
        if (override?.kind === "fail") {
          send(res, override.status, override.body, override.headers);
          return;
        }
        if (!Array.isArray(input) || typeof body.model !== "string") {
          send(res, 400, { error: { message: "model and input are required" } });
          return;
        }
        let vectors = input.map((t) => bigramVector(conceptText(String(t), opts.synonyms), dimension));
        if (override?.kind === "mutate") vectors = override.fn(vectors);
        send(res, 200, {
          object: "list",
          data: vectors.map((embedding, index) => ({ object: "embedding", index, embedding })),
          model: body.model,
          usage: { prompt_tokens: 0, total_tokens: 0 },
        });
      })();
    });
  });
  server.on("connection", (s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as net.AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}/v1`,
    port,
    requests,
    get delayMs() {
      return state.delayMs;
    },
    set delayMs(ms: number) {
      state.delayMs = ms;
    },
    failNext(status, times = 1, body = { error: { message: `stand-in failure ${status}` } }, headers = {}) {
      for (let i = 0; i < times; i++) overrides.push({ kind: "fail", status, body, headers });
    },
    mutateNext(fn) {
      overrides.push({ kind: "mutate", fn });
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
