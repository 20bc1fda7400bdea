/**
 * An in-memory inverted index scored with BM25F: each posting holds a document number and its
 * field-weighted, length-normalised term frequency, computed once when the document is added; a query
 * adds up idf · tf·(k1+1)/(tf+k1) per term in one accumulator. Documents are numbered in the order they
 * arrive, so postings stay sorted; a replaced or removed document is marked dead and skipped.
 *
 * @example
 *   const index = new InvertedIndex({ fields: { title: { weight: 3, b: 0.5 }, body: { weight: 1, b: 0.75 } } });
 *   index.build([{ key: "s1", fields: [{ name: "title", terms: ["切削", "工具"] }] }]);
 *   index.score([{ term: "切削", weight: 1 }]).top(10); // [{ doc: 0, score: … }]
 */

export interface FieldSetting {
  /** How much one occurrence in this field counts compared with the body. */
  weight: number;
  /** Length normalisation, 0 (none) … 1 (full). */
  b: number;
}

export interface IndexSettings {
  fields: Record<string, FieldSetting>;
  /** Term-frequency saturation. */
  k1?: number;
}

export interface IndexInput {
  key: string;
  fields: { name: string; terms: string[] }[];
}

const DEFAULT_FIELD: FieldSetting = { weight: 1, b: 0.75 };

class Postings {
  docs = new Int32Array(4);
  tfs = new Float32Array(4);
  length = 0;
  /** Gives back the room that doubling left unused (after a bulk build; later pushes grow it again). */
  trim() {
    if (this.docs.length === this.length) return;
    this.docs = this.docs.slice(0, this.length);
    this.tfs = this.tfs.slice(0, this.length);
  }
  push(doc: number, tf: number) {
    if (this.length === this.docs.length) {
      const docs = new Int32Array(this.length * 2);
      docs.set(this.docs);
      this.docs = docs;
      const tfs = new Float32Array(this.length * 2);
      tfs.set(this.tfs);
      this.tfs = tfs;
    }
    this.docs[this.length] = doc;
    this.tfs[this.length] = tf;
    this.length++;
  }
  /** Index of doc in the postings, or -1 (binary search: postings are sorted by document number). */
  find(doc: number): number {
    let lo = 0;
    let hi = this.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const d = this.docs[mid]!;
      if (d === doc) return mid;
      if (d < doc) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }
}

export interface Scored {
  doc: number;
  score: number;
}

/** The result of one query: scores over the touched documents, read by `top`. */
export class ScoreSheet {
  /** docs[i] scored scores[i]; each document once. */
  constructor(
    private readonly docs: Int32Array,
    private readonly scores: Float32Array,
    private readonly live: Uint8Array,
  ) {}

  get size() {
    return this.docs.length;
  }

  /** The n best live documents that pass the filter, best first (ties: lower document number first). */
  top(n: number, accept?: (doc: number) => boolean): Scored[] {
    if (n <= 0) return [];
    // A bounded min-heap of the best n so far.
    const heapDoc = new Int32Array(n);
    const heapScore = new Float64Array(n);
    let size = 0;
    const worse = (i: number, j: number) =>
      heapScore[i]! < heapScore[j]! || (heapScore[i] === heapScore[j] && heapDoc[i]! > heapDoc[j]!);
    const swap = (i: number, j: number) => {
      const d = heapDoc[i]!;
      heapDoc[i] = heapDoc[j]!;
      heapDoc[j] = d;
      const s = heapScore[i]!;
      heapScore[i] = heapScore[j]!;
      heapScore[j] = s;
    };
    const down = (i: number) => {
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < size && worse(l, m)) m = l;
        if (r < size && worse(r, m)) m = r;
        if (m === i) return;
        swap(i, m);
        i = m;
      }
    };
    for (let k = 0; k < this.docs.length; k++) {
      const doc = this.docs[k]!;
      const score = this.scores[k]!;
      if (!this.live[doc] || score <= 0) continue;
      if (size === n) {
        const s0 = heapScore[0]!;
        if (score < s0 || (score === s0 && doc > heapDoc[0]!)) continue;
      }
      if (accept && !accept(doc)) continue;
      if (size < n) {
        heapDoc[size] = doc;
        heapScore[size] = score;
        let i = size++;
        while (i > 0) {
          const p = (i - 1) >> 1;
          if (!worse(i, p)) break;
          swap(i, p);
          i = p;
        }
      } else {
        heapDoc[0] = doc;
        heapScore[0] = score;
        down(0);
      }
    }
    const out: Scored[] = [];
    for (let i = 0; i < size; i++) out.push({ doc: heapDoc[i]!, score: heapScore[i]! });
    return out.sort((a, b) => b.score - a.score || a.doc - b.doc);
  }
}

export class InvertedIndex {
  private readonly k1: number;
  private readonly termIds = new Map<string, number>();
  private readonly postings: Postings[] = [];
  private keys: string[] = [];
  private readonly byKey = new Map<string, number>();
  private live = new Uint8Array(1024);
  private liveCount = 0;
  /** Average field lengths, fixed by `build` (and by the first `add` when the index started empty). */
  private avgLength = new Map<string, number>();
  private scores = new Float32Array(1024);
  private touched = new Int32Array(1024);

