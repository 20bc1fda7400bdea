/**
 * Researcher records of the demo catalogue: invented names, synthetic identifiers (e-Rad 9xxxxxxx, ORCID in
 * the unassigned 0000-0000 block, 特願YYYY-9xxxxx), keywords, research areas, a short biography, papers,
 * patents, grants and equipment, all drawn from the researcher's profile (field, topics, methods).
 */

import type { FieldCode } from "../../../shared/seeds";
import type { EquipmentRecord, ResearcherRecord, WorkRecord } from "../catalog/import/records";
import type { ReferenceInstitution } from "../organizations/reference-data";
import { bi, FIELD_LABEL, makeCtx, NON_LAB, type Profile, pad, pickTpl } from "./catalog-context";
import {
  departmentsOf,
  FAMILY_NAMES,
  FEMALE_NAMES,
  GRANT_PROGRAMMES,
  KOSEN_POSITIONS,
  MALE_NAMES,
  POSITION_EN,
  UNIVERSITY_POSITIONS,
} from "./catalog-people";
import { BANKS, GENERIC, type Pair } from "./catalog-phrases";
import type { Rng } from "./catalog-rng";
import { apart, type Ctx, cap, lc1, type Tpl } from "./catalog-text";

/** Identifiers unique within one catalogue. */
export class Ids {
  private readonly eradIds = new Set<string>();
  private readonly orcids = new Set<string>();
  private readonly patentNumbers = new Set<string>();

  constructor(private readonly rng: Rng) {}

  /** e-Rad 研究者番号: 8 digits starting with 9, unique within the catalogue. */
  eradId(): string {
    for (;;) {
      const id = `9${pad(this.rng.int(0, 9_999_999), 7)}`;
      if (!this.eradIds.has(id)) {
        this.eradIds.add(id);
        return id;
      }
    }
  }

  /** ORCID iD in the unassigned 0000-0000 block, with a valid ISO 7064 11,2 check digit. */
  orcid(): string {
    for (;;) {
      const base = `00000000${pad(this.rng.int(0, 9_999_999), 7)}`;
      let total = 0;
      for (const ch of base) total = (total + Number(ch)) * 2;
      const check = (12 - (total % 11)) % 11;
      const d = `${base}${check === 10 ? "X" : check}`;
      const id = `${d.slice(0, 4)}-${d.slice(4, 8)}-${d.slice(8, 12)}-${d.slice(12)}`;
      if (!this.orcids.has(id)) {
        this.orcids.add(id);
        return id;
      }
    }
  }

  /** 特願YYYY-9xxxxx: the 9 prefix keeps the numbers clear of real applications in practice. */
  patentNumber(year: number): string {
    for (;;) {
      const no = `特願${year}-9${pad(this.rng.int(0, 99_999))}`;
      if (!this.patentNumbers.has(no)) {
        this.patentNumbers.add(no);
        return no;
      }
    }
  }
}

export class ResearcherBuilder {
  constructor(
    private readonly rng: Rng,
    private readonly ids: Ids,
  ) {}

