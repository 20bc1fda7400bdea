/**
 * The semantic stage kept current with the matching index, in the background. After each sync of the
 * lexical index (index-sync.ts) the documents whose text changed (by SHA-256 of the embedded text) are
 * pending; a background run first loads the vectors already stored in `match_vectors` for this embedder
 * and text hash (a restart, or another app server that embedded them), then embeds the rest in batches,
 * putting each batch into the stage and the table as it comes. A match never waits for it: until a
 * document's vector is there, the document is found lexically only. A failing embedder or database
 * stops the run with one warning and is retried later with backoff; matching goes on lexically.
 *
 * @example
 *   const sync = new SemanticSync({ stage: new SemanticStage({ embedder }) });
 *   sync.note("seed", seed.id, seedEmbeddingText(seed)); // pending unless its vector is current
 *   sync.kick(db); // starts a background run (no await)
 *   await sync.whenIdle(); // tests and the CLI
 */
import { createHash } from "node:crypto";
import { and, eq, inArray, sql } from "drizzle-orm";
import { PgTransaction } from "drizzle-orm/pg-core";
import type { Db, DbOrTx } from "../../db/client";
import { matchVectors } from "../../db/schema";
import { docKey } from "../../match/engine";
import type { SemanticStage } from "../../match/semantic";

export type VectorKind = "seed" | "need";

export interface SemanticSyncOptions {
  stage: SemanticStage;
  /** Progress lines (default console.error: stderr, so the CLI's JSON output on stdout stays clean). */
  log?: (message: string) => void;
  /** Failures (default console.warn). */
  warn?: (message: string) => void;
  /** Keys looked up in match_vectors per query (default 500). */
  lookupChunk?: number;
  /** Texts embedded and written per batch (default 32). */
  batchSize?: number;
  /** First wait after a failure before the next try (default 30 s; doubled up to 15 min). */
  retryMs?: number;
  /** How often a long run reports progress (default 60 s). */
  progressEveryMs?: number;
}

export interface SemanticStatus {
  embedder: string;
  /** Documents with a current vector in the stage. */
  vectors: number;
  /** Documents whose vector is missing or outdated. */
  pending: number;
  /** The last failure, while it lasts. */
  failing: string | null;
}

const MAX_RETRY_MS = 15 * 60_000;
/** Runs at least this large (or this long) are reported; a single edit is not. */
const REPORT_DOCS = 50;
const REPORT_MS = 5_000;

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

/** Little-endian float32, as stored in match_vectors.vector. */
export function encodeVector(v: Float32Array): Buffer {
  const buf = Buffer.alloc(v.length * 4);
  for (let i = 0; i < v.length; i++) buf.writeFloatLE(v[i]!, i * 4);
  return buf;
}

export function decodeVector(buf: Uint8Array): Float32Array {
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const out = new Float32Array(buf.byteLength >> 2);
  for (let i = 0; i < out.length; i++) out[i] = view.getFloat32(i * 4, true);
  return out;
}

const splitKey = (key: string): { kind: VectorKind; id: string } => {
  const at = key.indexOf(":");
  return { kind: key.slice(0, at) as VectorKind, id: key.slice(at + 1) };
};

export class SemanticSync {
  readonly stage: SemanticStage;
  /** Hash of each current document's text (what its vector must be made of). */
  private readonly current = new Map<string, string>();
  /** Hash of the text behind the vector the stage holds. */
  private readonly held = new Map<string, string>();
  /** Texts still to be loaded or embedded, by key. */
  private readonly pending = new Map<string, string>();
  /** Rows of documents that no longer exist, to delete. */
  private removed: { kind: VectorKind; id: string }[] = [];
  /** Keys noted since beginFull (a full reload): the others are gone. */
  private fullPass: Set<string> | null = null;
  private running: Promise<void> | null = null;
  private closed = false;
  private readonly abort = new AbortController();
  private retryAt = 0;
  private retryMs: number;
  private retryTimer: NodeJS.Timeout | null = null;
  private failure: string | null = null;
  /** Whether stored rows of documents that are gone have been looked for (once, after the first load). */
  private pruned = false;
  private readonly opts: Required<Omit<SemanticSyncOptions, "stage">>;
  /** Counters of the current run, for its report. */
  private run = { loaded: 0, embedded: 0, started: 0, lastReport: 0 };

  constructor(options: SemanticSyncOptions) {
    this.stage = options.stage;
    this.opts = {
      log: options.log ?? ((m) => console.error(m)),
      warn: options.warn ?? ((m) => console.warn(m)),
      lookupChunk: options.lookupChunk ?? 500,
      batchSize: options.batchSize ?? 32,
      retryMs: options.retryMs ?? 30_000,
      progressEveryMs: options.progressEveryMs ?? 60_000,
    };
    this.retryMs = this.opts.retryMs;
  }

