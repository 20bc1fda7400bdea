/**
 * Opening the database: embedded PGlite in a data folder by default, a PostgreSQL server when a
 * DATABASE_URL is given. Both are used through the same drizzle `Db` type and the same migrations.
 */
import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import pg from "pg";
import { checkDataDir } from "../config";
import { acquireDataDirLock, type DataDirLock } from "./lock";
import * as schema from "./schema";

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
/** A transaction handle has the same query API as Db. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
export type DbOrTx = Db | Tx;
export type DatabaseKind = "pglite" | "postgresql";

export interface Database {
  db: Db;
  kind: DatabaseKind;
  /** Where the data lives, for messages (password masked). */
  location: string;
  /** Runs raw SQL with $1… parameters and returns the rows. */
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /** Runs fn while holding a PostgreSQL advisory lock (all app servers share it); plain call on PGlite. */
  exclusive<T>(key: number, fn: () => Promise<T>): Promise<T>;
  /** Records the server URL in the data folder's lock (embedded database only). */
  announce(url: string): void;
  close(): Promise<void>;
}

export class DatabaseOpenError extends Error {
  override name = "DatabaseOpenError";
}

export function maskUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "(unparseable DATABASE_URL)";
  }
}

export interface OpenOptions {
  databaseUrl?: string | undefined;
  /** Folder for the embedded database; "memory://" for an in-memory one (tests). */
  dataDir?: string | undefined;
  /** Who opens the embedded database, shown to a second process that finds it busy. */
  purpose?: string;
}

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  if (opts.databaseUrl) return openPostgres(opts.databaseUrl);
  return openPglite(opts.dataDir ?? "./data", opts.purpose ?? "server");
}

async function openPostgres(url: string): Promise<Database> {
  const location = maskUrl(url);
  const pool = new pg.Pool({ connectionString: url, connectionTimeoutMillis: 5000, max: 10 });
  pool.on("error", (err) => console.error(`kyoso: idle PostgreSQL connection failed: ${err.message}`));
  try {
    const { rows } = await pool.query<{ v: string }>("select current_setting('server_version_num') as v");
    const version = Number(rows[0]?.v ?? 0);
    if (version < 150000) {
      throw new DatabaseOpenError(
        `PostgreSQL at ${location} is version ${Math.floor(version / 10000)}; kyoso needs 15 or newer.`,
      );
    }
  } catch (err) {
    await pool.end().catch(() => undefined);
    if (err instanceof DatabaseOpenError) throw err;
    const e = err as NodeJS.ErrnoException;
    throw new DatabaseOpenError(
      `Cannot reach PostgreSQL at ${location}: ${e.code ? `${e.code} ` : ""}${e.message}. ` +
        "Check DATABASE_URL and that the server is running.",
    );
  }
  const db = drizzlePg({ client: pool, schema, casing: "snake_case" }) as unknown as Db;
  return {
    db,
    kind: "postgresql",
    location,
    async query<T>(text: string, params: unknown[] = []) {
      return (await pool.query(text, params)).rows as T[];
    },
    async exclusive(key, fn) {
      const conn = await pool.connect();
      try {
        await conn.query("select pg_advisory_lock($1)", [key]);
        try {
          return await fn();
        } finally {
          await conn.query("select pg_advisory_unlock($1)", [key]);
        }
      } finally {
        conn.release();
      }
    },
    announce() {},
    async close() {
      await pool.end();
    },
  };
}

async function openPglite(dataDir: string, purpose: string): Promise<Database> {
  const memory = dataDir.startsWith("memory://");
  let lock: DataDirLock | undefined;
  if (!memory) {
    const problem = checkDataDir(dataDir);
    if (problem) throw new DatabaseOpenError(problem);
    lock = acquireDataDirLock(dataDir, purpose);
  }
  let client: PGlite;
  try {
    client = memory ? new PGlite() : new PGlite(`${dataDir}/pgdata`);
    await client.waitReady;
  } catch (err) {
    lock?.release();
    throw new DatabaseOpenError(
      `Cannot open the embedded database in ${dataDir}: ${(err as Error).message}. ` +
        "If the folder was copied from elsewhere or damaged, restore it from a backup (kyoso restore).",
    );
  }
  const db = drizzlePglite({ client, schema, casing: "snake_case" }) as unknown as Db;
  return {
    db,
    kind: "pglite",
    location: memory ? "in memory" : dataDir,
    async query<T>(text: string, params: unknown[] = []) {
      return (await client.query<T>(text, params)).rows;
    },
    exclusive(_key, fn) {
      return fn();
    },
    announce(url) {
      lock?.update({ url });
    },
    async close() {
      try {
        if (!client.closed) await client.close();
      } finally {
        lock?.release();
      }
    },
  };
}
