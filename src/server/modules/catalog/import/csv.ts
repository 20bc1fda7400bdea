/**
 * CSV with Japanese headers (as Excel writes it). The header row names the columns (any order; the
 * English key names are accepted as aliases); every following non-blank row is one researcher or seed.
 * Problems name the physical line where the row starts (header = line 1, quoted multi-line cells
 * counted) and the header of the column. Rows are validated exactly like JSONL lines.
 */
import { parse } from "csv-parse/sync";
import {
  type CsvColumn,
  headerAliases,
  normalizeHeader,
  RESEARCHER_CSV_COLUMNS,
  SEED_CSV_COLUMNS,
} from "./csv-columns";
import type { ImportProblem, Parsed, ResearcherRecord, SeedRecord } from "./records";
import { checkResearcherKeys, DuplicateKeys, validateResearcher, validateSeed } from "./validate";
import { isPlainObject, type Report } from "./values";

export { type CsvColumn, RESEARCHER_CSV_COLUMNS, SEED_CSV_COLUMNS } from "./csv-columns";

export const RESEARCHER_CSV_HEADERS = RESEARCHER_CSV_COLUMNS.map((c) => c.header);
export const SEED_CSV_HEADERS = SEED_CSV_COLUMNS.map((c) => c.header);

interface Row {
  line: number;
  cells: string[];
}

const countBreaks = (cells: string[]) => cells.reduce((n, c) => n + (c.match(/\n/g)?.length ?? 0), 0);