  get embedderId(): string {
    return this.stage.embedder.id;
  }

  get status(): SemanticStatus {
    return {
      embedder: this.embedderId,
      vectors: this.held.size,
      pending: this.pending.size,
      failing: this.failure,
    };
  }

  /** A document's current text (null: it has none to embed, e.g. a closed need). */
  note(kind: VectorKind, id: string, text: string | null): void {
    if (text === null || !text.trim()) {
      this.forget(kind, id);
      return;
    }
    const key = docKey(kind, id);
    this.fullPass?.add(key);
    const hash = sha256(text);
    this.current.set(key, hash);
    if (this.held.get(key) === hash) this.pending.delete(key);
    else this.pending.set(key, text);
  }

  /** A document that is gone: out of the stage now, its stored vectors deleted by the next run. */
  forget(kind: VectorKind, id: string): void {
    const key = docKey(kind, id);
    const known = this.current.delete(key) || this.held.has(key);
    this.pending.delete(key);
    this.held.delete(key);
    this.stage.remove(key);
    if (known) this.removed.push({ kind, id });
  }

  /** A full reload of the index starts: documents not noted again before `endFull` are forgotten. */
  beginFull(): void {
    this.fullPass = new Set();
  }

  /** `complete` false: the reload failed half-way, so nothing is forgotten. */
  endFull(complete = true): void {
    const seen = this.fullPass;
    this.fullPass = null;
    if (!seen || !complete) return;
    for (const key of [...this.current.keys(), ...this.held.keys()]) {
      if (seen.has(key)) continue;
      const { kind, id } = splitKey(key);
      this.forget(kind, id);
    }
  }

  /**
   * Starts a background run when there is work and none is running (never waits for it). Not with a
   * transaction (the run outlives it): the next sync with the database itself starts it.
   */
  kick(db: DbOrTx): void {
    if (this.closed || this.running || db instanceof PgTransaction) return;
    if (!this.pending.size && !this.removed.length) return;
    if (Date.now() < this.retryAt) return;
    this.running = this.work(db as Db).finally(() => {
      this.running = null;
    });
  }

  /** Resolves when no run is going on (the last one caught up, or failed and waits for its retry). */
  async whenIdle(): Promise<void> {
    while (this.running) await this.running;
  }

  /** Stops the background work: the batch being embedded is dropped, nothing more is written. */
  async close(): Promise<void> {
    this.closed = true;
    this.abort.abort();
    if (this.retryTimer) clearTimeout(this.retryTimer);
    const running = this.running;
    if (!running) return;
    // An embedding request already sent finishes on its own (its timeout); do not wait for it long.
    await Promise.race([running, new Promise((r) => setTimeout(r, 5_000).unref())]);
  }

  private async work(db: Db): Promise<void> {
    this.run = { loaded: 0, embedded: 0, started: performance.now(), lastReport: performance.now() };
    const total = this.pending.size;
    try {
      await this.deleteRemoved(db);
      await this.loadStored(db);
      if (!this.pruned) await this.pruneOrphans(db);
      await this.embedPending(db);
      const ms = performance.now() - this.run.started;
      const recovered = this.failure !== null;
      this.failure = null;
      this.retryMs = this.opts.retryMs;
      if (recovered || total >= REPORT_DOCS || ms >= REPORT_MS) {
        this.opts.log(
          `kyoso: semantic matching (${this.embedderId}): ${this.held.size} documents with vectors; ` +
            `${this.run.loaded} loaded from the database, ${this.run.embedded} embedded in ${(ms / 1000).toFixed(1)} s` +
            (recovered ? " (the embedder answers again)" : ""),
        );
      }
    } catch (err) {
      if (this.closed) return;
      const message = `semantic matching (${this.embedderId}): background embedding stopped with ${this.pending.size} documents waiting (matching goes on lexically for them; retry in ${Math.round(this.retryMs / 1000)} s): ${(err as Error).message}`;
      // Once per failure episode, not at every retry.
      if (this.failure === null) this.opts.warn(`kyoso: ${message}`);
      this.failure = message;
      this.retryAt = Date.now() + this.retryMs;
      // Retried on a timer (and by any sync after retryAt), so the catch-up does not wait for a match.
      this.retryTimer = setTimeout(() => {
        this.retryTimer = null;
        this.kick(db);
      }, this.retryMs + 10);
      this.retryTimer.unref();
      this.retryMs = Math.min(this.retryMs * 2, MAX_RETRY_MS);
    }
  }

