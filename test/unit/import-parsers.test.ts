import { readFileSync } from "node:fs";
import { join } from "node:path";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import {
  parseResearchersCsv,
  parseSeedsCsv,
  RESEARCHER_CSV_COLUMNS,
  RESEARCHER_CSV_HEADERS,
  researcherCsvRow,
  SEED_CSV_COLUMNS,
  SEED_CSV_HEADERS,
  seedCsvRow,
} from "../../src/server/modules/catalog/import/csv";
import { decodeText, ImportFileError } from "../../src/server/modules/catalog/import/decode";
import { parseResearchersJsonl, parseSeedsJsonl } from "../../src/server/modules/catalog/import/jsonl";
import type { ImportProblem } from "../../src/server/modules/catalog/import/records";

const examples = join(__dirname, "../../docs/examples");
const bytes = (name: string) => new Uint8Array(readFileSync(join(examples, name)));
const example = (name: string) => decodeText(bytes(name)).text;

/** A researcher line with the minimum, plus overrides. */
const researcher = (extra: Record<string, unknown> = {}) =>
  JSON.stringify({ externalId: "r-x", institution: "tut", name: { ja: "見本 太郎" }, ...extra });
const seed = (extra: Record<string, unknown> = {}) =>
  JSON.stringify({ externalId: "s-x", researchers: ["r-x"], title: { ja: "見本シーズ" }, ...extra });

const only = (problems: ImportProblem[]) => {
  expect(problems).toHaveLength(1);
  return problems[0]!;
};

describe("example files", () => {
  it("researchers.jsonl parses without problems", () => {
    const { records, problems } = parseResearchersJsonl(example("researchers.jsonl"));
    expect(problems).toEqual([]);
    expect(records).toHaveLength(6);
    const taro = records[0]!;
    expect(taro.line).toBe(2);
    expect(taro.record.institution).toBe("豊橋技術科学大学");
    expect(taro.record.name).toEqual({ ja: "見本 太郎", en: "Taro Mihon (sample)" });
    expect(taro.record.eradId).toBe("99990001");
    expect(taro.record.papers).toHaveLength(2);
    expect(taro.record.papers[0]!.year).toBe(2022);
    expect(taro.record.researchAreas[1]).toEqual({ ja: "設計工学", en: "Design engineering" });
    expect(taro.record.equipment[0]!.name.en).toBe("Femtosecond laser processing system");
    const institutions = records.map((r) => r.record.institution);
    expect(institutions.filter((i) => i === "tut" || i === "豊橋技術科学大学")).toHaveLength(2);
    expect(institutions.filter((i) => i.startsWith("kosen-") || i.endsWith("高等専門学校"))).toHaveLength(3);
    expect(records.every((r) => r.record.papers.length > 0)).toBe(true);
    // A plain string where a bilingual text is expected is Japanese.
    expect(records[1]!.record.biography.ja).toMatch(/^画像認識/);
  });

  it("seeds.jsonl parses without problems, with defaults and derived phases", () => {
    const { records, problems } = parseSeedsJsonl(example("seeds.jsonl"));
    expect(problems).toEqual([]);
    expect(records).toHaveLength(8);
    const byId = new Map(records.map((r) => [r.record.externalId, r.record]));
    expect(byId.get("s-001")).toMatchObject({
      trl: 4,
      phase: "applied",
      status: "published",
      visibility: "public",
    });
    expect(byId.get("s-003")!.phase).toBe("basic");
    expect(byId.get("s-004")!.visibility).toBe("members");
    expect(byId.get("s-004")!.researchers).toEqual(["r-kosen-nagaoka-001", "r-nut-001"]);
    expect(byId.get("s-007")!.status).toBe("draft");
    expect(byId.get("s-008")!.phase).toBe("basic");
    expect(records.filter((r) => r.record.title.en !== null).length).toBeGreaterThanOrEqual(4);
    const researcherIds = new Set(
      parseResearchersJsonl(example("researchers.jsonl")).records.map((r) => r.record.externalId),
    );
    for (const r of records)
      for (const ref of r.record.researchers) expect(researcherIds.has(ref)).toBe(true);
  });

  it("researchers.csv parses without problems (UTF-8 with BOM, multi-line cell)", () => {
    const decoded = decodeText(bytes("researchers.csv"));
    expect(decoded.encoding).toBe("utf8");
    const { records, problems } = parseResearchersCsv(decoded.text);
    expect(problems).toEqual([]);
    expect(records.map((r) => r.line)).toEqual([2, 4, 5, 6]);
    const first = records[0]!.record;
    expect(first.externalId).toBe("r-csv-001");
    expect(first.keywords).toEqual({
      ja: ["摩擦攪拌接合", "軽金属"],
      en: ["friction stir welding", "light metals"],
    });
    expect(first.biography.ja).toContain("\n");
    expect(records[1]!.record.keywords.ja).toEqual(["木造建築", "耐震"]);
    expect(records[2]!.record.keywords.ja).toEqual(["発酵", "食品機能"]);
    expect(records[3]!.record.name).toEqual({ ja: "試料 四郎", en: null });
  });

  it("seeds.csv parses without problems, accepting Japanese labels", () => {
    const { records, problems } = parseSeedsCsv(example("seeds.csv"));
    expect(problems).toEqual([]);
    expect(records).toHaveLength(4);
    const [a, b, c, d] = records.map((r) => r.record);
    expect(a).toMatchObject({
      fields: ["mechanical", "materials"],
      trl: 5,
      phase: "applied",
      status: "published",
    });
    expect(a!.patents).toEqual(["特願2022-000002 接合方法、及び接合構造体"]);
    expect(b).toMatchObject({
      researchers: ["r-csv-002", "r-tut-001"],
      visibility: "members",
      phase: "basic",
    });
    expect(c).toMatchObject({ fields: ["agri_food", "chemistry_bio"], phase: "practical", trl: null });
    expect(d).toMatchObject({
      status: "draft",
      visibility: "coordinators",
      fields: ["electrical", "energy"],
    });
  });

  it("seeds-sjis.csv decodes (auto) to exactly the text of seeds.csv", () => {
    const sjis = decodeText(bytes("seeds-sjis.csv"));
    expect(sjis.encoding).toBe("sjis");
    expect(sjis.text).toBe(example("seeds.csv"));
    expect(decodeText(bytes("seeds-sjis.csv"), { encoding: "sjis" }).text).toBe(sjis.text);
    expect(parseSeedsCsv(sjis.text).records).toHaveLength(4);
  });
});

