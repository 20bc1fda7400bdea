/**
 * Audit events of needs: reads of a need by someone outside its owners and its coordinators, and
 * honeypot hits of the public form (address only, no content).
 */
import type { DbOrTx } from "../../db/client";
import { type AuditAction, type AuditEntry, recordAudit } from "../audit/service";

export const NEED_AUDIT_ACTIONS = ["need.read", "need.list_read", "need.spam_dropped"] as const;
export type NeedAuditAction = (typeof NEED_AUDIT_ACTIONS)[number];

/**
 * Writes a need event through the audit module. (AUDIT_ACTIONS in modules/audit/service.ts does not list
 * the need.* actions yet; once it does, this cast goes.)
 */
export async function recordNeedAudit(
  db: DbOrTx,
  entry: Omit<AuditEntry, "action"> & { action: NeedAuditAction },
): Promise<void> {
  await recordAudit(db, { ...entry, action: entry.action as unknown as AuditAction });
}
