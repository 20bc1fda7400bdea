/**
 * Reference data present in every kyoso database, demo or not: the two universities of technology and
 * the 51 national KOSEN (55 campuses), with prefecture, KOSEN block and platform area. Real public facts.
 * Written by `ensureReferenceData` at every start (insert missing rows; never overwrite an admin's edits).
 */
import type { KosenBlock } from "../../../shared/regions";

export interface ReferenceCampus {
  ja: string;
  en: string;
  prefecture: number;
  city: string;
}

export interface ReferenceInstitution {
  code: string;
  type: "university" | "kosen";
  nameJa: string;
  shortNameJa: string;
  nameKana: string;
  nameEn: string;
  shortNameEn: string;
  prefecture: number;
  city: string;
  kosenBlock: KosenBlock | null;
  area: string;
  /** Only for institutions with several campuses; the others get one main campus named after the city. */
  campuses?: ReferenceCampus[];
}

type KosenKind = "工業" | "商船" | "";
// [code, place (kanji), place (kana), place (English), kind, prefecture, city, block, area, campuses?]
type KosenRow = [
  string,
  string,
  string,
  string,
  KosenKind,
  number,
  string,
  KosenBlock,
  string,
  ReferenceCampus[]?,
];

const KOSEN: KosenRow[] = [
  ["hakodate", "函館", "はこだて", "Hakodate", "工業", 1, "函館市", "hokkaido", "hokkaido"],
  ["tomakomai", "苫小牧", "とまこまい", "Tomakomai", "工業", 1, "苫小牧市", "hokkaido", "hokkaido"],
  ["kushiro", "釧路", "くしろ", "Kushiro", "工業", 1, "釧路市", "hokkaido", "hokkaido"],
  ["asahikawa", "旭川", "あさひかわ", "Asahikawa", "工業", 1, "旭川市", "hokkaido", "hokkaido"],
  ["hachinohe", "八戸", "はちのへ", "Hachinohe", "工業", 2, "八戸市", "tohoku", "tohoku"],
  ["ichinoseki", "一関", "いちのせき", "Ichinoseki", "工業", 3, "一関市", "tohoku", "tohoku"],
  [
    "sendai",
    "仙台",
    "せんだい",
    "Sendai",
    "",
    4,
    "仙台市",
    "tohoku",
    "tohoku",
    [
      { ja: "広瀬キャンパス", en: "Hirose Campus", prefecture: 4, city: "仙台市" },
      { ja: "名取キャンパス", en: "Natori Campus", prefecture: 4, city: "名取市" },
    ],
  ],
  ["akita", "秋田", "あきた", "Akita", "工業", 5, "秋田市", "tohoku", "tohoku"],
  ["tsuruoka", "鶴岡", "つるおか", "Tsuruoka", "工業", 6, "鶴岡市", "tohoku", "tohoku"],
  ["fukushima", "福島", "ふくしま", "Fukushima", "工業", 7, "いわき市", "tohoku", "tohoku"],
  ["ibaraki", "茨城", "いばらき", "Ibaraki", "工業", 8, "ひたちなか市", "kanto_shinetsu", "kitakanto"],
  ["oyama", "小山", "おやま", "Oyama", "工業", 9, "小山市", "kanto_shinetsu", "kitakanto"],
  ["gunma", "群馬", "ぐんま", "Gunma", "工業", 10, "前橋市", "kanto_shinetsu", "kitakanto"],
  ["kisarazu", "木更津", "きさらづ", "Kisarazu", "工業", 12, "木更津市", "kanto_shinetsu", "tokyo"],
  ["tokyo", "東京", "とうきょう", "Tokyo", "工業", 13, "八王子市", "kanto_shinetsu", "tokyo"],
  ["nagaoka", "長岡", "ながおか", "Nagaoka", "工業", 15, "長岡市", "kanto_shinetsu", "shinetsu"],
  ["nagano", "長野", "ながの", "Nagano", "工業", 20, "長野市", "kanto_shinetsu", "shinetsu"],
  [
    "toyama",
    "富山",
    "とやま",
    "Toyama",
    "",
    16,
    "富山市",
    "tokai_hokuriku",
    "hokuriku",
    [
      { ja: "本郷キャンパス", en: "Hongo Campus", prefecture: 16, city: "富山市" },
      { ja: "射水キャンパス", en: "Imizu Campus", prefecture: 16, city: "射水市" },
    ],
  ],
  ["ishikawa", "石川", "いしかわ", "Ishikawa", "工業", 17, "河北郡津幡町", "tokai_hokuriku", "hokuriku"],
  ["fukui", "福井", "ふくい", "Fukui", "工業", 18, "鯖江市", "tokai_hokuriku", "hokuriku"],
  ["gifu", "岐阜", "ぎふ", "Gifu", "工業", 21, "本巣市", "tokai_hokuriku", "tokai"],
  ["numazu", "沼津", "ぬまづ", "Numazu", "工業", 22, "沼津市", "tokai_hokuriku", "tokai"],
  ["toyota", "豊田", "とよた", "Toyota", "工業", 23, "豊田市", "tokai_hokuriku", "tokai"],
  ["toba", "鳥羽", "とば", "Toba", "商船", 24, "鳥羽市", "tokai_hokuriku", "tokai"],
  ["suzuka", "鈴鹿", "すずか", "Suzuka", "工業", 24, "鈴鹿市", "tokai_hokuriku", "tokai"],
  ["maizuru", "舞鶴", "まいづる", "Maizuru", "工業", 26, "舞鶴市", "kinki", "kinki"],
  ["akashi", "明石", "あかし", "Akashi", "工業", 28, "明石市", "kinki", "kinki"],
  ["nara", "奈良", "なら", "Nara", "工業", 29, "大和郡山市", "kinki", "kinki"],
  ["wakayama", "和歌山", "わかやま", "Wakayama", "工業", 30, "御坊市", "kinki", "kinki"],
  ["yonago", "米子", "よなご", "Yonago", "工業", 31, "米子市", "chugoku", "chugoku"],
  ["matsue", "松江", "まつえ", "Matsue", "工業", 32, "松江市", "chugoku", "chugoku"],
  ["tsuyama", "津山", "つやま", "Tsuyama", "工業", 33, "津山市", "chugoku", "chugoku"],
  ["hiroshima", "広島", "ひろしま", "Hiroshima", "商船", 34, "豊田郡大崎上島町", "chugoku", "chugoku"],
  ["kure", "呉", "くれ", "Kure", "工業", 34, "呉市", "chugoku", "chugoku"],
  ["tokuyama", "徳山", "とくやま", "Tokuyama", "工業", 35, "周南市", "chugoku", "chugoku"],
  ["ube", "宇部", "うべ", "Ube", "工業", 35, "宇部市", "chugoku", "chugoku"],
  ["oshima", "大島", "おおしま", "Oshima", "商船", 35, "大島郡周防大島町", "chugoku", "chugoku"],
  ["anan", "阿南", "あなん", "Anan", "工業", 36, "阿南市", "shikoku", "shikoku"],
  [
    "kagawa",
    "香川",
    "かがわ",
    "Kagawa",
    "",
    37,
    "高松市",
    "shikoku",
    "shikoku",
    [
      { ja: "高松キャンパス", en: "Takamatsu Campus", prefecture: 37, city: "高松市" },
      { ja: "詫間キャンパス", en: "Takuma Campus", prefecture: 37, city: "三豊市" },
    ],
  ],
  ["niihama", "新居浜", "にいはま", "Niihama", "工業", 38, "新居浜市", "shikoku", "shikoku"],
  ["yuge", "弓削", "ゆげ", "Yuge", "商船", 38, "越智郡上島町", "shikoku", "shikoku"],
  ["kochi", "高知", "こうち", "Kochi", "工業", 39, "南国市", "shikoku", "shikoku"],
  ["kurume", "久留米", "くるめ", "Kurume", "工業", 40, "久留米市", "kyushu_okinawa", "kyushu_okinawa"],
  ["ariake", "有明", "ありあけ", "Ariake", "工業", 40, "大牟田市", "kyushu_okinawa", "kyushu_okinawa"],
  [
    "kitakyushu",
    "北九州",
    "きたきゅうしゅう",
    "Kitakyushu",
    "工業",
    40,
    "北九州市",
    "kyushu_okinawa",
    "kyushu_okinawa",
  ],
  ["sasebo", "佐世保", "させぼ", "Sasebo", "工業", 42, "佐世保市", "kyushu_okinawa", "kyushu_okinawa"],
  [
    "kumamoto",
    "熊本",
    "くまもと",
    "Kumamoto",
    "",
    43,
    "合志市",
    "kyushu_okinawa",
    "kyushu_okinawa",
    [
      { ja: "熊本キャンパス", en: "Kumamoto Campus", prefecture: 43, city: "合志市" },
      { ja: "八代キャンパス", en: "Yatsushiro Campus", prefecture: 43, city: "八代市" },
    ],
  ],
  ["oita", "大分", "おおいた", "Oita", "工業", 44, "大分市", "kyushu_okinawa", "kyushu_okinawa"],
  [
    "miyakonojo",
    "都城",
    "みやこのじょう",
    "Miyakonojo",
    "工業",
    45,
    "都城市",
    "kyushu_okinawa",
    "kyushu_okinawa",
  ],
  ["kagoshima", "鹿児島", "かごしま", "Kagoshima", "工業", 46, "霧島市", "kyushu_okinawa", "kyushu_okinawa"],
  ["okinawa", "沖縄", "おきなわ", "Okinawa", "工業", 47, "名護市", "kyushu_okinawa", "kyushu_okinawa"],
];

