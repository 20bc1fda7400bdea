/** The admin's view of the outbox: every mail with its delivery state, one mail's text, sending again. */
import type { DbOrTx } from "../../db/client";
import { conflict, notFound } from "../../errors";
import * as repo from "./repository";

function presentMail(m: repo.MailRow) {
  return {
    id: m.id,
    to: m.to,
    subject: m.subject,
    kind: m.kind,
    relatedType: m.relatedType,
    relatedId: m.relatedId,
    status: m.status,
    attempts: m.attempts,
    nextAttemptAt: m.status === "queued" ? m.nextAttemptAt.toISOString() : null,
    lastError: m.lastError,
    createdAt: m.createdAt.toISOString(),
    sentAt: m.sentAt?.toISOString() ?? null,
  };
}

export async function listOutbox(opts: { db: DbOrTx; smtp: boolean; filters: repo.MailFilters }) {
  const { rows, total } = await repo.listMails(opts.db, opts.filters);
  return {
    items: rows.map(presentMail),
    total,
    page: opts.filters.page,
    pageSize: opts.filters.pageSize,
    smtpConfigured: opts.smtp,
    counts: await repo.countByStatus(opts.db),
  };
}

export async function getMail(opts: { db: DbOrTx; id: string }) {
  const m = await repo.mailById(opts.db, opts.id);
  if (!m) throw notFound("The mail");
  return {
    ...presentMail(m),
    text: m.text,
    html: m.html,
    messageId: m.messageId,
    attachments: (m.attachments ?? []).map((a) => ({
      filename: a.filename,
      contentType: a.contentType,
      size: Math.floor((a.contentBase64.length * 3) / 4),
    })),
  };
}

/** Sends a failed or outbox-only mail again (attempts start afresh). */
export async function retryMail(opts: { db: DbOrTx; id: string }) {
  const m = await repo.mailById(opts.db, opts.id);
  if (!m) throw notFound("The mail");
  if (!(await repo.requeueMail(opts.db, opts.id, new Date())))
    throw conflict(`This mail is ${m.status}; only failed or outbox-only mails are sent again`);
  return getMail(opts);
}
