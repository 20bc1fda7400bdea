/**
 * Bilingual labels of domain codes, used by the UI and by server-side exports alike.
 */
import type { Locale } from "./dates";
import type { OrgType, Role, UserStatus } from "./roles";

type Labels<K extends string> = Record<K, { ja: string; en: string }>;

export const ORG_TYPE_LABELS: Labels<OrgType> = {
  university: { ja: "技術科学大学", en: "University of technology" },
  kosen: { ja: "高専", en: "KOSEN" },
  company: { ja: "企業", en: "Company" },
  bank: { ja: "銀行", en: "Bank" },
  shinkin: { ja: "信用金庫", en: "Shinkin bank" },
  chamber: { ja: "商工会議所", en: "Chamber of commerce" },
  municipality: { ja: "自治体", en: "Municipality" },
  public_body: { ja: "公的機関", en: "Public body" },
};

export const ROLE_LABELS: Labels<Role> = {
  admin: { ja: "管理者", en: "Admin" },
  coordinator: { ja: "産学連携コーディネーター", en: "Coordinator" },
  researcher: { ja: "研究者", en: "Researcher" },
  company_member: { ja: "企業担当者", en: "Company member" },
  referral_partner: { ja: "連携機関（金融機関・商工会議所・自治体）", en: "Referral partner" },
  contract_officer: { ja: "契約・経理担当", en: "Contract & finance officer" },
  education_manager: { ja: "人材育成担当", en: "Education manager" },
  executive: { ja: "役員・協議会", en: "Executive" },
};

export const USER_STATUS_LABELS: Labels<UserStatus> = {
  active: { ja: "有効", en: "Active" },
  invited: { ja: "招待中", en: "Invited" },
  disabled: { ja: "無効", en: "Disabled" },
};

export function label<K extends string>(labels: Labels<K>, key: K, locale: Locale): string {
  return labels[key]?.[locale] ?? key;
}
