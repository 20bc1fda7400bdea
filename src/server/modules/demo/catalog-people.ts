/**
 * People side of the synthetic seeds catalogue: obviously invented family names (架空, 見本, 試作 …),
 * ordinary given names, positions, and the departments of each institution with the fields they imply.
 */
import type { FieldCode } from "../../../shared/seeds";

export interface NamePart {
  ja: string;
  kana: string;
  romaji: string;
}

const parseNames = (src: string): NamePart[] =>
  src
    .trim()
    .split(/\s+/)
    .map((item) => {
      const [ja, kana, romaji] = item.split(":") as [string, string, string];
      return { ja, kana, romaji };
    });

/** Invented family names: every one is a common noun meaning "sample", "mock", "hypothetical" and the like. */
export const FAMILY_NAMES = parseNames(`
架空:かくう:Kakuu 見本:みほん:Mihon 試作:しさく:Shisaku 模擬:もぎ:Mogi 仮名:かめい:Kamei
例示:れいじ:Reiji 想定:そうてい:Sotei 試験:しけん:Shiken 標本:ひょうほん:Hyohon 雛形:ひながた:Hinagata
仮設:かせつ:Kasetsu 試行:しこう:Shiko 模型:もけい:Mokei 仮定:かてい:Katei 試料:しりょう:Shiryo
例題:れいだい:Reidai 模範:もはん:Mohan 試算:しさん:Shisan 見立:みたて:Mitate 草案:そうあん:Soan
下書:したがき:Shitagaki 例文:れいぶん:Reibun 模造:もぞう:Mozo 試案:しあん:Shian 仮題:かだい:Kadai
設例:せつれい:Setsurei 仮置:かりおき:Karioki 試供:しきょう:Shikyo 想像:そうぞう:Sozo 虚構:きょこう:Kyoko
`);

export const MALE_NAMES = parseNames(`
太郎:たろう:Taro 健一:けんいち:Kenichi 大輔:だいすけ:Daisuke 翔太:しょうた:Shota 誠:まこと:Makoto
直樹:なおき:Naoki 拓也:たくや:Takuya 浩二:こうじ:Koji 亮:りょう:Ryo 修:おさむ:Osamu 和也:かずや:Kazuya
隆:たかし:Takashi 一郎:いちろう:Ichiro 剛:つよし:Tsuyoshi 俊介:しゅんすけ:Shunsuke 学:まなぶ:Manabu
悠斗:ゆうと:Yuto 健太:けんた:Kenta 聡:さとし:Satoshi 大樹:だいき:Daiki 秀樹:ひでき:Hideki
雄一:ゆういち:Yuichi 正人:まさと:Masato 達也:たつや:Tatsuya 康弘:やすひろ:Yasuhiro 淳:じゅん:Jun
浩之:ひろゆき:Hiroyuki 哲也:てつや:Tetsuya 翼:つばさ:Tsubasa 智之:ともゆき:Tomoyuki
`);

export const FEMALE_NAMES = parseNames(`
花子:はなこ:Hanako 美咲:みさき:Misaki 陽子:ようこ:Yoko 由美:ゆみ:Yumi 恵:めぐみ:Megumi
真理子:まりこ:Mariko 綾香:あやか:Ayaka 智子:ともこ:Tomoko 彩:あや:Aya 裕子:ゆうこ:Yuko
千尋:ちひろ:Chihiro 香織:かおり:Kaori 沙織:さおり:Saori 麻衣:まい:Mai 奈々:なな:Nana 理恵:りえ:Rie
瞳:ひとみ:Hitomi 順子:じゅんこ:Junko 明美:あけみ:Akemi 紀子:のりこ:Noriko 涼子:りょうこ:Ryoko
友美:ともみ:Tomomi 陽菜:ひな:Hina 里奈:りな:Rina
`);

export const POSITION_EN: Record<string, string> = {
  教授: "Professor",
  准教授: "Associate Professor",
  講師: "Lecturer",
  助教: "Assistant Professor",
  助手: "Research Associate",
  特任教授: "Specially Appointed Professor",
  特任准教授: "Specially Appointed Associate Professor",
  嘱託教授: "Contract Professor",
  技術職員: "Technical Staff",
};

