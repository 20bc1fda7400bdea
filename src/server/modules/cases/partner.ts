/**
 * The restricted view of a case for its owners: the referral partner that forwarded the need and the
 * company it is about. They see the stage, its dates, the consultations held (date and form) and the
 * outcome (contracted, or closed with the reason's label); never the coordinators' notes, tasks, files,
 * researchers, e-mails or anything else of the timeline. Referral partners also see their figures.
 */
import { type SQL, sql } from "drizzle-orm";
import { fiscalYearRange } from "../../../shared/dates";
import type { Actor } from "../../auth/policy";
import type { DbOrTx } from "../../db/client";
import { notFound } from "../../errors";
import { iso } from "../../lib/iso";
import { rowsOf } from "../catalog/search-sql";
import { allStageLists, type Stage, stagesFor } from "./stages";

/** The needs (alias n) the actor owns: submitted, their company's, or referred by their organisation. */
function ownedCondition(actor: Actor): SQL {
  if (actor.role === "referral_partner")
    return sql`(n.referral_organization_id = ${actor.organizationId} or n.submitted_by = ${actor.id})`;
  if (actor.role === "company_member")
    return sql`(n.company_organization_id = ${actor.organizationId} or n.submitted_by = ${actor.id})`;
  return sql`n.submitted_by = ${actor.id}`;
}

interface Row {
  id: string;
  referenceNumber: string;
  title: string;
  organizationName: string;
  areaCode: string | null;
  receivedAt: Date | string;
  stageCode: string;
  stageKind: "open" | "won" | "closed";
  stageEnteredAt: Date | string;
  closeReasonCode: string | null;
  closeReasonJa: string | null;
  closeReasonEn: string | null;
  consultations: number;
  lastConsultationAt: Date | string | null;
}

async function ownedRows(db: DbOrTx, actor: Actor, extra: SQL = sql`true`): Promise<Row[]> {
  return rowsOf<Row>(
    db,
    sql`select c.id, n.reference_number as "referenceNumber", n.title, n.organization_name as "organizationName",
        n.area_code as "areaCode", n.created_at as "receivedAt", c.stage_code as "stageCode", c.stage_kind as "stageKind",
        c.stage_entered_at as "stageEnteredAt", c.close_reason_code as "closeReasonCode",
        r.label_ja as "closeReasonJa", r.label_en as "closeReasonEn",
        (select count(*)::int from case_meetings m where m.case_id = c.id and m.status = 'held') as consultations,
        (select max(m.starts_at) from case_meetings m where m.case_id = c.id and m.status = 'held') as "lastConsultationAt"
      from cases c join needs n on n.id = c.need_id
      left join case_close_reasons r on r.code = c.close_reason_code
      where ${ownedCondition(actor)} and ${extra}
      order by n.created_at desc`,
  );
}

function present(lists: Map<string, Stage[]>, rows: Row[]) {
  return rows.map((r) => {
    const stage = stagesFor(lists, r.areaCode).find((s) => s.code === r.stageCode);
    return {
      id: r.id,
      referenceNumber: r.referenceNumber,
      title: r.title,
      organizationName: r.organizationName,
      receivedAt: iso(r.receivedAt),
      stage: {
        code: r.stageCode,
        kind: r.stageKind,
        labelJa: stage?.labelJa ?? r.stageCode,
        labelEn: stage?.labelEn ?? r.stageCode,
      },
      stageEnteredAt: iso(r.stageEnteredAt),
      outcome:
        r.stageKind === "won"
          ? { kind: "contracted" as const, reasonJa: null, reasonEn: null }
          : r.stageKind === "closed"
            ? { kind: "closed" as const, reasonJa: r.closeReasonJa, reasonEn: r.closeReasonEn }
            : null,
      consultationsHeld: r.consultations,
      lastConsultationAt: iso(r.lastConsultationAt),
    };
  });
}

/**
 * The cases the actor referred or submitted, with their figures: referrals sent, consultations held
 * (cases with at least one meeting recorded as held), contracts reached. `fiscalYear` limits everything
 * to needs received in that 年度.
 */
export async function myReferrals(opts: { db: DbOrTx; actor: Actor; fiscalYear?: number | undefined }) {
  const range = opts.fiscalYear ? fiscalYearRange(opts.fiscalYear) : null;
  const extra = range
    ? sql`n.created_at >= (${range.start}::date)::timestamp at time zone 'Asia/Tokyo'
        and n.created_at < ((${range.end}::date + 1)::timestamp at time zone 'Asia/Tokyo')`
    : sql`true`;
  const rows = await ownedRows(opts.db, opts.actor, extra);
  const items = present(await allStageLists(opts.db), rows);
  return {
    fiscalYear: opts.fiscalYear ?? null,
    figures: {
      referrals: items.length,
      consultationsHeld: items.filter((i) => i.consultationsHeld > 0).length,
      contracts: items.filter((i) => i.outcome?.kind === "contracted").length,
      open: items.filter((i) => !i.outcome).length,
      closed: items.filter((i) => i.outcome?.kind === "closed").length,
    },
    items,
  };
}

/** One case's progress: the stages it went through (dates only) and the consultations held. */
export async function referralProgress(opts: { db: DbOrTx; actor: Actor; id: string }) {
  const [row] = await ownedRows(opts.db, opts.actor, sql`c.id = ${opts.id}`);
  if (!row) throw notFound("The case");
  const lists = await allStageLists(opts.db);
  const [item] = present(lists, [row]);
  const stages = stagesFor(lists, row.areaCode);
  const steps = await rowsOf<{ to: string; at: Date | string }>(
    opts.db,
    sql`select e.data->>'to' as "to", e.occurred_at as at from case_events e
      where e.case_id = ${opts.id} and e.kind = 'stage' order by e.occurred_at`,
  );
  const meetings = await rowsOf<{ startsAt: Date | string; mode: string }>(
    opts.db,
    sql`select starts_at as "startsAt", mode from case_meetings where case_id = ${opts.id} and status = 'held' order by starts_at`,
  );
  const first = stages[0];
  return {
    ...item!,
    history: [
      {
        code: first?.code ?? "received",
        labelJa: first?.labelJa ?? "受付",
        labelEn: first?.labelEn ?? "Received",
        at: item!.receivedAt,
      },
      ...steps.map((s) => {
        const st = stages.find((x) => x.code === s.to);
        return { code: s.to, labelJa: st?.labelJa ?? s.to, labelEn: st?.labelEn ?? s.to, at: iso(s.at) };
      }),
    ],
    consultations: meetings.map((m) => ({ at: iso(m.startsAt), mode: m.mode })),
  };
}
