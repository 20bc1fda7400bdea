/**
 * Needs intake through the real app: the public form (validation naming fields, honeypot, the per-address
 * limit, reference numbers, the acknowledgement mail in the same transaction), the signed-in form for
 * companies, referral partners and staff, and the acknowledgement arriving over a real SMTP server.
 */
import { count, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { auditEvents, mailOutbox, needs } from "../../src/server/db/schema";
import { deliverDueMails, smtpTransport } from "../../src/server/modules/mail/sender";
import { REFERENCE_PATTERN } from "../../src/server/modules/needs/codes";
import { createTestContext, type TestContext } from "../helpers/app";
import { backendName } from "../helpers/db";
import { publicNeedBody } from "../helpers/needs";
import { startSmtp } from "../helpers/smtp";

let ctx: TestContext;
let ipCounter = 10;
/** A new client address for each test, so that the per-address limit is per test. */
const newIp = () => `198.51.100.${ipCounter++}`;

beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

async function submitPublic(body: unknown, ip = newIp()) {
  return ctx.request(
    "/api/needs/public",
    { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) },
    { ip },
  );
}

const countOf = async (table: typeof needs | typeof mailOutbox) =>
  Number((await ctx.database.db.select({ n: count() }).from(table))[0]!.n);

type ErrorBody = { error: { code: string; message: string; fields?: { field: string; message: string }[] } };

