/**
 * Demo data: synthetic companies, banks, a 信用金庫, a chamber of commerce, municipalities and one user
 * per role. Every name is invented (no real company or bank), e-mail addresses use the reserved
 * `.example` domain, and every row carries is_demo so that it can be removed or reloaded.
 * Loaded on the first start of an empty database unless KYOSO_DEMO=off, and by `kyoso demo`.
 */
import { randomBytes } from "node:crypto";
import { and, eq, inArray, notExists, sql } from "drizzle-orm";
import { makeCorporateNumber } from "../../../shared/corporate-number";
import type { OrgType, Role } from "../../../shared/roles";
import { ROLES } from "../../../shared/roles";
import type { Db } from "../../db/client";
import {
  appMeta,
  contractParties,
  contracts,
  indirectRates,
  institutionBilling,
  needs,
  openCallApplications,
  openCalls,
  organizations,
  users,
} from "../../db/schema";
import { recordAudit } from "../audit/service";
import type { Progress } from "../catalog/import/apply";
import { searchFields } from "../organizations/repository";
import { createUser } from "../users/service";
import { loadDemoCases } from "./cases";
import { type DemoCatalogSize, loadDemoCatalog, removeDemoCatalog } from "./catalog";
import { loadDemoContracts } from "./contracts";
import { loadDemoOpenCall } from "./open-call";

interface DemoOrg {
  key: string;
  type: OrgType;
  nameJa: string;
  nameKana: string;
  nameEn: string;
  prefecture: number;
  city: string;
  area: string | null;
  corporateBase?: string;
}

/** Invented organisations. Corporate numbers are built from made-up 12-digit bases with a valid check digit. */
export const DEMO_ORGANIZATIONS: DemoOrg[] = [
  {
    key: "c1",
    type: "company",
    nameJa: "越後精密加工株式会社",
    nameKana: "えちごせいみつかこうかぶしきがいしゃ",
    nameEn: "Echigo Precision Machining Co., Ltd. (demo)",
    prefecture: 15,
    city: "長岡市",
    area: "shinetsu",
    corporateBase: "900001000001",
  },
  {
    key: "c2",
    type: "company",
    nameJa: "信濃センサーテック株式会社",
    nameKana: "しなのせんさーてっくかぶしきがいしゃ",
    nameEn: "Shinano Sensor Tech Inc. (demo)",
    prefecture: 20,
    city: "長野市",
    area: "shinetsu",
    corporateBase: "900001000002",
  },
  {
    key: "c3",
    type: "company",
    nameJa: "三河オートパーツ株式会社",
    nameKana: "みかわおーとぱーつかぶしきがいしゃ",
    nameEn: "Mikawa Auto Parts Co., Ltd. (demo)",
    prefecture: 23,
    city: "豊橋市",
    area: "tokai",
    corporateBase: "900001000003",
  },
  {
    key: "c4",
    type: "company",
    nameJa: "遠州グリーン農産合同会社",
    nameKana: "えんしゅうぐりーんのうさんごうどうがいしゃ",
    nameEn: "Enshu Green Agri LLC (demo)",
    prefecture: 22,
    city: "浜松市",
    area: "tokai",
    corporateBase: "900001000004",
  },
  {
    key: "c5",
    type: "company",
    nameJa: "多摩データラボ株式会社",
    nameKana: "たまでーたらぼかぶしきがいしゃ",
    nameEn: "Tama Data Lab K.K. (demo)",
    prefecture: 13,
    city: "八王子市",
    area: "tokyo",
    corporateBase: "900001000005",
  },
  {
    key: "c6",
    type: "company",
    nameJa: "株式会社北越化成",
    nameKana: "ほくえつかせい",
    nameEn: "Hokuetsu Kasei Corp. (demo)",
    prefecture: 15,
    city: "新潟市",
    area: "shinetsu",
    corporateBase: "900001000006",
  },
  {
    key: "b1",
    type: "bank",
    nameJa: "越後中央銀行（デモ）",
    nameKana: "えちごちゅうおうぎんこう",
    nameEn: "Echigo Chuo Bank (demo)",
    prefecture: 15,
    city: "新潟市",
    area: "shinetsu",
    corporateBase: "900002000001",
  },
  {
    key: "b2",
    type: "bank",
    nameJa: "東三河銀行（デモ）",
    nameKana: "ひがしみかわぎんこう",
    nameEn: "Higashi-Mikawa Bank (demo)",
    prefecture: 23,
    city: "豊橋市",
    area: "tokai",
    corporateBase: "900002000002",
  },
  {
    key: "s1",
    type: "shinkin",
    nameJa: "長岡みらい信用金庫（デモ）",
    nameKana: "ながおかみらいしんようきんこ",
    nameEn: "Nagaoka Mirai Shinkin Bank (demo)",
    prefecture: 15,
    city: "長岡市",
    area: "shinetsu",
    corporateBase: "900003000001",
  },
  {
    key: "s2",
    type: "shinkin",
    nameJa: "とよはし光信用金庫（デモ）",
    nameKana: "とよはしひかりしんようきんこ",
    nameEn: "Toyohashi Hikari Shinkin Bank (demo)",
    prefecture: 23,
    city: "豊橋市",
    area: "tokai",
    corporateBase: "900003000002",
  },
  {
    key: "k1",
    type: "chamber",
    nameJa: "長岡デモ商工会議所",
    nameKana: "ながおかでもしょうこうかいぎしょ",
    nameEn: "Nagaoka Demo Chamber of Commerce",
    prefecture: 15,
    city: "長岡市",
    area: "shinetsu",
    corporateBase: "900004000001",
  },
  {
    key: "m1",
    type: "municipality",
    nameJa: "デモ県産業振興課",
    nameKana: "でもけんさんぎょうしんこうか",
    nameEn: "Demo Prefecture Industry Promotion Division",
    prefecture: 15,
    city: "新潟市",
    area: "shinetsu",
  },
  {
    key: "m2",
    type: "municipality",
    nameJa: "デモ市ものづくり支援室",
    nameKana: "でもしものづくりしえんしつ",
    nameEn: "Demo City Manufacturing Support Office",
    prefecture: 23,
    city: "豊橋市",
    area: "tokai",
  },
];

