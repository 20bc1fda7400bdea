/**
 * The case pipeline: every need is a case, opened in the need's own transaction. Coordinators of the
 * need's area (and admins) move it through the stages, assign it, keep its timeline and tasks.
 * Owners of the need (the company, the referral partner) see only its progress (partner.ts).
 *
 * Who handles a case is the needs' rule (`policy.needView(...).manages`): the coordinators of the need's
 * area, every coordinator for a need without an area, and admins. Unassigned cases are therefore in the
 * area team's pool; "my cases" are those assigned to me.
 */
import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import { todayJst } from "../../../shared/dates";
import { type Actor, needView } from "../../auth/policy";
import type { Db, DbOrTx } from "../../db/client";
import {
  caseEvents,
  caseFiles,
  caseFollowers,
  caseMeetingAttendees,
  caseMeetings,
  cases,
  caseTasks,
  mailOutbox,
  needMatches,
  needs,
  organizations,
  researchers,
  users,
} from "../../db/schema";
import { type FieldProblem, forbidden, invalid, invalidFields, notFound, staleVersion } from "../../errors";
import { iso } from "../../lib/iso";
import { rowsOf } from "../catalog/search-sql";
import { contractOfCase, openContractForCase } from "../contracts/service";
import { accessFacts } from "../needs/present";
import * as needsRepo from "../needs/repository";
import { needViewerFor } from "../needs/service";
import { type EventKind, isOtherReason, type StageKind } from "./codes";
import { type Bilingual, notify } from "./notify";
import { partnerStageMail } from "./partner-mail";
import { closeReasons, initialStage, type Stage, stageListOf } from "./stages";

export type CaseRow = typeof cases.$inferSelect;

/** Opens the case of a new need, in the need's transaction, at the first stage of its area's list. */
export async function openCase(
  tx: DbOrTx,
  need: { id: string; areaCode: string | null; submittedBy: string | null; createdAt: Date },
): Promise<string> {
  const stage = initialStage(await stageListOf(tx, need.areaCode));
  const [row] = await tx
    .insert(cases)
    .values({
      needId: need.id,
      stageCode: stage.code,
      stageKind: stage.kind,
      stageEnteredAt: need.createdAt,
      lastActivityAt: need.createdAt,
      createdAt: need.createdAt,
    })
    .returning({ id: cases.id });
  await tx.insert(caseEvents).values({
    caseId: row!.id,
    kind: "created",
    actorId: need.submittedBy,
    occurredAt: need.createdAt,
  });
  return row!.id;
}

/** Writes a timeline entry and counts it as activity (an idle case is no longer idle). */
export async function recordEvent(
  tx: DbOrTx,
  e: {
    caseId: string;
    kind: EventKind;
    actorId: string | null;
    body?: string | null;
    data?: Record<string, unknown> | null;
    occurredAt?: Date;
  },
): Promise<string> {
  const [row] = await tx
    .insert(caseEvents)
    .values({
      caseId: e.caseId,
      kind: e.kind,
      actorId: e.actorId,
      body: e.body ?? null,
      data: e.data ?? null,
      occurredAt: e.occurredAt ?? new Date(),
    })
    .returning({ id: caseEvents.id });
  await tx
    .update(cases)
    .set({ lastActivityAt: sql`greatest(${cases.lastActivityAt}, now())`, idleNotifiedAt: null })
    .where(eq(cases.id, e.caseId));
  return row!.id;
}

export interface LoadedCase {
  row: CaseRow;
  need: needsRepo.NeedDetailRow;
  stages: Stage[];
  /** The viewer handles the case (coordinator of its area, admin). */
  manages: boolean;
  /** The viewer is an owner of the need (submitter, its company, its referral partner). */
  owner: boolean;
}

/** A case and the viewer's relation to it; 404 when the viewer may not see the need at all. */
export async function loadCase(db: DbOrTx, actor: Actor, id: string): Promise<LoadedCase> {
  const [row] = await db.select().from(cases).where(eq(cases.id, id));
  if (!row) throw notFound("The case");
  const need = await needsRepo.needById(db, row.needId);
  if (!need) throw notFound("The case");
  const viewer = await needViewerFor(db, actor);
  const view = needView(viewer, accessFacts(need, false));
  if (!view.manages && !view.owner) throw notFound("The case");
  return {
    row,
    need,
    stages: await stageListOf(db, need.areaCode),
    manages: view.manages,
    owner: view.owner,
  };
}

