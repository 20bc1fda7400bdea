/** Ranking and correlation measures for the quality benchmark. */

export interface Judged {
  id: string;
  text: string;
  /** Document id → graded relevance (1, 2, …). */
  relevant: Record<string, number>;
}

/** nDCG@10 (gain 2^rel − 1), MRR@10 (first relevant), Recall@100, averaged over the queries. */
export function evaluate(queries: Judged[], ranked: (text: string) => string[]) {
  let ndcg = 0;
  let mrr = 0;
  let recall = 0;
  for (const q of queries) {
    const list = ranked(q.text);
    const gains = Object.values(q.relevant).sort((a, b) => b - a);
    const dcg = list
      .slice(0, 10)
      .reduce((s, id, i) => s + (2 ** (q.relevant[id] ?? 0) - 1) / Math.log2(i + 2), 0);
    const ideal = gains.slice(0, 10).reduce((s, g, i) => s + (2 ** g - 1) / Math.log2(i + 2), 0);
    ndcg += ideal ? dcg / ideal : 0;
    const first = list.slice(0, 10).findIndex((id) => (q.relevant[id] ?? 0) > 0);
    mrr += first >= 0 ? 1 / (first + 1) : 0;
    const found = list.slice(0, 100).filter((id) => (q.relevant[id] ?? 0) > 0).length;
    recall += gains.length ? found / gains.length : 0;
  }
  const n = Math.max(1, queries.length);
  return { ndcg10: ndcg / n, mrr10: mrr / n, recall100: recall / n };
}

function ranks(xs: number[]): number[] {
  const order = xs.map((x, i) => [x, i] as const).sort((a, b) => a[0] - b[0]);
  const r = new Array<number>(xs.length);
  let i = 0;
  while (i < order.length) {
    let j = i;
    while (j + 1 < order.length && order[j + 1]![0] === order[i]![0]) j++;
    for (let k = i; k <= j; k++) r[order[k]![1]] = (i + j) / 2;
    i = j + 1;
  }
  return r;
}

/** Spearman's rank correlation (ties get their average rank). */
export function spearman(x: number[], y: number[]): number {
  const rx = ranks(x);
  const ry = ranks(y);
  const n = x.length;
  const mx = rx.reduce((s, v) => s + v, 0) / n;
  const my = ry.reduce((s, v) => s + v, 0) / n;
  let c = 0;
  let vx = 0;
  let vy = 0;
  for (let i = 0; i < n; i++) {
    c += (rx[i]! - mx) * (ry[i]! - my);
    vx += (rx[i]! - mx) ** 2;
    vy += (ry[i]! - my) ** 2;
  }
  return c / Math.sqrt(vx * vy);
}
