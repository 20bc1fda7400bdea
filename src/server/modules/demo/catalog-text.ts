/**
 * Sentence templates of the synthetic seeds catalogue. Every template gives a Japanese and an English text
 * built from the same choices, so translations stay aligned. Japanese is written in である調; `polite`
 * turns a text into です・ます調 by its sentence endings (a seed uses one style throughout).
 */
import type { PhaseCode } from "../../../shared/seeds";
import type { Action, Pair } from "./catalog-phrases";

/** The choices one seed text is built from. */
export interface Ctx {
  /** subject, method, second method, target, field label, goal, device adjective, how (高い精度で …),
   * title qualifier (迅速な, 効率的な, 低コストな …) */
  S: Pair;
  A: Action;
  M: Pair;
  M2: Pair;
  T: Pair;
  F: Pair;
  G: Pair;
  D: Pair;
  H: Pair;
  Z: Pair;
  /** uses (applications), benefits, conventional approach, problem, procedures, qualities */
  U: [Pair, Pair, Pair];
  B: Pair;
  B2: Pair;
  C: Pair;
  X: Pair;
  P: Pair;
  P2: Pair;
  Q: Pair;
  Q2: Pair;
  phase: PhaseCode;
  hasPatent: boolean;
  /** Laboratory field (prototypes, test rigs) rather than data, software or teaching. */
  lab: boolean;
}

type Out = [string, string];
export type Tpl = (c: Ctx) => Out | null;

export const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
export const lc1 = (s: string): string => s.charAt(0).toLowerCase() + s.slice(1);

/** Third person singular of the first word of an English verb phrase ("compensate for" → "compensates for"). */
export function s3(verb: string): string {
  const sp = verb.indexOf(" ");
  const head = sp < 0 ? verb : verb.slice(0, sp);
  const tail = sp < 0 ? "" : verb.slice(sp);
  const w = /(s|sh|ch|x|z)$/.test(head)
    ? `${head}es`
    : /[^aeiou]y$/.test(head)
      ? `${head.slice(0, -1)}ies`
      : `${head}s`;
  return w + tail;
}

/** The subject does not already name the target (工作機械の熱変位 / 工作機械), so both can stand side by side. */
export const apart = (c: Ctx): boolean => !c.S.ja.includes(c.T.ja);

