/**
 * The durable mail queue against a real SMTP server started in this process (smtp-server; mails read
 * back with mailparser): delivery, SMTP down then up, backoff and giving up, permanent refusals, the
 * outbox without SMTP, the sender loop, and concurrent senders (every mail arrives once).
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mailOutbox } from "../../src/server/db/schema";
import { enqueueMail } from "../../src/server/modules/mail/outbox";
import {
  deliverDueMails,
  RETRY_DELAYS_MS,
  smtpTransport,
  startMailSender,
} from "../../src/server/modules/mail/sender";
import { createTestContext, type TestContext } from "../helpers/app";
import { backendName } from "../helpers/db";
import { freePort, startSmtp } from "../helpers/smtp";

const FROM = "kyoso 協創 <kyoso@test.example>";
let ctx: TestContext;

beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

async function mail(id: string) {
  const [row] = await ctx.database.db.select().from(mailOutbox).where(eq(mailOutbox.id, id));
  return row!;
}

describe(`the mail queue (${backendName})`, () => {
  it("delivers a queued mail with its attachment through SMTP and records it as sent", async () => {
    const smtp = await startSmtp();
    const transport = smtpTransport(smtp.url);
    try {
      const ics = Buffer.from("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n").toString("base64");
      const id = await enqueueMail(ctx.database.db, {
        to: "taro@company.example",
        subject: "受付のお知らせ N-2026-000001",
        text: "日本語の本文です。\nSecond line in English.",
        attachments: [{ filename: "meeting.ics", contentType: "text/calendar", contentBase64: ics }],
        kind: "test",
      });
      expect((await mail(id)).status).toBe("queued");
      const report = await deliverDueMails({ db: ctx.database.db, transport, from: FROM });
      expect(report).toMatchObject({ sent: 1, retrying: 0, failed: 0 });
      const [got] = await smtp.waitFor(1);
      expect(got!.subject).toBe("受付のお知らせ N-2026-000001");
      expect(got!.text).toContain("日本語の本文です。");
      expect(got!.from?.value[0]?.address).toBe("kyoso@test.example");
      expect(got!.to && !Array.isArray(got!.to) ? got!.to.value[0]?.address : null).toBe(
        "taro@company.example",
      );
      expect(got!.attachments.map((a) => [a.filename, a.content.toString()])).toEqual([
        ["meeting.ics", "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n"],
      ]);
      const row = await mail(id);
      expect(row.status).toBe("sent");
      expect(row.attempts).toBe(1);
      expect(row.sentAt).not.toBeNull();
      expect(row.messageId).toBeTruthy();
      // Nothing is due any more: a second pass sends nothing again.
      expect((await deliverDueMails({ db: ctx.database.db, transport, from: FROM })).sent).toBe(0);
      expect(smtp.received).toHaveLength(1);
    } finally {
      transport.close();
      await smtp.close();
    }
  });

  it("keeps a mail queued while the SMTP server is down, retries it after the backoff, and delivers it once when it is up", async () => {
    const port = await freePort();
    const transport = smtpTransport(`smtp://kyoso:smtp-secret@127.0.0.1:${port}`);
    const id = await enqueueMail(ctx.database.db, {
      to: "down@company.example",
      subject: "While the server is down",
      text: "This mail must not be lost.",
    });
    // The pass runs "a second later": the row's first due time (the database's clock, in microseconds)
    // is then certainly past, however loaded the machine is.
    const t0 = new Date(Date.now() + 1000);
    const first = await deliverDueMails({ db: ctx.database.db, transport, from: FROM, now: t0 });
    expect(first).toMatchObject({ sent: 0, retrying: 1, failed: 0 });
    let row = await mail(id);
    expect(row.status).toBe("queued");
    expect(row.attempts).toBe(1);
    expect(row.lastError).toMatch(/ECONNREFUSED|ECONNECTION/);
    expect(row.nextAttemptAt.getTime()).toBe(t0.getTime() + RETRY_DELAYS_MS[0]);

    // Not due yet: a pass half a minute later leaves it alone.
    const early = await deliverDueMails({
      db: ctx.database.db,
      transport,
      from: FROM,
      now: new Date(t0.getTime() + 30_000),
    });
    expect(early).toMatchObject({ sent: 0, retrying: 0, failed: 0 });
    expect((await mail(id)).attempts).toBe(1);

    const smtp = await startSmtp({ port });
    try {
      const later = await deliverDueMails({
        db: ctx.database.db,
        transport,
        from: FROM,
        now: new Date(t0.getTime() + RETRY_DELAYS_MS[0] + 1000),
      });
      expect(later.sent).toBe(1);
      const got = await smtp.waitFor(1);
      expect(got.map((m) => m.subject)).toEqual(["While the server is down"]);
      row = await mail(id);
      expect(row.status).toBe("sent");
      expect(row.attempts).toBe(2);
    } finally {
      transport.close();
      await smtp.close();
    }
  });

  it("backs off 1 min, 5 min, 30 min, 2 h, 12 h and then marks the mail failed with the error", async () => {
    const port = await freePort();
    const transport = smtpTransport(`smtp://kyoso:smtp-secret@127.0.0.1:${port}`);
    const id = await enqueueMail(ctx.database.db, {
      to: "never@company.example",
      subject: "Never",
      text: "x",
    });
    let now = new Date(Date.now() + 1000);
    const waits: number[] = [];
    for (let attempt = 1; attempt <= 6; attempt++) {
      await deliverDueMails({ db: ctx.database.db, transport, from: FROM, now });
      const row = await mail(id);
      expect(row.attempts).toBe(attempt);
      if (attempt < 6) {
        expect(row.status).toBe("queued");
        waits.push(row.nextAttemptAt.getTime() - now.getTime());
        now = row.nextAttemptAt;
      } else {
        expect(row.status).toBe("failed");
        expect(row.lastError).toMatch(/^attempt 6: .*gave up/);
      }
    }
    transport.close();
    expect(waits).toEqual([60_000, 300_000, 1_800_000, 7_200_000, 43_200_000]);
  });

  it("fails at once, naming the server's answer, when the recipient is refused (550)", async () => {
    const smtp = await startSmtp({ refuse: ["nobody@company.example"] });
    const transport = smtpTransport(smtp.url);
    try {
      const id = await enqueueMail(ctx.database.db, {
        to: "nobody@company.example",
        subject: "Refused",
        text: "x",
      });
      const report = await deliverDueMails({ db: ctx.database.db, transport, from: FROM });
      expect(report).toMatchObject({ sent: 0, failed: 1 });
      const row = await mail(id);
      expect(row.status).toBe("failed");
      expect(row.attempts).toBe(1);
      expect(row.lastError).toContain("550");
      expect(row.lastError).toContain("nobody@company.example");
      expect(row.lastError).toContain("permanent");
    } finally {
      transport.close();
      await smtp.close();
    }
  });

  it("retries (does not give up on) a refused SMTP sign-in: fixing the password delivers the mail", async () => {
    const smtp = await startSmtp();
    const wrong = smtpTransport(`smtp://kyoso:wrong-password@127.0.0.1:${smtp.port}`);
    const right = smtpTransport(smtp.url);
    try {
      const id = await enqueueMail(ctx.database.db, {
        to: "auth@company.example",
        subject: "Auth",
        text: "x",
      });
      const t0 = new Date(Date.now() + 1000);
      expect(
        await deliverDueMails({ db: ctx.database.db, transport: wrong, from: FROM, now: t0 }),
      ).toMatchObject({
        retrying: 1,
      });
      expect((await mail(id)).lastError).toMatch(/EAUTH/);
      await deliverDueMails({
        db: ctx.database.db,
        transport: right,
        from: FROM,
        now: new Date(t0.getTime() + RETRY_DELAYS_MS[0]),
      });
      expect((await mail(id)).status).toBe("sent");
      expect(await smtp.waitFor(1)).toHaveLength(1);
    } finally {
      wrong.close();
      right.close();
      await smtp.close();
    }
  });

  it("sends every mail once when two senders work the outbox at the same time", async () => {
    const smtp = await startSmtp();
    const a = smtpTransport(smtp.url);
    const b = smtpTransport(smtp.url);
    try {
      const subjects = Array.from({ length: 12 }, (_, i) => `Concurrent ${i}`);
      for (const subject of subjects)
        await enqueueMail(ctx.database.db, { to: "many@company.example", subject, text: subject });
      const reports = await Promise.all([
        deliverDueMails({ db: ctx.database.db, transport: a, from: FROM, limit: 5 }),
        deliverDueMails({ db: ctx.database.db, transport: b, from: FROM, limit: 5 }),
        deliverDueMails({ db: ctx.database.db, transport: a, from: FROM, limit: 5 }),
      ]);
      expect(reports.reduce((n, r) => n + r.sent, 0)).toBe(12);
      const got = await smtp.waitFor(12);
      expect(got.map((m) => m.subject).sort()).toEqual([...subjects].sort());
    } finally {
      a.close();
      b.close();
      await smtp.close();
    }
  });

  it("the server's sender loop delivers a mail soon after it is queued, and stops cleanly", async () => {
    const smtp = await startSmtp();
    const sender = startMailSender({
      db: ctx.database.db,
      config: { smtpUrl: smtp.url, mailFrom: FROM },
      intervalMs: 200,
      log: () => undefined,
    });
    try {
      expect(sender.smtp).toBe(true);
      await enqueueMail(ctx.database.db, { to: "loop@company.example", subject: "From the loop", text: "x" });
      sender.wake();
      const got = await smtp.waitFor(1);
      expect(got[0]!.subject).toBe("From the loop");
    } finally {
      await sender.stop();
      await smtp.close();
    }
  });
});

describe(`the outbox without SMTP, for admins (${backendName})`, () => {
  it("keeps mails in the outbox (outbox only), lists them with their text for admins, and queues them again on request", async () => {
    const id = await enqueueMail(ctx.database.db, {
      to: "dev@company.example",
      subject: "開発環境のメール",
      text: "本文はここで読めます。",
      kind: "need_ack",
    });
    const report = await deliverDueMails({ db: ctx.database.db, transport: null, from: FROM });
    expect(report.keptInOutbox).toBeGreaterThanOrEqual(1);
    expect((await mail(id)).status).toBe("outbox");

    const admin = await ctx.as("admin");
    const list = await admin.get("/api/mail?status=outbox");
    expect(list.status).toBe(200);
    const page = (await list.json()) as {
      smtpConfigured: boolean;
      items: { id: string; status: string; subject: string }[];
      counts: Record<string, number>;
    };
    expect(page.smtpConfigured).toBe(false);
    expect(page.items.find((m) => m.id === id)).toMatchObject({
      status: "outbox",
      subject: "開発環境のメール",
    });
    expect(page.counts.outbox).toBeGreaterThanOrEqual(1);

    const detail = (await (await admin.get(`/api/mail/${id}`)).json()) as { text: string; to: string };
    expect(detail).toMatchObject({ text: "本文はここで読めます。", to: "dev@company.example" });

    const failedOnes = (await (await admin.get("/api/mail?status=failed")).json()) as {
      items: { id: string; lastError: string | null }[];
    };
    expect(failedOnes.items.length).toBeGreaterThan(0);
    expect(failedOnes.items.every((m) => m.lastError)).toBe(true);

    const retried = await admin.post(`/api/mail/${id}/retry`);
    expect(retried.status).toBe(200);
    expect((await mail(id)).status).toBe("queued");
    expect((await admin.post(`/api/mail/${id}/retry`)).status).toBe(409);

    const coordinator = await ctx.as("coordinator");
    expect((await coordinator.get("/api/mail")).status).toBe(403);
    expect((await coordinator.get(`/api/mail/${id}`)).status).toBe(403);
  });

  it("refuses a malformed mail naming the field, and writes nothing", async () => {
    const before = (await ctx.database.db.select().from(mailOutbox)).length;
    await expect(
      enqueueMail(ctx.database.db, { to: "not-an-address", subject: "x", text: "x" }),
    ).rejects.toMatchObject({ code: "VALIDATION", fields: [{ field: "mail.to" }] });
    await expect(
      enqueueMail(ctx.database.db, { to: "a@b.example", subject: "two\nlines", text: "x" }),
    ).rejects.toMatchObject({ fields: [{ field: "mail.subject", message: "must be one line" }] });
    expect((await ctx.database.db.select().from(mailOutbox)).length).toBe(before);
  });
});
