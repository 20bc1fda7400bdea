/**
 * Meetings of a case (面談・技術相談): in person, online, or over GI-net from a campus. Scheduling one
 * mails an invitation with an .ics attachment to the attendees (through the outbox, in the same
 * transaction); a changed time or place sends an update (same UID, higher SEQUENCE), a cancellation a
 * CANCEL. After the meeting the coordinator records that it was held and its outcome.
 */
import { and, eq } from "drizzle-orm";
import { formatDateTime } from "../../../shared/dates";
import type { Actor } from "../../auth/policy";
import type { Db, DbOrTx } from "../../db/client";
import { campuses, caseMeetingAttendees, caseMeetings, organizations } from "../../db/schema";
import { type FieldProblem, invalidFields, notFound, staleVersion } from "../../errors";
import { appLink } from "../../lib/links";
import { enqueueMail } from "../mail/outbox";
import { MEETING_MODE_LABELS, type MeetingMode } from "./codes";
import { buildIcs } from "./ics";
import { type LoadedCase, loadManagedCase, recordEvent } from "./service";

export interface AttendeeInput {
  name: string;
  email: string;
  kind: "company" | "researcher" | "staff" | "other";
}

export interface MeetingInput {
  title: string;
  mode: MeetingMode;
  location?: string | null | undefined;
  campusId?: string | null | undefined;
  startsAt: string;
  endsAt: string;
  agenda?: string | null | undefined;
  attendees: AttendeeInput[];
  /** Mail the invitation (.ics) to the attendees (default yes). */
  sendInvitations?: boolean | undefined;
}

const MAX_HOURS = 12;

async function campusName(db: DbOrTx, id: string): Promise<string | null> {
  const [row] = await db
    .select({ org: organizations.shortNameJa, orgName: organizations.nameJa, campus: campuses.nameJa })
    .from(campuses)
    .innerJoin(organizations, eq(organizations.id, campuses.organizationId))
    .where(eq(campuses.id, id));
  return row ? `${row.org ?? row.orgName} ${row.campus}` : null;
}

async function check(db: DbOrTx, input: MeetingInput, now: Date, isNew: boolean) {
  const problems: FieldProblem[] = [];
  const start = new Date(input.startsAt);
  const end = new Date(input.endsAt);
  if (Number.isNaN(start.getTime())) problems.push({ field: "startsAt", message: "must be a date and time" });
  if (Number.isNaN(end.getTime())) problems.push({ field: "endsAt", message: "must be a date and time" });
  if (!problems.length) {
    if (isNew && start.getTime() < now.getTime())
      problems.push({
        field: "startsAt",
        message: "is in the past; record a past meeting as a note instead",
      });
    if (end.getTime() <= start.getTime())
      problems.push({ field: "endsAt", message: "must be after the start" });
    else if (end.getTime() - start.getTime() > MAX_HOURS * 3600_000)
      problems.push({ field: "endsAt", message: `makes the meeting longer than ${MAX_HOURS} hours` });
  }
  let campus: string | null = null;
  if (input.campusId) {
    campus = await campusName(db, input.campusId);
    if (!campus) problems.push({ field: "campusId", message: "there is no campus with this id" });
  }
  if (input.mode === "gi_net" && !input.campusId)
    problems.push({
      field: "campusId",
      message: "is required for GI-net: the campus the meeting is held from",
    });
  if (input.mode === "in_person" && !input.campusId && !input.location?.trim())
    problems.push({ field: "location", message: "is required in person: an address or a campus" });
  if (input.mode === "online" && input.location?.trim() && !/^https?:\/\/\S+$/.test(input.location.trim()))
    problems.push({
      field: "location",
      message: "must be the meeting's URL (https://…) for an online meeting",
    });
  const seen = new Set<string>();
  input.attendees.forEach((a, i) => {
    const e = a.email.toLowerCase();
    if (seen.has(e)) problems.push({ field: `attendees.${i}.email`, message: `${a.email} is listed twice` });
    seen.add(e);
  });
  if (problems.length) throw invalidFields(problems);
  return { start, end, campus };
}

function whereText(mode: MeetingMode, location: string | null, campus: string | null): string {
  if (mode === "gi_net") return `GI-net（${campus}）${location ? ` ${location}` : ""}`;
  return [campus, location].filter(Boolean).join(" ");
}