  private async deleteRemoved(db: Db) {
    while (this.removed.length && !this.closed) {
      const part = this.removed.splice(0, this.opts.lookupChunk);
      for (const kind of ["seed", "need"] as const) {
        const ids = part.filter((r) => r.kind === kind).map((r) => r.id);
        // A document gone since is gone for every embedder.
        if (ids.length)
          await db
            .delete(matchVectors)
            .where(and(eq(matchVectors.docKind, kind), inArray(matchVectors.docId, ids)));
      }
    }
  }

  /**
   * Once, after the first load: rows of this embedder for documents the index does not hold (deleted
   * while no server ran) are deleted.
   */
  private async pruneOrphans(db: Db) {
    if (this.fullPass || this.closed) return;
    const rows = await db
      .select({ docKind: matchVectors.docKind, docId: matchVectors.docId })
      .from(matchVectors)
      .where(eq(matchVectors.embedder, this.embedderId));
    const gone = rows.filter((r) => !this.current.has(docKey(r.docKind, r.docId)));
    this.pruned = true;
    for (let i = 0; i < gone.length && !this.closed; i += this.opts.lookupChunk) {
      for (const kind of ["seed", "need"] as const) {
        const ids = gone
          .slice(i, i + this.opts.lookupChunk)
          .filter((r) => r.docKind === kind)
          .map((r) => r.docId);
        if (ids.length)
          await db
            .delete(matchVectors)
            .where(
              and(
                eq(matchVectors.embedder, this.embedderId),
                eq(matchVectors.docKind, kind),
                inArray(matchVectors.docId, ids),
              ),
            );
      }
    }
  }

  /** Vectors already stored for this embedder and the current texts go straight into the stage. */
  private async loadStored(db: Db) {
    const keys = [...this.pending.keys()];
    for (let i = 0; i < keys.length && !this.closed; i += this.opts.lookupChunk) {
      const part = keys.slice(i, i + this.opts.lookupChunk).map(splitKey);
      const rows = await db
        .select({
          docKind: matchVectors.docKind,
          docId: matchVectors.docId,
          textHash: matchVectors.textHash,
          vector: matchVectors.vector,
        })
        .from(matchVectors)
        .where(
          and(
            eq(matchVectors.embedder, this.embedderId),
            inArray(
              matchVectors.docId,
              part.map((p) => p.id),
            ),
          ),
        );
      if (this.closed) return;
      for (const r of rows) {
        const key = docKey(r.docKind, r.docId);
        if (!this.pending.has(key) || this.current.get(key) !== r.textHash) continue;
        const vector = decodeVector(r.vector);
        const dim = this.stage.dimension;
        if (dim !== null && vector.length !== dim) continue; // made by another model of that name: embed again
        this.stage.setVector(key, vector);
        this.held.set(key, r.textHash);
        this.pending.delete(key);
        this.run.loaded++;
      }
    }
  }

  private async embedPending(db: Db) {
    while (this.pending.size && !this.closed) {
      const batch: { key: string; text: string; hash: string }[] = [];
      for (const [key, text] of this.pending) {
        batch.push({ key, text, hash: this.current.get(key)! });
        if (batch.length >= this.opts.batchSize) break;
      }
      await this.stage.indexDocuments(
        batch.map((b) => ({ id: b.key, text: b.text })),
        { signal: this.abort.signal },
      );
      if (this.closed) return;
      const rows: (typeof matchVectors.$inferInsert)[] = [];
      for (const b of batch) {
        const now = this.current.get(b.key);
        if (now === undefined) {
          this.stage.remove(b.key); // forgotten while it was being embedded
          continue;
        }
        const vector = this.stage.getVector(b.key);
        if (!vector) continue;
        const { kind, id } = splitKey(b.key);
        rows.push({
          docKind: kind,
          docId: id,
          embedder: this.embedderId,
          textHash: b.hash,
          dimension: vector.length,
          vector: encodeVector(vector),
        });
        // The vector is of the text it was given; when the text changed meanwhile it stays pending.
        if (now === b.hash) {
          this.held.set(b.key, b.hash);
          this.pending.delete(b.key);
        }
      }
      if (rows.length)
        await db
          .insert(matchVectors)
          .values(rows)
          .onConflictDoUpdate({
            target: [matchVectors.docKind, matchVectors.docId, matchVectors.embedder],
            set: {
              textHash: sql`excluded.text_hash`,
              dimension: sql`excluded.dimension`,
              vector: sql`excluded.vector`,
              updatedAt: sql`now()`,
            },
          });
      this.run.embedded += batch.length;
      const now = performance.now();
      if (now - this.run.lastReport >= this.opts.progressEveryMs) {
        this.run.lastReport = now;
        this.opts.log(
          `kyoso: semantic matching (${this.embedderId}): embedded ${this.run.embedded} documents, ${this.pending.size} to go`,
        );
      }
    }
  }
}