export async function loadManagedCase(db: DbOrTx, actor: Actor, id: string): Promise<LoadedCase> {
  const c = await loadCase(db, actor, id);
  if (!c.manages) throw forbidden("Only the coordinators of the case's area (and admins) work on it");
  return c;
}

/** The case of a need (for links from the need's page). */
export async function caseIdOfNeed(db: DbOrTx, needId: string): Promise<string | null> {
  const [row] = await db.select({ id: cases.id }).from(cases).where(eq(cases.needId, needId));
  return row?.id ?? null;
}

/**
 * The coordinators who handle cases of an area (its team): active coordinators covering the area, or
 * an institution in it, or belonging to an institution in it. A case without an area: every coordinator.
 */
export async function teamOf(db: DbOrTx, areaCode: string | null) {
  const inArea = areaCode
    ? sql`and (
        exists (select 1 from user_coverage uc where uc.user_id = u.id and uc.area_code = ${areaCode})
        or exists (select 1 from user_coverage uc join organizations o on o.id = uc.organization_id
                   where uc.user_id = u.id and o.area_code = ${areaCode})
        or (o.type in ('university', 'kosen') and o.area_code = ${areaCode}))`
    : sql``;
  return rowsOf<{ id: string; displayName: string; organizationName: string }>(
    db,
    sql`select u.id, u.display_name as "displayName", o.name_ja as "organizationName"
      from users u join organizations o on o.id = u.organization_id
      where u.role = 'coordinator' and u.status = 'active' ${inArea}
      order by u.display_name`,
  );
}

const label = (s: Stage): Bilingual => ({ ja: s.labelJa, en: s.labelEn });

export interface CaseUpdateInput {
  version: number;
  stageCode?: string | undefined;
  closeReasonCode?: string | null | undefined;
  closeNote?: string | null | undefined;
  /** Why a closed or contracted case is opened again (required then). */
  reopenNote?: string | null | undefined;
  coordinatorId?: string | null | undefined;
  secondCoordinatorId?: string | null | undefined;
}

/**
 * Moves a case to another stage and/or (re)assigns it, with the version the editor saw (409 if another
 * coordinator changed the case meanwhile). The rules of stage changes:
 * - the stage must be in the list of the need's area, and active;
 * - a close (見送り / 辞退 / 対応不可) needs a reason of that close, and a note when the reason is "other";
 * - opening a closed or contracted case again needs a note saying why;
 * - an unassigned case that a coordinator moves on becomes theirs.
 * Assignees must be coordinators of the case's area team; the second coordinator differs from the first.
 */