const KIND_KANA: Record<KosenKind, string> = { 工業: "こうぎょう", 商船: "しょうせん", "": "" };

export const REFERENCE_INSTITUTIONS: readonly ReferenceInstitution[] = [
  {
    code: "nagaokaut",
    type: "university",
    nameJa: "長岡技術科学大学",
    shortNameJa: "長岡技大",
    nameKana: "ながおかぎじゅつかがくだいがく",
    nameEn: "Nagaoka University of Technology",
    shortNameEn: "Nagaoka Univ. of Tech.",
    prefecture: 15,
    city: "長岡市",
    kosenBlock: null,
    area: "shinetsu",
    campuses: [{ ja: "長岡キャンパス", en: "Nagaoka Campus", prefecture: 15, city: "長岡市" }],
  },
  {
    code: "tut",
    type: "university",
    nameJa: "豊橋技術科学大学",
    shortNameJa: "豊橋技科大",
    nameKana: "とよはしぎじゅつかがくだいがく",
    nameEn: "Toyohashi University of Technology",
    shortNameEn: "Toyohashi Univ. of Tech.",
    prefecture: 23,
    city: "豊橋市",
    kosenBlock: null,
    area: "tokai",
    campuses: [{ ja: "豊橋キャンパス", en: "Toyohashi Campus", prefecture: 23, city: "豊橋市" }],
  },
  ...KOSEN.map(
    ([code, ja, kana, en, kind, prefecture, city, block, area, campuses]): ReferenceInstitution => ({
      code: `kosen-${code}`,
      type: "kosen",
      nameJa: `${ja}${kind}高等専門学校`,
      shortNameJa: `${ja}${kind === "商船" ? "商船" : ""}高専`,
      nameKana: `${kana}${KIND_KANA[kind]}こうとうせんもんがっこう`,
      nameEn: `National Institute of Technology (KOSEN), ${en} College`,
      shortNameEn: `NIT ${en}`,
      prefecture,
      city,
      kosenBlock: block,
      area,
      ...(campuses ? { campuses } : {}),
    }),
  ),
];
