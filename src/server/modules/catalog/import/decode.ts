/**
 * Bytes → text for every import file. Accepted: UTF-8 (with or without a byte-order mark) and
 * Shift_JIS as Windows writes it (CP932, what Excel saves as "CSV" on a Japanese PC). In "auto" mode a
 * file is UTF-8 when it is valid UTF-8, else Shift_JIS when it decodes cleanly as CP932, else it is
 * refused with the line and byte offset where it stops being valid.
 */
import iconv from "iconv-lite";
import type { ImportProblem } from "./records";

export type TextEncoding = "utf8" | "sjis";

export interface DecodeOptions {
  encoding?: "auto" | TextEncoding;
  /** Only used to name the file in messages. */
  fileName?: string;
}

/** A file that cannot be read at all (wrong encoding, not JSON, …). Carries problems like a parser. */
export class ImportFileError extends Error {
  readonly problems: ImportProblem[];
  constructor(problems: ImportProblem[]) {
    super(problems.map((p) => `line ${p.line}: ${p.message}`).join("\n"));
    this.name = "ImportFileError";
    this.problems = problems;
  }
}

const BOM = [0xef, 0xbb, 0xbf];

function hasBom(bytes: Uint8Array): boolean {
  return bytes.length >= 3 && bytes[0] === BOM[0] && bytes[1] === BOM[1] && bytes[2] === BOM[2];
}

/** 1-based line of a byte offset (counts LF bytes; 0x0A is never part of a UTF-8 or CP932 character). */
export function lineOfOffset(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

const hex = (bytes: Uint8Array, at: number, n: number) =>
  Array.from(bytes.subarray(at, at + n), (b) => b.toString(16).toUpperCase().padStart(2, "0")).join(" ");

/** Offset of the first byte that is not valid UTF-8, or -1 when the whole input is valid. */
export function firstInvalidUtf8(bytes: Uint8Array, from = 0): number {
  let i = from;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else return i;
    let cp = b & (need === 1 ? 0x1f : need === 2 ? 0x0f : 0x07);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

const isSjisLead = (b: number) => (b >= 0x81 && b <= 0x9f) || (b >= 0xe0 && b <= 0xfc);
const isSjisTrail = (b: number) => (b >= 0x40 && b <= 0x7e) || (b >= 0x80 && b <= 0xfc);

/**
 * Offset of the first byte that does not start a valid CP932 character, or -1. Checks the byte
 * structure and that each double-byte code is mapped (unassigned codes decode to U+FFFD).
 */
export function firstInvalidSjis(bytes: Uint8Array, from = 0): number {
  const mapped = new Map<number, boolean>();
  let i = from;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80 || (b >= 0xa1 && b <= 0xdf)) {
      i++;
      continue;
    }
    const t = bytes[i + 1];
    if (!isSjisLead(b) || t === undefined || !isSjisTrail(t)) return i;
    const code = (b << 8) | t;
    let ok = mapped.get(code);
    if (ok === undefined) {
      ok = !iconv.decode(Buffer.from([b, t]), "cp932").includes("\uFFFD");
      mapped.set(code, ok);
    }
    if (!ok) return i;
    i += 2;
  }
  return -1;
}

function decodeSjis(bytes: Uint8Array): string | null {
  const text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), "cp932");
  if (text.includes("\uFFFD")) return null;
  // Round trip: what we decoded must encode back to text that decodes identically. (Byte-exact equality
  // is too strict: CP932 has NEC/IBM duplicates such as 0x8790 and 0x81E0 for ≒, which encode to one.)
  if (iconv.decode(iconv.encode(text, "cp932"), "cp932") !== text) return null;
  return text;
}

const prefix = (opts?: DecodeOptions) => (opts?.fileName ? `${opts.fileName}: ` : "");

function fail(bytes: Uint8Array, offset: number, message: string): never {
  throw new ImportFileError([{ line: lineOfOffset(bytes, offset), field: null, message }]);
}

export function decodeText(
  bytes: Uint8Array,
  opts?: DecodeOptions,
): { text: string; encoding: TextEncoding } {
  const mode = opts?.encoding ?? "auto";
  const start = hasBom(bytes) ? 3 : 0;
  const body = bytes.subarray(start);
  const p = prefix(opts);

  if (mode === "utf8" || mode === "auto") {
    const bad = firstInvalidUtf8(bytes, start);
    if (bad < 0) return { text: new TextDecoder("utf-8", { fatal: true }).decode(body), encoding: "utf8" };
    if (mode === "utf8") {
      fail(
        bytes,
        bad,
        `${p}not valid UTF-8 at line ${lineOfOffset(bytes, bad)}, byte offset ${bad} (bytes ${hex(bytes, bad, 4)}). ` +
          "Save the file as UTF-8, or import it as Shift_JIS.",
      );
    }
    // A BOM says UTF-8: do not second-guess it as Shift_JIS.
    if (start === 0) {
      const text = decodeSjis(body);
      if (text !== null) return { text, encoding: "sjis" };
    }
    const badSjis = start === 0 ? firstInvalidSjis(bytes) : 0;
    // Report the position in the encoding the file follows longer: that is most likely the intended one.
    const at = Math.max(bad, badSjis < 0 ? bad : badSjis);
    const likely = bad >= badSjis ? "UTF-8" : "Shift_JIS";
    fail(
      bytes,
      at,
      `${p}the file is neither valid UTF-8 nor Shift_JIS (CP932): it looks like ${likely} but line ` +
        `${lineOfOffset(bytes, at)}, byte offset ${at} (bytes ${hex(bytes, at, 4)}) is not valid ${likely}` +
        ` (first invalid UTF-8 byte at offset ${bad}` +
        (badSjis >= 0 ? `, first invalid Shift_JIS byte at offset ${badSjis})` : ")") +
        ". Save the file as UTF-8 (recommended) or Shift_JIS.",
    );
  }

  const text = decodeSjis(body);
  if (text !== null) return { text, encoding: "sjis" };
  const bad = Math.max(firstInvalidSjis(bytes, start), start);
  fail(
    bytes,
    bad,
    `${p}not valid Shift_JIS (CP932) at line ${lineOfOffset(bytes, bad)}, byte offset ${bad} ` +
      `(bytes ${hex(bytes, bad, 4)}). Save the file as UTF-8, or import it as UTF-8.`,
  );
}
