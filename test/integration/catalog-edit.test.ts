/**
 * Editing the seeds database through the API: a researcher's own profile (once; versions; identifiers
 * checked), seeds written, edited and published with their history, edit rights of coordinators by
 * coverage, images (real PNG bytes; size and type refused), and the staff list of researchers without a
 * published seed.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Agent, TestContext } from "../helpers/app";
import { createTestContext } from "../helpers/app";
import { backendName } from "../helpers/db";

type Profile = { id: string; nameJa: string | null; eradId: string | null; orcid: string | null } & {
  version: number;
  canEdit: boolean;
  institution: { id: string };
};
type SeedDetail = { id: string; titleJa: string | null; titleEn: string | null; status: string } & {
  visibility: string;
  phase: string | null;
  version: number;
  publishedAt: string | null;
  institution: { id: string };
  researchers: { id: string; role: string }[];
  images: { id: string }[];
};
type Revision = { version: number; actorEmail: string | null; actorName: string | null; source: string } & {
  changes: Record<string, { from: unknown; to: unknown }>;
};
type ErrorBody = { error: { code: string; fields?: { field: string }[]; details?: Record<string, unknown> } };

/** A 1×1 PNG: signature, IHDR, IDAT, IEND. */
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
  "base64",
);

let ctx: TestContext;
let admin: Agent;
let kosenId: string;
let tutId: string;
beforeAll(async () => {
  ctx = await createTestContext();
  admin = await ctx.as("admin");
  kosenId = (await ctx.institution("kosen-nagaoka")).id;
  tutId = (await ctx.institution("tut")).id;
});
afterAll(() => ctx.close());