  build(inst: ReferenceInstitution, n: number): { record: ResearcherRecord; profile: Profile } {
    const { rng } = this;
    const dept = rng.weighted(departmentsOf(inst.code).map((d) => [d, d.weight] as const));
    const primary = rng.weighted(dept.primary);
    const secondCandidates = dept.secondary.filter((f) => f !== primary);
    const secondary = secondCandidates.length > 0 && rng.chance(0.35) ? rng.pick(secondCandidates) : null;
    const bank = BANKS[primary];
    const topics = rng.sample(bank.topics, 3);
    const topicMethods = [...new Set(topics.flatMap((t) => t.methods))];
    const profile: Profile = {
      externalId: `demo-r-${pad(n)}`,
      institution: inst.code,
      dept,
      primary,
      secondary,
      topics,
      secTopics: secondary ? rng.sample(BANKS[secondary].topics, 2) : [],
      methods: rng.sample(topicMethods.length >= 2 ? topicMethods : bank.methods, 2),
      english: rng.chance(0.4),
    };
    const { english } = profile;

    const family = rng.pick(FAMILY_NAMES);
    const given = rng.chance(0.18) ? rng.pick(FEMALE_NAMES) : rng.pick(MALE_NAMES);
    const position = rng.weighted(inst.type === "university" ? UNIVERSITY_POSITIONS : KOSEN_POSITIONS);
    const senior = position.includes("教授") ? 0 : position === "准教授" ? 1 : 2;
    const degreeYear = [1990, 2001, 2010][senior]! + rng.int(0, 10);
    const since = Math.min(2025, degreeYear + rng.int(0, 8));
    const ctx = makeCtx(rng, primary, rng.pick(profile.topics), profile.methods);

    // keywords: the researcher's subjects, a method, and words of the field
    const kw: Pair[] = [];
    const addKw = (p: Pair) => {
      if (!kw.some((k) => k.ja === p.ja)) kw.push(p);
    };
    for (const t of rng.sample(profile.topics, rng.int(1, 2))) addKw(t);
    addKw(rng.pick(profile.methods));
    for (const k of rng.sample(bank.keywords, rng.int(1, 4))) if (kw.length < 6) addKw(k);
    if (kw.length < 3) addKw(FIELD_LABEL[primary]);

    const areaPairs = rng.sample(bank.areas, rng.int(1, 2));
    if (secondary && areaPairs.length < 3 && rng.chance(0.6))
      areaPairs.push(rng.pick(BANKS[secondary].areas));
    const areasEn = english || rng.chance(0.25);

    const bioCtx = {
      c: ctx,
      area: areaPairs[0]!,
      inst: { ja: inst.nameJa, en: inst.nameEn },
      dept: { ja: dept.ja, en: dept.en },
      pos: { ja: position, en: POSITION_EN[position] ?? position },
      degreeYear,
      since,
      industryYears: rng.int(3, 15),
    };
    const [career, research] = [rng.pick([0, 2]), rng.pick([1, 3])];
    const parts = (rng.chance(0.5) ? [rng.pick([0, 1, 2, 3, 4])] : [career, research]).map((i) =>
      BIOGRAPHIES[i]!(bioCtx),
    );
    const bioEn = rng.chance(english ? 0.6 : 0.1);

    const record: ResearcherRecord = {
      externalId: profile.externalId,
      eradId: this.ids.eradId(),
      researchmapPermalink: rng.chance(0.2)
        ? `demo_${family.romaji}${given.romaji}_${n}`.toLowerCase()
        : null,
      orcid: rng.chance(0.1) ? this.ids.orcid() : null,
      institution: inst.code,
      name: bi(`${family.ja} ${given.ja}`, `${given.romaji} ${family.romaji}`),
      nameKana: `${family.kana} ${given.kana}`,
      department: dept.ja,
      position,
      researchAreas: areaPairs.map((a) => bi(a.ja, areasEn ? a.en : null)),
      keywords: { ja: kw.map((k) => k.ja), en: english ? kw.map((k) => k.en) : [] },
      biography: bi(parts.map((p) => p[0]).join(""), bioEn ? parts.map((p) => p[1]).join(" ") : null),
      papers: this.papers(profile, degreeYear),
      patents: rng.chance(0.2) ? this.patents(profile, rng.int(1, 2)) : [],
      grants: this.grants(profile, rng.weighted([[0, 45] as const, [1, 35] as const, [2, 20] as const])),
      equipment: rng.chance(0.25) ? this.equipment(primary, english) : [],
    };
    return { record, profile };
  }

