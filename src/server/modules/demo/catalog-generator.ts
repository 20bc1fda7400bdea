/**
 * Seeded, repeatable generator of SYNTHETIC demo data for the research seeds database: researchers at the
 * 53 reference institutions (about 200 at each university, the rest over the 51 KOSEN) with invented names
 * (見本 太郎, 試作 花子 …), e-Rad numbers starting with 9, papers, patents, grants and equipment, and their
 * research seeds written as Japanese seed sheets (with English for some). Same seed, same output, byte for
 * byte; nothing here is real except the institutions, their department names and the grant programmes.
 *
 * Modules: catalog-phrases.ts (phrase banks; the fields' own in catalog-fields-a/b.ts), catalog-text.ts and
 * catalog-titles.ts (seed sentence and title templates), catalog-context.ts (the choices a text is built from), catalog-researchers.ts
 * (researcher records and identifiers), catalog-people.ts (names, positions, departments), catalog-rng.ts.
 */
import { type FieldCode, phaseOfTrl, type SeedStatus, type Visibility } from "../../../shared/seeds";
import type { ResearcherRecord, SeedRecord } from "../catalog/import/records";
import { REFERENCE_INSTITUTIONS } from "../organizations/reference-data";
import { bi, extra, join, makeCtx, type Profile, pad, pickTpl } from "./catalog-context";
import { BANKS, type Pair } from "./catalog-phrases";
import { Ids, patentTitle, ResearcherBuilder } from "./catalog-researchers";
import { Rng } from "./catalog-rng";
import {
  APPLICATION_EXTRAS,
  APPLICATIONS,
  CLOSINGS,
  type Ctx,
  FEATURE_EXTRAS,
  FEATURES,
  OVERVIEW_EXTRAS,
  OVERVIEWS,
  PHASE_SENTENCES,
  polite,
  SUMMARIES,
} from "./catalog-text";
import { SUBTITLES, TITLES } from "./catalog-titles";

export interface CatalogOptions {
  seed?: number;
  researchers?: number;
  seeds?: number;
}

export interface Catalog {
  researchers: ResearcherRecord[];
  seeds: SeedRecord[];
}

export const CATALOG_DEFAULTS = { seed: 20261124, researchers: 4200, seeds: 10000 } as const;

const TRL_WEIGHTS: [number, number][] = [
  [1, 5],
  [2, 14],
  [3, 20],
  [4, 20],
  [5, 16],
  [6, 12],
  [7, 7],
  [8, 4],
  [9, 2],
];
const SEED_COUNT_WEIGHTS: [number, number][] = [
  [1, 28],
  [2, 27],
  [3, 20],
  [4, 12],
  [5, 7],
  [6, 4],
  [7, 1.5],
  [8, 0.5],
];
const STATUS_WEIGHTS: [SeedStatus, number][] = [
  ["published", 85],
  ["draft", 10],
  ["archived", 5],
];
const VISIBILITY_WEIGHTS: [Visibility, number][] = [
  ["public", 85],
  ["members", 10],
  ["coordinators", 5],
];

/**
 * What one generated seed was written from: its field, the topic of the phrase bank and the other choices
 * of its text. For evaluation tooling (bench/data/match-dev) that must know what a seed is about without
 * ranking it; the catalogue itself never carries it.
 */
export interface SeedOrigin {
  externalId: string;
  field: FieldCode;
  /** The topic (subject) of the field's bank the seed was written about. */
  topic: Pair;
  /** The action (推定, 抑制 …), method, target (product or equipment) and uses of its text. */
  action: Pair;
  method: Pair;
  method2: Pair;
  target: Pair;
  uses: Pair[];
}

export function generateCatalog(opts: CatalogOptions = {}): Catalog {
  return build(opts, null);
}

/**
 * The same catalogue as generateCatalog (byte for byte: recording the origins draws no random numbers)
 * together with the origin of every seed, in the order of `catalog.seeds`.
 */
export function generateCatalogWithOrigins(opts: CatalogOptions = {}): {
  catalog: Catalog;
  origins: SeedOrigin[];
} {
  const origins: SeedOrigin[] = [];
  return { catalog: build(opts, origins), origins };
}

function build(opts: CatalogOptions, origins: SeedOrigin[] | null): Catalog {
  const rng = new Rng(opts.seed ?? CATALOG_DEFAULTS.seed);
  const total = Math.max(0, Math.floor(opts.researchers ?? CATALOG_DEFAULTS.researchers));
  const seedTarget = Math.max(0, Math.floor(opts.seeds ?? CATALOG_DEFAULTS.seeds));
  const ids = new Ids(rng);
  const builder = new ResearcherBuilder(rng, ids);
  const g = new SeedWriter(rng, ids, origins);

  const counts = allocate(rng, total);
  const researchers: ResearcherRecord[] = [];
  REFERENCE_INSTITUTIONS.forEach((inst, i) => {
    for (let k = 0; k < counts[i]!; k++) {
      const { record, profile } = builder.build(inst, researchers.length + 1);
      researchers.push(record);
      g.index(profile);
    }
  });

  const perResearcher = seedCounts(rng, researchers.length, seedTarget);
  const seeds: SeedRecord[] = [];
  g.profiles.forEach((p, i) => {
    for (let k = 0; k < perResearcher[i]!; k++) seeds.push(g.seed(p, seeds.length + 1));
  });
  return { researchers, seeds };
}

