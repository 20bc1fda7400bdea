/**
 * The code lists of contracts, invoices and open calls, shared by the schema, the API and the web UI
 * (this file imports nothing, so the SPA can bundle it).
 */

/**
 * 共同研究, 受託研究, 学術指導, 協働拠出金型共同研究 (several companies pay into one pooled budget),
 * 戦略的コンソーシアム型共同研究 (multi-company, multi-institution, multi-year, steering committee),
 * オープンアプリケーション方式共同研究 (born of an open call).
 */
export const CONTRACT_TYPES = [
  "joint",
  "commissioned",
  "guidance",
  "pooled",
  "consortium",
  "open_call",
] as const;
export type ContractType = (typeof CONTRACT_TYPES)[number];

/** Types whose budget is paid by several parties, each with its contribution per fiscal year. */
export const POOLED_TYPES: readonly ContractType[] = ["pooled", "consortium", "open_call"];
export const isPooledType = (t: ContractType) => POOLED_TYPES.includes(t);

/** 申込 → 受入決定 → 契約締結 → 請求 → 入金 → 実施中 → 完了報告, or 中止. */
export const CONTRACT_STATUSES = [
  "applied",
  "accepted",
  "signed",
  "invoiced",
  "paid",
  "in_progress",
  "completed",
  "cancelled",
] as const;
export type ContractStatus = (typeof CONTRACT_STATUSES)[number];

/** Statuses after signing: the rate is fixed; money, period and members change only by amendment. */
export const SIGNED_STATUSES: readonly ContractStatus[] = [
  "signed",
  "invoiced",
  "paid",
  "in_progress",
  "completed",
];
export const isSigned = (s: ContractStatus) => SIGNED_STATUSES.includes(s);

/** sponsor / member pay (companies, municipalities); the institutions carry out the research. */
export const PARTY_ROLES = ["sponsor", "member", "lead_institution", "participating_institution"] as const;
export type PartyRole = (typeof PARTY_ROLES)[number];
export const PAYING_ROLES: readonly PartyRole[] = ["sponsor", "member"];

/** 研究代表者, 研究分担者, 民間等共同研究員 (a company researcher hosted by the institution; 研究料 per year). */
export const MEMBER_KINDS = ["pi", "researcher", "hosted"] as const;
export type MemberKind = (typeof MEMBER_KINDS)[number];

/** Direct-cost lines of a fiscal year's budget. */
export const DIRECT_KINDS = ["personnel", "consumables", "travel", "equipment", "other"] as const;
export type DirectKind = (typeof DIRECT_KINDS)[number];

export const DOCUMENT_KINDS = [
  "application",
  "acceptance_notice",
  "contract",
  "amendment",
  "completion_report",
  "other",
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const CONTRACT_EVENT_KINDS = [
  "created",
  "updated",
  "status",
  "signed",
  "amended",
  "invoice_issued",
  "invoice_cancelled",
  "payment",
  "document",
] as const;
export type ContractEventKind = (typeof CONTRACT_EVENT_KINDS)[number];

export const INVOICE_STATUSES = ["issued", "paid", "cancelled"] as const;
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number];

/** Consumption tax at the standard rate (basis points); a contract may be 不課税 instead (null). */
export const STANDARD_TAX_RATE_BP = 1000;

/** How long an invoice gives to pay, by default (days from issue). */
export const DEFAULT_PAYMENT_DAYS = 30;

export const OPEN_CALL_STATUSES = ["draft", "published", "closed", "decided"] as const;
export type OpenCallStatus = (typeof OPEN_CALL_STATUSES)[number];
/** The contract an open call's accepted applicants join. */
export const OPEN_CALL_CONTRACT_TYPES = ["open_call", "pooled", "consortium"] as const;

export const APPLICATION_STATUSES = ["submitted", "accepted", "rejected"] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];
/** Reviewers score each application from 1 (weak) to 5 (strong). */
export const SCORE_MIN = 1;
export const SCORE_MAX = 5;

type Bilingual = { ja: string; en: string };

export const CONTRACT_TYPE_LABELS: Record<ContractType, Bilingual> = {
  joint: { ja: "共同研究", en: "Joint research" },
  commissioned: { ja: "受託研究", en: "Commissioned research" },
  guidance: { ja: "学術指導", en: "Academic guidance" },
  pooled: { ja: "協働拠出金型共同研究", en: "Pooled-contribution joint research" },
  consortium: { ja: "戦略的コンソーシアム型共同研究", en: "Strategic consortium research" },
  open_call: { ja: "オープンアプリケーション方式共同研究", en: "Open-call joint research" },
};

export const CONTRACT_STATUS_LABELS: Record<ContractStatus, Bilingual> = {
  applied: { ja: "申込", en: "Applied" },
  accepted: { ja: "受入決定", en: "Accepted" },
  signed: { ja: "契約締結", en: "Signed" },
  invoiced: { ja: "請求", en: "Invoiced" },
  paid: { ja: "入金", en: "Paid" },
  in_progress: { ja: "実施中", en: "In progress" },
  completed: { ja: "完了報告", en: "Completed" },
  cancelled: { ja: "中止", en: "Cancelled" },
};

export const PARTY_ROLE_LABELS: Record<PartyRole, Bilingual> = {
  sponsor: { ja: "委託者・相手方", en: "Sponsor" },
  member: { ja: "参加企業", en: "Member" },
  lead_institution: { ja: "代表機関", en: "Lead institution" },
  participating_institution: { ja: "参加機関", en: "Participating institution" },
};

export const MEMBER_KIND_LABELS: Record<MemberKind, Bilingual> = {
  pi: { ja: "研究代表者", en: "Principal investigator" },
  researcher: { ja: "研究分担者", en: "Researcher" },
  hosted: { ja: "民間等共同研究員", en: "Hosted company researcher" },
};

export const DIRECT_KIND_LABELS: Record<DirectKind, Bilingual> = {
  personnel: { ja: "人件費", en: "Personnel" },
  consumables: { ja: "消耗品費", en: "Consumables" },
  travel: { ja: "旅費", en: "Travel" },
  equipment: { ja: "設備備品費", en: "Equipment" },
  other: { ja: "その他", en: "Other" },
};

export const DOCUMENT_KIND_LABELS: Record<DocumentKind, Bilingual> = {
  application: { ja: "申込書", en: "Application" },
  acceptance_notice: { ja: "受入決定通知書", en: "Acceptance notice" },
  contract: { ja: "契約書", en: "Contract" },
  amendment: { ja: "変更契約書", en: "Amendment" },
  completion_report: { ja: "完了報告書", en: "Completion report" },
  other: { ja: "その他", en: "Other" },
};
