/**
 * Runs the committed SQL migrations (folder `migrations/`), on either backend. On PostgreSQL an advisory
 * lock keeps several app servers starting at once from migrating twice.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { readMigrationFiles } from "drizzle-orm/migrator";
import type { NodePgDatabase } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import type { Database } from "./client";

export const MIGRATIONS_FOLDER = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  "../../../migrations",
);
const MIGRATION_LOCK_KEY = 7_260_301;

/** The number of the newest migration this code knows (its folder timestamp). */
export function latestMigration(): number {
  const all = readMigrationFiles({ migrationsFolder: MIGRATIONS_FOLDER });
  return all.length ? Math.max(...all.map((m) => m.folderMillis)) : 0;
}

/** The newest migration applied to the database, or 0. */
export async function appliedMigration(database: Database): Promise<number> {
  const exists = await database.query<{ t: string | null }>(
    "select to_regclass('drizzle.__drizzle_migrations')::text as t",
  );
  if (!exists[0]?.t) return 0;
  const rows = await database.query<{ m: string | null }>(
    "select max(created_at)::text as m from drizzle.__drizzle_migrations",
  );
  return Number(rows[0]?.m ?? 0);
}

export async function runMigrations(database: Database): Promise<{ before: number; after: number }> {
  const before = await appliedMigration(database);
  if (before > latestMigration()) {
    throw new Error(
      `The database was migrated by a newer kyoso (migration ${before}); this version knows up to ${latestMigration()}. Upgrade kyoso.`,
    );
  }
  await database.exclusive(MIGRATION_LOCK_KEY, async () => {
    if (database.kind === "postgresql") {
      await migratePg(database.db as unknown as NodePgDatabase, { migrationsFolder: MIGRATIONS_FOLDER });
    } else {
      await migratePglite(database.db as unknown as PgliteDatabase, { migrationsFolder: MIGRATIONS_FOLDER });
    }
  });
  return { before, after: await appliedMigration(database) };
}
