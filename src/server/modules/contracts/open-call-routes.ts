/**
 * The open calls' HTTP API: the public list and page, applying (signed in, or publicly with a new
 * account), and for the centre: writing, publishing, closing, reviewing, deciding, and the contract.
 */
import { z } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { AppEnv } from "../../http/context";
import { defineRoute, jsonContent, newRouter } from "../../http/route";
import { publicBase } from "../../lib/links";
import {
  applyPublicly,
  applyToOpenCall,
  callApplications,
  contractFromCall,
  createOpenCall,
  decideApplication,
  managedOpenCalls,
  myApplications,
  publicOpenCall,
  publicOpenCalls,
  reviewApplication,
  setOpenCallStatus,
  updateOpenCall,
} from "./open-calls";
import {
  ApplicationBody,
  CallContractBody,
  DecisionBody,
  OpenCallBody,
  OpenCallUpdateBody,
  PublicApplicationBody,
  ReviewBody,
} from "./schemas";

const Id = z.object({ id: z.uuid({ message: "must be an id (UUID)" }) });
const AppId = z.object({ id: z.uuid(), applicationId: z.uuid() });
const json = <T>(schema: T) => ({ body: { content: { "application/json": { schema } }, required: true } });
const Loose = z.looseObject({});
const wake = (c: Context<AppEnv>) => c.get("deps").mailSender?.wake();

