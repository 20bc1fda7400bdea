import type { Context } from "hono";
import type { AppEnv } from "../../http/context";
import { ErrorSchema } from "../../http/errors";
import { defineRoute, jsonContent, newRouter } from "../../http/route";
import { appLink, publicBase } from "../../lib/links";
import { IdParam } from "../organizations/schemas";
import {
  InvitationSchema,
  PasswordResetBody,
  UserCreateBody,
  UserCreatedSchema,
  UserListQuery,
  UserListSchema,
  UserSchema,
  UserUpdateBody,
} from "./schemas";
import { createUser, getUser, listUsers, reissueInvitation, resetPassword, updateUser } from "./service";

function inviteUrl(c: Context<AppEnv>, token: string): string {
  return appLink(publicBase(c), `/invite/${token}`);
}

export function userRoutes() {
  const app = newRouter();

  app.openapi(
    defineRoute("users:read", {
      method: "get",
      path: "/users",
      tags: ["users"],
      summary: "List user accounts",
      request: { query: UserListQuery },
      responses: { 200: jsonContent(UserListSchema, "A page of users") },
    }),
    async (c) => c.json(await listUsers({ db: c.get("deps").database.db, query: c.req.valid("query") }), 200),
  );

  app.openapi(
    defineRoute("users:read", {
      method: "get",
      path: "/users/{id}",
      tags: ["users"],
      summary: "One user account",
      request: { params: IdParam },
      responses: { 200: jsonContent(UserSchema, "The user"), 404: jsonContent(ErrorSchema, "Not found") },
    }),
    async (c) => c.json(await getUser({ db: c.get("deps").database.db, id: c.req.valid("param").id }), 200),
  );

  app.openapi(
    defineRoute("users:manage", {
      method: "post",
      path: "/users",
      tags: ["users"],
      summary: "Create a user with a temporary password, or invite them with a one-time link",
      request: { body: { content: { "application/json": { schema: UserCreateBody } }, required: true } },
      responses: {
        201: jsonContent(UserCreatedSchema, "Created; inviteUrl is shown once"),
        409: jsonContent(ErrorSchema, "The e-mail already has an account"),
      },
    }),
    async (c) => {
      const created = await createUser({
        db: c.get("deps").database.db,
        actor: c.get("actor")!,
        input: c.req.valid("json"),
        meta: c.get("meta"),
      });
      return c.json(
        {
          user: created.user,
          inviteUrl: created.inviteToken ? inviteUrl(c, created.inviteToken) : null,
          inviteExpiresAt: created.inviteExpiresAt?.toISOString() ?? null,
        },
        201,
      );
    },
  );

  app.openapi(
    defineRoute("users:manage", {
      method: "patch",
      path: "/users/{id}",
      tags: ["users"],
      summary: "Change a user's name, role, organisation, coverage or status; send the version you edited",
      request: {
        params: IdParam,
        body: { content: { "application/json": { schema: UserUpdateBody } }, required: true },
      },
      responses: {
        200: jsonContent(UserSchema, "Changed"),
        404: jsonContent(ErrorSchema, "Not found"),
        409: jsonContent(ErrorSchema, "Changed by someone else meanwhile, or the last admin"),
      },
    }),
    async (c) =>
      c.json(
        await updateUser({
          db: c.get("deps").database.db,
          actor: c.get("actor")!,
          id: c.req.valid("param").id,
          input: c.req.valid("json"),
          meta: c.get("meta"),
        }),
        200,
      ),
  );

  app.openapi(
    defineRoute("users:manage", {
      method: "post",
      path: "/users/{id}/invitation",
      tags: ["users"],
      summary: "Issue a new invitation link (the old one stops working)",
      request: { params: IdParam },
      responses: {
        200: jsonContent(InvitationSchema, "The new link"),
        409: jsonContent(ErrorSchema, "Already accepted"),
      },
    }),
    async (c) => {
      const inv = await reissueInvitation({
        db: c.get("deps").database.db,
        actor: c.get("actor")!,
        id: c.req.valid("param").id,
        meta: c.get("meta"),
      });
      return c.json(
        { inviteUrl: inviteUrl(c, inv.token), inviteExpiresAt: inv.expiresAt.toISOString() },
        200,
      );
    },
  );

  app.openapi(
    defineRoute("users:manage", {
      method: "post",
      path: "/users/{id}/password",
      tags: ["users"],
      summary: "Set a temporary password; the user must change it at the next sign-in",
      request: {
        params: IdParam,
        body: { content: { "application/json": { schema: PasswordResetBody } }, required: true },
      },
      responses: { 204: { description: "Set" }, 404: jsonContent(ErrorSchema, "Not found") },
    }),
    async (c) => {
      await resetPassword({
        db: c.get("deps").database.db,
        actor: c.get("actor")!,
        id: c.req.valid("param").id,
        password: c.req.valid("json").password,
        meta: c.get("meta"),
      });
      return c.body(null, 204);
    },
  );

  return app;
}
