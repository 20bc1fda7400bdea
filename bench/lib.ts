/** Shared helpers for the benchmark scripts: child processes of the real CLI/server, load, percentiles. */
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { prepareDatabase } from "../src/server/boot";
import { loadConfig } from "../src/server/config";
import type { Database } from "../src/server/db/client";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export function machine(): string {
  return `${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.versions.node}`;
}

export function kyosoEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, KYOSO_DEMO: "off", ...extra };
  if (!extra.DATABASE_URL) delete env.DATABASE_URL;
  delete env.TEST_DATABASE_URL;
  return env;
}

/** Runs `kyoso …` to completion; returns the wall time in seconds. */
export function runKyoso(args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(root, "bin/kyoso.mjs"), ...args], {
      env,
      cwd: root,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (out += d));
    child.on("exit", (code) =>
      code === 0
        ? resolve((performance.now() - started) / 1000)
        : reject(new Error(`kyoso ${args.join(" ")} exited ${code}:\n${out}`)),
    );
  });
}

export async function startServer(env: NodeJS.ProcessEnv, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, [path.join(root, "bin/kyoso.mjs"), "serve"], {
    env: { ...env, PORT: String(port) },
    cwd: root,
    stdio: "ignore",
  });
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) return child;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill("SIGKILL");
  throw new Error("the server did not start");
}

export function stopServer(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.on("exit", () => resolve());
    child.kill("SIGTERM");
  });
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** `concurrency` clients loop over the URLs until `total` requests are done; latencies in ms. */
export async function load(urls: string[], opts: { concurrency: number; total: number; warmup?: number }) {
  let next = 0;
  const latencies: number[] = [];
  let errors = 0;
  const warm = opts.warmup ?? 0;
  for (let i = 0; i < warm; i++) await fetch(urls[i % urls.length]!).then((r) => r.arrayBuffer());
  const started = performance.now();
  await Promise.all(
    Array.from({ length: opts.concurrency }, async () => {
      while (next < opts.total) {
        const url = urls[next++ % urls.length]!;
        const t = performance.now();
        const res = await fetch(url);
        await res.arrayBuffer();
        if (!res.ok) errors++;
        latencies.push(performance.now() - t);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    count: latencies.length,
    errors,
    seconds,
    rps: latencies.length / seconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    max: latencies.at(-1) ?? 0,
  };
}

export const ms = (v: number) => `${v.toFixed(1)} ms`;

// --- a small deterministic random source (mulberry32), shared by the generators ----------------------

let seed = 20261125;
export function rand(): number {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

export const pick = <T>(a: readonly T[]): T => a[Math.floor(rand() * a.length)]!;

/** One of the items, with probability proportional to its weight. */
export function weighted<T>(items: readonly (readonly [T, number])[]): T {
  let r = rand() * items.reduce((n, [, w]) => n + w, 0);
  for (const [v, w] of items) {
    r -= w;
    if (r <= 0) return v;
  }
  return items.at(-1)![0];
}

// --- the database of a benchmark -----------------------------------------------------------------------

export interface Target {
  database: Database;
  label: string;
  cleanup(): Promise<void>;
}

/**
 * A new database for a benchmark: embedded PGlite in a temporary folder, or, with BENCH_DATABASE_URL (or
 * DATABASE_URL), a database `pgDb` of its own on that PostgreSQL server, created for the run and dropped
 * afterwards. BENCH_KEEP=1 keeps it.
 */
export async function openTarget(pgDb: string, folderPrefix: string): Promise<Target> {
  const server = process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL;
  const config = loadConfig({ KYOSO_DEMO: "off" });
  const keep = !!process.env.BENCH_KEEP;
  if (!server) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), folderPrefix));
    const database = await prepareDatabase({ ...config, databaseUrl: undefined, dataDir: dir }, "bench");
    return {
      database,
      label: `embedded PGlite in ${dir}`,
      async cleanup() {
        await database.close();
        if (keep) console.log(`kept the database folder ${dir}`);
        else fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const admin = async (text: string) => {
    const c = new pg.Client({ connectionString: server });
    await c.connect();
    try {
      await c.query(text);
    } finally {
      await c.end();
    }
  };
  await admin(`drop database if exists ${pgDb} with (force)`);
  await admin(`create database ${pgDb}`);
  const u = new URL(server);
  u.pathname = `/${pgDb}`;
  const database = await prepareDatabase({ ...config, databaseUrl: u.toString() }, "bench");
  return {
    database,
    label: `PostgreSQL, database ${pgDb} (created for this run, dropped afterwards)`,
    async cleanup() {
      await database.close();
      if (keep) console.log(`kept the database ${u}`);
      else await admin(`drop database if exists ${pgDb} with (force)`);
    },
  };
}

/** Inserts rows given as JSON objects through jsonb_to_recordset, `batch` at a time. */
export async function insertJson(
  database: Database,
  table: string,
  columns: Record<string, string>,
  rows: Record<string, unknown>[],
  batch = 2000,
) {
  const names = Object.keys(columns);
  const defs = names.map((n) => `${n} ${columns[n]}`).join(", ");
  for (let i = 0; i < rows.length; i += batch) {
    await database.query(
      `insert into ${table} (${names.join(", ")}) select ${names.join(", ")} from jsonb_to_recordset($1::jsonb) as x(${defs})`,
      [JSON.stringify(rows.slice(i, i + batch))],
    );
  }
}

/** Signs in over HTTP; the session cookie. */
export async function signIn(base: string, email: string, password: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in of ${email}: ${res.status} ${await res.text()}`);
  const m = /kyoso_session=([^;]+)/.exec(res.headers.get("set-cookie") ?? "");
  if (!m) throw new Error("no session cookie");
  return `kyoso_session=${m[1]}`;
}
