/**
 * Exports of the catalogue and of researcher profiles, in the import formats (so that an export can be
 * edited in Excel and imported again): CSV (UTF-8 with BOM, the Japanese template headers), .xlsx
 * (exceljs, one sheet, header frozen, filters on) and JSONL.
 */

import { asc, inArray, sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import { type Actor, catalogEditScope, seedVisibilitiesFor } from "../../auth/policy";
import type { DbOrTx } from "../../db/client";
import { researcherWorks } from "../../db/schema";
import { toCsv } from "../../lib/csv";
import { RESEARCHER_CSV_COLUMNS, researcherCsvRow, SEED_CSV_COLUMNS, seedCsvRow } from "./import/csv";
import type { Bilingual, ResearcherRecord, SeedRecord, WorkRecord } from "./import/records";
import { rowsOf, seedReadCondition } from "./search-sql";

export const EXPORT_FORMATS = ["csv", "xlsx", "jsonl"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const bi = (ja: string | null, en: string | null): Bilingual => ({ ja, en });

/** `viewer` "system" (the CLI, an operator) exports every seed; a user what they may read. */
export async function seedRecords(
  db: DbOrTx,
  actor: Actor | null | "system",
  filter: { institution?: string | undefined } = {},
): Promise<SeedRecord[]> {
  const rows = await rowsOf<Record<string, unknown> & { researcher_keys: string[] }>(
    db,
    sql`select s.*, coalesce((select array_agg(coalesce(r.external_id, r.erad_id, r.researchmap_permalink, r.id::text) order by sr.sort_order)
          from seed_researchers sr join researchers r on r.id = sr.researcher_id where sr.seed_id = s.id), '{}') as researcher_keys
        from seeds s
        where ${actor === "system" ? sql`true` : seedReadCondition(seedVisibilitiesFor(actor), catalogEditScope(actor))}
          ${filter.institution ? sql`and s.organization_id = ${filter.institution}` : sql``}
        order by s.external_id nulls last, s.created_at`,
  );
  return rows.map((s) => ({
    externalId: (s.external_id as string | null) ?? (s.id as string),
    researchers: s.researcher_keys,
    title: bi(s.title_ja as string | null, s.title_en as string | null),
    summary: bi(s.summary_ja as string | null, s.summary_en as string | null),
    overview: bi(s.overview_ja as string | null, s.overview_en as string | null),
    features: bi(s.features_ja as string | null, s.features_en as string | null),
    applications: bi(s.applications_ja as string | null, s.applications_en as string | null),
    keywords: { ja: (s.keywords_ja as string[]) ?? [], en: (s.keywords_en as string[]) ?? [] },
    fields: (s.fields as SeedRecord["fields"]) ?? [],
    trl: (s.trl as number | null) ?? null,
    phase: (s.phase as SeedRecord["phase"]) ?? null,
    patents: (s.patents as string[]) ?? [],
    status: s.status as SeedRecord["status"],
    visibility: s.visibility as SeedRecord["visibility"],
  }));
}

export async function researcherRecords(
  db: DbOrTx,
  filter: { institution?: string | undefined } = {},
): Promise<ResearcherRecord[]> {
  const rows = await rowsOf<
    Record<string, unknown> & { institution_code: string | null; institution_name: string }
  >(
    db,
    sql`select r.*, o.code as institution_code, o.name_ja as institution_name from researchers r join organizations o on o.id = r.organization_id
        ${filter.institution ? sql`where r.organization_id = ${filter.institution}` : sql``}
        order by o.code, r.external_id nulls last, r.name_kana`,
  );
  const works = rows.length
    ? await db
        .select()
        .from(researcherWorks)
        .where(
          inArray(
            researcherWorks.researcherId,
            rows.map((r) => r.id as string),
          ),
        )
        .orderBy(asc(researcherWorks.sortOrder))
    : [];
  const worksOf = (id: string, kind: string): WorkRecord[] =>
    works
      .filter((w) => w.researcherId === id && w.kind === kind)
      .map((w) => ({
        title: bi(w.titleJa, w.titleEn),
        abstract: bi(w.abstractJa, w.abstractEn),
        year: w.year,
        venue: w.venue,
        url: w.url,
        sourceId: w.sourceId,
      }));
  return rows.map((r) => ({
    externalId:
      (r.external_id as string | null) ?? (r.erad_id || r.researchmap_permalink ? null : (r.id as string)),
    eradId: r.erad_id as string | null,
    researchmapPermalink: r.researchmap_permalink as string | null,
    orcid: r.orcid as string | null,
    institution: r.institution_code ?? r.institution_name,
    name: bi(r.name_ja as string | null, r.name_en as string | null),
    nameKana: r.name_kana as string | null,
    department: r.department as string | null,
    position: r.position as string | null,
    researchAreas: (r.research_areas as Bilingual[]) ?? [],
    keywords: { ja: (r.keywords_ja as string[]) ?? [], en: (r.keywords_en as string[]) ?? [] },
    biography: bi(r.biography_ja as string | null, r.biography_en as string | null),
    papers: worksOf(r.id as string, "paper"),
    patents: worksOf(r.id as string, "patent"),
    grants: worksOf(r.id as string, "grant"),
    equipment: (r.equipment as ResearcherRecord["equipment"]) ?? [],
  }));
}

async function xlsx(sheetName: string, header: string[], rows: string[][]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "kyoso";
  const ws = wb.addWorksheet(sheetName, { views: [{ state: "frozen", ySplit: 1 }] });
  ws.addRow(header);
  ws.getRow(1).font = { bold: true };
  for (const r of rows) ws.addRow(r);
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: header.length } };
  header.forEach((h, i) => {
    const longest = Math.max(
      h.length * 2,
      ...rows.slice(0, 200).map((r) => Math.min(60, (r[i] ?? "").length)),
    );
    ws.getColumn(i + 1).width = Math.max(10, Math.min(60, longest + 2));
    ws.getColumn(i + 1).alignment = { vertical: "top", wrapText: longest > 40 };
  });
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

export interface ExportFile {
  body: string | Uint8Array;
  contentType: string;
  extension: ExportFormat;
  rows: number;
}

export async function exportSeeds(
  db: DbOrTx,
  actor: Actor | null | "system",
  format: ExportFormat,
  filter: { institution?: string | undefined } = {},
): Promise<ExportFile> {
  const records = await seedRecords(db, actor, filter);
  return render(
    records,
    format,
    "研究シーズ",
    SEED_CSV_COLUMNS.map((c) => c.header),
    seedCsvRow,
  );
}

export async function exportResearchers(
  db: DbOrTx,
  format: ExportFormat,
  filter: { institution?: string | undefined } = {},
): Promise<ExportFile> {
  const records = await researcherRecords(db, filter);
  return render(
    records,
    format,
    "研究者",
    RESEARCHER_CSV_COLUMNS.map((c) => c.header),
    researcherCsvRow,
  );
}

async function render<T>(
  records: T[],
  format: ExportFormat,
  sheet: string,
  header: string[],
  row: (r: T) => string[],
): Promise<ExportFile> {
  if (format === "jsonl") {
    return {
      body: records.map((r) => JSON.stringify(r)).join("\n") + (records.length ? "\n" : ""),
      contentType: "application/x-ndjson; charset=utf-8",
      extension: "jsonl",
      rows: records.length,
    };
  }
  if (format === "csv")
    return {
      body: toCsv(header, records.map(row)),
      contentType: "text/csv; charset=utf-8",
      extension: "csv",
      rows: records.length,
    };
  return {
    body: await xlsx(sheet, header, records.map(row)),
    contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    extension: "xlsx",
    rows: records.length,
  };
}
