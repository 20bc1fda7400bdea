/**
 * Who sees which seed, through every catalogue route: seeds in every status × visibility at two
 * institutions, read by anonymous visitors, company members, researchers on and off the seed,
 * coordinators covering the institution (own organisation, coverage list, coverage area) or not,
 * other staff and admins. Nothing a viewer may not see may leave the server: not in lists, searches,
 * counts, researcher pages, images or exports.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "../../src/server/modules/users/service";
import type { Agent, TestContext } from "../helpers/app";
import { createTestContext, TEST_PASSWORD } from "../helpers/app";
import { backendName } from "../helpers/db";

type Status = "draft" | "published" | "archived";
type Visibility = "public" | "members" | "coordinators";
type Inst = "tut" | "kosen";
interface Seed {
  id: string;
  inst: Inst;
  status: Status;
  visibility: Visibility;
  /** Researcher profile ids on the seed (first = lead). */
  researchers: string[];
  imageId: string;
}
type Card = { id: string; status: Status; visibility: Visibility };
type Page<T> = { items: T[]; total: number };
type ResearcherDetail = {
  id: string;
  eradId: string | null;
  userId: string | null;
  canEdit: boolean;
  seeds: Card[];
};

/** What a viewer is, for the expected rules. */
interface Viewer {
  name: string;
  agent: Agent | null;
  role: "anonymous" | "company_member" | "researcher" | "coordinator" | "contract_officer" | "admin";
  /** Researcher profile of the viewer (researchers). */
  profileId?: string;
  /** Institutions the viewer covers (coordinators). */
  covers?: Inst[];
}

const STATUSES: Status[] = ["draft", "published", "archived"];
const VISIBILITIES: Visibility[] = ["public", "members", "coordinators"];
const MARK = "zyxquux";
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
  "base64",
);

let ctx: TestContext;
let admin: Agent;
const seeds: Seed[] = [];
const profiles: Record<"tut" | "kosen" | "other", string> = { tut: "", kosen: "", other: "" };
const viewers: Viewer[] = [];

