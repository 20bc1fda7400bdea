/**
 * Files attached to a case (minutes, NDAs, drawings): at most 10 MB, of an allowed kind recognised by
 * the bytes (PDF, PNG, JPEG, Word, Excel, PowerPoint, plain text/CSV), kept in the database (outside any
 * web root, in the backups), downloaded only by those who handle the case, always as an attachment.
 */
import { createHash } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { Actor } from "../../auth/policy";
import type { Db } from "../../db/client";
import { caseFiles } from "../../db/schema";
import { invalid, notFound } from "../../errors";
import { recordAudit } from "../audit/service";
import { sniffImageType } from "../catalog/images";
import { MAX_CASE_FILE_BYTES } from "./codes";
import { loadManagedCase, recordEvent } from "./service";

const OFFICE: Record<string, { type: string; marker: string }> = {
  docx: {
    type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    marker: "word/",
  },
  xlsx: {
    type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    marker: "xl/",
  },
  pptx: {
    type: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    marker: "ppt/",
  },
};

/** The kind of a file by its bytes (and, for text, by being valid UTF-8 without control characters). */
export function sniffCaseFile(b: Uint8Array, fileName: string): string | null {
  const ascii = (from: number, to: number) => String.fromCharCode(...b.slice(from, to));
  if (b.length >= 5 && ascii(0, 5) === "%PDF-") return "application/pdf";
  const image = sniffImageType(b);
  if (image === "image/png" || image === "image/jpeg") return image;
  if (b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04) {
    // An Office Open XML file is a zip whose entries name its kind; other zips are refused.
    const head = Buffer.from(b.subarray(0, Math.min(b.length, 64 * 1024))).toString("latin1");
    if (!head.includes("[Content_Types].xml")) return null;
    const ext = fileName.toLowerCase().split(".").pop() ?? "";
    const byExt = OFFICE[ext];
    if (byExt && head.includes(byExt.marker)) return byExt.type;
    for (const o of Object.values(OFFICE)) if (head.includes(o.marker)) return o.type;
    return null;
  }
  if (/\.(txt|csv|md)$/i.test(fileName)) {
    let text: string;
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(b);
    } catch {
      return null;
    }
    const body = text.replace(/^\uFEFF/, "");
    // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
    if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/.test(body)) return null;
    return fileName.toLowerCase().endsWith(".csv") ? "text/csv; charset=utf-8" : "text/plain; charset=utf-8";
  }
  return null;
}

/** A stored file name: NFC, no path separators or control characters, at most 200 characters. */
export function safeFileName(raw: string): string {
  const cleaned = [...raw.normalize("NFC")]
    .map((ch) => (ch === "/" || ch === "\\" || ch.charCodeAt(0) < 0x20 ? "_" : ch))
    .join("");
  return cleaned.slice(0, 200).trim() || "file";
}

export async function addCaseFile(opts: {
  db: Db;
  actor: Actor;
  id: string;
  fileName: string;
  bytes: Uint8Array;
}) {
  await loadManagedCase(opts.db, opts.actor, opts.id);
  const name = safeFileName(opts.fileName);
  if (!opts.bytes.length) throw invalid("file", "the file is empty");
  if (opts.bytes.length > MAX_CASE_FILE_BYTES)
    throw invalid(
      "file",
      `the file is ${(opts.bytes.length / 1024 / 1024).toFixed(1)} MB; at most ${MAX_CASE_FILE_BYTES / 1024 / 1024} MB is accepted`,
    );
  const contentType = sniffCaseFile(opts.bytes, name);
  if (!contentType)
    throw invalid(
      "file",
      `"${name}" is not an accepted kind of file: PDF, PNG, JPEG, Word (.docx), Excel (.xlsx), PowerPoint (.pptx), or UTF-8 text (.txt, .csv)`,
    );
  const sha256 = createHash("sha256").update(opts.bytes).digest("hex");
  return opts.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(caseFiles)
      .values({
        caseId: opts.id,
        fileName: name,
        contentType,
        size: opts.bytes.length,
        sha256,
        bytes: Buffer.from(opts.bytes),
        uploadedBy: opts.actor.id,
      })
      .returning({
        id: caseFiles.id,
        fileName: caseFiles.fileName,
        contentType: caseFiles.contentType,
        size: caseFiles.size,
        createdAt: caseFiles.createdAt,
      });
    await recordEvent(tx, {
      caseId: opts.id,
      kind: "file",
      actorId: opts.actor.id,
      body: name,
      data: { fileId: row!.id, action: "attached", size: row!.size },
    });
    return { ...row!, createdAt: row!.createdAt.toISOString() };
  });
}

/** A file of a case, for download by those who handle the case (the download is audited). */
export async function getCaseFile(opts: { db: Db; actor: Actor; id: string; fileId: string }) {
  const c = await loadManagedCase(opts.db, opts.actor, opts.id);
  const [file] = await opts.db
    .select()
    .from(caseFiles)
    .where(and(eq(caseFiles.id, opts.fileId), eq(caseFiles.caseId, opts.id)));
  if (!file) throw notFound("The file");
  await recordAudit(opts.db, {
    action: "case.file_read",
    actor: opts.actor,
    subject: c.need.referenceNumber,
    target: { type: "case", id: opts.id },
    meta: null,
    details: { fileId: file.id, fileName: file.fileName },
  });
  return file;
}

export async function deleteCaseFile(opts: { db: Db; actor: Actor; id: string; fileId: string }) {
  await loadManagedCase(opts.db, opts.actor, opts.id);
  await opts.db.transaction(async (tx) => {
    const [gone] = await tx
      .delete(caseFiles)
      .where(and(eq(caseFiles.id, opts.fileId), eq(caseFiles.caseId, opts.id)))
      .returning({ fileName: caseFiles.fileName });
    if (!gone) throw notFound("The file");
    await recordEvent(tx, {
      caseId: opts.id,
      kind: "file",
      actorId: opts.actor.id,
      body: gone.fileName,
      data: { fileId: opts.fileId, action: "removed" },
    });
  });
}
