/**
 * Organisations: the member institutions (reference data, admin-only changes) and the outside parties
 * (companies with 法人番号, banks, 信用金庫, chambers of commerce, municipalities).
 */
import { and, count, eq, inArray } from "drizzle-orm";
import { isInstitutionType, type OrgType } from "../../../shared/roles";
import {
  type Actor,
  assertCanWriteOrganization,
  canSeeOrganization,
  organizationVisibility,
} from "../../auth/policy";
import type { Db, DbOrTx } from "../../db/client";
import { areas, organizations } from "../../db/schema";
import { conflict, type FieldProblem, invalid, invalidFields, notFound, staleVersion } from "../../errors";
import type { RequestMeta } from "../../http/context";
import { recordAudit } from "../audit/service";
import * as repo from "./repository";
import type { OrganizationCreateInput, OrganizationListQuery, OrganizationUpdateInput } from "./schemas";

export function presentOrganization(row: repo.OrganizationRow, campusCount: number) {
  return {
    id: row.id,
    type: row.type,
    code: row.code,
    nameJa: row.nameJa,
    shortNameJa: row.shortNameJa,
    nameKana: row.nameKana,
    nameEn: row.nameEn,
    shortNameEn: row.shortNameEn,
    corporateNumber: row.corporateNumber,
    prefecture: row.prefecture,
    city: row.city,
    areaCode: row.areaCode,
    kosenBlock: row.kosenBlock,
    isReference: row.isReference,
    isDemo: row.isDemo,
    campusCount,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  };
}

