/**
 * The domain dev set of bench:match-quality, as written: company needs, written by hand for kyoso the way
 * a company writes to a consultation desk (plain, practical, mostly without academic terms), each with its
 * judging key. build.ts turns this file and the demo catalogue's origins into needs.jsonl; see README.md.
 *
 * A judging key is a list of clauses over what a generated seed was written about (its origin: field,
 * topic, target, uses — see SeedOrigin in src/server/modules/demo/catalog-generator.ts). A seed gets the
 * highest grade of the clauses it meets:
 *   3  exactly the topic of the need, for the target (product, site) or use the need is about
 *   2  the topic of the need
 *   1  a closely related topic of the same field
 * The helper `about()` writes the usual three clauses of one topic; `clause()` adds one clause with its
 * grade (a second field's topic that answers the need equally, or a narrower related topic).
 *
 * Licence: the kyoso project's own. Nothing here is taken from a data set.
 */
import type { FieldCode } from "../../../src/shared/seeds";

export interface Clause {
  field: FieldCode;
  /** Topics of the field's phrase bank (their Japanese names). */
  topics: string[];
  /** When given, only seeds of these targets (…) meet the clause. */
  targets?: string[];
  /** When given, only seeds with at least one of these uses meet the clause (a seed meets either list). */
  uses?: string[];
  grade: 1 | 2 | 3;
}

export interface NeedSource {
  id: string;
  lang: "ja" | "en";
  /** Who would write it (for the reader of this file; not used by the bench). */
  who: string;
  text: string;
  judge: Clause[];
}

/**
 * The clauses of a need about `topics` of `field`: grade 3 for those written for one of `for` (targets)
 * or `uses`, grade 2 for the rest of the topics, grade 1 for the `related` topics of the same field.
 */
export function about(
  field: FieldCode,
  topics: string | string[],
  opts: { for?: string[]; uses?: string[]; related?: string[] } = {},
): Clause[] {
  const list = typeof topics === "string" ? [topics] : topics;
  const out: Clause[] = [];
  if (opts.for || opts.uses) {
    out.push({
      field,
      topics: list,
      ...(opts.for ? { targets: opts.for } : {}),
      ...(opts.uses ? { uses: opts.uses } : {}),
      grade: 3,
    });
  }
  out.push({ field, topics: list, grade: 2 });
  if (opts.related?.length) out.push({ field, topics: opts.related, grade: 1 });
  return out;
}

export function clause(
  field: FieldCode,
  topics: string | string[],
  grade: 1 | 2 | 3,
  opts: { for?: string[]; uses?: string[] } = {},
): Clause {
  return {
    field,
    topics: typeof topics === "string" ? [topics] : topics,
    ...(opts.for ? { targets: opts.for } : {}),
    ...(opts.uses ? { uses: opts.uses } : {}),
    grade,
  };
}

const ja = (id: number, who: string, text: string, judge: Clause[]): NeedSource => ({
  id: `ja-${String(id).padStart(3, "0")}`,
  lang: "ja",
  who,
  text,
  judge,
});
const en = (id: number, who: string, text: string, judge: Clause[]): NeedSource => ({
  id: `en-${String(id).padStart(3, "0")}`,
  lang: "en",
  who,
  text,
  judge,
});