const json = async <T>(res: Response) => (await res.json()) as T;
async function ok<T>(res: Response, status = 200): Promise<T> {
  if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${await res.text()}`);
  return json<T>(res);
}
async function fieldsOf(res: Response): Promise<string[]> {
  return ((await json<ErrorBody>(res)).error.fields ?? []).map((f) => f.field);
}
async function researcherAt(organizationId: string): Promise<{ agent: Agent; email: string }> {
  const u = await ctx.buildUser({ role: "researcher", organizationId });
  return { agent: await ctx.signIn(u.email), email: u.email };
}
function upload(agent: Agent | null, seedId: string, bytes: Uint8Array, name: string, type = "image/png") {
  const form = new FormData();
  form.set("file", new File([new Uint8Array(bytes)], name, { type }));
  form.set("caption", "試作品の写真");
  const init = { method: "POST", body: form };
  return agent
    ? agent.fetch(`/api/seeds/${seedId}/images`, init)
    : ctx.request(`/api/seeds/${seedId}/images`, init);
}
async function count(table: string): Promise<number> {
  const [r] = await ctx.database.query<{ n: number }>(`select count(*)::int as n from ${table}`);
  return Number(r?.n);
}

describe(`a researcher's own profile (${backendName})`, () => {
  let me: Agent;
  let profile: Profile;

  it("a researcher without a profile creates one, at their own institution, once", async () => {
    ({ agent: me } = await researcherAt(kosenId));
    expect(await ok<{ profile: Profile | null }>(await me.get("/api/researchers/me"))).toEqual({
      profile: null,
    });
    // The institution is the researcher's own, whatever is sent.
    profile = await ok<Profile>(
      await me.post("/api/researchers", {
        organizationId: tutId,
        nameJa: "編集 太郎",
        nameKana: "へんしゅう たろう",
        eradId: "２２２２０００１",
        orcid: "0000-0000-0000-0108",
        keywordsJa: ["制御工学"],
      }),
      201,
    );
    expect(profile).toMatchObject({
      nameJa: "編集 太郎",
      eradId: "22220001",
      orcid: "0000-0000-0000-0108",
      canEdit: true,
      version: 1,
    });
    expect(profile.institution.id).toBe(kosenId);
    expect((await ok<{ profile: Profile }>(await me.get("/api/researchers/me"))).profile.id).toBe(profile.id);

    const second = await me.post("/api/researchers", { nameJa: "編集 二人目" });
    expect(second.status).toBe(409);
    const [r] = await ctx.database.query<{ n: number }>(
      "select count(*)::int as n from researchers where name_ja like '編集%'",
    );
    expect(Number(r?.n)).toBe(1);
  });

  it("edits it with the version read; a stale version is a 409", async () => {
    const edited = await ok<Profile>(
      await me.patch(`/api/researchers/${profile.id}`, { position: "准教授", version: 1 }),
    );
    expect(edited.version).toBe(2);
    const stale = await me.patch(`/api/researchers/${profile.id}`, { position: "教授", version: 1 });
    expect(stale.status).toBe(409);
    expect((await json<ErrorBody>(stale)).error.details).toEqual({ reason: "stale_version" });
    const history = await ok<Revision[]>(await me.get(`/api/researchers/${profile.id}/history`));
    expect(history.map((h) => h.version)).toEqual([2, 1]);
    expect(history[0]!.changes.position).toEqual({ from: null, to: "准教授" });
    profile = edited;
  });

  it("cannot edit another researcher's profile (403), nor move itself to another institution", async () => {
    const { agent: other } = await researcherAt(kosenId);
    const theirs = await ok<Profile>(await other.post("/api/researchers", { nameJa: "他人 花子" }), 201);
    const res = await me.patch(`/api/researchers/${theirs.id}`, { nameJa: "乗っ取り", version: 1 });
    expect(res.status).toBe(403);
    expect((await ok<Profile>(await admin.get(`/api/catalog/researchers/${theirs.id}`))).nameJa).toBe(
      "他人 花子",
    );
    expect(
      (await me.patch(`/api/researchers/${profile.id}`, { organizationId: tutId, version: 2 })).status,
    ).toBe(403);
  });

  it("refuses malformed and duplicate identifiers, naming the field", async () => {
    for (const eradId of ["1234567", "abcdefgh", "123456789"]) {
      const bad = await me.patch(`/api/researchers/${profile.id}`, { eradId, version: profile.version });
      expect({ eradId, status: bad.status }).toEqual({ eradId, status: 400 });
      expect(await fieldsOf(bad)).toEqual(["eradId"]);
    }
    const badOrcid = await me.patch(`/api/researchers/${profile.id}`, {
      orcid: "0000-0000-0000-0109",
      version: profile.version,
    });
    expect(badOrcid.status).toBe(400);
    expect(await fieldsOf(badOrcid)).toEqual(["orcid"]);

    const { agent: other } = await researcherAt(kosenId);
    const dup = await other.post("/api/researchers", { nameJa: "重複 次郎", eradId: "22220001" });
    expect(dup.status).toBe(409);
    expect(await fieldsOf(dup)).toEqual(["eradId"]);
    const coordinator = await ctx.signIn(
      (await ctx.buildUser({ role: "coordinator", organizationId: kosenId })).email,
    );
    const dupByStaff = await coordinator.post("/api/researchers", {
      organizationId: kosenId,
      nameJa: "重複 三郎",
      eradId: "22220001",
    });
    expect(dupByStaff.status).toBe(409);
    expect(await fieldsOf(dupByStaff)).toEqual(["eradId"]);
    // Linking an account: only an existing researcher account, and only to one profile.
    const company = await ctx.buildUser({ role: "company_member" });
    const account = await ctx.buildUser({ role: "researcher", organizationId: kosenId });
    const link = (userId: string, nameJa: string) =>
      admin.post("/api/researchers", { organizationId: kosenId, nameJa, userId });
    const notResearcher = await link(company.id, "連携 企業");
    expect(notResearcher.status).toBe(400);
    expect(await fieldsOf(notResearcher)).toEqual(["userId"]);
    const nobody = await link("00000000-0000-4000-8000-000000000000", "連携 無人");
    expect(nobody.status).toBe(400);
    expect(await fieldsOf(nobody)).toEqual(["userId"]);
    expect((await link(account.id, "連携 一人目")).status).toBe(201);
    const taken = await link(account.id, "連携 二人目");
    expect(taken.status).toBe(409);
    expect(await fieldsOf(taken)).toEqual(["userId"]);
    // Nothing changed by the refused requests.
    const now = await ok<Profile>(await me.get(`/api/catalog/researchers/${profile.id}`));
    expect(now).toMatchObject({ version: profile.version, eradId: "22220001", orcid: "0000-0000-0000-0108" });
  });
});

