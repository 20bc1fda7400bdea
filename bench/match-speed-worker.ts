/**
 * One engine at one corpus size, in its own process (so that memory is its own): build the index from
 * the corpus, then answer the query set. Prints one JSON line. Used by bench/match.ts.
 *   node --expose-gc --import tsx bench/match-speed-worker.ts kyoso|minisearch|orama small|large
 */
import { create, insertMultiple, search } from "@orama/orama";
import MiniSearch from "minisearch";
import { MatchEngine } from "../src/server/match/engine";
import { cjkBigrams } from "../src/server/match/ngrams";
import type { MatchDoc, ResearcherMeta } from "../src/server/match/types";
import { loadExpander } from "../src/server/modules/matching/expansion";
import { loadAnalyzer } from "../src/server/text/analyzer";
import { percentile } from "./lib";
import { corpus, loadPool, SIZES } from "./match-corpus";

const [engineName, sizeName] = process.argv.slice(2) as [
  "kyoso" | "minisearch" | "orama",
  keyof typeof SIZES,
];
const size = SIZES[sizeName];
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});

const { pool, queries } = await loadPool();
const analyzer = await loadAnalyzer();
const queryTerms = queries.map((q) => [...new Set([...analyzer.terms(q), ...cjkBigrams(q)])]);
gc();
const baseline =
  process.memoryUsage().heapUsed + process.memoryUsage().external + process.memoryUsage().arrayBuffers;

let ask: (i: number) => Promise<number> | number;
let extra: Record<string, number> = {};
const started = performance.now();
if (engineName === "kyoso") {
  const t = performance.now();
  const expander = await loadExpander(analyzer);
  extra = { expansionLoadSeconds: (performance.now() - t) / 1000 };
  const engine = new MatchEngine({ analyzer, expander });
  const docs: MatchDoc[] = [];
  for (const d of corpus(pool, size.docs, size.researchers)) {
    docs.push({
      id: String(d.id),
      kind: "paper",
      titleJa: null,
      titleEn: null,
      researcherIds: [String(d.researcher)],
      institutionId: String(d.researcher % 53),
      areaCode: null,
      access: {},
      fields: [
        { name: "title", terms: d.title },
        { name: "body", terms: d.body },
        { name: "ngram", terms: d.ngram },
      ],
    });
  }
  const researchers: ResearcherMeta[] = Array.from({ length: size.researchers }, (_, i) => ({
    id: String(i),
    externalId: null,
    nameJa: null,
    nameEn: null,
    institutionId: String(i % 53),
    areaCode: null,
    availability: 1,
    access: {},
  }));
  engine.load(docs, researchers);
  docs.length = 0;
  ask = (i) =>
    engine.match({ text: queries[i]!, canSee: () => true, top: 10, kinds: ["paper"] }).researchers.length;
} else if (engineName === "minisearch") {
  const ms = new MiniSearch<{ id: number; title: string; body: string; ngram: string }>({
    fields: ["title", "body", "ngram"],
    tokenize: (s) => s.split(" "),
    processTerm: (t) => t || null,
    searchOptions: { boost: { title: 2 }, combineWith: "OR" },
  });
  for (const d of corpus(pool, size.docs, size.researchers)) {
    ms.add({ id: d.id, title: d.title.join(" "), body: d.body.join(" "), ngram: d.ngram.join(" ") });
  }
  ask = (i) => ms.search(queryTerms[i]!.join(" ")).slice(0, 10).length;
} else {
  const db = create({
    schema: { title: "string", body: "string", ngram: "string" } as const,
    components: {
      tokenizer: {
        language: "english",
        normalizationCache: new Map(),
        tokenize: (s: string) => s.split(" "),
      },
    },
  });
  let batch: { title: string; body: string; ngram: string }[] = [];
  for (const d of corpus(pool, size.docs, size.researchers)) {
    batch.push({ title: d.title.join(" "), body: d.body.join(" "), ngram: d.ngram.join(" ") });
    if (batch.length === 5000) {
      await insertMultiple(db, batch, 5000);
      batch = [];
    }
  }
  if (batch.length) await insertMultiple(db, batch, 5000);
  ask = async (i) =>
    (
      await search(db, {
        term: queryTerms[i]!.join(" "),
        properties: ["title", "body", "ngram"],
        boost: { title: 2 },
        threshold: 1,
        limit: 10,
      })
    ).hits.length;
}
const buildSeconds = (performance.now() - started) / 1000 - (extra.expansionLoadSeconds ?? 0);
gc();
const mem = process.memoryUsage();
const memoryMB = (mem.heapUsed + mem.external + mem.arrayBuffers - baseline) / 2 ** 20;
// The build's figures first, so that a run stopped during the queries still reports them.
console.log(JSON.stringify({ phase: "built", buildSeconds, memoryMB, rssMB: mem.rss / 2 ** 20 }));
// Queries: 400 (the 200 texts twice), or as many as fit in QUERY_BUDGET_MS for a slow engine.
const QUERY_BUDGET_MS = Number(process.env.BENCH_MATCH_QUERY_BUDGET_S ?? 300) * 1000;
const queryStart = performance.now();
for (let i = 0; i < 20 && performance.now() - queryStart < QUERY_BUDGET_MS / 10; i++) await ask(i);
const latencies: number[] = [];
outer: for (let round = 0; round < 2; round++) {
  for (let i = 0; i < queries.length; i++) {
    if (performance.now() - queryStart > QUERY_BUDGET_MS) break outer;
    const t = performance.now();
    await ask(i);
    latencies.push(performance.now() - t);
  }
}
latencies.sort((a, b) => a - b);
console.log(
  JSON.stringify({
    engine: engineName,
    size: sizeName,
    docs: size.docs,
    researchers: size.researchers,
    buildSeconds,
    memoryMB,
    rssMB: mem.rss / 2 ** 20,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    answered: latencies.length,
    ...extra,
  }),
);
