/**
 * Imports through the web (POST /api/imports → background job → report and problems.csv), the rights
 * of coordinators and researchers there, exports (CSV with BOM and the Japanese headers, xlsx, JSONL)
 * and the JSONL round trip into a fresh database. The CLI is in catalog-cli.test.ts.
 */
import fs from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RESEARCHER_CSV_COLUMNS, SEED_CSV_COLUMNS } from "../../src/server/modules/catalog/import/csv";
import { settleImportJob } from "../../src/server/modules/catalog/import/jobs";
import { runImport } from "../../src/server/modules/catalog/import/run";
import type { Agent, TestContext } from "../helpers/app";
import { createTestContext } from "../helpers/app";
import { backendName, createTestDatabase } from "../helpers/db";

const ROOT = path.resolve(import.meta.dirname, "../..");
const EXAMPLES = path.join(ROOT, "docs/examples");
const example = (name: string) => new Uint8Array(fs.readFileSync(path.join(EXAMPLES, name)));
const utf8 = (text: string) => new TextEncoder().encode(text);
const jsonl = (...lines: unknown[]) =>
  `${lines.map((l) => (typeof l === "string" ? l : JSON.stringify(l))).join("\n")}\n`;

interface Job {
  id: string;
  kind: string;
  status: "running" | "succeeded" | "rejected" | "failed";
  dryRun: boolean;
  partial: boolean;
  progress: { phase: string; done: number; total: number };
  report: {
    total?: number;
    created?: number;
    updated?: number;
    unchanged?: number;
    rejected?: number;
    applied?: boolean;
    problems?: { line: number; field: string | null; message: string }[];
    warnings?: { line: number; field: string | null; message: string }[];
    message?: string;
  } | null;
}

let ctx: TestContext;
let admin: Agent;
let coordinator: Agent;
beforeAll(async () => {
  ctx = await createTestContext();
  admin = await ctx.as("admin");
  coordinator = await ctx.as("coordinator"); // at tut, covering tut only
  for (const [kind, file] of [
    ["researchers", "researchers.jsonl"],
    ["researchers", "researchers.csv"],
    ["researchers", "researchmap-sample.json"],
    ["seeds", "seeds.jsonl"],
    ["seeds", "seeds.csv"],
  ] as const) {
    const r = await runImport(ctx.database.db, example(file), {
      kind,
      fileName: file,
      actor: null,
      source: "cli",
      dryRun: false,
      partial: false,
    });
    expect({ file, applied: r.applied, problems: r.problems }).toEqual({ file, applied: true, problems: [] });
  }
});
afterAll(() => ctx.close());

const json = async <T>(res: Response) => (await res.json()) as T;
async function count(sql: string): Promise<number> {
  const [r] = await ctx.database.query<{ n: number }>(sql);
  return Number(r?.n);
}
/** Uploads a file as an import and waits for the job to finish. */
async function importFile(
  agent: Agent,
  fields: { kind: string; name: string; bytes: Uint8Array; dryRun?: boolean; partial?: boolean },
) {
  const form = new FormData();
  form.set("file", new File([new Uint8Array(fields.bytes)], fields.name));
  form.set("kind", fields.kind);
  if (fields.dryRun !== undefined) form.set("dryRun", String(fields.dryRun));
  if (fields.partial !== undefined) form.set("partial", String(fields.partial));
  const res = await agent.fetch("/api/imports", { method: "POST", body: form });
  if (res.status !== 202) return { status: res.status, job: null };
  const { id } = await json<{ id: string }>(res);
  await settleImportJob(id);
  const job = await json<Job>(await agent.get(`/api/imports/${id}`));
  return { status: res.status, job };
}

