/**
 * KPIs in the UI: response types taken from the server's functions (type-only imports: the KPI module
 * imports server code, so nothing of it is bundled), the code lists (from kpi/codes.ts),
 * the unit of each measure, the page's state kept in the URL (fiscal year, 和暦/西暦, the four filters)
 * and the links from any figure to the records behind it.
 */
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import {
  BASELINE_CODES,
  type BaselineCode,
  BREAKDOWNS,
  type Breakdown,
  DEFAULT_TARGETS,
  KPI_CODES,
  type KpiCode,
  MEASURE_CODES,
  type MeasureCode,
} from "../server/modules/kpi/codes";
import { fiscalYearOf, formatFiscalYear, type Locale } from "../shared/dates";
import { label, ORG_TYPE_LABELS } from "../shared/labels";
import { formatYen, formatYenCompact } from "../shared/money";
import { KOSEN_BLOCKS } from "../shared/regions";
import { api, qs } from "./api";

type Service = typeof import("../server/modules/kpi/service");
export type KpiDashboard = Awaited<ReturnType<Service["dashboard"]>>;
export type KpiCard = KpiDashboard["kpis"][number];
export type KpiFigure = KpiDashboard["baseline"][number]["trend"][number];
export type KpiBreakdownItem = KpiDashboard["breakdowns"][string][string][number];
export type KpiRows = Awaited<ReturnType<Service["drillDown"]>>;
export type KpiRow = Record<string, unknown>;
export type KpiSnapshotDiff = Awaited<ReturnType<Service["snapshotWithDiff"]>>;
export type KpiSnapshotItem = Awaited<ReturnType<Service["listSnapshots"]>>[number];
export type KpiTargets = Awaited<ReturnType<Service["targetsOf"]>>;

// The code lists live in kpi/codes.ts (it imports nothing, so it is bundled), shared with the server.
export {
  BASELINE_CODES,
  type BaselineCode,
  BREAKDOWNS,
  type Breakdown,
  DEFAULT_TARGETS,
  KPI_CODES,
  type KpiCode,
  MEASURE_CODES,
  type MeasureCode,
};
/** The measures broken down on the dashboard. */
export const BROKEN_DOWN = ["kpi1", "kpi2", "kpi3"] as const;

export const isMeasure = (s: string): s is MeasureCode => (MEASURE_CODES as readonly string[]).includes(s);

export type Unit = "yen" | "percent" | "count" | "days";
export const UNIT: Record<MeasureCode, Unit> = {
  kpi1: "yen",
  kpi2: "percent",
  kpi3: "count",
  kpi4: "count",
  joint_with_companies: "yen",
  commissioned: "yen",
  consultations: "count",
  needs: "count",
  conversion: "percent",
  days_to_contract: "days",
};

/** Measures whose rows are contract allocations to a fiscal year (direct, indirect, 研究料, total). */
export const CONTRACT_YEAR_MEASURES: readonly MeasureCode[] = [
  "kpi1",
  "kpi2",
  "joint_with_companies",
  "commissioned",
];
/** Measures of needs and consultations: they have no institution (only area and referral type apply). */
export const NEED_MEASURES: readonly MeasureCode[] = ["consultations", "needs", "conversion"];

/** Referral partner types of the breakdown (the partner's organisation type, or direct). */
export const REFERRAL_TYPES = ["bank", "shinkin", "chamber", "municipality", "direct"] as const;

/** A measure's value for display; null is "no data" (never 0). `compact` gives 億円/万円 for money. */
export function formatValue(
  unit: Unit,
  value: number | null | undefined,
  locale: Locale,
  opts: { compact?: boolean } = {},
): string | null {
  if (value === null || value === undefined) return null;
  switch (unit) {
    case "yen":
      return opts.compact ? formatYenCompact(value, locale) : formatYen(value, locale);
    case "percent":
      return `${value.toFixed(1)}%`;
    case "count":
      return locale === "ja" ? `${value.toLocaleString("ja-JP")}件` : value.toLocaleString("en-US");
    case "days":
      return locale === "ja" ? `${value.toLocaleString("ja-JP")}日` : `${value.toLocaleString("en-US")} days`;
  }
}

/** A target for display (① in 億円/万円, ② in %, ③④ as a count). */
export function formatTarget(code: KpiCode, target: number, locale: Locale): string {
  if (code === "kpi2") return `${target}%`;
  return formatValue(UNIT[code], target, locale, { compact: true }) ?? "";
}

