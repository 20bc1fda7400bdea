/**
 * Demo needs and their cases: about thirty fictitious technical needs from the demo companies (some
 * referred by the demo 信用金庫 and bank), spread over 信越, 東海 and 東京 and over every stage, with
 * a timeline, tasks and consultations, so that the board, the list and the referral partner's page show
 * something real at first start. Written straight into the tables (no mails are queued).
 */
import { eq } from "drizzle-orm";
import { jstParts } from "../../../shared/dates";
import type { Db } from "../../db/client";
import { caseEvents, caseMeetings, cases, caseTasks, needs } from "../../db/schema";
import { DEFAULT_STAGES } from "../cases/codes";
import { nextReferenceNumber } from "../needs/repository";

const DAY = 86_400_000;

/** Where a closed demo case stood when it was closed. */
const CLOSED_AFTER: Record<string, string> = {
  refused: "screening",
  withdrawn: "matching",
  declined: "consultation",
};

/** The demo need whose case reached 契約; the demo contracts sign its contract. */
export const DEMO_CONTRACTED_NEED_TITLE = "溶接ロボットの教示時間短縮";

/** [title, problem, company key, referral key or null, area, stage, close reason] */
const NEEDS: [string, string, string, string | null, string, string, string | null][] = [
  [
    "プレス部品のバリを減らしたい",
    "順送プレスで打ち抜いた部品にバリが出る。金型の摩耗が原因と思われ、寿命を延ばす方法を知りたい。",
    "c1",
    "s1",
    "shinetsu",
    "received",
    null,
  ],
  [
    "樹脂成形品のひけ対策",
    "射出成形の厚肉部にひけが出る。金型温度と保圧の最適条件を相談したい。",
    "c6",
    null,
    "shinetsu",
    "received",
    null,
  ],
  [
    "検査工程の画像判定を自動化したい",
    "金属部品の表面傷を目視で検査しており時間がかかる。画像処理やAIで自動判定できないか。",
    "c1",
    "b1",
    "shinetsu",
    "screening",
    null,
  ],
  [
    "振動センサーの省電力化",
    "工場設備の振動監視センサーの電池が半年しかもたない。無線通信と計測の省電力化を相談したい。",
    "c2",
    null,
    "shinetsu",
    "screening",
    null,
  ],
  [
    "雪国向け融雪装置の効率改善",
    "地下水を使う融雪装置のポンプ消費電力を下げたい。熱交換の効率を見直したい。",
    "c6",
    "m1",
    "shinetsu",
    "matching",
    null,
  ],
  [
    "アルミ鋳物の巣を減らしたい",
    "ダイカスト品の内部に巣が出て歩留まりが悪い。湯流れのシミュレーションを相談したい。",
    "c3",
    "s2",
    "tokai",
    "matching",
    null,
  ],
  [
    "農作物の糖度を非破壊で測りたい",
    "出荷前に果実の糖度を一つずつ非破壊で測定したい。近赤外分光の可能性を知りたい。",
    "c4",
    "s2",
    "tokai",
    "consultation",
    null,
  ],
  [
    "自動車部品の軽量化（CFRP）",
    "ブラケット部品を CFRP に置き換えて軽量化したい。成形方法と強度評価を相談したい。",
    "c3",
    "b2",
    "tokai",
    "consultation",
    null,
  ],
  [
    "ドローンによる圃場の生育観測",
    "ドローン画像から圃場ごとの生育のばらつきを把握し、施肥を最適化したい。",
    "c4",
    null,
    "tokai",
    "proposal",
    null,
  ],
  [
    "切削工具の摩耗予測",
    "切削加工の工具交換を経験で決めている。主軸電流などから摩耗を予測できないか。",
    "c1",
    "s1",
    "shinetsu",
    "proposal",
    null,
  ],
  [
    "食品工場の異物混入検知",
    "包装前の食品に混入した微小な異物を検知したい。X線以外の方法も検討したい。",
    "c6",
    "k1",
    "shinetsu",
    "negotiation",
    null,
  ],
  [
    "バッテリー劣化の診断",
    "電動フォークリフトの電池の劣化度合いを簡易に診断したい。",
    "c2",
    null,
    "shinetsu",
    "negotiation",
    null,
  ],
  [
    DEMO_CONTRACTED_NEED_TITLE,
    "多品種少量の溶接でロボットの教示に時間がかかる。オフライン教示やセンサー補正を相談したい。",
    "c3",
    "s2",
    "tokai",
    "contracted",
    null,
  ],
  [
    "需要予測で在庫を減らしたい",
    "部品在庫が過剰になりがち。販売データから需要を予測して発注を最適化したい。",
    "c5",
    null,
    "tokyo",
    "contracted",
    null,
  ],
  [
    "排水中の重金属の簡易測定",
    "めっき工程の排水中の重金属濃度を現場で簡易に測定したい。",
    "c1",
    "b1",
    "shinetsu",
    "contracted",
    null,
  ],
  [
    "学校名を広告に使いたい",
    "高専と共同開発したと広告に載せたい。開発の実態はない。",
    "c5",
    null,
    "tokyo",
    "refused",
    "name_use_only",
  ],
  [
    "材料の引張試験だけ依頼したい",
    "新しい鋼材の引張強さを測ってほしい。試験結果だけが欲しい。",
    "c3",
    null,
    "tokai",
    "refused",
    "simple_test",
  ],
  [
    "社内の都合で見送り（照明制御）",
    "工場照明の自動制御を検討したが、投資計画の見直しで一旦見送る。",
    "c2",
    "s1",
    "shinetsu",
    "declined",
    "company_postponed",
  ],
  [
    "木質バイオマスの乾燥",
    "木材チップの乾燥コストを下げたい。",
    "c4",
    null,
    "tokai",
    "withdrawn",
    "went_elsewhere",
  ],
  [
    "IoT で設備稼働を見える化",
    "古い工作機械の稼働状況を後付けセンサーで見える化したい。",
    "c2",
    "b1",
    "shinetsu",
    "screening",
    null,
  ],
  [
    "塗装ムラの自動検査",
    "自動車部品の塗装ムラを画像で検査したい。照明条件の設計から相談したい。",
    "c3",
    "b2",
    "tokai",
    "received",
    null,
  ],
  [
    "規格外野菜の加工品開発",
    "規格外の野菜を使った加工品を開発したい。保存性の評価を相談したい。",
    "c4",
    "m2",
    "tokai",
    "matching",
    null,
  ],
  [
    "社内データ分析人材の育成",
    "製造データを分析できる社員を育てたい。共同研究の形で実データを使いたい。",
    "c5",
    null,
    "tokyo",
    "consultation",
    null,
  ],
  [
    "ゴム部品の劣化予測",
    "屋外で使うゴム部品の寿命を予測したい。促進劣化試験の設計を相談したい。",
    "c6",
    "s1",
    "shinetsu",
    "consultation",
    null,
  ],
];

