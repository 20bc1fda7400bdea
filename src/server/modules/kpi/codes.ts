/**
 * The KPI code lists, shared by the server and the web UI (this file imports nothing, so the SPA bundles
 * it). What each measure counts is in definitions.ts and docs/kpi.md.
 */
export const KPI_CODES = ["kpi1", "kpi2", "kpi3", "kpi4"] as const;
export type KpiCode = (typeof KPI_CODES)[number];
export const BASELINE_CODES = [
  "joint_with_companies",
  "commissioned",
  "consultations",
  "needs",
  "conversion",
  "days_to_contract",
] as const;
export type BaselineCode = (typeof BASELINE_CODES)[number];
export const MEASURE_CODES = [...KPI_CODES, ...BASELINE_CODES] as const;
export type MeasureCode = (typeof MEASURE_CODES)[number];

/** Defaults from the programme's brief: ① 3.5億円, ② 24%, ③ 6, ④ 15. */
export const DEFAULT_TARGETS: Record<KpiCode, number> = {
  kpi1: 350_000_000,
  kpi2: 24,
  kpi3: 6,
  kpi4: 15,
};

export const BREAKDOWNS = ["area", "institution", "kosen_block", "referral_type"] as const;
export type Breakdown = (typeof BREAKDOWNS)[number];
