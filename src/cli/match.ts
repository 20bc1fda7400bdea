/**
 * `kyoso match "TEXT" [--top N] [--json]` and `kyoso match --batch needs.jsonl [--top N] --json`: the
 * matching engine against the whole database the CLI is pointed at, as an admin would see it (every
 * seed in every status). Batch lines are `{"id": "...", "text": "..."}`; every line is checked before
 * anything is matched, and a bad one stops the run naming its line. One output line per need:
 * `{"id","seeds":[{"externalId","score"}],"researchers":[{"externalId","score"}]}`, best first, with the
 * external ids given at import (a record imported without one is named by its kyoso id).
 */
import fs from "node:fs";
import { type Command, InvalidArgumentError } from "commander";
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Actor } from "../server/auth/policy";
import type { Config } from "../server/config";
import type { Database } from "../server/db/client";
import { rowsOf, uuidArray } from "../server/modules/catalog/search-sql";
import {
  closeMatchingIndexes,
  matchingIndex,
  matchText,
  rankedMatch,
  seedVisibleTo,
} from "../server/modules/matching/service";

type WithDatabase = <T>(
  command: string,
  fn: (database: Database, config: Config) => Promise<T>,
) => Promise<T>;

/** The CLI's viewer: an operator with the database in hand sees what an admin sees. */
const OPERATOR: Actor = {
  id: "00000000-0000-0000-0000-000000000000",
  email: "operator@localhost",
  displayName: "kyoso CLI",
  role: "admin",
  organizationId: "00000000-0000-0000-0000-000000000000",
  organizationType: "university",
  coverage: { organizationIds: [], areaCodes: [] },
  mustChangePassword: false,
  locale: "ja",
};

const BatchLine = z.object({
  id: z.union([z.string().min(1, "must not be empty"), z.number()]).transform(String),
  text: z.string().trim().min(1, "must not be empty"),
});

export class BatchFileError extends Error {}

/** Reads and checks every line first: a bad line names its number and field, and nothing is matched. */
export function readBatch(file: string): { id: string; text: string }[] {
  let raw: string;
  try {
    raw = fs.readFileSync(file, "utf8");
  } catch (err) {
    throw new BatchFileError(`${file}: cannot read (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
  }
  const out: { id: string; text: string }[] = [];
  const seen = new Map<string, number>();
  const lines = raw.replace(/^\uFEFF/, "").split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (!line) continue;
    const where = `${file}:${i + 1}`;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new BatchFileError(`${where}: not a JSON object (expected {"id": "...", "text": "..."})`);
    }
    const parsed = BatchLine.safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const field = issue.path.join(".") || "(line)";
      throw new BatchFileError(
        `${where} [${field}]: ${issue.code === "invalid_type" && issue.path.length ? "is required (a string)" : issue.message}`,
      );
    }
    const first = seen.get(parsed.data.id);
    if (first !== undefined)
      throw new BatchFileError(`${where} [id]: "${parsed.data.id}" was already used on line ${first}`);
    seen.set(parsed.data.id, i + 1);
    out.push(parsed.data);
  }
  if (!out.length) throw new BatchFileError(`${file}: no lines to match`);
  return out;
}

const round = (x: number) => Math.round(x * 10_000) / 10_000;

function positiveInt(value: string) {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 1000)
    throw new InvalidArgumentError("must be a whole number from 1 to 1000");
  return n;
}

export function addMatchCommand(program: Command, withDatabase: WithDatabase) {
  program
    .command("match")
    .description(
      "match a need's text (or a JSONL file of needs) against the researchers and seeds of this database",
    )
    .argument("[text]", "the need, in Japanese or English")
    .option("--top <n>", "how many seeds and researchers to list", positiveInt, 10)
    .option("--json", "print JSON (one line per need with --batch)")
    .option("--batch <file>", 'a JSONL file of needs, one {"id": "...", "text": "..."} a line')
    .action(async (text: string | undefined, opts: { top: number; json?: boolean; batch?: string }) => {
      if (!text && !opts.batch) throw new InvalidArgumentError("give the text to match, or --batch FILE");
      if (text && opts.batch) throw new InvalidArgumentError("give either a text or --batch FILE, not both");
      const needs = opts.batch ? readBatch(opts.batch) : null;
      await withDatabase("match", async (database, config) => {
        try {
          await run(database, config);
        } finally {
          await closeMatchingIndexes(); // the semantic stage's background work, before the database closes
        }
      });

      async function run(database: Database, config: Config) {
        const db = database.db;
        // With an embedder configured, wait until every document has its vector (loaded from
        // match_vectors, or embedded and stored there once), so the CLI answers as a caught-up server does.
        const index = await matchingIndex(config);
        const t0 = performance.now();
        await index.sync(db);
        if (index.semantic) {
          await index.semantic.whenIdle();
          const s = index.semantic.status;
          if (s.failing) console.error(`kyoso match: ${s.failing}`);
        }
        if (needs) {
          const canSee = seedVisibleTo(OPERATOR);
          const t1 = performance.now();
          for (const need of needs) {
            const r = await rankedMatch(index, { text: need.text, canSee, top: opts.top, kinds: ["seed"] });
            const line = {
              id: need.id,
              seeds: r.documents.map((d) => ({ externalId: d.externalId ?? d.id, score: round(d.score) })),
              researchers: r.researchers.map((x) => ({
                externalId: x.externalId ?? x.id,
                score: round(x.score),
              })),
            };
            process.stdout.write(`${JSON.stringify(line)}\n`);
          }
          const t2 = performance.now();
          console.error(
            `kyoso match: ${needs.length} need(s) matched in ${((t2 - t1) / 1000).toFixed(1)} s (${((t2 - t1) / needs.length).toFixed(1)} ms each; index ready in ${((t1 - t0) / 1000).toFixed(1)} s, ${index.engine.size.documents} documents).`,
          );
          return;
        }
        const answer = await matchText({ db, config, actor: OPERATOR, text: text!, top: opts.top });
        if (opts.json) {
          console.log(
            JSON.stringify({
              seeds: answer.seeds.map((s) => ({
                externalId: s.externalId ?? s.id,
                score: s.score,
                title: s.titleJa ?? s.titleEn,
              })),
              researchers: answer.researchers.map((r) => ({
                externalId: r.externalId ?? r.id,
                score: r.score,
                name: r.nameJa ?? r.nameEn,
                reason: r.reason,
              })),
            }),
          );
          return;
        }
        const orgs = await rowsOf<{ id: string; name: string }>(
          db,
          sql`select id, name_ja as name from organizations where id = any(${uuidArray(
            answer.researchers.flatMap((r) => (r.institutionId ? [r.institutionId] : [])),
          )})`,
        );
        const orgName = new Map(orgs.map((o) => [o.id, o.name]));
        console.log(`Researchers (best ${answer.researchers.length}):`);
        answer.researchers.forEach((r, i) => {
          console.log(
            `${String(i + 1).padStart(3)}. ${r.score.toFixed(3)}  ${r.nameJa ?? r.nameEn ?? "?"}（${orgName.get(r.institutionId ?? "") ?? "?"}）  ${r.externalId ?? r.id}`,
          );
          console.log(`      ${r.reason}`);
        });
        console.log(`\nSeeds (best ${answer.seeds.length}):`);
        answer.seeds.forEach((s, i) => {
          console.log(
            `${String(i + 1).padStart(3)}. ${s.score.toFixed(3)}  ${s.titleJa ?? s.titleEn ?? "?"}  ${s.externalId ?? s.id}`,
          );
        });
        if (!answer.researchers.length && !answer.seeds.length) console.log("Nothing matched.");
      }
    });
}
