/**
 * What of a seed or a researcher is searchable, and how much it weighs: the analysed terms kept per field
 * (for the matching engine) and the weighted search vector (for the catalogue). Title and keywords weigh
 * most, then the summary, then the body of the sheet.
 */
import { ANALYZER_VERSION, type Analyzer } from "../../text/analyzer";
import { tsvectorLiteral } from "./search-sql";

const join = (...parts: (string | null | undefined)[]) => parts.filter(Boolean).join("\n");

export interface SeedText {
  titleJa: string | null;
  titleEn: string | null;
  summaryJa: string | null;
  summaryEn: string | null;
  overviewJa: string | null;
  overviewEn: string | null;
  featuresJa: string | null;
  featuresEn: string | null;
  applicationsJa: string | null;
  applicationsEn: string | null;
  keywordsJa: string[];
  keywordsEn: string[];
  patents: string[];
}

export interface Analysis {
  terms: Record<string, string[]>;
  searchVector: string;
  /** The heavily weighted parts only (title, keywords, summary / names, keywords): ranks matches cheaply. */
  rankVector: string;
  analyzerVersion: number;
}

export function analyzeSeed(a: Analyzer, s: SeedText): Analysis {
  const title = join(s.titleJa, s.titleEn);
  const keywords = [...s.keywordsJa, ...s.keywordsEn].join("\n");
  const summary = join(s.summaryJa, s.summaryEn);
  const body = join(
    s.overviewJa,
    s.overviewEn,
    s.featuresJa,
    s.featuresEn,
    s.applicationsJa,
    s.applicationsEn,
    ...s.patents,
  );
  return {
    terms: {
      title: a.terms(title),
      keywords: a.terms(keywords),
      summary: a.terms(summary),
      body: a.terms(body),
    },
    searchVector: tsvectorLiteral([
      { weight: "A", terms: [...a.indexTerms(title), ...a.indexTerms(keywords)] },
      { weight: "B", terms: a.indexTerms(summary) },
      { weight: "C", terms: a.indexTerms(body) },
    ]),
    rankVector: tsvectorLiteral([
      { weight: "A", terms: [...a.indexTerms(title), ...a.indexTerms(keywords)] },
      { weight: "B", terms: a.indexTerms(summary) },
    ]),
    analyzerVersion: ANALYZER_VERSION,
  };
}

export interface ResearcherText {
  nameJa: string | null;
  nameEn: string | null;
  nameKana: string | null;
  department: string | null;
  keywordsJa: string[];
  keywordsEn: string[];
  researchAreas: { ja: string | null; en: string | null }[];
  biographyJa: string | null;
  biographyEn: string | null;
  equipment: {
    name: { ja: string | null; en: string | null };
    description: { ja: string | null; en: string | null };
  }[];
  works: {
    titleJa: string | null;
    titleEn: string | null;
    abstractJa?: string | null;
    abstractEn?: string | null;
  }[];
}

export function analyzeResearcher(a: Analyzer, r: ResearcherText): Analysis {
  const names = join(r.nameJa, r.nameEn);
  // The reading is indexed whole as well, so that a name typed in kana finds the person.
  const kana = r.nameKana ? [r.nameKana.replace(/[\s　]+/g, ""), ...r.nameKana.split(/[\s　]+/)] : [];
  const kanaTerms = kana.flatMap((k) => a.query(k).flatMap((g) => g.flat()));
  const keywords = [...r.keywordsJa, ...r.keywordsEn, ...r.researchAreas.flatMap((x) => [x.ja, x.en])]
    .filter(Boolean)
    .join("\n");
  const profile = join(
    r.department,
    r.biographyJa,
    r.biographyEn,
    ...r.equipment.flatMap((e) => [e.name.ja, e.name.en, e.description.ja, e.description.en]),
  );
  const works = join(...r.works.flatMap((w) => [w.titleJa, w.titleEn]));
  return {
    terms: {
      names: a.terms(names),
      keywords: a.terms(keywords),
      profile: a.terms(profile),
      works: a.terms(works),
    },
    searchVector: tsvectorLiteral([
      { weight: "A", terms: [...a.indexTerms(names), ...kanaTerms, ...a.indexTerms(keywords)] },
      { weight: "B", terms: a.indexTerms(profile) },
      { weight: "D", terms: a.indexTerms(works) },
    ]),
    rankVector: tsvectorLiteral([
      { weight: "A", terms: [...a.indexTerms(names), ...kanaTerms, ...a.indexTerms(keywords)] },
    ]),
    analyzerVersion: ANALYZER_VERSION,
  };
}

export function analyzeWork(
  a: Analyzer,
  w: { titleJa: string | null; titleEn: string | null; abstractJa: string | null; abstractEn: string | null },
) {
  return { title: a.terms(join(w.titleJa, w.titleEn)), abstract: a.terms(join(w.abstractJa, w.abstractEn)) };
}
