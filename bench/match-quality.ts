/**
 * npm run bench:match-quality — how well the matching engine ranks, on public data and on our own set:
 *  1. JSQuAD (JGLUE v1.3 validation, CC BY-SA 4.0, read from ../shared/data): the 1,145 distinct
 *     paragraphs as documents, the 4,442 questions as queries, the question's own paragraph relevant:
 *     nDCG@10, MRR@10, Recall@100 (target nDCG@10 ≥ 0.93).
 *  2. JSTS (same source): the engine's similarity function against the 1,457 human scores, Spearman
 *     (target > 0.70; character-bigram cosine gets about 0.67).
 *  3. The domain dev set (bench/data/match-dev/needs.jsonl, see its README): company-style needs in
 *     Japanese and English against the demo catalogue's seeds (generated, seeded), graded relevance.
 * The engine runs exactly as in the product (same analyser, expansion and document fields).
 */
import fs from "node:fs";
import path from "node:path";
import { MatchEngine } from "../src/server/match/engine";
import { cjkBigrams } from "../src/server/match/ngrams";
import type { MatchDoc } from "../src/server/match/types";
import { loadExpander } from "../src/server/modules/matching/expansion";
import { loadAnalyzer } from "../src/server/text/analyzer";
import { machine, root } from "./lib";
import { domainDevSet } from "./match-dev";
import { evaluate, type Judged, spearman } from "./metrics";

const DATA = path.resolve(root, "../shared/data/jglue-v1.3");

async function main() {
  console.log(`kyoso matching quality — ${machine()}`);
  const analyzer = await loadAnalyzer();
  let t = performance.now();
  const expander = await loadExpander(analyzer);
  console.log(
    `expansion sources loaded in ${((performance.now() - t) / 1000).toFixed(1)} s: ${JSON.stringify(expander.size)}`,
  );

  // 1. JSQuAD
  const squad = JSON.parse(fs.readFileSync(path.join(DATA, "jsquad-valid-v1.3.json"), "utf8")) as {
    data: { paragraphs: { context: string; qas: { question: string }[] }[] }[];
  };
  const docs: MatchDoc[] = [];
  const queries: Judged[] = [];
  for (const article of squad.data) {
    for (const p of article.paragraphs) {
      const id = `p${docs.length}`;
      const [title = "", body = ""] = p.context.split(" [SEP] ");
      docs.push({
        id,
        kind: "seed",
        titleJa: title,
        titleEn: null,
        researcherIds: [],
        institutionId: null,
        areaCode: null,
        access: {},
        fields: [
          { name: "title", terms: analyzer.terms(title) },
          { name: "body", terms: analyzer.terms(body) },
          { name: "ngram", terms: cjkBigrams(`${title}\n${body}`) },
        ],
      });
      for (const qa of p.qas) queries.push({ id: qa.question, text: qa.question, relevant: { [id]: 1 } });
    }
  }
  const engine = new MatchEngine({ analyzer, expander });
  engine.load(docs, []);
  t = performance.now();
  const squadScores = evaluate(queries, (text) =>
    engine.match({ text, canSee: () => true, top: 100 }).documents.map((d) => d.id),
  );
  console.log(
    `\nJSQuAD retrieval (${docs.length} paragraphs, ${queries.length} questions; ${((performance.now() - t) / queries.length).toFixed(1)} ms per query):`,
  );
  console.log(
    `  nDCG@10 ${squadScores.ndcg10.toFixed(4)}   MRR@10 ${squadScores.mrr10.toFixed(4)}   Recall@100 ${squadScores.recall100.toFixed(4)}   (target nDCG@10 ≥ 0.93)`,
  );

  // 2. JSTS
  const pairs = fs
    .readFileSync(path.join(DATA, "jsts-valid-v1.3.json"), "utf8")
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l) as { sentence1: string; sentence2: string; label: number });
  const sentences = new MatchEngine({ analyzer, expander });
  sentences.load(
    pairs.flatMap((p, i) =>
      [p.sentence1, p.sentence2].map((s, j) => ({
        id: `${i}-${j}`,
        kind: "seed" as const,
        titleJa: null,
        titleEn: null,
        researcherIds: [],
        institutionId: null,
        areaCode: null,
        access: {},
        fields: [
          { name: "body", terms: analyzer.terms(s) },
          { name: "ngram", terms: cjkBigrams(s) },
        ],
      })),
    ),
    [],
  );
  const predicted = pairs.map((p) => sentences.similarity(p.sentence1, p.sentence2));
  console.log(
    `\nJSTS similarity (${pairs.length} pairs; idf from the ${pairs.length * 2} sentences, no labels used):`,
  );
  console.log(
    `  Spearman ${spearman(
      predicted,
      pairs.map((p) => p.label),
    ).toFixed(4)}   (target > 0.70; character-bigram cosine ≈ 0.67)`,
  );

  // 3. The domain dev set
  await domainDevSet(analyzer, expander);
}

await main();
