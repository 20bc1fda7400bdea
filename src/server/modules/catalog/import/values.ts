/**
 * Value normalisation shared by every import format: trimming, bilingual texts, lists, codes and numbers.
 * Each helper takes the raw value, its path (a dot path like `papers.0.year`) and a `report` callback
 * that records a problem; helpers never throw.
 */
import type { Bilingual, BilingualList } from "./records";

export type Report = (path: string, message: string) => void;

export const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/** "a number", "an array", … for messages. */
export function typeName(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "a list";
  if (typeof v === "object") return "an object";
  if (typeof v === "string") return "text";
  return `a ${typeof v}`;
}

export const join = (path: string, key: string | number) => (path ? `${path}.${key}` : String(key));

/** Trim and normalise line ends; empty → null. */
export function cleanText(s: string): string | null {
  const t = s.replace(/\r\n?/g, "\n").trim();
  return t === "" ? null : t;
}

/** NFKC (full-width digits and letters → ASCII), trimmed. */
export const nfkc = (s: string) => s.normalize("NFKC").trim();

/** A single text. Numbers are accepted and written as text. */
export function text(v: unknown, path: string, report: Report): string | null {
  if (v === undefined || v === null) return null;
  if (typeof v === "number" && Number.isFinite(v)) return String(v);
  if (typeof v !== "string") {
    report(path, `must be text, not ${typeName(v)}`);
    return null;
  }
  return cleanText(v);
}

/**
 * A text in Japanese and/or English: `{"ja": "…", "en": "…"}` (either key may be missing or null), or a
 * plain string, which is Japanese.
 */
export function bilingual(v: unknown, path: string, report: Report): Bilingual {
  const out: Bilingual = { ja: null, en: null };
  if (v === undefined || v === null) return out;
  if (typeof v === "string") {
    out.ja = cleanText(v);
    return out;
  }
  if (!isPlainObject(v)) {
    report(path, `must be text or an object {"ja": …, "en": …}, not ${typeName(v)}`);
    return out;
  }
  for (const [key, value] of Object.entries(v)) {
    if (key === "ja" || key === "en") out[key] = text(value, join(path, key), report);
    else report(join(path, key), `unknown language "${key}"; use "ja" or "en"`);
  }
  return out;
}

/** Separators of lists inside one text (CSV cells, or a string where a list is expected). */
export const LIST_SEPARATORS = /[;；、]/;

export function splitList(s: string, separators: RegExp = LIST_SEPARATORS): string[] {
  return s
    .split(separators)
    .map((x) => cleanText(x))
    .filter((x): x is string => x !== null);
}

/** A list of texts: an array of strings, or one string split at `;`, `；` or `、`. Duplicates removed. */
export function textList(
  v: unknown,
  path: string,
  report: Report,
  separators: RegExp = LIST_SEPARATORS,
): string[] {
  if (v === undefined || v === null) return [];
  if (typeof v === "string") return dedupe(splitList(v, separators));
  if (!Array.isArray(v)) {
    report(path, `must be a list of texts, not ${typeName(v)}`);
    return [];
  }
  const out: string[] = [];
  v.forEach((item, i) => {
    const t = text(item, join(path, i), report);
    if (t !== null) out.push(t);
  });
  return dedupe(out);
}

function dedupe(xs: string[]): string[] {
  return [...new Set(xs)];
}

/** Keywords: `{"ja": [...], "en": [...]}`, or a list / string (Japanese). */
export function bilingualList(v: unknown, path: string, report: Report): BilingualList {
  if (v === undefined || v === null) return { ja: [], en: [] };
  if (typeof v === "string" || Array.isArray(v)) return { ja: textList(v, path, report), en: [] };
  if (!isPlainObject(v)) {
    report(path, `must be a list or an object {"ja": [...], "en": [...]}, not ${typeName(v)}`);
    return { ja: [], en: [] };
  }
  const out: BilingualList = { ja: [], en: [] };
  for (const [key, value] of Object.entries(v)) {
    if (key === "ja" || key === "en") out[key] = textList(value, join(path, key), report);
    else report(join(path, key), `unknown language "${key}"; use "ja" or "en"`);
  }
  return out;
}

/**
 * An integer: a number, or text of digits (full-width digits accepted). `label` names the range in the
 * message, e.g. "a year between 1900 and 2100".
 */
export function integer(
  v: unknown,
  path: string,
  report: Report,
  range: { min: number; max: number; label: string },
): number | null {
  if (v === undefined || v === null) return null;
  let n: number;
  if (typeof v === "number") n = v;
  else if (typeof v === "string") {
    const s = nfkc(v);
    if (s === "") return null;
    n = /^[+-]?\d+$/.test(s) ? Number(s) : Number.NaN;
  } else {
    report(path, `must be ${range.label}, not ${typeName(v)}`);
    return null;
  }
  if (!Number.isInteger(n) || n < range.min || n > range.max) {
    report(path, `must be ${range.label}, got ${JSON.stringify(v)}`);
    return null;
  }
  return n;
}

/** A code (field, phase, status, …): NFKC, trimmed, lower-case. */
export function code(v: unknown, path: string, report: Report): string | null {
  if (v === undefined || v === null) return null;
  if (typeof v !== "string") {
    report(path, `must be text, not ${typeName(v)}`);
    return null;
  }
  const s = nfkc(v).toLowerCase();
  return s === "" ? null : s;
}

/**
 * A code from a vocabulary given as codes plus labels (Japanese, English). Returns the code, or null
 * with a problem naming the accepted values.
 */
export function vocabulary<C extends string>(
  v: unknown,
  path: string,
  report: Report,
  entries: readonly { code: C; labels: readonly string[] }[],
  what: string,
): C | null {
  const c = code(v, path, report);
  if (c === null) return null;
  const compact = c.replace(/\s+/g, "");
  for (const e of entries) {
    if (e.code === c || e.labels.some((l) => nfkc(l).toLowerCase().replace(/\s+/g, "") === compact)) {
      return e.code;
    }
  }
  const accepted = entries.map((e) => [e.code, ...e.labels.slice(0, 1)].join(" / ")).join(", ");
  report(path, `unknown ${what} ${JSON.stringify(v)}; use one of: ${accepted}`);
  return null;
}

/** An http(s) URL. */
export function url(v: unknown, path: string, report: Report): string | null {
  const t = text(v, path, report);
  if (t === null) return null;
  try {
    const u = new URL(t);
    if (u.protocol === "http:" || u.protocol === "https:") return u.toString();
  } catch {
    // fall through
  }
  report(path, `must be an http(s) URL, got ${JSON.stringify(t)}`);
  return null;
}

/** Reports keys of an object that are neither known nor start with "_" (comments). */
export function checkKeys(
  obj: Record<string, unknown>,
  known: readonly string[],
  path: string,
  report: Report,
): void {
  for (const key of Object.keys(obj)) {
    if (key.startsWith("_") || known.includes(key)) continue;
    report(join(path, key), `unknown key "${key}"`);
  }
}