export const SUMMARIES: Tpl[] = [
  (c) => [
    `本シーズは、${c.M.ja}を用いて${c.S.ja}を${c.A.ja}する技術である。${c.C.ja}と比べて${c.B.ja}できるため、${c.T.ja}における${c.G.ja}に大きく貢献できる。`,
    `This seed is a technology that uses ${c.M.en} to ${c.A.v} ${c.S.en}. Because it can ${c.B.en} compared with ${c.C.en}, it can contribute greatly to ${c.G.en} for ${c.T.en}.`,
  ],
  (c) => [
    `${c.C.ja}に代わる手法として、${c.M.ja}による${c.S.ja}の${c.A.ja}技術を確立した。${c.T.ja}を想定した試験では、${c.B.ja}できることを確認した。`,
    `As an alternative to ${c.C.en}, we have established a technique for ${c.A.en} ${c.S.en} by ${c.M.en}. In trials aimed at ${c.T.en}, we confirmed that it can ${c.B.en}.`,
  ],
  (c) =>
    c.A.kind === "make"
      ? null
      : [
          `${c.S.ja}を簡便かつ${c.H.ja}${c.A.ja}する技術である。${c.M.ja}を応用することで${c.B.ja}でき、${c.T.ja}をはじめとする幅広い分野への展開が期待される。`,
          `A technology that ${s3(c.A.v)} ${c.S.en} simply and ${c.H.en}. By applying ${c.M.en}, it can ${c.B.en}, and it is expected to spread to a wide range of fields, starting with ${c.T.en}.`,
        ],
  (c) => [
    `${c.T.ja}では、${c.S.ja}の${c.A.ja}が大きな課題となっている。本研究では${c.M.ja}を活用し、${c.C.ja}に頼らずに${c.B.ja}する手法を確立した。`,
    `${cap(c.A.en)} ${c.S.en} is a major challenge for ${c.T.en}. We have established a method that uses ${c.M.en} to ${c.B.en} without relying on ${c.C.en}.`,
  ],
  (c) => [
    `${c.M.ja}を用いて${c.S.ja}を${c.A.ja}する手法を提案する。${c.C.ja}と比べて${c.B.ja}できる点が特長であり、${c.T.ja}での活用を想定している。`,
    `We propose a method that uses ${c.M.en} to ${c.A.v} ${c.S.en}. Compared with ${c.C.en}, it can ${c.B.en}, and it is intended for ${c.T.en}.`,
  ],
  (c) => [
    `本技術は、${c.P.ja}し、${c.M.ja}を用いて${c.S.ja}を${c.A.ja}するものである。これにより${c.B.ja}でき、${c.G.ja}にもつながる。`,
    `In this technology we ${c.P.en} and then use ${c.M.en} to ${c.A.v} ${c.S.en}. This makes it possible to ${c.B.en}, which also leads to ${c.G.en}.`,
  ],
  (c) => [
    `${c.S.ja}の${c.A.ja}について、${c.F.ja}分野の知見と${c.M.ja}を融合した新しいアプローチを提案している。${c.G.ja}につながる技術として、${c.T.ja}への適用を目指している。`,
    `We propose a new approach to ${c.A.en} ${c.S.en} that combines expertise in ${lc1(c.F.en)} with ${c.M.en}. We aim to apply it to ${c.T.en} as a technology that leads to ${c.G.en}.`,
  ],
  (c) => [
    `${c.Q.ja}で導入しやすい${c.S.ja}${c.A.ja}技術である。${c.M.ja}の活用により${c.B.ja}でき、${c.T.ja}でも無理なく運用できる。`,
    `This technology for ${c.A.en} ${c.S.en} is ${c.Q.en} and easy to adopt. Using ${c.M.en}, it can ${c.B.en}, and it can be run without difficulty for ${c.T.en}.`,
  ],
];

/** Optional last sentence of a summary. */
export const CLOSINGS: Tpl[] = [
  (c) => [
    `現在、${c.T.ja}での実証に向けて共同研究先を募集している。`,
    `We are currently looking for joint research partners to trial it for ${c.T.en}.`,
  ],
  () => [
    "技術相談や共同研究の相談を歓迎し、課題に応じた進め方を一緒に検討する。",
    "We welcome technical consultations and joint research proposals, and will work out with you how to proceed.",
  ],
  () => [
    `地域企業との共同研究により、早期の実用化を目指している。`,
    `We aim for early practical use through joint research with local companies.`,
  ],
  () => [
    "サンプル提供や試験評価の依頼にも対応可能であり、学内の設備を用いた共同での検証も行える。",
    "We can also provide samples and carry out test evaluations on request, including joint verification with our own equipment.",
  ],
  (c) => [
    `${c.U[0].ja}など、幅広い分野への展開を目指している。`,
    `We aim to extend it to a wide range of fields, such as ${c.U[0].en}.`,
  ],
  () => [
    "関心のある企業との意見交換を歓迎し、現場の課題に合わせた改良にも柔軟に対応する。",
    "We welcome discussions with interested companies and can adapt the technology flexibly to their problems.",
  ],
];

