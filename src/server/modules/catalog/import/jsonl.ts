/**
 * JSON Lines: one JSON object per line. Blank lines and lines starting with `#` are skipped. Each
 * problem names the line and the field as a dot path (`papers.0.year`). See docs/import-formats.md.
 */
import type { ImportProblem, Parsed, ResearcherRecord, SeedRecord } from "./records";
import { checkResearcherKeys, DuplicateKeys, validateResearcher, validateSeed } from "./validate";
import type { Report } from "./values";

/** The non-blank, non-comment lines of a JSONL text with their 1-based line numbers. */
export function jsonlLines(text: string): { line: number; source: string }[] {
  const out: { line: number; source: string }[] = [];
  const lines = text.replace(/^\uFEFF/, "").split(/\r\n|\n|\r/);
  lines.forEach((source, i) => {
    const t = source.trim();
    if (t === "" || t.startsWith("#")) return;
    out.push({ line: i + 1, source: t });
  });
  return out;
}

/** JSON.parse with a problem instead of an exception. */
export function parseJsonLine(source: string, line: number, problems: ImportProblem[]): unknown {
  try {
    return JSON.parse(source);
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    problems.push({
      line,
      field: null,
      message: `not valid JSON (${reason}); each line must hold one complete JSON object`,
    });
    return undefined;
  }
}

function parseJsonl<T>(
  text: string,
  validate: (raw: unknown, report: Report) => T | null,
  keys: (dup: DuplicateKeys, record: T, line: number, report: Report) => void,
): Parsed<T> {
  const result: Parsed<T> = { records: [], problems: [] };
  const dup = new DuplicateKeys();
  for (const { line, source } of jsonlLines(text)) {
    const before = result.problems.length;
    const raw = parseJsonLine(source, line, result.problems);
    if (result.problems.length > before) continue;
    const report: Report = (path, message) =>
      result.problems.push({ line, field: path === "" ? null : path, message });
    const record = validate(raw, report);
    if (record === null) continue;
    keys(dup, record, line, report);
    if (result.problems.length === before) result.records.push({ line, record });
  }
  return result;
}

export function parseResearchersJsonl(text: string): Parsed<ResearcherRecord> {
  return parseJsonl(text, validateResearcher, checkResearcherKeys);
}

export function parseSeedsJsonl(text: string): Parsed<SeedRecord> {
  return parseJsonl(text, validateSeed, (dup, s, line, report) =>
    dup.check("externalId", s.externalId, line, "externalId", report),
  );
}
