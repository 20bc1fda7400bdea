/**
 * Needs intake: the public form (no account) and the signed-in form (companies, referral partners on a
 * client's behalf, staff at intake). Each submission gets a reference number and an acknowledgement mail
 * queued in the same transaction as the need, so that a need is never lost once acknowledged.
 */

import { randomInt } from "node:crypto";
import { jstParts } from "../../../shared/dates";
import { PARTNER_TYPES } from "../../../shared/roles";
import type { Actor } from "../../auth/policy";
import type { Db, DbOrTx } from "../../db/client";
import { AppError, type FieldProblem, invalidFields } from "../../errors";
import type { RequestMeta } from "../../http/context";
import { recordAudit } from "../audit/service";
import { openCase } from "../cases/service";
import { enqueueMail } from "../mail/outbox";
import { needAcknowledgement } from "./mail-text";
import * as repo from "./repository";
import type { NeedInput, PublicNeedInput } from "./schemas";

/** The public form: this many submissions per address per window, counted in the database (all servers). */
export const PUBLIC_SUBMIT_LIMIT = { perWindow: 5, windowMinutes: 60 } as const;

async function checkArea(db: DbOrTx, code: string | null, problems: FieldProblem[]) {
  if (code && !(await repo.areaExists(db, code))) {
    problems.push({ field: "preferredAreaCode", message: `there is no area "${code}"` });
  }
}

async function enforceRateLimit(tx: DbOrTx, ip: string | null, now: Date) {
  if (!ip) return; // no address known (not over HTTP): nothing to count by
  await repo.lockSubmitterAddress(tx, ip);
  const since = new Date(now.getTime() - PUBLIC_SUBMIT_LIMIT.windowMinutes * 60_000);
  const n = await repo.countPublicSubmissions(tx, ip, since);
  if (n < PUBLIC_SUBMIT_LIMIT.perWindow) return;
  const oldest = await repo.oldestPublicSubmission(tx, ip, since);
  const wait = oldest
    ? Math.max(
        60,
        Math.ceil((oldest.getTime() + PUBLIC_SUBMIT_LIMIT.windowMinutes * 60_000 - now.getTime()) / 1000),
      )
    : PUBLIC_SUBMIT_LIMIT.windowMinutes * 60;
  throw new AppError(
    "RATE_LIMITED",
    `Too many needs were sent from your network: at most ${PUBLIC_SUBMIT_LIMIT.perWindow} an hour. Please try again in ${Math.ceil(wait / 60)} minutes, or sign in to submit. / 送信回数の上限（1時間に${PUBLIC_SUBMIT_LIMIT.perWindow}件）に達しました。約${Math.ceil(wait / 60)}分後にもう一度お試しください。`,
    { retryAfterSeconds: wait, details: { reason: "rate_limited", limit: PUBLIC_SUBMIT_LIMIT.perWindow } },
  );
}

export interface Submitted {
  referenceNumber: string;
  needId: string | null;
}

/**
 * The public form. A filled honeypot stores nothing: the answer looks exactly like a success (a reference
 * number of the usual shape that belongs to no need), so that the sender learns nothing; the attempt is
 * recorded in the audit log with its address only (no content) and counts towards the address's limit.
 */
export async function submitPublicNeed(opts: {
  db: Db;
  input: PublicNeedInput;
  meta: RequestMeta;
  now?: Date;
}): Promise<Submitted> {
  const { db, input, meta } = opts;
  const now = opts.now ?? new Date();
  const year = jstParts(now).year;
  if (input.website?.trim()) {
    await db.transaction(async (tx) => {
      await enforceRateLimit(tx, meta.ip, now);
      await recordAudit(tx, { action: "need.spam_dropped", meta, details: { field: "website" } });
    });
    return { referenceNumber: `N-${year}-${String(randomInt(1, 1_000_000)).padStart(6, "0")}`, needId: null };
  }
  const problems: FieldProblem[] = [];
  await checkArea(db, input.preferredAreaCode, problems);
  if (problems.length) throw invalidFields(problems);
  return db.transaction(async (tx) => {
    await enforceRateLimit(tx, meta.ip, now);
    const need = await repo.insertNeed(tx, {
      referenceNumber: await repo.nextReferenceNumber(tx, year),
      ...needText(input),
      areaCode: input.preferredAreaCode,
      preferredAreaCode: input.preferredAreaCode,
      contactName: input.contactName,
      contactEmail: input.contactEmail,
      contactPhone: input.contactPhone,
      organizationName: input.organizationName,
      source: "public_form",
      submittedIp: meta.ip,
      createdAt: now,
      updatedAt: now,
    });
    await openCase(tx, need);
    await enqueueMail(
      tx,
      needAcknowledgement({
        ...need,
        to: [input.contactEmail],
        addressee: { name: input.contactName, organization: input.organizationName },
        client: null,
      }),
    );
    return { referenceNumber: need.referenceNumber, needId: need.id };
  });
}

function needText(input: NeedInput | PublicNeedInput) {
  return {
    title: input.title,
    problem: input.problem,
    tried: input.tried,
    desiredOutcome: input.desiredOutcome,
    budgetRange: input.budgetRange,
    timing: input.timing,
    language: input.language,
    confidentiality: input.confidentiality,
    ndaRequired: input.ndaRequired,
    ndaStatus: input.ndaRequired ? ("requested" as const) : ("none" as const),
    anonymousUntilAgreed: input.anonymousUntilAgreed,
  };
}

