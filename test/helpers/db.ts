/**
 * A fresh, migrated database for one test file: in-memory PGlite by default; a new database on the
 * PostgreSQL server named by TEST_DATABASE_URL (or DATABASE_URL) when set, dropped afterwards.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
import { type Database, openDatabase } from "../../src/server/db/client";
import { runMigrations } from "../../src/server/db/migrate";
import { ensureReferenceData } from "../../src/server/modules/organizations/reference";

export const serverUrl = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || undefined;
export const backendName = serverUrl ? "postgresql" : "pglite";

export interface TestDatabase {
  database: Database;
  /** For PostgreSQL: the URL of this test's own database. */
  url: string | undefined;
  drop(): Promise<void>;
}

async function adminQuery(text: string) {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/** An empty database (no migrations): the caller decides what to run. */
export async function createEmptyDatabase(): Promise<TestDatabase> {
  if (!serverUrl) {
    const database = await openDatabase({ dataDir: "memory://" });
    return { database, url: undefined, drop: () => database.close() };
  }
  const name = `kyoso_t_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
  await adminQuery(`create database ${name}`);
  const u = new URL(serverUrl);
  u.pathname = `/${name}`;
  const url = u.toString();
  const database = await openDatabase({ databaseUrl: url });
  return {
    database,
    url,
    async drop() {
      await database.close();
      await adminQuery(`drop database if exists ${name} with (force)`);
    },
  };
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const t = await createEmptyDatabase();
  await runMigrations(t.database);
  await ensureReferenceData(t.database.db);
  return t;
}
