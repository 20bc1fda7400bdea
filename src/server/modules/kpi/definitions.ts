/**
 * The programme's KPIs, defined once (docs/kpi.md). Every figure is an aggregate over a set of **rows**
 * (one per contract and fiscal year, or per meeting, need…) selected by one SQL query per measure
 * (`rowsSql`); the figure (`FIGURES`) is one SQL aggregate over those rows. The dashboard (by year and by
 * breakdown), the drill-down (the rows themselves, with the figure) and the export all run these two, so
 * they can never disagree.
 *
 * Which contracts count ("concluded"): signed (signed, invoiced, paid, in progress, completed); a contract
 * cancelled after signing counts for the fiscal years before the one it was cancelled in. Money of a fiscal
 * year is the contract's allocation to that year (`contract_budget_years`, as amended; closed years never
 * change by amendment), before consumption tax.
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

/** The end of the fiscal year of `fy` (an SQL expression of an integer column or value). */
const fyEndOf = (fy: SQL) => sql`make_date((${fy})::int + 1, 3, 31)`;
/** The fiscal year of a timestamp, in Japan time. */
const fyOfTs = (ts: SQL) =>
  sql`(extract(year from ((${ts}) at time zone 'Asia/Tokyo') - interval '3 months'))::int`;

/** Contracts (alias c) that count for the fiscal year `fy` (an SQL expression). */
function counted(fy: SQL): SQL {
  return sql`(c.status in ('signed', 'invoiced', 'paid', 'in_progress', 'completed')
    or (c.status = 'cancelled' and c.signed_on is not null and c.cancelled_on > ${fyEndOf(fy)}))`;
}

const typeIn = (types: readonly string[]) =>
  sql`c.type in (${sql.join(
    types.map((t) => sql`${t}`),
    sql`, `,
  )})`;

/** How the need behind a contract (alias c) came in: the referral partner's organisation type, or direct. */
const contractReferral = sql`coalesce(ro.type, 'direct')`;
/** The joins `contractReferral` reads (a contract's need, and its referral partner). */
const referralJoins = sql`left join needs n2 on n2.id = c.need_id left join organizations ro on ro.id = n2.referral_organization_id`;

function dimWhere(f: KpiFilter): SQL {
  const parts: SQL[] = [sql`true`];
  if (f.area) parts.push(sql`r.area = ${f.area}`);
  if (f.institution) parts.push(sql`r.institution = ${f.institution}`);
  if (f.kosenBlock) parts.push(sql`r.kosen_block = ${f.kosenBlock}`);
  if (f.referralType) parts.push(sql`r.referral_type = ${f.referralType}`);
  return sql.join(parts, sql` and `);
}

/** Rows of contract allocations to fiscal years (①, ②, the contract baseline). */
function contractYears(range: YearRange, types: readonly string[] | null, extra: SQL, detail: boolean): SQL {
  return sql`select c.id as contract_id, y.fiscal_year, y.direct::float8 as direct, y.indirect::float8 as indirect,
      y.research_fee::float8 as research_fee, y.total::float8 as total,
      o.area_code as area, c.institution_id as institution, o.kosen_block, ${contractReferral} as referral_type
      ${
        detail
          ? sql`, c.number, c.title, c.type, c.status, o.name_ja as institution_name,
        (select string_agg(po.name_ja, '、' order by p.sort_order) from contract_parties p join organizations po on po.id = p.organization_id
          where p.contract_id = c.id and p.role in ('sponsor', 'member')) as companies`
          : sql``
      }
    from contract_budget_years y join contracts c on c.id = y.contract_id join organizations o on o.id = c.institution_id
    ${referralJoins}
    where y.fiscal_year between ${range.from} and ${range.to} and ${counted(sql`y.fiscal_year`)}
      and ${types ? typeIn(types) : sql`true`} and ${extra}`;
}

const withCompanyPayer = sql`c.id in (select p.contract_id from contract_parties p join organizations po on po.id = p.organization_id
  where p.role in ('sponsor', 'member') and po.type = 'company')`;

/**
 * KPI ④'s rows: the distinct client institutions (companies, public bodies) with a paid education package in
 * each fiscal year. The education module (paid packages) does not exist yet; it fills this query. Until
 * then ④ has no data — null, shown as "no data yet", never as zero.
 */
export function educationClientsByFiscalYear(_range: YearRange, _detail: boolean): SQL | null {
  return null;
}

/*
 * Needs and consultations are listed by reference number, date, area and referral type only: their titles
 * may be confidential (a need's viewers are decided by policy.needView), and the KPI screens are read by
 * the council.
 */

