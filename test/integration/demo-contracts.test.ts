/**
 * The demo's contracts: written through the contract services, consistent to the yen, reloadable, and
 * removed with the demo without touching an operator's own rate table.
 */
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contracts, indirectRates, openCalls } from "../../src/server/db/schema";
import { rowsOf } from "../../src/server/modules/catalog/search-sql";
import { loadDemoData, removeDemoData } from "../../src/server/modules/demo";
import { createTestContext, type TestContext } from "../helpers/app";
import { backendName } from "../helpers/db";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

describe(`demo contracts (${backendName})`, () => {
  it("loads eight contracts across types and statuses, consistent to the yen, and reloads and removes them", async () => {
    const db = ctx.database.db;
    const result = await loadDemoData(db, { password: "demo-pass-123456", catalog: "small" });
    expect(result.contracts).toBe(8);
    const rows = await db.select().from(contracts);
    expect(new Set(rows.map((r) => r.type))).toEqual(
      new Set(["joint", "pooled", "consortium", "commissioned", "guidance"]),
    );
    expect(rows.map((r) => r.status).sort()).toEqual(
      [
        "accepted",
        "applied",
        "applied",
        "cancelled",
        "completed",
        "in_progress",
        "invoiced",
        "signed",
      ].sort(),
    );
    // Every contract's totals are the sum of its fiscal years, and each paying party's shares add up.
    const [bad] = await rowsOf<{ n: string }>(
      db,
      sql`select count(*) as n from contracts c where c.total <> coalesce((select sum(total) from contract_budget_years y where y.contract_id = c.id), 0)
            or c.total <> coalesce((select sum(amount) from contract_contributions x where x.contract_id = c.id), 0)`,
    );
    expect(Number(bad!.n)).toBe(0);
    const [overdue] = await rowsOf<{ n: string }>(
      db,
      sql`select count(*) as n from invoices where status = 'issued' and due_date < current_date`,
    );
    expect(Number(overdue!.n)).toBe(1);
    expect(rows.find((r) => r.rateExceptionReason)?.rateBp).toBe(2000);
    // The demo case that reached 契約 has its signed contract: the KPI's conversion and time to contract
    // have a record (signed on the day the case entered 契約, after the need was received).
    const [won] = await rowsOf<{ stage: string; signed: string; received: string; referral: string }>(
      db,
      sql`select k.stage_code as stage, c.signed_on::text as signed, (n.created_at at time zone 'Asia/Tokyo')::date::text as received,
            o.type as referral
          from contracts c join cases k on k.id = c.case_id join needs n on n.id = c.need_id
          join organizations o on o.id = n.referral_organization_id where c.status = 'signed'`,
    );
    expect(won).toMatchObject({ stage: "contracted", referral: "shinkin" });
    expect(won!.signed > won!.received).toBe(true);
    expect((await db.select().from(openCalls)).map((c) => c.status)).toEqual(["published"]);

    await loadDemoData(db, { password: "demo-pass-123456", catalog: "small" });
    expect(await db.select({ id: contracts.id }).from(contracts)).toHaveLength(8);

    // An operator's own rate row survives the demo's removal.
    const tut = (await ctx.institution("tut")).id;
    await db
      .insert(indirectRates)
      .values({ organizationId: tut, effectiveFrom: "2030-04-01", rateBp: 3500, basis: "direct" });
    await removeDemoData(db);
    expect(await db.select().from(contracts)).toHaveLength(0);
    expect(await db.select().from(openCalls)).toHaveLength(0);
    expect(
      (await db.select().from(indirectRates).where(eq(indirectRates.organizationId, tut))).map(
        (r) => r.rateBp,
      ),
    ).toEqual([3500]);
  });
});
