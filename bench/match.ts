/**
 * npm run bench:match — the matching engine's speed beside MiniSearch and Orama, on the same synthetic
 * corpora (bench/match-corpus.ts) with the same tokens: 4,200 researchers / 50,000 documents and
 * 200,000 researchers / 1,000,000 documents. For each engine, in its own process: index build time,
 * memory held by the index, and p50/p95 over 400 queries (200 seed-sheet texts, twice). kyoso answers the
 * full product query (analysis of the text, synonym and translation expansion, BM25F, aggregation to
 * researchers, explanations); the peers answer a BM25 OR-search over the same tokens.
 * BENCH_MATCH_SIZES=small runs the small corpus only; BENCH_MATCH_TIMEOUT_MIN (default 12) bounds each engine's run;
 * BENCH_MATCH_QUERY_BUDGET_S (default 300) bounds its queries: a slow engine is measured on the queries it answered.
 * BENCH_MATCH_ENGINES=kyoso (a comma list) runs only those engines.
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { machine, root } from "./lib";
import { loadPool, SIZES } from "./match-corpus";

type Result = {
  engine: string;
  size: string;
  buildSeconds: number;
  memoryMB: number;
  rssMB: number;
  p50: number;
  p95: number;
  answered: number;
  expansionLoadSeconds?: number;
};

const TARGETS = {
  small: { p95: 30 },
  large: { p95: 150, buildSeconds: 600, memoryMB: 8192 },
} as const;

function run(engine: string, size: string, timeoutMin: number): Promise<Result | string> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [
        "--expose-gc",
        "--max-old-space-size=12288",
        "--import",
        "tsx",
        path.join(root, "bench/match-speed-worker.ts"),
        engine,
        size,
      ],
      { cwd: root, stdio: ["ignore", "pipe", "pipe"] },
    );
    let out = "";
    let err = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (err += d));
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMin * 60_000);
    child.on("exit", (code, signal) => {
      clearTimeout(timer);
      const lines = out.trim().split("\n");
      const line = lines.at(-1) ?? "";
      const built = lines.find((l) => l.startsWith('{"phase":"built"'));
      if (code === 0 && line.startsWith("{") && !line.startsWith('{"phase"'))
        resolve(JSON.parse(line) as Result);
      else if (signal === "SIGKILL" && built) {
        const b = JSON.parse(built) as { buildSeconds: number; memoryMB: number };
        resolve(
          `built in ${b.buildSeconds.toFixed(1)} s (index memory ${b.memoryMB.toFixed(0)} MB); its queries did not finish within ${timeoutMin} min`,
        );
      } else if (signal === "SIGKILL") resolve(`did not finish building within ${timeoutMin} min`);
      else
        resolve(
          `failed (${signal ?? `exit ${code}`}): ${(err.trim().split("\n").at(-1) ?? "").slice(0, 160)}`,
        );
    });
  });
}

async function main() {
  console.log(`kyoso matching speed — ${machine()}`);
  const t = performance.now();
  const { pool, queries } = await loadPool();
  console.log(
    `pool: ${pool.length} analysed documents from the demo generator, ${queries.length} queries (${((performance.now() - t) / 1000).toFixed(1)} s)`,
  );
  const sizes = (process.env.BENCH_MATCH_SIZES ?? "small,large").split(",") as (keyof typeof SIZES)[];
  const timeout = Number(process.env.BENCH_MATCH_TIMEOUT_MIN ?? 12);
  for (const size of sizes) {
    const s = SIZES[size];
    console.log(
      `\n${s.researchers.toLocaleString("en")} researchers / ${s.docs.toLocaleString("en")} documents:`,
    );
    const results: Record<string, Result | string> = {};
    const engines = (process.env.BENCH_MATCH_ENGINES ?? "kyoso,minisearch,orama").split(",");
    for (const engine of engines) {
      results[engine] = await run(engine, size, timeout);
      const r = results[engine]!;
      if (typeof r === "string") console.log(`  ${engine.padEnd(10)} ${r}`);
      else
        console.log(
          `  ${engine.padEnd(10)} build ${r.buildSeconds.toFixed(1).padStart(6)} s   index memory ${r.memoryMB.toFixed(0).padStart(6)} MB (rss ${r.rssMB.toFixed(0)} MB)   query p50 ${r.p50.toFixed(2).padStart(7)} ms   p95 ${r.p95.toFixed(2).padStart(7)} ms${r.answered < 400 ? ` (only ${r.answered} of 400 queries in the time budget)` : ""}${r.expansionLoadSeconds ? `   (expansion tables loaded in ${r.expansionLoadSeconds.toFixed(1)} s, not counted in build)` : ""}`,
        );
    }
    const k = results.kyoso;
    if (typeof k !== "string" && k) {
      for (const peer of ["minisearch", "orama"]) {
        const p = results[peer];
        if (typeof p === "string" || !p) console.log(`  kyoso vs ${peer}: ${peer} ${p ?? "did not run"}`);
        else
          console.log(
            `  kyoso vs ${peer}: p95 ${(p.p95 / k.p95).toFixed(1)}× faster, p50 ${(p.p50 / k.p50).toFixed(1)}× faster, build ${(p.buildSeconds / k.buildSeconds).toFixed(1)}× faster, memory ${(p.memoryMB / k.memoryMB).toFixed(1)}× less`,
          );
      }
      const target = TARGETS[size];
      console.log(
        `  targets: p95 ≤ ${target.p95} ms ${k.p95 <= target.p95 ? "✓" : "✗"}${"buildSeconds" in target ? `, build ≤ 10 min ${k.buildSeconds <= target.buildSeconds ? "✓" : "✗"}, memory ≤ 8 GB ${k.rssMB <= target.memoryMB ? "✓" : "✗"}` : ""}`,
      );
    }
  }
}

await main();
