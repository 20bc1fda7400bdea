/**
 * SQL building blocks for catalogue search: tsvectors from analysed terms (array_to_tsvector, so that
 * PostgreSQL's own parser never touches Japanese text), tsqueries from analysed query groups, and the
 * visibility/edit-scope conditions decided by the policy module.
 */
import { type SQL, sql } from "drizzle-orm";
import type { EditScope } from "../../auth/policy";
import type { DbOrTx } from "../../db/client";

/**
 * A JS array as one SQL array value. (drizzle's sql template expands arrays into value lists, so the
 * array travels as one JSON parameter and is unpacked on the server; the same on both drivers.)
 */
export function textArray(values: readonly string[]): SQL {
  return sql`array(select jsonb_array_elements_text(${JSON.stringify(values)}::jsonb))`;
}

export function uuidArray(values: readonly string[]): SQL {
  return sql`array(select jsonb_array_elements_text(${JSON.stringify(values)}::jsonb)::uuid)`;
}

/** A tsquery literal for one lexeme: quoted, with quotes and backslashes escaped. */
function lexeme(term: string): string {
  return `'${term.replace(/\\\\/g, "\\\\\\\\").replace(/'/g, "''")}'`;
}

/** (a & b) | c per group, groups AND-ed; null when the query has no usable terms. */
export function toTsquery(groups: string[][][]): string | null {
  const parts = groups
    .map((alternatives) => alternatives.filter((a) => a.length).map((a) => `(${a.map(lexeme).join(" & ")})`))
    .filter((alts) => alts.length)
    .map((alts) => `(${alts.join(" | ")})`);
  return parts.length ? parts.join(" & ") : null;
}

export type Weight = "A" | "B" | "C" | "D";

const MAX_POSITION = 16383;
const MAX_POSITIONS_PER_LEXEME = 255;

/**
 * A weighted tsvector literal from term lists: each occurrence gets a position and its part's weight, so
 * that ts_rank sees weights and term frequencies. Cast with `::tsvector` (no parser touches the text).
 */
export function tsvectorLiteral(parts: { weight: Weight; terms: string[] }[]): string {
  const positions = new Map<string, string[]>();
  let pos = 1;
  for (const part of parts) {
    for (const term of part.terms) {
      if (!term || term.length > 200) continue;
      const list = positions.get(term) ?? [];
      if (list.length < MAX_POSITIONS_PER_LEXEME && pos <= MAX_POSITION) list.push(`${pos}${part.weight}`);
      positions.set(term, list);
      pos = Math.min(pos + 1, MAX_POSITION);
    }
  }
  return [...positions].map(([term, list]) => `${lexeme(term)}:${list.join(",")}`).join(" ");
}

export function weightedVector(parts: { weight: Weight; terms: string[] }[]): SQL {
  return sql`${tsvectorLiteral(parts)}::tsvector`;
}

/** Rows of a raw query, on either driver. */
export async function rowsOf<T>(db: DbOrTx, query: SQL): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}

/** Institutions covered by an EditScope of kind "institutions", as a subquery of organisation ids. */
export function coveredInstitutions(scope: { organizationIds: string[]; areaCodes: string[] }): SQL {
  return sql`(select o2.id from organizations o2 where o2.id = any(${uuidArray(scope.organizationIds)}) or (o2.area_code = any(${textArray(scope.areaCodes)}) and o2.type in ('university', 'kosen')))`;
}

/** Seeds (alias `s`) the scope may edit. */
export function seedEditCondition(scope: EditScope): SQL {
  switch (scope.kind) {
    case "all":
      return sql`true`;
    case "institutions":
      return sql`s.organization_id in ${coveredInstitutions(scope)}`;
    case "own":
      return sql`exists (select 1 from seed_researchers sr_e join researchers r_e on r_e.id = sr_e.researcher_id where sr_e.seed_id = s.id and r_e.user_id = ${scope.userId})`;
    case "none":
      return sql`false`;
  }
}

/** Researchers (alias `r`) the scope may edit. */
export function researcherEditCondition(scope: EditScope): SQL {
  switch (scope.kind) {
    case "all":
      return sql`true`;
    case "institutions":
      return sql`r.organization_id in ${coveredInstitutions(scope)}`;
    case "own":
      return sql`r.user_id = ${scope.userId}`;
    case "none":
      return sql`false`;
  }
}

/** Seeds (alias `s`) a viewer may read: published at a visible level, or editable by them. */
export function seedReadCondition(visibilities: string[], scope: EditScope): SQL {
  return sql`((s.status = 'published' and s.visibility = any(${textArray(visibilities)})) or ${seedEditCondition(scope)})`;
}

/**
 * Runs a full-text query with sequential scans discouraged. PostgreSQL's planner does not count the cost
 * of de-TOASTing each row's tsvector, so for common words (matching a quarter of the seeds) it prefers
 * scanning the table over the GIN index, which is several times slower here (measured: 26 ms → 4 ms on the
 * demo data). SET LOCAL keeps the setting inside this transaction; it needs no special rights.
 */
export async function preferIndexes<T>(
  db: DbOrTx,
  active: boolean,
  fn: (db: DbOrTx) => Promise<T>,
): Promise<T> {
  if (!active) return fn(db);
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local enable_seqscan = off`);
    return fn(tx);
  });
}