  constructor(private readonly settings: IndexSettings) {
    this.k1 = settings.k1 ?? 1.2;
  }

  /** Number of live documents. */
  get size() {
    return this.liveCount;
  }

  /** Share of document numbers that are dead (replaced or removed); rebuild when it grows large. */
  get deadRatio() {
    return this.keys.length ? 1 - this.liveCount / this.keys.length : 0;
  }

  get termCount() {
    return this.termIds.size;
  }

  /** Replaces the whole index, with average field lengths taken from these documents. */
  build(docs: IndexInput[]): void {
    this.termIds.clear();
    this.postings.length = 0;
    this.keys = [];
    this.byKey.clear();
    this.live = new Uint8Array(Math.max(1024, docs.length));
    this.liveCount = 0;
    const sums = new Map<string, number>();
    for (const d of docs)
      for (const f of d.fields) sums.set(f.name, (sums.get(f.name) ?? 0) + f.terms.length);
    this.avgLength = new Map(
      [...sums].map(([name, sum]) => [name, Math.max(1, sum / Math.max(1, docs.length))]),
    );
    for (const d of docs) this.add(d);
    for (const p of this.postings) p.trim();
  }

  /** Adds a document, replacing any earlier one with the same key; returns its document number. */
  add(input: IndexInput): number {
    this.remove(input.key);
    const doc = this.keys.length;
    this.keys.push(input.key);
    this.byKey.set(input.key, doc);
    if (doc >= this.live.length) {
      const live = new Uint8Array(this.live.length * 2);
      live.set(this.live);
      this.live = live;
    }
    this.live[doc] = 1;
    this.liveCount++;
    const weighted = new Map<string, number>();
    for (const field of input.fields) {
      if (!field.terms.length) continue;
      const setting = this.settings.fields[field.name] ?? DEFAULT_FIELD;
      if (!this.avgLength.has(field.name)) this.avgLength.set(field.name, Math.max(1, field.terms.length));
      const avg = this.avgLength.get(field.name)!;
      const norm = 1 - setting.b + setting.b * (field.terms.length / avg);
      const counts = new Map<string, number>();
      for (const t of field.terms) counts.set(t, (counts.get(t) ?? 0) + 1);
      for (const [t, c] of counts) weighted.set(t, (weighted.get(t) ?? 0) + (setting.weight * c) / norm);
    }
    for (const [term, tf] of weighted) {
      let id = this.termIds.get(term);
      if (id === undefined) {
        id = this.postings.length;
        this.termIds.set(term, id);
        this.postings.push(new Postings());
      }
      this.postings[id]!.push(doc, tf);
    }
    return doc;
  }

  /** Marks a document dead; false if the key is unknown. */
  remove(key: string): boolean {
    const doc = this.byKey.get(key);
    if (doc === undefined) return false;
    this.byKey.delete(key);
    if (this.live[doc]) {
      this.live[doc] = 0;
      this.liveCount--;
    }
    return true;
  }

  docOf(key: string): number | undefined {
    return this.byKey.get(key);
  }

  keyOf(doc: number): string {
    return this.keys[doc]!;
  }

  isLive(doc: number): boolean {
    return this.live[doc] === 1;
  }

  /** Documents containing the term (approximate when documents were replaced: dead ones count). */
  documentFrequency(term: string): number {
    const id = this.termIds.get(term);
    return id === undefined ? 0 : this.postings[id]!.length;
  }

  idf(term: string): number {
    const n = Math.max(1, this.liveCount);
    const df = Math.min(this.documentFrequency(term), n);
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /** Whether the document contains the term (for explanations). */
  contains(doc: number, term: string): boolean {
    const id = this.termIds.get(term);
    return id !== undefined && this.postings[id]!.find(doc) >= 0;
  }

  /** Scores every document that holds any of the weighted terms. */
  score(terms: { term: string; weight: number }[]): ScoreSheet {
    const n = this.keys.length;
    if (this.scores.length < n) {
      this.scores = new Float32Array(Math.max(n, this.scores.length * 2));
      this.touched = new Int32Array(this.scores.length);
    }
    const scores = this.scores;
    const touched = this.touched;
    let count = 0;
    const k1 = this.k1;
    for (const { term, weight } of terms) {
      const id = this.termIds.get(term);
      if (id === undefined || weight <= 0) continue;
      const p = this.postings[id]!;
      const w = weight * this.idf(term);
      const docs = p.docs;
      const tfs = p.tfs;
      for (let i = 0; i < p.length; i++) {
        const d = docs[i]!;
        const tf = tfs[i]!;
        if (scores[d] === 0) touched[count++] = d;
        scores[d] = scores[d]! + (w * tf * (k1 + 1)) / (tf + k1);
      }
    }
    // Hand out the touched documents' scores, and clear the shared accumulator for the next query.
    const list = touched.slice(0, count);
    const own = new Float32Array(count);
    for (let i = 0; i < count; i++) {
      const d = list[i]!;
      own[i] = scores[d]!;
      scores[d] = 0;
    }
    return new ScoreSheet(list, own, this.live);
  }
}