describe(`seeds: write, edit, publish, history (${backendName})`, () => {
  let lead: { agent: Agent; email: string };
  let seed: SeedDetail;

  beforeAll(async () => {
    lead = await researcherAt(kosenId);
    await ok(await lead.agent.post("/api/researchers", { nameJa: "種 一郎" }), 201);
  });

  it("a researcher writes a seed; they are its lead by default; it starts as a public draft", async () => {
    seed = await ok<SeedDetail>(
      await lead.agent.post("/api/seeds", { titleJa: "振動発電による無線センサ", trl: 2 }),
      201,
    );
    const mine = (await ok<{ profile: Profile }>(await lead.agent.get("/api/researchers/me"))).profile;
    expect(seed).toMatchObject({
      status: "draft",
      visibility: "public",
      version: 1,
      canEdit: true,
      phase: "basic",
      publishedAt: null,
    });
    expect(seed.researchers).toEqual([expect.objectContaining({ id: mine.id, role: "lead" })]);
    expect(seed.institution.id).toBe(kosenId);
    // A seed without a title, or naming only other researchers, is refused.
    const untitled = await lead.agent.post("/api/seeds", { summaryJa: "題名なし" });
    expect(untitled.status).toBe(400);
    expect(await fieldsOf(untitled)).toEqual(["titleJa"]);
    const { agent: stranger } = await researcherAt(kosenId);
    const theirs = await ok<Profile>(await stranger.post("/api/researchers", { nameJa: "別人 四郎" }), 201);
    expect(
      (await lead.agent.post("/api/seeds", { titleJa: "他人名義", researcherIds: [theirs.id] })).status,
    ).toBe(403);
    const twice = await lead.agent.post("/api/seeds", { titleJa: "二重", researcherIds: [mine.id, mine.id] });
    expect(twice.status).toBe(400);
    expect(await fieldsOf(twice)).toEqual(["researcherIds"]);
  });

  it("edits and publishes with versions; a stale version is a 409", async () => {
    seed = await ok<SeedDetail>(
      await lead.agent.patch(`/api/seeds/${seed.id}`, {
        titleEn: "Wireless sensors powered by vibration",
        trl: 5,
        version: 1,
      }),
    );
    expect(seed).toMatchObject({ version: 2, phase: "applied" });
    seed = await ok<SeedDetail>(
      await lead.agent.patch(`/api/seeds/${seed.id}`, { status: "published", version: 2 }),
    );
    expect(seed.status).toBe("published");
    expect(seed.publishedAt).not.toBeNull();
    const stale = await lead.agent.patch(`/api/seeds/${seed.id}`, { titleJa: "古い版から", version: 2 });
    expect(stale.status).toBe(409);
    const anon = await ok<SeedDetail>(await ctx.request(`/api/catalog/seeds/${seed.id}`));
    expect(anon).toMatchObject({ titleJa: "振動発電による無線センサ", canEdit: false });
  });

  it("a coordinator not covering the institution cannot edit (403); a covering one can", async () => {
    const outsider = await ctx.signIn(
      (await ctx.buildUser({ role: "coordinator", organizationId: tutId })).email,
    );
    const refused = await outsider.patch(`/api/seeds/${seed.id}`, {
      titleJa: "書き換え",
      version: seed.version,
    });
    expect(refused.status).toBe(403);
    expect((await outsider.get(`/api/seeds/${seed.id}/history`)).status).toBe(403);
    expect((await upload(outsider, seed.id, PNG, "x.png")).status).toBe(403);

    const covering = await ctx.signIn(
      (await ctx.buildUser({ role: "coordinator", organizationId: kosenId })).email,
    );
    seed = await ok<SeedDetail>(
      await covering.patch(`/api/seeds/${seed.id}`, {
        visibility: "members",
        keywordsJa: ["振動発電"],
        version: seed.version,
      }),
    );
    expect(seed).toMatchObject({ visibility: "members", version: 4 });
    expect((await ctx.request(`/api/catalog/seeds/${seed.id}`)).status).toBe(404);
    seed = await ok<SeedDetail>(
      await covering.patch(`/api/seeds/${seed.id}`, { visibility: "public", version: 4 }),
    );
  });

  it("the history lists every version, newest first, with the changed fields and who changed them", async () => {
    const history = await ok<Revision[]>(await lead.agent.get(`/api/seeds/${seed.id}/history`));
    expect(history.map((h) => h.version)).toEqual([5, 4, 3, 2, 1]);
    const byVersion = Object.fromEntries(history.map((h) => [h.version, h]));
    expect(byVersion[1]!).toMatchObject({ actorEmail: lead.email, source: "web" });
    expect(byVersion[1]!.changes.titleJa).toEqual({ from: null, to: "振動発電による無線センサ" });
    expect(Object.keys(byVersion[2]!.changes).sort()).toEqual(["phase", "titleEn", "trl"]);
    expect(byVersion[2]!.changes.trl).toEqual({ from: 2, to: 5 });
    expect(byVersion[3]!.changes).toEqual({ status: { from: "draft", to: "published" } });
    expect(Object.keys(byVersion[4]!.changes).sort()).toEqual(["keywordsJa", "visibility"]);
    expect(byVersion[4]!.actorEmail).not.toBe(lead.email);
    expect(byVersion[4]!.actorName).toBe("Test coordinator");
    // An edit that changes nothing writes no version.
    const same = await ok<SeedDetail>(
      await lead.agent.patch(`/api/seeds/${seed.id}`, { titleEn: seed.titleEn, version: 5 }),
    );
    expect(same.version).toBe(5);
    expect((await ok<Revision[]>(await lead.agent.get(`/api/seeds/${seed.id}/history`))).length).toBe(5);
  });

  it("images: a real PNG is accepted; anonymous fetches it from a public published seed", async () => {
    const added = await ok<{ id: string; contentType: string; fileName: string }>(
      await upload(lead.agent, seed.id, PNG, "試作.png"),
      201,
    );
    expect(added).toMatchObject({ contentType: "image/png", fileName: "試作.png" });
    const sheet = await ok<SeedDetail>(await ctx.request(`/api/catalog/seeds/${seed.id}`));
    expect(sheet.images.map((i) => i.id)).toEqual([added.id]);
    const img = await ctx.request(`/api/catalog/seeds/${seed.id}/images/${added.id}`);
    expect(img.status).toBe(200);
    expect(img.headers.get("content-type")).toBe("image/png");
    expect(Buffer.from(await img.arrayBuffer()).equals(PNG)).toBe(true);
    const history = await ok<Revision[]>(await lead.agent.get(`/api/seeds/${seed.id}/history`));
    expect(history[0]!.changes.images).toEqual({ from: null, to: "added 試作.png" });
  });

  it("images: more than 2 MB, or not an image whatever its name, is a 400 on field file", async () => {
    const before = await count("seed_images");
    const big = new Uint8Array(2 * 1024 * 1024 + 100);
    big.set(PNG);
    const tooBig = await upload(lead.agent, seed.id, big, "big.png");
    expect(tooBig.status).toBe(400);
    expect(await fieldsOf(tooBig)).toEqual(["file"]);
    const text = await upload(
      lead.agent,
      seed.id,
      new TextEncoder().encode("just some notes, not a picture\n"),
      "notes.png",
    );
    expect(text.status).toBe(400);
    expect(await fieldsOf(text)).toEqual(["file"]);
    // Beyond the 3 MB request limit of this path the body is not even read; elsewhere the limit is 1 MB.
    const huge = new Uint8Array(3 * 1024 * 1024 + 10);
    huge.set(PNG);
    expect((await upload(lead.agent, seed.id, huge, "huge.png")).status).toBe(413);
    const bigJson = await lead.agent.patch(`/api/seeds/${seed.id}`, {
      summaryJa: "あ".repeat(400_000),
      version: 5,
    });
    expect(bigJson.status).toBe(413);
    const noFile = await lead.agent.fetch(`/api/seeds/${seed.id}/images`, {
      method: "POST",
      body: new FormData(),
    });
    expect(noFile.status).toBe(400);
    // Without the CSRF header an upload is refused.
    const form = new FormData();
    form.set("file", new File([PNG], "x.png", { type: "image/png" }));
    const noCsrf = await ctx.request(`/api/seeds/${seed.id}/images`, {
      method: "POST",
      body: form,
      headers: { cookie: lead.agent.cookie },
    });
    expect(noCsrf.status).toBe(403);
    expect((await upload(null, seed.id, PNG, "anon.png")).status).toBe(401);
    expect(await count("seed_images")).toBe(before);
  });

  it("the image of a draft is not served to anonymous visitors", async () => {
    const draft = await ok<SeedDetail>(await lead.agent.post("/api/seeds", { titleJa: "未公開の試作" }), 201);
    const img = await ok<{ id: string }>(await upload(lead.agent, draft.id, PNG, "draft.png"), 201);
    const anon = await ctx.request(`/api/catalog/seeds/${draft.id}/images/${img.id}`);
    expect(anon.status).toBe(404);
    expect((await lead.agent.get(`/api/catalog/seeds/${draft.id}/images/${img.id}`)).status).toBe(200);
    // An image id under another seed is not found either.
    expect((await ctx.request(`/api/catalog/seeds/${seed.id}/images/${img.id}`)).status).toBe(404);
    // Removing: not by others; by the researcher, once.
    const { agent: other } = await researcherAt(kosenId);
    expect((await other.delete(`/api/seeds/${draft.id}/images/${img.id}`)).status).toBe(404);
    expect((await lead.agent.delete(`/api/seeds/${seed.id}/images/${img.id}`)).status).toBe(404);
    expect((await lead.agent.delete(`/api/seeds/${draft.id}/images/${img.id}`)).status).toBe(204);
    expect((await lead.agent.get(`/api/catalog/seeds/${draft.id}/images/${img.id}`)).status).toBe(404);
    expect((await lead.agent.delete(`/api/seeds/${draft.id}/images/${img.id}`)).status).toBe(404);
  });
});

