/**
 * Looking up what import records refer to: institutions by code or official name, existing researchers
 * by their keys (external id, e-Rad number, researchmap permalink), all in a few bulk queries.
 */
import { inArray, or, sql } from "drizzle-orm";
import { normalizeForSearch } from "../../../../shared/text";
import { type Actor, catalogEditScope } from "../../../auth/policy";
import type { DbOrTx } from "../../../db/client";
import { organizations, researchers, seeds } from "../../../db/schema";

const isUuid = (s: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s);

export interface InstitutionIndex {
  resolve(key: string): { id: string; nameJa: string } | null;
  /** Whether the importing user may write records of this institution. */
  allowed(id: string): boolean;
}

export async function institutionIndex(db: DbOrTx, actor: Actor | null): Promise<InstitutionIndex> {
  const rows = await db
    .select({
      id: organizations.id,
      code: organizations.code,
      nameJa: organizations.nameJa,
      shortNameJa: organizations.shortNameJa,
      nameEn: organizations.nameEn,
      areaCode: organizations.areaCode,
    })
    .from(organizations)
    .where(inArray(organizations.type, ["university", "kosen"]));
  const byKey = new Map<string, { id: string; nameJa: string }>();
  for (const r of rows) {
    for (const k of [r.code, r.nameJa, r.shortNameJa, r.nameEn, r.id])
      if (k) byKey.set(normalizeForSearch(k), { id: r.id, nameJa: r.nameJa });
  }
  const scope = catalogEditScope(actor);
  const allowedIds = new Set(
    scope.kind === "institutions"
      ? rows
          .filter(
            (r) =>
              scope.organizationIds.includes(r.id) || (r.areaCode && scope.areaCodes.includes(r.areaCode)),
          )
          .map((r) => r.id)
      : [],
  );
  return {
    resolve: (key) => byKey.get(normalizeForSearch(key)) ?? null,
    // The CLI (no actor) is an operator's tool: everything.
    allowed: (id) => !actor || scope.kind === "all" || allowedIds.has(id),
  };
}

export interface ExistingResearcher {
  id: string;
  organizationId: string;
  externalId: string | null;
  eradId: string | null;
  researchmapPermalink: string | null;
  nameJa: string | null;
  importHash: string | null;
  version: number;
}

/** Existing researchers that share any key with the records, indexed by each key. */
export async function existingResearchers(
  db: DbOrTx,
  keys: { externalIds: string[]; eradIds: string[]; permalinks: string[] },
) {
  const byExternal = new Map<string, ExistingResearcher>();
  const byErad = new Map<string, ExistingResearcher>();
  const byPermalink = new Map<string, ExistingResearcher>();
  const chunk = 1000;
  const all = [
    ...keys.externalIds.map((k) => ["e", k]),
    ...keys.eradIds.map((k) => ["r", k]),
    ...keys.permalinks.map((k) => ["p", k]),
  ];
  for (let i = 0; i < all.length; i += chunk) {
    const part = all.slice(i, i + chunk);
    const ext = part.filter(([t]) => t === "e").map(([, k]) => k!);
    const extIds = ext.filter(isUuid);
    const erad = part.filter(([t]) => t === "r").map(([, k]) => k!);
    const perm = part.filter(([t]) => t === "p").map(([, k]) => k!);
    const rows = await db
      .select({
        id: researchers.id,
        organizationId: researchers.organizationId,
        externalId: researchers.externalId,
        eradId: researchers.eradId,
        researchmapPermalink: researchers.researchmapPermalink,
        nameJa: researchers.nameJa,
        importHash: researchers.importHash,
        version: researchers.version,
      })
      .from(researchers)
      .where(
        or(
          ext.length ? inArray(researchers.externalId, ext) : sql`false`,
          extIds.length ? inArray(researchers.id, extIds) : sql`false`,
          erad.length ? inArray(researchers.eradId, erad) : sql`false`,
          perm.length ? inArray(researchers.researchmapPermalink, perm) : sql`false`,
        ),
      );
    for (const r of rows) {
      byExternal.set(r.id, r);
      if (r.externalId) byExternal.set(r.externalId, r);
      if (r.eradId) byErad.set(r.eradId, r);
      if (r.researchmapPermalink) byPermalink.set(r.researchmapPermalink, r);
    }
  }
  return { byExternal, byErad, byPermalink };
}

