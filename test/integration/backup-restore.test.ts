import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  BackupFileError,
  backupDatabase,
  restoreDatabase,
  tablesInDependencyOrder,
} from "../../src/server/db/backup";
import { type Database, openDatabase } from "../../src/server/db/client";
import { runMigrations } from "../../src/server/db/migrate";
import { recordAudit } from "../../src/server/modules/audit/service";
import { ensureReferenceData } from "../../src/server/modules/organizations/reference";
import { createUser } from "../../src/server/modules/users/service";
import { makeCorporateNumber } from "../../src/shared/corporate-number";
import { createTestContext, type TestContext } from "../helpers/app";
import { backendName, createTestDatabase, serverUrl } from "../helpers/db";

let ctx: TestContext;
let dir: string;
beforeAll(async () => {
  ctx = await createTestContext();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "kyoso-backup-test-"));
});
afterAll(async () => {
  await ctx.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

type Snapshot = Record<string, unknown[]>;

/** Every row of every table, as PostgreSQL's to_jsonb, ordered by primary key (timestamps in UTC). */
async function snapshot(database: Database): Promise<Snapshot> {
  return database.db.transaction(async (tx) => {
    await tx.execute(sql`set local timezone = 'UTC'`);
    const out: Snapshot = {};
    for (const t of await tablesInDependencyOrder(tx)) {
      const keys = (
        (await tx.execute(
          sql`select a.attname as k from pg_index i
              join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
              where i.indrelid = ${`public.${t}`}::regclass and i.indisprimary
              order by array_position(i.indkey::int2[], a.attnum)`,
        )) as unknown as { rows: { k: string }[] }
      ).rows.map((r) => `x."${r.k}"`);
      expect(keys.length, `primary key of ${t}`).toBeGreaterThan(0);
      const r = (await tx.execute(
        sql.raw(`select coalesce(jsonb_agg(to_jsonb(x) order by ${keys.join(", ")}), '[]'::jsonb) as rows
                 from "${t}" x`),
      )) as unknown as { rows: { rows: unknown[] }[] };
      out[t] = r.rows[0]!.rows;
    }
    return out;
  });
}

async function maxAuditId(database: Database): Promise<number> {
  const [r] = await database.query<{ m: string | number | null }>("select max(id) as m from audit_events");
  return Number(r?.m ?? 0);
}

/** Writes an organisation, a user with coverage, a session and audit events. */
async function writeData(database: Database, tag: string) {
  const org = await database.query<{ id: string }>(
    `insert into organizations (type, name_ja, name_key, corporate_number, prefecture, notes)
     values ('company', $1, $1, $2, 15, $3) returning id`,
    [
      `バックアップ試験${tag}`,
      makeCorporateNumber(`7${String(Date.now()).slice(-11)}`),
      '改行\nと "引用符" と 😀',
    ],
  );
  const [tut] = await database.query<{ id: string }>("select id from organizations where code = 'tut'");
  const created = await createUser({
    db: database.db,
    actor: null,
    input: {
      email: `backup-${tag}@test.example`,
      displayName: `バックアップ ${tag}`,
      role: "coordinator",
      organizationId: tut!.id,
      mode: "password",
      password: "backup-password-1",
      coverage: [{ kind: "area", areaCode: "tokai" }],
    },
    meta: null,
  });
  await database.query(
    "insert into sessions (id, user_id, csrf_token, expires_at) values ($1, $2, 'csrf', now() + interval '1 hour')",
    [`session-${tag}`, created.user.id],
  );
  for (const action of ["auth.login", "auth.login_failed"] as const) {
    await recordAudit(database.db, {
      action,
      subject: created.user.email,
      meta: { ip: "192.0.2.1", userAgent: "test" },
      details: { nested: { a: [1, 2, 3], b: null }, tag },
    });
  }
  return { orgId: org[0]!.id, userId: created.user.id };
}

describe(`backup and restore (${backendName})`, () => {
  it("restores every table exactly as it was at the backup", async () => {
    const { database } = ctx;
    const { orgId, userId } = await writeData(database, "a");
    const agent = await ctx.as("admin"); // a real sign-in: session and audit rows
    expect((await agent.get("/api/audit")).status).toBe(200);

    const before = await snapshot(database);
    expect(before.organizations!.length).toBeGreaterThan(53);
    expect(before.users!.length).toBe(2);
    expect(before.audit_events!.length).toBeGreaterThan(3);
    expect(before.user_coverage!.length).toBe(1);
    const file = path.join(dir, "a.backup");
    const header = await backupDatabase(database, file);
    expect(header.tables.find((t) => t.name === "organizations")?.rows).toBe(before.organizations!.length);
    expect(fs.existsSync(`${file}.partial`)).toBe(false);

    // Change, delete and add.
    await database.query("update organizations set name_ja = '変更後', version = 9 where id = $1", [orgId]);
    await database.query("delete from users where id = $1", [userId]);
    await database.query(
      "delete from campuses where organization_id = (select id from organizations where code = 'tut')",
    );
    await writeData(database, "b");
    expect(await snapshot(database)).not.toEqual(before);

    const restored = await restoreDatabase(database, file);
    expect(restored.migration).toBe(header.migration);
    expect(await snapshot(database)).toEqual(before);
  });

  it("continues serial ids after the restored ones", async () => {
    const { database } = ctx;
    const file = path.join(dir, "ids.backup");
    await recordAudit(database.db, { action: "data.backup" });
    await backupDatabase(database, file);
    const restoredMax = await maxAuditId(database);
    // Newer events than the backup are dropped by the restore; the sequence must not reuse or skip back.
    for (let i = 0; i < 3; i++) await recordAudit(database.db, { action: "data.backup" });
    await restoreDatabase(database, file);
    expect(await maxAuditId(database)).toBe(restoredMax);
    await recordAudit(database.db, { action: "data.restore" });
    const [last] = await database.query<{ id: string | number; action: string }>(
      "select id, action from audit_events order by id desc limit 1",
    );
    expect(last?.action).toBe("data.restore");
    expect(Number(last?.id)).toBeGreaterThan(restoredMax);
  });

  it("refuses a truncated backup file and leaves the database unchanged", async () => {
    const { database } = ctx;
    const file = path.join(dir, "good.backup");
    await backupDatabase(database, file);
    await writeData(database, "c");
    const current = await snapshot(database);
    const gz = fs.readFileSync(file);

    const halfGzip = path.join(dir, "half.backup");
    fs.writeFileSync(halfGzip, gz.subarray(0, Math.floor(gz.length / 2)));
    await expect(restoreDatabase(database, halfGzip)).rejects.toBeInstanceOf(BackupFileError);

    const lines = gunzipSync(gz).toString("utf8").split("\n").filter(Boolean);
    expect(JSON.parse(lines.at(-1)!)).toMatchObject({ end: true });
    const noEnd = path.join(dir, "no-end.backup");
    fs.writeFileSync(noEnd, gzipSync(`${lines.slice(0, -1).join("\n")}\n`));
    await expect(restoreDatabase(database, noEnd)).rejects.toThrow(/no end marker/);

    const fewerRows = path.join(dir, "fewer-rows.backup");
    fs.writeFileSync(fewerRows, gzipSync(`${[...lines.slice(0, -2), lines.at(-1)].join("\n")}\n`));
    await expect(restoreDatabase(database, fewerRows)).rejects.toBeInstanceOf(BackupFileError);

    const notGzip = path.join(dir, "plain.backup");
    fs.writeFileSync(notGzip, "this is not a backup\n");
    await expect(restoreDatabase(database, notGzip)).rejects.toBeInstanceOf(BackupFileError);
    await expect(restoreDatabase(database, path.join(dir, "missing.backup"))).rejects.toBeInstanceOf(
      BackupFileError,
    );

    expect(await snapshot(database)).toEqual(current);
  });

  it.skipIf(!serverUrl)("restores a PGlite backup into PostgreSQL and back", async () => {
    const lite = await openDatabase({ dataDir: "memory://" });
    const pgDb = await createTestDatabase();
    try {
      await runMigrations(lite);
      await ensureReferenceData(lite.db);
      await writeData(lite, "x");
      const fromLite = await snapshot(lite);
      const file = path.join(dir, "lite.backup");
      expect((await backupDatabase(lite, file)).source).toBe("pglite");

      await writeData(pgDb.database, "y"); // replaced by the restore
      await restoreDatabase(pgDb.database, file);
      expect(await snapshot(pgDb.database)).toEqual(fromLite);

      await recordAudit(pgDb.database.db, { action: "data.restore" });
      expect(await maxAuditId(pgDb.database)).toBeGreaterThan(
        Math.max(...fromLite.audit_events!.map((e) => Number((e as { id: number }).id))),
      );

      const back = path.join(dir, "pg.backup");
      expect((await backupDatabase(pgDb.database, back)).source).toBe("postgresql");
      const fromPg = await snapshot(pgDb.database);
      await restoreDatabase(lite, back);
      expect(await snapshot(lite)).toEqual(fromPg);
    } finally {
      await lite.close();
      await pgDb.drop();
    }
  });
});
