/**
 * The access matrix, role × route, against the real app: every operation of the OpenAPI document is
 * called by every role and by an anonymous client. The expected matrix is written out below (so that a
 * change to PERMISSIONS in src/server/auth/policy.ts shows up here) and also checked against PERMISSIONS.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Access, PERMISSIONS } from "../../src/server/auth/policy";
import { createSession } from "../../src/server/auth/sessions";
import { ROLES, type Role } from "../../src/shared/roles";
import { Agent, createTestContext, type TestContext } from "../helpers/app";
import { backendName } from "../helpers/db";

/**
 * Columns, in the order of ROLES: admin, coordinator, researcher, company_member, referral_partner,
 * contract_officer, education_manager, executive. Y = allowed, - = refused (403). "public" = no sign-in.
 */
const MATRIX: Record<string, string> = {
  //                                          ad co re cm rp ct ed ex
  "POST /api/auth/login": "public",
  "POST /api/auth/logout": "Y  Y  Y  Y  Y  Y  Y  Y",
  "GET /api/auth/me": "Y  Y  Y  Y  Y  Y  Y  Y",
  "POST /api/auth/password": "Y  Y  Y  Y  Y  Y  Y  Y",
  "PATCH /api/auth/preferences": "Y  Y  Y  Y  Y  Y  Y  Y",
  "GET /api/auth/invitations/{token}": "public",
  "POST /api/auth/invitations/{token}": "public",
  "GET /api/areas": "Y  Y  Y  Y  Y  Y  Y  Y",
  "GET /api/organizations": "Y  Y  Y  Y  Y  Y  Y  Y",
  "GET /api/organizations/{id}": "Y  Y  Y  Y  Y  Y  Y  Y",
  "GET /api/organizations/export.csv": "Y  Y  -  -  -  Y  -  Y",
  "POST /api/organizations": "Y  Y  -  -  -  Y  -  -",
  "PATCH /api/organizations/{id}": "Y  Y  -  -  -  Y  -  -",
  "DELETE /api/organizations/{id}": "Y  -  -  -  -  -  -  -",
  "GET /api/users": "Y  -  -  -  -  -  -  -",
  "GET /api/users/{id}": "Y  -  -  -  -  -  -  -",
  "POST /api/users": "Y  -  -  -  -  -  -  -",
  "PATCH /api/users/{id}": "Y  -  -  -  -  -  -  -",
  "POST /api/users/{id}/invitation": "Y  -  -  -  -  -  -  -",
  "POST /api/users/{id}/password": "Y  -  -  -  -  -  -  -",
  "GET /api/audit": "Y  -  -  -  -  -  -  -",
  "GET /api/audit/export.csv": "Y  -  -  -  -  -  -  -",
  "GET /api/catalog/seeds": "public",
  "GET /api/catalog/seeds/{id}": "public",
  "GET /api/catalog/seeds/{id}/images/{imageId}": "public",
  "GET /api/catalog/researchers": "public",
  "GET /api/catalog/researchers/{id}": "public",
  "GET /api/catalog/institutions": "public",
  "GET /api/seeds": "Y  Y  Y  -  -  -  -  -",
  "POST /api/seeds": "Y  Y  Y  -  -  -  -  -",
  "PATCH /api/seeds/{id}": "Y  Y  Y  -  -  -  -  -",
  "GET /api/seeds/{id}/history": "Y  Y  Y  -  -  -  -  -",
  "POST /api/seeds/{id}/images": "Y  Y  Y  -  -  -  -  -",
  "DELETE /api/seeds/{id}/images/{imageId}": "Y  Y  Y  -  -  -  -  -",
  "GET /api/researchers": "Y  Y  -  -  -  -  -  -",
  "GET /api/researchers/me": "Y  Y  Y  Y  Y  Y  Y  Y",
  "GET /api/researchers/options": "Y  Y  Y  -  -  -  -  -",
  "POST /api/researchers": "Y  Y  Y  -  -  -  -  -",
  "PATCH /api/researchers/{id}": "Y  Y  Y  -  -  -  -  -",
  "GET /api/researchers/{id}/history": "Y  Y  Y  -  -  -  -  -",
  "POST /api/imports": "Y  Y  -  -  -  -  -  -",
  "GET /api/imports": "Y  Y  -  -  -  -  -  -",
  "GET /api/imports/{id}": "Y  Y  -  -  -  -  -  -",
  "GET /api/imports/{id}/problems.csv": "Y  Y  -  -  -  -  -  -",
  "GET /api/imports/templates/{kind}": "Y  Y  -  -  -  -  -  -",
  "GET /api/exports/{kind}": "Y  Y  -  -  -  -  -  -",
  "POST /api/needs/public": "public",
  "POST /api/needs": "Y  Y  -  Y  Y  -  -  -",
  "GET /api/needs": "public",
  "GET /api/needs/viewer-options": "Y  Y  -  -  -  -  -  -",
  "GET /api/needs/{id}": "public",
  "PATCH /api/needs/{id}": "Y  Y  -  -  -  -  -  -",
  "GET /api/needs/{id}/history": "Y  Y  -  -  -  -  -  -",
  "POST /api/match": "Y  Y  Y  Y  Y  Y  Y  Y",
  "GET /api/needs/{id}/suggestions": "Y  Y  -  -  -  -  -  -",
  "POST /api/needs/{id}/suggestions/{researcherId}": "Y  Y  -  -  -  -  -  -",
  "POST /api/needs/{id}/inquiries": "Y  Y  -  -  -  -  -  -",
  "GET /api/inquiries": "-  -  Y  -  -  -  -  -",
  "POST /api/inquiries/{id}/answer": "-  -  Y  -  -  -  -  -",
  "GET /api/match/needs": "Y  Y  Y  -  -  -  -  -",
  "GET /api/match/synonyms": "Y  Y  -  -  -  -  -  -",
  "POST /api/match/synonyms": "Y  Y  -  -  -  -  -  -",
  "DELETE /api/match/synonyms/{id}": "Y  Y  -  -  -  -  -  -",
  "GET /api/mail": "Y  -  -  -  -  -  -  -",
  "GET /api/mail/{id}": "Y  -  -  -  -  -  -  -",
  "POST /api/mail/{id}/retry": "Y  -  -  -  -  -  -  -",
  "GET /api/cases/board": "Y  Y  -  -  -  -  -  -",
  "GET /api/cases": "Y  Y  -  -  -  -  -  -",
  "GET /api/cases/export": "Y  Y  -  -  -  -  -  -",
  "GET /api/cases/home": "Y  Y  -  -  -  -  -  -",
  "GET /api/cases/stages": "Y  Y  -  -  -  -  -  -",
  "PUT /api/cases/stages/{area}": "Y  -  -  -  -  -  -  -",
  "DELETE /api/cases/stages/{area}": "Y  -  -  -  -  -  -  -",
  "PUT /api/cases/close-reasons/{stage}": "Y  -  -  -  -  -  -  -",
  "GET /api/cases/views": "Y  Y  -  -  -  -  -  -",
  "POST /api/cases/views": "Y  Y  -  -  -  -  -  -",
  "DELETE /api/cases/views/{id}": "Y  Y  -  -  -  -  -  -",
  "GET /api/cases/of-need/{id}": "Y  Y  -  -  -  -  -  -",
  "GET /api/cases/{id}": "Y  Y  -  -  -  -  -  -",
  "PATCH /api/cases/{id}": "Y  Y  -  -  -  -  -  -",
  "POST /api/cases/{id}/follow": "Y  Y  -  -  -  -  -  -",
  "DELETE /api/cases/{id}/follow": "Y  Y  -  -  -  -  -  -",
  "POST /api/cases/{id}/events": "Y  Y  -  -  -  -  -  -",
  "POST /api/cases/{id}/tasks": "Y  Y  -  -  -  -  -  -",
  "PATCH /api/cases/{id}/tasks/{taskId}": "Y  Y  -  -  -  -  -  -",
  "POST /api/cases/{id}/meetings": "Y  Y  -  -  -  -  -  -",
  "PATCH /api/cases/{id}/meetings/{meetingId}": "Y  Y  -  -  -  -  -  -",
  "POST /api/cases/{id}/files": "Y  Y  -  -  -  -  -  -",
  "GET /api/cases/{id}/files/{fileId}": "Y  Y  -  -  -  -  -  -",
  "DELETE /api/cases/{id}/files/{fileId}": "Y  Y  -  -  -  -  -  -",
  "GET /api/referrals": "-  -  -  Y  Y  -  -  -",
  "GET /api/referrals/{id}": "-  -  -  Y  Y  -  -  -",
  "GET /api/notifications": "Y  Y  Y  Y  Y  Y  Y  Y",
  "POST /api/notifications/read": "Y  Y  Y  Y  Y  Y  Y  Y",
  "GET /api/notifications/settings": "Y  Y  Y  Y  Y  Y  Y  Y",
  "PUT /api/notifications/settings": "Y  Y  Y  Y  Y  Y  Y  Y",
  "GET /api/contracts": "Y  Y  -  -  -  Y  -  Y",
  "POST /api/contracts": "Y  -  -  -  -  Y  -  -",
  "GET /api/contracts/{id}": "Y  Y  -  -  -  Y  -  Y",
  "PUT /api/contracts/{id}": "Y  -  -  -  -  Y  -  -",
  "POST /api/contracts/{id}/transition": "Y  -  -  -  -  Y  -  -",
  "POST /api/contracts/{id}/amendments": "Y  -  -  -  -  Y  -  -",
  "GET /api/contracts/{id}/revisions/{revision}": "Y  Y  -  -  -  Y  -  Y",
  "POST /api/contracts/{id}/invoices": "Y  -  -  -  -  Y  -  -",
  "GET /api/contracts/{id}/acceptance-notice.pdf": "Y  Y  -  -  -  Y  -  Y",
  "POST /api/contracts/{id}/documents": "Y  -  -  -  -  Y  -  -",
  "GET /api/contracts/{id}/documents/{documentId}": "Y  Y  -  -  -  Y  -  Y",
  "GET /api/invoices": "Y  Y  -  -  -  Y  -  Y",
  "POST /api/invoices/{id}/payments": "Y  -  -  -  -  Y  -  -",
  "POST /api/invoices/{id}/cancel": "Y  -  -  -  -  Y  -  -",
  "GET /api/invoices/{id}/pdf": "Y  Y  -  -  -  Y  -  Y",
  "GET /api/contract-rates": "Y  Y  -  -  -  Y  -  Y",
  "POST /api/contract-rates": "Y  -  -  -  -  Y  -  -",
  "DELETE /api/contract-rates/{id}": "Y  -  -  -  -  Y  -  -",
  "GET /api/institutions/{id}/billing": "Y  Y  -  -  -  Y  -  Y",
  "PUT /api/institutions/{id}/billing": "Y  -  -  -  -  Y  -  -",
  "GET /api/public/open-calls": "public",
  "GET /api/public/open-calls/{id}": "public",
  "POST /api/public/open-calls/{id}/applications": "public",
  "POST /api/open-calls/{id}/applications": "-  -  -  Y  -  -  -  -",
  "GET /api/open-calls/my-applications": "-  -  -  Y  -  -  -  -",
  "GET /api/open-calls": "Y  Y  -  -  -  Y  -  -",
  "POST /api/open-calls": "Y  Y  -  -  -  Y  -  -",
  "PUT /api/open-calls/{id}": "Y  Y  -  -  -  Y  -  -",
  "POST /api/open-calls/{id}/status": "Y  Y  -  -  -  Y  -  -",
  "GET /api/open-calls/{id}/applications": "Y  Y  -  -  -  Y  -  -",
  "PUT /api/open-calls/{id}/applications/{applicationId}/review": "Y  Y  -  -  -  Y  -  -",
  "POST /api/open-calls/{id}/applications/{applicationId}/decision": "Y  Y  -  -  -  Y  -  -",
  "POST /api/open-calls/{id}/contract": "Y  Y  -  -  -  Y  -  -",
  "GET /api/kpi": "Y  Y  -  -  -  Y  -  Y",
  "GET /api/kpi/rows": "Y  Y  -  -  -  Y  -  Y",
  "GET /api/kpi/report": "Y  Y  -  -  -  Y  -  Y",
  "GET /api/kpi/targets/{fy}": "Y  Y  -  -  -  Y  -  Y",
  "PUT /api/kpi/targets/{fy}": "Y  -  -  -  -  -  -  -",
  "GET /api/kpi/snapshots": "Y  Y  -  -  -  Y  -  Y",
  "POST /api/kpi/snapshots": "Y  -  -  -  -  -  -  -",
  "GET /api/kpi/snapshots/{fy}": "Y  Y  -  -  -  Y  -  Y",
};

