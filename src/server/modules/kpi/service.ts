/**
 * The KPI dashboard, drill-down, targets, snapshots and the annual report, all computed from
 * definitions.ts (the one place that says what each figure is).
 */
import { eq, inArray, sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import { fiscalYearOf, fiscalYearRange, formatFiscalYear, todayJst } from "../../../shared/dates";
import { ORG_TYPE_LABELS } from "../../../shared/labels";
import { KOSEN_BLOCKS } from "../../../shared/regions";
import type { OrgType } from "../../../shared/roles";
import type { Actor } from "../../auth/policy";
import type { Db, DbOrTx } from "../../db/client";
import { areas, kpiSnapshots, kpiTargets, organizations } from "../../db/schema";
import { conflict, invalid, notFound } from "../../errors";
import { toCsv } from "../../lib/csv";
import { MEETING_MODE_LABELS, type MeetingMode } from "../cases/codes";
import { SearchCache } from "../catalog/search-cache";
import { rowsOf } from "../catalog/search-sql";
import {
  CONTRACT_STATUS_LABELS,
  CONTRACT_TYPE_LABELS,
  type ContractStatus,
  type ContractType,
} from "../contracts/codes";
import {
  BASELINE_CODES,
  BREAKDOWNS,
  type Breakdown,
  type Breakdowns,
  DEFAULT_TARGETS,
  type Figure,
  figureOf,
  figures,
  KPI_CODES,
  type KpiCode,
  type KpiFilter,
  MEASURE_CODES,
  type MeasureCode,
  measureRowCount,
  measureRows,
} from "./definitions";

/** The programme's reference line for joint research with companies (FY2018: 406件, 6.90億円). */
export const BASELINE_REFERENCE = { fiscalYear: 2018, count: 406, amount: 690_000_000 } as const;
/** How many years the trends show, ending with the chosen one. */
export const TREND_YEARS = 5;

export const MEASURE_LABELS: Record<
  MeasureCode,
  { ja: string; en: string; unit: "yen" | "percent" | "count" | "days" }
> = {
  kpi1: { ja: "① 協働拠出金型共同研究の受入額", en: "① Money in pooled-contribution research", unit: "yen" },
  kpi2: { ja: "② 間接経費率", en: "② Indirect-cost ratio", unit: "percent" },
  kpi3: {
    ja: "③ 戦略的コンソーシアム型共同研究の実施件数",
    en: "③ Strategic consortia carried out",
    unit: "count",
  },
  kpi4: {
    ja: "④ 有償教育パッケージの利用機関数",
    en: "④ Client institutions of paid education packages",
    unit: "count",
  },
  joint_with_companies: { ja: "民間企業との共同研究", en: "Joint research with companies", unit: "yen" },
  commissioned: { ja: "受託研究", en: "Commissioned research", unit: "yen" },
  consultations: { ja: "技術相談（面談実施）", en: "Consultations held", unit: "count" },
  needs: { ja: "ニーズ受付", en: "Needs received", unit: "count" },
  conversion: { ja: "ニーズから契約への転換率", en: "Need-to-contract conversion", unit: "percent" },
  days_to_contract: {
    ja: "ニーズ受付から契約までの日数（中央値）",
    en: "Days from need to contract (median)",
    unit: "days",
  },
};

export async function targetsOf(db: DbOrTx, fy: number): Promise<Record<KpiCode, number>> {
  const rows = await db.select().from(kpiTargets).where(eq(kpiTargets.fiscalYear, fy));
  const out = { ...DEFAULT_TARGETS };
  for (const r of rows)
    if ((KPI_CODES as readonly string[]).includes(r.code)) out[r.code as KpiCode] = r.target;
  return out;
}

export async function saveTargets(opts: {
  db: Db;
  actor: Actor;
  fiscalYear: number;
  targets: Partial<Record<KpiCode, number>>;
}) {
  await opts.db.transaction(async (tx) => {
    for (const [code, target] of Object.entries(opts.targets)) {
      if (target === undefined) continue;
      await tx
        .insert(kpiTargets)
        .values({ fiscalYear: opts.fiscalYear, code, target, updatedBy: opts.actor.id })
        .onConflictDoUpdate({
          target: [kpiTargets.fiscalYear, kpiTargets.code],
          set: { target, updatedBy: opts.actor.id, updatedAt: new Date() },
        });
    }
  });
  return targetsOf(opts.db, opts.fiscalYear);
}

async function labelsFor(db: DbOrTx, by: Breakdown, keys: (string | null)[]) {
  const ids = keys.filter((k): k is string => !!k);
  if (by === "area") {
    const rows = await db.select({ code: areas.code, ja: areas.nameJa, en: areas.nameEn }).from(areas);
    return new Map(rows.map((r) => [r.code, { ja: r.ja, en: r.en }]));
  }
  if (by === "institution" && ids.length) {
    const rows = await db
      .select({ id: organizations.id, ja: organizations.nameJa, en: organizations.nameEn })
      .from(organizations)
      .where(inArray(organizations.id, ids));
    return new Map(rows.map((r) => [r.id, { ja: r.ja, en: r.en ?? r.ja }]));
  }
  return new Map<string, { ja: string; en: string }>();
}

/**
 * The dashboard of a fiscal year: the four KPIs against their targets with their trend, the baseline
 * series, and ①–③ broken down by area, institution, KOSEN block and referral partner type.
 */
export async function dashboard(opts: { db: DbOrTx; fiscalYear: number; filter: KpiFilter }) {
  const figures = await dashboardCache.through(opts.db, JSON.stringify([opts.fiscalYear, opts.filter]), () =>
    computeDashboard(opts),
  );
  return { ...figures, closed: fiscalYearRange(opts.fiscalYear).end < todayJst() };
}

/** The KPI generation: raised by triggers on every table behind the figures (migration kpi_state). */
export async function kpiGeneration(db: DbOrTx): Promise<number | null> {
  const [row] = await rowsOf<{ generation: number }>(db, sql`select generation from kpi_state where id = 1`);
  return row ? Number(row.generation) : null;
}

/**
 * Dashboards already computed, per fiscal year and filter, for the current KPI generation: any write to a
 * table behind the figures (by any process) raises the generation and retires them all.
 */
const dashboardCache = new SearchCache<Awaited<ReturnType<typeof computeDashboard>>>(200, kpiGeneration);

async function computeDashboard(opts: { db: DbOrTx; fiscalYear: number; filter: KpiFilter }) {
  const { db, fiscalYear: fy, filter } = opts;
  const range = { from: fy - TREND_YEARS + 1, to: fy };
  const targets = await targetsOf(db, fy);
  const trend = (m: Map<number, Figure>) => [...m.entries()].map(([fiscalYear, f]) => ({ fiscalYear, ...f }));
  const broken = ["kpi1", "kpi2", "kpi3"] as const;
  const found = await figures(db, MEASURE_CODES, range, filter, broken);
  const years = found.years;
  const parts = found.breakdowns as Record<(typeof broken)[number], Breakdowns>;
  const kpis = KPI_CODES.map((code) => {
    const current = years[code].get(fy)!;
    return {
      code,
      ...current,
      target: targets[code],
      progress: current.value === null || !targets[code] ? null : current.value / targets[code],
      trend: trend(years[code]),
    };
  });
  const baseline = BASELINE_CODES.map((code) => ({ code, trend: trend(years[code]) }));
  const breakdowns: Record<
    string,
    Record<string, { key: string | null; label: { ja: string; en: string } | null; figure: Figure }[]>
  > = {};
  // Labels once per dimension, for the keys of all three.
  const labels = new Map<Breakdown, Map<string, { ja: string; en: string }>>();
  for (const by of ["area", "institution"] as const)
    labels.set(
      by,
      await labelsFor(
        db,
        by,
        Object.values(parts).flatMap((p) => p[by].map((x) => x.key)),
      ),
    );
  for (const code of broken) {
    breakdowns[code] = {};
    for (const by of BREAKDOWNS)
      breakdowns[code]![by] = parts[code][by].map((p) => ({
        ...p,
        label: p.key ? (labels.get(by)?.get(p.key) ?? null) : null,
      }));
  }

  const [snap] = await db
    .select({ takenAt: kpiSnapshots.takenAt })
    .from(kpiSnapshots)
    .where(eq(kpiSnapshots.fiscalYear, fy));
  return {
    fiscalYear: fy,
    filter,
    kpis,
    baseline,
    reference: BASELINE_REFERENCE,
    breakdowns,
    snapshot: snap ? { takenAt: snap.takenAt.toISOString() } : null,
  };
}

/** The rows behind one figure, with the figure (so the two are seen to agree), a page at a time. */
export async function drillDown(opts: {
  db: DbOrTx;
  code: MeasureCode;
  fiscalYear: number;
  filter: KpiFilter;
  page: number;
  pageSize: number;
}) {
  const figure = await figureOf(opts.db, opts.code, opts.fiscalYear, opts.filter);
  const rows = await measureRows(opts.db, opts.code, opts.fiscalYear, opts.filter, {
    limit: opts.pageSize,
    offset: (opts.page - 1) * opts.pageSize,
  });
  const total = await measureRowCount(opts.db, opts.code, opts.fiscalYear, opts.filter);
  return {
    code: opts.code,
    fiscalYear: opts.fiscalYear,
    filter: opts.filter,
    figure,
    rows,
    total,
    page: opts.page,
    pageSize: opts.pageSize,
  };
}

// ---------------------------------------------------------------------------------------------------
// Snapshots

async function allFigures(db: DbOrTx, fy: number, filter: KpiFilter = {}) {
  const { years } = await figures(db, MEASURE_CODES, { from: fy, to: fy }, filter);
  const out: Record<string, Figure> = {};
  for (const code of MEASURE_CODES) out[code] = years[code].get(fy)!;
  return out;
}

/** Freezes a closed fiscal year: its figures and the rows behind them, once; later edits do not change it. */
export async function takeSnapshot(opts: { db: Db; actor: Actor; fiscalYear: number }) {
  const fy = opts.fiscalYear;
  if (fiscalYearRange(fy).end >= todayJst())
    throw invalid(
      "fiscalYear",
      `${formatFiscalYear(fy, "ja")} has not ended yet; only a closed fiscal year is frozen`,
    );
  return opts.db.transaction(async (tx) => {
    const figures = await allFigures(tx, fy);
    const rows: Record<string, unknown[] | null> = {};
    for (const code of MEASURE_CODES) rows[code] = await measureRows(tx, code, fy);
    const inserted = await tx
      .insert(kpiSnapshots)
      .values({ fiscalYear: fy, figures, rows, takenBy: opts.actor.id })
      .onConflictDoNothing()
      .returning({ takenAt: kpiSnapshots.takenAt });
    if (!inserted.length) throw conflict(`${formatFiscalYear(fy, "ja")} is already frozen`);
    return { fiscalYear: fy, takenAt: inserted[0]!.takenAt.toISOString() };
  });
}

const rowKey = (r: Record<string, unknown>) =>
  String(r.contract_id ?? r.need_id ?? r.meeting_id ?? r.organization_id ?? JSON.stringify(r));

/** A frozen year beside the live figures: what changed, and which records came or went. */
export async function snapshotWithDiff(opts: { db: DbOrTx; fiscalYear: number }) {
  const [snap] = await opts.db
    .select()
    .from(kpiSnapshots)
    .where(eq(kpiSnapshots.fiscalYear, opts.fiscalYear));
  if (!snap) throw notFound("The snapshot");
  const live = await allFigures(opts.db, opts.fiscalYear);
  const diff = [];
  for (const code of MEASURE_CODES) {
    const frozen = snap.figures[code] as Figure | undefined;
    const now = live[code]!;
    const liveRows = (await measureRows(opts.db, code, opts.fiscalYear)) ?? [];
    const frozenRows = (snap.rows[code] ?? []) as Record<string, unknown>[];
    const before = new Set(frozenRows.map(rowKey));
    const after = new Set(liveRows.map(rowKey));
    diff.push({
      code,
      frozen: frozen ?? null,
      live: now,
      changed: JSON.stringify(frozen?.value ?? null) !== JSON.stringify(now.value),
      added: liveRows.filter((r) => !before.has(rowKey(r))),
      removed: frozenRows.filter((r) => !after.has(rowKey(r))),
    });
  }
  return { fiscalYear: snap.fiscalYear, takenAt: snap.takenAt.toISOString(), diff };
}

export async function listSnapshots(db: DbOrTx) {
  const rows = await db
    .select({ fiscalYear: kpiSnapshots.fiscalYear, takenAt: kpiSnapshots.takenAt })
    .from(kpiSnapshots)
    .orderBy(sql`${kpiSnapshots.fiscalYear} desc`);
  return rows.map((r) => ({ fiscalYear: r.fiscalYear, takenAt: r.takenAt.toISOString() }));
}

// ---------------------------------------------------------------------------------------------------
// The annual report

const ROW_COLUMNS: Record<string, { header: string; width: number; yen?: boolean }> = {
  number: { header: "契約番号", width: 14 },
  title: { header: "題目", width: 40 },
  type: { header: "種別", width: 12 },
  status: { header: "状態", width: 10 },
  reference_number: { header: "ニーズ番号", width: 16 },
  received_on: { header: "受付日", width: 12 },
  held_on: { header: "面談日", width: 12 },
  mode: { header: "形態", width: 10 },
  institution_name: { header: "機関", width: 22 },
  companies: { header: "相手方", width: 30 },
  fiscal_year: { header: "年度", width: 8 },
  direct: { header: "直接経費", width: 14, yen: true },
  indirect: { header: "間接経費", width: 14, yen: true },
  research_fee: { header: "研究料", width: 12, yen: true },
  total: { header: "合計", width: 14, yen: true },
  start_date: { header: "開始日", width: 12 },
  end_date: { header: "終了日", width: 12 },
  converted: { header: "契約に至った", width: 12 },
  signed_on: { header: "契約締結日", width: 12 },
  days: { header: "日数", width: 8 },
  area: { header: "エリア", width: 10 },
  kosen_block: { header: "高専ブロック", width: 12 },
  referral_type: { header: "紹介元の種別", width: 14 },
};

const UNIT_JA = { yen: "円", percent: "%", count: "件", days: "日" } as const;

/** A referral partner type in words (直接 when no partner referred the need). */
const referralJa = (v: string) =>
  v === "direct" ? "直接（紹介元なし）" : (ORG_TYPE_LABELS[v as OrgType]?.ja ?? v);

/** A record's cell in the report: codes in Japanese words, ○ for a converted need. */
function cellOf(key: string, v: unknown, areaNames: Map<string, { ja: string }>): string | number | null {
  if (v === null || v === undefined) return null;
  const text = String(v);
  switch (key) {
    case "converted":
      return v ? "○" : "";
    case "type":
      return CONTRACT_TYPE_LABELS[text as ContractType]?.ja ?? text;
    case "status":
      return CONTRACT_STATUS_LABELS[text as ContractStatus]?.ja ?? text;
    case "mode":
      return MEETING_MODE_LABELS[text as MeetingMode]?.ja ?? text;
    case "area":
      return areaNames.get(text)?.ja ?? text;
    case "kosen_block":
      return KOSEN_BLOCKS.find((b) => b.code === text)?.ja ?? text;
    case "referral_type":
      return referralJa(text);
    default:
      return v as string | number;
  }
}

/** A figure's cell: its value, or データなし (never 0) when the measure has no data. */
function figureCell(f: Figure): string | number {
  return f.value === null ? "データなし" : f.value;
}

/** The annual KPI report as .xlsx: a summary, then one sheet per measure with the records behind it. */
export async function exportReportXlsx(opts: {
  db: DbOrTx;
  fiscalYear: number;
  filter?: KpiFilter;
}): Promise<Uint8Array> {
  const fy = opts.fiscalYear;
  const filter = opts.filter ?? {};
  const wb = new ExcelJS.Workbook();
  wb.creator = "kyoso";
  const fyLabel = formatFiscalYear(fy, "ja", { both: true });
  const targets = await targetsOf(opts.db, fy);
  const summary = wb.addWorksheet("概要", {
    pageSetup: { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  summary.addRow([`地域産学官金協創プラットフォーム KPI報告 ${fyLabel}`]).font = { bold: true, size: 14 };
  summary.addRow([`作成日 ${todayJst()}`]);
  const narrowed = await filterDescription(opts.db, filter);
  if (narrowed) summary.addRow([`絞り込み: ${narrowed}`]).font = { bold: true };
  summary.addRow([]);
  const head = summary.addRow(["指標", "値", "単位", "目標", "達成率", "件数"]);
  head.font = { bold: true };
  summary.columns = [{ width: 48 }, { width: 18 }, { width: 8 }, { width: 16 }, { width: 10 }, { width: 8 }];
  const figures = await allFigures(opts.db, fy, filter);
  for (const code of MEASURE_CODES) {
    const f = figures[code]!;
    const label = MEASURE_LABELS[code];
    const target = (KPI_CODES as readonly string[]).includes(code) ? targets[code as KpiCode] : null;
    const row = summary.addRow([
      label.ja,
      figureCell(f),
      UNIT_JA[label.unit],
      target,
      f.value !== null && target ? f.value / target : null,
      f.count,
    ]);
    if (label.unit === "yen") {
      row.getCell(2).numFmt = "#,##0";
      row.getCell(4).numFmt = "#,##0";
    }
    row.getCell(5).numFmt = "0.0%";
  }
  summary.addRow([]);
  summary.addRow([
    `参考: ${formatFiscalYear(BASELINE_REFERENCE.fiscalYear, "ja", { both: true })} 民間企業との共同研究 ${BASELINE_REFERENCE.count}件 6.90億円`,
  ]);
  summary.addRow(["定義は docs/kpi.md（各指標の対象契約・年度配分）による。金額は消費税を含まない。"]);

  const areaNames = await labelsFor(opts.db, "area", []);
  for (const code of MEASURE_CODES) {
    const label = MEASURE_LABELS[code];
    const ws = wb.addWorksheet(label.ja.replace(/[\\/?*[\]:]/g, "").slice(0, 31), {
      pageSetup: {
        paperSize: 9,
        orientation: "landscape",
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
        printTitlesRow: "3:3",
      },
    });
    const f = figures[code]!;
    ws.addRow([
      `${label.ja} ${fyLabel}: ${f.value === null ? "データなし" : `${f.value}${UNIT_JA[label.unit]}`}${narrowed ? `（${narrowed}）` : ""}`,
    ]).font = {
      bold: true,
    };
    ws.addRow([]);
    const rows = await measureRows(opts.db, code, fy, filter);
    if (!rows) {
      ws.addRow(["有償教育パッケージのデータはまだありません（教育モジュールの導入後に集計されます）。"]);
      continue;
    }
    if (!rows.length) {
      ws.addRow(["該当する記録はありません。"]);
      continue;
    }
    // Columns in the order of ROW_COLUMNS (number and title first), those the measure has.
    const keys = Object.keys(ROW_COLUMNS).filter((k) => rows[0] && k in rows[0]);
    const header = ws.addRow(keys.map((k) => ROW_COLUMNS[k]!.header));
    header.font = { bold: true };
    ws.columns = keys.map((k) => ({ width: ROW_COLUMNS[k]!.width }));
    for (const r of rows) {
      const row = ws.addRow(keys.map((k) => cellOf(k, r[k], areaNames)));
      keys.forEach((k, i) => {
        if (ROW_COLUMNS[k]!.yen) row.getCell(i + 1).numFmt = "#,##0";
      });
    }
    ws.views = [{ state: "frozen", ySplit: 3 }];
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/**
 * The summary as CSV (UTF-8 with BOM, for Excel): one line per measure and fiscal year of the trend, for the
 * filter's records (each filter is a column, empty when not narrowed).
 */
export async function exportReportCsv(opts: {
  db: DbOrTx;
  fiscalYear: number;
  filter?: KpiFilter;
}): Promise<string> {
  const fy = opts.fiscalYear;
  const filter = opts.filter ?? {};
  const range = { from: fy - TREND_YEARS + 1, to: fy };
  const lines: (string | number | null)[][] = [];
  const targets = await targetsOf(opts.db, fy);
  const { years } = await figures(opts.db, MEASURE_CODES, range, filter);
  const narrowed = [filter.area, filter.institution, filter.kosenBlock, filter.referralType].map(
    (v) => v ?? null,
  );
  for (const code of MEASURE_CODES) {
    const isKpi = (KPI_CODES as readonly string[]).includes(code);
    for (const [year, f] of years[code])
      lines.push([
        code,
        MEASURE_LABELS[code].ja,
        year,
        f.value,
        f.count,
        year === fy && isKpi ? targets[code as KpiCode] : null,
        ...narrowed,
      ]);
  }
  return toCsv(
    ["code", "指標", "年度", "値", "件数", "目標", "area", "institution", "kosenBlock", "referralType"],
    lines,
  );
}

/** The filter in words for the report (エリア 東海 / 機関 豊橋技術科学大学 …), or "" when not narrowed. */
async function filterDescription(db: DbOrTx, f: KpiFilter): Promise<string> {
  const parts: string[] = [];
  if (f.area) parts.push(`エリア ${(await labelsFor(db, "area", [f.area])).get(f.area)?.ja ?? f.area}`);
  if (f.institution)
    parts.push(
      `機関 ${(await labelsFor(db, "institution", [f.institution])).get(f.institution)?.ja ?? f.institution}`,
    );
  if (f.kosenBlock)
    parts.push(`高専ブロック ${KOSEN_BLOCKS.find((b) => b.code === f.kosenBlock)?.ja ?? f.kosenBlock}`);
  if (f.referralType) parts.push(`紹介元 ${referralJa(f.referralType)}`);
  return parts.join(" / ");
}

export function defaultFiscalYear(): number {
  return fiscalYearOf(new Date());
}
