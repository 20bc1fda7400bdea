/**
 * A need as one viewer may see it: the view decided by the policy module (needView) selects the fields;
 * nothing beyond it leaves the server.
 */
import type { NeedAccessFacts, NeedView } from "../../auth/policy";
import type { NeedDetailRow, NeedRow } from "./repository";

export function accessFacts(row: NeedRow, viewerIsNamed: boolean): NeedAccessFacts {
  return {
    confidentiality: row.confidentiality,
    ndaRequired: row.ndaRequired,
    ndaStatus: row.ndaStatus,
    anonymousUntilAgreed: row.anonymousUntilAgreed,
    nameAgreed: row.nameAgreed,
    areaCode: row.areaCode,
    submittedBy: row.submittedBy,
    companyOrganizationId: row.companyOrganizationId,
    referralOrganizationId: row.referralOrganizationId,
    hasPublicSummary: !!row.publicSummary?.trim(),
    viewerIsNamed,
  };
}

type Visible = NeedView & { level: "full" | "summary" };

export function presentNeedCard(row: NeedDetailRow, view: Visible) {
  const full = view.level === "full";
  return {
    id: row.id,
    referenceNumber: row.referenceNumber,
    view: view.level,
    title: full ? row.title : null,
    publicSummary: row.publicSummary,
    status: row.status,
    areaCode: row.areaCode,
    confidentiality: row.confidentiality,
    ndaRequired: row.ndaRequired,
    ndaStatus: row.ndaStatus,
    organizationName: full && view.showCompany ? row.organizationName : null,
    referralOrganizationName: view.showContact ? row.referralOrganizationName : null,
    createdAt: row.createdAt.toISOString(),
    canEdit: view.manages,
  };
}

export function presentNeedDetail(
  row: NeedDetailRow,
  view: Visible,
  viewers: { id: string; displayName: string; organizationName: string; role: string }[] | null,
) {
  const full = view.level === "full";
  const contact = view.showContact;
  return {
    ...presentNeedCard(row, view),
    problem: full ? row.problem : null,
    tried: full ? row.tried : null,
    desiredOutcome: full ? row.desiredOutcome : null,
    budgetRange: full ? row.budgetRange : null,
    timing: full ? row.timing : null,
    preferredAreaCode: full ? row.preferredAreaCode : null,
    language: row.language,
    anonymousUntilAgreed: row.anonymousUntilAgreed,
    nameAgreed: row.nameAgreed,
    companyOrganizationId: full && view.showCompany ? row.companyOrganizationId : null,
    contact: contact ? { name: row.contactName, email: row.contactEmail, phone: row.contactPhone } : null,
    referral:
      contact && row.referralOrganizationId
        ? {
            organizationId: row.referralOrganizationId,
            organizationName: row.referralOrganizationName,
            branch: row.referralBranch,
            staffName: row.referralStaffName,
          }
        : null,
    submittedBy:
      contact && row.submittedBy ? { id: row.submittedBy, displayName: row.submitterName ?? "" } : null,
    source: contact ? row.source : null,
    viewers: view.manages ? viewers : null,
    ndaSignedAt: row.ndaSignedAt?.toISOString() ?? null,
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}
