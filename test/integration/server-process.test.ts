/**
 * The real server and CLI as child processes (`node bin/kyoso.mjs …`) on an embedded (PGlite) data
 * folder: restart after kill -9, the data-folder lock, graceful stop, backup/restore through the CLI,
 * and the messages for bad configuration. Children never inherit DATABASE_URL unless a test sets it.
 */
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");
const BIN = path.join(ROOT, "bin/kyoso.mjs");
const DEMO_PASSWORD = "process-demo-pass-1";
const ADMIN = "admin@demo.kyoso.example";
const ORG_NAME = "プロセス試験株式会社";
const SLOW = 120_000;

let root: string;
let dataDir: string;
const children = new Set<ChildProcess>();

beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), "kyoso-process-test-"));
  dataDir = path.join(root, "data");
});
afterAll(() => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill("SIGKILL");
  fs.rmSync(root, { recursive: true, force: true });
});

/** The parent's environment without any database or kyoso settings, plus `extra`. */
function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (k.startsWith("KYOSO_") || ["DATABASE_URL", "TEST_DATABASE_URL", "PORT", "HOST"].includes(k)) continue;
    env[k] = v;
  }
  return { ...env, KYOSO_DATA_DIR: dataDir, KYOSO_WEB_DIR: "/nonexistent", ...extra };
}

interface Child {
  proc: ChildProcess;
  output: () => { stdout: string; stderr: string };
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function spawnKyoso(args: string[], extra: Record<string, string> = {}): Child {
  const proc = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: childEnv(extra), stdio: "pipe" });
  children.add(proc);
  let stdout = "";
  let stderr = "";
  proc.stdout?.on("data", (d: Buffer) => {
    stdout += d.toString();
  });
  proc.stderr?.on("data", (d: Buffer) => {
    stderr += d.toString();
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    proc.once("exit", (code, signal) => resolve({ code, signal })),
  );
  return { proc, output: () => ({ stdout, stderr }), exited };
}