export const KOSEN_POSITIONS: [string, number][] = [
  ["教授", 34],
  ["准教授", 34],
  ["講師", 12],
  ["助教", 17],
  ["嘱託教授", 2],
  ["助手", 1],
];

export const UNIVERSITY_POSITIONS: [string, number][] = [
  ["教授", 30],
  ["准教授", 30],
  ["講師", 7],
  ["助教", 25],
  ["特任教授", 3],
  ["特任准教授", 5],
];

export interface Department {
  ja: string;
  en: string;
  /** Primary fields with weights. */
  primary: [FieldCode, number][];
  /** Candidates for a researcher's secondary field. */
  secondary: FieldCode[];
  /** Relative size within the institution. */
  weight: number;
}

// key: ja | en | primary (field:weight …) | secondary fields | weight
const DEPARTMENTS_SRC = `
M: 機械工学科 | Department of Mechanical Engineering | mechanical:9 materials:1 | materials energy medical_welfare | 1
MS: 機械システム工学科 | Department of Mechanical Systems Engineering | mechanical | materials electrical energy | 1
E: 電気電子工学科 | Department of Electrical and Electronic Engineering | electrical:8 energy:2 | energy information materials | 1
EI: 電気情報工学科 | Department of Electrical and Computer Engineering | electrical:6 information:4 | energy math_data | 1
EE: 電気工学科 | Department of Electrical Engineering | electrical:8 energy:2 | energy information | 1
EL: 電子工学科 | Department of Electronic Engineering | electrical | information materials | 1
ES: 電子制御工学科 | Department of Electronic Control Engineering | electrical:5 mechanical:3 information:2 | medical_welfare information | 1
ESS: 電気電子システム工学科 | Department of Electrical and Electronic Systems Engineering | electrical:8 energy:2 | information energy | 1
EDS: 電気・電子システム工学科 | Department of Electrical and Electronic Systems Engineering | electrical:8 energy:2 | information energy | 1
ECS: 電気制御システム工学科 | Department of Electrical and Control Systems Engineering | electrical:7 mechanical:3 | energy information | 1
I: 情報工学科 | Department of Information Engineering | information:9 math_data:1 | math_data education electrical | 1
EIJ: 電子情報工学科 | Department of Electronics and Information Engineering | information:5 electrical:5 | math_data medical_welfare | 1
CI: 制御情報工学科 | Department of Control and Information Engineering | information:6 mechanical:4 | math_data electrical | 1
C: 物質化学工学科 | Department of Chemical Science and Engineering | chemistry_bio:8 materials:2 | materials energy agri_food | 1
CB: 生物応用化学科 | Department of Biological and Chemical Engineering | chemistry_bio:7 agri_food:3 | agri_food medical_welfare | 1
CM: 物質工学科 | Department of Materials and Chemical Engineering | chemistry_bio:6 materials:4 | agri_food energy | 1
MT: 材料工学科 | Department of Materials Science and Engineering | materials | mechanical chemistry_bio energy | 1
CV: 環境都市工学科 | Department of Civil Engineering | civil_env | energy materials agri_food | 1
AR: 建築学科 | Department of Architecture | civil_env | energy education | 1
US: 都市システム工学科 | Department of Civil Engineering and Urban Systems | civil_env | energy materials | 1
CS: 建設システム工学科 | Department of Civil Engineering and Construction Systems | civil_env | materials energy | 1
MA: 商船学科 | Department of Maritime Technology | maritime | mechanical energy information | 1.4
EM: 電子機械工学科 | Department of Electronic-Mechanical Engineering | mechanical:7 electrical:3 | maritime electrical information | 1
G: 一般教育科 | Department of General Education | math_data:5 education:5 | education information | 0.8
GM: 一般教育科 | Department of General Education | math_data:5 education:5 | education maritime | 0.5
NM: 機械創造工学専攻 | Mechanical Engineering | mechanical:9 materials:1 | materials energy medical_welfare | 1.2
NE: 電気電子情報工学専攻 | Electrical, Electronics and Information Engineering | electrical:6 information:3 energy:1 | energy information | 1.2
NMT: 物質材料工学専攻 | Materials Science and Technology | materials:6 chemistry_bio:4 | energy chemistry_bio | 1
NC: 環境社会基盤工学専攻 | Civil and Environmental Engineering | civil_env | energy agri_food | 1
NB: 生物機能工学専攻 | Bioengineering | chemistry_bio:6 agri_food:2 medical_welfare:2 | agri_food medical_welfare | 0.9
NI: 情報・経営システム工学専攻 | Information and Management Systems Engineering | information:6 math_data:4 | math_data education | 0.9
NN: 原子力システム安全工学専攻 | Nuclear System Safety Engineering | energy:8 materials:2 | materials electrical | 0.4
NG: 基盤共通教育部 | Liberal Arts and Basic Sciences | education:5 math_data:5 | education information | 0.4
TM: 機械工学系 | Department of Mechanical Engineering | mechanical:9 medical_welfare:1 | materials energy medical_welfare | 1.2
TE: 電気・電子情報工学系 | Department of Electrical and Electronic Information Engineering | electrical:8 energy:2 | information energy materials | 1.2
TI: 情報・知能工学系 | Department of Computer Science and Engineering | information:8 math_data:2 | math_data medical_welfare | 1.2
TC: 応用化学・生命工学系 | Department of Applied Chemistry and Life Science | chemistry_bio:7 agri_food:2 medical_welfare:1 | materials agri_food | 1
TA: 建築・都市システム学系 | Department of Architecture and Civil Engineering | civil_env | energy materials | 1
TG: 総合教育院 | Institute of Liberal Arts and Sciences | education:5 math_data:5 | education information | 0.5
`;

