import { z } from "@hono/zod-openapi";
import { formatDateTime, todayJst } from "../../../shared/dates";
import { defineRoute, jsonContent, newRouter } from "../../http/route";
import { CSV_TYPE, downloadResponse, toCsv } from "../../lib/csv";
import { auditRowsForExport, listAudit, recordAudit } from "./service";

const AuditQuery = z.object({
  action: z
    .string()
    .max(60)
    .optional()
    .openapi({ description: "An action, or a prefix ending in a dot (auth.)" }),
  q: z.string().max(100).optional().openapi({ description: "Actor e-mail or subject contains" }),
  from: z.iso.date({ message: "must be a date YYYY-MM-DD" }).optional(),
  to: z.iso.date({ message: "must be a date YYYY-MM-DD" }).optional().openapi({ description: "Inclusive" }),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

const AuditEventSchema = z
  .object({
    id: z.number().int(),
    at: z.string(),
    action: z.string(),
    actorUserId: z.string().nullable(),
    actorEmail: z.string().nullable(),
    actorName: z.string().nullable(),
    subject: z.string().nullable(),
    targetType: z.string().nullable(),
    targetId: z.string().nullable(),
    ip: z.string().nullable(),
    userAgent: z.string().nullable(),
    details: z.unknown(),
  })
  .openapi("AuditEvent");

export type AuditEventResponse = Omit<z.infer<typeof AuditEventSchema>, "details"> & {
  details: Record<string, unknown>;
};

/** Dates are Japan dates: from 00:00 JST of `from` to the end of `to`. */
function range(q: { from?: string | undefined; to?: string | undefined }) {
  const from = q.from ? new Date(`${q.from}T00:00:00+09:00`) : undefined;
  const to = q.to ? new Date(new Date(`${q.to}T00:00:00+09:00`).getTime() + 24 * 3600_000) : undefined;
  return { from, to };
}

export function auditRoutes() {
  const app = newRouter();

  app.openapi(
    defineRoute("audit:read", {
      method: "get",
      path: "/audit",
      tags: ["audit"],
      summary: "The audit log, newest first",
      request: { query: AuditQuery },
      responses: {
        200: jsonContent(
          z.object({
            items: z.array(AuditEventSchema),
            total: z.number().int(),
            page: z.number().int(),
            pageSize: z.number().int(),
          }),
          "A page of events",
        ),
      },
    }),
    async (c) => {
      const q = c.req.valid("query");
      const { items, total } = await listAudit(c.get("deps").database.db, { ...q, ...range(q) });
      return c.json(
        {
          items: items.map((i) => ({ ...i, at: i.at.toISOString() })),
          total,
          page: q.page,
          pageSize: q.pageSize,
        },
        200,
      );
    },
  );

  app.openapi(
    defineRoute("audit:export", {
      method: "get",
      path: "/audit/export.csv",
      tags: ["audit"],
      summary: "Export the filtered audit log as CSV (UTF-8 with BOM)",
      request: { query: AuditQuery.omit({ page: true, pageSize: true }) },
      responses: { 200: { content: { "text/csv": { schema: z.string() } }, description: "CSV file" } },
    }),
    async (c) => {
      const q = c.req.valid("query");
      const actor = c.get("actor")!;
      const db = c.get("deps").database.db;
      const rows = await auditRowsForExport(db, { ...q, ...range(q) });
      await recordAudit(db, {
        action: "export.audit",
        actor,
        meta: c.get("meta"),
        details: { rows: rows.length, filters: q },
      });
      const ja = actor.locale === "ja";
      const header = ja
        ? ["日時(JST)", "操作", "実行者", "対象者・入力", "対象種別", "対象ID", "IPアドレス", "詳細"]
        : ["Time (JST)", "Action", "Actor", "Subject", "Target type", "Target id", "IP address", "Details"];
      const body = toCsv(
        header,
        rows.map((r) => [
          formatDateTime(r.at),
          r.action,
          r.actorEmail,
          r.subject,
          r.targetType,
          r.targetId,
          r.ip,
          JSON.stringify(r.details),
        ]),
      );
      return downloadResponse(
        c,
        body,
        ja ? `監査ログ_${todayJst()}.csv` : `audit_${todayJst()}.csv`,
        CSV_TYPE,
      );
    },
  );

  return app;
}