export function openCallRoutes() {
  const app = newRouter();

  app.openapi(
    defineRoute("public", {
      method: "get",
      path: "/public/open-calls",
      tags: ["open calls"],
      summary: "Published open calls (those taking applications first)",
      responses: { 200: jsonContent(z.array(Loose), "Calls") },
    }),
    async (c) => c.json(await publicOpenCalls(c.get("deps").database.db), 200),
  );

  app.openapi(
    defineRoute("public", {
      method: "get",
      path: "/public/open-calls/{id}",
      tags: ["open calls"],
      summary: "One published open call",
      request: { params: Id },
      responses: { 200: jsonContent(Loose, "The call") },
    }),
    async (c) => c.json(await publicOpenCall(c.get("deps").database.db, c.req.valid("param").id), 200),
  );

  app.openapi(
    defineRoute("public", {
      method: "post",
      path: "/public/open-calls/{id}/applications",
      tags: ["open calls"],
      summary:
        "Apply as a company new to kyoso: the company and an invited account are created with the application",
      request: { params: Id, ...json(PublicApplicationBody) },
      responses: { 201: jsonContent(Loose, "Received") },
    }),
    async (c) => {
      const r = await applyPublicly({
        db: c.get("deps").database.db,
        id: c.req.valid("param").id,
        input: c.req.valid("json"),
        meta: c.get("meta"),
        publicUrl: publicBase(c),
      });
      wake(c);
      return c.json(r, 201);
    },
  );

  app.openapi(
    defineRoute("opencalls:apply", {
      method: "post",
      path: "/open-calls/{id}/applications",
      tags: ["open calls"],
      summary: "Apply for your company (once per call)",
      request: { params: Id, ...json(ApplicationBody) },
      responses: { 201: jsonContent(Loose, "Received") },
    }),
    async (c) => {
      const r = await applyToOpenCall({
        db: c.get("deps").database.db,
        actor: c.get("actor")!,
        id: c.req.valid("param").id,
        input: c.req.valid("json"),
      });
      wake(c);
      return c.json(r, 201);
    },
  );

  app.openapi(
    defineRoute("opencalls:apply", {
      method: "get",
      path: "/open-calls/my-applications",
      tags: ["open calls"],
      summary: "Your company's applications and their decisions",
      responses: { 200: jsonContent(z.array(Loose), "Applications") },
    }),
    async (c) => c.json(await myApplications({ db: c.get("deps").database.db, actor: c.get("actor")! }), 200),
  );

  app.openapi(
    defineRoute("opencalls:manage", {
      method: "get",
      path: "/open-calls",
      tags: ["open calls"],
      summary: "The calls of the institutions you handle, drafts included, with application counts",
      responses: { 200: jsonContent(z.array(Loose), "Calls") },
    }),
    async (c) =>
      c.json(await managedOpenCalls({ db: c.get("deps").database.db, actor: c.get("actor")! }), 200),
  );

  app.openapi(
    defineRoute("opencalls:manage", {
      method: "post",
      path: "/open-calls",
      tags: ["open calls"],
      summary: "Write a call (a draft until published)",
      request: json(OpenCallBody),
      responses: { 201: jsonContent(Loose, "Created") },
    }),
    async (c) =>
      c.json(
        await createOpenCall({
          db: c.get("deps").database.db,
          actor: c.get("actor")!,
          input: c.req.valid("json"),
        }),
        201,
      ),
  );

  app.openapi(
    defineRoute("opencalls:manage", {
      method: "put",
      path: "/open-calls/{id}",
      tags: ["open calls"],
      summary: "Edit a call (with the version you saw)",
      request: { params: Id, ...json(OpenCallUpdateBody) },
      responses: { 200: jsonContent(Loose, "Saved") },
    }),
    async (c) =>
      c.json(
        await updateOpenCall({
          db: c.get("deps").database.db,
          actor: c.get("actor")!,
          id: c.req.valid("param").id,
          input: c.req.valid("json"),
        }),
        200,
      ),
  );

  app.openapi(
    defineRoute("opencalls:manage", {
      method: "post",
      path: "/open-calls/{id}/status",
      tags: ["open calls"],
      summary: "publish (open until the deadline) or close (stop taking applications now)",
      request: {
        params: Id,
        ...json(z.object({ action: z.enum(["publish", "close"]), version: z.number().int() })),
      },
      responses: { 200: jsonContent(Loose, "Saved") },
    }),
    async (c) =>
      c.json(
        await setOpenCallStatus({
          db: c.get("deps").database.db,
          actor: c.get("actor")!,
          id: c.req.valid("param").id,
          input: c.req.valid("json"),
        }),
        200,
      ),
  );

  app.openapi(
    defineRoute("opencalls:manage", {
      method: "get",
      path: "/open-calls/{id}/applications",
      tags: ["open calls"],
      summary: "The call with its applications, every review and the average scores",
      request: { params: Id },
      responses: { 200: jsonContent(Loose, "Applications") },
    }),
    async (c) =>
      c.json(
        await callApplications({
          db: c.get("deps").database.db,
          actor: c.get("actor")!,
          id: c.req.valid("param").id,
        }),
        200,
      ),
  );

  app.openapi(
    defineRoute("opencalls:manage", {
      method: "put",
      path: "/open-calls/{id}/applications/{applicationId}/review",
      tags: ["open calls"],
      summary: "Your score (1–5) and comment on an application",
      request: { params: AppId, ...json(ReviewBody) },
      responses: { 200: jsonContent(Loose, "Saved") },
    }),
    async (c) => {
      const { id, applicationId } = c.req.valid("param");
      return c.json(
        await reviewApplication({
          db: c.get("deps").database.db,
          actor: c.get("actor")!,
          callId: id,
          applicationId,
          input: c.req.valid("json"),
        }),
        200,
      );
    },
  );

  app.openapi(
    defineRoute("opencalls:manage", {
      method: "post",
      path: "/open-calls/{id}/applications/{applicationId}/decision",
      tags: ["open calls"],
      summary: "Accept or reject, with the reason sent to the applicant by mail",
      request: { params: AppId, ...json(DecisionBody) },
      responses: { 200: jsonContent(Loose, "Decided") },
    }),
    async (c) => {
      const { id, applicationId } = c.req.valid("param");
      const r = await decideApplication({
        db: c.get("deps").database.db,
        actor: c.get("actor")!,
        callId: id,
        applicationId,
        input: c.req.valid("json"),
      });
      wake(c);
      return c.json(r, 200);
    },
  );

  app.openapi(
    defineRoute("opencalls:manage", {
      method: "post",
      path: "/open-calls/{id}/contract",
      tags: ["open calls"],
      summary: "Make the contract: the accepted applicants become its paying parties, in one step",
      request: { params: Id, ...json(CallContractBody) },
      responses: { 201: jsonContent(Loose, "The contract") },
    }),
    async (c) =>
      c.json(
        await contractFromCall({
          db: c.get("deps").database.db,
          actor: c.get("actor")!,
          id: c.req.valid("param").id,
          input: c.req.valid("json"),
        }),
        201,
      ),
  );

  return app;
}
