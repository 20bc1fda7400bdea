import { z } from "@hono/zod-openapi";
import { eq } from "drizzle-orm";
import { ROLES } from "../../shared/roles";
import { organizations, users } from "../db/schema";
import { AppError } from "../errors";
import type { AppEnv } from "../http/context";
import { ErrorSchema } from "../http/errors";
import { defineRoute, jsonContent, newRouter } from "../http/route";
import { clearSessionCookie, setSessionCookie } from "../http/security";
import { recordAudit } from "../modules/audit/service";
import { type Actor, permissionsOf } from "./policy";
import { acceptInvitation, changePassword, findInvitation, login } from "./service";
import { deleteSession } from "./sessions";

const MeSchema = z
  .object({
    user: z.object({
      id: z.uuid(),
      email: z.string(),
      displayName: z.string(),
      role: z.enum(ROLES),
      organizationId: z.uuid(),
      organizationName: z.string(),
      organizationNameEn: z.string().nullable(),
      organizationType: z.string(),
      locale: z.enum(["ja", "en"]),
      mustChangePassword: z.boolean(),
      coverage: z.object({ organizationIds: z.array(z.uuid()), areaCodes: z.array(z.string()) }),
    }),
    permissions: z.array(z.string()),
    csrfToken: z.string(),
  })
  .openapi("Me");

export type MeResponse = z.infer<typeof MeSchema>;

const LoginBody = z
  .object({
    email: z.email({ message: "must be an e-mail address" }).max(254),
    password: z.string().min(1, "is required").max(200),
  })
  .openapi("LoginRequest");

const PasswordBody = z.object({
  currentPassword: z.string().min(1, "is required").max(200),
  newPassword: z.string().min(1, "is required").max(200),
});

const PreferencesBody = z.object({ locale: z.enum(["ja", "en"]) });

const InvitationSchema = z.object({
  email: z.string(),
  displayName: z.string(),
  organizationName: z.string(),
  role: z.enum(ROLES),
});

const TokenParam = z.object({ token: z.string().min(10).max(100) });

async function meBody(
  c: { get: (k: "deps") => AppEnv["Variables"]["deps"] },
  actor: Actor,
  csrfToken: string,
) {
  const { database } = c.get("deps");
  const [org] = await database.db
    .select({ nameJa: organizations.nameJa, nameEn: organizations.nameEn })
    .from(organizations)
    .where(eq(organizations.id, actor.organizationId));
  return {
    user: {
      id: actor.id,
      email: actor.email,
      displayName: actor.displayName,
      role: actor.role,
      organizationId: actor.organizationId,
      organizationName: org?.nameJa ?? "",
      organizationNameEn: org?.nameEn ?? null,
      organizationType: actor.organizationType,
      locale: actor.locale,
      mustChangePassword: actor.mustChangePassword,
      coverage: actor.coverage,
    },
    permissions: permissionsOf(actor.role),
    csrfToken,
  };
}

