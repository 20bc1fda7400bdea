import { randomInt } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeCorporateNumber } from "../../src/shared/corporate-number";
import type { Agent, TestContext } from "../helpers/app";
import { createTestContext } from "../helpers/app";
import { backendName } from "../helpers/db";

interface Org {
  id: string;
  type: string;
  code: string | null;
  nameJa: string;
  corporateNumber: string | null;
  city: string | null;
  campusCount: number;
  version: number;
}
interface OrgDetail extends Org {
  notes: string | null;
  userCount: number;
  campuses: { nameJa: string; isMain: boolean }[];
}
interface OrgList {
  items: Org[];
  total: number;
  page: number;
  pageSize: number;
}
interface ErrorBody {
  error: { code: string; message: string; fields?: { field: string }[]; details?: Record<string, unknown> };
}

let ctx: TestContext;
let admin: Agent;
let coordinator: Agent;
beforeAll(async () => {
  ctx = await createTestContext();
  admin = await ctx.as("admin");
  coordinator = await ctx.as("coordinator");
});
afterAll(() => ctx.close());

const json = async <T>(res: Response) => (await res.json()) as T;
async function list(agent: Agent, query: string): Promise<OrgList> {
  const res = await agent.get(`/api/organizations?${query}`);
  expect(res.status).toBe(200);
  return json<OrgList>(res);
}
const codes = (l: OrgList) => l.items.map((o) => o.code).sort();
const fieldsOf = (b: ErrorBody) => (b.error.fields ?? []).map((f) => f.field);
async function orgCount(): Promise<number> {
  const [r] = await ctx.database.query<{ n: number }>("select count(*)::int as n from organizations");
  return Number(r?.n);
}
/** A fresh valid 法人番号 (random 12-digit base, check digit computed). */
const corporateNumber = () => makeCorporateNumber(String(randomInt(1e11, 1e12)));

