/**
 * The normalised records that every import format produces (researchmap JSON-LD, JSONL, CSV) and the
 * demo generator too. Parsers only turn bytes into records and report what is wrong with a line; the
 * importer (apply.ts) resolves institutions and links against the database and writes.
 */
import type { FieldCode, PhaseCode, SeedStatus, Visibility } from "../../../../shared/seeds";

/** A text in Japanese and/or English. Empty strings are normalised to null. */
export interface Bilingual {
  ja: string | null;
  en: string | null;
}

export interface BilingualList {
  ja: string[];
  en: string[];
}

/** A paper, patent or grant. `sourceId` is the id in the source system (researchmap item id), if any. */
export interface WorkRecord {
  title: Bilingual;
  abstract: Bilingual;
  year: number | null;
  /** Journal / patent number / funder, as the source gives it. */
  venue: string | null;
  url: string | null;
  sourceId: string | null;
}

export interface EquipmentRecord {
  name: Bilingual;
  description: Bilingual;
}

export interface ResearcherRecord {
  /** Import key; at least one of externalId, eradId, researchmapPermalink is present. */
  externalId: string | null;
  eradId: string | null;
  researchmapPermalink: string | null;
  orcid: string | null;
  /** Institution code (e.g. `tut`, `kosen-nagaoka`) or official name (豊橋技術科学大学), resolved on apply. */
  institution: string;
  name: Bilingual;
  /** Reading in kana (hiragana or katakana). */
  nameKana: string | null;
  department: string | null;
  position: string | null;
  researchAreas: Bilingual[];
  keywords: BilingualList;
  biography: Bilingual;
  papers: WorkRecord[];
  patents: WorkRecord[];
  grants: WorkRecord[];
  equipment: EquipmentRecord[];
}

export interface SeedRecord {
  externalId: string;
  /** Researchers by externalId, eRad number or researchmap permalink; the first is the lead. */
  researchers: string[];
  title: Bilingual;
  summary: Bilingual;
  /** 技術の概要 */
  overview: Bilingual;
  /** 従来技術との比較・特徴 */
  features: Bilingual;
  /** 想定される用途 */
  applications: Bilingual;
  keywords: BilingualList;
  fields: FieldCode[];
  trl: number | null;
  phase: PhaseCode | null;
  /** Related patents as free text (number and title). */
  patents: string[];
  status: SeedStatus;
  visibility: Visibility;
}

/** One problem in an input file. `line` is 1-based (for CSV: the physical line of the row). */
export interface ImportProblem {
  line: number;
  field: string | null;
  message: string;
}

export interface Parsed<T> {
  /** Records with the line they came from. */
  records: { line: number; record: T }[];
  problems: ImportProblem[];
}

export const emptyBilingual = (): Bilingual => ({ ja: null, en: null });