const json = async <T>(res: Response) => (await res.json()) as T;
async function ok<T>(res: Response, status = 200): Promise<T> {
  if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${await res.text()}`);
  return json<T>(res);
}
const get = (v: Viewer, path: string) => (v.agent ? v.agent.get(path) : ctx.request(path));
const sorted = (ids: string[]) => [...ids].sort();
/** expect(actual).toEqual(expected), with a label (viewer, seed, …) shown when it fails. */
const same = (label: string, actual: unknown, expected: unknown) =>
  expect({ label, actual }).toEqual({ label, actual: expected });
const idsOf = (p: Page<Card>) => sorted(p.items.map((c) => c.id));

/** A signed-in user created with createUser (coverage included), password already final. */
async function coordinator(
  org: string,
  coverage: ({ kind: "organization"; organizationId: string } | { kind: "area"; areaCode: string })[],
) {
  const email = `coord-${org}-${Math.random().toString(36).slice(2, 8)}@vis.test.example`;
  await createUser({
    db: ctx.database.db,
    actor: null,
    input: {
      email,
      displayName: `Coordinator ${org}`,
      role: "coordinator",
      organizationId: (await ctx.institution(org)).id,
      mode: "password",
      password: TEST_PASSWORD,
      coverage,
    },
    meta: null,
    isDemo: true,
  });
  return ctx.signIn(email);
}

/** A researcher account at an institution, signed in, with its own profile created through the API. */
async function researcher(org: string, nameJa: string, eradId: string | null) {
  const u = await ctx.buildUser({ role: "researcher", organizationId: (await ctx.institution(org)).id });
  const agent = await ctx.signIn(u.email);
  const res = await agent.post("/api/researchers", {
    nameJa,
    nameKana: "けんきゅう たろう",
    eradId,
    keywordsJa: ["可視性"],
  });
  const profile = await ok<{ id: string }>(res, 201);
  return { agent, profileId: profile.id };
}

// ----- the rules under test --------------------------------------------------------------------------

function mayEdit(v: Viewer, s: Seed): boolean {
  if (v.role === "admin") return true;
  if (v.role === "coordinator") return !!v.covers?.includes(s.inst);
  if (v.role === "researcher") return !!v.profileId && s.researchers.includes(v.profileId);
  return false;
}
function visibleLevels(v: Viewer): Visibility[] {
  if (v.role === "anonymous") return ["public"];
  if (v.role === "admin" || v.role === "coordinator") return VISIBILITIES;
  return ["public", "members"];
}
/** May read the seed sheet at all. */
const mayRead = (v: Viewer, s: Seed) =>
  (s.status === "published" && visibleLevels(v).includes(s.visibility)) || mayEdit(v, s);
/** Appears in the public catalogue (published only, even for editors). */
const inCatalogue = (v: Viewer, s: Seed) => s.status === "published" && mayRead(v, s);
const ids = (list: Seed[]) => sorted(list.map((s) => s.id));

beforeAll(async () => {
  ctx = await createTestContext();
  admin = await ctx.as("admin");

  const tut = await researcher("tut", "豊橋 可視", "11110001");
  const kosen = await researcher("kosen-nagaoka", "長岡 可視", "11110002");
  const other = await researcher("tut", "無関係 研究者", "11110003");
  profiles.tut = tut.profileId;
  profiles.kosen = kosen.profileId;
  profiles.other = other.profileId;

  // Every status × visibility at both institutions, written by the lead researcher through the API.
  for (const [inst, lead] of [
    ["tut", tut],
    ["kosen", kosen],
  ] as const) {
    for (const status of STATUSES) {
      for (const visibility of VISIBILITIES) {
        // One tut draft also has the KOSEN researcher as a member.
        const researchers =
          inst === "tut" && status === "draft" && visibility === "coordinators"
            ? [tut.profileId, kosen.profileId]
            : [lead.profileId];
        const created = await ok<{ id: string; version: number; status: Status }>(
          await lead.agent.post("/api/seeds", {
            titleJa: `${MARK} ${inst} ${status} ${visibility}`,
            summaryEn: `${MARK} sample seed for visibility checks`,
            visibility,
            ...(researchers.length > 1 ? { researcherIds: researchers } : {}),
          }),
          201,
        );
        expect(created.status).toBe("draft");
        let version = created.version;
        if (status !== "draft") {
          const published = await ok<{ version: number; status: Status; publishedAt: string | null }>(
            await lead.agent.patch(`/api/seeds/${created.id}`, { status: "published", version }),
          );
          expect(published.publishedAt).not.toBeNull();
          version = published.version;
        }
        if (status === "archived") {
          await ok(await lead.agent.patch(`/api/seeds/${created.id}`, { status: "archived", version }));
        }
        const form = new FormData();
        form.set("file", new File([PNG], "dot.png", { type: "image/png" }));
        const image = await ok<{ id: string }>(
          await lead.agent.fetch(`/api/seeds/${created.id}/images`, { method: "POST", body: form }),
          201,
        );
        seeds.push({ id: created.id, inst, status, visibility, researchers, imageId: image.id });
      }
    }
  }

  const company = await ctx.as("company_member");
  const officer = await ctx.as("contract_officer");
  const coordTut = await coordinator("tut", []);
  const coordList = await coordinator("kosen-toyota", [
    { kind: "organization", organizationId: (await ctx.institution("kosen-nagaoka")).id },
  ]);
  const coordArea = await coordinator("kosen-gifu", [{ kind: "area", areaCode: "tokai" }]);
  viewers.push(
    { name: "anonymous", agent: null, role: "anonymous" },
    { name: "company member", agent: company, role: "company_member" },
    { name: "researcher on tut seeds", agent: tut.agent, role: "researcher", profileId: tut.profileId },
    { name: "researcher on kosen seeds", agent: kosen.agent, role: "researcher", profileId: kosen.profileId },
    { name: "researcher on no seed", agent: other.agent, role: "researcher", profileId: other.profileId },
    { name: "coordinator of tut (own org)", agent: coordTut, role: "coordinator", covers: ["tut"] },
    { name: "coordinator covering kosen (list)", agent: coordList, role: "coordinator", covers: ["kosen"] },
    { name: "coordinator covering tokai (area)", agent: coordArea, role: "coordinator", covers: ["tut"] },
    { name: "contract officer", agent: officer, role: "contract_officer" },
    { name: "admin", agent: admin, role: "admin" },
  );
}, 120_000);
afterAll(() => ctx.close());

describe(`seed visibility through every route (${backendName})`, () => {
  it("built 18 seeds, 9 per institution, in every status and visibility", async () => {
    expect(seeds).toHaveLength(18);
    const rows = await ctx.database.query<{ status: string; visibility: string; n: number }>(
      "select status, visibility, count(*)::int as n from seeds group by status, visibility",
    );
    expect(rows).toHaveLength(9);
    expect(rows.every((r) => Number(r.n) === 2)).toBe(true);
  });

  it("the catalogue list and search show each viewer exactly the published seeds they may read", async () => {
    for (const v of viewers) {
      const expected = ids(seeds.filter((s) => inCatalogue(v, s)));
      for (const query of ["pageSize=100", `q=${MARK}&pageSize=100`, `sort=title&q=${MARK}`]) {
        const page = await ok<Page<Card>>(await get(v, `/api/catalog/seeds?${query}`));
        same(`${v.name} ${query}`, [idsOf(page), page.total], [expected, expected.length]);
      }
      // Two words, both must match: only the public ones.
      const both = await ok<Page<Card>>(await get(v, `/api/catalog/seeds?q=${MARK}%20public`));
      same(v.name, idsOf(both), ids(seeds.filter((s) => inCatalogue(v, s) && s.visibility === "public")));
      // Filters never widen what is shown, and paging totals count only readable seeds.
      const tutId = (await ctx.institution("tut")).id;
      const filtered = await ok<Page<Card>>(
        await get(v, `/api/catalog/seeds?institution=${tutId}&pageSize=1`),
      );
      same(v.name, filtered.total, seeds.filter((s) => s.inst === "tut" && inCatalogue(v, s)).length);
    }
  });

  it("anonymous sees one public seed per institution; members also members-only; coordinators all published", () => {
    const count = (name: string) =>
      seeds.filter((s) => inCatalogue(viewers.find((v) => v.name === name)!, s)).length;
    expect(count("anonymous")).toBe(2);
    expect(count("company member")).toBe(4);
    expect(count("researcher on no seed")).toBe(4);
    expect(count("contract officer")).toBe(4);
    expect(count("coordinator of tut (own org)")).toBe(6);
    expect(count("admin")).toBe(6);
  });

  it("a seed sheet and its images answer 404 (never 403) to whoever may not read it", async () => {
    for (const v of viewers) {
      for (const s of seeds) {
        const allowed = mayRead(v, s);
        const sheet = await get(v, `/api/catalog/seeds/${s.id}`);
        const image = await get(v, `/api/catalog/seeds/${s.id}/images/${s.imageId}`);
        const label = `${v.name}: ${s.inst} ${s.status} ${s.visibility}`;
        same(label, [sheet.status, image.status], allowed ? [200, 200] : [404, 404]);
        if (allowed) {
          same(label, (await json<{ canEdit: boolean }>(sheet)).canEdit, mayEdit(v, s));
          expect(image.headers.get("content-type")).toBe("image/png");
          expect(Buffer.from(await image.arrayBuffer()).equals(PNG)).toBe(true);
        } else {
          const body = await json<{ error: { code: string; message: string } }>(sheet);
          expect(body.error.code).toBe("NOT_FOUND");
          expect(JSON.stringify(body)).not.toContain(MARK);
          await image.body?.cancel();
        }
      }
    }
  });

  it("researcher pages list only readable seeds; directory seed counts count only readable seeds", async () => {
    for (const v of viewers) {
      const directory = await ok<Page<{ id: string; seedCount: number }>>(
        await get(v, "/api/catalog/researchers?pageSize=100"),
      );

      for (const [key, profileId] of [
        ["tut", profiles.tut],
        ["kosen", profiles.kosen],
        ["other", profiles.other],
      ] as const) {
        const own = seeds.filter((s) => s.researchers.includes(profileId));
        const detail = await ok<ResearcherDetail>(await get(v, `/api/catalog/researchers/${profileId}`));
        const editsProfile =
          v.role === "admin" ||
          (v.role === "coordinator" && !!v.covers?.includes(key === "kosen" ? "kosen" : "tut")) ||
          v.profileId === profileId;
        const label = `${v.name} on researcher ${key}`;
        same(label, detail.canEdit, editsProfile);
        const expected = ids(own.filter((s) => mayRead(v, s) && (s.status === "published" || editsProfile)));
        same(label, sorted(detail.seeds.map((c) => c.id)), expected);
        const card = directory.items.find((c) => c.id === profileId);
        same(label, card?.seedCount, own.filter((s) => mayRead(v, s)).length);
      }
    }
  });

  it("e-Rad numbers and linked accounts appear only to staff and to those who edit the profile", async () => {
    for (const v of viewers) {
      const staff = ["coordinator", "contract_officer", "admin"].includes(v.role);
      for (const [profileId, erad] of [
        [profiles.tut, "11110001"],
        [profiles.kosen, "11110002"],
      ] as const) {
        const res = await get(v, `/api/catalog/researchers/${profileId}`);
        const text = await res.text();
        const detail = JSON.parse(text) as ResearcherDetail;
        const shown = staff || v.profileId === profileId;
        same(v.name, detail.eradId, shown ? erad : null);
        if (!shown) {
          expect(text).not.toContain(erad);
          expect(detail.userId).toBeNull();
        }
      }
      // The directory cards never carry identifiers, and the number does not find anyone.
      const dir = await get(v, "/api/catalog/researchers?pageSize=100");
      expect(await dir.text()).not.toContain("1111000");
      const byNumber = await ok<Page<unknown>>(await get(v, "/api/catalog/researchers?q=11110001"));
      expect(byNumber.total).toBe(0);
    }
  });

  it("GET /api/seeds lists, in every status, exactly the seeds the viewer may edit", async () => {
    for (const v of viewers) {
      const res = await get(v, "/api/seeds?pageSize=100");
      if (v.role === "anonymous") {
        expect(res.status).toBe(401);
        continue;
      }
      if (v.role === "company_member" || v.role === "contract_officer") {
        same(v.name, res.status, 403);
        continue;
      }
      const page = await ok<Page<Card>>(res);
      const expected = ids(seeds.filter((s) => mayEdit(v, s)));
      same(v.name, [idsOf(page), page.total], [expected, expected.length]);
      for (const status of STATUSES) {
        const byStatus = await ok<Page<Card>>(
          await get(v, `/api/seeds?status=${status}&q=${MARK}&pageSize=100`),
        );
        same(
          `${v.name} ${status}`,
          idsOf(byStatus),
          ids(seeds.filter((s) => mayEdit(v, s) && s.status === status)),
        );
      }
    }
  });

  it("the JSONL export is for coordinators and admins, and holds only what they may read", async () => {
    for (const v of viewers) {
      const res = await get(v, "/api/exports/seeds?format=jsonl");
      if (v.role !== "coordinator" && v.role !== "admin") {
        same(v.name, res.status, v.role === "anonymous" ? 401 : 403);
        await res.body?.cancel();
        continue;
      }
      expect(res.status).toBe(200);
      const lines = (await res.text()).split("\n").filter(Boolean);
      const exported = lines.map((l) => JSON.parse(l) as { externalId: string; status: Status });
      same(v.name, sorted(exported.map((e) => e.externalId)), ids(seeds.filter((s) => mayRead(v, s))));
    }
  });

  it("editing follows the same rules: others get 404 for what they cannot see, 403 for what they only see", async () => {
    const find = (inst: Inst, status: Status) =>
      seeds.find((s) => s.inst === inst && s.status === status && s.visibility === "public")!;
    const draftTut = find("tut", "draft");
    const publicKosen = find("kosen", "published");
    const coordTut = viewers.find((v) => v.name === "coordinator of tut (own org)")!.agent!;
    const other = viewers.find((v) => v.name === "researcher on no seed")!.agent!;
    expect((await other.patch(`/api/seeds/${draftTut.id}`, { titleEn: "x", version: 1 })).status).toBe(404);
    expect((await other.get(`/api/seeds/${draftTut.id}/history`)).status).toBe(404);
    expect((await coordTut.patch(`/api/seeds/${publicKosen.id}`, { titleEn: "x", version: 2 })).status).toBe(
      403,
    );
    expect((await coordTut.get(`/api/seeds/${publicKosen.id}/history`)).status).toBe(403);
    const form = new FormData();
    form.set("file", new File([PNG], "x.png", { type: "image/png" }));
    const upload = await other.fetch(`/api/seeds/${draftTut.id}/images`, { method: "POST", body: form });
    expect(upload.status).toBe(404);
    const [n] = await ctx.database.query<{ n: number }>("select count(*)::int as n from seed_images");
    expect(Number(n?.n)).toBe(18);
  });
});
