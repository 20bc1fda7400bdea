/**
 * Imports started from the web run in the server process after the upload is answered; their progress
 * and report live in `import_jobs`, so that the page can follow them (and so can another server).
 * A job that was running when its server stopped is marked failed at the next start.
 */
import { and, desc, eq } from "drizzle-orm";
import type { Actor } from "../../../auth/policy";
import type { Db } from "../../../db/client";
import { importJobs } from "../../../db/schema";
import { AppError, notFound } from "../../../errors";
import { recordAudit } from "../../audit/service";
import type { ImportReport, Progress } from "./apply";
import { ImportFileError, type ImportFormat, type ImportKind, runImport } from "./run";

export interface StartImport {
  kind: ImportKind;
  format?: ImportFormat | undefined;
  fileName: string;
  bytes: Uint8Array;
  dryRun: boolean;
  partial: boolean;
  encoding?: "auto" | "utf8" | "sjis" | undefined;
  institution?: string | undefined;
}

/** Running jobs of this process, so that tests and shutdown can wait for them. */
const running = new Map<string, Promise<void>>();

export async function startImportJob(db: Db, actor: Actor, o: StartImport): Promise<string> {
  const [job] = await db
    .insert(importJobs)
    .values({
      kind: o.kind,
      format: o.format ?? "auto",
      fileName: o.fileName,
      dryRun: o.dryRun,
      partial: o.partial,
      status: "running",
      progress: { phase: "resolve", done: 0, total: 0 },
      createdBy: actor.id,
    })
    .returning({ id: importJobs.id });
  const id = job!.id;
  let lastWrite = 0;
  // Progress writes go one after another, and the final write waits for them: on a connection pool two
  // writes in flight may land in either order, and a late progress line would overwrite the final one.
  let writes: Promise<unknown> = Promise.resolve();
  const onProgress = (p: Progress) => {
    const now = Date.now();
    if (p.phase !== "done" && now - lastWrite < 300) return;
    lastWrite = now;
    writes = writes
      .then(() => db.update(importJobs).set({ progress: p }).where(eq(importJobs.id, id)))
      .catch(() => undefined);
  };
  const work = (async () => {
    try {
      const report = await runImport(db, o.bytes, { ...o, actor, source: "import", onProgress });
      await writes;
      await db
        .update(importJobs)
        .set({
          status: report.applied || report.dryRun ? "succeeded" : "rejected",
          report: report as unknown as Record<string, unknown>,
          progress: { phase: "done", done: report.total, total: report.total },
          finishedAt: new Date(),
        })
        .where(eq(importJobs.id, id));
      if (report.applied) {
        await recordAudit(db, {
          action: "data.import",
          actor,
          details: {
            kind: o.kind,
            file: o.fileName,
            created: report.created,
            updated: report.updated,
            rejected: report.rejected,
          },
        });
      }
    } catch (err) {
      const problems =
        err instanceof ImportFileError
          ? err.problems
          : [{ line: 0, field: null, message: err instanceof Error ? err.message : String(err) }];
      if (!(err instanceof ImportFileError) && !(err instanceof AppError))
        console.error("kyoso: import failed:", err);
      await db
        .update(importJobs)
        .set({
          status: "failed",
          report: { problems, message: err instanceof Error ? err.message : String(err) },
          finishedAt: new Date(),
        })
        .where(eq(importJobs.id, id));
    } finally {
      running.delete(id);
    }
  })();
  running.set(id, work);
  return id;
}

/** Waits for a job of this process to finish (tests). */
export async function settleImportJob(id: string): Promise<void> {
  await running.get(id);
}

/** Admins see every import; coordinators their own. */
const visibleTo = (actor: Actor) => (actor.role === "admin" ? undefined : eq(importJobs.createdBy, actor.id));

export async function getImportJob(db: Db, actor: Actor, id: string) {
  const [job] = await db
    .select()
    .from(importJobs)
    .where(and(eq(importJobs.id, id), visibleTo(actor)));
  if (!job) throw notFound("The import");
  return present(job);
}

export async function listImportJobs(db: Db, actor: Actor) {
  const jobs = await db
    .select()
    .from(importJobs)
    .where(visibleTo(actor))
    .orderBy(desc(importJobs.createdAt))
    .limit(30);
  return jobs.map(present);
}

function present(j: typeof importJobs.$inferSelect) {
  return {
    id: j.id,
    kind: j.kind,
    format: j.format,
    fileName: j.fileName,
    dryRun: j.dryRun,
    partial: j.partial,
    status: j.status,
    progress: j.progress,
    report: (j.report ?? null) as (Partial<ImportReport> & { message?: string }) | null,
    createdAt: j.createdAt.toISOString(),
    finishedAt: j.finishedAt?.toISOString() ?? null,
  };
}

/** At start: jobs left running by a stopped server did not finish. */
export async function failInterruptedJobs(db: Db): Promise<void> {
  await db
    .update(importJobs)
    .set({
      status: "failed",
      report: {
        message: "The server stopped during this import; nothing of it was written. Start it again.",
      },
      finishedAt: new Date(),
    })
    .where(eq(importJobs.status, "running"));
}