export async function updateCase(opts: {
  db: Db;
  actor: Actor;
  id: string;
  input: CaseUpdateInput;
  publicUrl?: string | undefined;
  now?: Date;
}) {
  const { db, actor, input } = opts;
  const now = opts.now ?? new Date();
  const c = await loadManagedCase(db, actor, opts.id);
  const { row, need, stages } = c;
  const problems: FieldProblem[] = [];

  let target: Stage | null = null;
  let reasonCode: string | null = row.closeReasonCode;
  if (input.stageCode !== undefined && input.stageCode !== row.stageCode) {
    target = stages.find((s) => s.code === input.stageCode) ?? null;
    if (!target) {
      problems.push({
        field: "stageCode",
        message: `there is no stage "${input.stageCode}" in this case's stage list (${stages
          .filter((s) => s.active)
          .map((s) => s.code)
          .join(", ")})`,
      });
    } else if (!target.active) {
      problems.push({ field: "stageCode", message: `the stage "${target.labelJa}" is no longer in use` });
    } else if (target.kind === "closed") {
      const reasons = (await closeReasons(db)).filter((r) => r.stageCode === target!.code);
      if (!reasons.length) {
        problems.push({
          field: "stageCode",
          message: `the close ${target.labelJa} has no reasons yet; an admin adds them under 段階の設定 (stage lists)`,
        });
      } else if (!input.closeReasonCode) {
        problems.push({ field: "closeReasonCode", message: `is required to close as ${target.labelJa}` });
      } else if (!reasons.some((r) => r.code === input.closeReasonCode)) {
        problems.push({
          field: "closeReasonCode",
          message: `"${input.closeReasonCode}" is not a reason of ${target.labelJa} (${reasons
            .map((r) => r.code)
            .join(", ")})`,
        });
      } else if (isOtherReason(input.closeReasonCode) && !input.closeNote?.trim()) {
        problems.push({ field: "closeNote", message: "is required when the reason is その他 (other)" });
      }
      reasonCode = input.closeReasonCode ?? null;
    } else {
      reasonCode = null;
      if (row.stageKind !== "open" && !input.reopenNote?.trim())
        problems.push({
          field: "reopenNote",
          message: "is required to move a closed or contracted case back: say why it is reopened",
        });
    }
  }

  // The area team is read only when someone is being assigned.
  const assigning = input.coordinatorId !== undefined || input.secondCoordinatorId !== undefined;
  const teamIds = new Set(assigning ? (await teamOf(db, need.areaCode)).map((t) => t.id) : []);
  let coordinatorId = row.coordinatorId;
  let secondId = row.secondCoordinatorId;
  if (input.coordinatorId !== undefined) coordinatorId = input.coordinatorId;
  if (input.secondCoordinatorId !== undefined) secondId = input.secondCoordinatorId;
  for (const [field, value, before] of [
    ["coordinatorId", coordinatorId, row.coordinatorId],
    ["secondCoordinatorId", secondId, row.secondCoordinatorId],
  ] as const) {
    if (value && value !== before && !teamIds.has(value))
      problems.push({
        field,
        message: need.areaCode
          ? `is not an active coordinator of the area "${need.areaCode}"`
          : "is not an active coordinator",
      });
  }
  if (secondId && secondId === coordinatorId)
    problems.push({ field: "secondCoordinatorId", message: "is the same person as the coordinator" });
  if (!coordinatorId && secondId)
    problems.push({ field: "coordinatorId", message: "is required when there is a second coordinator" });
  if (problems.length) throw invalidFields(problems);
  if (row.version !== input.version) throw staleVersion("This case");

  // Taking a case: a coordinator who moves an unassigned case on becomes its coordinator.
  if (target && !coordinatorId && actor.role === "coordinator" && input.coordinatorId === undefined)
    coordinatorId = actor.id;

  const assignmentChanged = coordinatorId !== row.coordinatorId || secondId !== row.secondCoordinatorId;
  if (!target && !assignmentChanged) return getCase({ db, actor, id: row.id });

  const from = stages.find((s) => s.code === row.stageCode);
  await db.transaction(async (tx) => {
    const set: Partial<typeof cases.$inferInsert> = {
      version: row.version + 1,
      updatedAt: now,
      coordinatorId,
      secondCoordinatorId: secondId,
    };
    if (target) {
      Object.assign(set, {
        stageCode: target.code,
        stageKind: target.kind,
        stageEnteredAt: now,
        closeReasonCode: reasonCode,
        closeNote: target.kind === "closed" ? (input.closeNote?.trim() ?? null) : null,
        closedAt: target.kind === "open" ? null : now,
      });
    }
    const updated = await tx
      .update(cases)
      .set(set)
      .where(and(eq(cases.id, row.id), eq(cases.version, input.version)))
      .returning({ id: cases.id });
    if (!updated.length) throw staleVersion("This case");

    const caseLabel = `${need.referenceNumber}「${need.title}」`;
    const path = `/cases/${row.id}`;
    if (assignmentChanged) {
      await recordEvent(tx, {
        caseId: row.id,
        kind: "assignment",
        actorId: actor.id,
        data: {
          from: { coordinatorId: row.coordinatorId, secondCoordinatorId: row.secondCoordinatorId },
          to: { coordinatorId, secondCoordinatorId: secondId },
        },
      });
      const newcomers = [coordinatorId, secondId].filter(
        (u): u is string => !!u && u !== row.coordinatorId && u !== row.secondCoordinatorId,
      );
      for (const u of newcomers)
        await tx.insert(caseFollowers).values({ caseId: row.id, userId: u }).onConflictDoNothing();
      await notify(tx, {
        userIds: newcomers,
        actorId: actor.id,
        publicUrl: opts.publicUrl,
        input: {
          kind: "assigned",
          caseId: row.id,
          title: {
            ja: `担当になりました: ${caseLabel}`,
            en: `You were assigned: ${need.referenceNumber} "${need.title}"`,
          },
          body: {
            ja: `${actor.displayName} さんが割り当てました。`,
            en: `Assigned by ${actor.displayName}.`,
          },
          path,
        },
      });
    }
    if (target) {
      await tx
        .update(needs)
        .set({
          status:
            target.kind !== "open" ? "closed" : target.code === stages[0]?.code ? "received" : "screening",
          updatedAt: now,
        })
        .where(eq(needs.id, need.id));
      await recordEvent(tx, {
        caseId: row.id,
        kind: "stage",
        actorId: actor.id,
        body:
          target.kind === "closed" ? (input.closeNote?.trim() ?? null) : (input.reopenNote?.trim() ?? null),
        data: { from: row.stageCode, to: target.code, closeReasonCode: reasonCode },
      });
      // A case that reaches 契約 opens its contract (once; the contract officer completes it).
      if (target.kind === "won")
        await openContractForCase(tx, {
          caseId: row.id,
          need: { id: need.id, title: need.title, companyOrganizationId: need.companyOrganizationId },
          actor,
          now,
        });
      const followers = await tx
        .select({ userId: caseFollowers.userId })
        .from(caseFollowers)
        .where(eq(caseFollowers.caseId, row.id));
      await notify(tx, {
        userIds: [...followers.map((f) => f.userId), coordinatorId, secondId],
        actorId: actor.id,
        publicUrl: opts.publicUrl,
        input: {
          kind: "stage_changed",
          caseId: row.id,
          title: {
            ja: `${caseLabel} が「${target.labelJa}」に進みました`,
            en: `${need.referenceNumber} moved to "${target.labelEn}"`,
          },
          body: {
            ja: `${from?.labelJa ?? row.stageCode} → ${target.labelJa}（${actor.displayName}）`,
            en: `${from?.labelEn ?? row.stageCode} → ${target.labelEn} (${actor.displayName})`,
          },
          path,
        },
      });
      await partnerStageMail(tx, {
        caseId: row.id,
        need,
        stage: label(target),
        kind: target.kind,
        reasonCode,
        publicUrl: opts.publicUrl,
        at: now,
      });
    }
  });
  return getCase({ db, actor, id: row.id });
}

