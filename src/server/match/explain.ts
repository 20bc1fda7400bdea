/**
 * Explanations: the words of a text that matched, marked for display, and a one-line reason per
 * suggested researcher in the viewer's language.
 *
 * @example
 *   highlight(analyzer, "切削工具の摩耗", new Set(["摩耗"]));
 *   // [{ text: "切削工具の", match: false }, { text: "摩耗", match: true }]
 */
import type { Analyzer } from "../text/analyzer";
import type { DocumentHit } from "./engine";
import type { QueryTerm } from "./types";

export interface Highlight {
  text: string;
  match: boolean;
}

/** Splits the (NFKC-normalised) text into plain and matched runs; matched words are those whose term is in `terms`. */
export function highlight(analyzer: Analyzer, text: string, terms: Set<string>): Highlight[] {
  const normalized = text.normalize("NFKC");
  const out: Highlight[] = [];
  let cursor = 0;
  const push = (t: string, match: boolean) => {
    if (!t) return;
    const last = out.at(-1);
    if (last && last.match === match) last.text += t;
    else out.push({ text: t, match });
  };
  for (const token of analyzer.tokens(normalized)) {
    const at = normalized.indexOf(token.surface, cursor);
    if (at < 0) continue;
    if (!terms.has(token.term)) continue;
    push(normalized.slice(cursor, at), false);
    push(token.surface, true);
    cursor = at + token.surface.length;
  }
  push(normalized.slice(cursor), false);
  return out;
}

/** The query words (as the reader wrote them) behind a document's matched terms. */
export function matchedWords(matched: QueryTerm[], display: (term: string) => string): string[] {
  const words: string[] = [];
  for (const q of matched) {
    if (q.via === "ngram") continue;
    const source = q.from
      .split(" ")
      .map(display)
      .join(q.via === "text" ? "" : " ");
    const word = q.via === "translation" || q.via === "synonym" ? `${source}→${q.term}` : source;
    if (!words.includes(word)) words.push(word);
  }
  return words;
}

/** One line: the best document's title, the words that matched, and how many other documents count. */
export function reasonFor(
  evidence: DocumentHit[],
  language: "ja" | "en",
  display: (term: string) => string = (t) => t,
): string {
  const best = evidence[0];
  if (!best) return "";
  const title = (language === "en" ? (best.titleEn ?? best.titleJa) : (best.titleJa ?? best.titleEn)) ?? "";
  const words = matchedWords(best.matched, display).slice(0, 5);
  const more = evidence.length - 1;
  const kind = KIND_LABEL[best.kind][language];
  // Found by the semantic stage alone: no word in common, close in meaning.
  const byMeaning = !words.length && best.semantic !== undefined;
  if (language === "en") {
    const on = words.length
      ? ` matches ${words.join(", ")}`
      : byMeaning
        ? " is close in meaning"
        : " matches the wording";
    return `${kind} “${title}”${on}${more > 0 ? ` (and ${more} more document${more > 1 ? "s" : ""})` : ""}`;
  }
  const on = words.length
    ? `が ${words.join("・")} に一致`
    : byMeaning
      ? "が内容の近さで該当"
      : "が文面に一致";
  return `${kind}「${title}」${on}${more > 0 ? `（ほか${more}件）` : ""}`;
}

const KIND_LABEL = {
  seed: { ja: "シーズ", en: "Seed" },
  profile: { ja: "研究者情報", en: "Profile" },
  paper: { ja: "論文", en: "Paper" },
  patent: { ja: "特許", en: "Patent" },
  grant: { ja: "研究課題", en: "Grant" },
  need: { ja: "ニーズ", en: "Need" },
} as const;
