/**
 * The scheduled notices, run by a loop in the server process (every 10 minutes) and callable with a
 * clock from tests: tasks due tomorrow (once per task and due date), assigned cases idle for the
 * coordinator's number of days (once per idle stretch; new activity starts a new one), and the daily
 * digest mail (after 08:00 Japan time, once a day, for those who chose it). Each step claims its rows
 * with an UPDATE … RETURNING, so two server processes never send a notice twice.
 */
import { and, eq, inArray, sql } from "drizzle-orm";
import { addDays, todayJst } from "../../../shared/dates";
import type { Config } from "../../config";
import type { Db } from "../../db/client";
import { notificationSettings, notifications, users } from "../../db/schema";
import { appLink } from "../../lib/links";
import { rowsOf } from "../catalog/search-sql";
import { enqueueMail } from "../mail/outbox";
import { DEFAULT_IDLE_DAYS } from "./codes";
import { notify } from "./notify";

/** The hour (Japan time) after which the day's digest goes out. */
export const DIGEST_HOUR_JST = 8;

export async function remindTasksDue(db: Db, now: Date, publicUrl?: string): Promise<number> {
  const tomorrow = addDays(todayJst(now), 1);
  return db.transaction(async (tx) => {
    const due = await rowsOf<{
      id: string;
      title: string;
      ownerId: string;
      caseId: string;
      ref: string;
      needTitle: string;
    }>(
      tx,
      sql`update case_tasks t set reminded_for = t.due_on
        from cases c join needs n on n.id = c.need_id
        where c.id = t.case_id and t.done_at is null and t.owner_id is not null and t.due_on = ${tomorrow}::date
          and (t.reminded_for is distinct from t.due_on)
        returning t.id, t.title, t.owner_id as "ownerId", t.case_id as "caseId", n.reference_number as ref, n.title as "needTitle"`,
    );
    for (const t of due) {
      await notify(tx, {
        userIds: [t.ownerId],
        actorId: null,
        publicUrl,
        input: {
          kind: "task_due",
          caseId: t.caseId,
          title: { ja: `明日が期限: ${t.title}（${t.ref}）`, en: `Due tomorrow: ${t.title} (${t.ref})` },
          body: {
            ja: `${t.ref}「${t.needTitle}」のタスクです。`,
            en: `A task of ${t.ref} "${t.needTitle}".`,
          },
          path: `/cases/${t.caseId}`,
        },
      });
    }
    return due.length;
  });
}

export async function remindIdleCases(db: Db, now: Date, publicUrl?: string): Promise<number> {
  return db.transaction(async (tx) => {
    // A case is idle for its coordinator when nothing happened for their number of days.
    const idle = await rowsOf<{
      id: string;
      coordinatorId: string;
      secondId: string | null;
      ref: string;
      title: string;
      days: number;
    }>(
      tx,
      sql`update cases c set idle_notified_at = ${now.toISOString()}::timestamptz
        from needs n, users u left join notification_settings s on s.user_id = u.id
        where n.id = c.need_id and u.id = c.coordinator_id and c.stage_kind = 'open' and c.idle_notified_at is null
          and c.last_activity_at < ${now.toISOString()}::timestamptz - make_interval(days => coalesce(s.idle_days, ${DEFAULT_IDLE_DAYS}))
        returning c.id, c.coordinator_id as "coordinatorId", c.second_coordinator_id as "secondId",
          n.reference_number as ref, n.title, coalesce(s.idle_days, ${DEFAULT_IDLE_DAYS}) as days`,
    );
    for (const c of idle) {
      await notify(tx, {
        userIds: [c.coordinatorId, c.secondId],
        actorId: null,
        publicUrl,
        input: {
          kind: "case_idle",
          caseId: c.id,
          title: {
            ja: `${c.days}日間動きがありません: ${c.ref}「${c.title}」`,
            en: `No activity for ${c.days} days: ${c.ref} "${c.title}"`,
          },
          path: `/cases/${c.id}`,
        },
      });
    }
    return idle.length;
  });
}

/** One mail per digest user per Japan-time day, listing what waited for it. */
export async function sendDigests(db: Db, now: Date, publicUrl?: string): Promise<number> {
  const today = todayJst(now);
  const hour = (now.getUTCHours() + 9) % 24;
  if (hour < DIGEST_HOUR_JST) return 0;
  return db.transaction(async (tx) => {
    const claimed = await tx
      .update(notificationSettings)
      .set({ lastDigestOn: today })
      .where(
        and(
          eq(notificationSettings.emailMode, "digest"),
          sql`${notificationSettings.lastDigestOn} is distinct from ${today}::date`,
          sql`exists (select 1 from notifications x where x.user_id = ${notificationSettings.userId} and x.digest_pending)`,
        ),
      )
      .returning({ userId: notificationSettings.userId });
    if (!claimed.length) return 0;
    const ids = claimed.map((c) => c.userId);
    const people = await tx
      .select({
        id: users.id,
        email: users.email,
        name: users.displayName,
        locale: users.locale,
        status: users.status,
      })
      .from(users)
      .where(inArray(users.id, ids));
    let sent = 0;
    for (const p of people) {
      const items = await tx
        .update(notifications)
        .set({ digestPending: false })
        .where(and(eq(notifications.userId, p.id), eq(notifications.digestPending, true)))
        .returning({
          title: notifications.title,
          link: notifications.link,
          createdAt: notifications.createdAt,
        });
      if (!items.length || p.status !== "active") continue;
      items.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
      const ja = p.locale === "ja";
      await enqueueMail(tx, {
        to: p.email,
        subject: ja
          ? `[kyoso] 本日のお知らせ ${items.length}件（${today}）`
          : `[kyoso] Your digest: ${items.length} notices (${today})`,
        text: [
          ja ? `${p.name} 様` : `Dear ${p.name},`,
          "",
          ja ? "前回のまとめ以降のお知らせです。" : "What happened since your last digest:",
          "",
          ...items.map((i) => `・${i.title}\n  ${appLink(publicUrl, i.link ?? "/")}`),
        ].join("\n"),
        kind: "notify_digest",
      });
      sent++;
    }
    return sent;
  });
}

export async function runReminders(db: Db, now: Date, publicUrl?: string) {
  return {
    tasksDue: await remindTasksDue(db, now, publicUrl),
    idle: await remindIdleCases(db, now, publicUrl),
    digests: await sendDigests(db, now, publicUrl),
  };
}

/** The loop in the server: every 10 minutes (and once shortly after start). */
export function startReminders(opts: {
  db: Db;
  config: Pick<Config, "publicUrl">;
  wake?: () => void;
  everyMs?: number;
}) {
  const tick = async () => {
    try {
      const r = await runReminders(opts.db, new Date(), opts.config.publicUrl);
      if (r.tasksDue || r.idle || r.digests) opts.wake?.();
    } catch (err) {
      console.error("kyoso: the case reminders failed:", err);
    }
  };
  const first = setTimeout(() => void tick(), 15_000);
  const timer = setInterval(() => void tick(), opts.everyMs ?? 10 * 60_000);
  first.unref();
  timer.unref();
  return {
    stop: () => {
      clearTimeout(first);
      clearInterval(timer);
    },
  };
}