export async function setFollowing(db: Db, actor: Actor, id: string, follow: boolean) {
  await loadManagedCase(db, actor, id);
  if (follow) await db.insert(caseFollowers).values({ caseId: id, userId: actor.id }).onConflictDoNothing();
  else
    await db
      .delete(caseFollowers)
      .where(and(eq(caseFollowers.caseId, id), eq(caseFollowers.userId, actor.id)));
  return { following: follow };
}

/** A note, call or e-mail written on the timeline; `occurredAt` may be earlier (a call yesterday), not later. */
export async function addEvent(opts: {
  db: Db;
  actor: Actor;
  id: string;
  input: { kind: "note" | "call" | "email"; body: string; occurredAt?: string | null | undefined };
  now?: Date;
}) {
  const now = opts.now ?? new Date();
  await loadManagedCase(opts.db, opts.actor, opts.id);
  const at = opts.input.occurredAt ? new Date(opts.input.occurredAt) : now;
  if (Number.isNaN(at.getTime())) throw invalid("occurredAt", "must be a date and time");
  if (at.getTime() > now.getTime() + 5 * 60_000)
    throw invalid("occurredAt", "is in the future; record what has happened");
  const eventId = await opts.db.transaction((tx) =>
    recordEvent(tx, {
      caseId: opts.id,
      kind: opts.input.kind,
      actorId: opts.actor.id,
      body: opts.input.body,
      occurredAt: at,
    }),
  );
  return { id: eventId };
}

// --- tasks -------------------------------------------------------------------------------------------

async function refreshNextDue(tx: DbOrTx, caseId: string) {
  await tx
    .update(cases)
    .set({
      nextDueOn: sql`(select min(t.due_on) from case_tasks t where t.case_id = ${caseId} and t.done_at is null)`,
    })
    .where(eq(cases.id, caseId));
}

function checkDue(dueOn: string | null | undefined, now: Date, problems: FieldProblem[]) {
  if (dueOn && dueOn < todayJst(now))
    problems.push({ field: "dueOn", message: `is in the past (today is ${todayJst(now)})` });
}

