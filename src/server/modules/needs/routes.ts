/** Needs intake and screening: the public form, the signed-in form, lists, one need, screening edits. */
import { z } from "@hono/zod-openapi";
import { ErrorSchema } from "../../http/errors";
import { defineRoute, jsonContent, newRouter } from "../../http/route";
import { RevisionSchema } from "../catalog/schemas";
import { submitNeed, submitPublicNeed } from "./intake";
import {
  NeedBody,
  NeedDetailSchema,
  NeedListQuery,
  NeedListSchema,
  NeedSubmittedSchema,
  NeedUpdateBody,
  PublicNeedBody,
  ViewerOptionSchema,
} from "./schemas";
import { getNeed, listNeeds, needHistory, updateNeed, viewerOptions } from "./service";

const Id = z.object({ id: z.uuid({ message: "must be an id (UUID)" }) });
const json = <T>(schema: T) => ({ body: { content: { "application/json": { schema } }, required: true } });

export function needRoutes() {
  const app = newRouter();

  app.openapi(
    defineRoute("public", {
      method: "post",
      path: "/needs/public",
      tags: ["needs"],
      summary:
        "The public form (no account): answers the reference number; an acknowledgement e-mail is queued with the need. At most 5 an hour from one address (429).",
      request: json(PublicNeedBody),
      responses: {
        202: jsonContent(NeedSubmittedSchema, "Received"),
        429: jsonContent(ErrorSchema, "Too many from your address; Retry-After says when to try again"),
      },
    }),
    async (c) => {
      const { database, mailSender } = c.get("deps");
      const r = await submitPublicNeed({ db: database.db, input: c.req.valid("json"), meta: c.get("meta") });
      mailSender?.wake();
      return c.json(
        {
          referenceNumber: r.referenceNumber,
          message: `Received as ${r.referenceNumber}. An acknowledgement was sent to your e-mail address.`,
        },
        202,
      );
    },
  );

  app.openapi(
    defineRoute("needs:submit", {
      method: "post",
      path: "/needs",
      tags: ["needs"],
      summary:
        "Submit a need signed in (a company member for their company; a referral partner for a client, with branch and staff; staff at intake)",
      request: json(NeedBody),
      responses: { 201: jsonContent(NeedDetailSchema, "Received") },
    }),
    async (c) => {
      const { database, mailSender } = c.get("deps");
      const actor = c.get("actor")!;
      const r = await submitNeed({ db: database.db, actor, input: c.req.valid("json") });
      mailSender?.wake();
      return c.json(await getNeed({ db: database.db, actor, id: r.needId!, meta: c.get("meta") }), 201);
    },
  );

  app.openapi(
    defineRoute("public", {
      method: "get",
      path: "/needs",
      tags: ["needs"],
      summary: "The needs you may see, newest first (public summaries without signing in)",
      request: { query: NeedListQuery },
      responses: { 200: jsonContent(NeedListSchema, "A page of needs") },
    }),
    async (c) =>
      c.json(
        await listNeeds({
          db: c.get("deps").database.db,
          actor: c.get("actor"),
          query: c.req.valid("query"),
          meta: c.get("meta"),
        }),
        200,
      ),
  );

  app.openapi(
    defineRoute("needs:update", {
      method: "get",
      path: "/needs/viewer-options",
      tags: ["needs"],
      summary: "Accounts matching a name, e-mail or organisation, to name as viewers of a need",
      request: { query: z.object({ q: z.string().max(100).default("") }) },
      responses: { 200: jsonContent(z.array(ViewerOptionSchema), "Up to 30") },
    }),
    async (c) =>
      c.json(await viewerOptions({ db: c.get("deps").database.db, q: c.req.valid("query").q }), 200),
  );

  app.openapi(
    defineRoute("public", {
      method: "get",
      path: "/needs/{id}",
      tags: ["needs"],
      summary: "One need, as far as you may see it: all of it, or its public summary (404 if not at all)",
      request: { params: Id },
      responses: {
        200: jsonContent(NeedDetailSchema, "The need"),
        404: jsonContent(ErrorSchema, "Not found, or not visible to you"),
      },
    }),
    async (c) =>
      c.json(
        await getNeed({
          db: c.get("deps").database.db,
          actor: c.get("actor"),
          id: c.req.valid("param").id,
          meta: c.get("meta"),
        }),
        200,
      ),
  );

  app.openapi(
    defineRoute("needs:update", {
      method: "patch",
      path: "/needs/{id}",
      tags: ["needs"],
      summary:
        "Screen a need (its area's coordinators, admins): public summary, confidentiality, NDA status, named viewers, agreement to be named, status, area. Send the version you edited (409 if it changed meanwhile).",
      request: { params: Id, ...json(NeedUpdateBody) },
      responses: {
        200: jsonContent(NeedDetailSchema, "Changed"),
        404: jsonContent(ErrorSchema, "Not found"),
        409: jsonContent(ErrorSchema, "Changed meanwhile"),
      },
    }),
    async (c) =>
      c.json(
        await updateNeed({
          db: c.get("deps").database.db,
          actor: c.get("actor")!,
          id: c.req.valid("param").id,
          input: c.req.valid("json"),
        }),
        200,
      ),
  );

  app.openapi(
    defineRoute("needs:update", {
      method: "get",
      path: "/needs/{id}/history",
      tags: ["needs"],
      summary: "Who changed what in a need, and when",
      request: { params: Id },
      responses: {
        200: jsonContent(z.array(RevisionSchema), "Newest first"),
        404: jsonContent(ErrorSchema, "Not found"),
      },
    }),
    async (c) =>
      c.json(
        await needHistory({
          db: c.get("deps").database.db,
          actor: c.get("actor")!,
          id: c.req.valid("param").id,
        }),
        200,
      ),
  );

  return app;
}
