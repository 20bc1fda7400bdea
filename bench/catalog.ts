/**
 * npm run bench:catalog — the seeds catalogue on the demo-sized data (4,200 researchers, 10,000 seeds):
 *  1. import time: `kyoso import researchers` and `kyoso import seeds` of the generated JSONL files
 *     (the CLI as users run it, into a new embedded database);
 *  2. catalogue search through HTTP (`kyoso serve`), with the answers cache off and on: p50/p95/p99 at
 *     10 concurrent clients, over a mix
 *     of Japanese and English queries, filters and pages.
 * BENCH_DATABASE_URL=postgres://… runs the same against a PostgreSQL database (it is emptied first).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { generateCatalog } from "../src/server/modules/demo/catalog-generator";
import { kyosoEnv, load, machine, ms, runKyoso, startServer, stopServer } from "./lib";

const QUERIES = [
  "切削",
  "センサ 摩耗",
  "画像認識",
  "コンクリート 劣化",
  "微生物",
  "ロボット",
  "せんさー",
  "ｾﾝｻｰ",
  "AI",
  "IoT",
  "燃料電池",
  "溶接",
  "振動",
  "省エネ",
  "橋梁 点検",
  "発酵 食品",
  "機械学習 異常検知",
  "sensor",
  "image recognition",
  "tool wear",
  "水質浄化",
  "船舶",
  "介護",
  "農業 ハウス",
  "熱処理",
  "高分子",
  "3Dプリンタ",
  "耐震",
  "データ",
  "教育",
];
const FIELDS = ["", "", "", "mechanical", "information", "chemistry_bio", "civil_env", "materials"];

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kyoso-bench-"));
  const pg = process.env.BENCH_DATABASE_URL;
  const env = kyosoEnv(pg ? { DATABASE_URL: pg } : { KYOSO_DATA_DIR: path.join(dir, "data") });
  console.log(`kyoso catalogue benchmark — ${machine()}`);
  console.log(`database: ${pg ? "PostgreSQL (BENCH_DATABASE_URL)" : "embedded PGlite"}; work folder ${dir}`);
  if (pg) {
    const { default: pgLib } = await import("pg");
    const c = new pgLib.Client({ connectionString: pg });
    await c.connect();
    await c.query(
      "drop schema if exists public cascade; drop schema if exists drizzle cascade; create schema public",
    );
    await c.end();
  }

  let t = performance.now();
  const { researchers, seeds } = generateCatalog();
  const rFile = path.join(dir, "researchers.jsonl");
  const sFile = path.join(dir, "seeds.jsonl");
  fs.writeFileSync(rFile, researchers.map((r) => JSON.stringify(r)).join("\n"));
  fs.writeFileSync(sFile, seeds.map((s) => JSON.stringify(s)).join("\n"));
  console.log(
    `generated ${researchers.length} researchers and ${seeds.length} seeds in ${((performance.now() - t) / 1000).toFixed(1)} s`,
  );

  await runKyoso(["migrate"], env);
  const importR = await runKyoso(["import", "researchers", rFile], env);
  const importS = await runKyoso(["import", "seeds", sFile], env);
  const reimport = await runKyoso(["import", "seeds", sFile], env);
  console.log("\nImport (wall time of the CLI command, including start-up):");
  console.log(`  researchers  ${researchers.length.toString().padStart(6)}  ${importR.toFixed(1)} s`);
  console.log(`  seeds        ${seeds.length.toString().padStart(6)}  ${importS.toFixed(1)} s`);
  console.log(`  total                ${(importR + importS).toFixed(1)} s   (target ≤ 60 s)`);
  console.log(`  re-import of the same seeds (all unchanged): ${reimport.toFixed(1)} s`);

  const urls = (base: string) => {
    const list: string[] = [];
    for (let i = 0; i < 300; i++) {
      const q = QUERIES[i % QUERIES.length]!;
      const field = FIELDS[i % FIELDS.length]!;
      const page = i % 5 === 4 ? 2 + (i % 3) : 1;
      list.push(`${base}?q=${encodeURIComponent(q)}${field ? `&field=${field}` : ""}&page=${page}`);
    }
    list.push(`${base}`, `${base}?sort=newest&page=3`, `${base}?area=shinetsu`);
    return list;
  };
  // The same 303 distinct searches, first answered from the database every time (cache off), then as the
  // product runs by default (answers kept until the catalogue changes; the first round fills the cache).
  for (const [label, cache] of [
    ["search answers cache off (every request queries the database)", "off"],
    ["search answers cache on (the default)", "on"],
  ] as const) {
    const port = 3900 + Math.floor(Math.random() * 90);
    const server = await startServer({ ...env, KYOSO_SEARCH_CACHE: cache }, port);
    try {
      const list = urls(`http://127.0.0.1:${port}/api/catalog/seeds`);
      t = performance.now();
      const r = await load(list, { concurrency: 10, total: 2000, warmup: 60 });
      console.log(
        `\nCatalogue search over HTTP, ${label}:\n  ${r.count} requests over ${list.length} distinct searches at 10 concurrent clients (${r.errors} errors), ${r.seconds.toFixed(1)} s`,
      );
      console.log(
        `  p50 ${ms(r.p50)}   p95 ${ms(r.p95)}   p99 ${ms(r.p99)}   max ${ms(r.max)}   ${r.rps.toFixed(0)} requests/s   (target p95 ≤ 50 ms)`,
      );
      const one = await load(list, { concurrency: 1, total: 300 });
      console.log(`  one client at a time: p50 ${ms(one.p50)}   p95 ${ms(one.p95)}`);
    } finally {
      await stopServer(server);
    }
  }
  if (!pg) fs.rmSync(dir, { recursive: true, force: true });
}

await main();
