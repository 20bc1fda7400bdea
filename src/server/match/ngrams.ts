/**
 * Character bigrams of the Japanese parts of a text, for recall where word segmentation disagrees
 * (compounds split differently in a need and in a seed sheet, unknown words, names). Katakana is folded
 * to hiragana and the text NFKC-normalised first, so variants share bigrams; Latin text is left to the
 * word terms (stemmed), where bigrams only add noise.
 *
 * @example
 *   cjkBigrams("切削工具の摩耗") // ["#切削", "#削工", "#工具", "#具の", "#の摩", "#摩耗"]
 */
import { katakanaToHiragana } from "../../shared/text";

const CJK_RUN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー々〆]+/gu;

export function cjkBigrams(text: string): string[] {
  const out: string[] = [];
  const folded = katakanaToHiragana(text.normalize("NFKC"));
  for (const m of folded.matchAll(CJK_RUN)) {
    const run = m[0];
    if (run.length === 1) out.push(`#${run}`);
    for (let i = 0; i + 2 <= run.length; i++) out.push(`#${run.slice(i, i + 2)}`);
  }
  return out;
}