  private papers(p: Profile, degreeYear: number): WorkRecord[] {
    const { rng } = this;
    const count = rng.weighted(
      [0, 1, 2, 3, 4, 5, 6].map((k, i) => [k, [10, 15, 20, 20, 15, 12, 8][i]!] as const),
    );
    const papers: WorkRecord[] = [];
    for (let i = 0; i < count; i++) {
      const c = makeCtx(rng, p.primary, rng.pick(p.topics), p.methods);
      const [ja, en] = pickTpl(rng, PAPER_TITLES, c);
      const withEn = rng.chance(p.english ? 0.7 : 0.35);
      const abs = rng.chance(0.5) ? pickTpl(rng, PAPER_ABSTRACTS, c) : null;
      const bank = BANKS[p.primary];
      const venue = rng.pick(bank.venues);
      papers.push({
        title: bi(ja, withEn ? en : null),
        abstract: bi(abs?.[0] ?? null, abs && withEn ? abs[1] : null),
        year: rng.int(Math.max(2005, degreeYear - 4), 2026),
        venue: withEn && rng.chance(0.4) ? venue.en : venue.ja,
        url: null,
        sourceId: null,
      });
    }
    return papers.sort((a, b) => (b.year ?? 0) - (a.year ?? 0));
  }

  private patents(p: Profile, count: number): WorkRecord[] {
    return Array.from({ length: count }, () => {
      const c = makeCtx(this.rng, p.primary, this.rng.pick(p.topics), p.methods);
      const [ja, en] = patentTitle(c);
      const year = this.rng.int(2012, 2025);
      return {
        title: bi(ja, p.english && this.rng.chance(0.3) ? en : null),
        abstract: bi(null, null),
        year,
        venue: this.ids.patentNumber(year),
        url: null,
        sourceId: null,
      };
    });
  }

  private grants(p: Profile, count: number): WorkRecord[] {
    return Array.from({ length: count }, () => {
      const c = makeCtx(this.rng, p.primary, this.rng.pick(p.topics), p.methods);
      const [ja, en] = pickTpl(this.rng, GRANT_TITLES, c);
      return {
        title: bi(ja, p.english && this.rng.chance(0.6) ? en : null),
        abstract: bi(null, null),
        year: this.rng.int(2012, 2026),
        venue: this.rng.weighted(GRANT_PROGRAMMES),
        url: null,
        sourceId: null,
      };
    });
  }

  private equipment(field: FieldCode, english: boolean): EquipmentRecord[] {
    const pool = [...BANKS[field].equipment, ...(NON_LAB.has(field) ? [] : GENERIC.equipment.slice(0, 2))];
    return this.rng.sample(pool, this.rng.int(1, 2)).map((e) => ({
      name: bi(e.name.ja, english ? e.name.en : null),
      description: bi(e.desc.ja, english ? e.desc.en : null),
    }));
  }
}

/** Titles of papers: the subject of one of the researcher's topics. */
export const PAPER_TITLES: Tpl[] = [
  (c) => [`${c.M.ja}を用いた${c.S.ja}の${c.A.ja}`, `${cap(c.A.en)} ${c.S.en} using ${c.M.en}`],
  (c) => [`${c.S.ja}の${c.A.ja}に関する基礎的検討`, `A basic study on ${c.A.en} ${c.S.en}`],
  (c) => [
    `${c.M.ja}による${c.S.ja}${c.A.ja}手法の提案`,
    `A method for ${c.A.en} ${c.S.en} based on ${c.M.en}`,
  ],
  (c) =>
    apart(c) ? [`${c.T.ja}を対象とした${c.S.ja}の${c.A.ja}`, `${cap(c.A.en)} ${c.S.en} for ${c.T.en}`] : null,
  (c) => [
    `${c.S.ja}の${c.A.ja}における${c.M.ja}の有効性`,
    `Effectiveness of ${c.M.en} for ${c.A.en} ${c.S.en}`,
  ],
  (c) => [
    `${c.M.ja}を応用した${c.S.ja}${c.A.ja}システムの試作と評価`,
    `Prototyping and evaluation of a system for ${c.A.en} ${c.S.en} using ${c.M.en}`,
  ],
];