/** Loads the demo needs and cases; `ids` maps demo organisation keys and roles to their ids. */
export async function loadDemoCases(
  db: Db,
  ids: {
    orgs: Map<string, string>;
    orgNames: Map<string, string>;
    coordinatorId: string;
    partnerId: string;
    companyId: string;
  },
  now: Date = new Date(),
): Promise<number> {
  const kindOf = new Map(DEFAULT_STAGES.map((s) => [s.code, s.kind]));
  const order = DEFAULT_STAGES.map((s) => s.code);
  await db.transaction(async (tx) => {
    for (const [i, [title, problem, company, referral, area, stage, reason]] of NEEDS.entries()) {
      const received = new Date(now.getTime() - (5 + ((i * 37) % 160)) * DAY);
      const referralId = referral ? (ids.orgs.get(referral) ?? null) : null;
      const [need] = await tx
        .insert(needs)
        .values({
          referenceNumber: await nextReferenceNumber(tx, jstParts(received).year),
          title,
          problem,
          areaCode: area,
          preferredAreaCode: area,
          contactName: "デモ 担当",
          contactEmail: `contact${i + 1}@demo.kyoso.example`,
          organizationName: ids.orgNames.get(company) ?? company,
          companyOrganizationId: ids.orgs.get(company) ?? null,
          referralOrganizationId: referralId,
          referralBranch: referralId ? "本店営業部" : null,
          submittedBy:
            referral === "s1" ? ids.partnerId : company === "c1" && !referral ? ids.companyId : null,
          source: "signed_in",
          confidentiality: "coordinators",
          status: kindOf.get(stage) === "open" ? (stage === "received" ? "received" : "screening") : "closed",
          isDemo: true,
          createdAt: received,
          updatedAt: received,
        })
        .returning({ id: needs.id });
      // The way each case came: open cases and contracts through every open stage; closes ended earlier.
      const lastOpen = CLOSED_AFTER[stage] ?? (kindOf.get(stage) === "open" ? stage : "negotiation");
      const steps = order.slice(0, order.indexOf(lastOpen) + 1);
      if (kindOf.get(stage) !== "open") steps.push(stage);
      const handled = area !== "tokyo" && stage !== "received" ? ids.coordinatorId : null;
      const span = now.getTime() - received.getTime();
      const at = (k: number) => new Date(received.getTime() + (span * k) / (steps.length + 1));
      const entered = at(steps.length - 1);
      const [c] = await tx
        .insert(cases)
        .values({
          needId: need!.id,
          stageCode: stage,
          stageKind: kindOf.get(stage)!,
          stageEnteredAt: entered,
          coordinatorId: handled,
          closeReasonCode: reason,
          closedAt: kindOf.get(stage) === "open" ? null : entered,
          lastActivityAt: i % 5 === 0 ? new Date(now.getTime() - 20 * DAY) : entered,
          nextDueOn: null,
          createdAt: received,
        })
        .returning({ id: cases.id });
      const caseId = c!.id;
      await tx.insert(caseEvents).values({ caseId, kind: "created", occurredAt: received });
      for (let k = 1; k < steps.length; k++) {
        await tx.insert(caseEvents).values({
          caseId,
          kind: "stage",
          actorId: handled,
          occurredAt: at(k),
          data: { from: steps[k - 1], to: steps[k], closeReasonCode: k === steps.length - 1 ? reason : null },
        });
      }
      if (handled) {
        await tx.insert(caseEvents).values({
          caseId,
          kind: "note",
          actorId: handled,
          occurredAt: at(0.5),
          body: "企業に電話で概要を確認。来月中に現場を見せていただけることになった。",
        });
      }
      if (steps.includes("consultation")) {
        const held = stage !== "consultation";
        const start = held
          ? at(steps.indexOf("consultation") + 0.5)
          : new Date(now.getTime() + (3 + (i % 10)) * DAY);
        start.setUTCHours(1, 0, 0, 0); // 10:00 in Japan
        await tx.insert(caseMeetings).values({
          caseId,
          title: "技術相談（初回）",
          mode: i % 3 === 0 ? "gi_net" : i % 3 === 1 ? "online" : "in_person",
          location: i % 3 === 1 ? "https://meet.example.jp/demo" : "会議室A",
          startsAt: start,
          endsAt: new Date(start.getTime() + 3600_000),
          status: held ? "held" : "scheduled",
          outcome: held ? "課題と評価方法を確認。研究者から提案書を出すことになった。" : null,
          createdBy: handled,
        });
      }
      if (handled && kindOf.get(stage) === "open") {
        const due = new Date(now.getTime() + (((i * 3) % 14) - 3) * DAY).toISOString().slice(0, 10);
        await tx.insert(caseTasks).values({
          caseId,
          title: stage === "negotiation" ? "契約書案を企業に送る" : "研究者に日程を確認する",
          dueOn: due,
          ownerId: handled,
          createdBy: handled,
        });
        await tx.update(cases).set({ nextDueOn: due }).where(eq(cases.id, caseId));
      }
    }
  });
  return NEEDS.length;
}