export async function addTask(opts: {
  db: Db;
  actor: Actor;
  id: string;
  input: { title: string; dueOn?: string | null | undefined; ownerId?: string | null | undefined };
  now?: Date;
}) {
  const now = opts.now ?? new Date();
  const c = await loadManagedCase(opts.db, opts.actor, opts.id);
  const problems: FieldProblem[] = [];
  checkDue(opts.input.dueOn, now, problems);
  const ownerId = opts.input.ownerId ?? opts.actor.id;
  if (ownerId !== opts.actor.id && !(await teamOf(opts.db, c.need.areaCode)).some((t) => t.id === ownerId))
    problems.push({ field: "ownerId", message: "is not an active coordinator of the case's area" });
  if (problems.length) throw invalidFields(problems);
  return opts.db.transaction(async (tx) => {
    const [task] = await tx
      .insert(caseTasks)
      .values({
        caseId: opts.id,
        title: opts.input.title,
        dueOn: opts.input.dueOn ?? null,
        ownerId,
        createdBy: opts.actor.id,
      })
      .returning();
    await refreshNextDue(tx, opts.id);
    await recordEvent(tx, {
      caseId: opts.id,
      kind: "task",
      actorId: opts.actor.id,
      body: task!.title,
      data: { taskId: task!.id, action: "added", dueOn: task!.dueOn, ownerId },
    });
    return task!;
  });
}

export async function updateTask(opts: {
  db: Db;
  actor: Actor;
  id: string;
  taskId: string;
  input: {
    version: number;
    title?: string | undefined;
    dueOn?: string | null | undefined;
    ownerId?: string | null | undefined;
    done?: boolean | undefined;
  };
  now?: Date;
}) {
  const now = opts.now ?? new Date();
  const c = await loadManagedCase(opts.db, opts.actor, opts.id);
  const [task] = await opts.db
    .select()
    .from(caseTasks)
    .where(and(eq(caseTasks.id, opts.taskId), eq(caseTasks.caseId, opts.id)));
  if (!task) throw notFound("The task");
  const problems: FieldProblem[] = [];
  if (opts.input.dueOn !== undefined && opts.input.dueOn !== task.dueOn)
    checkDue(opts.input.dueOn, now, problems);
  if (
    opts.input.ownerId &&
    opts.input.ownerId !== task.ownerId &&
    !(await teamOf(opts.db, c.need.areaCode)).some((t) => t.id === opts.input.ownerId)
  )
    problems.push({ field: "ownerId", message: "is not an active coordinator of the case's area" });
  if (problems.length) throw invalidFields(problems);
  if (task.version !== opts.input.version) throw staleVersion("This task");
  return opts.db.transaction(async (tx) => {
    const done = opts.input.done;
    const [updated] = await tx
      .update(caseTasks)
      .set({
        title: opts.input.title ?? task.title,
        dueOn: opts.input.dueOn === undefined ? task.dueOn : opts.input.dueOn,
        ownerId: opts.input.ownerId === undefined ? task.ownerId : opts.input.ownerId,
        doneAt: done === undefined ? task.doneAt : done ? (task.doneAt ?? now) : null,
        doneBy: done === undefined ? task.doneBy : done ? (task.doneBy ?? opts.actor.id) : null,
        version: task.version + 1,
      })
      .where(and(eq(caseTasks.id, task.id), eq(caseTasks.version, task.version)))
      .returning();
    if (!updated) throw staleVersion("This task");
    await refreshNextDue(tx, opts.id);
    if (done !== undefined && done !== !!task.doneAt)
      await recordEvent(tx, {
        caseId: opts.id,
        kind: "task",
        actorId: opts.actor.id,
        body: updated.title,
        data: { taskId: task.id, action: done ? "done" : "reopened" },
      });
    return updated;
  });
}

// --- reading ---------------------------------------------------------------------------------------

