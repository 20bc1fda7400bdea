/** Imports (upload → background job with progress) and exports of the seeds database. */
import { z } from "@hono/zod-openapi";
import { todayJst } from "../../../shared/dates";
import { AppError } from "../../errors";
import { ErrorSchema } from "../../http/errors";
import { defineRoute, jsonContent, newRouter } from "../../http/route";
import { CSV_TYPE, downloadResponse, toCsv } from "../../lib/csv";
import { recordAudit } from "../audit/service";
import { EXPORT_FORMATS, exportResearchers, exportSeeds } from "./export";
import { RESEARCHER_CSV_COLUMNS, SEED_CSV_COLUMNS } from "./import/csv";
import { getImportJob, listImportJobs, startImportJob } from "./import/jobs";
import { IMPORT_FORMATS, IMPORT_KINDS } from "./import/run";

const JobSchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(IMPORT_KINDS),
    format: z.string(),
    fileName: z.string(),
    dryRun: z.boolean(),
    partial: z.boolean(),
    status: z.enum(["running", "succeeded", "rejected", "failed"]),
    progress: z.object({ phase: z.string(), done: z.number(), total: z.number() }),
    report: z.record(z.string(), z.unknown()).nullable(),
    createdAt: z.string(),
    finishedAt: z.string().nullable(),
  })
  .openapi("ImportJob");

const boolField = z
  .enum(["true", "false", "on", "1", "0"])
  .optional()
  .transform((v) => v === "true" || v === "on" || v === "1");

export function catalogImportRoutes() {
  const app = newRouter();

  app.openapi(
    defineRoute("catalog:import", {
      method: "post",
      path: "/imports",
      tags: ["imports"],
      summary:
        "Upload a file to import researchers or seeds; the import runs in the background (follow GET /imports/{id})",
      request: {
        body: {
          content: {
            "multipart/form-data": {
              schema: z.object({
                file: z.any().openapi({ type: "string", format: "binary" }),
                kind: z.enum(IMPORT_KINDS),
                format: z.enum(IMPORT_FORMATS).optional(),
                encoding: z.enum(["auto", "utf8", "sjis"]).optional(),
                institution: z.string().max(100).optional(),
                dryRun: boolField,
                partial: boolField,
              }),
            },
          },
          required: true,
        },
      },
      responses: { 202: jsonContent(z.object({ id: z.uuid() }), "Started") },
    }),
    async (c) => {
      const form = c.req.valid("form");
      const file = (form as { file?: unknown }).file;
      if (!(file instanceof File))
        throw new AppError("VALIDATION", "file: attach the file to import", {
          fields: [{ field: "file", message: "attach the file to import" }],
        });
      const id = await startImportJob(c.get("deps").database.db, c.get("actor")!, {
        kind: form.kind,
        format: form.format,
        encoding: form.encoding,
        institution: form.institution || undefined,
        dryRun: form.dryRun,
        partial: form.partial,
        fileName: file.name,
        bytes: new Uint8Array(await file.arrayBuffer()),
      });
      return c.json({ id }, 202);
    },
  );

  app.openapi(
    defineRoute("catalog:import", {
      method: "get",
      path: "/imports",
      tags: ["imports"],
      summary: "Recent imports (admins: all; coordinators: their own)",
      responses: { 200: jsonContent(z.array(JobSchema), "Newest first") },
    }),
    async (c) => c.json(await listImportJobs(c.get("deps").database.db, c.get("actor")!), 200),
  );

  app.openapi(
    defineRoute("catalog:import", {
      method: "get",
      path: "/imports/{id}",
      tags: ["imports"],
      summary: "An import's progress and, when finished, its report",
      request: { params: z.object({ id: z.uuid() }) },
      responses: { 200: jsonContent(JobSchema, "The import"), 404: jsonContent(ErrorSchema, "Not found") },
    }),
    async (c) =>
      c.json(await getImportJob(c.get("deps").database.db, c.get("actor")!, c.req.valid("param").id), 200),
  );

  app.openapi(
    defineRoute("catalog:import", {
      method: "get",
      path: "/imports/{id}/problems.csv",
      tags: ["imports"],
      summary: "The rejected lines of an import and why, as CSV",
      request: { params: z.object({ id: z.uuid() }) },
      responses: { 200: { content: { "text/csv": { schema: z.string() } }, description: "CSV" } },
    }),
    async (c) => {
      const job = await getImportJob(c.get("deps").database.db, c.get("actor")!, c.req.valid("param").id);
      const problems = (job.report?.problems ?? []) as {
        line: number;
        field: string | null;
        message: string;
      }[];
      const body = toCsv(
        ["行 line", "項目 field", "内容 message"],
        problems.map((p) => [p.line, p.field, p.message]),
      );
      return downloadResponse(c, body, `${job.fileName}.problems.csv`, CSV_TYPE);
    },
  );

  app.openapi(
    defineRoute("catalog:import", {
      method: "get",
      path: "/imports/templates/{kind}",
      tags: ["imports"],
      summary: "An empty CSV template with the Japanese headers (and an example row)",
      request: { params: z.object({ kind: z.enum(IMPORT_KINDS) }) },
      responses: { 200: { content: { "text/csv": { schema: z.string() } }, description: "CSV" } },
    }),
    async (c) => {
      const kind = c.req.valid("param").kind;
      const cols = kind === "researchers" ? RESEARCHER_CSV_COLUMNS : SEED_CSV_COLUMNS;
      const body = toCsv(
        cols.map((col) => col.header),
        [cols.map((col) => col.example ?? "")],
      );
      return downloadResponse(
        c,
        body,
        kind === "researchers" ? "researchers-template.csv" : "seeds-template.csv",
        CSV_TYPE,
      );
    },
  );

  app.openapi(
    defineRoute("catalog:export", {
      method: "get",
      path: "/exports/{kind}",
      tags: ["imports"],
      summary:
        "Export researchers or the seeds catalogue as csv (UTF-8 with BOM), xlsx or jsonl, in the import format",
      request: {
        params: z.object({ kind: z.enum(IMPORT_KINDS) }),
        query: z.object({ format: z.enum(EXPORT_FORMATS).default("csv"), institution: z.uuid().optional() }),
      },
      responses: {
        200: { content: { "application/octet-stream": { schema: z.string() } }, description: "The file" },
      },
    }),
    async (c) => {
      const { kind } = c.req.valid("param");
      const { format, institution } = c.req.valid("query");
      const db = c.get("deps").database.db;
      const actor = c.get("actor")!;
      const file =
        kind === "seeds"
          ? await exportSeeds(db, actor, format, { institution })
          : await exportResearchers(db, format, { institution });
      await recordAudit(db, {
        action: "export.catalog",
        actor,
        meta: c.get("meta"),
        details: { kind, format, rows: file.rows, institution },
      });
      const base =
        kind === "seeds"
          ? actor.locale === "ja"
            ? "研究シーズ"
            : "seeds"
          : actor.locale === "ja"
            ? "研究者"
            : "researchers";
      return downloadResponse(c, file.body, `${base}_${todayJst()}.${file.extension}`, file.contentType);
    },
  );

  return app;
}
