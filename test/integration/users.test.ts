import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Agent, createTestContext, TEST_PASSWORD, type TestContext } from "../helpers/app";
import { backendName } from "../helpers/db";

interface User {
  id: string;
  email: string;
  role: string;
  status: string;
  mustChangePassword: boolean;
  coverage: { kind: string; organizationId: string | null; areaCode: string | null; label: string }[];
  version: number;
}
interface ErrorBody {
  error: { code: string; message: string; fields?: { field: string }[]; details?: Record<string, unknown> };
}
interface AuditItem {
  action: string;
  actorEmail: string | null;
  subject: string | null;
  details: Record<string, unknown>;
}

let ctx: TestContext;
let admin: Agent;
let tutId: string;
let kosenId: string;
beforeAll(async () => {
  ctx = await createTestContext();
  admin = await ctx.as("admin");
  tutId = (await ctx.institution("tut")).id;
  kosenId = (await ctx.institution("kosen-nagaoka")).id;
});
afterAll(() => ctx.close());

const json = async <T>(res: Response) => (await res.json()) as T;
const fieldsOf = (b: ErrorBody) => (b.error.fields ?? []).map((f) => f.field);
let n = 0;
const newEmail = (tag: string) => `${tag}-${Date.now().toString(36)}-${n++}@users.test.example`;
async function userCount(): Promise<number> {
  const [r] = await ctx.database.query<{ n: number }>("select count(*)::int as n from users");
  return Number(r?.n);
}
async function audit(query: string): Promise<{ items: AuditItem[]; total: number }> {
  const res = await admin.get(`/api/audit?${query}&pageSize=200`);
  expect(res.status).toBe(200);
  return json(res);
}
async function getUser(id: string): Promise<User> {
  return json<User>(await admin.get(`/api/users/${id}`));
}
function login(email: string, password: string) {
  return ctx.request("/api/auth/login", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password }),
  });
}

