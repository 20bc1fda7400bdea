/**
 * The semantic stage in the product, through the real app and database, against the stand-in embeddings
 * server (test/helpers/embeddings-server.ts: vectors from character bigrams, with synonym groups playing a
 * model that knows 刃物 ≈ 切削工具, 摩耗 ≈ 寿命, 予測 ≈ 推定). Checks: a seed with no word in common with a
 * need is found only with the stage on; a seed the viewer may not see never comes back from the semantic
 * side, even when it is the nearest; a need seen only as its summary is matched by meaning on its summary
 * alone; vectors are kept in match_vectors and a restart embeds nothing again; an edit re-embeds that one
 * document; the embeddings server down means the lexical answer, and one warning for the background work.
 */
import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { matchVectors } from "../../src/server/db/schema";
import { closeMatchingIndex, matchingIndex } from "../../src/server/modules/matching/service";
import type { Agent, TestContext } from "../helpers/app";
import { createTestContext } from "../helpers/app";
import { backendName } from "../helpers/db";
import {
  bigramVector,
  conceptText,
  type EmbeddingsServer,
  startEmbeddingsServer,
} from "../helpers/embeddings-server";
import { buildNeed } from "../helpers/needs";

const DIMENSION = 256;
const SYNONYMS = [
  ["切削工具", "刃物"],
  ["寿命", "摩耗"],
  ["推定", "予測"],
];
const MODEL = "stand-in-embedder";
const EMBEDDER = `http:${MODEL}`;
/** Shares no word (nor character pair) with the wear seed; means the same to the stand-in "model". */
const NEED = "刃物の摩耗を予測したい";

let server: EmbeddingsServer;
let ctx: TestContext; // the app with the semantic stage
let lexical: TestContext; // an app on the same database without it
let company: Agent;
let companyLexical: Agent;
let coordinator: Agent;
let wearResearcher: { agent: Agent; profileId: string };
let hiddenResearcher: { agent: Agent; profileId: string };
const seed: Record<"wear" | "hidden" | "food" | "burr", { id: string; version: number }> = {} as never;
const need: Record<"summary", string> = {} as never;

type Doc = {
  id: string;
  matched: unknown[];
  score: number;
  semantic?: { rank: number; similarity: number };
};
type Answer = {
  seeds: Doc[];
  researchers: { id: string; reason: string; evidence: Doc[] }[];
};
type Fitting = {
  id: string;
  view: "full" | "summary";
  title: string | null;
  semantic?: { rank: number; similarity: number };
};

async function ok<T>(res: Response, status = 200): Promise<T> {
  if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${await res.text()}`);
  return (await res.json()) as T;
}

const matchAs = (agent: Agent, text: string) => agent.post("/api/match", { text }).then((r) => ok<Answer>(r));

async function researcher(org: string, nameJa: string) {
  const u = await ctx.buildUser({ role: "researcher", organizationId: (await ctx.institution(org)).id });
  const agent = await ctx.signIn(u.email);
  const profile = await ok<{ id: string }>(
    await agent.post("/api/researchers", { nameJa, nameKana: "けんきゅう", keywordsJa: [] }),
    201,
  );
  return { agent, profileId: profile.id };
}

async function createSeed(who: Agent, body: Record<string, unknown>) {
  const created = await ok<{ id: string; version: number }>(await who.post("/api/seeds", body), 201);
  return ok<{ id: string; version: number }>(
    await who.patch(`/api/seeds/${created.id}`, { status: "published", version: created.version }),
  );
}

/** The stored rows of these documents for the stand-in embedder. */
const storedRows = (ids: string[]) =>
  ctx.database.db
    .select({ docId: matchVectors.docId, textHash: matchVectors.textHash, dimension: matchVectors.dimension })
    .from(matchVectors)
    .where(and(eq(matchVectors.embedder, EMBEDDER), inArray(matchVectors.docId, ids)));

/** Polls match_vectors until every id has its row (the background embedder writes them). */
async function waitForVectors(ids: string[], timeoutMs = 20_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const rows = await storedRows(ids);
    if (new Set(rows.map((r) => r.docId)).size === ids.length) return rows;
    if (Date.now() > until) throw new Error(`vectors of ${ids.length - rows.length} documents never came`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const dot = (a: number[], b: number[]) => a.reduce((s, x, i) => s + x * b[i]!, 0);
const standIn = (text: string) => bigramVector(conceptText(text, SYNONYMS), DIMENSION);

beforeAll(async () => {
  server = await startEmbeddingsServer({ dimension: DIMENSION, synonyms: SYNONYMS });
  ctx = await createTestContext({
    env: { KYOSO_EMBEDDINGS_URL: server.url, KYOSO_EMBEDDINGS_MODEL: MODEL },
  });
  lexical = await createTestContext({ database: ctx });
  wearResearcher = await researcher("tut", "摩耗 太郎");
  hiddenResearcher = await researcher("tut", "秘密 次郎");
  const food = await researcher("nagaokaut", "食品 花子");
  const companyUser = await ctx.buildUser({ role: "company_member" });
  company = await ctx.signIn(companyUser.email);
  companyLexical = await lexical.signIn(companyUser.email);
  coordinator = await ctx.as("coordinator");

  seed.wear = await createSeed(wearResearcher.agent, {
    titleJa: "切削工具の寿命推定",
    summaryJa: "旋盤で使う切削工具の寿命を音で推定。",
    keywordsJa: ["切削工具", "寿命推定"],
    visibility: "public",
  });
  // The nearest of all to NEED by meaning (the stand-in reads it as the need itself), for coordinators only.
  seed.hidden = await createSeed(hiddenResearcher.agent, {
    titleJa: "切削工具の寿命を推定したい",
    visibility: "coordinators",
  });
  seed.food = await createSeed(food.agent, {
    titleJa: "X線画像による食品中の異物検出",
    summaryJa: "X線透過画像と深層学習で、包装された食品に混入した骨や金属片を検出する。",
    keywordsJa: ["異物検出", "X線検査", "食品"],
    visibility: "public",
  });
  seed.burr = await createSeed(food.agent, {
    titleJa: "樹脂成形品のバリの自動除去",
    summaryJa: "射出成形品に出るバリをロボットとレーザーで自動除去する。",
    keywordsJa: ["バリ取り", "射出成形"],
    visibility: "public",
  });
  // Its full text is about tool life (near the wear seed); its public summary is about something else.
  need.summary = (
    await buildNeed(ctx.database.db, {
      areaCode: "tokai",
      title: "切削工具の寿命を延ばしたい（極秘）",
      problem: "極秘合金QXの旋盤加工で切削工具の寿命が短い。寿命を推定して交換時期を決めたい。",
      confidentiality: "public_summary",
      publicSummary: "食品工場の包装ラインで異物の混入を防ぎたい製造業の相談",
    })
  ).id;

  // The first match builds the index; its sync queues every document for the background embedder.
  await (await matchingIndex(ctx.config)).sync(ctx.database.db);
  await waitForVectors([...Object.values(seed).map((s) => s.id), need.summary, `${need.summary}#summary`]);
});

