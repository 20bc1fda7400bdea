import { z } from "@hono/zod-openapi";
import { formatDateTime, todayJst } from "../../../shared/dates";
import { label, ORG_TYPE_LABELS } from "../../../shared/labels";
import { KOSEN_BLOCKS, prefectureByCode } from "../../../shared/regions";
import { ErrorSchema } from "../../http/errors";
import { defineRoute, jsonContent, newRouter } from "../../http/route";
import { CSV_TYPE, downloadResponse, toCsv } from "../../lib/csv";
import { recordAudit } from "../audit/service";
import {
  AreaSchema,
  IdParam,
  OrganizationCreateBody,
  OrganizationDetailSchema,
  OrganizationListQuery,
  OrganizationListSchema,
  OrganizationUpdateBody,
} from "./schemas";
import {
  createOrganization,
  deleteOrganization,
  getOrganization,
  listAreas,
  listOrganizationsFor,
  updateOrganization,
} from "./service";

const EXPORT_LIMIT = 50_000;

export function organizationRoutes() {
  const app = newRouter();

  app.openapi(
    defineRoute("areas:read", {
      method: "get",
      path: "/areas",
      tags: ["organizations"],
      summary: "The platform's areas, with the number of member institutions in each",
      responses: { 200: jsonContent(z.array(AreaSchema), "Areas in display order") },
    }),
    async (c) => c.json(await listAreas(c.get("deps").database.db), 200),
  );

  app.openapi(
    defineRoute("organizations:read", {
      method: "get",
      path: "/organizations",
      tags: ["organizations"],
      summary:
        "List organisations, filtered by type, area, KOSEN block, prefecture and name (kanji, kana or English)",
      request: { query: OrganizationListQuery },
      responses: { 200: jsonContent(OrganizationListSchema, "A page of organisations") },
    }),
    async (c) => {
      const result = await listOrganizationsFor({
        db: c.get("deps").database.db,
        actor: c.get("actor")!,
        query: c.req.valid("query"),
      });
      return c.json(result, 200);
    },
  );

  app.openapi(
    defineRoute("organizations:export", {
      method: "get",
      path: "/organizations/export.csv",
      tags: ["organizations"],
      summary: "Export the filtered organisations as CSV (UTF-8 with BOM, opens in Excel)",
      request: { query: OrganizationListQuery.omit({ page: true, pageSize: true }) },
      responses: { 200: { content: { "text/csv": { schema: z.string() } }, description: "CSV file" } },
    }),
    async (c) => {
      const actor = c.get("actor")!;
      const db = c.get("deps").database.db;
      const query = { ...c.req.valid("query"), page: 1, pageSize: EXPORT_LIMIT };
      const { items } = await listOrganizationsFor({ db, actor, query });
      const ja = actor.locale === "ja";
      const header = ja
        ? [
            "ID",
            "種別",
            "コード",
            "名称",
            "略称",
            "ふりがな",
            "英語名称",
            "法人番号",
            "都道府県",
            "市区町村",
            "エリア",
            "高専ブロック",
            "更新日時",
          ]
        : [
            "ID",
            "Type",
            "Code",
            "Name (ja)",
            "Short name",
            "Kana",
            "Name (en)",
            "Corporate number",
            "Prefecture",
            "City",
            "Area",
            "KOSEN block",
            "Updated",
          ];
      const rows = items.map((o) => [
        o.id,
        label(ORG_TYPE_LABELS, o.type, actor.locale),
        o.code,
        o.nameJa,
        o.shortNameJa,
        o.nameKana,
        o.nameEn,
        o.corporateNumber,
        prefectureByCode(o.prefecture)?.[actor.locale],
        o.city,
        o.areaCode,
        KOSEN_BLOCKS.find((b) => b.code === o.kosenBlock)?.[actor.locale],
        formatDateTime(o.updatedAt),
      ]);
      await recordAudit(db, {
        action: "export.organizations",
        actor,
        meta: c.get("meta"),
        details: { rows: rows.length, filters: c.req.valid("query") },
      });
      const name = ja ? `組織一覧_${todayJst()}.csv` : `organizations_${todayJst()}.csv`;
      return downloadResponse(c, toCsv(header, rows), name, CSV_TYPE);
    },
  );

  app.openapi(
    defineRoute("organizations:read", {
      method: "get",
      path: "/organizations/{id}",
      tags: ["organizations"],
      summary: "One organisation with its campuses",
      request: { params: IdParam },
      responses: {
        200: jsonContent(OrganizationDetailSchema, "The organisation"),
        404: jsonContent(ErrorSchema, "Not found"),
      },
    }),
    async (c) =>
      c.json(
        await getOrganization({
          db: c.get("deps").database.db,
          actor: c.get("actor")!,
          id: c.req.valid("param").id,
        }),
        200,
      ),
  );

  app.openapi(
    defineRoute("organizations:create", {
      method: "post",
      path: "/organizations",
      tags: ["organizations"],
      summary: "Create an organisation (universities and KOSEN: admins only)",
      request: {
        body: { content: { "application/json": { schema: OrganizationCreateBody } }, required: true },
      },
      responses: {
        201: jsonContent(OrganizationDetailSchema, "Created"),
        409: jsonContent(ErrorSchema, "Duplicate name, corporate number or code"),
      },
    }),
    async (c) => {
      const org = await createOrganization({
        db: c.get("deps").database.db,
        actor: c.get("actor")!,
        input: c.req.valid("json"),
        meta: c.get("meta"),
      });
      return c.json(org, 201);
    },
  );

  app.openapi(
    defineRoute("organizations:update", {
      method: "patch",
      path: "/organizations/{id}",
      tags: ["organizations"],
      summary: "Change an organisation; send the version you edited",
      request: {
        params: IdParam,
        body: { content: { "application/json": { schema: OrganizationUpdateBody } }, required: true },
      },
      responses: {
        200: jsonContent(OrganizationDetailSchema, "Changed"),
        404: jsonContent(ErrorSchema, "Not found"),
        409: jsonContent(ErrorSchema, "Changed by someone else meanwhile, or a duplicate"),
      },
    }),
    async (c) => {
      const org = await updateOrganization({
        db: c.get("deps").database.db,
        actor: c.get("actor")!,
        id: c.req.valid("param").id,
        input: c.req.valid("json"),
        meta: c.get("meta"),
      });
      return c.json(org, 200);
    },
  );

  app.openapi(
    defineRoute("organizations:delete", {
      method: "delete",
      path: "/organizations/{id}",
      tags: ["organizations"],
      summary: "Delete an organisation that nothing refers to (not the member institutions)",
      request: { params: IdParam },
      responses: {
        204: { description: "Deleted" },
        404: jsonContent(ErrorSchema, "Not found"),
        409: jsonContent(ErrorSchema, "Still in use"),
      },
    }),
    async (c) => {
      await deleteOrganization({
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
