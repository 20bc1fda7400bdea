/**
 * Fiscal years (年度, April–March), Japanese eras (和暦) and date display, shared by server and UI.
 *
 * Calendar dates are computed in Japan time (Asia/Tokyo, UTC+9 without daylight saving): a timestamp of
 * 2026-03-31T20:00Z is 2026-04-01 in Japan and belongs to FY2026.
 *
 * @example
 *   fiscalYearOf("2026-03-31") // 2025
 *   formatFiscalYear(2025, "ja") // "令和7年度"
 *   formatFiscalYear(2019, "ja") // "令和元年度"
 *   formatFiscalYear(2025, "en") // "FY2025"
 */
export type Locale = "ja" | "en";
export type DateInput = Date | string;

const JST_OFFSET_MS = 9 * 60 * 60 * 1000;

/** Year, month (1–12) and day of a date as seen in Japan. Plain `YYYY-MM-DD` strings are taken as they are. */
export function jstParts(input: DateInput): { year: number; month: number; day: number } {
  if (typeof input === "string") {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(input);
    if (m) return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  }
  const d = typeof input === "string" ? new Date(input) : input;
  if (Number.isNaN(d.getTime())) throw new RangeError(`Not a date: ${String(input)}`);
  const j = new Date(d.getTime() + JST_OFFSET_MS);
  return { year: j.getUTCFullYear(), month: j.getUTCMonth() + 1, day: j.getUTCDate() };
}

/** The fiscal year (年度) a date belongs to: April 2025 – March 2026 is FY2025. */
export function fiscalYearOf(input: DateInput): number {
  const { year, month } = jstParts(input);
  return month >= 4 ? year : year - 1;
}

/** First and last calendar day of a fiscal year, as `YYYY-MM-DD`. */
export function fiscalYearRange(fy: number): { start: string; end: string } {
  return { start: `${fy}-04-01`, end: `${fy + 1}-03-31` };
}

interface Era {
  ja: string;
  en: string;
  /** First day of the era, YYYY-MM-DD. */
  start: string;
}

/** Modern eras, newest first. */
export const ERAS: readonly Era[] = [
  { ja: "令和", en: "Reiwa", start: "2019-05-01" },
  { ja: "平成", en: "Heisei", start: "1989-01-08" },
  { ja: "昭和", en: "Showa", start: "1926-12-25" },
  { ja: "大正", en: "Taisho", start: "1912-07-30" },
  { ja: "明治", en: "Meiji", start: "1868-10-23" },
];

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function isoOf(p: { year: number; month: number; day: number }): string {
  return `${p.year}-${pad2(p.month)}-${pad2(p.day)}`;
}

/** The era and era year of a date: 2019-04-30 is 平成31年, 2019-05-01 is 令和元年 (year 1). */
export function warekiOf(input: DateInput): { era: Era; year: number } {
  const p = jstParts(input);
  const iso = isoOf(p);
  const era = ERAS.find((e) => iso >= e.start);
  if (!era) throw new RangeError(`Dates before ${ERAS[ERAS.length - 1]?.start} have no era here: ${iso}`);
  return { era, year: p.year - Number(era.start.slice(0, 4)) + 1 };
}

/**
 * The era a fiscal year is named by: the newest era that began in or before the fiscal year's calendar
 * year, as the government names them (FY2019 = 令和元年度, FY1989 = 平成元年度, FY1988 = 昭和63年度).
 */
export function warekiOfFiscalYear(fy: number): { era: Era; year: number } {
  const era = ERAS.find((e) => Number(e.start.slice(0, 4)) <= fy);
  if (!era) throw new RangeError(`No era for fiscal year ${fy}`);
  return { era, year: fy - Number(era.start.slice(0, 4)) + 1 };
}

function eraYearJa(year: number): string {
  return year === 1 ? "元" : String(year);
}

/**
 * A fiscal year for display. `calendar: "wareki"` (default) gives 令和7年度 / FY2025 (Reiwa 7);
 * `calendar: "seireki"` gives 2025年度 / FY2025.
 */
export function formatFiscalYear(
  fy: number,
  locale: Locale,
  opts: { calendar?: "wareki" | "seireki"; both?: boolean } = {},
): string {
  const calendar = opts.calendar ?? "wareki";
  const w = warekiOfFiscalYear(fy);
  if (locale === "ja") {
    const wareki = `${w.era.ja}${eraYearJa(w.year)}年度`;
    const seireki = `${fy}年度`;
    if (opts.both) return calendar === "wareki" ? `${wareki}（${seireki}）` : `${seireki}（${wareki}）`;
    return calendar === "wareki" ? wareki : seireki;
  }
  const wareki = `${w.era.en} ${w.year}`;
  if (opts.both || calendar === "wareki") return `FY${fy} (${wareki})`;
  return `FY${fy}`;
}

/** A calendar date: ja "2026年11月24日（令和8年）", en "24 Nov 2026". */
export function formatDate(input: DateInput, locale: Locale): string {
  const p = jstParts(input);
  if (locale === "ja") {
    const w = warekiOf(input);
    return `${p.year}年${p.month}月${p.day}日（${w.era.ja}${eraYearJa(w.year)}年）`;
  }
  const month = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][
    p.month - 1
  ];
  return `${p.day} ${month} ${p.year}`;
}

/** A calendar date in the Japanese era, as on official documents: "令和8年11月25日", "令和元年5月1日". */
export function formatDateWareki(input: DateInput): string {
  const p = jstParts(input);
  const w = warekiOf(input);
  return `${w.era.ja}${eraYearJa(w.year)}年${p.month}月${p.day}日`;
}

/** A timestamp in Japan time, for logs and tables: "2026-11-24 15:30" (the same in both languages). */
export function formatDateTime(input: DateInput): string {
  const d = typeof input === "string" ? new Date(input) : input;
  const j = new Date(d.getTime() + JST_OFFSET_MS);
  return `${isoOf({ year: j.getUTCFullYear(), month: j.getUTCMonth() + 1, day: j.getUTCDate() })} ${pad2(
    j.getUTCHours(),
  )}:${pad2(j.getUTCMinutes())}`;
}

/** Today's date in Japan as `YYYY-MM-DD`. */
export function todayJst(now: Date = new Date()): string {
  return isoOf(jstParts(now));
}

/** A calendar date (`YYYY-MM-DD`) `days` later (or earlier, when negative). */
export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
