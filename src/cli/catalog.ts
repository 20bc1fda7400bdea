/** `kyoso import …` and `kyoso export …`: the seeds database from and to files (and researchmap). */
import fs from "node:fs";
import path from "node:path";
import { SingleBar } from "cli-progress";
import { type Command, InvalidArgumentError, Option } from "commander";
import type { Config } from "../server/config";
import type { Database } from "../server/db/client";
import { toCsv } from "../server/lib/csv";
import {
  EXPORT_FORMATS,
  type ExportFormat,
  exportResearchers,
  exportSeeds,
} from "../server/modules/catalog/export";
import type { ImportReport, Progress } from "../server/modules/catalog/import/apply";
import { importResearchers } from "../server/modules/catalog/import/apply";
import type { ImportProblem } from "../server/modules/catalog/import/records";
import { parseResearchmapProfile } from "../server/modules/catalog/import/researchmap";
import { fetchResearchmapResearcher } from "../server/modules/catalog/import/researchmap-fetch";
import {
  IMPORT_FORMATS,
  ImportFileError,
  type ImportKind,
  runImport,
} from "../server/modules/catalog/import/run";

type WithDatabase = <T>(
  command: string,
  fn: (database: Database, config: Config) => Promise<T>,
) => Promise<T>;

const PHASE_LABEL: Record<Progress["phase"], string> = {
  resolve: "matching",
  analyse: "analysing",
  write: "writing",
  done: "done",
};

/** A progress bar on a terminal; one line per phase otherwise (logs, CI). */
export function progressReporter() {
  if (!process.stderr.isTTY) {
    let phase = "";
    return {
      update(p: Progress) {
        if (p.phase !== phase) {
          phase = p.phase;
          if (p.phase !== "done") console.error(`  ${PHASE_LABEL[p.phase]} ${p.total} record(s)…`);
        }
      },
      stop() {},
    };
  }
  const bar = new SingleBar({
    format: "  {phase} [{bar}] {value}/{total} {percentage}% ({duration}s)",
    stream: process.stderr,
    hideCursor: true,
  });
  let started = false;
  let phase = "";
  return {
    update(p: Progress) {
      if (p.phase === "done") return;
      if (!started) {
        bar.start(p.total, p.done, { phase: PHASE_LABEL[p.phase] });
        started = true;
      } else if (p.phase !== phase) bar.setTotal(p.total);
      phase = p.phase;
      bar.update(p.done, { phase: PHASE_LABEL[p.phase] });
    },
    stop() {
      if (started) bar.stop();
      started = false;
    },
  };
}

function printReport(r: ImportReport, file: string, partial: boolean): number {
  const verb = r.dryRun ? "would be" : "";
  console.log(
    `${file}: ${r.total} record(s): ${r.created} ${verb} created, ${r.updated} ${verb} updated, ${r.unchanged} unchanged, ${r.rejected} rejected.`.replace(
      / {2}/g,
      " ",
    ),
  );
  const show = (title: string, list: ImportProblem[]) => {
    if (!list.length) return;
    console.log(`${title}:`);
    for (const p of list.slice(0, 50))
      console.log(`  ${file}:${p.line}${p.field ? ` [${p.field}]` : ""} ${p.message}`);
    if (list.length > 50) console.log(`  … and ${list.length - 50} more`);
  };
  for (const n of r.notes ?? []) console.log(`Note: ${n}`);
  show("Problems", r.problems);
  show("Warnings", r.warnings);
  if (r.dryRun) console.log("Dry run: nothing was written.");
  else if (!r.applied)
    console.log(
      "Nothing was written because of the problems above. Fix them, or add --partial to import the good lines.",
    );
  if (partial && r.problems.length && !r.dryRun) {
    const reportFile = `${file}.rejected.csv`;
    fs.writeFileSync(
      reportFile,
      toCsv(
        ["line", "field", "message"],
        r.problems.map((p) => [p.line, p.field, p.message]),
      ),
    );
    console.log(`The rejected lines are listed in ${reportFile}.`);
  }
  return r.problems.length ? 1 : 0;
}

