/**
 * researchmap (https://researchmap.jp) → ResearcherRecord. researchmap's public read API returns
 * JSON-LD: the profile at `/{permalink}` and item lists at `/{permalink}/{type}` (`items`,
 * `total_items`, paged with `limit`/`start`). Texts are `{ "ja": …, "en": … }` objects. Each item carries
 * its disclosure setting in `display`; only items that are publicly disclosed are imported, the others
 * are dropped and counted. Key names and their sources: docs/import-formats.md § researchmap.
 */
import { matchInstitution } from "./institution-match";
import { jsonlLines, parseJsonLine } from "./jsonl";
import type { Bilingual, ImportProblem, Parsed, ResearcherRecord, WorkRecord } from "./records";
import { RESEARCHMAP_LIST_TYPES, type ResearchmapListType } from "./researchmap-fetch";
import { checkResearcherKeys, DuplicateKeys, eradId, orcid, permalink } from "./validate";
import { cleanText, isPlainObject, type Report } from "./values";

export { matchInstitution } from "./institution-match";
export {
  fetchResearchmapResearcher,
  RESEARCHMAP_LIST_TYPES,
  ResearchmapFetchError,
  type ResearchmapListType,
} from "./researchmap-fetch";

export interface ResearchmapInput {
  profile: unknown;
  lists: Partial<Record<ResearchmapListType, unknown[]>>;
  /**
   * Institution code or name for a researcher whose affiliations name no member institution. An
   * affiliation that matchInstitution recognises wins; "" = none given (then it is a problem).
   */
  institution: string;
}

export interface Dropped {
  type: string;
  count: number;
}

// ---------------------------------------------------------------------------------------- values

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (isPlainObject(v) ? v : {});
const str = (v: unknown): string | null =>
  typeof v === "string" ? cleanText(v) : typeof v === "number" ? String(v) : null;

/** `{ja, en}` (other keys such as `ja-Kana` ignored) or a plain string (Japanese). */
function rmText(v: unknown): Bilingual {
  if (typeof v === "string") return { ja: cleanText(v), en: null };
  const o = obj(v);
  return { ja: str(o.ja), en: str(o.en) };
}

const present = (b: Bilingual) => b.ja !== null || b.en !== null;
const first = (...vs: Bilingual[]) => vs.find(present) ?? { ja: null, en: null };

/** The first value of an identifier, which researchmap gives as a list (`"erad_id": ["…"]`). */
function firstId(v: unknown): string | null {
  return Array.isArray(v) ? str(v[0]) : str(v);
}

const PUBLIC_DISPLAY = new Set(["disclosed", "public", "open", "公開"]);

/**
 * researchmap's disclosure setting: `display` is "disclosed" (公開) for public items; anything else
 * ("researchers_only" 研究者のみに公開, "closed" 非公開, …) is not imported. An item without `display`
 * counts as public (the public API only serves disclosed items). `is_public: false` is honoured too.
 */
export function isDisclosed(item: unknown, key = "display"): boolean {
  const o = obj(item);
  if (o.is_public === false || o["rm:is_public"] === false) return false;
  const d = o[key];
  if (d === undefined || d === null) return true;
  return typeof d === "string" && PUBLIC_DISPLAY.has(d.trim().toLowerCase());
}

function yearOf(...dates: unknown[]): number | null {
  for (const d of dates) {
    const m = typeof d === "string" ? /^(\d{4})/.exec(d.trim()) : null;
    const y = m ? Number(m[1]) : typeof d === "number" ? d : Number.NaN;
    if (Number.isInteger(y) && y >= 1900 && y <= 2100) return y;
  }
  return null;
}

/** The item's id: `rm:id`, else the last segment of `@id`. */
function sourceId(item: Obj): string | null {
  const id = str(item["rm:id"]) ?? str(item.id);
  if (id) return id;
  const at = str(item["@id"]);
  return at ? (at.replace(/\/+$/, "").split("/").pop() ?? null) : null;
}

function seeAlso(item: Obj, ...labels: string[]): string | null {
  const links = Array.isArray(item.see_also) ? item.see_also.map(obj) : [];
  for (const label of labels) {
    const hit = links.find((l) => l.label === label && typeof l["@id"] === "string");
    if (hit) return str(hit["@id"]);
  }
  return null;
}

