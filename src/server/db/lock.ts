/**
 * One process at a time on an embedded (PGlite) data folder. PGlite has no server to arbitrate between
 * processes; two of them writing the same files would corrupt the database. The holder writes its pid
 * into `<dataDir>/kyoso.lock` (created exclusively); a lock whose process is gone (e.g. after kill -9)
 * is stale and taken over.
 */
import fs from "node:fs";
import path from "node:path";

export interface LockInfo {
  pid: number;
  purpose: string;
  startedAt: string;
  url?: string;
}

export class DataDirBusyError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: LockInfo,
  ) {
    const what =
      holder.purpose === "server" ? "the kyoso server" : `another kyoso command (${holder.purpose})`;
    super(
      `The embedded database in ${dataDir} is in use by ${what} (pid ${holder.pid}, since ${holder.startedAt}${
        holder.url ? `, ${holder.url}` : ""
      }). Only one process may open it at a time. Stop that process first (Ctrl+C in its terminal), ` +
        "or do this through the web screens while it runs.",
    );
    this.name = "DataDirBusyError";
  }
}

function isAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
  // A recycled pid of an unrelated program does not hold the lock (Linux only; elsewhere trust kill(0)).
  try {
    const cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8");
    return cmdline.includes("node");
  } catch {
    return true;
  }
}

export function readLock(dataDir: string): LockInfo | null {
  try {
    return JSON.parse(fs.readFileSync(path.join(dataDir, "kyoso.lock"), "utf8")) as LockInfo;
  } catch {
    return null;
  }
}

export interface DataDirLock {
  update(info: Partial<LockInfo>): void;
  release(): void;
}

export function acquireDataDirLock(dataDir: string, purpose: string): DataDirLock {
  const file = path.join(dataDir, "kyoso.lock");
  const info: LockInfo = { pid: process.pid, purpose, startedAt: new Date().toISOString() };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      fs.writeFileSync(file, JSON.stringify(info), { flag: "wx" });
      let released = false;
      return {
        update(more) {
          Object.assign(info, more);
          fs.writeFileSync(file, JSON.stringify(info));
        },
        release() {
          if (released) return;
          released = true;
          const current = readLock(dataDir);
          if (current?.pid === process.pid) fs.rmSync(file, { force: true });
        },
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
      const holder = readLock(dataDir);
      if (holder && isAlive(holder.pid)) throw new DataDirBusyError(dataDir, holder);
      // Stale (its process is gone) or unreadable half-written file: remove and try again.
      fs.rmSync(file, { force: true });
    }
  }
  throw new Error(`Could not take the lock ${file}`);
}