describe(`reference institutions: list and filters (${backendName})`, () => {
  it("has the 53 member institutions: 2 universities and 51 KOSEN, 57 campuses", async () => {
    const all = await list(admin, "type=university,kosen&pageSize=200");
    expect(all.total).toBe(53);
    expect(all.items).toHaveLength(53);
    const unis = await list(admin, "type=university");
    expect(codes(unis)).toEqual(["nagaokaut", "tut"]);
    const kosen = await list(admin, "type=kosen&pageSize=200");
    expect(kosen.total).toBe(51);
    expect(kosen.items.every((o) => o.code?.startsWith("kosen-") && o.type === "kosen")).toBe(true);
    expect(all.items.reduce((n, o) => n + o.campusCount, 0)).toBe(57);
    expect(kosen.items.reduce((n, o) => n + o.campusCount, 0)).toBe(55);
  });

  it("filters by KOSEN block (4/6/7/8/4/8/5/9)", async () => {
    const expected = {
      hokkaido: 4,
      tohoku: 6,
      kanto_shinetsu: 7,
      tokai_hokuriku: 8,
      kinki: 4,
      chugoku: 8,
      shikoku: 5,
      kyushu_okinawa: 9,
    };
    for (const [block, n] of Object.entries(expected)) {
      const l = await list(admin, `block=${block}&pageSize=200`);
      expect({ block, total: l.total }).toEqual({ block, total: n });
      expect(l.items.every((o) => o.type === "kosen")).toBe(true);
    }
    const bad = await admin.get("/api/organizations?block=atlantis");
    expect(bad.status).toBe(400);
    expect(fieldsOf(await json<ErrorBody>(bad))).toEqual(["block"]);
  });

  it("filters by area and prefecture", async () => {
    const shinetsu = await list(admin, "area=shinetsu&type=university,kosen");
    expect(shinetsu.items.map((o) => o.nameJa).sort()).toEqual(
      ["長岡技術科学大学", "長岡工業高等専門学校", "長野工業高等専門学校"].sort(),
    );
    expect(codes(await list(admin, "prefecture=40"))).toEqual([
      "kosen-ariake",
      "kosen-kitakyushu",
      "kosen-kurume",
    ]);
    expect(codes(await list(admin, "prefecture=23&type=university,kosen"))).toEqual(["kosen-toyota", "tut"]);
    expect((await admin.get("/api/organizations?prefecture=48")).status).toBe(400);
  });

  it("finds names in kanji, hiragana, katakana, half-width katakana and English", async () => {
    for (const q of ["長岡", "ながおか", "ナガオカ", "ﾅｶﾞｵｶ", "nagaoka", "NAGAOKA"]) {
      const l = await list(admin, `q=${encodeURIComponent(q)}&type=university,kosen`);
      expect({ q, codes: codes(l) }).toEqual({ q, codes: ["kosen-nagaoka", "nagaokaut"] });
    }
    for (const q of ["豊橋", "とよはし", "トヨハシ", "ﾄﾖﾊｼ", "Toyohashi"]) {
      expect({ q, codes: codes(await list(admin, `q=${encodeURIComponent(q)}`)) }).toEqual({
        q,
        codes: ["tut"],
      });
    }
    const kumamoto = await list(admin, `q=${encodeURIComponent("くまもと")}`);
    expect(codes(kumamoto)).toEqual(["kosen-kumamoto"]);
    expect((await list(admin, "q=zzzz-no-such-name")).total).toBe(0);
  });

  it("pages through the list without overlap", async () => {
    const pages = await Promise.all([1, 2, 3].map((p) => list(admin, `type=kosen&pageSize=20&page=${p}`)));
    expect(pages.map((p) => p.items.length)).toEqual([20, 20, 11]);
    expect(pages.every((p) => p.total === 51 && p.pageSize === 20)).toBe(true);
    const ids = new Set(pages.flatMap((p) => p.items.map((o) => o.id)));
    expect(ids.size).toBe(51);
    expect((await list(admin, "type=kosen&pageSize=20&page=4")).items).toEqual([]);
    expect((await admin.get("/api/organizations?pageSize=201")).status).toBe(400);
  });

  it("shows an institution with its campuses", async () => {
    for (const [code, names] of [
      ["kosen-sendai", ["広瀬キャンパス", "名取キャンパス"]],
      ["kosen-kumamoto", ["熊本キャンパス", "八代キャンパス"]],
      ["kosen-nagaoka", ["本校"]],
    ] as const) {
      const inst = await ctx.institution(code);
      const res = await coordinator.get(`/api/organizations/${inst.id}`);
      expect(res.status).toBe(200);
      const d = await json<OrgDetail>(res);
      expect(d.campusCount).toBe(names.length);
      expect(d.campuses.map((c) => c.nameJa)).toEqual(names);
      expect(d.campuses.filter((c) => c.isMain)).toHaveLength(1);
    }
    expect((await admin.get("/api/organizations/00000000-0000-4000-8000-000000000000")).status).toBe(404);
    expect((await admin.get("/api/organizations/not-a-uuid")).status).toBe(400);
  });

  it("lists areas with institution counts that add up to 53", async () => {
    const res = await coordinator.get("/api/areas");
    expect(res.status).toBe(200);
    const areas = await json<{ code: string; institutionCount: number; status: string }[]>(res);
    expect(areas.slice(0, 3).map((a) => a.code)).toEqual(["shinetsu", "tokai", "tokyo"]);
    expect(areas.reduce((n, a) => n + a.institutionCount, 0)).toBe(53);
    const count = Object.fromEntries(areas.map((a) => [a.code, a.institutionCount]));
    expect(count).toMatchObject({ shinetsu: 3, tokai: 6, tokyo: 2, hokkaido: 4 });
  });
});