/** Researchers referred to by seeds (any key), id and institution. */
export async function researcherRefs(db: DbOrTx, refs: string[]) {
  const map = new Map<string, { id: string; organizationId: string }>();
  for (let i = 0; i < refs.length; i += 1000) {
    const part = refs.slice(i, i + 1000);
    const uuids = part.filter(isUuid);
    const rows = await db
      .select({
        id: researchers.id,
        organizationId: researchers.organizationId,
        externalId: researchers.externalId,
        eradId: researchers.eradId,
        permalink: researchers.researchmapPermalink,
      })
      .from(researchers)
      .where(
        or(
          inArray(researchers.externalId, part),
          inArray(researchers.eradId, part),
          inArray(researchers.researchmapPermalink, part),
          uuids.length ? inArray(researchers.id, uuids) : sql`false`,
        ),
      );
    // Exports name researchers without an external id by their kyoso id.
    for (const r of rows)
      for (const k of [r.externalId, r.eradId, r.permalink, r.id])
        if (k) map.set(k, { id: r.id, organizationId: r.organizationId });
  }
  return map;
}

/** Existing seeds by external id; exports name seeds without an external id by their kyoso id. */
export async function existingSeeds(db: DbOrTx, externalIds: string[]) {
  const map = new Map<
    string,
    { id: string; organizationId: string; importHash: string | null; version: number }
  >();
  for (let i = 0; i < externalIds.length; i += 1000) {
    const part = externalIds.slice(i, i + 1000);
    const uuids = part.filter(isUuid);
    const rows = await db
      .select({
        id: seeds.id,
        organizationId: seeds.organizationId,
        externalId: seeds.externalId,
        importHash: seeds.importHash,
        version: seeds.version,
      })
      .from(seeds)
      .where(or(inArray(seeds.externalId, part), uuids.length ? inArray(seeds.id, uuids) : sql`false`));
    for (const r of rows) map.set(r.id, r);
    for (const r of rows) if (r.externalId) map.set(r.externalId, r);
  }
  return map;
}

/** Same Japanese name at another institution: possibly the same person registered twice. */
export async function sameNameElsewhere(db: DbOrTx, names: string[]) {
  const map = new Map<string, { id: string; organizationId: string }[]>();
  for (let i = 0; i < names.length; i += 1000) {
    const rows = await db
      .select({ id: researchers.id, organizationId: researchers.organizationId, nameJa: researchers.nameJa })
      .from(researchers)
      .where(inArray(researchers.nameJa, names.slice(i, i + 1000)));
    for (const r of rows) if (r.nameJa) map.set(r.nameJa, [...(map.get(r.nameJa) ?? []), r]);
  }
  return map;
}

/** Researchers holding these ORCID iDs (unique in kyoso, though not an import key). */
export async function researchersByOrcid(db: DbOrTx, orcids: string[]) {
  const map = new Map<string, { id: string; name: string | null }>();
  for (let i = 0; i < orcids.length; i += 1000) {
    const rows = await db
      .select({
        id: researchers.id,
        orcid: researchers.orcid,
        nameJa: researchers.nameJa,
        nameEn: researchers.nameEn,
      })
      .from(researchers)
      .where(inArray(researchers.orcid, orcids.slice(i, i + 1000)));
    for (const r of rows) if (r.orcid) map.set(r.orcid, { id: r.id, name: r.nameJa ?? r.nameEn });
  }
  return map;
}