describe(`creating and inviting users (${backendName})`, () => {
  it("creates a user with a temporary password who must change it before using the API", async () => {
    const email = newEmail("temp");
    const res = await admin.post("/api/users", {
      email: email.toUpperCase(),
      displayName: "仮 パスワード",
      role: "researcher",
      organizationId: kosenId,
      mode: "password",
      password: "temporary-pass-1",
    });
    expect(res.status).toBe(201);
    const created = await json<{ user: User; inviteUrl: string | null }>(res);
    expect(created.user).toMatchObject({ email, status: "active", mustChangePassword: true });
    expect(created.inviteUrl).toBeNull();

    const agent = await ctx.signIn(email, "temporary-pass-1");
    expect((await agent.get("/api/auth/me")).status).toBe(200);
    for (const path of ["/api/organizations", "/api/areas", `/api/organizations/${tutId}`, "/api/users"]) {
      const blocked = await agent.get(path);
      expect({ path, status: blocked.status }).toEqual({ path, status: 403 });
      expect((await json<ErrorBody>(blocked)).error.details).toEqual({ reason: "password_change_required" });
    }
    const changed = await agent.post("/api/auth/password", {
      currentPassword: "temporary-pass-1",
      newPassword: "my-own-password-1",
    });
    expect(changed.status).toBe(204);
    expect((await agent.get("/api/organizations")).status).toBe(200);
    expect((await getUser(created.user.id)).mustChangePassword).toBe(false);
  });

  it("invites a user; the link shows who, sets the password and signs in once", async () => {
    const email = newEmail("invited");
    const res = await admin.post("/api/users", {
      email,
      displayName: "招待 花子",
      role: "coordinator",
      organizationId: tutId,
      mode: "invite",
    });
    expect(res.status).toBe(201);
    const created = await json<{ user: User; inviteUrl: string; inviteExpiresAt: string }>(res);
    expect(created.user.status).toBe("invited");
    const m = /\/invite\/([A-Za-z0-9_-]+)$/.exec(created.inviteUrl);
    expect(m).not.toBeNull();
    const token = m![1]!;
    expect(new Date(created.inviteExpiresAt).getTime()).toBeGreaterThan(Date.now());
    // An invited user has no password yet.
    expect((await login(email, "anything-at-all")).status).toBe(401);

    const shown = await ctx.request(`/api/auth/invitations/${token}`);
    expect(shown.status).toBe(200);
    expect(await shown.json()).toEqual({
      email,
      displayName: "招待 花子",
      organizationName: "豊橋技術科学大学",
      role: "coordinator",
    });

    const guest = new Agent(ctx, email);
    const weak = await guest.post(`/api/auth/invitations/${token}`, { password: "short" });
    expect(weak.status).toBe(400);
    expect(fieldsOf(await json<ErrorBody>(weak))).toEqual(["password"]);
    const accepted = await guest.post(`/api/auth/invitations/${token}`, { password: "invited-password-1" });
    expect(accepted.status).toBe(200);
    guest.csrf = (await json<{ csrfToken: string }>(accepted)).csrfToken;
    const me = await json<{ user: { email: string; role: string } }>(await guest.get("/api/auth/me"));
    expect(me.user).toMatchObject({ email, role: "coordinator" });
    expect((await guest.get("/api/organizations")).status).toBe(200);
    expect((await getUser(created.user.id)).status).toBe("active");
    await ctx.signIn(email, "invited-password-1");

    // The link works once; a made-up token never.
    expect((await ctx.request(`/api/auth/invitations/${token}`)).status).toBe(404);
    const again = await new Agent(ctx, email).post(`/api/auth/invitations/${token}`, {
      password: "another-password-2",
    });
    expect(again.status).toBe(404);
    const bogus = "x".repeat(43);
    expect((await ctx.request(`/api/auth/invitations/${bogus}`)).status).toBe(404);
    expect(
      (await new Agent(ctx, "b").post(`/api/auth/invitations/${bogus}`, { password: "whatever-123" })).status,
    ).toBe(404);
  });

  it("refuses an expired invitation", async () => {
    const res = await admin.post("/api/users", {
      email: newEmail("expired"),
      displayName: "期限 切れ",
      role: "researcher",
      organizationId: kosenId,
      mode: "invite",
    });
    const { user, inviteUrl } = await json<{ user: User; inviteUrl: string }>(res);
    const token = inviteUrl.split("/invite/")[1]!;
    expect((await ctx.request(`/api/auth/invitations/${token}`)).status).toBe(200);
    await ctx.database.query(
      "update users set invite_expires_at = now() - interval '1 minute' where id = $1",
      [user.id],
    );
    expect((await ctx.request(`/api/auth/invitations/${token}`)).status).toBe(404);
    const late = await new Agent(ctx, "late").post(`/api/auth/invitations/${token}`, {
      password: "too-late-password-1",
    });
    expect(late.status).toBe(404);
    expect((await getUser(user.id)).status).toBe("invited");
  });

  it("names the field of a malformed e-mail and refuses a duplicate e-mail", async () => {
    const before = await userCount();
    const bad = await admin.post("/api/users", {
      email: "not-an-email",
      displayName: "x",
      role: "researcher",
      organizationId: kosenId,
      mode: "invite",
    });
    expect(bad.status).toBe(400);
    expect(fieldsOf(await json<ErrorBody>(bad))).toEqual(["email"]);

    const existing = await ctx.buildUser({ role: "researcher" });
    const dup = await admin.post("/api/users", {
      email: existing.email.toUpperCase(),
      displayName: "二重",
      role: "researcher",
      organizationId: kosenId,
      mode: "invite",
    });
    expect(dup.status).toBe(409);
    expect(fieldsOf(await json<ErrorBody>(dup))).toEqual(["email"]);
    expect(await userCount()).toBe(before + 1);
  });

  it("checks the organisation fits the role and who may have coverage", async () => {
    const before = await userCount();
    const wrongOrg = await admin.post("/api/users", {
      email: newEmail("cm"),
      displayName: "企業 太郎",
      role: "company_member",
      organizationId: tutId,
      mode: "invite",
    });
    expect(wrongOrg.status).toBe(400);
    expect(fieldsOf(await json<ErrorBody>(wrongOrg))).toEqual(["organizationId"]);

    const coverage = [
      { kind: "area", areaCode: "tokai" },
      { kind: "organization", organizationId: kosenId },
    ];
    const researcher = await admin.post("/api/users", {
      email: newEmail("res"),
      displayName: "研究 者",
      role: "researcher",
      organizationId: kosenId,
      mode: "invite",
      coverage,
    });
    expect(researcher.status).toBe(400);
    expect(fieldsOf(await json<ErrorBody>(researcher))).toEqual(["coverage"]);
    expect(await userCount()).toBe(before);

    const coordinator = await admin.post("/api/users", {
      email: newEmail("coord"),
      displayName: "調整 役",
      role: "coordinator",
      organizationId: tutId,
      mode: "invite",
      coverage,
    });
    expect(coordinator.status).toBe(201);
    const u = (await json<{ user: User }>(coordinator)).user;
    expect(u.coverage.map((c) => c.label).sort()).toEqual(["東海", "長岡工業高等専門学校"].sort());
  });
});

