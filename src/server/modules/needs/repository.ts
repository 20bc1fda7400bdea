/**
 * All SQL of needs: reference numbers, the public form's rate limit, the rows a viewer might see (the
 * policy module's needView decides what they do see), text search within what is visible, and writes.
 */
import { and, asc, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { Actor, NeedAccessFacts } from "../../auth/policy";
import type { DbOrTx } from "../../db/client";
import { areas, needCounters, needs, needViewers, organizations, users } from "../../db/schema";
import { rowsOf, textArray, uuidArray } from "../catalog/search-sql";

export type NeedRow = typeof needs.$inferSelect;

/** The next reference number of a year: `N-2026-000123`. The counter row's lock makes numbers unique. */
export async function nextReferenceNumber(tx: DbOrTx, year: number): Promise<string> {
  const [row] = await tx
    .insert(needCounters)
    .values({ year, last: 1 })
    .onConflictDoUpdate({ target: needCounters.year, set: { last: sql`${needCounters.last} + 1` } })
    .returning({ last: needCounters.last });
  return `N-${year}-${String(row!.last).padStart(6, "0")}`;
}

/**
 * Serialises public submissions from one address (until the transaction ends), so that the rate limit
 * counted next holds under concurrent requests too, on every app server.
 */
export async function lockSubmitterAddress(tx: DbOrTx, ip: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`kyoso:need-ip:${ip}`}))`);
}

/** Public submissions from an address since a moment: stored needs and dropped honeypot hits. */
export async function countPublicSubmissions(db: DbOrTx, ip: string, since: Date): Promise<number> {
  const [row] = await rowsOf<{ n: number }>(
    db,
    sql`select (
        (select count(*) from needs where submitted_ip = ${ip} and created_at >= ${since.toISOString()}::timestamptz)
      + (select count(*) from audit_events where action = 'need.spam_dropped' and ip = ${ip} and at >= ${since.toISOString()}::timestamptz)
      )::int as n`,
  );
  return Number(row?.n ?? 0);
}

/** The oldest submission in the window (for Retry-After). */
export async function oldestPublicSubmission(db: DbOrTx, ip: string, since: Date): Promise<Date | null> {
  const [row] = await rowsOf<{ at: string | null }>(
    db,
    sql`select min(at)::text as at from (
        select created_at as at from needs where submitted_ip = ${ip} and created_at >= ${since.toISOString()}::timestamptz
        union all
        select at from audit_events where action = 'need.spam_dropped' and ip = ${ip} and at >= ${since.toISOString()}::timestamptz
      ) s`,
  );
  return row?.at ? new Date(row.at) : null;
}

export async function insertNeed(tx: DbOrTx, values: typeof needs.$inferInsert): Promise<NeedRow> {
  const [row] = await tx.insert(needs).values(values).returning();
  return row!;
}

export async function areaExists(db: DbOrTx, code: string): Promise<boolean> {
  const [row] = await db.select({ code: areas.code }).from(areas).where(eq(areas.code, code));
  return !!row;
}

export async function organizationById(db: DbOrTx, id: string) {
  const [row] = await db
    .select({
      id: organizations.id,
      type: organizations.type,
      nameJa: organizations.nameJa,
      areaCode: organizations.areaCode,
    })
    .from(organizations)
    .where(eq(organizations.id, id));
  return row ?? null;
}

/** The areas of some organisations (to route a need to the area of its company or referral partner). */
export async function areasOfOrganizations(db: DbOrTx, ids: string[]): Promise<string[]> {
  if (!ids.length) return [];
  const rows = await db
    .selectDistinct({ areaCode: organizations.areaCode })
    .from(organizations)
    .where(inArray(organizations.id, ids));
  return rows.flatMap((r) => (r.areaCode ? [r.areaCode] : []));
}

/** Facts of needs for the view decision, plus what lists order and filter by. */
export interface NeedFactsRow extends NeedAccessFacts {
  id: string;
  createdAt: string;
}

const FACT_COLUMNS = sql`n.id, n.created_at::text as "createdAt", n.confidentiality, n.nda_required as "ndaRequired",
  n.nda_status as "ndaStatus", n.anonymous_until_agreed as "anonymousUntilAgreed", n.name_agreed as "nameAgreed",
  n.area_code as "areaCode", n.submitted_by as "submittedBy", n.company_organization_id as "companyOrganizationId",
  n.referral_organization_id as "referralOrganizationId",
  (coalesce(btrim(n.public_summary), '') <> '') as "hasPublicSummary"`;

function namedColumn(actor: Actor | null): SQL {
  return actor
    ? sql`exists (select 1 from need_viewers nv where nv.need_id = n.id and nv.user_id = ${actor.id})`
    : sql`false`;
}

/**
 * Needs that the viewer might see, newest first: a cheap superset (the policy's needView decides).
 * Staff roles that may handle needs get every row; others only the kinds of need that can be shown to them.
 */
export async function candidateFacts(
  db: DbOrTx,
  actor: Actor | null,
  f: { status?: string | undefined; area?: string | undefined; confidentiality?: string | undefined },
): Promise<NeedFactsRow[]> {
  const parts: SQL[] = [];
  if (!actor)
    parts.push(sql`n.confidentiality = 'public_summary' and coalesce(btrim(n.public_summary), '') <> ''`);
  else if (actor.role !== "admin" && actor.role !== "coordinator") {
    parts.push(sql`(n.confidentiality in ('public_summary', 'members') or n.submitted_by = ${actor.id}
      or n.company_organization_id = ${actor.organizationId} or n.referral_organization_id = ${actor.organizationId}
      or ${namedColumn(actor)})`);
  }
  if (f.status) parts.push(sql`n.status = ${f.status}`);
  if (f.area) parts.push(sql`n.area_code = ${f.area}`);
  if (f.confidentiality) parts.push(sql`n.confidentiality = ${f.confidentiality}`);
  const where = parts.length ? sql.join(parts, sql` and `) : sql`true`;
  return rowsOf<NeedFactsRow>(
    db,
    sql`select ${FACT_COLUMNS}, ${namedColumn(actor)} as "viewerIsNamed"
      from needs n where ${where} order by n.created_at desc, n.id desc`,
  );
}

/** Which fields a viewer may search in, by what they may see of a need. */
export type SearchGroup = "summary" | "text" | "company" | "contact";
const SEARCHABLE: Record<SearchGroup, SQL> = {
  summary: sql`coalesce(n.reference_number, '') || ' ' || coalesce(n.public_summary, '')`,
  text: sql`coalesce(n.reference_number, '') || ' ' || coalesce(n.public_summary, '') || ' ' || n.title || ' ' || n.problem || ' ' || coalesce(n.tried, '') || ' ' || coalesce(n.desired_outcome, '')`,
  company: sql`coalesce(n.reference_number, '') || ' ' || coalesce(n.public_summary, '') || ' ' || n.title || ' ' || n.problem || ' ' || coalesce(n.tried, '') || ' ' || coalesce(n.desired_outcome, '') || ' ' || n.organization_name`,
  contact: sql`coalesce(n.reference_number, '') || ' ' || coalesce(n.public_summary, '') || ' ' || n.title || ' ' || n.problem || ' ' || coalesce(n.tried, '') || ' ' || coalesce(n.desired_outcome, '') || ' ' || n.organization_name || ' ' || n.contact_name || ' ' || coalesce(n.contact_email, '') || ' ' || coalesce(n.referral_branch, '') || ' ' || coalesce(n.referral_staff_name, '')`,
};

/** The ids, among those given per group, whose searchable text (for that group) contains every word. */
export async function searchVisible(
  db: DbOrTx,
  groups: Partial<Record<SearchGroup, string[]>>,
  words: string[],
): Promise<Set<string>> {
  const found = new Set<string>();
  for (const [group, ids] of Object.entries(groups) as [SearchGroup, string[]][]) {
    if (!ids.length || !words.length) continue;
    const text = sql`lower(${SEARCHABLE[group]})`;
    const conditions = words.map((w) => sql`strpos(${text}, ${w}) > 0`);
    const rows = await rowsOf<{ id: string }>(
      db,
      sql`select n.id from needs n where n.id = any(${uuidArray(ids)}) and ${sql.join(conditions, sql` and `)}`,
    );
    for (const r of rows) found.add(r.id);
  }
  return found;
}

/** A need with the names around it (company, referral partner, submitter). */
export interface NeedDetailRow extends NeedRow {
  referralOrganizationName: string | null;
  submitterName: string | null;
}

export async function needsByIds(db: DbOrTx, ids: string[]): Promise<NeedDetailRow[]> {
  if (!ids.length) return [];
  const rows = await db
    .select({ need: needs, referralOrganizationName: organizations.nameJa, submitterName: users.displayName })
    .from(needs)
    .leftJoin(organizations, eq(organizations.id, needs.referralOrganizationId))
    .leftJoin(users, eq(users.id, needs.submittedBy))
    .where(inArray(needs.id, ids));
  const byId = new Map(
    rows.map((r) => [
      r.need.id,
      { ...r.need, referralOrganizationName: r.referralOrganizationName, submitterName: r.submitterName },
    ]),
  );
  return ids.flatMap((id) => byId.get(id) ?? []);
}

export async function needById(db: DbOrTx, id: string): Promise<NeedDetailRow | null> {
  const [row] = await needsByIds(db, [id]);
  return row ?? null;
}

export async function isNamedViewer(db: DbOrTx, needId: string, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ userId: needViewers.userId })
    .from(needViewers)
    .where(and(eq(needViewers.needId, needId), eq(needViewers.userId, userId)));
  return !!row;
}

export async function viewersOf(db: DbOrTx, needId: string) {
  return db
    .select({
      id: users.id,
      displayName: users.displayName,
      organizationName: organizations.nameJa,
      role: users.role,
    })
    .from(needViewers)
    .innerJoin(users, eq(users.id, needViewers.userId))
    .innerJoin(organizations, eq(organizations.id, users.organizationId))
    .where(eq(needViewers.needId, needId))
    .orderBy(asc(users.displayName));
}

export async function replaceViewers(tx: DbOrTx, needId: string, userIds: string[], addedBy: string) {
  await tx.delete(needViewers).where(eq(needViewers.needId, needId));
  if (userIds.length)
    await tx.insert(needViewers).values(userIds.map((userId) => ({ needId, userId, addedBy })));
}

/** The ids among these that are active or invited accounts. */
export async function existingUserIds(db: DbOrTx, ids: string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(and(inArray(users.id, ids), sql`${users.status} <> 'disabled'`));
  return new Set(rows.map((r) => r.id));
}

/** Updates a need if its version is still `version`; false when someone changed it meanwhile. */
export async function updateNeedRow(
  tx: DbOrTx,
  id: string,
  version: number,
  set: Partial<typeof needs.$inferInsert>,
): Promise<boolean> {
  const rows = await tx
    .update(needs)
    .set({ ...set, version: version + 1, updatedAt: new Date() })
    .where(and(eq(needs.id, id), eq(needs.version, version)))
    .returning({ id: needs.id });
  return rows.length > 0;
}

/** Accounts a coordinator may name as viewers of a need (by name, e-mail or organisation). */
export async function viewerCandidates(db: DbOrTx, q: string, limit = 30) {
  const term = q.trim().toLowerCase();
  return db
    .select({
      id: users.id,
      displayName: users.displayName,
      email: users.email,
      role: users.role,
      organizationName: organizations.nameJa,
    })
    .from(users)
    .innerJoin(organizations, eq(organizations.id, users.organizationId))
    .where(
      and(
        sql`${users.status} <> 'disabled'`,
        term
          ? sql`(strpos(lower(${users.displayName}), ${term}) > 0 or strpos(${users.email}, ${term}) > 0 or strpos(lower(${organizations.nameJa}), ${term}) > 0)`
          : undefined,
      ),
    )
    .orderBy(asc(users.displayName))
    .limit(limit);
}

/** Area codes in a list that do not exist. */
export async function unknownAreas(db: DbOrTx, codes: string[]): Promise<string[]> {
  if (!codes.length) return [];
  const rows = await rowsOf<{ code: string }>(
    db,
    sql`select code from areas where code = any(${textArray(codes)})`,
  );
  return codes.filter((c) => !rows.some((r) => r.code === c));
}
