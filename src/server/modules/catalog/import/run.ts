/**
 * One entry for every import: choose the format (from the option or the file name), decode (UTF-8 or
 * Shift_JIS), parse, apply. Used by the CLI, the web import jobs and the demo loader.
 */
import type { Db } from "../../../db/client";
import { AppError } from "../../../errors";
import { type ImportOptions, type ImportReport, importResearchers, importSeeds } from "./apply";
import {
  type CsvColumn,
  parseResearchersCsv,
  parseSeedsCsv,
  RESEARCHER_CSV_COLUMNS,
  SEED_CSV_COLUMNS,
} from "./csv";
import { decodeText, ImportFileError } from "./decode";
import { parseResearchersJsonl, parseSeedsJsonl } from "./jsonl";
import type { ImportProblem, Parsed, ResearcherRecord, SeedRecord } from "./records";
import { parseResearchmapFile } from "./researchmap";

export const IMPORT_KINDS = ["researchers", "seeds"] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];
export const IMPORT_FORMATS = ["jsonl", "csv", "researchmap"] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** The format a file name implies: .jsonl/.ndjson, .csv, .json (researchmap JSON-LD, researchers only). */
export function formatFromName(fileName: string, kind: ImportKind): ImportFormat | null {
  const name = fileName.toLowerCase();
  if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) return "jsonl";
  if (name.endsWith(".csv") || name.endsWith(".tsv") || name.endsWith(".txt")) return "csv";
  if (name.endsWith(".json") && kind === "researchers") return "researchmap";
  return null;
}

export interface ParseOptions {
  kind: ImportKind;
  format?: ImportFormat | undefined;
  fileName: string;
  encoding?: "auto" | "utf8" | "sjis" | undefined;
  /** researchmap: the institution of researchers whose affiliation cannot be matched. */
  institution?: string | undefined;
}

export function parseImport(
  bytes: Uint8Array,
  o: ParseOptions,
): Parsed<ResearcherRecord> | Parsed<SeedRecord> {
  const format = o.format ?? formatFromName(o.fileName, o.kind);
  if (!format) {
    throw new AppError(
      "VALIDATION",
      `${o.fileName}: cannot tell the format from the file name; give it (jsonl, csv or researchmap)`,
      {
        fields: [{ field: "format", message: "choose jsonl, csv or researchmap" }],
      },
    );
  }
  if (format === "researchmap" && o.kind === "seeds") {
    throw new AppError("VALIDATION", "researchmap files hold researchers, not seeds", {
      fields: [{ field: "format", message: "researchmap is for researchers" }],
    });
  }
  const { text } = decodeText(bytes, { encoding: o.encoding ?? "auto", fileName: o.fileName });
  if (o.kind === "researchers") {
    if (format === "jsonl") return parseResearchersJsonl(text);
    if (format === "csv") return parseResearchersCsv(text);
    return parseResearchmapFile(text, { institution: o.institution });
  }
  return format === "jsonl" ? parseSeedsJsonl(text) : parseSeedsCsv(text);
}

export async function runImport(
  db: Db,
  bytes: Uint8Array,
  o: ParseOptions & ImportOptions,
): Promise<ImportReport> {
  const parsed = parseImport(bytes, o);
  const csv = (o.format ?? formatFromName(o.fileName, o.kind)) === "csv";
  const report =
    o.kind === "researchers"
      ? await importResearchers(db, parsed as Parsed<ResearcherRecord>, { ...o, profileOnly: csv })
      : await importSeeds(db, parsed as Parsed<SeedRecord>, o);
  const dropped = (parsed as { dropped?: { type: string; count: number }[] }).dropped ?? [];
  report.notes = dropped
    .filter((d) => d.count > 0)
    .map((d) => `${d.count} ${d.type} item(s) not disclosed publicly on researchmap were not imported`);
  if (!csv) return report;
  return csvHeaders(
    report,
    parsed.problems,
    o.kind === "researchers" ? RESEARCHER_CSV_COLUMNS : SEED_CSV_COLUMNS,
  );
}

/**
 * CSV problems name the column header (docs/import-formats.md); the parser does so, and this names the
 * problems and warnings found while applying (unknown institution, unknown researcher, …) the same way.
 */
function csvHeaders(
  report: ImportReport,
  parseProblems: ImportProblem[],
  columns: readonly CsvColumn[],
): ImportReport {
  const header = (p: ImportProblem): ImportProblem => {
    if (!p.field || parseProblems.includes(p)) return p;
    const col =
      columns.find((c) => c.key === p.field) ?? columns.find((c) => c.key.startsWith(`${p.field}.`));
    return col ? { ...p, field: col.header } : p;
  };
  return { ...report, problems: report.problems.map(header), warnings: report.warnings.map(header) };
}

export { ImportFileError };
