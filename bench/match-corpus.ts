/**
 * Synthetic corpora for bench:match. A pool of real analysed documents comes from the demo generator
 * (seeds, researcher profiles, papers, patents, grants; analysed once with kuromoji and cached in the
 * system's temp folder); a corpus of D documents over R researchers is drawn from the pool with a seeded
 * random generator, each document's body extended with part of another's so that documents are not
 * copies. Every engine receives the same documents as the same token lists (the same tokeniser).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { cjkBigrams } from "../src/server/match/ngrams";
import { generateCatalog } from "../src/server/modules/demo/catalog-generator";
import { loadAnalyzer } from "../src/server/text/analyzer";

export interface PoolDoc {
  title: string[];
  body: string[];
  ngram: string[];
}
export interface CorpusDoc extends PoolDoc {
  id: number;
  researcher: number;
}

const POOL_FILE = path.join(os.tmpdir(), "kyoso-bench-match-pool-v1.json");

const join = (...xs: (string | null | undefined)[]) => xs.filter(Boolean).join("\n");

/** The analysed pool and the query texts (seed titles with their summaries, not part of the pool). */
export async function loadPool(): Promise<{ pool: PoolDoc[]; queries: string[] }> {
  if (fs.existsSync(POOL_FILE)) return JSON.parse(fs.readFileSync(POOL_FILE, "utf8"));
  const a = await loadAnalyzer();
  const catalog = generateCatalog();
  const texts: { title: string; body: string }[] = [];
  for (const s of catalog.seeds.slice(200)) {
    texts.push({
      title: join(s.title.ja, s.title.en),
      body: join(s.summary.ja, s.overview.ja, s.features.ja, s.applications.ja, s.keywords.ja.join(" ")),
    });
  }
  for (const r of catalog.researchers) {
    texts.push({ title: join(r.keywords.ja.join(" ")), body: join(r.biography.ja, r.department) });
    for (const w of [...r.papers, ...r.patents, ...r.grants]) {
      texts.push({ title: join(w.title.ja, w.title.en), body: join(w.abstract.ja, w.abstract.en) });
    }
  }
  const pool = texts.map((t) => ({
    title: a.terms(t.title),
    body: a.terms(t.body),
    ngram: cjkBigrams(`${t.title}\n${t.body}`),
  }));
  const queries = catalog.seeds.slice(0, 200).map((s) => join(s.title.ja, s.summary.ja));
  const out = { pool, queries };
  fs.writeFileSync(POOL_FILE, JSON.stringify(out));
  return out;
}

/** A small, fast, seeded generator (mulberry32). */
function rng(seed: number) {
  let t = seed >>> 0;
  return () => {
    t = (t + 0x6d2b79f5) >>> 0;
    let x = Math.imul(t ^ (t >>> 15), 1 | t);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

export function* corpus(pool: PoolDoc[], docs: number, researchers: number): Generator<CorpusDoc> {
  const random = rng(docs * 31 + researchers);
  for (let id = 0; id < docs; id++) {
    const a = pool[Math.floor(random() * pool.length)]!;
    const b = pool[Math.floor(random() * pool.length)]!;
    const half = b.body.slice(0, Math.ceil(b.body.length / 2));
    yield {
      id,
      researcher: Math.floor(random() * researchers),
      title: a.title,
      body: half.length ? [...a.body, ...half] : a.body,
      ngram: [...a.ngram, ...b.ngram.slice(0, Math.ceil(b.ngram.length / 2))],
    };
  }
}

export const SIZES = {
  small: { researchers: 4_200, docs: 50_000 },
  large: { researchers: 200_000, docs: 1_000_000 },
} as const;
