/** Matching over HTTP: text → researchers and seeds; a need's suggestions and the work on them; inquiries; the reverse direction; domain synonyms. */
import { z } from "@hono/zod-openapi";
import { ErrorSchema } from "../../http/errors";
import { defineRoute, jsonContent, newRouter } from "../../http/route";
import { publicBase } from "../../lib/links";
import {
  AnswerBody,
  FittingNeedSchema,
  FittingNeedsQuery,
  InquiryBody,
  InquirySchema,
  MatchAnswerSchema,
  MatchBody,
  PairStateSchema,
  SuggestionActionBody,
  SuggestionsSchema,
  SynonymBody,
  SynonymSchema,
} from "./schemas";
import { fittingNeeds, matchText } from "./service";
import {
  actOnSuggestion,
  addSynonyms,
  answerInquiry,
  listSynonyms,
  myInquiries,
  needSuggestions,
  removeSynonyms,
  sendInquiry,
} from "./suggestions";

const Id = z.object({ id: z.uuid({ message: "must be an id (UUID)" }) });
const NeedResearcher = z.object({
  id: z.uuid({ message: "must be a need's id (UUID)" }),
  researcherId: z.uuid({ message: "must be a researcher's id (UUID)" }),
});
const json = <T>(schema: T) => ({ body: { content: { "application/json": { schema } }, required: true } });

