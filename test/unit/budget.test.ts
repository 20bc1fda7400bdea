/**
 * Contract money (src/shared/budget.ts), with property-based tests (fast-check): shares always add up to
 * the total, fiscal-year allocations add up to the contract amount, rounding never creates or loses a yen;
 * the indirect-cost rate table and its effective dates (Toyohashi: 10% before 2021-10-01, 30% from then).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  allocateToFiscalYears,
  BudgetError,
  daysByFiscalYear,
  indirectCost,
  type RateRow,
  rateOn,
  reallocateFrom,
  splitByWeights,
} from "../../src/shared/budget";

const yen = fc.integer({ min: 0, max: 100_000_000_000 }); // up to 1,000億円
const day = fc
  .integer({ min: Date.UTC(2015, 0, 1) / 86_400_000, max: Date.UTC(2040, 0, 1) / 86_400_000 })
  .map((n) => new Date(n * 86_400_000).toISOString().slice(0, 10));
const period = fc
  .tuple(day, fc.integer({ min: 0, max: 3650 }))
  .map(
    ([start, len]) =>
      [
        start,
        new Date(Date.parse(`${start}T00:00:00Z`) + len * 86_400_000).toISOString().slice(0, 10),
      ] as const,
  );
const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

describe("splitByWeights", () => {
  it("always adds up to the total, each part within a yen of its exact share", () => {
    fc.assert(
      fc.property(
        yen,
        fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 30 }),
        (total, weights) => {
          fc.pre(weights.some((w) => w > 0));
          const parts = splitByWeights(total, weights);
          expect(sum(parts)).toBe(total);
          const wsum = sum(weights);
          parts.forEach((p, i) => {
            const exact = (total * weights[i]!) / wsum;
            expect(Number.isInteger(p)).toBe(true);
            expect(Math.abs(p - exact)).toBeLessThan(1 + 1e-6);
          });
        },
      ),
      { numRuns: 500 },
    );
  });

  it("gives the left-over yen to the largest fractions, the earlier part first", () => {
    expect(splitByWeights(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(splitByWeights(10, [1, 2])).toEqual([3, 7]);
    expect(splitByWeights(0, [5, 5])).toEqual([0, 0]);
  });

  it("refuses what cannot be split, naming the field", () => {
    expect(() => splitByWeights(-1, [1])).toThrow(BudgetError);
    expect(() => splitByWeights(100, [0, 0])).toThrow(/add up to zero/);
    expect(() => splitByWeights(1.5, [1])).toThrow(/whole number of yen/);
    expect(() => splitByWeights(100, [1, -1])).toThrow(/not negative/);
  });
});

describe("indirectCost", () => {
  it("is cut down to the step: never more than the exact amount, less by under one step", () => {
    fc.assert(
      fc.property(
        yen,
        fc.integer({ min: 0, max: 9999 }),
        fc.constantFrom(1, 10, 100, 1000),
        fc.constantFrom("direct" as const, "total" as const),
        (direct, rate, step, basis) => {
          const got = indirectCost(direct, rate, basis, step);
          expect(got % step).toBe(0);
          const exactNum = BigInt(direct) * BigInt(rate);
          const exactDen = basis === "direct" ? 10_000n : 10_000n - BigInt(rate);
          // got ≤ exact < got + step, in integers: got·den ≤ num < (got + step)·den
          expect(BigInt(got) * exactDen <= exactNum).toBe(true);
          expect(exactNum < (BigInt(got) + BigInt(step)) * exactDen).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });

  it("of the direct cost, or as a share of the total", () => {
    expect(indirectCost(1_000_000, 3000, "direct")).toBe(300_000);
    expect(indirectCost(1_234_567, 3000, "direct")).toBe(370_370); // 370,370.1 cut
    expect(indirectCost(1_234_567, 3000, "direct", 1000)).toBe(370_000);
    expect(indirectCost(900_000, 1000, "total")).toBe(100_000); // 10% of the 1,000,000 total
    expect(indirectCost(1_000_000, 0, "direct")).toBe(0);
  });

  it("refuses a rate out of range, a negative cost or an unknown step", () => {
    expect(() => indirectCost(100, 10_000, "total")).toThrow(/basis points/);
    expect(() => indirectCost(-1, 3000, "direct")).toThrow(/not be negative/);
    expect(() => indirectCost(100, 3000, "direct", 5)).toThrow(/one of 1, 10, 100, 1000/);
  });
});

describe("allocation to fiscal years (April–March)", () => {
  it("counts the days of each fiscal year, both ends included", () => {
    expect(daysByFiscalYear("2026-10-01", "2027-09-30")).toEqual([
      { fiscalYear: 2026, days: 182 },
      { fiscalYear: 2027, days: 183 },
    ]);
    expect(daysByFiscalYear("2027-03-31", "2027-04-01")).toEqual([
      { fiscalYear: 2026, days: 1 },
      { fiscalYear: 2027, days: 1 },
    ]);
    expect(daysByFiscalYear("2027-04-01", "2028-03-31")).toEqual([{ fiscalYear: 2027, days: 366 }]); // 2028 is a leap year
    expect(() => daysByFiscalYear("2027-04-02", "2027-04-01")).toThrow(/ends .* before it starts/);
    expect(() => daysByFiscalYear("2027-02-30", "2027-04-01")).toThrow(/not a real date/);
  });

  it("always adds up to the contract amount, over contiguous fiscal years", () => {
    fc.assert(
      fc.property(yen, period, (total, [start, end]) => {
        const a = allocateToFiscalYears(total, start, end);
        expect(sum(a.map((x) => x.amount))).toBe(total);
        a.forEach((x, i) => {
          expect(x.amount).toBeGreaterThanOrEqual(0);
          if (i) expect(x.fiscalYear).toBe(a[i - 1]!.fiscalYear + 1);
        });
      }),
      { numRuns: 500 },
    );
  });

  it("splits by days", () => {
    expect(allocateToFiscalYears(3_650_000, "2026-10-01", "2027-09-30")).toEqual([
      { fiscalYear: 2026, amount: 1_820_000 },
      { fiscalYear: 2027, amount: 1_830_000 },
    ]);
  });

  it("re-allocates from an amendment's date: closed years keep their amounts, the total is met exactly", () => {
    fc.assert(
      fc.property(
        yen,
        yen,
        period,
        fc.integer({ min: 0, max: 3650 }),
        (total, newTotal, [start, end], offset) => {
          const current = allocateToFiscalYears(total, start, end);
          const amendedOn = new Date(Date.parse(`${start}T00:00:00Z`) + offset * 86_400_000)
            .toISOString()
            .slice(0, 10);
          const fy = Number(amendedOn.slice(0, 4)) - (Number(amendedOn.slice(5, 7)) < 4 ? 1 : 0);
          const closed = current.filter((c) => c.fiscalYear < fy);
          const closedSum = sum(closed.map((c) => c.amount));
          const lastFy = current[current.length - 1]!.fiscalYear;
          fc.pre(newTotal >= closedSum && (fy <= lastFy || newTotal === closedSum));
          const next = reallocateFrom({ current, amendedOn, newTotal, start, end });
          expect(sum(next.map((n) => n.amount))).toBe(newTotal);
          expect(next.filter((n) => n.fiscalYear < fy)).toEqual(closed);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("refuses an amendment that would take money from closed fiscal years", () => {
    const current = [2025, 2026, 2027].map((fiscalYear) => ({ fiscalYear, amount: 1_000_000 }));
    expect(() =>
      reallocateFrom({
        current,
        amendedOn: "2027-06-01",
        newTotal: 1_500_000,
        start: "2025-04-01",
        end: "2028-03-31",
      }),
    ).toThrow(/less than the 2000000円 of fiscal years already closed/);
    expect(
      reallocateFrom({
        current,
        amendedOn: "2027-06-01",
        newTotal: 4_000_000,
        start: "2025-04-01",
        end: "2028-03-31",
      }),
    ).toEqual([
      { fiscalYear: 2025, amount: 1_000_000 },
      { fiscalYear: 2026, amount: 1_000_000 },
      { fiscalYear: 2027, amount: 2_000_000 },
    ]);
  });
});

describe("the indirect-cost rate table", () => {
  // Toyohashi: 30% of direct cost for joint research starting on or after 2021-10-01, 10% before.
  const toyohashi: RateRow[] = [
    { contractTypes: ["joint"], effectiveFrom: "2010-04-01", rate: 1000, basis: "direct" },
    { contractTypes: ["joint"], effectiveFrom: "2021-10-01", rate: 3000, basis: "direct" },
    { contractTypes: [], effectiveFrom: "2016-04-01", rate: 1000, basis: "total" },
  ];

  it("takes the latest rate in effect on the contract's start date", () => {
    expect(rateOn(toyohashi, "joint", "2021-09-30").rate).toBe(1000);
    expect(rateOn(toyohashi, "joint", "2021-10-01").rate).toBe(3000);
    expect(rateOn(toyohashi, "joint", "2030-01-01").rate).toBe(3000);
    expect(rateOn(toyohashi, "commissioned", "2020-01-01")).toMatchObject({ rate: 1000, basis: "total" });
  });

  it("says when there is no rate for the start date", () => {
    expect(() => rateOn(toyohashi, "commissioned", "2015-05-01")).toThrow(
      "the rate table has no rate for commissioned contracts starting on 2015-05-01",
    );
  });

  it("lets a newer rule for every type replace an older one for a type; the same date favours the type", () => {
    const table: RateRow[] = [
      { contractTypes: ["joint"], effectiveFrom: "2015-04-01", rate: 1500, basis: "direct" },
      { contractTypes: [], effectiveFrom: "2020-04-01", rate: 2000, basis: "direct" },
      { contractTypes: ["joint"], effectiveFrom: "2020-04-01", rate: 2500, basis: "direct" },
    ];
    expect(rateOn(table, "joint", "2019-01-01").rate).toBe(1500);
    expect(rateOn(table, "joint", "2020-04-01").rate).toBe(2500);
    expect(rateOn(table, "guidance", "2020-04-01").rate).toBe(2000);
  });
});
