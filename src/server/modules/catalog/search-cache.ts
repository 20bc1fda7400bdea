/**
 * Answers of the public catalogue search kept in memory, for viewers whose results depend only on their
 * visibility level (visitors and roles that edit no seeds). The cache belongs to one catalogue
 * generation: a counter that database triggers raise on every write to seeds, researchers, their links
 * and organisations (migration search_cache). Each lookup reads the counter, so a write by any process
 * (this server, a second one, a CLI import, plain SQL) empties the cache before the next answer.
 */
import { sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client";
import { rowsOf } from "./search-sql";

export async function catalogGeneration(db: DbOrTx): Promise<number | null> {
  const [row] = await rowsOf<{ generation: number }>(
    db,
    sql`select generation from catalog_state where id = 1`,
  );
  return row ? Number(row.generation) : null;
}

export class SearchCache<T = unknown> {
  private generation: number | null = null;
  private readonly entries = new Map<string, T>();
  hits = 0;
  misses = 0;

  /**
   * `readGeneration`: the counter the answers belong to (the catalogue's by default; the KPIs have their
   * own, raised by the same kind of triggers on the tables behind them).
   */
  constructor(
    private readonly maxEntries = 2000,
    private readonly readGeneration: (db: DbOrTx) => Promise<number | null> = catalogGeneration,
  ) {}

  /** The cached answer, or computes, stores and returns it. */
  async through(db: DbOrTx, key: string, compute: () => Promise<T>): Promise<T> {
    const generation = await this.readGeneration(db);
    if (generation === null) return compute();
    if (generation !== this.generation) {
      this.entries.clear();
      this.generation = generation;
    }
    const found = this.entries.get(key);
    if (found !== undefined) {
      this.hits++;
      // Least recently used goes first: re-insert at the end.
      this.entries.delete(key);
      this.entries.set(key, found);
      return found;
    }
    this.misses++;
    const value = await compute();
    // Stored only if no write happened meanwhile (a slow answer must not outlive its generation).
    if (this.generation === generation) {
      this.entries.set(key, value);
      if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    }
    return value;
  }

  get size() {
    return this.entries.size;
  }
}
