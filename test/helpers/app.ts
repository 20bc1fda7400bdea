/**
 * The real app, in-process (`app.request()`), on a real database, with factories that build a row and
 * its parents, and agents that sign in and keep their cookie and CSRF token like a browser.
 */
import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { createApp } from "../../src/server/app";
import { loadConfig } from "../../src/server/config";
import { organizations } from "../../src/server/db/schema";
import { closeMatchingIndex } from "../../src/server/modules/matching/service";
import { searchFields } from "../../src/server/modules/organizations/repository";
import { createUser } from "../../src/server/modules/users/service";
import type { OrgType, Role } from "../../src/shared/roles";
import { createTestDatabase, type TestDatabase } from "./db";

export const TEST_PASSWORD = "test-password-123";

export interface TestContext extends TestDatabase {
  app: ReturnType<typeof createApp>;
  config: ReturnType<typeof loadConfig>;
  /** A request to the app; `ip` plays the client's address (as @hono/node-server would give it). */
  request(path: string, init?: RequestInit, opts?: { ip?: string }): Promise<Response>;
  buildOrganization(
    o?: Partial<typeof organizations.$inferInsert> & { type?: OrgType },
  ): Promise<typeof organizations.$inferSelect>;
  buildUser(o: {
    role: Role;
    organizationId?: string;
    email?: string;
    password?: string;
  }): Promise<{ id: string; email: string }>;
  institution(code: string): Promise<typeof organizations.$inferSelect>;
  signIn(email: string, password?: string): Promise<Agent>;
  /** A new user of the role, in a fitting organisation, signed in. */
  as(role: Role): Promise<Agent>;
  close(): Promise<void>;
}

export class Agent {
  cookie = "";
  csrf = "";
  /** The client address the app sees (for per-address limits). */
  ip: string | undefined;
  constructor(
    private ctx: Pick<TestContext, "request">,
    readonly email: string,
  ) {}

  async fetch(path: string, init: RequestInit & { json?: unknown } = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookie) headers.set("cookie", this.cookie);
    if (this.csrf) headers.set("x-csrf-token", this.csrf);
    let body = init.body;
    if (init.json !== undefined) {
      headers.set("content-type", "application/json");
      body = JSON.stringify(init.json);
    }
    const res = await this.ctx.request(
      path,
      { ...init, headers, body: body ?? null },
      this.ip ? { ip: this.ip } : {},
    );
    const set = res.headers.get("set-cookie");
    if (set) {
      const m = /kyoso_session=([^;]*)/.exec(set);
      if (m) this.cookie = m[1] ? `kyoso_session=${m[1]}` : "";
    }
    return res;
  }
  get = (path: string) => this.fetch(path);
  post = (path: string, json?: unknown) =>
    this.fetch(path, { method: "POST", ...(json === undefined ? {} : { json }) });
  patch = (path: string, json: unknown) => this.fetch(path, { method: "PATCH", json });
  delete = (path: string) => this.fetch(path, { method: "DELETE" });
}

const ROLE_HOME: Record<Role, OrgType> = {
  admin: "university",
  coordinator: "university",
  researcher: "kosen",
  company_member: "company",
  referral_partner: "shinkin",
  contract_officer: "university",
  education_manager: "university",
  executive: "university",
};

/**
 * `env`: more settings, as environment variables (e.g. KYOSO_EMBEDDINGS_URL for the semantic stage);
 * `database`: an existing test database (another app on the same data), which close() then leaves open.
 */
export async function createTestContext(
  opts: { env?: Record<string, string>; database?: TestDatabase } = {},
): Promise<TestContext> {
  const tdb = opts.database ?? (await createTestDatabase());
  const config = { ...loadConfig({ KYOSO_DEMO: "off", ...opts.env }), webDir: "/nonexistent" };
  const app = createApp({ database: tdb.database, config });
  const db = tdb.database.db;
  const request = async (path: string, init?: RequestInit, opts: { ip?: string } = {}) =>
    app.request(
      path,
      init,
      opts.ip
        ? { incoming: { socket: { remoteAddress: opts.ip, remotePort: 50000, remoteFamily: "IPv4" } } }
        : undefined,
    );

  const ctx: TestContext = {
    ...tdb,
    app,
    config,
    request,
    async buildOrganization(o = {}) {
      const type = o.type ?? "company";
      const values = {
        nameJa: `テスト組織${randomBytes(4).toString("hex")}`,
        ...o,
        type,
      };
      const [row] = await db
        .insert(organizations)
        .values({ ...values, ...searchFields(values) })
        .returning();
      return row!;
    },
    async institution(code) {
      const [row] = await db.select().from(organizations).where(eq(organizations.code, code));
      if (!row) throw new Error(`no institution ${code}`);
      return row;
    },
    async buildUser(o) {
      let organizationId = o.organizationId;
      if (!organizationId) {
        const type = ROLE_HOME[o.role];
        organizationId =
          type === "university"
            ? (await ctx.institution("tut")).id
            : type === "kosen"
              ? (await ctx.institution("kosen-nagaoka")).id
              : (await ctx.buildOrganization({ type })).id;
      }
      const email = o.email ?? `${o.role}-${randomBytes(4).toString("hex")}@test.example`;
      const created = await createUser({
        db,
        actor: null,
        input: {
          email,
          displayName: `Test ${o.role}`,
          role: o.role,
          organizationId,
          mode: "password",
          password: o.password ?? TEST_PASSWORD,
        },
        meta: null,
        isDemo: true, // no forced password change
      });
      return { id: created.user.id, email };
    },
    async signIn(email, password = TEST_PASSWORD) {
      const agent = new Agent(ctx, email);
      const res = await agent.post("/api/auth/login", { email, password });
      if (res.status !== 200)
        throw new Error(`sign-in of ${email} failed: ${res.status} ${await res.text()}`);
      agent.csrf = ((await res.json()) as { csrfToken: string }).csrfToken;
      return agent;
    },
    async as(role) {
      const u = await ctx.buildUser({ role });
      return ctx.signIn(u.email);
    },
    async close() {
      // A semantic stage's background work stops before its database goes (the lexical index is shared).
      if (config.embeddingsUrl || config.embeddingsOnnxDir) await closeMatchingIndex(config);
      if (!opts.database) await tdb.drop();
    },
  };
  return ctx;
}