describe("decodeText", () => {
  it("strips a UTF-8 byte-order mark", () => {
    const out = decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0x61, 0xe3, 0x81, 0x82]));
    expect(out).toEqual({ text: "aあ", encoding: "utf8" });
  });

  it("names the line and byte of broken UTF-8 when UTF-8 is explicit", () => {
    const data = new Uint8Array([...Buffer.from("line one\nline two\nab"), 0xe3, 0x81, 0x41, 0x0a]);
    try {
      decodeText(data, { encoding: "utf8", fileName: "x.csv" });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ImportFileError);
      const p = only((e as ImportFileError).problems);
      expect(p.line).toBe(3);
      expect(p.message).toContain("byte offset 20");
      expect(p.message).toContain("x.csv");
    }
  });

  it("refuses bytes that are neither UTF-8 nor Shift_JIS, naming line and offset", () => {
    const data = new Uint8Array([...Buffer.from("外部ID,研究者\n"), 0x41, 0xff, 0xfe, 0x80, 0x0a]);
    try {
      decodeText(data);
      expect.unreachable();
    } catch (e) {
      const p = only((e as ImportFileError).problems);
      expect(p.line).toBe(2);
      const offset = Buffer.from("外部ID,研究者\n").length + 1;
      expect(p.message).toContain(`byte offset ${offset}`);
      expect(p.message).toMatch(/neither valid UTF-8 nor Shift_JIS/);
    }
  });

  it("reports an unmapped Shift_JIS code with its line", () => {
    const data = new Uint8Array([...iconv.encode("見本\r\n見本", "cp932"), 0x85, 0x40]);
    expect(() => decodeText(data, { encoding: "sjis" })).toThrow(/line 2, byte offset 10/);
  });
});