function itemUrl(item: Obj, ...labels: string[]): string | null {
  const doi = firstId(obj(item.identifiers).doi);
  if (doi) return `https://doi.org/${doi.replace(/^https?:\/\/(dx\.)?doi\.org\//i, "")}`;
  return seeAlso(item, "url", ...labels);
}

const joinParts = (parts: (string | null)[], sep = " / ") => parts.filter((p) => p).join(sep) || null;

// ---------------------------------------------------------------------------------------- item mappers

function paper(item: Obj): WorkRecord {
  const venue = rmText(item.publication_name);
  return {
    title: rmText(item.paper_title),
    abstract: first(rmText(item.description), rmText(item.abstract)),
    year: yearOf(item.publication_date),
    venue: venue.ja ?? venue.en,
    url: itemUrl(item),
    sourceId: sourceId(item),
  };
}

function patent(item: Obj): WorkRecord {
  const number =
    str(item.patent_number) ?? str(item.application_number) ?? str(item.patent_publication_number) ?? null;
  return {
    title: first(rmText(item.industrial_property_right_title), rmText(item.industrial_property_right_name)),
    abstract: rmText(item.description),
    year: yearOf(item.application_date, item.registration_date, item.patent_announcement_date),
    venue: number,
    url: itemUrl(item, "j_global"),
    sourceId: sourceId(item),
  };
}

function grant(item: Obj): WorkRecord {
  const pick = (b: Bilingual) => b.ja ?? b.en;
  const grantNumber = firstId(obj(item.identifiers).grant_number);
  const funder = joinParts([
    pick(rmText(item.offer_organization)),
    pick(rmText(item.system_name)),
    pick(rmText(item.category)),
  ]);
  return {
    title: rmText(item.research_project_title),
    abstract: rmText(item.description),
    year: yearOf(item.from_date),
    venue: joinParts([funder, grantNumber ? `(${grantNumber})` : null], " "),
    url: itemUrl(item, "kaken"),
    sourceId: sourceId(item),
  };
}

// ---------------------------------------------------------------------------------------- profile

/** Kana reading: researchmap keeps it beside ja/en as `ja-Kana` (also accepted: `ja_kana`, `kana`). */
function kana(v: unknown): string | null {
  const o = obj(v);
  return str(o["ja-Kana"]) ?? str(o["ja-kana"]) ?? str(o.ja_kana) ?? str(o.kana);
}

function personName(profile: Obj): { name: Bilingual; nameKana: string | null } {
  const family = rmText(profile.family_name);
  const given = rmText(profile.given_name);
  const ja = joinParts([family.ja, given.ja], " ");
  const en = joinParts([given.en, family.en], " ");
  const familyKana = kana(profile.family_name) ?? str(profile.family_name_kana);
  const givenKana = kana(profile.given_name) ?? str(profile.given_name_kana);
  return { name: { ja, en }, nameKana: joinParts([familyKana, givenKana], " ") };
}

function affiliations(profile: Obj): Obj[] {
  const list = Array.isArray(profile.affiliations) ? profile.affiliations : [];
  return list.map(obj).filter((a) => isDisclosed(a));
}

/** The institution code an affiliation of the profile names, or null. */
export function institutionOfProfile(profile: unknown): string | null {
  for (const a of affiliations(obj(profile))) {
    const name = rmText(a.affiliation);
    const code = (name.ja && matchInstitution(name.ja)) || (name.en && matchInstitution(name.en));
    if (code) return code;
  }
  return null;
}

function permalinkOf(profile: Obj): unknown {
  if (profile.permalink != null) return profile.permalink;
  if (profile["rm:permalink"] != null) return profile["rm:permalink"];
  const at = str(profile["@id"]);
  return at ? at.replace(/\/+$/, "") : null;
}