async function sendInvitation(
  tx: DbOrTx,
  c: LoadedCase,
  actor: Actor,
  m: typeof caseMeetings.$inferSelect,
  attendees: AttendeeInput[],
  method: "REQUEST" | "CANCEL",
  publicUrl: string | undefined,
  campus: string | null,
) {
  if (!attendees.length) return;
  const where = whereText(m.mode, m.location, campus);
  const modeJa = MEETING_MODE_LABELS[m.mode].ja;
  const modeEn = MEETING_MODE_LABELS[m.mode].en;
  const ics = buildIcs({
    uid: `meeting-${m.id}@kyoso`,
    sequence: m.sequence,
    method,
    start: m.startsAt,
    end: m.endsAt,
    stamp: new Date(),
    summary: `${m.title}（${c.need.referenceNumber}）`,
    description: [m.agenda, `${c.need.referenceNumber} ${c.need.title}`].filter(Boolean).join("\n\n"),
    location: where || null,
    url: m.mode === "online" && m.location ? m.location : null,
    organizer: { name: actor.displayName, email: actor.email },
    attendees,
  });
  const cancelled = method === "CANCEL";
  const when = `${formatDateTime(m.startsAt)}〜${formatDateTime(m.endsAt).slice(11)}（日本時間 / JST）`;
  await enqueueMail(tx, {
    to: attendees.map((a) => a.email),
    subject: (cancelled
      ? `【中止】面談：${m.title}（${c.need.referenceNumber}） / Cancelled: ${m.title}`
      : m.sequence > 0
        ? `【変更】面談のご案内：${m.title}（${c.need.referenceNumber}） / Updated invitation: ${m.title}`
        : `面談のご案内：${m.title}（${c.need.referenceNumber}） / Invitation: ${m.title}`
    ).slice(0, 300),
    text: [
      cancelled
        ? "次の面談は中止になりました。"
        : m.sequence > 0
          ? "次の面談の内容が変更になりました。"
          : "次のとおり面談をお願いします。",
      "",
      `  件名: ${m.title}`,
      `  案件: ${c.need.referenceNumber}`,
      `  日時: ${when}`,
      `  方法: ${modeJa}${where ? `　${where}` : ""}`,
      ...(m.agenda ? ["", m.agenda] : []),
      "",
      `主催: ${actor.displayName} <${actor.email}>`,
      "添付の予定表ファイル（.ics）をカレンダーに取り込めます。",
      "",
      "—",
      `${cancelled ? "This meeting was cancelled" : m.sequence > 0 ? "This meeting was changed" : "You are invited to a meeting"}: ${m.title}, ${when}, ${modeEn}${where ? ` ${where}` : ""}.`,
      `Organiser: ${actor.displayName} <${actor.email}>. The attached .ics file adds it to your calendar.`,
      ...(publicUrl ? ["", appLink(publicUrl, `/cases/${c.row.id}`)] : []),
    ].join("\n"),
    attachments: [
      {
        filename: "invite.ics",
        contentType: `text/calendar; charset=utf-8; method=${method}`,
        contentBase64: Buffer.from(ics, "utf8").toString("base64"),
      },
    ],
    kind: "case_meeting",
    related: { type: "case", id: c.row.id },
  });
}

export async function scheduleMeeting(opts: {
  db: Db;
  actor: Actor;
  id: string;
  input: MeetingInput;
  publicUrl?: string | undefined;
  now?: Date;
}) {
  const now = opts.now ?? new Date();
  const c = await loadManagedCase(opts.db, opts.actor, opts.id);
  const { start, end, campus } = await check(opts.db, opts.input, now, true);
  return opts.db.transaction(async (tx) => {
    const [m] = await tx
      .insert(caseMeetings)
      .values({
        caseId: c.row.id,
        title: opts.input.title,
        mode: opts.input.mode,
        location: opts.input.location?.trim() || null,
        campusId: opts.input.campusId ?? null,
        startsAt: start,
        endsAt: end,
        agenda: opts.input.agenda ?? null,
        createdBy: opts.actor.id,
      })
      .returning();
    if (opts.input.attendees.length)
      await tx.insert(caseMeetingAttendees).values(
        opts.input.attendees.map((a) => ({
          meetingId: m!.id,
          name: a.name,
          email: a.email.toLowerCase(),
          kind: a.kind,
        })),
      );
    await recordEvent(tx, {
      caseId: c.row.id,
      kind: "meeting",
      actorId: opts.actor.id,
      body: m!.title,
      data: { meetingId: m!.id, action: "scheduled", startsAt: m!.startsAt.toISOString(), mode: m!.mode },
    });
    if (opts.input.sendInvitations !== false)
      await sendInvitation(tx, c, opts.actor, m!, opts.input.attendees, "REQUEST", opts.publicUrl, campus);
    return m!;
  });
}