describe(`imports through the web (${backendName})`, () => {
  it("an admin's upload runs in the background; the report lists counts and problems; problems.csv too", async () => {
    const file = jsonl(
      { externalId: "s-web-1", researchers: ["r-tut-001"], title: { ja: "ウェブ取込の見本" } },
      { externalId: "s-web-2", researchers: ["r-nobody"], title: { ja: "研究者不明" } },
      { externalId: "s-web-3", researchers: ["r-tut-002"] },
    );
    const before = await count("select count(*)::int as n from seeds");
    const strict = await importFile(admin, { kind: "seeds", name: "web.jsonl", bytes: utf8(file) });
    expect(strict.status).toBe(202);
    expect(strict.job).toMatchObject({
      status: "rejected",
      partial: false,
      report: { total: 3, created: 0, rejected: 2, applied: false },
    });
    expect(strict.job!.report!.problems!.map((p) => `${p.line}:${p.field}`)).toEqual([
      "2:researchers",
      "3:title",
    ]);
    expect(await count("select count(*)::int as n from seeds")).toBe(before);

    const partial = await importFile(admin, {
      kind: "seeds",
      name: "web.jsonl",
      bytes: utf8(file),
      partial: true,
    });
    expect(partial.job).toMatchObject({
      status: "succeeded",
      partial: true,
      report: { created: 1, rejected: 2, applied: true },
    });
    expect(partial.job!.progress).toMatchObject({ phase: "done", total: 3 });
    expect(await count("select count(*)::int as n from seeds")).toBe(before + 1);
    expect(
      await count(
        "select count(*)::int as n from revisions where source = 'import' and actor_email is not null",
      ),
    ).toBe(1);

    const csv = await admin.get(`/api/imports/${partial.job!.id}/problems.csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toContain("text/csv");
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parse(new TextDecoder().decode(bytes)) as string[][];
    expect(rows[0]).toEqual(["行 line", "項目 field", "内容 message"]);
    expect(rows.slice(1).map((r) => [r[0], r[1]])).toEqual([
      ["2", "researchers"],
      ["3", "title"],
    ]);

    const list = await json<Job[]>(await admin.get("/api/imports"));
    expect(list.map((j) => j.id)).toEqual(expect.arrayContaining([strict.job!.id, partial.job!.id]));
  });

  it("a dry run through the web writes nothing; an unreadable file fails with the line", async () => {
    const before = await count("select count(*)::int as n from researchers");
    const dry = await importFile(admin, {
      kind: "researchers",
      name: "dry.csv",
      bytes: utf8("外部ID,所属機関,氏名\nr-web-dry,tut,乾 太郎\n"),
      dryRun: true,
    });
    expect(dry.job).toMatchObject({
      status: "succeeded",
      dryRun: true,
      report: { created: 1, applied: false },
    });
    expect(await count("select count(*)::int as n from researchers")).toBe(before);

    const broken = await importFile(admin, {
      kind: "researchers",
      name: "broken.jsonl",
      bytes: new Uint8Array([0x7b, 0x7d, 0x0a, 0xfd, 0xfe, 0xff, 0x0a]),
    });
    expect(broken.job!.status).toBe("failed");
    expect(broken.job!.report!.problems).toEqual([
      { line: 2, field: null, message: expect.stringContaining("neither valid UTF-8 nor Shift_JIS") },
    ]);
  });

  it("a coordinator's lines for institutions they do not cover are rejected; a researcher may not import", async () => {
    const file = [
      "外部ID,所属機関,氏名,e-Rad研究者番号",
      "r-web-tut,tut,豊橋 取込,99995001",
      "r-web-kosen,kosen-nagaoka,長岡 取込,99995002",
      "r-kosen-nagaoka-001,tut,見本 次郎,",
    ].join("\n");
    const strict = await importFile(coordinator, {
      kind: "researchers",
      name: "coord.csv",
      bytes: utf8(file),
    });
    expect(strict.job).toMatchObject({ status: "rejected", report: { applied: false, rejected: 2 } });
    expect(strict.job!.report!.problems!.map((p) => `${p.line}:${p.field}`)).toEqual([
      "3:所属機関",
      "4:所属機関",
    ]);
    expect(strict.job!.report!.problems![0]!.message).toContain("you do not cover 長岡工業高等専門学校");

    const partial = await importFile(coordinator, {
      kind: "researchers",
      name: "coord.csv",
      bytes: utf8(file),
      partial: true,
    });
    expect(partial.job).toMatchObject({ status: "succeeded", report: { created: 1, rejected: 2 } });
    const rows = await ctx.database.query<{ external_id: string; code: string }>(
      "select r.external_id, o.code from researchers r join organizations o on o.id = r.organization_id where r.external_id in ('r-web-tut', 'r-web-kosen', 'r-kosen-nagaoka-001') order by 1",
    );
    expect(rows).toEqual([
      { external_id: "r-kosen-nagaoka-001", code: "kosen-nagaoka" },
      { external_id: "r-web-tut", code: "tut" },
    ]);

    const seeds = jsonl({ externalId: "s-web-kosen", researchers: ["r-kosen-nagaoka-001"], title: "越境" });
    const seedJob = await importFile(coordinator, {
      kind: "seeds",
      name: "s.jsonl",
      bytes: utf8(seeds),
      partial: true,
    });
    expect(seedJob.job!.report!.problems).toEqual([
      { line: 1, field: "researchers", message: expect.stringContaining("do not cover") },
    ]);

    // Nor may a coordinator take over a seed of another institution by naming one of their researchers.
    const takeover = jsonl({ externalId: "s-004", researchers: ["r-tut-001"], title: "乗っ取り" });
    const taken = await importFile(coordinator, {
      kind: "seeds",
      name: "t.jsonl",
      bytes: utf8(takeover),
      partial: true,
    });
    expect(taken.job!.report!.problems).toEqual([
      { line: 1, field: "externalId", message: expect.stringContaining("do not cover") },
    ]);
    expect(
      await count(
        "select count(*)::int as n from seeds where external_id = 's-004' and title_ja = '乗っ取り'",
      ),
    ).toBe(0);

    const researcher = await ctx.as("researcher");
    expect(
      (await importFile(researcher, { kind: "seeds", name: "s.jsonl", bytes: utf8(seeds) })).status,
    ).toBe(403);
    expect((await researcher.get("/api/imports")).status).toBe(403);
    expect((await researcher.get("/api/exports/seeds?format=csv")).status).toBe(403);
  });
});

describe(`exports (${backendName})`, () => {
  it("seeds and researchers as CSV: UTF-8 with a BOM and the Japanese headers of the import format", async () => {
    for (const [kind, columns, key, expectedRows] of [
      ["seeds", SEED_CSV_COLUMNS, "s-001", "select count(*)::int as n from seeds"],
      ["researchers", RESEARCHER_CSV_COLUMNS, "r-tut-001", "select count(*)::int as n from researchers"],
    ] as const) {
      const res = await admin.get(`/api/exports/${kind}?format=csv`);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-disposition")).toMatch(/attachment; .*filename\*=UTF-8''/);
      const bytes = new Uint8Array(await res.arrayBuffer());
      expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const rows = parse(new TextDecoder().decode(bytes)) as string[][];
      expect(rows[0]).toEqual(columns.map((c) => c.header));
      expect(rows.length - 1).toBe(await count(expectedRows));
      const row = rows.find((r) => r[0] === key)!;
      const cell = (header: string) => row[rows[0]!.indexOf(header)];
      if (kind === "seeds") {
        expect(cell("タイトル")).toBe("レーザー微細加工による低摩擦表面");
        expect(cell("研究者")).toBe("r-tut-001");
        expect(cell("分野")).toBe("mechanical; materials");
        expect(cell("TRL")).toBe("4");
      } else {
        expect(cell("氏名")).toBe("見本 太郎");
        expect(cell("e-Rad研究者番号")).toBe("99990001");
        expect(cell("所属機関")).toBe("tut");
      }
    }
  });

  it("seeds as xlsx: one sheet, the header row and the cells", async () => {
    const res = await admin.get("/api/exports/seeds?format=xlsx");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe(
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    const ws = wb.worksheets[0]!;
    expect(ws.name).toBe("研究シーズ");
    const header = SEED_CSV_COLUMNS.map((_, i) => ws.getRow(1).getCell(i + 1).text);
    expect(header).toEqual(SEED_CSV_COLUMNS.map((c) => c.header));
    expect(ws.rowCount - 1).toBe(await count("select count(*)::int as n from seeds"));
    const col = (h: string) => SEED_CSV_COLUMNS.findIndex((c) => c.header === h) + 1;
    let found = 0;
    ws.eachRow((row, n) => {
      if (n === 1 || row.getCell(1).text !== "s-csv-001") return;
      found++;
      expect(row.getCell(col("タイトル")).text).toBe("アルミと鋼の異種材料接合");
      expect(row.getCell(col("概要")).text).toBe(
        "摩擦攪拌接合でアルミニウム合金と鋼を接合する。\n接合部の強度は母材の9割以上。",
      );
      expect(row.getCell(col("公開範囲")).text).toBe("public");
      expect(row.getCell(col("段階")).text).toBe("applied");
    });
    expect(found).toBe(1);
  });

  it("a JSONL export imported again into the same database changes nothing, also for seeds written on the web", async () => {
    const tut = (await ctx.institution("tut")).id;
    const r = await json<{ id: string }>(
      await admin.post("/api/researchers", { organizationId: tut, nameJa: "ウェブ 登録" }),
    );
    expect(
      (
        await admin.post("/api/seeds", {
          titleJa: "ウェブで書いたシーズ",
          researcherIds: [r.id],
          status: "published",
        })
      ).status,
    ).toBe(201);
    const before = await count("select count(*)::int as n from seeds");
    const exported = new Uint8Array(await (await admin.get("/api/exports/seeds?format=jsonl")).arrayBuffer());
    const again = await runImport(ctx.database.db, exported, {
      kind: "seeds",
      fileName: "again.jsonl",
      actor: null,
      source: "cli",
      dryRun: false,
      partial: false,
    });
    expect({ created: again.created, problems: again.problems }).toEqual({ created: 0, problems: [] });
    expect(await count("select count(*)::int as n from seeds")).toBe(before);
  });

  it("a JSONL export imports into a fresh database with the same seeds (round trip)", async () => {
    const researchers = await admin.get("/api/exports/researchers?format=jsonl");
    const seeds = await admin.get("/api/exports/seeds?format=jsonl");
    const researcherBytes = new Uint8Array(await researchers.arrayBuffer());
    const seedBytes = new Uint8Array(await seeds.arrayBuffer());
    const seedCount = await count("select count(*)::int as n from seeds");
    const fresh = await createTestDatabase();
    try {
      const load = (kind: "researchers" | "seeds", bytes: Uint8Array) =>
        runImport(fresh.database.db, bytes, {
          kind,
          fileName: `${kind}.jsonl`,
          actor: null,
          source: "cli",
          dryRun: false,
          partial: false,
        });
      const r = await load("researchers", researcherBytes);
      expect({ problems: r.problems, created: r.created }).toEqual({
        problems: [],
        created: await count("select count(*)::int as n from researchers"),
      });
      const s = await load("seeds", seedBytes);
      expect({ problems: s.problems, created: s.created }).toEqual({ problems: [], created: seedCount });
      const key =
        "select external_id, title_ja, status, visibility, phase, trl from seeds where external_id like 's-0%' order by 1";
      expect(await fresh.database.query(key)).toEqual(await ctx.database.query(key));
      const links = "select count(*)::int as n from seed_researchers";
      expect(Number((await fresh.database.query<{ n: number }>(links))[0]!.n)).toBe(await count(links));
      // And again: nothing changes.
      expect(await load("seeds", seedBytes)).toMatchObject({ created: 0, updated: 0, unchanged: seedCount });
    } finally {
      await fresh.drop();
    }
  });
});
