/**
 * The `kyoso import` / `kyoso export` commands as child processes (`node bin/kyoso.mjs …`) on their own
 * embedded data folder, never on the test database: problems printed as FILE:LINE [field] message, the
 * exit code, FILE.rejected.csv with --partial, an undecodable file, and an xlsx export.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT, runKyoso } from "../helpers/cli";

const EXAMPLES = path.join(ROOT, "docs/examples");
const jsonl = (...lines: unknown[]) =>
  `${lines.map((l) => (typeof l === "string" ? l : JSON.stringify(l))).join("\n")}\n`;

describe("the CLI (a child process on its own embedded database)", () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "kyoso-catalog-cli-"));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const kyoso = (args: string[]) => runKyoso(dir, args);

  it("imports, reports bad lines as FILE:LINE [field] message, writes FILE.rejected.csv, exports xlsx", async () => {
    const researchers = await kyoso(["import", "researchers", path.join(EXAMPLES, "researchers.jsonl")]);
    expect({ code: researchers.code, stderr: researchers.stderr }).toMatchObject({ code: 0 });
    expect(researchers.stdout).toContain("6 record(s): 6 created");

    const bad = path.join(dir, "bad seeds.jsonl");
    fs.writeFileSync(
      bad,
      jsonl(
        { externalId: "s-cli-1", researchers: ["r-tut-001"], title: { ja: "コマンドの見本" } },
        { externalId: "s-cli-2", researchers: ["r-nobody"], title: { ja: "誰" } },
        '{"externalId": "s-cli-3"',
      ),
    );
    const partial = await kyoso(["import", "seeds", bad, "--partial"]);
    expect(partial.code).not.toBe(0);
    expect(partial.stdout).toContain(`${bad}:2 [researchers] unknown researcher(s) r-nobody`);
    expect(partial.stdout).toContain(`${bad}:3 not valid JSON`);
    expect(partial.stdout).toContain("1 created");
    const rejected = parse(
      fs.readFileSync(`${bad}.rejected.csv`, "utf8").replace(/^\uFEFF/, ""),
    ) as string[][];
    expect(rejected.map((r) => r.slice(0, 2))).toEqual([
      ["line", "field"],
      ["2", "researchers"],
      ["3", ""],
    ]);

    // A file that cannot be decoded at all: its line, plainly, and nothing written.
    const undecodable = path.join(dir, "binary.jsonl");
    fs.writeFileSync(undecodable, Buffer.from([0x7b, 0x7d, 0x0a, 0xfd, 0xfe, 0xff, 0x0a]));
    const refused = await kyoso(["import", "seeds", undecodable]);
    expect(refused.code).not.toBe(0);
    expect(refused.stdout).toContain(
      `${undecodable}:2 binary.jsonl: the file is neither valid UTF-8 nor Shift_JIS`,
    );
    expect(refused.stdout).toContain("Nothing was written");
    expect(refused.stderr).not.toContain("unexpected error");

    const out = path.join(dir, "out.xlsx");
    const exported = await kyoso(["export", "seeds", out]);
    expect({ code: exported.code, stdout: exported.stdout }).toMatchObject({
      code: 0,
      stdout: expect.stringContaining("1 seeds written"),
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).getCell(1).text).toBe("外部ID");
    expect(ws.getRow(2).getCell(1).text).toBe("s-cli-1");
    expect(ws.rowCount).toBe(2);
  }, 120_000);
});