export function authRoutes() {
  const app = newRouter();

  app.openapi(
    defineRoute("public", {
      method: "post",
      path: "/auth/login",
      tags: ["auth"],
      summary: "Sign in; sets the session cookie",
      request: { body: { content: { "application/json": { schema: LoginBody } }, required: true } },
      responses: {
        200: jsonContent(MeSchema, "Signed in"),
        401: jsonContent(ErrorSchema, "Wrong e-mail or password"),
        429: jsonContent(ErrorSchema, "Too many failed attempts"),
      },
    }),
    async (c) => {
      const { email, password } = c.req.valid("json");
      const { database, config } = c.get("deps");
      const s = await login({
        db: database.db,
        email,
        password,
        meta: c.get("meta"),
        idleHours: config.sessionHours,
      });
      setSessionCookie(c, s.token);
      return c.json(await meBody(c, s.actor, s.csrfToken), 200);
    },
  );

  app.openapi(
    defineRoute("account:self", {
      method: "post",
      path: "/auth/logout",
      tags: ["auth"],
      summary: "Sign out of this session",
      responses: { 204: { description: "Signed out" } },
    }),
    async (c) => {
      const { database } = c.get("deps");
      const sessionId = c.get("sessionId");
      const actor = c.get("actor");
      if (sessionId) await deleteSession(database.db, sessionId);
      if (actor)
        await recordAudit(database.db, {
          action: "auth.logout",
          actor,
          subject: actor.email,
          meta: c.get("meta"),
        });
      clearSessionCookie(c);
      return c.body(null, 204);
    },
  );

  app.openapi(
    defineRoute("account:self", {
      method: "get",
      path: "/auth/me",
      tags: ["auth"],
      summary: "The signed-in user, their permissions and the CSRF token",
      responses: { 200: jsonContent(MeSchema, "The signed-in user") },
    }),
    async (c) => c.json(await meBody(c, c.get("actor")!, c.get("csrfToken")!), 200),
  );

  app.openapi(
    defineRoute("account:self", {
      method: "post",
      path: "/auth/password",
      tags: ["auth"],
      summary: "Change one's password (signs out one's other sessions)",
      request: { body: { content: { "application/json": { schema: PasswordBody } }, required: true } },
      responses: { 204: { description: "Changed" } },
    }),
    async (c) => {
      const body = c.req.valid("json");
      const { database } = c.get("deps");
      await changePassword({
        db: database.db,
        actor: c.get("actor")!,
        sessionId: c.get("sessionId"),
        ...body,
        meta: c.get("meta"),
      });
      return c.body(null, 204);
    },
  );

  app.openapi(
    defineRoute("account:self", {
      method: "patch",
      path: "/auth/preferences",
      tags: ["auth"],
      summary: "Change one's preferences (language)",
      request: { body: { content: { "application/json": { schema: PreferencesBody } }, required: true } },
      responses: { 204: { description: "Saved" } },
    }),
    async (c) => {
      const { locale } = c.req.valid("json");
      const { database } = c.get("deps");
      await database.db
        .update(users)
        .set({ locale })
        .where(eq(users.id, c.get("actor")!.id));
      return c.body(null, 204);
    },
  );

  app.openapi(
    defineRoute("public", {
      method: "get",
      path: "/auth/invitations/{token}",
      tags: ["auth"],
      summary: "Who an invitation link is for",
      request: { params: TokenParam },
      responses: {
        200: jsonContent(InvitationSchema, "The invitation"),
        404: jsonContent(ErrorSchema, "Not valid"),
      },
    }),
    async (c) => {
      const { database } = c.get("deps");
      const row = await findInvitation(database.db, c.req.valid("param").token);
      return c.json(
        {
          email: row.user.email,
          displayName: row.user.displayName,
          organizationName: row.organizationName,
          role: row.user.role,
        },
        200,
      );
    },
  );

  app.openapi(
    defineRoute("public", {
      method: "post",
      path: "/auth/invitations/{token}",
      tags: ["auth"],
      summary: "Accept an invitation: set a password and sign in",
      request: {
        params: TokenParam,
        body: {
          content: { "application/json": { schema: z.object({ password: z.string().min(1).max(200) }) } },
          required: true,
        },
      },
      responses: { 200: jsonContent(MeSchema, "Signed in"), 404: jsonContent(ErrorSchema, "Not valid") },
    }),
    async (c) => {
      if (c.get("actor"))
        throw new AppError("CONFLICT", "Sign out before accepting an invitation for another account");
      const { database, config } = c.get("deps");
      const s = await acceptInvitation({
        db: database.db,
        token: c.req.valid("param").token,
        password: c.req.valid("json").password,
        meta: c.get("meta"),
        idleHours: config.sessionHours,
      });
      setSessionCookie(c, s.token);
      return c.json(await meBody(c, s.actor, s.csrfToken), 200);
    },
  );

  return app;
}
