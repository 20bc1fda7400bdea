/**
 * A contract's documents (application, acceptance notice, contract, amendments, completion report): the
 * same rules as case files — at most 10 MB, an accepted kind recognised by its bytes, kept in the
 * database, downloaded only by those who handle the contract, and every download audited.
 */
import { createHash } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { Actor } from "../../auth/policy";
import type { Db } from "../../db/client";
import { contractDocuments } from "../../db/schema";
import { invalid, notFound } from "../../errors";
import { recordAudit } from "../audit/service";
import { MAX_CASE_FILE_BYTES } from "../cases/codes";
import { safeFileName, sniffCaseFile } from "../cases/files";
import type { DocumentKind } from "./codes";
import { loadContract, recordContractEvent } from "./service";

export async function addDocument(opts: {
  db: Db;
  actor: Actor;
  contractId: string;
  kind: DocumentKind;
  fileName: string;
  bytes: Uint8Array;
}) {
  const c = await loadContract(opts.db, opts.actor, opts.contractId);
  const name = safeFileName(opts.fileName);
  if (!opts.bytes.length) throw invalid("file", "the file is empty");
  if (opts.bytes.length > MAX_CASE_FILE_BYTES)
    throw invalid("file", `the file is larger than ${MAX_CASE_FILE_BYTES / 1024 / 1024} MB`);
  const contentType = sniffCaseFile(opts.bytes, name);
  if (!contentType)
    throw invalid(
      "file",
      `"${name}" is not an accepted kind of file: PDF, PNG, JPEG, Word (.docx), Excel (.xlsx), PowerPoint (.pptx), or UTF-8 text (.txt, .csv)`,
    );
  return opts.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(contractDocuments)
      .values({
        contractId: c.id,
        kind: opts.kind,
        fileName: name,
        contentType,
        size: opts.bytes.length,
        sha256: createHash("sha256").update(opts.bytes).digest("hex"),
        bytes: Buffer.from(opts.bytes),
        uploadedBy: opts.actor.id,
      })
      .returning({ id: contractDocuments.id });
    await recordContractEvent(tx, {
      contractId: c.id,
      kind: "document",
      actorId: opts.actor.id,
      body: name,
      data: { documentId: row!.id, kind: opts.kind },
    });
    return { id: row!.id };
  });
}

export async function getDocument(opts: { db: Db; actor: Actor; contractId: string; documentId: string }) {
  const c = await loadContract(opts.db, opts.actor, opts.contractId);
  const [doc] = await opts.db
    .select()
    .from(contractDocuments)
    .where(and(eq(contractDocuments.id, opts.documentId), eq(contractDocuments.contractId, c.id)));
  if (!doc) throw notFound("The document");
  await recordAudit(opts.db, {
    action: "contract.document_read",
    actor: opts.actor,
    subject: c.number,
    target: { type: "contract", id: c.id },
    details: { documentId: doc.id, fileName: doc.fileName },
  });
  return doc;
}