export const NEEDS: NeedSource[] = [
  // ───────────────────────── Japanese: machining, machinery ─────────────────────────
  ja(
    1,
    "金型メーカー（従業員40名）",
    "金型を削るエンドミルの交換時期をベテランの感覚で決めていて、早すぎて無駄にしたり、遅すぎて製品を傷めたりしています。刃物がどのくらい減っているのかを、機械を止めずに知る方法はないでしょうか。若手でも判断できるようにしたいです。",
    about("mechanical", "切削工具摩耗", { for: ["金型"], related: ["微細穴加工の条件"] }),
  ),
  ja(
    2,
    "精密部品加工（従業員25名）",
    "朝一番に削った部品と昼過ぎに削った部品で、寸法が20ミクロンほど違ってしまいます。機械が温まるせいだと思いますが、毎朝の暖機運転に1時間近く取られています。温度の変化に合わせて自動で寸法を合わせ込めないでしょうか。",
    about("mechanical", "工作機械の熱変位", { related: ["切削工具摩耗"] }),
  ),
  ja(
    3,
    "樹脂成形工場",
    "工場の排気ファンやポンプのベアリングが突然壊れて、ラインが半日止まることが年に数回あります。壊れる前に気づけるようにしたいのですが、専門の保全担当はいません。",
    about("mechanical", "転がり軸受の異常", { for: ["ポンプ・送風機"], related: ["歯車の損傷"] }),
  ),
  ja(
    4,
    "農機販売・整備店",
    "トラクターやコンバインのミッションのギアが欠けて、稲刈りの最中に動かなくなる修理依頼が毎年あります。音や揺れで早めに分かる仕組みがあれば、お客様に点検サービスとして提案したいと考えています。",
    about("mechanical", "歯車の損傷", { for: ["農業機械"], related: ["転がり軸受の異常"] }),
  ),
  ja(
    5,
    "建機部品の製缶・溶接工場",
    "ショベルのアームなどを溶接していますが、中に小さな割れや空洞が残っていることがあり、出荷後に見つかると大ごとです。検査員が足りず、全部をしっかり調べるのは無理な状況です。",
    about("mechanical", "溶接部の欠陥", { for: ["建設機械"] }),
  ),
  ja(
    6,
    "設備メーカー（試作部門）",
    "樹脂の3Dプリンタで治具や試作品を作っていますが、思っていたより弱く、ねじを締めただけで割れることがあります。どう作れば丈夫になるのか、どのくらいの力に耐えるのかを確かめる方法も含めて相談したいです。",
    about("mechanical", "3Dプリンタ造形物の強度", { related: ["金属積層造形プロセス"] }),
  ),
  ja(
    7,
    "自動車部品のプレス加工",
    "自動車のプレス部品で、深く絞る部分が割れたりシワが寄ったりします。金型の手直しを何度も繰り返すので、新しい部品の立ち上げに時間がかかりすぎています。",
    about("mechanical", "板材のプレス成形", { for: ["自動車部品"] }),
  ),
  ja(
    8,
    "食品・日用品の梱包ラインを作る装置メーカー",
    "ロボットに袋入りの商品や形のそろわない部品をつかませたいのですが、落としたり押しつぶしたりしてしまいます。人の手のように、ものに合わせてうまく持たせる方法を知りたいです。",
    about("mechanical", "ロボットハンドの把持動作"),
  ),
  ja(
    9,
    "印刷・製本工場",
    "大型の機械の揺れがひどく、近くの検査装置の値がぶれたり、近所から騒音の苦情が来たりしています。機械や架台の揺れを抑える方法を教えてください。",
    about("mechanical", "構造物の振動", { uses: ["設備の振動・騒音対策"] }),
  ),
  ja(
    10,
    "業務用エアコンの部品メーカー",
    "エアコンの室外機を小さくしたいのですが、熱交換器を小さくすると冷えが悪くなります。フィンや管の形を見直して、小さくても熱をよく伝えるようにしたいです。",
    about("mechanical", "熱交換器の伝熱性能", { related: ["流体機械の性能"] }),
  ),
  ja(
    11,
    "ポンプメーカー（従業員60名）",
    "自社のポンプの効率がなかなか上がらず、新しい省エネ基準を満たせるか心配です。羽根車やケーシングの形を変えたらどうなるか、試作の前に見当をつけたいです。",
    about("mechanical", "流体機械の性能", { related: ["熱交換器の伝熱性能"] }),
  ),
  ja(
    12,
    "航空機部品の下請け",
    "金属の3Dプリンタを入れましたが、作っている途中で反ったり内部に穴ができたりして、使える部品の割合が低いままです。新しい形のたびに条件出しに何日もかかっています。",
    about("mechanical", "金属積層造形プロセス", { for: ["航空機部品"], related: ["3Dプリンタ造形物の強度"] }),
  ),
  ja(
    13,
    "金型部品の加工",
    "金型に直径0.3mmくらいの細い穴を何百も開ける仕事が増えましたが、ドリルがすぐ折れてしまいます。回転数や送りの決め方を見直したいです。",
    about("mechanical", "微細穴加工の条件", { for: ["金型"], related: ["切削工具摩耗"] }),
  ),
  ja(
    14,
    "搬送ロボットのメーカー",
    "ロボットの関節やスライドする部分がすり減って、数年でガタが出ます。グリスや表面の処理を工夫して長持ちさせたいのですが、何を比べればよいのか分かりません。",
    about("mechanical", "摺動部の摩擦・摩耗特性", { for: ["産業用ロボット"] }),
  ),

  // ───────────────────────── Japanese: electrical ─────────────────────────
  ja(
    15,
    "鋳物工場",
    "工場のモーターがいきなり焼けて止まることがあり、そのたびに修理待ちで生産が止まります。電流の様子などから、調子が悪くなってきたのを早めに知る方法はありませんか。",
    about("electrical", "モータの故障", { related: ["モータの効率"] }),
  ),
  ja(
    16,
    "空調ファンのメーカー",
    "ファンを回すモーターの電気代が高いとお客様に言われます。インバーターを付ける以外に、モーターそのものをもっと効率よく回す方法はないでしょうか。",
    about("electrical", "モータの効率", { for: ["産業用モータ"], related: ["パワー半導体デバイスの損失"] }),
  ),
  ja(
    17,
    "工業団地の管理組合",
    "団地内のキュービクルが30年以上たっていて、中の絶縁がいつ悪くなるか心配です。停電させずに傷み具合を確かめられる方法を探しています。",
    about("electrical", "高電圧絶縁材料の劣化", { uses: ["受変電設備の保守点検"] }),
  ),
  ja(
    18,
    "物流会社",
    "電動フォークリフトや倉庫の蓄電システムのリチウム電池が、あとどのくらい使えるのか分からず、交換の時期を決められません。まだ使える電池を捨てているかもしれません。",
    [...about("electrical", "リチウムイオン電池の劣化状態"), ...about("energy", "蓄電池の劣化")],
  ),
  ja(
    19,
    "産業機器の制御盤メーカー",
    "新しく作った制御基板から出るノイズで、近くの無線機やセンサーが誤動作します。EMCの試験にもなかなか通りません。どこから出ているのかを突き止めて減らしたいです。",
    about("electrical", "電磁ノイズ"),
  ),
  ja(
    20,
    "見守り機器のベンチャー",
    "腕時計型の見守り端末をもっと小さくしたいのですが、小さくすると中のアンテナの電波が弱くなってしまいます。",
    about("electrical", "小型アンテナ", { uses: ["ウェアラブル機器"], related: ["生体信号"] }),
  ),
  ja(
    21,
    "樹脂部品の塗装・接着工場",
    "樹脂部品を接着する前の下処理に溶剤を使っていますが、作業環境や環境規制の面でやめたいと考えています。プラズマで表面を処理できると聞いたので、試してみたいです。",
    about("electrical", "大気圧プラズマ", { for: ["生産設備"] }),
  ),
  ja(
    22,
    "検査装置メーカー",
    "外観検査に使うLED照明の色や明るさが製品によって合わず、毎回調整に苦労しています。照明の光の出方をきちんと測って、製品ごとに最適に切り替えたいです。",
    about("electrical", "LED照明の光特性", { for: ["生産設備"] }),
  ),
  ja(
    23,
    "無人搬送車（AGV）のメーカー",
    "搬送台車を電線や接点なしで充電したいと考えています。今の接触式の充電は接点がすり減ったり火花が出たりして、トラブルが多いです。",
    about("electrical", "非接触給電システム"),
  ),
  ja(
    24,
    "地域新電力会社",
    "地域の太陽光発電が増えてきて、周波数が不安定になるおそれがあると言われました。発電の変動をどう吸収すればよいか相談したいです。",
    about("electrical", "電力系統の周波数変動", { for: ["再生可能エネルギー設備"] }),
  ),
  ja(
    25,
    "電動車両向け電源ユニットのメーカー",
    "EV用のインバーターの発熱が大きく、冷却器が大きく重くなってしまいます。スイッチングのロスを減らして小型化したいです。",
    about("electrical", "パワー半導体デバイスの損失", { for: ["電気自動車"] }),
  ),

  // ───────────────────────── Japanese: information, AI, software ─────────────────────────
  ja(
    26,
    "菓子メーカー（従業員80名）",
    "お菓子の製造ラインで、割れたものや焦げたもの、形が崩れたものを人の目で見て取り除いています。パートさんが集まらず、見逃しも出ています。カメラで自動的にはじけないでしょうか。",
    about("information", "製品外観の欠陥", { for: ["食品工場"] }),
  ),
  ja(
    27,
    "市役所 市民課",
    "窓口に届く手書きの申請書を職員が一枚ずつパソコンに打ち込んでいて、繁忙期は残業が続いています。読み取りを自動化できないか検討しています。",
    about("information", "手書き文字", { for: ["自治体"], related: ["技術文書"] }),
  ),
  ja(
    28,
    "産業機械メーカー 品質保証部",
    "社内に過去の設計資料や不具合の報告書が山ほどあるのに、必要なものを誰も探し出せず、同じ失敗を繰り返しています。欲しい情報をすぐに引き出せる仕組みを作りたいです。",
    about("information", "技術文書", { for: ["製造現場"] }),
  ),
  ja(
    29,
    "飲料・食品工場",
    "充填機や包装機が突然止まり、そのたびに中身を捨てることになります。止まる前の兆しをつかんで、計画的に整備できるようにしたいです。",
    about("information", "設備の異常", { for: ["食品工場"], related: ["IoTセンサデータ"] }),
  ),
  ja(
    30,
    "地場の運送会社（トラック20台）",
    "毎日の配送の順番とトラックの割り当てを、ベテランの配車係が一人で決めています。その人が休むと回りません。条件を入れれば自動で組めるようにしたいです。",
    [
      ...about("information", "配送ルート", { for: ["物流倉庫"] }),
      clause("math_data", "組合せ最適化問題", 2, { for: ["物流"] }),
    ],
  ),
  ja(
    31,
    "通販の物流センター",
    "ピッキングをしている作業員に腰痛が多く、辞める人も出ています。どの作業で体にどれだけ負担がかかっているのか、数字で知りたいです。",
    about("information", "作業者の姿勢", { for: ["物流倉庫"] }),
  ),
  ja(
    32,
    "町役場 情報担当",
    "役場のパソコンやネットワークに外から怪しい接続が来ていないか見張りたいのですが、専門の職員がいません。",
    about("information", "ネットワークへの不正アクセス", { for: ["自治体"] }),
  ),
  ja(
    33,
    "惣菜工場",
    "毎日変わる注文に合わせて、どの釜で何をいつ作るか、誰をどこに配置するかを、工場長が毎晩手で組んでいます。もっと早く、無駄なく決められないでしょうか。",
    [
      ...about("information", "生産スケジュール", { for: ["食品工場"] }),
      clause("math_data", "組合せ最適化問題", 1, { for: ["製造業"] }),
    ],
  ),
  ja(
    34,
    "部品工場",
    "機械の異常な音を、担当者が工場内を回って耳で確かめています。音を聞き分けて、いつもと違えば知らせてくれる仕組みがほしいです。",
    [
      ...about("information", "環境音", { for: ["製造現場"] }),
      clause("information", "設備の異常", 2, { for: ["製造現場"] }),
    ],
  ),
  ja(
    35,
    "食品スーパー（5店舗）",
    "曜日や天気で売れ行きが変わり、発注は担当者の勘に頼っています。売れ残りの廃棄と品切れの両方が出ていて困っています。",
    [...about("information", "顧客の購買行動"), ...about("math_data", "商品の需要", { for: ["小売業"] })],
  ),
  ja(
    36,
    "特別養護老人ホーム",
    "夜は少ない職員で入居者を見ています。部屋で何をしているか、ベッドから離れたかなどを、カメラを使わずに分かる方法を探しています。",
    [
      ...about("information", "人の行動", { for: ["介護施設"] }),
      clause("medical_welfare", "高齢者の転倒", 2),
      clause("medical_welfare", "睡眠状態", 1),
    ],
  ),
  ja(
    37,
    "倉庫業",
    "倉庫の棚や荷物を3Dスキャナーで測って、空いている場所や荷崩れを把握したいと考えています。点群データというものの扱い方が分かりません。",
    about("information", "3次元点群", { for: ["物流倉庫"] }),
  ),
  ja(
    38,
    "高専 情報系学科の教員（教育改善）",
    "プログラミングの演習で、課題の途中で手が止まってしまう学生を早く見つけて声をかけたいです。",
    [...about("information", "プログラミング学習者のつまずき"), clause("education", "学習ログ", 1)],
  ),
  ja(
    39,
    "農業法人",
    "ハウスや倉庫に温度や湿度のセンサーをたくさん付けましたが、データがたまる一方で何にも使えていません。見やすくまとめて、作業の判断に生かしたいです。",
    about("information", "IoTセンサデータ", { for: ["農業", "物流倉庫"] }),
  ),

  // ───────────────────────── Japanese: chemistry, bio ─────────────────────────
  ja(
    40,
    "めっき工場",
    "工場の排水に含まれるクロムや亜鉛などの金属を、もっと安く確実に取り除きたいです。できれば取り出して再利用したいと考えています。",
    [
      ...about("chemistry_bio", "重金属イオン", { for: ["排水処理施設"] }),
      clause("civil_env", "工場排水", 2),
    ],
  ),
  ja(
    41,
    "味噌・醤油の醸造元",
    "仕込みの年や季節によって発酵の進み方が違い、味がぶれます。温度管理などを見直して、毎回同じ品質にしたいです。",
    [
      ...about("chemistry_bio", "発酵プロセス", { for: ["食品工場"], related: ["酵素反応"] }),
      clause("agri_food", "発酵食品", 2),
    ],
  ),
  ja(
    42,
    "焼酎の蔵元",
    "焼酎の搾りかすや芋の皮など、自社から出る残りかすの処分費が年々かさんでいます。肥料やエネルギーなど、何かに使えないでしょうか。",
    [
      ...about("chemistry_bio", "有機性廃棄物", {
        for: ["食品工場"],
        related: ["未利用バイオマス由来の有用物質"],
      }),
      clause("agri_food", "食品加工残渣", 2),
    ],
  ),
  ja(
    43,
    "食品容器メーカー",
    "お弁当の容器やトレーを、捨てたあと土に還る素材に切り替えたいと考えています。強さと値段が折り合わず困っています。",
    about("chemistry_bio", "生分解性プラスチック", { related: ["機能性高分子"] }),
  ),
  ja(
    44,
    "ジャム・菓子の製造販売",
    "地元のぶどうやしその色を取り出して、合成の着色料の代わりに使いたいです。色があせやすいのが心配です。",
    [
      ...about("chemistry_bio", "天然色素", { for: ["食品工場"] }),
      clause("agri_food", "地域特産品の機能性成分", 1),
    ],
  ),
  ja(
    45,
    "キッチン用品メーカー",
    "まな板や取っ手など樹脂の製品に、菌が増えにくい加工をしたいです。食品に触れるので安全性も気になります。",
    [
      ...about("chemistry_bio", "抗菌性物質", { for: ["樹脂製品"] }),
      clause("medical_welfare", "抗ウイルス性表面", 1),
    ],
  ),
  ja(
    46,
    "酪農家",
    "牛舎から出るふん尿の処理に困っています。微生物の力で電気を取り出せるという話を聞きましたが、本当に使えるものでしょうか。",
    [
      ...about("chemistry_bio", "微生物燃料電池", { for: ["畜産農家"] }),
      clause("chemistry_bio", "有機性廃棄物", 2, { for: ["畜産農家"] }),
    ],
  ),
  ja(
    47,
    "化粧品原料の商社",
    "化粧品の原料に、藻からとれる成分を使いたいと考えています。安定して育てて量を確保できる相手を探しています。",
    about("chemistry_bio", "微細藻類", { for: ["化粧品"] }),
  ),
  ja(
    48,
    "化学品メーカー",
    "反応に使っている触媒が高価な貴金属で、使う量を減らしたいです。反応の温度も下げて、燃料代を抑えたいと考えています。",
    about("chemistry_bio", "高活性触媒"),
  ),

  // ───────────────────────── Japanese: materials ─────────────────────────
  ja(
    49,
    "鉄骨工事業",
    "海沿いの倉庫の鉄骨や歩道橋がすぐに錆びて、塗り替えが追いつきません。錆びにくくする方法や、あとどのくらいもつのかの見積もり方を知りたいです。",
    about("materials", "鋼材の腐食", { for: ["橋梁・鋼構造物"] }),
  ),
  ja(
    50,
    "自動車部品メーカー",
    "車の部品を鉄からアルミに変えて軽くしたいのですが、同じ形では強さが足りません。もっと強いアルミの材料や熱処理のしかたを相談したいです。",
    about("materials", "高強度アルミニウム合金", { for: ["自動車部品"], related: ["金属の結晶組織"] }),
  ),
  ja(
    51,
    "電子機器の筐体メーカー",
    "アルミと樹脂、鉄とアルミなど、違う材料どうしを、ねじや接着剤を使わずにしっかりくっつけたいです。",
    about("materials", "異種材料", { related: ["炭素繊維強化プラスチック"] }),
  ),
  ja(
    52,
    "工具メーカー",
    "切削工具にコーティングをしていますが、はがれてすぐに削れてしまうとクレームがあります。もっと長持ちする膜にしたいです。",
    about("materials", "耐摩耗コーティング", { for: ["切削工具"], related: ["セラミックス薄膜"] }),
  ),
  ja(
    53,
    "家電部品の樹脂成形",
    "回収したプラスチックを自社の製品に混ぜて使いたいのですが、混ぜるともろくなって割れてしまいます。",
    [...about("materials", "再生樹脂"), clause("chemistry_bio", "機能性高分子", 1, { for: ["樹脂製品"] })],
  ),
  ja(
    54,
    "建設機械の部品メーカー",
    "くり返し力がかかる部品が、何年使えば割れてくるのかを、長い試験を全部やらずに見積もりたいです。",
    about("materials", "金属材料の疲労寿命", { for: ["建設機械"] }),
  ),
  ja(
    55,
    "医療機器メーカー",
    "骨を固定するプレートやねじに使う材料を見直しています。加工しやすく、体になじみやすいものを探しています。",
    [
      ...about("materials", "チタン合金", { for: ["医療用インプラント"] }),
      clause("materials", "多孔質セラミックス", 1, { for: ["医療用インプラント"] }),
    ],
  ),
  ja(
    56,
    "アルミ鋳造工場",
    "溶解炉のまわりが熱くて、その熱を何かに使えないかと考えています。温度差で電気を起こす部品があると聞きましたが、どのくらいの電気になるのでしょうか。",
    [...about("materials", "熱電変換材料"), clause("energy", "工場廃熱", 2)],
  ),
  ja(
    57,
    "ドローン部品メーカー",
    "ドローンのアームや胴体を炭素繊維の樹脂で作っていますが、金属部品との締結部分から壊れたり、ぶつけた後の強さが分からなかったりします。",
    about("materials", "炭素繊維強化プラスチック", { related: ["異種材料"] }),
  ),

  // ───────────────────────── Japanese: building, civil, environment ─────────────────────────
  ja(
    58,
    "町役場 建設課",
    "町が管理する橋が120以上あるのに、点検できる技術職員は2人だけです。ひびや錆などの傷みを、効率よく見つけて記録する方法はないでしょうか。",
    about("civil_env", "橋梁の損傷", { related: ["コンクリート構造物の劣化"] }),
  ),
  ja(
    59,
    "道路トンネルの維持管理会社",
    "古いトンネルの壁のコンクリートがはがれて落ちてこないか心配です。ハンマーでたたいて音で調べる点検に時間がかかりすぎています。",
    about("civil_env", "コンクリート構造物の劣化", { for: ["トンネル"] }),
  ),
  ja(
    60,
    "市役所 道路維持課",
    "市道の舗装の割れや穴を、パトロール車で走りながら見つけられるようにしたいです。今は職員が目で見て、紙に書いて記録しています。",
    about("civil_env", "道路舗装のひび割れ"),
  ),
  ja(
    61,
    "県の土木事務所",
    "大雨のたびに山あいの道路で土砂崩れが起きないか不安で、通行止めにするかどうかの判断が難しいです。",
    about("civil_env", "豪雨時の斜面崩壊", { for: ["道路"] }),
  ),
  ja(
    62,
    "市役所 危機管理課",
    "短時間の大雨で、駅前の低い地区が毎年のように水につかります。どこが危ないのかを住民に分かりやすく示したいです。",
    about("civil_env", "都市の浸水リスク", { uses: ["防災・減災計画の策定"] }),
  ),
  ja(
    63,
    "地域の建設会社",
    "田んぼを埋め立てた柔らかい土地での工事が増えています。杭を何本も打たずに、安く地盤を固める方法を知りたいです。",
    about("civil_env", "軟弱地盤", { for: ["建設現場"] }),
  ),
  ja(
    64,
    "工務店（リフォーム）",
    "古い木造住宅の地震対策の相談が増えていますが、どこをどれだけ補強すればよいか判断するのに時間がかかります。",
    about("civil_env", "木造建築の耐震性能", { for: ["住宅"] }),
  ),
  ja(
    65,
    "解体業",
    "解体現場から出るコンクリートのがらや木くずの処分費が上がって困っています。もう一度使える形にできないでしょうか。",
    about("civil_env", "建設廃棄物"),
  ),
  ja(
    66,
    "工務店（新築）",
    "新築の家の断熱や省エネの性能を、お客様に数字で分かりやすく説明したいです。光熱費がどのくらい下がるのかも示したいです。",
    about("civil_env", "住宅の省エネルギー性能", { related: ["室内温熱環境"] }),
  ),
  ja(
    67,
    "市の教育委員会",
    "小学校の教室が夏は暑く冬は寒く、子どもが集中できません。エアコンだけに頼らずに過ごしやすくする方法を探しています。",
    about("civil_env", "室内温熱環境", { for: ["公共建築物"] }),
  ),
  ja(
    68,
    "不動産会社",
    "工場の跡地の地下水から有害な物質が見つかりました。土を掘り返さずにきれいにできる方法はあるでしょうか。",
    about("civil_env", "地下水汚染"),
  ),
  ja(
    69,
    "観光地の町役場",
    "観光シーズンになると町の中の道路がひどく渋滞します。信号や迂回の案内でどうにかしたいのですが、まずどこで詰まっているのか原因を知りたいです。",
    [...about("civil_env", "交通流"), clause("math_data", "人流データ", 1, { for: ["自治体"] })],
  ),
  ja(
    70,
    "漁協・内水面漁業",
    "川の水がときどき濁ったり、魚が死んだりすることがあります。水の汚れ具合をいつも見張っていて、異変があればすぐ分かるようにしたいです。",
    about("civil_env", "河川の水質", { for: ["河川・堤防"] }),
  ),
  ja(
    71,
    "食品工場（漬物）",
    "工場から出る排水の汚れが基準ぎりぎりで、処理設備の電気代や薬品代もかさんでいます。",
    about("civil_env", "工場排水"),
  ),

  // ───────────────────────── Japanese: energy ─────────────────────────
  ja(
    72,
    "食品工場（乾燥食品）",
    "乾燥炉から出る熱い空気をそのまま外に捨てています。暖房やお湯づくりに回せないか検討したいです。",
    [...about("energy", "工場廃熱", { related: ["蓄熱材"] }), clause("materials", "熱電変換材料", 1)],
  ),
  ja(
    73,
    "温泉旅館",
    "使い終わった温泉のお湯をそのまま流していて、熱がもったいないと感じています。館内の給湯や近くのハウスの暖房に使えないでしょうか。",
    about("energy", "温泉熱", { for: ["温泉地"] }),
  ),
  ja(
    74,
    "土地改良区",
    "農業用水路に落差のあるところがあるので、そこで発電して、近くのハウスの電気をまかないたいです。",
    about("energy", "小水力発電システム", { for: ["農業用ハウス"] }),
  ),
  ja(
    75,
    "金属加工工場",
    "屋根に載せた太陽光パネルの発電量が天気で大きく変わるので、工場の電気の使い方の計画が立てにくいです。明日どのくらい発電するか分かれば助かります。",
    about("energy", "太陽光発電量", { for: ["工場"] }),
  ),
  ja(
    76,
    "市役所 環境政策課",
    "市役所や学校など公共施設の電気とガスの使用量を減らすよう求められていますが、どの建物でいつどれだけ使っているのかが分かりません。",
    about("energy", "建物のエネルギー消費", { for: ["公共施設"], related: ["地域のエネルギー需要"] }),
  ),
  ja(
    77,
    "いちご農家",
    "ハウスの暖房に重油を使っていて、燃料代が経営を圧迫しています。木のチップやペレットなど地元の燃料に切り替えたいです。",
    about("energy", "バイオマス燃焼", { for: ["農業用ハウス"], related: ["蓄熱材"] }),
  ),
  ja(
    78,
    "離島の村役場",
    "島の電気はディーゼル発電に頼っていて、燃料の運搬費も高いです。風が強い島なので、風で発電できないか考えています。",
    about("energy", "小型風車", { for: ["離島"], related: ["水素"] }),
  ),
  ja(
    79,
    "家庭用燃料電池の部品メーカー",
    "燃料電池のセルの電極部分が、使っているうちに傷んで発電の力が落ちていきます。長持ちさせる方法を相談したいです。",
    about("energy", "燃料電池の電極", { for: ["住宅"] }),
  ),
  ja(
    80,
    "設備保全サービス会社",
    "お客様の工場の機械に付けた無線センサーの電池交換が大変です。機械の揺れで電気をまかなえないでしょうか。",
    about("energy", "振動発電デバイス", { for: ["工場"] }),
  ),

  // ───────────────────────── Japanese: medical, care ─────────────────────────
  ja(
    81,
    "総合病院 リハビリテーション科",
    "入院患者さんの中で、飲み込む力が落ちている人を見分けるのに手間がかかっています。言語聴覚士が足りず、検査の順番待ちになっています。",
    about("medical_welfare", "嚥下機能", { for: ["病院"] }),
  ),
  ja(
    82,
    "介護老人保健施設",
    "介護職員の腰痛による退職が続いています。ベッドから車いすへ移すときなどに体にかかる負担を減らしたいです。",
    about("medical_welfare", "介護者の身体負担", { for: ["介護施設"] }),
  ),
  ja(
    83,
    "デイサービス事業所",
    "利用者さんの転倒が月に何件もあります。転びそうな人を前もって知って、手を打ちたいです。",
    about("medical_welfare", "高齢者の転倒", { related: ["歩行動作"] }),
  ),
  ja(
    84,
    "回復期リハビリ病院",
    "脳卒中のあとの手や腕の訓練を、患者さんが一人でも続けられるようにしたいです。セラピストが足りません。",
    about("medical_welfare", "上肢のリハビリテーション訓練"),
  ),
  ja(
    85,
    "福祉用具のレンタル会社",
    "電動車いすの操作がうまくできず、壁や人にぶつかってしまう利用者さんがいます。操作を手助けする仕組みはないでしょうか。",
    about("medical_welfare", "車椅子の操作"),
  ),
  ja(
    86,
    "病院 感染対策室",
    "手すりやドアノブを通して院内で感染が広がらないよう、ウイルスが残りにくい表面にしたいです。毎日の消毒の手間も減らしたいです。",
    [
      ...about("medical_welfare", "抗ウイルス性表面", { for: ["病院"] }),
      clause("chemistry_bio", "抗菌性物質", 1),
    ],
  ),
  ja(
    87,
    "訪問介護の事業者",
    "一人暮らしのお年寄りの眠りの様子や、夜中の呼吸の乱れを、体に何も付けずに見守りたいです。",
    about("medical_welfare", ["睡眠状態", "心拍・呼吸"], { for: ["在宅介護", "見守りサービス"] }),
  ),
  ja(
    88,
    "靴・インソールの製造販売",
    "お客様の歩き方のくせを測って、靴やインソールの提案に使いたいです。店頭で手軽に測れると助かります。",
    about("medical_welfare", "歩行動作", { related: ["歩行支援機器"] }),
  ),

  // ───────────────────────── Japanese: agriculture, food ─────────────────────────
  ja(
    89,
    "果樹農家（桃）",
    "うちの桃を甘さで分けて出荷したいのですが、切らずに中の甘さを知る方法を教えてください。",
    about("agri_food", "果実の糖度"),
  ),
  ja(
    90,
    "弁当・惣菜の製造会社",
    "お弁当に髪の毛や小さなプラスチックのかけらが入っていたというクレームがありました。出荷する前に見つけたいです。",
    [
      ...about("agri_food", "食品中の異物"),
      clause("information", "製品外観の欠陥", 1, { for: ["食品工場"] }),
    ],
  ),
  ja(
    91,
    "中山間地の集落営農組合",
    "イノシシやシカに田んぼや果樹を荒らされています。いつどこに来るのかが分かれば、見回りや柵の対策がしやすくなります。",
    about("agri_food", "野生鳥獣の出没"),
  ),
  ja(
    92,
    "道の駅を運営する第三セクター",
    "地元の野菜や果物に体によい成分がどのくらい入っているかを調べて、商品の売りにしたいです。",
    about("agri_food", "地域特産品の機能性成分"),
  ),
  ja(
    93,
    "トマト農家",
    "ハウスの温度や湿度、二酸化炭素を、もっときめ細かく自動で調整したいです。一日に何度も見回りに行くのが大変です。",
    about("agri_food", "ハウス内の環境", { related: ["農作物の生育状況"] }),
  ),
  ja(
    94,
    "養殖業者（ブリ）",
    "いけすの魚がどのくらい大きくなったか、えさをやりすぎていないかを、潜らずに知りたいです。",
    [...about("agri_food", "養殖魚の成長"), clause("maritime", "水中ロボット", 1, { for: ["養殖場"] })],
  ),
  ja(
    95,
    "米農家（直販）",
    "うちの米の味や等級を、出荷前に安く自分で確かめたいです。",
    about("agri_food", "米の品質"),
  ),
  ja(
    96,
    "鮮魚・青果の卸",
    "魚や野菜の鮮度を、見た目やにおいではなく、誰にでも分かる形で示したいです。",
    about("agri_food", "食品の鮮度"),
  ),
  ja(
    97,
    "植物工場（レタス）",
    "レタスの植物工場では照明の電気代が一番大きな費用です。光の当て方を工夫して減らしたいです。",
    about("agri_food", "植物工場の照明"),
  ),
  ja(
    98,
    "野菜農家",
    "畑ごとの土の肥料の残り具合を、毎回分析に出さずに知って、肥料を減らしたいです。",
    about("agri_food", "土壌の養分"),
  ),

  // ───────────────────────── Japanese: maritime ─────────────────────────
  ja(
    99,
    "フェリー会社",
    "燃料代が高くなって経営が苦しいです。速さや航路の選び方など、運航のしかたで燃料を節約できないでしょうか。",
    about("maritime", ["船舶の燃料消費量", "船舶の省エネ運航"], {
      for: ["フェリー"],
      related: ["船舶の航路"],
    }),
  ),
  ja(
    100,
    "漁港のある市の水産課",
    "港や海岸に流れ着くプラスチックのごみを、少ない人数で集めたいです。どこにどれだけたまっているかも知りたいです。",
    about("maritime", "海洋プラスチックごみ", { for: ["港湾"] }),
  ),
  ja(
    101,
    "内航海運会社",
    "船のエンジンの調子を、陸の事務所からでも見られるようにしたいです。機関士が足りず、不調に気づくのが遅れがちです。",
    about("maritime", "舶用機関の状態", { for: ["内航船"] }),
  ),
  ja(
    102,
    "漁船の船主",
    "船の底に貝や海藻が付いて燃費が悪くなります。塗料の選び方や掃除の間隔を見直したいです。",
    about("maritime", "船底の汚損"),
  ),
  ja(
    103,
    "港湾運送会社",
    "港でのコンテナや荷物の積み下ろしの人手が足りません。作業の一部を機械に任せたいです。",
    about("maritime", "港湾荷役作業"),
  ),
  ja(
    104,
    "漁業協同組合",
    "漁場の近くの海藻が減っていると組合員から聞きます。広い範囲で海藻がどうなっているのかを把握したいです。",
    about("maritime", "藻場"),
  ),

  // ───────────────────────── Japanese: data, planning ─────────────────────────
  ja(
    105,
    "総合病院 看護部",
    "看護師の夜勤を含む勤務表づくりに、師長が毎月何日もかかっています。希望休や回数の公平さを考えて、自動で作りたいです。",
    about("math_data", "勤務シフト", { for: ["医療機関"] }),
  ),
  ja(
    106,
    "化学工場",
    "工場のセンサーのデータから、いつもと違う値を自動で見つけたいです。今は担当者がグラフを眺めて判断しています。",
    [
      ...about("math_data", "製造データの異常値"),
      clause("information", "設備の異常", 1, { for: ["製造現場"] }),
    ],
  ),
  ja(
    107,
    "ゴム部品メーカー",
    "製品の寸法や硬さのばらつきが大きく、どの工程のどの条件が効いているのか分かりません。",
    about("math_data", "品質のばらつき", { related: ["要因間の因果関係"] }),
  ),
  ja(
    108,
    "塗料メーカー",
    "試作の回数を減らしたいのですが、配合や条件の組み合わせが多すぎて全部は試せません。効率のよい試し方を知りたいです。",
    about("math_data", "実験計画", { for: ["製造業"] }),
  ),
  ja(
    109,
    "電子部品メーカー",
    "不良品のデータが年に数十件しかなく、AIを作るにはデータが少なすぎると言われました。少ないデータでも原因を探れないでしょうか。",
    about("math_data", "少数データの統計モデル", { for: ["製造業"] }),
  ),
  ja(110, "商店街振興組合", "商店街の人通りを時間帯や天気ごとにつかんで、イベントの効果を測りたいです。", [
    ...about("math_data", "人流データ", { for: ["小売業"] }),
    clause("information", "人の行動", 1, { for: ["小売店舗"] }),
  ]),
  ja(
    111,
    "県の保健所",
    "インフルエンザなどの流行が、この先どう広がるかの見通しを立てたいです。",
    about("math_data", "感染症の数理モデル", { for: ["自治体"] }),
  ),
  ja(
    112,
    "部品商社",
    "仕入れ先や取引先のつながりが複雑で、どこか一社が止まったときの影響が読めません。",
    about("math_data", "グラフ構造データ", { uses: ["リスク評価"] }),
  ),

  // ───────────────────────── Japanese: training, education ─────────────────────────
  ja(
    113,
    "鋳造・仕上げの町工場",
    "ベテランの仕上げの技を若手に教える時間がなく、このままでは技が途絶えてしまいます。動画などで残して教えられないでしょうか。",
    about("education", "熟練技能の伝承", { for: ["企業の社内研修", "地域の技術者"] }),
  ),
  ja(
    114,
    "中堅メーカー 人事部",
    "新入社員がデータ分析の基礎を学べる教材がほしいです。統計が苦手な人でも分かるものを探しています。",
    about("education", "数理・データサイエンス教材", {
      for: ["企業の社内研修"],
      related: ["社会人向けリカレント教育"],
    }),
  ),
  ja(
    115,
    "化学工場 安全衛生課",
    "新人向けの安全教育が形だけになっています。危ない場面を体験できるような研修をしたいです。",
    about("education", "実験・実習の安全教育", { for: ["企業の社内研修"] }),
  ),
  ja(
    116,
    "機械メーカー 海外営業部",
    "海外の取引先とのメールや仕様書の英語で苦労している技術者向けに、研修をしたいです。",
    about("education", "技術英語の学習"),
  ),
  ja(117, "市の生涯学習課", "小中学生向けに、ものづくりやプログラミングの体験教室を開きたいです。", [
    ...about("education", "STEAM教育プログラム", { for: ["小中学校"] }),
    clause("education", "プログラミング教材", 2, { for: ["小中学校"] }),
  ]),
  ja(
    118,
    "地域の工業会",
    "会員企業の中堅社員に学び直しの機会を作りたいのですが、仕事を休ませることはできません。働きながら受けられる講座を一緒に作れないでしょうか。",
    about("education", "社会人向けリカレント教育", { related: ["遠隔授業"] }),
  ),
  ja(
    119,
    "研修会社",
    "研修をオンラインでやっていますが、受講者が画面の向こうでちゃんと参加しているのか分かりません。",
    about("education", "遠隔授業"),
  ),

  // ───────────────────────── English: machining, machinery ─────────────────────────
  en(
    1,
    "foreign-owned contract machining shop",
    "We run a contract machining shop near Nagoya. End mills are changed on a fixed schedule, which wastes tools, and now and then a worn cutter ruins an expensive part. We want to know when a tool is really worn out without stopping the spindle.",
    about("mechanical", "切削工具摩耗", { related: ["微細穴加工の条件"] }),
  ),
  en(
    2,
    "water utility operator (foreign-owned)",
    "Pumps at our water treatment plant occasionally seize because a bearing fails. Is there a low-cost way to spot a failing bearing weeks before it breaks?",
    about("mechanical", "転がり軸受の異常", { for: ["ポンプ・送風機"], related: ["歯車の損傷"] }),
  ),
  en(
    3,
    "excavator frame fabricator",
    "We weld steel frames and booms for excavators. Cracks and porosity in the welds are found far too late, at final inspection or by the customer. We are looking for a way to inspect every weld automatically.",
    about("mechanical", "溶接部の欠陥", { for: ["建設機械"] }),
  ),
  en(
    4,
    "precision parts supplier",
    "Dimensions of our turned and milled parts drift by tens of microns between morning and afternoon as the machines warm up. How can we compensate for this instead of running long warm-up cycles?",
    about("mechanical", "工作機械の熱変位", { related: ["切削工具摩耗"] }),
  ),
  en(
    5,
    "robotics startup",
    "We build a picking robot for e-commerce warehouses. Our gripper drops soft, deformable or irregular items. We need better grasp planning and control.",
    about("mechanical", "ロボットハンドの把持動作"),
  ),
  en(
    6,
    "HVAC manufacturer (European subsidiary)",
    "We need smaller heat exchangers for our outdoor units without losing cooling capacity. Could fin and tube geometry be redesigned for better heat transfer?",
    about("mechanical", "熱交換器の伝熱性能"),
  ),
  en(
    7,
    "automotive stamping supplier",
    "Deep-drawn body panels crack or wrinkle on our press line, and die tryout for every new part takes months. We would like to predict forming problems before cutting the die.",
    about("mechanical", "板材のプレス成形", { for: ["自動車部品"] }),
  ),
  en(
    8,
    "farm machinery importer",
    "Gearboxes of the tractors and combines we service fail in the field during harvest. We want an early warning from vibration or noise so that dealers can repair them in the off-season.",
    about("mechanical", "歯車の損傷", { for: ["農業機械"], related: ["転がり軸受の異常"] }),
  ),
  en(
    9,
    "aerospace additive manufacturing startup",
    "We print titanium brackets by laser powder bed fusion and suffer from warping and porosity. Every new geometry needs days of parameter tuning. Can the build be monitored and the parameters optimized?",
    [
      ...about("mechanical", "金属積層造形プロセス", { for: ["航空機部品"] }),
      clause("materials", "チタン合金", 1),
    ],
  ),

  // ───────────────────────── English: electrical ─────────────────────────
  en(
    10,
    "foreign-owned foundry",
    "Motors in our plant burn out without warning and production stops until they are rewound. We would like to detect developing faults from the motor current.",
    about("electrical", "モータの故障", { related: ["モータの効率"] }),
  ),
  en(
    11,
    "EV powertrain startup",
    "We develop traction inverters for electric vehicles. Switching losses make our cooling system too big and heavy. We are looking for expertise in SiC and GaN devices to cut losses.",
    about("electrical", "パワー半導体デバイスの損失", { for: ["電気自動車"] }),
  ),
  en(
    12,
    "logistics company (international group)",
    "How much life is left in the lithium-ion batteries of our electric forklifts and stationary storage? We cannot decide when to replace them and may be scrapping good packs.",
    [...about("electrical", "リチウムイオン電池の劣化状態"), ...about("energy", "蓄電池の劣化")],
  ),
  en(
    13,
    "industrial controller maker",
    "Our new controller board fails EMC testing, and its noise disturbs radios and sensors nearby. We need help finding the source and suppressing it.",
    about("electrical", "電磁ノイズ"),
  ),
  en(
    14,
    "AGV manufacturer",
    "We want to charge our automated guided vehicles without plugs or contacts. The contacts we use now wear out and spark.",
    about("electrical", "非接触給電システム"),
  ),
  en(
    15,
    "wearable health-tech startup",
    "Our wrist-worn health monitor loses radio range every time we make the housing smaller. We need a compact antenna design that still performs.",
    about("electrical", "小型アンテナ", { uses: ["ウェアラブル機器"], related: ["生体信号"] }),
  ),
  en(
    16,
    "industrial park operator",
    "The switchgear at our industrial park is over thirty years old. We want to check the condition of its insulation without shutting the power off.",
    about("electrical", "高電圧絶縁材料の劣化", { uses: ["受変電設備の保守点検"] }),
  ),
  en(
    17,
    "plastic parts bonding line",
    "We prime plastic parts with solvents before bonding and want to get rid of the chemicals. Could atmospheric plasma treat the surfaces instead?",
    about("electrical", "大気圧プラズマ", { for: ["生産設備"] }),
  ),

  // ───────────────────────── English: information ─────────────────────────
  en(
    18,
    "snack manufacturer (foreign-owned)",
    "On our snack line, people pick out burnt, broken or misshapen pieces by eye. We cannot hire enough staff and some bad pieces slip through. Could cameras and AI do this?",
    about("information", "製品外観の欠陥", { for: ["食品工場"] }),
  ),
  en(
    19,
    "city hall digital transformation team",
    "Our city receives thousands of handwritten application forms a month, and staff type them in by hand. We want to read them automatically.",
    about("information", "手書き文字", { for: ["自治体"], related: ["技術文書"] }),
  ),
  en(
    20,
    "regional trucking company",
    "One dispatcher plans the delivery routes of our 20 trucks every evening. When he is away, nothing works. We need automatic route planning.",
    [...about("information", "配送ルート"), clause("math_data", "組合せ最適化問題", 2, { for: ["物流"] })],
  ),
  en(
    21,
    "e-commerce fulfilment centre",
    "Many of our pickers suffer from back pain. We would like to measure awkward body postures during picking and see which tasks are the worst.",
    about("information", "作業者の姿勢", { for: ["物流倉庫"] }),
  ),
  en(
    22,
    "small municipality",
    "We are a small town office with no security staff. How can we detect suspicious access and intrusions on our network?",
    about("information", "ネットワークへの不正アクセス", { for: ["自治体"] }),
  ),
  en(
    23,
    "supermarket chain",
    "We want to forecast what customers will buy, day by day and store by store, to reduce both waste and out-of-stock shelves.",
    [...about("information", "顧客の購買行動"), ...about("math_data", "商品の需要", { for: ["小売業"] })],
  ),
  en(
    24,
    "industrial equipment maker",
    "We have decades of design documents and failure reports that nobody can search. Could a large language model classify and summarize them so engineers find what they need?",
    about("information", "技術文書", { for: ["製造現場"] }),
  ),
  en(
    25,
    "beverage plant",
    "Our filling machines stop unexpectedly and we lose product each time. Can we predict breakdowns from the data our machines already record?",
    about("information", "設備の異常", { for: ["食品工場"] }),
  ),

  // ───────────────────────── English: chemistry, materials ─────────────────────────
  en(
    26,
    "electroplating company",
    "We need to remove heavy metals such as chromium and nickel from our wastewater more cheaply, and ideally recover them.",
    [
      ...about("chemistry_bio", "重金属イオン", { for: ["排水処理施設"] }),
      clause("civil_env", "工場排水", 2),
    ],
  ),
  en(
    27,
    "packaging maker",
    "We want to switch our food trays to plastics that break down in soil or compost, but strength and price are problems.",
    about("chemistry_bio", "生分解性プラスチック"),
  ),
  en(
    28,
    "cosmetics brand (French-owned)",
    "We are looking for natural colorants extracted from fruit peel and plants for our cosmetics, to replace synthetic dyes.",
    about("chemistry_bio", "天然色素", { for: ["化粧品"] }),
  ),
  en(
    29,
    "nutraceutical startup",
    "We want to use ingredients from microalgae and need a partner who can cultivate them reliably at scale.",
    about("chemistry_bio", "微細藻類"),
  ),
  en(
    30,
    "craft brewery",
    "Fermentation behaves differently from batch to batch and the taste varies. We want to monitor and control fermentation better.",
    [...about("chemistry_bio", "発酵プロセス", { for: ["食品工場"] }), clause("agri_food", "発酵食品", 1)],
  ),
  en(
    31,
    "steel structure contractor",
    "Steel structures near the coast rust quickly and we repaint far too often. We want to slow the corrosion and predict how long the steel will last.",
    about("materials", "鋼材の腐食", { for: ["橋梁・鋼構造物"] }),
  ),
  en(
    32,
    "automotive lightweighting supplier",
    "We need to join aluminium to steel, and metal to CFRP, without rivets or adhesives.",
    [...about("materials", "異種材料"), clause("materials", "炭素繊維強化プラスチック", 1)],
  ),
  en(
    33,
    "appliance parts moulder",
    "When we add recycled plastic to our housings, the parts become brittle and crack. How can recycled resin be made as good as new material?",
    about("materials", "再生樹脂"),
  ),
  en(
    34,
    "cutting tool maker",
    "The hard coatings on our carbide tools peel off and wear quickly. We need a longer-lasting coating.",
    about("materials", "耐摩耗コーティング", { for: ["切削工具"] }),
  ),
  en(
    35,
    "automotive Tier 1 (European)",
    "We want to replace steel brackets with a high-strength aluminium alloy to make our cars lighter.",
    about("materials", "高強度アルミニウム合金", { for: ["自動車部品"] }),
  ),

  // ───────────────────────── English: civil, energy ─────────────────────────
  en(
    36,
    "infrastructure inspection startup",
    "We inspect hundreds of small bridges for local governments with a tiny team. We want to use drones and image analysis to find cracks and damage.",
    about("civil_env", "橋梁の損傷", { related: ["コンクリート構造物の劣化"] }),
  ),
  en(
    37,
    "construction company",
    "Soft ground at our building sites forces us to drive expensive piles. Is there a cheaper way to improve the ground?",
    about("civil_env", "軟弱地盤", { for: ["建設現場"] }),
  ),
  en(
    38,
    "city disaster management office",
    "Parts of our city flood in every heavy rainstorm. We need flood risk maps that residents can understand.",
    about("civil_env", "都市の浸水リスク"),
  ),
  en(
    39,
    "homebuilder",
    "We want to show our clients the energy performance of a new house in clear numbers, including how much they will save on bills.",
    about("civil_env", "住宅の省エネルギー性能"),
  ),
  en(
    40,
    "road operator in a mountain region",
    "Landslides after heavy rain force us to close mountain roads. We need to know in advance which slopes are about to fail.",
    about("civil_env", "豪雨時の斜面崩壊", { for: ["道路"] }),
  ),
  en(
    41,
    "demolition contractor",
    "Disposal of concrete rubble and waste wood from demolition keeps getting more expensive. We are looking for ways to recycle it.",
    about("civil_env", "建設廃棄物"),
  ),
  en(
    42,
    "food processing plant",
    "Our dryers blow hot exhaust air straight outside. We want to recover that waste heat for space heating or hot water.",
    about("energy", "工場廃熱", { related: ["蓄熱材"] }),
  ),
  en(
    43,
    "factory with rooftop solar",
    "The output of our rooftop solar panels varies a lot with the weather, so it is hard to plan our power use. A forecast of tomorrow's generation would help.",
    about("energy", "太陽光発電量", { for: ["工場"] }),
  ),
  en(
    44,
    "island community association",
    "Our island depends on diesel generators. It is very windy here; could a few small wind generators supply the island instead?",
    about("energy", "小型風車", { for: ["離島"] }),
  ),
  en(
    45,
    "clean-energy startup",
    "We want to produce hydrogen locally from surplus renewable electricity and use it in nearby factories.",
    about("energy", "水素"),
  ),

  // ───────────────────────── English: medical, food, maritime, data, training ─────────────────────────
  en(
    46,
    "care home operator (international group)",
    "Our care staff injure their backs when they transfer residents from bed to wheelchair. We want to reduce this physical strain.",
    about("medical_welfare", "介護者の身体負担"),
  ),
  en(
    47,
    "hospital",
    "Screening inpatients for swallowing problems takes too long and we lack speech therapists.",
    about("medical_welfare", "嚥下機能"),
  ),
  en(
    48,
    "elderly care provider",
    "We want to predict which of our elderly clients are likely to fall, and to detect a fall as soon as it happens.",
    about("medical_welfare", "高齢者の転倒", { related: ["歩行動作"] }),
  ),
  en(
    49,
    "fruit exporter",
    "We export peaches and need to sort them by sweetness without cutting them open.",
    about("agri_food", "果実の糖度"),
  ),
  en(
    50,
    "farming cooperative",
    "Wild boar and deer keep damaging our rice fields and orchards. We want to know when and where they come.",
    about("agri_food", "野生鳥獣の出没"),
  ),
  en(
    51,
    "ready-meal producer",
    "Customers have found hair and small pieces of plastic in our meals. We need to detect foreign objects before shipping.",
    about("agri_food", "食品中の異物"),
  ),
  en(
    52,
    "ferry operator",
    "Fuel costs are crushing us. Can we save fuel through how we operate our ferries, for example speed and route choice?",
    about("maritime", ["船舶の燃料消費量", "船舶の省エネ運航"], {
      for: ["フェリー"],
      related: ["船舶の航路"],
    }),
  ),
  en(
    53,
    "fishing company",
    "Barnacles and weed on our hulls push fuel consumption up. We want to prevent fouling or at least know when to clean.",
    about("maritime", "船底の汚損"),
  ),
  en(
    54,
    "offshore wind maintenance contractor",
    "Divers inspect the underwater foundations of offshore wind turbines, which is dangerous and expensive. We want to use underwater robots instead.",
    about("maritime", "水中ロボット", { for: ["洋上風力発電施設"] }),
  ),
  en(
    55,
    "hospital nursing department",
    "Making the monthly nurse roster, with night shifts, leave requests and fairness, takes our head nurses days. We want to automate it.",
    about("math_data", "勤務シフト", { for: ["医療機関"] }),
  ),
  en(
    56,
    "electronics manufacturer",
    "We only get a few dozen defective units a year, which is too little data to train an AI. Can statistics still find the causes with so few samples?",
    about("math_data", "少数データの統計モデル", { for: ["製造業"] }),
  ),
  en(
    57,
    "paint and coatings maker",
    "We have too many recipe and process combinations to test them all. We want to run fewer prototype trials and still find the best conditions.",
    about("math_data", "実験計画", { for: ["製造業"] }),
  ),
  en(
    58,
    "HR department of a manufacturer",
    "We want teaching materials to train our staff in basic data science and statistics.",
    about("education", "数理・データサイエンス教材", { for: ["企業の社内研修"] }),
  ),
  en(
    59,
    "family-owned metalworking company",
    "Our most skilled craftsmen will retire soon. We need a way to pass their skills on to young workers before it is too late.",
    about("education", "熟練技能の伝承"),
  ),
];
