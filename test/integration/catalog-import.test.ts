/**
 * Importing the seeds database with runImport (as the CLI does: no actor, source "cli"): the example
 * files of docs/examples, re-imports that change nothing, dry runs, bad inputs (each problem names its
 * line and field; nothing is applied unless partial) and researchmap disclosure. Updates and duplicates
 * are in catalog-import-updates.test.ts, web imports and exports in catalog-import-web.test.ts, the
 * CLI process in catalog-cli.test.ts.
 */
import fs from "node:fs";
import path from "node:path";
import iconv from "iconv-lite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ImportReport } from "../../src/server/modules/catalog/import/apply";
import { ImportFileError, type ImportKind, runImport } from "../../src/server/modules/catalog/import/run";
import { backendName, createTestDatabase, type TestDatabase } from "../helpers/db";

const EXAMPLES = path.resolve(import.meta.dirname, "../../docs/examples");
const example = (name: string) => new Uint8Array(fs.readFileSync(path.join(EXAMPLES, name)));
const utf8 = (text: string) => new TextEncoder().encode(text);
const jsonl = (...lines: unknown[]) =>
  utf8(`${lines.map((l) => (typeof l === "string" ? l : JSON.stringify(l))).join("\n")}\n`);

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.drop());

function load(
  kind: ImportKind,
  fileName: string,
  bytes: Uint8Array,
  o: { dryRun?: boolean; partial?: boolean } = {},
) {
  return runImport(t.database.db, bytes, {
    kind,
    fileName,
    actor: null,
    source: "cli",
    dryRun: o.dryRun ?? false,
    partial: o.partial ?? false,
  });
}
type Counts = Record<"researchers" | "works" | "seeds" | "links" | "revisions", number>;
async function counts(): Promise<Counts> {
  const [r] = await t.database.query<Counts>(
    `select (select count(*)::int from researchers) as researchers, (select count(*)::int from researcher_works) as works,
            (select count(*)::int from seeds) as seeds, (select count(*)::int from seed_researchers) as links,
            (select count(*)::int from revisions) as revisions`,
  );
  return Object.fromEntries(Object.entries(r!).map(([k, v]) => [k, Number(v)])) as Counts;
}
const summary = (r: ImportReport) => ({
  total: r.total,
  created: r.created,
  updated: r.updated,
  unchanged: r.unchanged,
  rejected: r.rejected,
  applied: r.applied,
});
const where = (r: ImportReport) => r.problems.map((p) => `${p.line}:${p.field}`);

