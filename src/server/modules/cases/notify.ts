/**
 * Notifications: a row per recipient, shown in the app; by the recipient's setting also a mail each
 * (through the outbox, in the caller's transaction) or one daily digest, or nothing by mail.
 * The scheduled ones (task due tomorrow, idle cases, digests) are in reminders.ts.
 */
import { and, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client";
import { notificationSettings, notifications, users } from "../../db/schema";
import { invalid } from "../../errors";
import { appLink } from "../../lib/links";
import { enqueueMail } from "../mail/outbox";
import { DEFAULT_IDLE_DAYS, type EmailMode, type NotificationKind } from "./codes";

export type Bilingual = { ja: string; en: string };

export interface NotifyInput {
  kind: NotificationKind;
  caseId: string | null;
  /** One line for each language; the recipient's language is used in the app and the mail. */
  title: Bilingual;
  body?: Bilingual | null;
  /** The page in the app, e.g. `/cases/…`. */
  path: string;
}

/**
 * Notifies people (the actor who caused it is left out, and inactive accounts). `mailExcept`: recipients
 * who are told by another mail already (in-app only for them).
 */
export async function notify(
  tx: DbOrTx,
  opts: {
    userIds: (string | null | undefined)[];
    actorId: string | null;
    input: NotifyInput;
    publicUrl?: string | undefined;
    mailExcept?: string[];
  },
): Promise<number> {
  const ids = [...new Set(opts.userIds.filter((u): u is string => !!u && u !== opts.actorId))];
  if (!ids.length) return 0;
  const people = await tx
    .select({
      id: users.id,
      email: users.email,
      displayName: users.displayName,
      locale: users.locale,
      emailMode: notificationSettings.emailMode,
    })
    .from(users)
    .leftJoin(notificationSettings, eq(notificationSettings.userId, users.id))
    .where(and(inArray(users.id, ids), eq(users.status, "active")));
  const { input } = opts;
  for (const p of people) {
    const mode: EmailMode = p.emailMode ?? "each";
    const mail = mode === "each" && !opts.mailExcept?.includes(p.id);
    await tx.insert(notifications).values({
      userId: p.id,
      kind: input.kind,
      caseId: input.caseId,
      title: input.title[p.locale],
      body: input.body?.[p.locale] ?? null,
      link: input.path,
      digestPending: mode === "digest",
    });
    if (mail) {
      const other = p.locale === "ja" ? "en" : "ja";
      await enqueueMail(tx, {
        to: p.email,
        subject: `[kyoso] ${input.title[p.locale]}`.slice(0, 300),
        text: [
          p.locale === "ja" ? `${p.displayName} 様` : `Dear ${p.displayName},`,
          "",
          input.title[p.locale],
          ...(input.body ? ["", input.body[p.locale]] : []),
          "",
          appLink(opts.publicUrl, input.path),
          "",
          "—",
          input.title[other],
          ...(input.body ? [input.body[other]] : []),
          "",
          p.locale === "ja"
            ? "通知のメールは「アカウント」ページで、都度・1日1回のまとめ・送らない から選べます。"
            : "Choose a mail per notice, one daily digest, or none on your account page.",
        ].join("\n"),
        kind: `notify_${input.kind}`,
        related: input.caseId ? { type: "case", id: input.caseId } : undefined,
      });
    }
  }
  return people.length;
}

export async function listNotifications(
  db: DbOrTx,
  userId: string,
  opts: { unreadOnly: boolean; limit: number },
) {
  const rows = await db
    .select({
      id: notifications.id,
      kind: notifications.kind,
      caseId: notifications.caseId,
      title: notifications.title,
      body: notifications.body,
      link: notifications.link,
      readAt: notifications.readAt,
      createdAt: notifications.createdAt,
    })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), opts.unreadOnly ? isNull(notifications.readAt) : undefined))
    .orderBy(desc(notifications.createdAt))
    .limit(opts.limit);
  const [unread] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return {
    unread: unread?.n ?? 0,
    items: rows.map((r) => ({
      ...r,
      readAt: r.readAt?.toISOString() ?? null,
      createdAt: r.createdAt.toISOString(),
    })),
  };
}

/** Marks the given notifications (or all) of the user as read. */
export async function markRead(db: DbOrTx, userId: string, ids: string[] | "all"): Promise<number> {
  const rows = await db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(
      and(
        eq(notifications.userId, userId),
        isNull(notifications.readAt),
        ids === "all"
          ? undefined
          : inArray(notifications.id, ids.length ? ids : ["00000000-0000-0000-0000-000000000000"]),
      ),
    )
    .returning({ id: notifications.id });
  return rows.length;
}

export async function settingsOf(db: DbOrTx, userId: string) {
  const [row] = await db.select().from(notificationSettings).where(eq(notificationSettings.userId, userId));
  return { emailMode: (row?.emailMode ?? "each") as EmailMode, idleDays: row?.idleDays ?? DEFAULT_IDLE_DAYS };
}

export async function saveSettings(
  db: DbOrTx,
  userId: string,
  input: { emailMode: EmailMode; idleDays: number },
) {
  if (!Number.isInteger(input.idleDays) || input.idleDays < 1 || input.idleDays > 365)
    throw invalid("idleDays", "must be a whole number of days from 1 to 365");
  await db
    .insert(notificationSettings)
    .values({ userId, emailMode: input.emailMode, idleDays: input.idleDays })
    .onConflictDoUpdate({
      target: notificationSettings.userId,
      set: { emailMode: input.emailMode, idleDays: input.idleDays },
    });
  // Leaving digest mode: what waited for the digest stays in the app.
  if (input.emailMode !== "digest")
    await db
      .update(notifications)
      .set({ digestPending: false })
      .where(and(eq(notifications.userId, userId), eq(notifications.digestPending, true)));
  return settingsOf(db, userId);
}
