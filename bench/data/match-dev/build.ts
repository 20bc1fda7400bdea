/**
 * Builds bench/data/match-dev/needs.jsonl from the hand-written needs (needs.src.ts) and the demo catalogue
 * as the generator makes it with its default options (generateCatalogWithOrigins: the same seeds as
 * generateCatalog, with what each seed was written about). Relevance is decided by topic membership only:
 * a seed's grade is the best clause of the need's judging key that its origin (field, topic, target,
 * uses) meets. No retrieval or ranking is involved, so the set does not favour any engine.
 *
 *   npx tsx bench/data/match-dev/build.ts          writes needs.jsonl, prints counts
 *   npx tsx bench/data/match-dev/build.ts --check  the same checks, writes nothing (exit 1 if it differs)
 *
 * Fails (exit 1) when a key names an unknown topic, target or use, when a need has no relevant seed or
 * more than MAX_RELEVANT (the key is then too loose: tighten it), when ids repeat, or when a need copies a
 * longer phrase of the phrase banks verbatim (needs must be written as companies write, not as seeds are).
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import {
  generateCatalogWithOrigins,
  type SeedOrigin,
} from "../../../src/server/modules/demo/catalog-generator";
import { BANKS, type Bank, GENERIC } from "../../../src/server/modules/demo/catalog-phrases";
import { FIELD_CODES } from "../../../src/shared/seeds";
import { type Clause, NEEDS, type NeedSource } from "./needs.src";

const DIR = path.dirname(fileURLToPath(import.meta.url));
const OUT = path.join(DIR, "needs.jsonl");
export const MAX_RELEVANT = 300;
/** Phrases of the banks at least this long (characters of Japanese, words of English) must not be copied. */
const MIN_COPY_JA = 6;
const MIN_COPY_EN_WORDS = 3;

export interface JudgedNeed {
  id: string;
  lang: "ja" | "en";
  text: string;
  relevant: Record<string, number>;
}

/** Problems of the judging keys against the phrase banks (unknown names, clauses that can match nothing). */
export function checkKeys(needs: NeedSource[]): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const n of needs) {
    if (seen.has(n.id)) problems.push(`${n.id}: duplicate id`);
    seen.add(n.id);
    if (!n.text.trim()) problems.push(`${n.id}: empty text`);
    if (n.judge.length === 0) problems.push(`${n.id}: no judging key`);
    for (const c of n.judge) {
      const bank = BANKS[c.field];
      if (!bank) {
        problems.push(`${n.id}: unknown field ${c.field}`);
        continue;
      }
      const topics = c.topics.map((t) => bank.topics.find((x) => x.ja === t));
      c.topics.forEach((t, i) => {
        if (!topics[i]) problems.push(`${n.id}: ${c.field} has no topic "${t}"`);
      });
      for (const g of c.targets ?? []) {
        if (!bank.targets.some((x) => x.ja === g)) problems.push(`${n.id}: ${c.field} has no target "${g}"`);
        else if (!topics.some((t) => t?.targets.some((x) => x.ja === g)))
          problems.push(`${n.id}: target "${g}" is not a target of ${c.topics.join(", ")}`);
      }
      for (const u of c.uses ?? []) {
        if (!bank.uses.some((x) => x.ja === u)) problems.push(`${n.id}: ${c.field} has no use "${u}"`);
      }
    }
  }
  return problems;
}

function meets(c: Clause, o: SeedOrigin): boolean {
  if (o.field !== c.field || !c.topics.includes(o.topic.ja)) return false;
  if (!c.targets && !c.uses) return true;
  return (c.targets?.includes(o.target.ja) ?? false) || o.uses.some((u) => c.uses?.includes(u.ja));
}

/** The graded relevant seeds of a need: the best grade of the clauses each seed's origin meets. */
export function judge(need: NeedSource, origins: SeedOrigin[]): Record<string, number> {
  const relevant: Record<string, number> = {};
  for (const o of origins) {
    let grade = 0;
    for (const c of need.judge) if (c.grade > grade && meets(c, o)) grade = c.grade;
    if (grade > 0) relevant[o.externalId] = grade;
  }
  return Object.fromEntries(Object.entries(relevant).sort(([a], [b]) => a.localeCompare(b)));
}