/** The roles allowed by a matrix row, or "public". */
function allowedBy(row: string): readonly Role[] | "public" {
  if (row === "public") return "public";
  const cells = row.trim().split(/\s+/);
  expect(cells).toHaveLength(ROLES.length);
  return ROLES.filter((_, i) => cells[i] === "Y");
}

interface Operation {
  key: string;
  method: string;
  path: string;
  access: Access;
}

let ctx: TestContext;
let operations: Operation[];
const userIds = new Map<Role, string>();

beforeAll(async () => {
  ctx = await createTestContext();
  const doc = (await (await ctx.request("/api/openapi.json")).json()) as {
    paths: Record<string, Record<string, { "x-kyoso-access"?: Access }>>;
  };
  operations = Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => ({
      key: `${method.toUpperCase()} ${path}`,
      method: method.toUpperCase(),
      path,
      access: op["x-kyoso-access"] as Access,
    })),
  );
  for (const role of ROLES) userIds.set(role, (await ctx.buildUser({ role })).id);
});
afterAll(() => ctx.close());

/** A new signed-in session for a role's user (each call gets its own, since logout ends one). */
async function agentFor(role: Role | "anonymous"): Promise<Agent> {
  const agent = new Agent(ctx, role);
  if (role === "anonymous") return agent;
  const s = await createSession(ctx.database.db, {
    userId: userIds.get(role)!,
    idleHours: 1,
    ip: null,
    userAgent: "authz-matrix",
  });
  agent.cookie = `kyoso_session=${s.token}`;
  agent.csrf = s.csrfToken;
  return agent;
}

