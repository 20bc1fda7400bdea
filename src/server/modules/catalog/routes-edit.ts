/** Editing seeds and researcher profiles (researchers: their own; coordinators: institutions they cover). */
import { z } from "@hono/zod-openapi";
import { SEED_STATUSES } from "../../../shared/seeds";
import { AppError } from "../../errors";
import { ErrorSchema } from "../../http/errors";
import { defineRoute, jsonContent, newRouter } from "../../http/route";
import { addSeedImage, deleteSeedImage } from "./images";
import {
  createResearcher,
  getResearcher,
  listStaffResearchers,
  myResearcherId,
  researcherHistory,
  researcherOptions,
  updateResearcher,
} from "./researchers-service";
import {
  ResearcherCardSchema,
  ResearcherDetailSchema,
  ResearcherInput,
  ResearcherUpdateBody,
  RevisionSchema,
  SeedCardSchema,
  SeedDetailSchema,
  SeedInput,
  SeedUpdateBody,
} from "./schemas";
import { createSeed, listEditableSeeds, seedHistory, updateSeed } from "./seeds-service";

const Id = z.object({ id: z.uuid({ message: "must be an id (UUID)" }) });
const page = {
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
};
const pageOf = <T extends z.ZodTypeAny>(item: T) =>
  z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
const json = <T>(schema: T) => ({ body: { content: { "application/json": { schema } }, required: true } });