/** Phrases of the banks long enough that finding one in a need means it was copied, not paraphrased. */
function bankPhrases(): { ja: Set<string>; en: Set<string> } {
  const ja = new Set<string>();
  const en = new Set<string>();
  const add = (p: { ja: string; en: string }) => {
    if (!p.ja.includes("{n}") && p.ja.length >= MIN_COPY_JA) ja.add(p.ja);
    if (!p.en.includes("{n}") && p.en.split(/\s+/).length >= MIN_COPY_EN_WORDS) en.add(p.en.toLowerCase());
  };
  const banks: Bank[] = [GENERIC, ...FIELD_CODES.map((f) => BANKS[f])];
  for (const b of banks) {
    // Names of techniques, products and keywords (3Dプリンタ, 配電設備 …) may be named by a company; the
    // phrases that describe a seed's subject, uses, problems and results may not be copied.
    for (const list of [
      b.topics,
      b.procedures,
      b.uses,
      b.conventional,
      b.benefits,
      b.problems,
      b.qualities,
      b.goals,
    ]) {
      for (const p of list) add(p);
    }
    for (const c of b.conventional) if (c.problem) add(c.problem);
  }
  return { ja, en };
}

/** The longer bank phrases a need's text contains verbatim. */
export function copiedPhrases(need: NeedSource, phrases = bankPhrases()): string[] {
  if (need.lang === "ja") return [...phrases.ja].filter((p) => need.text.includes(p));
  const text = need.text.toLowerCase();
  return [...phrases.en].filter((p) => text.includes(p));
}

/** Whether the need names one of its grade-2/3 topics verbatim (the easier needs). */
function namesTopic(need: NeedSource): boolean {
  const topics = need.judge.filter((c) => c.grade >= 2).flatMap((c) => c.topics);
  return topics.some((t) => {
    const topic = BANKS[need.judge.find((c) => c.topics.includes(t))!.field].topics.find((x) => x.ja === t)!;
    return need.lang === "ja" ? need.text.includes(topic.ja) : need.text.toLowerCase().includes(topic.en);
  });
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

function main() {
  const checkOnly = process.argv.includes("--check");
  const problems = checkKeys(NEEDS);
  const { origins } = generateCatalogWithOrigins();
  const phrases = bankPhrases();
  const lines: string[] = [];
  const sizes: Record<"ja" | "en", number[]> = { ja: [], en: [] };
  let named = 0;
  console.log("id       lang  relevant   g3   g2   g1  who");
  for (const need of NEEDS) {
    const relevant = judge(need, origins);
    const grades = Object.values(relevant);
    const count = (g: number) => grades.filter((x) => x === g).length;
    console.log(
      `${need.id.padEnd(8)} ${need.lang.padEnd(4)} ${String(grades.length).padStart(9)} ${String(count(3)).padStart(4)} ${String(count(2)).padStart(4)} ${String(count(1)).padStart(4)}  ${need.who}`,
    );
    if (grades.length === 0) problems.push(`${need.id}: no relevant seed`);
    if (grades.length > MAX_RELEVANT)
      problems.push(`${need.id}: ${grades.length} relevant seeds (> ${MAX_RELEVANT}); tighten the key`);
    for (const p of copiedPhrases(need, phrases))
      problems.push(`${need.id}: copies "${p}" from the phrase banks`);
    if (namesTopic(need)) named++;
    sizes[need.lang].push(grades.length);
    const line: JudgedNeed = { id: need.id, lang: need.lang, text: need.text, relevant };
    lines.push(JSON.stringify(line));
  }
  console.log("");
  for (const lang of ["ja", "en"] as const) {
    const s = sizes[lang];
    console.log(
      `${lang}: ${s.length} needs; relevant seeds per need min ${Math.min(...s)}, median ${median(s)}, max ${Math.max(...s)}`,
    );
  }
  const all = [...sizes.ja, ...sizes.en];
  console.log(
    `all: ${all.length} needs; relevant seeds per need min ${Math.min(...all)}, median ${median(all)}, max ${Math.max(...all)}; ${named} name a topic of their key verbatim`,
  );
  if (problems.length) {
    console.log(`\nproblems (${problems.length}):`);
    for (const p of problems) console.log(`  ${p}`);
    process.exitCode = 1;
    return;
  }
  const out = `${lines.join("\n")}\n`;
  if (checkOnly) {
    const same = fs.existsSync(OUT) && fs.readFileSync(OUT, "utf8") === out;
    console.log(same ? "\nneeds.jsonl is up to date" : "\nneeds.jsonl differs from what build.ts makes");
    if (!same) process.exitCode = 1;
    return;
  }
  fs.writeFileSync(OUT, out);
  console.log(`\nwrote ${path.relative(process.cwd(), OUT)} (${lines.length} needs)`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