function parseProfileAt(input: ResearchmapInput, line: number) {
  const problems: ImportProblem[] = [];
  const report: Report = (field, message) => problems.push({ line, field: field || null, message });
  const profile = obj(input.profile);
  const dropped: Dropped[] = [];
  const count = (type: string) => {
    const d = dropped.find((x) => x.type === type);
    if (d) d.count++;
    else dropped.push({ type, count: 1 });
  };
  const disclosed = (type: ResearchmapListType): Obj[] =>
    (input.lists[type] ?? [])
      .filter((item) => {
        if (isDisclosed(item)) return true;
        count(type);
        return false;
      })
      .map(obj);

  const { name, nameKana } = personName(profile);
  if (!present(name)) report("family_name", "the researchmap profile has no name (family_name / given_name)");
  const link = permalink(permalinkOf(profile), "@id", report);
  if (link === null && !problems.some((p) => p.field === "@id")) {
    report("@id", "the researchmap profile has no permalink (@id https://api.researchmap.jp/{permalink})");
  }
  const ids = obj(profile.identifiers);
  const aff = affiliations(profile);
  const institution = institutionOfProfile(profile) ?? (input.institution.trim() || null);
  if (institution === null) {
    const names = aff.map((a) => rmText(a.affiliation).ja ?? rmText(a.affiliation).en).filter(Boolean);
    report(
      "affiliations",
      `cannot tell the institution from the affiliation${names.length ? ` (${names.join(", ")})` : " (none given)"}; give the institution explicitly (--institution)`,
    );
  }
  const affiliationCode = (a: Obj) =>
    matchInstitution(rmText(a.affiliation).ja ?? "") ?? matchInstitution(rmText(a.affiliation).en ?? "");
  const mine = aff.find((a) => affiliationCode(a) === institution) ?? aff[0];

  const keywords = { ja: [] as string[], en: [] as string[] };
  for (const item of disclosed("research_interests")) {
    const k = first(rmText(item.keyword), rmText(item.research_keyword), rmText(item.research_interest));
    if (k.ja && !keywords.ja.includes(k.ja)) keywords.ja.push(k.ja);
    if (k.en && !keywords.en.includes(k.en)) keywords.en.push(k.en);
  }
  const researchAreas: Bilingual[] = [];
  for (const item of disclosed("research_areas")) {
    const a = first(rmText(item.research_area), rmText(item.research_field), rmText(item.discipline));
    if (present(a) && !researchAreas.some((x) => x.ja === a.ja && x.en === a.en)) researchAreas.push(a);
  }
  const works = (type: ResearchmapListType, map: (o: Obj) => WorkRecord) =>
    disclosed(type)
      .map(map)
      .filter((w) => {
        if (present(w.title)) return true;
        count(`${type} (untitled)`);
        return false;
      });

  const record: ResearcherRecord = {
    externalId: null,
    eradId: eradId(firstId(ids.erad_id), "identifiers.erad_id", report),
    researchmapPermalink: link,
    orcid: orcid(
      firstId(ids.orcid_id) ?? firstId(ids.orc_id) ?? firstId(ids.orcid),
      "identifiers.orcid_id",
      report,
    ),
    institution: institution ?? "",
    name,
    nameKana,
    department: mine
      ? (rmText(mine.section).ja ?? rmText(mine.department).ja ?? rmText(mine.section).en)
      : null,
    position: mine ? (rmText(mine.job).ja ?? rmText(mine.job_title).ja ?? rmText(mine.job).en) : null,
    researchAreas,
    keywords,
    biography: isDisclosed(profile, "display_profile") ? rmText(profile.profile) : { ja: null, en: null },
    papers: works("published_papers", paper),
    patents: works("industrial_property_rights", patent),
    grants: works("research_projects", grant),
    equipment: [],
  };
  return { record, dropped, problems };
}

/** One researcher from a researchmap profile and its item lists (as fetched or read from a file). */
export function parseResearchmapProfile(input: ResearchmapInput): {
  record: ResearcherRecord;
  dropped: Dropped[];
  problems: ImportProblem[];
} {
  return parseProfileAt(input, 1);
}

// ---------------------------------------------------------------------------------------- files

/**
 * A document of the file format: the profile JSON plus, per list type, the API's list response
 * (`{"items": [...], "total_items": n}`) or a plain array of items. The raw `/{permalink}` response,
 * whose lists sit in `@graph` as `{"@type": "published_papers", "items": [...]}`, is accepted too.
 */