describe("JSONL problems", () => {
  it("reports JSON that does not parse, with the parser's reason", () => {
    const { records, problems } = parseResearchersJsonl(
      `${researcher()}\n\n# comment\n{"externalId": "r-2",\n`,
    );
    expect(records).toHaveLength(1);
    const p = only(problems);
    expect(p.line).toBe(4);
    expect(p.field).toBeNull();
    expect(p.message).toMatch(/not valid JSON \(.+\)/);
  });

  it("reports missing required fields", () => {
    const { records, problems } = parseResearchersJsonl(
      [
        JSON.stringify({ externalId: "r-1", name: { ja: "見本" } }),
        JSON.stringify({ institution: "tut", name: {} }),
      ].join("\n"),
    );
    expect(records).toEqual([]);
    expect(problems).toContainEqual(expect.objectContaining({ line: 1, field: "institution" }));
    expect(problems).toContainEqual(expect.objectContaining({ line: 2, field: "name" }));
    expect(problems).toContainEqual(
      expect.objectContaining({
        line: 2,
        field: "externalId",
        message: expect.stringMatching(/at least one key/),
      }),
    );
    const seeds = parseSeedsJsonl(JSON.stringify({ title: "x", researchers: [] }));
    expect(seeds.problems.map((p) => p.field).sort()).toEqual(["externalId", "researchers"]);
  });

  it("reports a malformed e-Rad number and ORCID; accepts full-width digits", () => {
    const { problems } = parseResearchersJsonl(
      [
        researcher({ eradId: "1234567" }),
        researcher({ externalId: "r-y", orcid: "0000-0000-0000-0109" }),
      ].join("\n"),
    );
    expect(problems).toEqual([
      expect.objectContaining({ line: 1, field: "eradId", message: expect.stringMatching(/8 digits/) }),
      expect.objectContaining({ line: 2, field: "orcid", message: expect.stringMatching(/check digit/) }),
    ]);
    const ok = parseResearchersJsonl(
      researcher({ eradId: "９９９９０００１", orcid: "https://orcid.org/0000-0000-0000-0108" }),
    );
    expect(ok.problems).toEqual([]);
    expect(ok.records[0]!.record).toMatchObject({ eradId: "99990001", orcid: "0000-0000-0000-0108" });
  });

  it("reports nested problems with dot paths", () => {
    const { problems } = parseResearchersJsonl(
      researcher({
        papers: [
          { title: { en: "ok" }, year: 2020 },
          { title: { en: "bad" }, year: 1850, url: "ftp://x" },
        ],
      }),
    );
    expect(problems.map((p) => p.field)).toEqual(["papers.1.year", "papers.1.url"]);
  });

  it("reports unknown field codes, bad TRL, unknown phase, status and visibility, wrong types", () => {
    const { problems } = parseSeedsJsonl(
      seed({
        fields: ["mechanical", "robotics"],
        trl: 10,
        phase: "done",
        status: "live",
        visibility: "all",
        keywords: 3,
      }),
    );
    expect(problems.map((p) => p.field).sort()).toEqual([
      "fields.1",
      "keywords",
      "phase",
      "status",
      "trl",
      "visibility",
    ]);
    expect(problems.find((p) => p.field === "fields.1")!.message).toMatch(/unknown field "robotics"/);
  });

  it("accepts labels and full-width codes, and flags a phase that contradicts the TRL", () => {
    const ok = parseSeedsJsonl(
      seed({
        fields: ["機械", "ＩＮＦＯＲＭＡＴＩＯＮ"],
        trl: "７",
        status: "下書き",
        visibility: "会員限定",
      }),
    );
    expect(ok.problems).toEqual([]);
    expect(ok.records[0]!.record).toMatchObject({
      fields: ["mechanical", "information"],
      trl: 7,
      phase: "practical",
      status: "draft",
      visibility: "members",
    });
    const bad = parseSeedsJsonl(seed({ trl: 8, phase: "基礎" }));
    expect(only(bad.problems).field).toBe("phase");
  });

  it("reports unknown keys and duplicate keys across lines", () => {
    const { records, problems } = parseResearchersJsonl(
      [
        researcher({ erad_id: "99990001" }),
        researcher({ externalId: "r-z", eradId: "99990001" }),
        researcher({ externalId: "r-z" }),
      ].join("\n"),
    );
    expect(problems).toEqual([
      expect.objectContaining({ line: 1, field: "erad_id", message: 'unknown key "erad_id"' }),
      expect.objectContaining({
        line: 3,
        field: "externalId",
        message: expect.stringMatching(/already appears on line 2/),
      }),
    ]);
    expect(records.map((r) => r.line)).toEqual([2]);
  });
});