/** The rows behind a measure over a range of fiscal years, with `fiscal_year` and the four dimensions. */
export function rowsSql(code: MeasureCode, range: YearRange, detail: boolean): SQL | null {
  switch (code) {
    case "kpi1":
      return contractYears(range, POOLED_KPI_TYPES, sql`true`, detail);
    case "kpi2":
      return contractYears(range, null, sql`true`, detail);
    case "joint_with_companies":
      return contractYears(range, JOINT_TYPES, withCompanyPayer, detail);
    case "commissioned":
      return contractYears(range, ["commissioned"], sql`true`, detail);
    case "kpi3":
      // A consortium counts in every fiscal year its period overlaps.
      return sql`select c.id as contract_id, fy.fy as fiscal_year, c.total::float8 as total,
          o.area_code as area, c.institution_id as institution, o.kosen_block, ${contractReferral} as referral_type
          ${detail ? sql`, c.number, c.title, c.status, o.name_ja as institution_name, c.start_date::text as start_date, c.end_date::text as end_date` : sql``}
        from contracts c join organizations o on o.id = c.institution_id ${referralJoins}
        join lateral generate_series(greatest(${range.from}, ${fyOfTs(sql`c.start_date::timestamp at time zone 'Asia/Tokyo'`)}),
                                     least(${range.to}, ${fyOfTs(sql`c.end_date::timestamp at time zone 'Asia/Tokyo'`)})) as fy(fy) on true
        where c.type = 'consortium' and ${counted(sql`fy.fy`)}`;
    case "kpi4":
      return educationClientsByFiscalYear(range, detail);
    case "consultations":
      return sql`select m.id as meeting_id, ${fyOfTs(sql`m.starts_at`)} as fiscal_year, n.area_code as area, null::uuid as institution,
          null::text as kosen_block, coalesce(ro.type, 'direct') as referral_type
          ${detail ? sql`, n.reference_number, (m.starts_at at time zone 'Asia/Tokyo')::date::text as held_on, m.mode` : sql``}
        from case_meetings m join cases k on k.id = m.case_id join needs n on n.id = k.need_id
        left join organizations ro on ro.id = n.referral_organization_id
        where m.status = 'held' and ${fyOfTs(sql`m.starts_at`)} between ${range.from} and ${range.to}`;
    case "needs":
    case "conversion":
      return sql`select n.id as need_id, ${fyOfTs(sql`n.created_at`)} as fiscal_year, n.area_code as area, null::uuid as institution,
          null::text as kosen_block, coalesce(ro.type, 'direct') as referral_type,
          exists (select 1 from contracts c where c.need_id = n.id and ${counted(fyOfTs(sql`n.created_at`))}) as converted
          ${detail ? sql`, n.reference_number, (n.created_at at time zone 'Asia/Tokyo')::date::text as received_on` : sql``}
        from needs n left join organizations ro on ro.id = n.referral_organization_id
        where ${fyOfTs(sql`n.created_at`)} between ${range.from} and ${range.to}`;
    case "days_to_contract":
      return sql`select c.id as contract_id, ${fyOfTs(sql`c.signed_on::timestamp at time zone 'Asia/Tokyo'`)} as fiscal_year,
          (c.signed_on - (n.created_at at time zone 'Asia/Tokyo')::date) as days,
          o.area_code as area, c.institution_id as institution, o.kosen_block, ${contractReferral} as referral_type
          ${detail ? sql`, c.number, c.title, n.reference_number, (n.created_at at time zone 'Asia/Tokyo')::date::text as received_on, c.signed_on::text as signed_on` : sql``}
        from contracts c join needs n on n.id = c.need_id join organizations o on o.id = c.institution_id
        left join organizations ro on ro.id = n.referral_organization_id
        where c.signed_on is not null
          and ${fyOfTs(sql`c.signed_on::timestamp at time zone 'Asia/Tokyo'`)} between ${range.from} and ${range.to}
          and ${counted(fyOfTs(sql`c.signed_on::timestamp at time zone 'Asia/Tokyo'`))}`;
  }
}

/**
 * The figure of each measure as SQL aggregates over its rows (alias r): `value` (null = no data), `count`,
 * and the parts (amount, direct, indirect) where they apply. Percentages are cut down to one decimal.
 */
const FIGURES: Record<Exclude<MeasureCode, "kpi4">, SQL> = {
  kpi1: sql`sum(r.total)::float8 as value, count(distinct r.contract_id)::int as count, sum(r.total)::float8 as amount`,
  joint_with_companies: sql`sum(r.total)::float8 as value, count(distinct r.contract_id)::int as count, sum(r.total)::float8 as amount`,
  commissioned: sql`sum(r.total)::float8 as value, count(distinct r.contract_id)::int as count, sum(r.total)::float8 as amount`,
  kpi2: sql`case when sum(r.direct) > 0 then floor(sum(r.indirect) * 1000 / sum(r.direct)) / 10 end::float8 as value,
    count(distinct r.contract_id)::int as count, sum(r.direct)::float8 as direct, sum(r.indirect)::float8 as indirect`,
  kpi3: sql`count(*)::float8 as value, count(*)::int as count`,
  consultations: sql`count(*)::float8 as value, count(*)::int as count`,
  needs: sql`count(*)::float8 as value, count(*)::int as count`,
  conversion: sql`case when count(*) > 0 then floor(count(*) filter (where r.converted) * 1000.0 / count(*)) / 10 end::float8 as value,
    (count(*) filter (where r.converted))::int as count`,
  days_to_contract: sql`percentile_disc(0.5) within group (order by r.days)::float8 as value, count(*)::int as count`,
};

