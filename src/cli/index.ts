/**
 * `npx kyoso …`: operations on the same code and configuration (KYOSO_DATA_DIR, DATABASE_URL) as the
 * server. On the embedded database a command refuses to run while the server holds the data folder.
 */
import { randomBytes } from "node:crypto";
import readline from "node:readline/promises";
import { Command, InvalidArgumentError, Option } from "commander";
import { describeDatabase, prepareDatabase } from "../server/boot";
import { exitWithError } from "../server/cli-errors";
import { type Config, loadConfig } from "../server/config";
import { backupDatabase, restoreDatabase } from "../server/db/backup";
import type { Database } from "../server/db/client";
import { appliedMigration, latestMigration } from "../server/db/migrate";
import { recordAudit } from "../server/modules/audit/service";
import { refreshStatistics, reindexStale } from "../server/modules/catalog/maintenance";
import { formatDemoAccounts, loadDemoData, removeDemoData } from "../server/modules/demo";
import { findOrganizationByCodeOrName } from "../server/modules/organizations/repository";
import { UserCreateBody } from "../server/modules/users/schemas";
import { createUser, listUsers } from "../server/modules/users/service";
import { VERSION } from "../server/version";
import { ROLES, type Role } from "../shared/roles";
import { addCatalogCommands, progressReporter } from "./catalog";
import { addMatchCommand, BatchFileError } from "./match";

async function withDatabase<T>(
  command: string,
  fn: (database: Database, config: Config) => Promise<T>,
): Promise<T> {
  const config = loadConfig();
  const database = await prepareDatabase(config, `kyoso ${command}`);
  try {
    return await fn(database, config);
  } finally {
    await database.close();
  }
}

function collect(value: string, previous: string[]) {
  return [...previous, value];
}

async function confirm(question: string): Promise<boolean> {
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout });
  try {
    return (await rl.question(`${question} Type "yes" to continue: `)).trim().toLowerCase() === "yes";
  } finally {
    rl.close();
  }
}

