/**
 * Open calls (オープンアプリケーション方式): the centre publishes a theme; companies apply (signed in, or
 * creating their account as they apply); coordinators review with scores and comments (each reviewer one
 * review per application); a decision with its reason goes to the applicant by mail; the accepted
 * applicants become the paying parties of one contract (open-call, pooled or consortium) in one step.
 *
 * Who manages a call: `contractScope` on its lead institution (as for contracts).
 */
import { and, asc, eq, sql } from "drizzle-orm";
import { checkCorporateNumber } from "../../../shared/corporate-number";
import { formatDateTime } from "../../../shared/dates";
import { formatYen } from "../../../shared/money";
import { type Actor, contractScope } from "../../auth/policy";
import type { Db, DbOrTx } from "../../db/client";
import { openCallApplications, openCallReviews, openCalls, organizations, users } from "../../db/schema";
import { AppError, conflict, invalid, invalidFields, notFound, staleVersion } from "../../errors";
import type { RequestMeta } from "../../http/context";
import { iso } from "../../lib/iso";
import { appLink } from "../../lib/links";
import { countRecent, recordAudit } from "../audit/service";
import { coveredInstitutions, rowsOf } from "../catalog/search-sql";
import { enqueueMail } from "../mail/outbox";
import { findDuplicate, searchFields } from "../organizations/repository";
import { createUser } from "../users/service";
import { CONTRACT_TYPE_LABELS, type ContractType, STANDARD_TAX_RATE_BP } from "./codes";
import { assertHandlesInstitution } from "./rates";
import { createContract } from "./service";

/** Public applications (which create accounts) per network address and hour. */
export const PUBLIC_APPLY_LIMIT = { perWindow: 5, windowMinutes: 60 } as const;

export interface OpenCallInput {
  title: string;
  background: string;
  goals: string;
  expectedContribution: string;
  ipRule: string;
  deadline: string;
  institutionId: string;
  contractType: "open_call" | "pooled" | "consortium";
}

type CallRow = typeof openCalls.$inferSelect;

async function loadManagedCall(db: DbOrTx, actor: Actor, id: string): Promise<CallRow> {
  const [call] = await db.select().from(openCalls).where(eq(openCalls.id, id));
  if (!call) throw notFound("The open call");
  await assertHandlesInstitution(db, actor, call.institutionId);
  return call;
}

function presentCall(c: CallRow & { institutionName?: string }, now = new Date()) {
  return {
    id: c.id,
    title: c.title,
    background: c.background,
    goals: c.goals,
    expectedContribution: c.expectedContribution,
    ipRule: c.ipRule,
    deadline: c.deadline.toISOString(),
    institutionId: c.institutionId,
    institutionName: c.institutionName ?? null,
    contractType: c.contractType,
    status: c.status,
    open: c.status === "published" && c.deadline > now,
    publishedAt: iso(c.publishedAt),
    contractId: c.contractId,
    version: c.version,
  };
}

export async function createOpenCall(opts: { db: Db; actor: Actor; input: OpenCallInput }) {
  await assertHandlesInstitution(opts.db, opts.actor, opts.input.institutionId);
  const [row] = await opts.db
    .insert(openCalls)
    .values({ ...opts.input, deadline: new Date(opts.input.deadline), createdBy: opts.actor.id })
    .returning();
  return presentCall(row!);
}

export async function updateOpenCall(opts: {
  db: Db;
  actor: Actor;
  id: string;
  input: OpenCallInput & { version: number };
}) {
  const call = await loadManagedCall(opts.db, opts.actor, opts.id);
  if (call.status === "decided") throw invalid("status", "the call is decided; it no longer changes");
  await assertHandlesInstitution(opts.db, opts.actor, opts.input.institutionId);
  const { version, ...values } = opts.input;
  const [row] = await opts.db
    .update(openCalls)
    .set({ ...values, deadline: new Date(values.deadline), version: call.version + 1, updatedAt: new Date() })
    .where(and(eq(openCalls.id, call.id), eq(openCalls.version, version)))
    .returning();
  if (!row) throw staleVersion("This open call");
  return presentCall(row);
}

