/**
 * Title templates of the demo seeds (20–40 characters where the subject allows), the qualifiers they use
 * (迅速な, 効率的な, 低コストな …) and the subtitles added to some (～…への適用を目指して～).
 */
import type { Action, ActionKind, Pair } from "./catalog-phrases";
import { apart, type Ctx, cap, type Tpl } from "./catalog-text";

/** "a" or "an" before a word. */
const an = (w: string): string => (/^[aeiou]/i.test(w) ? `an ${w}` : `a ${w}`);
const precise = (a: Action) => a.kind === "sense" || a.ja === "制御" || a.ja === "補正";
const dataDriven = (a: Action) => a.kind === "sense" || a.ja === "最適化" || a.ja === "制御";

export const TITLES: Tpl[] = [
  (c) => [`${c.M.ja}を用いた${c.S.ja}の${c.A.ja}技術`, `${cap(c.A.en)} ${c.S.en} using ${c.M.en}`],
  (c) =>
    precise(c.A)
      ? [`${c.M.ja}による${c.S.ja}の高精度${c.A.ja}`, `High-precision ${c.A.en} ${c.S.en} by ${c.M.en}`]
      : null,
  (c) =>
    apart(c)
      ? c.A.dev
        ? [`${c.T.ja}向け${c.S.ja}${c.A.ja}システム`, `A system for ${c.A.en} ${c.S.en} for ${c.T.en}`]
        : null
      : null,
  (c) => [`${c.S.ja}の${c.A.ja}に関する研究`, `A study on ${c.A.en} ${c.S.en}`],
  (c) => [`低コストな${c.S.ja}${c.A.ja}手法`, `A low-cost method for ${c.A.en} ${c.S.en}`],
  (c) => (c.A.rt ? [`${c.S.ja}をリアルタイムに${c.A.ja}する技術`, `Real-time ${c.A.en} ${c.S.en}`] : null),
  (c) =>
    apart(c)
      ? [
          `${c.M.ja}を活用した${c.T.ja}${c.S.ja.includes("の") ? "における" : "の"}${c.S.ja}${c.A.ja}`,
          `${cap(c.A.en)} ${c.S.en} for ${c.T.en} using ${c.M.en}`,
        ]
      : null,
  (c) => (c.A.dev ? [`${c.D.ja}${c.S.ja}${c.A.ja}装置`, `${c.D.en} device for ${c.A.en} ${c.S.en}`] : null),
  (c) => [`${c.S.ja}の新しい${c.A.ja}手法`, `A new method for ${c.A.en} ${c.S.en}`],
  (c) => [
    `${c.M.ja}と${c.M2.ja}を組み合わせた${c.S.ja}の${c.A.ja}`,
    `${cap(c.A.en)} ${c.S.en} combining ${c.M.en} and ${c.M2.en}`,
  ],
  (c) => [`${c.G.ja}に向けた${c.S.ja}の${c.A.ja}`, `${cap(c.A.en)} ${c.S.en} for ${c.G.en}`],
  (c) => [`${c.S.ja}${c.A.ja}のための${c.M.ja}活用技術`, `Applying ${c.M.en} to ${c.A.en} ${c.S.en}`],
  (c) => (dataDriven(c.A) ? [`データ駆動型の${c.S.ja}${c.A.ja}`, `Data-driven ${c.A.en} ${c.S.en}`] : null),
  (c) =>
    apart(c)
      ? [
          `${c.S.ja}の${c.A.ja}と${c.T.ja}への応用`,
          `${cap(c.A.en)} ${c.S.en} and its application to ${c.T.en}`,
        ]
      : null,
  (c) => [
    `${c.M.ja}に基づく${c.S.ja}${c.A.ja}技術の開発`,
    `Developing technology for ${c.A.en} ${c.S.en} based on ${c.M.en}`,
  ],
  (c) =>
    apart(c)
      ? [
          `${c.T.ja}における${c.S.ja}の${c.Z.ja}${c.A.ja}手法`,
          `${cap(an(c.Z.en))} method for ${c.A.en} ${c.S.en} for ${c.T.en}`,
        ]
      : null,
  (c) =>
    apart(c)
      ? c.G.ja.includes("の")
        ? null
        : [
            `${c.T.ja}の${c.G.ja}を実現する${c.S.ja}${c.A.ja}技術`,
            `Technology for ${c.A.en} ${c.S.en} that brings ${c.G.en} to ${c.T.en}`,
          ]
      : null,
  (c) => [`${c.S.ja}の${c.A.ja}に向けた${c.M.ja}の応用`, `Application of ${c.M.en} to ${c.A.en} ${c.S.en}`],
  (c) => [`現場で使える${c.S.ja}${c.A.ja}技術`, `Field-ready technology for ${c.A.en} ${c.S.en}`],
  (c) =>
    apart(c)
      ? [
          `${c.M.ja}による${c.T.ja}向け${c.S.ja}${c.A.ja}の高度化`,
          `Advancing ${c.A.en} ${c.S.en} for ${c.T.en} by ${c.M.en}`,
        ]
      : null,
  (c) =>
    c.A.dev
      ? [
          `${c.Z.ja}${c.S.ja}${c.A.ja}システムの開発`,
          `Development of ${an(c.Z.en)} system for ${c.A.en} ${c.S.en}`,
        ]
      : null,
  (c) => [
    `${c.G.ja}を目指した${c.S.ja}の${c.A.ja}技術`,
    `Technology for ${c.A.en} ${c.S.en} aiming at ${c.G.en}`,
  ],
  (c) => [
    `${c.M.ja}を用いた${c.Z.ja}${c.S.ja}${c.A.ja}`,
    `${cap(c.Z.en)} ${c.A.en} ${c.S.en} using ${c.M.en}`,
  ],
  (c) => (c.A.kind === "sense" ? [`${c.S.ja}の自動${c.A.ja}技術`, `Automatic ${c.A.en} ${c.S.en}`] : null),
];

/** Title qualifiers by kind of action. */
export const QUALIFIERS: Record<ActionKind, Pair[]> = {
  sense: [
    { ja: "迅速な", en: "rapid" },
    { ja: "簡便な", en: "simple" },
    { ja: "高精度な", en: "high-precision" },
  ],
  act: [
    { ja: "効率的な", en: "efficient" },
    { ja: "省エネルギー型の", en: "energy-saving" },
    { ja: "自律的な", en: "autonomous" },
  ],
  make: [
    { ja: "低コストな", en: "low-cost" },
    { ja: "高効率な", en: "high-efficiency" },
    { ja: "環境に優しい", en: "environmentally friendly" },
  ],
};

/** Subtitles (～…～) added to some titles; `key` must not already be in the title. */
export const SUBTITLES: ((c: Ctx) => { key: string; out: [string, string] })[] = [
  (c) => ({ key: c.T.ja, out: [`～${c.T.ja}への適用を目指して～`, `: toward application to ${c.T.en}`] }),
  (c) => ({ key: c.M2.ja, out: [`―${c.M.ja}と${c.M2.ja}の融合―`, `: combining ${c.M.en} and ${c.M2.en}`] }),
  (c) => ({ key: c.G.ja, out: [`～${c.G.ja}に向けて～`, `: toward ${c.G.en}`] }),
];
