/** The public catalogue: no sign-in needed; a signed-in viewer sees what their role allows. */
import { z } from "@hono/zod-openapi";
import { ErrorSchema } from "../../http/errors";
import { defineRoute, jsonContent, newRouter } from "../../http/route";
import { getSeedImage } from "./images";
import { getResearcher, searchDirectory } from "./researchers-service";
import {
  ResearcherCardSchema,
  ResearcherDetailSchema,
  ResearcherSearchQuery,
  SeedDetailSchema,
  SeedSearchQuery,
  SeedSearchResult,
} from "./schemas";
import { catalogInstitutions, getSeed, searchCatalog } from "./seeds-service";

const Id = z.object({ id: z.uuid({ message: "must be an id (UUID)" }) });

export function catalogPublicRoutes() {
  const app = newRouter();

  app.openapi(
    defineRoute("public", {
      method: "get",
      path: "/catalog/seeds",
      tags: ["catalogue"],
      summary: "Search published research seeds (Japanese or English words; all must match)",
      request: { query: SeedSearchQuery },
      responses: { 200: jsonContent(SeedSearchResult, "A page of seeds, best first") },
    }),
    async (c) =>
      c.json(
        await searchCatalog({
          db: c.get("deps").database.db,
          actor: c.get("actor"),
          query: c.req.valid("query"),
          cache: c.get("deps").searchCache ?? null,
        }),
        200,
      ),
  );

  app.openapi(
    defineRoute("public", {
      method: "get",
      path: "/catalog/seeds/{id}",
      tags: ["catalogue"],
      summary: "One seed sheet (404 if it does not exist or you may not see it)",
      request: { params: Id },
      responses: {
        200: jsonContent(SeedDetailSchema, "The seed"),
        404: jsonContent(ErrorSchema, "Not found"),
      },
    }),
    async (c) =>
      c.json(
        await getSeed({ db: c.get("deps").database.db, actor: c.get("actor"), id: c.req.valid("param").id }),
        200,
      ),
  );

  app.openapi(
    defineRoute("public", {
      method: "get",
      path: "/catalog/seeds/{id}/images/{imageId}",
      tags: ["catalogue"],
      summary: "An image of a seed",
      request: { params: z.object({ id: z.uuid(), imageId: z.uuid() }) },
      responses: {
        200: { content: { "image/*": { schema: z.string() } }, description: "The image" },
        404: jsonContent(ErrorSchema, "Not found"),
      },
    }),
    async (c) => {
      const { id, imageId } = c.req.valid("param");
      const img = await getSeedImage({
        db: c.get("deps").database.db,
        actor: c.get("actor"),
        seedId: id,
        imageId,
      });
      c.header("Content-Type", img.contentType);
      c.header("Cache-Control", "private, max-age=300");
      c.header("Content-Disposition", `inline; filename*=UTF-8''${encodeURIComponent(img.fileName)}`);
      return c.body(new Uint8Array(img.bytes));
    },
  );

  app.openapi(
    defineRoute("public", {
      method: "get",
      path: "/catalog/researchers",
      tags: ["catalogue"],
      summary: "Search researchers by name (kanji, kana, English), keywords, research areas, papers",
      request: { query: ResearcherSearchQuery },
      responses: {
        200: jsonContent(
          z.object({
            items: z.array(ResearcherCardSchema),
            total: z.number().int(),
            page: z.number().int(),
            pageSize: z.number().int(),
          }),
          "A page of researchers",
        ),
      },
    }),
    async (c) =>
      c.json(
        await searchDirectory({
          db: c.get("deps").database.db,
          actor: c.get("actor"),
          query: c.req.valid("query"),
        }),
        200,
      ),
  );

  app.openapi(
    defineRoute("public", {
      method: "get",
      path: "/catalog/researchers/{id}",
      tags: ["catalogue"],
      summary: "A researcher's profile with works and the seeds you may see",
      request: { params: Id },
      responses: {
        200: jsonContent(ResearcherDetailSchema, "The researcher"),
        404: jsonContent(ErrorSchema, "Not found"),
      },
    }),
    async (c) =>
      c.json(
        await getResearcher({
          db: c.get("deps").database.db,
          actor: c.get("actor"),
          id: c.req.valid("param").id,
        }),
        200,
      ),
  );

  app.openapi(
    defineRoute("public", {
      method: "get",
      path: "/catalog/institutions",
      tags: ["catalogue"],
      summary: "The member institutions (for catalogue filters)",
      responses: {
        200: jsonContent(
          z.array(
            z.object({
              id: z.uuid(),
              type: z.string(),
              nameJa: z.string(),
              shortNameJa: z.string().nullable(),
              nameEn: z.string().nullable(),
              shortNameEn: z.string().nullable(),
              areaCode: z.string().nullable(),
              kosenBlock: z.string().nullable(),
              prefecture: z.number().int().nullable(),
            }),
          ),
          "Universities first, then KOSEN from north to south",
        ),
      },
    }),
    async (c) => c.json(await catalogInstitutions(c.get("deps").database.db), 200),
  );

  return app;
}
