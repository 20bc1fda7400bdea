/**
 * Phrase banks of the synthetic seeds catalogue, first half of the fields. Line format: catalog-phrases.ts.
 * Journal names are invented.
 */
import type { FieldCode } from "../../../shared/seeds";

export const FIELDS_A: Partial<Record<FieldCode, string>> = {
  mechanical: `
t 切削工具摩耗 | cutting tool wear | 推定 監視 予測 | 工作機械 金型 | AEセンサ 機械学習 振動解析 デジタルツイン
t 工作機械の熱変位 | thermal displacement of machine tools | 補正 予測 推定 | 工作機械 | 有限要素解析 機械学習 デジタルツイン
t 摺動部の摩擦・摩耗特性 | friction and wear of sliding parts | 評価 向上 解析 | 自動車部品 産業用ロボット | 高速度カメラ計測 AEセンサ 有限要素解析
t 構造物の振動 | structural vibration | 抑制 制御 解析 | 工作機械 産業用ロボット 農業機械 | 振動解析 有限要素解析 トポロジー最適化
t 溶接部の欠陥 | weld defects | 検出 評価 | 自動車部品 建設機械 | AEセンサ 高速度カメラ計測 機械学習
t 3Dプリンタ造形物の強度 | strength of 3D-printed parts | 評価 向上 | 自動車部品 航空機部品 | 有限要素解析 トポロジー最適化 機械学習
t 金属積層造形プロセス | metal additive manufacturing processes | 最適化 監視 | 航空機部品 金型 | 高速度カメラ計測 機械学習 デジタルツイン
t 歯車の損傷 | gear damage | 診断 検出 | 産業用ロボット 農業機械 建設機械 | 振動解析 AEセンサ 機械学習
t 流体機械の性能 | the performance of fluid machinery | 向上 評価 | ポンプ・送風機 | 数値流体解析（CFD） 高速度カメラ計測 トポロジー最適化
t 微細穴加工の条件 | micro-drilling conditions | 最適化 | 金型 航空機部品 | 高速度カメラ計測 機械学習 AEセンサ
t ロボットハンドの把持動作 | grasping motions of robot hands | 制御 生成 | 産業用ロボット | 機械学習 デジタルツイン 有限要素解析
t 転がり軸受の異常 | rolling bearing faults | 検出 診断 予測 | 工作機械 ポンプ・送風機 農業機械 | 振動解析 AEセンサ 機械学習
t 板材のプレス成形 | sheet metal press forming | 解析 最適化 | 自動車部品 金型 | 有限要素解析 機械学習 デジタルツイン
t 熱交換器の伝熱性能 | heat transfer performance of heat exchangers | 評価 向上 | 空調設備 | 数値流体解析（CFD） トポロジー最適化 有限要素解析
m 有限要素解析 | finite element analysis
m 高速度カメラ計測 | high-speed camera measurement
m AEセンサ | acoustic emission sensors
m 機械学習 | machine learning
m 振動解析 | vibration analysis
m トポロジー最適化 | topology optimization
m 数値流体解析（CFD） | computational fluid dynamics (CFD)
m デジタルツイン | a digital twin
p 加工中の切削力と振動を同時に計測 | measure cutting force and vibration simultaneously during machining | @ 切削工具摩耗 微細穴加工の条件 工作機械の熱変位
p 荷重条件を変えた繰返し試験を実施 | run repeated tests under different load conditions | @ 摺動部の摩擦・摩耗特性 3Dプリンタ造形物の強度 歯車の損傷 転がり軸受の異常 溶接部の欠陥 構造物の振動
p 実機を模擬した試験装置を製作 | build a test rig that reproduces the actual machine
p 加工条件と仕上げ面の関係をデータベース化 | build a database linking machining conditions to surface finish | @ 切削工具摩耗 微細穴加工の条件 金属積層造形プロセス 板材のプレス成形
p 構造を数値モデル化して応力分布を解析 | model the structure numerically and analyze its stress distribution | @ 構造物の振動 3Dプリンタ造形物の強度 板材のプレス成形 ロボットハンドの把持動作 歯車の損傷 溶接部の欠陥
p 市販の小型センサを既存設備に後付け | retrofit small commercial sensors to existing equipment
g 自動車部品 | automotive parts
g 工作機械 | machine tools
g 金型 | dies and molds
g 産業用ロボット | industrial robots
g 航空機部品 | aircraft components
g 農業機械 | agricultural machinery
g 建設機械 | construction machinery
g ポンプ・送風機 | pumps and blowers
g 空調設備 | air-conditioning equipment
u 工作機械の予知保全 | predictive maintenance of machine tools | @ 工作機械 ポンプ・送風機
u 自動車部品の品質管理 | quality control of automotive parts | @ 自動車部品
u 金型の長寿命化 | longer die life | @ 金型
u 生産ラインの省人化 | labor saving on production lines
u 熟練技能のデジタル化 | digitizing the skills of experienced workers
u ロボットによる組立作業 | robotic assembly | @ 産業用ロボット
u 試作開発期間の短縮 | shorter prototyping lead times
u 設備の振動・騒音対策 | vibration and noise control for equipment | @ 工作機械 産業用ロボット 農業機械 建設機械 ポンプ・送風機 空調設備
c 熟練作業者の経験や勘 | the experience and intuition of skilled workers | ! 作業者によって判断がばらつく | judgements vary from worker to worker
c 一定時間ごとの定期交換 | replacement at fixed intervals | ! まだ使える部品まで交換してしまう | parts that could still be used are replaced | @ 切削工具摩耗 転がり軸受の異常 歯車の損傷
c 高価な専用計測装置 | expensive dedicated measuring instruments | ! 中小企業には導入が難しい | it is hard for small companies to introduce
c 試行錯誤による条件出し | trial-and-error setting of conditions | ! 最適な条件を見つけるまでに時間がかかる | finding the best conditions takes a long time | @ 微細穴加工の条件 金属積層造形プロセス 板材のプレス成形 3Dプリンタ造形物の強度 熱交換器の伝熱性能 流体機械の性能 摺動部の摩擦・摩耗特性
k 生産技術 | production engineering
k 精密加工 | precision machining
k 予知保全 | predictive maintenance
k 信頼性評価 | reliability evaluation
k トライボロジー | tribology
k 機械力学 | machine dynamics
k 設計工学 | design engineering
k スマートファクトリー | smart factory
r 機械加工・生産工学 | Machining and production engineering
r 機械力学・制御 | Dynamics and control of machinery
r 材料力学・設計工学 | Strength of materials and design engineering
r 流体工学・熱工学 | Fluid and thermal engineering
b 加工時間を{n}%短縮 | cut machining time by {n}% | 20-50/5 | act make | @ 切削工具摩耗 微細穴加工の条件 金属積層造形プロセス 板材のプレス成形 工作機械の熱変位
b 工具寿命を{n}倍に延長 | extend tool life {n}-fold | 2-4/1 | sense act | @ 切削工具摩耗 微細穴加工の条件
b 段取り時間を約{n}分の1に短縮 | cut setup time to about 1/{n} | 3-5/1 | act make | @ 板材のプレス成形 金属積層造形プロセス 微細穴加工の条件 工作機械の熱変位
e 三次元測定機 | coordinate measuring machine | 部品の寸法や形状を高精度に測定できる。 | Measures the dimensions and shapes of parts with high precision.
e 5軸マシニングセンタ | 5-axis machining center | 複雑形状部品の試作加工に使用している。 | Used for prototype machining of complex parts.
e 摩擦摩耗試験機 | friction and wear tester | 往復摺動条件での摩擦係数と摩耗量を評価できる。 | Evaluates friction coefficients and wear under reciprocating sliding.
v 精密加工技術研究 | Kyoso Journal of Precision Machining
v 協創機械システム論文集 | Kyoso Transactions on Mechanical Systems
v 生産加工フロンティア | Kyoso Frontiers in Manufacturing
p 流れ場を可視化して損失の発生箇所を特定 | visualize the flow field to locate where losses arise | @ 流体機械の性能 熱交換器の伝熱性能
u 航空機部品の軽量化 | lighter aircraft components | @ 航空機部品
u 空調・熱機器の省エネルギー化 | energy saving in air-conditioning and thermal equipment | @ 空調設備 ポンプ・送風機
u 建設機械・農業機械の保守 | maintenance of construction and agricultural machinery | @ 建設機械 農業機械
c 大型の試験設備を用いた評価 | evaluation with large test facilities | ! 評価に時間とコストがかかる | evaluation takes time and money
o 生産性の向上 | higher productivity
o 省力化 | labor saving
o 品質向上 | better quality
o 設備の長寿命化 | longer equipment life
`,
  electrical: `
t パワー半導体デバイスの損失 | losses in power semiconductor devices | 低減 評価 | 電気自動車 産業用モータ | 回路シミュレーション SiC・GaNパワーデバイス 電磁界解析
t モータの効率 | motor efficiency | 向上 評価 | 産業用モータ 電気自動車 家電製品 | モデル予測制御 電磁界解析 SiC・GaNパワーデバイス
t 非接触給電システム | wireless power transfer systems | 設計 開発 | 電気自動車 医療機器 | 電磁界解析 回路シミュレーション SiC・GaNパワーデバイス
t 高電圧絶縁材料の劣化 | degradation of high-voltage insulation | 診断 検出 評価 | 配電設備 | 部分放電計測 機械学習
t 大気圧プラズマ | atmospheric-pressure plasma | 生成 制御 | 生産設備 医療機器 | 回路シミュレーション 電磁界解析 SiC・GaNパワーデバイス
t 電力系統の周波数変動 | frequency fluctuations in power grids | 抑制 予測 | 再生可能エネルギー設備 配電設備 | モデル予測制御 機械学習
t 小型アンテナ | compact antennas | 設計 開発 | 通信機器 医療機器 | 電磁界解析 回路シミュレーション
t リチウムイオン電池の劣化状態 | the state of health of lithium-ion batteries | 推定 診断 | 電気自動車 再生可能エネルギー設備 | 機械学習 FPGA 回路シミュレーション
t 電磁ノイズ | electromagnetic noise | 抑制 解析 | 家電製品 通信機器 生産設備 | 電磁界解析 回路シミュレーション
t 酸化物半導体薄膜 | oxide semiconductor thin films | 作製 評価 | 通信機器 家電製品 | スパッタ成膜
t LED照明の光特性 | optical properties of LED lighting | 評価 制御 | 家電製品 生産設備 | FPGA 回路シミュレーション
t 生体信号 | biosignals | 計測 解析 | 医療機器 | FPGA 無線センサネットワーク 機械学習
t モータの故障 | motor faults | 診断 検出 予測 | 産業用モータ 生産設備 | 機械学習 FPGA 無線センサネットワーク
m 回路シミュレーション | circuit simulation
m FPGA | FPGAs
m 電磁界解析 | electromagnetic field analysis
m 機械学習 | machine learning
m SiC・GaNパワーデバイス | SiC and GaN power devices
m 部分放電計測 | partial discharge measurement
m 無線センサネットワーク | wireless sensor networks
m モデル予測制御 | model predictive control
p 機器の電圧・電流波形を高速にサンプリング | sample voltage and current waveforms of the equipment at high speed | @ パワー半導体デバイスの損失 モータの効率 電力系統の周波数変動 モータの故障 リチウムイオン電池の劣化状態 電磁ノイズ 非接触給電システム
p 回路定数を最適設計した試作基板を製作 | build a prototype board with optimally designed circuit constants | @ パワー半導体デバイスの損失 非接触給電システム 大気圧プラズマ 電磁ノイズ LED照明の光特性 生体信号 小型アンテナ
p 温度・湿度を変えた加速劣化試験を実施 | run accelerated aging tests at different temperatures and humidities | @ 高電圧絶縁材料の劣化 リチウムイオン電池の劣化状態 LED照明の光特性 酸化物半導体薄膜
p 電磁界シミュレーションにより構造を最適化 | optimize the structure by electromagnetic simulation | @ 非接触給電システム 小型アンテナ 電磁ノイズ モータの効率 大気圧プラズマ
p 制御アルゴリズムをマイコンに実装 | implement the control algorithm on a microcontroller | @ モータの効率 電力系統の周波数変動 LED照明の光特性 非接触給電システム 大気圧プラズマ
g 電気自動車 | electric vehicles
g 家電製品 | home appliances
g 産業用モータ | industrial motors
g 配電設備 | power distribution equipment
g 医療機器 | medical devices
g 生産設備 | production equipment
g 通信機器 | communication devices
g 再生可能エネルギー設備 | renewable energy facilities
u 電気自動車の航続距離延長 | longer driving range for electric vehicles | @ 電気自動車
u 工場の省エネルギー化 | energy saving in factories
u 受変電設備の保守点検 | maintenance of power receiving and transforming equipment | @ 配電設備
u 家電製品の小型化 | smaller home appliances | @ 家電製品 通信機器
u ウェアラブル機器 | wearable devices | @ 医療機器 通信機器
u ワイヤレスセンサの電源 | power supplies for wireless sensors | @ 通信機器 医療機器 生産設備
u 再生可能エネルギーの系統連系 | grid integration of renewable energy | @ 再生可能エネルギー設備 配電設備
u 表面処理・殺菌装置 | surface treatment and sterilization equipment | @ 生産設備 医療機器
c 大型で高価な測定器 | large, expensive measuring instruments | ! 現場での常時計測が難しい | continuous measurement on site is difficult
c 停電を伴う定期点検 | periodic inspections that require power outages | ! 設備を止めなければ状態を確認できない | the equipment must be stopped to check its condition | @ 高電圧絶縁材料の劣化 モータの故障 配電設備
c シリコン半導体を用いた従来回路 | conventional circuits based on silicon semiconductors | ! スイッチング損失が大きい | switching losses are large | @ パワー半導体デバイスの損失 非接触給電システム モータの効率 大気圧プラズマ
c 経験則に基づく設計 | design based on rules of thumb | ! 性能が設計者の経験に左右される | performance depends on the designer's experience
k パワーエレクトロニクス | power electronics
k 電力変換 | power conversion
k 電気機器 | electrical machinery
k 高電圧工学 | high-voltage engineering
k 半導体デバイス | semiconductor devices
k 組込みシステム | embedded systems
k 電磁両立性（EMC） | electromagnetic compatibility (EMC)
k センシング | sensing
r 電力工学・電気機器 | Power engineering and electrical machinery
r 電子デバイス・電子機器 | Electronic devices and equipment
r 通信・ネットワーク工学 | Communication and network engineering
r 計測工学・制御工学 | Measurement and control engineering
b 電力損失を{n}%低減 | cut power losses by {n}% | 20-60/5 | act make
b 変換効率を{n}%以上に向上 | raise conversion efficiency above {n}% | 90-98/1 | act make | @ パワー半導体デバイスの損失 非接触給電システム モータの効率
b 装置の体積を約{n}分の1に小型化 | shrink the device to about 1/{n} of its volume | 2-5/1 | act make
e デジタルオシロスコープ | digital oscilloscope | 高速なスイッチング波形を観測できる。 | Captures fast switching waveforms.
e 電波暗室 | anechoic chamber | アンテナ特性や電磁ノイズの評価に使用できる。 | Used to evaluate antenna characteristics and electromagnetic noise.
e インピーダンスアナライザ | impedance analyzer | 部品や材料の周波数特性を測定できる。 | Measures the frequency characteristics of components and materials.
v 電気電子システム研究 | Kyoso Journal of Electrical and Electronic Systems
v 協創パワーエレクトロニクス論文集 | Kyoso Transactions on Power Electronics
v 電子デバイス工学レター | Kyoso Letters on Electron Devices
m スパッタ成膜 | sputter deposition | proc
p 成膜条件を変えた試料を作製して電気特性を評価 | prepare films under different deposition conditions and evaluate their electrical properties | @ 酸化物半導体薄膜
p 計測した信号からノイズを除去して特徴量を抽出 | remove noise from the measured signals and extract features | @ 生体信号 モータの故障 高電圧絶縁材料の劣化
u 設備の状態監視 | condition monitoring of equipment
u 電子機器の高信頼化 | more reliable electronic equipment
c 試作と評価の繰返し | repeated cycles of prototyping and testing | ! 開発期間が長くなる | development takes a long time
o 省エネルギー化 | energy saving
o 機器の信頼性向上 | more reliable equipment
`,
  information: `
t 製品外観の欠陥 | defects in product appearance | 検出 分類 | 製造現場 食品工場 | 深層学習 画像処理 エッジAI
t 手書き文字 | handwritten characters | 認識 | 自治体 物流倉庫 | 深層学習 画像処理 大規模言語モデル
t 技術文書 | technical documents | 分類 要約 | 製造現場 自治体 | 大規模言語モデル 自然言語処理
t IoTセンサデータ | IoT sensor data | 収集 解析 可視化 | 製造現場 農業 物流倉庫 | LPWA通信 エッジAI 深層学習
t 設備の異常 | equipment anomalies | 検出 予測 | 製造現場 食品工場 | 深層学習 エッジAI LPWA通信
t 配送ルート | delivery routes | 最適化 | 物流倉庫 小売店舗 | 遺伝的アルゴリズム 強化学習
t 人の行動 | human activities | 認識 推定 | 介護施設 小売店舗 | 深層学習 エッジAI 画像処理
t 作業者の姿勢 | worker posture | 推定 評価 | 製造現場 物流倉庫 介護施設 | 深層学習 画像処理 エッジAI
t ネットワークへの不正アクセス | unauthorized network access | 検出 | 自治体 教育機関 製造現場 | 深層学習 エッジAI
t 生産スケジュール | production schedules | 最適化 生成 | 製造現場 食品工場 | 遺伝的アルゴリズム 強化学習
t 環境音 | environmental sounds | 識別 認識 | 介護施設 製造現場 | 深層学習 エッジAI 音響信号処理
t 3次元点群 | 3D point clouds | 解析 分類 | 製造現場 物流倉庫 | 深層学習 画像処理
t プログラミング学習者のつまずき | difficulties of programming learners | 検出 推定 | 教育機関 | 大規模言語モデル 自然言語処理 深層学習
t 顧客の購買行動 | customer purchasing behavior | 予測 解析 | 小売店舗 | 深層学習 大規模言語モデル 強化学習
m 深層学習 | deep learning
m 大規模言語モデル | large language models
m エッジAI | edge AI
m 強化学習 | reinforcement learning
m 画像処理 | image processing
m 自然言語処理 | natural language processing
m 遺伝的アルゴリズム | genetic algorithms
m LPWA通信 | LPWA communication
m 音響信号処理 | acoustic signal processing
p 現場で撮影した画像を前処理して学習データを整備 | preprocess images taken on site into a training dataset | @ 製品外観の欠陥 手書き文字 人の行動 作業者の姿勢
p センサデータをクラウドに集約 | aggregate sensor data in the cloud | @ IoTセンサデータ 設備の異常 人の行動 環境音
p 少量の教師データで学習できるモデルを構築 | build a model that learns from a small amount of labeled data | @ 製品外観の欠陥 手書き文字 技術文書 設備の異常 人の行動 作業者の姿勢 ネットワークへの不正アクセス 環境音 3次元点群 プログラミング学習者のつまずき 顧客の購買行動
p 推論処理を小型のシングルボードコンピュータ上で実行 | run inference on a small single-board computer | @ 製品外観の欠陥 設備の異常 人の行動 作業者の姿勢 環境音 IoTセンサデータ
p 判断の根拠を可視化する仕組みを実装 | implement a mechanism that visualizes the reasons behind each decision | @ 製品外観の欠陥 設備の異常 ネットワークへの不正アクセス プログラミング学習者のつまずき 技術文書
g 製造現場 | manufacturing sites
g 物流倉庫 | logistics warehouses
g 小売店舗 | retail stores
g 自治体 | local governments
g 介護施設 | care facilities
g 食品工場 | food factories
g 教育機関 | educational institutions
g 農業 | agriculture
u 製品の外観検査 | visual inspection of products | @ 製造現場 食品工場
u 工場のDX推進 | digital transformation of factories | @ 製造現場 食品工場
u 倉庫内作業の効率化 | more efficient warehouse operations | @ 物流倉庫
u 高齢者の見守りシステム | monitoring systems for the elderly | @ 介護施設
u 行政文書の処理 | processing of administrative documents | @ 自治体
u 需要予測に基づく在庫管理 | inventory management based on demand forecasts | @ 小売店舗 物流倉庫
u 情報セキュリティ対策 | information security measures | @ 自治体 教育機関 製造現場
u スマート農業 | smart agriculture | @ 農業
c 人手による目視確認 | manual visual checks | ! 見逃しや判断のばらつきが避けられない | oversights and inconsistent judgements are unavoidable | @ 製品外観の欠陥 手書き文字 技術文書 作業者の姿勢 設備の異常 人の行動 3次元点群
c ルールベースの判定 | rule-based judgement | ! 想定外のパターンに対応できない | unexpected patterns cannot be handled | @ ネットワークへの不正アクセス 設備の異常 環境音 技術文書 プログラミング学習者のつまずき 製品外観の欠陥
c 大量の学習データを必要とする既存のAI | existing AI that needs large amounts of training data | ! 学習データの準備に多大な手間がかかる | preparing training data takes a great deal of work | @ 製品外観の欠陥 手書き文字 人の行動 作業者の姿勢 環境音 3次元点群 設備の異常 顧客の購買行動
c 高性能なサーバでの集中処理 | centralized processing on high-performance servers | ! 通信の遅延と運用コストが問題になる | communication delays and running costs become a problem | @ IoTセンサデータ 設備の異常 人の行動 環境音 3次元点群
k 人工知能 | artificial intelligence
k 機械学習 | machine learning
k IoT | IoT
k 画像認識 | image recognition
k データ分析 | data analysis
k 組込みシステム | embedded systems
k サイバーセキュリティ | cybersecurity
k ヒューマンインタフェース | human interfaces
r 知能情報学 | Intelligent informatics
r 知覚情報処理 | Perceptual information processing
r 情報ネットワーク | Information networks
r ソフトウェア工学 | Software engineering
b 判定精度{n}%以上を達成 | achieve an accuracy above {n}% | 90-99/1 | sense
b 処理時間を{n}%短縮 | cut processing time by {n}% | 30-80/10
b 確認作業の工数を{n}%削減 | cut the workload of checking by {n}% | 30-70/10 | sense
e GPU計算サーバ | GPU compute server | 深層学習モデルの学習に使用している。 | Used to train deep learning models.
e モーションキャプチャシステム | motion capture system | 人の動作を三次元で計測できる。 | Measures human motion in three dimensions.
e IoT開発評価キット | IoT development kits | 各種センサと通信モジュールを組み合わせた試作ができる。 | Allows quick prototyping with a range of sensors and communication modules.
v 協創情報システム論文誌 | Kyoso Journal of Information Systems
v 知能情報処理研究 | Kyoso Transactions on Intelligent Informatics
v 応用AI技術レター | Kyoso Letters on Applied AI
p 実際の業務データを用いて制約条件を整理 | organize the constraints using real operational data | @ 配送ルート 生産スケジュール
p 大規模な問題でも実用的な時間で解が得られるよう探索手法を工夫 | devise a search strategy that finds solutions in practical time even for large problems | @ 配送ルート 生産スケジュール
p 購買履歴や学習履歴などの時系列データを整理 | organize time-series records such as purchase or learning histories | @ 顧客の購買行動 プログラミング学習者のつまずき
p 計測した点群からノイズを除去して特徴を抽出 | remove noise from measured point clouds and extract features | @ 3次元点群
p 文書データを前処理して専門用語の辞書を整備 | preprocess the documents and build a dictionary of technical terms | @ 技術文書
u 業務の自動化・省人化 | automating and streamlining operations
u データに基づく意思決定 | data-driven decision-making
u 教育支援システム | educational support systems | @ 教育機関
c 担当者の経験に基づく計画 | planning based on staff experience | ! 計画の質が担当者に依存する | plan quality depends on the person in charge | @ 配送ルート 生産スケジュール
c 担当者による手作業の集計 | manual tallying by staff | ! 集計に時間がかかり傾向を把握しにくい | tallying takes time and trends are hard to see | @ 顧客の購買行動 IoTセンサデータ プログラミング学習者のつまずき
c 汎用ソフトウェアによる総当たり探索 | exhaustive search with general-purpose software | ! 問題の規模が大きくなると現実的な時間で解けない | larger problems cannot be solved in practical time | @ 配送ルート 生産スケジュール
o 業務の効率化 | more efficient operations
o 生産性の向上 | higher productivity
`,
  chemistry_bio: `
t 微生物燃料電池 | microbial fuel cells | 開発 設計 | 排水処理施設 畜産農家 | 有用微生物 電気化学測定 ゲノム解析
t 酵素反応 | enzymatic reactions | 制御 解析 | 食品工場 医薬品 | 酵素 分子設計 質量分析
t 機能性高分子 | functional polymers | 合成 設計 | 樹脂製品 化粧品 | 分子設計 超臨界流体
t 発酵プロセス | fermentation processes | 制御 最適化 監視 | 食品工場 化学プラント | 有用微生物 ゲノム解析 質量分析
t 未利用バイオマス由来の有用物質 | valuable compounds from unused biomass | 回収 製造 | 化学プラント 化粧品 | 超臨界流体 酵素 有用微生物
t 重金属イオン | heavy metal ions | 除去 検出 回収 | 排水処理施設 化学プラント | 電気化学測定 有用微生物
t 高活性触媒 | highly active catalysts | 開発 設計 合成 | 化学プラント | 分子設計 電気化学測定 超臨界流体
t 金属ナノ粒子 | metal nanoparticles | 合成 作製 | 化粧品 医薬品 | 超臨界流体 分子設計
t 微細藻類 | microalgae | 培養 | 化学プラント 化粧品 食品工場 | 光バイオリアクター ゲノム解析
t 有機性廃棄物 | organic waste | 分解 再資源化 | 畜産農家 食品工場 | 有用微生物 酵素 超臨界流体
t 天然色素 | natural pigments | 抽出 | 食品工場 化粧品 | 超臨界流体 酵素
t 生分解性プラスチック | biodegradable plastics | 開発 評価 合成 | 樹脂製品 | 分子設計 有用微生物 酵素
t 細胞の応答 | cellular responses | 評価 解析 | 医薬品 化粧品 | 質量分析 ゲノム解析
t 抗菌性物質 | antibacterial compounds | 開発 評価 | 医薬品 樹脂製品 | 分子設計 ゲノム解析 光触媒
m 酵素 | enzymes | proc
m 電気化学測定 | electrochemical measurement
m ゲノム解析 | genome analysis
m 有用微生物 | beneficial microorganisms | proc
m 分子設計 | molecular design | proc
m 超臨界流体 | supercritical fluids | proc
m 光触媒 | photocatalysts | proc
m 質量分析 | mass spectrometry
m 光バイオリアクター | photobioreactors | proc
p 反応条件（温度・pH・濃度）を系統的に検討 | systematically examine reaction conditions (temperature, pH and concentration) | @ 酵素反応 機能性高分子 高活性触媒 金属ナノ粒子 未利用バイオマス由来の有用物質 重金属イオン 生分解性プラスチック 天然色素 発酵プロセス 抗菌性物質
p 独自に分離した微生物を用いて培養試験を実施 | run cultivation tests with microorganisms we isolated ourselves | @ 微生物燃料電池 発酵プロセス 有機性廃棄物 微細藻類 生分解性プラスチック 重金属イオン 抗菌性物質
p 生成物の構造と組成を機器分析により評価 | characterize the structure and composition of the products by instrumental analysis | @ 機能性高分子 高活性触媒 金属ナノ粒子 未利用バイオマス由来の有用物質 天然色素 生分解性プラスチック 抗菌性物質 発酵プロセス
p 実験室規模から小型プラント規模まで検討 | study the process from laboratory scale up to small-plant scale | @ 微生物燃料電池 発酵プロセス 未利用バイオマス由来の有用物質 有機性廃棄物 微細藻類 重金属イオン
p 原料の前処理方法を工夫 | devise a new pretreatment method for the raw materials | @ 未利用バイオマス由来の有用物質 有機性廃棄物 天然色素 発酵プロセス
g 食品工場 | food factories
g 化粧品 | cosmetics
g 医薬品 | pharmaceuticals
g 化学プラント | chemical plants
g 排水処理施設 | wastewater treatment plants
g 畜産農家 | livestock farms
g 樹脂製品 | plastic products
u 食品の品質保持 | preserving food quality | @ 食品工場
u 化粧品原料 | cosmetic ingredients | @ 化粧品
u 医薬品の製造工程 | pharmaceutical manufacturing processes | @ 医薬品
u 工場排水の処理 | treatment of factory wastewater | @ 排水処理施設 化学プラント
u バイオマスの有効利用 | effective use of biomass | @ 畜産農家 化学プラント 排水処理施設
u 環境分析 | environmental analysis
u 機能性食品の開発 | development of functional foods | @ 食品工場
u プラスチック代替素材 | alternatives to conventional plastics | @ 樹脂製品
c 高温・高圧を要する化学合成 | chemical synthesis at high temperature and pressure | ! エネルギー消費が大きい | energy consumption is high | @ 機能性高分子 高活性触媒 金属ナノ粒子 生分解性プラスチック 未利用バイオマス由来の有用物質
c 有機溶媒を多量に用いる抽出 | extraction with large amounts of organic solvents | ! 環境への負荷が大きい | the environmental impact is large | @ 天然色素 未利用バイオマス由来の有用物質
c 大型の分析装置による測定 | measurement with large analytical instruments | ! 現場で迅速に測定できない | rapid measurement on site is not possible | @ 重金属イオン 細胞の応答 酵素反応 発酵プロセス 抗菌性物質
c 焼却・埋立による処分 | disposal by incineration or landfill | ! 資源として活用されていない | the material is not used as a resource | @ 有機性廃棄物 微生物燃料電池
k 生物工学 | biotechnology
k 応用微生物 | applied microbiology
k 高分子化学 | polymer chemistry
k 触媒化学 | catalysis
k 分析化学 | analytical chemistry
k グリーンケミストリー | green chemistry
k 環境浄化 | environmental remediation
k 発酵工学 | fermentation engineering
r 生物機能・バイオプロセス | Bio-functions and bioprocesses
r 高分子化学 | Polymer chemistry
r 触媒プロセス・資源化学 | Catalytic processes and resource chemistry
r 分析化学 | Analytical chemistry
b 収率を{n}%向上 | raise the yield by {n}% | 15-50/5 | act make
b 有機溶媒の使用量を{n}%削減 | cut the use of organic solvents by {n}% | 50-90/10 | make
b 反応時間を約{n}分の1に短縮 | cut reaction time to about 1/{n} | 2-5/1 | act make
e 高速液体クロマトグラフ（HPLC） | high-performance liquid chromatograph (HPLC) | 反応生成物の定量分析に使用できる。 | Used for quantitative analysis of reaction products.
e ガスクロマトグラフ質量分析計（GC-MS） | gas chromatograph-mass spectrometer (GC-MS) | 揮発性成分の同定と定量ができる。 | Identifies and quantifies volatile compounds.
e クリーンベンチ・培養装置 | clean bench and incubators | 微生物や細胞の無菌培養ができる。 | Allows aseptic cultivation of microorganisms and cells.
v 応用生物化学研究 | Kyoso Journal of Applied Biochemistry
v 協創化学工学論文集 | Kyoso Transactions on Chemical Engineering
v 環境バイオテクノロジー研究 | Kyoso Journal of Environmental Biotechnology
p 培養細胞に試料を添加して応答を網羅的に解析 | add samples to cultured cells and analyze their responses comprehensively | @ 細胞の応答 抗菌性物質
p 電極材料と運転条件を変えて発電性能を比較 | compare power output under different electrode materials and operating conditions | @ 微生物燃料電池
p 酵素の立体構造に基づいて反応性を予測 | predict reactivity from the three-dimensional structure of the enzyme | @ 酵素反応
p 光照射や栄養条件を変えて増殖速度を比較 | compare growth rates under different light and nutrient conditions | @ 微細藻類
u 化学プロセスの省エネルギー化 | energy-saving chemical processes
u 新素材の研究開発 | research and development of new materials
c 化学薬品を用いた処理 | treatment with chemicals | ! 薬品コストと二次廃棄物が問題になる | chemical costs and secondary waste become problems | @ 重金属イオン 微生物燃料電池 有機性廃棄物
c 経験に基づく培養管理 | cultivation management based on experience | ! 生産量や品質が安定しない | output and quality are unstable | @ 発酵プロセス 微細藻類
c 時間のかかる培養試験による評価 | evaluation by time-consuming culture tests | ! 結果が出るまでに数週間を要する | results take weeks to obtain | @ 細胞の応答 抗菌性物質
o 資源の有効利用 | effective use of resources
o 環境負荷の低減 | a lower environmental impact
`,
  materials: `
t 高強度アルミニウム合金 | high-strength aluminum alloys | 開発 評価 | 自動車部品 航空機部品 | 熱処理 マテリアルズインフォマティクス 電子顕微鏡観察
t 金属材料の疲労寿命 | the fatigue life of metallic materials | 予測 評価 | 自動車部品 建設機械 橋梁・鋼構造物 | 電子顕微鏡観察 X線回折 マテリアルズインフォマティクス
t 炭素繊維強化プラスチック | carbon fiber reinforced plastics | 評価 接合 | 航空機部品 自動車部品 | 電子顕微鏡観察 摩擦攪拌接合
t セラミックス薄膜 | ceramic thin films | 作製 評価 | 電子部品 切削工具 | 溶射 X線回折 第一原理計算
t 耐摩耗コーティング | wear-resistant coatings | 開発 評価 | 切削工具 建設機械 | 溶射 熱処理 X線回折
t 鋼材の腐食 | corrosion of steel | 抑制 予測 評価 | 橋梁・鋼構造物 建設機械 | 電子顕微鏡観察 X線回折 溶射
t 軟磁性材料 | soft magnetic materials | 開発 評価 | 電子部品 自動車部品 | 粉末冶金 熱処理 第一原理計算
t 熱電変換材料 | thermoelectric materials | 開発 評価 | 電子部品 | 第一原理計算 粉末冶金 マテリアルズインフォマティクス
t 異種材料 | dissimilar materials | 接合 | 自動車部品 電子部品 | 摩擦攪拌接合 電子顕微鏡観察
t 多孔質セラミックス | porous ceramics | 作製 設計 | 医療用インプラント 電子部品 | 粉末冶金 X線回折
t 金属の結晶組織 | metal microstructures | 制御 解析 | 自動車部品 航空機部品 | 熱処理 電子顕微鏡観察 X線回折
t 再生樹脂 | recycled plastics | 改質 評価 | 自動車部品 電子部品 | 熱処理 電子顕微鏡観察 マテリアルズインフォマティクス
t チタン合金 | titanium alloys | 開発 評価 | 医療用インプラント 航空機部品 | 粉末冶金 熱処理 第一原理計算
m 熱処理 | heat treatment | proc
m 電子顕微鏡観察 | electron microscopy
m 第一原理計算 | first-principles calculations
m 粉末冶金 | powder metallurgy | proc
m 溶射 | thermal spraying | proc
m 摩擦攪拌接合 | friction stir welding | proc
m マテリアルズインフォマティクス | materials informatics
m X線回折 | X-ray diffraction
p 組成と熱処理条件を変えた試料を作製 | prepare samples with different compositions and heat treatments | @ 高強度アルミニウム合金 軟磁性材料 熱電変換材料 金属の結晶組織 チタン合金 金属材料の疲労寿命 多孔質セラミックス セラミックス薄膜
p 微細組織を電子顕微鏡で観察 | observe the microstructure under an electron microscope
p 引張試験・疲労試験により機械的特性を評価 | evaluate mechanical properties by tensile and fatigue tests | @ 高強度アルミニウム合金 金属材料の疲労寿命 炭素繊維強化プラスチック 異種材料 再生樹脂 チタン合金 金属の結晶組織 多孔質セラミックス
p 計算科学的手法により有望な組成を探索 | screen promising compositions computationally | @ 高強度アルミニウム合金 軟磁性材料 熱電変換材料 チタン合金 耐摩耗コーティング
p 表面処理の条件を最適化 | optimize the surface treatment conditions | @ 耐摩耗コーティング 鋼材の腐食 セラミックス薄膜 チタン合金 異種材料
g 自動車部品 | automotive parts
g 航空機部品 | aircraft components
g 電子部品 | electronic components
g 建設機械 | construction machinery
g 切削工具 | cutting tools
g 医療用インプラント | medical implants
g 橋梁・鋼構造物 | bridges and steel structures
u 自動車の軽量化 | lighter vehicles | @ 自動車部品
u 航空機構造部材 | aircraft structural members | @ 航空機部品
u 電子部品の放熱 | heat dissipation in electronic components | @ 電子部品
u 工具の長寿命化 | longer tool life | @ 切削工具 建設機械
u インフラ構造物の防食 | corrosion protection of infrastructure | @ 橋梁・鋼構造物
u 医療用デバイス | medical devices | @ 医療用インプラント
u リサイクル材の高付加価値化 | adding value to recycled materials
u 希少資源の使用量削減 | using less scarce resources
c レアメタルを多く含む材料 | materials rich in rare metals | ! 原料の供給が不安定でコストも高い | raw material supply is unstable and costly | @ 軟磁性材料 熱電変換材料 チタン合金 高強度アルミニウム合金 耐摩耗コーティング
c 経験に頼った材料開発 | experience-driven materials development | ! 開発に長い期間を要する | development takes a long time
c 塗装による防食 | corrosion protection by painting | ! 定期的な塗り替えが必要になる | periodic repainting is required | @ 鋼材の腐食
c 接着剤・ボルトによる接合 | joining with adhesives and bolts | ! 重量が増え、接合部の信頼性にも課題が残る | weight increases and joint reliability remains an issue | @ 異種材料 炭素繊維強化プラスチック
k 材料工学 | materials engineering
k 金属材料 | metallic materials
k 複合材料 | composite materials
k 表面改質 | surface modification
k 薄膜 | thin films
k 腐食・防食 | corrosion and corrosion protection
k 接合 | joining
k 材料強度 | strength of materials
r 金属材料物性 | Physical properties of metals
r 構造・機能材料 | Structural and functional materials
r 無機材料・セラミックス | Inorganic materials and ceramics
r 複合材料・界面 | Composite materials and interfaces
b 強度を{n}%向上 | increase strength by {n}% | 10-40/5 | act make | @ 高強度アルミニウム合金 金属材料の疲労寿命 炭素繊維強化プラスチック 異種材料 多孔質セラミックス 金属の結晶組織 再生樹脂 チタン合金 耐摩耗コーティング
b 部材重量を{n}%軽量化 | cut component weight by {n}% | 10-40/5 | make | @ 高強度アルミニウム合金 炭素繊維強化プラスチック 異種材料 チタン合金 多孔質セラミックス 再生樹脂
b 腐食速度を約{n}分の1に低減 | reduce the corrosion rate to about 1/{n} | 2-10/1 | act make | @ 鋼材の腐食 耐摩耗コーティング セラミックス薄膜 チタン合金
e 走査型電子顕微鏡（SEM） | scanning electron microscope (SEM) | 材料の微細組織や破面を観察できる。 | Observes microstructures and fracture surfaces.
e X線回折装置（XRD） | X-ray diffractometer (XRD) | 結晶構造と残留応力を評価できる。 | Evaluates crystal structures and residual stress.
e 万能材料試験機 | universal testing machine | 引張・圧縮・曲げ試験を最大100kNまで実施できる。 | Runs tensile, compression and bending tests up to 100 kN.
v 材料プロセス工学研究 | Kyoso Journal of Materials Processing
v 協創材料科学論文集 | Kyoso Transactions on Materials Science
v 表面技術フロンティア | Kyoso Frontiers in Surface Engineering
p 塩水噴霧試験と暴露試験を組み合わせて耐食性を評価 | evaluate corrosion resistance by combining salt spray and exposure tests | @ 鋼材の腐食
p 接合界面の構造と強度の関係を調査 | investigate how the structure of the joint interface relates to its strength | @ 異種材料 炭素繊維強化プラスチック
p 磁気特性や熱電特性を専用装置で測定 | measure magnetic and thermoelectric properties with dedicated instruments | @ 軟磁性材料 熱電変換材料
u 部品の信頼性向上 | more reliable components
c 長時間の実機試験による評価 | evaluation by long-running full-scale tests | ! 評価に多大な時間とコストがかかる | evaluation takes a great deal of time and money | @ 金属材料の疲労寿命 鋼材の腐食 再生樹脂
o 製品の軽量化 | lighter products
o 資源の有効利用 | effective use of resources
`,
  civil_env: `
t コンクリート構造物の劣化 | deterioration of concrete structures | 診断 評価 予測 | 橋梁 トンネル | 打音検査 画像解析 光ファイバセンサ
t 軟弱地盤 | soft ground | 改良 | 建設現場 道路 河川・堤防 | 微生物 セメント系固化材 数値シミュレーション
t 河川の水質 | river water quality | 監視 予測 | 河川・堤防 上下水道施設 | ドローン空撮 GIS（地理情報システム）
t 工場排水 | industrial wastewater | 浄化 | 上下水道施設 | 微生物 膜分離
t 木造建築の耐震性能 | the seismic performance of timber buildings | 評価 向上 | 住宅 公共建築物 | 数値シミュレーション BIM
t 橋梁の損傷 | bridge damage | 検出 診断 | 橋梁 | ドローン空撮 画像解析 光ファイバセンサ 打音検査
t 豪雨時の斜面崩壊 | slope failures during heavy rain | 予測 監視 | 道路 河川・堤防 | 光ファイバセンサ GIS（地理情報システム） 数値シミュレーション
t 室内温熱環境 | indoor thermal environments | 評価 制御 | 住宅 公共建築物 | 数値シミュレーション BIM
t 都市の浸水リスク | urban flood risk | 評価 予測 可視化 | 河川・堤防 上下水道施設 | GIS（地理情報システム） 数値シミュレーション
t 建設廃棄物 | construction waste | 再資源化 | 建設現場 | 破砕・分級処理 画像解析 BIM
t 交通流 | traffic flow | 解析 予測 | 道路 | 画像解析 数値シミュレーション ドローン空撮
t 道路舗装のひび割れ | road pavement cracks | 検出 評価 | 道路 | 画像解析 ドローン空撮
t 住宅の省エネルギー性能 | the energy performance of houses | 評価 向上 | 住宅 | BIM 数値シミュレーション
t 地下水汚染 | groundwater contamination | 浄化 監視 | 上下水道施設 建設現場 | 微生物 膜分離 GIS（地理情報システム）
m ドローン空撮 | drone photography
m 画像解析 | image analysis
m 数値シミュレーション | numerical simulation
m 微生物 | microorganisms | proc
m 打音検査 | hammering tests
m GIS（地理情報システム） | GIS (geographic information systems)
m 光ファイバセンサ | optical fiber sensors
m BIM | BIM (building information modeling)
m 破砕・分級処理 | crushing and classification | proc
m 膜分離 | membrane separation | proc
m セメント系固化材 | cement-based stabilizers | proc
p 現地で計測したデータを長期間蓄積 | accumulate long-term field measurement data | @ コンクリート構造物の劣化 河川の水質 橋梁の損傷 豪雨時の斜面崩壊 室内温熱環境 交通流 住宅の省エネルギー性能 地下水汚染 軟弱地盤 都市の浸水リスク
p 実大規模の試験体を用いて載荷試験を実施 | run loading tests on full-scale specimens | @ 木造建築の耐震性能 コンクリート構造物の劣化 橋梁の損傷
p ドローンで取得した画像から三次元モデルを作成 | create 3D models from drone images | @ 橋梁の損傷 コンクリート構造物の劣化 豪雨時の斜面崩壊 道路舗装のひび割れ 都市の浸水リスク
p 室内試験と数値解析の結果を比較・検証 | compare laboratory tests with numerical analysis to verify the results | @ 軟弱地盤 木造建築の耐震性能 室内温熱環境 豪雨時の斜面崩壊 地下水汚染 工場排水 建設廃棄物 住宅の省エネルギー性能
p 地域の気象・地形情報を統合 | integrate local weather and terrain data | @ 豪雨時の斜面崩壊 都市の浸水リスク 河川の水質 交通流
g 橋梁 | bridges
g トンネル | tunnels
g 上下水道施設 | water and sewage facilities
g 住宅 | houses
g 道路 | roads
g 河川・堤防 | rivers and levees
g 公共建築物 | public buildings
g 建設現場 | construction sites
u インフラの維持管理 | infrastructure maintenance | @ 橋梁 トンネル 道路 上下水道施設 河川・堤防
u 防災・減災計画の策定 | disaster prevention and mitigation planning | @ 河川・堤防 道路 住宅 公共建築物
u 自治体の施設管理 | facility management for local governments
u 建設現場の省力化 | labor saving at construction sites | @ 建設現場 道路 橋梁 トンネル
u 住宅の長寿命化 | longer-lasting houses | @ 住宅
u 環境アセスメント | environmental assessment | @ 上下水道施設 河川・堤防 建設現場
u 上下水道の運用管理 | operation of water and sewage systems | @ 上下水道施設
u まちづくり計画 | urban planning
c 目視による近接点検 | close-up visual inspection | ! 足場の設置などに多大なコストがかかる | scaffolding and similar preparations are very costly | @ コンクリート構造物の劣化 橋梁の損傷 道路舗装のひび割れ
c 大規模な掘削を伴う調査 | surveys involving large-scale excavation | ! 調査に時間と費用がかかる | surveys are slow and expensive | @ 軟弱地盤 地下水汚染 豪雨時の斜面崩壊
c 薬品を多量に用いる処理 | treatment using large amounts of chemicals | ! 運転コストと環境負荷が大きい | running costs and environmental impact are high | @ 工場排水 地下水汚染 軟弱地盤
c 経験的な設計式 | empirical design formulas | ! 個々の建物の条件を十分に反映できない | the conditions of each building cannot be fully reflected | @ 木造建築の耐震性能 室内温熱環境 住宅の省エネルギー性能
k 維持管理 | maintenance
k 防災 | disaster prevention
k 地盤工学 | geotechnical engineering
k 水環境 | water environment
k 建築構造 | building structures
k 建築環境 | building environment
k コンクリート工学 | concrete engineering
k 都市計画 | urban planning
r 土木材料・施工・建設マネジメント | Civil engineering materials, construction and management
r 地盤工学 | Geotechnical engineering
r 水工学・環境システム | Hydraulic engineering and environmental systems
r 建築構造・建築環境 | Building structures and building environment
b 点検時間を{n}%短縮 | cut inspection time by {n}% | 30-70/10 | sense | @ コンクリート構造物の劣化 橋梁の損傷 道路舗装のひび割れ 河川の水質 豪雨時の斜面崩壊
b 処理コストを{n}%削減 | cut treatment costs by {n}% | 20-50/10 | act make | @ 工場排水 地下水汚染 建設廃棄物 軟弱地盤
b 冷暖房負荷を{n}%低減 | reduce heating and cooling loads by {n}% | 15-40/5 | act make | @ 室内温熱環境 住宅の省エネルギー性能
e 構造物載荷試験装置 | structural loading test rig | 実大規模の部材に繰返し荷重を与えることができる。 | Applies cyclic loads to full-scale members.
e 水質分析装置 | water quality analyzer | COD・窒素・リン等の項目を測定できる。 | Measures COD, nitrogen, phosphorus and other items.
e 恒温恒湿槽 | temperature and humidity chamber | 建築材料の耐久性試験を任意の温湿度条件で実施できる。 | Runs durability tests of building materials at any set temperature and humidity.
v 社会基盤工学研究 | Kyoso Journal of Infrastructure Engineering
v 協創建築・都市論文集 | Kyoso Transactions on Architecture and Urban Design
v 水環境技術研究 | Kyoso Journal of Water Environment Technology
p 処理槽内の微生物群集と水質の変化を追跡 | track changes in the microbial community and water quality in the treatment tank | @ 工場排水 地下水汚染
p 廃材の性状を分析して再利用の用途を検討 | analyze the properties of waste materials and study possible reuses | @ 建設廃棄物
p 撮影画像からひび割れを自動で抽出 | extract cracks from photographs automatically | @ 道路舗装のひび割れ コンクリート構造物の劣化 橋梁の損傷
u 建築物の省エネルギー改修 | energy-saving renovation of buildings | @ 住宅 公共建築物
c 定点での人手による観測 | manual observation at fixed points | ! 観測の頻度と範囲が限られる | the frequency and coverage of observation are limited | @ 河川の水質 交通流 豪雨時の斜面崩壊 都市の浸水リスク
c 埋立による処分 | disposal in landfills | ! 処分場の容量が逼迫している | landfill capacity is running short | @ 建設廃棄物
c 過去の被害記録に基づく想定 | assumptions based on records of past damage | ! 近年の極端な気象に対応しきれない | recent extreme weather is not fully covered | @ 都市の浸水リスク 豪雨時の斜面崩壊
o 防災・減災 | disaster prevention and mitigation
o 維持管理の効率化 | more efficient maintenance
`,
};
