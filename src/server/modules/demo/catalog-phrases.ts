/**
 * Phrase banks of the synthetic seeds catalogue (see catalog-generator.ts). Each research field has a
 * bank written in a small line format (catalog-fields-a.ts, catalog-fields-b.ts); this module parses
 * them once at load and holds the cross-field banks (actions, benefits, problems, qualities, goals).
 *
 * Line format, one item a line, `|` between columns, Japanese first and English second:
 *   t subject | subject (en) | actions (keys of ACTIONS) | targets (ja of `g` lines) | methods (ja of `m` lines)
 *   m method (`| proc` when it is a process that makes or treats things: 熱処理, 溶射 …; preferred for the
 *     `phys` actions 作製, 接合, 抑制 …)
 *   g target    k keyword    r research area    x problem (clause)
 *   q quality (takes で/である) | optionally the kinds of action it fits (sense act make)
 *   o goal    e equipment | en | description | en    v venue
 *   p procedure (ja ends in a サ変 noun; en is a base-form verb phrase)    u use (application)
 *   c conventional approach, optionally `| ! its drawback (clause) | en`
 *   p, u and c may end in `| @ names…` to fit only the topics named or the topics with a target named;
 *     the others fit every topic of the field
 *   b benefit (ja ends in a サ変 noun; en is a base-form verb phrase) | `min-max/step` for `{n}`, or `-` |
 *     kinds of action it fits (sense act make, or `-` for all; `lab`: laboratory fields only) |
 *     optionally `@ names…` as above
 */
import { FIELD_CODES, type FieldCode } from "../../../shared/seeds";
import { FIELDS_A } from "./catalog-fields-a";
import { FIELDS_B } from "./catalog-fields-b";

export interface Pair {
  ja: string;
  en: string;
}

/** What a technique does to its subject: senses it, acts on it, or makes it. */
export type ActionKind = "sense" | "act" | "make";

export interface Action extends Pair {
  /** English verb (base form), e.g. "estimate"; `en` is the noun with its preposition ("estimation of"). */
  v: string;
  kind: ActionKind;
  /** Can be done in real time. */
  rt: boolean;
  /** Fits a device or system (装置・システム). */
  dev: boolean;
  /** A physical process (作製, 接合, 合成 …): wants a method that is itself a process. */
  phys: boolean;
}

export interface Method extends Pair {
  proc: boolean;
}

export interface Topic extends Pair {
  actions: Action[];
  targets: Pair[];
  methods: Method[];
}

/** A phrase that fits only some topics (`only`: topic or target names), or all when `only` is null. */
export interface Scoped extends Pair {
  only: string[] | null;
  /** For a conventional approach: its typical drawback (a clause). */
  problem?: Pair;
}

export interface Benefit extends Scoped {
  min: number;
  max: number;
  step: number;
  kinds: ActionKind[];
  /** Only for laboratory fields (devices, materials, processes), not for data, software or teaching. */
  lab: boolean;
}

export interface Quality extends Pair {
  kinds: ActionKind[];
}

export interface Equipment {
  name: Pair;
  desc: Pair;
}

export interface Bank {
  topics: Topic[];
  methods: Method[];
  procedures: Scoped[];
  targets: Pair[];
  uses: Scoped[];
  conventional: Scoped[];
  keywords: Pair[];
  areas: Pair[];
  benefits: Benefit[];
  problems: Pair[];
  qualities: Quality[];
  goals: Pair[];
  equipment: Equipment[];
  venues: Pair[];
}

