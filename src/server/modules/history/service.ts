/**
 * Edit history of versioned records (seeds, researcher profiles, and later cases and contracts): each
 * change writes a revision with the fields that changed, who changed them and from where.
 */
import { and, desc, eq } from "drizzle-orm";
import type { DbOrTx } from "../../db/client";
import { revisions, users } from "../../db/schema";

export type RevisionSource = "web" | "import" | "cli" | "demo";

/** The fields whose value differs between two snapshots (compared as JSON). */
export function diff(
  before: Record<string, unknown> | null,
  after: Record<string, unknown>,
  fields: readonly string[] = Object.keys(after),
): Record<string, { from: unknown; to: unknown }> {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const f of fields) {
    const from = before ? (before[f] ?? null) : null;
    const to = after[f] ?? null;
    if (JSON.stringify(from) !== JSON.stringify(to)) changes[f] = { from, to };
  }
  return changes;
}

export async function recordRevision(
  db: DbOrTx,
  r: {
    entityType: string;
    entityId: string;
    version: number;
    actor: { id: string; email: string } | null;
    source: RevisionSource;
    changes: Record<string, { from: unknown; to: unknown }>;
  },
): Promise<void> {
  if (!Object.keys(r.changes).length) return;
  await db.insert(revisions).values({
    entityType: r.entityType,
    entityId: r.entityId,
    version: r.version,
    actorUserId: r.actor?.id ?? null,
    actorEmail: r.actor?.email ?? null,
    source: r.source,
    changes: r.changes,
  });
}

export async function historyOf(db: DbOrTx, entityType: string, entityId: string) {
  const rows = await db
    .select({
      version: revisions.version,
      at: revisions.at,
      actorEmail: revisions.actorEmail,
      actorName: users.displayName,
      source: revisions.source,
      changes: revisions.changes,
    })
    .from(revisions)
    .leftJoin(users, eq(users.id, revisions.actorUserId))
    .where(and(eq(revisions.entityType, entityType), eq(revisions.entityId, entityId)))
    .orderBy(desc(revisions.version), desc(revisions.id));
  return rows.map((r) => ({ ...r, at: r.at.toISOString() }));
}
