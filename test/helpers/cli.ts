/**
 * Runs `node bin/kyoso.mjs …` as a child process on its own embedded data folder (DIR/data, demo data
 * off), never on the test database: the environment's KYOSO_* and database URLs are left out.
 */
import { spawn } from "node:child_process";
import path from "node:path";

export const ROOT = path.resolve(import.meta.dirname, "../..");

export function runKyoso(
  dir: string,
  args: string[],
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (k.startsWith("KYOSO_") || k === "DATABASE_URL" || k === "TEST_DATABASE_URL") continue;
    env[k] = v;
  }
  Object.assign(env, { KYOSO_DATA_DIR: path.join(dir, "data"), KYOSO_DEMO: "off" });
  const child = spawn(process.execPath, [path.join(ROOT, "bin/kyoso.mjs"), ...args], {
    cwd: dir,
    env,
    stdio: "pipe",
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d: Buffer) => {
    stdout += d.toString();
  });
  child.stderr.on("data", (d: Buffer) => {
    stderr += d.toString();
  });
  child.stdin.end();
  return new Promise((resolve) => child.once("close", (code) => resolve({ code, stdout, stderr })));
}
