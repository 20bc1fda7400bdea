/**
 * Opening a database ready for use, shared by the server and the CLI: connect (or open the data folder),
 * run the migrations, write the reference data.
 */
import type { Config } from "./config";
import { type Database, openDatabase } from "./db/client";
import { runMigrations } from "./db/migrate";
import { ensureReferenceData } from "./modules/organizations/reference";

export async function prepareDatabase(
  config: Pick<Config, "databaseUrl" | "dataDir">,
  purpose: string,
): Promise<Database> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, purpose });
  try {
    await runMigrations(database);
    await ensureReferenceData(database.db);
    return database;
  } catch (err) {
    await database.close();
    throw err;
  }
}

export function describeDatabase(database: Database): string {
  return database.kind === "pglite"
    ? `embedded PGlite in ${database.location}`
    : `PostgreSQL at ${database.location}`;
}