export function catalogEditRoutes() {
  const app = newRouter();

  app.openapi(
    defineRoute("seeds:update", {
      method: "get",
      path: "/seeds",
      tags: ["seeds"],
      summary: "Seeds you may edit, in every status, most recently changed first",
      request: {
        query: z.object({
          q: z.string().max(200).optional(),
          status: z.enum(SEED_STATUSES).optional(),
          institution: z.uuid().optional(),
          ...page,
        }),
      },
      responses: { 200: jsonContent(pageOf(SeedCardSchema), "A page of seeds") },
    }),
    async (c) =>
      c.json(
        await listEditableSeeds({
          db: c.get("deps").database.db,
          actor: c.get("actor")!,
          ...c.req.valid("query"),
        }),
        200,
      ),
  );

  app.openapi(
    defineRoute("seeds:create", {
      method: "post",
      path: "/seeds",
      tags: ["seeds"],
      summary: "Write a new seed (a researcher's own; a coordinator's for institutions they cover)",
      request: json(SeedInput),
      responses: { 201: jsonContent(SeedDetailSchema, "Created") },
    }),
    async (c) =>
      c.json(
        await createSeed({
          db: c.get("deps").database.db,
          actor: c.get("actor")!,
          input: c.req.valid("json"),
        }),
        201,
      ),
  );

  app.openapi(
    defineRoute("seeds:update", {
      method: "patch",
      path: "/seeds/{id}",
      tags: ["seeds"],
      summary: "Change a seed; send the version you edited (409 if it changed meanwhile)",
      request: { params: Id, ...json(SeedUpdateBody) },
      responses: {
        200: jsonContent(SeedDetailSchema, "Changed"),
        404: jsonContent(ErrorSchema, "Not found"),
        409: jsonContent(ErrorSchema, "Changed meanwhile"),
      },
    }),
    async (c) =>
      c.json(
        await updateSeed({
          db: c.get("deps").database.db,
          actor: c.get("actor")!,
          id: c.req.valid("param").id,
          input: c.req.valid("json"),
        }),
        200,
      ),
  );

  app.openapi(
    defineRoute("seeds:update", {
      method: "get",
      path: "/seeds/{id}/history",
      tags: ["seeds"],
      summary: "Who changed what in a seed, and when",
      request: { params: Id },
      responses: {
        200: jsonContent(z.array(RevisionSchema), "Newest first"),
        404: jsonContent(ErrorSchema, "Not found"),
      },
    }),
    async (c) =>
      c.json(
        await seedHistory({
          db: c.get("deps").database.db,
          actor: c.get("actor")!,
          id: c.req.valid("param").id,
        }),
        200,
      ),
  );

  app.openapi(
    defineRoute("seeds:update", {
      method: "post",
      path: "/seeds/{id}/images",
      tags: ["seeds"],
      summary: "Add an image (PNG, JPEG, WebP or GIF, at most 2 MB)",
      request: {
        params: Id,
        body: {
          content: {
            "multipart/form-data": {
              schema: z.object({
                file: z.any().openapi({ type: "string", format: "binary" }),
                caption: z.string().max(300).optional(),
              }),
            },
          },
          required: true,
        },
      },
      responses: {
        201: jsonContent(
          z.object({
            id: z.uuid(),
            fileName: z.string(),
            caption: z.string().nullable(),
            contentType: z.string(),
          }),
          "Added",
        ),
      },
    }),
    async (c) => {
      const form = c.req.valid("form") as { file?: unknown; caption?: string };
      if (!(form.file instanceof File))
        throw new AppError("VALIDATION", "file: attach an image file", {
          fields: [{ field: "file", message: "attach an image file" }],
        });
      const image = await addSeedImage({
        db: c.get("deps").database.db,
        actor: c.get("actor")!,
        seedId: c.req.valid("param").id,
        fileName: form.file.name,
        bytes: new Uint8Array(await form.file.arrayBuffer()),
        caption: form.caption?.trim() || null,
      });
      return c.json(image, 201);
    },
  );

  app.openapi(
    defineRoute("seeds:update", {
      method: "delete",
      path: "/seeds/{id}/images/{imageId}",
      tags: ["seeds"],
      summary: "Remove an image",
      request: { params: z.object({ id: z.uuid(), imageId: z.uuid() }) },
      responses: { 204: { description: "Removed" }, 404: jsonContent(ErrorSchema, "Not found") },
    }),
    async (c) => {
      const { id, imageId } = c.req.valid("param");
      await deleteSeedImage({ db: c.get("deps").database.db, actor: c.get("actor")!, seedId: id, imageId });
      return c.body(null, 204);
    },
  );

  app.openapi(
    defineRoute("researchers:list", {
      method: "get",
      path: "/researchers",
      tags: ["researchers"],
      summary:
        "Researcher profiles you may edit; `withoutPublishedSeed=true` lists those with no published seed yet",
      request: {
        query: z.object({
          q: z.string().max(200).optional(),
          institution: z.uuid().optional(),
          withoutPublishedSeed: z
            .enum(["true", "false"])
            .optional()
            .transform((v) => v === "true"),
          ...page,
        }),
      },
      responses: { 200: jsonContent(pageOf(ResearcherCardSchema), "A page of researchers") },
    }),
    async (c) =>
      c.json(
        await listStaffResearchers({
          db: c.get("deps").database.db,
          actor: c.get("actor")!,
          ...c.req.valid("query"),
        }),
        200,
      ),
  );

  app.openapi(
    defineRoute("account:self", {
      method: "get",
      path: "/researchers/me",
      tags: ["researchers"],
      summary: "The researcher profile linked to your account (null if none)",
      responses: {
        200: jsonContent(z.object({ profile: ResearcherDetailSchema.nullable() }), "Your profile"),
      },
    }),
    async (c) => {
      const db = c.get("deps").database.db;
      const actor = c.get("actor")!;
      const id = await myResearcherId(db, actor);
      return c.json({ profile: id ? await getResearcher({ db, actor, id }) : null }, 200);
    },
  );

  app.openapi(
    defineRoute("seeds:create", {
      method: "get",
      path: "/researchers/options",
      tags: ["researchers"],
      summary: "Researchers matching a name, for choosing the researchers of a seed",
      request: { query: z.object({ q: z.string().max(100).default(""), institution: z.uuid().optional() }) },
      responses: {
        200: jsonContent(
          z.array(
            z.object({
              id: z.uuid(),
              nameJa: z.string().nullable(),
              nameEn: z.string().nullable(),
              institution: z.string(),
            }),
          ),
          "Up to 30",
        ),
      },
    }),
    async (c) =>
      c.json(await researcherOptions({ db: c.get("deps").database.db, ...c.req.valid("query") }), 200),
  );

  app.openapi(
    defineRoute("researchers:create", {
      method: "post",
      path: "/researchers",
      tags: ["researchers"],
      summary: "Create a researcher profile (a researcher: their own, once)",
      request: json(ResearcherInput.extend({ userId: z.uuid().nullable().optional() })),
      responses: {
        201: jsonContent(ResearcherDetailSchema, "Created"),
        409: jsonContent(ErrorSchema, "Duplicate identifier"),
      },
    }),
    async (c) =>
      c.json(
        await createResearcher({
          db: c.get("deps").database.db,
          actor: c.get("actor")!,
          input: c.req.valid("json"),
        }),
        201,
      ),
  );

  app.openapi(
    defineRoute("researchers:update", {
      method: "patch",
      path: "/researchers/{id}",
      tags: ["researchers"],
      summary: "Change a profile (works and equipment replace the lists); send the version you edited",
      request: {
        params: Id,
        ...json(ResearcherUpdateBody.extend({ userId: z.uuid().nullable().optional() })),
      },
      responses: {
        200: jsonContent(ResearcherDetailSchema, "Changed"),
        404: jsonContent(ErrorSchema, "Not found"),
        409: jsonContent(ErrorSchema, "Changed meanwhile or duplicate"),
      },
    }),
    async (c) =>
      c.json(
        await updateResearcher({
          db: c.get("deps").database.db,
          actor: c.get("actor")!,
          id: c.req.valid("param").id,
          input: c.req.valid("json"),
        }),
        200,
      ),
  );

  app.openapi(
    defineRoute("researchers:update", {
      method: "get",
      path: "/researchers/{id}/history",
      tags: ["researchers"],
      summary: "Who changed what in a profile, and when",
      request: { params: Id },
      responses: {
        200: jsonContent(z.array(RevisionSchema), "Newest first"),
        404: jsonContent(ErrorSchema, "Not found"),
      },
    }),
    async (c) =>
      c.json(
        await researcherHistory({
          db: c.get("deps").database.db,
          actor: c.get("actor")!,
          id: c.req.valid("param").id,
        }),
        200,
      ),
  );

  return app;
}
