/** The .ics writer (RFC 5545 escaping and folding) and the case-file kind check. */
import { describe, expect, it } from "vitest";
import { sniffCaseFile } from "../../src/server/modules/cases/files";
import { buildIcs, foldLine, icsText, icsTime } from "../../src/server/modules/cases/ics";

describe("ics", () => {
  it("escapes backslash, semicolon, comma and newlines in text", () => {
    expect(icsText("a\\b;c,d\ne\r\nf")).toBe("a\\\\b\\;c\\,d\\ne\\nf");
  });

  it("folds lines at 75 octets without splitting a UTF-8 character", () => {
    const line = `SUMMARY:${"技術相談".repeat(20)}`;
    const folded = foldLine(line);
    const parts = folded.split("\r\n");
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) expect(Buffer.byteLength(p, "utf8")).toBeLessThanOrEqual(75);
    expect(parts.slice(1).every((p) => p.startsWith(" "))).toBe(true);
    expect(folded.replace(/\r\n /g, "")).toBe(line);
    expect(foldLine("SHORT:1")).toBe("SHORT:1");
  });

  it("writes times in UTC and a whole calendar with CRLF line ends", () => {
    expect(icsTime(new Date("2026-12-01T10:00:00+09:00"))).toBe("20261201T010000Z");
    const ics = buildIcs({
      uid: "meeting-1@kyoso",
      sequence: 2,
      method: "CANCEL",
      start: new Date("2026-12-01T10:00:00+09:00"),
      end: new Date("2026-12-01T11:00:00+09:00"),
      stamp: new Date("2026-11-25T00:00:00Z"),
      summary: "面談, 初回",
      organizer: { name: 'コーディネーター "A"', email: "c@example.jp" },
      attendees: [{ name: "山田", email: "y@example.jp" }],
    });
    expect(ics.endsWith("END:VCALENDAR\r\n")).toBe(true);
    expect(ics.split("\r\n").slice(0, 5)).toEqual([
      "BEGIN:VCALENDAR",
      "VERSION:2.0",
      "PRODID:-//kyoso//case meetings//JA",
      "CALSCALE:GREGORIAN",
      "METHOD:CANCEL",
    ]);
    expect(ics).toContain("SUMMARY:面談\\, 初回\r\n");
    expect(ics).toContain("STATUS:CANCELLED\r\n");
    expect(ics).toContain("SEQUENCE:2\r\n");
    expect(ics).toContain('ORGANIZER;CN="コーディネーター A":mailto:c@example.jp');
    expect(ics).not.toMatch(/[^\r]\n/);
  });
});

describe("case file kinds", () => {
  const bytes = (s: string) => new TextEncoder().encode(s);
  it("recognises files by their content, not their name", () => {
    expect(sniffCaseFile(bytes("%PDF-1.7 ..."), "x.docx")).toBe("application/pdf");
    expect(sniffCaseFile(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), "a.bin")).toBe(
      "image/png",
    );
    expect(sniffCaseFile(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]), "a.jpg")).toBe("image/jpeg");
    expect(
      sniffCaseFile(bytes("PK\u0003\u0004....[Content_Types].xml....word/document.xml"), "a.docx"),
    ).toContain("wordprocessingml");
    expect(
      sniffCaseFile(bytes("PK\u0003\u0004....[Content_Types].xml....xl/workbook.xml"), "a.zip"),
    ).toContain("spreadsheetml");
    expect(sniffCaseFile(bytes("PK\u0003\u0004 just a zip"), "a.docx")).toBeNull();
    expect(sniffCaseFile(bytes("\uFEFF受付番号,件名\r\nN-2026-000001,テスト\r\n"), "list.csv")).toBe(
      "text/csv; charset=utf-8",
    );
    expect(sniffCaseFile(new Uint8Array([0x82, 0xa0, 0xff]), "sjis.txt")).toBeNull(); // not UTF-8
    expect(sniffCaseFile(bytes("MZ\u0090\u0000"), "setup.txt")).toBeNull();
    expect(sniffCaseFile(bytes("<html><script>alert(1)</script>"), "page.html")).toBeNull();
  });
});
