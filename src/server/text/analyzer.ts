/**
 * The Japanese/English text analyser used by the seeds catalogue (stored search vectors) and the matching
 * engine. No HTTP, no SQL: text in, terms out.
 *
 * Pipeline: NFKC (full/half-width folded) → kuromoji (IPADIC) morphological analysis → content words only
 * (nouns, verbs, adjectives; particles, auxiliaries, symbols and generic words dropped) → base form →
 * term normalisation: lower case, katakana → hiragana, a trailing long-vowel mark dropped from words of 3+
 * kana (センサー = センサ = せんさー), English words stemmed (Porter) with stop words removed.
 *
 * @example
 *   const a = await loadAnalyzer();
 *   a.terms("センサーを用いた切削工具の摩耗推定") // ["せんさ", "用いる", "切削", "工具", "摩耗", "推定"]
 *   a.terms("Estimating tool wear with sensors")   // ["estim", "tool", "wear", "sensor"]
 */
import { createRequire } from "node:module";
import path from "node:path";
import kuromoji from "kuromoji";
import { stemmer } from "stemmer";
import { katakanaToHiragana } from "../../shared/text";

/** Bump when the output of the analyser changes: stored terms are rebuilt (see catalog/maintenance.ts). */
export const ANALYZER_VERSION = 2;

export interface Token {
  /** The normalised term (what is indexed and matched). */
  term: string;
  /** The text as written (after NFKC), for highlighting. */
  surface: string;
}

export interface Analyzer {
  /** Content tokens of a text, in order. */
  tokens(text: string): Token[];
  /** The terms of a text, in order, with repeats (term frequencies matter for ranking). */
  terms(text: string): string[];
  /**
   * Terms for a search index: the terms plus, for long kana words, their character bigrams marked with
   * `#` (so that センサ finds センサネットワーク, which the dictionary keeps as one word).
   */
  indexTerms(text: string): string[];
  /**
   * A search query as groups: every group must match (AND); a group matches when any of its alternatives
   * matches (OR); an alternative is a list of terms that must all match. A kana-only word of the query is
   * also tried whole, so that a word written in hiragana finds its katakana spelling and vice versa.
   */
  query(text: string): string[][][];
}

const KEEP_POS = new Set(["名詞", "動詞", "形容詞"]);
const DROP_DETAIL = new Set(["非自立", "代名詞", "数", "接尾", "特殊", "副詞可能", "接続詞的", "引用文字列"]);
/** Generic words that carry no meaning for search. */
const STOP_JA = new Set([
  "する",
  "ある",
  "いる",
  "なる",
  "できる",
  "れる",
  "られる",
  "せる",
  "させる",
  "いう",
  "おる",
  "くる",
  "いく",
  "こと",
  "もの",
  "ため",
  "よう",
  "これ",
  "それ",
  "あれ",
  "ここ",
  "そこ",
  "ところ",
  "とき",
  "など",
  "ほか",
  "場合",
  "方法",
  "可能",
  "利用",
  "使用",
  "本研究",
  "研究",
  "技術",
  "開発",
  "提案",
  "実現",
  "目的",
  "的",
  "ない",
  "よい",
  "いい",
  "多い",
  "おこなう",
  "行う",
  "用いる",
  "向上",
  "化",
  "等",
]);
const STOP_EN = new Set(
  "a an and are as at be been by for from has have in into is it its of on or that the their this to was were which with we our can using use used based new study research technology method".split(
    " ",
  ),
);