describe(`changing users (${backendName})`, () => {
  it("changes a role: audited with from/to, and the user is signed out", async () => {
    const u = await ctx.buildUser({ role: "researcher" });
    const agent = await ctx.signIn(u.email);
    const { version } = await getUser(u.id);
    const res = await admin.patch(`/api/users/${u.id}`, { version, role: "coordinator" });
    expect(res.status).toBe(200);
    expect(await json<User>(res)).toMatchObject({ role: "coordinator", version: version + 1 });
    expect((await agent.get("/api/auth/me")).status).toBe(401);

    const events = await audit(`action=user.role_changed&q=${encodeURIComponent(u.email)}`);
    expect(events.total).toBe(1);
    expect(events.items[0]).toMatchObject({
      actorEmail: admin.email,
      subject: u.email,
      details: { from: "researcher", to: "coordinator" },
    });
    const again = await ctx.signIn(u.email);
    const me = await json<{ permissions: string[] }>(await again.get("/api/auth/me"));
    expect(me.permissions).toContain("organizations:create");
  });

  it("disables a user: signed out and cannot sign in", async () => {
    const u = await ctx.buildUser({ role: "executive" });
    const agent = await ctx.signIn(u.email);
    const { version } = await getUser(u.id);
    const res = await admin.patch(`/api/users/${u.id}`, { version, status: "disabled" });
    expect(res.status).toBe(200);
    expect((await agent.get("/api/auth/me")).status).toBe(401);
    const denied = await login(u.email, TEST_PASSWORD);
    expect(denied.status).toBe(401);
    expect((await json<ErrorBody>(denied)).error.details).toEqual({ reason: "disabled" });
    expect((await audit(`action=user.disabled&q=${encodeURIComponent(u.email)}`)).total).toBe(1);
  });

  it("refuses a stale version and changes nothing", async () => {
    const u = await ctx.buildUser({ role: "education_manager" });
    const { version } = await getUser(u.id);
    expect((await admin.patch(`/api/users/${u.id}`, { version, displayName: "一回目" })).status).toBe(200);
    const stale = await admin.patch(`/api/users/${u.id}`, { version, displayName: "二回目" });
    expect(stale.status).toBe(409);
    expect((await json<ErrorBody>(stale)).error.details).toEqual({ reason: "stale_version" });
    expect(await getUser(u.id)).toMatchObject({ displayName: "一回目", version: version + 1 });
  });

  it("keeps at least one active admin", async () => {
    const me = await json<{ user: { id: string } }>(await admin.get("/api/auth/me"));
    const others = await json<{ items: User[] }>(await admin.get("/api/users?role=admin&status=active"));
    for (const o of others.items.filter((x) => x.id !== me.user.id)) {
      expect(
        (await admin.patch(`/api/users/${o.id}`, { version: o.version, status: "disabled" })).status,
      ).toBe(200);
    }
    const self = await getUser(me.user.id);
    for (const change of [{ role: "coordinator" }, { status: "disabled" }]) {
      const res = await admin.patch(`/api/users/${self.id}`, { version: self.version, ...change });
      expect(res.status).toBe(409);
      expect((await json<ErrorBody>(res)).error.message).toMatch(/active admin must remain/);
    }
    expect(await getUser(self.id)).toMatchObject({ role: "admin", status: "active", version: self.version });

    // With a second active admin, one of them may be demoted.
    const second = await ctx.buildUser({ role: "admin" });
    const s = await getUser(second.id);
    expect(
      (await admin.patch(`/api/users/${s.id}`, { version: s.version, role: "coordinator" })).status,
    ).toBe(200);
  });
});

