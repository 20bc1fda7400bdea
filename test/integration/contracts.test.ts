/**
 * Contracts and money through the real app on a real database: the rate table and its effective dates,
 * budgets per fiscal year with indirect cost, bad input that saves nothing, concurrent edits, signing
 * freezes the rate, amendments re-allocate from their date and respect invoiced amounts, invoices with
 * tax, payments and the overdue list, the invoice PDF's text, and the case that reaches 契約.
 */
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  cases,
  contracts,
  invoices,
  needMatches,
  researchers,
  userCoverage,
} from "../../src/server/db/schema";
import { type Agent, createTestContext, type TestContext } from "../helpers/app";
import { backendName } from "../helpers/db";
import { buildNeed } from "../helpers/needs";
import { pdfPageTexts } from "../helpers/pdf";

let ctx: TestContext;
// biome-ignore lint/suspicious/noExplicitAny: API answers, checked field by field by the assertions
type Json = Record<string, any>;
type ErrorBody = { error: { code: string; message: string; fields?: { field: string; message: string }[] } };

async function ok<T = Json>(res: Response, status = 200): Promise<T> {
  if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${await res.text()}`);
  return (await res.json()) as T;
}
async function problem(res: Response, status = 400) {
  expect(res.status).toBe(status);
  return ((await res.json()) as ErrorBody).error;
}
const put = (a: Agent, path: string, json: unknown) => a.fetch(path, { method: "PUT", json });

let officer: Agent;
let tut: string;
let nagaoka: string;
let companyA: string;
let companyB: string;
let pi: string;
let countContracts: () => Promise<number>;

const zeroLines = { personnel: 0, consumables: 0, travel: 0, equipment: 0, other: 0 };

function jointBody(o: Json = {}): Json {
  return {
    type: "joint",
    institutionId: tut,
    title: "高耐久樹脂ギアの摩耗評価",
    purpose: "摩耗メカニズムの解明",
    place: "豊橋技術科学大学 機械工学系",
    startDate: "2026-10-01",
    endDate: "2027-09-30",
    rateStep: 1,
    taxRateBp: 1000,
    ipTerms: "共有（持分は貢献度に応じて協議）",
    parties: [
      { organizationId: companyA, role: "sponsor", contactName: "購買 花子", postalCode: "100-0001" },
    ],
    members: [
      { kind: "pi", researcherId: pi, task: "研究総括" },
      {
        kind: "hosted",
        name: "派遣 太郎",
        organizationId: companyA,
        fees: [{ fiscalYear: 2026, amount: 210_000 }],
      },
    ],
    budget: [
      { fiscalYear: 2026, ...zeroLines, consumables: 600_000, travel: 100_001 },
      { fiscalYear: 2027, ...zeroLines, personnel: 500_000 },
    ],
    ...o,
  };
}

beforeAll(async () => {
  ctx = await createTestContext();
  tut = (await ctx.institution("tut")).id;
  nagaoka = (await ctx.institution("nagaokaut")).id;
  companyA = (await ctx.buildOrganization({ nameJa: "株式会社ギア精工" })).id;
  companyB = (await ctx.buildOrganization({ nameJa: "東海樹脂株式会社" })).id;
  const u = await ctx.buildUser({ role: "contract_officer", organizationId: tut });
  officer = await ctx.signIn(u.email);
  const [r] = await ctx.database.db
    .insert(researchers)
    .values({ organizationId: tut, nameJa: "摩耗 太郎", department: "機械工学系" })
    .returning({ id: researchers.id });
  pi = r!.id;
  countContracts = async () =>
    Number((await ctx.database.db.select({ n: sql<number>`count(*)` }).from(contracts))[0]!.n);
  // Toyohashi's table: 10% of direct cost before 2021-10-01, 30% from then.
  await ok(
    await officer.post("/api/contract-rates", {
      organizationId: tut,
      contractTypes: [],
      effectiveFrom: "2004-04-01",
      rateBp: 1000,
      basis: "direct",
    }),
    201,
  );
  await ok(
    await officer.post("/api/contract-rates", {
      organizationId: tut,
      contractTypes: [],
      effectiveFrom: "2021-10-01",
      rateBp: 3000,
      basis: "direct",
      note: "共同研究の間接経費率改定",
    }),
    201,
  );
});
afterAll(() => ctx.close());

describe(`contracts (${backendName})`, () => {
  it("takes the rate for the start date from the table: 10% before 2021-10-01, 30% from it", async () => {
    const before = await ok(
      await officer.post(
        "/api/contracts",
        jointBody({
          startDate: "2021-09-30",
          endDate: "2022-03-31",
          budget: [{ fiscalYear: 2021, ...zeroLines, other: 1_000_000 }],
          members: [{ kind: "pi", researcherId: pi }],
        }),
      ),
      201,
    );
    expect(before.rate).toMatchObject({ rateBp: 1000, basis: "direct", effectiveFrom: "2004-04-01" });
    expect(before.totals).toEqual({ direct: 1_000_000, indirect: 100_000, researchFee: 0, total: 1_100_000 });
    const after = await ok(
      await officer.post(
        "/api/contracts",
        jointBody({
          startDate: "2021-10-01",
          endDate: "2022-03-31",
          budget: [{ fiscalYear: 2021, ...zeroLines, other: 1_000_000 }],
          members: [{ kind: "pi", researcherId: pi }],
        }),
      ),
      201,
    );
    expect(after.rate).toMatchObject({ rateBp: 3000, effectiveFrom: "2021-10-01" });
    expect(after.totals.indirect).toBe(300_000);
  });

  it("computes the budget per fiscal year: direct lines, indirect cut down at the step, 研究料 of hosted researchers", async () => {
    const c = await ok(await officer.post("/api/contracts", jointBody({ rateStep: 100 })), 201);
    expect(c.number).toMatch(/^K-\d{4}-\d{4}$/);
    expect(c.budget).toEqual([
      // 700,001 × 30% = 210,000.3 → cut to the 100 yen: 210,000
      expect.objectContaining({
        fiscalYear: 2026,
        direct: 700_001,
        indirect: 210_000,
        researchFee: 210_000,
        total: 1_120_001,
      }),
      expect.objectContaining({
        fiscalYear: 2027,
        direct: 500_000,
        indirect: 150_000,
        researchFee: 0,
        total: 650_000,
      }),
    ]);
    expect(c.totals).toEqual({
      direct: 1_200_001,
      indirect: 360_000,
      researchFee: 210_000,
      total: 1_770_001,
    });
    // The lead institution is a party without being asked; the sponsor pays each year's total.
    expect(c.parties.map((p: Json) => p.role)).toEqual(["lead_institution", "sponsor"]);
    expect(c.parties[1].contributions).toEqual([
      { fiscalYear: 2026, amount: 1_120_001, invoiced: 0 },
      { fiscalYear: 2027, amount: 650_000, invoiced: 0 },
    ]);
    expect(c.status).toBe("applied");
  });

  it("refuses bad input with the field at fault and saves nothing", async () => {
    const n = await countContracts();
    // a negative amount (the request schema)
    let e = await problem(
      await officer.post(
        "/api/contracts",
        jointBody({ budget: [{ fiscalYear: 2026, ...zeroLines, travel: -1 }] }),
      ),
    );
    expect(e.fields).toContainEqual(
      expect.objectContaining({ field: "budget.0.travel", message: "must not be negative" }),
    );
    // a year outside the period, and an end before the start
    e = await problem(
      await officer.post(
        "/api/contracts",
        jointBody({ budget: [{ fiscalYear: 2029, ...zeroLines, other: 1 }] }),
      ),
    );
    expect(e.fields).toContainEqual(
      expect.objectContaining({
        field: "budget.0.fiscalYear",
        message: expect.stringContaining("outside the contract period"),
      }),
    );
    e = await problem(await officer.post("/api/contracts", jointBody({ endDate: "2026-09-01" })));
    expect(e.fields?.map((f) => f.field)).toContain("endDate");
    // no rate for the start date
    e = await problem(
      await officer.post(
        "/api/contracts",
        jointBody({
          startDate: "2003-04-01",
          endDate: "2004-03-31",
          budget: [{ fiscalYear: 2003, ...zeroLines, other: 10 }],
          members: [],
        }),
      ),
    );
    expect(e.fields).toContainEqual(
      expect.objectContaining({ field: "rate", message: expect.stringContaining("starting on 2003-04-01") }),
    );
    // a pooled contract whose shares do not add up to the year's total
    e = await problem(
      await officer.post(
        "/api/contracts",
        jointBody({
          type: "pooled",
          startDate: "2026-04-01",
          endDate: "2027-03-31",
          members: [{ kind: "pi", researcherId: pi }],
          budget: [{ fiscalYear: 2026, ...zeroLines, other: 1_000_000 }],
          parties: [
            {
              organizationId: companyA,
              role: "member",
              contributions: [{ fiscalYear: 2026, amount: 650_000 }],
            },
            {
              organizationId: companyB,
              role: "member",
              contributions: [{ fiscalYear: 2026, amount: 600_000 }],
            },
          ],
        }),
      ),
    );
    expect(e.fields).toContainEqual({
      field: "parties",
      message: "the contributions of FY2026 add up to 1,250,000円, but the year's total is 1,300,000円",
    });
    // an exception without a reason, two sponsors on a joint contract
    e = await problem(
      await officer.post(
        "/api/contracts",
        jointBody({
          parties: [
            { organizationId: companyA, role: "sponsor" },
            { organizationId: companyB, role: "sponsor" },
          ],
        }),
      ),
    );
    expect(e.fields?.map((f) => f.field)).toContain("parties");
    e = await problem(
      await officer.post(
        "/api/contracts",
        jointBody({ rateException: { rateBp: 1500, basis: "direct", reason: " " } }),
      ),
    );
    expect(e.fields?.map((f) => f.field)).toContain("rateException.reason");
    expect(await countContracts()).toBe(n);
  });

  it("keeps a negotiated rate with its reason and reports it", async () => {
    const c = await ok(
      await officer.post(
        "/api/contracts",
        jointBody({
          rateException: {
            rateBp: 1500,
            basis: "direct",
            reason: "スタートアップ支援枠（理事決裁 2026-09-12）",
          },
        }),
      ),
      201,
    );
    expect(c.rate).toMatchObject({
      rateBp: 1500,
      exceptionReason: "スタートアップ支援枠（理事決裁 2026-09-12）",
      effectiveFrom: null,
    });
    expect(c.totals.indirect).toBe(105_000 + 75_000);
    const list = await ok(await officer.get("/api/contracts?exception=true"));
    expect(list.items.map((i: Json) => i.id)).toEqual([c.id]);
    expect(list.items[0].rateExceptionReason).toContain("スタートアップ");
  });

  it("answers a stale edit with a conflict, not an overwrite", async () => {
    const c = await ok(await officer.post("/api/contracts", jointBody()), 201);
    const other = await ctx.signIn(
      (await ctx.buildUser({ role: "contract_officer", organizationId: tut })).email,
    );
    await ok(
      await put(officer, `/api/contracts/${c.id}`, { ...c.input, title: "改題A", version: c.version }),
    );
    const e = await problem(
      await put(other, `/api/contracts/${c.id}`, { ...c.input, title: "改題B", version: c.version }),
      409,
    );
    expect(e.message).toContain("changed by someone else");
    const now = await ok(await officer.get(`/api/contracts/${c.id}`));
    expect(now.title).toBe("改題A");
  });

  it("fixes the rate at signing: a later table change moves unsigned contracts, never signed ones", async () => {
    const signed = await ok(
      await officer.post(
        "/api/contracts",
        jointBody({
          startDate: "2027-04-01",
          endDate: "2028-03-31",
          budget: [{ fiscalYear: 2027, ...zeroLines, other: 1_000_000 }],
          members: [{ kind: "pi", researcherId: pi }],
        }),
      ),
      201,
    );
    const draft = await ok(
      await officer.post(
        "/api/contracts",
        jointBody({
          startDate: "2027-04-01",
          endDate: "2028-03-31",
          budget: [{ fiscalYear: 2027, ...zeroLines, other: 1_000_000 }],
          members: [{ kind: "pi", researcherId: pi }],
        }),
      ),
      201,
    );
    let s = await ok(
      await officer.post(`/api/contracts/${signed.id}/transition`, {
        action: "accept",
        version: signed.version,
      }),
    );
    s = await ok(
      await officer.post(`/api/contracts/${signed.id}/transition`, {
        action: "sign",
        version: s.version,
        date: "2027-03-20",
      }),
    );
    expect(s.status).toBe("signed");
    expect(s.rate.fixedAt).not.toBeNull();
    expect(s.revisions.map((r: Json) => r.revision)).toEqual([0]);

    const added = await ok(
      await officer.post("/api/contract-rates", {
        organizationId: tut,
        contractTypes: ["joint"],
        effectiveFrom: "2027-04-01",
        rateBp: 3500,
        basis: "direct",
      }),
      201,
    );
    expect(added.recomputedContracts).toBeGreaterThanOrEqual(1);
    const s2 = await ok(await officer.get(`/api/contracts/${signed.id}`));
    expect(s2.rate.rateBp).toBe(3000);
    expect(s2.totals.indirect).toBe(300_000);
    expect(s2.rate.table.rateBp).toBe(3500); // what the table says now, shown beside
    const d2 = await ok(await officer.get(`/api/contracts/${draft.id}`));
    expect(d2.rate.rateBp).toBe(3500);
    expect(d2.totals.indirect).toBe(350_000);
    await ok(await officer.fetch(`/api/contract-rates/${added.id}`, { method: "DELETE" }));
    expect((await ok(await officer.get(`/api/contracts/${draft.id}`))).totals.indirect).toBe(300_000);
    // A signed contract is not edited directly.
    const e = await problem(
      await put(officer, `/api/contracts/${signed.id}`, { ...s2.input, version: s2.version }),
    );
    expect(e.fields?.[0]?.message).toContain("amendment");
  });

  it("invoices, taxes, payments, the overdue list and the life cycle to 入金 and 完了報告", async () => {
    let c = await ok(await officer.post("/api/contracts", jointBody()), 201);
    // A PDF needs the institution's bank account.
    await ok(
      await put(officer, `/api/institutions/${tut}/billing`, {
        department: "研究推進アドミニストレーションセンター",
        postalCode: "441-8580",
        address: "愛知県豊橋市天伯町雲雀ヶ丘1-1",
        phone: "0532-44-6975",
        registrationNumber: "T1180305005486",
        bankName: "三菱UFJ銀行",
        branchName: "豊橋支店",
        accountType: "普通",
        accountNumber: "1234567",
        accountHolder: "コクリツダイガクホウジン トヨハシギジュツカガクダイガク",
      }),
    );
    let e = await problem(
      await officer.post(`/api/contracts/${c.id}/invoices`, {
        partyId: c.parties[1].id,
        fiscalYear: 2026,
        amount: 1000,
      }),
    );
    expect(e.fields?.[0]?.field).toBe("status");
    c = await ok(
      await officer.post(`/api/contracts/${c.id}/transition`, { action: "accept", version: c.version }),
    );
    const notice = await officer.get(`/api/contracts/${c.id}/acceptance-notice.pdf`);
    expect(notice.headers.get("content-type")).toBe("application/pdf");
    const noticeText = (await pdfPageTexts(new Uint8Array(await notice.arrayBuffer()))).join("");
    expect(noticeText).toContain("共同研究受入決定通知書");
    expect(noticeText).toContain("株式会社ギア精工");
    expect(noticeText).toContain("高耐久樹脂ギアの摩耗評価");
    c = await ok(
      await officer.post(`/api/contracts/${c.id}/transition`, {
        action: "sign",
        version: c.version,
        date: "2026-09-25",
      }),
    );
    const sponsor = c.parties[1];

    // More than the year's share is refused.
    e = await problem(
      await officer.post(`/api/contracts/${c.id}/invoices`, {
        partyId: sponsor.id,
        fiscalYear: 2026,
        amount: 1_120_002,
      }),
    );
    expect(e.fields).toEqual([
      {
        field: "amount",
        message:
          "1,120,002円 is more than the 1,120,001円 of 株式会社ギア精工's FY2026 share not yet invoiced",
      },
    ]);
    const inv = await ok(
      await officer.post(`/api/contracts/${c.id}/invoices`, {
        partyId: sponsor.id,
        fiscalYear: 2026,
        amount: 1_120_001,
        issueDate: "2026-10-01",
        dueDate: "2026-10-31",
      }),
      201,
    );
    const [row] = await ctx.database.db.select().from(invoices).where(eq(invoices.id, inv.id));
    expect(row).toMatchObject({ amount: 1_120_001, tax: 112_000, total: 1_232_001, instalment: 1 }); // 112,000.1 cut
    c = await ok(await officer.get(`/api/contracts/${c.id}`));
    expect(c.status).toBe("invoiced");
    expect(c.parties[1].contributions[0].invoiced).toBe(1_120_001);

    // The PDF: addressee, subject, lines adding up, tax, total, bank, both calendars.
    const pdf = await officer.get(`/api/invoices/${inv.id}/pdf`);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    const text = (await pdfPageTexts(new Uint8Array(await pdf.arrayBuffer()))).join("");
    for (const s of [
      "請求書",
      inv.number,
      "株式会社ギア精工",
      "御中",
      "共同研究経費（令和8年度・第1回）",
      c.number,
      "直接経費",
      "間接経費",
      "研究料",
      "1,120,001",
      "消費税（10%）",
      "112,000",
      "1,232,001",
      "三菱UFJ銀行",
      "豊橋支店",
      "1234567",
      "T1180305005486",
      "令和8年10月1日",
      "2026年10月1日",
      "令和8年10月31日",
    ])
      expect(text, s).toContain(s);
    // 直接 700,001 : 間接 210,000 : 研究料 210,000 of 1,120,001 — the year's own proportions.
    expect(text).toContain("700,001");

    // The overdue list (as of today, long after the due date).
    const overdue = await ok<Json[]>(await officer.get("/api/invoices?state=overdue"));
    expect(overdue.find((i) => i.id === inv.id)).toMatchObject({ outstanding: 1_232_001 });
    expect(overdue.find((i) => i.id === inv.id)!.daysOverdue).toBeGreaterThan(0);

    // Payments: too much is refused; two payments close it; the contract moves to 入金.
    let v = row!.version;
    e = await problem(
      await officer.post(`/api/invoices/${inv.id}/payments`, {
        paidOn: "2026-10-20",
        amount: 1_232_002,
        version: v,
      }),
    );
    expect(e.fields?.[0]?.field).toBe("amount");
    await ok(
      await officer.post(`/api/invoices/${inv.id}/payments`, {
        paidOn: "2026-10-20",
        amount: 1_000_000,
        version: v,
      }),
      201,
    );
    e = await problem(
      await officer.post(`/api/invoices/${inv.id}/payments`, { paidOn: "2026-10-21", amount: 1, version: v }),
      409,
    );
    v++;
    await ok(
      await officer.post(`/api/invoices/${inv.id}/payments`, {
        paidOn: "2026-10-22",
        amount: 232_001,
        version: v,
      }),
      201,
    );
    c = await ok(await officer.get(`/api/contracts/${c.id}`));
    expect(c.status).toBe("paid");
    expect(c.invoices[0]).toMatchObject({ status: "paid", paidAmount: 1_232_001, overdue: false });
    expect(
      (await ok<Json[]>(await officer.get("/api/invoices?state=overdue"))).some((i) => i.id === inv.id),
    ).toBe(false);

    // 実施中 → 完了報告 needs the report.
    c = await ok(
      await officer.post(`/api/contracts/${c.id}/transition`, { action: "start", version: c.version }),
    );
    e = await problem(
      await officer.post(`/api/contracts/${c.id}/transition`, { action: "complete", version: c.version }),
    );
    expect(e.fields?.[0]?.field).toBe("documents");
    const form = new FormData();
    form.append(
      "file",
      new File([new TextEncoder().encode("完了報告書\n成果: 摩耗率 40% 低減\n")], "完了報告書.txt"),
    );
    const up = await officer.fetch(`/api/contracts/${c.id}/documents?kind=completion_report`, {
      method: "POST",
      body: form,
    });
    expect(up.status).toBe(201);
    c = await ok(
      await officer.post(`/api/contracts/${c.id}/transition`, {
        action: "complete",
        version: c.version,
        date: "2027-09-30",
      }),
    );
    expect(c.status).toBe("completed");
    expect(c.events.map((x: Json) => x.kind)).toEqual(
      expect.arrayContaining(["created", "status", "signed", "invoice_issued", "payment", "document"]),
    );
  });

  it("amends a signed contract: re-allocates from its date, keeps closed years, refuses to go below what was invoiced", async () => {
    let c = await ok(
      await officer.post(
        "/api/contracts",
        jointBody({
          startDate: "2025-04-01",
          endDate: "2027-03-31",
          members: [{ kind: "pi", researcherId: pi }],
          budget: [
            { fiscalYear: 2025, ...zeroLines, other: 1_000_000 },
            { fiscalYear: 2026, ...zeroLines, other: 1_000_000 },
          ],
        }),
      ),
      201,
    );
    c = await ok(
      await officer.post(`/api/contracts/${c.id}/transition`, { action: "accept", version: c.version }),
    );
    c = await ok(
      await officer.post(`/api/contracts/${c.id}/transition`, {
        action: "sign",
        version: c.version,
        date: "2025-03-25",
      }),
    );
    const sponsor = c.parties.find((p: Json) => p.role === "sponsor");
    await ok(
      await officer.post(`/api/contracts/${c.id}/invoices`, {
        partyId: sponsor.id,
        fiscalYear: 2026,
        amount: 1_000_000,
      }),
      201,
    );
    c = await ok(await officer.get(`/api/contracts/${c.id}`));

    // Extend by a year with 1,000,000 more direct cost, effective 2026-10-01: FY2025 keeps its 1,000,000;
    // the rest (2,000,000) is spread over 2026-04-01 … 2028-03-31 by days: 365 in FY2026, 366 in FY2027
    // (29 Feb 2028), so 998,632 and 1,001,368 (largest remainder).
    const amended = await ok(
      await officer.post(`/api/contracts/${c.id}/amendments`, {
        version: c.version,
        effectiveOn: "2026-10-01",
        reason: "研究期間の1年延長（変更契約第1号）",
        content: { ...c.input, endDate: "2028-03-31" },
        reallocate: { ...zeroLines, other: 3_000_000 },
      }),
      201,
    );
    expect(amended.revision).toBe(1);
    expect(amended.changes).toEqual(expect.arrayContaining(["endDate", "budget", "budgetYears", "totals"]));
    c = await ok(await officer.get(`/api/contracts/${c.id}`));
    expect(c.budget.map((y: Json) => [y.fiscalYear, y.direct])).toEqual([
      [2025, 1_000_000],
      [2026, 998_632],
      [2027, 1_001_368],
    ]);
    expect(c.totals.direct).toBe(3_000_000);
    // The rate fixed at signing (30%), cut to the yen in each year: 300,000 + 299,589 + 300,410.
    expect(c.totals.indirect).toBe(899_999);
    expect(c.revisions.map((r: Json) => r.revision)).toEqual([0, 1]);
    const rev = await ok(await officer.get(`/api/contracts/${c.id}/revisions/1`));
    expect(rev.changes).toContainEqual({ field: "endDate", from: "2027-03-31", to: "2028-03-31" });
    expect(rev.snapshot.endDate).toBe("2028-03-31");

    // Lowering FY2026 below the invoiced 1,000,000 (+ indirect share is fine, but not the direct) is refused.
    const n = await ctx.database.db.select().from(contracts).where(eq(contracts.id, c.id));
    let e = await problem(
      await officer.post(`/api/contracts/${c.id}/amendments`, {
        version: c.version,
        effectiveOn: "2026-10-01",
        reason: "減額",
        content: {
          ...c.input,
          budget: [
            { fiscalYear: 2025, ...zeroLines, other: 1_000_000 },
            { fiscalYear: 2026, ...zeroLines, other: 500_000 },
            { fiscalYear: 2027, ...zeroLines, other: 1_000_000 },
          ],
        },
      }),
    );
    expect(e.fields).toContainEqual({
      field: "parties",
      message:
        "株式会社ギア精工 has been invoiced 1,000,000円 for FY2026; the amendment would lower its share to 650,000円",
    });
    // Changing a year that ended before the amendment is refused.
    e = await problem(
      await officer.post(`/api/contracts/${c.id}/amendments`, {
        version: c.version,
        effectiveOn: "2026-10-01",
        reason: "過年度修正",
        content: {
          ...c.input,
          budget: [
            { fiscalYear: 2025, ...zeroLines, other: 900_000 },
            ...c.input.budget.filter((b: Json) => b.fiscalYear !== 2025),
          ],
        },
      }),
    );
    expect(e.fields?.[0]?.message).toContain("FY2025 ended before the amendment");
    const after = await ctx.database.db.select().from(contracts).where(eq(contracts.id, c.id));
    expect(after).toEqual(n);
  });

  it("a pooled contract: each party's share per year, invoiced separately", async () => {
    const c = await ok(
      await officer.post(
        "/api/contracts",
        jointBody({
          type: "pooled",
          title: "次世代樹脂の共通基盤研究（協働拠出金型）",
          startDate: "2026-04-01",
          endDate: "2027-03-31",
          members: [{ kind: "pi", researcherId: pi }],
          budget: [{ fiscalYear: 2026, ...zeroLines, other: 1_000_000 }],
          parties: [
            {
              organizationId: companyA,
              role: "member",
              contributions: [{ fiscalYear: 2026, amount: 650_000 }],
            },
            {
              organizationId: companyB,
              role: "member",
              contributions: [{ fiscalYear: 2026, amount: 650_000 }],
            },
            { organizationId: nagaoka, role: "participating_institution" },
          ],
        }),
      ),
      201,
    );
    expect(c.parties.map((p: Json) => [p.role, p.contributions.map((x: Json) => x.amount)])).toEqual([
      ["lead_institution", []],
      ["member", [650_000]],
      ["member", [650_000]],
      ["participating_institution", []],
    ]);
    // A coordinator of 長岡技大 (no other coverage) sees it through the participating institution.
    const coord = await ctx.buildUser({ role: "coordinator", organizationId: nagaoka });
    await ctx.database.db.delete(userCoverage).where(eq(userCoverage.userId, coord.id));
    const agent = await ctx.signIn(coord.email);
    expect((await agent.get(`/api/contracts/${c.id}`)).status).toBe(200);
    // …but not the joint contracts of 豊橋 alone, and cannot edit.
    const list = await ok(await agent.get("/api/contracts"));
    expect(list.items.map((i: Json) => i.id)).toEqual([c.id]);
    expect((await put(agent, `/api/contracts/${c.id}`, { ...c.input, version: c.version })).status).toBe(403);
  });

  it("an amendment of a pooled contract re-allocates and splits the open years among the parties by their shares", async () => {
    let c = await ok(
      await officer.post(
        "/api/contracts",
        jointBody({
          type: "consortium",
          startDate: "2026-04-01",
          endDate: "2028-03-31",
          members: [{ kind: "pi", researcherId: pi }],
          budget: [
            { fiscalYear: 2026, ...zeroLines, other: 1_000_000 },
            { fiscalYear: 2027, ...zeroLines, other: 1_000_000 },
          ],
          parties: [
            {
              organizationId: companyA,
              role: "member",
              contributions: [
                { fiscalYear: 2026, amount: 975_000 },
                { fiscalYear: 2027, amount: 975_000 },
              ],
            },
            {
              organizationId: companyB,
              role: "member",
              contributions: [
                { fiscalYear: 2026, amount: 325_000 },
                { fiscalYear: 2027, amount: 325_000 },
              ],
            },
          ],
        }),
      ),
      201,
    );
    c = await ok(
      await officer.post(`/api/contracts/${c.id}/transition`, { action: "accept", version: c.version }),
    );
    c = await ok(
      await officer.post(`/api/contracts/${c.id}/transition`, {
        action: "sign",
        version: c.version,
        date: "2026-03-30",
      }),
    );
    await ok(
      await officer.post(`/api/contracts/${c.id}/amendments`, {
        version: c.version,
        effectiveOn: "2027-04-01",
        reason: "FY2027の増額",
        content: c.input,
        reallocate: { ...zeroLines, other: 3_000_000 },
      }),
      201,
    );
    c = await ok(await officer.get(`/api/contracts/${c.id}`));
    // FY2026 closed (1,300,000 as before); FY2027 now 2,000,000 direct + 600,000 = 2,600,000, split 3:1.
    expect(c.budget.map((y: Json) => [y.fiscalYear, y.total])).toEqual([
      [2026, 1_300_000],
      [2027, 2_600_000],
    ]);
    expect(
      c.parties
        .filter((p: Json) => p.role === "member")
        .map((p: Json) => p.contributions.map((x: Json) => x.amount)),
    ).toEqual([
      [975_000, 1_950_000],
      [325_000, 650_000],
    ]);
  });

  it("a case that reaches 契約 opens its contract, with the researcher and the company", async () => {
    const admin = await ctx.as("admin");
    const need = await buildNeed(ctx.database.db, {
      companyOrganizationId: companyB,
      title: "樹脂歯車の騒音低減",
    });
    await ctx.database.db
      .insert(needMatches)
      .values({ needId: need.id, researcherId: pi, state: "accepted" });
    const [k] = await ctx.database.db.select().from(cases).where(eq(cases.needId, need.id));
    const moved = await ok(
      await admin.patch(`/api/cases/${k!.id}`, { version: k!.version, stageCode: "contracted" }),
    );
    expect(moved.contract).toMatchObject({ status: "applied", type: "joint" });
    const c = await ok(await officer.get(`/api/contracts/${moved.contract.id}`));
    expect(c).toMatchObject({ title: "樹脂歯車の騒音低減", institution: { id: tut }, case: { id: k!.id } });
    expect(c.parties.map((p: Json) => [p.organizationId, p.role])).toEqual([
      [tut, "lead_institution"],
      [companyB, "sponsor"],
    ]);
    expect(c.members).toEqual([expect.objectContaining({ kind: "pi", researcherId: pi, name: "摩耗 太郎" })]);
    // Moving back and forth does not open a second one.
    const again = await ok(
      await admin.patch(`/api/cases/${k!.id}`, {
        version: moved.version,
        stageCode: "negotiation",
        reopenNote: "条件再交渉",
      }),
    );
    const third = await ok(
      await admin.patch(`/api/cases/${k!.id}`, { version: again.version, stageCode: "contracted" }),
    );
    expect(third.contract.id).toBe(moved.contract.id);
  });
});
