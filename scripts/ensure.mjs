// Bootstrap steps with no dependencies of their own, so that `npm start` and `npm test` work on a fresh
// clone: install the npm packages when they are missing or older than package-lock.json, and build the
// web UI when its sources are newer than the build.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

function mtime(p) {
  try {
    return fs.statSync(p).mtimeMs;
  } catch {
    return 0;
  }
}

function newestIn(dir) {
  let newest = 0;
  if (!fs.existsSync(dir)) return 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestIn(p) : mtime(p));
  }
  return newest;
}

function run(cmd, args, what) {
  const t = Date.now();
  console.log(`kyoso: ${what}…`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: "inherit", shell: process.platform === "win32" });
  if (r.status !== 0) {
    console.error(`kyoso: ${what} failed (${cmd} ${args.join(" ")} exited with ${r.status ?? r.signal}).`);
    process.exit(1);
  }
  console.log(`kyoso: ${what}: done in ${((Date.now() - t) / 1000).toFixed(1)} s`);
}

export function checkNode() {
  const [major, minor] = process.versions.node.split(".").map(Number);
  if (major < 20 || (major === 20 && minor < 19)) {
    console.error(`kyoso needs Node.js 20.19 or newer; this is ${process.versions.node}.`);
    process.exit(1);
  }
}

export function ensureDeps() {
  const lock = path.join(root, "package-lock.json");
  const installed = path.join(root, "node_modules", ".package-lock.json");
  if (mtime(installed) && mtime(installed) >= mtime(lock)) return;
  run(
    "npm",
    ["ci", "--no-audit", "--no-fund", "--loglevel=error"],
    "installing dependencies (first start only)",
  );
}

export function ensureWebBuild() {
  const built = mtime(path.join(root, "dist", "web", "index.html"));
  const sources = Math.max(
    newestIn(path.join(root, "src", "web")),
    newestIn(path.join(root, "src", "shared")),
    mtime(path.join(root, "vite.config.ts")),
    mtime(path.join(root, "package-lock.json")),
  );
  if (built && built >= sources) return;
  run(
    process.execPath,
    [path.join(root, "node_modules", "vite", "bin", "vite.js"), "build", "--logLevel", "warn"],
    "building the web UI",
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  checkNode();
  const what = process.argv.slice(2);
  if (what.includes("deps")) ensureDeps();
  if (what.includes("web")) ensureWebBuild();
}