describe(`the example files (${backendName})`, () => {
  it("imports researchers from JSONL, CSV and researchmap JSON", async () => {
    const a = await load("researchers", "researchers.jsonl", example("researchers.jsonl"));
    expect(summary(a)).toEqual({
      total: 6,
      created: 6,
      updated: 0,
      unchanged: 0,
      rejected: 0,
      applied: true,
    });
    const b = await load("researchers", "researchers.csv", example("researchers.csv"));
    expect(summary(b)).toEqual({
      total: 4,
      created: 4,
      updated: 0,
      unchanged: 0,
      rejected: 0,
      applied: true,
    });
    const c = await load("researchers", "researchmap-sample.json", example("researchmap-sample.json"));
    expect(summary(c)).toEqual({
      total: 2,
      created: 2,
      updated: 0,
      unchanged: 0,
      rejected: 0,
      applied: true,
    });
    expect([...a.warnings, ...b.warnings, ...c.warnings]).toEqual([]);
    // 7 papers, 1 patent, 1 grant from JSONL; 4 papers, 1 patent, 1 grant disclosed in the researchmap sample.
    expect(await counts()).toMatchObject({ researchers: 12, works: 15, revisions: 12 });
    const [taro] = await t.database.query<Record<string, unknown>>(
      "select r.erad_id, r.orcid, r.name_kana, o.code from researchers r join organizations o on o.id = r.organization_id where r.external_id = 'r-tut-001'",
    );
    expect(taro).toEqual({
      erad_id: "99990001",
      orcid: "0000-0000-0000-0108",
      name_kana: "みほん たろう",
      code: "tut",
    });
    const csvInstitutions = await t.database.query<{ code: string }>(
      "select o.code from researchers r join organizations o on o.id = r.organization_id where r.external_id like 'r-csv-%' order by r.external_id",
    );
    expect(csvInstitutions.map((r) => r.code)).toEqual(["nagaokaut", "tut", "kosen-numazu", "kosen-gifu"]);
  });

  it("keeps researchmap items that are not public out of the database", async () => {
    const works = await t.database.query<{ title: string; source: string }>(
      `select coalesce(w.title_ja, w.title_en) as title, w.source from researcher_works w join researchers r on r.id = w.researcher_id
       where r.researchmap_permalink in ('sample-shiro-mihon', 'sample-goro-mihon')`,
    );
    expect(works.length).toBe(6);
    expect(JSON.stringify(works)).not.toMatch(/取り込まれない|must not be imported|非公開|closed/i);
    const [shiro] = await t.database.query<{
      keywords_ja: string[];
      research_areas: unknown;
      erad_id: string;
    }>(
      "select keywords_ja, research_areas, erad_id from researchers where researchmap_permalink = 'sample-shiro-mihon'",
    );
    expect(shiro!.erad_id).toBe("99990011");
    expect(shiro!.keywords_ja).toEqual(["ワイヤレス給電", "電気自動車", "共振器設計"]);
    expect(JSON.stringify(shiro!.research_areas)).not.toContain("非公開");
    expect(JSON.stringify(shiro)).not.toContain("研究者のみに公開");
  });

  it("imports seeds from JSONL, CSV and the same CSV in Shift_JIS", async () => {
    const a = await load("seeds", "seeds.jsonl", example("seeds.jsonl"));
    expect(summary(a)).toEqual({
      total: 8,
      created: 8,
      updated: 0,
      unchanged: 0,
      rejected: 0,
      applied: true,
    });
    const b = await load("seeds", "seeds.csv", example("seeds.csv"));
    expect(summary(b)).toEqual({
      total: 4,
      created: 4,
      updated: 0,
      unchanged: 0,
      rejected: 0,
      applied: true,
    });
    const sjis = example("seeds-sjis.csv");
    expect(iconv.decode(Buffer.from(sjis), "cp932")).toBe(
      new TextDecoder().decode(example("seeds.csv")).replace(/^\uFEFF/, ""),
    );
    const c = await load("seeds", "seeds-sjis.csv", sjis);
    expect(summary(c)).toEqual({
      total: 4,
      created: 0,
      updated: 0,
      unchanged: 4,
      rejected: 0,
      applied: true,
    });
    expect(await counts()).toMatchObject({ seeds: 12, links: 15, revisions: 24 });

    const rows = await t.database.query<{
      external_id: string;
      status: string;
      visibility: string;
      phase: string | null;
      fields: string[];
    }>("select external_id, status, visibility, phase, fields from seeds order by external_id");
    const by = Object.fromEntries(rows.map((r) => [r.external_id, r]));
    expect(by["s-001"]).toMatchObject({
      status: "published",
      visibility: "public",
      phase: "applied",
      fields: ["mechanical", "materials"],
    });
    expect(by["s-007"]).toMatchObject({ status: "draft" });
    expect(by["s-008"]).toMatchObject({ visibility: "coordinators" });
    expect(by["s-csv-002"]).toMatchObject({ visibility: "members", phase: "basic", fields: ["civil_env"] });
    expect(by["s-csv-003"]).toMatchObject({ phase: "practical", fields: ["agri_food", "chemistry_bio"] });
    expect(by["s-csv-004"]).toMatchObject({
      status: "draft",
      visibility: "coordinators",
      fields: ["electrical", "energy"],
    });
    const [lead] = await t.database.query<{ external_id: string; role: string }>(
      `select r.external_id, sr.role from seed_researchers sr join researchers r on r.id = sr.researcher_id
       join seeds s on s.id = sr.seed_id where s.external_id = 's-004' order by sr.sort_order limit 1`,
    );
    expect(lead).toEqual({ external_id: "r-kosen-nagaoka-001", role: "lead" });
  });

  it("re-importing every file changes nothing and writes no revision", async () => {
    const before = await counts();
    for (const [kind, file] of [
      ["researchers", "researchers.jsonl"],
      ["researchers", "researchers.csv"],
      ["researchers", "researchmap-sample.json"],
      ["seeds", "seeds.jsonl"],
      ["seeds", "seeds.csv"],
      ["seeds", "seeds-sjis.csv"],
    ] as const) {
      const r = await load(kind, file, example(file));
      expect({
        file,
        created: r.created,
        updated: r.updated,
        rejected: r.rejected,
        unchanged: r.unchanged,
      }).toEqual({
        file,
        created: 0,
        updated: 0,
        rejected: 0,
        unchanged: r.total,
      });
    }
    expect(await counts()).toEqual(before);
  });

  it("a dry run reports what would change and writes nothing", async () => {
    const before = await counts();
    const file = jsonl(
      { externalId: "r-dry-1", institution: "kosen-nagano", name: { ja: "乾 一" }, eradId: "99997001" },
      { externalId: "r-tut-002", institution: "tut", name: { ja: "見本 花子（改）" }, eradId: "99990002" },
    );
    const r = await load("researchers", "dry.jsonl", file, { dryRun: true });
    expect(summary(r)).toEqual({
      total: 2,
      created: 1,
      updated: 1,
      unchanged: 0,
      rejected: 0,
      applied: false,
    });
    expect(r.dryRun).toBe(true);
    const seedsDry = await load(
      "seeds",
      "dry.jsonl",
      jsonl({ externalId: "s-dry", researchers: ["r-tut-001"], title: "乾燥" }),
      { dryRun: true },
    );
    expect(seedsDry).toMatchObject({ created: 1, applied: false });
    expect(await counts()).toEqual(before);
  });
});

