/**
 * Phrase banks of the synthetic seeds catalogue, second half of the fields. Line format: catalog-phrases.ts.
 * Journal names are invented.
 */
import type { FieldCode } from "../../../shared/seeds";

export const FIELDS_B: Partial<Record<FieldCode, string>> = {
  energy: `
t 小水力発電システム | small hydropower systems | 設計 開発 | 離島 公共施設 農業用ハウス | 熱流体解析 パワーエレクトロニクス 数値シミュレーション
t 太陽光発電量 | photovoltaic power output | 予測 推定 | 公共施設 住宅 工場 | 気象データ 機械学習
t 蓄電池の劣化 | battery degradation | 推定 診断 予測 | 電気自動車 住宅 | 電気化学インピーダンス測定 機械学習
t 水素 | hydrogen | 製造 | 工場 離島 | 触媒 水電解 光触媒 電気化学インピーダンス測定
t 工場廃熱 | waste heat from factories | 回収 利用 | 工場 | 熱流体解析 数値シミュレーション IoT計測
t バイオマス燃焼 | biomass combustion | 制御 解析 | 農業用ハウス 公共施設 | 熱流体解析 数値シミュレーション IoT計測
t 小型風車 | small wind turbines | 設計 最適化 | 離島 公共施設 | 熱流体解析 パワーエレクトロニクス 数値シミュレーション
t 地域のエネルギー需要 | regional energy demand | 予測 可視化 | 公共施設 離島 | 機械学習 気象データ IoT計測
t 温泉熱 | hot-spring heat | 回収 利用 | 温泉地 農業用ハウス | 熱流体解析 IoT計測
t 燃料電池の電極 | fuel cell electrodes | 開発 評価 | 電気自動車 住宅 | 触媒 電気化学インピーダンス測定
t 蓄熱材 | heat storage materials | 開発 評価 | 住宅 農業用ハウス | 熱流体解析 数値シミュレーション
t 振動発電デバイス | vibration energy harvesters | 設計 開発 | 工場 公共施設 | パワーエレクトロニクス 数値シミュレーション
t 建物のエネルギー消費 | energy consumption in buildings | 可視化 低減 | 公共施設 工場 住宅 | IoT計測 機械学習 気象データ
m 数値シミュレーション | numerical simulation
m 機械学習 | machine learning
m 熱流体解析 | thermo-fluid analysis
m パワーエレクトロニクス | power electronics
m 気象データ | weather data
m 電気化学インピーダンス測定 | electrochemical impedance spectroscopy
m 触媒 | catalysts | proc
m IoT計測 | IoT-based measurement
m 水電解 | water electrolysis | proc
m 光触媒 | photocatalysts | proc
p 実証サイトで長期の運転データを取得 | collect long-term operating data at a demonstration site | @ 小水力発電システム 太陽光発電量 小型風車 温泉熱 工場廃熱 バイオマス燃焼 建物のエネルギー消費 蓄電池の劣化
p 熱と物質の移動を数値解析 | analyze heat and mass transfer numerically | @ 工場廃熱 バイオマス燃焼 温泉熱 蓄熱材 燃料電池の電極 水素
p 試作した装置の発電特性を評価 | evaluate the power generation characteristics of a prototype | @ 小水力発電システム 小型風車 振動発電デバイス 燃料電池の電極
p 気象予報データと過去の実績値を統合 | combine weather forecasts with historical records | @ 太陽光発電量 地域のエネルギー需要 建物のエネルギー消費 小型風車
p 電極材料の組成を最適化 | optimize the composition of electrode materials | @ 燃料電池の電極 水素
g 工場 | factories
g 農業用ハウス | agricultural greenhouses
g 電気自動車 | electric vehicles
g 温泉地 | hot-spring areas
g 離島 | remote islands
g 公共施設 | public facilities
g 住宅 | houses
u 工場の省エネルギー化 | energy saving in factories | @ 工場
u 地域への再生可能エネルギー導入 | introducing renewable energy in the region
u 非常用電源 | emergency power supplies | @ 公共施設 離島 住宅
u 施設園芸の暖房 | heating for greenhouse horticulture | @ 農業用ハウス
u 電動モビリティ | electric mobility | @ 電気自動車
u エネルギーの地産地消 | local production and consumption of energy
u 企業の脱炭素経営 | corporate decarbonization
u IoT機器の自立電源 | self-powered IoT devices | @ 工場 公共施設
c 化石燃料を用いた発電 | fossil-fuel power generation | ! CO2排出量が多い | CO2 emissions are high | @ 小水力発電システム 小型風車 水素 振動発電デバイス 温泉熱 バイオマス燃焼
c 大規模な集中型設備 | large centralized facilities | ! 地域の小規模な需要に合わない | they do not suit small local demand | @ 小水力発電システム 小型風車 水素 燃料電池の電極
c 実測に基づかない概算 | rough estimates not based on measurements | ! 実際の運用との差が大きい | there are large gaps from actual operation | @ 太陽光発電量 地域のエネルギー需要 建物のエネルギー消費 蓄電池の劣化 工場廃熱
c 高価な貴金属触媒 | expensive precious-metal catalysts | ! コストが高く資源量にも限りがある | costs are high and resources are limited | @ 水素 燃料電池の電極
k 再生可能エネルギー | renewable energy
k 省エネルギー | energy saving
k 蓄電 | energy storage
k 水素エネルギー | hydrogen energy
k 熱エネルギー | thermal energy
k カーボンニュートラル | carbon neutrality
k 分散型電源 | distributed generation
k エネルギーマネジメント | energy management
r エネルギー工学 | Energy engineering
r 熱工学 | Thermal engineering
r 電気化学エネルギー | Electrochemical energy
r エネルギーシステム | Energy systems
b 発電効率を{n}%向上 | raise generating efficiency by {n}% | 10-30/5 | act make | @ 小水力発電システム 小型風車 振動発電デバイス 燃料電池の電極 バイオマス燃焼 温泉熱 工場廃熱
b エネルギー消費量を{n}%削減 | cut energy consumption by {n}% | 15-40/5
b CO2排出量を年間{n}トン削減 | cut CO2 emissions by {n} tonnes a year | 10-200/10 | act make
e 熱流量計測システム | heat flux measurement system | 機器や建物の熱の出入りを計測できる。 | Measures heat flows in and out of equipment and buildings.
e 充放電試験装置 | charge-discharge tester | 蓄電池の容量と劣化を評価できる。 | Evaluates the capacity and degradation of batteries.
e ソーラーシミュレータ | solar simulator | 太陽電池の発電特性を室内で評価できる。 | Evaluates solar cell performance indoors.
v エネルギー変換工学研究 | Kyoso Journal of Energy Conversion
v 協創エネルギーシステム論文集 | Kyoso Transactions on Energy Systems
v 再生可能エネルギー技術レター | Kyoso Letters on Renewable Energy
p 充放電試験で劣化の進行を詳細に計測 | measure the progress of degradation in detail through charge-discharge tests | @ 蓄電池の劣化
p 蓄熱と放熱のサイクル試験を繰り返し実施 | repeat heat storage and release cycle tests | @ 蓄熱材
p 電解条件を変えて水素の生成効率を比較 | compare hydrogen generation efficiency under different electrolysis conditions | @ 水素
p 地域の施設ごとのエネルギー使用実態を調査 | survey how each local facility uses energy | @ 地域のエネルギー需要 建物のエネルギー消費
u 観光地でのエネルギー活用 | energy use in tourist areas | @ 温泉地
c 廃熱をそのまま大気へ放出する運用 | simply releasing waste heat into the air | ! エネルギーの多くが無駄になっている | much of the energy is wasted | @ 工場廃熱 温泉熱 蓄熱材
c 電池の定期交換 | replacing batteries at fixed intervals | ! 交換作業の手間と廃棄物が発生する | replacement takes work and creates waste | @ 蓄電池の劣化 振動発電デバイス
o 脱炭素化 | decarbonization
o エネルギーの有効利用 | effective use of energy
`,
  medical_welfare: `
t 歩行動作 | gait | 計測 解析 評価 | リハビリテーション施設 病院 | 慣性センサ 画像解析 深層学習
t 介護者の身体負担 | physical strain on caregivers | 低減 評価 | 介護施設 在宅介護 | 慣性センサ 筋電位計測 力覚センサ
t 歩行支援機器 | walking assistance devices | 開発 設計 | 福祉用具 リハビリテーション施設 | 力覚センサ 3Dプリンタ 慣性センサ
t 上肢のリハビリテーション訓練 | upper-limb rehabilitation exercises | 支援 評価 | リハビリテーション施設 病院 | 筋電位計測 力覚センサ
t 嚥下機能 | swallowing function | 評価 | 病院 介護施設 | 筋電位計測 画像解析 深層学習
t 心拍・呼吸 | heart rate and respiration | 計測 推定 | 見守りサービス 介護施設 病院 | ミリ波レーダ 深層学習
t 医用画像 | medical images | 解析 分類 | 病院 | 深層学習 画像解析
t 高齢者の転倒 | falls among elderly people | 検出 予測 | 見守りサービス 介護施設 | ミリ波レーダ 慣性センサ 深層学習
t 筋電義手 | myoelectric prosthetic hands | 開発 制御 | 福祉用具 病院 | 筋電位計測 3Dプリンタ 深層学習
t 睡眠状態 | sleep states | 推定 | 見守りサービス 在宅介護 | ミリ波レーダ 慣性センサ
t 低侵襲手術用器具 | minimally invasive surgical instruments | 開発 設計 | 病院 | 3Dプリンタ 力覚センサ 生体適合材料
t 車椅子の操作 | wheelchair operation | 支援 | 福祉用具 在宅介護 | 力覚センサ 慣性センサ
t 抗ウイルス性表面 | antiviral surfaces | 開発 評価 | 病院 介護施設 | 生体適合材料
m 慣性センサ | inertial sensors
m 筋電位計測 | electromyography
m 画像解析 | image analysis
m ミリ波レーダ | millimeter-wave radar
m 深層学習 | deep learning
m 3Dプリンタ | 3D printing | proc
m 力覚センサ | force sensors
m 生体適合材料 | biocompatible materials | proc
p 被験者の協力を得て動作データを計測 | measure motion data with the help of volunteers | @ 歩行動作 介護者の身体負担 上肢のリハビリテーション訓練 歩行支援機器 筋電義手 車椅子の操作 高齢者の転倒
p 医療・介護現場の意見を取り入れて試作機を改良 | refine the prototype using feedback from medical and care staff | @ 歩行支援機器 筋電義手 低侵襲手術用器具 車椅子の操作 上肢のリハビリテーション訓練 介護者の身体負担
p 装着型センサで日常生活中のデータを収集 | collect data during daily life with wearable sensors | @ 歩行動作 高齢者の転倒 睡眠状態 心拍・呼吸 介護者の身体負担
p 非接触センサで身体の微小な動きを検出 | detect tiny body movements with non-contact sensors | @ 心拍・呼吸 睡眠状態 高齢者の転倒 嚥下機能
p 臨床評価に向けた安全性試験を実施 | conduct safety tests in preparation for clinical evaluation | @ 低侵襲手術用器具 抗ウイルス性表面 筋電義手 歩行支援機器
g 介護施設 | care facilities
g 病院 | hospitals
g リハビリテーション施設 | rehabilitation centers
g 在宅介護 | home care
g 福祉用具 | assistive products
g 見守りサービス | monitoring services
u 介護現場の負担軽減 | reducing the burden on care workers | @ 介護施設 在宅介護
u 在宅での健康管理 | health management at home | @ 在宅介護 見守りサービス
u リハビリテーションの効果測定 | measuring the effect of rehabilitation | @ リハビリテーション施設 病院
u 高齢者の見守り | monitoring the elderly | @ 見守りサービス 介護施設 在宅介護
u 病院の業務効率化 | more efficient hospital operations | @ 病院
u 福祉機器メーカーの製品開発 | product development for welfare equipment makers | @ 福祉用具
u スポーツ科学 | sports science | @ リハビリテーション施設
u 障がい者の社会参加支援 | helping people with disabilities take part in society | @ 福祉用具
c 専門職による主観的な評価 | subjective assessment by specialists | ! 評価者によって結果が異なる | results differ between assessors | @ 歩行動作 嚥下機能 上肢のリハビリテーション訓練 介護者の身体負担 医用画像
c 大型で高価な医療機器 | large, expensive medical equipment | ! 在宅や小規模施設では利用できない | they cannot be used at home or in small facilities | @ 心拍・呼吸 睡眠状態 嚥下機能 医用画像 歩行動作 低侵襲手術用器具
c 身体に装着する接触型センサ | contact sensors worn on the body | ! 装着の負担が大きく長期間の利用が難しい | wearing them is burdensome and long-term use is difficult | @ 心拍・呼吸 睡眠状態 高齢者の転倒
c 既製品の画一的な福祉用具 | one-size-fits-all assistive products | ! 利用者一人ひとりの身体に合わない | they do not fit each user's body | @ 歩行支援機器 筋電義手 車椅子の操作
k 福祉工学 | welfare engineering
k リハビリテーション工学 | rehabilitation engineering
k 生体計測 | biomedical measurement
k 医療機器 | medical devices
k 見守り | elderly monitoring
k ヘルスケア | healthcare
k 人間工学 | ergonomics
k バイオメカニクス | biomechanics
r 医用生体工学 | Biomedical engineering
r リハビリテーション科学・福祉工学 | Rehabilitation science and welfare engineering
r 人間医工学 | Human-centered medical engineering
r 生体計測 | Biomedical measurement
b 介助時の腰部負担を{n}%軽減 | reduce lumbar load during assistance by {n}% | 20-50/5 | - | @ 介護者の身体負担
b 利用者の身体的負担を{n}%軽減 | reduce the physical burden on users by {n}% | 20-50/10 | act make | @ 歩行支援機器 筋電義手 車椅子の操作 上肢のリハビリテーション訓練 低侵襲手術用器具
b 装着時の重量を{n}%軽量化 | cut the weight worn by the user by {n}% | 20-40/10 | make | @ 歩行支援機器 筋電義手
b ウイルスの感染価を{n}%以上低減 | reduce viral infectivity by more than {n}% | 90-99/1 | make | @ 抗ウイルス性表面
b 計測の準備時間を{n}%短縮 | cut preparation time for measurements by {n}% | 30-70/10 | sense
b 評価に要する時間を{n}分程度に短縮 | cut assessment time to about {n} minutes | 5-15/5 | sense | @ 歩行動作 嚥下機能 上肢のリハビリテーション訓練 医用画像
b 検出率{n}%を達成 | achieve a detection rate of {n}% | 90-99/1 | sense | @ 高齢者の転倒 医用画像 心拍・呼吸 睡眠状態
o 介護の質の向上 | better quality of care
o 介護者の負担軽減 | a lighter burden on caregivers
o 健康寿命の延伸 | longer healthy life expectancy
o 安全性の向上 | greater safety
e 三次元動作解析装置 | 3D motion analysis system | 歩行や上肢動作を定量的に解析できる。 | Quantitatively analyzes gait and upper-limb movement.
e 床反力計 | force plates | 歩行時の床反力を計測できる。 | Measures ground reaction forces during walking.
e 多チャンネル筋電計 | multichannel electromyograph | 複数の筋の活動を同時に計測できる。 | Records the activity of several muscles at once.
v 生活支援工学研究 | Kyoso Journal of Life Support Engineering
v 協創医療福祉工学論文集 | Kyoso Transactions on Medical and Welfare Engineering
v リハビリテーション工学レター | Kyoso Letters on Rehabilitation Engineering
p 医師が確認した画像で学習用データセットを構築 | build a training dataset from images checked by physicians | @ 医用画像 嚥下機能
p 試料表面にウイルスを接触させて不活化効果を評価 | evaluate inactivation by bringing viruses into contact with sample surfaces | @ 抗ウイルス性表面
u 医療・福祉機器の開発 | development of medical and welfare devices
u 健康寿命の延伸に向けたサービス | services for extending healthy life expectancy
c 職員による定時の巡回 | scheduled rounds by staff | ! 巡回の合間に起きた異変に気づけない | changes between rounds go unnoticed | @ 高齢者の転倒 睡眠状態
c 薬剤による定期的な消毒 | regular disinfection with chemicals | ! 効果が持続しない | the effect does not last | @ 抗ウイルス性表面
`,
  agri_food: `
t 農作物の生育状況 | crop growth | 推定 可視化 予測 | 農業用ハウス 水田 | ドローン画像 画像解析 機械学習
t 果実の糖度 | the sugar content of fruit | 推定 計測 | 果樹園 農産物直売所 | 近赤外分光 機械学習
t ハウス内の環境 | greenhouse environments | 制御 監視 | 農業用ハウス | IoTセンサ 機械学習
t 食品の鮮度 | food freshness | 評価 推定 | 食品工場 農産物直売所 | 近赤外分光 画像解析 超音波
t 食品加工残渣 | food processing residues | 再資源化 | 食品工場 | 乳酸菌 超音波
t 植物工場の照明 | lighting in plant factories | 最適化 制御 | 植物工場 | LED光源 機械学習
t 野生鳥獣の出没 | wildlife intrusions | 検出 予測 | 果樹園 水田 | IoTセンサ 画像解析 機械学習
t 発酵食品 | fermented foods | 開発 評価 | 食品工場 農産物直売所 | 乳酸菌
t 土壌の養分 | soil nutrients | 計測 推定 | 水田 果樹園 農業用ハウス | 近赤外分光 IoTセンサ
t 米の品質 | rice quality | 評価 推定 | 水田 | 近赤外分光 画像解析
t 養殖魚の成長 | the growth of farmed fish | 監視 推定 | 養殖場 | 画像解析 超音波 IoTセンサ
t 食品中の異物 | foreign matter in food | 検出 | 食品工場 | 近赤外分光 画像解析 超音波
t 地域特産品の機能性成分 | functional components of local specialties | 抽出 評価 | 食品工場 農産物直売所 | 超音波 乳酸菌 近赤外分光
m 近赤外分光 | near-infrared spectroscopy
m ドローン画像 | drone imagery
m IoTセンサ | IoT sensors
m 画像解析 | image analysis
m LED光源 | LED light sources
m 乳酸菌 | lactic acid bacteria | proc
m 機械学習 | machine learning
m 超音波 | ultrasound | proc
p 圃場や施設内に設置したセンサで環境データを連続計測 | continuously measure environmental data with sensors in fields and greenhouses | @ 農作物の生育状況 ハウス内の環境 植物工場の照明 土壌の養分 野生鳥獣の出没 養殖魚の成長 米の品質
p 非破壊で取得したスペクトルから成分量を推定 | estimate component levels from non-destructively acquired spectra | @ 果実の糖度 食品の鮮度 土壌の養分 米の品質 食品中の異物 地域特産品の機能性成分
p 地元の生産者と連携して実証試験を実施 | run field trials together with local producers
p 加工条件を変えた試作品の成分と食味を評価 | evaluate the composition and taste of prototypes made under different processing conditions | @ 発酵食品 食品加工残渣 地域特産品の機能性成分 食品の鮮度
p 画像から対象物を自動で抽出 | extract objects from images automatically | @ 農作物の生育状況 野生鳥獣の出没 養殖魚の成長 食品中の異物 果実の糖度 米の品質
g 農業用ハウス | agricultural greenhouses
g 植物工場 | plant factories
g 食品工場 | food factories
g 果樹園 | orchards
g 水田 | rice paddies
g 養殖場 | aquaculture farms
g 農産物直売所 | farmers' markets
u スマート農業 | smart agriculture | @ 農業用ハウス 植物工場 水田 果樹園
u 農産物の品質選別 | quality sorting of produce | @ 果樹園 水田 農産物直売所
u 食品工場の衛生管理 | hygiene management in food factories | @ 食品工場
u 農業の6次産業化 | sixth-sector industrialization of agriculture
u 鳥獣被害対策 | wildlife damage control | @ 果樹園 水田
u 施設園芸の省力化 | labor saving in greenhouse horticulture | @ 農業用ハウス 植物工場
u 機能性表示食品の開発 | developing foods with function claims | @ 食品工場 農産物直売所
u 水産養殖の効率化 | more efficient aquaculture | @ 養殖場
c 生産者の経験に基づく管理 | management based on growers' experience | ! 新規就農者への技術の継承が難しい | it is hard to pass the know-how on to new farmers | @ 農作物の生育状況 ハウス内の環境 植物工場の照明 土壌の養分 養殖魚の成長
c 破壊検査による抜き取り検査 | destructive sampling inspection | ! 全数を検査できない | not every item can be inspected | @ 果実の糖度 米の品質 食品の鮮度 土壌の養分 食品中の異物
c 人手による選別 | manual sorting | ! 人手不足で作業が追いつかない | labor shortages mean the work cannot keep up | @ 果実の糖度 米の品質 食品中の異物
c 焼却による処分 | disposal by incineration | ! 処理コストがかかり資源も失われる | disposal costs money and resources are lost | @ 食品加工残渣
k スマート農業 | smart agriculture
k 食品工学 | food engineering
k 植物工場 | plant factories
k 食品機能 | food functionality
k 農業情報 | agricultural informatics
k 非破壊計測 | non-destructive measurement
k 発酵 | fermentation
k 6次産業化 | sixth-sector industrialization
r 農業環境工学・農業情報工学 | Agricultural environmental engineering and informatics
r 食品科学 | Food science
r 応用微生物学 | Applied microbiology
r 園芸科学 | Horticultural science
b 収量を{n}%向上 | increase yields by {n}% | 10-30/5 | act make | @ 農作物の生育状況 ハウス内の環境 植物工場の照明 土壌の養分 養殖魚の成長
b 選別作業の時間を{n}%短縮 | cut sorting time by {n}% | 30-70/10 | sense | @ 果実の糖度 米の品質 食品中の異物 食品の鮮度
b 廃棄ロスを{n}%削減 | cut food waste by {n}% | 20-50/10 | - | @ 食品の鮮度 食品加工残渣 食品中の異物 果実の糖度
e 近赤外分光分析装置 | near-infrared spectrometer | 農産物や食品の成分を非破壊で分析できる。 | Analyzes the components of produce and food non-destructively.
e 人工気象器 | plant growth chamber | 光・温度・湿度を制御して植物を栽培できる。 | Grows plants under controlled light, temperature and humidity.
e 食品物性測定装置 | food texture analyzer | 食品の硬さや粘りを数値化できる。 | Quantifies the hardness, stickiness and other textures of foods.
v 農業環境情報研究 | Kyoso Journal of Agricultural Informatics
v 食品加工技術論文集 | Kyoso Transactions on Food Processing
v 協創アグリテック研究 | Kyoso AgriTech Research
u 地域ブランド農産物の開発 | developing regional brand produce
u 食品ロスの削減 | reducing food loss
c 柵や罠による対策 | fences and traps | ! 設置と見回りの負担が大きい | installing and patrolling them is a heavy burden | @ 野生鳥獣の出没
c 伝統的な製法 | traditional production methods | ! 品質が季節や作り手によって変動する | quality varies with the season and the maker | @ 発酵食品 地域特産品の機能性成分
c 有機溶媒による抽出 | extraction with organic solvents | ! 食品用途では安全性の確認が必要になる | safety must be confirmed for food use | @ 地域特産品の機能性成分
o 農業の省力化 | labor saving in farming
o 食品ロスの削減 | less food loss
`,
  maritime: `
t 船舶の省エネ運航 | energy-saving ship operation | 支援 | 内航船 フェリー | 気象・海象データ 機械学習 AIS（船舶自動識別装置）データ
t 船舶の燃料消費量 | ship fuel consumption | 推定 予測 低減 | 内航船 フェリー 漁船 | 機械学習 気象・海象データ 数値流体解析
t 海洋観測ブイ | ocean observation buoys | 開発 設計 | 養殖場 洋上風力発電施設 港湾 | 衛星通信 水中音響
t 船舶の衝突リスク | ship collision risk | 評価 推定 | 内航船 漁船 港湾 | AIS（船舶自動識別装置）データ 画像認識 機械学習
t 波浪中の船体動揺 | ship motions in waves | 推定 抑制 予測 | フェリー 内航船 | 数値流体解析 気象・海象データ
t 舶用機関の状態 | marine engine condition | 監視 診断 | 内航船 漁船 練習船 | 機械学習 衛星通信
t 港湾荷役作業 | cargo handling in ports | 自動化 支援 | 港湾 | 画像認識 機械学習
t 船舶の航路 | ship routes | 最適化 | 内航船 フェリー | 気象・海象データ AIS（船舶自動識別装置）データ
t 海洋プラスチックごみ | marine plastic litter | 回収 検出 | 港湾 養殖場 | 画像認識 衛星通信
t 操船技能 | ship-handling skills | 評価 | 練習船 内航船 | 操船シミュレータ 機械学習
t 船員の操船訓練 | ship-handling training for seafarers | 支援 | 練習船 | 操船シミュレータ
t 藻場 | seaweed beds | 監視 可視化 | 養殖場 港湾 | 画像認識 水中音響
t 水中ロボット | underwater robots | 開発 制御 | 養殖場 洋上風力発電施設 港湾 | 水中音響 数値流体解析
t 船底の汚損 | hull fouling | 抑制 検出 | 内航船 漁船 フェリー | 画像認識 数値流体解析
m AIS（船舶自動識別装置）データ | AIS (automatic identification system) data
m 数値流体解析 | computational fluid dynamics
m 機械学習 | machine learning
m 操船シミュレータ | a ship-handling simulator
m 水中音響 | underwater acoustics
m 衛星通信 | satellite communication
m 気象・海象データ | weather and sea-state data
m 画像認識 | image recognition
p 練習船で実際の航海データを取得 | collect real voyage data on a training ship | @ 船舶の省エネ運航 船舶の燃料消費量 船舶の衝突リスク 波浪中の船体動揺 舶用機関の状態 船舶の航路 操船技能 船底の汚損
p 操船シミュレータで様々な海象条件を再現 | reproduce a range of sea conditions in a ship-handling simulator | @ 船舶の衝突リスク 操船技能 船員の操船訓練 船舶の航路 船舶の省エネ運航 波浪中の船体動揺
p 船内機器に設置したセンサのデータを陸上へ伝送 | transmit data from sensors on shipboard equipment to shore | @ 舶用機関の状態 船舶の燃料消費量 船舶の省エネ運航 船底の汚損
p 水槽試験で模型船の挙動を計測 | measure model-ship behavior in tank tests | @ 波浪中の船体動揺 船舶の燃料消費量 水中ロボット 船底の汚損
p 沿岸に設置した観測機器で長期データを収集 | collect long-term data with observation equipment along the coast | @ 海洋観測ブイ 藻場 海洋プラスチックごみ
g 内航船 | coastal vessels
g 漁船 | fishing boats
g 港湾 | ports
g 洋上風力発電施設 | offshore wind farms
g 養殖場 | aquaculture farms
g フェリー | ferries
g 練習船 | training ships
u 内航海運の省エネルギー化 | energy saving in coastal shipping | @ 内航船 フェリー
u 船員の負担軽減 | reducing the workload of seafarers | @ 内航船 漁船 フェリー 練習船
u 海難事故の防止 | preventing marine accidents | @ 内航船 漁船 フェリー 港湾
u 港湾物流の効率化 | more efficient port logistics | @ 港湾
u 海洋環境モニタリング | marine environmental monitoring | @ 養殖場 洋上風力発電施設 港湾
u 水産業の省力化 | labor saving in fisheries | @ 漁船 養殖場
u 海事人材の育成 | training maritime professionals
u 離島航路の維持 | keeping remote-island ferry routes running | @ フェリー
c 船長の経験に基づく判断 | decisions based on the captain's experience | ! 判断の質が個人の経験に依存する | decision quality depends on individual experience | @ 船舶の省エネ運航 船舶の航路 船舶の衝突リスク 船舶の燃料消費量 波浪中の船体動揺 操船技能
c 定期的な入渠点検 | periodic dry-dock inspections | ! 点検の間に生じた異常を把握できない | anomalies arising between inspections go undetected | @ 舶用機関の状態 船底の汚損
c 人手による見張り | manual lookout | ! 夜間や荒天時に見落としが生じやすい | things are easily missed at night or in rough weather | @ 船舶の衝突リスク 海洋プラスチックごみ
c 大型観測船による調査 | surveys by large research vessels | ! 調査の頻度と範囲が限られる | the frequency and coverage of surveys are limited | @ 海洋観測ブイ 藻場 海洋プラスチックごみ 水中ロボット
k 海事工学 | maritime engineering
k 船舶運航 | ship operation
k 舶用機関 | marine engines
k 海洋観測 | ocean observation
k 航海安全 | navigational safety
k 港湾物流 | port logistics
k 海洋環境 | marine environment
k 船員教育 | seafarer education
r 船舶海洋工学 | Naval architecture and ocean engineering
r 航海学・海上安全 | Navigation and maritime safety
r 舶用機関学 | Marine engineering
r 海洋環境学 | Marine environmental science
b 燃料消費量を{n}%削減 | cut fuel consumption by {n}% | 5-20/1 | - | @ 船舶の省エネ運航 船舶の燃料消費量 船舶の航路 波浪中の船体動揺 船底の汚損
b 見張り作業の負担を{n}%軽減 | reduce the lookout workload by {n}% | 20-50/10 | sense | @ 船舶の衝突リスク 海洋プラスチックごみ
b 訓練に要する時間を{n}%短縮 | cut training time by {n}% | 20-50/10 | sense act | @ 船員の操船訓練 操船技能
b 荷役時間を{n}%短縮 | cut cargo handling time by {n}% | 10-40/10 | act | @ 港湾荷役作業
b 観測コストを約{n}分の1に低減 | cut observation costs to about 1/{n} | 2-10/1 | - | @ 海洋観測ブイ 藻場 海洋プラスチックごみ 水中ロボット
b 点検のための停船時間を{n}%短縮 | cut downtime for inspections by {n}% | 20-50/10 | sense | @ 舶用機関の状態 船底の汚損
e 操船シミュレータ | ship-handling simulator | 様々な港湾・海象条件での操船を再現できる。 | Reproduces ship handling in various ports and sea conditions.
e 回流水槽 | circulating water channel | 模型船や水中機器の流体特性を計測できる。 | Measures the hydrodynamic characteristics of model ships and underwater equipment.
e 練習船搭載計測システム | training-ship measurement system | 航海中の機関・航海データを記録できる。 | Records engine and navigation data during voyages.
v 海事技術研究 | Kyoso Journal of Maritime Technology
v 協創船舶海洋論文集 | Kyoso Transactions on Naval Architecture and Ocean Engineering
v 航海安全学レター | Kyoso Letters on Navigation Safety
p 荷役作業の動画から作業手順を分析 | analyze work procedures from videos of cargo handling | @ 港湾荷役作業
p 試作機を実海域に投入して耐久性を確認 | deploy the prototype at sea to check its durability | @ 海洋観測ブイ 水中ロボット 海洋プラスチックごみ
p 熟練船員の操船記録を収集して比較 | collect and compare the ship-handling records of experienced officers | @ 操船技能 船員の操船訓練
u 海洋産業の高度化 | advancing marine industries
u 洋上風力発電設備の保守 | maintenance of offshore wind facilities | @ 洋上風力発電施設
c 熟練者による現場指導 | on-the-job teaching by experienced staff | ! 指導できる人材が不足している | there are too few people who can teach | @ 船員の操船訓練 操船技能 港湾荷役作業
c 潜水士による目視作業 | visual work by divers | ! 作業の安全確保とコストが課題となる | diver safety and cost are issues | @ 水中ロボット 船底の汚損 藻場
o 航行の安全性向上 | safer navigation
o 海運の人手不足解消 | easing labor shortages in shipping
`,
  math_data: `
t 時系列データ | time-series data | 予測 解析 | 製造業 小売業 金融機関 | ベイズ統計 機械学習 確率モデル
t 組合せ最適化問題 | combinatorial optimization problems | 求解 | 物流 製造業 | 数理最適化 グラフ理論
t 商品の需要 | product demand | 予測 | 小売業 物流 | ベイズ統計 機械学習
t 少数データの統計モデル | statistical models for small datasets | 構築 | 製造業 医療機関 | ベイズ統計 スパースモデリング
t 製造データの異常値 | outliers in manufacturing data | 検出 | 製造業 | 多変量解析 スパースモデリング 機械学習
t 偏微分方程式 | partial differential equations | 求解 解析 | 製造業 | 数値計算
t グラフ構造データ | graph-structured data | 解析 可視化 | 物流 金融機関 | グラフ理論 機械学習
t 要因間の因果関係 | causal relationships among factors | 推定 | 製造業 医療機関 自治体 | ベイズ統計 多変量解析
t 実験計画 | experimental designs | 最適化 | 製造業 医療機関 | ベイズ統計 数理最適化
t 人流データ | people-flow data | 解析 可視化 | 自治体 小売業 | 確率モデル 多変量解析 機械学習
t 品質のばらつき | quality variation | 解析 低減 | 製造業 | 多変量解析 スパースモデリング
t 感染症の数理モデル | mathematical models of infectious diseases | 構築 解析 | 自治体 医療機関 | 確率モデル 数値計算
t 勤務シフト | work shifts | 最適化 | 医療機関 小売業 | 数理最適化
m ベイズ統計 | Bayesian statistics
m 機械学習 | machine learning
m 数理最適化 | mathematical optimization
m スパースモデリング | sparse modeling
m 数値計算 | numerical computation
m グラフ理論 | graph theory
m 確率モデル | stochastic models
m 多変量解析 | multivariate analysis
p 現場の課題を数理モデルとして定式化 | formulate the practical problem as a mathematical model
p 欠損や外れ値を含む実データを前処理 | preprocess real data containing gaps and outliers
p 高速な近似解法を設計 | design a fast approximate algorithm
p 予測の不確かさを定量化 | quantify the uncertainty of predictions
p 解析結果を対話的に可視化 | visualize the results interactively
g 製造業 | manufacturing
g 小売業 | retail
g 物流 | logistics
g 金融機関 | financial institutions
g 自治体 | local governments
g 医療機関 | medical institutions
u 生産計画の立案 | production planning
u 在庫管理 | inventory management
u 配送計画 | delivery planning
u 品質管理 | quality control
u 政策立案の支援 | supporting policy-making
u 医療資源の配分 | allocating medical resources
u データサイエンス人材の育成 | training data scientists
u リスク評価 | risk assessment
c 担当者の経験に基づく計画 | planning based on staff experience | ! 計画の質が担当者に依存する | plan quality depends on the person in charge
c 表計算ソフトによる手作業の集計 | manual tallying in spreadsheets | ! 集計に時間がかかり誤りも生じやすい | tallying is slow and error-prone
c 大量のデータを前提とする統計手法 | statistical methods that assume large datasets | ! データが少ない現場では信頼できる結果が得られない | reliable results cannot be obtained where data are scarce
c 汎用ソルバーによる厳密解法 | exact solution with general-purpose solvers | ! 大規模な問題では計算が終わらない | large problems cannot be solved in reasonable time
k データサイエンス | data science
k 統計学 | statistics
k 数理最適化 | mathematical optimization
k 機械学習 | machine learning
k 数値解析 | numerical analysis
k 数理モデル | mathematical modeling
k オペレーションズ・リサーチ | operations research
k 可視化 | visualization
r 統計科学 | Statistical science
r 数理工学 | Mathematical engineering
r 応用数学 | Applied mathematics
r 情報学基礎 | Foundations of informatics
b 予測誤差を{n}%低減 | reduce prediction error by {n}% | 10-40/5 | sense | @ 時系列データ 商品の需要 人流データ 感染症の数理モデル 少数データの統計モデル
b 計画作成の時間を{n}%短縮 | cut planning time by {n}% | 50-90/10 | act make | @ 組合せ最適化問題 勤務シフト 実験計画
b 輸送コストを{n}%削減 | cut transport costs by {n}% | 5-20/5 | act make | @ 組合せ最適化問題
b 計算時間を約{n}分の1に短縮 | cut computation time to about 1/{n} | 5-50/5
x 計算に時間がかかる | computation takes a long time
x 結果の解釈が難しい | the results are hard to interpret
x 十分な量のデータが集まらない | not enough data can be collected
x 条件が変わると計画を一から作り直す必要がある | plans must be redone from scratch whenever conditions change
q 汎用的 | general-purpose
q 低コスト | low-cost
q 操作が簡単 | simple to operate
q 結果の解釈が容易 | easy to interpret
e 高性能計算サーバ | high-performance computing server | 大規模な数値計算や最適化計算を実行できる。 | Runs large numerical and optimization computations.
e 統計解析ソフトウェア環境 | statistical analysis software environment | 多変量解析や機械学習を行うことができる。 | Supports multivariate analysis and machine learning.
v 応用数理モデリング研究 | Kyoso Journal of Applied Mathematical Modeling
v 協創データサイエンス論文集 | Kyoso Transactions on Data Science
v 計算数理フロンティア | Kyoso Frontiers in Computational Mathematics
o データに基づく意思決定 | data-driven decision-making
o 業務の効率化 | more efficient operations
`,
  education: `
t 実践的技術者教育プログラム | practical engineering education programs | 開発 評価 | 高専 大学 | ルーブリック評価 アンケート調査 ICT
t 学習ログ | learning logs | 解析 可視化 | 高専 大学 | 学習管理システム（LMS） 生成AI
t プログラミング教材 | programming teaching materials | 開発 | 高専 小中学校 | ゲーミフィケーション 生成AI ICT
t 課題解決型学習（PBL） | project-based learning (PBL) | 設計 評価 | 高専 大学 企業の社内研修 | ルーブリック評価 アンケート調査
t 社会人向けリカレント教育 | recurrent education for working adults | 設計 開発 | 企業の社内研修 地域の技術者 | 学習管理システム（LMS） 遠隔会議システム
t 遠隔授業 | remote classes | 支援 評価 | 高専 大学 公開講座 | 遠隔会議システム 学習管理システム（LMS） ICT
t 数理・データサイエンス教材 | teaching materials for mathematics and data science | 開発 | 高専 大学 企業の社内研修 | ICT 生成AI ゲーミフィケーション
t 熟練技能の伝承 | passing on expert skills | 支援 | 企業の社内研修 地域の技術者 | VR ICT
t 学生の主体的な学び | students' self-directed learning | 支援 評価 | 高専 大学 | ルーブリック評価 ゲーミフィケーション 生成AI
t 実験・実習の安全教育 | safety training for labs and workshops | 開発 | 高専 企業の社内研修 | VR
t 技術英語の学習 | learning technical English | 支援 | 高専 大学 | 生成AI ゲーミフィケーション
t STEAM教育プログラム | STEAM education programs | 開発 評価 | 小中学校 公開講座 | ICT ゲーミフィケーション アンケート調査
m ICT | ICT
m ルーブリック評価 | rubric-based assessment
m 学習管理システム（LMS） | a learning management system (LMS)
m VR | virtual reality
m ゲーミフィケーション | gamification
m アンケート調査 | questionnaire surveys
m 生成AI | generative AI
m 遠隔会議システム | remote conferencing systems
p 授業で試行して学習効果を検証 | trial it in classes and verify its learning effect
p 学生・受講者へのアンケート結果を分析 | analyze questionnaire responses from students and participants
p 企業の技術者と協働して教材を開発 | develop materials together with company engineers
p 学習履歴データを継続的に蓄積 | continuously accumulate learning history data
p 他校や企業でも使えるよう教材をパッケージ化 | package the materials so that other schools and companies can use them
g 高専 | KOSEN
g 企業の社内研修 | in-house corporate training
g 小中学校 | elementary and junior high schools
g 大学 | universities
g 地域の技術者 | local engineers
g 公開講座 | public extension courses
u 高専・大学の授業 | KOSEN and university classes
u 企業の新人研修 | onboarding training for new employees
u 社会人の学び直し | reskilling for working adults
u 小中学生向け出前授業 | outreach classes for school children
u 技能検定の対策講座 | preparatory courses for skills certification
u オンライン講座 | online courses
u 地域の人材育成 | regional human-resource development
u 教員研修 | teacher training
c 講義中心の一斉授業 | lecture-centered classes | ! 学習者が受け身になりやすい | learners tend to become passive
c 紙ベースの教材 | paper-based materials | ! 学習状況を把握しにくい | it is hard to see how learners are progressing
c 指導者の経験に依存した指導 | teaching that depends on the instructor's experience | ! 指導の質にばらつきが生じる | the quality of teaching varies
c 集合型の対面研修 | in-person group training | ! 受講できる場所と時間が限られる | where and when people can attend is limited
k 工学教育 | engineering education
k 教育工学 | educational technology
k アクティブラーニング | active learning
k リカレント教育 | recurrent education
k 人材育成 | human-resource development
k eラーニング | e-learning
k 教材開発 | courseware development
k キャリア教育 | career education
r 教育工学 | Educational technology
r 科学教育 | Science education
r 工学教育 | Engineering education
r 教育心理学 | Educational psychology
b 受講者の理解度を{n}ポイント向上 | raise learners' comprehension scores by {n} points | 10-25/5
b 教材準備の時間を{n}%削減 | cut preparation time for teaching materials by {n}% | 30-60/10 | act make
b 修了率を{n}%まで改善 | raise completion rates to {n}% | 80-95/5
b 指導者の負担を大幅に軽減 | greatly reduce the burden on instructors
x 学習者の理解度を把握しにくい | it is hard to gauge how well learners understand
x 受講者の意欲を維持しにくい | it is hard to keep participants motivated
x 指導者の負担が大きい | the burden on instructors is heavy
x 場所と時間の制約が大きい | constraints of place and time are severe
q 導入が容易 | easy to introduce
q 低コスト | low-cost
q 汎用的 | general-purpose
q 学習者の自主性を重視した設計 | designed around learner autonomy
o 教育の質の向上 | better quality of education
o 学習意欲の向上 | greater motivation to learn
o 指導の効率化 | more efficient teaching
o 地域の人材育成 | regional human-resource development
e VRヘッドセット一式 | VR headset set | 危険を伴う作業を仮想空間で安全に体験させることができる。 | Lets learners experience hazardous work safely in virtual space.
e 遠隔授業配信システム | remote lecture system | GI-net等を介して複数拠点へ授業を配信できる。 | Delivers lectures to several sites over GI-net and similar networks.
v 工学教育実践研究 | Kyoso Journal of Engineering Education Practice
v 協創教育工学論文集 | Kyoso Transactions on Educational Technology
v 技術者教育実践レター | Kyoso Letters on Engineer Education
`,
};