export function documentToInput(doc: unknown): Omit<ResearchmapInput, "institution"> {
  const o = obj(doc);
  const lists: Partial<Record<ResearchmapListType, unknown[]>> = {};
  const itemsOf = (v: unknown): unknown[] | null =>
    Array.isArray(v) ? v : isPlainObject(v) && Array.isArray(v.items) ? v.items : null;
  for (const g of Array.isArray(o["@graph"]) ? o["@graph"] : []) {
    const type = obj(g)["@type"];
    const items = itemsOf(g);
    if (RESEARCHMAP_LIST_TYPES.includes(type as ResearchmapListType) && items) {
      lists[type as ResearchmapListType] = [...(lists[type as ResearchmapListType] ?? []), ...items];
    }
  }
  for (const type of RESEARCHMAP_LIST_TYPES) {
    const items = itemsOf(o[type]);
    if (items) lists[type] = items;
  }
  return { profile: o, lists };
}

/** 1-based line on which each element of a top-level JSON array starts. */
function arrayElementLines(text: string): number[] {
  const lines: number[] = [];
  let line = 1;
  let depth = 0;
  let inString = false;
  let escaped = false;
  let expect = false;
  for (const ch of text) {
    if (ch === "\n") line++;
    if (inString) {
      if (escaped) escaped = false;
      else if (ch === "\\") escaped = true;
      else if (ch === '"') inString = false;
      continue;
    }
    if (depth === 1 && expect && !/[\s,\]]/.test(ch)) {
      lines.push(line);
      expect = false;
    }
    if (ch === '"') inString = true;
    else if (ch === "[" || ch === "{") {
      depth++;
      if (depth === 1) expect = true;
    } else if (ch === "]" || ch === "}") depth--;
    else if (ch === "," && depth === 1) expect = true;
  }
  return lines;
}

function documents(text: string, problems: ImportProblem[]): { line: number; doc: unknown }[] {
  const t = text.replace(/^\uFEFF/, "");
  const trimmed = t.trim();
  if (trimmed === "") {
    problems.push({ line: 1, field: null, message: "the file is empty" });
    return [];
  }
  if (trimmed.startsWith("[")) {
    const parsed = parseJsonLine(trimmed, 1, problems);
    if (!Array.isArray(parsed)) return [];
    const lines = arrayElementLines(t);
    return parsed.map((doc, i) => ({ line: lines[i] ?? 1, doc }));
  }
  try {
    return [{ line: 1, doc: JSON.parse(trimmed) }];
  } catch {
    // Not one JSON document: JSON Lines.
  }
  return jsonlLines(t).flatMap(({ line, source }) => {
    const before = problems.length;
    const doc = parseJsonLine(source, line, problems);
    return problems.length > before ? [] : [{ line, doc }];
  });
}

/**
 * A file of researchmap documents: one JSON document, a JSON array of documents, or JSON Lines.
 * The institution is the member institution that a profile's affiliation names (matchInstitution),
 * else `opts.institution`; a researcher with neither is a problem.
 */
export function parseResearchmapFile(
  text: string,
  opts: { institution?: string },
): Parsed<ResearcherRecord> & { dropped: Dropped[] } {
  const problems: ImportProblem[] = [];
  const result: Parsed<ResearcherRecord> & { dropped: Dropped[] } = { records: [], problems, dropped: [] };
  const dup = new DuplicateKeys();
  for (const { line, doc } of documents(text, problems)) {
    if (!isPlainObject(doc)) {
      problems.push({
        line,
        field: null,
        message: "each researchmap document must be a JSON object (a profile)",
      });
      continue;
    }
    const one = parseProfileAt({ ...documentToInput(doc), institution: opts.institution ?? "" }, line);
    for (const d of one.dropped) {
      const agg = result.dropped.find((x) => x.type === d.type);
      if (agg) agg.count += d.count;
      else result.dropped.push({ ...d });
    }
    const before = problems.length;
    problems.push(...one.problems);
    checkResearcherKeys(dup, one.record, line, (field, message) => problems.push({ line, field, message }));
    if (problems.length === before) result.records.push({ line, record: one.record });
  }
  problems.sort((a, b) => a.line - b.line);
  return result;
}
