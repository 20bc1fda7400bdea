/**
 * The coordinator's home: my cases by stage, my tasks due (overdue and the next 7 days), my idle cases
 * (by my own idle setting) and the new unassigned cases of my areas.
 */
import { sql } from "drizzle-orm";
import { addDays, todayJst } from "../../../shared/dates";
import type { Actor } from "../../auth/policy";
import type { DbOrTx } from "../../db/client";
import { rowsOf } from "../catalog/search-sql";
import { columnsFor, filterCondition, listCases } from "./list";
import { settingsOf } from "./notify";

export async function coordinatorHome(opts: { db: DbOrTx; actor: Actor; now?: Date }) {
  const { db, actor } = opts;
  const now = opts.now ?? new Date();
  const mine = await filterCondition(db, actor, { coordinator: "me", state: "open" }, now);
  const settings = await settingsOf(db, actor.id);
  const weekAhead = addDays(todayJst(now), 7);
  const [byStage, tasks, idle, unassigned, stages] = await Promise.all([
    rowsOf<{ stageCode: string; n: number }>(
      db,
      sql`select c.stage_code as "stageCode", count(*)::int as n from cases c join needs n on n.id = c.need_id
        where ${mine} group by c.stage_code`,
    ),
    rowsOf<{
      id: string;
      title: string;
      dueOn: string | null;
      caseId: string;
      referenceNumber: string;
      needTitle: string;
      version: number;
    }>(
      db,
      sql`select t.id, t.title, t.due_on::text as "dueOn", t.case_id as "caseId", t.version,
          n.reference_number as "referenceNumber", n.title as "needTitle"
        from case_tasks t join cases c on c.id = t.case_id join needs n on n.id = c.need_id
        where t.owner_id = ${actor.id} and t.done_at is null and t.due_on <= ${weekAhead}::date
        order by t.due_on, t.created_at limit 50`,
    ),
    listCases({
      db,
      actor,
      now,
      query: { coordinator: "me", state: "open", sort: "updated", dir: "asc", page: 1, pageSize: 20 },
    }).then((r) =>
      r.items.filter(
        (c) => now.getTime() - new Date(c.lastActivityAt).getTime() > settings.idleDays * 86_400_000,
      ),
    ),
    listCases({
      db,
      actor,
      now,
      query: { coordinator: "none", state: "open", sort: "age", dir: "asc", page: 1, pageSize: 20 },
    }),
    columnsFor(db, undefined),
  ]);
  const today = todayJst(now);
  return {
    stages,
    myCasesByStage: byStage,
    myOpenCases: byStage.reduce((n, s) => n + s.n, 0),
    tasksDue: tasks.map((t) => ({ ...t, overdue: !!t.dueOn && t.dueOn < today })),
    idleDays: settings.idleDays,
    idleCases: idle,
    unassigned: { items: unassigned.items, total: unassigned.total },
  };
}
