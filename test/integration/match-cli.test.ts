/**
 * `kyoso match` as a child process on its own embedded database, loaded with docs/examples: the batch
 * format (one line per need, external ids, best first), the operator's admin view (drafts and
 * coordinators-only seeds are matched), a bad batch line named by line and field with nothing printed,
 * and the single-text forms.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT, runKyoso } from "../helpers/cli";

const EXAMPLES = path.join(ROOT, "docs/examples");

describe("kyoso match (a child process on its own embedded database)", () => {
  let dir: string;

  const kyoso = (args: string[]) => runKyoso(dir, args);

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "kyoso-match-cli-"));
    for (const kind of ["researchers", "seeds"]) {
      const r = await kyoso(["import", kind, path.join(EXAMPLES, `${kind}.jsonl`)]);
      expect(r.code, r.stderr).toBe(0);
    }
  }, 120_000);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("writes one line per need with seeds and researchers by external id, best first", async () => {
    const file = path.join(dir, "needs.jsonl");
    fs.writeFileSync(
      file,
      [
        { id: "n1", text: "金属部品の摩擦を減らしたい。潤滑しても摩耗が早い。" },
        { id: "n2", text: "We inspect bridges by hand and want to use drones to save labour." },
        { id: 3, text: "学習用のデータが少ないので水増ししたい" },
      ]
        .map((l) => JSON.stringify(l))
        .join("\n"),
    );
    const r = await kyoso(["match", "--batch", file, "--top", "3", "--json"]);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout
      .trim()
      .split("\n")
      .map(
        (l) =>
          JSON.parse(l) as {
            id: string;
            seeds: { externalId: string; score: number }[];
            researchers: { externalId: string; score: number }[];
          },
      );
    expect(lines.map((l) => l.id)).toEqual(["n1", "n2", "3"]);
    for (const l of lines) {
      expect(Object.keys(l)).toEqual(["id", "seeds", "researchers"]);
      expect(l.seeds.length).toBeLessThanOrEqual(3);
      const scores = l.seeds.map((s) => s.score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
      for (const s of l.seeds) expect(Object.keys(s)).toEqual(["externalId", "score"]);
    }
    expect(lines[0]!.seeds[0]).toMatchObject({ externalId: "s-001" });
    expect(lines[0]!.researchers[0]).toMatchObject({ externalId: "r-tut-001" });
    expect(lines[1]!.seeds[0]).toMatchObject({ externalId: "s-005" });
    expect(lines[1]!.researchers[0]).toMatchObject({ externalId: "r-kosen-toyota-001" });
    // The operator sees as an admin: a draft seed is matched too.
    expect(lines[2]!.seeds[0]).toMatchObject({ externalId: "s-007" });
    expect(r.stderr).toMatch(/3 need\(s\) matched/);
  });

  it("stops at a bad line, naming its line and field, and prints no results", async () => {
    const file = path.join(dir, "bad.jsonl");
    fs.writeFileSync(file, `${JSON.stringify({ id: "a", text: "摩擦" })}\n${JSON.stringify({ id: "b" })}\n`);
    const r = await kyoso(["match", "--batch", file, "--json"]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain("bad.jsonl:2 [text]");
    expect(r.stdout).toBe("");
    fs.writeFileSync(
      file,
      `${JSON.stringify({ id: "a", text: "x" })}\n${JSON.stringify({ id: "a", text: "y" })}\n`,
    );
    const dup = await kyoso(["match", "--batch", file]);
    expect(dup.stderr).toContain('bad.jsonl:2 [id]: "a" was already used on line 1');
  });

  it("matches one text, as a table or as JSON", async () => {
    const table = await kyoso(["match", "橋の点検をドローンで省力化したい", "--top", "2"]);
    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout).toContain("ドローン画像による橋梁点検の省力化");
    expect(table.stdout).toMatch(/Researchers \(best \d\)/);
    const json = await kyoso(["match", "橋の点検をドローンで省力化したい", "--json"]);
    const answer = JSON.parse(json.stdout) as {
      seeds: { externalId: string }[];
      researchers: { reason: string }[];
    };
    expect(answer.seeds[0]?.externalId).toBe("s-005");
    expect(answer.researchers[0]?.reason.length).toBeGreaterThan(0);
    const none = await kyoso(["match"]);
    expect(none.code).not.toBe(0);
    expect(none.stderr).toContain("--batch");
  });
});