export const OVERVIEWS: Tpl[] = [
  (c) => [
    `本技術では、まず${c.P.ja}する。次に、${c.M.ja}を用いて${c.S.ja}を${c.A.ja}し、得られた結果を${c.U[0].ja}などに活用できる形で出力する。`,
    `First, we ${c.P.en}. Then we use ${c.M.en} to ${c.A.v} ${c.S.en} and output the results in a form that can be used for ${c.U[0].en} and similar purposes.`,
  ],
  (c) => [
    `${c.S.ja}の${c.A.ja}には、${c.M.ja}を応用した独自の手法を用いる。具体的には、${c.P.ja}し、${c.P2.ja}する。`,
    `For ${c.A.en} ${c.S.en}, we use our own technique based on ${c.M.en}. Specifically, we ${c.P.en} and ${c.P2.en}.`,
  ],
  (c) => [
    `提案手法は、(1)${c.P.ja}、(2)${c.M.ja}による${c.S.ja}の${c.A.ja}、(3)${c.P2.ja}、の3段階で構成される。各段階は独立しており、既存の工程に部分的に導入することもできる。`,
    `The proposed method has three steps: (1) ${c.P.en}; (2) ${c.A.v} ${c.S.en} using ${c.M.en}; and (3) ${c.P2.en}. The steps are independent, so the method can also be introduced partially into existing processes.`,
  ],
  (c) => [
    `${c.F.ja}分野で培った${c.M.ja}の知見を${c.S.ja}の${c.A.ja}に応用した。${c.P.ja}する点に独自性があり、${c.C.ja}とは異なるアプローチで課題の解決を図っている。`,
    `We apply know-how in ${c.M.en} built up in ${lc1(c.F.en)} to ${c.A.en} ${c.S.en}. Its originality lies in the way we ${c.P.en}, an approach quite different from ${c.C.en}.`,
  ],
  (c) => [
    `${c.S.ja}の${c.A.ja}を、${c.M.ja}と${c.M2.ja}の組み合わせにより実現する。${c.P.ja}し、${c.P2.ja}することで、${c.B2.ja}できる。`,
    `${cap(c.A.en)} ${c.S.en} is achieved by combining ${c.M.en} and ${c.M2.en}. We ${c.P.en} and ${c.P2.en}, which makes it possible to ${c.B2.en}.`,
  ],
  (c) => [
    `本技術の核となるのは、${c.M.ja}を用いた${c.S.ja}の${c.A.ja}である。${c.P.ja}することで、${c.C.ja}に比べて${c.B2.ja}できる。`,
    `At the heart of this technology is ${c.A.en} ${c.S.en} using ${c.M.en}. We ${c.P.en}, which makes it possible to ${c.B2.en} compared with ${c.C.en}.`,
  ],
  (c) => [
    `${c.S.ja}を対象に、${c.P.ja}した。その結果、${c.M.ja}を用いることで${c.S.ja}を${c.H.ja}${c.A.ja}できることを明らかにした。`,
    `Focusing on ${c.S.en}, we ${c.P.en}. The results show that using ${c.M.en} makes it possible to ${c.A.v} ${c.S.en} ${c.H.en}.`,
  ],
  (c) => [
    `${c.M.ja}をベースに、${c.P.ja}するための手順を整備した。この手順に従うことで、${c.S.ja}を${c.H.ja}${c.A.ja}できる。`,
    `Building on ${c.M.en}, we have set up a procedure to ${c.P.en}. Following it, we can ${c.A.v} ${c.S.en} ${c.H.en}.`,
  ],
  (c) => [
    `${c.S.ja}の${c.A.ja}を目的として、${c.M.ja}を中心とした手法を構築した。${c.P.ja}し、${c.P2.ja}するという流れで、現場の担当者でも扱えるよう手順を整理している。`,
    `For ${c.A.en} ${c.S.en}, we have built a technique centered on ${c.M.en}. We ${c.P.en} and then ${c.P2.en}, and the procedure is organized so that on-site staff can follow it.`,
  ],
];