describe(`the public needs form (${backendName})`, () => {
  it("accepts a need, answers its reference number, and queues the acknowledgement with it", async () => {
    const res = await submitPublic(publicNeedBody());
    expect(res.status).toBe(202);
    const body = (await res.json()) as { referenceNumber: string; message: string };
    expect(body.referenceNumber).toMatch(REFERENCE_PATTERN);
    expect(body.referenceNumber).toMatch(/^N-\d{4}-\d{6}$/);
    const [need] = await ctx.database.db
      .select()
      .from(needs)
      .where(eq(needs.referenceNumber, body.referenceNumber));
    expect(need).toMatchObject({
      title: "プレス加工品のバリを減らしたい",
      organizationName: "株式会社テスト精工",
      contactEmail: "hanako@seiko.example",
      contactPhone: "0258-12-3456", // full-width digits and hyphens normalised
      areaCode: "shinetsu",
      source: "public_form",
      status: "received",
      confidentiality: "coordinators",
      submittedBy: null,
    });
    const mails = await ctx.database.db.select().from(mailOutbox).where(eq(mailOutbox.relatedId, need!.id));
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ to: "hanako@seiko.example", kind: "need_ack", status: "queued" });
    expect(mails[0]!.subject).toContain(body.referenceNumber);
    expect(mails[0]!.text).toContain(`受付番号: ${body.referenceNumber}`);
    expect(mails[0]!.text).toContain(`Reference number: ${body.referenceNumber}`);
    expect(mails[0]!.text).toContain("山田 花子 様");
  });

  it("names every field at fault and stores nothing", async () => {
    const needsBefore = await countOf(needs);
    const mailsBefore = await countOf(mailOutbox);
    const res = await submitPublic(
      publicNeedBody({
        title: "  ",
        problem: "短い",
        contactEmail: "not-an-address",
        contactPhone: "call me",
        budgetRange: "a lot",
        confidentiality: "secret",
        organizationName: undefined,
      }),
    );
    expect(res.status).toBe(400);
    const err = (await res.json()) as ErrorBody;
    expect(err.error.code).toBe("VALIDATION");
    const fields = err.error.fields!.map((f) => f.field).sort();
    expect(fields).toEqual(
      [
        "budgetRange",
        "confidentiality",
        "contactEmail",
        "contactPhone",
        "organizationName",
        "problem",
        "title",
      ].sort(),
    );
    expect(err.error.fields!.find((f) => f.field === "problem")!.message).toContain("at least 10 characters");
    expect(await countOf(needs)).toBe(needsBefore);
    expect(await countOf(mailOutbox)).toBe(mailsBefore);
  });

  it("refuses an unknown area, naming the field", async () => {
    const res = await submitPublic(publicNeedBody({ preferredAreaCode: "atlantis" }));
    expect(res.status).toBe(400);
    expect(((await res.json()) as ErrorBody).error.fields).toEqual([
      { field: "preferredAreaCode", message: 'there is no area "atlantis"' },
    ]);
  });

  it("answers a filled honeypot exactly like a success, but stores and mails nothing", async () => {
    const needsBefore = await countOf(needs);
    const mailsBefore = await countOf(mailOutbox);
    const ip = newIp();
    const res = await submitPublic(publicNeedBody({ website: "http://spam.example" }), ip);
    expect(res.status).toBe(202);
    const body = (await res.json()) as { referenceNumber: string; message: string };
    expect(Object.keys(body).sort()).toEqual(["message", "referenceNumber"]);
    expect(body.referenceNumber).toMatch(REFERENCE_PATTERN);
    expect(body.message).toContain(body.referenceNumber);
    expect(await countOf(needs)).toBe(needsBefore);
    expect(await countOf(mailOutbox)).toBe(mailsBefore);
    const events = await ctx.database.db
      .select()
      .from(auditEvents)
      .where(sql`${auditEvents.action} = 'need.spam_dropped' and ${auditEvents.ip} = ${ip}`);
    expect(events).toHaveLength(1);
    expect(JSON.stringify(events[0]!.details)).not.toContain("プレス"); // no content kept
  });

  it("limits one address to 5 needs an hour (429 with Retry-After); other addresses go on", async () => {
    const ip = newIp();
    for (let i = 0; i < 4; i++)
      expect((await submitPublic(publicNeedBody({ title: `上限テスト ${i}` }), ip)).status).toBe(202);
    // A honeypot hit counts too.
    expect((await submitPublic(publicNeedBody({ website: "x" }), ip)).status).toBe(202);
    const needsBefore = await countOf(needs);
    const blocked = await submitPublic(publicNeedBody({ title: "6件目" }), ip);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThan(3000);
    const err = (await blocked.json()) as ErrorBody;
    expect(err.error.code).toBe("RATE_LIMITED");
    expect(err.error.message).toContain("at most 5 an hour");
    expect(err.error.message).toContain("1時間に5件");
    expect(await countOf(needs)).toBe(needsBefore);
    // A honeypot hit over the limit is refused the same way.
    expect((await submitPublic(publicNeedBody({ website: "x" }), ip)).status).toBe(429);
    expect((await submitPublic(publicNeedBody(), newIp())).status).toBe(202);
  });

  it("gives unique, consecutive reference numbers, also to simultaneous submissions", async () => {
    const answers = await Promise.all(
      Array.from({ length: 8 }, (_, i) => submitPublic(publicNeedBody({ title: `同時送信 ${i}` }))),
    );
    const numbers = await Promise.all(
      answers.map(async (r) => {
        expect(r.status).toBe(202);
        return ((await r.json()) as { referenceNumber: string }).referenceNumber;
      }),
    );
    expect(new Set(numbers).size).toBe(8);
    for (const n of numbers) expect(n).toMatch(/^N-\d{4}-\d{6}$/);
    const seq = numbers.map((n) => Number(n.slice(-6))).sort((a, b) => a - b);
    expect(seq.at(-1)! - seq[0]!).toBe(7);
    // The database refuses a duplicate outright.
    const [one] = await ctx.database.db.select().from(needs).limit(1);
    await expect(
      ctx.database.db.insert(needs).values({ ...one!, id: undefined as unknown as string }),
    ).rejects.toThrow();
  });

  it("keeps a need and its acknowledgement together: when queuing the mail fails, the need is not stored either", async () => {
    const db = ctx.database.db;
    await db.execute(
      sql.raw(`create function kyoso_test_outbox_down() returns trigger language plpgsql as $$
      begin raise exception 'the outbox is unavailable (test)'; end $$`),
    );
    await db.execute(
      sql.raw(`create trigger kyoso_test_outbox_down before insert on mail_outbox
        for each row execute function kyoso_test_outbox_down()`),
    );
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const needsBefore = await countOf(needs);
    try {
      const res = await submitPublic(publicNeedBody({ title: "失われてはならないニーズ" }));
      expect(res.status).toBe(500);
      expect(logged).toHaveBeenCalled();
      expect(await countOf(needs)).toBe(needsBefore);
      const lost = await db.select().from(needs).where(eq(needs.title, "失われてはならないニーズ"));
      expect(lost).toHaveLength(0);
    } finally {
      logged.mockRestore();
      await db.execute(sql.raw("drop trigger kyoso_test_outbox_down on mail_outbox"));
      await db.execute(sql.raw("drop function kyoso_test_outbox_down()"));
    }
    // With the outbox back, the same need goes through (and its number follows the last one given).
    const ok = await submitPublic(publicNeedBody({ title: "失われてはならないニーズ" }));
    expect(ok.status).toBe(202);
  });

  it("delivers the acknowledgement through SMTP with the reference number in Japanese and English", async () => {
    const res = await submitPublic(
      publicNeedBody({ language: "en", contactEmail: "buyer@overseas.example", contactName: "Alex Smith" }),
    );
    const { referenceNumber } = (await res.json()) as { referenceNumber: string };
    const smtp = await startSmtp();
    const transport = smtpTransport(smtp.url);
    try {
      await deliverDueMails({
        db: ctx.database.db,
        transport,
        from: "kyoso <kyoso@test.example>",
        limit: 200,
      });
      const got = (await smtp.waitFor(1)).find((m) =>
        (m.to && !Array.isArray(m.to) ? m.to.text : "").includes("buyer@overseas.example"),
      );
      expect(got).toBeDefined();
      expect(got!.subject).toContain(referenceNumber);
      expect(got!.text).toMatch(/^Dear Alex Smith/); // the submitter's language first
      expect(got!.text).toContain(`Reference number: ${referenceNumber}`);
      expect(got!.text).toContain(`受付番号: ${referenceNumber}`);
    } finally {
      transport.close();
      await smtp.close();
    }
  });
});