export function buildCli(): Command {
  const program = new Command("kyoso")
    .description("kyoso — the platform of the 地域産学官金協創プラットフォーム")
    .version(VERSION)
    .showHelpAfterError()
    .addHelpText(
      "after",
      "\nConfiguration comes from the environment, as for the server: KYOSO_DATA_DIR (embedded database folder,\ndefault ./data) or DATABASE_URL (a PostgreSQL server).",
    );

  program
    .command("serve")
    .description("start the web server (npm start does this after installing and building)")
    .action(async () => {
      const { main } = await import("../server/main");
      await main();
    });

  program
    .command("migrate")
    .description("apply database migrations (the server also does this at start)")
    .action(() =>
      withDatabase("migrate", async (database) => {
        console.log(
          `Database (${describeDatabase(database)}) is at migration ${await appliedMigration(database)} (newest known: ${latestMigration()}).`,
        );
      }),
    );

  program
    .command("reindex")
    .description(
      "re-analyse seeds and researchers written by an older search analyser (the server also does this at start)",
    )
    .action(() =>
      withDatabase("reindex", async (database) => {
        const done = await reindexStale(database.db, (what, n) => console.error(`  ${what}: ${n}`));
        await refreshStatistics(database.db);
        console.log(
          `Re-analysed ${done.seeds} seeds and ${done.researchers} researchers; statistics refreshed.`,
        );
      }),
    );

  const user = program.command("user").description("manage user accounts");
  user
    .command("create")
    .description("create a user account")
    .requiredOption("--email <email>", "e-mail address (the sign-in name)")
    .requiredOption("--name <name>", "display name, e.g. '長岡 太郎'")
    .addOption(new Option("--role <role>", "role").choices(ROLES).makeOptionMandatory())
    .requiredOption(
      "--org <org>",
      "organisation: code (e.g. nagaokaut, tut, kosen-nagaoka), exact name, or id",
    )
    .option(
      "--password <password>",
      "initial password (else one is generated); the user must change it at first sign-in",
    )
    .option("--invite", "create an invitation link instead of a password")
    .option("--cover-area <code>", "area a coordinator covers (repeatable)", collect, [])
    .option("--cover-org <org>", "institution a coordinator covers (repeatable)", collect, [])
    .action(
      (o: {
        email: string;
        name: string;
        role: Role;
        org: string;
        password?: string;
        invite?: boolean;
        coverArea: string[];
        coverOrg: string[];
      }) =>
        withDatabase("user create", async (database, config) => {
          const org = await findOrganizationByCodeOrName(database.db, o.org);
          if (!org)
            throw new InvalidArgumentError(`--org ${o.org}: no organisation with that code, name or id`);
          const coverage = [
            ...o.coverArea.map((areaCode) => ({ kind: "area" as const, areaCode })),
            ...(await Promise.all(
              o.coverOrg.map(async (key) => {
                const c = await findOrganizationByCodeOrName(database.db, key);
                if (!c)
                  throw new InvalidArgumentError(
                    `--cover-org ${key}: no organisation with that code, name or id`,
                  );
                return { kind: "organization" as const, organizationId: c.id };
              }),
            )),
          ];
          const generated = !o.invite && !o.password ? randomBytes(9).toString("base64url") : undefined;
          const input = UserCreateBody.parse({
            email: o.email,
            displayName: o.name,
            role: o.role,
            organizationId: org.id,
            mode: o.invite ? "invite" : "password",
            password: o.password ?? generated,
            coverage,
          });
          const created = await createUser({ db: database.db, actor: null, input, meta: null });
          console.log(
            `Created ${created.user.role} ${created.user.email} (${created.user.displayName}) in ${org.nameJa}.`,
          );
          if (generated) console.log(`Temporary password: ${generated}  (to be changed at first sign-in)`);
          if (created.inviteToken) {
            const base = config.publicUrl ?? `http://localhost:${config.port}`;
            console.log(
              `Invitation link (valid 7 days): ${base.replace(/\/$/, "")}/invite/${created.inviteToken}`,
            );
          }
        }),
    );
  user
    .command("list")
    .description("list user accounts")
    .action(() =>
      withDatabase("user list", async (database) => {
        const { items, total } = await listUsers({ db: database.db, query: { page: 1, pageSize: 200 } });
        for (const u of items)
          console.log(
            `${u.status.padEnd(8)} ${u.role.padEnd(18)} ${u.email.padEnd(40)} ${u.displayName} (${u.organizationName})`,
          );
        console.log(`${total} user(s)`);
      }),
    );

  program
    .command("demo")
    .description("load the demo data, or reload it (demo rows are replaced; everything else is kept)")
    .option("--remove", "remove the demo data instead")
    .action((o: { remove?: boolean }) =>
      withDatabase("demo", async (database, config) => {
        if (o.remove) {
          await removeDemoData(database.db);
          console.log("Demo data removed.");
          return;
        }
        const progress = progressReporter();
        try {
          const loaded = await loadDemoData(database.db, {
            password: config.demoPassword,
            catalog: config.demoSize,
            onProgress: (_what, p) => progress.update(p),
          });
          progress.stop();
          console.log(formatDemoAccounts(loaded));
        } finally {
          progress.stop();
        }
      }),
    );

  program
    .command("backup")
    .description("write the whole database to FILE (gzip JSON lines; restores on either backend)")
    .argument("<file>", "where to write, e.g. kyoso-2026-11-24.backup")
    .action((file: string) =>
      withDatabase("backup", async (database) => {
        const h = await backupDatabase(database, file);
        await recordAudit(database.db, { action: "data.backup", details: { file, tables: h.tables.length } });
        const rowsTotal = h.tables.reduce((n, t) => n + t.rows, 0);
        console.log(
          `Backup written to ${file}: ${h.tables.length} tables, ${rowsTotal} rows, migration ${h.migration}.`,
        );
      }),
    );

  program
    .command("restore")
    .description("replace the whole database with the contents of FILE")
    .argument("<file>", "a file written by kyoso backup")
    .option("--yes", "do not ask for confirmation")
    .action((file: string, o: { yes?: boolean }) =>
      withDatabase("restore", async (database) => {
        if (!o.yes) {
          if (!process.stdin.isTTY)
            throw new InvalidArgumentError("restore replaces every record; add --yes to confirm");
          if (!(await confirm(`This replaces every record in ${describeDatabase(database)} with ${file}.`))) {
            console.log("Nothing changed.");
            return;
          }
        }
        const h = await restoreDatabase(database, file);
        await recordAudit(database.db, {
          action: "data.restore",
          details: { file, createdAt: h.createdAt, source: h.source },
        });
        console.log(
          `Restored ${file} (made ${h.createdAt} on ${h.source}): ${h.tables.reduce((n, t) => n + t.rows, 0)} rows.`,
        );
      }),
    );

  addCatalogCommands(program, withDatabase);
  addMatchCommand(program, withDatabase);
  return program;
}

export async function runCli(argv: string[]): Promise<void> {
  try {
    await buildCli().parseAsync(argv);
  } catch (err) {
    if (err instanceof InvalidArgumentError || err instanceof BatchFileError) exitWithError(err.message);
    exitWithError(err);
  }
}