/** A figure: its value (null = no data), how many records, and for money the parts it is made of. */
export interface Figure {
  value: number | null;
  count: number;
  amount?: number | null;
  direct?: number | null;
  indirect?: number | null;
}

type FigureRow = Figure & { fiscal_year?: number; key?: string | null };

function tidy(r: FigureRow): Figure {
  const out: Figure = { value: r.value === null ? null : Number(r.value), count: Number(r.count ?? 0) };
  for (const k of ["amount", "direct", "indirect"] as const)
    if (k in r) out[k] = r[k] === null ? 0 : Number(r[k]);
  // Money sums of no rows are 0, not "no data"; ratios and medians of no rows stay null.
  if (out.value === null && "amount" in r) out.value = 0;
  return out;
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

/** The figures of a measure for each fiscal year of a range (years without rows included). */
export async function figuresByYear(
  db: DbOrTx,
  code: MeasureCode,
  range: YearRange,
  f: KpiFilter = {},
): Promise<Map<number, Figure>> {
  const out = new Map<number, Figure>();
  const rows = rowsSql(code, range, false);
  if (!rows) {
    for (let fy = range.from; fy <= range.to; fy++) out.set(fy, { value: null, count: 0 });
    return out;
  }
  const got = await rowsOf<FigureRow>(
    db,
    sql`select r.fiscal_year, ${FIGURES[code as Exclude<MeasureCode, "kpi4">]} from (${rows}) r
        where ${dimWhere(f)} group by r.fiscal_year`,
  );
  for (let fy = range.from; fy <= range.to; fy++) out.set(fy, EMPTY[code]());
  for (const r of got) out.set(Number(r.fiscal_year), tidy(r));
  return out;
}

export async function figureOf(
  db: DbOrTx,
  code: MeasureCode,
  fy: number,
  f: KpiFilter = {},
): Promise<Figure> {
  return (await figuresByYear(db, code, { from: fy, to: fy }, f)).get(fy)!;
}

/**
 * A measure of one year broken down by every dimension at once (one query, GROUPING SETS): per dimension,
 * one figure per key (area code, institution id, KOSEN block, referral partner type).
 */
export async function figuresByAll(
  db: DbOrTx,
  code: MeasureCode,
  fy: number,
  f: KpiFilter = {},
): Promise<Record<Breakdown, { key: string | null; figure: Figure }[]>> {
  const out = Object.fromEntries(BREAKDOWNS.map((b) => [b, []])) as unknown as Record<
    Breakdown,
    { key: string | null; figure: Figure }[]
  >;
  const rows = rowsSql(code, { from: fy, to: fy }, false);
  if (!rows) return out;
  const got = await rowsOf<
    FigureRow & {
      g: number;
      area: string | null;
      institution: string | null;
      kosen_block: string | null;
      referral_type: string | null;
    }
  >(
    db,
    sql`select grouping(r.area, r.institution, r.kosen_block, r.referral_type)::int as g, r.area, r.institution::text as institution,
          r.kosen_block, r.referral_type, ${FIGURES[code as Exclude<MeasureCode, "kpi4">]}
        from (${rows}) r where ${dimWhere(f)}
        group by grouping sets ((r.area), (r.institution), (r.kosen_block), (r.referral_type))`,
  );
  // grouping() sets a bit for each column NOT grouped: area 8, institution 4, block 2, referral 1.
  const byBits: Record<number, Breakdown> = {
    7: "area",
    11: "institution",
    13: "kosen_block",
    14: "referral_type",
  };
  for (const r of got) {
    const by = byBits[Number(r.g)];
    if (by) out[by].push({ key: r[by] ?? null, figure: tidy(r) });
  }
  for (const b of BREAKDOWNS)
    out[b].sort((x, y) =>
      x.key === null ? 1 : y.key === null ? -1 : x.key < y.key ? -1 : x.key > y.key ? 1 : 0,
    );
  return out;
}

/** A measure of one year broken down by one dimension. */
export async function figuresBy(db: DbOrTx, code: MeasureCode, fy: number, by: Breakdown, f: KpiFilter = {}) {
  return (await figuresByAll(db, code, fy, f))[by];
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
  const rows = rowsSql(code, { from: fy, to: fy }, false);
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
  const rows = rowsSql(code, { from: fy, to: fy }, true);
  if (!rows) return null;
  return rowsOf(
    db,
    sql`select r.* from (${rows}) r where ${dimWhere(f)} order by ${ROW_ORDER[code]} limit ${page.limit} offset ${page.offset}`,
  );
}
