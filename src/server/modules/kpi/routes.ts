/** The KPI API: dashboard, drill-down, targets, snapshots of closed years, and the annual report. */
import { z } from "@hono/zod-openapi";
import { formatFiscalYear } from "../../../shared/dates";
import { defineRoute, jsonContent, newRouter } from "../../http/route";
import { CSV_TYPE, downloadResponse } from "../../lib/csv";
import { KPI_CODES, MEASURE_CODES } from "./definitions";
import {
  dashboard,
  defaultFiscalYear,
  drillDown,
  exportReportCsv,
  exportReportXlsx,
  listSnapshots,
  saveTargets,
  snapshotWithDiff,
  takeSnapshot,
  targetsOf,
} from "./service";

const Loose = z.looseObject({});
const FiscalYear = z.coerce
  .number()
  .int()
  .min(1990, "must be 1990 or later")
  .max(2100, "must be 2100 or earlier");
const Filters = z.object({
  fy: FiscalYear.optional(),
  area: z.string().max(40).optional(),
  institution: z.uuid({ message: "must be an id (UUID)" }).optional(),
  kosenBlock: z.string().max(40).optional(),
  referralType: z.string().max(40).optional(),
});
const json = <T>(schema: T) => ({ body: { content: { "application/json": { schema } }, required: true } });

const filterOf = (q: z.infer<typeof Filters>) => ({
  area: q.area,
  institution: q.institution,
  kosenBlock: q.kosenBlock,
  referralType: q.referralType,
});

export function kpiRoutes() {
  const app = newRouter();

  app.openapi(
    defineRoute("kpi:read", {
      method: "get",
      path: "/kpi",
      tags: ["kpi"],
      summary:
        "The dashboard of a fiscal year (default: the current one): KPIs ①–④ against targets with their trend, the baseline, breakdowns",
      request: { query: Filters },
      responses: { 200: jsonContent(Loose, "The dashboard") },
    }),
    async (c) => {
      const q = c.req.valid("query");
      return c.json(
        await dashboard({
          db: c.get("deps").database.db,
          fiscalYear: q.fy ?? defaultFiscalYear(),
          filter: filterOf(q),
        }),
        200,
      );
    },
  );

  app.openapi(
    defineRoute("kpi:read", {
      method: "get",
      path: "/kpi/rows",
      tags: ["kpi"],
      summary: "The records behind a figure, with the figure itself (a page at a time)",
      request: {
        query: Filters.extend({
          measure: z.enum(MEASURE_CODES, { message: `must be one of ${MEASURE_CODES.join(", ")}` }),
          page: z.coerce.number().int().min(1).default(1),
          pageSize: z.coerce.number().int().min(1).max(1000).default(100),
        }),
      },
      responses: { 200: jsonContent(Loose, "Rows") },
    }),
    async (c) => {
      const q = c.req.valid("query");
      return c.json(
        await drillDown({
          db: c.get("deps").database.db,
          code: q.measure,
          fiscalYear: q.fy ?? defaultFiscalYear(),
          filter: filterOf(q),
          page: q.page,
          pageSize: q.pageSize,
        }),
        200,
      );
    },
  );

  app.openapi(
    defineRoute("kpi:read", {
      method: "get",
      path: "/kpi/report",
      tags: ["kpi"],
      summary:
        "The annual KPI report: .xlsx (a summary and one sheet per measure with its records) or CSV, for the dashboard's filter",
      request: {
        query: Filters.extend({ format: z.enum(["xlsx", "csv"]).default("xlsx") }),
      },
      responses: { 200: { description: "The file" } },
    }),
    async (c) => {
      const q = c.req.valid("query");
      const db = c.get("deps").database.db;
      const fy = q.fy ?? defaultFiscalYear();
      const name = `KPI報告_${formatFiscalYear(fy, "ja")}.${q.format}`;
      if (q.format === "csv")
        return downloadResponse(
          c,
          await exportReportCsv({ db, fiscalYear: fy, filter: filterOf(q) }),
          name,
          CSV_TYPE,
        );
      return downloadResponse(
        c,
        await exportReportXlsx({ db, fiscalYear: fy, filter: filterOf(q) }),
        name,
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      );
    },
  );

  app.openapi(
    defineRoute("kpi:read", {
      method: "get",
      path: "/kpi/targets/{fy}",
      tags: ["kpi"],
      summary: "The targets of a fiscal year (the programme's defaults where none was set)",
      request: { params: z.object({ fy: FiscalYear }) },
      responses: { 200: jsonContent(Loose, "Targets") },
    }),
    async (c) => c.json(await targetsOf(c.get("deps").database.db, c.req.valid("param").fy), 200),
  );

  app.openapi(
    defineRoute("kpi:configure", {
      method: "put",
      path: "/kpi/targets/{fy}",
      tags: ["kpi"],
      summary: "Set the targets of a fiscal year",
      request: {
        params: z.object({ fy: FiscalYear }),
        ...json(
          z.object(
            Object.fromEntries(
              KPI_CODES.map((k) => [k, z.number().min(0, "must not be negative").optional()]),
            ),
          ),
        ),
      },
      responses: { 200: jsonContent(Loose, "Targets") },
    }),
    async (c) =>
      c.json(
        await saveTargets({
          db: c.get("deps").database.db,
          actor: c.get("actor")!,
          fiscalYear: c.req.valid("param").fy,
          targets: c.req.valid("json"),
        }),
        200,
      ),
  );

  app.openapi(
    defineRoute("kpi:read", {
      method: "get",
      path: "/kpi/snapshots",
      tags: ["kpi"],
      summary: "The frozen fiscal years",
      responses: { 200: jsonContent(z.array(Loose), "Snapshots") },
    }),
    async (c) => c.json(await listSnapshots(c.get("deps").database.db), 200),
  );

  app.openapi(
    defineRoute("kpi:configure", {
      method: "post",
      path: "/kpi/snapshots",
      tags: ["kpi"],
      summary: "Freeze a closed fiscal year's figures and records (once)",
      request: json(z.object({ fiscalYear: z.number().int().min(1990).max(2100) })),
      responses: { 201: jsonContent(Loose, "Frozen") },
    }),
    async (c) =>
      c.json(
        await takeSnapshot({
          db: c.get("deps").database.db,
          actor: c.get("actor")!,
          fiscalYear: c.req.valid("json").fiscalYear,
        }),
        201,
      ),
  );

  app.openapi(
    defineRoute("kpi:read", {
      method: "get",
      path: "/kpi/snapshots/{fy}",
      tags: ["kpi"],
      summary: "A frozen year beside the live figures: what changed and which records came or went",
      request: { params: z.object({ fy: FiscalYear }) },
      responses: { 200: jsonContent(Loose, "Snapshot and diff") },
    }),
    async (c) =>
      c.json(
        await snapshotWithDiff({ db: c.get("deps").database.db, fiscalYear: c.req.valid("param").fy }),
        200,
      ),
  );

  return app;
}
