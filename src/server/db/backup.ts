/**
 * Backup and restore of the whole database, identical on PGlite and PostgreSQL (and across them: a
 * backup of the embedded database restores into a PostgreSQL server).
 *
 * Format: gzip-compressed JSON lines. Line 1 is a header (format, migration, tables and row counts);
 * then one line per row, `{"t": table, "r": row}`, where the row is PostgreSQL's own `to_jsonb` of it
 * (so every type round-trips through its text form); the last line is `{"end": true, "rows": n}` so that
 * a truncated file is detected. Restore checks the whole file first, then replaces every table in one
 * transaction: it either completes or changes nothing.
 */
import fs from "node:fs";
import readline from "node:readline";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createGunzip, createGzip } from "node:zlib";
import { sql } from "drizzle-orm";
import type { Database, Db, Tx } from "./client";
import { appliedMigration } from "./migrate";

const FORMAT = "kyoso-backup/1";
const BATCH = 500;

interface Header {
  format: string;
  createdAt: string;
  source: string;
  migration: number;
  tables: { name: string; rows: number }[];
}

async function rows<T>(db: Db | Tx, q: ReturnType<typeof sql>): Promise<T[]> {
  const r = (await db.execute(q)) as unknown as { rows: T[] };
  return r.rows;
}

/**
 * Derived state, not written to backups: the catalogue and KPI generations (kept by the database itself,
 * not truncated by a restore); the KPI's contract rows, their totals and the KPI's needs (kept by triggers
 * from contracts and needs, emptied with them by the restore's truncate and re-derived as they are
 * inserted); and the semantic stage's vectors (recomputed from the texts; a stored vector is only used
 * while its text hash still matches, so vectors left from before a restore are harmless).
 */
const NOT_BACKED_UP = new Set([
  "catalog_state",
  "kpi_contract_totals",
  "kpi_contract_years",
  "kpi_needs",
  "kpi_state",
  "match_vectors",
]);

/** Tables of the public schema that backups hold, parents before children (foreign keys). */
export async function tablesInDependencyOrder(db: Db | Tx): Promise<string[]> {
  const tables = (
    await rows<{ name: string }>(
      db,
      sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
    )
  )
    .map((t) => t.name)
    .filter((t) => !NOT_BACKED_UP.has(t));
  const deps = await rows<{ child: string; parent: string }>(
    db,
    sql`select c.relname as child, p.relname as parent from pg_constraint k
        join pg_class c on c.oid = k.conrelid join pg_class p on p.oid = k.confrelid
        join pg_namespace n on n.oid = c.relnamespace
        where k.contype = 'f' and n.nspname = 'public' and c.relname <> p.relname`,
  );
  const ordered: string[] = [];
  const visiting = new Set<string>();
  const visit = (t: string) => {
    if (ordered.includes(t) || visiting.has(t)) return;
    visiting.add(t);
    for (const d of deps.filter((x) => x.child === t)) visit(d.parent);
    visiting.delete(t);
    ordered.push(t);
  };
  for (const t of tables) visit(t);
  return ordered;
}

const ident = (name: string) => {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`unexpected table name ${name}`);
  return sql.raw(`"${name}"`);
};

export async function backupDatabase(database: Database, file: string): Promise<Header> {
  const migration = await appliedMigration(database);
  const tmp = `${file}.partial`;
  // One consistent snapshot for the whole dump (PGlite has a single connection, so it is consistent anyway).
  const snapshot =
    database.kind === "postgresql"
      ? ({ isolationLevel: "repeatable read", accessMode: "read only" } as const)
      : undefined;
  const header = await database.db.transaction(async (tx) => {
    const tables = await tablesInDependencyOrder(tx);
    const counts: Header["tables"] = [];
    for (const t of tables) {
      const [c] = await rows<{ n: number }>(tx, sql`select count(*)::int as n from ${ident(t)}`);
      counts.push({ name: t, rows: Number(c?.n ?? 0) });
    }
    const h: Header = {
      format: FORMAT,
      createdAt: new Date().toISOString(),
      source: database.kind,
      migration,
      tables: counts,
    };
    async function* lines() {
      yield `${JSON.stringify(h)}\n`;
      let total = 0;
      for (const t of tables) {
        await tx.execute(
          sql`declare kyoso_dump no scroll cursor for select to_jsonb(x)::text as j from ${ident(t)} x`,
        );
        for (;;) {
          const batch = await rows<{ j: string }>(tx, sql.raw(`fetch ${BATCH} from kyoso_dump`));
          for (const b of batch) yield `{"t":${JSON.stringify(t)},"r":${b.j}}\n`;
          total += batch.length;
          if (batch.length < BATCH) break;
        }
        await tx.execute(sql`close kyoso_dump`);
      }
      yield `${JSON.stringify({ end: true, rows: total })}\n`;
    }
    try {
      await pipeline(Readable.from(lines()), createGzip(), fs.createWriteStream(tmp));
    } catch (err) {
      fs.rmSync(tmp, { force: true });
      throw err;
    }
    return h;
  }, snapshot);
  fs.renameSync(tmp, file);
  return header;
}