describe(`creating, changing and deleting organisations (${backendName})`, () => {
  it("creates a company with a valid 法人番号, refuses a wrong check digit", async () => {
    const cn = corporateNumber();
    const res = await coordinator.post("/api/organizations", {
      type: "company",
      nameJa: "試験精機株式会社",
      nameKana: "しけんせいき",
      corporateNumber: cn,
      prefecture: 15,
      areaCode: "shinetsu",
    });
    expect(res.status).toBe(201);
    const created = await json<OrgDetail>(res);
    expect(created).toMatchObject({ type: "company", corporateNumber: cn, version: 1, campusCount: 0 });

    const before = await orgCount();
    const wrong = `${(Number(cn[0]) + 1) % 10}${cn.slice(1)}`;
    const bad = await coordinator.post("/api/organizations", {
      type: "company",
      nameJa: "検査digit株式会社",
      corporateNumber: wrong,
    });
    expect(bad.status).toBe(400);
    const body = await json<ErrorBody>(bad);
    expect(fieldsOf(body)).toEqual(["corporateNumber"]);
    expect(body.error.message).toMatch(/check digit/);
    expect(await orgCount()).toBe(before);
  });

  it("refuses a duplicate name of the same type and a duplicate 法人番号, writing nothing", async () => {
    const cn = corporateNumber();
    const first = await coordinator.post("/api/organizations", {
      type: "company",
      nameJa: "重複テスト株式会社",
      corporateNumber: cn,
    });
    expect(first.status).toBe(201);
    const before = await orgCount();

    // The same name in half-width katakana normalises to the same key.
    const sameName = await coordinator.post("/api/organizations", {
      type: "company",
      nameJa: "重複ﾃｽﾄ株式会社",
    });
    expect(sameName.status).toBe(409);
    expect(fieldsOf(await json<ErrorBody>(sameName))).toEqual(["nameJa"]);

    const sameNumber = await coordinator.post("/api/organizations", {
      type: "company",
      nameJa: "別名株式会社",
      corporateNumber: cn,
    });
    expect(sameNumber.status).toBe(409);
    const b = await json<ErrorBody>(sameNumber);
    expect(fieldsOf(b)).toEqual(["corporateNumber"]);
    expect(b.error.message).toContain("重複テスト株式会社");
    expect(await orgCount()).toBe(before);

    // Another type may use the same name.
    const bank = await coordinator.post("/api/organizations", { type: "bank", nameJa: "重複テスト株式会社" });
    expect(bank.status).toBe(201);
  });

  it("updates with the version; a stale version gets 409 and changes nothing", async () => {
    const org = await ctx.buildOrganization({ type: "company", city: "長岡市" });
    const ok = await coordinator.patch(`/api/organizations/${org.id}`, { version: 1, city: "見附市" });
    expect(ok.status).toBe(200);
    expect(await json<OrgDetail>(ok)).toMatchObject({ city: "見附市", version: 2 });
    // The search text follows the change.
    expect(codes(await list(admin, `q=${encodeURIComponent("見附")}&type=company`))).toHaveLength(1);

    const taken = await ctx.buildOrganization({ type: "company" });
    const dupRename = await coordinator.patch(`/api/organizations/${org.id}`, {
      version: 2,
      nameJa: taken.nameJa,
    });
    expect(dupRename.status).toBe(409);
    expect(fieldsOf(await json<ErrorBody>(dupRename))).toEqual(["nameJa"]);
    const stale = await coordinator.patch(`/api/organizations/${org.id}`, { version: 1, city: "三条市" });
    expect(stale.status).toBe(409);
    expect((await json<ErrorBody>(stale)).error.details).toMatchObject({ reason: "stale_version" });
    const now = await json<OrgDetail>(await admin.get(`/api/organizations/${org.id}`));
    expect(now).toMatchObject({ city: "見附市", version: 2 });
  });

  it("lets only admins change universities and KOSEN; coordinators change companies", async () => {
    const inst = await ctx.institution("kosen-okinawa");
    const before = await orgCount();
    const create = await coordinator.post("/api/organizations", {
      type: "university",
      nameJa: "架空技術大学",
    });
    expect(create.status).toBe(403);
    expect(await orgCount()).toBe(before);
    const patch = await coordinator.patch(`/api/organizations/${inst.id}`, {
      version: inst.version,
      notes: "x",
    });
    expect(patch.status).toBe(403);
    expect((await ctx.institution("kosen-okinawa")).version).toBe(inst.version);

    const byAdmin = await admin.patch(`/api/organizations/${inst.id}`, {
      version: inst.version,
      notes: "管理者のメモ",
    });
    expect(byAdmin.status).toBe(200);
    expect(await json<OrgDetail>(byAdmin)).toMatchObject({
      notes: "管理者のメモ",
      version: inst.version + 1,
    });
    const kosen = await admin.post("/api/organizations", { type: "kosen", nameJa: "架空高専" });
    expect(kosen.status).toBe(400);
    expect(fieldsOf(await json<ErrorBody>(kosen))).toEqual(["kosenBlock"]);
  });

  it("deletes a plain company; refuses reference institutions and organisations with users", async () => {
    const tut = await ctx.institution("tut");
    const ref = await admin.delete(`/api/organizations/${tut.id}`);
    expect(ref.status).toBe(409);

    const withUser = await ctx.buildOrganization({ type: "company" });
    await ctx.buildUser({ role: "company_member", organizationId: withUser.id });
    const inUse = await admin.delete(`/api/organizations/${withUser.id}`);
    expect(inUse.status).toBe(409);
    expect((await json<ErrorBody>(inUse)).error.message).toMatch(/1 user/);

    const plain = await ctx.buildOrganization({ type: "company" });
    expect((await coordinator.delete(`/api/organizations/${plain.id}`)).status).toBe(403);
    expect((await admin.delete(`/api/organizations/${plain.id}`)).status).toBe(204);
    expect((await admin.get(`/api/organizations/${plain.id}`)).status).toBe(404);
    expect((await admin.get(`/api/organizations/${tut.id}`)).status).toBe(200);
    expect((await admin.get(`/api/organizations/${withUser.id}`)).status).toBe(200);
  });
});

