/**
 * Money is whole yen (integers). Fractions are cut (円未満切捨て) at a stated step, never floated.
 *
 * @example
 *   formatYen(1234567, "ja")         // "1,234,567円"
 *   formatYenCompact(690_000_000, "ja") // "6.90億円"
 *   formatYenCompact(35_000_000, "ja")  // "3,500万円"
 */
import type { Locale } from "./dates";

export function assertYen(amount: number, what = "amount"): number {
  if (!Number.isSafeInteger(amount))
    throw new RangeError(`${what} must be a whole number of yen, got ${amount}`);
  return amount;
}

/** Round a yen amount down (towards zero for positives) to a step: 1, 10, 100, 1000 … */
export function floorToStep(amount: number, step = 1): number {
  assertYen(amount);
  if (!Number.isSafeInteger(step) || step < 1)
    throw new RangeError(`step must be a positive integer, got ${step}`);
  return Math.floor(amount / step) * step;
}

const grouped = new Intl.NumberFormat("ja-JP", { maximumFractionDigits: 0 });

/** A full yen amount: ja "1,234,567円", en "¥1,234,567". */
export function formatYen(amount: number, locale: Locale): string {
  const s = grouped.format(amount);
  return locale === "ja" ? `${s}円` : `¥${s}`;
}

/**
 * A yen amount in the units Japanese reports use: 億円 from 1億, 万円 from 1万, else 円.
 * English: "¥690 million", "¥35 million", "¥12,000".
 */
export function formatYenCompact(amount: number, locale: Locale): string {
  const abs = Math.abs(amount);
  if (locale === "ja") {
    if (abs >= 100_000_000) return `${(amount / 100_000_000).toFixed(2)}億円`;
    if (abs >= 10_000) return `${grouped.format(Math.floor(amount / 10_000))}万円`;
    return formatYen(amount, locale);
  }
  if (abs >= 1_000_000) {
    const m = amount / 1_000_000;
    return `¥${new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 }).format(m)} million`;
  }
  return formatYen(amount, locale);
}
