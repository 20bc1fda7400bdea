/**
 * The KPI definitions (src/server/modules/kpi/definitions.ts, docs/kpi.md) against hand-computed values:
 * contracts across fiscal-year boundaries, a multi-year consortium with an amendment, a cancelled contract,
 * a negotiated rate, an unsigned contract; and the drill-down rows always add up to the figure.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../../src/server/auth/policy";
import { actorFor } from "../../src/server/auth/sessions";
import { backupDatabase, restoreDatabase } from "../../src/server/db/backup";
import { caseMeetings, cases, needs, researchers, users } from "../../src/server/db/schema";
import { addRate } from "../../src/server/modules/contracts/rates";
import {
  amendContract,
  type ContractInput,
  createContract,
  getContract,
  recomputeFollowers,
  transitionContract,
} from "../../src/server/modules/contracts/service";
import {
  figureOf,
  figuresBy,
  figuresByYear,
  type KpiFilter,
  measureRows,
} from "../../src/server/modules/kpi/definitions";
import { kpiGeneration } from "../../src/server/modules/kpi/service";
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
    // Codes are written in words: the type and status of A, its area.
    const head = sheet1.getRow(3).values as unknown[];
    const a = [4, 5].map((n) => sheet1.getRow(n)).find((r) => r.getCell(2).value === "A")!;
    expect(a.getCell(head.indexOf("種別")).value).toBe("協働拠出金型共同研究");
    expect(a.getCell(head.indexOf("状態")).value).toBe("契約締結");
    expect(a.getCell(head.indexOf("エリア")).value).toBe("東海");
    expect(a.getCell(head.indexOf("紹介元の種別")).value).toBe("直接（紹介元なし）");
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

  it("needs, consultations, conversion and time to contract, by the institution of the case's coordinator", async () => {
    const db = ctx.database.db;
    const coordinator = await ctx.buildUser({
      role: "coordinator",
      organizationId: (await ctx.institution("kosen-nagaoka")).id,
    });
    const bank = (await ctx.buildOrganization({ type: "bank", nameJa: "KPI銀行" })).id;
    // n1: received 2025-04-01 00:30 JST (still 2025-03-31 in UTC) — FY2025, referred by the bank, handled by
    // a coordinator of 長岡高専; n2: 2026-03-31 23:30 JST — FY2025, direct, no coordinator; n3: 2026-04-01
    // 00:10 JST — FY2026.
    const need = async (ref: string, at: string, referral: string | null) => {
      const [n] = await db
        .insert(needs)
        .values({
          referenceNumber: ref,
          title: "KPIニーズ",
          problem: "課題",
          contactName: "担当",
          organizationName: "KPI株式会社A",
          source: "public_form",
          referralOrganizationId: referral,
          createdAt: new Date(at),
        })
        .returning({ id: needs.id });
      return n!.id;
    };
    const n1 = await need("N-2025-900001", "2025-04-01T00:30:00+09:00", bank);
    const n2 = await need("N-2025-900002", "2026-03-31T23:30:00+09:00", null);
    const n3 = await need("N-2026-900003", "2026-04-01T00:10:00+09:00", null);
    const [k1, k2] = await db
      .insert(cases)
      .values([
        { needId: n1, stageCode: "consultation", coordinatorId: coordinator.id },
        { needId: n2, stageCode: "consultation" },
        { needId: n3, stageCode: "consultation" },
      ])
      .returning({ id: cases.id });
    const meeting = (caseId: string, at: string, status: "held" | "scheduled") => ({
      caseId,
      title: "技術相談",
      mode: "online" as const,
      startsAt: new Date(at),
      endsAt: new Date(Date.parse(at) + 3_600_000),
      status,
    });
    await db.insert(caseMeetings).values([
      meeting(k1!.id, "2025-06-01T10:00:00+09:00", "held"),
      meeting(k1!.id, "2026-04-01T08:00:00+09:00", "held"), // FY2026 in Japan time (still March 31 in UTC)
      meeting(k1!.id, "2025-07-01T10:00:00+09:00", "scheduled"), // not held: not counted
      meeting(k2!.id, "2025-07-01T10:00:00+09:00", "held"),
    ]);
    // Contract B (signed 2026-03-20) came from n1: 353 days after its receipt.
    await ctx.database.query("update contracts set need_id = $1 where title = 'B'", [n1]);

    expect(await fig("needs", 2025)).toMatchObject({ value: 2, count: 2 });
    expect(await fig("needs", 2026)).toMatchObject({ value: 1 });
    expect(await fig("consultations", 2025)).toMatchObject({ value: 2 });
    expect(await fig("consultations", 2026)).toMatchObject({ value: 1 });
    expect(await fig("conversion", 2025)).toMatchObject({ value: 50, count: 1 });
    expect(await fig("conversion", 2026)).toMatchObject({ value: 0, count: 0 });
    expect(await fig("days_to_contract", 2025)).toMatchObject({ value: 353, count: 1 });
    expect(await fig("days_to_contract", 2026)).toEqual({ value: null, count: 0 });

    // By institution: the coordinator's (長岡高専, KOSEN block 関東信越); needs without one have none.
    const nagaoka = (await ctx.institution("kosen-nagaoka")).id;
    const byInst = { institution: nagaoka };
    expect(await figureOf(db, "needs", 2025, byInst)).toMatchObject({ value: 1 });
    expect(await figureOf(db, "consultations", 2025, byInst)).toMatchObject({ value: 1 });
    expect(await figureOf(db, "consultations", 2026, byInst)).toMatchObject({ value: 1 });
    expect(await figureOf(db, "conversion", 2025, byInst)).toMatchObject({ value: 100 });
    expect(await figureOf(db, "needs", 2025, { kosenBlock: "kanto_shinetsu" })).toMatchObject({ value: 1 });
    expect(await figuresBy(db, "needs", 2025, "institution")).toEqual([
      { key: nagaoka, figure: { value: 1, count: 1 } },
      { key: null, figure: { value: 1, count: 1 } },
    ]);
    expect(await figureOf(db, "needs", 2025, { referralType: "bank" })).toMatchObject({ value: 1 });
    // The contract now counts under its need's referral partner.
    expect(await figuresBy(db, "kpi2", 2026, "referral_type")).toEqual([
      { key: "bank", figure: expect.objectContaining({ direct: 1_000_000, count: 1 }) },
      { key: "direct", figure: expect.objectContaining({ count: 3 }) },
    ]);
    await expectKpiRowsInStep();

    const count = async (code: "needs" | "consultations" | "conversion", f: KpiFilter) =>
      (await figureOf(db, code, 2025, f)).value;
    // Only writes of what the figures read retire the kept dashboards: a case's activity does not, its
    // coordinator does. The attribution follows every write it depends on: a case assigned, its coordinator
    // moving to another institution, the institution's KOSEN block, the contract's cancellation.
    const generation = await kpiGeneration(db);
    await db.update(cases).set({ lastActivityAt: new Date() }).where(eq(cases.id, k2!.id));
    await db.update(needs).set({ title: "KPIニーズ（改題）" }).where(eq(needs.id, n2));
    expect(await kpiGeneration(db)).toBe(generation);
    await db.update(cases).set({ coordinatorId: coordinator.id }).where(eq(cases.id, k2!.id));
    expect(await kpiGeneration(db)).toBe(generation! + 1);
    expect(await count("needs", byInst)).toBe(2);
    expect(await count("consultations", byInst)).toBe(2);
    await expectKpiRowsInStep();
    const tut = (await ctx.institution("tut")).id;
    await db.update(users).set({ organizationId: tut }).where(eq(users.id, coordinator.id));
    expect(await count("needs", byInst)).toBe(0);
    expect(await count("needs", { institution: tut })).toBe(2);
    await expectKpiRowsInStep();
    await db.update(users).set({ organizationId: nagaoka }).where(eq(users.id, coordinator.id));
    await ctx.database.query("update organizations set kosen_block = 'tokai_hokuriku' where id = $1", [
      nagaoka,
    ]);
    expect(await count("needs", { kosenBlock: "tokai_hokuriku" })).toBe(2);
    await expectKpiRowsInStep();
    await ctx.database.query("update organizations set kosen_block = 'kanto_shinetsu' where id = $1", [
      nagaoka,
    ]);
    await ctx.database.query(
      "update contracts set status = 'cancelled', cancelled_on = '2026-03-25' where title = 'B'",
    );
    expect(await count("conversion", byInst)).toBe(0);
    await expectKpiRowsInStep();
    await ctx.database.query("update contracts set status = 'signed', cancelled_on = null where title = 'B'");
    await db.update(cases).set({ coordinatorId: null }).where(eq(cases.id, k2!.id));
    expect(await count("conversion", byInst)).toBe(100);
    expect(await count("needs", byInst)).toBe(1);
    await expectKpiRowsInStep();
  });

  it("keeps the KPI's contract rows equal to their source through every kind of write, and a restore", async () => {
    const db = ctx.database.db;
    const tut = (await ctx.institution("tut")).id;
    await expectKpiRowsInStep();
    // An institution moves area: its contracts follow.
    await ctx.database.query("update organizations set area_code = 'shinetsu' where id = $1", [tut]);
    expect((await figureOf(db, "kpi1", 2026, { area: "shinetsu" })).value).toBe(4_550_000);
    await expectKpiRowsInStep();
    await ctx.database.query("update organizations set area_code = 'tokai' where id = $1", [tut]);
    // A referral partner changes type; a need's partner is removed; a need is deleted.
    await ctx.database.query("update organizations set type = 'shinkin' where name_ja = 'KPI銀行'");
    expect((await figureOf(db, "kpi2", 2026, { referralType: "shinkin" })).count).toBe(1);
    await expectKpiRowsInStep();
    await ctx.database.query(
      "update needs set referral_organization_id = null where reference_number = 'N-2025-900001'",
    );
    expect((await figureOf(db, "kpi2", 2026, { referralType: "shinkin" })).count).toBe(0);
    await ctx.database.query("delete from needs where reference_number = 'N-2025-900001'");
    await expectKpiRowsInStep();
    // A company stops paying: the contract leaves "joint research with companies".
    const before = await fig("joint_with_companies", 2026);
    await ctx.database.query(
      "update contract_parties set role = 'participating_institution' where role = 'sponsor' and contract_id = (select id from contracts where title = 'B')",
    );
    expect((await fig("joint_with_companies", 2026)).count).toBe(before.count - 1);
    await expectKpiRowsInStep();
    await ctx.database.query(
      "update contract_parties set role = 'sponsor' where role = 'participating_institution' and contract_id = (select id from contracts where title = 'B')",
    );
    await expectKpiRowsInStep();
    // Writers at the same time (on PostgreSQL each on its own connection) add to the same totals: none of
    // their changes is lost.
    const before2 = await fig("kpi2", 2026);
    const ids = await ctx.database.query<{ contract_id: string }>(
      "select contract_id from kpi_contract_years where fiscal_year = 2026 and counted order by contract_id",
    );
    const addToAll = (yen: number) =>
      Promise.all(
        ids.map(({ contract_id }) =>
          db.transaction(async (tx) => {
            await tx.execute(
              sql`update contract_budget_years set other = other + ${yen}, direct = direct + ${yen}, total = total + ${yen}
                  where contract_id = ${contract_id} and fiscal_year = 2026`,
            );
          }),
        ),
      );
    await addToAll(1000);
    expect((await fig("kpi2", 2026)).direct).toBe(before2.direct! + 1000 * ids.length);
    await expectKpiRowsInStep();
    await addToAll(-1000);
    expect(await fig("kpi2", 2026)).toEqual(before2);
    await expectKpiRowsInStep();
    // A restore empties and re-derives them.
    const kpi2 = await fig("kpi2", 2026);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "kyoso-kpi-")), "kpi.backup");
    await backupDatabase(ctx.database, file);
    await ctx.database.query("delete from contracts where title = 'G'");
    expect((await fig("kpi2", 2026)).count).toBe(kpi2.count - 1);
    await expectKpiRowsInStep();
    await restoreDatabase(ctx.database, file);
    expect(await fig("kpi2", 2026)).toEqual(kpi2);
    await expectKpiRowsInStep();
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  });

  it("writes the report for the dashboard's filter", async () => {
    const exec = await ctx.as("executive");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(
      await (await exec.get("/api/kpi/report?fy=2026&format=xlsx&area=shinetsu")).arrayBuffer(),
    );
    const summary = wb.getWorksheet("概要")!;
    expect(summary.getCell("A3").value).toBe("絞り込み: エリア 信越");
    const r1 = summary.getColumn(1).values.findIndex((v) => String(v).startsWith("① "));
    expect(summary.getCell(r1, 2).value).toBe(0);
    const sheet1 = wb.worksheets.find((w) => w.name.startsWith("① "))!;
    expect(String(sheet1.getCell("A1").value)).toContain("（エリア 信越）");
    expect(sheet1.getCell("A3").value).toBe("該当する記録はありません。");
    const csv = await (await exec.get("/api/kpi/report?fy=2026&format=csv&area=tokai")).text();
    expect(csv).toContain("kpi1,① 協働拠出金型共同研究の受入額,2026,4550000,2,350000000,tokai,,,");
    expect((await exec.get("/api/kpi/report?fy=2026&format=csv&institution=x")).status).toBe(400);
  });
});

/**
 * kpi_contract_years and kpi_needs hold exactly the rows of their source views (migrations
 * kpi_contract_years_triggers, kpi_needs), and kpi_contract_totals exactly the sums of the counted contract
 * rows (migration kpi_contract_totals).
 */