describe(`who sees which organisations (${backendName})`, () => {
  it("shows researchers and company members the institutions and their own organisation only", async () => {
    const other = await ctx.buildOrganization({ type: "company" });
    const bank = await ctx.buildOrganization({ type: "bank" });
    const home = await ctx.buildOrganization({ type: "company" });
    const member = await ctx.buildUser({ role: "company_member", organizationId: home.id });
    const memberAgent = await ctx.signIn(member.email);
    const researcher = await ctx.as("researcher");

    const r = await list(researcher, "pageSize=200");
    expect(r.total).toBe(53);
    expect(r.items.every((o) => o.type === "university" || o.type === "kosen")).toBe(true);
    const m = await list(memberAgent, "pageSize=200");
    expect(m.total).toBe(54);
    expect(m.items.filter((o) => o.type === "company").map((o) => o.id)).toEqual([home.id]);
    expect((await list(memberAgent, "type=company,bank")).items.map((o) => o.id)).toEqual([home.id]);

    for (const agent of [researcher, memberAgent]) {
      expect((await agent.get(`/api/organizations/${other.id}`)).status).toBe(404);
      expect((await agent.get(`/api/organizations/${bank.id}`)).status).toBe(404);
    }
    expect((await memberAgent.get(`/api/organizations/${home.id}`)).status).toBe(200);
    // Staff see every organisation.
    expect((await coordinator.get(`/api/organizations/${other.id}`)).status).toBe(200);
  });
});

describe(`CSV export (${backendName})`, () => {
  async function csv(agent: Agent, query: string) {
    const res = await agent.get(`/api/organizations/export.csv?${query}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/csv/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
    return { res, text, lines: text.slice(1).split("\r\n").filter(Boolean) };
  }

  it("starts with a BOM, has a Japanese header for a ja user, one row per organisation, and is audited", async () => {
    const { res, text, lines } = await csv(admin, "type=kosen");
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(res.headers.get("content-disposition")).toContain(encodeURIComponent("組織一覧_"));
    expect(lines[0]).toBe(
      "ID,種別,コード,名称,略称,ふりがな,英語名称,法人番号,都道府県,市区町村,エリア,高専ブロック,更新日時",
    );
    expect(lines).toHaveLength(1 + 51);
    expect(lines.some((l) => l.includes("仙台高等専門学校") && l.includes("宮城県"))).toBe(true);

    const audit = await json<{ items: { action: string; details: Record<string, unknown> }[] }>(
      await admin.get("/api/audit?action=export.organizations"),
    );
    expect(audit.items[0]?.details).toMatchObject({ rows: 51, filters: { type: ["kosen"] } });
  });

  it("uses an English header for an en user and respects row visibility", async () => {
    const exec = await ctx.as("executive");
    expect((await exec.patch("/api/auth/preferences", { locale: "en" })).status).toBe(204);
    const { lines } = await csv(exec, "type=university");
    expect(lines[0]?.startsWith("ID,Type,Code,Name (ja),")).toBe(true);
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain("Niigata");
  });
});