describe(`bad input (${backendName})`, () => {
  it("each problem names its line and field; nothing is applied; partial applies the good lines", async () => {
    const file = jsonl(
      "# researchers with problems",
      { externalId: "r-bad-ok-1", institution: "tut", name: { ja: "良品 一" } },
      { externalId: "r-bad-2", institution: "tut" },
      { externalId: "r-bad-3", institution: "どこか大学", name: { ja: "不明 三" } },
      { externalId: "r-bad-4", institution: "tut", name: { ja: "番号 四" }, eradId: "1234-567" },
      '{"externalId": "r-bad-5", "institution": "tut", ',
      {
        externalId: "r-bad-ok-6",
        institution: "kosen-nagaoka",
        name: { ja: "良品 六" },
        papers: [{ title: "論文", year: "昔" }],
      },
      { externalId: "r-bad-ok-7", institution: "kosen-nagaoka", name: { en: "Good Seven" } },
    );
    const before = await counts();
    const r = await load("researchers", "bad.jsonl", file);
    expect(r.applied).toBe(false);
    expect(where(r)).toEqual(["3:name", "4:institution", "5:eradId", "6:null", "7:papers.0.year"]);
    expect(r.problems.find((p) => p.line === 6)!.message).toMatch(/not valid JSON/);
    expect(r.problems.find((p) => p.line === 4)!.message).toContain("どこか大学");
    expect(r.rejected).toBe(5);
    expect(await counts()).toEqual(before);

    const partial = await load("researchers", "bad.jsonl", file, { partial: true });
    expect(summary(partial)).toEqual({
      total: 7,
      created: 2,
      updated: 0,
      unchanged: 0,
      rejected: 5,
      applied: true,
    });
    expect(where(partial)).toEqual(where(r));
    const names = await t.database.query<{ external_id: string }>(
      "select external_id from researchers where external_id like 'r-bad-%' order by 1",
    );
    expect(names.map((n) => n.external_id)).toEqual(["r-bad-ok-1", "r-bad-ok-7"]);
  });

  it("a seed CSV names the column header; missing required fields and unknown researchers are rejected", async () => {
    const csv = [
      "外部ID,研究者,タイトル,TRL,段階",
      "s-bad-1,r-bad-ok-1,良いシーズ,2,",
      "s-bad-2,r-bad-ok-1,,3,",
      "s-bad-3,r-nobody,誰のシーズ,,",
      "s-bad-4,r-bad-ok-1,段階違い,2,実用化",
      ",r-bad-ok-1,IDなし,,",
    ].join("\r\n");
    const before = await counts();
    const r = await load("seeds", "bad.csv", utf8(csv));
    expect(where(r)).toEqual(["3:タイトル", "4:研究者", "5:段階", "6:外部ID"]);
    expect(r.applied).toBe(false);
    expect(await counts()).toEqual(before);
    const partial = await load("seeds", "bad.csv", utf8(csv), { partial: true });
    expect(partial).toMatchObject({ created: 1, rejected: 4, applied: true });
    expect((await counts()).seeds).toBe(before.seeds + 1);
  });

  it("a malformed e-Rad number in CSV is reported on its line and column", async () => {
    const csv = "外部ID,所属機関,氏名,e-Rad研究者番号\nr-bad-csv,tut,番号 違い,９９９９\n";
    const r = await load("researchers", "bad.csv", utf8(csv));
    expect(r.problems).toEqual([
      { line: 2, field: "e-Rad研究者番号", message: expect.stringContaining("8 digits") },
    ]);
  });

  it("broken UTF-8, and bytes that are neither UTF-8 nor Shift_JIS, are refused with the line", async () => {
    const before = await counts();
    const good = utf8('{"externalId": "r-enc-1", "institution": "tut", "name": {"ja": "符号 一"}}\n');
    const broken = new Uint8Array([
      0xef,
      0xbb,
      0xbf,
      ...good,
      ...utf8('{"externalId": "r-enc-2", "name": "'),
      0xe7,
      0xac,
      0x22,
      0x7d,
      0x0a,
    ]);
    const fails = async (bytes: Uint8Array, o: { encoding?: "utf8" | "sjis" } = {}) => {
      try {
        await runImport(t.database.db, bytes, {
          kind: "researchers",
          fileName: "enc.jsonl",
          actor: null,
          source: "cli",
          dryRun: false,
          partial: true,
          ...o,
        });
      } catch (e) {
        expect(e).toBeInstanceOf(ImportFileError);
        return (e as ImportFileError).problems;
      }
      throw new Error("the import did not fail");
    };
    const p1 = await fails(broken);
    expect(p1).toEqual([
      {
        line: 2,
        field: null,
        message: expect.stringMatching(/neither valid UTF-8 nor Shift_JIS.*byte offset/),
      },
    ]);
    const p2 = await fails(new Uint8Array([...good, ...good.slice(0, 20), 0xfd, 0xfe, 0xff, 0x0a]));
    expect(p2[0]!.line).toBe(2);
    expect(p2[0]!.message).toMatch(/neither valid UTF-8 nor Shift_JIS/);
    const p3 = await fails(new Uint8Array([...good, 0x82, 0xa0, 0x0a]), { encoding: "utf8" });
    expect(p3[0]).toMatchObject({ line: 2, message: expect.stringContaining("not valid UTF-8") });
    expect(await counts()).toEqual(before);
    // Shift_JIS text itself is fine.
    const sjis = iconv.encode(
      '{"externalId": "r-enc-3", "institution": "豊橋技術科学大学", "name": {"ja": "符号 参"}}\n',
      "cp932",
    );
    expect(await load("researchers", "sjis.jsonl", new Uint8Array(sjis))).toMatchObject({
      created: 1,
      applied: true,
    });
  });
});