async function call(op: Operation, who: Role | "anonymous") {
  const agent = await agentFor(who);
  const url = op.path
    .replace(/\{(id|[a-z]+Id)\}/g, () => randomUUID())
    .replace("{token}", "dummy-token-0123456789");
  const res = await agent.fetch(url, {
    method: op.method,
    ...(op.method === "POST" || op.method === "PATCH" ? { json: {} } : {}),
  });
  const text = await res.text();
  let reason: unknown;
  try {
    reason = (JSON.parse(text) as { error?: { details?: { reason?: unknown } } }).error?.details?.reason;
  } catch {
    reason = undefined; // CSV or empty body
  }
  return { status: res.status, reason };
}

describe(`the access matrix (${backendName})`, () => {
  it("documents every operation of the OpenAPI document, and nothing else", () => {
    expect(operations.length).toBeGreaterThan(0);
    expect(operations.map((o) => o.key).sort()).toEqual(Object.keys(MATRIX).sort());
    expect(operations.every((o) => o.access === "public" || o.access in PERMISSIONS)).toBe(true);
  });

  it("matches PERMISSIONS in src/server/auth/policy.ts", () => {
    for (const op of operations) {
      const expected = allowedBy(MATRIX[op.key]!);
      const fromPolicy = op.access === "public" ? "public" : [...PERMISSIONS[op.access]].sort();
      expect({ op: op.key, allowed: expected === "public" ? expected : [...expected].sort() }).toEqual({
        op: op.key,
        allowed: fromPolicy,
      });
    }
  });

  it("answers every role and anonymous as the matrix says", async () => {
    const failures: string[] = [];
    let calls = 0;
    for (const op of operations) {
      const allowed = allowedBy(MATRIX[op.key]!);
      for (const who of ["anonymous", ...ROLES] as const) {
        const { status, reason } = await call(op, who);
        calls++;
        const denied = status === 401 || status === 403;
        let ok: boolean;
        let want: string;
        if (allowed === "public") {
          ok = !denied;
          want = "not 401/403";
        } else if (who === "anonymous") {
          ok = status === 401;
          want = "401";
        } else if (allowed.includes(who)) {
          ok = !denied;
          want = "not 401/403";
        } else {
          ok = status === 403 && reason === undefined; // not a CSRF or password-change refusal
          want = "403";
        }
        if (!ok)
          failures.push(`${op.key} as ${who}: got ${status}${reason ? ` (${reason})` : ""}, want ${want}`);
      }
    }
    expect(failures).toEqual([]);
    expect(calls).toBe(operations.length * (ROLES.length + 1));
  });

  it("treats accepting an invitation while signed in as a conflict, not an access denial", async () => {
    const agent = await agentFor("researcher");
    const res = await agent.post("/api/auth/invitations/dummy-token-0123456789", {
      password: "a-long-password",
    });
    expect(res.status).toBe(409);
  });

  it("refuses state changes without the CSRF token before checking the role", async () => {
    const agent = await agentFor("admin");
    agent.csrf = "";
    const res = await agent.post("/api/organizations", {});
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: { details: unknown } }).error.details).toEqual({ reason: "csrf" });
  });
});
