/**
 * The audit log: security-relevant actions (sign-ins, failed sign-ins, role changes, user creation,
 * exports, backups). Append-only; read by admins.
 */
import { and, count, desc, eq, gte, lt, type SQL, sql } from "drizzle-orm";
import type { Actor } from "../../auth/policy";
import type { DbOrTx } from "../../db/client";
import { auditEvents, users } from "../../db/schema";
import type { RequestMeta } from "../../http/context";

export const AUDIT_ACTIONS = [
  "auth.login",
  "auth.login_failed",
  "auth.login_throttled",
  "auth.logout",
  "auth.password_changed",
  "auth.invitation_accepted",
  "user.created",
  "user.invited",
  "user.updated",
  "user.role_changed",
  "user.organization_changed",
  "user.disabled",
  "user.enabled",
  "user.password_reset",
  "organization.created",
  "organization.updated",
  "organization.deleted",
  "export.organizations",
  "export.audit",
  "data.demo_loaded",
  "data.backup",
  "data.restore",
  "data.import",
  "export.catalog",
  "need.read",
  "need.list_read",
  "need.spam_dropped",
  "match.inquiry_sent",
  "match.inquiry_answered",
  "match.synonyms_changed",
  "case.file_read",
  "case.stages_changed",
  "export.cases",
  "contract.rate_added",
  "contract.rate_removed",
  "contract.billing_changed",
  "contract.document_read",
  "opencall.applied_publicly",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditEntry {
  action: AuditAction;
  actor?: Pick<Actor, "id" | "email"> | null;
  subject?: string | null;
  target?: { type: string; id: string } | null;
  meta?: RequestMeta | null;
  details?: Record<string, unknown>;
}

export async function recordAudit(db: DbOrTx, entry: AuditEntry): Promise<void> {
  await db.insert(auditEvents).values({
    action: entry.action,
    actorUserId: entry.actor?.id ?? null,
    actorEmail: entry.actor?.email ?? null,
    subject: entry.subject ?? null,
    targetType: entry.target?.type ?? null,
    targetId: entry.target?.id ?? null,
    ip: entry.meta?.ip ?? null,
    userAgent: entry.meta?.userAgent?.slice(0, 500) ?? null,
    details: entry.details ?? {},
  });
}

/** How many times an action happened for a subject or an IP since a moment (login throttling). */
export async function countRecent(
  db: DbOrTx,
  action: AuditAction,
  since: Date,
  by: { subject: string } | { ip: string },
): Promise<number> {
  const where = "subject" in by ? eq(auditEvents.subject, by.subject) : eq(auditEvents.ip, by.ip);
  const [row] = await db
    .select({ n: count() })
    .from(auditEvents)
    .where(and(eq(auditEvents.action, action), where, gte(auditEvents.at, since)));
  return Number(row?.n ?? 0);
}

export interface AuditFilters {
  action?: string | undefined;
  /** Matches the actor's e-mail or the subject, case-insensitively, anywhere. */
  q?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  page: number;
  pageSize: number;
}

function filterSql(f: Omit<AuditFilters, "page" | "pageSize">): SQL | undefined {
  const parts: SQL[] = [];
  if (f.action)
    parts.push(
      f.action.endsWith(".")
        ? sql`${auditEvents.action} like ${`${f.action}%`}`
        : eq(auditEvents.action, f.action),
    );
  if (f.q) {
    const q = f.q.toLowerCase();
    parts.push(
      sql`(strpos(lower(coalesce(${auditEvents.actorEmail}, '')), ${q}) > 0 or strpos(lower(coalesce(${auditEvents.subject}, '')), ${q}) > 0)`,
    );
  }
  if (f.from) parts.push(gte(auditEvents.at, f.from));
  if (f.to) parts.push(lt(auditEvents.at, f.to));
  return parts.length ? and(...parts) : undefined;
}

const auditColumns = {
  id: auditEvents.id,
  at: auditEvents.at,
  action: auditEvents.action,
  actorUserId: auditEvents.actorUserId,
  actorEmail: auditEvents.actorEmail,
  actorName: users.displayName,
  subject: auditEvents.subject,
  targetType: auditEvents.targetType,
  targetId: auditEvents.targetId,
  ip: auditEvents.ip,
  userAgent: auditEvents.userAgent,
  details: auditEvents.details,
};

export type AuditRow = {
  id: number;
  at: Date;
  action: string;
  actorUserId: string | null;
  actorEmail: string | null;
  actorName: string | null;
  subject: string | null;
  targetType: string | null;
  targetId: string | null;
  ip: string | null;
  userAgent: string | null;
  details: unknown;
};

export async function listAudit(db: DbOrTx, f: AuditFilters): Promise<{ items: AuditRow[]; total: number }> {
  const where = filterSql(f);
  const [totalRow] = await db.select({ n: count() }).from(auditEvents).where(where);
  const items = await db
    .select(auditColumns)
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorUserId))
    .where(where)
    .orderBy(desc(auditEvents.at), desc(auditEvents.id))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
  return { items, total: Number(totalRow?.n ?? 0) };
}

/** All rows matching the filters, newest first, for export (capped to keep a request bounded). */
export async function auditRowsForExport(
  db: DbOrTx,
  f: Omit<AuditFilters, "page" | "pageSize">,
  limit = 100_000,
): Promise<AuditRow[]> {
  return db
    .select(auditColumns)
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorUserId))
    .where(filterSql(f))
    .orderBy(desc(auditEvents.at), desc(auditEvents.id))
    .limit(limit);
}
