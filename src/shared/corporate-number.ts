/**
 * 法人番号 (corporate number): 13 digits, the first of which is a check digit over the other 12
 * (国税庁「法人番号の指定等に関する省令」): check = 9 − (Σ Pn × Qn mod 9), where Pn is the n-th digit of the
 * 12-digit base counted from the right and Qn is 1 for odd n, 2 for even n.
 *
 * @example
 *   checkCorporateNumber("7000012050002") // { ok: true, value: "7000012050002" } (国税庁)
 *   checkCorporateNumber("1000012050002") // { ok: false, reason: "check_digit", ... }
 */
export type CorporateNumberCheck =
  | { ok: true; value: string }
  | { ok: false; reason: "format" | "check_digit"; message: string };

export function corporateNumberCheckDigit(base12: string): number {
  if (!/^\d{12}$/.test(base12)) throw new RangeError("The base of a corporate number is 12 digits");
  let sum = 0;
  for (let n = 1; n <= 12; n++) {
    const digit = Number(base12[12 - n]);
    sum += digit * (n % 2 === 1 ? 1 : 2);
  }
  return 9 - (sum % 9);
}

/** Accepts full-width digits and hyphens or spaces between digit groups. */
export function checkCorporateNumber(input: string): CorporateNumberCheck {
  const value = input.normalize("NFKC").replace(/[\s-]/g, "");
  if (!/^\d{13}$/.test(value)) {
    return { ok: false, reason: "format", message: "A corporate number (法人番号) has exactly 13 digits" };
  }
  const expected = corporateNumberCheckDigit(value.slice(1));
  if (Number(value[0]) !== expected) {
    return {
      ok: false,
      reason: "check_digit",
      message: `The check digit of corporate number ${value} is wrong (the first digit should be ${expected})`,
    };
  }
  return { ok: true, value };
}

/** Builds a valid corporate number from a 12-digit base (for generated demo data and tests). */
export function makeCorporateNumber(base12: string): string {
  return `${corporateNumberCheckDigit(base12)}${base12}`;
}