export async function listOrganizationsFor(opts: { db: DbOrTx; actor: Actor; query: OrganizationListQuery }) {
  const { query } = opts;
  const v = organizationVisibility(opts.actor);
  const { rows, total } = await repo.listOrganizations(
    opts.db,
    {
      types: query.type,
      area: query.area,
      block: query.block,
      prefecture: query.prefecture,
      q: query.q,
      visibleTypes: v.types,
      alsoId: v.alsoId,
    },
    { sort: query.sort, limit: query.pageSize, offset: (query.page - 1) * query.pageSize },
  );
  return {
    items: rows.map((r) => presentOrganization(r.org, r.campusCount)),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

export async function getOrganization(opts: { db: DbOrTx; actor: Actor; id: string }) {
  const found = await repo.findOrganization(opts.db, opts.id);
  if (!found || !canSeeOrganization(opts.actor, found.org)) throw notFound("The organisation");
  const [campusList, userCount] = await Promise.all([
    repo.campusesOf(opts.db, opts.id),
    repo.userCountOf(opts.db, opts.id),
  ]);
  return {
    ...presentOrganization(found.org, found.campusCount),
    address: found.org.address,
    website: found.org.website,
    notes: found.org.notes,
    createdAt: found.org.createdAt.toISOString(),
    userCount,
    campuses: campusList.map((c) => ({
      id: c.id,
      nameJa: c.nameJa,
      nameEn: c.nameEn,
      prefecture: c.prefecture,
      city: c.city,
      isMain: c.isMain,
    })),
  };
}

type Fields = Omit<OrganizationCreateInput, "type" | "code" | "campuses">;

/** Rules that depend on the type and on other rows; collects every problem before refusing. */
async function checkFields(
  db: DbOrTx,
  type: OrgType,
  f: Partial<Fields>,
  hasCampuses: boolean,
): Promise<void> {
  const problems: FieldProblem[] = [];
  if (type === "kosen" && f.kosenBlock === null)
    problems.push({ field: "kosenBlock", message: "is required for a KOSEN" });
  if (type !== "kosen" && f.kosenBlock)
    problems.push({ field: "kosenBlock", message: "applies only to KOSEN" });
  if (hasCampuses && !isInstitutionType(type))
    problems.push({ field: "campuses", message: "only universities and KOSEN have campuses" });
  if (f.areaCode) {
    const [a] = await db.select({ code: areas.code }).from(areas).where(eq(areas.code, f.areaCode));
    if (!a) problems.push({ field: "areaCode", message: `there is no area "${f.areaCode}"` });
  }
  if (problems.length) {
    throw invalidFields(problems);
  }
}

async function checkDuplicates(
  db: DbOrTx,
  o: {
    type: OrgType;
    nameJa: string;
    corporateNumber?: string | null;
    code?: string | null;
    exceptId?: string;
  },
) {
  const { nameKey } = repo.searchFields({ nameJa: o.nameJa });
  const dups = await repo.findDuplicate(db, { ...o, nameKey });
  const fields: FieldProblem[] = [];
  for (const d of dups) {
    if (o.corporateNumber && d.corporateNumber === o.corporateNumber)
      fields.push({
        field: "corporateNumber",
        message: `${o.corporateNumber} is already registered for ${d.nameJa}`,
      });
    else if (o.code && d.code === o.code)
      fields.push({ field: "code", message: `the code ${o.code} is already used by ${d.nameJa}` });
    else
      fields.push({
        field: "nameJa",
        message: `an organisation of this type named ${d.nameJa} already exists`,
      });
  }
  if (fields.length) throw conflict(fields.map((f) => `${f.field}: ${f.message}`).join("; "), fields);
}

export async function createOrganization(opts: {
  db: Db;
  actor: Actor;
  input: OrganizationCreateInput;
  meta: RequestMeta;
}) {
  const { db, actor, input } = opts;
  assertCanWriteOrganization(actor, input.type);
  const { type, code, campuses: campusList, ...fields } = input;
  if (type === "kosen" && !fields.kosenBlock) throw invalid("kosenBlock", "is required for a KOSEN");
  await checkFields(db, type, fields, campusList !== undefined);
  await checkDuplicates(db, {
    type,
    nameJa: fields.nameJa,
    corporateNumber: fields.corporateNumber ?? null,
    code: code ?? null,
  });
  const id = await db.transaction(async (tx) => {
    const values = {
      type,
      code: code ?? null,
      ...fields,
      ...repo.searchFields({ ...fields, code: code ?? null }),
    };
    const [row] = await tx.insert(organizations).values(values).returning({ id: organizations.id });
    if (!row) throw new Error("insert returned nothing");
    if (campusList) await repo.replaceCampuses(tx, row.id, campusList);
    await recordAudit(tx, {
      action: "organization.created",
      actor,
      target: { type: "organization", id: row.id },
      meta: opts.meta,
      details: { type, nameJa: fields.nameJa },
    });
    return row.id;
  });
  return getOrganization({ db, actor, id });
}

export async function updateOrganization(opts: {
  db: Db;
  actor: Actor;
  id: string;
  input: OrganizationUpdateInput;
  meta: RequestMeta;
}) {
  const { db, actor, id } = opts;
  const { version, campuses: campusList, ...changes } = opts.input;
  const found = await repo.findOrganization(db, id);
  if (!found || !canSeeOrganization(actor, found.org)) throw notFound("The organisation");
  const current = found.org;
  assertCanWriteOrganization(actor, current.type);
  await checkFields(db, current.type, changes, campusList !== undefined);
  const merged = { ...current, ...changes };
  await checkDuplicates(db, {
    type: current.type,
    nameJa: merged.nameJa,
    corporateNumber: merged.corporateNumber,
    exceptId: id,
  });
  await db.transaction(async (tx) => {
    const updated = await tx
      .update(organizations)
      .set({ ...changes, ...repo.searchFields(merged), version: current.version + 1, updatedAt: new Date() })
      .where(and(eq(organizations.id, id), eq(organizations.version, version)))
      .returning({ id: organizations.id });
    if (updated.length === 0) throw staleVersion("This organisation");
    if (campusList) await repo.replaceCampuses(tx, id, campusList);
    const changed = Object.keys(changes).filter(
      (k) =>
        JSON.stringify(changes[k as keyof typeof changes]) !==
        JSON.stringify(current[k as keyof typeof current]),
    );
    await recordAudit(tx, {
      action: "organization.updated",
      actor,
      target: { type: "organization", id },
      meta: opts.meta,
      details: { changed: campusList ? [...changed, "campuses"] : changed },
    });
  });
  return getOrganization({ db, actor, id });
}

export async function deleteOrganization(opts: { db: Db; actor: Actor; id: string; meta: RequestMeta }) {
  const { db, actor, id } = opts;
  const found = await repo.findOrganization(db, id);
  if (!found) throw notFound("The organisation");
  assertCanWriteOrganization(actor, found.org.type);
  if (found.org.isReference) {
    throw conflict("Member institutions are reference data and cannot be deleted; edit them instead");
  }
  const users = await repo.userCountOf(db, id);
  if (users > 0)
    throw conflict(`${users} user account(s) belong to this organisation; move or remove them first`);
  await db.transaction(async (tx) => {
    await tx.delete(organizations).where(eq(organizations.id, id));
    await recordAudit(tx, {
      action: "organization.deleted",
      actor,
      target: { type: "organization", id },
      meta: opts.meta,
      details: { nameJa: found.org.nameJa, type: found.org.type },
    });
  });
}

export async function listAreas(db: DbOrTx) {
  const rows = await db
    .select({
      code: areas.code,
      nameJa: areas.nameJa,
      nameEn: areas.nameEn,
      status: areas.status,
      institutionCount: count(organizations.id),
    })
    .from(areas)
    .leftJoin(
      organizations,
      and(eq(organizations.areaCode, areas.code), inArray(organizations.type, ["university", "kosen"])),
    )
    .groupBy(areas.code)
    .orderBy(areas.sortOrder);
  return rows.map((r) => ({ ...r, institutionCount: Number(r.institutionCount) }));
}