/** A breakdown key's label: the server's for areas and institutions, ours for KOSEN blocks and referral types. */
export function breakdownLabel(
  by: Breakdown,
  item: { key: string | null; label: { ja: string; en: string } | null },
  locale: Locale,
  none: string,
  direct: string,
): string {
  if (item.label) return item.label[locale];
  if (item.key === null) return none;
  if (by === "kosen_block") return KOSEN_BLOCKS.find((b) => b.code === item.key)?.[locale] ?? item.key;
  if (by === "referral_type")
    return item.key === "direct"
      ? direct
      : label(ORG_TYPE_LABELS, item.key as keyof typeof ORG_TYPE_LABELS, locale);
  return item.key;
}

// ---------------------------------------------------------------------------------------------------
// The page's state in the URL

/** Filters in the URL, by the API's names. */
export const FILTER_KEYS = ["area", "institution", "kosenBlock", "referralType"] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
export type KpiFilters = Partial<Record<FilterKey, string>>;
/** The URL's filter of a breakdown dimension. */
export const FILTER_OF: Record<Breakdown, FilterKey> = {
  area: "area",
  institution: "institution",
  kosen_block: "kosenBlock",
  referral_type: "referralType",
};

export type Calendar = "wareki" | "seireki";

/** How many fiscal years the year switch offers (ending with the current one). */
export const YEARS_OFFERED = 10;

export function currentFiscalYear(): number {
  return fiscalYearOf(new Date());
}

/** The state every KPI page reads from its URL: fy (default: the current one), cal, filters. */
export function readKpiParams(params: URLSearchParams) {
  const fyText = params.get("fy");
  const fy = fyText && /^\d{4}$/.test(fyText) ? Number(fyText) : currentFiscalYear();
  const calendar: Calendar = params.get("cal") === "seireki" ? "seireki" : "wareki";
  const filters: KpiFilters = {};
  for (const k of FILTER_KEYS) {
    const v = params.get(k);
    if (v) filters[k] = v;
  }
  return { fy, calendar, filters };
}

/** A fiscal year in the chosen calendar: 令和8年度 / 2026年度, FY2026 (Reiwa 8) / FY2026. */
export function fiscalYearLabel(fy: number, locale: Locale, calendar: Calendar): string {
  return formatFiscalYear(fy, locale, { calendar });
}

/** A fiscal year in the chosen calendar with the other one beside it: 令和8年度（2026年度）. */
export function fiscalYearBoth(fy: number, locale: Locale, calendar: Calendar): string {
  return formatFiscalYear(fy, locale, { calendar, both: true });
}

/** The drill-down of a measure: the year, the calendar and the filters (plus any extra, e.g. a breakdown key). */
export function drillDownHref(
  measure: MeasureCode,
  fy: number,
  calendar: Calendar,
  filters: KpiFilters,
  extra: KpiFilters = {},
): string {
  return `/kpi/rows${qs({
    measure,
    fy,
    ...(calendar === "seireki" ? { cal: "seireki" } : {}),
    ...filters,
    ...extra,
  })}`;
}

/** The dashboard of a year with the calendar and filters. */
export function dashboardHref(fy: number, calendar: Calendar, filters: KpiFilters): string {
  return `/kpi${qs({
    ...(fy !== currentFiscalYear() ? { fy } : {}),
    ...(calendar === "seireki" ? { cal: "seireki" } : {}),
    ...filters,
  })}`;
}

// ---------------------------------------------------------------------------------------------------
// Queries

export function useKpiDashboard(fy: number, filters: KpiFilters) {
  const query = qs({ fy, ...filters });
  return useQuery({
    queryKey: ["kpi", "dashboard", query],
    queryFn: () => api<KpiDashboard>(`/api/kpi${query}`),
    placeholderData: keepPreviousData,
  });
}

export function useKpiRows(
  measure: MeasureCode,
  fy: number,
  filters: KpiFilters,
  page: number,
  pageSize: number,
) {
  const query = qs({ measure, fy, ...filters, page, pageSize });
  return useQuery({
    queryKey: ["kpi", "rows", query],
    queryFn: () => api<KpiRows>(`/api/kpi/rows${query}`),
    placeholderData: keepPreviousData,
  });
}

export function useKpiSnapshots() {
  return useQuery({
    queryKey: ["kpi", "snapshots"],
    queryFn: () => api<KpiSnapshotItem[]>("/api/kpi/snapshots"),
  });
}

export function useKpiSnapshot(fy: number) {
  return useQuery({
    queryKey: ["kpi", "snapshot", fy],
    queryFn: () => api<KpiSnapshotDiff>(`/api/kpi/snapshots/${fy}`),
    retry: false,
  });
}

/** The report of a fiscal year for the dashboard's filters (the server names the file KPI報告_令和8年度.xlsx). */
export const reportHref = (fy: number, format: "xlsx" | "csv", filters: KpiFilters = {}) =>
  `/api/kpi/report${qs({ fy, format, ...filters })}`;