/** publish (applications open until the deadline) or close (stop taking applications now). */
export async function setOpenCallStatus(opts: {
  db: Db;
  actor: Actor;
  id: string;
  input: { action: "publish" | "close"; version: number };
  now?: Date;
}) {
  const now = opts.now ?? new Date();
  const call = await loadManagedCall(opts.db, opts.actor, opts.id);
  const { action, version } = opts.input;
  if (action === "publish") {
    if (call.status !== "draft") throw invalid("status", "only a draft is published");
    if (call.deadline <= now) throw invalid("deadline", "is already past: set a later deadline first");
  } else if (call.status !== "published") throw invalid("status", "only a published call is closed");
  const [row] = await opts.db
    .update(openCalls)
    .set({
      status: action === "publish" ? "published" : "closed",
      publishedAt: action === "publish" ? now : call.publishedAt,
      version: call.version + 1,
      updatedAt: now,
    })
    .where(and(eq(openCalls.id, call.id), eq(openCalls.version, version)))
    .returning();
  if (!row) throw staleVersion("This open call");
  return presentCall(row);
}

/** Published calls for everyone (the public page): open ones first, then those past their deadline. */
export async function publicOpenCalls(db: DbOrTx, now = new Date()) {
  const rows = await db
    .select({ c: openCalls, institutionName: organizations.nameJa })
    .from(openCalls)
    .innerJoin(organizations, eq(organizations.id, openCalls.institutionId))
    .where(sql`${openCalls.status} <> 'draft'`)
    .orderBy(
      sql`(${openCalls.status} = 'published' and ${openCalls.deadline} > ${now}) desc`,
      asc(openCalls.deadline),
    );
  return rows.map((r) => presentCall({ ...r.c, institutionName: r.institutionName }, now));
}

export async function publicOpenCall(db: DbOrTx, id: string, now = new Date()) {
  const [r] = await db
    .select({ c: openCalls, institutionName: organizations.nameJa })
    .from(openCalls)
    .innerJoin(organizations, eq(organizations.id, openCalls.institutionId))
    .where(and(eq(openCalls.id, id), sql`${openCalls.status} <> 'draft'`));
  if (!r) throw notFound("The open call");
  return presentCall({ ...r.c, institutionName: r.institutionName }, now);
}

/** The calls of the institutions the actor handles, drafts included, with their application counts. */
export async function managedOpenCalls(opts: { db: DbOrTx; actor: Actor }) {
  const scope = contractScope(opts.actor);
  const cond =
    scope.kind === "all"
      ? sql`true`
      : scope.kind === "institutions"
        ? sql`${openCalls.institutionId} in ${coveredInstitutions(scope)}`
        : sql`false`;
  const calls = await opts.db
    .select({
      c: openCalls,
      institutionName: organizations.nameJa,
      applications: sql<number>`(select count(*)::int from open_call_applications a where a.call_id = ${openCalls.id})`,
      undecided: sql<number>`(select count(*)::int from open_call_applications a where a.call_id = ${openCalls.id} and a.status = 'submitted')`,
    })
    .from(openCalls)
    .innerJoin(organizations, eq(organizations.id, openCalls.institutionId))
    .where(sql`${cond}`)
    .orderBy(sql`${openCalls.createdAt} desc`);
  return calls.map((r) => ({
    ...presentCall({ ...r.c, institutionName: r.institutionName }),
    applications: Number(r.applications),
    undecided: Number(r.undecided),
  }));
}

function assertOpen(call: CallRow, now: Date) {
  if (call.status !== "published" || call.deadline <= now)
    throw invalid(
      "call",
      call.status === "published" ? "the deadline has passed" : "the call is not taking applications",
    );
}

