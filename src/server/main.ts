/**
 * The web server: `npm start` (through scripts/start.mjs) or `npx kyoso serve`.
 */
import { serve } from "@hono/node-server";
import { createApp } from "./app";
import { purgeExpiredSessions } from "./auth/sessions";
import { describeDatabase, prepareDatabase } from "./boot";
import { exitWithError } from "./cli-errors";
import { type Config, loadConfig } from "./config";
import { type Database, maskUrl } from "./db/client";
import { startReminders } from "./modules/cases/reminders";
import { failInterruptedJobs } from "./modules/catalog/import/jobs";
import { refreshStatistics, reindexStale } from "./modules/catalog/maintenance";
import { formatDemoAccounts, isEmptyDatabase, loadDemoData } from "./modules/demo";
import { startMailSender } from "./modules/mail/sender";
import { closeMatchingIndexes, matchingIndex } from "./modules/matching/service";
import { loadAnalyzer } from "./text/analyzer";
import { VERSION } from "./version";

export async function startServer(config: Config, opts: { startedAt?: number } = {}) {
  const startedAt = opts.startedAt ?? performance.now();
  const database = await prepareDatabase(config, "server");
  const analyzer = loadAnalyzer(); // the dictionary loads while the rest starts
  await failInterruptedJobs(database.db);
  let demoText: string | null = null;
  let emptyWithoutDemo = false;
  if (await isEmptyDatabase(database.db)) {
    if (config.demo) {
      console.log("kyoso: first start: loading the demo data…");
      const shown = new Set<string>();
      const loaded = await loadDemoData(database.db, {
        password: config.demoPassword,
        catalog: config.demoSize,
        onProgress: (what, p) => {
          const key = `${what}:${p.phase}`;
          if ((p.phase === "analyse" || p.phase === "write") && !shown.has(key)) {
            shown.add(key);
            console.log(`kyoso:   ${p.phase === "analyse" ? "analysing" : "writing"} ${p.total} ${what}`);
          }
        },
      });
      demoText = formatDemoAccounts(loaded);
    } else emptyWithoutDemo = true;
  }
  await analyzer;
  const mailSender = startMailSender({ db: database.db, config });
  const reminders = startReminders({ db: database.db, config, wake: () => mailSender.wake() });
  const app = createApp({ database, config, mailSender });
  const url = `http://localhost:${config.port}`;

  const server = serve(
    { fetch: app.fetch, port: config.port, ...(config.host ? { hostname: config.host } : {}) },
    () => {
      database.announce(url);
      const seconds = ((performance.now() - startedAt) / 1000).toFixed(1);
      console.log(
        `kyoso ${VERSION} is running at ${url}  (database: ${describeDatabase(database)}; ready in ${seconds} s)`,
      );
      if (demoText) console.log(`\n${demoText}\n`);
      if (emptyWithoutDemo) {
        console.log(
          "\nThere are no accounts yet. Stop the server and create the first admin:\n" +
            "  npx kyoso user create --email you@example.jp --name 'Your Name' --role admin --org nagaokaut\n",
        );
      }
      console.log(
        config.smtpUrl
          ? `Mail: sent through ${maskUrl(config.smtpUrl)} from ${config.mailFrom}.`
          : "Mail: no SMTP server configured (KYOSO_SMTP_URL); mails are kept in the outbox (admin → 送信メール).",
      );
      console.log("Stop with Ctrl+C.");
      void maintainCatalog(database.db);
      void warmMatching(database.db, config);
    },
  );
  server.on("error", (err: NodeJS.ErrnoException) => {
    void database
      .close()
      .finally(() =>
        exitWithError(
          err.code === "EADDRINUSE"
            ? `Port ${config.port} is already in use. Stop the other program or choose another port with PORT=…`
            : `The web server could not start: ${err.message}`,
        ),
      );
  });

  const purge = setInterval(() => void purgeExpiredSessions(database.db).catch(() => undefined), 3600_000);
  purge.unref();

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\nkyoso: ${signal} received, stopping…`);
    clearInterval(purge);
    reminders.stop();
    server.close();
    void mailSender
      .stop()
      .catch(() => undefined)
      .then(() => closeMatchingIndexes().catch(() => undefined))
      .then(() => database.close())
      .finally(() => process.exit(0));
    setTimeout(() => process.exit(0), 5000).unref();
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
  return { server, database, app, mailSender };
}

/**
 * Builds the matching index at start (a few seconds for the full demo catalogue), so the first match does
 * not wait for it; with semantic matching configured, stored vectors are loaded and missing ones embedded
 * in the background.
 */
async function warmMatching(db: Database["db"], config: Config) {
  try {
    await (await matchingIndex(config)).sync(db);
  } catch (err) {
    console.error("kyoso: could not prepare the matching index:", err);
  }
}

/** After start: bring search data written by an older analyser up to date, then refresh statistics. */
async function maintainCatalog(db: Database["db"]) {
  try {
    const done = await reindexStale(db);
    if (done.seeds || done.researchers) {
      console.log(
        `kyoso: re-analysed ${done.seeds} seeds and ${done.researchers} researchers for the current search analyser`,
      );
    } else await refreshStatistics(db);
  } catch (err) {
    console.error("kyoso: could not refresh the search data:", err);
  }
}

export async function main(opts: { startedAt?: number } = {}) {
  const startedAt = opts.startedAt ?? performance.now();
  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    return exitWithError(err);
  }
  try {
    await startServer(config, { startedAt });
  } catch (err) {
    exitWithError(err);
  }
}