const DEPARTMENTS: Record<string, Department> = {};
for (const line of DEPARTMENTS_SRC.trim().split("\n")) {
  const colon = line.indexOf(":");
  const [ja, en, primary, secondary, weight] = line
    .slice(colon + 1)
    .split("|")
    .map((s) => s.trim()) as [string, string, string, string, string];
  DEPARTMENTS[line.slice(0, colon)] = {
    ja,
    en,
    primary: primary.split(" ").map((p) => {
      const [f, w] = p.split(":");
      return [f as FieldCode, Number(w ?? 1)];
    }),
    secondary: secondary.split(" ") as FieldCode[],
    weight: Number(weight),
  };
}

/** Department sets of institutions known well enough; the other KOSEN get one of the VARIANTS. */
const KNOWN: Record<string, string> = {
  nagaokaut: "NM NE NMT NC NB NI NN NG",
  tut: "TM TE TI TC TA TG",
  "kosen-toba": "MA EM I GM",
  "kosen-hiroshima": "MA EM I GM",
  "kosen-oshima": "MA EM I GM",
  "kosen-yuge": "MA EM I GM",
  "kosen-toyama": "MS ECS EIJ C MA G",
  "kosen-nagaoka": "M ESS ES CM CV G",
  "kosen-toyota": "M EDS I CV AR G",
  "kosen-suzuka": "M E EIJ CB MT G",
  "kosen-akashi": "M EI US AR G",
  "kosen-numazu": "M E ES CI CM G",
  "kosen-tokyo": "M EE EL I CM G",
  "kosen-kisarazu": "M E ES I CV G",
  "kosen-gifu": "M EI ES CV AR G",
  "kosen-ishikawa": "M EE EIJ CV AR G",
  "kosen-kure": "M EI CV AR G",
  "kosen-yonago": "M EI ES CM AR G",
  "kosen-maizuru": "M EI ES CS G",
};

const VARIANTS = [
  "M E I C CV G",
  "M E ES I CB G",
  "M EI ES CM CV G",
  "M E I CM AR G",
  "MS EI I C CV G",
  "M E ES I CM CV G",
];

/** Stable across seeds: the departments of an institution are a fact of the demo world, not a random draw. */
export function departmentsOf(code: string): Department[] {
  let keys = KNOWN[code];
  if (!keys) {
    let h = 0;
    for (const ch of code) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
    keys = VARIANTS[h % VARIANTS.length]!;
  }
  return keys.split(" ").map((k) => {
    const d = DEPARTMENTS[k];
    if (!d) throw new Error(`unknown department key ${k}`);
    return d;
  });
}

/** Grant programmes (real names; the grant titles are invented). */
export const GRANT_PROGRAMMES: [string, number][] = [
  ["科研費 基盤研究(C)", 6],
  ["科研費 若手研究", 3],
  ["科研費 基盤研究(B)", 2],
  ["科研費 挑戦的研究(萌芽)", 1],
  ["JST A-STEP トライアウト", 1],
];
