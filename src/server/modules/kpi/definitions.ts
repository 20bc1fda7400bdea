/**
 * The programme's KPIs, defined once (docs/kpi.md). Every figure is an aggregate over a set of **rows**
 * (one per contract and fiscal year, or per meeting, need…). Each measure names its **source** (the SQL
 * that yields one kind of row, with `fiscal_year` and the four breakdown dimensions), the **condition** that
 * picks its rows from the source, and its **figure** (SQL aggregates over those rows). The dashboard (by
 * year and by breakdown), the drill-down (the rows themselves, with the figure), the snapshot and the
 * export all run these, so they can never disagree. Measures of one source are computed in one scan, each
 * aggregate restricted to its measure's rows by a FILTER clause.
 *
 * Which contracts count ("concluded"): signed (signed, invoiced, paid, in progress, completed); a contract
 * cancelled after signing counts for the fiscal years before the one it was cancelled in — the SQL function
 * `kyoso_kpi_counted` (migration kpi_contract_totals), the one rule every source applies. Money of a fiscal
 * year is the contract's allocation to that year (`contract_budget_years`, as amended; closed years never
 * change by amendment), before consumption tax. The allocations are read from `kpi_contract_years`, the
 * same rows already joined with their contract, institution, need and parties, and for figures from their
 * sums per group, `kpi_contract_totals` (both kept by triggers).
 *
 * Every source's rows carry `n`, how many records a row stands for (1, or a group's count in the totals), so
 * a figure counts with `sum(r.n)` and reads the same from records and from totals.
 */
