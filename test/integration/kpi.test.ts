/**
 * The KPI definitions (src/server/modules/kpi/definitions.ts, docs/kpi.md) against hand-computed values:
 * contracts across fiscal-year boundaries, a multi-year consortium with an amendment, a cancelled contract,
 * a negotiated rate, an unsigned contract; and the drill-down rows always add up to the figure.
 */
import { eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../../src/server/auth/policy";
import { actorFor } from "../../src/server/auth/sessions";
import { researchers, users } from "../../src/server/db/schema";
import { addRate } from "../../src/server/modules/contracts/rates";
import {
  amendContract,
  type ContractInput,
  createContract,
  getContract,
  recomputeFollowers,
  transitionContract,
} from "../../src/server/modules/contracts/service";
import { figureOf, figuresBy, figuresByYear, measureRows } from "../../src/server/modules/kpi/definitions";
import { createTestContext, type TestContext } from "../helpers/app";
import { backendName } from "../helpers/db";

let ctx: TestContext;
let actor: Actor;
const z = { personnel: 0, consumables: 0, travel: 0, equipment: 0, other: 0 };

beforeAll(async () => {
  ctx = await createTestContext();
  const db = ctx.database.db;
  const tut = (await ctx.institution("tut")).id;
  const admin = await ctx.buildUser({ role: "admin" });
  const [row] = await db.select().from(users).where(eq(users.id, admin.id));
  actor = await actorFor(db, row!, "university");
  await addRate({
    db,
    actor,
    input: {
      organizationId: tut,
      contractTypes: [],
      effectiveFrom: "2021-10-01",
      rateBp: 3000,
      basis: "direct",
    },
    recompute: recomputeFollowers,
  });
  const [pi] = await db
    .insert(researchers)
    .values({ organizationId: tut, nameJa: "指標 太郎" })
    .returning({ id: researchers.id });
  const companyA = (await ctx.buildOrganization({ nameJa: "KPI株式会社A" })).id;
  const companyB = (await ctx.buildOrganization({ nameJa: "KPI株式会社B" })).id;
  const city = (await ctx.buildOrganization({ type: "municipality", nameJa: "KPI市" })).id;
  const members = [{ kind: "pi" as const, researcherId: pi!.id }];
  const base = { institutionId: tut, rateStep: 1, taxRateBp: 1000, members };
  const make = async (
    input: Omit<ContractInput, "institutionId" | "rateStep" | "taxRateBp" | "members">,
    sign: string | null,
  ) => {
    const c = await createContract({ db, actor, input: { ...base, ...input } });
    if (sign) {
      let d = await getContract({ db, actor, id: c.id });
      await transitionContract({ db, actor, id: c.id, input: { action: "accept", version: d.version } });
      d = await getContract({ db, actor, id: c.id });
      await transitionContract({
        db,
        actor,
        id: c.id,
        input: { action: "sign", version: d.version, date: sign },
      });
    }
    return c.id;
  };
  const two = (a: number, b: number) => [
    {
      organizationId: companyA,
      role: "member" as const,
      contributions: a
        ? [
            { fiscalYear: 2025, amount: a / 2 },
            { fiscalYear: 2026, amount: b / 2 },
          ]
        : [{ fiscalYear: 2026, amount: b / 2 }],
    },
    {
      organizationId: companyB,
      role: "member" as const,
      contributions: a
        ? [
            { fiscalYear: 2025, amount: a / 2 },
            { fiscalYear: 2026, amount: b / 2 },
          ]
        : [{ fiscalYear: 2026, amount: b / 2 }],
    },
  ];
  // A: pooled over two fiscal years.
  await make(
    {
      type: "pooled",
      title: "A",
      startDate: "2025-10-01",
      endDate: "2027-03-31",
      parties: two(1_300_000, 2_600_000),
      budget: [
        { fiscalYear: 2025, ...z, other: 1_000_000 },
        { fiscalYear: 2026, ...z, other: 2_000_000 },
      ],
    },
    "2025-09-20",
  );
  // B: joint, FY2026.
  await make(
    {
      type: "joint",
      title: "B",
      startDate: "2026-04-01",
      endDate: "2027-03-31",
      parties: [{ organizationId: companyA, role: "sponsor" }],
      budget: [{ fiscalYear: 2026, ...z, other: 1_000_000 }],
    },
    "2026-03-20",
  );
  // C: joint at a negotiated 10%, FY2025.
  await make(
    {
      type: "joint",
      title: "C",
      startDate: "2025-04-01",
      endDate: "2026-03-31",
      rateException: { rateBp: 1000, basis: "direct", reason: "交渉" },
      parties: [{ organizationId: companyB, role: "sponsor" }],
      budget: [{ fiscalYear: 2025, ...z, other: 2_000_000 }],
    },
    "2025-03-20",
  );
  // D: consortium FY2025–FY2027, amended from 2026-10-01 to 1,500,000 direct in FY2026.
  const threeYears = (amount: number) => [2025, 2026, 2027].map((fiscalYear) => ({ fiscalYear, amount }));
  const d = await make(
    {
      type: "consortium",
      title: "D",
      startDate: "2025-04-01",
      endDate: "2028-03-31",
      parties: [
        { organizationId: companyA, role: "member", contributions: threeYears(650_000) },
        { organizationId: companyB, role: "member", contributions: threeYears(650_000) },
      ],
      budget: [2025, 2026, 2027].map((fiscalYear) => ({ fiscalYear, ...z, other: 1_000_000 })),
    },
    "2025-03-25",
  );
  const dRow = await getContract({ db, actor, id: d });
  await amendContract({
    db,
    actor,
    id: d,
    input: {
      version: dRow.version,
      effectiveOn: "2026-10-01",
      reason: "増額",
      content: {
        ...dRow.input,
        budget: dRow.input.budget.map((b) => (b.fiscalYear === 2026 ? { ...b, other: 1_500_000 } : b)),
        parties: dRow.input.parties.map((p) =>
          p.role === "member"
            ? {
                ...p,
                contributions: p.contributions!.map((x) =>
                  x.fiscalYear === 2026 ? { ...x, amount: 975_000 } : x,
                ),
              }
            : p,
        ),
      },
    },
  });
  // E: consortium cancelled in FY2026 after signing: counts in FY2025 only.
  const e = await make(
    {
      type: "consortium",
      title: "E",
      startDate: "2025-04-01",
      endDate: "2027-03-31",
      parties: [
        {
          organizationId: companyA,
          role: "member",
          contributions: [
            { fiscalYear: 2025, amount: 650_000 },
            { fiscalYear: 2026, amount: 650_000 },
          ],
        },
      ],
      budget: [
        { fiscalYear: 2025, ...z, other: 500_000 },
        { fiscalYear: 2026, ...z, other: 500_000 },
      ],
    },
    "2025-03-25",
  );
  const eRow = await getContract({ db, actor, id: e });
  await transitionContract({
    db,
    actor,
    id: e,
    input: { action: "cancel", version: eRow.version, date: "2026-06-01", reason: "中止" },
  });
  // F: joint, never signed: not counted.
  await make(
    {
      type: "joint",
      title: "F",
      startDate: "2026-04-01",
      endDate: "2027-03-31",
      parties: [{ organizationId: companyA, role: "sponsor" }],
      budget: [{ fiscalYear: 2026, ...z, other: 9_000_000 }],
    },
    null,
  );
  // G: commissioned by a city, FY2026.
  await make(
    {
      type: "commissioned",
      title: "G",
      startDate: "2026-04-01",
      endDate: "2027-03-31",
      parties: [{ organizationId: city, role: "sponsor" }],
      budget: [{ fiscalYear: 2026, ...z, other: 1_000_000 }],
    },
    "2026-03-25",
  );
});
afterAll(() => ctx.close());

const fig = (code: Parameters<typeof measureRows>[1], fy: number) => figureOf(ctx.database.db, code, fy);

describe(`KPI definitions (${backendName})`, () => {
  it("① money inside 協働拠出金型 (pooled, open-call and consortium forms) per fiscal year", async () => {
    // FY2025: A 1,300,000 + D 1,300,000 + E 650,000; FY2026: A 2,600,000 + D (1,500,000 + 450,000)
    expect(await fig("kpi1", 2025)).toMatchObject({ value: 3_250_000, count: 3 });
    expect(await fig("kpi1", 2026)).toMatchObject({ value: 4_550_000, count: 2 });
  });

  it("② Σ indirect ÷ Σ direct of the year's allocations of concluded contracts", async () => {
    // FY2025: (300,000 + 200,000 + 300,000 + 150,000) / (1,000,000 + 2,000,000 + 1,000,000 + 500,000) = 21.1%
    expect(await fig("kpi2", 2025)).toMatchObject({
      value: 21.1,
      direct: 4_500_000,
      indirect: 950_000,
      count: 4,
    });
    // FY2026: A, B, D (amended), G — not F (unsigned), not E (cancelled in FY2026)
    expect(await fig("kpi2", 2026)).toMatchObject({
      value: 30,
      direct: 5_500_000,
      indirect: 1_650_000,
      count: 4,
    });
  });

  it("③ consortium contracts carried out in the year; ④ has no data until education packages exist", async () => {
    expect(await fig("kpi3", 2025)).toMatchObject({ value: 2 });
    expect(await fig("kpi3", 2026)).toMatchObject({ value: 1 });
    expect(await fig("kpi3", 2027)).toMatchObject({ value: 1 });
    expect(await fig("kpi4", 2026)).toEqual({ value: null, count: 0 });
  });

  it("the baseline: joint research with companies and commissioned research, count and amount", async () => {
    expect(await fig("joint_with_companies", 2025)).toMatchObject({ count: 4, amount: 5_450_000 });
    expect(await fig("joint_with_companies", 2026)).toMatchObject({ count: 3, amount: 5_850_000 });
    expect(await fig("commissioned", 2026)).toMatchObject({ count: 1, amount: 1_300_000 });
  });

  it("the drill-down rows add up to the figure, filtered alike", async () => {
    const rows = (await measureRows(ctx.database.db, "kpi1", 2026, { area: "tokai" }))!;
    expect(rows.map((r) => r.title).sort()).toEqual(["A", "D"]);
    expect(rows.reduce((a, r) => a + Number(r.total), 0)).toBe(4_550_000);
    expect((await figureOf(ctx.database.db, "kpi1", 2026, { area: "tokai" })).value).toBe(4_550_000);
    // By breakdown: every figure of the year falls under one key, and the keys add up to the year.
    const byInstitution = await figuresBy(ctx.database.db, "kpi2", 2026, "institution");
    expect(byInstitution).toHaveLength(1);
    expect(byInstitution[0]!.figure).toMatchObject({ value: 30, direct: 5_500_000 });
    const byReferral = await figuresBy(ctx.database.db, "kpi1", 2025, "referral_type");
    expect(byReferral).toEqual([
      { key: "direct", figure: expect.objectContaining({ value: 3_250_000, count: 3 }) },
    ]);
    // A trend over years in one query: the same figures as year by year.
    const trend = await figuresByYear(ctx.database.db, "kpi3", { from: 2024, to: 2028 });
    expect([...trend.values()].map((f) => f.value)).toEqual([0, 2, 1, 1, 0]);
    expect(await measureRows(ctx.database.db, "kpi1", 2026, { area: "shinetsu" })).toEqual([]);
  });

  it("the dashboard, the drill-down, targets, the report and a frozen year, through the API", async () => {
    const exec = await ctx.as("executive");
    const admin = await ctx.as("admin");
    let d = await (await exec.get("/api/kpi?fy=2026")).json();
    expect(d.kpis.map((k: { code: string; value: number | null }) => [k.code, k.value])).toEqual([
      ["kpi1", 4_550_000],
      ["kpi2", 30],
      ["kpi3", 1],
      ["kpi4", null],
    ]);
    expect(d.kpis[0].target).toBe(350_000_000);
    expect(d.kpis[2].trend.map((t: { value: number }) => t.value)).toEqual([0, 0, 0, 2, 1]);
    expect(d.breakdowns.kpi1.area).toEqual([
      {
        key: "tokai",
        label: { ja: expect.any(String), en: expect.any(String) },
        figure: expect.objectContaining({ value: 4_550_000 }),
      },
    ]);
    // Every figure drills down to rows that add up to it.
    const drill = await (await exec.get("/api/kpi/rows?measure=kpi2&fy=2026")).json();
    expect(drill.figure).toMatchObject({ value: 30, direct: 5_500_000, indirect: 1_650_000 });
    expect(drill.rows.reduce((a: number, r: { direct: number }) => a + r.direct, 0)).toBe(5_500_000);
    expect(drill.rows.map((r: { title: string }) => r.title).sort()).toEqual(["A", "B", "D", "G"]);
    expect(drill.total).toBe(4);
    // Listed by contract number, a page at a time.
    const numbers = drill.rows.map((r: { number: string }) => r.number);
    expect(numbers).toEqual([...numbers].sort());
    const page2 = await (await exec.get("/api/kpi/rows?measure=kpi2&fy=2026&pageSize=3&page=2")).json();
    expect(page2.rows.map((r: { number: string }) => r.number)).toEqual([numbers[3]]);

    // Targets per year: only admins set them.
    expect((await exec.fetch("/api/kpi/targets/2026", { method: "PUT", json: { kpi3: 8 } })).status).toBe(
      403,
    );
    await admin.fetch("/api/kpi/targets/2026", { method: "PUT", json: { kpi3: 8 } });
    d = await (await exec.get("/api/kpi?fy=2026")).json();
    expect(d.kpis[2].target).toBe(8);

    // The report: a summary and a sheet per measure with its records, checked cell by cell.
    const res = await exec.get("/api/kpi/report?fy=2026&format=xlsx");
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    const summary = wb.getWorksheet("概要")!;
    expect(String(summary.getCell("A1").value)).toContain("令和8年度");
    const rowOf = (label: string) =>
      summary.getColumn(1).values.findIndex((v) => String(v).startsWith(label));
    const r1 = rowOf("① ");
    expect(summary.getCell(r1, 2).value).toBe(4_550_000);
    expect(summary.getCell(r1, 4).value).toBe(350_000_000);
    expect(summary.getCell(rowOf("② "), 2).value).toBe(30);
    expect(summary.getCell(rowOf("③ "), 4).value).toBe(8);
    expect(summary.getCell(rowOf("④ "), 2).value).toBe("データなし");
    const sheet1 = wb.worksheets.find((w) => w.name.startsWith("① "))!;
    expect(sheet1.getRow(3).values).toEqual(expect.arrayContaining(["契約番号", "題目", "合計"]));
    const titles = [4, 5].map((n) => sheet1.getRow(n).getCell(2).value).sort();
    expect(titles).toEqual(["A", "D"]);
    expect(sheet1.pageSetup.orientation).toBe("landscape");
    const csv = await (await exec.get("/api/kpi/report?fy=2026&format=csv")).text();
    expect(csv).toContain("kpi1,① 協働拠出金型共同研究の受入額,2026,4550000");

    // A closed year is frozen once; a contract entered later changes the live figure, not the snapshot.
    expect((await admin.post("/api/kpi/snapshots", { fiscalYear: 2026 })).status).toBe(400);
    expect((await admin.post("/api/kpi/snapshots", { fiscalYear: 2025 })).status).toBe(201);
    expect((await admin.post("/api/kpi/snapshots", { fiscalYear: 2025 })).status).toBe(409);
    const before = await (await exec.get("/api/kpi?fy=2025")).json();
    expect(before.kpis[0].value).toBe(3_250_000);
    const tut = (await ctx.institution("tut")).id;
    const late = await createContract({
      db: ctx.database.db,
      actor,
      input: {
        type: "pooled",
        institutionId: tut,
        title: "H（後日登録）",
        startDate: "2025-04-01",
        endDate: "2026-03-31",
        rateStep: 1,
        taxRateBp: 1000,
        members: [{ kind: "pi", researcherId: (await ctx.database.db.select().from(researchers))[0]!.id }],
        parties: [
          {
            organizationId: (await ctx.buildOrganization()).id,
            role: "member",
            contributions: [{ fiscalYear: 2025, amount: 130_000 }],
          },
        ],
        budget: [{ fiscalYear: 2025, ...z, other: 100_000 }],
      },
    });
    let row = await getContract({ db: ctx.database.db, actor, id: late.id });
    await transitionContract({
      db: ctx.database.db,
      actor,
      id: late.id,
      input: { action: "accept", version: row.version },
    });
    row = await getContract({ db: ctx.database.db, actor, id: late.id });
    await transitionContract({
      db: ctx.database.db,
      actor,
      id: late.id,
      input: { action: "sign", version: row.version, date: "2026-05-01" },
    });
    // The cached dashboard of FY2025 is retired by the write (its KPI generation moved on).
    expect((await (await exec.get("/api/kpi?fy=2025")).json()).kpis[0].value).toBe(3_380_000);
    const snap = await (await exec.get("/api/kpi/snapshots/2025")).json();
    const k1 = snap.diff.find((x: { code: string }) => x.code === "kpi1");
    expect(k1.frozen.value).toBe(3_250_000);
    expect(k1.live.value).toBe(3_380_000);
    expect(k1.changed).toBe(true);
    expect(k1.added.map((r: { title: string }) => r.title)).toEqual(["H（後日登録）"]);
    expect(k1.removed).toEqual([]);
    expect(snap.diff.find((x: { code: string }) => x.code === "kpi3").changed).toBe(false);
  });
});
