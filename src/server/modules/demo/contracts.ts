/**
 * Demo contracts, written through the contract services (so they obey the same rules): the rate tables of
 * 豊橋技科大 (10% of direct cost before 2021-10-01, 30% from then, as the programme's brief states) and of
 * 長岡技大 (demo values), invoice settings with a fictitious bank account, and eight contracts across the
 * types and the life cycle (one with an overdue invoice, one with a negotiated rate, one cancelled, one
 * signed for the demo case that reached 契約). Everything is marked demo and removed with the demo.
 */
import { and, eq, inArray } from "drizzle-orm";
import { addDays, fiscalYearOf, fiscalYearRange, todayJst } from "../../../shared/dates";
import type { Actor } from "../../auth/policy";
import { actorFor } from "../../auth/sessions";
import type { Db } from "../../db/client";
import {
  cases,
  contracts,
  indirectRates,
  institutionBilling,
  needs,
  researchers,
  users,
} from "../../db/schema";
import { DIRECT_KINDS } from "../contracts/codes";
import { addDocument } from "../contracts/documents";
import { issueInvoice, recordPayment } from "../contracts/invoices";
import type { ContractInput } from "../contracts/service";
import { createContract, getContract, transitionContract } from "../contracts/service";
import { DEMO_CONTRACTED_NEED_TITLE } from "./cases";

const lines = (o: Partial<Record<(typeof DIRECT_KINDS)[number], number>>) =>
  Object.fromEntries(DIRECT_KINDS.map((k) => [k, o[k] ?? 0])) as Record<
    (typeof DIRECT_KINDS)[number],
    number
  >;