const ACTIONS_SRC = `
推定 | estimation of | estimate | sense rt dev
予測 | prediction of | predict | sense rt
監視 | monitoring of | monitor | sense rt dev
評価 | evaluation of | evaluate | sense
検出 | detection of | detect | sense rt dev
計測 | measurement of | measure | sense rt dev
診断 | diagnosis of | diagnose | sense dev
分類 | classification of | classify | sense rt
認識 | recognition of | recognize | sense rt
識別 | identification of | identify | sense rt
可視化 | visualization of | visualize | sense rt
解析 | analysis of | analyze | sense
収集 | collection of | collect | sense dev
制御 | control of | control | act rt dev
補正 | compensation for | compensate for | act rt
抑制 | suppression of | suppress | act dev phys
低減 | reduction of | reduce | act
最適化 | optimization of | optimize | act
向上 | improvement of | improve | act
改良 | improvement of | improve | act phys
除去 | removal of | remove | act dev phys
回収 | recovery of | recover | act dev phys
浄化 | purification of | purify | act dev phys
自動化 | automation of | automate | act dev
支援 | support for | support | act
合成 | synthesis of | synthesize | make phys
作製 | fabrication of | fabricate | make phys
開発 | development of | develop | make
設計 | design of | design | make
製造 | production of | produce | make phys
構築 | construction of | build | make
生成 | generation of | generate | make
培養 | cultivation of | cultivate | make phys
抽出 | extraction of | extract | make phys
改質 | modification of | modify | make phys
接合 | joining of | join | make phys
分解 | decomposition of | decompose | make phys
再資源化 | recycling of | recycle | make phys
利用 | utilization of | utilize | make
求解 | solution of | solve | make
要約 | summarization of | summarize | make
`;

export const ACTIONS: Record<string, Action> = {};
for (const line of ACTIONS_SRC.split("\n")) {
  if (!line.trim()) continue;
  const [ja, en, v, flags] = line.split("|").map((s) => s.trim()) as [string, string, string, string];
  const [kind, ...rest] = flags.split(" ");
  ACTIONS[ja] = {
    ja,
    en,
    v,
    kind: kind as ActionKind,
    rt: rest.includes("rt"),
    dev: rest.includes("dev"),
    phys: rest.includes("phys"),
  };
}

const GENERIC_SRC = `
b コストを{n}%削減 | cut costs by {n}% | 20-50/5
b 作業時間を半減 | halve working time
b 作業時間を{n}%短縮 | cut working time by {n}% | 30-70/10
b 精度を従来比{n}倍に向上 | improve accuracy {n}-fold over conventional methods | 2-5/1 | sense act
b 測定時間を約{n}分の1に短縮 | cut measurement time to about 1/{n} | 3-10/1 | sense lab
b 消費電力を{n}%低減 | reduce power consumption by {n}% | 20-60/10 | act make lab
b 不良率を{n}%低減 | reduce the defect rate by {n}% | 30-80/10 | act lab
b 装置コストを従来の約{n}分の1に低減 | bring equipment costs down to about 1/{n} of conventional systems | 3-10/1 | sense act lab
b 担当者の負担を大幅に軽減 | greatly reduce the burden on staff
b 熟練者と同等の判断を自動化 | automate judgements as reliable as an expert's | - | sense
b 異常を早期に発見 | find anomalies at an early stage | - | sense
b ばらつきを{n}%以内に抑制 | keep variation within {n}% | 3-10/1 | act make lab
b 環境負荷を大幅に低減 | greatly reduce the environmental impact | - | act make lab
b 製造コストを{n}%削減 | cut production costs by {n}% | 20-50/10 | make lab
p 得られたデータを統計的に解析 | analyze the resulting data statistically
p 関係する企業と連携して現場での検証を実施 | verify it on site together with partner companies
x コストが高い | costs are high
x 時間と手間がかかる | it takes a great deal of time and effort
x 結果が担当者によってばらつく | results vary from person to person
x 大型の設備が必要になる | large facilities are needed
x 中小企業には導入が難しい | it is hard for small and medium-sized companies to introduce
x 現場での連続的な評価ができない | continuous on-site evaluation is not possible
x 微小な変化を捉えにくい | small changes are hard to capture
x 環境への負荷が大きい | the environmental impact is large
x 専門的な知識と経験が必要になる | specialist knowledge and experience are required
x 条件が変わると精度が低下する | accuracy drops when conditions change
q 小型・軽量 | compact and lightweight
q 低コスト | low-cost
q 省電力 | energy-efficient
q 設置が容易 | easy to install
q 既存設備への後付けが可能 | retrofittable to existing equipment
q 操作が簡単 | simple to operate
q 汎用的 | general-purpose
q 環境調和型 | environmentally friendly
o 省力化 | labor saving
o 品質向上 | better quality
o コスト削減 | lower costs
o 安全性の向上 | greater safety
o 脱炭素化 | decarbonization
o 生産性の向上 | higher productivity
o 維持管理の効率化 | more efficient maintenance
e 高速度カメラ | high-speed camera | 毎秒最大10万コマで現象を撮影できる。 | Records phenomena at up to 100,000 frames per second.
e 3Dプリンタ（樹脂・金属） | 3D printers (resin and metal) | 試作部品を短期間で造形できる。 | Builds prototype parts in a short time.
e レーザー顕微鏡 | laser scanning microscope | 表面形状と粗さを非接触で測定できる。 | Measures surface shape and roughness without contact.
e 恒温恒湿槽 | temperature and humidity chamber | 任意の温湿度条件で耐久性試験を実施できる。 | Runs durability tests at any set temperature and humidity.
`;

