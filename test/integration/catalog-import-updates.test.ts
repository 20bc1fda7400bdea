/**
 * Imports that meet researchers and seeds already in the database: duplicates across institutions
 * (moves, namesakes, identifiers of two people), ORCID iDs already taken, seeds published by a later
 * import, and researcher CSV files (profile columns only) that must not drop papers or equipment.
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ImportReport } from "../../src/server/modules/catalog/import/apply";
import { type ImportKind, runImport } from "../../src/server/modules/catalog/import/run";
import { backendName, createTestDatabase, type TestDatabase } from "../helpers/db";

const EXAMPLES = path.resolve(import.meta.dirname, "../../docs/examples");
const utf8 = (text: string) => new TextEncoder().encode(text);
const jsonl = (...lines: unknown[]) => utf8(`${lines.map((l) => JSON.stringify(l)).join("\n")}\n`);

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  const r = await load(
    "researchers",
    "researchers.jsonl",
    new Uint8Array(fs.readFileSync(path.join(EXAMPLES, "researchers.jsonl"))),
  );
  expect(r).toMatchObject({ created: 6, problems: [] });
});
afterAll(() => t.drop());

function load(kind: ImportKind, fileName: string, bytes: Uint8Array, o: { partial?: boolean } = {}) {
  return runImport(t.database.db, bytes, {
    kind,
    fileName,
    actor: null,
    source: "cli",
    dryRun: false,
    partial: o.partial ?? false,
  });
}
const summary = (r: ImportReport) => ({
  total: r.total,
  created: r.created,
  updated: r.updated,
  unchanged: r.unchanged,
  rejected: r.rejected,
  applied: r.applied,
});

describe(`duplicates across institutions (${backendName})`, () => {
  it("the same e-Rad number at another institution moves the profile, with a warning", async () => {
    await load(
      "researchers",
      "a.jsonl",
      jsonl({
        externalId: "r-move",
        institution: "kosen-toba",
        name: { ja: "移動 一郎" },
        eradId: "99996001",
      }),
    );
    const moved = await load(
      "researchers",
      "b.jsonl",
      jsonl({ institution: "kosen-nagaoka", name: { ja: "移動 一郎" }, eradId: "99996001" }),
    );
    expect(summary(moved)).toMatchObject({ created: 0, updated: 1, rejected: 0, applied: true });
    expect(moved.warnings).toEqual([
      {
        line: 1,
        field: "institution",
        message: expect.stringMatching(/another institution.*moves to 長岡工業高等専門学校/),
      },
    ]);
    const rows = await t.database.query<{ code: string; external_id: string; version: number }>(
      "select o.code, r.external_id, r.version from researchers r join organizations o on o.id = r.organization_id where r.erad_id = '99996001'",
    );
    expect(rows).toEqual([{ code: "kosen-nagaoka", external_id: null, version: 2 }]);
  });

  it("the same Japanese name at another institution, sharing no identifier, is 'possibly the same person'", async () => {
    const r = await load(
      "researchers",
      "c.jsonl",
      jsonl(
        { externalId: "r-namesake", institution: "kosen-toba", name: { ja: "見本 太郎" } },
        { externalId: "r-namesake-same-inst", institution: "tut", name: { ja: "見本 花子" } },
      ),
    );
    expect(r).toMatchObject({ created: 2, applied: true });
    expect(r.warnings).toEqual([
      { line: 1, field: "name", message: expect.stringContaining("possibly the same person") },
    ]);
    const [n] = await t.database.query<{ n: number }>(
      "select count(*)::int as n from researchers where name_ja = '見本 太郎'",
    );
    expect(Number(n!.n)).toBe(2);
  });

  it("identifiers of two different researchers on one line are a problem", async () => {
    const r = await load(
      "researchers",
      "d.jsonl",
      jsonl({ externalId: "r-tut-001", institution: "tut", name: { ja: "混同" }, eradId: "99990002" }),
    );
    expect(r.problems).toEqual([
      { line: 1, field: null, message: expect.stringContaining("2 different existing researchers") },
    ]);
    expect(r.applied).toBe(false);
  });
});

describe(`updates by import (${backendName})`, () => {
  it("an ORCID iD of another researcher, or twice in one file, is a problem on field orcid", async () => {
    const taken = await load(
      "researchers",
      "o.jsonl",
      jsonl({
        externalId: "r-orcid",
        institution: "tut",
        name: { ja: "識別 一" },
        orcid: "0000-0000-0000-0108",
      }),
    );
    expect(taken.problems).toEqual([
      { line: 1, field: "orcid", message: expect.stringContaining("already belongs to 見本 太郎") },
    ]);
    const twice = await load(
      "researchers",
      "o.jsonl",
      jsonl(
        {
          externalId: "r-orcid-1",
          institution: "tut",
          name: { ja: "識別 二" },
          orcid: "0000-0002-1825-0097",
        },
        {
          externalId: "r-orcid-2",
          institution: "tut",
          name: { ja: "識別 三" },
          orcid: "0000-0002-1825-0097",
        },
      ),
      { partial: true },
    );
    expect(twice).toMatchObject({ created: 1, rejected: 1, problems: [{ line: 2, field: "orcid" }] });
    // The researcher's own ORCID iD on an update is fine.
    const same = await load(
      "researchers",
      "o.jsonl",
      jsonl({
        externalId: "r-orcid-1",
        institution: "tut",
        name: { ja: "識別 二（改）" },
        orcid: "0000-0002-1825-0097",
      }),
    );
    expect(same).toMatchObject({ updated: 1, problems: [] });
  });

  it("a seed imported as a draft and later as published gets its publication date then", async () => {
    const draft = {
      externalId: "s-later",
      researchers: ["r-tut-002"],
      title: { ja: "後で公開" },
      status: "draft",
    };
    await load("seeds", "p.jsonl", jsonl(draft));
    const publishedAt = async () =>
      (
        await t.database.query<{ published_at: string | null }>(
          "select published_at from seeds where external_id = 's-later'",
        )
      )[0]!.published_at;
    expect(await publishedAt()).toBeNull();
    expect(await load("seeds", "p.jsonl", jsonl({ ...draft, status: "published" }))).toMatchObject({
      updated: 1,
    });
    const first = await publishedAt();
    expect(first).not.toBeNull();
    await load("seeds", "p.jsonl", jsonl({ ...draft, status: "published", title: { ja: "後で公開（改）" } }));
    expect(await publishedAt()).toEqual(first);
  });

  it("a researcher CSV (profile columns only) updates the profile and keeps papers, patents, grants and equipment", async () => {
    const works =
      "select count(*)::int as n from researcher_works w join researchers r on r.id = w.researcher_id where r.external_id = 'r-tut-001'";
    const before = Number((await t.database.query<{ n: number }>(works))[0]!.n);
    expect(before).toBe(4);
    const csv = "外部ID,所属機関,氏名,e-Rad研究者番号,職名\nr-tut-001,tut,見本 太郎,99990001,教授\n";
    expect(await load("researchers", "update.csv", utf8(csv))).toMatchObject({ updated: 1, problems: [] });
    expect(Number((await t.database.query<{ n: number }>(works))[0]!.n)).toBe(before);
    const [row] = await t.database.query<{
      position: string;
      equipment: unknown[];
      terms: { works: string[] };
    }>("select position, equipment, terms from researchers where external_id = 'r-tut-001'");
    expect(row!.position).toBe("教授");
    expect(row!.equipment).toHaveLength(1);
    expect(row!.terms.works.length).toBeGreaterThan(0);
    // JSONL, which carries the lists, still replaces them.
    await load(
      "researchers",
      "update.jsonl",
      jsonl({
        externalId: "r-tut-001",
        institution: "tut",
        name: { ja: "見本 太郎" },
        eradId: "99990001",
        papers: ["新しい論文"],
      }),
    );
    expect(Number((await t.database.query<{ n: number }>(works))[0]!.n)).toBe(1);
  });
});