interface ApplicationInput {
  proposal: string;
  contribution: number;
  contactName: string;
  contactEmail: string;
}

function receiptMail(
  call: CallRow,
  a: ApplicationInput & { companyName: string },
  inviteLink: string | null,
) {
  return {
    to: a.contactEmail,
    subject: `【kyoso】オープンアプリケーション応募受付: ${call.title} / Application received`,
    text: [
      `${a.companyName}`,
      `${a.contactName} 様`,
      "",
      `公募「${call.title}」への応募を受け付けました。`,
      `拠出予定額（年額）: ${formatYen(a.contribution, "ja")}`,
      `締切: ${formatDateTime(call.deadline)}（日本時間）`,
      "審査の結果は、理由を添えてこのアドレスにお知らせします。",
      ...(inviteLink
        ? [
            "",
            "kyoso のアカウントを用意しました。次のリンクからパスワードを設定してください（7日間有効）:",
            inviteLink,
          ]
        : []),
      "",
      `We received your application to the open call "${call.title}". The decision, with its reasons, will be sent to this address.`,
      ...(inviteLink ? [`Set the password of your new kyoso account here: ${inviteLink}`] : []),
    ].join("\n"),
    kind: "open_call_received",
  };
}

/** A signed-in company member applies for their organisation (once per call). */
export async function applyToOpenCall(opts: {
  db: Db;
  actor: Actor;
  id: string;
  input: ApplicationInput;
  now?: Date;
}) {
  const now = opts.now ?? new Date();
  const [call] = await opts.db.select().from(openCalls).where(eq(openCalls.id, opts.id));
  if (!call || call.status === "draft") throw notFound("The open call");
  assertOpen(call, now);
  const [org] = await opts.db
    .select()
    .from(organizations)
    .where(eq(organizations.id, opts.actor.organizationId));
  return opts.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(openCallApplications)
      .values({ callId: call.id, organizationId: org!.id, applicantId: opts.actor.id, ...opts.input })
      .onConflictDoNothing()
      .returning({ id: openCallApplications.id });
    if (!row) throw conflict(`${org!.nameJa} has already applied to this call`);
    await enqueueMail(tx, receiptMail(call, { ...opts.input, companyName: org!.nameJa }, null));
    return { id: row.id };
  });
}

/**
 * A company new to kyoso applies and gets its account in the same step: the company is created (a company
 * already on kyoso is refused — its people sign in, or ask for an account — so nobody joins an existing
 * organisation from a public form), the person is invited as its member, and the application is stored;
 * all in one transaction, with the receipt and the invitation link in one mail.
 */