/** Optional extra sentence of an overview. */
export const OVERVIEW_EXTRAS: Tpl[] = [
  (c) => [
    `また、${c.P2.ja}することで、${c.B2.ja}することも可能である。`,
    `We can also ${c.P2.en}, which makes it possible to ${c.B2.en} as well.`,
  ],
  (c) =>
    c.A.kind === "sense"
      ? [
          "結果は、専門知識のない担当者にも分かりやすい形で提示される。",
          "Results are presented in a form that non-specialist staff can easily understand.",
        ]
      : null,
  (c) => [
    `必要に応じて${c.M2.ja}と組み合わせることで、適用範囲をさらに広げられる。`,
    `Combining it with ${c.M2.en} where needed widens its range of application further.`,
  ],
  (c) => [
    `システム構成は${c.Q.ja}であり、${c.T.ja}への導入も容易である。`,
    `The setup is ${c.Q.en}, which makes it easy to introduce for ${c.T.en}.`,
  ],
];

/** One sentence on the stage of development, chosen by the seed's phase (and by lab or data/teaching field). */
export const PHASE_SENTENCES: Record<PhaseCode, Tpl[]> = {
  basic: [
    (c) =>
      c.lab
        ? [
            "現在は原理検証の段階にあり、実験室レベルで基本性能を確認している。",
            "It is currently at the proof-of-concept stage, with basic performance confirmed in the laboratory.",
          ]
        : [
            "現在は基礎的な検討の段階にあり、小規模なデータで有効性を確認している。",
            "It is at an early stage, with effectiveness confirmed on small datasets.",
          ],
    (c) =>
      c.lab
        ? [
            "基礎的な実験により有効性を確認しており、今後は実環境での検証を進める予定である。",
            "Basic experiments have confirmed its effectiveness; verification in real environments is planned next.",
          ]
        : [
            "基本的な手法の検証を終え、今後は実データを用いた評価を進める予定である。",
            "The basic method has been verified; evaluation with real data is planned next.",
          ],
    () => [
      "現段階では、要素技術の確立に取り組んでいる。",
      "At this stage we are establishing the underlying techniques.",
    ],
  ],
  applied: [
    (c) =>
      c.lab
        ? [
            "試作機を用いた評価を進めており、実環境に近い条件での性能確認を行っている。",
            "Evaluation with a prototype is under way, and performance is being checked under near-real conditions.",
          ]
        : [
            "協力機関の実データを用いた評価を進めており、改良を重ねている。",
            "Evaluation with real data from partner organizations is under way, with continuous improvements.",
          ],
    () => [
      "企業との共同研究により、実用化に向けた改良を進めている。",
      "Improvements toward practical use are under way in joint research with companies.",
    ],
    (c) =>
      c.lab
        ? [
            "実験室規模での検証を終え、現在は実機規模への展開を検討している。",
            "Laboratory-scale verification is complete, and scaling up to full size is now being studied.",
          ]
        : [
            "一部の現場で試行を始めており、利用者の意見をもとに改良を進めている。",
            "Trials have begun at some sites, and improvements are being made based on user feedback.",
          ],
  ],
  practical: [
    (c) =>
      c.lab
        ? [
            "すでに企業の現場で試験導入された実績がある。",
            "It has already been trial-deployed at company sites.",
          ]
        : ["すでに複数の現場で運用されている。", "It is already in use at several sites."],
    (c) =>
      c.lab
        ? [
            "製品化に向けて、耐久性と量産性の検証を行っている。",
            "Durability and suitability for mass production are being verified toward commercialization.",
          ]
        : [
            "ソフトウェアや教材として提供できる形に整えており、導入時の相談にも対応できる。",
            "It is packaged so that it can be provided as software or materials, and we can advise on introduction.",
          ],
    () => [
      "一部の機能はすでに実用化されており、導入支援も可能である。",
      "Some functions are already in practical use, and we can help with introduction.",
    ],
  ],
};

