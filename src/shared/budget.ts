/**
 * Contract money, to the yen: shares of a total, indirect cost by rate and basis, the allocation of a
 * contract amount to fiscal years (April–March) and its re-allocation by an amendment, and the
 * institutions' indirect-cost rate tables with effective dates. Shared by the server and the UI (a preview
 * shows what the server will store). Integer yen in, integer yen out; products are taken in BigInt, so
 * nothing is floated and nothing overflows.
 *
 * Rounding, stated once:
 * - indirect cost is cut down (切捨て) to the stated step (1, 10, 100 or 1,000 yen);
 * - a total split into parts (shares, fiscal years) uses the largest-remainder method: every part is its
 *   exact proportion cut down to the yen, and the yen left over go one each to the parts with the largest
 *   cut fractions (the earlier part first on a tie), so the parts always add up to the total exactly.
 */
import { fiscalYearOf } from "./dates";
import { assertYen } from "./money";

/** A rate in basis points (hundredths of a percent): 3000 = 30%, 1000 = 10%. */
export type BasisPoints = number;
/** Indirect cost as a share of the direct cost, or of the total (direct + indirect: older contracts). */
export type IndirectBasis = "direct" | "total";
export const INDIRECT_BASES = ["direct", "total"] as const;
export const ROUNDING_STEPS = [1, 10, 100, 1000] as const;

export class BudgetError extends Error {
  constructor(
    message: string,
    readonly field: string,
  ) {
    super(message);
    this.name = "BudgetError";
  }
}

function assertRate(rate: BasisPoints, basis: IndirectBasis) {
  const max = basis === "total" ? 9999 : 100_000;
  if (!Number.isInteger(rate) || rate < 0 || rate > max)
    throw new BudgetError(`must be a whole number of basis points from 0 to ${max}, got ${rate}`, "rate");
}

/**
 * Splits a total into parts proportional to non-negative integer weights (largest remainder). The parts add
 * up to the total exactly; each differs from its exact proportion by less than one yen.
 *
 * @example splitByWeights(100, [1, 1, 1]) // [34, 33, 33]
 */
export function splitByWeights(total: number, weights: readonly number[]): number[] {
  assertYen(total, "total");
  if (total < 0) throw new BudgetError("must not be negative", "total");
  if (!weights.length) throw new BudgetError("at least one part is needed", "weights");
  for (const w of weights)
    if (!Number.isSafeInteger(w) || w < 0)
      throw new BudgetError(`must be whole and not negative, got ${w}`, "weights");
  const sum = weights.reduce((a, b) => a + BigInt(b), 0n);
  if (sum === 0n) throw new BudgetError("the weights add up to zero", "weights");
  const t = BigInt(total);
  const parts = weights.map((w) => (t * BigInt(w)) / sum);
  const remainders = weights.map((w, i) => ({ i, r: (t * BigInt(w)) % sum }));
  let left = Number(t - parts.reduce((a, b) => a + b, 0n));
  remainders.sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  for (const { i } of remainders) {
    if (left <= 0) break;
    parts[i]! += 1n;
    left--;
  }
  return parts.map(Number);
}

/**
 * The indirect cost of a direct cost, cut down to the step.
 * - basis `direct`: direct × rate;
 * - basis `total`: the rate is a share of the total (direct + indirect), so indirect = direct × rate ÷ (1 − rate).
 *
 * @example indirectCost(1_000_000, 3000, "direct") // 300000 (30% of direct)
 * @example indirectCost(900_000, 1000, "total")    // 100000 (10% of the 1,000,000 total)
 */
export function indirectCost(direct: number, rate: BasisPoints, basis: IndirectBasis, step = 1): number {
  assertYen(direct, "direct");
  if (direct < 0) throw new BudgetError("must not be negative", "direct");
  assertRate(rate, basis);
  if (!(ROUNDING_STEPS as readonly number[]).includes(step))
    throw new BudgetError(`must be one of ${ROUNDING_STEPS.join(", ")}, got ${step}`, "step");
  const d = BigInt(direct);
  const r = BigInt(rate);
  const exact = basis === "direct" ? (d * r) / 10_000n : (d * r) / (10_000n - r);
  const s = BigInt(step);
  return Number((exact / s) * s);
}

const DAY_MS = 86_400_000;
const dayNumber = (iso: string) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso))
    throw new BudgetError(`must be a date such as 2026-04-01, got ${iso}`, "date");
  const t = Date.parse(`${iso}T00:00:00Z`);
  if (Number.isNaN(t) || new Date(t).toISOString().slice(0, 10) !== iso)
    throw new BudgetError(`is not a real date: ${iso}`, "date");
  return Math.round(t / DAY_MS);
};
const isoOfDay = (n: number) => new Date(n * DAY_MS).toISOString().slice(0, 10);

