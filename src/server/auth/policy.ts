/**
 * Authorisation, decided here and nowhere else: which role may do what (the matrix), and which rows
 * a user may see or change (the row rules). Routes declare the permission they need; domain functions
 * call the row rules. The matrix is tested role × route in test/integration/authz-matrix.test.ts.
 */

import { isInstitutionType, ORG_TYPES, type OrgType, type Role } from "../../shared/roles";
import type { Visibility } from "../../shared/seeds";
import { forbidden } from "../errors";
import type { NdaStatus, NeedConfidentiality } from "../modules/needs/codes";

/** The signed-in user, as every domain function sees them. */
export interface Actor {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  organizationId: string;
  organizationType: OrgType;
  /** Institutions and areas covered beyond the user's own organisation (coordinators and other staff). */
  coverage: { organizationIds: string[]; areaCodes: string[] };
  mustChangePassword: boolean;
  locale: "ja" | "en";
}

const ALL: readonly Role[] = [
  "admin",
  "coordinator",
  "researcher",
  "company_member",
  "referral_partner",
  "contract_officer",
  "education_manager",
  "executive",
];
const STAFF: readonly Role[] = ["admin", "coordinator", "contract_officer", "education_manager", "executive"];

/** The matrix: permission → roles that hold it. */
export const PERMISSIONS = {
  /** One's own account: profile, password, language, sign-out. */
  "account:self": ALL,
  "areas:read": ALL,
  "organizations:read": ALL,
  "organizations:create": ["admin", "coordinator", "contract_officer"],
  "organizations:update": ["admin", "coordinator", "contract_officer"],
  "organizations:delete": ["admin"],
  "organizations:export": ["admin", "coordinator", "contract_officer", "executive"],
  "users:read": ["admin"],
  "users:manage": ["admin"],
  "audit:read": ["admin"],
  "audit:export": ["admin"],
  /** The staff list of researcher profiles (with "no published seed yet"). */
  "researchers:list": ["admin", "coordinator"],
  /** Researchers may create their own profile only (row rule in the service). */
  "researchers:create": ["admin", "coordinator", "researcher"],
  /** Row rule: catalogEditScope. */
  "researchers:update": ["admin", "coordinator", "researcher"],
  "seeds:create": ["admin", "coordinator", "researcher"],
  /** Row rule: catalogEditScope. */
  "seeds:update": ["admin", "coordinator", "researcher"],
  "catalog:import": ["admin", "coordinator"],
  "catalog:export": ["admin", "coordinator"],
  /** Submit a need signed in: companies for themselves, referral partners for a client, staff at intake. */
  "needs:submit": ["admin", "coordinator", "company_member", "referral_partner"],
  /** Screen needs: summary, confidentiality, NDA, named viewers. Row rule: canManageNeed. */
  "needs:update": ["admin", "coordinator"],
  /** Match a text against the catalogue (only seeds the caller may see are used). */
  "match:run": ALL,
  /** A need's suggested researchers: shortlist, dismiss, inquire. Row rule: canManageNeed. */
  "needs:match": ["admin", "coordinator"],
  /** Answer inquiries to one's own researcher profile. */
  "inquiries:answer": ["researcher"],
  /** Open needs that fit a seed or one's own seeds (each need by needView). */
  "match:needs": ["admin", "coordinator", "researcher"],
  /** Coordinators' domain synonyms for matching. */
  "match:synonyms": ["admin", "coordinator"],
  /** The case board, list, exports and case pages (row rule: the needs' `manages`). */
  "cases:read": ["admin", "coordinator"],
  /** Move, assign, note, tasks, meetings, files on cases one handles. */
  "cases:update": ["admin", "coordinator"],
  /** The stage lists (default and per area). */
  "cases:configure": ["admin"],
  /** The restricted progress of the cases one referred or submitted, and one's referral figures. */
  "cases:progress": ["company_member", "referral_partner"],
  /** Contracts, their budgets, revisions, invoices and documents (row rule: contractScope). */
  "contracts:read": ["admin", "coordinator", "contract_officer", "executive"],
  /** Create and edit contracts, sign, amend, invoice, record payments, attach documents. */
  "contracts:manage": ["admin", "contract_officer"],
  /** Indirect-cost rate tables and invoice settings of institutions (row rule: contractScope). */
  "contracts:configure": ["admin", "contract_officer"],
  /** Open calls: write, publish, close; review applications and decide (row rule: contractScope). */
  "opencalls:manage": ["admin", "coordinator", "contract_officer"],
  /** Apply to a published open call as a signed-in company member (new companies apply publicly). */
  "opencalls:apply": ["company_member"],
  /** The KPI dashboard, drill-down, report and snapshots (programme-wide figures). */
  "kpi:read": ["admin", "coordinator", "contract_officer", "executive"],
  /** KPI targets per fiscal year; freezing a closed year's snapshot. */
  "kpi:configure": ["admin"],
  /** The outbox: every mail kept or sent, with its text and delivery errors. */
  "mail:read": ["admin"],
  /** Send a failed or outbox-only mail again. */
  "mail:manage": ["admin"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;
/** What a route requires: nothing (public) or a permission. */
export type Access = "public" | Permission;

export function can(actor: Pick<Actor, "role">, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(actor.role);
}

export function assertCan(actor: Pick<Actor, "role">, permission: Permission): void {
  if (!can(actor, permission)) throw forbidden();
}

export function permissionsOf(role: Role): Permission[] {
  return (Object.keys(PERMISSIONS) as Permission[]).filter((p) => can({ role }, p));
}

/**
 * Which organisations a user may see. Staff see every organisation; researchers, company members and
 * referral partners see the member institutions and their own organisation, not other companies or banks.
 */
export function organizationVisibility(actor: Actor): { types: readonly OrgType[]; alsoId: string | null } {
  if ((STAFF as readonly Role[]).includes(actor.role)) return { types: ORG_TYPES, alsoId: null };
  return { types: ["university", "kosen"], alsoId: actor.organizationId };
}

export function canSeeOrganization(actor: Actor, org: { id: string; type: OrgType }): boolean {
  const v = organizationVisibility(actor);
  return v.types.includes(org.type) || org.id === v.alsoId;
}

/** Member institutions (universities, KOSEN) are reference data: only admins change them. */
export function assertCanWriteOrganization(actor: Actor, type: OrgType): void {
  if (isInstitutionType(type) ? actor.role !== "admin" : !can(actor, "organizations:update")) {
    throw forbidden(
      isInstitutionType(type)
        ? "Only an admin can change universities and KOSEN"
        : "You are not allowed to change organisations",
    );
  }
}

/** Roles that may cover institutions or areas beyond their own organisation. */
export const COVERAGE_ROLES: readonly Role[] = [
  "coordinator",
  "contract_officer",
  "education_manager",
  "executive",
];

/**
 * Which seeds and researcher profiles a user may edit (and see in every status):
 * admins everything; coordinators the institutions they cover (their own, the listed ones, and every
 * institution of the listed areas); researchers their own profile and the seeds they are on; others none.
 */
export type EditScope =
  | { kind: "all" }
  | { kind: "institutions"; organizationIds: string[]; areaCodes: string[] }
  | { kind: "own"; userId: string }
  | { kind: "none" };

export function catalogEditScope(actor: Actor | null): EditScope {
  if (!actor) return { kind: "none" };
  switch (actor.role) {
    case "admin":
      return { kind: "all" };
    case "coordinator":
      return {
        kind: "institutions",
        organizationIds: [
          ...(isInstitutionType(actor.organizationType) ? [actor.organizationId] : []),
          ...actor.coverage.organizationIds,
        ],
        areaCodes: actor.coverage.areaCodes,
      };
    case "researcher":
      return { kind: "own", userId: actor.id };
    default:
      return { kind: "none" };
  }
}

/**
 * Which contracts (and rate tables, open calls) a user handles: admins and executives all; coordinators
 * and contract officers those of the institutions they cover (their own, the listed ones, every
 * institution of the listed areas) — a contract counts for its lead institution and every participating
 * one; others none.
 */
export function contractScope(actor: Actor): EditScope {
  switch (actor.role) {
    case "admin":
    case "executive":
      return { kind: "all" };
    case "coordinator":
    case "contract_officer":
      return {
        kind: "institutions",
        organizationIds: [
          ...(isInstitutionType(actor.organizationType) ? [actor.organizationId] : []),
          ...actor.coverage.organizationIds,
        ],
        areaCodes: actor.coverage.areaCodes,
      };
    default:
      return { kind: "none" };
  }
}

/**
 * Published seeds a viewer may see, by visibility: anyone the public ones; signed-in members also the
 * members-only ones; coordinators and admins all. (Drafts and archived seeds: only through EditScope.)
 */
export function seedVisibilitiesFor(actor: Actor | null): Visibility[] {
  if (!actor) return ["public"];
  if (actor.role === "admin" || actor.role === "coordinator") return ["public", "members", "coordinators"];
  return ["public", "members"];
}

/** e-Rad numbers and similar identifiers are shown to staff, not to the public. */
export function canSeeResearcherIdentifiers(actor: Actor | null): boolean {
  return !!actor && (STAFF as readonly Role[]).includes(actor.role);
}

// ---------------------------------------------------------------------------------------------------
// Needs: who sees what of a need. `needView` is the one decision, used by every read (list, detail,
// matching later) and by the tests' matrix.

/** What the view of a need depends on (a need row, plus whether the viewer is one of its named people). */
export interface NeedAccessFacts {
  confidentiality: NeedConfidentiality;
  ndaRequired: boolean;
  ndaStatus: NdaStatus;
  anonymousUntilAgreed: boolean;
  nameAgreed: boolean;
  areaCode: string | null;
  submittedBy: string | null;
  companyOrganizationId: string | null;
  referralOrganizationId: string | null;
  hasPublicSummary: boolean;
  /** The viewer is listed in need_viewers (honoured when confidentiality is `named`). */
  viewerIsNamed: boolean;
}

/** The viewer: the actor and, for coordinators, the areas whose needs they handle (needCoverageAreas). */
export interface NeedViewer {
  actor: Actor | null;
  coveredAreaCodes: readonly string[];
}

export interface NeedView {
  /** full: the whole need; summary: the coordinators' public summary (and status) only; none: 404. */
  level: "full" | "summary" | "none";
  /** The company's name (anonymous needs hide it until the company agrees to be named). */
  showCompany: boolean;
  /** Contact person, e-mail, phone, referral details and submitter: owners and the need's coordinators. */
  showContact: boolean;
  /** Submitter, its company or its referral partner. */
  owner: boolean;
  /** The viewer handles the need: admins, and coordinators of its area (a need without area: every coordinator). */
  manages: boolean;
  /** A read of the full need by someone outside its owners and its coordinators: written to the audit log. */
  audit: boolean;
}

/**
 * The areas whose needs a coordinator handles: the areas they cover and the areas of their own institution
 * and of the institutions they cover (resolved by the needs repository, which knows organisations' areas).
 */
export function needCoverageInputs(actor: Actor | null): { organizationIds: string[]; areaCodes: string[] } {
  if (actor?.role !== "coordinator") return { organizationIds: [], areaCodes: [] };
  return {
    organizationIds: [
      ...(isInstitutionType(actor.organizationType) ? [actor.organizationId] : []),
      ...actor.coverage.organizationIds,
    ],
    areaCodes: actor.coverage.areaCodes,
  };
}

export function isNeedOwner(actor: Actor | null, need: NeedAccessFacts): boolean {
  if (!actor) return false;
  if (need.submittedBy === actor.id) return true;
  if (actor.role === "company_member" && need.companyOrganizationId === actor.organizationId) return true;
  return actor.role === "referral_partner" && need.referralOrganizationId === actor.organizationId;
}

/** Admins, and coordinators of the need's area; a need with no area is in every coordinator's pool. */
export function canManageNeed(viewer: NeedViewer, need: Pick<NeedAccessFacts, "areaCode">): boolean {
  const a = viewer.actor;
  if (!a) return false;
  if (a.role === "admin") return true;
  if (a.role !== "coordinator") return false;
  return need.areaCode === null || viewer.coveredAreaCodes.includes(need.areaCode);
}

/**
 * The view of one need for one viewer.
 *
 * - Owners and the need's coordinators (and admins) see it all, always.
 * - `members`: every signed-in user sees the need; `named`: the named people do. If an NDA is required
 *   and not yet signed, they see the summary only.
 * - `public_summary`: anyone, signed in or not, sees the summary once coordinators have written one.
 * - `coordinators`: nobody else.
 * - The company's name is hidden from everyone but owners and coordinators while the need is anonymous
 *   and the company has not agreed to be named. Contact details are never shown beyond them.
 */
export function needView(viewer: NeedViewer, need: NeedAccessFacts): NeedView {
  const actor = viewer.actor;
  const owner = isNeedOwner(actor, need);
  const manages = canManageNeed(viewer, need);
  if (owner || manages) {
    return {
      level: "full",
      showCompany: true,
      showContact: true,
      owner,
      manages,
      audit: !owner && actor?.role === "admin",
    };
  }
  let entitled = false;
  switch (need.confidentiality) {
    case "members":
      entitled = !!actor;
      break;
    case "named":
      entitled = !!actor && need.viewerIsNamed;
      break;
    case "public_summary":
    case "coordinators":
      entitled = false;
      break;
  }
  const none: NeedView = {
    level: "none",
    showCompany: false,
    showContact: false,
    owner,
    manages,
    audit: false,
  };
  if (entitled) {
    if (need.ndaRequired && need.ndaStatus !== "signed") return { ...none, level: "summary" };
    return {
      level: "full",
      showCompany: !need.anonymousUntilAgreed || need.nameAgreed,
      showContact: false,
      owner,
      manages,
      audit: true,
    };
  }
  if (need.confidentiality === "public_summary" && need.hasPublicSummary)
    return { ...none, level: "summary" };
  return none;
}