describe("CSV problems", () => {
  const header = "外部ID,所属機関,氏名,e-Rad研究者番号";

  it("reports unknown headers on line 1, once", () => {
    const { problems, records } = parseResearchersCsv(
      `${header},好きな色,Memo\nr-1,tut,見本,99990001,青,x\n`,
    );
    const p = only(problems);
    expect(p.line).toBe(1);
    expect(p.message).toMatch(/"好きな色", "Memo"/);
    expect(records).toHaveLength(1);
  });

  it("reports a missing required header and stops", () => {
    const { problems, records } = parseResearchersCsv("外部ID,氏名\nr-1,見本\n");
    expect(only(problems)).toMatchObject({ line: 1, field: "所属機関" });
    expect(records).toEqual([]);
  });

  it("counts physical lines across quoted multi-line cells and names the header", () => {
    const text = [
      `${header},経歴・紹介`,
      'r-1,tut,見本 一,99990001,"一行目',
      "二行目",
      '三行目"',
      "",
      "r-2,tut,見本 二,1234,",
      'r-3,,見本 三,99990003,"a',
      'b"',
    ].join("\r\n");
    const { records, problems } = parseResearchersCsv(text);
    expect(records.map((r) => r.line)).toEqual([2]);
    expect(records[0]!.record.biography.ja).toBe("一行目\n二行目\n三行目");
    expect(problems).toEqual([
      expect.objectContaining({ line: 6, field: "e-Rad研究者番号" }),
      expect.objectContaining({ line: 7, field: "所属機関" }),
    ]);
  });

  it("accepts English header aliases and half-width parentheses", () => {
    const text =
      "externalId,institution,name,氏名(英語),keywords.en,eradId\nr-1,tut,見本,Mihon (sample),a; b,99990001\n";
    const { records, problems } = parseResearchersCsv(text);
    expect(problems).toEqual([]);
    expect(records[0]!.record).toMatchObject({
      name: { ja: "見本", en: "Mihon (sample)" },
      keywords: { en: ["a", "b"] },
    });
  });

  it("reports an unknown field label and a bad TRL under their headers", () => {
    const text = "外部ID,研究者,タイトル,分野,TRL\ns-1,r-1,見本,機械、ロボット,12\n";
    const { problems } = parseSeedsCsv(text);
    expect(problems.map((p) => [p.line, p.field])).toEqual([
      [2, "分野"],
      [2, "TRL"],
    ]);
  });

  it("reports a quoted cell that is never closed", () => {
    const { problems } = parseSeedsCsv('外部ID,研究者,タイトル\ns-1,r-1,見本\n\ns-2,r-1,"見本\n');
    expect(only(problems)).toMatchObject({ line: 4, message: expect.stringMatching(/never closed/) });
  });

  it("the documented example of every column is valid", () => {
    const row = (cols: readonly { header: string; example: string }[]) =>
      [cols.map((c) => c.header), cols.map((c) => c.example)]
        .map((r) => r.map((v) => `"${v}"`).join(","))
        .join("\n");
    expect(parseResearchersCsv(row(RESEARCHER_CSV_COLUMNS)).problems).toEqual([]);
    expect(parseSeedsCsv(row(SEED_CSV_COLUMNS)).problems).toEqual([]);
  });

  it("exports rows that read back to the same records", () => {
    expect(RESEARCHER_CSV_HEADERS).toEqual(RESEARCHER_CSV_COLUMNS.map((c) => c.header));
    expect(SEED_CSV_COLUMNS.filter((c) => c.required).map((c) => c.header)).toEqual(["外部ID", "研究者"]);
    const researchers = parseResearchersCsv(example("researchers.csv")).records.map((r) => r.record);
    const quote = (v: string) => `"${v.replace(/"/g, '""')}"`;
    const rText = [RESEARCHER_CSV_HEADERS, ...researchers.map(researcherCsvRow)]
      .map((r) => r.map(quote).join(","))
      .join("\n");
    expect(parseResearchersCsv(rText).records.map((r) => r.record)).toEqual(researchers);
    const seeds = parseSeedsJsonl(example("seeds.jsonl")).records.map((r) => r.record);
    const sText = [SEED_CSV_HEADERS, ...seeds.map(seedCsvRow)].map((r) => r.map(quote).join(",")).join("\n");
    expect(parseSeedsCsv(sText).records.map((r) => r.record)).toEqual(seeds);
  });
});