export class BackupFileError extends Error {
  override name = "BackupFileError";
}

async function* readLines(file: string) {
  if (!fs.existsSync(file)) throw new BackupFileError(`${file}: no such file`);
  const rl = readline.createInterface({
    input: fs.createReadStream(file).pipe(createGunzip()),
    crlfDelay: Infinity,
  });
  let n = 0;
  try {
    for await (const line of rl) {
      n++;
      if (line) yield { n, line };
    }
  } catch (err) {
    throw new BackupFileError(
      `${file}: not a readable kyoso backup (line ${n + 1}: ${(err as Error).message})`,
    );
  }
}

/** Reads and checks the whole file (header, JSON of every line, counts, end marker) without writing. */
export async function inspectBackup(file: string): Promise<Header> {
  let header: Header | null = null;
  const seen = new Map<string, number>();
  let end: { rows: number } | null = null;
  for await (const { n, line } of readLines(file)) {
    let obj: Record<string, unknown>;
    try {
      obj = JSON.parse(line) as Record<string, unknown>;
    } catch {
      throw new BackupFileError(`${file}: line ${n} is not valid JSON`);
    }
    if (n === 1) {
      if (obj.format !== FORMAT)
        throw new BackupFileError(`${file}: not a kyoso backup (format ${String(obj.format)})`);
      header = obj as unknown as Header;
    } else if (obj.end) {
      end = obj as unknown as { rows: number };
    } else {
      if (end) throw new BackupFileError(`${file}: data after the end marker (line ${n})`);
      const t = String(obj.t);
      seen.set(t, (seen.get(t) ?? 0) + 1);
    }
  }
  if (!header) throw new BackupFileError(`${file}: empty file`);
  if (!end) throw new BackupFileError(`${file}: the file is incomplete (no end marker); it was cut off`);
  for (const t of header.tables) {
    if ((seen.get(t.name) ?? 0) !== t.rows) {
      throw new BackupFileError(
        `${file}: table ${t.name} should have ${t.rows} rows, the file has ${seen.get(t.name) ?? 0}`,
      );
    }
  }
  return header;
}

export async function restoreDatabase(database: Database, file: string): Promise<Header> {
  const header = await inspectBackup(file);
  const current = await appliedMigration(database);
  if (header.migration !== current) {
    throw new BackupFileError(
      `${file} was made at database migration ${header.migration}; this database is at ${current}. ` +
        "Restore it with the kyoso version that made it (then upgrade), or make a new backup.",
    );
  }
  await database.db.transaction(async (tx) => {
    const tables = await tablesInDependencyOrder(tx);
    const unknown = header.tables.filter((t) => !tables.includes(t.name));
    if (unknown.length)
      throw new BackupFileError(`${file}: tables unknown here: ${unknown.map((t) => t.name).join(", ")}`);
    await tx.execute(sql.raw(`truncate ${tables.map((t) => `"${t}"`).join(", ")} restart identity cascade`));
    let table = "";
    let batch: string[] = [];
    const flush = async () => {
      if (!batch.length) return;
      await tx.execute(
        sql`insert into ${ident(table)} select * from jsonb_populate_recordset(null::${ident(table)}, ${`[${batch.join(",")}]`}::jsonb)`,
      );
      batch = [];
    };
    // Rows were written parents first (dependency order), so inserting in file order satisfies foreign keys.
    for await (const { n, line } of readLines(file)) {
      if (n === 1) continue;
      if (line.startsWith('{"end"')) break;
      const t = line.slice(6, line.indexOf('"', 6));
      const r = line.slice(line.indexOf(',"r":') + 5, -1);
      if (t !== table) {
        await flush();
        table = t;
      }
      batch.push(r);
      if (batch.length >= BATCH) await flush();
    }
    await flush();
    // Serial columns continue after the restored ids.
    const serials = await rows<{ t: string; c: string }>(
      tx,
      sql`select table_name as t, column_name as c from information_schema.columns
          where table_schema = 'public' and column_default like 'nextval(%'`,
    );
    for (const s of serials) {
      await tx.execute(
        sql.raw(
          `select setval(pg_get_serial_sequence('"${s.t}"', '${s.c}'), coalesce((select max("${s.c}") from "${s.t}"), 0) + 1, false)`,
        ),
      );
    }
  });
  return header;
}