/** Researchers per institution (in REFERENCE_INSTITUTIONS order): ~200 per university, the rest over the KOSEN. */
function allocate(rng: Rng, total: number): number[] {
  const counts = REFERENCE_INSTITUTIONS.map((inst) =>
    inst.type === "university" ? Math.round(((total * 200) / 4200) * (0.96 + rng.next() * 0.08)) : 0,
  );
  let uni = counts.reduce((a, b) => a + b, 0);
  while (uni > total) {
    const i = counts.findIndex((c) => c > 0);
    counts[i]!--;
    uni--;
  }
  const kosen = REFERENCE_INSTITUTIONS.map((inst, i) => (inst.type === "kosen" ? i : -1)).filter(
    (i) => i >= 0,
  );
  const weights = kosen.map(() => 0.85 + rng.next() * 0.3);
  const sum = weights.reduce((a, b) => a + b, 0);
  const rest = total - uni;
  const exact = weights.map((w) => (rest * w) / sum);
  kosen.forEach((idx, j) => {
    counts[idx] = Math.floor(exact[j]!);
  });
  let left = rest - kosen.reduce((a, idx) => a + counts[idx]!, 0);
  const byRemainder = kosen
    .map((idx, j) => [idx, exact[j]! - Math.floor(exact[j]!)] as const)
    .sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  for (let j = 0; left > 0; j = (j + 1) % byRemainder.length, left--) counts[byRemainder[j]![0]]!++;
  return counts;
}

/** Seeds per researcher: ~15% none, most 1–4, some 5+, adjusted so that the total is exactly `target`. */
function seedCounts(rng: Rng, n: number, target: number): number[] {
  if (n === 0) return [];
  const counts = Array.from({ length: n }, () => (rng.chance(0.15) ? 0 : rng.weighted(SEED_COUNT_WEIGHTS)));
  let diff = target - counts.reduce((a, b) => a + b, 0);
  if (diff > 0) {
    let eligible = counts.map((c, i) => (c > 0 ? i : -1)).filter((i) => i >= 0);
    if (eligible.length === 0) eligible = counts.map((_, i) => i);
    for (; diff > 0; diff--) counts[rng.pick(eligible)]!++;
  }
  while (diff < 0) {
    let eligible = counts.map((c, i) => (c > 1 ? i : -1)).filter((i) => i >= 0);
    if (eligible.length === 0) eligible = counts.map((c, i) => (c > 0 ? i : -1)).filter((i) => i >= 0);
    while (diff < 0 && eligible.length > 0) {
      const j = Math.floor(rng.next() * eligible.length);
      const i = eligible[j]!;
      counts[i]!--;
      diff++;
      if (counts[i]! <= 1) eligible.splice(j, 1);
    }
  }
  return counts;
}

/** Writes the seeds of researchers whose profiles it has indexed (co-researchers are drawn from them). */
class SeedWriter {
  readonly profiles: Profile[] = [];
  private readonly byInstField = new Map<string, Profile[]>();
  private readonly byField = new Map<FieldCode, Profile[]>();

  constructor(
    private readonly rng: Rng,
    private readonly ids: Ids,
    private readonly origins: SeedOrigin[] | null = null,
  ) {}

