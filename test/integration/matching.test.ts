/**
 * Matching through the real app and database: POST /api/match (an English need finds a Japanese-only
 * seed; explanations), confidentiality of seeds and needs through every matching route, the index after
 * edits, a need's suggestions (shortlist, dismiss with a reason, restore, inquiry by mail, the
 * researcher's answer, all kept as feedback), the reverse direction, and coordinators' domain synonyms.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actorFor } from "../../src/server/auth/sessions";
import { mailOutbox, matchFeedback, users } from "../../src/server/db/schema";
import { matchNeeds } from "../../src/server/modules/matching/service";
import { createUser } from "../../src/server/modules/users/service";
import type { Agent, TestContext } from "../helpers/app";
import { createTestContext, TEST_PASSWORD } from "../helpers/app";
import { backendName } from "../helpers/db";
import { buildNeed } from "../helpers/needs";

let ctx: TestContext;
const json = async <T>(res: Response) => (await res.json()) as T;
async function ok<T>(res: Response, status = 200): Promise<T> {
  if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${await res.text()}`);
  return json<T>(res);
}

type Hl = { text: string; match: boolean }[];
type Doc = {
  id: string;
  kind: string;
  titleJa: string | null;
  score: number;
  excerpt: Hl;
  matched: { term: string; via: string }[];
};
type Answer = {
  seeds: Doc[];
  researchers: { id: string; score: number; reason: string; evidence: Doc[] }[];
  highlighted: Hl;
};
type Suggestions = {
  researchers: { id: string; rank: number; score: number; state: string | null; version?: number }[];
  others: { id: string; state: string | null }[];
  dismissed: { id: string; dismissReason: string | null }[];
};

interface Person {
  agent: Agent;
  email: string;
  profileId: string;
}
let tutResearcher: Person; // on the tool-wear seed (published, public) and a draft welding seed
let nagaokaResearcher: Person; // food inspection seed (public)
let hiddenResearcher: Person; // only a coordinators-only welding seed
let company: Agent;
let tutCoordinator: Agent;
let otherCoordinator: Agent;
const seed: Record<"wear" | "food" | "weldHidden" | "weldDraft" | "burr", { id: string; version: number }> =
  {} as never;

async function researcher(org: string, nameJa: string): Promise<Person> {
  const u = await ctx.buildUser({ role: "researcher", organizationId: (await ctx.institution(org)).id });
  const agent = await ctx.signIn(u.email);
  const profile = await ok<{ id: string }>(
    await agent.post("/api/researchers", { nameJa, nameKana: "けんきゅう", keywordsJa: [] }),
    201,
  );
  return { agent, email: u.email, profileId: profile.id };
}

async function coordinatorOf(org: string): Promise<Agent> {
  const email = `coord-${org}-${Math.random().toString(36).slice(2, 8)}@match.test.example`;
  await createUser({
    db: ctx.database.db,
    actor: null,
    input: {
      email,
      displayName: `Coordinator ${org}`,
      role: "coordinator",
      organizationId: (await ctx.institution(org)).id,
      mode: "password",
      password: TEST_PASSWORD,
      coverage: [],
    },
    meta: null,
    isDemo: true,
  });
  return ctx.signIn(email);
}

async function createSeed(
  who: Person,
  body: Record<string, unknown>,
  publish: boolean,
): Promise<{ id: string; version: number }> {
  const created = await ok<{ id: string; version: number }>(await who.agent.post("/api/seeds", body), 201);
  if (!publish) return created;
  const p = await ok<{ id: string; version: number }>(
    await who.agent.patch(`/api/seeds/${created.id}`, { status: "published", version: created.version }),
  );
  return { id: p.id, version: p.version };
}

beforeAll(async () => {
  ctx = await createTestContext();
  tutResearcher = await researcher("tut", "摩耗 太郎");
  nagaokaResearcher = await researcher("nagaokaut", "食品 花子");
  hiddenResearcher = await researcher("tut", "溶接 次郎");
  company = await ctx.as("company_member");
  tutCoordinator = await coordinatorOf("tut");
  otherCoordinator = await coordinatorOf("nagaokaut");
  seed.wear = await createSeed(
    tutResearcher,
    {
      titleJa: "加工音による切削工具の摩耗推定",
      summaryJa:
        "旋盤やマシニングセンタの加工音をマイクで収録し、機械学習で切削工具の摩耗量を推定する。工具交換の時期を予測できる。",
      keywordsJa: ["切削加工", "工具摩耗", "音響センシング"],
      visibility: "public",
    },
    true,
  );
  seed.food = await createSeed(
    nagaokaResearcher,
    {
      titleJa: "X線画像による食品中の異物検出",
      summaryJa: "X線透過画像と深層学習で、包装された食品に混入した骨や金属片を検出する。",
      keywordsJa: ["異物検出", "X線検査", "食品"],
      visibility: "public",
    },
    true,
  );
  seed.weldHidden = await createSeed(
    hiddenResearcher,
    {
      titleJa: "溶接ビードの欠陥の自動判定",
      summaryJa: "溶接部の画像から割れやブローホールなどの溶接欠陥を自動で判定する。",
      keywordsJa: ["溶接", "欠陥検査"],
      visibility: "coordinators",
    },
    true,
  );
  seed.weldDraft = await createSeed(
    tutResearcher,
    {
      titleJa: "溶接ひずみの予測（準備中）",
      summaryJa: "溶接による変形を事前に予測する。",
      keywordsJa: ["溶接", "ひずみ"],
      visibility: "public",
    },
    false,
  );
  seed.burr = await createSeed(
    nagaokaResearcher,
    {
      titleJa: "樹脂成形品のバリの自動除去",
      summaryJa: "射出成形品に出るバリをロボットとレーザーで自動除去する。",
      keywordsJa: ["バリ取り", "射出成形"],
      visibility: "public",
    },
    true,
  );
});
afterAll(() => ctx.close());

const matchAs = (agent: Agent, text: string, extra: Record<string, unknown> = {}) =>
  agent.post("/api/match", { text, ...extra }).then((r) => ok<Answer>(r));

describe(`matching (${backendName})`, () => {
  it("finds the Japanese-only seed and its researcher from an English need, with explanations", async () => {
    const answer = await matchAs(
      company,
      "We want to predict when our cutting tools wear out, from the sound of the machine.",
      { language: "en" },
    );
    expect(answer.seeds[0]?.id).toBe(seed.wear.id);
    expect(answer.researchers[0]?.id).toBe(tutResearcher.profileId);
    const top = answer.researchers[0]!;
    expect(top.reason).toMatch(/[a-z]/i);
    expect(top.evidence[0]?.id).toBe(seed.wear.id);
    // The matched words are marked in the seed's text and in the need.
    expect(top.evidence[0]!.excerpt.some((h) => h.match && /摩耗|工具|切削|加工音|音/.test(h.text))).toBe(
      true,
    );
    expect(answer.highlighted.some((h) => h.match && /tool|wear|sound|cutting/i.test(h.text))).toBe(true);
  });

  it("never uses a seed the viewer may not see, nor shows a researcher known only through it", async () => {
    const asCompany = await matchAs(company, "溶接の欠陥を自動で見つけたい");
    const ids = asCompany.seeds.map((s) => s.id);
    expect(ids).not.toContain(seed.weldHidden.id);
    expect(ids).not.toContain(seed.weldDraft.id);
    expect(asCompany.researchers.map((r) => r.id)).not.toContain(hiddenResearcher.profileId);
    for (const r of asCompany.researchers)
      for (const e of r.evidence) expect([seed.weldHidden.id, seed.weldDraft.id]).not.toContain(e.id);

    // The coordinator of the seed's institution sees it (and its researcher); an editor sees their draft.
    const asCoordinator = await matchAs(tutCoordinator, "溶接の欠陥を自動で見つけたい");
    expect(asCoordinator.seeds[0]?.id).toBe(seed.weldHidden.id);
    expect(asCoordinator.researchers.map((r) => r.id)).toContain(hiddenResearcher.profileId);
    const asAuthor = await matchAs(tutResearcher.agent, "溶接のひずみを予測したい");
    expect(asAuthor.seeds.map((s) => s.id)).toContain(seed.weldDraft.id);
  });

  it("answers 400 naming the field for an empty text", async () => {
    const res = await company.post("/api/match", { text: " " });
    expect(res.status).toBe(400);
    expect(JSON.stringify(await res.json())).toContain("text");
  });

  it("finds a seed by its new words right after an edit, and no longer by the old ones", async () => {
    const before = await matchAs(company, "はちみつの糖度を測りたい");
    expect(before.seeds.map((s) => s.id)).not.toContain(seed.food.id);
    const edited = await ok<{ version: number }>(
      await nagaokaResearcher.agent.patch(`/api/seeds/${seed.food.id}`, {
        titleJa: "近赤外分光によるはちみつの糖度測定",
        summaryJa: "近赤外分光ではちみつの糖度を非破壊で測定する。",
        keywordsJa: ["糖度", "近赤外分光"],
        version: seed.food.version,
      }),
    );
    seed.food.version = edited.version;
    const after = await matchAs(company, "はちみつの糖度を測りたい");
    expect(after.seeds[0]?.id).toBe(seed.food.id);
    const old = await matchAs(company, "食品に混入した異物をX線で見つけたい");
    expect(old.seeds.map((s) => s.id)).not.toContain(seed.food.id);
  });

  it("uses coordinators' domain synonyms as soon as they are added", async () => {
    const before = await matchAs(company, "金属部品のかえりが残って困る");
    // Without the synonym the burr seed shares no word with the need (at most character pairs).
    const wordsFor = (a: Answer) => a.seeds.find((d) => d.id === seed.burr.id)?.matched ?? [];
    expect(wordsFor(before)).toEqual([]);
    expect((await company.post("/api/match/synonyms", { terms: ["バリ", "かえり"] })).status).toBe(403);
    const bad = await tutCoordinator.post("/api/match/synonyms", { terms: ["バリ"] });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toContain("terms");
    const added = await ok<{ id: string }>(
      await tutCoordinator.post("/api/match/synonyms", { terms: ["バリ", "かえり"], note: "成形・加工" }),
      201,
    );
    const after = await matchAs(company, "金属部品のかえりが残って困る");
    expect(after.seeds[0]?.id).toBe(seed.burr.id);
    expect(after.seeds[0]!.matched).toContainEqual(expect.objectContaining({ via: "synonym" }));
    const list = await ok<{ id: string; terms: string[] }[]>(await tutCoordinator.get("/api/match/synonyms"));
    expect(list.find((s) => s.id === added.id)?.terms).toEqual(["バリ", "かえり"]);
    expect((await tutCoordinator.delete(`/api/match/synonyms/${added.id}`)).status).toBe(204);
    const removed = await matchAs(company, "金属部品のかえりが残って困る");
    expect(wordsFor(removed)).toEqual([]);
  });
});

describe(`a need's suggestions and inquiries (${backendName})`, () => {
  let needId: string;
  beforeAll(async () => {
    const need = await buildNeed(ctx.database.db, {
      title: "工具の交換時期を知りたい",
      problem:
        "旋盤の切削工具がいつ摩耗するか分からず、早めに交換していてコストがかかる。機械の音で分からないか。",
      confidentiality: "coordinators",
      areaCode: "tokai",
    });
    needId = need.id;
  });

  it("shows suggestions to the need's coordinators only", async () => {
    const s = await ok<Suggestions>(await tutCoordinator.get(`/api/needs/${needId}/suggestions`));
    expect(s.researchers[0]?.id).toBe(tutResearcher.profileId);
    expect(s.researchers[0]?.rank).toBe(1);
    // A coordinators-only need of another area: not even its existence is shown to other coordinators.
    expect((await otherCoordinator.get(`/api/needs/${needId}/suggestions`)).status).toBe(404);
    expect((await company.get(`/api/needs/${needId}/suggestions`)).status).toBe(403);
  });

  it("shortlists, dismisses with a reason, restores; each step is feedback; stale versions conflict", async () => {
    const path = `/api/needs/${needId}/suggestions/${nagaokaResearcher.profileId}`;
    const noReason = await tutCoordinator.post(path, { action: "dismiss" });
    expect(noReason.status).toBe(400);
    expect(JSON.stringify(await noReason.json())).toContain("reason");
    const dismissed = await ok<{ state: string; version: number }>(
      await tutCoordinator.post(path, {
        action: "dismiss",
        reason: "off_topic",
        note: "食品は対象外",
        rank: 2,
      }),
    );
    expect(dismissed.state).toBe("dismissed");
    let s = await ok<Suggestions>(await tutCoordinator.get(`/api/needs/${needId}/suggestions`));
    expect(s.researchers.map((r) => r.id)).not.toContain(nagaokaResearcher.profileId);
    expect(s.dismissed).toEqual([
      expect.objectContaining({ id: nagaokaResearcher.profileId, dismissReason: "off_topic" }),
    ]);
    const stale = await tutCoordinator.post(path, { action: "restore", version: dismissed.version + 5 });
    expect(stale.status).toBe(409);
    await ok(await tutCoordinator.post(path, { action: "restore", version: dismissed.version }));
    s = await ok<Suggestions>(await tutCoordinator.get(`/api/needs/${needId}/suggestions`));
    expect(s.dismissed).toEqual([]);

    const shortlisted = await ok<{ state: string }>(
      await tutCoordinator.post(`/api/needs/${needId}/suggestions/${tutResearcher.profileId}`, {
        action: "shortlist",
        rank: 1,
        score: s.researchers[0]!.score,
      }),
    );
    expect(shortlisted.state).toBe("shortlisted");
    const feedback = await ctx.database.db
      .select()
      .from(matchFeedback)
      .where(eq(matchFeedback.needId, needId));
    expect(feedback.map((f) => f.action).sort()).toEqual(["dismiss", "restore", "shortlist"]);
    expect(feedback.find((f) => f.action === "dismiss")).toMatchObject({ reason: "off_topic", rank: 2 });
  });

  it("sends an inquiry by mail that does not reveal what the researcher may not read; the researcher accepts", async () => {
    const sent = await tutCoordinator.post(`/api/needs/${needId}/inquiries`, {
      researcherId: tutResearcher.profileId,
      message: "加工音から工具摩耗を推定する件で、企業様との面談にご協力いただけませんか。",
    });
    expect(sent.status).toBe(201);
    const again = await tutCoordinator.post(`/api/needs/${needId}/inquiries`, {
      researcherId: tutResearcher.profileId,
      message: "再送",
    });
    expect(again.status).toBe(409);
    const mails = await ctx.database.db.select().from(mailOutbox).where(eq(mailOutbox.kind, "match_inquiry"));
    const mail = mails.find((m) => JSON.stringify(m.to).includes(tutResearcher.email));
    expect(mail).toBeDefined();
    expect(mail!.text).toContain("面談にご協力");
    // A coordinators-only need: its problem text stays out of the researcher's mail.
    expect(mail!.text).not.toContain("早めに交換していてコストがかかる");

    const inbox = await ok<
      { needId: string; state: string; version: number; need: { view: string; title: string | null } }[]
    >(await tutResearcher.agent.get("/api/inquiries"));
    expect(inbox).toHaveLength(1);
    expect(inbox[0]).toMatchObject({ needId, state: "inquired", need: { view: "none", title: null } });
    expect(
      (await nagaokaResearcher.agent.post(`/api/inquiries/${needId}/answer`, { answer: "accept" })).status,
    ).toBe(404);
    const answered = await ok<{ state: string }>(
      await tutResearcher.agent.post(`/api/inquiries/${needId}/answer`, {
        answer: "accept",
        note: "来週以降なら対応できます",
        version: inbox[0]!.version,
      }),
    );
    expect(answered.state).toBe("accepted");
    expect(
      (await tutResearcher.agent.post(`/api/inquiries/${needId}/answer`, { answer: "decline" })).status,
    ).toBe(409);
    const toCoordinator = await ctx.database.db
      .select()
      .from(mailOutbox)
      .where(eq(mailOutbox.kind, "match_answer"));
    expect(toCoordinator.some((m) => m.text.includes("来週以降なら対応できます"))).toBe(true);
    // The case's timeline and the asking coordinator's notifications say so too.
    const notices = await ok<{ items: { kind: string; title: string; body: string | null }[] }>(
      await tutCoordinator.get("/api/notifications"),
    );
    expect(notices.items.find((n) => n.kind === "inquiry_answered")?.body).toBe("来週以降なら対応できます");
    const caseId = (await ok<{ id: string }>(await tutCoordinator.get(`/api/cases/of-need/${needId}`))).id;
    const kase = await ok<{ events: { kind: string; data: { answer?: string } }[] }>(
      await tutCoordinator.get(`/api/cases/${caseId}`),
    );
    expect(kase.events.filter((e) => e.kind === "inquiry").map((e) => e.data.answer)).toEqual([
      "accept",
      "sent",
    ]);
    const s = await ok<Suggestions>(await tutCoordinator.get(`/api/needs/${needId}/suggestions`));
    expect(s.researchers.find((r) => r.id === tutResearcher.profileId)?.state).toBe("accepted");
  });

  it("refuses an inquiry to a researcher without an account, naming the field", async () => {
    const admin = await ctx.as("admin");
    const profile = await ok<{ id: string }>(
      await admin.post("/api/researchers", {
        nameJa: "アカウント 無し",
        organizationId: (await ctx.institution("tut")).id,
      }),
      201,
    );
    const res = await tutCoordinator.post(`/api/needs/${needId}/inquiries`, {
      researcherId: profile.id,
      message: "ご相談",
    });
    expect(res.status).toBe(400);
    expect(JSON.stringify(await res.json())).toContain("researcherId");
  });
});

describe(`needs that fit seeds, the other direction (${backendName})`, () => {
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    const base = { areaCode: "tokai" as const };
    ids.members = (
      await buildNeed(ctx.database.db, {
        ...base,
        title: "切削工具の寿命を延ばしたい",
        problem: "工具摩耗が早く、交換の頻度を減らしたい。",
        confidentiality: "members",
      })
    ).id;
    ids.coordinators = (
      await buildNeed(ctx.database.db, {
        ...base,
        title: "工具摩耗の監視",
        problem: "切削工具の摩耗を監視したい。",
        confidentiality: "coordinators",
      })
    ).id;
    ids.summary = (
      await buildNeed(ctx.database.db, {
        ...base,
        title: "極秘合金XZの切削",
        problem: "極秘合金XZを切削すると工具摩耗が激しい。",
        confidentiality: "public_summary",
        publicSummary: "難削材の切削で工具摩耗が激しい製造業の相談",
      })
    ).id;
    ids.closed = (
      await buildNeed(ctx.database.db, {
        ...base,
        title: "工具摩耗の相談（終了）",
        problem: "切削工具の摩耗。",
        confidentiality: "members",
        status: "closed",
      })
    ).id;
  });

  it("shows a researcher the open needs they may see that fit their seeds, summaries without titles", async () => {
    const fit = await ok<{ id: string; view: string; title: string | null; publicSummary: string | null }[]>(
      await tutResearcher.agent.get("/api/match/needs"),
    );
    const got = fit.map((n) => n.id);
    expect(got).toContain(ids.members);
    expect(got).toContain(ids.summary);
    expect(got).not.toContain(ids.coordinators);
    expect(got).not.toContain(ids.closed);
    const summary = fit.find((n) => n.id === ids.summary)!;
    expect(summary).toMatchObject({ view: "summary", title: null });
    expect(JSON.stringify(fit)).not.toContain("極秘合金");
    // A coordinator sees them all for the seed (closed ones aside).
    const forSeed = await ok<{ id: string }[]>(
      await tutCoordinator.get(`/api/match/needs?seedId=${seed.wear.id}`),
    );
    expect(forSeed.map((n) => n.id)).toEqual(
      expect.arrayContaining([ids.members, ids.coordinators, ids.summary]),
    );
    // A seed the viewer may not see is not found.
    expect((await nagaokaResearcher.agent.get(`/api/match/needs?seedId=${seed.weldHidden.id}`)).status).toBe(
      404,
    );
  });

  it("matches a summary-only need on its summary, never on words of its full text", async () => {
    const [user] = await ctx.database.db.select().from(users).where(eq(users.email, tutResearcher.email));
    const actor = await actorFor(ctx.database.db, user!, "university");
    const secret = await matchNeeds({ db: ctx.database.db, actor, text: "極秘合金XZ" });
    expect(secret.map((n) => n.id)).not.toContain(ids.summary);
    const bySummary = await matchNeeds({ db: ctx.database.db, actor, text: "難削材の切削" });
    expect(bySummary.map((n) => n.id)).toContain(ids.summary);
  });
});
