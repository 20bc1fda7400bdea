/**
 * CSV for Excel: UTF-8 with a byte-order mark (so Excel opens Japanese text correctly), CRLF line ends,
 * RFC 4180 quoting (csv-stringify).
 */
import { stringify } from "csv-stringify/sync";
import type { Context } from "hono";

/**
 * A text cell that Excel would read as a formula (=, +, -, @ first: "CSV injection") is written with a
 * leading apostrophe, which Excel shows as text; kyoso's CSV importer removes it again.
 */
export function excelSafe(v: string): string {
  return /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
}

export function toCsv(header: string[], rows: (string | number | null | undefined)[][]): string {
  const cells = rows.map((r) =>
    r.map((v) => (v == null ? "" : typeof v === "number" ? String(v) : excelSafe(v))),
  );
  return `\uFEFF${stringify([header, ...cells], { record_delimiter: "windows", quoted_match: /[\r\n]/ })}`;
}

/** A download response; the file name may be Japanese (RFC 6266 / 5987). */
export function downloadResponse(
  c: Context,
  body: string | Uint8Array,
  fileName: string,
  contentType: string,
) {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, "_").replace(/"/g, "");
  c.header("Content-Type", contentType);
  c.header(
    "Content-Disposition",
    `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
  );
  c.header("Cache-Control", "no-store");
  return c.body(typeof body === "string" ? body : new Uint8Array(body));
}

export const CSV_TYPE = "text/csv; charset=utf-8";
