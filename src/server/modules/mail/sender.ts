/**
 * Delivering the outbox: a loop in the server process claims due mails, sends them through nodemailer
 * over SMTP, and records the result. A failed attempt is retried after 1 min, 5 min, 30 min, 2 h and
 * 12 h, then the mail is marked failed (an admin sees the error and can send it again). An SMTP 5xx
 * answer other than an authentication failure (e.g. 550 no such user) is permanent: failed at once.
 * Without an SMTP server configured, mails stay in the outbox (status `outbox`) for an admin to read.
 */
import nodemailer from "nodemailer";
import type { Config } from "../../config";
import type { Db } from "../../db/client";
import { claimDueMails, keepInOutbox, type MailRow, markAttemptFailed, markSent } from "./repository";

/** Waits between attempts: after the 1st failure 1 min, …; after the 6th attempt fails the mail is failed. */
export const RETRY_DELAYS_MS = [60_000, 5 * 60_000, 30 * 60_000, 2 * 3600_000, 12 * 3600_000] as const;
/** How long a sender holds a claimed mail before another may take it (a crashed sender's mails). */
export const CLAIM_LEASE_MS = 5 * 60_000;

export interface OutgoingMail {
  from: string;
  to: string;
  subject: string;
  text: string;
  html?: string;
  attachments?: { filename: string; contentType: string; content: Buffer }[];
}

/** What the sender needs of a mail transport: nodemailer's SMTP transport in the product and the tests. */
export interface MailTransport {
  send(mail: OutgoingMail): Promise<{ messageId: string | null; rejected: string[] }>;
  close(): void;
}

/** Whether a send error is permanent (retrying cannot help) rather than a fault that may pass. */
export function isPermanent(err: unknown): boolean {
  const e = err as { responseCode?: number; code?: string };
  return (
    typeof e.responseCode === "number" && e.responseCode >= 500 && e.responseCode < 600 && e.code !== "EAUTH"
  );
}

function describeError(err: unknown): string {
  const e = err as { message?: string; code?: string; responseCode?: number; response?: string };
  const parts = [e.code, e.responseCode ? String(e.responseCode) : null].filter(Boolean).join(" ");
  return `${parts ? `${parts}: ` : ""}${e.response ?? e.message ?? String(err)}`;
}

/**
 * The SMTP transport of a URL such as `smtp://user:pass@host:587` (STARTTLS when the server offers it) or
 * `smtps://…:465`. Timeouts are short so that an unreachable server fails an attempt quickly.
 */
export function smtpTransport(url: string): MailTransport {
  // Settings in the URL's query (e.g. ?tls.rejectUnauthorized=false) override these defaults.
  const transporter = nodemailer.createTransport({
    url,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 60_000,
  });
  return {
    async send(mail) {
      const info = await transporter.sendMail(mail);
      return {
        messageId: info.messageId ?? null,
        rejected: info.rejected ?? [],
      };
    },
    close: () => transporter.close(),
  };
}

export interface DeliveryReport {
  sent: number;
  retrying: number;
  failed: number;
  keptInOutbox: number;
}

/**
 * One pass over the outbox: every due mail is sent (or, without a transport, kept in the outbox).
 * Callable from the loop below, a job or a test; `now` is the sender's clock.
 */
export async function deliverDueMails(opts: {
  db: Db;
  transport: MailTransport | null;
  from: string;
  now?: Date;
  limit?: number;
}): Promise<DeliveryReport> {
  const now = opts.now ?? new Date();
  const report: DeliveryReport = { sent: 0, retrying: 0, failed: 0, keptInOutbox: 0 };
  if (!opts.transport) {
    report.keptInOutbox = await keepInOutbox(opts.db, now);
    return report;
  }
  const mails = await claimDueMails(opts.db, {
    now,
    leaseUntil: new Date(now.getTime() + CLAIM_LEASE_MS),
    limit: opts.limit ?? 20,
  });
  for (const mail of mails) {
    const outcome = await sendOne(opts.transport, opts.from, mail);
    if (outcome.ok) {
      await markSent(opts.db, mail.id, { at: new Date(), messageId: outcome.messageId, note: outcome.note });
      report.sent++;
      continue;
    }
    const attempt = mail.attempts + 1;
    const delay = outcome.permanent ? undefined : RETRY_DELAYS_MS[attempt - 1];
    const retryAt = delay === undefined ? null : new Date(now.getTime() + delay);
    await markAttemptFailed(opts.db, mail.id, {
      error: `attempt ${attempt}: ${outcome.error}${retryAt ? "" : outcome.permanent ? " (permanent; not retried)" : " (gave up)"}`,
      retryAt,
    });
    if (retryAt) report.retrying++;
    else report.failed++;
  }
  return report;
}

async function sendOne(
  transport: MailTransport,
  from: string,
  mail: MailRow,
): Promise<
  | { ok: true; messageId: string | null; note: string | null }
  | { ok: false; error: string; permanent: boolean }
> {
  try {
    const info = await transport.send({
      from,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      ...(mail.html ? { html: mail.html } : {}),
      ...(mail.attachments?.length
        ? {
            attachments: mail.attachments.map((a) => ({
              filename: a.filename,
              contentType: a.contentType,
              content: Buffer.from(a.contentBase64, "base64"),
            })),
          }
        : {}),
    });
    return {
      ok: true,
      messageId: info.messageId,
      note: info.rejected.length ? `refused by the server for: ${info.rejected.join(", ")}` : null,
    };
  } catch (err) {
    return { ok: false, error: describeError(err), permanent: isPermanent(err) };
  }
}

export interface MailSender {
  /** Look at the outbox now (e.g. right after a mail was queued) instead of at the next tick. */
  wake(): void;
  /** Stops the loop after the pass in progress and closes the SMTP connection. */
  stop(): Promise<void>;
  readonly smtp: boolean;
}

/**
 * The loop of the server process: a pass every `intervalMs` (and when woken).
 *
 * @example
 * const sender = startMailSender({ db, config });
 * // … on shutdown:
 * await sender.stop();
 */
export function startMailSender(opts: {
  db: Db;
  config: Pick<Config, "smtpUrl" | "mailFrom">;
  intervalMs?: number;
  transport?: MailTransport | null;
  log?: (message: string) => void;
}): MailSender {
  const transport =
    opts.transport !== undefined
      ? opts.transport
      : opts.config.smtpUrl
        ? smtpTransport(opts.config.smtpUrl)
        : null;
  const interval = opts.intervalMs ?? 5_000;
  const log = opts.log ?? ((m: string) => console.error(m));
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;

  const pass = async () => {
    try {
      const r = await deliverDueMails({ db: opts.db, transport, from: opts.config.mailFrom });
      if (r.retrying || r.failed) {
        log(`kyoso: mail: ${r.sent} sent, ${r.retrying} to retry, ${r.failed} failed (see the outbox page)`);
      }
    } catch (err) {
      log(`kyoso: mail: the outbox could not be processed: ${(err as Error).message}`);
    }
  };
  const run = () => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    if (timer) clearTimeout(timer);
    timer = null;
    running = pass().finally(() => {
      running = null;
      if (stopped) return;
      if (again) {
        again = false;
        run();
      } else {
        timer = setTimeout(run, interval);
        timer.unref();
      }
    });
  };
  run();
  return {
    smtp: !!transport,
    wake: run,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
      transport?.close();
    },
  };
}
