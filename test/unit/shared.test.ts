import { describe, expect, it } from "vitest";
import {
  checkCorporateNumber,
  corporateNumberCheckDigit,
  makeCorporateNumber,
} from "../../src/shared/corporate-number";
import {
  fiscalYearOf,
  fiscalYearRange,
  formatDate,
  formatFiscalYear,
  warekiOf,
} from "../../src/shared/dates";
import { floorToStep, formatYen, formatYenCompact } from "../../src/shared/money";
import { normalizeForSearch } from "../../src/shared/text";

describe("fiscal years (年度)", () => {
  it("runs April to March", () => {
    expect(fiscalYearOf("2025-04-01")).toBe(2025);
    expect(fiscalYearOf("2026-03-31")).toBe(2025);
    expect(fiscalYearOf("2026-04-01")).toBe(2026);
    expect(fiscalYearRange(2025)).toEqual({ start: "2025-04-01", end: "2026-03-31" });
  });
  it("uses the date in Japan for timestamps", () => {
    // 2026-03-31 20:00 UTC is 2026-04-01 05:00 in Japan
    expect(fiscalYearOf(new Date("2026-03-31T20:00:00Z"))).toBe(2026);
    expect(fiscalYearOf(new Date("2026-03-31T14:59:59Z"))).toBe(2025);
  });
  it("names fiscal years in 和暦 and 西暦", () => {
    expect(formatFiscalYear(2025, "ja")).toBe("令和7年度");
    expect(formatFiscalYear(2019, "ja")).toBe("令和元年度");
    expect(formatFiscalYear(2018, "ja")).toBe("平成30年度");
    expect(formatFiscalYear(1988, "ja")).toBe("昭和63年度");
    expect(formatFiscalYear(2025, "ja", { calendar: "seireki" })).toBe("2025年度");
    expect(formatFiscalYear(2025, "ja", { both: true })).toBe("令和7年度（2025年度）");
    expect(formatFiscalYear(2025, "en")).toBe("FY2025 (Reiwa 7)");
    expect(formatFiscalYear(2025, "en", { calendar: "seireki" })).toBe("FY2025");
  });
});

describe("和暦", () => {
  it("changes era on the first day of the new era", () => {
    expect(warekiOf("2019-04-30")).toMatchObject({ era: { ja: "平成" }, year: 31 });
    expect(warekiOf("2019-05-01")).toMatchObject({ era: { ja: "令和" }, year: 1 });
    expect(warekiOf("1989-01-07")).toMatchObject({ era: { ja: "昭和" }, year: 64 });
    expect(warekiOf("1989-01-08")).toMatchObject({ era: { ja: "平成" }, year: 1 });
  });
  it("formats dates with 和暦 beside 西暦", () => {
    expect(formatDate("2026-11-24", "ja")).toBe("2026年11月24日（令和8年）");
    expect(formatDate("2019-05-01", "ja")).toBe("2019年5月1日（令和元年）");
    expect(formatDate("2026-11-24", "en")).toBe("24 Nov 2026");
  });
});

describe("法人番号", () => {
  it("accepts real corporate numbers", () => {
    expect(checkCorporateNumber("7000012050002")).toEqual({ ok: true, value: "7000012050002" }); // 国税庁
    expect(corporateNumberCheckDigit("000012050002")).toBe(7);
  });
  it("accepts full-width digits and hyphens", () => {
    expect(checkCorporateNumber("７０００－０１２０－５０００２")).toMatchObject({
      ok: true,
      value: "7000012050002",
    });
  });
  it("refuses a wrong check digit and a wrong length, saying why", () => {
    const bad = checkCorporateNumber("1000012050002");
    expect(bad).toMatchObject({ ok: false, reason: "check_digit" });
    expect(bad.ok ? "" : bad.message).toContain("should be 7");
    expect(checkCorporateNumber("123")).toMatchObject({ ok: false, reason: "format" });
    expect(checkCorporateNumber("70000120500a2")).toMatchObject({ ok: false, reason: "format" });
  });
  it("builds valid numbers for generated data", () => {
    for (const base of ["900001000001", "123456789012", "000000000000"]) {
      expect(checkCorporateNumber(makeCorporateNumber(base)).ok).toBe(true);
    }
  });
});

describe("money", () => {
  it("cuts fractions at a step, never floats", () => {
    expect(floorToStep(123_456, 1000)).toBe(123_000);
    expect(floorToStep(999, 1)).toBe(999);
    expect(() => floorToStep(1.5)).toThrow(/whole number/);
  });
  it("shows 円 / 万円 / 億円", () => {
    expect(formatYen(1_234_567, "ja")).toBe("1,234,567円");
    expect(formatYen(1_234_567, "en")).toBe("¥1,234,567");
    expect(formatYenCompact(690_000_000, "ja")).toBe("6.90億円");
    expect(formatYenCompact(35_000_000, "ja")).toBe("3,500万円");
    expect(formatYenCompact(9_999, "ja")).toBe("9,999円");
    expect(formatYenCompact(690_000_000, "en")).toBe("¥690 million");
  });
});

describe("search normalisation", () => {
  it("makes kana scripts and widths find each other", () => {
    expect(normalizeForSearch("ﾅｶﾞｵｶ")).toBe("ながおか");
    expect(normalizeForSearch("ナガオカ")).toBe("ながおか");
    expect(normalizeForSearch("ながおか")).toBe("ながおか");
    expect(normalizeForSearch("ＴＯＹＯＨＡＳＨＩ Univ")).toBe("toyohashiuniv");
  });
});
