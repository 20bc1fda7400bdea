/**
 * All SQL for organisations and their campuses. Name search uses the normalised `search_text`
 * (NFKC, lower case, hiragana), so kanji, either kana script, half-width kana and English all match.
 */
import { and, asc, count, desc, eq, inArray, or, type SQL, sql } from "drizzle-orm";
import type { OrgType } from "../../../shared/roles";
import { normalizeForSearch } from "../../../shared/text";
import type { DbOrTx } from "../../db/client";
import { campuses, organizations, users } from "../../db/schema";

export type OrganizationRow = typeof organizations.$inferSelect;
export type NewOrganization = typeof organizations.$inferInsert;

/** The normalised search text and name key of an organisation. */
export function searchFields(o: Pick<OrganizationRow, "nameJa"> & Partial<OrganizationRow>) {
  const parts = [
    o.nameJa,
    o.shortNameJa,
    o.nameKana,
    o.nameEn,
    o.shortNameEn,
    o.code,
    o.corporateNumber,
    o.city,
  ];
  return {
    searchText: parts
      .filter(Boolean)
      .map((p) => normalizeForSearch(String(p)))
      .join("|"),
    nameKey: normalizeForSearch(o.nameJa),
  };
}

export interface OrganizationFilter {
  types?: readonly OrgType[];
  area?: string | undefined;
  block?: string | undefined;
  prefecture?: number | undefined;
  q?: string | undefined;
  /** Row-level visibility: only these types, plus one organisation by id. */
  visibleTypes: readonly OrgType[];
  alsoId: string | null;
}

const TYPE_ORDER = sql`case ${organizations.type} when 'university' then 1 when 'kosen' then 2 when 'company' then 3 when 'bank' then 4 when 'shinkin' then 5 when 'chamber' then 6 when 'municipality' then 7 else 8 end`;

function whereOf(f: OrganizationFilter): SQL | undefined {
  const parts: (SQL | undefined)[] = [];
  const visible = inArray(organizations.type, [...f.visibleTypes]);
  parts.push(f.alsoId ? or(visible, eq(organizations.id, f.alsoId)) : visible);
  if (f.types?.length) parts.push(inArray(organizations.type, [...f.types]));
  if (f.area) parts.push(eq(organizations.areaCode, f.area));
  if (f.block) parts.push(eq(organizations.kosenBlock, f.block));
  if (f.prefecture) parts.push(eq(organizations.prefecture, f.prefecture));
  const q = f.q ? normalizeForSearch(f.q) : "";
  if (q) parts.push(sql`strpos(${organizations.searchText}, ${q}) > 0`);
  return and(...parts);
}

// Written out in full: drizzle renders columns unqualified inside a select list, which would bind to the subquery.
const campusCount = sql<number>`(select count(*) from "campuses" c where c."organization_id" = "organizations"."id")::int`;

export async function listOrganizations(
  db: DbOrTx,
  f: OrganizationFilter,
  page: { sort: "default" | "name" | "updated"; limit: number; offset: number },
) {
  const where = whereOf(f);
  const byName = sql`coalesce(${organizations.nameKana}, ${organizations.nameJa})`;
  const order =
    page.sort === "name"
      ? [asc(byName)]
      : page.sort === "updated"
        ? [desc(organizations.updatedAt)]
        : [asc(TYPE_ORDER), asc(organizations.prefecture), asc(byName)];
  const [totalRow] = await db.select({ n: count() }).from(organizations).where(where);
  const rows = await db
    .select({ org: organizations, campusCount })
    .from(organizations)
    .where(where)
    .orderBy(...order, asc(organizations.id))
    .limit(page.limit)
    .offset(page.offset);
  return { rows, total: Number(totalRow?.n ?? 0) };
}

export async function findOrganization(db: DbOrTx, id: string) {
  const [row] = await db
    .select({ org: organizations, campusCount })
    .from(organizations)
    .where(eq(organizations.id, id));
  return row ?? null;
}

export async function findOrganizationByCodeOrName(db: DbOrTx, key: string): Promise<OrganizationRow | null> {
  const isUuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(key);
  const [row] = await db
    .select()
    .from(organizations)
    .where(
      or(
        eq(organizations.code, key),
        eq(organizations.nameJa, key),
        eq(organizations.shortNameJa, key),
        isUuid ? eq(organizations.id, key) : undefined,
      ),
    )
    .limit(2);
  return row ?? null;
}

export async function campusesOf(db: DbOrTx, organizationId: string) {
  return db
    .select()
    .from(campuses)
    .where(eq(campuses.organizationId, organizationId))
    .orderBy(asc(campuses.sortOrder), asc(campuses.nameJa));
}

export async function replaceCampuses(
  db: DbOrTx,
  organizationId: string,
  list: {
    nameJa: string;
    nameEn?: string | null;
    prefecture?: number | null;
    city?: string | null;
    isMain?: boolean;
  }[],
) {
  await db.delete(campuses).where(eq(campuses.organizationId, organizationId));
  if (list.length) {
    await db.insert(campuses).values(
      list.map((c, i) => ({
        organizationId,
        nameJa: c.nameJa,
        nameEn: c.nameEn ?? null,
        prefecture: c.prefecture ?? null,
        city: c.city ?? null,
        isMain: c.isMain ?? i === 0,
        sortOrder: i,
      })),
    );
  }
}

export async function userCountOf(db: DbOrTx, organizationId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(users).where(eq(users.organizationId, organizationId));
  return Number(row?.n ?? 0);
}

/** An organisation that already uses a name (same type) or a corporate number, for duplicate messages. */
export async function findDuplicate(
  db: DbOrTx,
  o: {
    type: OrgType;
    nameKey: string;
    corporateNumber?: string | null;
    code?: string | null;
    exceptId?: string;
  },
) {
  const conds = [and(eq(organizations.type, o.type), eq(organizations.nameKey, o.nameKey))];
  if (o.corporateNumber) conds.push(eq(organizations.corporateNumber, o.corporateNumber));
  if (o.code) conds.push(eq(organizations.code, o.code));
  const rows = await db
    .select()
    .from(organizations)
    .where(and(or(...conds), o.exceptId ? sql`${organizations.id} <> ${o.exceptId}` : undefined))
    .limit(5);
  return rows;
}