/** Splits CSV text into rows with the physical line each row starts on. */
export function csvRows(text: string): { rows: Row[]; problems: ImportProblem[] } {
  const normalized = text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  let lastLine = 0;
  try {
    const out = parse(normalized, {
      info: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      on_record: (record: string[], context: { lines: number }) => {
        lastLine = context.lines;
        return record;
      },
    }) as unknown as { record: string[]; info: { lines: number } }[];
    return {
      rows: out.map(({ record, info }) => ({
        line: info.lines - countBreaks(record),
        // kyoso's exports protect formula-like cells with an apostrophe (see lib/csv.ts); undo it.
        cells: record.map((c) => (/^'[=+\-@\t\r]/.test(c) ? c.slice(1) : c)),
      })),
      problems: [],
    };
  } catch (e) {
    const err = e as { code?: string; lines?: number; message?: string };
    let line = err.lines ?? lastLine + 1;
    if (err.code === "CSV_QUOTE_NOT_CLOSED") {
      const lines = normalized.split("\n");
      line = lastLine + 1;
      while (line <= lines.length && lines[line - 1]!.trim() === "") line++;
      return {
        rows: [],
        problems: [
          { line, field: null, message: 'a quoted cell starting in this row is never closed (missing ")' },
        ],
      };
    }
    return { rows: [], problems: [{ line, field: null, message: `CSV syntax error: ${err.message ?? e}` }] };
  }
}

function setPath(target: Record<string, unknown>, key: string, value: string): void {
  const [head, tail] = key.split(".") as [string, string | undefined];
  if (tail === undefined) {
    target[head] = value;
    return;
  }
  const inner = isPlainObject(target[head]) ? (target[head] as Record<string, unknown>) : {};
  inner[tail] = value;
  target[head] = inner;
}

function parseCsv<T>(
  text: string,
  columns: readonly CsvColumn[],
  validate: (raw: unknown, report: Report) => T | null,
  keys: (dup: DuplicateKeys, record: T, line: number, report: Report) => void,
): Parsed<T> {
  const { rows, problems } = csvRows(text);
  const result: Parsed<T> = { records: [], problems };
  const header = rows[0];
  if (!header) {
    if (problems.length === 0)
      problems.push({ line: 1, field: null, message: "the file is empty: no header row" });
    return result;
  }

  // Map header cells to columns.
  const byAlias = new Map<string, CsvColumn>();
  for (const col of columns) for (const a of headerAliases(col)) byAlias.set(a, col);
  const used: (CsvColumn | null)[] = [];
  const headerOf = new Map<CsvColumn, string>();
  const unknown: string[] = [];
  let fatal = false;
  header.cells.forEach((cell) => {
    const h = cell.trim();
    if (h === "") {
      used.push(null);
      return;
    }
    const col = byAlias.get(normalizeHeader(h)) ?? null;
    if (col === null) unknown.push(h);
    else if (headerOf.has(col)) {
      problems.push({
        line: header.line,
        field: h,
        message: `column "${h}" appears twice (as "${headerOf.get(col)}" too)`,
      });
      fatal = true;
    } else headerOf.set(col, h);
    used.push(col && headerOf.get(col) === h ? col : null);
  });
  if (unknown.length > 0) {
    problems.push({
      line: header.line,
      field: unknown.join(", "),
      message: `unknown column${unknown.length > 1 ? "s" : ""} ${unknown.map((u) => `"${u}"`).join(", ")}; accepted headers: ${columns.map((c) => c.header).join(", ")}`,
    });
  }
  for (const col of columns) {
    if (col.required && !headerOf.has(col)) {
      problems.push({
        line: header.line,
        field: col.header,
        message: `required column "${col.header}" is missing`,
      });
      fatal = true;
    }
  }
  const groups = [...new Set(columns.map((c) => c.oneOf).filter((g): g is string => !!g))];
  for (const g of groups) {
    const members = columns.filter((c) => c.oneOf === g);
    if (!members.some((m) => headerOf.has(m))) {
      const names = members.map((m) => `"${m.header}"`).join(" or ");
      problems.push({
        line: header.line,
        field: members[0]!.header,
        message: `a column ${names} is required`,
      });
      fatal = true;
    }
  }
  if (fatal) return result;

  // The header of the column a problem path belongs to (`keywords.ja.2` → キーワード).
  const fieldOf = (path: string): string | null => {
    if (path === "") return null;
    let best: CsvColumn | null = null;
    for (const col of headerOf.keys()) {
      if (path === col.key || path.startsWith(`${col.key}.`)) best = col;
      else if (!best && col.key.startsWith(`${path}.`)) best = col;
    }
    return best ? headerOf.get(best)! : path;
  };

  const dup = new DuplicateKeys();
  for (const row of rows.slice(1)) {
    if (row.cells.every((c) => c.trim() === "")) continue;
    const before = problems.length;
    const report: Report = (path, message) =>
      problems.push({ line: row.line, field: fieldOf(path), message });
    const extra = row.cells.slice(used.length).filter((c) => c.trim() !== "");
    if (extra.length > 0) {
      problems.push({
        line: row.line,
        field: null,
        message: `the row has ${row.cells.length} cells but the header has ${used.length} columns`,
      });
    }
    const raw: Record<string, unknown> = {};
    row.cells.forEach((cell, i) => {
      const col = used[i];
      if (col && cell.trim() !== "") setPath(raw, col.key, cell);
    });
    const record = validate(raw, report);
    if (record !== null) keys(dup, record, row.line, report);
    if (record !== null && problems.length === before) result.records.push({ line: row.line, record });
  }
  return result;
}

export function parseResearchersCsv(text: string): Parsed<ResearcherRecord> {
  return parseCsv(text, RESEARCHER_CSV_COLUMNS, validateResearcher, checkResearcherKeys);
}

export function parseSeedsCsv(text: string): Parsed<SeedRecord> {
  return parseCsv(text, SEED_CSV_COLUMNS, validateSeed, (dup, s, line, report) =>
    dup.check("externalId", s.externalId, line, "externalId", report),
  );
}

// ---------------------------------------------------------------------------------------- export rows

/** The value of one column for a record, as exports write it (lists joined with "; "). */
export function csvCell(record: object, col: CsvColumn): string {
  const [head, tail] = col.key.split(".") as [string, string | undefined];
  let v: unknown = (record as Record<string, unknown>)[head];
  if (tail !== undefined) v = isPlainObject(v) ? v[tail] : null;
  if (Array.isArray(v)) {
    return v
      .map((x) => (isPlainObject(x) ? ((x.ja ?? x.en ?? "") as string) : String(x)))
      .filter((x) => x !== "")
      .join("; ");
  }
  return v === null || v === undefined ? "" : String(v);
}

export const researcherCsvRow = (r: ResearcherRecord): string[] =>
  RESEARCHER_CSV_COLUMNS.map((c) => csvCell(r, c));
export const seedCsvRow = (s: SeedRecord): string[] => SEED_CSV_COLUMNS.map((c) => csvCell(s, c));
