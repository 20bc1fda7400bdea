/**
 * Writing a mail: `enqueueMail(tx, mail)` puts it in the outbox inside the caller's transaction, so that
 * a mail and what caused it (a need and its acknowledgement) commit together or not at all. The sender
 * loop (sender.ts) delivers it later.
 */
import { z } from "zod";
import type { DbOrTx } from "../../db/client";
import { invalid, invalidFields } from "../../errors";
import { insertMail } from "./repository";

const address = z.email({ message: "must be an e-mail address" }).max(254);

/** Attachments travel in the outbox as base64 (e.g. an .ics invitation); 5 MB in all at most. */
export const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;

export const MailInput = z.object({
  to: z.union([address, z.array(address).min(1).max(50)]),
  subject: z
    .string()
    .trim()
    .min(1, "is required")
    .max(300)
    .refine((s) => !/[\r\n]/.test(s), "must be one line"),
  text: z.string().min(1, "is required").max(200_000),
  html: z.string().max(500_000).optional(),
  attachments: z
    .array(
      z.object({
        filename: z.string().min(1).max(200),
        contentType: z.string().min(3).max(200),
        contentBase64: z.base64({ message: "must be base64" }),
      }),
    )
    .max(10)
    .optional(),
  /** What the mail is about, for the admin's list, e.g. `need_ack`. */
  kind: z.string().min(1).max(60).default("other"),
  related: z.object({ type: z.string().min(1).max(60), id: z.string().min(1).max(100) }).optional(),
});
export type MailInput = z.input<typeof MailInput>;

/**
 * Queues a mail in the given transaction (or database handle). Returns the outbox id.
 *
 * @example
 * await db.transaction(async (tx) => {
 *   const need = await insertNeed(tx, …);
 *   await enqueueMail(tx, { to: need.contactEmail, subject: "受付", text: "…", kind: "need_ack" });
 * });
 */
export async function enqueueMail(db: DbOrTx, mail: MailInput): Promise<string> {
  const parsed = MailInput.safeParse(mail);
  if (!parsed.success) {
    throw invalidFields(
      parsed.error.issues.map((i) => ({ field: `mail.${i.path.join(".")}`, message: i.message })),
    );
  }
  const m = parsed.data;
  const bytes = (m.attachments ?? []).reduce((n, a) => n + Math.floor((a.contentBase64.length * 3) / 4), 0);
  if (bytes > MAX_ATTACHMENT_BYTES) {
    throw invalid("mail.attachments", "more than 5 MB in all");
  }
  return insertMail(db, {
    to: Array.isArray(m.to) ? m.to.join(", ") : m.to,
    subject: m.subject,
    text: m.text,
    html: m.html ?? null,
    attachments: m.attachments ?? null,
    kind: m.kind,
    relatedType: m.related?.type ?? null,
    relatedId: m.related?.id ?? null,
  });
}