describe(`researchers without a published seed (${backendName})`, () => {
  it("lists, for a coordinator, only covered researchers who have no published seed", async () => {
    const make = async (org: string, name: string, seedStatus: "published" | "draft" | null) => {
      const { agent } = await researcherAt(org);
      const p = await ok<Profile>(await agent.post("/api/researchers", { nameJa: name }), 201);
      if (seedStatus)
        await ok(await agent.post("/api/seeds", { titleJa: `${name}のシーズ`, status: seedStatus }), 201);
      return p.id;
    };
    const published = await make(kosenId, "公開 済子", "published");
    const draftOnly = await make(kosenId, "下書 のみ", "draft");
    const none = await make(kosenId, "未作成 太郎", null);
    const elsewhere = await make(tutId, "他校 次郎", null);

    const coordinator = await ctx.signIn(
      (await ctx.buildUser({ role: "coordinator", organizationId: kosenId })).email,
    );
    const list = await ok<{ items: { id: string; institution: { id: string } }[]; total: number }>(
      await coordinator.get("/api/researchers?withoutPublishedSeed=true&pageSize=200"),
    );
    const got = list.items.map((r) => r.id);
    expect(got).toEqual(expect.arrayContaining([draftOnly, none]));
    expect(got).not.toContain(published);
    expect(got).not.toContain(elsewhere);
    expect(list.items.every((r) => r.institution.id === kosenId)).toBe(true);
    expect(list.total).toBe(list.items.length);
    const withPublished = await ctx.database.query<{ id: string }>(
      `select distinct sr.researcher_id as id from seed_researchers sr join seeds s on s.id = sr.seed_id where s.status = 'published'`,
    );
    expect(got.filter((id) => withPublished.some((w) => w.id === id))).toEqual([]);

    const all = await ok<{ items: { id: string }[] }>(await coordinator.get("/api/researchers?pageSize=200"));
    expect(all.items.map((r) => r.id)).toEqual(expect.arrayContaining([published, draftOnly, none]));
    expect(all.items.map((r) => r.id)).not.toContain(elsewhere);

    const byAdmin = await ok<{ items: { id: string }[] }>(
      await admin.get("/api/researchers?withoutPublishedSeed=true&pageSize=200"),
    );
    expect(byAdmin.items.map((r) => r.id)).toEqual(expect.arrayContaining([draftOnly, none, elsewhere]));
    expect(byAdmin.items.map((r) => r.id)).not.toContain(published);

    const researcher = await researcherAt(kosenId);
    expect((await researcher.agent.get("/api/researchers?withoutPublishedSeed=true")).status).toBe(403);
  });
});