export const FEATURES: Tpl[] = [
  (c) => [
    `従来は${c.C.ja}が一般的であったが、${c.X.ja}という課題があった。本技術では${c.M.ja}を用いることでこうした課題を解決し、${c.B.ja}できる。`,
    `The usual approach has been ${c.C.en}, but ${c.X.en}. Using ${c.M.en}, this technology overcomes that problem and can ${c.B.en}.`,
  ],
  (c) => [
    `${c.C.ja}と比較して、${c.B.ja}できる点が大きな特長である。また、${c.Q.ja}で${c.Q2.ja}であるため、${c.T.ja}でも導入を進めやすい構成となっている。`,
    `Compared with ${c.C.en}, its main advantage is that it can ${c.B.en}. It is also ${c.Q.en} and ${c.Q2.en}, so it is easy to introduce for ${c.T.en}.`,
  ],
  (c) => [
    `${c.C.ja}では、${c.X.ja}ため、${c.T.ja}への適用は限られていた。本技術は${c.M.ja}によってこの課題を解決し、${c.B.ja}できる。`,
    `Methods based on ${c.C.en} have seen limited use for ${c.T.en} because ${c.X.en}. This technology solves the problem with ${c.M.en} and can ${c.B.en}.`,
  ],
  (c) => [
    `本技術の特長は、${c.B.ja}できることと、${c.Q.ja}であることの2点である。${c.C.ja}では${c.X.ja}という問題があったが、本技術ではこれを解消している。`,
    `The technology has two key features: it can ${c.B.en}, and it is ${c.Q.en}. With ${c.C.en}, ${c.X.en}; this technology removes that problem.`,
  ],
  (c) => [
    `${c.C.ja}では${c.X.ja}という問題があった。提案手法は${c.M.ja}に基づくため、${c.B.ja}できるうえ、${c.B2.ja}することも可能である。`,
    `With ${c.C.en}, ${c.X.en}. Because the proposed method is based on ${c.M.en}, it can ${c.B.en} and can also ${c.B2.en}.`,
  ],
  (c) => [
    `${c.C.ja}などの従来手法と比べ、${c.B.ja}できることを実験により確認した。加えて、${c.Q.ja}であるため、${c.T.ja}への導入も容易である。`,
    `Experiments confirmed that, compared with existing methods such as ${c.C.en}, it can ${c.B.en}. Being ${c.Q.en}, it is also easy to introduce for ${c.T.en}.`,
  ],
  (c) => [
    `最大の特長は、${c.M.ja}の活用により${c.B.ja}できる点にある。${c.C.ja}と異なり${c.Q.ja}であることから、中小企業でも導入の障壁を下げられる。`,
    `Its greatest strength is that, using ${c.M.en}, it can ${c.B.en}. Unlike ${c.C.en}, it is ${c.Q.en}, which lowers the barrier to adoption, even for small companies.`,
  ],
  (c) => [
    `${c.X.ja}という${c.C.ja}の課題に対し、本技術は${c.M.ja}を用いた新しいアプローチをとる。これにより${c.B.ja}でき、さらに${c.B2.ja}することも可能である。`,
    `To address the problem with ${c.C.en} that ${c.X.en}, this technology takes a new approach using ${c.M.en}. It can ${c.B.en} and also ${c.B2.en}.`,
  ],
];

/** Optional extra sentence of the features section. */
export const FEATURE_EXTRAS: Tpl[] = [
  (c) => [
    `${c.T.ja}を想定した評価では、${c.B2.ja}できることも確認している。`,
    `Evaluations aimed at ${c.T.en} have also confirmed that it can ${c.B2.en}.`,
  ],
  (c) => [
    `さらに、運用条件を工夫することで${c.B2.ja}できる点も優れている。`,
    `A further advantage is that, with suitable operating conditions, it can also ${c.B2.en}.`,
  ],
  (c) =>
    c.hasPatent
      ? [
          "特許出願済みの独自技術であり、ライセンス供与の相談も可能である。",
          "It is our own patent-pending technology, and licensing can be discussed.",
        ]
      : null,
  (c) => [
    `${c.M2.ja}など他の手法との組み合わせも可能である。`,
    `It can also be combined with other techniques such as ${c.M2.en}.`,
  ],
  () => [
    "小規模な事業者でも導入しやすいよう、構成を工夫している。",
    "The configuration is designed to be easy for small businesses to adopt.",
  ],
];