export async function applyPublicly(opts: {
  db: Db;
  id: string;
  input: ApplicationInput & {
    companyName: string;
    corporateNumber: string | null;
    website?: string | undefined;
  };
  meta: RequestMeta;
  publicUrl: string;
  now?: Date;
}) {
  const { db, input, meta } = opts;
  const now = opts.now ?? new Date();
  const [call] = await db.select().from(openCalls).where(eq(openCalls.id, opts.id));
  if (!call || call.status === "draft") throw notFound("The open call");
  if (meta.ip) {
    const since = new Date(now.getTime() - PUBLIC_APPLY_LIMIT.windowMinutes * 60_000);
    if (
      (await countRecent(db, "opencall.applied_publicly", since, { ip: meta.ip })) >=
      PUBLIC_APPLY_LIMIT.perWindow
    )
      throw new AppError(
        "RATE_LIMITED",
        `Too many applications from your network: at most ${PUBLIC_APPLY_LIMIT.perWindow} an hour. / 応募回数の上限に達しました。しばらくしてからお試しください。`,
        { retryAfterSeconds: PUBLIC_APPLY_LIMIT.windowMinutes * 60 },
      );
  }
  if (input.website) return { id: null }; // the honeypot: a robot filled the hidden field
  assertOpen(call, now);
  const problems = [];
  let corporateNumber: string | null = null;
  if (input.corporateNumber) {
    const check = checkCorporateNumber(input.corporateNumber);
    if (check.ok) corporateNumber = check.value;
    else problems.push({ field: "corporateNumber", message: check.message });
  }
  const email = input.contactEmail.trim().toLowerCase();
  const [account] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  if (account)
    problems.push({
      field: "contactEmail",
      message: "already has a kyoso account: sign in and apply from the call's page",
    });
  const search = searchFields({ nameJa: input.companyName, corporateNumber });
  const dupes = await findDuplicate(db, { type: "company", nameKey: search.nameKey, corporateNumber });
  if (dupes.length)
    problems.push({
      field: "companyName",
      message: `${dupes[0]!.nameJa} is already on kyoso: a colleague with an account applies, or the centre creates your account`,
    });
  if (problems.length)
    throw invalidFields(problems, {
      // Stable reasons for the UI (the messages are prose and may change).
      reasons: Object.fromEntries(
        problems.map((p) => [
          p.field,
          p.field === "contactEmail"
            ? "account_exists"
            : p.field === "companyName"
              ? "company_exists"
              : "invalid",
        ]),
      ),
    });
  return db.transaction(async (tx) => {
    const [org] = await tx
      .insert(organizations)
      .values({ type: "company", nameJa: input.companyName, corporateNumber, ...search })
      .returning();
    const created = await createUser({
      db: tx,
      actor: null,
      input: {
        email,
        displayName: input.contactName,
        role: "company_member",
        organizationId: org!.id,
        mode: "invite",
      },
      meta,
      via: "open_call",
    });
    const [row] = await tx
      .insert(openCallApplications)
      .values({
        callId: call.id,
        organizationId: org!.id,
        applicantId: created.user.id,
        proposal: input.proposal,
        contribution: input.contribution,
        contactName: input.contactName,
        contactEmail: email,
      })
      .returning({ id: openCallApplications.id });
    await recordAudit(tx, {
      action: "opencall.applied_publicly",
      subject: email,
      target: { type: "open_call", id: call.id },
      meta,
      details: { organizationId: org!.id },
    });
    await enqueueMail(
      tx,
      receiptMail(
        call,
        { ...input, contactEmail: email },
        appLink(opts.publicUrl, `/invite/${created.inviteToken}`),
      ),
    );
    return { id: row!.id };
  });
}

/** The actor's organisation's applications, with their status and the decision's reason. */
export async function myApplications(opts: { db: DbOrTx; actor: Actor }) {
  const rows = await opts.db
    .select({ a: openCallApplications, title: openCalls.title, deadline: openCalls.deadline })
    .from(openCallApplications)
    .innerJoin(openCalls, eq(openCalls.id, openCallApplications.callId))
    .where(eq(openCallApplications.organizationId, opts.actor.organizationId))
    .orderBy(sql`${openCallApplications.createdAt} desc`);
  return rows.map((r) => ({
    id: r.a.id,
    callId: r.a.callId,
    callTitle: r.title,
    deadline: r.deadline.toISOString(),
    contribution: r.a.contribution,
    status: r.a.status,
    decisionReason: r.a.status === "submitted" ? null : r.a.decisionReason,
    createdAt: r.a.createdAt.toISOString(),
  }));
}

