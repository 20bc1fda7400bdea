/**
 * A contract's plan (src/server/modules/contracts/plan.ts), property-based: whatever the budget lines,
 * rate, step and number of paying parties, every fiscal year's total is its direct cost + indirect cost +
 * 研究料, the contract's totals are the sum of its years, the parties' shares (split by weights) add up to
 * each year exactly, and the consumption tax of an invoice is cut down, never rounded up.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DIRECT_KINDS } from "../../src/server/modules/contracts/codes";
import { taxOf } from "../../src/server/modules/contracts/invoices";
import {
  type ContractContent,
  type Plan,
  type PlanFacts,
  planContract,
} from "../../src/server/modules/contracts/plan";
import { indirectCost, splitByWeights } from "../../src/shared/budget";

const INSTITUTION = "00000000-0000-4000-8000-000000000001";
const companies = Array.from({ length: 5 }, (_, i) => `00000000-0000-4000-8000-00000000010${i}`);
const facts = (rateBp: number, basis: "direct" | "total", pooled: boolean): PlanFacts => ({
  type: pooled ? "pooled" : "joint",
  institutionId: INSTITUTION,
  orgs: new Map([
    [INSTITUTION, { id: INSTITUTION, type: "university", name: "大学" }],
    ...companies.map((id, i) => [id, { id, type: "company", name: `会社${i}` }] as const),
  ]),
  researchers: new Map(),
  rate: { rateBp, basis },
});

const amount = fc.integer({ min: 0, max: 500_000_000 });
const year = fc.record(
  Object.fromEntries(DIRECT_KINDS.map((k) => [k, amount])) as Record<
    (typeof DIRECT_KINDS)[number],
    typeof amount
  >,
);
const scenario = fc.record({
  years: fc.array(year, { minLength: 1, maxLength: 5 }),
  rateBp: fc.integer({ min: 0, max: 5000 }),
  basis: fc.constantFrom("direct" as const, "total" as const),
  step: fc.constantFrom(1, 10, 100, 1000),
  weights: fc.array(fc.integer({ min: 1, max: 100 }), { minLength: 1, maxLength: 5 }),
  fee: fc.integer({ min: 0, max: 1_000_000 }),
});

describe("contract plans (property-based)", () => {
  it("years add up; totals are the sum of the years; pooled shares add up to each year to the yen", () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const first = 2026;
        const content: ContractContent = {
          title: "t",
          startDate: `${first}-04-01`,
          endDate: `${first + s.years.length}-03-31`,
          rateStep: s.step,
          taxRateBp: 1000,
          parties: [],
          members: [{ kind: "hosted", name: "派遣 太郎", fees: [{ fiscalYear: first, amount: s.fee }] }],
          budget: s.years.map((y, i) => ({ fiscalYear: first + i, ...y })),
        };
        // First pass to learn each year's total, then split it among the parties by weight.
        const parties = s.weights.map((_, i) => ({ organizationId: companies[i]!, role: "member" as const }));
        const probe = planContract(
          { ...content, parties: [parties[0]!] },
          facts(s.rateBp, s.basis, false),
        ) as Plan;
        expect(Array.isArray(probe)).toBe(false);
        const shares = probe.budget.map((y) => splitByWeights(y.total, s.weights));
        const plan = planContract(
          {
            ...content,
            parties: parties.map((p, i) => ({
              ...p,
              contributions: probe.budget.map((y, j) => ({
                fiscalYear: y.fiscalYear,
                amount: shares[j]![i]!,
              })),
            })),
          },
          facts(s.rateBp, s.basis, true),
        );
        if (Array.isArray(plan)) throw new Error(JSON.stringify(plan));
        for (const y of plan.budget) {
          const direct = DIRECT_KINDS.reduce((a, k) => a + y[k], 0);
          expect(y.direct).toBe(direct);
          expect(y.indirect).toBe(indirectCost(direct, s.rateBp, s.basis, s.step));
          expect(y.indirect % s.step).toBe(0);
          expect(y.total).toBe(y.direct + y.indirect + y.researchFee);
          const paid = plan.parties.reduce((a, p) => a + (p.contributions.get(y.fiscalYear) ?? 0), 0);
          expect(paid).toBe(y.total);
        }
        expect(plan.totals.total).toBe(plan.budget.reduce((a, y) => a + y.total, 0));
        expect(plan.totals.researchFee).toBe(s.fee);
      }),
      { numRuns: 300 },
    );
  });

  it("refuses shares that miss a year's total by a single yen, naming the year", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000_000 }), (other) => {
        const content: ContractContent = {
          title: "t",
          startDate: "2026-04-01",
          endDate: "2027-03-31",
          rateStep: 1,
          taxRateBp: null,
          members: [],
          budget: [{ fiscalYear: 2026, personnel: 0, consumables: 0, travel: 0, equipment: 0, other }],
          parties: [
            {
              organizationId: companies[0]!,
              role: "member",
              contributions: [{ fiscalYear: 2026, amount: other + Math.floor((other * 3) / 10) - 1 }],
            },
          ],
        };
        const r = planContract(content, facts(3000, "direct", true));
        expect(Array.isArray(r) && r.some((p) => p.field === "parties" && p.message.includes("FY2026"))).toBe(
          true,
        );
      }),
    );
  });

  it("cuts the consumption tax down to the yen", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000_000_000 }), fc.constantFrom(800, 1000), (amount, rate) => {
        const tax = taxOf(amount, rate);
        expect(tax).toBe(Math.floor((amount * rate) / 10_000));
        expect(tax * 10_000).toBeLessThanOrEqual(amount * rate);
      }),
    );
    expect(taxOf(1_120_001, 1000)).toBe(112_000);
    expect(taxOf(999, null)).toBe(0);
  });
});