describe(`the signed-in needs form (${backendName})`, () => {
  type Detail = {
    id: string;
    referenceNumber: string;
    organizationName: string;
    areaCode: string | null;
    contact: { name: string; email: string | null } | null;
    referral: { organizationName: string; branch: string; staffName: string } | null;
    companyOrganizationId: string | null;
  };

  it("a company member submits for their company: organisation and contact come from the account", async () => {
    const org = await ctx.buildOrganization({
      type: "company",
      nameJa: "三河テスト工業株式会社",
      areaCode: "tokai",
    });
    const user = await ctx.buildUser({ role: "company_member", organizationId: org.id });
    const agent = await ctx.signIn(user.email);
    const res = await agent.post("/api/needs", {
      title: "塗装ムラの原因を知りたい",
      problem: "乾燥炉の温度分布が原因か調べたい。",
    });
    expect(res.status).toBe(201);
    const need = (await res.json()) as Detail;
    expect(need).toMatchObject({
      organizationName: "三河テスト工業株式会社",
      companyOrganizationId: org.id,
      areaCode: "tokai", // no preference given: the company's area
      contact: { name: "Test company_member", email: user.email },
      referral: null,
    });
    expect(need.referenceNumber).toMatch(REFERENCE_PATTERN);
    const [ack] = await ctx.database.db.select().from(mailOutbox).where(eq(mailOutbox.relatedId, need.id));
    expect(ack!.to).toBe(user.email);

    const refused = await agent.post("/api/needs", {
      title: "x",
      problem: "0123456789 problem",
      referralBranch: "本店",
    });
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as ErrorBody).error.fields!.map((f) => f.field)).toEqual([
      "referralBranch",
    ]);
  });

  it("a referral partner must name the client, the contact, their branch and the staff member", async () => {
    const partner = await ctx.as("referral_partner");
    const before = await countOf(needs);
    const res = await partner.post("/api/needs", {
      title: "取引先の技術相談",
      problem: "加工時間を短縮したいという相談。",
    });
    expect(res.status).toBe(400);
    const fields = ((await res.json()) as ErrorBody).error.fields!.map((f) => f.field).sort();
    expect(fields).toEqual(["contactName", "organizationName", "referralBranch", "referralStaffName"]);
    expect(await countOf(needs)).toBe(before);
  });

  it("a referral partner submits for a client: the referral stays on the need, the acknowledgement goes to the partner", async () => {
    const bank = await ctx.buildOrganization({
      type: "bank",
      nameJa: "テスト中央銀行",
      areaCode: "shinetsu",
    });
    const user = await ctx.buildUser({ role: "referral_partner", organizationId: bank.id });
    const partner = await ctx.signIn(user.email);
    const res = await partner.post("/api/needs", {
      title: "取引先の鋳造不良を減らしたい",
      problem: "取引先で鋳巣が多発しており、原因の切り分けに技術的な助言がほしい。",
      organizationName: "越後テスト鋳造株式会社",
      contactName: "佐藤 一郎",
      contactEmail: "sato@chuzo.example",
      referralBranch: "長岡支店",
      referralStaffName: "鈴木 次郎",
      confidentiality: "named",
      anonymousUntilAgreed: true,
    });
    expect(res.status).toBe(201);
    const need = (await res.json()) as Detail;
    expect(need).toMatchObject({
      organizationName: "越後テスト鋳造株式会社",
      areaCode: "shinetsu", // the partner's area
      contact: { name: "佐藤 一郎", email: "sato@chuzo.example" },
      referral: { organizationName: "テスト中央銀行", branch: "長岡支店", staffName: "鈴木 次郎" },
      companyOrganizationId: null,
    });
    const [ack] = await ctx.database.db.select().from(mailOutbox).where(eq(mailOutbox.relatedId, need.id));
    expect(ack!.to).toBe(user.email);
    expect(ack!.text).toContain("鈴木 次郎 様");
    expect(ack!.text).toContain("越後テスト鋳造株式会社");
  });

  it("a coordinator records a need taken by phone, for a registered company", async () => {
    const company = await ctx.buildOrganization({ type: "company", nameJa: "登録済テスト株式会社" });
    const coordinator = await ctx.as("coordinator");
    const missing = await coordinator.post("/api/needs", {
      title: "電話での相談",
      problem: "冷却水の管理方法について。",
    });
    expect(missing.status).toBe(400);
    expect(((await missing.json()) as ErrorBody).error.fields!.map((f) => f.field).sort()).toEqual([
      "contactName",
      "organizationName",
    ]);
    const res = await coordinator.post("/api/needs", {
      title: "電話での相談",
      problem: "冷却水の管理方法について。",
      companyOrganizationId: company.id,
      contactName: "田中 三郎",
      preferredAreaCode: "tokai",
    });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({
      organizationName: "登録済テスト株式会社",
      companyOrganizationId: company.id,
    });
    const wrong = await coordinator.post("/api/needs", {
      title: "x",
      problem: "0123456789 problem",
      contactName: "x",
      organizationName: "x",
      companyOrganizationId: (await ctx.institution("tut")).id,
    });
    expect(((await wrong.json()) as ErrorBody).error.fields).toEqual([
      { field: "companyOrganizationId", message: "must be a registered company" },
    ]);
  });
});