/** The applications of a call with every review, the average score and the actor's own review. */
export async function callApplications(opts: { db: DbOrTx; actor: Actor; id: string }) {
  const call = await loadManagedCall(opts.db, opts.actor, opts.id);
  const apps = await rowsOf<{
    id: string;
    organization_id: string;
    company: string;
    corporate_number: string | null;
    contact_name: string;
    contact_email: string;
    proposal: string;
    contribution: string;
    status: string;
    decision_reason: string | null;
    decided_at: Date | string | null;
    created_at: Date | string;
  }>(
    opts.db,
    sql`select a.id, a.organization_id, o.name_ja as company, o.corporate_number, a.contact_name, a.contact_email, a.proposal,
               a.contribution, a.status, a.decision_reason, a.decided_at, a.created_at
        from open_call_applications a join organizations o on o.id = a.organization_id
        where a.call_id = ${call.id} order by a.created_at`,
  );
  const reviews = await rowsOf<{
    application_id: string;
    reviewer_id: string;
    reviewer: string;
    score: number;
    comment: string | null;
    updated_at: Date | string;
  }>(
    opts.db,
    sql`select r.application_id, r.reviewer_id, u.display_name as reviewer, r.score, r.comment, r.updated_at
        from open_call_reviews r join users u on u.id = r.reviewer_id join open_call_applications a on a.id = r.application_id
        where a.call_id = ${call.id} order by r.updated_at`,
  );
  const [institution] = await opts.db
    .select({ name: organizations.nameJa })
    .from(organizations)
    .where(eq(organizations.id, call.institutionId));
  return {
    call: presentCall({ ...call, institutionName: institution?.name ?? "" }),
    applications: apps.map((a) => {
      const rs = reviews.filter((r) => r.application_id === a.id);
      return {
        id: a.id,
        organizationId: a.organization_id,
        company: a.company,
        corporateNumber: a.corporate_number,
        contactName: a.contact_name,
        contactEmail: a.contact_email,
        proposal: a.proposal,
        contribution: Number(a.contribution),
        status: a.status,
        decisionReason: a.decision_reason,
        decidedAt: iso(a.decided_at),
        createdAt: iso(a.created_at),
        averageScore: rs.length
          ? Math.round((rs.reduce((s, r) => s + r.score, 0) / rs.length) * 10) / 10
          : null,
        reviews: rs.map((r) => ({
          reviewerId: r.reviewer_id,
          reviewer: r.reviewer,
          score: r.score,
          comment: r.comment,
          updatedAt: iso(r.updated_at),
          mine: r.reviewer_id === opts.actor.id,
        })),
      };
    }),
  };
}

async function loadApplication(db: DbOrTx, actor: Actor, callId: string, applicationId: string) {
  const call = await loadManagedCall(db, actor, callId);
  const [a] = await db
    .select()
    .from(openCallApplications)
    .where(and(eq(openCallApplications.id, applicationId), eq(openCallApplications.callId, call.id)));
  if (!a) throw notFound("The application");
  return { call, a };
}

/** The actor's own score and comment (one per reviewer; saving again replaces it). */
export async function reviewApplication(opts: {
  db: Db;
  actor: Actor;
  callId: string;
  applicationId: string;
  input: { score: number; comment: string | null };
}) {
  const { a } = await loadApplication(opts.db, opts.actor, opts.callId, opts.applicationId);
  if (a.status !== "submitted") throw invalid("status", "the application is decided; reviews are closed");
  await opts.db
    .insert(openCallReviews)
    .values({ applicationId: a.id, reviewerId: opts.actor.id, ...opts.input })
    .onConflictDoUpdate({
      target: [openCallReviews.applicationId, openCallReviews.reviewerId],
      set: { ...opts.input, updatedAt: new Date() },
    });
  return { ok: true };
}