const ASCII_WORD = /^[a-z][a-z0-9\-']*$/;
const SYMBOLS_ONLY = /^[\p{P}\p{S}ー〜～・]+$/u;

/** Normalises one term: lower case, kana folded, long-vowel tail dropped, English stemmed. */
export function normalizeTerm(raw: string): string | null {
  let t = raw.normalize("NFKC").toLowerCase().trim();
  if (!t || SYMBOLS_ONLY.test(t)) return null;
  if (ASCII_WORD.test(t)) {
    if (STOP_EN.has(t) || t.length < 2) return null;
    return stemmer(t.replace(/'s$/, ""));
  }
  if (/^\d+$/.test(t)) return null;
  t = katakanaToHiragana(t);
  if (t.length >= 4 && t.endsWith("ー") && /^[\p{Script=Hiragana}ー]+$/u.test(t)) t = t.slice(0, -1);
  return t;
}

const KANA_WORD = /^[\p{Script=Hiragana}\p{Script=Katakana}ー]{2,}$/u;
const KANA_TERM = /^[\p{Script=Hiragana}ー]+$/u;

/** Character bigrams of a kana term, marked with `#` so they never collide with real terms. */
export function kanaBigrams(term: string): string[] {
  const out: string[] = [];
  for (let i = 0; i + 2 <= term.length; i++) out.push(`#${term.slice(i, i + 2)}`);
  return out;
}

class KuromojiAnalyzer implements Analyzer {
  private cache = new Map<string, Token[]>();

  constructor(private tokenizer: kuromoji.Tokenizer<kuromoji.IpadicFeatures>) {}

  /** Sentences are analysed once and remembered (seed sheets and papers repeat many sentences). */
  private sentenceTokens(sentence: string): Token[] {
    const hit = this.cache.get(sentence);
    if (hit) return hit;
    const out: Token[] = [];
    for (const k of this.tokenizer.tokenize(sentence)) {
      if (!KEEP_POS.has(k.pos)) continue;
      if (DROP_DETAIL.has(k.pos_detail_1)) continue;
      if (k.pos !== "名詞" && k.pos_detail_1 !== "自立") continue;
      const base = k.basic_form && k.basic_form !== "*" ? k.basic_form : k.surface_form;
      if (STOP_JA.has(base)) continue;
      const term = normalizeTerm(base);
      if (term && !STOP_JA.has(term)) out.push({ term, surface: k.surface_form });
    }
    if (this.cache.size > 100_000) this.cache.clear();
    this.cache.set(sentence, out);
    return out;
  }

  tokens(text: string): Token[] {
    const normalized = text.normalize("NFKC");
    const out: Token[] = [];
    for (const sentence of normalized.split(/(?<=[。！？!?\n])/)) {
      if (sentence.trim()) out.push(...this.sentenceTokens(sentence));
    }
    return out;
  }

  terms(text: string): string[] {
    return this.tokens(text).map((t) => t.term);
  }

  indexTerms(text: string): string[] {
    const out: string[] = [];
    for (const term of this.terms(text)) {
      out.push(term);
      if (term.length >= 4 && KANA_TERM.test(term)) out.push(...kanaBigrams(term));
    }
    return out;
  }

  query(text: string): string[][][] {
    const groups: string[][][] = [];
    for (const word of text
      .normalize("NFKC")
      .split(/[\s　]+/)
      .filter(Boolean)) {
      const alternatives: string[][] = [];
      const parts = [...new Set(this.terms(word))];
      if (parts.length) alternatives.push(parts);
      if (KANA_WORD.test(word)) {
        const whole = normalizeTerm(word);
        if (whole && !parts.includes(whole)) alternatives.push([whole]);
        // A kana word inside a longer kana compound of the text.
        if (whole && whole.length >= 2 && KANA_TERM.test(whole)) alternatives.push(kanaBigrams(whole));
      }
      if (alternatives.length) groups.push(alternatives);
    }
    return groups;
  }
}

let loading: Promise<Analyzer> | undefined;

/** Loads the kuromoji dictionary once per process (about 0.5 s, ~150 MB) and returns the analyser. */
export function loadAnalyzer(): Promise<Analyzer> {
  loading ??= new Promise<Analyzer>((resolve, reject) => {
    const require = createRequire(import.meta.url);
    const dicPath = path.join(path.dirname(require.resolve("kuromoji/package.json")), "dict");
    kuromoji.builder({ dicPath }).build((err, tokenizer) => {
      if (err) reject(err);
      else resolve(new KuromojiAnalyzer(tokenizer));
    });
  });
  return loading;
}