afterAll(async () => {
  await lexical?.close();
  await ctx?.close();
  await server?.close();
});

describe(`semantic matching in the product (${backendName})`, () => {
  it("finds a seed that shares no word with the need only with the stage on", async () => {
    const without = await matchAs(companyLexical, NEED);
    expect(without.seeds.map((s) => s.id)).not.toContain(seed.wear.id);
    expect(without.seeds.every((s) => s.semantic === undefined)).toBe(true);

    const requests = server.requests.length;
    const withStage = await matchAs(company, NEED);
    const wear = withStage.seeds.find((s) => s.id === seed.wear.id);
    expect(wear).toBeDefined();
    expect(wear!.matched).toEqual([]); // no word in common: found by meaning alone
    expect(wear!.semantic?.rank).toBe(1); // the nearest the company may see
    expect(wear!.semantic!.similarity).toBeCloseTo(
      dot(
        standIn(NEED),
        standIn("切削工具の寿命推定\n切削工具、寿命推定\n旋盤で使う切削工具の寿命を音で推定。"),
      ),
      3,
    );
    expect(withStage.seeds[0]!.id).toBe(seed.wear.id);
    // Researchers are aggregated from the fused evidence: the wear seed's researcher comes with it. (Not
    // necessarily first: with three seeds, every seed is among the 100 nearest, and a researcher with two
    // unrelated seeds adds up two fused scores; see docs/semantic.md.)
    expect(without.researchers.map((r) => r.id)).not.toContain(wearResearcher.profileId);
    const wearer = withStage.researchers.find((r) => r.id === wearResearcher.profileId)!;
    expect(wearer.evidence[0]?.id).toBe(seed.wear.id);
    expect(wearer.reason).toBe("シーズ「切削工具の寿命推定」が内容の近さで該当");
    // One request: the query's vector (the documents' vectors were made in the background).
    expect(server.requests.length - requests).toBe(1);
    expect(server.requests.at(-1)!.input).toEqual([NEED]);
  });

  it("never brings back a seed the viewer may not see, even when its vector is the nearest", async () => {
    const asCompany = await matchAs(company, NEED);
    expect(asCompany.seeds.map((s) => s.id)).not.toContain(seed.hidden.id);
    expect(asCompany.researchers.map((r) => r.id)).not.toContain(hiddenResearcher.profileId);
    for (const r of asCompany.researchers) expect(r.evidence.map((e) => e.id)).not.toContain(seed.hidden.id);
    // For a coordinator it is there, and first by meaning: the same query, the same vectors.
    const asCoordinator = await matchAs(coordinator, NEED);
    const hidden = asCoordinator.seeds.find((s) => s.id === seed.hidden.id);
    expect(hidden?.semantic).toMatchObject({ rank: 1 });
    expect(hidden!.semantic!.similarity).toBeCloseTo(1, 3);
    expect(asCoordinator.researchers.map((r) => r.id)).toContain(hiddenResearcher.profileId);
  });

  it("embeds a need's public summary apart and matches a summary viewer on it alone", async () => {
    const rows = await storedRows([need.summary, `${need.summary}#summary`]);
    expect(rows).toHaveLength(2);
    expect(rows[0]!.textHash).not.toBe(rows[1]!.textHash);

    // The researcher of the wear seed may see only the summary: matched on it, never on the full text.
    const fit = await ok<Fitting[]>(await wearResearcher.agent.get("/api/match/needs"));
    const query = server.requests.at(-1)!.input[0]!; // the seeds' text the needs were matched with
    const asResearcher = fit.find((n) => n.id === need.summary);
    const summarySimilarity = dot(
      standIn(query),
      standIn("食品工場の包装ラインで異物の混入を防ぎたい製造業の相談"),
    );
    const fullSimilarity = dot(
      standIn(query),
      standIn(
        "切削工具の寿命を延ばしたい（極秘）\n極秘合金QXの旋盤加工で切削工具の寿命が短い。寿命を推定して交換時期を決めたい。",
      ),
    );
    expect(fullSimilarity - summarySimilarity).toBeGreaterThan(0.2);
    expect(asResearcher).toMatchObject({ view: "summary", title: null });
    expect(asResearcher!.semantic!.similarity).toBeCloseTo(summarySimilarity, 3);
    expect(JSON.stringify(fit)).not.toContain("極秘");

    // A coordinator may read it in full: matched on the full text, by meaning too.
    const forSeed = await ok<Fitting[]>(await coordinator.get(`/api/match/needs?seedId=${seed.wear.id}`));
    const asCoordinator = forSeed.find((n) => n.id === need.summary);
    expect(asCoordinator).toMatchObject({ view: "full" });
    expect(asCoordinator!.semantic).toBeDefined();
  });

  it("loads stored vectors at a restart instead of embedding again, and re-embeds only an edited text", async () => {
    const before = server.requests.length;
    await closeMatchingIndex(ctx.config);
    const index = await matchingIndex(ctx.config);
    expect(index.semantic!.stage.size).toBe(0);
    await index.sync(ctx.database.db);
    await index.semantic!.whenIdle();
    expect(server.requests.length).toBe(before); // nothing embedded: every text hash matched
    expect(index.semantic!.status).toMatchObject({ pending: 0, failing: null, vectors: 6 });
    const again = await matchAs(company, NEED);
    expect(again.seeds.find((s) => s.id === seed.wear.id)?.semantic?.rank).toBe(1);

    // An edit: that seed alone is embedded again, in the background, and its row replaced.
    const [old] = await storedRows([seed.wear.id]);
    const summaryJa = "旋盤で使う切削工具の寿命を加工音で推定。";
    const edited = await ok<{ version: number }>(
      await wearResearcher.agent.patch(`/api/seeds/${seed.wear.id}`, {
        summaryJa,
        version: seed.wear.version,
      }),
    );
    seed.wear.version = edited.version;
    const sent = server.requests.length;
    await matchAs(company, "食品の異物を見つけたい");
    await index.semantic!.whenIdle();
    const passages = server.requests.slice(sent).filter((r) => r.input.some((t) => t.includes(summaryJa)));
    expect(passages).toHaveLength(1);
    expect(passages[0]!.input).toHaveLength(1);
    const [now] = await storedRows([seed.wear.id]);
    expect(now!.textHash).not.toBe(old!.textHash);
    expect(now!.dimension).toBe(DIMENSION);
  });

  it("answers lexically when the embeddings server is down, and warns once about the background work", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    try {
      await server.close();
      const text = "X線で食品の異物を検出したい"; // a query never embedded (so not cached)
      const down = await matchAs(company, text);
      const plain = await matchAs(companyLexical, text);
      expect(down.seeds.map((s) => s.id)).toEqual(plain.seeds.map((s) => s.id));
      expect(down.seeds.map((s) => s.score)).toEqual(plain.seeds.map((s) => s.score));
      expect(down.researchers.map((r) => r.id)).toEqual(plain.researchers.map((r) => r.id));
      expect(down.seeds.every((s) => s.semantic === undefined)).toBe(true);

      // A new seed while it is down: its vector cannot be made; matching goes on, one warning.
      await createSeed(wearResearcher.agent, {
        titleJa: "切削工具の寿命をデータで推定",
        summaryJa: "加工データから寿命を推定。",
        visibility: "public",
      });
      const index = await matchingIndex(ctx.config);
      await matchAs(company, "食品の異物");
      await index.semantic!.whenIdle();
      await matchAs(company, "食品の異物");
      await index.semantic!.whenIdle();
      expect(index.semantic!.status.pending).toBe(1);
      expect(index.semantic!.status.failing).toMatch(/could not be reached/);
      const background = warn.mock.calls.filter((c) => String(c[0]).includes("background embedding stopped"));
      expect(background).toHaveLength(1);
    } finally {
      warn.mockRestore();
    }
  });
});