/** Accept or reject an application once the call has closed (deadline passed, or closed early); the reason goes out by mail. */
export async function decideApplication(opts: {
  db: Db;
  actor: Actor;
  callId: string;
  applicationId: string;
  input: { decision: "accepted" | "rejected"; reason: string };
  now?: Date;
}) {
  const now = opts.now ?? new Date();
  const { call, a } = await loadApplication(opts.db, opts.actor, opts.callId, opts.applicationId);
  if (call.status === "draft" || (call.status === "published" && call.deadline > now))
    throw invalid("call", "applications are decided after the deadline (or once the call is closed)");
  if (call.status === "decided") throw invalid("call", "the call's contract is made; decisions are final");
  const [org] = await opts.db
    .select({ name: organizations.nameJa })
    .from(organizations)
    .where(eq(organizations.id, a.organizationId));
  await opts.db.transaction(async (tx) => {
    await tx
      .update(openCallApplications)
      .set({
        status: opts.input.decision,
        decisionReason: opts.input.reason,
        decidedBy: opts.actor.id,
        decidedAt: now,
      })
      .where(eq(openCallApplications.id, a.id));
    const accepted = opts.input.decision === "accepted";
    await enqueueMail(tx, {
      to: a.contactEmail,
      subject: `【kyoso】オープンアプリケーション審査結果: ${call.title} / ${accepted ? "Accepted" : "Not accepted"}`,
      text: [
        org?.name ?? "",
        `${a.contactName} 様`,
        "",
        `公募「${call.title}」へのご応募について、審査の結果、${accepted ? "採択" : "不採択"}となりましたのでお知らせします。`,
        "",
        "【理由】",
        opts.input.reason,
        "",
        accepted
          ? `今後、${CONTRACT_TYPE_LABELS[call.contractType as ContractType].ja}の契約手続きについて担当者よりご連絡します。`
          : "ご応募いただき、ありがとうございました。",
        "",
        `Your application to "${call.title}" was ${accepted ? "accepted" : "not accepted"}. The reason is given above.`,
      ].join("\n"),
      kind: "open_call_decision",
    });
  });
  return { ok: true };
}

/**
 * The accepted applicants become the paying parties of one contract (in 申込), in one step: the call's
 * contract type at its institution, the call's IP rule as the IP terms, each company as a member with its
 * contact. The budget and contributions are entered on the contract afterwards. Every application must be
 * decided first.
 */
export async function contractFromCall(opts: {
  db: Db;
  actor: Actor;
  id: string;
  input: { title?: string | undefined; startDate: string; endDate: string; version: number };
}) {
  const call = await loadManagedCall(opts.db, opts.actor, opts.id);
  if (call.status === "decided") throw invalid("call", "the call already has its contract");
  if (call.version !== opts.input.version) throw staleVersion("This open call");
  const apps = await opts.db
    .select()
    .from(openCallApplications)
    .where(eq(openCallApplications.callId, call.id))
    .orderBy(asc(openCallApplications.createdAt));
  const problems = [];
  if (apps.some((a) => a.status === "submitted"))
    problems.push({ field: "applications", message: "decide every application first" });
  const accepted = apps.filter((a) => a.status === "accepted");
  if (!accepted.length) problems.push({ field: "applications", message: "no application was accepted" });
  if (opts.input.endDate < opts.input.startDate)
    problems.push({ field: "endDate", message: `is before the start date ${opts.input.startDate}` });
  if (problems.length) throw invalidFields(problems);
  return opts.db.transaction(async (tx) => {
    const moved = await tx
      .update(openCalls)
      .set({ status: "decided", version: call.version + 1, updatedAt: new Date() })
      .where(and(eq(openCalls.id, call.id), eq(openCalls.version, call.version)))
      .returning({ id: openCalls.id });
    if (!moved.length) throw staleVersion("This open call");
    const contract = await createContract({
      db: opts.db,
      tx,
      actor: opts.actor,
      openCallId: call.id,
      input: {
        type: call.contractType as ContractType,
        institutionId: call.institutionId,
        title: opts.input.title ?? call.title,
        purpose: call.goals,
        startDate: opts.input.startDate,
        endDate: opts.input.endDate,
        ipTerms: call.ipRule,
        rateStep: 1,
        taxRateBp: STANDARD_TAX_RATE_BP,
        parties: accepted.map((a) => ({
          organizationId: a.organizationId,
          role: "member" as const,
          contactName: a.contactName,
          contactEmail: a.contactEmail,
        })),
        members: [],
        budget: [],
      },
    });
    await tx.update(openCalls).set({ contractId: contract.id }).where(eq(openCalls.id, call.id));
    return contract;
  });
}