export function matchingRoutes() {
  const app = newRouter();

  app.openapi(
    defineRoute("match:run", {
      method: "post",
      path: "/match",
      tags: ["matching"],
      summary:
        "A need's text (Japanese or English) in; ranked researchers and seeds out, with scores and explanations (the matched words marked in the need and in each document, and a one-line reason). Only seeds you may see are used.",
      request: json(MatchBody),
      responses: { 200: jsonContent(MatchAnswerSchema, "Best first") },
    }),
    async (c) => {
      const body = c.req.valid("json");
      const actor = c.get("actor")!;
      const { database, config } = c.get("deps");
      return c.json(
        await matchText({
          db: database.db,
          config,
          actor,
          text: body.text,
          top: body.top,
          language: body.language ?? actor.locale,
          preferredArea: body.preferredArea ?? null,
        }),
        200,
      );
    },
  );

  app.openapi(
    defineRoute("needs:match", {
      method: "get",
      path: "/needs/{id}/suggestions",
      tags: ["matching"],
      summary:
        "Suggested researchers for a need (its area's coordinators), with their evidence and where each stands (shortlisted, dismissed, asked, answered)",
      request: { params: Id, query: z.object({ top: z.coerce.number().int().min(1).max(50).default(10) }) },
      responses: {
        200: jsonContent(SuggestionsSchema, "Suggestions"),
        404: jsonContent(ErrorSchema, "Not found"),
      },
    }),
    async (c) =>
      c.json(
        await needSuggestions({
          db: c.get("deps").database.db,
          config: c.get("deps").config,
          actor: c.get("actor")!,
          needId: c.req.valid("param").id,
          top: c.req.valid("query").top,
        }),
        200,
      ),
  );

  app.openapi(
    defineRoute("needs:match", {
      method: "post",
      path: "/needs/{id}/suggestions/{researcherId}",
      tags: ["matching"],
      summary:
        "Shortlist, dismiss (with a reason) or restore a suggested researcher; stored as feedback for the ranking. Send the version you saw (409 if it changed).",
      request: { params: NeedResearcher, ...json(SuggestionActionBody) },
      responses: {
        200: jsonContent(PairStateSchema, "Where the pair stands now"),
        404: jsonContent(ErrorSchema, "Not found"),
        409: jsonContent(ErrorSchema, "Changed meanwhile, or already asked"),
      },
    }),
    async (c) => {
      const p = c.req.valid("param");
      return c.json(
        await actOnSuggestion({
          db: c.get("deps").database.db,
          actor: c.get("actor")!,
          needId: p.id,
          researcherId: p.researcherId,
          input: c.req.valid("json"),
        }),
        200,
      );
    },
  );

  app.openapi(
    defineRoute("needs:match", {
      method: "post",
      path: "/needs/{id}/inquiries",
      tags: ["matching"],
      summary:
        "Ask a researcher about a need: they see it in kyoso and get an e-mail with your message and only what they may read of the need",
      request: { params: Id, ...json(InquiryBody) },
      responses: {
        201: jsonContent(PairStateSchema, "Asked"),
        404: jsonContent(ErrorSchema, "Not found"),
        409: jsonContent(ErrorSchema, "Already asked"),
      },
    }),
    async (c) => {
      const body = c.req.valid("json");
      const { database, mailSender } = c.get("deps");
      const r = await sendInquiry({
        db: database.db,
        actor: c.get("actor")!,
        needId: c.req.valid("param").id,
        researcherId: body.researcherId,
        message: body.message,
        rank: body.rank,
        score: body.score,
        version: body.version,
        publicUrl: publicBase(c),
        meta: c.get("meta"),
      });
      mailSender?.wake();
      return c.json(r, 201);
    },
  );

  app.openapi(
    defineRoute("inquiries:answer", {
      method: "get",
      path: "/inquiries",
      tags: ["matching"],
      summary: "Inquiries to you (as a researcher), newest first, with what you may read of each need",
      responses: { 200: jsonContent(z.array(InquirySchema), "Inquiries") },
    }),
    async (c) => c.json(await myInquiries({ db: c.get("deps").database.db, actor: c.get("actor")! }), 200),
  );

  app.openapi(
    defineRoute("inquiries:answer", {
      method: "post",
      path: "/inquiries/{id}/answer",
      tags: ["matching"],
      summary:
        "Accept or decline an inquiry about a need (id: the need's id), with a note to the coordinator",
      request: { params: Id, ...json(AnswerBody) },
      responses: {
        200: jsonContent(PairStateSchema, "Answered"),
        404: jsonContent(ErrorSchema, "No inquiry to you about this need"),
        409: jsonContent(ErrorSchema, "Already answered"),
      },
    }),
    async (c) => {
      const body = c.req.valid("json");
      const { database, mailSender } = c.get("deps");
      const r = await answerInquiry({
        db: database.db,
        actor: c.get("actor")!,
        needId: c.req.valid("param").id,
        answer: body.answer,
        note: body.note,
        version: body.version,
        publicUrl: publicBase(c),
        meta: c.get("meta"),
      });
      mailSender?.wake();
      return c.json(r, 200);
    },
  );

  app.openapi(
    defineRoute("match:needs", {
      method: "get",
      path: "/match/needs",
      tags: ["matching"],
      summary:
        "Open needs that fit a seed, or the seeds of your own researcher profile: only needs you may see, matched only on what you may read of them",
      request: { query: FittingNeedsQuery },
      responses: {
        200: jsonContent(z.array(FittingNeedSchema), "Best first"),
        404: jsonContent(ErrorSchema, "Seed not found"),
      },
    }),
    async (c) => {
      const q = c.req.valid("query");
      return c.json(
        await fittingNeeds({
          db: c.get("deps").database.db,
          config: c.get("deps").config,
          actor: c.get("actor")!,
          seedId: q.seedId,
          top: q.top,
        }),
        200,
      );
    },
  );

  app.openapi(
    defineRoute("match:synonyms", {
      method: "get",
      path: "/match/synonyms",
      tags: ["matching"],
      summary: "Coordinators' domain synonyms (used by matching besides the dictionaries)",
      responses: { 200: jsonContent(z.array(SynonymSchema), "Newest first") },
    }),
    async (c) => c.json(await listSynonyms(c.get("deps").database.db), 200),
  );

  app.openapi(
    defineRoute("match:synonyms", {
      method: "post",
      path: "/match/synonyms",
      tags: ["matching"],
      summary:
        "Add a set of words that mean the same in your field (e.g. バリ, かえり, burr); matching uses it at once",
      request: json(SynonymBody),
      responses: { 201: jsonContent(SynonymSchema.omit({ createdByName: true, createdAt: true }), "Added") },
    }),
    async (c) => {
      const body = c.req.valid("json");
      const row = await addSynonyms({
        db: c.get("deps").database.db,
        actor: c.get("actor")!,
        terms: body.terms,
        oneWay: body.oneWay,
        note: body.note,
        meta: c.get("meta"),
      });
      return c.json({ id: row.id, terms: row.terms, oneWay: row.oneWay, note: row.note }, 201);
    },
  );

  app.openapi(
    defineRoute("match:synonyms", {
      method: "delete",
      path: "/match/synonyms/{id}",
      tags: ["matching"],
      summary: "Remove a set of domain synonyms",
      request: { params: Id },
      responses: { 204: { description: "Removed" }, 404: jsonContent(ErrorSchema, "Not found") },
    }),
    async (c) => {
      await removeSynonyms({
        db: c.get("deps").database.db,
        actor: c.get("actor")!,
        id: c.req.valid("param").id,
        meta: c.get("meta"),
      });
      return c.body(null, 204);
    },
  );

  return app;
}
