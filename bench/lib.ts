/** Shared helpers for the benchmark scripts: child processes of the real CLI/server, load, percentiles. */
import { type ChildProcess, spawn } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

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