import { type SQL, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client";
import { rowsOf } from "../catalog/search-sql";
import { BREAKDOWNS, type Breakdown, type MeasureCode } from "./codes";

export * from "./codes";

/** The contract types inside 協働拠出金型共同研究 for KPI ①: the pooled budget and its open-call and consortium forms. */
export const POOLED_KPI_TYPES = ["pooled", "open_call", "consortium"] as const;
/** Joint research for the baseline: every joint type (a company among the paying parties). */
export const JOINT_TYPES = ["joint", "pooled", "open_call", "consortium"] as const;

/** Filters every measure accepts (the breakdown dimensions, as equality filters). */
export interface KpiFilter {
  area?: string | undefined;
  institution?: string | undefined;
  kosenBlock?: string | undefined;
  referralType?: string | undefined;
}

export interface YearRange {
  from: number;
  to: number;
}

/**
 * A timestamptz as Japan's local time: UTC+9 all year (Japan has no summer time), written without a
 * time-zone database lookup, which costs several microseconds a row on the embedded database.
 */
const jst = (ts: SQL) => sql`((${ts}) at time zone 'UTC' + interval '9 hours')`;
/** The fiscal year of a timestamptz (in Japan time) or a date: the SQL function of migration kpi_needs. */
const fyOf = (tsOrDate: SQL) => sql`kyoso_fiscal_year(${tsOrDate})`;
/**
 * `ts` (a timestamptz column) falls in the fiscal years of a range, in Japan time (UTC+9 all year: no summer
 * time). The bounds are constants, so an index can serve it and no row computes them.
 */
const tsInRange = (ts: SQL, range: YearRange) =>
  sql`${ts} >= ${`${range.from}-04-01T00:00:00+09:00`}::timestamptz and ${ts} < ${`${range.to + 1}-04-01T00:00:00+09:00`}::timestamptz`;
/** `d` (a date column) falls in the fiscal years of a range. */
const dateInRange = (d: SQL, range: YearRange) =>
  sql`${d} between ${`${range.from}-04-01`}::date and ${`${range.to + 1}-03-31`}::date`;

/**
 * Contracts (alias c) that count for the fiscal year `fy` (an SQL expression): the SQL function
 * `kyoso_kpi_counted`, which kpi_contract_years also stores per row as `counted`.
 */
const counted = (fy: SQL) => sql`kyoso_kpi_counted(c.status, c.signed_on, c.cancelled_on, (${fy})::int)`;

const typeIn = (types: readonly string[]) =>
  sql`r.type in (${sql.join(
    types.map((t) => sql`${t}`),
    sql`, `,
  )})`;

/**
 * How the need behind a contract (alias c) came in: the referral partner's organisation type, or direct (read
 * for the rows a query returns only, from kpi_needs).
 */
const contractReferral = sql`coalesce((select f.referral_type from kpi_needs f where f.need_id = c.need_id), 'direct')`;

function dimWhere(f: KpiFilter): SQL {
  const parts: SQL[] = [sql`true`];
  if (f.area) parts.push(sql`r.area = ${f.area}`);
  if (f.institution) parts.push(sql`r.institution = ${f.institution}`);
  if (f.kosenBlock) parts.push(sql`r.kosen_block = ${f.kosenBlock}`);
  if (f.referralType) parts.push(sql`r.referral_type = ${f.referralType}`);
  return sql.join(parts, sql` and `);
}

/**
 * What a source yields: `totals` for figures (rows may stand for several records: `n`), `rows` one per
 * record with the columns the measures read, `detail` the same rows with what the drill-down shows.
 */
export type Level = "totals" | "rows" | "detail";

/**
 * KPI ④'s rows: the distinct client institutions (companies, public bodies) with a paid education package in
 * each fiscal year. The education module (paid packages) does not exist yet; it fills this query. Until
 * then ④ has no data — null, shown as "no data yet", never as zero.
 */
export function educationClientsByFiscalYear(_range: YearRange, _level: Level): SQL | null {
  return null;
}

type SourceCode = "contract_years" | "consortium_years" | "needs" | "meetings" | "signed" | "education";

/*
 * Needs and consultations are listed by reference number, date, area and referral type only: their titles
 * may be confidential (a need's viewers are decided by policy.needView), and the KPI screens are read by
 * the council.
 */

/** The rows of a source over a range of fiscal years, with `fiscal_year`, `n` and the four dimensions. */
function sourceSql(source: SourceCode, range: YearRange, level: Level): SQL | null {
  const detail = level === "detail";
  switch (source) {
    case "contract_years":
      // Concluded contracts' allocations to fiscal years: one row per contract and year (so a year's
      // count is its number of contracts), or for figures their sums per group.
      if (level === "totals")
        return sql`select t.fiscal_year, t.n, t.type, t.direct::float8 as direct, t.indirect::float8 as indirect,
            t.research_fee::float8 as research_fee, t.total::float8 as total, t.company_payer,
            t.area, t.institution, t.kosen_block, t.referral_type
          from kpi_contract_totals t where t.fiscal_year between ${range.from} and ${range.to}`;
      return sql`select f.contract_id, f.fiscal_year, 1 as n, f.type, f.direct::float8 as direct, f.indirect::float8 as indirect,
          f.research_fee::float8 as research_fee, f.total::float8 as total, f.company_payer,
          f.area, f.institution, f.kosen_block, f.referral_type
          ${
            detail
              ? sql`, c.number, c.title, c.status, o.name_ja as institution_name,
            (select string_agg(po.name_ja, '、' order by p.sort_order) from contract_parties p join organizations po on po.id = p.organization_id
              where p.contract_id = c.id and p.role in ('sponsor', 'member')) as companies`
              : sql``
          }
        ${
          detail
            ? // "offset 0" keeps the year's rows a subquery of their own: a page ordered by contract number would
              // otherwise walk the contracts' number index and probe the year's rows for every contract.
              sql`from (select * from kpi_contract_years f where f.fiscal_year between ${range.from} and ${range.to} and f.counted offset 0) f
                join contracts c on c.id = f.contract_id join organizations o on o.id = f.institution`
            : sql`from kpi_contract_years f where f.fiscal_year between ${range.from} and ${range.to} and f.counted`
        }`;
    case "consortium_years":
      // A consortium counts in every fiscal year its period overlaps.
      return sql`select c.id as contract_id, fy.fy as fiscal_year, 1 as n, c.total::float8 as total,
          o.area_code as area, c.institution_id as institution, o.kosen_block, ${contractReferral} as referral_type
          ${detail ? sql`, c.number, c.title, c.status, o.name_ja as institution_name, c.start_date::text as start_date, c.end_date::text as end_date` : sql``}
        from contracts c join organizations o on o.id = c.institution_id
        join lateral generate_series(greatest(${range.from}, ${fyOf(sql`c.start_date`)}),
                                     least(${range.to}, ${fyOf(sql`c.end_date`)})) as fy(fy) on true
        where c.type = 'consortium' and c.start_date <= ${`${range.to + 1}-03-31`}::date
          and c.end_date >= ${`${range.from}-04-01`}::date and ${counted(sql`fy.fy`)}`;
    case "education":
      return educationClientsByFiscalYear(range, level);
    case "meetings":
      // Consultations held, by their date, attributed like their need (kpi_needs).
      return sql`select m.id as meeting_id, ${fyOf(sql`m.starts_at`)} as fiscal_year, 1 as n, f.area, f.institution,
          f.kosen_block, f.referral_type
          ${detail ? sql`, nd.reference_number, ${jst(sql`m.starts_at`)}::date::text as held_on, m.mode, io.name_ja as institution_name` : sql``}
        from case_meetings m join kpi_needs f on f.case_id = m.case_id
        ${detail ? sql`join needs nd on nd.id = f.need_id left join organizations io on io.id = f.institution` : sql``}
        where m.status = 'held' and ${tsInRange(sql`m.starts_at`, range)}`;
    case "needs":
      // Needs received, from kpi_needs: one row per need with its fiscal year, attribution and conversion.
      return sql`select f.need_id, f.fiscal_year, 1 as n, f.area, f.institution, f.kosen_block, f.referral_type, f.converted
          ${detail ? sql`, nd.reference_number, ${jst(sql`nd.created_at`)}::date::text as received_on, io.name_ja as institution_name` : sql``}
        from kpi_needs f
        ${detail ? sql`join needs nd on nd.id = f.need_id left join organizations io on io.id = f.institution` : sql``}
        where f.fiscal_year between ${range.from} and ${range.to}`;
    case "signed":
      // Contracts signed in the year that came from a need.
      return sql`select c.id as contract_id, ${fyOf(sql`c.signed_on`)} as fiscal_year, 1 as n,
          (c.signed_on - f.received_on) as days,
          o.area_code as area, c.institution_id as institution, o.kosen_block, f.referral_type
          ${detail ? sql`, c.number, c.title, nd.reference_number, f.received_on::text as received_on, c.signed_on::text as signed_on` : sql``}
        from contracts c join kpi_needs f on f.need_id = c.need_id join organizations o on o.id = c.institution_id
        ${detail ? sql`join needs nd on nd.id = f.need_id` : sql``}
        where c.need_id is not null and ${dateInRange(sql`c.signed_on`, range)}
          and ${counted(fyOf(sql`c.signed_on`))}`;
  }
}

/** The parts of a figure. */
type Part = "value" | "count" | "amount" | "direct" | "indirect";
/**
 * An aggregate's FILTER clause: the measure's own rows (when several measures share one scan), and `extra`.
 * Empty when the rows are already only the measure's and there is no extra condition.
 */
type Only = (extra?: SQL) => SQL;

interface Measure {
  source: SourceCode;
  /** Which of the source's rows (alias r) are this measure's. */
  rows: SQL;
  /** The figure, as SQL aggregates over the measure's rows; every aggregate carries `only()`. */
  figure: (only: Only) => Partial<Record<Part, SQL>>;
}

/** How many records a figure's rows stand for (0 when none): `n` summed, see above. */
const records = (filter: SQL) => sql`coalesce(sum(r.n) ${filter}, 0)`;
const money = (only: Only) => ({
  value: sql`sum(r.total) ${only()}`,
  count: records(only()),
  amount: sql`sum(r.total) ${only()}`,
});
const counting = (only: Only) => ({ value: records(only()), count: records(only()) });

/**
 * Every measure: its source, its rows, its figure. Percentages are cut down to one decimal; money sums are
 * before consumption tax.
 */
const MEASURES: Record<MeasureCode, Measure> = {
  kpi1: { source: "contract_years", rows: typeIn(POOLED_KPI_TYPES), figure: money },
  kpi2: {
    source: "contract_years",
    rows: sql`true`,
    figure: (only) => ({
      value: sql`case when sum(r.direct) ${only()} > 0 then floor(sum(r.indirect) ${only()} * 1000 / sum(r.direct) ${only()}) / 10 end`,
      count: records(only()),
      direct: sql`sum(r.direct) ${only()}`,
      indirect: sql`sum(r.indirect) ${only()}`,
    }),
  },
  kpi3: { source: "consortium_years", rows: sql`true`, figure: counting },
  kpi4: { source: "education", rows: sql`true`, figure: counting },
  joint_with_companies: {
    source: "contract_years",
    rows: sql`${typeIn(JOINT_TYPES)} and r.company_payer`,
    figure: money,
  },
  commissioned: { source: "contract_years", rows: sql`r.type = 'commissioned'`, figure: money },
  consultations: { source: "meetings", rows: sql`true`, figure: counting },
  needs: { source: "needs", rows: sql`true`, figure: counting },
  conversion: {
    source: "needs",
    rows: sql`true`,
    figure: (only) => ({
      value: sql`case when ${records(only())} > 0 then floor(${records(only(sql`r.converted`))} * 1000.0 / ${records(only())}) / 10 end`,
      count: records(only(sql`r.converted`)),
    }),
  },
  days_to_contract: {
    source: "signed",
    rows: sql`true`,
    figure: (only) => ({
      value: sql`percentile_disc(0.5) within group (order by r.days) ${only()}`,
      count: records(only()),
    }),
  },
};

/** The rows behind a measure over a range of fiscal years (null: the measure has no data yet). */
export function rowsSql(code: MeasureCode, range: YearRange, level: Level): SQL | null {
  const source = sourceSql(MEASURES[code].source, range, level);
  return source && sql`select r.* from (${source}) r where ${MEASURES[code].rows}`;
}

/** A figure: its value (null = no data), how many records, and for money the parts it is made of. */
export interface Figure {
  value: number | null;
  count: number;
  amount?: number | null;
  direct?: number | null;
  indirect?: number | null;
}

/** The figure of a year without rows: 0 for money and counts, no data (null) for ratios and medians. */
const EMPTY: Record<MeasureCode, () => Figure> = {
  kpi1: () => ({ value: 0, count: 0, amount: 0 }),
  joint_with_companies: () => ({ value: 0, count: 0, amount: 0 }),
  commissioned: () => ({ value: 0, count: 0, amount: 0 }),
  kpi2: () => ({ value: null, count: 0, direct: 0, indirect: 0 }),
  kpi3: () => ({ value: 0, count: 0 }),
  kpi4: () => ({ value: null, count: 0 }),
  consultations: () => ({ value: 0, count: 0 }),
  needs: () => ({ value: 0, count: 0 }),
  conversion: () => ({ value: null, count: 0 }),
  days_to_contract: () => ({ value: null, count: 0 }),
};

/** Column name of a measure's part in a shared scan. */
const column = (code: MeasureCode, part: Part) => `${code}__${part}`;

/**
 * The select list of the figures of several measures of one source: every part of every measure, each
 * aggregate restricted to its measure's rows.
 */
function figureColumns(codes: MeasureCode[]): SQL {
  const cols: SQL[] = [];
  for (const code of codes) {
    const m = MEASURES[code];
    const only: Only = (extra) => sql`filter (where ${m.rows}${extra ? sql` and ${extra}` : sql``})`;
    for (const [part, agg] of Object.entries(m.figure(only)))
      cols.push(sql`(${agg})::float8 as ${sql.identifier(column(code, part as Part))}`);
  }
  return sql.join(cols, sql`, `);
}

/** The figure of one measure read from a shared scan's row (null parts of money are 0: a sum of no rows). */
function figureFrom(code: MeasureCode, row: Record<string, unknown>): Figure {
  const out = EMPTY[code]();
  for (const part of Object.keys(out) as Part[]) {
    const v = row[column(code, part)];
    if (v !== null && v !== undefined) out[part] = Number(v);
  }
  return out;
}

/** Measures grouped by their source, in the order given. */
function bySource(codes: readonly MeasureCode[]): Map<SourceCode, MeasureCode[]> {
  const out = new Map<SourceCode, MeasureCode[]>();
  for (const code of codes) {
    const s = MEASURES[code].source;
    out.set(s, [...(out.get(s) ?? []), code]);
  }
  return out;
}

export type Breakdowns = Record<Breakdown, { key: string | null; figure: Figure }[]>;

/** The figures of measures over a range of fiscal years, and for those asked, the last year's breakdowns. */
export interface Figures<C extends MeasureCode> {
  years: Record<C, Map<number, Figure>>;
  /** Per measure asked for, in the range's last fiscal year: one figure per key of each dimension. */
  breakdowns: Partial<Record<C, Breakdowns>>;
}

// grouping() sets a bit for each dimension NOT grouped: area 8, institution 4, block 2, referral 1.
const BY_BITS: Record<number, Breakdown> = {
  7: "area",
  11: "institution",
  13: "kosen_block",
  14: "referral_type",
};

/**
 * The figures of several measures for each fiscal year of a range (years without rows included): one scan
 * per source; and for the measures in `breakdown`, the range's last year broken down by every dimension
 * (one more scan of that year per source, GROUPING SETS). (One scan for both, grouping sets by year and
 * dimension, costs more: every row then feeds every aggregate five times.)
 */
export async function figures<C extends MeasureCode>(
  db: DbOrTx,
  codes: readonly C[],
  range: YearRange,
  f: KpiFilter = {},
  breakdown: readonly C[] = [],
): Promise<Figures<C>> {
  const out: Figures<C> = { years: {} as Record<C, Map<number, Figure>>, breakdowns: {} };
  for (const code of codes) {
    out.years[code] = new Map();
    for (let fy = range.from; fy <= range.to; fy++) out.years[code].set(fy, EMPTY[code]());
  }
  for (const [source, group] of bySource(codes)) {
    const rows = sourceSql(source, range, "totals");
    if (!rows) continue;
    const got = await rowsOf<Record<string, unknown> & { fiscal_year: number }>(
      db,
      sql`select r.fiscal_year, ${figureColumns(group)} from (${rows}) r where ${dimWhere(f)} group by r.fiscal_year`,
    );
    for (const r of got)
      for (const code of group as C[]) out.years[code].set(Number(r.fiscal_year), figureFrom(code, r));
  }
  for (const [source, group] of bySource(breakdown)) {
    for (const code of group as C[])
      out.breakdowns[code] = Object.fromEntries(BREAKDOWNS.map((b) => [b, []])) as unknown as Breakdowns;
    const rows = sourceSql(source, { from: range.to, to: range.to }, "totals");
    if (!rows) continue;
    const got = await rowsOf<Record<string, unknown> & { g: number }>(
      db,
      sql`select grouping(r.area, r.institution, r.kosen_block, r.referral_type)::int as g, r.area, r.institution::text as institution,
            r.kosen_block, r.referral_type, ${figureColumns(group)}
          from (${rows}) r where ${dimWhere(f)}
          group by grouping sets ((r.area), (r.institution), (r.kosen_block), (r.referral_type))`,
    );
    for (const r of got) {
      const by = BY_BITS[Number(r.g)];
      if (!by) continue;
      for (const code of group as C[]) {
        const figure = figureFrom(code, r);
        // A key whose rows are none of this measure's (another measure of the scan has them) is left out.
        if (figure.count > 0 || figure.value)
          out.breakdowns[code]![by].push({ key: (r[by] as string | null) ?? null, figure });
      }
    }
    for (const code of group as C[])
      for (const b of BREAKDOWNS)
        out.breakdowns[code]![b].sort((x, y) =>
          x.key === null ? 1 : y.key === null ? -1 : x.key < y.key ? -1 : x.key > y.key ? 1 : 0,
        );
  }
  return out;
}

/** The figures of one measure for each fiscal year of a range. */
export async function figuresByYear(db: DbOrTx, code: MeasureCode, range: YearRange, f: KpiFilter = {}) {
  return (await figures(db, [code], range, f)).years[code];
}

export async function figureOf(
  db: DbOrTx,
  code: MeasureCode,
  fy: number,
  f: KpiFilter = {},
): Promise<Figure> {
  return (await figuresByYear(db, code, { from: fy, to: fy }, f)).get(fy)!;
}

/** A measure of one year broken down by one dimension. */
export async function figuresBy(db: DbOrTx, code: MeasureCode, fy: number, by: Breakdown, f: KpiFilter = {}) {
  return (await figures(db, [code], { from: fy, to: fy }, f, [code])).breakdowns[code]![by];
}

/** How the drill-down lists each measure's rows: by contract number, need number or date. */
const ROW_ORDER: Record<MeasureCode, SQL> = {
  kpi1: sql`r.number, r.fiscal_year`,
  kpi2: sql`r.number, r.fiscal_year`,
  kpi3: sql`r.number`,
  kpi4: sql`1`,
  joint_with_companies: sql`r.number, r.fiscal_year`,
  commissioned: sql`r.number, r.fiscal_year`,
  consultations: sql`r.held_on, r.reference_number, r.meeting_id`,
  needs: sql`r.reference_number`,
  conversion: sql`r.reference_number`,
  days_to_contract: sql`r.number`,
};

/** How many rows are behind a figure (for paging the drill-down). */
export async function measureRowCount(
  db: DbOrTx,
  code: MeasureCode,
  fy: number,
  f: KpiFilter = {},
): Promise<number> {
  const rows = rowsSql(code, { from: fy, to: fy }, "rows");
  if (!rows) return 0;
  const [r] = await rowsOf<{ n: number }>(
    db,
    sql`select count(*)::int as n from (${rows}) r where ${dimWhere(f)}`,
  );
  return Number(r?.n ?? 0);
}

/** The rows behind a figure (the drill-down), or null when the measure has no data. */
export async function measureRows(
  db: DbOrTx,
  code: MeasureCode,
  fy: number,
  f: KpiFilter = {},
  page: { limit: number; offset: number } = { limit: 100_000, offset: 0 },
): Promise<Record<string, unknown>[] | null> {
  const rows = rowsSql(code, { from: fy, to: fy }, "detail");
  if (!rows) return null;
  return rowsOf(
    db,
    sql`select r.* from (${rows}) r where ${dimWhere(f)} order by ${ROW_ORDER[code]} limit ${page.limit} offset ${page.offset}`,
  );
}