export const PAPER_ABSTRACTS: Tpl[] = [
  (c) => [
    `本論文では、${c.M.ja}を用いて${c.S.ja}を${c.A.ja}する手法を提案する。${c.T.ja}を想定した実験により、${c.B.ja}できることを示した。`,
    `This paper proposes a method that uses ${c.M.en} to ${c.A.v} ${c.S.en}. Experiments aimed at ${c.T.en} show that it can ${c.B.en}.`,
  ],
  (c) => [
    `${c.S.ja}の${c.A.ja}を目的として、${c.P.ja}した。その結果、${c.B.ja}できることが明らかになった。`,
    `To ${c.A.v} ${c.S.en}, we ${c.P.en}. The results show that it is possible to ${c.B.en}.`,
  ],
  (c) => [
    `${c.C.ja}に代わる${c.S.ja}の${c.A.ja}手法について検討した。`,
    `We examine a method for ${c.A.en} ${c.S.en} as an alternative to ${c.C.en}.`,
  ],
];

export const GRANT_TITLES: Tpl[] = [
  (c) => [
    `${c.M.ja}を活用した${c.S.ja}の${c.A.ja}技術の創出`,
    `Creating technology for ${c.A.en} ${c.S.en} using ${c.M.en}`,
  ],
  (c) => [`${c.S.ja}の${c.A.ja}に向けた${c.M.ja}の高度化`, `Advancing ${c.M.en} for ${c.A.en} ${c.S.en}`],
  (c) => [
    `${c.T.ja}における${c.S.ja}${c.A.ja}の実証研究`,
    `A demonstration study on ${c.A.en} ${c.S.en} for ${c.T.en}`,
  ],
  (c) => [
    `${c.M.ja}に基づく${c.S.ja}の${c.A.ja}手法の確立`,
    `Establishing a method for ${c.A.en} ${c.S.en} based on ${c.M.en}`,
  ],
];

/** A patent title in the style of Japanese applications (…装置及び…方法). */
export function patentTitle(c: Ctx): [string, string] {
  if (c.A.dev)
    return [`${c.S.ja}の${c.A.ja}装置及び${c.A.ja}方法`, `Device and method for ${c.A.en} ${c.S.en}`];
  if (c.A.kind === "make") return [`${c.S.ja}の${c.A.ja}方法`, `Method for ${c.A.en} ${c.S.en}`];
  return [`${c.S.ja}${c.A.ja}システム及びプログラム`, `System and program for ${c.A.en} ${c.S.en}`];
}

export interface BioCtx {
  c: Ctx;
  area: Pair;
  inst: Pair;
  dept: Pair;
  pos: Pair;
  degreeYear: number;
  since: number;
  industryYears: number;
}

export const BIOGRAPHIES: ((b: BioCtx) => [string, string])[] = [
  (b) => [
    `${b.degreeYear}年、博士（工学）の学位を取得。${b.since}年より${b.inst.ja}${b.dept.ja}${b.pos.ja}。`,
    `Received a doctorate in engineering in ${b.degreeYear}. ${b.pos.en}, ${b.dept.en}, ${b.inst.en}, since ${b.since}.`,
  ],
  ({ c, area }) => [
    `専門は${area.ja}。近年は${c.M.ja}を用いた${c.S.ja}の${c.A.ja}に取り組んでいる。`,
    `Specializes in ${lc1(area.en)}. Recent work focuses on ${c.A.en} ${c.S.en} using ${c.M.en}.`,
  ],
  (b) => [
    `民間企業での${b.industryYears}年間の研究開発経験を経て、${b.since}年に${b.inst.ja}${b.dept.ja}に着任。`,
    `Joined ${b.dept.en}, ${b.inst.en}, in ${b.since} after ${b.industryYears} years of R&D in industry.`,
  ],
  ({ c, area }) => [
    `${area.ja}を専門とし、${c.S.ja}の${c.A.ja}に関する研究に従事。地域企業との技術相談にも積極的に対応している。`,
    `Works on ${c.A.en} ${c.S.en} in ${lc1(area.en)}, and is active in technical consultations with local companies.`,
  ],
  ({ c, since }) => [
    `${since}年より現職。${c.S.ja}の${c.A.ja}をテーマに、企業との共同研究を多数手がけている。`,
    `In the current position since ${since}. Has carried out many joint research projects with companies on ${c.A.en} ${c.S.en}.`,
  ],
];
