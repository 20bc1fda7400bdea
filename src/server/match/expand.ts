/**
 * Query expansion: synonyms (Sudachi's synonym dictionary, coordinators' domain synonyms) and
 * translations (the bilingual term lexicon), matched as term sequences so that multi-word entries work
 * both ways ("tool wear" ↔ 工具摩耗). All sides are run through the same analyser as documents, so an
 * entry matches exactly the terms a text produces.
 *
 * @example
 *   const x = buildExpander(analyzer, { translations: [["摩耗", ["wear", "abrasion"]]], synonyms: [["故障", "不具合"]] });
 *   x.expand(["tool", "wear"]); // [{ term: "摩耗", via: "translation", from: "wear", weight: 0.7 }, …]
 */
import type { Analyzer } from "../text/analyzer";
import type { QueryTerm } from "./types";

export interface ExpansionSources {
  /** [Japanese, English forms]: from the lexicon. */
  translations?: [string, string[]][];
  /** Groups of words meaning the same (any language). */
  synonyms?: string[][];
  /** Words that may be added when the first word is asked, never the other way ([from, to[]]). */
  synonymsOneWay?: [string, string[]][];
}

export interface ExpansionWeights {
  synonym: number;
  translation: number;
}

export const DEFAULT_EXPANSION_WEIGHTS: ExpansionWeights = { synonym: 0.5, translation: 0.7 };

/** What the engine asks of expansion: extra query terms for a query's terms. */
export interface QueryExpander {
  expand(terms: string[]): QueryTerm[];
}

/** Several expanders as one (e.g. the dictionaries and coordinators' synonyms): per term, the strongest wins. */
export function combineExpanders(...expanders: (QueryExpander | null | undefined)[]): QueryExpander {
  const list = expanders.filter((x): x is QueryExpander => !!x);
  return {
    expand(terms) {
      const out = new Map<string, QueryTerm>();
      for (const x of list)
        for (const t of x.expand(terms)) {
          const had = out.get(t.term);
          if (!had || had.weight < t.weight) out.set(t.term, t);
        }
      return [...out.values()];
    },
  };
}

const MAX_PHRASE = 4;
const MAX_TARGETS = 8;

export class Expander implements QueryExpander {
  /** Joined source term sequence → target term sequences, per kind. */
  private readonly translations = new Map<string, string[][]>();
  private readonly synonyms = new Map<string, string[][]>();

  constructor(private readonly weights: ExpansionWeights = DEFAULT_EXPANSION_WEIGHTS) {}

  get size() {
    return { translations: this.translations.size, synonyms: this.synonyms.size };
  }

  addTranslation(a: string[], b: string[]) {
    link(this.translations, a, b);
    link(this.translations, b, a);
  }

  addSynonyms(group: string[][]) {
    for (const a of group) for (const b of group) if (a !== b) link(this.synonyms, a, b);
  }

  addSynonymOneWay(from: string[], to: string[]) {
    link(this.synonyms, from, to);
  }

  /** Expansion terms for a query's term sequence (the original terms are not repeated). */
  expand(terms: string[]): QueryTerm[] {
    const present = new Set(terms);
    const out = new Map<string, QueryTerm>();
    const add = (term: string, weight: number, from: string, via: QueryTerm["via"]) => {
      if (present.has(term)) return;
      const had = out.get(term);
      if (!had || had.weight < weight) out.set(term, { term, weight, from, via });
    };
    for (let i = 0; i < terms.length; i++) {
      for (let n = Math.min(MAX_PHRASE, terms.length - i); n >= 1; n--) {
        const key = terms.slice(i, i + n).join(" ");
        for (const [map, weight, via] of [
          [this.translations, this.weights.translation, "translation"],
          [this.synonyms, this.weights.synonym, "synonym"],
        ] as const) {
          const targets = map.get(key);
          if (!targets) continue;
          for (const target of targets.slice(0, MAX_TARGETS)) {
            // A several-term target shares the weight, so a phrase does not outweigh the word it came from.
            const w = weight / Math.sqrt(target.length);
            for (const t of target) add(t, w, key, via);
          }
        }
      }
    }
    return [...out.values()];
  }
}

function link(map: Map<string, string[][]>, from: string[], to: string[]) {
  if (!from.length || !to.length || from.length > MAX_PHRASE) return;
  const key = from.join(" ");
  const list = map.get(key) ?? [];
  const joined = to.join(" ");
  if (key === joined || list.some((t) => t.join(" ") === joined)) return;
  list.push(to);
  map.set(key, list);
}

/** Builds an expander from raw sources, analysing every side with the documents' analyser. */
export function buildExpander(
  analyzer: Analyzer,
  sources: ExpansionSources,
  weights: ExpansionWeights = DEFAULT_EXPANSION_WEIGHTS,
): Expander {
  const x = new Expander(weights);
  const cache = new Map<string, string[]>();
  const terms = (s: string) => {
    let t = cache.get(s);
    if (!t) {
      t = analyzer.terms(s);
      cache.set(s, t);
    }
    return t;
  };
  for (const [ja, ens] of sources.translations ?? []) {
    const a = terms(ja);
    for (const en of ens) x.addTranslation(a, terms(en));
  }
  for (const group of sources.synonyms ?? []) {
    x.addSynonyms(group.map(terms).filter((t) => t.length > 0));
  }
  for (const [from, tos] of sources.synonymsOneWay ?? []) {
    for (const to of tos) x.addSynonymOneWay(terms(from), terms(to));
  }
  return x;
}
