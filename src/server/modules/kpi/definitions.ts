/**
 * The programme's KPIs, defined once (docs/kpi.md). Every figure is an aggregate over a set of **rows**
 * (one per contract and fiscal year, or per meeting, need…) selected by one SQL function per KPI; the
 * dashboard sums the rows, the drill-down lists the very same rows, and the export writes both — so the
 * three can never disagree.
 *
 * Which contracts count ("concluded"): signed (signed, invoiced, paid, in progress, completed); a contract
 * cancelled after signing counts for the fiscal years before the one it was cancelled in. Money of a fiscal
 * year is the contract's allocation to that year (`contract_budget_years`, as amended; closed years never
 * change by amendment), before consumption tax.
 */
import { type SQL, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client";
import { rowsOf } from "../catalog/search-sql";

/** The contract types inside 協働拠出金型共同研究 for KPI ①: the pooled budget and its open-call and consortium forms. */
export const POOLED_KPI_TYPES = ["pooled", "open_call", "consortium"] as const;
/** Joint research for the baseline: every joint type (a company among the paying parties). */
export const JOINT_TYPES = ["joint", "pooled", "open_call", "consortium"] as const;

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
export type MeasureCode = KpiCode | BaselineCode;

/** Defaults from the programme's brief: ① 3.5億円, ② 24%, ③ 6, ④ 15. */
export const DEFAULT_TARGETS: Record<KpiCode, number> = {
  kpi1: 350_000_000,
  kpi2: 24,
  kpi3: 6,
  kpi4: 15,
};

export const BREAKDOWNS = ["area", "institution", "kosen_block", "referral_type"] as const;
export type Breakdown = (typeof BREAKDOWNS)[number];

/** Filters every KPI accepts (the breakdown dimensions, as equality filters). */
export interface KpiFilter {
  area?: string | undefined;
  institution?: string | undefined;
  kosenBlock?: string | undefined;
  referralType?: string | undefined;
}

const fyStart = (fy: number) => `${fy}-04-01`;
const fyEnd = (fy: number) => `${fy + 1}-03-31`;

/** Contracts (alias c) that count for fiscal year `fy`. */
function counted(fy: number): SQL {
  return sql`(c.status in ('signed', 'invoiced', 'paid', 'in_progress', 'completed')
    or (c.status = 'cancelled' and c.signed_on is not null and c.cancelled_on > ${fyEnd(fy)}::date))`;
}

/** The dimensions of a contract row: its institution's area and KOSEN block, and how its need came in. */
const contractDims = sql`o.area_code as area, c.institution_id as institution, o.name_ja as institution_name,
  o.kosen_block as kosen_block,
  coalesce((select ro.type from needs n2 join organizations ro on ro.id = n2.referral_organization_id where n2.id = c.need_id), 'direct') as referral_type`;

function dimFilter(f: KpiFilter, alias: { area: SQL; institution: SQL; block: SQL; referral: SQL }): SQL {
  const parts: SQL[] = [sql`true`];
  if (f.area) parts.push(sql`${alias.area} = ${f.area}`);
  if (f.institution) parts.push(sql`${alias.institution} = ${f.institution}`);
  if (f.kosenBlock) parts.push(sql`${alias.block} = ${f.kosenBlock}`);
  if (f.referralType) parts.push(sql`${alias.referral} = ${f.referralType}`);
  return sql.join(parts, sql` and `);
}

/** One contract's allocation to a fiscal year, with its dimensions: the rows behind ①, ② and the baseline. */
export interface ContractYearRow {
  contract_id: string;
  number: string;
  title: string;
  type: string;
  status: string;
  fiscal_year: number;
  direct: number;
  indirect: number;
  research_fee: number;
  total: number;
  area: string | null;
  institution: string;
  institution_name: string;
  kosen_block: string | null;
  referral_type: string;
  companies: string | null;
}

function contractYears(
  fy: number,
  types: readonly string[] | null,
  f: KpiFilter,
  extra: SQL = sql`true`,
): SQL {
  const typeCond = types
    ? sql`c.type in (${sql.join(
        types.map((t) => sql`${t}`),
        sql`, `,
      )})`
    : sql`true`;
  return sql`select * from (
      select c.id as contract_id, c.number, c.title, c.type, c.status, y.fiscal_year, y.direct::float8 as direct,
             y.indirect::float8 as indirect, y.research_fee::float8 as research_fee, y.total::float8 as total, ${contractDims},
             (select string_agg(po.name_ja, '、' order by p.sort_order) from contract_parties p join organizations po on po.id = p.organization_id
               where p.contract_id = c.id and p.role in ('sponsor', 'member')) as companies
      from contracts c join contract_budget_years y on y.contract_id = c.id and y.fiscal_year = ${fy}
      join organizations o on o.id = c.institution_id
      where ${counted(fy)} and ${typeCond} and ${extra}
    ) r where ${dimFilter(f, { area: sql`r.area`, institution: sql`r.institution`, block: sql`r.kosen_block`, referral: sql`r.referral_type` })}
    order by r.number`;
}

/** The consortium contracts carried out in the year (their period overlaps it): the rows behind ③. */
function consortiaOf(fy: number, f: KpiFilter): SQL {
  return sql`select * from (
      select c.id as contract_id, c.number, c.title, c.type, c.status, ${fy}::int as fiscal_year, c.start_date::text as start_date,
             c.end_date::text as end_date, c.total::float8 as total, ${contractDims}
      from contracts c join organizations o on o.id = c.institution_id
      where c.type = 'consortium' and ${counted(fy)} and c.start_date <= ${fyEnd(fy)}::date and c.end_date >= ${fyStart(fy)}::date
    ) r where ${dimFilter(f, { area: sql`r.area`, institution: sql`r.institution`, block: sql`r.kosen_block`, referral: sql`r.referral_type` })}
    order by r.number`;
}

/**
 * KPI ④ — distinct client institutions with a paid education package in the year. The education module
 * (paid packages) does not exist yet: until it fills this query, ④ has no data (null), never zero.
 */
export async function educationClientsByFiscalYear(
  _db: DbOrTx,
  _fy: number,
  _f: KpiFilter,
): Promise<{ rows: { organization_id: string; name: string }[] } | null> {
  return null;
}

const JST = sql`'Asia/Tokyo'`;

function needsOf(fy: number, f: KpiFilter): SQL {
  return sql`select * from (
      select n.id as need_id, n.reference_number, n.title, (n.created_at at time zone ${JST})::date::text as received_on,
             n.area_code as area, null::uuid as institution, null::text as institution_name, null::text as kosen_block,
             coalesce(ro.type, 'direct') as referral_type,
             (select c.number from contracts c where c.need_id = n.id and ${counted(fy)} order by c.signed_on limit 1) as contract_number
      from needs n left join organizations ro on ro.id = n.referral_organization_id
      where (n.created_at at time zone ${JST})::date between ${fyStart(fy)}::date and ${fyEnd(fy)}::date
    ) r where ${dimFilter(f, { area: sql`r.area`, institution: sql`r.institution`, block: sql`r.kosen_block`, referral: sql`r.referral_type` })}
    order by r.reference_number`;
}

function consultationsOf(fy: number, f: KpiFilter): SQL {
  return sql`select * from (
      select m.id as meeting_id, n.reference_number, n.title, m.title as meeting, (m.starts_at at time zone ${JST})::date::text as held_on,
             n.area_code as area, null::uuid as institution, null::text as institution_name, null::text as kosen_block,
             coalesce(ro.type, 'direct') as referral_type
      from case_meetings m join cases k on k.id = m.case_id join needs n on n.id = k.need_id
      left join organizations ro on ro.id = n.referral_organization_id
      where m.status = 'held' and (m.starts_at at time zone ${JST})::date between ${fyStart(fy)}::date and ${fyEnd(fy)}::date
    ) r where ${dimFilter(f, { area: sql`r.area`, institution: sql`r.institution`, block: sql`r.kosen_block`, referral: sql`r.referral_type` })}
    order by r.held_on, r.reference_number`;
}

/** Contracts signed in the year that came from a need: days from the need to the signature. */
function daysToContractOf(fy: number, f: KpiFilter): SQL {
  return sql`select * from (
      select c.id as contract_id, c.number, c.title, n.reference_number, (n.created_at at time zone ${JST})::date::text as received_on,
             c.signed_on::text as signed_on, (c.signed_on - (n.created_at at time zone ${JST})::date) as days, ${contractDims}
      from contracts c join needs n on n.id = c.need_id join organizations o on o.id = c.institution_id
      where c.signed_on between ${fyStart(fy)}::date and ${fyEnd(fy)}::date and ${counted(fy)}
    ) r where ${dimFilter(f, { area: sql`r.area`, institution: sql`r.institution`, block: sql`r.kosen_block`, referral: sql`r.referral_type` })}
    order by r.number`;
}

/** The rows behind a measure for one fiscal year (the drill-down), or null when the measure has no data. */
export async function measureRows(
  db: DbOrTx,
  code: MeasureCode,
  fy: number,
  f: KpiFilter = {},
): Promise<Record<string, unknown>[] | null> {
  switch (code) {
    case "kpi1":
      return rowsOf(db, contractYears(fy, POOLED_KPI_TYPES, f));
    case "kpi2":
      return rowsOf(db, contractYears(fy, null, f));
    case "kpi3":
      return rowsOf(db, consortiaOf(fy, f));
    case "kpi4": {
      const r = await educationClientsByFiscalYear(db, fy, f);
      return r ? r.rows : null;
    }
    case "joint_with_companies":
      return rowsOf(
        db,
        contractYears(
          fy,
          JOINT_TYPES,
          f,
          sql`exists (select 1 from contract_parties p join organizations po on po.id = p.organization_id where p.contract_id = c.id and p.role in ('sponsor', 'member') and po.type = 'company')`,
        ),
      );
    case "commissioned":
      return rowsOf(db, contractYears(fy, ["commissioned"], f));
    case "consultations":
      return rowsOf(db, consultationsOf(fy, f));
    case "needs":
    case "conversion":
      return rowsOf(db, needsOf(fy, f));
    case "days_to_contract":
      return rowsOf(db, daysToContractOf(fy, f));
  }
}

/** A figure: its value (null = no data), and for money/counts the parts it is made of. */
export interface Figure {
  value: number | null;
  count: number;
  amount?: number;
  direct?: number;
  indirect?: number;
}

const sum = (rows: Record<string, unknown>[], k: string) => rows.reduce((a, r) => a + Number(r[k] ?? 0), 0);

/** The figure of a measure from its rows: the one aggregation used by the dashboard and the export. */
export function figureOf(code: MeasureCode, rows: Record<string, unknown>[] | null): Figure {
  if (rows === null) return { value: null, count: 0 };
  switch (code) {
    case "kpi1":
    case "joint_with_companies":
    case "commissioned": {
      const amount = sum(rows, "total");
      return { value: amount, count: new Set(rows.map((r) => r.contract_id)).size, amount };
    }
    case "kpi2": {
      const direct = sum(rows, "direct");
      const indirect = sum(rows, "indirect");
      // A percentage with one decimal, cut down like money (never rounded up past the target).
      return {
        value: direct ? Math.floor((indirect * 1000) / direct) / 10 : null,
        count: new Set(rows.map((r) => r.contract_id)).size,
        direct,
        indirect,
      };
    }
    case "kpi3":
    case "kpi4":
    case "consultations":
    case "needs":
      return { value: rows.length, count: rows.length };
    case "conversion": {
      const converted = rows.filter((r) => r.contract_number).length;
      return {
        value: rows.length ? Math.floor((converted * 1000) / rows.length) / 10 : null,
        count: converted,
      };
    }
    case "days_to_contract": {
      const days = rows.map((r) => Number(r.days)).sort((a, b) => a - b);
      if (!days.length) return { value: null, count: 0 };
      const mid = Math.floor(days.length / 2);
      const median = days.length % 2 ? days[mid]! : Math.floor((days[mid - 1]! + days[mid]!) / 2);
      return { value: median, count: days.length };
    }
  }
}
