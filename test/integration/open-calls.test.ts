/**
 * Open calls through the real app: publish, companies apply (signed in, or new to kyoso with an account
 * made as they apply), several reviewers score, decisions with reasons go out by mail, and the accepted
 * companies become the parties of one contract in one step.
 */
import { eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mailOutbox, openCallApplications, organizations, users } from "../../src/server/db/schema";
import { type Agent, createTestContext, type TestContext } from "../helpers/app";
import { backendName } from "../helpers/db";

let ctx: TestContext;
// biome-ignore lint/suspicious/noExplicitAny: API answers, checked field by field by the assertions
type Json = Record<string, any>;

async function ok<T = Json>(res: Response, status = 200): Promise<T> {
  if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${await res.text()}`);
  return (await res.json()) as T;
}
async function problem(res: Response, status = 400) {
  expect(res.status).toBe(status);
  return ((await res.json()) as { error: { message: string; fields?: { field: string; message: string }[] } })
    .error;
}
const put = (a: Agent, path: string, json: unknown) => a.fetch(path, { method: "PUT", json });
const anonymous = (path: string, json: unknown, ip = "203.0.113.9") =>
  ctx.request(
    path,
    { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(json) },
    { ip },
  );

let coord: Agent;
let coord2: Agent;
let company: Agent;
let companyOrg: string;
let tut: string;

beforeAll(async () => {
  ctx = await createTestContext();
  tut = (await ctx.institution("tut")).id;
  coord = await ctx.signIn((await ctx.buildUser({ role: "coordinator", organizationId: tut })).email);
  coord2 = await ctx.signIn((await ctx.buildUser({ role: "coordinator", organizationId: tut })).email);
  companyOrg = (await ctx.buildOrganization({ nameJa: "三河樹脂工業株式会社" })).id;
  company = await ctx.signIn(
    (await ctx.buildUser({ role: "company_member", organizationId: companyOrg })).email,
  );
});
afterAll(() => ctx.close());

const callBody = (deadline: string) => ({
  title: "軽量樹脂材料の共同評価基盤",
  background: "電動化で部品の軽量化が急務。",
  goals: "評価手法の確立と設計データベースの構築。",
  expectedContribution: "1社あたり年130万円。",
  ipRule: "単独発明は各社、共同発明は共有。",
  deadline,
  institutionId: tut,
  contractType: "open_call",
});

describe(`open calls (${backendName})`, () => {
  it("publish, apply twice over, review, decide with reasons by mail, and one contract with both companies", async () => {
    const soon = new Date(Date.now() + 3600_000).toISOString();
    let call = await ok(await coord.post("/api/open-calls", callBody(soon)), 201);
    expect(call.status).toBe("draft");
    expect(
      (await ok<Json[]>(await ctx.request("/api/public/open-calls"))).some((c) => c.id === call.id),
    ).toBe(false);
    expect((await ctx.request(`/api/public/open-calls/${call.id}`)).status).toBe(404);
    call = await ok(
      await coord.post(`/api/open-calls/${call.id}/status`, { action: "publish", version: call.version }),
    );
    const listed = (await ok<Json[]>(await ctx.request("/api/public/open-calls"))).find(
      (c) => c.id === call.id,
    );
    expect(listed).toMatchObject({ status: "published", open: true, institutionName: "豊橋技術科学大学" });

    // A signed-in company applies once.
    const mine = {
      proposal: "量産ラインの評価サンプルを提供する。",
      contribution: 1_300_000,
      contactName: "購買 一郎",
      contactEmail: "ichiro@mikawa.example",
    };
    await ok(await company.post(`/api/open-calls/${call.id}/applications`, mine), 201);
    const again = await problem(await company.post(`/api/open-calls/${call.id}/applications`, mine), 409);
    expect(again.message).toContain("already applied");

    // A company new to kyoso: bad input saves nothing …
    const fresh = {
      companyName: "株式会社ひだか精機",
      corporateNumber: "1000012050002",
      contactName: "日高 花子",
      contactEmail: "Hanako@Hidaka.example",
      proposal: "精密加工の知見で試験片を供給する。",
      contribution: 1_300_000,
    };
    const before = (await ctx.database.db.select().from(users)).length;
    let e = await problem(await anonymous(`/api/public/open-calls/${call.id}/applications`, fresh));
    expect(e.fields?.[0]).toMatchObject({
      field: "corporateNumber",
      message: expect.stringContaining("check digit"),
    });
    e = await problem(
      await anonymous(`/api/public/open-calls/${call.id}/applications`, {
        ...fresh,
        corporateNumber: null,
        companyName: "三河樹脂工業株式会社",
      }),
    );
    expect(e.fields?.[0]?.field).toBe("companyName");
    e = await problem(
      await anonymous(`/api/public/open-calls/${call.id}/applications`, {
        ...fresh,
        corporateNumber: null,
        contactEmail: company.email,
      }),
    );
    expect(e.fields?.[0]?.field).toBe("contactEmail");
    expect((e as { details?: { reasons?: Record<string, string> } }).details?.reasons).toEqual({
      contactEmail: "account_exists",
    });
    expect((await ctx.database.db.select().from(users)).length).toBe(before);
    // … a robot filling the hidden field gets a receipt and nothing is stored …
    await ok(
      await anonymous(`/api/public/open-calls/${call.id}/applications`, {
        ...fresh,
        corporateNumber: null,
        website: "x",
      }),
      201,
    );
    expect((await ctx.database.db.select().from(users)).length).toBe(before);
    // … and a good application creates the company, an invited account and the application, with one mail.
    await ok(
      await anonymous(`/api/public/open-calls/${call.id}/applications`, {
        ...fresh,
        corporateNumber: "7000012050002",
      }),
      201,
    );
    const [hidaka] = await ctx.database.db
      .select()
      .from(organizations)
      .where(eq(organizations.nameJa, "株式会社ひだか精機"));
    expect(hidaka).toMatchObject({ type: "company", corporateNumber: "7000012050002" });
    const [invited] = await ctx.database.db
      .select()
      .from(users)
      .where(eq(users.email, "hanako@hidaka.example"));
    expect(invited).toMatchObject({ role: "company_member", status: "invited", organizationId: hidaka!.id });
    const [receipt] = await ctx.database.db
      .select()
      .from(mailOutbox)
      .where(like(mailOutbox.to, "hanako@hidaka.example"));
    expect(receipt!.text).toContain("/invite/");
    expect(receipt!.text).toContain("1,300,000円");

    // Reviews by two coordinators; a decision waits for the deadline (or an early close).
    let apps = await ok(await coord.get(`/api/open-calls/${call.id}/applications`));
    expect(apps.applications.map((a: Json) => a.company).sort()).toEqual(
      ["三河樹脂工業株式会社", "株式会社ひだか精機"].sort(),
    );
    for (const a of apps.applications) {
      await ok(
        await put(coord, `/api/open-calls/${call.id}/applications/${a.id}/review`, {
          score: 4,
          comment: "実績十分",
        }),
      );
      await ok(
        await put(coord2, `/api/open-calls/${call.id}/applications/${a.id}/review`, {
          score: 5,
          comment: null,
        }),
      );
    }
    e = await problem(
      await put(coord, `/api/open-calls/${call.id}/applications/${apps.applications[0].id}/review`, {
        score: 6,
      }),
    );
    expect(e.fields?.[0]).toMatchObject({ field: "score" });
    // Saving again replaces the reviewer's own review.
    await ok(
      await put(coord, `/api/open-calls/${call.id}/applications/${apps.applications[0].id}/review`, {
        score: 3,
        comment: "再評価",
      }),
    );
    apps = await ok(await coord2.get(`/api/open-calls/${call.id}/applications`));
    expect(apps.applications.map((a: Json) => a.averageScore)).toEqual([4, 4.5]);
    expect(apps.applications[0].reviews.map((r: Json) => [r.score, r.mine])).toEqual([
      [5, true],
      [3, false],
    ]);
    e = await problem(
      await coord.post(`/api/open-calls/${call.id}/applications/${apps.applications[0].id}/decision`, {
        decision: "accepted",
        reason: "適合",
      }),
    );
    expect(e.fields?.[0]?.message).toContain("after the deadline");
    e = await problem(
      await coord.post(`/api/open-calls/${call.id}/contract`, {
        startDate: "2027-04-01",
        endDate: "2028-03-31",
        version: call.version,
      }),
    );
    expect(e.fields?.[0]?.message).toBe("decide every application first");
    call = await ok(
      await coord.post(`/api/open-calls/${call.id}/status`, { action: "close", version: call.version }),
    );
    for (const a of apps.applications)
      await ok(
        await coord.post(`/api/open-calls/${call.id}/applications/${a.id}/decision`, {
          decision: "accepted",
          reason: `${a.company}の提案は評価基盤の目的に合致する。`,
        }),
      );
    const decisions = await ctx.database.db
      .select()
      .from(mailOutbox)
      .where(eq(mailOutbox.kind, "open_call_decision"));
    expect(decisions.map((m) => m.to).sort()).toEqual(["hanako@hidaka.example", "ichiro@mikawa.example"]);
    expect(decisions.find((m) => m.to === "ichiro@mikawa.example")!.text).toContain(
      "三河樹脂工業株式会社の提案は評価基盤の目的に合致する。",
    );
    expect(decisions[0]!.text).toContain("採択");

    // The company sees its decision and the reason.
    const my = await ok<Json[]>(await company.get("/api/open-calls/my-applications"));
    expect(my[0]).toMatchObject({ status: "accepted", decisionReason: expect.stringContaining("合致") });

    // One step: the contract with both companies as its paying members.
    const made = await ok(
      await coord.post(`/api/open-calls/${call.id}/contract`, {
        startDate: "2027-04-01",
        endDate: "2028-03-31",
        version: call.version,
      }),
      201,
    );
    expect(made.number).toMatch(/^K-/);
    const officer = await ctx.signIn(
      (await ctx.buildUser({ role: "contract_officer", organizationId: tut })).email,
    );
    const contract = await ok(await officer.get(`/api/contracts/${made.id}`));
    expect(contract).toMatchObject({
      type: "open_call",
      status: "applied",
      openCallId: call.id,
      ipTerms: "単独発明は各社、共同発明は共有。",
    });
    expect(contract.parties.map((p: Json) => [p.name, p.role]).sort()).toEqual(
      [
        ["三河樹脂工業株式会社", "member"],
        ["株式会社ひだか精機", "member"],
        ["豊橋技術科学大学", "lead_institution"],
      ].sort(),
    );
    e = await problem(
      await coord.post(`/api/open-calls/${call.id}/contract`, {
        startDate: "2027-04-01",
        endDate: "2028-03-31",
        version: call.version + 1,
      }),
    );
    expect(e.fields?.[0]?.message).toContain("already has its contract");
    expect(await ctx.database.db.select().from(openCallApplications)).toHaveLength(2);
  });

  it("names the call's institution on the review screen", async () => {
    const call = await ok(
      await coord.post("/api/open-calls", callBody(new Date(Date.now() + 3600_000).toISOString())),
      201,
    );
    expect((await ok(await coord.get(`/api/open-calls/${call.id}/applications`))).call.institutionName).toBe(
      "豊橋技術科学大学",
    );
  });

  it("only the centre of the call's institution manages it; applications close at the deadline", async () => {
    const call = await ok(
      await coord.post("/api/open-calls", callBody(new Date(Date.now() + 3600_000).toISOString())),
      201,
    );
    const nagaokaCoord = await ctx.signIn(
      (await ctx.buildUser({ role: "coordinator", organizationId: (await ctx.institution("nagaokaut")).id }))
        .email,
    );
    expect((await nagaokaCoord.get(`/api/open-calls/${call.id}/applications`)).status).toBe(403);
    expect((await ok<Json[]>(await nagaokaCoord.get("/api/open-calls"))).some((c) => c.id === call.id)).toBe(
      false,
    );
    // A draft takes no applications; neither does a call whose deadline passed.
    expect(
      (
        await company.post(`/api/open-calls/${call.id}/applications`, {
          proposal: "x",
          contribution: 1,
          contactName: "a",
          contactEmail: "a@b.example",
        })
      ).status,
    ).toBe(404);
    const past = await ok(
      await put(coord, `/api/open-calls/${call.id}`, {
        ...callBody(new Date(Date.now() - 60_000).toISOString()),
        version: call.version,
      }),
    );
    const e = await problem(
      await coord.post(`/api/open-calls/${call.id}/status`, { action: "publish", version: past.version }),
    );
    expect(e.fields?.[0]?.field).toBe("deadline");
  });
});
