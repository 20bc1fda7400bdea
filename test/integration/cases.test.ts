/**
 * The case pipeline through the real app on a real database: a case per need, stage rules, assignment
 * within the area team, visibility per role (the referral partner's restricted view above all),
 * concurrent edits, the timeline, tasks, files, saved views and exports.
 */

import { and, eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { caseEvents, cases, mailOutbox, needs, userCoverage } from "../../src/server/db/schema";
import { type Agent, createTestContext, type TestContext } from "../helpers/app";
import { backendName } from "../helpers/db";
import { buildNeed } from "../helpers/needs";

let ctx: TestContext;
type Json = Record<string, unknown> & { version: number };
type ErrorBody = { error: { code: string; message: string; fields?: { field: string; message: string }[] } };

async function ok<T = Json>(res: Response, status = 200): Promise<T> {
  if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${await res.text()}`);
  return (await res.json()) as T;
}
async function problem(res: Response, status = 400) {
  expect(res.status).toBe(status);
  return ((await res.json()) as ErrorBody).error;
}

/** A coordinator covering an area (their institution tut is in tokai). */
async function coordinatorOf(area: string): Promise<Agent & { id: string }> {
  const u = await ctx.buildUser({ role: "coordinator", organizationId: (await ctx.institution("tut")).id });
  await ctx.database.db.delete(userCoverage).where(eq(userCoverage.userId, u.id));
  await ctx.database.db.insert(userCoverage).values({ userId: u.id, scope: `area:${area}`, areaCode: area });
  const agent = await ctx.signIn(u.email);
  return Object.assign(agent, { id: u.id });
}

let shinetsu: Agent & { id: string };
let shinetsu2: Agent & { id: string };
let tokyoOnly: Agent & { id: string };

beforeAll(async () => {
  ctx = await createTestContext();
  shinetsu = await coordinatorOf("shinetsu");
  shinetsu2 = await coordinatorOf("shinetsu");
  tokyoOnly = await coordinatorOf("tokyo");
});
afterAll(() => ctx.close());

async function caseOf(needId: string) {
  const [c] = await ctx.database.db.select().from(cases).where(eq(cases.needId, needId));
  return c!;
}

describe(`cases (${backendName})`, () => {
  it("opens a case with every need, at 受付, in the need's transaction (the public form too)", async () => {
    const res = await ctx.request(
      "/api/needs/public",
      {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          title: "樹脂成形品のひけを減らしたい",
          problem: "射出成形の厚肉部にひけが出る。金型温度と保圧の最適条件を相談したい。",
          organizationName: "株式会社ひけ工業",
          contactName: "成形 一郎",
          contactEmail: "ichiro@hike.example",
          preferredAreaCode: "shinetsu",
          language: "ja",
          confidentiality: "coordinators",
        }),
      },
      { ip: "198.51.100.77" },
    );
    expect(res.status).toBe(202);
    const { referenceNumber } = (await res.json()) as { referenceNumber: string };
    const [need] = await ctx.database.db
      .select()
      .from(needs)
      .where(eq(needs.referenceNumber, referenceNumber));
    const c = await caseOf(need!.id);
    expect(c).toMatchObject({ stageCode: "received", stageKind: "open", coordinatorId: null, version: 1 });
    const events = await ctx.database.db.select().from(caseEvents).where(eq(caseEvents.caseId, c.id));
    expect(events.map((e) => e.kind)).toEqual(["created"]);
  });

  it("shows a case to its area's coordinators and admins, and to nobody else on the staff routes", async () => {
    const need = await buildNeed(ctx.database.db, { areaCode: "shinetsu" });
    const c = await caseOf(need.id);
    const detail = await ok(await shinetsu.get(`/api/cases/${c.id}`));
    expect(detail).toMatchObject({ referenceNumber: need.referenceNumber, stageCode: "received" });
    expect(detail.need).toMatchObject({ problem: need.problem, contact: { email: need.contactEmail } });
    expect((await (await ctx.as("admin")).get(`/api/cases/${c.id}`)).status).toBe(200);
    expect((await tokyoOnly.get(`/api/cases/${c.id}`)).status).toBe(404);
    const list = await ok<{ items: { id: string }[] }>(
      await tokyoOnly.get("/api/cases?pageSize=200&state=all"),
    );
    expect(list.items.some((i) => i.id === c.id)).toBe(false);
    const mine = await ok<{ items: { id: string }[] }>(
      await shinetsu.get("/api/cases?pageSize=200&state=all"),
    );
    expect(mine.items.some((i) => i.id === c.id)).toBe(true);
    for (const role of ["researcher", "company_member", "referral_partner", "executive"] as const) {
      expect((await (await ctx.as(role)).get(`/api/cases/${c.id}`)).status).toBe(403);
    }
  });

  it("moves through the stages; an unassigned case becomes the mover's; closes need a reason from the list", async () => {
    const need = await buildNeed(ctx.database.db, { areaCode: "shinetsu" });
    let c = await ok(await shinetsu.get(`/api/cases/${(await caseOf(need.id)).id}`));
    const id = c.id as string;

    const unknown = await problem(
      await shinetsu.patch(`/api/cases/${id}`, { version: c.version, stageCode: "flying" }),
    );
    expect(unknown.fields?.[0]?.field).toBe("stageCode");
    expect(unknown.fields?.[0]?.message).toContain('no stage "flying"');

    c = await ok(await shinetsu.patch(`/api/cases/${id}`, { version: c.version, stageCode: "screening" }));
    expect(c).toMatchObject({ stageCode: "screening", coordinator: { id: shinetsu.id } });
    expect((await ctx.database.db.select().from(needs).where(eq(needs.id, need.id)))[0]!.status).toBe(
      "screening",
    );

    const noReason = await problem(
      await shinetsu.patch(`/api/cases/${id}`, { version: c.version, stageCode: "refused" }),
    );
    expect(noReason.fields?.map((f) => f.field)).toEqual(["closeReasonCode"]);
    const wrongReason = await problem(
      await shinetsu.patch(`/api/cases/${id}`, {
        version: c.version,
        stageCode: "refused",
        closeReasonCode: "budget",
      }),
    );
    expect(wrongReason.fields?.[0]?.message).toContain("not a reason of 対応不可");
    const otherNeedsNote = await problem(
      await shinetsu.patch(`/api/cases/${id}`, {
        version: c.version,
        stageCode: "refused",
        closeReasonCode: "refused_other",
      }),
    );
    expect(otherNeedsNote.fields?.map((f) => f.field)).toEqual(["closeNote"]);
    expect((await caseOf(need.id)).stageCode).toBe("screening"); // nothing half-written

    c = await ok(
      await shinetsu.patch(`/api/cases/${id}`, {
        version: c.version,
        stageCode: "refused",
        closeReasonCode: "simple_test",
        closeNote: "成分分析のみのご依頼のため、公設試をご紹介",
      }),
    );
    expect(c).toMatchObject({ stageCode: "refused", stageKind: "closed", closeReasonCode: "simple_test" });
    expect(c.closedAt).not.toBeNull();
    expect((await ctx.database.db.select().from(needs).where(eq(needs.id, need.id)))[0]!.status).toBe(
      "closed",
    );

    const reopenBare = await problem(
      await shinetsu.patch(`/api/cases/${id}`, { version: c.version, stageCode: "matching" }),
    );
    expect(reopenBare.fields?.map((f) => f.field)).toEqual(["reopenNote"]);
    c = await ok(
      await shinetsu.patch(`/api/cases/${id}`, {
        version: c.version,
        stageCode: "matching",
        reopenNote: "企業から追加の相談があり再開",
      }),
    );
    expect(c).toMatchObject({ stageCode: "matching", closeReasonCode: null, closedAt: null });
    const stageEvents = (c.events as { kind: string; data: { from?: string; to?: string } }[]).filter(
      (e) => e.kind === "stage",
    );
    expect(stageEvents.map((e) => `${e.data.from}→${e.data.to}`)).toEqual([
      "refused→matching",
      "screening→refused",
      "received→screening",
    ]);
  });

  it("assigns within the area team only, keeps the history, and never silently overwrites (409)", async () => {
    const need = await buildNeed(ctx.database.db, { areaCode: "shinetsu" });
    const id = (await caseOf(need.id)).id;
    const seen = await ok(await shinetsu.get(`/api/cases/${id}`));
    const outsider = await problem(
      await shinetsu.patch(`/api/cases/${id}`, { version: seen.version, coordinatorId: tokyoOnly.id }),
    );
    expect(outsider.fields?.[0]).toMatchObject({ field: "coordinatorId" });
    expect(outsider.fields?.[0]?.message).toContain('not an active coordinator of the area "shinetsu"');
    const same = await problem(
      await shinetsu.patch(`/api/cases/${id}`, {
        version: seen.version,
        coordinatorId: shinetsu.id,
        secondCoordinatorId: shinetsu.id,
      }),
    );
    expect(same.fields?.[0]?.field).toBe("secondCoordinatorId");

    // Both coordinators opened the case at the same version; the second save is refused.
    const first = await ok(
      await shinetsu.patch(`/api/cases/${id}`, { version: seen.version, coordinatorId: shinetsu2.id }),
    );
    const late = await shinetsu2.patch(`/api/cases/${id}`, { version: seen.version, stageCode: "matching" });
    const conflict = await problem(late, 409);
    expect(conflict.message).toContain("changed by someone else");
    expect((await caseOf(need.id)).stageCode).toBe("received");

    const reassigned = await ok(
      await shinetsu2.patch(`/api/cases/${id}`, {
        version: first.version,
        coordinatorId: shinetsu.id,
        secondCoordinatorId: shinetsu2.id,
      }),
    );
    const assignments = (
      reassigned.events as { kind: string; data: { to: { coordinatorId: string } } }[]
    ).filter((e) => e.kind === "assignment");
    expect(assignments.map((a) => a.data.to.coordinatorId)).toEqual([shinetsu.id, shinetsu2.id]);

    // The newly assigned coordinator was told, in the app and by mail.
    const notes = await ok<{ items: { kind: string; link: string }[] }>(
      await shinetsu2.get("/api/notifications"),
    );
    expect(notes.items.some((n) => n.kind === "assigned" && n.link === `/cases/${id}`)).toBe(true);
    const mails = await ctx.database.db
      .select()
      .from(mailOutbox)
      .where(and(eq(mailOutbox.kind, "notify_assigned"), eq(mailOutbox.relatedId, id)));
    expect(mails.length).toBeGreaterThanOrEqual(1);
  });

  it("answers the board and the filtered list; saved views; CSV and Excel exports agree with the list", async () => {
    const tag = `板${Date.now()}`;
    const a = await buildNeed(ctx.database.db, { areaCode: "shinetsu", title: `${tag} 一` });
    const b = await buildNeed(ctx.database.db, { areaCode: "shinetsu", title: `${tag} 二` });
    const ca = await ok(await shinetsu.get(`/api/cases/${(await caseOf(a.id)).id}`));
    await ok(await shinetsu.patch(`/api/cases/${ca.id}`, { version: ca.version, stageCode: "matching" }));

    const board = await ok<{
      columns: { stage: { code: string }; total: number; cards: { title: string }[] }[];
    }>(await shinetsu.get(`/api/cases/board?q=${encodeURIComponent(tag)}`));
    expect(board.columns.map((c) => c.stage.code)).toEqual([
      "received",
      "screening",
      "matching",
      "consultation",
      "proposal",
      "negotiation",
      "contracted",
      "declined",
      "withdrawn",
      "refused",
    ]);
    const col = (code: string) => board.columns.find((c) => c.stage.code === code)!;
    expect(col("matching").cards.map((c) => c.title)).toEqual([`${tag} 一`]);
    expect(col("received").cards.map((c) => c.title)).toEqual([`${tag} 二`]);

    const mine = await ok<{ items: { title: string }[]; total: number }>(
      await shinetsu.get(`/api/cases?coordinator=me&q=${encodeURIComponent(tag)}`),
    );
    expect(mine.items.map((i) => i.title)).toEqual([`${tag} 一`]);
    const unassigned = await ok<{ items: { title: string }[] }>(
      await shinetsu.get(`/api/cases?coordinator=none&stage=received,screening&q=${encodeURIComponent(tag)}`),
    );
    expect(unassigned.items.map((i) => i.title)).toEqual([`${tag} 二`]);
    const badFilter = await problem(await shinetsu.get("/api/cases?dueBefore=tomorrow&ageMin=-1"));
    expect(badFilter.fields?.map((f) => f.field).sort()).toEqual(["ageMin", "dueBefore"]);

    const view = await ok<{ id: string }>(
      await shinetsu.post("/api/cases/views", {
        name: "自分のマッチング",
        query: { coordinator: "me", stage: "matching" },
      }),
      201,
    );
    const views = await ok<{ id: string; name: string; query: Record<string, string> }[]>(
      await shinetsu.get("/api/cases/views"),
    );
    expect(views).toEqual([
      { id: view.id, name: "自分のマッチング", query: { coordinator: "me", stage: "matching" } },
    ]);
    expect(await ok<unknown[]>(await shinetsu2.get("/api/cases/views"))).toEqual([]);
    expect((await shinetsu2.delete(`/api/cases/views/${view.id}`)).status).toBe(404);
    expect((await shinetsu.delete(`/api/cases/views/${view.id}`)).status).toBe(204);

    const csv = await shinetsu.get(
      `/api/cases/export?format=csv&q=${encodeURIComponent(tag)}&sort=reference&dir=asc`,
    );
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-disposition")).toContain("filename*=UTF-8''");
    const lines = (await csv.text())
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]).toContain("受付番号,件名,企業,エリア,段階");
    expect(lines.slice(1).map((l) => l.split(",")[0])).toEqual([a.referenceNumber, b.referenceNumber].sort());
    expect(lines[1]).toContain("マッチング");

    const xlsx = await shinetsu.get(
      `/api/cases/export?format=xlsx&q=${encodeURIComponent(tag)}&sort=reference&dir=asc`,
    );
    expect(xlsx.headers.get("content-type")).toContain("spreadsheetml");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet("案件一覧")!;
    expect(ws.getRow(1).getCell(1).value).toBe("受付番号");
    expect(ws.rowCount).toBe(3);
    const refs = [ws.getRow(2).getCell(1).value, ws.getRow(3).getCell(1).value];
    expect(refs).toEqual([a.referenceNumber, b.referenceNumber].sort());
    const rowOfA = refs.indexOf(a.referenceNumber) + 2;
    expect(ws.getRow(rowOfA).getCell(5).value).toBe("マッチング");
    expect(ws.getRow(rowOfA).getCell(10).value).toBe("Test coordinator");
  });

  it("orders the board's cards the same whichever way it is read: open stages oldest first, closes newest first", async () => {
    const hokuriku = await coordinatorOf("hokuriku");
    const tag = `順${Date.now()}`;
    const made: { id: string; title: string }[] = [];
    for (const [i, stage] of ["matching", "matching", "matching", "declined", "declined"].entries()) {
      const need = await buildNeed(ctx.database.db, { areaCode: "hokuriku", title: `${tag} ${i}` });
      const c = await caseOf(need.id);
      await ctx.database.db
        .update(cases)
        .set({
          stageCode: stage,
          stageKind: stage === "declined" ? "closed" : "open",
          closeReasonCode: stage === "declined" ? "budget" : null,
          stageEnteredAt: new Date(Date.UTC(2026, 5, 10 - i)),
        })
        .where(eq(cases.id, c.id));
      made.push({ id: c.id, title: need.title });
    }
    type Board = { columns: { stage: { code: string }; total: number; cards: { title: string }[] }[] };
    const read = async (q: string) => {
      const b = await ok<Board>(await hokuriku.get(`/api/cases/board?area=hokuriku${q}`));
      return Object.fromEntries(
        b.columns.filter((c) => c.total).map((c) => [c.stage.code, c.cards.map((x) => x.title)]),
      );
    };
    const broad = await read(""); // by each stage's index
    const searched = await read(`&q=${encodeURIComponent(tag)}`); // by a window over the matches
    expect(broad).toEqual(searched);
    expect(broad.matching).toEqual([`${tag} 2`, `${tag} 1`, `${tag} 0`]);
    expect(broad.declined).toEqual([`${tag} 3`, `${tag} 4`]);
  });

  it("lets an admin give an area its own stage list; its cases follow it; used stages cannot be removed", async () => {
    const admin = await ctx.as("admin");
    const defaults = await ok<{
      stages: { code: string; kind: string; labelJa: string; labelEn: string; active: boolean }[];
    }>(await admin.get("/api/cases/stages?area=tokyo"));
    const own = [
      ...defaults.stages.slice(0, 3),
      { code: "site_visit", kind: "open", labelJa: "現地確認", labelEn: "Site visit", active: true },
      ...defaults.stages.slice(3),
    ];
    const missing = await problem(
      await admin.fetch("/api/cases/stages/tokyo", {
        method: "PUT",
        json: { stages: own.filter((s) => s.kind !== "won") },
      }),
    );
    expect(missing.message).toContain('needs at least one active stage of kind "won"');
    const dup = await problem(
      await admin.fetch("/api/cases/stages/tokyo", { method: "PUT", json: { stages: [...own, own[0]] } }),
    );
    expect(dup.fields?.[0]?.field).toBe(`stages.${own.length}.code`);
    const noArea = await problem(
      await admin.fetch("/api/cases/stages/atlantis", { method: "PUT", json: { stages: own } }),
    );
    expect(noArea.fields?.[0]?.field).toBe("areaCode");
    await ok(await admin.fetch("/api/cases/stages/tokyo", { method: "PUT", json: { stages: own } }));

    const tokyoNeed = await buildNeed(ctx.database.db, { areaCode: "tokyo" });
    const c = await ok(await tokyoOnly.get(`/api/cases/${(await caseOf(tokyoNeed.id)).id}`));
    expect((c.stages as { code: string }[]).map((s) => s.code)).toContain("site_visit");
    const moved = await ok(
      await tokyoOnly.patch(`/api/cases/${c.id}`, { version: c.version, stageCode: "site_visit" }),
    );
    expect(moved.stageCode).toBe("site_visit");
    // Shin'etsu still uses the default list.
    const shinetsuNeed = await buildNeed(ctx.database.db, { areaCode: "shinetsu" });
    const sc = await ok(await shinetsu.get(`/api/cases/${(await caseOf(shinetsuNeed.id)).id}`));
    const refused = await problem(
      await shinetsu.patch(`/api/cases/${sc.id}`, { version: sc.version, stageCode: "site_visit" }),
    );
    expect(refused.fields?.[0]?.field).toBe("stageCode");

    const inUse = await problem(
      await admin.fetch("/api/cases/stages/tokyo", {
        method: "PUT",
        json: { stages: own.filter((s) => s.code !== "site_visit") },
      }),
    );
    expect(inUse.message).toContain('"site_visit" has cases in it');
    const resetRefused = await problem(await admin.delete("/api/cases/stages/tokyo"));
    expect(resetRefused.message).toContain("site_visit");
    // Deactivated: it stays for its cases but no case may enter it.
    await ok(
      await admin.fetch("/api/cases/stages/tokyo", {
        method: "PUT",
        json: { stages: own.map((s) => (s.code === "site_visit" ? { ...s, active: false } : s)) },
      }),
    );
    const board = await ok<{ columns: { stage: { code: string }; total: number }[] }>(
      await tokyoOnly.get("/api/cases/board?area=tokyo"),
    );
    expect(board.columns.find((x) => x.stage.code === "site_visit")?.total).toBe(1);
    expect((await caseOf(tokyoNeed.id)).stageCode).toBe("site_visit");
    const moveBack = await ok(
      await tokyoOnly.patch(`/api/cases/${c.id}`, { version: moved.version, stageCode: "matching" }),
    );
    const reenter = await problem(
      await tokyoOnly.patch(`/api/cases/${c.id}`, { version: moveBack.version, stageCode: "site_visit" }),
    );
    expect(reenter.fields?.[0]?.message).toContain("no longer in use");
    expect((await admin.delete("/api/cases/stages/tokyo")).status).toBe(204);
  });

  it("lets an admin edit a close stage's reasons; a new close is usable once it has one; used reasons stay", async () => {
    const admin = await ctx.as("admin");
    type Reason = {
      code: string;
      stageCode: string;
      labelJa: string;
      labelEn: string;
      guideline: boolean;
      active: boolean;
    };
    const all = await ok<{
      closeReasons: Reason[];
      stages: { code: string; kind: string; labelJa: string; labelEn: string; active: boolean }[];
    }>(await admin.get("/api/cases/stages?all=true"));
    // A new close stage in the default list: without reasons it cannot be used yet.
    await ok(
      await admin.fetch("/api/cases/stages/*", {
        method: "PUT",
        json: {
          stages: [
            ...all.stages,
            {
              code: "referred",
              kind: "closed",
              labelJa: "他機関紹介",
              labelEn: "Referred elsewhere",
              active: true,
            },
          ],
        },
      }),
    );
    const need = await buildNeed(ctx.database.db, { areaCode: "shinetsu" });
    const c = await ok(await shinetsu.get(`/api/cases/${(await caseOf(need.id)).id}`));
    const none = await problem(
      await shinetsu.patch(`/api/cases/${c.id}`, { version: c.version, stageCode: "referred" }),
    );
    expect(none.fields?.[0]?.message).toContain("has no reasons yet");

    const notClose = await problem(
      await admin.fetch("/api/cases/close-reasons/matching", {
        method: "PUT",
        json: { reasons: [{ code: "x_reason", labelJa: "x", labelEn: "x" }] },
      }),
    );
    expect(notClose.fields?.[0]?.field).toBe("stageCode");
    const taken = await problem(
      await admin.fetch("/api/cases/close-reasons/referred", {
        method: "PUT",
        json: { reasons: [{ code: "budget", labelJa: "予算", labelEn: "Budget" }] },
      }),
    );
    expect(taken.fields?.[0]).toMatchObject({ field: "reasons.0.code" });
    expect(taken.fields?.[0]?.message).toContain('a reason of the stage "declined"');
    const saved = await ok<Reason[]>(
      await admin.fetch("/api/cases/close-reasons/referred", {
        method: "PUT",
        json: {
          reasons: [
            {
              code: "public_lab",
              labelJa: "公設試験研究機関を紹介",
              labelEn: "Referred to a public lab",
              guideline: false,
            },
            { code: "referred_other", labelJa: "その他", labelEn: "Other" },
          ],
        },
      }),
    );
    expect(saved.map((r) => r.code)).toEqual(["public_lab", "referred_other"]);
    const closed = await ok(
      await shinetsu.patch(`/api/cases/${c.id}`, {
        version: c.version,
        stageCode: "referred",
        closeReasonCode: "public_lab",
      }),
    );
    expect(closed).toMatchObject({ stageKind: "closed", closeReasonCode: "public_lab" });

    // A reason given for a closed case cannot be removed, only deactivated.
    const removing = await problem(
      await admin.fetch("/api/cases/close-reasons/referred", {
        method: "PUT",
        json: { reasons: [{ code: "referred_other", labelJa: "その他", labelEn: "Other" }] },
      }),
    );
    expect(removing.message).toContain('"public_lab" was given for closed cases');
    await ok(
      await admin.fetch("/api/cases/close-reasons/referred", {
        method: "PUT",
        json: {
          reasons: [
            {
              code: "public_lab",
              labelJa: "公設試験研究機関を紹介",
              labelEn: "Referred to a public lab",
              active: false,
            },
            { code: "referred_other", labelJa: "その他", labelEn: "Other" },
          ],
        },
      }),
    );
    const active = await ok<{ closeReasons: Reason[] }>(await shinetsu.get("/api/cases/stages"));
    expect(active.closeReasons.filter((r) => r.stageCode === "referred").map((r) => r.code)).toEqual([
      "referred_other",
    ]);
    // The default list goes back as it was (other tests read it).
    await ok(
      await admin.fetch("/api/cases/stages/*", {
        method: "PUT",
        json: {
          stages: [
            ...all.stages,
            {
              code: "referred",
              kind: "closed",
              labelJa: "他機関紹介",
              labelEn: "Referred elsewhere",
              active: false,
            },
          ],
        },
      }),
    );
  });
});