/** The whole case for those who handle it. */
export async function getCase(opts: { db: DbOrTx; actor: Actor; id: string }) {
  const { db, actor } = opts;
  const c = await loadManagedCase(db, actor, opts.id);
  const { row, need } = c;
  const people = new Map<string, string>();
  const ids = [row.coordinatorId, row.secondCoordinatorId].filter((x): x is string => !!x);
  const [events, tasks, meetings, files, followers, matches, mails, reasons, team] = await Promise.all([
    db
      .select({
        id: caseEvents.id,
        kind: caseEvents.kind,
        actorId: caseEvents.actorId,
        actorName: users.displayName,
        occurredAt: caseEvents.occurredAt,
        body: caseEvents.body,
        data: caseEvents.data,
      })
      .from(caseEvents)
      .leftJoin(users, eq(users.id, caseEvents.actorId))
      .where(eq(caseEvents.caseId, row.id))
      .orderBy(desc(caseEvents.occurredAt), desc(caseEvents.createdAt))
      .limit(500),
    db
      .select({ task: caseTasks, ownerName: users.displayName })
      .from(caseTasks)
      .leftJoin(users, eq(users.id, caseTasks.ownerId))
      .where(eq(caseTasks.caseId, row.id))
      .orderBy(
        sql`${caseTasks.doneAt} is not null`,
        sql`${caseTasks.dueOn} asc nulls last`,
        asc(caseTasks.createdAt),
      ),
    db
      .select()
      .from(caseMeetings)
      .where(eq(caseMeetings.caseId, row.id))
      .orderBy(desc(caseMeetings.startsAt)),
    db
      .select({
        id: caseFiles.id,
        fileName: caseFiles.fileName,
        contentType: caseFiles.contentType,
        size: caseFiles.size,
        uploadedBy: users.displayName,
        createdAt: caseFiles.createdAt,
      })
      .from(caseFiles)
      .leftJoin(users, eq(users.id, caseFiles.uploadedBy))
      .where(eq(caseFiles.caseId, row.id))
      .orderBy(desc(caseFiles.createdAt)),
    db.select({ userId: caseFollowers.userId }).from(caseFollowers).where(eq(caseFollowers.caseId, row.id)),
    db
      .select({
        researcherId: needMatches.researcherId,
        name: researchers.nameJa,
        nameEn: researchers.nameEn,
        organizationName: organizations.nameJa,
        state: needMatches.state,
        responseNote: needMatches.responseNote,
        respondedAt: needMatches.respondedAt,
        inquiredAt: needMatches.inquiredAt,
      })
      .from(needMatches)
      .innerJoin(researchers, eq(researchers.id, needMatches.researcherId))
      .leftJoin(organizations, eq(organizations.id, researchers.organizationId))
      .where(and(eq(needMatches.needId, need.id), sql`${needMatches.state} <> 'dismissed'`))
      .orderBy(asc(needMatches.createdAt)),
    db
      .select({
        id: mailOutbox.id,
        to: mailOutbox.to,
        subject: mailOutbox.subject,
        status: mailOutbox.status,
        lastError: mailOutbox.lastError,
        createdAt: mailOutbox.createdAt,
      })
      .from(mailOutbox)
      .where(
        and(
          eq(mailOutbox.relatedType, "case"),
          eq(mailOutbox.relatedId, row.id),
          sql`${mailOutbox.kind} like 'case_%'`,
        ),
      )
      .orderBy(desc(mailOutbox.createdAt))
      .limit(100),
    closeReasons(db),
    teamOf(db, need.areaCode),
  ]);
  for (const t of team) people.set(t.id, t.displayName);
  if (ids.some((i) => !people.has(i))) {
    const more = await db
      .select({ id: users.id, name: users.displayName })
      .from(users)
      .where(inArray(users.id, ids));
    for (const m of more) people.set(m.id, m.name);
  }
  const attendees = meetings.length
    ? await db
        .select()
        .from(caseMeetingAttendees)
        .where(
          inArray(
            caseMeetingAttendees.meetingId,
            meetings.map((m) => m.id),
          ),
        )
    : [];
  const person = (id: string | null) => (id ? { id, displayName: people.get(id) ?? "" } : null);
  return {
    id: row.id,
    version: row.version,
    needId: need.id,
    referenceNumber: need.referenceNumber,
    title: need.title,
    organizationName: need.organizationName,
    referralOrganizationName: need.referralOrganizationName,
    areaCode: need.areaCode,
    /** What the company asked (those who handle a case see the whole need). */
    need: {
      problem: need.problem,
      tried: need.tried,
      desiredOutcome: need.desiredOutcome,
      budgetRange: need.budgetRange,
      timing: need.timing,
      confidentiality: need.confidentiality,
      contact: { name: need.contactName, email: need.contactEmail, phone: need.contactPhone },
      referralBranch: need.referralBranch,
      referralStaffName: need.referralStaffName,
    },
    ndaStatus: need.ndaStatus,
    ndaSignedAt: iso(need.ndaSignedAt),
    receivedAt: need.createdAt.toISOString(),
    stageCode: row.stageCode,
    stageKind: row.stageKind as StageKind,
    stageEnteredAt: row.stageEnteredAt.toISOString(),
    closeReasonCode: row.closeReasonCode,
    closeNote: row.closeNote,
    closedAt: iso(row.closedAt),
    coordinator: person(row.coordinatorId),
    secondCoordinator: person(row.secondCoordinatorId),
    nextDueOn: row.nextDueOn,
    lastActivityAt: row.lastActivityAt.toISOString(),
    following: followers.some((f) => f.userId === actor.id),
    /** The contract the case led to (opened when it reached 契約). */
    contract: await contractOfCase(db, row.id),
    stages: c.stages,
    closeReasons: reasons,
    team,
    researchers: matches.map((m) => ({
      ...m,
      respondedAt: iso(m.respondedAt),
      inquiredAt: iso(m.inquiredAt),
    })),
    events: events.map((e) => ({
      id: e.id,
      kind: e.kind,
      actor: e.actorId ? { id: e.actorId, displayName: e.actorName ?? "" } : null,
      occurredAt: e.occurredAt.toISOString(),
      body: e.body,
      data: e.data ?? {},
    })),
    tasks: tasks.map(({ task, ownerName }) => ({
      id: task.id,
      title: task.title,
      dueOn: task.dueOn,
      owner: task.ownerId ? { id: task.ownerId, displayName: ownerName ?? "" } : null,
      done: !!task.doneAt,
      doneAt: iso(task.doneAt),
      version: task.version,
    })),
    meetings: meetings.map((m) => ({
      id: m.id,
      title: m.title,
      mode: m.mode,
      location: m.location,
      campusId: m.campusId,
      startsAt: m.startsAt.toISOString(),
      endsAt: m.endsAt.toISOString(),
      agenda: m.agenda,
      status: m.status,
      outcome: m.outcome,
      version: m.version,
      attendees: attendees
        .filter((a) => a.meetingId === m.id)
        .map((a) => ({ email: a.email, name: a.name, kind: a.kind })),
    })),
    files: files.map((f) => ({ ...f, createdAt: f.createdAt.toISOString() })),
    mails: mails.map((m) => ({ ...m, createdAt: m.createdAt.toISOString() })),
  };
}

