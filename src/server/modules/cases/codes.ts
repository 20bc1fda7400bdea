/**
 * The code lists of the case pipeline, shared by the schema, the API and the web UI (this file imports
 * nothing, so the SPA can bundle it). The stage list itself lives in the database (`case_stages`, one
 * default list and optional lists per platform area that an admin edits); these are its starting values.
 */

/** open: the case is being worked on; won: it reached a contract; closed: it ended without one. */
export const STAGE_KINDS = ["open", "won", "closed"] as const;
export type StageKind = (typeof STAGE_KINDS)[number];

/** The platform's default stage list (area `*`): 受付 → … → 契約, and three closes. */
export const DEFAULT_STAGES: readonly { code: string; kind: StageKind; ja: string; en: string }[] = [
  { code: "received", kind: "open", ja: "受付", en: "Received" },
  { code: "screening", kind: "open", ja: "スクリーニング", en: "Screening" },
  { code: "matching", kind: "open", ja: "マッチング", en: "Matching" },
  { code: "consultation", kind: "open", ja: "面談・技術相談", en: "Consultation" },
  { code: "proposal", kind: "open", ja: "提案", en: "Proposal" },
  { code: "negotiation", kind: "open", ja: "契約交渉", en: "Negotiation" },
  { code: "contracted", kind: "won", ja: "契約", en: "Contracted" },
  { code: "declined", kind: "closed", ja: "見送り", en: "Not pursued" },
  { code: "withdrawn", kind: "closed", ja: "辞退", en: "Withdrawn" },
  { code: "refused", kind: "closed", ja: "対応不可", en: "Cannot be handled" },
];

/** The key of the platform's default stage list in case_stages.area_code. */
export const DEFAULT_STAGE_AREA = "*";

/**
 * Why a case was closed, per close stage. `guideline`: a refusal ground of the KOSEN technical
 * consultation guideline. `other` always asks for a free-text note.
 */
export const CLOSE_REASONS: readonly {
  code: string;
  stage: string;
  ja: string;
  en: string;
  guideline?: boolean;
}[] = [
  {
    code: "company_postponed",
    stage: "declined",
    ja: "企業側の事情で見送り",
    en: "Postponed by the company",
  },
  {
    code: "no_researcher",
    stage: "declined",
    ja: "適合する研究者が見つからない",
    en: "No fitting researcher",
  },
  { code: "budget", stage: "declined", ja: "予算が合わない", en: "Budget does not fit" },
  { code: "timing", stage: "declined", ja: "時期が合わない", en: "Timing does not fit" },
  { code: "declined_other", stage: "declined", ja: "その他", en: "Other" },
  { code: "company_withdrew", stage: "withdrawn", ja: "企業が辞退", en: "The company withdrew" },
  { code: "researcher_declined", stage: "withdrawn", ja: "研究者が辞退", en: "The researcher declined" },
  { code: "went_elsewhere", stage: "withdrawn", ja: "他機関に依頼", en: "Went to another institution" },
  { code: "withdrawn_other", stage: "withdrawn", ja: "その他", en: "Other" },
  {
    code: "name_use_only",
    stage: "refused",
    ja: "学校名の利用のみが目的",
    en: "Only wants to use the school's name",
    guideline: true,
  },
  {
    code: "excessive_liability",
    stage: "refused",
    ja: "過大な責任を求められる",
    en: "Expects excessive liability",
    guideline: true,
  },
  {
    code: "simple_test",
    stage: "refused",
    ja: "単純な試験・分析の依頼",
    en: "A simple test or analysis",
    guideline: true,
  },
  { code: "out_of_scope", stage: "refused", ja: "対応できる専門分野がない", en: "No matching expertise" },
  { code: "conflict", stage: "refused", ja: "利益相反", en: "Conflict of interest" },
  { code: "refused_other", stage: "refused", ja: "その他", en: "Other" },
];

/** Close reasons that need a free-text note. */
export const isOtherReason = (code: string) => code.endsWith("_other");

/** The timeline's entries. Notes, calls and e-mails are written by people; the rest by kyoso. */
export const EVENT_KINDS = [
  "created",
  "note",
  "call",
  "email",
  "meeting",
  "stage",
  "assignment",
  "file",
  "task",
  "inquiry",
  "nda",
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];
/** What people record by hand on a case's timeline. */
export const MANUAL_EVENT_KINDS = ["note", "call", "email"] as const;

export const MEETING_MODES = ["in_person", "online", "gi_net"] as const;
export type MeetingMode = (typeof MEETING_MODES)[number];
export const MEETING_MODE_LABELS: Record<MeetingMode, { ja: string; en: string }> = {
  in_person: { ja: "対面", en: "in person" },
  online: { ja: "オンライン", en: "online" },
  gi_net: { ja: "GI-net", en: "GI-net" },
};
export const MEETING_STATUSES = ["scheduled", "held", "cancelled"] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];
export const ATTENDEE_KINDS = ["company", "researcher", "staff", "other"] as const;

export const NOTIFICATION_KINDS = [
  "assigned",
  "inquiry_answered",
  "task_due",
  "case_idle",
  "stage_changed",
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];
/** each: a mail per notification; digest: one mail a day with all of them; off: in the app only. */
export const EMAIL_MODES = ["each", "digest", "off"] as const;
export type EmailMode = (typeof EMAIL_MODES)[number];
export const DEFAULT_IDLE_DAYS = 14;

/** Files on a case: 10 MB each (the kinds are recognised by their bytes in files.ts). */
export const MAX_CASE_FILE_BYTES = 10 * 1024 * 1024;

/** List sort keys. */
export const CASE_SORTS = ["age", "updated", "due", "stage", "reference"] as const;
