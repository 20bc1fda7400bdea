import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LOGIN_LIMITS } from "../../src/server/auth/service";
import { Agent, createTestContext, TEST_PASSWORD, type TestContext } from "../helpers/app";
import { backendName } from "../helpers/db";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

async function auditActions(admin: Agent, q: string) {
  const res = await admin.get(`/api/audit?q=${encodeURIComponent(q)}&pageSize=100`);
  return ((await res.json()) as { items: { action: string; details: Record<string, unknown> }[] }).items;
}

describe(`sign-in, sessions and passwords (${backendName})`, () => {
  it("answers /healthz with the database kind", async () => {
    const res = await ctx.request("/healthz");
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: "ok", database: backendName });
  });

  it("signs in, sets an httpOnly SameSite cookie, and signs out", async () => {
    const u = await ctx.buildUser({ role: "researcher" });
    const agent = new Agent(ctx, u.email);
    const res = await agent.post("/api/auth/login", {
      email: u.email.toUpperCase(),
      password: TEST_PASSWORD,
    });
    expect(res.status).toBe(200);
    const cookie = res.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/kyoso_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const me = (await res.json()) as {
      user: { email: string; role: string };
      csrfToken: string;
      permissions: string[];
    };
    expect(me.user).toMatchObject({ email: u.email, role: "researcher" });
    expect(me.permissions).toContain("organizations:read");
    expect(me.permissions).not.toContain("users:manage");
    agent.csrf = me.csrfToken;

    expect((await agent.get("/api/auth/me")).status).toBe(200);
    expect((await agent.post("/api/auth/logout")).status).toBe(204);
    expect(agent.cookie).toBe("");
    expect((await agent.get("/api/auth/me")).status).toBe(401);
  });

  it("refuses a wrong password or an unknown e-mail with the same message, and logs both", async () => {
    const u = await ctx.buildUser({ role: "coordinator" });
    const a = await ctx.request("/api/auth/login", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: u.email, password: "wrong-password" }),
    });
    const b = await ctx.request("/api/auth/login", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: "nobody@test.example", password: "wrong-password" }),
    });
    expect(a.status).toBe(401);
    expect(b.status).toBe(401);
    const ea = (await a.json()) as { error: { message: string } };
    const eb = (await b.json()) as { error: { message: string } };
    expect(ea.error.message).toBe(eb.error.message);
    const admin = await ctx.as("admin");
    const events = await auditActions(admin, u.email);
    expect(events.find((e) => e.action === "auth.login_failed")?.details).toMatchObject({
      reason: "wrong_password",
    });
    expect((await auditActions(admin, "nobody@test.example"))[0]?.details).toMatchObject({
      reason: "unknown_email",
    });
  });

  it("names the field of a malformed e-mail", async () => {
    const res = await ctx.request("/api/auth/login", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: "not-an-email", password: "x" }),
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; fields: { field: string }[] } };
    expect(body.error.code).toBe("VALIDATION");
    expect(body.error.fields.map((f) => f.field)).toEqual(["email"]);
  });

  it(`limits failed sign-ins to ${LOGIN_LIMITS.perAccount} per account per window`, async () => {
    const u = await ctx.buildUser({ role: "executive" });
    const attempt = (password: string) =>
      ctx.request("/api/auth/login", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: u.email, password }),
      });
    for (let i = 0; i < LOGIN_LIMITS.perAccount; i++)
      expect((await attempt("wrong-password")).status).toBe(401);
    const blocked = await attempt(TEST_PASSWORD); // even the right password waits
    expect(blocked.status).toBe(429);
    expect(blocked.headers.get("retry-after")).toBe(String(LOGIN_LIMITS.windowMinutes * 60));
  });

  it("requires the CSRF token for changes made with a session, and refuses other origins", async () => {
    const agent = await ctx.as("researcher");
    const token = agent.csrf;
    agent.csrf = "";
    const noToken = await agent.patch("/api/auth/preferences", { locale: "en" });
    expect(noToken.status).toBe(403);
    agent.csrf = token;
    expect((await agent.patch("/api/auth/preferences", { locale: "en" })).status).toBe(204);
    const crossSite = await agent.fetch("/api/auth/preferences", {
      method: "PATCH",
      json: { locale: "ja" },
      headers: { origin: "https://evil.example" },
    });
    expect(crossSite.status).toBe(403);
    const me = (await (await agent.get("/api/auth/me")).json()) as { user: { locale: string } };
    expect(me.user.locale).toBe("en");
  });

  it("changes the password: checks the current one, the rules, and signs out other sessions", async () => {
    const u = await ctx.buildUser({ role: "contract_officer" });
    const first = await ctx.signIn(u.email);
    const second = await ctx.signIn(u.email);
    const wrong = await first.post("/api/auth/password", {
      currentPassword: "nope-nope-nope",
      newPassword: "a-new-password-1",
    });
    expect(wrong.status).toBe(400);
    expect(((await wrong.json()) as { error: { fields: { field: string }[] } }).error.fields[0]?.field).toBe(
      "currentPassword",
    );
    const short = await first.post("/api/auth/password", {
      currentPassword: TEST_PASSWORD,
      newPassword: "short",
    });
    expect(short.status).toBe(400);
    expect(((await short.json()) as { error: { message: string } }).error.message).toMatch(/at least 10/);
    expect(
      (
        await first.post("/api/auth/password", {
          currentPassword: TEST_PASSWORD,
          newPassword: "a-new-password-1",
        })
      ).status,
    ).toBe(204);
    expect((await first.get("/api/auth/me")).status).toBe(200);
    expect((await second.get("/api/auth/me")).status).toBe(401);
    await ctx.signIn(u.email, "a-new-password-1");
  });

  it("sends security headers and a content security policy", async () => {
    const res = await ctx.request("/healthz");
    expect(res.headers.get("content-security-policy")).toContain("default-src 'self'");
    expect(res.headers.get("content-security-policy")).toContain("script-src 'self'");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("x-frame-options")).toBe("SAMEORIGIN");
  });

  it("publishes an OpenAPI document that names each route's access", async () => {
    const res = await ctx.request("/api/openapi.json");
    expect(res.status).toBe(200);
    const doc = (await res.json()) as {
      openapi: string;
      paths: Record<string, Record<string, { "x-kyoso-access"?: string }>>;
    };
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.paths["/api/organizations"]?.get?.["x-kyoso-access"]).toBe("organizations:read");
    expect(doc.paths["/api/auth/login"]?.post?.["x-kyoso-access"]).toBe("public");
    const docs = await ctx.request("/api/docs");
    expect(await docs.text()).toContain("swagger-ui-bundle.js");
  });
});