/**
 * A researcher answered an inquiry: the case's timeline says so, and the inquiring coordinator and the
 * case's coordinators are notified (the inquirer already gets the answer by mail: in the app only).
 */
export async function onInquiryAnswered(
  tx: DbOrTx,
  opts: {
    needId: string;
    researcherId: string;
    researcherName: string;
    answer: "accept" | "decline";
    note: string | null;
    inquiredBy: string | null;
    actorId: string;
    publicUrl?: string | undefined;
  },
) {
  const [c] = await tx.select().from(cases).where(eq(cases.needId, opts.needId));
  if (!c) return;
  const need = await needsRepo.needById(tx, opts.needId);
  await recordEvent(tx, {
    caseId: c.id,
    kind: "inquiry",
    actorId: opts.actorId,
    body: opts.note,
    data: { researcherId: opts.researcherId, researcherName: opts.researcherName, answer: opts.answer },
  });
  const accepted = opts.answer === "accept";
  await notify(tx, {
    userIds: [opts.inquiredBy, c.coordinatorId, c.secondCoordinatorId],
    actorId: opts.actorId,
    publicUrl: opts.publicUrl,
    mailExcept: opts.inquiredBy ? [opts.inquiredBy] : [],
    input: {
      kind: "inquiry_answered",
      caseId: c.id,
      title: {
        ja: `${opts.researcherName} さんが${accepted ? "相談をお受けしました" : "相談を辞退しました"}: ${need?.referenceNumber ?? ""}`,
        en: `${opts.researcherName} ${accepted ? "accepted" : "declined"} the inquiry: ${need?.referenceNumber ?? ""}`,
      },
      body: opts.note ? { ja: opts.note, en: opts.note } : null,
      path: `/cases/${c.id}`,
    },
  });
}

/** An inquiry went to a researcher: the case's timeline says so. */
export async function onInquirySent(
  tx: DbOrTx,
  opts: { needId: string; researcherId: string; researcherName: string; message: string; actorId: string },
) {
  const caseId = await caseIdOfNeed(tx, opts.needId);
  if (!caseId) return;
  await recordEvent(tx, {
    caseId,
    kind: "inquiry",
    actorId: opts.actorId,
    body: opts.message,
    data: { researcherId: opts.researcherId, researcherName: opts.researcherName, answer: "sent" },
  });
}