export async function loadDemoContracts(
  db: Db,
  opts: { orgs: Map<string, string>; adminEmail: string; companyEmail: string; now?: Date },
): Promise<number> {
  const now = opts.now ?? new Date();
  const today = todayJst(now);
  const tut = opts.orgs.get("tut")!;
  const nagaoka = opts.orgs.get("nagaokaut")!;
  const c1 = opts.orgs.get("c1")!;
  const c2 = opts.orgs.get("c2")!;
  const c3 = opts.orgs.get("c3")!;
  const [adminRow] = await db.select().from(users).where(eq(users.email, opts.adminEmail));
  const actor: Actor = await actorFor(db, adminRow!, "university");

  // Rate tables: only for an institution that has none (an operator's table is never touched).
  const tables: [string, { effectiveFrom: string; rateBp: number; note: string }[]][] = [
    [
      tut,
      [
        { effectiveFrom: "2004-04-01", rateBp: 1000, note: "直接経費の10%" },
        { effectiveFrom: "2021-10-01", rateBp: 3000, note: "2021-10-01以降に開始する契約は直接経費の30%" },
      ],
    ],
    [
      nagaoka,
      [
        { effectiveFrom: "2004-04-01", rateBp: 1000, note: "デモ用の値" },
        { effectiveFrom: "2022-04-01", rateBp: 3000, note: "デモ用の値" },
      ],
    ],
  ];
  for (const [org, rows] of tables) {
    const [any] = await db
      .select({ id: indirectRates.id })
      .from(indirectRates)
      .where(eq(indirectRates.organizationId, org));
    if (any) continue;
    for (const r of rows)
      await db
        .insert(indirectRates)
        .values({ organizationId: org, contractTypes: [], basis: "direct", isDemo: true, ...r });
  }
  for (const [org, branch] of [
    [tut, "豊橋支店"],
    [nagaoka, "長岡支店"],
  ] as const)
    await db
      .insert(institutionBilling)
      .values({
        organizationId: org,
        department: "研究推進課 産学連携係（デモ）",
        phone: "0000-00-0000",
        email: "sangaku@demo.kyoso.example",
        bankName: "デモ銀行",
        branchName: branch,
        accountType: "普通",
        accountNumber: "1234567",
        accountHolder: "デモダイガク サンガクレンケイ",
        isDemo: true,
      })
      .onConflictDoNothing();

  // Ten demo researchers of each institution, as investigators (a query each: one limit over both could
  // return only one institution's).
  const pis: { id: string; org: string }[] = [];
  for (const org of [tut, nagaoka])
    pis.push(
      ...(await db
        .select({ id: researchers.id, org: researchers.organizationId })
        .from(researchers)
        .where(and(eq(researchers.organizationId, org), eq(researchers.isDemo, true)))
        .orderBy(researchers.createdAt, researchers.id)
        .limit(10)),
    );
  const piOf = (org: string, n = 0) => pis.filter((p) => p.org === org)[n]?.id;
  const members = (org: string, n = 0) => {
    const id = piOf(org, n);
    const second = piOf(org, n + 1);
    return [
      ...(id ? [{ kind: "pi" as const, researcherId: id, task: "研究総括" }] : []),
      ...(second ? [{ kind: "researcher" as const, researcherId: second, task: "評価試験" }] : []),
    ];
  };
  const created: string[] = [];
  // The contracts need researchers of both institutions (from the demo catalogue) as investigators.
  if (!piOf(tut, 8) || !piOf(nagaoka, 3)) return 0;
  const make = async (input: ContractInput) => {
    const c = await createContract({ db, actor, input });
    created.push(c.id);
    return c.id;
  };
  const move = async (
    id: string,
    action: "accept" | "sign" | "start" | "complete" | "cancel",
    date?: string,
    reason?: string,
  ) => {
    const c = await getContract({ db, actor, id });
    await transitionContract({ db, actor, id, input: { action, version: c.version, date, reason } });
  };
  const base = {
    rateStep: 1,
    taxRateBp: 1000,
    ipTerms: "共同出願・持分は協議により定める",
    publicationTerms: "相手方の事前確認（30日）を経て公表",
  };
  const fy = fiscalYearOf(today);

  // 1. Joint research in progress, its current year's invoice overdue.
  const joint = await make({
    ...base,
    type: "joint",
    institutionId: tut,
    title: "樹脂製ギアの摩耗メカニズム解明と長寿命化",
    purpose: "自動車用樹脂ギアの摩耗を評価し、長寿命化の設計指針を得る",
    place: "豊橋技術科学大学 機械工学系",
    startDate: `${fy - 1}-10-01`,
    endDate: `${fy + 1}-09-30`,
    parties: [{ organizationId: c3, role: "sponsor", contactName: "調達部 ご担当者" }],
    members: [
      ...members(tut),
      {
        kind: "hosted",
        name: "三河 次郎",
        organizationId: c3,
        task: "試作・評価",
        fees: [{ fiscalYear: fy, amount: 420_000 }],
      },
    ],
    budget: [
      { fiscalYear: fy - 1, ...lines({ consumables: 800_000, travel: 200_000 }) },
      { fiscalYear: fy, ...lines({ personnel: 600_000, consumables: 1_000_000, travel: 200_000 }) },
      { fiscalYear: fy + 1, ...lines({ consumables: 500_000 }) },
    ],
  });
  await move(joint, "accept");
  await move(joint, "sign", `${fy - 1}-09-20`);
  let j = await getContract({ db, actor, id: joint });
  const sponsor = j.parties.find((p) => p.role === "sponsor")!;
  const first = await issueInvoice({
    db,
    actor,
    contractId: joint,
    input: {
      partyId: sponsor.id,
      fiscalYear: fy - 1,
      amount: sponsor.contributions[0]!.amount,
      issueDate: `${fy - 1}-10-01`,
      dueDate: `${fy - 1}-10-31`,
    },
  });
  j = await getContract({ db, actor, id: joint });
  const inv1 = j.invoices.find((i) => i.id === first.id)!;
  await recordPayment({
    db,
    actor,
    invoiceId: first.id,
    input: { paidOn: `${fy - 1}-10-25`, amount: inv1.total, version: inv1.version },
  });
  await move(joint, "start", `${fy - 1}-10-01`);
  const dueOverdue = addDays(today, -20);
  await issueInvoice({
    db,
    actor,
    contractId: joint,
    input: {
      partyId: sponsor.id,
      fiscalYear: fy,
      amount: sponsor.contributions[1]!.amount,
      issueDate: addDays(dueOverdue, -30),
      dueDate: dueOverdue,
    },
  });

  // 2. Pooled contributions (協働拠出金型), accepted: three companies pay into one budget.
  const pooled = await make({
    ...base,
    type: "pooled",
    institutionId: nagaoka,
    title: "雪国インフラ向け融雪センサーの共通基盤研究（協働拠出金型）",
    startDate: `${fy}-07-01`,
    endDate: `${fy + 1}-03-31`,
    parties: [
      { organizationId: c1, role: "member", contributions: [{ fiscalYear: fy, amount: 1_300_000 }] },
      { organizationId: c2, role: "member", contributions: [{ fiscalYear: fy, amount: 1_300_000 }] },
    ],
    members: members(nagaoka),
    budget: [{ fiscalYear: fy, ...lines({ consumables: 1_200_000, equipment: 800_000 }) }],
  });
  await move(pooled, "accept");

  // 3. A strategic consortium over three years, signed.
  const consortium = await make({
    ...base,
    type: "consortium",
    institutionId: tut,
    title: "次世代モビリティ部品の軽量化に関する戦略的コンソーシアム",
    steeringCommittee: "運営委員会: 各参加企業1名、両大学の研究代表者。年2回開催。",
    startDate: `${fy}-04-01`,
    endDate: `${fy + 3}-03-31`,
    parties: [
      { organizationId: nagaoka, role: "participating_institution" },
      {
        organizationId: c2,
        role: "member",
        contributions: [0, 1, 2].map((i) => ({ fiscalYear: fy + i, amount: 2_600_000 })),
      },
      {
        organizationId: c3,
        role: "member",
        contributions: [0, 1, 2].map((i) => ({ fiscalYear: fy + i, amount: 2_600_000 })),
      },
    ],
    members: [
      ...members(tut, 2),
      ...(piOf(nagaoka, 2)
        ? [{ kind: "researcher" as const, researcherId: piOf(nagaoka, 2)!, task: "材料評価（長岡技大）" }]
        : []),
    ],
    budget: [0, 1, 2].map((i) => ({
      fiscalYear: fy + i,
      ...lines({ personnel: 1_500_000, consumables: 2_000_000, travel: 500_000 }),
    })),
  });
  await move(consortium, "accept");
  await move(consortium, "sign", `${fy}-03-25`);
  const cons = await getContract({ db, actor, id: consortium });
  for (const p of cons.parties.filter((x) => x.role === "member"))
    await issueInvoice({
      db,
      actor,
      contractId: consortium,
      input: {
        partyId: p.id,
        fiscalYear: fy,
        amount: 2_600_000,
        issueDate: today,
        dueDate: addDays(today, 30),
      },
    });

  // 4. Commissioned research, applied.
  await make({
    ...base,
    type: "commissioned",
    institutionId: nagaoka,
    title: "除雪機械用ブレードの耐摩耗コーティング評価",
    startDate: `${fy}-12-01`,
    endDate: `${fy + 1}-11-30`,
    parties: [{ organizationId: c1, role: "sponsor" }],
    members: members(nagaoka, 1),
    budget: [
      { fiscalYear: fy, ...lines({ consumables: 300_000 }) },
      { fiscalYear: fy + 1, ...lines({ consumables: 700_000 }) },
    ],
  });

  // 5. Academic guidance at a negotiated rate (reported as an exception).
  await make({
    ...base,
    type: "guidance",
    institutionId: tut,
    title: "センサー信号処理に関する学術指導",
    startDate: `${fy}-10-01`,
    endDate: `${fy + 1}-03-31`,
    rateException: { rateBp: 2000, basis: "direct", reason: "地域中小企業支援枠（産学連携推進本部長決裁）" },
    parties: [{ organizationId: c2, role: "sponsor" }],
    members: members(tut, 4),
    budget: [{ fiscalYear: fy, ...lines({ other: 600_000 }) }],
  });

  // 6. A completed joint research of the year before last, and 7. a cancelled one.
  const done = await make({
    ...base,
    type: "joint",
    institutionId: nagaoka,
    title: "食品工場向け異物検査の画像処理",
    startDate: `${fy - 2}-06-01`,
    endDate: `${fy - 1}-03-31`,
    parties: [{ organizationId: c1, role: "sponsor" }],
    members: members(nagaoka, 3),
    budget: [{ fiscalYear: fy - 2, ...lines({ consumables: 900_000, travel: 100_000 }) }],
  });
  await move(done, "accept");
  await move(done, "sign", `${fy - 2}-05-25`);
  const d = await getContract({ db, actor, id: done });
  const dp = d.parties.find((p) => p.role === "sponsor")!;
  const dinv = await issueInvoice({
    db,
    actor,
    contractId: done,
    input: {
      partyId: dp.id,
      fiscalYear: fy - 2,
      amount: dp.contributions[0]!.amount,
      issueDate: `${fy - 2}-06-01`,
      dueDate: `${fy - 2}-06-30`,
    },
  });
  const dd = await getContract({ db, actor, id: done });
  await recordPayment({
    db,
    actor,
    invoiceId: dinv.id,
    input: { paidOn: `${fy - 2}-06-20`, amount: dd.invoices[0]!.total, version: dd.invoices[0]!.version },
  });
  await move(done, "start", `${fy - 2}-06-01`);
  await addDocument({
    db,
    actor,
    contractId: done,
    kind: "completion_report",
    fileName: "完了報告書.txt",
    bytes: new TextEncoder().encode("完了報告書（デモ）\n不良検出率 98.5% を達成。\n"),
  });
  await move(done, "complete", `${fy - 1}-04-20`);
  const cancelled = await make({
    ...base,
    type: "joint",
    institutionId: tut,
    title: "射出成形品のひけ予測モデル",
    startDate: `${fy - 1}-04-01`,
    endDate: `${fy}-03-31`,
    parties: [{ organizationId: c2, role: "sponsor" }],
    members: members(tut, 6),
    budget: [{ fiscalYear: fy - 1, ...lines({ consumables: 500_000 }) }],
  });
  await move(cancelled, "cancel", `${fy - 1}-05-10`, "相手方の事業方針変更により中止");

  // 8. The demo need that reached 契約 (a 信用金庫's client), signed on the day its case entered 契約: the
  // record behind the KPI's conversion and time from need to contract.
  const [won] = await db
    .select({ caseId: cases.id, needId: needs.id, enteredAt: cases.stageEnteredAt })
    .from(cases)
    .innerJoin(needs, eq(needs.id, cases.needId))
    .where(and(eq(needs.isDemo, true), eq(needs.title, DEMO_CONTRACTED_NEED_TITLE)));
  if (won) {
    const signed = todayJst(won.enteredAt);
    const start = addDays(signed, 10);
    const wonFy = fiscalYearOf(start);
    const id = await make({
      ...base,
      type: "joint",
      institutionId: tut,
      caseId: won.caseId,
      needId: won.needId,
      title: "溶接ロボットのオフライン教示とセンサー補正による教示時間短縮",
      purpose: "多品種少量の溶接でロボットの教示時間を半減する手法を確立する",
      startDate: start,
      endDate: fiscalYearRange(wonFy).end,
      parties: [{ organizationId: c3, role: "sponsor", contactName: "生産技術部 ご担当者" }],
      members: members(tut, 8),
      budget: [{ fiscalYear: wonFy, ...lines({ consumables: 700_000, travel: 100_000 }) }],
    });
    await move(id, "accept");
    await move(id, "sign", signed);
  }
  await db.update(contracts).set({ isDemo: true }).where(inArray(contracts.id, created));
  return created.length;
}
