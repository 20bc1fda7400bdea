/**
 * The matching engine on small hand-made corpora with known answers: ranking, English ↔ Japanese through
 * the lexicon, aggregation to researchers by their best evidence, re-ranking, visibility, explanations and
 * updates. Real analyser (kuromoji), no database.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { MatchEngine } from "../../src/server/match/engine";
import { buildExpander } from "../../src/server/match/expand";
import { cjkBigrams } from "../../src/server/match/ngrams";
import type { DocKind, MatchDoc, ResearcherMeta } from "../../src/server/match/types";
import { type Analyzer, loadAnalyzer } from "../../src/server/text/analyzer";

let analyzer: Analyzer;

function doc(
  a: Analyzer,
  id: string,
  kind: DocKind,
  title: string,
  body: string,
  researcherIds: string[],
  extra: Partial<MatchDoc> = {},
): MatchDoc {
  return {
    id,
    kind,
    titleJa: title,
    titleEn: null,
    researcherIds,
    institutionId: extra.institutionId ?? null,
    areaCode: extra.areaCode ?? null,
    access: extra.access ?? { visibility: "public" },
    externalId: id,
    fields: [
      { name: "title", terms: a.terms(title) },
      { name: "body", terms: a.terms(body) },
      { name: "ngram", terms: cjkBigrams(`${title} ${body}`) },
    ],
  };
}

function researcher(id: string, institutionId: string, areaCode: string, availability = 1): ResearcherMeta {
  return { id, externalId: id, nameJa: id, nameEn: null, institutionId, areaCode, availability, access: {} };
}

const everyone = () => true;

beforeAll(async () => {
  analyzer = await loadAnalyzer();
});

describe("ranking", () => {
  it("puts the seed that answers a plainly written need first", () => {
    const e = new MatchEngine({ analyzer });
    e.load(
      [
        doc(
          analyzer,
          "s-tool",
          "seed",
          "切削工具の摩耗を加工中に推定する",
          "主軸モータの電流から工具の摩耗量を推定し、交換時期を知らせる。",
          ["r1"],
        ),
        doc(
          analyzer,
          "s-river",
          "seed",
          "河川の水位を監視するセンサネットワーク",
          "水位を常時計測し、氾濫の危険を知らせる。",
          ["r2"],
        ),
        doc(analyzer, "s-food", "seed", "発酵食品の機能性評価", "乳酸菌による発酵の条件を最適化する。", [
          "r3",
        ]),
      ],
      [
        researcher("r1", "tut", "tokai"),
        researcher("r2", "nagaoka", "shinetsu"),
        researcher("r3", "numazu", "tokai"),
      ],
    );
    const r = e.match({ text: "工具がすぐ摩耗してしまい、交換のタイミングがわからない", canSee: everyone });
    expect(r.documents.map((d) => d.id)).toEqual(["s-tool"]);
    expect(r.researchers[0]!.id).toBe("r1");
  });

  it("finds a Japanese-only seed from an English need, and the other way round, through the lexicon", () => {
    const expander = buildExpander(analyzer, {
      translations: [
        ["摩耗", ["wear"]],
        ["切削工具", ["cutting tool"]],
        ["水位", ["water level"]],
        ["センサー", ["sensor"]],
      ],
    });
    const e = new MatchEngine({ analyzer, expander });
    e.load(
      [
        doc(analyzer, "s-tool", "seed", "切削工具の摩耗推定", "加工中に摩耗を推定する。", ["r1"]),
        doc(analyzer, "s-river", "seed", "河川の水位計測", "水位を常時計測する。", ["r2"]),
        {
          ...doc(analyzer, "s-en", "seed", "", "", ["r3"]),
          titleJa: null,
          titleEn: "Low-cost sensors for soil moisture",
          fields: [{ name: "title", terms: analyzer.terms("Low-cost sensors for soil moisture") }],
        },
      ],
      [
        researcher("r1", "tut", "tokai"),
        researcher("r2", "nagaoka", "shinetsu"),
        researcher("r3", "gifu", "tokai"),
      ],
    );
    const en = e.match({
      text: "We need to predict cutting tool wear on our lathes",
      canSee: everyone,
      language: "en",
    });
    expect(en.documents[0]!.id).toBe("s-tool");
    expect(en.documents[0]!.matched.map((m) => m.via)).toContain("translation");
    expect(en.researchers[0]!.reason).toMatch(/^Seed “切削工具の摩耗推定” matches .*wear→摩耗/);
    const ja = e.match({ text: "安いセンサーで土の水分を測りたい", canSee: everyone });
    expect(ja.documents[0]!.id).toBe("s-en");
  });
});

describe("aggregation to researchers", () => {
  it("ranks by the best documents, not by how many weak ones a profile has", () => {
    const e = new MatchEngine({ analyzer });
    const weak = Array.from({ length: 12 }, (_, i) =>
      doc(
        analyzer,
        `p-${i}`,
        "paper",
        `材料の評価 その${i}`,
        "一般的な材料試験について述べる。溶接にも触れる。",
        ["prolific"],
      ),
    );
    e.load(
      [
        ...weak,
        doc(
          analyzer,
          "s-weld",
          "seed",
          "溶接部の欠陥をAEセンサで検出する",
          "溶接欠陥の検出と溶接条件の最適化。",
          ["focused"],
        ),
      ],
      [researcher("prolific", "tut", "tokai"), researcher("focused", "nagaoka", "shinetsu")],
    );
    const r = e.match({ text: "溶接の欠陥を見つけたい", canSee: everyone });
    expect(r.researchers.map((x) => x.id)).toEqual(["focused", "prolific"]);
    expect(r.researchers[1]!.evidence.length).toBe(3); // only the best three count
  });

  it("re-ranks: preferred area, availability, diversity across institutions", () => {
    const docs = ["a1", "a2", "a3", "b1"].map((r) =>
      doc(analyzer, `s-${r}`, "seed", "金型の寿命予測", "金型の割れを予測する。", [r]),
    );
    const people = [
      researcher("a1", "inst-a", "tokai"),
      researcher("a2", "inst-a", "tokai"),
      researcher("a3", "inst-a", "tokai"),
      researcher("b1", "inst-b", "shinetsu"),
    ];
    const e = new MatchEngine({ analyzer });
    e.load(docs, people);
    // Equal evidence: the second institution comes up before a third researcher of the first.
    const plain = e.match({ text: "金型の寿命", canSee: everyone });
    expect(plain.researchers.map((x) => x.id).indexOf("b1")).toBeLessThan(2);
    const shinetsu = e.match({ text: "金型の寿命", canSee: everyone, rank: { preferredArea: "shinetsu" } });
    expect(shinetsu.researchers[0]!.id).toBe("b1");
    e.upsertResearcher({ ...people[3]!, availability: 0 });
    const busy = e.match({ text: "金型の寿命", canSee: everyone, rank: { preferredArea: "shinetsu" } });
    expect(busy.researchers[0]!.id).not.toBe("b1");
  });
});

describe("visibility and explanations", () => {
  it("never returns a document the viewer may not see, nor a researcher known only through it", () => {
    const e = new MatchEngine({ analyzer });
    e.load(
      [
        doc(analyzer, "s-public", "seed", "振動センサによる設備診断", "異常振動を検知する。", ["r1"]),
        doc(analyzer, "s-secret", "seed", "振動解析の非公開技術", "振動を解析する。", ["r2"], {
          access: { visibility: "coordinators" },
        }),
      ],
      [researcher("r1", "tut", "tokai"), researcher("r2", "tut", "tokai")],
    );
    const r = e.match({ text: "振動", canSee: (d) => d.access.visibility === "public" });
    expect(r.documents.map((d) => d.id)).toEqual(["s-public"]);
    expect(r.researchers.map((x) => x.id)).toEqual(["r1"]);
    const staff = e.match({ text: "振動", canSee: everyone });
    expect(staff.documents.map((d) => d.id).sort()).toEqual(["s-public", "s-secret"]);
  });

  it("marks the matched words in the need and in the document, and gives a reason in Japanese", () => {
    const e = new MatchEngine({ analyzer });
    e.load(
      [doc(analyzer, "s1", "seed", "切削工具の摩耗推定", "摩耗を推定する。", ["r1"])],
      [researcher("r1", "tut", "tokai")],
    );
    const r = e.match({ text: "工具の摩耗に困っている", canSee: everyone });
    expect(r.highlighted.filter((h) => h.match).map((h) => h.text)).toEqual(["工具", "摩耗"]);
    expect(r.researchers[0]!.reason).toBe("シーズ「切削工具の摩耗推定」が 工具・摩耗 に一致");
    const marked = e.highlightDocument("切削工具の摩耗推定", r.documents[0]!.matched);
    expect(marked).toEqual([
      { text: "切削", match: false },
      { text: "工具", match: true },
      { text: "の", match: false },
      { text: "摩耗", match: true },
      { text: "推定", match: false },
    ]);
  });
});

describe("updates", () => {
  it("an edited document is found by its new words only; a removed one is gone", () => {
    const e = new MatchEngine({ analyzer });
    e.load(
      [doc(analyzer, "s1", "seed", "鋳造の湯流れ解析", "鋳造欠陥を減らす。", ["r1"])],
      [researcher("r1", "tut", "tokai")],
    );
    expect(e.match({ text: "鋳造", canSee: everyone }).documents).toHaveLength(1);
    e.upsert(doc(analyzer, "s1", "seed", "射出成形の反り予測", "樹脂成形品の反りを予測する。", ["r1"]));
    expect(e.match({ text: "鋳造", canSee: everyone }).documents).toHaveLength(0);
    expect(e.match({ text: "成形品の反り", canSee: everyone }).documents.map((d) => d.id)).toEqual(["s1"]);
    e.remove("seed", "s1");
    expect(e.match({ text: "成形品の反り", canSee: everyone }).documents).toHaveLength(0);
    expect(e.size.documents).toBe(0);
  });

  it("ranks needs for a seed (the other direction) when asked for kind need", () => {
    const e = new MatchEngine({ analyzer });
    e.load(
      [
        doc(analyzer, "n1", "need", "金型が割れて生産が止まる", "金型の寿命を事前に知りたい。", []),
        doc(analyzer, "n2", "need", "職員の勤怠管理を楽にしたい", "紙の勤怠表をやめたい。", []),
        doc(analyzer, "s1", "seed", "金型の寿命予測", "金型の割れを予測する。", ["r1"]),
      ],
      [researcher("r1", "tut", "tokai")],
    );
    const r = e.match({ text: "金型の寿命予測 割れを予測する", canSee: everyone, kinds: ["need"] });
    expect(r.documents.map((d) => d.id)).toEqual(["n1"]);
  });
});