/** Who the need is from, by the submitter's role; every missing or misplaced field is named. */
async function resolveParties(db: DbOrTx, actor: Actor, input: NeedInput) {
  const problems: FieldProblem[] = [];
  const own = await repo.organizationById(db, actor.organizationId);
  let companyOrganizationId: string | null = null;
  let referralOrganizationId: string | null = null;
  let organizationName = input.organizationName;
  let contactName = input.contactName;
  let contactEmail = input.contactEmail;
  const refusedForRole = (field: keyof NeedInput, why: string) => {
    if (input[field]) problems.push({ field, message: why });
  };
  switch (actor.role) {
    case "company_member":
      companyOrganizationId = actor.organizationId;
      organizationName ??= own?.nameJa ?? null;
      contactName ??= actor.displayName;
      contactEmail ??= actor.email;
      for (const f of [
        "referralBranch",
        "referralStaffName",
        "referralOrganizationId",
        "companyOrganizationId",
      ] as const)
        refusedForRole(f, "a company member submits for their own company only");
      break;
    case "referral_partner":
      referralOrganizationId = actor.organizationId;
      if (!input.referralBranch)
        problems.push({ field: "referralBranch", message: "is required: your branch (支店・部署)" });
      if (!input.referralStaffName)
        problems.push({ field: "referralStaffName", message: "is required: the staff member in charge" });
      if (!organizationName)
        problems.push({ field: "organizationName", message: "is required: your client's company name" });
      if (!contactName)
        problems.push({ field: "contactName", message: "is required: the client's contact person" });
      for (const f of ["referralOrganizationId", "companyOrganizationId"] as const)
        refusedForRole(f, "is set from your account");
      break;
    case "admin":
    case "coordinator": {
      if (input.companyOrganizationId) {
        const org = await repo.organizationById(db, input.companyOrganizationId);
        if (org?.type !== "company")
          problems.push({ field: "companyOrganizationId", message: "must be a registered company" });
        else {
          companyOrganizationId = org.id;
          organizationName ??= org.nameJa;
        }
      }
      if (input.referralOrganizationId) {
        const org = await repo.organizationById(db, input.referralOrganizationId);
        if (!org || !(PARTNER_TYPES as readonly string[]).includes(org.type))
          problems.push({
            field: "referralOrganizationId",
            message: "must be a bank, 信用金庫, chamber or municipality",
          });
        else referralOrganizationId = org.id;
      } else {
        for (const f of ["referralBranch", "referralStaffName"] as const)
          refusedForRole(f, "belongs to a referral: choose the referral partner (referralOrganizationId)");
      }
      if (!organizationName && !input.companyOrganizationId)
        problems.push({ field: "organizationName", message: "is required" });
      if (!contactName) problems.push({ field: "contactName", message: "is required" });
      break;
    }
    default:
      throw new AppError("FORBIDDEN", "Your role does not submit needs");
  }
  await checkArea(db, input.preferredAreaCode, problems);
  if (problems.length) throw invalidFields(problems);
  const fallbackArea =
    (
      await repo.areasOfOrganizations(
        db,
        [companyOrganizationId ?? referralOrganizationId ?? ""].filter(Boolean),
      )
    )[0] ?? null;
  return {
    ownName: own?.nameJa ?? "",
    companyOrganizationId,
    referralOrganizationId,
    organizationName: organizationName!,
    contactName: contactName!,
    contactEmail,
    areaCode: input.preferredAreaCode ?? fallbackArea,
  };
}

/**
 * A signed-in submission. The acknowledgement goes to the referral partner who forwarded the need (the
 * partner keeps the relationship with the client), else to the contact (by default the submitter).
 */
export async function submitNeed(opts: {
  db: Db;
  actor: Actor;
  input: NeedInput;
  now?: Date;
}): Promise<Submitted> {
  const { db, actor, input } = opts;
  const now = opts.now ?? new Date();
  const parties = await resolveParties(db, actor, input);
  const referral = actor.role === "referral_partner";
  return db.transaction(async (tx) => {
    const need = await repo.insertNeed(tx, {
      referenceNumber: await repo.nextReferenceNumber(tx, jstParts(now).year),
      ...needText(input),
      companyOrganizationId: parties.companyOrganizationId,
      referralOrganizationId: parties.referralOrganizationId,
      organizationName: parties.organizationName,
      contactName: parties.contactName,
      contactEmail: parties.contactEmail,
      areaCode: parties.areaCode,
      preferredAreaCode: input.preferredAreaCode,
      contactPhone: input.contactPhone,
      referralBranch: parties.referralOrganizationId ? input.referralBranch : null,
      referralStaffName: parties.referralOrganizationId ? input.referralStaffName : null,
      submittedBy: actor.id,
      source: "signed_in",
      createdAt: now,
      updatedAt: now,
    });
    await openCase(tx, need);
    const ack = referral
      ? {
          to: [actor.email],
          addressee: { name: input.referralStaffName ?? actor.displayName, organization: parties.ownName },
          client: parties.organizationName,
        }
      : {
          to: [parties.contactEmail ?? actor.email],
          addressee: { name: parties.contactName, organization: parties.organizationName },
          client: null,
        };
    await enqueueMail(tx, needAcknowledgement({ ...need, ...ack }));
    return { referenceNumber: need.referenceNumber, needId: need.id };
  });
}
