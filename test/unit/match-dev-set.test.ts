/**
 * The domain dev set of bench:match-quality (bench/data/match-dev/needs.jsonl): well-formed lines, enough
 * needs in each language, unique ids, graded relevance that names seeds the demo generator really makes,
 * and the file still what build.ts makes from the hand-written needs (so that it does not rot when the
 * generator or the needs change). The sample fixture holds five of its lines.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { judge, MAX_RELEVANT } from "../../bench/data/match-dev/build";
import { NEEDS } from "../../bench/data/match-dev/needs.src";
import {
  type Catalog,
  generateCatalog,
  generateCatalogWithOrigins,
} from "../../src/server/modules/demo/catalog-generator";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const SET = path.join(ROOT, "bench/data/match-dev/needs.jsonl");
const SAMPLE = path.join(ROOT, "test/fixtures/match-dev-sample.jsonl");

interface Line {
  id: string;
  lang: "ja" | "en";
  text: string;
  relevant: Record<string, number>;
}

/** Parses a needs file, naming the line of anything malformed. */
function readSet(file: string): Line[] {
  const rows = fs.readFileSync(file, "utf8").split("\n");
  expect(rows.at(-1), `${file} ends with a newline`).toBe("");
  return rows.slice(0, -1).map((row, i) => {
    const where = `${path.basename(file)}:${i + 1}`;
    let value: unknown;
    expect(() => {
      value = JSON.parse(row);
    }, where).not.toThrow();
    const line = value as Line;
    expect(Object.keys(line).sort(), where).toEqual(["id", "lang", "relevant", "text"]);
    expect(typeof line.id, where).toBe("string");
    expect(["ja", "en"], where).toContain(line.lang);
    expect(line.text.trim().length, where).toBeGreaterThan(10);
    expect(typeof line.relevant, where).toBe("object");
    return line;
  });
}

describe("the domain dev set (bench/data/match-dev/needs.jsonl)", () => {
  let set: Line[];
  let catalog: Catalog;
  beforeAll(() => {
    set = readSet(SET);
    catalog = generateCatalog();
  });

  it("has at least 80 Japanese and 40 English needs with unique ids", () => {
    expect(set.filter((n) => n.lang === "ja").length).toBeGreaterThanOrEqual(80);
    expect(set.filter((n) => n.lang === "en").length).toBeGreaterThanOrEqual(40);
    expect(new Set(set.map((n) => n.id)).size).toBe(set.length);
  });

  it("writes Japanese needs in Japanese and English needs in English", () => {
    const japanese = /[\u3040-\u30ff\u4e00-\u9fff]/;
    for (const n of set) expect(japanese.test(n.text), n.id).toBe(n.lang === "ja");
  });

  it("grades 1 to 3, only seeds the demo generator makes, at least one and at most the cap per need", () => {
    const ids = new Set(catalog.seeds.map((s) => s.externalId));
    for (const n of set) {
      const entries = Object.entries(n.relevant);
      expect(entries.length, n.id).toBeGreaterThan(0);
      expect(entries.length, n.id).toBeLessThanOrEqual(MAX_RELEVANT);
      for (const [seed, grade] of entries) {
        expect(ids.has(seed), `${n.id}: ${seed}`).toBe(true);
        expect([1, 2, 3], `${n.id}: ${seed}`).toContain(grade);
      }
    }
  });

  it("is what build.ts makes from needs.src.ts and the generator (else: npx tsx bench/data/match-dev/build.ts)", () => {
    const { origins } = generateCatalogWithOrigins();
    expect(set.map((n) => n.id)).toEqual(NEEDS.map((n) => n.id));
    for (const [i, need] of NEEDS.entries()) {
      expect(set[i]!.text, need.id).toBe(need.text);
      expect(set[i]!.relevant, need.id).toEqual(judge(need, origins));
    }
  });

  it("samples five of its lines in test/fixtures/match-dev-sample.jsonl", () => {
    const sample = readSet(SAMPLE);
    expect(sample).toHaveLength(5);
    const byId = new Map(set.map((n) => [n.id, n]));
    for (const line of sample) expect(line, line.id).toEqual(byId.get(line.id));
  });
});