  seed(lead: Profile, n: number): SeedRecord {
    const { rng } = this;
    const useSecondary = lead.secondary !== null && rng.chance(0.2);
    const field = useSecondary ? lead.secondary! : lead.primary;
    const own = useSecondary ? lead.secTopics : lead.topics;
    const topic = rng.chance(0.8) ? rng.pick(own) : rng.pick(BANKS[field].topics);
    const c = makeCtx(rng, field, topic, useSecondary ? null : lead.methods);
    const trl = rng.weighted(TRL_WEIGHTS);
    c.phase = phaseOfTrl(trl);
    c.hasPatent = rng.chance(0.15);

    const title = this.title(c);
    const summaryBase = pickTpl(rng, SUMMARIES, c);
    const summary = join([summaryBase, rng.chance(0.9) ? extra(rng, CLOSINGS, c, summaryBase[0]) : null]);
    const overviewBase = join([
      pickTpl(rng, OVERVIEWS, c),
      rng.chance(0.9) ? pickTpl(rng, PHASE_SENTENCES[c.phase], c) : null,
    ]);
    const overview = join([
      overviewBase,
      rng.chance(0.75) ? extra(rng, OVERVIEW_EXTRAS, c, overviewBase[0]) : null,
    ]);
    const featuresBase = pickTpl(rng, FEATURES, c);
    const features = join([
      featuresBase,
      rng.chance(0.85) ? extra(rng, FEATURE_EXTRAS, c, overview[0] + featuresBase[0]) : null,
    ]);
    const applicationsBase = pickTpl(rng, APPLICATIONS, c);
    const applications = join([
      applicationsBase,
      !applicationsBase[0].includes("希望") && rng.chance(0.8)
        ? extra(rng, APPLICATION_EXTRAS, c, applicationsBase[0])
        : null,
    ]);
    const style = rng.chance(0.5) ? polite : (s: string) => s;

    const english = rng.chance(lead.english ? 0.5 : 0.14);
    const full = english && rng.chance(0.2);
    const withApplications = english && (full || rng.chance(0.4));

    const kw: Pair[] = [c.S, c.M];
    const want = rng.int(3, 6);
    for (const k of rng.sample(BANKS[field].keywords, 8)) {
      if (kw.length < want && !kw.some((x) => x.ja === k.ja)) kw.push(k);
    }

    const fields: FieldCode[] = [field];
    if (rng.chance(0.35)) {
      const other =
        field === lead.primary && lead.secondary
          ? lead.secondary
          : field !== lead.primary
            ? lead.primary
            : rng.pick(lead.dept.secondary);
      if (other !== field) fields.push(other);
    }

    const patents: string[] = [];
    if (c.hasPatent) patents.push(`${this.ids.patentNumber(rng.int(2015, 2025))}「${patentTitle(c)[0]}」`);

    this.origins?.push({
      externalId: `demo-s-${pad(n)}`,
      field,
      topic: { ja: c.S.ja, en: c.S.en },
      action: { ja: c.A.ja, en: c.A.en },
      method: { ja: c.M.ja, en: c.M.en },
      method2: { ja: c.M2.ja, en: c.M2.en },
      target: { ja: c.T.ja, en: c.T.en },
      uses: c.U.map((u) => ({ ja: u.ja, en: u.en })),
    });
    return {
      externalId: `demo-s-${pad(n)}`,
      researchers: [lead.externalId, ...this.coResearchers(lead, field)],
      title: bi(title[0], english ? title[1] : null),
      summary: bi(style(summary[0]), english ? summary[1] : null),
      overview: bi(style(overview[0]), full ? overview[1] : null),
      features: bi(style(features[0]), full ? features[1] : null),
      applications: bi(style(applications[0]), withApplications ? applications[1] : null),
      keywords: { ja: kw.map((k) => k.ja), en: english ? kw.map((k) => k.en) : [] },
      fields,
      trl,
      phase: c.phase,
      patents,
      status: rng.weighted(STATUS_WEIGHTS),
      visibility: rng.weighted(VISIBILITY_WEIGHTS),
    };
  }

  /** A title of 20–40 characters where the templates allow it. */
  private title(c: Ctx): [string, string] {
    let best: [string, string] | null = null;
    let bestDist = Number.POSITIVE_INFINITY;
    for (let i = 0; i < 10; i++) {
      const out = this.rng.pick(TITLES)(c);
      if (!out) continue;
      const len = out[0].length;
      const dist = len < 20 ? 20 - len : len > 40 ? len - 40 : 0;
      if (dist === 0) return this.subtitled(out, c);
      if (dist < bestDist) [best, bestDist] = [out, dist];
    }
    return best ?? TITLES[0]!(c)!;
  }

  /** Some titles get a subtitle (～…への適用を目指して～) when it fits in 40 characters and adds something. */
  private subtitled(title: [string, string], c: Ctx): [string, string] {
    if (!this.rng.chance(0.3)) return title;
    const { key, out } = this.rng.pick(SUBTITLES)(c);
    if (title[0].includes(key) || title[0].length + out[0].length > 40) return title;
    return [title[0] + out[0], title[1] + out[1]];
  }

  private coResearchers(lead: Profile, field: FieldCode): string[] {
    const { rng } = this;
    if (!rng.chance(0.25)) return [];
    const want = rng.chance(0.75) ? 1 : 2;
    const out: string[] = [];
    for (let tries = 0; out.length < want && tries < 8; tries++) {
      const pool = rng.chance(0.7)
        ? (this.byInstField.get(`${lead.institution}|${field}`) ?? [])
        : (this.byField.get(field) ?? []);
      if (pool.length === 0) continue;
      const p = rng.pick(pool);
      if (p !== lead && !out.includes(p.externalId)) out.push(p.externalId);
    }
    return out;
  }

  index(p: Profile): void {
    const fields = p.secondary ? [p.primary, p.secondary] : [p.primary];
    this.profiles.push(p);
    for (const f of fields) {
      const key = `${p.institution}|${f}`;
      const a = this.byInstField.get(key) ?? [];
      a.push(p);
      this.byInstField.set(key, a);
      const b = this.byField.get(f) ?? [];
      b.push(p);
      this.byField.set(f, b);
    }
  }
}
