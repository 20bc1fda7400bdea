/**
 * Turns one raw object (a JSONL line, or a CSV row already split into the same shape) into a
 * ResearcherRecord or SeedRecord, reporting every problem with its dot path. A record is returned only
 * when the object had no problem at all.
 */
import {
  FIELDS,
  type FieldCode,
  isEradId,
  isOrcid,
  PHASES,
  type PhaseCode,
  phaseOfTrl,
  type SeedStatus,
  type Visibility,
} from "../../../../shared/seeds";
import type { Bilingual, EquipmentRecord, ResearcherRecord, SeedRecord, WorkRecord } from "./records";
import {
  bilingual,
  bilingualList,
  checkKeys,
  integer,
  isPlainObject,
  join,
  nfkc,
  type Report,
  text,
  textList,
  typeName,
  url,
  vocabulary,
} from "./values";

// ---------------------------------------------------------------------------------------- identifiers

/** An import key (externalId, a seed's researcher reference): NFKC, trimmed. */
export function identifier(v: unknown, path: string, report: Report): string | null {
  const t = typeof v === "number" ? String(v) : text(v, path, report);
  if (t === null) return null;
  const s = nfkc(t);
  return s === "" ? null : s;
}

export function eradId(v: unknown, path: string, report: Report): string | null {
  const t = identifier(v, path, report);
  if (t === null) return null;
  if (!isEradId(t)) {
    report(path, `malformed e-Rad researcher number ${JSON.stringify(t)}: it must be 8 digits`);
    return null;
  }
  return t;
}