/** Runs a CLI command to its end. */
async function kyoso(args: string[], extra: Record<string, string> = {}) {
  const child = spawnKyoso(args, extra);
  child.proc.stdin?.end();
  const { code } = await child.exited;
  return { code, ...child.output() };
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

interface Server extends Child {
  base: string;
}

async function startServer(): Promise<Server> {
  const port = await freePort();
  const child = spawnKyoso(["serve"], {
    PORT: String(port),
    KYOSO_DEMO_PASSWORD: DEMO_PASSWORD,
    KYOSO_DEMO_SIZE: "small",
  });
  const base = `http://127.0.0.1:${port}`;
  let exited = false;
  void child.exited.then(() => {
    exited = true;
  });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (exited) throw new Error(`the server exited early:\n${child.output().stderr}${child.output().stdout}`);
    try {
      const res = await fetch(`${base}/healthz`);
      if (res.status === 200) return { ...child, base };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  child.proc.kill("SIGKILL");
  throw new Error(`the server did not answer /healthz within 60 s:\n${child.output().stderr}`);
}

/** Signs in like a browser: keeps the session cookie and sends the CSRF token on changes. */
async function signIn(base: string, email: string, password: string) {
  const res = await fetch(`${base}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password }),
  });
  expect(res.status).toBe(200);
  const cookie = /kyoso_session=[^;]+/.exec(res.headers.get("set-cookie") ?? "")?.[0];
  expect(cookie).toBeDefined();
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return async <T>(p: string, init: { method?: string; json?: unknown } = {}) => {
    const r = await fetch(`${base}${p}`, {
      method: init.method ?? "GET",
      headers: {
        cookie: cookie!,
        "x-csrf-token": csrfToken,
        ...(init.json === undefined ? {} : { "content-type": "application/json" }),
      },
      ...(init.json === undefined ? {} : { body: JSON.stringify(init.json) }),
    });
    return { status: r.status, body: (await r.json()) as T };
  };
}

type Total = { total: number };
let running: Server | undefined;

describe("the server process on an embedded data folder", () => {
  it(
    "keeps its data after kill -9 and does not load the demo data again",
    async () => {
      const first = await startServer();
      expect(first.output().stdout).toContain("Demo data loaded");
      const api = await signIn(first.base, ADMIN, DEMO_PASSWORD);
      const created = await api<{ id: string }>("/api/organizations", {
        method: "POST",
        json: { type: "company", nameJa: ORG_NAME, prefecture: 15 },
      });
      expect(created.status).toBe(201);

      first.proc.kill("SIGKILL");
      expect((await first.exited).signal).toBe("SIGKILL");
      expect(fs.existsSync(path.join(dataDir, "kyoso.lock"))).toBe(true); // stale, taken over below

      running = await startServer();
      expect(running.output().stdout).not.toContain("Demo data loaded");
      const again = await signIn(running.base, ADMIN, DEMO_PASSWORD);
      const found = await again<Total & { items: { id: string }[] }>(
        `/api/organizations?q=${encodeURIComponent(ORG_NAME)}`,
      );
      expect(found.body.total).toBe(1);
      expect(found.body.items[0]?.id).toBe(created.body.id);
      expect((await again<Total>("/api/audit?action=data.demo_loaded")).body.total).toBe(1);
      expect((await again<Total>("/api/users")).body.total).toBe(8);
      expect((await again<Total>("/api/organizations?type=company&q=越後精密加工")).body.total).toBe(1);
    },
    SLOW,
  );

  it(
    "refuses CLI commands while the server holds the folder, and allows them after a graceful stop",
    async () => {
      expect(running).toBeDefined();
      const busy = await kyoso(["user", "list"]);
      expect(busy.code).toBe(1);
      expect(busy.stderr).toContain("in use by the kyoso server");
      expect(busy.stderr).toContain(`pid ${running!.proc.pid}`);

      running!.proc.kill("SIGTERM");
      expect((await running!.exited).code).toBe(0);
      expect(running!.output().stdout).toContain("SIGTERM received");
      expect(fs.existsSync(path.join(dataDir, "kyoso.lock"))).toBe(false);

      const list = await kyoso(["user", "list"]);
      expect(list.stderr).toBe("");
      expect(list.code).toBe(0);
      expect(list.stdout).toContain(ADMIN);
      expect(list.stdout).toContain("8 user(s)");
    },
    SLOW,
  );

  it(
    "backs up and restores through the CLI",
    async () => {
      const file = path.join(root, "cli.backup");
      const backup = await kyoso(["backup", file]);
      expect(backup.code).toBe(0);
      expect(backup.stdout).toMatch(/Backup written to .*cli\.backup: \d+ tables/);
      expect(fs.statSync(file).size).toBeGreaterThan(0);

      const email = "after-backup@test.example";
      const created = await kyoso([
        "user",
        "create",
        "--email",
        email,
        "--name",
        "後で 作成",
        "--role",
        "researcher",
        "--org",
        "kosen-nagaoka",
      ]);
      expect(created.code).toBe(0);
      expect(created.stdout).toContain("Temporary password:");
      expect((await kyoso(["user", "list"])).stdout).toContain(email);

      const unconfirmed = await kyoso(["restore", file]);
      expect(unconfirmed.code).toBe(1);
      expect(unconfirmed.stderr).toContain("--yes");
      expect((await kyoso(["user", "list"])).stdout).toContain(email);

      const restore = await kyoso(["restore", file, "--yes"]);
      expect(restore.code).toBe(0);
      expect(restore.stdout).toContain("Restored");
      const after = await kyoso(["user", "list"]);
      expect(after.stdout).not.toContain(email);
      expect(after.stdout).toContain("8 user(s)");

      const broken = path.join(root, "broken.backup");
      fs.writeFileSync(broken, fs.readFileSync(file).subarray(0, 100));
      const refused = await kyoso(["restore", broken, "--yes"]);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain("broken.backup");
    },
    SLOW,
  );

  it(
    "names the field of an invalid e-mail in kyoso user create",
    async () => {
      const r = await kyoso([
        "user",
        "create",
        "--email",
        "not-an-email",
        "--name",
        "x",
        "--role",
        "researcher",
        "--org",
        "kosen-nagaoka",
      ]);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/email: must be an e-mail address/);
      expect(r.stderr).not.toMatch(/at .*\.ts:\d+/); // no stack trace
    },
    SLOW,
  );

  it(
    "exits 1 with a clear message for an unwritable data folder, an unreachable database or a bad PORT",
    async () => {
      const file = path.join(root, "a-file");
      fs.writeFileSync(file, "not a folder");
      const port = String(await freePort());
      const [dir, db, badPort] = await Promise.all([
        kyoso(["serve"], { KYOSO_DATA_DIR: path.join(file, "data"), PORT: port }),
        kyoso(["serve"], { DATABASE_URL: "postgres://postgres@127.0.0.1:1/x", PORT: port }),
        kyoso(["serve"], { PORT: "abc" }),
      ]);
      expect(dir.code).toBe(1);
      expect(dir.stderr).toContain(`KYOSO_DATA_DIR=${path.join(file, "data")}`);
      expect(dir.stderr).toContain("not writable");
      expect(db.code).toBe(1);
      expect(db.stderr).toContain("Cannot reach PostgreSQL at postgres://postgres@127.0.0.1:1/x");
      expect(db.stderr).toContain("DATABASE_URL");
      expect(badPort.code).toBe(1);
      expect(badPort.stderr).toMatch(/PORT="abc"/);
      for (const r of [dir, db, badPort]) {
        expect(r.stdout).not.toContain("is running at");
        expect(r.stderr).not.toContain("unexpected error");
      }
    },
    SLOW,
  );
});