export interface MeetingUpdateInput extends Partial<Omit<MeetingInput, "attendees" | "sendInvitations">> {
  version: number;
  status?: "scheduled" | "held" | "cancelled" | undefined;
  outcome?: string | null | undefined;
}

/**
 * Changes a meeting: a new time or place mails an update to the attendees; `cancelled` mails a
 * cancellation; `held` records the outcome (required) once the meeting has begun.
 */
export async function updateMeeting(opts: {
  db: Db;
  actor: Actor;
  id: string;
  meetingId: string;
  input: MeetingUpdateInput;
  publicUrl?: string | undefined;
  now?: Date;
}) {
  const now = opts.now ?? new Date();
  const c = await loadManagedCase(opts.db, opts.actor, opts.id);
  const [m] = await opts.db
    .select()
    .from(caseMeetings)
    .where(and(eq(caseMeetings.id, opts.meetingId), eq(caseMeetings.caseId, c.row.id)));
  if (!m) throw notFound("The meeting");
  const attendees = await opts.db
    .select()
    .from(caseMeetingAttendees)
    .where(eq(caseMeetingAttendees.meetingId, m.id));
  const blank = (v: string | null | undefined) => (v === undefined ? undefined : v?.trim() ? v.trim() : null);
  const i = {
    ...opts.input,
    location: blank(opts.input.location),
    agenda: blank(opts.input.agenda),
    outcome: blank(opts.input.outcome),
  };
  const next: MeetingInput = {
    title: i.title ?? m.title,
    mode: i.mode ?? m.mode,
    location: i.location === undefined ? m.location : i.location,
    campusId: i.campusId === undefined ? m.campusId : i.campusId,
    startsAt: i.startsAt ?? m.startsAt.toISOString(),
    endsAt: i.endsAt ?? m.endsAt.toISOString(),
    agenda: i.agenda === undefined ? m.agenda : i.agenda,
    attendees: attendees.map((a) => ({ name: a.name, email: a.email, kind: a.kind })),
  };
  const moved =
    next.startsAt !== m.startsAt.toISOString() ||
    next.endsAt !== m.endsAt.toISOString() ||
    next.mode !== m.mode ||
    (next.location ?? null) !== m.location ||
    (next.campusId ?? null) !== m.campusId;
  const { start, end, campus } = await check(
    opts.db,
    next,
    now,
    moved && new Date(next.startsAt).getTime() !== m.startsAt.getTime(),
  );
  const status = i.status ?? m.status;
  const problems: FieldProblem[] = [];
  if (status === "held" && m.status !== "held") {
    if (!i.outcome?.trim())
      problems.push({ field: "outcome", message: "is required to record a meeting as held" });
    if (start.getTime() > now.getTime())
      problems.push({
        field: "status",
        message: "the meeting has not begun yet; it cannot be recorded as held",
      });
  }
  if (m.status === "cancelled" && status !== "cancelled")
    problems.push({ field: "status", message: "a cancelled meeting stays cancelled; schedule a new one" });
  if (problems.length) throw invalidFields(problems);
  if (m.version !== i.version) throw staleVersion("This meeting");

  const cancelling = status === "cancelled" && m.status !== "cancelled";
  const resend = cancelling || (moved && status === "scheduled");
  return opts.db.transaction(async (tx) => {
    const [updated] = await tx
      .update(caseMeetings)
      .set({
        title: next.title,
        mode: next.mode,
        location: next.location?.trim() || null,
        campusId: next.campusId ?? null,
        startsAt: start,
        endsAt: end,
        agenda: next.agenda ?? null,
        status,
        outcome: i.outcome === undefined ? m.outcome : i.outcome,
        sequence: resend ? m.sequence + 1 : m.sequence,
        version: m.version + 1,
        updatedAt: now,
      })
      .where(and(eq(caseMeetings.id, m.id), eq(caseMeetings.version, m.version)))
      .returning();
    if (!updated) throw staleVersion("This meeting");
    const action = cancelling
      ? "cancelled"
      : status === "held" && m.status !== "held"
        ? "held"
        : moved
          ? "moved"
          : "edited";
    await recordEvent(tx, {
      caseId: c.row.id,
      kind: "meeting",
      actorId: opts.actor.id,
      body: action === "held" ? (i.outcome ?? null) : updated.title,
      data: { meetingId: m.id, action, startsAt: updated.startsAt.toISOString(), mode: updated.mode },
    });
    if (resend)
      await sendInvitation(
        tx,
        c,
        opts.actor,
        updated,
        next.attendees,
        cancelling ? "CANCEL" : "REQUEST",
        opts.publicUrl,
        campus,
      );
    return updated;
  });
}