describe(`the audit log (${backendName})`, () => {
  it("records user creation, sign-ins, failed sign-ins and role changes, filtered by action and q", async () => {
    const email = newEmail("audited");
    const created = await admin.post("/api/users", {
      email,
      displayName: "監査 対象",
      role: "researcher",
      organizationId: kosenId,
      mode: "password",
      password: "temporary-pass-2",
    });
    expect(created.status).toBe(201);
    const id = (await json<{ user: User }>(created)).user.id;
    expect((await login(email, "wrong-password-9")).status).toBe(401);
    await ctx.signIn(email, "temporary-pass-2");
    const { version } = await getUser(id);
    expect((await admin.patch(`/api/users/${id}`, { version, role: "executive" })).status).toBe(200);

    const all = await audit(`q=${encodeURIComponent(email)}`);
    expect(all.items.map((e) => e.action).sort()).toEqual(
      ["auth.login", "auth.login_failed", "user.created", "user.role_changed"].sort(),
    );
    expect(all.items.find((e) => e.action === "user.created")).toMatchObject({
      actorEmail: admin.email,
      details: { role: "researcher", organizationId: kosenId },
    });
    const authOnly = await audit(`action=auth.&q=${encodeURIComponent(email)}`);
    expect(authOnly.items.map((e) => e.action).sort()).toEqual(["auth.login", "auth.login_failed"]);
    const everyAuth = await audit("action=auth.");
    expect(everyAuth.total).toBeGreaterThan(2);
    expect(everyAuth.items.every((e) => e.action.startsWith("auth."))).toBe(true);
    expect((await audit("action=auth.login_failed&q=zzz-nobody")).total).toBe(0);
  });

  it("exports the audit log as CSV, and audits the export", async () => {
    const res = await admin.get("/api/audit/export.csv?action=user.");
    expect(res.status).toBe(200);
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await res.arrayBuffer());
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text.slice(1).split("\r\n").filter(Boolean);
    expect(lines[0]).toBe("日時(JST),操作,実行者,対象者・入力,対象種別,対象ID,IPアドレス,詳細");
    const expected = await audit("action=user.");
    expect(lines).toHaveLength(1 + expected.total);
    expect(lines.slice(1).every((l) => /^\d{4}-\d{2}-\d{2} \d{2}:\d{2},user\.[a-z_]+,/.test(l))).toBe(true);

    const exports = await audit("action=export.audit");
    expect(exports.total).toBe(1);
    expect(exports.items[0]).toMatchObject({
      actorEmail: admin.email,
      details: { rows: expected.total, filters: { action: "user." } },
    });
  });

  it("is for admins only", async () => {
    const coordinator = await ctx.as("coordinator");
    expect((await coordinator.get("/api/audit")).status).toBe(403);
    expect((await coordinator.get("/api/audit/export.csv")).status).toBe(403);
    expect((await coordinator.get("/api/users")).status).toBe(403);
  });
});
