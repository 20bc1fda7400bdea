/**
 * Strict reader of the bilingual term lexicon (terms-ja-en.tsv in this folder, written for kyoso; licence:
 * the project's own). Used by the checker (check.ts) and the tests; it reports every problem with its line
 * instead of skipping bad lines, so that the file can be kept clean.
 *
 * Format: UTF-8 without BOM, LF line ends, one entry a line: `日本語<TAB>english[; english synonym …]`.
 * Lines starting with `#` are comments, blank lines are ignored.
 *
 * @example
 *   checkTermLexicon("# c\n摩耗\twear; abrasion\n").entries // [{ ja: "摩耗", en: ["wear", "abrasion"], line: 2 }]
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const TERMS_JA_EN_FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), "terms-ja-en.tsv");

export interface TermEntry {
  ja: string;
  /** English equivalents, the preferred one first. */
  en: string[];
  line: number;
}

export interface TermProblem {
  line: number;
  kind: "encoding" | "malformed" | "empty" | "duplicate" | "script";
  message: string;
}

export interface TermLexiconReport {
  entries: TermEntry[];
  problems: TermProblem[];
  /** Comment lines (including the header). */
  comments: number;
  /** Entries whose Japanese side is written without Japanese script (acronyms such as IoT, CNC). */
  latinHeadwords: number;
  /** Groups of headwords that differ only in ways the analyser folds (katakana/hiragana, a final ー). */
  foldedVariants: string[][];
}

const JAPANESE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー々〆]/u;

/** The analyser's spelling folds (see src/server/text/analyzer.ts), enough to find variant headwords. */
function fold(s: string): string {
  const t = s
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\u30a1-\u30f6]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60));
  return t.length >= 4 && t.endsWith("ー") ? t.slice(0, -1) : t;
}

export function checkTermLexicon(text: string): TermLexiconReport {
  const entries: TermEntry[] = [];
  const problems: TermProblem[] = [];
  let comments = 0;
  if (text.charCodeAt(0) === 0xfeff)
    problems.push({ line: 1, kind: "encoding", message: "starts with a BOM" });
  if (text.includes("\uFFFD"))
    problems.push({ line: 0, kind: "encoding", message: "contains U+FFFD (invalid UTF-8?)" });
  const firstLine = new Map<string, number>();
  const byFold = new Map<string, string[]>();
  for (const [i, raw] of text.split("\n").entries()) {
    const line = i + 1;
    const bad = (kind: TermProblem["kind"], message: string) => problems.push({ line, kind, message });
    if (raw.endsWith("\r")) bad("encoding", "CRLF line end");
    const row = raw.replace(/\r$/, "");
    if (!row.trim()) continue;
    if (row.startsWith("#")) {
      comments++;
      continue;
    }
    const cells = row.split("\t");
    if (cells.length !== 2) {
      bad("malformed", `expected 2 tab-separated columns, found ${cells.length}`);
      continue;
    }
    const [ja, enCell] = cells as [string, string];
    if (ja !== ja.trim() || enCell !== enCell.trim()) bad("malformed", "spaces around a column");
    if (!ja.trim()) {
      bad("empty", "the Japanese side is empty");
      continue;
    }
    const en = enCell.split(";").map((e) => e.trim());
    if (en.every((e) => !e)) {
      bad("empty", "the English side is empty");
      continue;
    }
    if (en.some((e) => !e)) bad("empty", "an empty English form between semicolons");
    const forms = en.filter(Boolean);
    const lower = forms.map((e) => e.toLowerCase());
    if (new Set(lower).size !== lower.length) bad("duplicate", `an English form repeated in "${enCell}"`);
    for (const e of forms) if (JAPANESE.test(e)) bad("script", `English form "${e}" has Japanese script`);
    const key = ja.trim().normalize("NFKC");
    if (forms.length === 1 && forms[0]!.toLowerCase() === key.toLowerCase())
      bad("malformed", `"${ja}" only maps to itself`);
    const seen = firstLine.get(key);
    if (seen !== undefined) bad("duplicate", `"${ja}" already on line ${seen}`);
    else firstLine.set(key, line);
    const f = fold(key);
    byFold.set(f, [...(byFold.get(f) ?? []), key]);
    entries.push({ ja: ja.trim(), en: forms, line });
  }
  return {
    entries,
    problems,
    comments,
    latinHeadwords: entries.filter((e) => !JAPANESE.test(e.ja)).length,
    foldedVariants: [...byFold.values()].filter((v) => new Set(v).size > 1),
  };
}

export function readTermLexicon(file = TERMS_JA_EN_FILE): TermLexiconReport {
  return checkTermLexicon(fs.readFileSync(file, "utf8"));
}