/** One demo user per role: where they belong (reference institution code or demo org key). */
const DEMO_USERS: Record<
  Role,
  { name: string; org: string; coverage?: { areas?: string[]; orgs?: string[] } }
> = {
  admin: { name: "デモ 管理者", org: "nagaokaut" },
  coordinator: {
    name: "デモ コーディネーター",
    org: "tut",
    coverage: { areas: ["tokai"], orgs: ["kosen-nagaoka"] },
  },
  researcher: { name: "デモ 研究者", org: "kosen-nagaoka" },
  company_member: { name: "デモ 企業担当", org: "c1" },
  referral_partner: { name: "デモ 信金担当", org: "s1" },
  contract_officer: { name: "デモ 契約担当", org: "nagaokaut" },
  education_manager: { name: "デモ 人材育成担当", org: "tut" },
  executive: { name: "デモ 役員", org: "nagaokaut" },
};

export const demoEmail = (role: Role) => `${role.replace("_", "-")}@demo.kyoso.example`;

export interface DemoResult {
  password: string;
  accounts: { role: Role; email: string; name: string }[];
  organizations: number;
  researchers: number;
  seeds: number;
  /** Demo needs, each with its case. */
  cases: number;
  /** Demo contracts (with invoices, rate tables and invoice settings of two institutions). */
  contracts: number;
}

