/**
 * Vocabulary of the seeds database, shared by server (validation, imports) and UI (filters, labels).
 */

/** Research fields (分野). Codes are stable; labels are bilingual. */
export const FIELDS = [
  { code: "mechanical", ja: "機械", en: "Mechanical engineering" },
  { code: "electrical", ja: "電気電子", en: "Electrical and electronic engineering" },
  { code: "information", ja: "情報", en: "Information and computing" },
  { code: "chemistry_bio", ja: "化学・生物", en: "Chemistry and biology" },
  { code: "materials", ja: "材料", en: "Materials" },
  { code: "civil_env", ja: "建築・土木・環境", en: "Architecture, civil and environmental engineering" },
  { code: "energy", ja: "エネルギー", en: "Energy" },
  { code: "medical_welfare", ja: "医療・福祉", en: "Medical and welfare technology" },
  { code: "agri_food", ja: "農業・食品", en: "Agriculture and food" },
  { code: "maritime", ja: "商船・海洋", en: "Maritime and ocean" },
  { code: "math_data", ja: "数理・データサイエンス", en: "Mathematics and data science" },
  { code: "education", ja: "教育・人材育成", en: "Education" },
] as const;
export type FieldCode = (typeof FIELDS)[number]["code"];
export const FIELD_CODES = FIELDS.map((f) => f.code) as [FieldCode, ...FieldCode[]];

/**
 * Stage of development: a TRL (Technology Readiness Level, 1–9) and the coarse phase Japanese seed
 * sheets use (基礎 1–3, 応用 4–6, 実用化 7–9). A seed may give only the phase.
 */
export const PHASES = [
  { code: "basic", ja: "基礎", en: "Basic research", trl: [1, 3] },
  { code: "applied", ja: "応用", en: "Applied research", trl: [4, 6] },
  { code: "practical", ja: "実用化", en: "Practical use", trl: [7, 9] },
] as const;
export type PhaseCode = (typeof PHASES)[number]["code"];
export const PHASE_CODES = PHASES.map((p) => p.code) as [PhaseCode, ...PhaseCode[]];

export function phaseOfTrl(trl: number): PhaseCode {
  return trl <= 3 ? "basic" : trl <= 6 ? "applied" : "practical";
}

export const SEED_STATUSES = ["draft", "published", "archived"] as const;
export type SeedStatus = (typeof SEED_STATUSES)[number];

/** Who may see a seed: anyone, signed-in members, or coordinators (and admins) only. */
export const VISIBILITIES = ["public", "members", "coordinators"] as const;
export type Visibility = (typeof VISIBILITIES)[number];

/** Positions (職名) in the order of seniority, for forms and sorting; free text is also accepted. */
export const POSITIONS = [
  "教授",
  "准教授",
  "講師",
  "助教",
  "助手",
  "特任教授",
  "特任准教授",
  "嘱託教授",
  "技術職員",
] as const;

/**
 * e-Rad 研究者番号: 8 digits. ORCID iD: four groups of four, the last character a check digit
 * (ISO 7064 11,2; may be X).
 */
export function isEradId(v: string): boolean {
  return /^\d{8}$/.test(v);
}

export function isOrcid(v: string): boolean {
  const m = /^(\d{4})-(\d{4})-(\d{4})-(\d{3}[\dX])$/.exec(v);
  if (!m) return false;
  const digits = v.replace(/-/g, "");
  let total = 0;
  for (const ch of digits.slice(0, 15)) total = (total + Number(ch)) * 2;
  const check = (12 - (total % 11)) % 11;
  return digits[15] === (check === 10 ? "X" : String(check));
}
