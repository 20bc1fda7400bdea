/** The outbox for admins: what was sent, what waits for a retry, what failed and why. */
import { z } from "@hono/zod-openapi";
import { MAIL_STATUSES } from "../../db/schema";
import { ErrorSchema } from "../../http/errors";
import { defineRoute, jsonContent, newRouter } from "../../http/route";
import { getMail, listOutbox, retryMail } from "./service";

const Id = z.object({ id: z.uuid({ message: "must be an id (UUID)" }) });

const MailSchema = z
  .object({
    id: z.uuid(),
    to: z.string(),
    subject: z.string(),
    kind: z.string(),
    relatedType: z.string().nullable(),
    relatedId: z.string().nullable(),
    status: z.enum(MAIL_STATUSES).openapi({
      description:
        "queued (waiting or retrying), sent, failed (gave up), outbox (kept here: no SMTP server configured)",
    }),
    attempts: z.number().int(),
    nextAttemptAt: z.string().nullable(),
    lastError: z.string().nullable(),
    createdAt: z.string(),
    sentAt: z.string().nullable(),
  })
  .openapi("Mail");

const MailDetailSchema = MailSchema.extend({
  text: z.string(),
  html: z.string().nullable(),
  messageId: z.string().nullable(),
  attachments: z.array(z.object({ filename: z.string(), contentType: z.string(), size: z.number().int() })),
}).openapi("MailDetail");

export function mailRoutes() {
  const app = newRouter();

  app.openapi(
    defineRoute("mail:read", {
      method: "get",
      path: "/mail",
      tags: ["mail"],
      summary: "The outbox, newest first",
      request: {
        query: z.object({
          status: z.enum(MAIL_STATUSES).optional(),
          q: z.string().max(200).optional().openapi({ description: "Recipient or subject contains" }),
          relatedId: z.string().max(100).optional(),
          page: z.coerce.number().int().min(1).default(1),
          pageSize: z.coerce.number().int().min(1).max(200).default(50),
        }),
      },
      responses: {
        200: jsonContent(
          z.object({
            items: z.array(MailSchema),
            total: z.number().int(),
            page: z.number().int(),
            pageSize: z.number().int(),
            smtpConfigured: z.boolean(),
            counts: z.record(z.string(), z.number().int()),
          }),
          "A page of mails",
        ),
      },
    }),
    async (c) => {
      const { database, config } = c.get("deps");
      return c.json(
        await listOutbox({ db: database.db, smtp: !!config.smtpUrl, filters: c.req.valid("query") }),
        200,
      );
    },
  );

  app.openapi(
    defineRoute("mail:read", {
      method: "get",
      path: "/mail/{id}",
      tags: ["mail"],
      summary: "One mail with its text",
      request: { params: Id },
      responses: {
        200: jsonContent(MailDetailSchema, "The mail"),
        404: jsonContent(ErrorSchema, "Not found"),
      },
    }),
    async (c) => c.json(await getMail({ db: c.get("deps").database.db, id: c.req.valid("param").id }), 200),
  );

  app.openapi(
    defineRoute("mail:manage", {
      method: "post",
      path: "/mail/{id}/retry",
      tags: ["mail"],
      summary: "Send a failed or outbox-only mail again",
      request: { params: Id },
      responses: {
        200: jsonContent(MailDetailSchema, "Queued again"),
        404: jsonContent(ErrorSchema, "Not found"),
        409: jsonContent(ErrorSchema, "Not failed nor outbox-only"),
      },
    }),
    async (c) => {
      const { database, mailSender } = c.get("deps");
      const mail = await retryMail({ db: database.db, id: c.req.valid("param").id });
      mailSender?.wake();
      return c.json(mail, 200);
    },
  );

  return app;
}
