/**
 * The expansion sources of the matching engine: the project's bilingual term lexicon (the checker finds
 * every malformed line, and the shipped file has none) and Sudachi's synonym sets as the engine reads them.
 */
import { describe, expect, it } from "vitest";
import { loadSudachiGroups } from "../../src/server/match/lexicon/sudachi";
import { checkTermLexicon, readTermLexicon } from "../../src/server/match/lexicon/terms";

describe("the bilingual term lexicon", () => {
  it("reads entries with their line numbers and English forms", () => {
    const report = checkTermLexicon("# comment\n\n摩耗\twear; abrasion\n歩留まり\tyield\n");
    expect(report.problems).toEqual([]);
    expect(report.entries).toEqual([
      { ja: "摩耗", en: ["wear", "abrasion"], line: 3 },
      { ja: "歩留まり", en: ["yield"], line: 4 },
    ]);
    expect(report.comments).toBe(1);
  });

  it("names the line of every problem instead of skipping it", () => {
    const report = checkTermLexicon("摩耗\twear\n摩耗\tabrasion\n切削 cutting\n溶接\t溶接\n");
    const byLine = report.problems.map((p) => [p.line, p.kind]);
    expect(byLine).toContainEqual([2, "duplicate"]);
    expect(report.problems.some((p) => p.line === 3)).toBe(true);
    expect(report.problems.some((p) => p.line === 4)).toBe(true);
    expect(report.problems.find((p) => p.line === 2)!.message).toContain("line 1");
  });

  it("ships without problems, with thousands of entries covering plain company words", () => {
    const report = readTermLexicon();
    expect(report.problems).toEqual([]);
    expect(report.entries.length).toBeGreaterThan(3000);
    const en = new Map(report.entries.map((e) => [e.ja, e.en]));
    expect(en.get("不良")).toContain("defect");
    expect(en.get("摩耗")).toBeDefined();
  });
});

describe("Sudachi synonym sets", () => {
  it("loads sets with at least two triggering forms, none larger than the cap", () => {
    const groups = loadSudachiGroups();
    expect(groups.length).toBeGreaterThan(5000);
    for (const g of groups.slice(0, 2000)) {
      expect(g.words.length + g.english.length + g.expandOnly.length).toBeLessThanOrEqual(12);
    }
    // One vocabulary per set: the spelling variants of コンピューター and its English form, not the
    // looser 電子計算機 (another vocabulary of the same Sudachi group).
    const computer = groups.find((g) => g.words.includes("コンピューター"));
    expect(computer).toBeDefined();
    expect(computer!.words).toContain("コンピュータ");
    expect(computer!.english).toContain("computer");
    expect(computer!.words).not.toContain("電子計算機");
  });
});
