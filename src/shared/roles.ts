/** The roles of the platform (see the product brief, "Who uses it"). One role per user. */
export const ROLES = [
  "admin",
  "coordinator",
  "researcher",
  "company_member",
  "referral_partner",
  "contract_officer",
  "education_manager",
  "executive",
] as const;
export type Role = (typeof ROLES)[number];

/** Organisation types. Universities and KOSEN are the member institutions; the rest are outside parties. */
export const ORG_TYPES = [
  "university",
  "kosen",
  "company",
  "bank",
  "shinkin",
  "chamber",
  "municipality",
  "public_body",
] as const;
export type OrgType = (typeof ORG_TYPES)[number];

export const INSTITUTION_TYPES = ["university", "kosen"] as const satisfies readonly OrgType[];
export const PARTNER_TYPES = [
  "bank",
  "shinkin",
  "chamber",
  "municipality",
] as const satisfies readonly OrgType[];

export function isInstitutionType(t: OrgType): boolean {
  return (INSTITUTION_TYPES as readonly OrgType[]).includes(t);
}

/**
 * Which organisation types a user of a role may belong to. A company member belongs to a company,
 * a referral partner to a bank, 信用金庫, chamber or municipality, the staff roles to a member institution.
 * Admins (platform operators) may belong to any organisation.
 */
export const ROLE_ORG_TYPES: Record<Role, readonly OrgType[]> = {
  admin: ORG_TYPES,
  coordinator: INSTITUTION_TYPES,
  researcher: INSTITUTION_TYPES,
  company_member: ["company"],
  referral_partner: [...PARTNER_TYPES, "public_body"],
  contract_officer: INSTITUTION_TYPES,
  education_manager: INSTITUTION_TYPES,
  executive: INSTITUTION_TYPES,
};

export const USER_STATUSES = ["active", "invited", "disabled"] as const;
export type UserStatus = (typeof USER_STATUSES)[number];