export function addCatalogCommands(program: Command, withDatabase: WithDatabase) {
  const imp = program
    .command("import")
    .description("import researchers and research seeds (see docs/import-formats.md)");
  for (const kind of ["researchers", "seeds"] as ImportKind[]) {
    imp
      .command(kind)
      .description(`import ${kind} from FILE (format from the extension, or --format)`)
      .argument("<file>", kind === "researchers" ? ".jsonl, .csv or researchmap .json" : ".jsonl or .csv")
      .addOption(
        new Option("--format <format>", "file format").choices(
          kind === "seeds" ? ["jsonl", "csv"] : [...IMPORT_FORMATS],
        ),
      )
      .addOption(
        new Option("--encoding <encoding>", "text encoding")
          .choices(["auto", "utf8", "sjis"])
          .default("auto"),
      )
      .option(
        "--institution <institution>",
        "researchmap: institution code or name when the affiliation is not recognised",
      )
      .option("--dry-run", "report what would change; write nothing")
      .option("--partial", "import the good lines, reject the others (listed in FILE.rejected.csv)")
      .action(
        (
          file: string,
          o: {
            format?: (typeof IMPORT_FORMATS)[number];
            encoding: "auto" | "utf8" | "sjis";
            institution?: string;
            dryRun?: boolean;
            partial?: boolean;
          },
        ) =>
          withDatabase(`import ${kind}`, async (database) => {
            if (!fs.existsSync(file)) throw new InvalidArgumentError(`${file}: no such file`);
            const progress = progressReporter();
            const started = performance.now();
            let report: ImportReport | ImportFileError;
            try {
              report = await runImport(database.db, new Uint8Array(fs.readFileSync(file)), {
                kind,
                format: o.format,
                fileName: path.basename(file),
                encoding: o.encoding,
                institution: o.institution,
                actor: null,
                dryRun: !!o.dryRun,
                partial: !!o.partial,
                source: "cli",
                onProgress: (p) => progress.update(p),
              });
            } catch (err) {
              // A file that cannot be read at all (encoding, JSON): its problems, like a report's.
              if (!(err instanceof ImportFileError)) throw err;
              report = err;
            } finally {
              progress.stop();
            }
            if (report instanceof ImportFileError) {
              console.log("Problems:");
              for (const p of report.problems)
                console.log(`  ${file}:${p.line}${p.field ? ` [${p.field}]` : ""} ${p.message}`);
              console.log("Nothing was written.");
              process.exitCode = 1;
              return;
            }
            const code = printReport(report, file, !!o.partial);
            console.log(`Took ${((performance.now() - started) / 1000).toFixed(1)} s.`);
            process.exitCode = code;
          }),
      );
  }
  imp
    .command("researchmap")
    .description(
      "import researchers from researchmap's live API (KYOSO_RESEARCHMAP_API, e.g. https://api.researchmap.jp)",
    )
    .argument("<permalink...>", "researchmap IDs (permalinks)")
    .option("--institution <institution>", "institution code or name when the affiliation is not recognised")
    .option("--dry-run", "report what would change; write nothing")
    .action((permalinks: string[], o: { institution?: string; dryRun?: boolean }) =>
      withDatabase("import researchmap", async (database, config) => {
        if (!config.researchmapApi)
          throw new InvalidArgumentError(
            "set KYOSO_RESEARCHMAP_API (e.g. https://api.researchmap.jp) to import from researchmap",
          );
        const records = [];
        const problems: ImportProblem[] = [];
        for (const [i, permalink] of permalinks.entries()) {
          const fetched = await fetchResearchmapResearcher({ baseUrl: config.researchmapApi, permalink });
          const parsed = parseResearchmapProfile({ ...fetched, institution: o.institution ?? "" });
          for (const d of parsed.dropped)
            if (d.count) console.log(`  ${permalink}: ${d.count} ${d.type} item(s) not public, skipped`);
          problems.push(...parsed.problems.map((p) => ({ ...p, line: i + 1 })));
          if (!parsed.problems.length) records.push({ line: i + 1, record: parsed.record });
        }
        const report = await importResearchers(
          database.db,
          { records, problems },
          { actor: null, dryRun: !!o.dryRun, partial: false, source: "cli" },
        );
        process.exitCode = printReport(report, "researchmap", false);
      }),
    );

  const exp = program
    .command("export")
    .description("export researchers or the seeds catalogue (in the import formats)");
  for (const kind of ["researchers", "seeds"] as ImportKind[]) {
    exp
      .command(kind)
      .description(`write ${kind} to FILE (.csv UTF-8 with BOM, .xlsx or .jsonl)`)
      .argument("<file>")
      .action((file: string) =>
        withDatabase(`export ${kind}`, async (database) => {
          const format = path.extname(file).slice(1).toLowerCase() as ExportFormat;
          if (!EXPORT_FORMATS.includes(format))
            throw new InvalidArgumentError(`${file}: the name must end in .csv, .xlsx or .jsonl`);
          const out =
            kind === "seeds"
              ? await exportSeeds(database.db, "system", format)
              : await exportResearchers(database.db, format);
          fs.writeFileSync(file, out.body);
          console.log(`${out.rows} ${kind} written to ${file}.`);
        }),
      );
  }
}