/** The days of a period (both ends included) in each fiscal year it touches. */
export function daysByFiscalYear(start: string, end: string): { fiscalYear: number; days: number }[] {
  const a = dayNumber(start);
  const b = dayNumber(end);
  if (b < a) throw new BudgetError(`the period ends (${end}) before it starts (${start})`, "end");
  const out: { fiscalYear: number; days: number }[] = [];
  let from = a;
  while (from <= b) {
    const fy = fiscalYearOf(`${isoOfDay(from)}T00:00:00+09:00`);
    const lastOfFy = dayNumber(`${fy + 1}-03-31`);
    const to = Math.min(b, lastOfFy);
    out.push({ fiscalYear: fy, days: to - from + 1 });
    from = to + 1;
  }
  return out;
}

/**
 * A contract amount allocated to the fiscal years of its period, by the days in each (largest remainder):
 * the years add up to the amount exactly.
 *
 * @example allocateToFiscalYears(3_650_000, "2026-10-01", "2027-09-30")
 *   // [{ fiscalYear: 2026, amount: 1_820_000 }, { fiscalYear: 2027, amount: 1_830_000 }]
 */
export function allocateToFiscalYears(total: number, start: string, end: string) {
  const days = daysByFiscalYear(start, end);
  const parts = splitByWeights(
    total,
    days.map((d) => d.days),
  );
  return days.map((d, i) => ({ fiscalYear: d.fiscalYear, amount: parts[i]! }));
}

/**
 * An amendment re-allocates from its date: the fiscal years that ended before the amendment's fiscal year
 * keep what they had; the new total less those is allocated by days over the rest of the (new) period,
 * from the first day of the amendment's fiscal year (or the start, if later). Refused when the new total is
 * less than what the closed years already hold.
 */
export function reallocateFrom(opts: {
  current: readonly { fiscalYear: number; amount: number }[];
  amendedOn: string;
  newTotal: number;
  start: string;
  end: string;
}): { fiscalYear: number; amount: number }[] {
  const fy = fiscalYearOf(`${opts.amendedOn}T00:00:00+09:00`);
  dayNumber(opts.amendedOn);
  const kept = opts.current.filter((c) => c.fiscalYear < fy);
  const keptSum = kept.reduce((a, c) => a + c.amount, 0);
  if (opts.newTotal < keptSum)
    throw new BudgetError(
      `the new total (${opts.newTotal}円) is less than the ${keptSum}円 of fiscal years already closed`,
      "total",
    );
  const fyStart = `${fy}-04-01`;
  const from = opts.start > fyStart ? opts.start : fyStart;
  if (from > opts.end) {
    if (opts.newTotal !== keptSum)
      throw new BudgetError(
        "the period ended before the amendment's fiscal year: the total cannot change",
        "total",
      );
    return kept.map((k) => ({ ...k }));
  }
  return [...kept.map((k) => ({ ...k })), ...allocateToFiscalYears(opts.newTotal - keptSum, from, opts.end)];
}

/** One row of an institution's indirect-cost rate table. */
export interface RateRow {
  /** Contract types the row applies to; empty: every type. */
  contractTypes: readonly string[];
  /** The first day (contract start date) the rate applies to. */
  effectiveFrom: string;
  rate: BasisPoints;
  basis: IndirectBasis;
}

/**
 * The rate for a contract starting on `startsOn`: of the rows for its type and the rows for every type,
 * the one with the latest effective date on or before the start (a newer rule replaces an older one; on
 * the same date the row for the type wins). Throws when there is none (the message says which).
 */
export function rateOn(table: readonly RateRow[], contractType: string, startsOn: string): RateRow {
  const day = dayNumber(startsOn);
  const candidates = table
    .filter(
      (r) =>
        (!r.contractTypes.length || r.contractTypes.includes(contractType)) &&
        dayNumber(r.effectiveFrom) <= day,
    )
    .sort(
      (a, b) =>
        dayNumber(b.effectiveFrom) - dayNumber(a.effectiveFrom) ||
        Number(b.contractTypes.length > 0) - Number(a.contractTypes.length > 0),
    );
  const row = candidates[0];
  if (!row)
    throw new BudgetError(
      `the rate table has no rate for ${contractType} contracts starting on ${startsOn}`,
      "rate",
    );
  return row;
}
