/**
 * Text normalisation for search: NFKC (full/half-width), lower case, katakana → hiragana, no spaces.
 * "ﾅｶﾞｵｶ", "ナガオカ" and "ながおか" all become "ながおか".
 *
 * @example
 *   normalizeForSearch("ﾅｶﾞｵｶ ｺｳｾﾝ") // "ながおかこうせん"
 */
export function katakanaToHiragana(s: string): string {
  return s.replace(/[\u30a1-\u30f6]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0x60));
}

export function normalizeForSearch(s: string): string {
  return katakanaToHiragana(s.normalize("NFKC").toLowerCase()).replace(/\s+/g, "");
}
