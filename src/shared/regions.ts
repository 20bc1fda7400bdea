/**
 * Prefectures (JIS X 0401 codes), the eight KOSEN blocks and the platform's areas.
 * Real public facts; used by the server (validation, reference data) and the UI (filters, labels).
 */
export interface Prefecture {
  code: number;
  ja: string;
  en: string;
}

export const PREFECTURES: readonly Prefecture[] = [
  { code: 1, ja: "北海道", en: "Hokkaido" },
  { code: 2, ja: "青森県", en: "Aomori" },
  { code: 3, ja: "岩手県", en: "Iwate" },
  { code: 4, ja: "宮城県", en: "Miyagi" },
  { code: 5, ja: "秋田県", en: "Akita" },
  { code: 6, ja: "山形県", en: "Yamagata" },
  { code: 7, ja: "福島県", en: "Fukushima" },
  { code: 8, ja: "茨城県", en: "Ibaraki" },
  { code: 9, ja: "栃木県", en: "Tochigi" },
  { code: 10, ja: "群馬県", en: "Gunma" },
  { code: 11, ja: "埼玉県", en: "Saitama" },
  { code: 12, ja: "千葉県", en: "Chiba" },
  { code: 13, ja: "東京都", en: "Tokyo" },
  { code: 14, ja: "神奈川県", en: "Kanagawa" },
  { code: 15, ja: "新潟県", en: "Niigata" },
  { code: 16, ja: "富山県", en: "Toyama" },
  { code: 17, ja: "石川県", en: "Ishikawa" },
  { code: 18, ja: "福井県", en: "Fukui" },
  { code: 19, ja: "山梨県", en: "Yamanashi" },
  { code: 20, ja: "長野県", en: "Nagano" },
  { code: 21, ja: "岐阜県", en: "Gifu" },
  { code: 22, ja: "静岡県", en: "Shizuoka" },
  { code: 23, ja: "愛知県", en: "Aichi" },
  { code: 24, ja: "三重県", en: "Mie" },
  { code: 25, ja: "滋賀県", en: "Shiga" },
  { code: 26, ja: "京都府", en: "Kyoto" },
  { code: 27, ja: "大阪府", en: "Osaka" },
  { code: 28, ja: "兵庫県", en: "Hyogo" },
  { code: 29, ja: "奈良県", en: "Nara" },
  { code: 30, ja: "和歌山県", en: "Wakayama" },
  { code: 31, ja: "鳥取県", en: "Tottori" },
  { code: 32, ja: "島根県", en: "Shimane" },
  { code: 33, ja: "岡山県", en: "Okayama" },
  { code: 34, ja: "広島県", en: "Hiroshima" },
  { code: 35, ja: "山口県", en: "Yamaguchi" },
  { code: 36, ja: "徳島県", en: "Tokushima" },
  { code: 37, ja: "香川県", en: "Kagawa" },
  { code: 38, ja: "愛媛県", en: "Ehime" },
  { code: 39, ja: "高知県", en: "Kochi" },
  { code: 40, ja: "福岡県", en: "Fukuoka" },
  { code: 41, ja: "佐賀県", en: "Saga" },
  { code: 42, ja: "長崎県", en: "Nagasaki" },
  { code: 43, ja: "熊本県", en: "Kumamoto" },
  { code: 44, ja: "大分県", en: "Oita" },
  { code: 45, ja: "宮崎県", en: "Miyazaki" },
  { code: 46, ja: "鹿児島県", en: "Kagoshima" },
  { code: 47, ja: "沖縄県", en: "Okinawa" },
];

export function prefectureByCode(code: number | null | undefined): Prefecture | undefined {
  return code == null ? undefined : PREFECTURES[code - 1];
}

/** The eight blocks the 51 national KOSEN are grouped into. */
export const KOSEN_BLOCKS = [
  { code: "hokkaido", ja: "北海道", en: "Hokkaido" },
  { code: "tohoku", ja: "東北", en: "Tohoku" },
  { code: "kanto_shinetsu", ja: "関東信越", en: "Kanto-Shinetsu" },
  { code: "tokai_hokuriku", ja: "東海北陸", en: "Tokai-Hokuriku" },
  { code: "kinki", ja: "近畿", en: "Kinki" },
  { code: "chugoku", ja: "中国", en: "Chugoku" },
  { code: "shikoku", ja: "四国", en: "Shikoku" },
  { code: "kyushu_okinawa", ja: "九州沖縄", en: "Kyushu-Okinawa" },
] as const;
export type KosenBlock = (typeof KOSEN_BLOCKS)[number]["code"];
export const KOSEN_BLOCK_CODES = KOSEN_BLOCKS.map((b) => b.code) as [KosenBlock, ...KosenBlock[]];

/**
 * The platform's areas. 信越, 東海 and 東京 are where the platform starts ("active"); the others are
 * "planned" until the platform reaches them. The list lives in the database (table `areas`); this is
 * the initial content that the reference data writes. An admin can move an institution to another area.
 */
export const INITIAL_AREAS = [
  { code: "shinetsu", ja: "信越", en: "Shin'etsu", status: "active" },
  { code: "tokai", ja: "東海", en: "Tokai", status: "active" },
  { code: "tokyo", ja: "東京", en: "Tokyo", status: "active" },
  { code: "hokkaido", ja: "北海道", en: "Hokkaido", status: "planned" },
  { code: "tohoku", ja: "東北", en: "Tohoku", status: "planned" },
  { code: "kitakanto", ja: "北関東", en: "North Kanto", status: "planned" },
  { code: "hokuriku", ja: "北陸", en: "Hokuriku", status: "planned" },
  { code: "kinki", ja: "近畿", en: "Kinki", status: "planned" },
  { code: "chugoku", ja: "中国", en: "Chugoku", status: "planned" },
  { code: "shikoku", ja: "四国", en: "Shikoku", status: "planned" },
  { code: "kyushu_okinawa", ja: "九州沖縄", en: "Kyushu-Okinawa", status: "planned" },
] as const;
export const AREA_STATUSES = ["active", "planned"] as const;
export type AreaStatus = (typeof AREA_STATUSES)[number];