async function expectKpiRowsInStep() {
  for (const table of ["kpi_contract_years", "kpi_needs"]) {
    const [r] = await ctx.database.query<{ missing: number; extra: number; rows: number }>(
      `select (select count(*) from (select * from ${table}_source except select * from ${table}) d)::int as missing,
              (select count(*) from (select * from ${table} except select * from ${table}_source) d)::int as extra,
              (select count(*) from ${table})::int as rows`,
    );
    expect({ table, ...r }).toMatchObject({ table, missing: 0, extra: 0 });
    expect(r!.rows).toBeGreaterThan(0);
  }
  const sums = `select fiscal_year, type, company_payer, area, institution, kosen_block, referral_type, count(*)::int as n,
      sum(direct)::bigint as direct, sum(indirect)::bigint as indirect, sum(research_fee)::bigint as research_fee,
      sum(total)::bigint as total
    from kpi_contract_years where counted group by 1, 2, 3, 4, 5, 6, 7`;
  const totals = `select fiscal_year, type, company_payer, area, institution, kosen_block, referral_type, n,
      direct, indirect, research_fee, total from kpi_contract_totals`;
  const [t] = await ctx.database.query<{ missing: number; extra: number; groups: number }>(
    `select (select count(*) from (${sums} except ${totals}) d)::int as missing,
            (select count(*) from (${totals} except ${sums}) d)::int as extra,
            (select count(*) from kpi_contract_totals)::int as groups`,
  );
  expect(t).toMatchObject({ missing: 0, extra: 0 });
  expect(t!.groups).toBeGreaterThan(0);
}