/** Removes earlier demo rows (users, then organisations) and loads them afresh with a new password. */
export async function loadDemoData(
  db: Db,
  opts: {
    password?: string | undefined;
    catalog?: DemoCatalogSize;
    onProgress?: (what: string, p: Progress) => void;
  } = {},
): Promise<DemoResult> {
  const password = opts.password ?? `demo-${randomBytes(6).toString("base64url")}`;
  await removeDemoData(db);

  const idByKey = new Map<string, string>();
  const refs = await db
    .select({ id: organizations.id, code: organizations.code })
    .from(organizations)
    .where(eq(organizations.isReference, true));
  for (const r of refs) if (r.code) idByKey.set(r.code, r.id);

  await db.transaction(async (tx) => {
    for (const o of DEMO_ORGANIZATIONS) {
      const values = {
        type: o.type,
        nameJa: o.nameJa,
        nameKana: o.nameKana,
        nameEn: o.nameEn,
        prefecture: o.prefecture,
        city: o.city,
        areaCode: o.area,
        corporateNumber: o.corporateBase ? makeCorporateNumber(o.corporateBase) : null,
        notes: "デモデータ（架空の組織です） / Demo data: a fictitious organisation",
        isDemo: true,
      };
      const keys = searchFields(values);
      // A demo organisation that real accounts were attached to survives removal; reuse it.
      await tx
        .insert(organizations)
        .values({ ...values, ...keys })
        .onConflictDoNothing();
      const [row] = await tx
        .select({ id: organizations.id })
        .from(organizations)
        .where(and(eq(organizations.type, o.type), eq(organizations.nameKey, keys.nameKey)));
      if (!row) throw new Error(`demo: could not write ${o.nameJa}`);
      idByKey.set(o.key, row.id);
    }
  });

  const accounts: DemoResult["accounts"] = [];
  for (const role of ROLES) {
    const spec = DEMO_USERS[role];
    const organizationId = idByKey.get(spec.org);
    if (!organizationId) throw new Error(`demo: no organisation ${spec.org}`);
    const coverage = [
      ...(spec.coverage?.areas ?? []).map((areaCode) => ({ kind: "area" as const, areaCode })),
      ...(spec.coverage?.orgs ?? []).map((k) => ({
        kind: "organization" as const,
        organizationId: idByKey.get(k)!,
      })),
    ];
    const email = demoEmail(role);
    await createUser({
      db,
      actor: null,
      input: { email, displayName: spec.name, role, organizationId, mode: "password", password, coverage },
      meta: null,
      isDemo: true,
      via: "demo",
    });
    accounts.push({ role, email, name: spec.name });
  }

  const idOfRole = async (role: Role) =>
    (
      await db
        .select({ id: users.id })
        .from(users)
        .where(eq(users.email, demoEmail(role)))
    )[0]!.id;
  const demoCases = await loadDemoCases(db, {
    orgs: idByKey,
    orgNames: new Map(DEMO_ORGANIZATIONS.map((o) => [o.key, o.nameJa])),
    coordinatorId: await idOfRole("coordinator"),
    partnerId: await idOfRole("referral_partner"),
    companyId: await idOfRole("company_member"),
  });

  const catalog = await loadDemoCatalog(db, {
    size: opts.catalog ?? "full",
    researcherEmail: demoEmail("researcher"),
    onProgress: opts.onProgress,
  });

  const demoContracts = await loadDemoContracts(db, {
    orgs: idByKey,
    adminEmail: demoEmail("admin"),
    companyEmail: demoEmail("company_member"),
  });
  await loadDemoOpenCall(db, {
    orgs: idByKey,
    adminEmail: demoEmail("admin"),
    companyEmail: demoEmail("company_member"),
  });

  await db
    .insert(appMeta)
    .values({ key: "demo", value: { loadedAt: new Date().toISOString() } })
    .onConflictDoUpdate({
      target: appMeta.key,
      set: { value: { loadedAt: new Date().toISOString() }, updatedAt: new Date() },
    });
  await recordAudit(db, {
    action: "data.demo_loaded",
    details: {
      organizations: DEMO_ORGANIZATIONS.length,
      users: accounts.length,
      cases: demoCases,
      contracts: demoContracts,
      ...catalog,
    },
  });
  return {
    password,
    accounts,
    organizations: DEMO_ORGANIZATIONS.length,
    cases: demoCases,
    contracts: demoContracts,
    ...catalog,
  };
}

export async function removeDemoData(db: Db): Promise<void> {
  await removeDemoCatalog(db);
  await db.transaction(async (tx) => {
    // Contracts first (their parties, invoices and documents go with them), then open calls.
    await tx.delete(contracts).where(eq(contracts.isDemo, true));
    await tx.delete(openCalls).where(eq(openCalls.isDemo, true));
    await tx.delete(indirectRates).where(eq(indirectRates.isDemo, true));
    await tx.delete(institutionBilling).where(eq(institutionBilling.isDemo, true));
    await tx.delete(needs).where(eq(needs.isDemo, true)); // their cases go with them
    const demoUsers = await tx.select({ id: users.id }).from(users).where(eq(users.isDemo, true));
    if (demoUsers.length)
      await tx.delete(users).where(
        inArray(
          users.id,
          demoUsers.map((u) => u.id),
        ),
      );
    // Keep demo organisations that non-demo accounts now belong to.
    await tx.delete(organizations).where(
      and(
        eq(organizations.isDemo, true),
        notExists(tx.select({ one: sql`1` }).from(users).where(eq(users.organizationId, organizations.id))),
        // …and those that real contracts or applications name.
        notExists(
          tx
            .select({ one: sql`1` })
            .from(contractParties)
            .where(eq(contractParties.organizationId, organizations.id)),
        ),
        notExists(
          tx
            .select({ one: sql`1` })
            .from(openCallApplications)
            .where(eq(openCallApplications.organizationId, organizations.id)),
        ),
      ),
    );
  });
}

/** True when no user account exists yet: the first start of a new database. */
export async function isEmptyDatabase(db: Db): Promise<boolean> {
  const [row] = await db.select({ id: users.id }).from(users).limit(1);
  return !row;
}

export function formatDemoAccounts(r: DemoResult, url?: string): string {
  const lines = [
    `Demo data loaded: ${r.organizations} synthetic organisations, one account per role, ${r.researchers} synthetic researchers, ${r.seeds} research seeds, ${r.cases} needs with their cases, ${r.contracts} contracts with their invoices and an open call.`,
    `Sign in${url ? ` at ${url}` : ""} with any of these (password: ${r.password}):`,
    ...r.accounts.map((a) => `  ${a.role.padEnd(18)} ${a.email}`),
  ];
  return lines.join("\n");
}
