/**
 * Synonym sets from Sudachi's synonym dictionary (SudachiDict synonyms.txt, © Works Applications,
 * Apache-2.0), as packaged in JSON by the npm package `sudachi-synonyms-dictionary` (v18, Apache-2.0, © azu).
 * The second expansion source of the matching engine, beside the project's own bilingual lexicon
 * (terms-ja-en.tsv).
 *
 * What is kept, and why (the fields are described in SudachiDict's docs/synonyms.md):
 * - **One set per vocabulary.** A Sudachi group gathers related vocabularies (検査 / 試験 / テスト); the
 *   forms with the same 語彙番号 (vocabularyNumber) inside a group are one vocabulary written differently:
 *   spelling variants, abbreviations, alphabetic spellings, translations (センサー / センサ / sensor). By
 *   default a set is one vocabulary, which is what can be substituted in search without changing the
 *   meaning; `{ scope: "group" }` merges a group's vocabularies instead (more recall, less precision).
 *   An item with no vocabulary number (a few dozen, mostly abbreviations listed after their full form)
 *   belongs to the vocabulary of the item before it.
 * - **展開制御フラグ (expandControl).** 0 = always used for expansion; 1 = never triggers an expansion itself
 *   but may be added when another form of its set triggers one; 2 = never used (kept in the source only so
 *   that a harmful word is not registered again). Forms with 2 are dropped. Forms with 1 go to
 *   `expandOnly`, not to `words`/`english`, so that a consumer that treats `words` and `english` as
 *   symmetric (every form expands to every other) never lets them trigger.
 * - **Mistakes are dropped**: 語形種別 間違い and 表記ゆれ 間違い表記.
 * - **Japanese words vs English forms.** Forms written in Latin script (the アルファベット表記 items, the
 *   対訳 translations, alphabetic abbreviations such as AI) go to `english`; everything else to `words`.
 *   The few 対訳 items written in katakana (ジャパン) are Japanese words.
 * - **Proper names are dropped**: items whose 分野 is a company, former company, person, university,
 *   organisation, shop, character, place or country name, and words marked offensive (不快). They do
 *   not describe technology and would only add noise to matching.
 * - **Single-character forms are dropped** (鉄, X: too ambiguous once analysed), forms are NFKC-normalised
 *   (the source escapes commas as \u002C; those are decoded) and deduplicated.
 * - **Sets larger than 12 forms are dropped** (in practice long lists of names, where substitution is
 *   unsafe), and so are sets that cannot expand anything: fewer than two triggering forms and no
 *   `expandOnly` form beside a triggering one.
 */
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

/** A set of forms that mean the same. */
export interface SudachiGroup {
  /** Japanese forms (kanji, kana, mixed) that may trigger expansion. */
  words: string[];
  /** Latin-script forms (English, alphabetic spellings and abbreviations) that may trigger expansion. */
  english: string[];
  /** Forms that may be added when another form of the set triggers, but never trigger themselves. */
  expandOnly: string[];
}

export interface SudachiOptions {
  /** "vocabulary" (default): one set per vocabulary; "group": one set per Sudachi group. */
  scope?: "vocabulary" | "group";
  /** Largest set kept (counting every form); default 12. */
  maxForms?: number;
}

interface RawItem {
  taigenYogen: string;
  expandControl: 0 | 1 | 2;
  vocabularyNumber?: number | null;
  gokeiSyubetsu: string;
  ryakusyou: string;
  hyoukiYure: string;
  bunya: string[];
  midashi: string;
}

interface RawGroup {
  id: string;
  items: RawItem[];
}

export const SUDACHI_MAX_FORMS = 12;

/** 分野 of proper names and of words marked offensive: their items are not used. */
const DROP_BUNYA = new Set([
  "企業名",
  "旧企業名",
  "人名",
  "大学名",
  "組織名",
  "旧組織名",
  "店名",
  "キャラ",
  "地名",
  "国名",
  "不快",
]);

const LATIN = /\p{Script=Latin}/u;
const JAPANESE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

function readRaw(): RawGroup[] {
  const require = createRequire(import.meta.url);
  // The package exports only its index; the JSON sits beside it.
  const dir = path.dirname(require.resolve("sudachi-synonyms-dictionary"));
  const file = path.join(dir, "sudachi-synonyms-dictionary.json");
  return JSON.parse(fs.readFileSync(file, "utf8")) as RawGroup[];
}

function clean(midashi: string): string {
  return midashi
    .replace(/\\u([0-9a-fA-F]{4})/g, (_, h: string) => String.fromCharCode(Number.parseInt(h, 16)))
    .normalize("NFKC")
    .replace(/\s+/g, " ")
    .trim();
}

const isEnglish = (form: string) => LATIN.test(form) && !JAPANESE.test(form);

function toGroup(items: RawItem[], maxForms: number): SudachiGroup | null {
  const words: string[] = [];
  const english: string[] = [];
  const expandOnly: string[] = [];
  const seen = new Set<string>();
  for (const item of items) {
    const form = clean(item.midashi);
    if ([...form].length < 2) continue;
    const key = form.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    if (item.expandControl === 1) expandOnly.push(form);
    else if (isEnglish(form)) english.push(form);
    else words.push(form);
  }
  const triggers = words.length + english.length;
  if (triggers + expandOnly.length > maxForms) return null;
  if (triggers < 2 && !(triggers === 1 && expandOnly.length > 0)) return null;
  return { words, english, expandOnly };
}

const cache = new Map<string, SudachiGroup[]>();

/**
 * Sudachi's synonym sets, filtered for search (see the module comment). Read from the installed package
 * once per process and options (about 15 MB of JSON, a few hundred milliseconds).
 */
export function loadSudachiGroups(opts: SudachiOptions = {}): SudachiGroup[] {
  const scope = opts.scope ?? "vocabulary";
  const maxForms = opts.maxForms ?? SUDACHI_MAX_FORMS;
  const key = `${scope}|${maxForms}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const out: SudachiGroup[] = [];
  for (const g of readRaw()) {
    const sets = new Map<number, RawItem[]>();
    let vocab = 0;
    for (const item of g.items) {
      vocab = item.vocabularyNumber ?? vocab;
      if (item.expandControl === 2) continue;
      if (item.gokeiSyubetsu === "間違い" || item.hyoukiYure === "間違い表記") continue;
      if (item.bunya.some((b) => DROP_BUNYA.has(b))) continue;
      const k = scope === "group" ? 0 : vocab;
      const set = sets.get(k);
      if (set) set.push(item);
      else sets.set(k, [item]);
    }
    for (const items of sets.values()) {
      const group = toGroup(items, maxForms);
      if (group) out.push(group);
    }
  }
  cache.set(key, out);
  return out;
}
