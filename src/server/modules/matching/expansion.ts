/**
 * The expansion sources of the product's matching engine: the bilingual lexicon (written for kyoso),
 * Sudachi's synonym dictionary (Apache-2.0, the `sudachi-synonyms-dictionary` package: Japanese groups and
 * their alphabetic/English forms) and coordinators' own domain synonyms. Everything is analysed with the
 * documents' analyser once, when the engine starts.
 */
import { buildExpander, type Expander } from "../../match/expand";
import { loadSudachiGroups } from "../../match/lexicon/sudachi";
import { readTermLexicon } from "../../match/lexicon/terms";
import type { Analyzer } from "../../text/analyzer";

export async function loadExpander(analyzer: Analyzer, domainSynonyms: string[][] = []): Promise<Expander> {
  const translations: [string, string[]][] = readTermLexicon().entries.map((e) => [e.ja, e.en]);
  const synonyms: string[][] = [...domainSynonyms];
  const synonymsOneWay: [string, string[]][] = [];
  for (const g of loadSudachiGroups()) {
    if (g.words.length > 1) synonyms.push(g.words);
    if (g.expandOnly.length) for (const w of g.words) synonymsOneWay.push([w, g.expandOnly]);
    if (g.english.length) for (const ja of g.words) translations.push([ja, g.english]);
  }
  return buildExpander(analyzer, { translations, synonyms, synonymsOneWay });
}
