/**
 * All SQL of the mail outbox: writing a mail (in the caller's transaction), claiming due mails for a
 * sender (`for update skip locked`, so that several app servers never take the same mail), recording
 * what happened, and the admin's list.
 */
import { and, count, desc, eq, type SQL, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client";
import { mailOutbox } from "../../db/schema";
import { rowsOf, uuidArray } from "../catalog/search-sql";

export type MailRow = typeof mailOutbox.$inferSelect;
export type MailStatus = MailRow["status"];

export async function insertMail(db: DbOrTx, values: typeof mailOutbox.$inferInsert): Promise<string> {
  const [row] = await db.insert(mailOutbox).values(values).returning({ id: mailOutbox.id });
  return row!.id;
}

/**
 * Mails due at `now`. The clock of whoever queued a mail (the database's, in microseconds) may be a fraction
 * of a millisecond ahead of the sender's (JavaScript's, in milliseconds): due within that millisecond.
 */
const dueBy = (now: Date) =>
  sql`next_attempt_at < ${now.toISOString()}::timestamptz + interval '1 millisecond'`;

/**
 * Takes up to `limit` queued mails that are due at `now` and not held by another sender, and holds them
 * until `leaseUntil`. The lease is what makes a crash harmless: a mail whose sender died is taken again
 * after it runs out (so a mail may, rarely, be sent twice; it is never lost).
 */
export async function claimDueMails(
  db: DbOrTx,
  opts: { now: Date; leaseUntil: Date; limit: number },
): Promise<MailRow[]> {
  const ids = await rowsOf<{ id: string }>(
    db,
    sql`update mail_outbox set claimed_until = ${opts.leaseUntil.toISOString()}::timestamptz
      where id in (
        select id from mail_outbox
        where status = 'queued'
          and ${dueBy(opts.now)}
          and (claimed_until is null or claimed_until < ${opts.now.toISOString()}::timestamptz)
        order by next_attempt_at, created_at
        limit ${opts.limit}
        for update skip locked
      )
      returning id`,
  );
  if (!ids.length) return [];
  return db
    .select()
    .from(mailOutbox)
    .where(sql`${mailOutbox.id} = any(${uuidArray(ids.map((r) => r.id))})`)
    .orderBy(mailOutbox.nextAttemptAt, mailOutbox.createdAt);
}

export async function markSent(
  db: DbOrTx,
  id: string,
  r: { at: Date; messageId: string | null; note: string | null },
) {
  await db
    .update(mailOutbox)
    .set({
      status: "sent",
      sentAt: r.at,
      messageId: r.messageId,
      attempts: sql`${mailOutbox.attempts} + 1`,
      claimedUntil: null,
      lastError: r.note,
    })
    .where(eq(mailOutbox.id, id));
}

/** A failed attempt: retried at `retryAt`, or given up (status failed) when retryAt is null. */
export async function markAttemptFailed(db: DbOrTx, id: string, r: { error: string; retryAt: Date | null }) {
  await db
    .update(mailOutbox)
    .set({
      status: r.retryAt ? "queued" : "failed",
      attempts: sql`${mailOutbox.attempts} + 1`,
      nextAttemptAt: r.retryAt ?? sql`${mailOutbox.nextAttemptAt}`,
      claimedUntil: null,
      lastError: r.error.slice(0, 2000),
    })
    .where(eq(mailOutbox.id, id));
}

/** Without an SMTP server: due mails stay here for an admin to read (status outbox). */
export async function keepInOutbox(db: DbOrTx, now: Date): Promise<number> {
  const rows = await rowsOf<{ id: string }>(
    db,
    sql`update mail_outbox set status = 'outbox', claimed_until = null
      where status = 'queued' and ${dueBy(now)}
        and (claimed_until is null or claimed_until < ${now.toISOString()}::timestamptz)
      returning id`,
  );
  return rows.length;
}

/** An admin sends a failed (or outbox-only) mail again: queued now, with a fresh count of attempts. */
export async function requeueMail(db: DbOrTx, id: string, now: Date): Promise<boolean> {
  const rows = await db
    .update(mailOutbox)
    .set({ status: "queued", attempts: 0, nextAttemptAt: now, claimedUntil: null, lastError: null })
    .where(and(eq(mailOutbox.id, id), sql`${mailOutbox.status} in ('failed', 'outbox')`))
    .returning({ id: mailOutbox.id });
  return rows.length > 0;
}

export interface MailFilters {
  status?: MailStatus | undefined;
  /** Recipient or subject contains (case-insensitive). */
  q?: string | undefined;
  relatedId?: string | undefined;
  page: number;
  pageSize: number;
}

function filterSql(f: MailFilters): SQL | undefined {
  const parts: SQL[] = [];
  if (f.status) parts.push(eq(mailOutbox.status, f.status));
  if (f.relatedId) parts.push(eq(mailOutbox.relatedId, f.relatedId));
  if (f.q) {
    const q = f.q.toLowerCase();
    parts.push(
      sql`(strpos(lower(${mailOutbox.to}), ${q}) > 0 or strpos(lower(${mailOutbox.subject}), ${q}) > 0)`,
    );
  }
  return parts.length ? and(...parts) : undefined;
}

export async function listMails(db: DbOrTx, f: MailFilters): Promise<{ rows: MailRow[]; total: number }> {
  const where = filterSql(f);
  const [t] = await db.select({ n: count() }).from(mailOutbox).where(where);
  const rows = await db
    .select()
    .from(mailOutbox)
    .where(where)
    .orderBy(desc(mailOutbox.createdAt), desc(mailOutbox.id))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
  return { rows, total: Number(t?.n ?? 0) };
}

export async function mailById(db: DbOrTx, id: string): Promise<MailRow | null> {
  const [row] = await db.select().from(mailOutbox).where(eq(mailOutbox.id, id));
  return row ?? null;
}

/** How many mails are in each status (for the admin's page header). */
export async function countByStatus(db: DbOrTx): Promise<Record<string, number>> {
  const rows = await db
    .select({ status: mailOutbox.status, n: count() })
    .from(mailOutbox)
    .groupBy(mailOutbox.status);
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}
