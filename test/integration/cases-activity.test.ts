/**
 * What happens on a case, through the real app: notes and tasks (no past due dates), meetings with
 * .ics invitations delivered over a real SMTP server (also after it was down), files (size and type
 * checks, who may download), notifications (assignment, followed stage changes, task due tomorrow, idle
 * cases, the daily digest) and the referral partner's restricted view with its stage-change mail.
 */
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { caseFiles, cases, mailOutbox, notifications, userCoverage, users } from "../../src/server/db/schema";
import { runReminders } from "../../src/server/modules/cases/reminders";
import { deliverDueMails, smtpTransport } from "../../src/server/modules/mail/sender";
import { type Agent, createTestContext, type TestContext } from "../helpers/app";
import { backendName } from "../helpers/db";
import { buildNeed } from "../helpers/needs";
import { freePort, startSmtp } from "../helpers/smtp";

let ctx: TestContext;
type Json = Record<string, unknown> & { version: number; id: string };
type ErrorBody = { error: { code: string; message: string; fields?: { field: string; message: string }[] } };
const FROM = "kyoso <kyoso@test.example>";

async function ok<T = Json>(res: Response, status = 200): Promise<T> {
  if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${await res.text()}`);
  return (await res.json()) as T;
}
async function problem(res: Response, status = 400) {
  expect(res.status).toBe(status);
  return ((await res.json()) as ErrorBody).error;
}

let coord: Agent & { id: string };
let other: Agent & { id: string };

async function coordinator(area: string) {
  const u = await ctx.buildUser({ role: "coordinator", organizationId: (await ctx.institution("tut")).id });
  await ctx.database.db.delete(userCoverage).where(eq(userCoverage.userId, u.id));
  await ctx.database.db.insert(userCoverage).values({ userId: u.id, scope: `area:${area}`, areaCode: area });
  return Object.assign(await ctx.signIn(u.email), { id: u.id });
}

async function newCase(o: Parameters<typeof buildNeed>[1] = {}) {
  const need = await buildNeed(ctx.database.db, { areaCode: "shinetsu", ...o });
  const [c] = await ctx.database.db.select().from(cases).where(eq(cases.needId, need.id));
  return { need, id: c!.id };
}
const detail = async (id: string, who: Agent = coord) => ok(await who.get(`/api/cases/${id}`));

beforeAll(async () => {
  ctx = await createTestContext();
  coord = await coordinator("shinetsu");
  other = await coordinator("shinetsu");
});
afterAll(() => ctx.close());

const tomorrowJst = (now: Date) =>
  new Date(now.getTime() + 9 * 3600_000 + 86_400_000).toISOString().slice(0, 10);

describe(`case activity (${backendName})`, () => {
  it("writes notes and calls on the timeline; refuses a note dated in the future", async () => {
    const { id } = await newCase();
    await ok(
      await coord.post(`/api/cases/${id}/events`, {
        kind: "call",
        body: "社長と電話。試作品を見せてもらう。",
      }),
      201,
    );
    const future = await problem(
      await coord.post(`/api/cases/${id}/events`, {
        kind: "note",
        body: "未来のメモ",
        occurredAt: new Date(Date.now() + 86_400_000).toISOString(),
      }),
    );
    expect(future.fields?.[0]).toMatchObject({ field: "occurredAt" });
    const empty = await problem(await coord.post(`/api/cases/${id}/events`, { kind: "note", body: " " }));
    expect(empty.fields?.[0]).toMatchObject({ field: "body", message: "is required" });
    const c = await ok<{ events: { kind: string; body: string | null }[] }>(
      await coord.get(`/api/cases/${id}`),
    );
    expect(c.events.map((e) => e.kind)).toEqual(["call", "created"]);
  });

  it("keeps tasks with owners and due dates; no past dates; the case's next due date follows", async () => {
    const { id } = await newCase();
    const past = await problem(
      await coord.post(`/api/cases/${id}/tasks`, { title: "過去", dueOn: "2020-01-01" }),
    );
    expect(past.fields?.[0]?.field).toBe("dueOn");
    expect(past.fields?.[0]?.message).toContain("is in the past");
    const notTeam = await problem(
      await coord.post(`/api/cases/${id}/tasks`, {
        title: "他エリア",
        ownerId: (await ctx.buildUser({ role: "researcher" })).id,
      }),
    );
    expect(notTeam.fields?.[0]?.field).toBe("ownerId");
    const due = tomorrowJst(new Date());
    const t = await ok(
      await coord.post(`/api/cases/${id}/tasks`, {
        title: "研究者に日程確認",
        dueOn: due,
        ownerId: other.id,
      }),
      201,
    );
    expect((await ctx.database.db.select().from(cases).where(eq(cases.id, id)))[0]!.nextDueOn).toBe(due);
    const done = await ok(
      await coord.patch(`/api/cases/${id}/tasks/${t.id}`, { version: t.version, done: true }),
    );
    expect(done.doneAt).not.toBeNull();
    expect((await ctx.database.db.select().from(cases).where(eq(cases.id, id)))[0]!.nextDueOn).toBeNull();
    expect(
      (await coord.patch(`/api/cases/${id}/tasks/${t.id}`, { version: t.version, done: false })).status,
    ).toBe(409);
  });

  it("schedules a meeting and mails an .ics invitation that arrives over SMTP, also after the server was down", async () => {
    const { id, need } = await newCase();
    const start = new Date(Date.now() + 3 * 86_400_000);
    start.setUTCHours(1, 0, 0, 0);
    const body = {
      title: "技術相談（初回）",
      mode: "online",
      location: "https://meet.example.jp/abc",
      startsAt: start.toISOString(),
      endsAt: new Date(start.getTime() + 3600_000).toISOString(),
      agenda: "課題の確認; 試料の扱い, 今後の進め方",
      attendees: [
        { name: "山田 花子", email: "Hanako@Company.example", kind: "company" },
        { name: "高専 太郎", email: "taro@kosen.example", kind: "researcher" },
      ],
    };
    // Bad input first: nothing is stored, nothing is mailed.
    const mailsBefore = (await ctx.database.db.select().from(mailOutbox)).length;
    const bad = await problem(
      await coord.post(`/api/cases/${id}/meetings`, {
        ...body,
        mode: "gi_net",
        location: null,
        startsAt: "2020-01-01T10:00:00+09:00",
        endsAt: "2020-01-01T09:00:00+09:00",
      }),
    );
    expect(bad.fields?.map((f) => f.field).sort()).toEqual(["campusId", "endsAt", "startsAt"]);
    const twice = await problem(
      await coord.post(`/api/cases/${id}/meetings`, {
        ...body,
        attendees: [...body.attendees, { name: "重複", email: "hanako@company.example", kind: "other" }],
      }),
    );
    expect(twice.fields?.[0]?.field).toBe("attendees.2.email");
    expect((await ctx.database.db.select().from(mailOutbox)).length).toBe(mailsBefore);

    // The SMTP server is down when the invitation is queued: the attempt fails and is retried.
    const port = await freePort();
    const m = await ok(await coord.post(`/api/cases/${id}/meetings`, body), 201);
    const down = await deliverDueMails({
      db: ctx.database.db,
      transport: smtpTransport(`smtp://kyoso:smtp-secret@127.0.0.1:${port}`),
      from: FROM,
    });
    expect(down.sent).toBe(0);
    const [queued] = await ctx.database.db
      .select()
      .from(mailOutbox)
      .where(and(eq(mailOutbox.kind, "case_meeting"), eq(mailOutbox.relatedId, id)));
    expect(queued).toMatchObject({ status: "queued", attempts: 1 });
    expect(queued!.lastError).toBeTruthy();

    // An hour later it is up again: the invitation arrives, once.
    const smtp = await startSmtp({ port });
    try {
      const transport = smtpTransport(smtp.url);
      const later = new Date(Date.now() + 3600_000);
      await deliverDueMails({ db: ctx.database.db, transport, from: FROM, now: later });
      await deliverDueMails({
        db: ctx.database.db,
        transport,
        from: FROM,
        now: new Date(later.getTime() + 86_400_000),
      });
      transport.close();
      const got = smtp.received.filter((r) => r.subject?.includes(need.referenceNumber));
      expect(got).toHaveLength(1);
      const mail = got[0]!;
      expect(mail.subject).toContain("技術相談（初回）");
      expect(mail.text).toContain("https://meet.example.jp/abc");
      const ics = mail.attachments.find((a) => a.filename === "invite.ics")!;
      expect(ics.contentType).toBe("text/calendar");
      const text = ics.content.toString("utf8");
      const unfolded = text.replace(/\r\n /g, "");
      expect(text.split("\r\n").every((l) => Buffer.byteLength(l, "utf8") <= 75)).toBe(true);
      expect(unfolded).toContain("METHOD:REQUEST");
      expect(unfolded).toContain(`UID:meeting-${m.id}@kyoso`);
      expect(unfolded).toContain("SEQUENCE:0");
      expect(unfolded).toContain(`DTSTART:${start.toISOString().replace(/[-:]/g, "").replace(".000", "")}`);
      expect(unfolded).toContain("DESCRIPTION:課題の確認\\; 試料の扱い\\, 今後の進め方");
      expect(unfolded).toContain(
        'ATTENDEE;CN="山田 花子";ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:hanako@company.example',
      );
      expect(unfolded).toContain("ORGANIZER;CN=");

      // Moving it mails an update (same UID, SEQUENCE 1); cancelling mails a CANCEL (SEQUENCE 2).
      const moved = await ok(
        await coord.patch(`/api/cases/${id}/meetings/${m.id}`, {
          version: m.version,
          startsAt: new Date(start.getTime() + 86_400_000).toISOString(),
          endsAt: new Date(start.getTime() + 86_400_000 + 3600_000).toISOString(),
        }),
      );
      const notYet = await problem(
        await coord.patch(`/api/cases/${id}/meetings/${m.id}`, {
          version: moved.version,
          status: "held",
          outcome: "済",
        }),
      );
      expect(notYet.fields?.[0]?.field).toBe("status");
      await ok(
        await coord.patch(`/api/cases/${id}/meetings/${m.id}`, {
          version: moved.version,
          status: "cancelled",
        }),
      );
      await deliverDueMails({ db: ctx.database.db, transport: smtpTransport(smtp.url), from: FROM });
      const all = await smtp.waitFor(3);
      const icsOf = (i: number) =>
        all
          .filter((r) => r.subject?.includes(need.referenceNumber))
          [i]!.attachments[0]!.content.toString("utf8")
          .replace(/\r\n /g, "");
      expect(icsOf(1)).toContain("SEQUENCE:1");
      expect(icsOf(1)).toContain("METHOD:REQUEST");
      expect(icsOf(2)).toContain("SEQUENCE:2");
      expect(icsOf(2)).toContain("METHOD:CANCEL");
      expect(icsOf(2)).toContain("STATUS:CANCELLED");
    } finally {
      await smtp.close();
    }
    const c = await ok<{
      events: { kind: string; data: { action?: string } }[];
      mails: { status: string }[];
    }>(await coord.get(`/api/cases/${id}`));
    expect(c.events.filter((e) => e.kind === "meeting").map((e) => e.data.action)).toEqual([
      "cancelled",
      "moved",
      "scheduled",
    ]);
    expect(c.mails.map((x) => x.status)).toEqual(["sent", "sent", "sent"]);
  });

  it("shows on the case an invitation that bounced (550), with the server's answer; nothing is lost", async () => {
    const { id } = await newCase();
    const smtp = await startSmtp({ refuse: ["nobody@company.example"] });
    try {
      const start = new Date(Date.now() + 86_400_000);
      await ok(
        await coord.post(`/api/cases/${id}/meetings`, {
          title: "面談",
          mode: "in_person",
          location: "豊橋技科大 C棟",
          startsAt: start.toISOString(),
          endsAt: new Date(start.getTime() + 3600_000).toISOString(),
          attendees: [{ name: "不在 太郎", email: "nobody@company.example", kind: "company" }],
        }),
        201,
      );
      const transport = smtpTransport(smtp.url);
      await deliverDueMails({ db: ctx.database.db, transport, from: FROM });
      transport.close();
      const c = await ok<{ mails: { status: string; lastError: string | null; to: string }[] }>(
        await coord.get(`/api/cases/${id}`),
      );
      expect(c.mails).toHaveLength(1);
      expect(c.mails[0]).toMatchObject({ status: "failed", to: "nobody@company.example" });
      expect(c.mails[0]!.lastError).toContain("550");
      const c2 = await ok<{ meetings: { status: string }[] }>(await coord.get(`/api/cases/${id}`));
      expect(c2.meetings.map((m) => m.status)).toEqual(["scheduled"]);
    } finally {
      await smtp.close();
    }
  });

  it("attaches files: size and kind checked by content, stored, downloaded only by the case's staff", async () => {
    const { id } = await newCase();
    const upload = (name: string, bytes: Uint8Array, type = "application/octet-stream") => {
      const form = new FormData();
      form.append("file", new File([new Uint8Array(bytes)], name, { type }));
      return coord.fetch(`/api/cases/${id}/files`, { method: "POST", body: form });
    };
    const pdf = new TextEncoder().encode("%PDF-1.4\n% 議事録\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
    const saved = await ok(await upload("議事録 2026-11-25.pdf", pdf), 201);
    expect(saved).toMatchObject({
      fileName: "議事録 2026-11-25.pdf",
      contentType: "application/pdf",
      size: pdf.length,
    });

    const exe = await problem(await upload("tool.pdf", new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03])));
    expect(exe.fields?.[0]?.field).toBe("file");
    expect(exe.message).toContain("not an accepted kind of file");
    const html = await problem(await upload("page.txt", new TextEncoder().encode("ok\u0000<script>")));
    expect(html.fields?.[0]?.field).toBe("file");
    const big = await problem(await upload("big.pdf", new Uint8Array(10 * 1024 * 1024 + 1).fill(0x25)));
    expect(big.message).toContain("at most 10 MB");
    const tooBig = await upload("huge.pdf", new Uint8Array(12 * 1024 * 1024));
    expect(tooBig.status).toBe(413);
    expect((await ctx.database.db.select().from(caseFiles).where(eq(caseFiles.caseId, id))).length).toBe(1);

    const dl = await coord.get(`/api/cases/${id}/files/${saved.id}`);
    expect(dl.status).toBe(200);
    expect(dl.headers.get("content-disposition")).toContain("attachment;");
    expect(dl.headers.get("x-content-type-options")).toBe("nosniff");
    expect(new Uint8Array(await dl.arrayBuffer())).toEqual(pdf);
    const tokyo = await coordinator("tokyo");
    expect((await tokyo.get(`/api/cases/${id}/files/${saved.id}`)).status).toBe(404);
    expect((await (await ctx.as("referral_partner")).get(`/api/cases/${id}/files/${saved.id}`)).status).toBe(
      403,
    );
  });

  it("notifies followers of stage changes (not the mover), and reminds of tasks due tomorrow once", async () => {
    const { id } = await newCase();
    let c = await detail(id);
    await ok(await other.post(`/api/cases/${id}/follow`));
    c = await ok(await coord.patch(`/api/cases/${id}`, { version: c.version, stageCode: "screening" }));
    const seen = await ok<{ items: { kind: string; title: string }[]; unread: number }>(
      await other.get("/api/notifications"),
    );
    expect(seen.items.some((n) => n.kind === "stage_changed" && n.title.includes("スクリーニング"))).toBe(
      true,
    );
    const mine = await ok<{ items: { kind: string; caseId: string }[] }>(
      await coord.get("/api/notifications"),
    );
    expect(mine.items.some((n) => n.kind === "stage_changed" && n.caseId === id)).toBe(false);
    const marked = await ok<{ marked: number }>(await other.post("/api/notifications/read", { ids: "all" }));
    expect(marked.marked).toBeGreaterThan(0);
    expect((await ok<{ unread: number }>(await other.get("/api/notifications"))).unread).toBe(0);

    const now = new Date();
    const t = await ok(
      await coord.post(`/api/cases/${id}/tasks`, {
        title: "提案書を送る",
        dueOn: tomorrowJst(now),
        ownerId: other.id,
      }),
      201,
    );
    const first = await runReminders(ctx.database.db, now);
    expect(first.tasksDue).toBeGreaterThanOrEqual(1);
    const again = await runReminders(ctx.database.db, now);
    expect(again.tasksDue).toBe(0);
    const due = await ctx.database.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, other.id), eq(notifications.kind, "task_due")));
    expect(due).toHaveLength(1);
    expect(due[0]!.title).toContain(t.title as string);
  });

  it("reports an assigned case idle after the coordinator's number of days, once per idle stretch", async () => {
    const { id } = await newCase();
    let c = await detail(id);
    c = await ok(await coord.patch(`/api/cases/${id}`, { version: c.version, coordinatorId: other.id }));
    await ok(
      await other.fetch("/api/notifications/settings", {
        method: "PUT",
        json: { emailMode: "off", idleDays: 3 },
      }),
    );
    const bad = await problem(
      await other.fetch("/api/notifications/settings", {
        method: "PUT",
        json: { emailMode: "often", idleDays: 0 },
      }),
    );
    expect(bad.fields?.map((f) => f.field).sort()).toEqual(["emailMode", "idleDays"]);
    const in2 = new Date(Date.now() + 2 * 86_400_000);
    await runReminders(ctx.database.db, in2);
    const count = async () =>
      (
        await ctx.database.db
          .select()
          .from(notifications)
          .where(and(eq(notifications.caseId, id), eq(notifications.kind, "case_idle")))
      ).length;
    expect(await count()).toBe(0);
    const in4 = new Date(Date.now() + 4 * 86_400_000);
    await runReminders(ctx.database.db, in4);
    await runReminders(ctx.database.db, in4);
    expect(await count()).toBe(1);
    // emailMode off: in the app only.
    expect(
      (
        await ctx.database.db
          .select()
          .from(mailOutbox)
          .where(and(eq(mailOutbox.kind, "notify_case_idle"), eq(mailOutbox.relatedId, id)))
      ).length,
    ).toBe(0);
    // New activity starts a new stretch.
    await ok(await other.post(`/api/cases/${id}/events`, { kind: "note", body: "企業に連絡した" }), 201);
    await ctx.database.db
      .update(cases)
      .set({ lastActivityAt: sql`now() - interval '5 days'` })
      .where(eq(cases.id, id));
    await runReminders(ctx.database.db, new Date());
    expect(await count()).toBe(2);
  });

  it("sends one daily digest after 08:00 Japan time to those who chose it", async () => {
    const { id } = await newCase();
    const digestUser = await coordinator("shinetsu");
    await ok(
      await digestUser.fetch("/api/notifications/settings", {
        method: "PUT",
        json: { emailMode: "digest", idleDays: 14 },
      }),
    );
    let c = await detail(id);
    c = await ok(await coord.patch(`/api/cases/${id}`, { version: c.version, coordinatorId: digestUser.id }));
    await ok(await coord.patch(`/api/cases/${id}`, { version: c.version, stageCode: "matching" }));
    const direct = await ctx.database.db
      .select()
      .from(mailOutbox)
      .where(and(eq(mailOutbox.kind, "notify_assigned"), eq(mailOutbox.relatedId, id)));
    expect(direct).toHaveLength(0); // digest users get no mail per notice
    const [u] = await ctx.database.db.select().from(users).where(eq(users.id, digestUser.id));
    const digests = async () =>
      (await ctx.database.db.select().from(mailOutbox).where(eq(mailOutbox.kind, "notify_digest"))).filter(
        (m) => m.to === u!.email,
      );
    const early = new Date("2030-03-02T22:00:00Z"); // 07:00 in Japan
    await runReminders(ctx.database.db, early);
    expect(await digests()).toHaveLength(0);
    const morning = new Date("2030-03-02T23:30:00Z"); // 08:30 in Japan, 3 March
    await runReminders(ctx.database.db, morning);
    await runReminders(ctx.database.db, new Date("2030-03-03T05:00:00Z"));
    const sent = await digests();
    expect(sent).toHaveLength(1);
    expect(sent[0]!.subject).toContain("2030-03-03");
    expect(sent[0]!.text).toContain("担当になりました");
    expect(sent[0]!.text).toContain(`/cases/${id}`);
  });

  it("shows the referral partner its referrals' progress, nothing confidential, and mails it each stage change", async () => {
    const bank = await ctx.buildOrganization({ type: "shinkin" });
    const partnerUser = await ctx.buildUser({ role: "referral_partner", organizationId: bank.id });
    const partner = await ctx.signIn(partnerUser.email);
    const { id, need } = await newCase({ referralOrganizationId: bank.id, submittedBy: partnerUser.id });
    let c = await detail(id);
    await ok(
      await coord.post(`/api/cases/${id}/events`, { kind: "note", body: "社内メモ：与信に関わる話題" }),
      201,
    );
    c = await ok(await coord.patch(`/api/cases/${id}`, { version: c.version, stageCode: "consultation" }));
    const m = await ok(
      await coord.post(`/api/cases/${id}/meetings`, {
        title: "初回面談",
        mode: "in_person",
        location: "長岡高専 会議室",
        startsAt: new Date(Date.now() + 3600_000).toISOString(),
        endsAt: new Date(Date.now() + 7200_000).toISOString(),
        attendees: [],
      }),
      201,
    );
    // Recorded as held once it has begun.
    await ctx.database.db.execute(
      sql`update case_meetings set starts_at = now() - interval '2 hours', ends_at = now() - interval '1 hour' where id = ${m.id}`,
    );
    await ok(
      await coord.patch(`/api/cases/${id}/meetings/${m.id}`, {
        version: m.version,
        status: "held",
        outcome: "試作評価を進める",
      }),
    );
    c = await detail(id);
    await ok(await coord.patch(`/api/cases/${id}`, { version: c.version, stageCode: "contracted" }));

    const mine = await ok<{
      figures: Record<string, number>;
      items: Record<string, unknown>[];
    }>(await partner.get("/api/referrals"));
    expect(mine.figures).toMatchObject({
      referrals: 1,
      consultationsHeld: 1,
      contracts: 1,
      open: 0,
      closed: 0,
    });
    const item = mine.items[0]!;
    expect(item).toMatchObject({ id, referenceNumber: need.referenceNumber, consultationsHeld: 1 });
    expect(Object.keys(item).sort()).toEqual(
      [
        "consultationsHeld",
        "id",
        "lastConsultationAt",
        "organizationName",
        "outcome",
        "receivedAt",
        "referenceNumber",
        "stage",
        "stageEnteredAt",
        "title",
      ].sort(),
    );
    const progress = await ok<{ history: { code: string }[] } & Record<string, unknown>>(
      await partner.get(`/api/referrals/${id}`),
    );
    expect(progress.history.map((h) => h.code)).toEqual(["received", "consultation", "contracted"]);
    const text = JSON.stringify(progress);
    for (const secret of ["社内メモ", "試作評価を進める", "長岡高専 会議室", "与信"])
      expect(text).not.toContain(secret);
    // Another partner's staff see nothing of it; the staff case page stays closed to partners.
    const stranger = await ctx.as("referral_partner");
    expect((await stranger.get(`/api/referrals/${id}`)).status).toBe(404);
    expect((await ok<{ items: unknown[] }>(await stranger.get("/api/referrals"))).items).toHaveLength(0);
    expect((await partner.get(`/api/cases/${id}`)).status).toBe(403);

    const mails = await ctx.database.db
      .select()
      .from(mailOutbox)
      .where(and(eq(mailOutbox.kind, "case_partner_stage"), eq(mailOutbox.relatedId, id)));
    expect(mails.map((x) => x.to)).toEqual([partnerUser.email, partnerUser.email]);
    expect(mails.map((x) => x.subject).sort()).toEqual(
      [
        `ご紹介案件の進捗 / Referral update: ${need.referenceNumber} 契約`,
        `ご紹介案件の進捗 / Referral update: ${need.referenceNumber} 面談・技術相談`,
      ].sort(),
    );
    for (const x of mails)
      for (const secret of ["社内メモ", "試作評価を進める"]) expect(x.text).not.toContain(secret);
  });
});