const emptyBank = (): Bank => ({
  topics: [],
  methods: [],
  procedures: [],
  targets: [],
  uses: [],
  conventional: [],
  keywords: [],
  areas: [],
  benefits: [],
  problems: [],
  qualities: [],
  goals: [],
  equipment: [],
  venues: [],
});

const SCOPED_TAGS = { p: "procedures", u: "uses", c: "conventional" } as const;
const PAIR_TAGS = {
  g: "targets",
  k: "keywords",
  r: "areas",
  x: "problems",
  o: "goals",
  v: "venues",
} as const;

function scopeOf(col: string | undefined, line: string, where: string): string[] | null {
  if (col === undefined) return null;
  if (!col.startsWith("@")) throw new Error(`${where}: bad scope "${line}"`);
  return col.slice(1).trim().split(/\s+/);
}

/** Parses one bank; throws on anything malformed so that a typo fails at load (and in the tests). */
export function parseBank(src: string, where: string): Bank {
  const bank = emptyBank();
  const topicLines: string[][] = [];
  for (const raw of src.split("\n")) {
    const line = raw.trim();
    if (!line || line.startsWith("#")) continue;
    const space = line.indexOf(" ");
    const tag = line.slice(0, space);
    const cols = line
      .slice(space + 1)
      .split("|")
      .map((s) => s.trim());
    const [ja, en] = cols;
    if (!ja || !en) throw new Error(`${where}: bad line "${line}"`);
    if (tag === "t") topicLines.push(cols);
    else if (tag === "b") {
      const m = /^(\d+)-(\d+)\/(\d+)$/.exec(cols[2] ?? "");
      if (ja.includes("{n}") !== Boolean(m)) throw new Error(`${where}: benefit range "${line}"`);
      const words = !cols[3] || cols[3] === "-" ? ["sense", "act", "make"] : cols[3].split(/\s+/);
      const lab = words.includes("lab");
      const kinds = words.filter((w) => w !== "lab") as ActionKind[];
      if (kinds.length === 0) kinds.push("sense", "act", "make");
      if (kinds.some((k) => !["sense", "act", "make"].includes(k)))
        throw new Error(`${where}: kinds "${line}"`);
      const [min, max, step] = [m?.[1], m?.[2], m?.[3]].map(Number) as [number, number, number];
      const only = scopeOf(cols[4], line, where);
      bank.benefits.push({ ja, en, min: min || 0, max: max || 0, step: step || 1, kinds, lab, only });
    } else if (tag === "q") {
      const kinds = (cols[2] ?? "sense act make").split(/\s+/) as ActionKind[];
      if (kinds.some((k) => !["sense", "act", "make"].includes(k)))
        throw new Error(`${where}: kinds "${line}"`);
      bank.qualities.push({ ja, en, kinds });
    } else if (tag === "m") {
      if (cols[2] !== undefined && cols[2] !== "proc") throw new Error(`${where}: bad method "${line}"`);
      bank.methods.push({ ja, en, proc: cols[2] === "proc" });
    } else if (tag in SCOPED_TAGS) {
      const item: Scoped = { ja, en, only: null };
      for (let i = 2; i < cols.length; i++) {
        const col = cols[i]!;
        if (col.startsWith("@")) item.only = scopeOf(col, line, where);
        else if (col.startsWith("!") && tag === "c" && cols[i + 1]) {
          item.problem = { ja: col.slice(1).trim(), en: cols[i + 1]! };
          i++;
        } else throw new Error(`${where}: bad column "${col}" in "${line}"`);
      }
      bank[SCOPED_TAGS[tag as keyof typeof SCOPED_TAGS]].push(item);
    } else if (tag === "e") {
      const [, , dja, den] = cols;
      if (!dja || !den) throw new Error(`${where}: bad equipment "${line}"`);
      bank.equipment.push({ name: { ja, en }, desc: { ja: dja, en: den } });
    } else if (tag in PAIR_TAGS) bank[PAIR_TAGS[tag as keyof typeof PAIR_TAGS]].push({ ja, en });
    else throw new Error(`${where}: unknown tag "${tag}"`);
  }
  const named = <T extends Pair>(list: T[], name: string, what: string, ja: string): T => {
    const item = list.find((x) => x.ja === name);
    if (!item) throw new Error(`${where}: unknown ${what} "${name}" in topic ${ja}`);
    return item;
  };
  for (const [ja, en, acts, targets, methods] of topicLines as [
    string,
    string,
    string?,
    string?,
    string?,
  ][]) {
    const actions = (acts ?? "").split(/\s+/).map((k) => {
      const a = ACTIONS[k];
      if (!a) throw new Error(`${where}: unknown action "${k}" in topic ${ja}`);
      return a;
    });
    bank.topics.push({
      ja,
      en,
      actions,
      targets: (targets ?? "").split(/\s+/).map((name) => named(bank.targets, name, "target", ja)),
      methods: methods ? methods.split(/\s+/).map((name) => named(bank.methods, name, "method", ja)) : [],
    });
  }
  for (const item of [...bank.procedures, ...bank.uses, ...bank.conventional, ...bank.benefits]) {
    for (const name of item.only ?? []) {
      if (!bank.topics.some((t) => t.ja === name) && !bank.targets.some((t) => t.ja === name)) {
        throw new Error(`${where}: "${item.ja}" is scoped to unknown "${name}"`);
      }
    }
  }
  return bank;
}

