/**
 * The columns of the researcher and seed CSV files, as data: imports read them, exports (CSV, xlsx)
 * write the same headers in the same order. `key` is the path in the record (`name.en` = the English
 * name); headers are matched after NFKC (so （英語） and (英語) are the same), ignoring case and spaces,
 * and the English aliases (the record's key names: `name`, `name.en`, `nameEn`, …) are accepted too.
 */
export interface CsvColumn {
  /** The Japanese header that exports write. */
  header: string;
  /** Path in the record: `externalId`, `name.ja`, `keywords.en`, … */
  key: string;
  /** The header must be present in the file. */
  required: boolean;
  /** At least one header of the group must be present (e.g. 氏名 or 氏名（英語）). */
  oneOf?: string;
  /** The cell holds a list separated by `;`, `；` or `、` (関連特許: `;`, `；` or line breaks only). */
  list?: boolean;
  description: string;
  example: string;
}

const c = (
  header: string,
  key: string,
  description: string,
  example: string,
  extra: Partial<CsvColumn> = {},
): CsvColumn => ({ header, key, required: false, description, example, ...extra });

export const RESEARCHER_CSV_COLUMNS: readonly CsvColumn[] = [
  c("外部ID", "externalId", "Your own stable ID for the researcher (import key).", "r-csv-001", {
    oneOf: "key",
  }),
  c(
    "所属機関",
    "institution",
    "Institution code or official name (required in every row).",
    "豊橋技術科学大学",
    { required: true },
  ),
  c("氏名", "name.ja", "Name in Japanese (氏名 or 氏名（英語） is required).", "見本 一子", {
    oneOf: "name",
  }),
  c("氏名（英語）", "name.en", "Name in English.", "Ichiko Mihon (sample)", { oneOf: "name" }),
  c("ふりがな", "nameKana", "Reading of the name in kana.", "みほん いちこ"),
  c("所属部署", "department", "Department, faculty or course.", "機械工学系"),
  c("職名", "position", "Position (教授, 准教授, 講師, 助教, …; free text).", "准教授"),
  c("e-Rad研究者番号", "eradId", "e-Rad researcher number, 8 digits (import key).", "99990101", {
    oneOf: "key",
  }),
  c(
    "researchmap ID",
    "researchmapPermalink",
    "researchmap permalink, the part after https://researchmap.jp/ (import key).",
    "sample-ichiko",
    { oneOf: "key" },
  ),
  c("ORCID", "orcid", "ORCID iD with a valid check digit.", "0000-0000-0000-0706"),
  c("キーワード", "keywords.ja", "Research keywords in Japanese (list).", "摩擦; 表面処理", { list: true }),
  c(
    "キーワード（英語）",
    "keywords.en",
    "Research keywords in English (list).",
    "friction; surface treatment",
    {
      list: true,
    },
  ),
  c("研究分野", "researchAreas", "Research areas in Japanese (list).", "機械材料・材料力学", { list: true }),
  c("経歴・紹介", "biography.ja", "Biography or introduction in Japanese.", "表面処理の研究に従事。"),
  c(
    "経歴・紹介（英語）",
    "biography.en",
    "Biography or introduction in English.",
    "Works on surface treatment.",
  ),
];

export const SEED_CSV_COLUMNS: readonly CsvColumn[] = [
  c("外部ID", "externalId", "Your own stable ID for the seed (import key).", "s-csv-001", { required: true }),
  c(
    "研究者",
    "researchers",
    "Researchers by 外部ID, e-Rad number or researchmap permalink; the first is the lead (list).",
    "r-csv-001; r-csv-002",
    { required: true, list: true },
  ),
  c(
    "タイトル",
    "title.ja",
    "Title in Japanese (タイトル or タイトル（英語） is required).",
    "摩擦を半減する表面処理",
    {
      oneOf: "title",
    },
  ),
  c("タイトル（英語）", "title.en", "Title in English.", "Surface treatment that halves friction", {
    oneOf: "title",
  }),
  c("概要", "summary.ja", "Summary in Japanese.", "金属表面に微細な溝を加工し…"),
  c("概要（英語）", "summary.en", "Summary in English.", "Fine grooves on metal surfaces…"),
  c("技術の概要", "overview.ja", "Technical overview (技術の概要) in Japanese.", "レーザー加工で…"),
  c("技術の概要（英語）", "overview.en", "Technical overview in English.", "Laser texturing…"),
  c(
    "従来技術との比較・特徴",
    "features.ja",
    "Comparison with prior art and features in Japanese.",
    "従来比で摩擦係数が約半分。",
  ),
  c(
    "従来技術との比較・特徴（英語）",
    "features.en",
    "Comparison with prior art and features in English.",
    "About half the friction.",
  ),
  c("想定される用途", "applications.ja", "Expected applications in Japanese.", "自動車部品、工作機械"),
  c("想定される用途（英語）", "applications.en", "Expected applications in English.", "Automotive parts"),
  c("キーワード", "keywords.ja", "Keywords in Japanese (list).", "トライボロジー; レーザー加工", {
    list: true,
  }),
  c("キーワード（英語）", "keywords.en", "Keywords in English (list).", "tribology; laser processing", {
    list: true,
  }),
  c(
    "分野",
    "fields",
    "Fields: codes (mechanical, information, …) or Japanese labels (機械, 情報, …) (list).",
    "機械; 材料",
    { list: true },
  ),
  c("TRL", "trl", "Technology readiness level, 1–9.", "4"),
  c(
    "段階",
    "phase",
    "基礎 / 応用 / 実用化 (or basic / applied / practical); derived from TRL when empty.",
    "応用",
  ),
  c(
    "関連特許",
    "patents",
    "Related patents as free text; several separated by ; or line breaks (not 、).",
    "特許第0000001号 表面処理方法、及びその装置",
    { list: true },
  ),
  c("公開状態", "status", "下書き / 公開 / アーカイブ (draft / published / archived); default 公開.", "公開"),
  c(
    "公開範囲",
    "visibility",
    "一般公開 / 会員限定 / コーディネーターのみ (public / members / coordinators); default 一般公開.",
    "一般公開",
  ),
];

/** Header comparison: NFKC, lower-case, without spaces. */
export const normalizeHeader = (h: string) =>
  h
    .replace(/^\uFEFF/, "")
    .normalize("NFKC")
    .toLowerCase()
    .replace(/\s+/g, "");

/** Every header text accepted for a column: the Japanese header and the English key spellings. */
export function headerAliases(col: CsvColumn): string[] {
  const out = [col.header, col.key];
  const [base, lang] = col.key.split(".");
  if (lang) {
    out.push(`${base}${lang[0]!.toUpperCase()}${lang.slice(1)}`, `${base}_${lang}`);
    if (lang === "ja") out.push(base!);
  }
  const snake = col.key
    .replace(/([a-z])([A-Z])/g, "$1_$2")
    .replace(/\./g, "_")
    .toLowerCase();
  out.push(snake);
  return [...new Set(out.map(normalizeHeader))];
}