export const APPLICATIONS: Tpl[] = [
  ({ U: [a, b, d] }) => [
    `${a.ja}、${b.ja}、${d.ja}などへの応用が考えられる。`,
    `Possible applications include ${a.en}, ${b.en} and ${d.en}.`,
  ],
  ({ U: [a, b], T }) =>
    a.ja.includes(T.ja) || b.ja.includes(T.ja)
      ? null
      : [
          `${T.ja}をはじめ、${a.ja}や${b.ja}への展開が期待できる。`,
          `Beyond ${T.en}, it could be extended to ${a.en} and ${b.en}.`,
        ],
  ({ U: [a, b, d] }) => [
    `想定される用途は、${a.ja}、${b.ja}、${d.ja}である。`,
    `Intended uses are ${a.en}, ${b.en} and ${d.en}.`,
  ],
  ({ U: [a, b], T }) => [
    `主な用途として${a.ja}および${b.ja}を想定している。${T.ja}に関わる企業との連携を希望する。`,
    `The main intended uses are ${a.en} and ${b.en}. We would like to work with companies involved with ${T.en}.`,
  ],
  (c) =>
    !apart(c)
      ? null
      : [
          `${c.U[0].ja}、${c.U[1].ja}のほか、${c.T.ja}における${c.S.ja}の${c.A.ja}にも利用できる。`,
          `Besides ${c.U[0].en} and ${c.U[1].en}, it can be applied to ${c.A.en} ${c.S.en} for ${c.T.en}.`,
        ],
  ({ U: [a, b, d], S, A }) => [
    `${a.ja}、${b.ja}、${d.ja}など、${S.ja}の${A.ja}が求められる幅広い場面で活用できる。`,
    `It can be used wherever ${A.en} ${S.en} is needed, for example in ${a.en}, ${b.en} and ${d.en}.`,
  ],
  ({ U: [a, b, d] }) => [
    `${a.ja}や${b.ja}に適用できるほか、${d.ja}への展開も視野に入れている。`,
    `It can be applied to ${a.en} and ${b.en}, and we are also looking at ${d.en}.`,
  ],
  ({ U: [a, b], T }) => [
    `具体的には、${a.ja}、${b.ja}などでの利用を想定しており、${T.ja}での活用が見込まれる。`,
    `Specifically, we envisage use in ${a.en}, ${b.en} and similar areas, with applications expected for ${T.en}.`,
  ],
];

/** Optional second sentence of the applications section. */
export const APPLICATION_EXTRAS: Tpl[] = [
  (c) => [
    `${c.T.ja}に関わる企業との共同研究を希望する。`,
    `We are interested in joint research with companies involved with ${c.T.en}.`,
  ],
  () => [
    "用途や設置環境に応じたカスタマイズにも対応可能である。",
    "It can also be customized for specific uses and installation environments.",
  ],
  () => [
    "既存の設備やシステムとの連携についても相談が可能である。",
    "Integration with existing equipment and systems can also be discussed.",
  ],
];

const POLITE: [string, string][] = [
  ["であった", "でした"],
  ["である", "です"],
  ["できる", "できます"],
  ["ていた", "ていました"],
  ["ている", "ています"],
  ["でいる", "でいます"],
  ["した", "しました"],
  ["する", "します"],
  ["あった", "ありました"],
  ["ある", "あります"],
  ["れる", "れます"],
  ["つながる", "つながります"],
  ["とる", "とります"],
  ["用いる", "用います"],
  ["行える", "行えます"],
];

/** である調 → です・ます調, sentence by sentence (and the clauses ending in …あったが、). Sentences with another
 * ending are left as they are. */
export function polite(text: string): string {
  const clauses = text
    .replaceAll("であったが、", "でしたが、")
    .replaceAll("があったが、", "がありましたが、");
  return clauses.replace(/([^。]+)。/g, (sentence, body: string) => {
    for (const [plain, pol] of POLITE)
      if (body.endsWith(plain)) return `${body.slice(0, -plain.length)}${pol}。`;
    return sentence;
  });
}