export function orcid(v: unknown, path: string, report: Report): string | null {
  const t = identifier(v, path, report);
  if (t === null) return null;
  const s = t.replace(/^(https?:\/\/)?(www\.)?orcid\.org\//i, "").toUpperCase();
  if (!isOrcid(s)) {
    report(
      path,
      `malformed ORCID iD ${JSON.stringify(t)}: expected 0000-0000-0000-0000 (last character a digit or X) with a valid check digit`,
    );
    return null;
  }
  return s;
}

const PERMALINK = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;

/** A researchmap permalink, or the profile URL https://researchmap.jp/{permalink}. */
export function permalink(v: unknown, path: string, report: Report): string | null {
  const t = identifier(v, path, report);
  if (t === null) return null;
  const m = /^(?:https?:\/\/)?(?:api\.)?researchmap\.jp\/([^/?#]+)/i.exec(t);
  const p = m ? decodeURIComponent(m[1]!) : t;
  if (!PERMALINK.test(p)) {
    report(
      path,
      `malformed researchmap permalink ${JSON.stringify(t)}: use the part after https://researchmap.jp/`,
    );
    return null;
  }
  return p;
}

// ---------------------------------------------------------------------------------------- vocabularies

export const FIELD_VOCABULARY = FIELDS.map((f) => ({ code: f.code as FieldCode, labels: [f.ja, f.en] }));
export const PHASE_VOCABULARY = PHASES.map((p) => ({ code: p.code as PhaseCode, labels: [p.ja, p.en] }));
export const STATUS_VOCABULARY: { code: SeedStatus; labels: string[] }[] = [
  { code: "draft", labels: ["下書き", "Draft"] },
  { code: "published", labels: ["公開", "公開中", "Published"] },
  { code: "archived", labels: ["アーカイブ", "Archived"] },
];
export const VISIBILITY_VOCABULARY: { code: Visibility; labels: string[] }[] = [
  { code: "public", labels: ["一般公開", "Public"] },
  { code: "members", labels: ["会員限定", "Members only"] },
  { code: "coordinators", labels: ["コーディネーターのみ", "Coordinators only"] },
];

// ---------------------------------------------------------------------------------------- helpers

/** Wraps a report so that the caller can tell whether anything was reported. */
function counting(report: Report): { report: Report; count: () => number } {
  let n = 0;
  return {
    report: (p, m) => {
      n++;
      report(p, m);
    },
    count: () => n,
  };
}

function applyAliases(o: Record<string, unknown>, aliases: Record<string, string>): Record<string, unknown> {
  const out = { ...o };
  for (const [alias, key] of Object.entries(aliases)) {
    if (alias in out) {
      if (!(key in out)) out[key] = out[alias];
      delete out[alias];
    }
  }
  return out;
}

const present = (b: Bilingual) => b.ja !== null || b.en !== null;

function list(v: unknown, path: string, report: Report): unknown[] {
  if (v === undefined || v === null) return [];
  if (Array.isArray(v)) return v;
  report(path, `must be a list, not ${typeName(v)}`);
  return [];
}

const YEAR = { min: 1900, max: 2100, label: "a year between 1900 and 2100" };

export const WORK_KEYS = ["title", "abstract", "year", "venue", "url", "sourceId"] as const;

function work(v: unknown, path: string, report: Report): WorkRecord | null {
  const o = typeof v === "string" ? { title: v } : v;
  if (!isPlainObject(o)) {
    report(path, `must be an object {"title": …, "year": …}, not ${typeName(v)}`);
    return null;
  }
  checkKeys(o, WORK_KEYS, path, report);
  const title = bilingual(o.title, join(path, "title"), report);
  if (!present(title)) report(join(path, "title"), "is required (ja or en)");
  return {
    title,
    abstract: bilingual(o.abstract, join(path, "abstract"), report),
    year: integer(o.year, join(path, "year"), report, YEAR),
    venue: text(o.venue, join(path, "venue"), report),
    url: url(o.url, join(path, "url"), report),
    sourceId: identifier(o.sourceId, join(path, "sourceId"), report),
  };
}

function works(v: unknown, path: string, report: Report): WorkRecord[] {
  return list(v, path, report)
    .map((w, i) => work(w, join(path, i), report))
    .filter((w): w is WorkRecord => w !== null);
}

function equipment(v: unknown, path: string, report: Report): EquipmentRecord[] {
  const out: EquipmentRecord[] = [];
  list(v, path, report).forEach((e, i) => {
    const p = join(path, i);
    const o = typeof e === "string" ? { name: e } : e;
    if (!isPlainObject(o)) {
      report(p, `must be an object {"name": …, "description": …}, not ${typeName(e)}`);
      return;
    }
    checkKeys(o, ["name", "description"], p, report);
    const name = bilingual(o.name, join(p, "name"), report);
    if (!present(name)) report(join(p, "name"), "is required (ja or en)");
    out.push({ name, description: bilingual(o.description, join(p, "description"), report) });
  });
  return out;
}

function researchAreas(v: unknown, path: string, report: Report): Bilingual[] {
  const items = typeof v === "string" ? textList(v, path, report) : list(v, path, report);
  return items
    .map((a, i) => bilingual(a, join(path, i), report))
    .filter((b) => present(b))
    .filter((b, i, all) => all.findIndex((x) => x.ja === b.ja && x.en === b.en) === i);
}

// ---------------------------------------------------------------------------------------- researchers

export const RESEARCHER_KEYS = [
  "externalId",
  "institution",
  "name",
  "nameKana",
  "department",
  "position",
  "eradId",
  "researchmapPermalink",
  "orcid",
  "keywords",
  "researchAreas",
  "biography",
  "papers",
  "patents",
  "grants",
  "equipment",
] as const;

/** Other spellings accepted in JSONL (left: alias, right: key). */
export const RESEARCHER_ALIASES: Record<string, string> = {
  permalink: "researchmapPermalink",
  researchmap: "researchmapPermalink",
  eradNumber: "eradId",
  orcidId: "orcid",
  kana: "nameKana",
};

export function validateResearcher(raw: unknown, outer: Report): ResearcherRecord | null {
  const { report, count } = counting(outer);
  if (!isPlainObject(raw)) {
    report("", `a researcher must be a JSON object, not ${typeName(raw)}`);
    return null;
  }
  const o = applyAliases(raw, RESEARCHER_ALIASES);
  checkKeys(o, RESEARCHER_KEYS, "", report);

  const institution = text(o.institution, "institution", report);
  if (institution === null && o.institution == null) {
    report(
      "institution",
      "is required: the institution's code (e.g. tut, kosen-nagaoka) or official name (e.g. 豊橋技術科学大学)",
    );
  } else if (institution === null && typeof o.institution === "string") {
    report("institution", "must not be empty");
  }
  const name = bilingual(o.name, "name", report);
  if (!present(name)) report("name", "is required (ja or en)");

  const record: ResearcherRecord = {
    externalId: identifier(o.externalId, "externalId", report),
    eradId: eradId(o.eradId, "eradId", report),
    researchmapPermalink: permalink(o.researchmapPermalink, "researchmapPermalink", report),
    orcid: orcid(o.orcid, "orcid", report),
    institution: institution ?? "",
    name,
    nameKana: text(o.nameKana, "nameKana", report),
    department: text(o.department, "department", report),
    position: text(o.position, "position", report),
    researchAreas: researchAreas(o.researchAreas, "researchAreas", report),
    keywords: bilingualList(o.keywords, "keywords", report),
    biography: bilingual(o.biography, "biography", report),
    papers: works(o.papers, "papers", report),
    patents: works(o.patents, "patents", report),
    grants: works(o.grants, "grants", report),
    equipment: equipment(o.equipment, "equipment", report),
  };
  const blank = (v: unknown) => v == null || (typeof v === "string" && v.trim() === "");
  if (blank(o.externalId) && blank(o.eradId) && blank(o.researchmapPermalink)) {
    report(
      "externalId",
      "a researcher needs at least one key: externalId (外部ID), eradId (e-Rad研究者番号) or researchmapPermalink (researchmap ID)",
    );
  }
  return count() === 0 ? record : null;
}

// ---------------------------------------------------------------------------------------- seeds

export const SEED_KEYS = [
  "externalId",
  "researchers",
  "title",
  "summary",
  "overview",
  "features",
  "applications",
  "keywords",
  "fields",
  "trl",
  "phase",
  "patents",
  "status",
  "visibility",
] as const;

export const SEED_ALIASES: Record<string, string> = { researcher: "researchers" };

/** Patent texts often contain 、 (…方法、装置及びプログラム): split only at ; ； and line breaks. */
export const PATENT_SEPARATORS = /[;；\n]/;

export function validateSeed(raw: unknown, outer: Report): SeedRecord | null {
  const { report, count } = counting(outer);
  if (!isPlainObject(raw)) {
    report("", `a seed must be a JSON object, not ${typeName(raw)}`);
    return null;
  }
  const o = applyAliases(raw, SEED_ALIASES);
  checkKeys(o, SEED_KEYS, "", report);

  const externalId = identifier(o.externalId, "externalId", report);
  if (externalId === null) report("externalId", "is required");

  const refs = typeof o.researchers === "string" ? textList(o.researchers, "researchers", report) : null;
  const researchers = (refs ?? list(o.researchers, "researchers", report))
    .map((r, i) => identifier(r, join("researchers", i), report))
    .filter((r): r is string => r !== null)
    .filter((r, i, all) => all.indexOf(r) === i);
  if (researchers.length === 0) {
    report(
      "researchers",
      "at least one researcher is required (externalId, e-Rad number or researchmap permalink)",
    );
  }

  const title = bilingual(o.title, "title", report);
  if (!present(title)) report("title", "is required (ja or en)");

  const fieldItems =
    typeof o.fields === "string" ? textList(o.fields, "fields", report) : list(o.fields, "fields", report);
  const fields = fieldItems
    .map((f, i) => vocabulary(f, join("fields", i), report, FIELD_VOCABULARY, "field"))
    .filter((f): f is FieldCode => f !== null)
    .filter((f, i, all) => all.indexOf(f) === i);

  const trl = integer(o.trl, "trl", report, { min: 1, max: 9, label: "a TRL between 1 and 9" });
  let phase = vocabulary(o.phase, "phase", report, PHASE_VOCABULARY, "phase");
  if (phase === null && trl !== null && o.phase == null) phase = phaseOfTrl(trl);
  else if (phase !== null && trl !== null && phaseOfTrl(trl) !== phase) {
    report("phase", `phase ${phase} does not match TRL ${trl} (${phaseOfTrl(trl)}); correct one of them`);
  }

  const record: SeedRecord = {
    externalId: externalId ?? "",
    researchers,
    title,
    summary: bilingual(o.summary, "summary", report),
    overview: bilingual(o.overview, "overview", report),
    features: bilingual(o.features, "features", report),
    applications: bilingual(o.applications, "applications", report),
    keywords: bilingualList(o.keywords, "keywords", report),
    fields,
    trl,
    phase,
    patents: textList(o.patents, "patents", report, PATENT_SEPARATORS),
    status: vocabulary(o.status, "status", report, STATUS_VOCABULARY, "status") ?? "published",
    visibility:
      vocabulary(o.visibility, "visibility", report, VISIBILITY_VOCABULARY, "visibility") ?? "public",
  };
  return count() === 0 ? record : null;
}

// ---------------------------------------------------------------------------------------- duplicates

/** Reports a key (externalId, e-Rad number, permalink) seen on an earlier line of the same file. */
export class DuplicateKeys {
  private readonly seen = new Map<string, number>();
  check(kind: string, value: string | null, line: number, path: string, report: Report): void {
    if (value === null) return;
    const k = `${kind}\u0000${value}`;
    const first = this.seen.get(k);
    if (first !== undefined)
      report(path, `${kind} ${JSON.stringify(value)} already appears on line ${first}`);
    else this.seen.set(k, line);
  }
}

export function checkResearcherKeys(
  dup: DuplicateKeys,
  r: ResearcherRecord,
  line: number,
  report: Report,
): void {
  dup.check("externalId", r.externalId, line, "externalId", report);
  dup.check("e-Rad researcher number", r.eradId, line, "eradId", report);
  dup.check("researchmap permalink", r.researchmapPermalink, line, "researchmapPermalink", report);
}