export const fits = (item: Scoped, topic: Topic): boolean =>
  !item.only || item.only.includes(topic.ja) || topic.targets.some((t) => item.only!.includes(t.ja));

/** The scoped phrases that fit a topic, topped up with `extra` (then with all items) when fewer than `min` fit. */
export function forTopic<T extends Scoped>(items: T[], topic: Topic, min: number, extra: T[] = []): T[] {
  const fit = items.filter((i) => fits(i, topic));
  if (fit.length >= min) return fit;
  const more = [...fit, ...extra];
  return more.length >= min ? more : items;
}

export const GENERIC: Bank = parseBank(GENERIC_SRC, "generic");

export const BANKS = {} as Record<FieldCode, Bank>;
for (const code of FIELD_CODES) {
  const src = FIELDS_A[code] ?? FIELDS_B[code];
  if (!src) throw new Error(`no phrase bank for field ${code}`);
  const bank = parseBank(src, code);
  for (const key of [
    "topics",
    "methods",
    "procedures",
    "targets",
    "uses",
    "conventional",
    "keywords",
  ] as const) {
    if (bank[key].length < 4) throw new Error(`${code}: too few ${key}`);
  }
  BANKS[code] = bank;
}

/** Adjectives for device titles (簡易型…装置). */
export const DEVICE_ADJECTIVES: Pair[] = [
  { ja: "簡易型", en: "Simple" },
  { ja: "可搬型", en: "Portable" },
  { ja: "小型", en: "Compact" },
  { ja: "低コスト", en: "Low-cost" },
  { ja: "高感度", en: "High-sensitivity" },
];

/** How a result is reached, by kind of action (高い精度で推定できる / 効果的に抑制できる / 効率よく合成できる). */
export const HOW: Record<ActionKind, Pair> = {
  sense: { ja: "高い精度で", en: "with high accuracy" },
  act: { ja: "効果的に", en: "effectively" },
  make: { ja: "効率よく", en: "efficiently" },
};
