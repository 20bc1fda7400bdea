/**
 * The domain dev set of bench:match-quality: company-style needs (bench/data/match-dev/needs.jsonl, made by
 * bench/data/match-dev/build.ts; see its README) against the demo catalogue as the generator makes it
 * (default seed: 4,200 researchers, 10,000 seeds), indexed through the same document builders as the
 * product. Seeds are judged by the set; researchers are judged through the seeds they lead (a researcher
 * counts with the best grade of their seeds).
 *
 * Two indexes of the same seeds: the bilingual one (as the generator writes them: Japanese, English for
 * some) and a Japanese-only one (every English field blanked before analysis: title, summary, overview,
 * features, applications, keywords). Japanese needs run against the bilingual index; English needs run
 * against the Japanese-only index (so that they can only match through translation), and, for comparison,
 * against the bilingual one.
 */
import fs from "node:fs";
import path from "node:path";
import { MatchEngine } from "../src/server/match/engine";
import type { Expander } from "../src/server/match/expand";
import type { MatchDoc, ResearcherMeta } from "../src/server/match/types";
import { analyzeSeeds } from "../src/server/modules/catalog/analysis-pool";
import type { Catalog } from "../src/server/modules/demo/catalog-generator";
import { generateCatalog } from "../src/server/modules/demo/catalog-generator";
import { seedDocument } from "../src/server/modules/matching/documents";
import type { Analyzer } from "../src/server/text/analyzer";
import { root } from "./lib";
import { evaluate, type Judged } from "./metrics";

const SET = path.join(root, "bench/data/match-dev/needs.jsonl");

type Need = Judged & { lang: "ja" | "en" };

/** The seeds as match documents; with `english: false` every English field is blanked before analysis. */
export async function seedDocuments(catalog: Catalog, english: boolean): Promise<MatchDoc[]> {
  const en = <T>(value: T, blank: T): T => (english ? value : blank);
  const analyses = await analyzeSeeds(
    catalog.seeds.map((s) => ({
      titleJa: s.title.ja,
      titleEn: en(s.title.en, null),
      summaryJa: s.summary.ja,
      summaryEn: en(s.summary.en, null),
      overviewJa: s.overview.ja,
      overviewEn: en(s.overview.en, null),
      featuresJa: s.features.ja,
      featuresEn: en(s.features.en, null),
      applicationsJa: s.applications.ja,
      applicationsEn: en(s.applications.en, null),
      keywordsJa: s.keywords.ja,
      keywordsEn: en(s.keywords.en, []),
      patents: s.patents,
    })),
  );
  const institutionOf = new Map(catalog.researchers.map((r) => [r.externalId!, r.institution]));
  return catalog.seeds.map((s, i) =>
    seedDocument({
      id: s.externalId,
      externalId: s.externalId,
      titleJa: s.title.ja,
      titleEn: en(s.title.en, null),
      summaryJa: s.summary.ja,
      summaryEn: en(s.summary.en, null),
      overviewJa: s.overview.ja,
      featuresJa: s.features.ja,
      applicationsJa: s.applications.ja,
      keywordsJa: s.keywords.ja,
      keywordsEn: en(s.keywords.en, []),
      terms: analyses[i]!.terms,
      status: s.status,
      visibility: s.visibility,
      organizationId: institutionOf.get(s.researchers[0]!) ?? "",
      areaCode: null,
      researcherIds: s.researchers,
      ownerUserIds: [],
    }),
  );
}

export async function domainDevSet(analyzer: Analyzer, expander: Expander): Promise<void> {
  if (!fs.existsSync(SET)) {
    console.log(`\nDomain dev set: ${path.relative(root, SET)} is missing; skipped.`);
    return;
  }
  const needs = fs
    .readFileSync(SET, "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Need);
  let t = performance.now();
  const catalog = generateCatalog();
  const researchers: ResearcherMeta[] = catalog.researchers.map((r) => ({
    id: r.externalId!,
    externalId: r.externalId,
    nameJa: r.name.ja,
    nameEn: r.name.en,
    institutionId: r.institution,
    areaCode: null,
    availability: 1,
    access: {},
  }));
  const bilingual = new MatchEngine({ analyzer, expander });
  const bilingualDocs = await seedDocuments(catalog, true);
  bilingual.load(bilingualDocs, researchers);
  const japaneseOnly = new MatchEngine({ analyzer, expander });
  japaneseOnly.load(await seedDocuments(catalog, false), researchers);
  const withEnglish = catalog.seeds.filter((s) => s.title.en || s.summary.en || s.keywords.en.length).length;
  console.log(
    `\nDomain dev set (${needs.length} needs; demo catalogue ${bilingualDocs.length} seeds, ${withEnglish} of them with English, analysed and indexed twice — bilingual and Japanese-only — in ${((performance.now() - t) / 1000).toFixed(1)} s):`,
  );
  const leadOf = new Map(catalog.seeds.map((s) => [s.externalId, s.researchers[0]!]));
  const byResearcher = (q: Judged): Judged => {
    const relevant: Record<string, number> = {};
    for (const [seed, grade] of Object.entries(q.relevant)) {
      const r = leadOf.get(seed);
      if (r) relevant[r] = Math.max(relevant[r] ?? 0, grade);
    }
    return { ...q, relevant };
  };
  const runs: { label: string; lang: "ja" | "en"; engine: MatchEngine }[] = [
    { label: "Japanese needs vs bilingual seeds    ", lang: "ja", engine: bilingual },
    { label: "English needs vs Japanese-only seeds ", lang: "en", engine: japaneseOnly },
    { label: "English needs vs bilingual seeds     ", lang: "en", engine: bilingual },
  ];
  for (const { label, lang, engine } of runs) {
    const set = needs.filter((n) => n.lang === lang);
    if (!set.length) continue;
    t = performance.now();
    const seeds = evaluate(set, (text) =>
      engine.match({ text, canSee: () => true, top: 100 }).documents.map((d) => d.id),
    );
    const people = evaluate(set.map(byResearcher), (text) =>
      engine
        .match({ text, canSee: () => true, top: 100, rank: { diversity: 1 } })
        .researchers.map((r) => r.id),
    );
    const per = (performance.now() - t) / set.length / 2;
    console.log(
      `  ${label}(${set.length}): seeds nDCG@10 ${seeds.ndcg10.toFixed(4)}  MRR@10 ${seeds.mrr10.toFixed(4)}  Recall@100 ${seeds.recall100.toFixed(4)};  researchers nDCG@10 ${people.ndcg10.toFixed(4)}  Recall@100 ${people.recall100.toFixed(4)}  (${per.toFixed(1)} ms per query)`,
    );
  }
}
