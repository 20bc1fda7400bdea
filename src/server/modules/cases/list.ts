/**
 * The case board and the case list: the cases a coordinator handles (their areas, and the pool of needs
 * without an area; admins all), filtered in SQL. One filter builder serves the board, the list, the CSV
 * and Excel exports and the saved views, so they always agree.
 */

import { and, eq, type SQL, sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import { todayJst } from "../../../shared/dates";
import type { Actor } from "../../auth/policy";
import type { DbOrTx } from "../../db/client";
import { caseViews } from "../../db/schema";
import { invalid, notFound } from "../../errors";
import { toCsv } from "../../lib/csv";
import { iso } from "../../lib/iso";
import { rowsOf } from "../catalog/search-sql";
import { needViewerFor } from "../needs/service";
import type { StageKind } from "./codes";
import { allStageLists, closeReasons, type Stage, stagesFor } from "./stages";

export interface CaseFilters {
  stage?: string[] | undefined;
  state?: "open" | "won" | "closed" | "all" | undefined;
  area?: string | undefined;
  institution?: string | undefined;
  /** `me`, `none` (unassigned) or a user id: the coordinator or the second coordinator. */
  coordinator?: string | undefined;
  partner?: string | undefined;
  /** Days since the need was received. */
  ageMin?: number | undefined;
  ageMax?: number | undefined;
  /** Cases with an open task due on or before this date. */
  dueBefore?: string | undefined;
  q?: string | undefined;
}

export interface CaseListQuery extends CaseFilters {
  sort: "age" | "updated" | "due" | "stage" | "reference";
  dir: "asc" | "desc";
  page: number;
  pageSize: number;
}

const uuidRe = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The cases (c, joined with their need n) the actor handles. */
async function visibleCondition(db: DbOrTx, actor: Actor): Promise<SQL> {
  if (actor.role === "admin") return sql`true`;
  if (actor.role !== "coordinator") return sql`false`;
  const viewer = await needViewerFor(db, actor);
  const areas = viewer.coveredAreaCodes;
  return areas.length
    ? sql`(n.area_code is null or n.area_code in (${sql.join(
        areas.map((a) => sql`${a}`),
        sql`, `,
      )}))`
    : sql`n.area_code is null`;
}

export async function filterCondition(db: DbOrTx, actor: Actor, f: CaseFilters, now: Date): Promise<SQL> {
  const parts: SQL[] = [await visibleCondition(db, actor)];
  if (f.stage?.length)
    parts.push(
      sql`c.stage_code in (${sql.join(
        f.stage.map((s) => sql`${s}`),
        sql`, `,
      )})`,
    );
  if (f.state && f.state !== "all") parts.push(sql`c.stage_kind = ${f.state}`);
  if (f.area === "none") parts.push(sql`n.area_code is null`);
  else if (f.area) parts.push(sql`n.area_code = ${f.area}`);
  if (f.coordinator) {
    if (f.coordinator === "none") parts.push(sql`c.coordinator_id is null`);
    else {
      const id = f.coordinator === "me" ? actor.id : f.coordinator;
      if (!uuidRe.test(id)) throw invalid("coordinator", "must be me, none or a user id");
      parts.push(sql`(c.coordinator_id = ${id} or c.second_coordinator_id = ${id})`);
    }
  }
  if (f.partner) parts.push(sql`n.referral_organization_id = ${f.partner}`);
  if (f.institution)
    parts.push(sql`exists (select 1 from need_matches nm join researchers r on r.id = nm.researcher_id
      where nm.need_id = n.id and nm.state in ('shortlisted', 'inquired', 'accepted') and r.organization_id = ${f.institution})`);
  if (f.ageMin !== undefined)
    parts.push(
      sql`n.created_at <= ${new Date(now.getTime() - f.ageMin * 86_400_000).toISOString()}::timestamptz`,
    );
  if (f.ageMax !== undefined)
    parts.push(
      sql`n.created_at > ${new Date(now.getTime() - (f.ageMax + 1) * 86_400_000).toISOString()}::timestamptz`,
    );
  if (f.dueBefore) parts.push(sql`c.next_due_on <= ${f.dueBefore}::date`);
  const q = f.q?.normalize("NFKC").trim();
  if (q) {
    const like = `%${q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
    parts.push(
      sql`(n.reference_number ilike ${like} or n.title ilike ${like} or n.organization_name ilike ${like})`,
    );
  }
  return sql.join(parts, sql` and `);
}

const FROM = sql`from cases c join needs n on n.id = c.need_id
  left join users cu on cu.id = c.coordinator_id
  left join users su on su.id = c.second_coordinator_id
  left join organizations ro on ro.id = n.referral_organization_id`;

const COLUMNS = sql`c.id, c.version, c.stage_code as "stageCode", c.stage_kind as "stageKind",
  c.stage_entered_at as "stageEnteredAt", c.next_due_on::text as "nextDueOn", c.last_activity_at as "lastActivityAt",
  c.close_reason_code as "closeReasonCode",
  n.id as "needId", n.reference_number as "referenceNumber", n.title, n.organization_name as "organizationName",
  n.area_code as "areaCode", n.created_at as "receivedAt",
  c.coordinator_id as "coordinatorId", cu.display_name as "coordinatorName",
  c.second_coordinator_id as "secondCoordinatorId", su.display_name as "secondCoordinatorName",
  ro.name_ja as "referralOrganizationName", ro.type as "referralOrganizationType"`;

interface RawCard {
  id: string;
  version: number;
  stageCode: string;
  stageKind: StageKind;
  stageEnteredAt: Date | string;
  nextDueOn: string | null;
  lastActivityAt: Date | string;
  closeReasonCode: string | null;
  needId: string;
  referenceNumber: string;
  title: string;
  organizationName: string;
  areaCode: string | null;
  receivedAt: Date | string;
  coordinatorId: string | null;
  coordinatorName: string | null;
  secondCoordinatorId: string | null;
  secondCoordinatorName: string | null;
  referralOrganizationName: string | null;
  referralOrganizationType: string | null;
}

function presentCard(r: RawCard, now: Date) {
  const received = iso(r.receivedAt);
  return {
    id: r.id,
    version: r.version,
    needId: r.needId,
    referenceNumber: r.referenceNumber,
    title: r.title,
    organizationName: r.organizationName,
    areaCode: r.areaCode,
    stageCode: r.stageCode,
    stageKind: r.stageKind,
    stageEnteredAt: iso(r.stageEnteredAt),
    closeReasonCode: r.closeReasonCode,
    receivedAt: received,
    ageDays: Math.floor((now.getTime() - new Date(received).getTime()) / 86_400_000),
    nextDueOn: r.nextDueOn,
    overdue: !!r.nextDueOn && r.nextDueOn < todayJst(now),
    lastActivityAt: iso(r.lastActivityAt),
    coordinator: r.coordinatorId ? { id: r.coordinatorId, displayName: r.coordinatorName ?? "" } : null,
    secondCoordinator: r.secondCoordinatorId
      ? { id: r.secondCoordinatorId, displayName: r.secondCoordinatorName ?? "" }
      : null,
    referralOrganizationName: r.referralOrganizationName,
  };
}
export type CaseCard = ReturnType<typeof presentCard>;

function orderBy(q: Pick<CaseListQuery, "sort" | "dir">, stageOrder: string[]): SQL {
  const dir = q.dir === "asc" ? sql`asc` : sql`desc`;
  switch (q.sort) {
    case "age":
      // Oldest first when "desc" (the greatest age).
      return q.dir === "asc" ? sql`n.created_at desc, c.id` : sql`n.created_at asc, c.id`;
    case "updated":
      return sql`c.last_activity_at ${dir}, c.id`;
    case "due":
      return sql`c.next_due_on ${dir} nulls last, c.id`;
    case "reference":
      return sql`n.reference_number ${dir}`;
    case "stage":
      return sql`array_position(array[${sql.join(
        stageOrder.map((s) => sql`${s}`),
        sql`, `,
      )}]::text[], c.stage_code) ${dir} nulls last, n.created_at asc, c.id`;
  }
}

/** The stage list the board and list use: the selected area's, else the default one. */
export async function columnsFor(db: DbOrTx, area: string | undefined): Promise<Stage[]> {
  return stagesFor(await allStageLists(db), listArea(area));
}
const listArea = (area: string | undefined) => (area && area !== "none" ? area : null);

export async function listCases(opts: { db: DbOrTx; actor: Actor; query: CaseListQuery; now?: Date }) {
  const now = opts.now ?? new Date();
  const { query } = opts;
  const where = await filterCondition(opts.db, opts.actor, query, now);
  const stages = await columnsFor(opts.db, query.area);
  const [rows, total] = await Promise.all([
    rowsOf<RawCard>(
      opts.db,
      sql`select ${COLUMNS} ${FROM} where ${where} order by ${orderBy(
        query,
        stages.map((s) => s.code),
      )}
        limit ${query.pageSize} offset ${(query.page - 1) * query.pageSize}`,
    ),
    rowsOf<{ n: number }>(opts.db, sql`select count(*)::int as n ${FROM} where ${where}`),
  ]);
  return {
    items: rows.map((r) => presentCard(r, now)),
    total: total[0]?.n ?? 0,
    page: query.page,
    pageSize: query.pageSize,
    stages,
  };
}

/** Cards per column on the board (open stages; contracted and closed: the most recent 20); the rest are counted and found through the list. */
export const BOARD_COLUMN_CARDS = 50;
export const BOARD_DONE_CARDS = 20;

/**
 * The board: one column per stage of the list (the selected area's, else the default), with its count
 * and its cards (open stages: up to 50, longest waiting first; contracted and closed: the 20 most recent).
 * Cases standing in a stage outside the list get a column of their own at the end.
 */
export async function caseBoard(opts: { db: DbOrTx; actor: Actor; query: CaseFilters; now?: Date }) {
  const now = opts.now ?? new Date();
  const where = await filterCondition(opts.db, opts.actor, opts.query, now);
  const stages = await columnsFor(opts.db, opts.query.area);
  const { rows, countOf } = await boardRows(opts.db, opts.query, where);
  const columns = stages
    .filter((s) => s.active || countOf.has(s.code))
    .map((s) => ({ stage: s, total: countOf.get(s.code) ?? 0, cards: [] as CaseCard[] }));
  for (const code of countOf.keys()) {
    if (!columns.some((c) => c.stage.code === code)) {
      columns.push({
        stage: { code, kind: "open", labelJa: code, labelEn: code, position: 999, active: false },
        total: countOf.get(code) ?? 0,
        cards: [],
      });
    }
  }
  const byCode = new Map(columns.map((c) => [c.stage.code, c]));
  for (const r of rows) byCode.get(r.stageCode)?.cards.push(presentCard(r, now));
  // Open stages: longest waiting first; contracted and closed: most recent first.
  for (const c of columns)
    c.cards.sort((a, b) => {
      const d = a.stageEnteredAt.localeCompare(b.stageEnteredAt) || a.id.localeCompare(b.id);
      return a.stageKind === "open" ? d : -d;
    });
  return { columns, total: [...countOf.values()].reduce((n, c) => n + c, 0) };
}

/**
 * The board's cards and counts, two ways (measured by bench:cases on 20,000 cases):
 * - with a text search or an institution (a per-row test, few matches): rank the narrow matching rows with a
 *   window, counting in the same pass, then fetch only the picked cards;
 * - otherwise (broad filters, many matches): walk each stage's index (stage, entered) for its first cards and
 *   count by stage separately; a window over every visible case would sort them all.
 */
async function boardRows(db: DbOrTx, f: CaseFilters, where: SQL) {
  type Row = RawCard & { total?: number };
  const countOf = new Map<string, number>();
  if (f.q?.trim() || f.institution) {
    const rows = await rowsOf<Row>(
      db,
      sql`with picked as materialized (
          select id, rn, total from (
            select c.id, c.stage_kind as kind, row_number() over w as rn, count(*) over (partition by c.stage_code) as total
            from cases c join needs n on n.id = c.need_id where ${where}
            window w as (partition by c.stage_code order by
              case when c.stage_kind = 'open' then c.stage_entered_at end,
              case when c.stage_kind <> 'open' then c.stage_entered_at end desc, c.id)) x
          where x.rn <= case when x.kind = 'open' then ${BOARD_COLUMN_CARDS}::int else ${BOARD_DONE_CARDS}::int end)
        select ${COLUMNS}, p.total::int as total ${FROM} join picked p on p.id = c.id`,
    );
    for (const r of rows) countOf.set(r.stageCode, Number(r.total));
    return { rows, countOf };
  }
  const counts = await rowsOf<{ stageCode: string; n: number }>(
    db,
    sql`select c.stage_code as "stageCode", count(*)::int as n from cases c join needs n on n.id = c.need_id
      where ${where} group by c.stage_code`,
  );
  for (const c of counts) countOf.set(c.stageCode, c.n);
  const codes = [...countOf.keys()];
  if (!codes.length) return { rows: [] as Row[], countOf };
  const rows = await rowsOf<Row>(
    db,
    sql`with picked as materialized (
        select x.id from unnest(array[${sql.join(
          codes.map((c) => sql`${c}`),
          sql`, `,
        )}]::text[]) s(code)
        cross join lateral (
          (select c.id from cases c join needs n on n.id = c.need_id
              where c.stage_code = s.code and c.stage_kind = 'open' and ${where}
              order by c.stage_entered_at, c.id limit ${BOARD_COLUMN_CARDS})
          union all
          (select c.id from cases c join needs n on n.id = c.need_id
              where c.stage_code = s.code and c.stage_kind <> 'open' and ${where}
              order by c.stage_entered_at desc, c.id limit ${BOARD_DONE_CARDS})) x)
      select ${COLUMNS} ${FROM} join picked p on p.id = c.id`,
  );
  return { rows, countOf };
}

/** Export rows: every case matching the filters, in the list's order (capped). */
export const EXPORT_LIMIT = 50_000;

const HEADER = [
  "受付番号",
  "件名",
  "企業",
  "エリア",
  "段階",
  "段階の開始",
  "終了理由",
  "受付日",
  "経過日数",
  "担当コーディネーター",
  "副担当",
  "紹介元",
  "次の期限",
  "最終活動",
];

async function exportRows(opts: { db: DbOrTx; actor: Actor; query: CaseListQuery; now: Date }) {
  const where = await filterCondition(opts.db, opts.actor, opts.query, opts.now);
  const lists = await allStageLists(opts.db);
  const stages = stagesFor(lists, listArea(opts.query.area));
  const rows = await rowsOf<RawCard>(
    opts.db,
    sql`select ${COLUMNS} ${FROM} where ${where} order by ${orderBy(
      opts.query,
      stages.map((s) => s.code),
    )} limit ${EXPORT_LIMIT}`,
  );
  const reasonLabel = new Map((await closeReasons(opts.db, { all: true })).map((r) => [r.code, r.labelJa]));
  return rows.map((r) => {
    const card = presentCard(r, opts.now);
    const stage = stagesFor(lists, r.areaCode).find((s) => s.code === r.stageCode);
    return [
      card.referenceNumber,
      card.title,
      card.organizationName,
      card.areaCode ?? "",
      stage?.labelJa ?? card.stageCode,
      todayJst(new Date(card.stageEnteredAt)),
      card.closeReasonCode ? (reasonLabel.get(card.closeReasonCode) ?? card.closeReasonCode) : "",
      todayJst(new Date(card.receivedAt)),
      card.ageDays,
      card.coordinator?.displayName ?? "",
      card.secondCoordinator?.displayName ?? "",
      card.referralOrganizationName ?? "",
      card.nextDueOn ?? "",
      todayJst(new Date(card.lastActivityAt)),
    ] as (string | number)[];
  });
}

export async function exportCasesCsv(opts: { db: DbOrTx; actor: Actor; query: CaseListQuery; now?: Date }) {
  const rows = await exportRows({ ...opts, now: opts.now ?? new Date() });
  return { body: toCsv(HEADER, rows), count: rows.length };
}

export async function exportCasesXlsx(opts: { db: DbOrTx; actor: Actor; query: CaseListQuery; now?: Date }) {
  const now = opts.now ?? new Date();
  const rows = await exportRows({ ...opts, now });
  const wb = new ExcelJS.Workbook();
  wb.creator = "kyoso";
  wb.created = now;
  const ws = wb.addWorksheet("案件一覧", {
    views: [{ state: "frozen", ySplit: 1 }],
    pageSetup: { orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9 },
  });
  ws.columns = HEADER.map((h, i) => ({
    header: h,
    width: [16, 40, 24, 10, 14, 12, 22, 12, 9, 16, 16, 20, 12, 12][i],
  }));
  ws.getRow(1).font = { bold: true };
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: HEADER.length } };
  for (const r of rows) ws.addRow(r);
  ws.pageSetup.printTitlesRow = "1:1";
  const buf = await wb.xlsx.writeBuffer();
  return { body: new Uint8Array(buf as ArrayBuffer), count: rows.length };
}

// --- saved views --------------------------------------------------------------------------------------

export async function listViews(db: DbOrTx, userId: string) {
  const rows = await db.select().from(caseViews).where(eq(caseViews.userId, userId)).orderBy(caseViews.name);
  return rows.map((r) => ({ id: r.id, name: r.name, query: r.query }));
}

export async function saveView(
  db: DbOrTx,
  userId: string,
  input: { name: string; query: Record<string, string> },
) {
  const [row] = await db
    .insert(caseViews)
    .values({ userId, name: input.name, query: input.query })
    .onConflictDoUpdate({ target: [caseViews.userId, caseViews.name], set: { query: input.query } })
    .returning();
  return { id: row!.id, name: row!.name, query: row!.query };
}

export async function deleteView(db: DbOrTx, userId: string, id: string) {
  const gone = await db
    .delete(caseViews)
    .where(and(eq(caseViews.id, id), eq(caseViews.userId, userId)))
    .returning({ id: caseViews.id });
  if (!gone.length) throw notFound("The saved view");
}
