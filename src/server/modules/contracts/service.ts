/**
 * Contracts: create and edit (until signing), the lifecycle 申込 → 受入決定 → 契約締結 → 請求 → 入金 →
 * 実施中 → 完了報告 (or 中止), amendments (変更契約) as revisions, and the reads. The rate of indirect cost
 * comes from the institution's table until signing; signing fixes it. A case that reaches 契約 opens a
 * contract (`openContractForCase`, called in the case's transaction).
 *
 * Who handles a contract: `policy.contractScope` — its lead institution or a participating institution
 * is one the viewer covers (admins and executives: all).
 */
import { and, asc, desc, eq, inArray, ne, type SQL, sql } from "drizzle-orm";
import type { IndirectBasis } from "../../../shared/budget";
import { reallocateFrom, splitByWeights } from "../../../shared/budget";
import { fiscalYearOf, fiscalYearRange, todayJst } from "../../../shared/dates";
import { formatYen } from "../../../shared/money";
import { type Actor, contractScope, type EditScope } from "../../auth/policy";
import type { Db, DbOrTx } from "../../db/client";
import {
  contractBudgetYears,
  contractContributions,
  contractDocuments,
  contractEvents,
  contractMembers,
  contractParties,
  contractRevisions,
  contracts,
  invoices,
  needMatches,
  numberCounters,
  organizations,
  researchers,
} from "../../db/schema";
import { type FieldProblem, invalid, invalidFields, notFound, staleVersion } from "../../errors";
import { iso } from "../../lib/iso";
import { coveredInstitutions, rowsOf } from "../catalog/search-sql";
import {
  type ContractEventKind,
  type ContractStatus,
  type ContractType,
  DIRECT_KINDS,
  type DirectKind,
  isPooledType,
  isSigned,
  PAYING_ROLES,
  STANDARD_TAX_RATE_BP,
} from "./codes";
import { type BudgetYearInput, type ContractContent, type Plan, type PlanFacts, planContract } from "./plan";
import { assertHandlesInstitution, resolveRate, tableFollowers } from "./rates";

export type ContractRow = typeof contracts.$inferSelect;

export interface ContractInput extends ContractContent {
  type: ContractType;
  institutionId: string;
  caseId?: string | null | undefined;
  needId?: string | null | undefined;
  /** A negotiated rate instead of the table's; the reason is required and reported. */
  rateException?: { rateBp: number; basis: IndirectBasis; reason: string } | null | undefined;
}

/** The next number of a kind in a year (`K-2026-0001`), gap-free under a row lock. */
export async function nextNumber(tx: DbOrTx, kind: "K" | "INV", year: number): Promise<string> {
  const [row] = await tx
    .insert(numberCounters)
    .values({ kind, year, last: 1 })
    .onConflictDoUpdate({
      target: [numberCounters.kind, numberCounters.year],
      set: { last: sql`${numberCounters.last} + 1` },
    })
    .returning({ last: numberCounters.last });
  return `${kind}-${year}-${String(row!.last).padStart(4, "0")}`;
}

export async function recordContractEvent(
  tx: DbOrTx,
  e: {
    contractId: string;
    kind: ContractEventKind;
    actorId: string | null;
    body?: string | null;
    data?: Record<string, unknown>;
  },
) {
  await tx.insert(contractEvents).values({
    contractId: e.contractId,
    kind: e.kind,
    actorId: e.actorId,
    body: e.body ?? null,
    data: e.data ?? null,
  });
}

/** SQL condition: contracts (alias `c`) the scope handles. */
export function contractCondition(scope: EditScope): SQL {
  switch (scope.kind) {
    case "all":
      return sql`true`;
    case "institutions": {
      const covered = coveredInstitutions(scope);
      return sql`(c.institution_id in ${covered} or exists (select 1 from contract_parties cp_s where cp_s.contract_id = c.id and cp_s.role = 'participating_institution' and cp_s.organization_id in ${covered}))`;
    }
    default:
      return sql`false`;
  }
}

/** A contract the actor handles (404 for one they do not, so its existence is not revealed). */
export async function loadContract(db: DbOrTx, actor: Actor, id: string): Promise<ContractRow> {
  const [row] = await rowsOf<{ id: string }>(
    db,
    sql`select c.id from contracts c where c.id = ${id} and ${contractCondition(contractScope(actor))}`,
  );
  if (!row) throw notFound("The contract");
  const [c] = await db.select().from(contracts).where(eq(contracts.id, id));
  return c!;
}

async function planFacts(
  tx: DbOrTx,
  opts: {
    type: ContractType;
    institutionId: string;
    content: ContractContent;
    startDate: string;
    rate: ContractInput["rateException"];
    fixed?: { rateBp: number; basis: IndirectBasis } | null;
  },
): Promise<PlanFacts & { effectiveFrom: string | null; institutionName: string }> {
  const orgIds = [
    opts.institutionId,
    ...opts.content.parties.map((p) => p.organizationId),
    ...opts.content.members.flatMap((m) => (m.organizationId ? [m.organizationId] : [])),
  ];
  const orgRows = await tx
    .select({
      id: organizations.id,
      type: organizations.type,
      nameJa: organizations.nameJa,
      shortNameJa: organizations.shortNameJa,
    })
    .from(organizations)
    .where(inArray(organizations.id, [...new Set(orgIds)]));
  const orgs = new Map(orgRows.map((o) => [o.id, { id: o.id, type: o.type, name: o.nameJa }]));
  const institution = orgs.get(opts.institutionId);
  if (!institution) throw invalid("institutionId", "is not a known organisation");
  if (institution.type !== "university" && institution.type !== "kosen")
    throw invalid("institutionId", `${institution.name} is not a university or KOSEN`);
  const rIds = opts.content.members.flatMap((m) => (m.researcherId ? [m.researcherId] : []));
  const rRows = rIds.length
    ? await tx
        .select({
          id: researchers.id,
          nameJa: researchers.nameJa,
          nameEn: researchers.nameEn,
          organizationId: researchers.organizationId,
        })
        .from(researchers)
        .where(inArray(researchers.id, rIds))
    : [];
  const rs = new Map(
    rRows.map((r) => [
      r.id,
      { id: r.id, name: r.nameJa ?? r.nameEn ?? "", organizationId: r.organizationId },
    ]),
  );
  let rate: PlanFacts["rate"];
  let effectiveFrom: string | null = null;
  if (opts.fixed) rate = opts.fixed;
  else if (opts.rate) rate = { rateBp: opts.rate.rateBp, basis: opts.rate.basis };
  else {
    const r = await resolveRate(tx, {
      institutionId: opts.institutionId,
      institutionName: institution.name,
      type: opts.type,
      startDate: opts.startDate,
    });
    rate = "missing" in r ? r : { rateBp: r.rateBp, basis: r.basis };
    if (!("missing" in r)) effectiveFrom = r.effectiveFrom;
  }
  return {
    type: opts.type,
    institutionId: opts.institutionId,
    orgs,
    researchers: rs,
    rate,
    effectiveFrom,
    institutionName: institution.name,
  };
}

function contentColumns(c: ContractContent) {
  return {
    title: c.title,
    purpose: c.purpose ?? null,
    place: c.place ?? null,
    startDate: c.startDate,
    endDate: c.endDate,
    ipTerms: c.ipTerms ?? null,
    confidentialityTerms: c.confidentialityTerms ?? null,
    publicationTerms: c.publicationTerms ?? null,
    equipmentTerms: c.equipmentTerms ?? null,
    steeringCommittee: c.steeringCommittee ?? null,
    rateStep: c.rateStep,
    taxRateBp: c.taxRateBp,
  };
}

/**
 * Writes parties (kept by organisation, so invoices keep their party), members, budget years and
 * contributions of a plan, and the contract's totals.
 */
async function writePlan(tx: DbOrTx, contractId: string, plan: Plan) {
  const existing = await tx.select().from(contractParties).where(eq(contractParties.contractId, contractId));
  const keep = new Set(plan.parties.map((p) => p.organizationId));
  const removed = existing.filter((p) => !keep.has(p.organizationId));
  if (removed.length) {
    const billed = await tx
      .select({ partyId: invoices.partyId })
      .from(invoices)
      .where(
        inArray(
          invoices.partyId,
          removed.map((p) => p.id),
        ),
      );
    if (billed.length) throw invalid("parties", "a party that has been invoiced cannot be removed");
    await tx.delete(contractParties).where(
      inArray(
        contractParties.id,
        removed.map((p) => p.id),
      ),
    );
  }
  await tx.delete(contractContributions).where(eq(contractContributions.contractId, contractId));
  for (const [i, p] of plan.parties.entries()) {
    const values = {
      role: p.role,
      department: p.department ?? null,
      contactName: p.contactName ?? null,
      contactEmail: p.contactEmail ?? null,
      postalCode: p.postalCode ?? null,
      address: p.address ?? null,
      sortOrder: i,
    };
    const before = existing.find((e) => e.organizationId === p.organizationId);
    let partyId: string;
    if (before) {
      await tx.update(contractParties).set(values).where(eq(contractParties.id, before.id));
      partyId = before.id;
    } else {
      const [row] = await tx
        .insert(contractParties)
        .values({ ...values, contractId, organizationId: p.organizationId })
        .returning({ id: contractParties.id });
      partyId = row!.id;
    }
    for (const [fiscalYear, amount] of p.contributions)
      if ((PAYING_ROLES as readonly string[]).includes(p.role))
        await tx.insert(contractContributions).values({ contractId, partyId, fiscalYear, amount });
  }
  await tx.delete(contractMembers).where(eq(contractMembers.contractId, contractId));
  for (const [i, m] of plan.members.entries())
    await tx.insert(contractMembers).values({
      contractId,
      kind: m.kind,
      researcherId: m.researcherId ?? null,
      name: m.name,
      organizationId: m.organizationId ?? null,
      task: m.task ?? null,
      fees: m.feesByYear,
      sortOrder: i,
    });
  await tx.delete(contractBudgetYears).where(eq(contractBudgetYears.contractId, contractId));
  for (const y of plan.budget) await tx.insert(contractBudgetYears).values({ contractId, ...y });
  return {
    directTotal: plan.totals.direct,
    indirectTotal: plan.totals.indirect,
    researchFeeTotal: plan.totals.researchFee,
    total: plan.totals.total,
  };
}

export async function createContract(opts: {
  db: Db;
  actor: Actor;
  input: ContractInput;
  tx?: DbOrTx;
  openCallId?: string;
  status?: ContractStatus;
}): Promise<{ id: string; number: string }> {
  const { actor, input } = opts;
  const run = async (tx: DbOrTx) => {
    const { plan, rateColumns } = await planInput(tx, actor, input);
    const [row] = await tx
      .insert(contracts)
      .values({
        number: await nextNumber(tx, "K", fiscalYearOf(new Date())),
        type: input.type,
        status: opts.status ?? "applied",
        institutionId: input.institutionId,
        caseId: input.caseId ?? null,
        needId: input.needId ?? null,
        openCallId: opts.openCallId ?? null,
        ...contentColumns(input),
        ...rateColumns,
        createdBy: actor.id,
      })
      .returning({ id: contracts.id, number: contracts.number });
    const totals = await writePlan(tx, row!.id, plan);
    await tx.update(contracts).set(totals).where(eq(contracts.id, row!.id));
    await recordContractEvent(tx, {
      contractId: row!.id,
      kind: "created",
      actorId: actor.id,
      data: { caseId: input.caseId ?? null, openCallId: opts.openCallId ?? null },
    });
    return row!;
  };
  return opts.tx ? run(opts.tx) : opts.db.transaction(run);
}

/**
 * A contract's content checked and planned for writing (create, or edit before signing): the institution
 * must be one the actor handles, a negotiated rate needs its reason, and every problem of the plan is a 400.
 */
async function planInput(tx: DbOrTx, actor: Actor, input: ContractInput) {
  if (input.rateException && !input.rateException.reason.trim())
    throw invalid("rateException.reason", "is required for a rate other than the table's");
  const facts = await planFacts(tx, {
    type: input.type,
    institutionId: input.institutionId,
    content: input,
    startDate: input.startDate,
    rate: input.rateException,
  });
  await assertHandlesInstitution(tx, actor, input.institutionId);
  const plan = planContract(input, facts);
  if (Array.isArray(plan)) throw invalidFields(plan);
  const rate = "missing" in facts.rate ? null : facts.rate;
  return {
    plan,
    rateColumns: {
      rateBp: rate?.rateBp ?? null,
      rateBasis: rate?.basis ?? null,
      rateEffectiveFrom: input.rateException ? null : facts.effectiveFrom,
      rateExceptionReason: input.rateException?.reason.trim() ?? null,
    },
  };
}

/** Edits a contract before signing (409 on a stale version). Signed contracts change by amendment. */
export async function updateContract(opts: {
  db: Db;
  actor: Actor;
  id: string;
  input: ContractInput & { version: number };
}) {
  const { db, actor, input } = opts;
  const row = await loadContract(db, actor, opts.id);
  if (isSigned(row.status as ContractStatus) || row.status === "cancelled")
    throw invalid(
      "status",
      row.status === "cancelled"
        ? "a cancelled contract cannot be edited"
        : "the contract is signed: period, budget, members and terms change by an amendment (変更契約)",
    );
  if (row.version !== input.version) throw staleVersion("This contract");
  await db.transaction(async (tx) => {
    const { plan, rateColumns } = await planInput(tx, actor, input);
    const totals = await writePlan(tx, row.id, plan);
    const updated = await tx
      .update(contracts)
      .set({
        type: input.type,
        institutionId: input.institutionId,
        caseId: input.caseId ?? row.caseId,
        needId: input.needId ?? row.needId,
        ...contentColumns(input),
        ...rateColumns,
        ...totals,
        version: row.version + 1,
        updatedAt: new Date(),
      })
      .where(and(eq(contracts.id, row.id), eq(contracts.version, input.version)))
      .returning({ id: contracts.id });
    if (!updated.length) throw staleVersion("This contract");
    await recordContractEvent(tx, { contractId: row.id, kind: "updated", actorId: actor.id });
  });
  return getContract({ db, actor, id: row.id });
}

/** The rows a contract's content is made of: parties, their shares, members, budget years (one read each). */
async function partsOf(tx: DbOrTx, contractId: string) {
  const [parties, contributions, members, budget] = [
    await tx
      .select()
      .from(contractParties)
      .where(eq(contractParties.contractId, contractId))
      .orderBy(asc(contractParties.sortOrder)),
    await tx
      .select()
      .from(contractContributions)
      .where(eq(contractContributions.contractId, contractId))
      .orderBy(asc(contractContributions.fiscalYear)),
    await tx
      .select()
      .from(contractMembers)
      .where(eq(contractMembers.contractId, contractId))
      .orderBy(asc(contractMembers.sortOrder)),
    await tx
      .select()
      .from(contractBudgetYears)
      .where(eq(contractBudgetYears.contractId, contractId))
      .orderBy(asc(contractBudgetYears.fiscalYear)),
  ];
  return { parties, contributions, members, budget };
}
type Parts = Awaited<ReturnType<typeof partsOf>>;

/** The content of a stored contract, in the input's shape (for amendments and revision snapshots). */
export async function contentOf(tx: DbOrTx, c: ContractRow): Promise<ContractInput> {
  return contentFrom(c, await partsOf(tx, c.id));
}

function contentFrom(c: ContractRow, { parties, contributions, members, budget }: Parts): ContractInput {
  return {
    type: c.type as ContractType,
    institutionId: c.institutionId,
    caseId: c.caseId,
    needId: c.needId,
    title: c.title,
    purpose: c.purpose,
    place: c.place,
    startDate: c.startDate,
    endDate: c.endDate,
    ipTerms: c.ipTerms,
    confidentialityTerms: c.confidentialityTerms,
    publicationTerms: c.publicationTerms,
    equipmentTerms: c.equipmentTerms,
    steeringCommittee: c.steeringCommittee,
    rateStep: c.rateStep,
    taxRateBp: c.taxRateBp,
    rateException:
      c.rateExceptionReason && c.rateBp !== null
        ? { rateBp: c.rateBp, basis: c.rateBasis as IndirectBasis, reason: c.rateExceptionReason }
        : null,
    parties: parties.map((p) => ({
      organizationId: p.organizationId,
      role: p.role,
      department: p.department,
      contactName: p.contactName,
      contactEmail: p.contactEmail,
      postalCode: p.postalCode,
      address: p.address,
      contributions: contributions
        .filter((x) => x.partyId === p.id)
        .map((x) => ({ fiscalYear: x.fiscalYear, amount: x.amount })),
    })),
    members: members.map((m) => ({
      kind: m.kind,
      researcherId: m.researcherId,
      name: m.name,
      organizationId: m.organizationId,
      task: m.task,
      fees: Object.entries(m.fees).map(([fy, amount]) => ({ fiscalYear: Number(fy), amount })),
    })),
    budget: budget.map((y) => ({
      fiscalYear: y.fiscalYear,
      personnel: y.personnel,
      consumables: y.consumables,
      travel: y.travel,
      equipment: y.equipment,
      other: y.other,
    })),
  };
}

async function snapshotOf(tx: DbOrTx, c: ContractRow) {
  const parts = await partsOf(tx, c.id);
  return {
    ...contentFrom(c, parts),
    rateBp: c.rateBp,
    rateBasis: c.rateBasis,
    rateEffectiveFrom: c.rateEffectiveFrom,
    budgetYears: parts.budget.map(({ contractId: _c, ...y }) => y),
    totals: {
      direct: c.directTotal,
      indirect: c.indirectTotal,
      researchFee: c.researchFeeTotal,
      total: c.total,
    },
  } as Record<string, unknown>;
}

const TRANSITIONS: Record<string, { from: readonly ContractStatus[]; to: ContractStatus }> = {
  accept: { from: ["applied"], to: "accepted" },
  sign: { from: ["accepted"], to: "signed" },
  start: { from: ["signed", "invoiced", "paid"], to: "in_progress" },
  complete: { from: ["in_progress"], to: "completed" },
  cancel: { from: ["applied", "accepted", "signed", "invoiced", "paid", "in_progress"], to: "cancelled" },
};
export type ContractAction = keyof typeof TRANSITIONS;
export const CONTRACT_ACTIONS = Object.keys(TRANSITIONS) as ContractAction[];

/**
 * Moves a contract on: accept (受入決定: needs a PI, the paying party and a budget), sign (契約締結:
 * fixes the rate and keeps revision 0), start (実施中), complete (完了報告: needs the completion
 * report among the documents), cancel (中止: needs a reason). 請求 and 入金 follow the invoices.
 */
export async function transitionContract(opts: {
  db: Db;
  actor: Actor;
  id: string;
  input: {
    action: ContractAction;
    version: number;
    date?: string | undefined;
    reason?: string | null | undefined;
  };
  now?: Date;
}) {
  const { db, actor, input } = opts;
  const now = opts.now ?? new Date();
  const row = await loadContract(db, actor, opts.id);
  const t = TRANSITIONS[input.action]!;
  const status = row.status as ContractStatus;
  if (!t.from.includes(status))
    throw invalid("action", `a contract that is ${status} cannot be moved by "${input.action}"`);
  if (row.version !== input.version) throw staleVersion("This contract");
  const date = input.date ?? todayJst(now);
  const problems: FieldProblem[] = [];
  const content = await contentOf(db, row);
  if (input.action === "accept" || input.action === "sign") {
    if (!content.members.some((m) => m.kind === "pi"))
      problems.push({ field: "members", message: "needs the principal investigator (研究代表者)" });
    if (!content.parties.some((p) => (PAYING_ROLES as readonly string[]).includes(p.role)))
      problems.push({ field: "parties", message: "needs the party that pays (sponsor or member)" });
    if (row.total <= 0) problems.push({ field: "budget", message: "needs a budget" });
  }
  if (input.action === "cancel" && !input.reason?.trim())
    problems.push({ field: "reason", message: "is required to cancel (中止) a contract" });
  if (input.action === "complete") {
    const [report] = await db
      .select({ id: contractDocuments.id })
      .from(contractDocuments)
      .where(and(eq(contractDocuments.contractId, row.id), eq(contractDocuments.kind, "completion_report")));
    if (!report)
      problems.push({ field: "documents", message: "attach the completion report (完了報告書) first" });
  }
  if (problems.length) throw invalidFields(problems);

  await db.transaction(async (tx) => {
    const set: Partial<typeof contracts.$inferInsert> = {
      status: t.to,
      version: row.version + 1,
      updatedAt: now,
    };
    if (input.action === "sign") {
      // The rate is fixed now: the table's rate for the start date (unless negotiated), re-computed once.
      const facts = await planFacts(tx, {
        type: row.type as ContractType,
        institutionId: row.institutionId,
        content,
        startDate: row.startDate,
        rate: content.rateException,
      });
      const plan = planContract(content, facts);
      if (Array.isArray(plan)) throw invalidFields(plan);
      const rate = facts.rate as { rateBp: number; basis: IndirectBasis };
      Object.assign(set, await writePlan(tx, row.id, plan), {
        rateBp: rate.rateBp,
        rateBasis: rate.basis,
        rateEffectiveFrom: content.rateException ? null : facts.effectiveFrom,
        rateFixedAt: now,
        signedOn: date,
      });
    }
    if (input.action === "complete") set.completedOn = date;
    if (input.action === "cancel")
      Object.assign(set, { cancelledOn: date, cancelReason: input.reason!.trim() });
    const updated = await tx
      .update(contracts)
      .set(set)
      .where(and(eq(contracts.id, row.id), eq(contracts.version, input.version)))
      .returning();
    if (!updated.length) throw staleVersion("This contract");
    if (input.action === "sign")
      await tx.insert(contractRevisions).values({
        contractId: row.id,
        revision: 0,
        effectiveOn: date,
        reason: null,
        snapshot: await snapshotOf(tx, updated[0]!),
        createdBy: actor.id,
      });
    await recordContractEvent(tx, {
      contractId: row.id,
      kind: input.action === "sign" ? "signed" : "status",
      actorId: actor.id,
      body: input.reason?.trim() || null,
      data: { from: status, to: t.to, date },
    });
  });
  return getContract({ db, actor, id: row.id });
}

/** Moves a signed contract to 請求 (first invoice) or 入金 (every invoice paid); called by invoices.ts. */
export async function followInvoices(tx: DbOrTx, contractId: string, actorId: string) {
  const [c] = await tx.select().from(contracts).where(eq(contracts.id, contractId));
  if (!c) return;
  const open = await tx
    .select({ status: invoices.status })
    .from(invoices)
    .where(and(eq(invoices.contractId, contractId), ne(invoices.status, "cancelled")));
  let to: ContractStatus | null = null;
  if (c.status === "signed" && open.length) to = "invoiced";
  if (
    (c.status === "invoiced" || c.status === "signed") &&
    open.length &&
    open.every((i) => i.status === "paid")
  )
    to = "paid";
  if (!to) return;
  await tx
    .update(contracts)
    .set({ status: to, version: c.version + 1, updatedAt: new Date() })
    .where(eq(contracts.id, contractId));
  await recordContractEvent(tx, { contractId, kind: "status", actorId, data: { from: c.status, to } });
}

// ---------------------------------------------------------------------------------------------------
// Amendments

export interface AmendmentInput {
  version: number;
  effectiveOn: string;
  reason: string;
  /** The whole contract as amended (period, budget, members, parties, terms). */
  content: ContractContent;
  /**
   * Instead of the budget's rows: new totals of the direct-cost lines over the whole contract, re-allocated
   * by days from the amendment's fiscal year (closed years keep theirs).
   */
  reallocate?: Record<DirectKind, number> | null | undefined;
}

function diff(before: Record<string, unknown>, after: Record<string, unknown>) {
  const out: { field: string; from: unknown; to: unknown }[] = [];
  for (const k of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const a = JSON.stringify(before[k] ?? null);
    const b = JSON.stringify(after[k] ?? null);
    if (a !== b) out.push({ field: k, from: before[k] ?? null, to: after[k] ?? null });
  }
  return out;
}

/**
 * A 変更契約: the amended contract is checked as a whole with the rate fixed at signing; fiscal years
 * that ended before the amendment's keep their budget and contributions; no party may end up owing less
 * than it has been invoiced for a year. The result is kept as the next revision, with what changed.
 */
export async function amendContract(opts: { db: Db; actor: Actor; id: string; input: AmendmentInput }) {
  const { db, actor, input } = opts;
  const row = await loadContract(db, actor, opts.id);
  const status = row.status as ContractStatus;
  if (!isSigned(status) || status === "completed")
    throw invalid(
      "status",
      status === "completed"
        ? "a completed contract cannot be amended"
        : "only a signed contract is amended; edit it directly until it is signed",
    );
  if (input.effectiveOn < row.startDate)
    throw invalid("effectiveOn", `is before the contract's start (${row.startDate})`);
  if (!input.reason.trim()) throw invalid("reason", "is required: say what the amendment changes and why");
  const closedFy = fiscalYearOf(input.effectiveOn);
  const current = await contentOf(db, row);
  const content: ContractContent = { ...input.content };

  if (input.reallocate) {
    const rows = new Map<number, BudgetYearInput>();
    for (const kind of DIRECT_KINDS) {
      const alloc = reallocateFrom({
        current: current.budget.map((b) => ({ fiscalYear: b.fiscalYear, amount: b[kind] })),
        amendedOn: input.effectiveOn,
        newTotal: input.reallocate[kind],
        start: content.startDate,
        end: content.endDate,
      });
      for (const a of alloc) {
        const r =
          rows.get(a.fiscalYear) ??
          ({
            fiscalYear: a.fiscalYear,
            personnel: 0,
            consumables: 0,
            travel: 0,
            equipment: 0,
            other: 0,
          } as BudgetYearInput);
        r[kind] = a.amount;
        rows.set(a.fiscalYear, r);
      }
    }
    content.budget = [...rows.values()].sort((a, b) => a.fiscalYear - b.fiscalYear);
  }

  const fixed = row.rateBp === null ? null : { rateBp: row.rateBp, basis: row.rateBasis as IndirectBasis };
  const facts = await planFacts(db, {
    type: row.type as ContractType,
    institutionId: row.institutionId,
    content,
    startDate: content.startDate,
    rate: null,
    fixed,
  });
  // Pooled contracts re-allocated without new contributions: each open year split by the parties' shares.
  if (input.reallocate && isPooledType(row.type as ContractType)) {
    // The years' totals first, planned as with a single payer (no contributions to check yet).
    const firstPayer = content.parties.find((p) => (PAYING_ROLES as readonly string[]).includes(p.role));
    const pre = planContract(
      {
        ...content,
        parties: [
          ...content.parties.filter((p) => !(PAYING_ROLES as readonly string[]).includes(p.role)),
          ...(firstPayer ? [{ ...firstPayer, contributions: [] }] : []),
        ],
      },
      { ...facts, type: "joint" },
    );
    if (!Array.isArray(pre)) {
      const paying = content.parties.filter((p) => (PAYING_ROLES as readonly string[]).includes(p.role));
      const weights = paying.map((p) => (p.contributions ?? []).reduce((a, c) => a + c.amount, 0));
      if (weights.some((w) => w > 0))
        for (const y of pre.budget) {
          if (y.fiscalYear < closedFy) continue;
          const parts = splitByWeights(y.total, weights);
          paying.forEach((p, i) => {
            p.contributions = [
              ...(p.contributions ?? []).filter((c) => c.fiscalYear !== y.fiscalYear),
              { fiscalYear: y.fiscalYear, amount: parts[i]! },
            ];
          });
        }
    }
  }
  const plan = planContract(content, facts);
  if (Array.isArray(plan)) throw invalidFields(plan);

  const problems: FieldProblem[] = [];
  // Closed fiscal years keep what they had.
  const before = await db
    .select()
    .from(contractBudgetYears)
    .where(eq(contractBudgetYears.contractId, row.id));
  const closedBefore = before.filter((y) => y.fiscalYear < closedFy);
  for (const y of closedBefore) {
    const after = plan.budget.find((b) => b.fiscalYear === y.fiscalYear);
    if (!after || DIRECT_KINDS.some((k) => after[k] !== y[k]) || after.researchFee !== y.researchFee)
      problems.push({
        field: "budget",
        message: `FY${y.fiscalYear} ended before the amendment takes effect (${input.effectiveOn}); its budget cannot change`,
      });
  }
  for (const b of plan.budget)
    if (b.fiscalYear < closedFy && !closedBefore.some((y) => y.fiscalYear === b.fiscalYear))
      problems.push({
        field: "budget",
        message: `FY${b.fiscalYear} ended before the amendment takes effect; it cannot be added`,
      });
  // No one owes less than they have been invoiced.
  const billed = await rowsOf<{ organization_id: string; name: string; fiscal_year: number; amount: string }>(
    db,
    sql`select p.organization_id, o.name_ja as name, i.fiscal_year, sum(i.amount) as amount
        from invoices i join contract_parties p on p.id = i.party_id join organizations o on o.id = p.organization_id
        where i.contract_id = ${row.id} and i.status <> 'cancelled' group by 1, 2, 3`,
  );
  for (const b of billed) {
    const party = plan.parties.find((p) => p.organizationId === b.organization_id);
    const owed = party?.contributions.get(b.fiscal_year) ?? 0;
    if (owed < Number(b.amount))
      problems.push({
        field: "parties",
        message: `${b.name} has been invoiced ${formatYen(Number(b.amount), "ja")} for FY${b.fiscal_year}; the amendment would lower its share to ${formatYen(owed, "ja")}`,
      });
  }
  if (problems.length) throw invalidFields(problems);

  return db.transaction(async (tx) => {
    const beforeSnap = await snapshotOf(tx, row);
    const totals = await writePlan(tx, row.id, plan);
    const updated = await tx
      .update(contracts)
      .set({
        ...contentColumns(content),
        ...totals,
        revision: row.revision + 1,
        version: row.version + 1,
        updatedAt: new Date(),
      })
      .where(and(eq(contracts.id, row.id), eq(contracts.version, input.version)))
      .returning();
    if (!updated.length) throw staleVersion("This contract");
    const afterSnap = await snapshotOf(tx, updated[0]!);
    const changes = diff(beforeSnap, afterSnap);
    await tx.insert(contractRevisions).values({
      contractId: row.id,
      revision: row.revision + 1,
      effectiveOn: input.effectiveOn,
      reason: input.reason.trim(),
      changes,
      snapshot: afterSnap,
      createdBy: actor.id,
    });
    await recordContractEvent(tx, {
      contractId: row.id,
      kind: "amended",
      actorId: actor.id,
      body: input.reason.trim(),
      data: {
        revision: row.revision + 1,
        effectiveOn: input.effectiveOn,
        fields: changes.map((c) => c.field),
      },
    });
    return { revision: row.revision + 1, changes: changes.map((c) => c.field) };
  });
}

/** Re-computes the unsigned contracts of an institution that follow its table (after a table change). */
export async function recomputeFollowers(tx: DbOrTx, organizationId: string): Promise<number> {
  const ids = await tableFollowers(tx, organizationId);
  for (const { id } of ids) {
    const [row] = await tx.select().from(contracts).where(eq(contracts.id, id));
    const content = await contentOf(tx, row!);
    const facts = await planFacts(tx, {
      type: row!.type as ContractType,
      institutionId: organizationId,
      content,
      startDate: row!.startDate,
      rate: null,
    });
    const plan = planContract(content, facts);
    if (Array.isArray(plan))
      throw invalidFields(
        plan.map((p) => ({ field: p.field, message: `contract ${row!.number}: ${p.message}` })),
      );
    const rate = "missing" in facts.rate ? null : facts.rate;
    const totals = await writePlan(tx, id, plan);
    await tx
      .update(contracts)
      .set({
        ...totals,
        rateBp: rate?.rateBp ?? null,
        rateBasis: rate?.basis ?? null,
        rateEffectiveFrom: facts.effectiveFrom,
        version: row!.version + 1,
      })
      .where(eq(contracts.id, id));
  }
  return ids.length;
}

// ---------------------------------------------------------------------------------------------------
// The case link

/**
 * Opens a contract for a case that reached 契約 (in the case's transaction), unless it has one: a 共同研究
 * in 申込 with the need's title, the company as sponsor, and the researcher who accepted the inquiry
 * (else the first shortlisted) as principal investigator at their institution. Without a researcher
 * there is no institution to contract with: nothing is opened, and the case page offers to create one.
 */
export async function openContractForCase(
  tx: DbOrTx,
  c: {
    caseId: string;
    need: { id: string; title: string; companyOrganizationId: string | null };
    actor: Actor;
    now: Date;
  },
): Promise<string | null> {
  const [existing] = await tx
    .select({ id: contracts.id })
    .from(contracts)
    .where(eq(contracts.caseId, c.caseId));
  if (existing) return existing.id;
  const [match] = await tx
    .select({
      researcherId: needMatches.researcherId,
      state: needMatches.state,
      organizationId: researchers.organizationId,
    })
    .from(needMatches)
    .innerJoin(researchers, eq(researchers.id, needMatches.researcherId))
    .where(
      and(
        eq(needMatches.needId, c.need.id),
        inArray(needMatches.state, ["accepted", "inquired", "shortlisted"]),
      ),
    )
    .orderBy(sql`case ${needMatches.state} when 'accepted' then 0 when 'inquired' then 1 else 2 end`);
  if (!match) return null;
  const start = todayJst(c.now);
  const institutionId = match.organizationId;
  const [institution] = await tx
    .select({ nameJa: organizations.nameJa })
    .from(organizations)
    .where(eq(organizations.id, institutionId));
  const table = await resolveRate(tx, {
    institutionId,
    institutionName: institution?.nameJa ?? "",
    type: "joint",
    startDate: start,
  });
  const rate = "missing" in table ? null : table;
  const [row] = await tx
    .insert(contracts)
    .values({
      number: await nextNumber(tx, "K", fiscalYearOf(c.now)),
      type: "joint",
      status: "applied",
      title: c.need.title,
      startDate: start,
      endDate: fiscalYearRange(fiscalYearOf(start)).end,
      institutionId,
      caseId: c.caseId,
      needId: c.need.id,
      rateBp: rate?.rateBp ?? null,
      rateBasis: rate?.basis ?? null,
      rateEffectiveFrom: rate?.effectiveFrom ?? null,
      taxRateBp: STANDARD_TAX_RATE_BP,
      createdBy: c.actor.id,
    })
    .returning({ id: contracts.id });
  const id = row!.id;
  await tx
    .insert(contractParties)
    .values({ contractId: id, organizationId: institutionId, role: "lead_institution", sortOrder: 0 });
  if (c.need.companyOrganizationId)
    await tx
      .insert(contractParties)
      .values({ contractId: id, organizationId: c.need.companyOrganizationId, role: "sponsor", sortOrder: 1 })
      .onConflictDoNothing();
  const [r] = await tx
    .select({ nameJa: researchers.nameJa, nameEn: researchers.nameEn })
    .from(researchers)
    .where(eq(researchers.id, match.researcherId));
  await tx.insert(contractMembers).values({
    contractId: id,
    kind: "pi",
    researcherId: match.researcherId,
    name: r?.nameJa ?? r?.nameEn ?? "",
    organizationId: institutionId,
  });
  await recordContractEvent(tx, {
    contractId: id,
    kind: "created",
    actorId: c.actor.id,
    data: { caseId: c.caseId },
  });
  return id;
}

/** The contract of a case, for the case page. */
export async function contractOfCase(db: DbOrTx, caseId: string) {
  const [row] = await db
    .select({
      id: contracts.id,
      number: contracts.number,
      status: contracts.status,
      type: contracts.type,
      total: contracts.total,
    })
    .from(contracts)
    .where(eq(contracts.caseId, caseId))
    .orderBy(desc(contracts.createdAt));
  return row ?? null;
}

// ---------------------------------------------------------------------------------------------------
// Reads

export async function getContract(opts: { db: DbOrTx; actor: Actor; id: string }) {
  const { db, actor } = opts;
  const c = await loadContract(db, actor, opts.id);
  const parts = await partsOf(db, c.id);
  const orgIds = [
    ...new Set([
      ...parts.parties.map((p) => p.organizationId),
      ...parts.members.flatMap((m) => (m.organizationId ? [m.organizationId] : [])),
    ]),
  ];
  const orgs = new Map(
    (orgIds.length
      ? await db
          .select({ id: organizations.id, nameJa: organizations.nameJa, type: organizations.type })
          .from(organizations)
          .where(inArray(organizations.id, orgIds))
      : []
    ).map((o) => [o.id, o]),
  );
  const billed = await rowsOf<{ party_id: string; fiscal_year: number; amount: string }>(
    db,
    sql`select party_id, fiscal_year, sum(amount) as amount from invoices where contract_id = ${c.id} and status <> 'cancelled' group by 1, 2`,
  );
  const revisions = await rowsOf<{
    id: string;
    revision: number;
    effective_on: string;
    reason: string | null;
    changes: { field: string }[];
    created_at: Date | string;
    created_by_name: string | null;
  }>(
    db,
    sql`select r.id, r.revision, r.effective_on::text, r.reason, r.changes, r.created_at, u.display_name as created_by_name
        from contract_revisions r left join users u on u.id = r.created_by where r.contract_id = ${c.id} order by r.revision`,
  );
  const events = await rowsOf<{
    id: string;
    kind: string;
    body: string | null;
    data: Record<string, unknown> | null;
    created_at: Date | string;
    actor_name: string | null;
  }>(
    db,
    sql`select e.id, e.kind, e.body, e.data, e.created_at, u.display_name as actor_name
        from contract_events e left join users u on u.id = e.actor_id where e.contract_id = ${c.id} order by e.created_at desc, e.id`,
  );
  const documents = await db
    .select({
      id: contractDocuments.id,
      kind: contractDocuments.kind,
      fileName: contractDocuments.fileName,
      contentType: contractDocuments.contentType,
      size: contractDocuments.size,
      createdAt: contractDocuments.createdAt,
    })
    .from(contractDocuments)
    .where(eq(contractDocuments.contractId, c.id))
    .orderBy(asc(contractDocuments.createdAt));
  const invoiceRows = await rowsOf<{
    id: string;
    number: string;
    party_id: string;
    party_name: string;
    fiscal_year: number;
    instalment: number;
    subject: string;
    amount: string;
    tax: string;
    total: string;
    tax_rate_bp: number | null;
    issue_date: string;
    due_date: string;
    status: string;
    paid_amount: string;
    paid_on: string | null;
    version: number;
  }>(
    db,
    sql`select i.id, i.number, i.party_id, o.name_ja as party_name, i.fiscal_year, i.instalment, i.subject, i.amount, i.tax, i.total,
               i.tax_rate_bp, i.issue_date::text, i.due_date::text, i.status, i.paid_amount, i.paid_on::text, i.version
        from invoices i join contract_parties p on p.id = i.party_id join organizations o on o.id = p.organization_id
        where i.contract_id = ${c.id} order by i.issue_date, i.number`,
  );
  const [institution] = await db
    .select({ nameJa: organizations.nameJa, nameEn: organizations.nameEn })
    .from(organizations)
    .where(eq(organizations.id, c.institutionId));
  const caseInfo = c.caseId
    ? (
        await rowsOf<{ id: string; reference_number: string; title: string }>(
          db,
          sql`select k.id, n.reference_number, n.title from cases k join needs n on n.id = k.need_id where k.id = ${c.caseId}`,
        )
      )[0]
    : undefined;
  // What the table says now, beside the contract's rate (unsigned contracts follow it).
  const table = await resolveRate(db, {
    institutionId: c.institutionId,
    institutionName: institution?.nameJa ?? "",
    type: c.type,
    startDate: c.startDate,
  });
  const today = todayJst();
  return {
    id: c.id,
    number: c.number,
    type: c.type as ContractType,
    status: c.status as ContractStatus,
    title: c.title,
    purpose: c.purpose,
    place: c.place,
    startDate: c.startDate,
    endDate: c.endDate,
    institution: {
      id: c.institutionId,
      nameJa: institution?.nameJa ?? "",
      nameEn: institution?.nameEn ?? null,
    },
    case: caseInfo
      ? { id: caseInfo.id, referenceNumber: caseInfo.reference_number, title: caseInfo.title }
      : null,
    needId: c.needId,
    openCallId: c.openCallId,
    ipTerms: c.ipTerms,
    confidentialityTerms: c.confidentialityTerms,
    publicationTerms: c.publicationTerms,
    equipmentTerms: c.equipmentTerms,
    steeringCommittee: c.steeringCommittee,
    rate: {
      rateBp: c.rateBp,
      basis: c.rateBasis,
      step: c.rateStep,
      effectiveFrom: c.rateEffectiveFrom,
      exceptionReason: c.rateExceptionReason,
      fixedAt: iso(c.rateFixedAt),
      table:
        "missing" in table
          ? null
          : { rateBp: table.rateBp, basis: table.basis, effectiveFrom: table.effectiveFrom },
      tableMissing: "missing" in table ? table.missing : null,
    },
    taxRateBp: c.taxRateBp,
    signedOn: c.signedOn,
    completedOn: c.completedOn,
    cancelledOn: c.cancelledOn,
    cancelReason: c.cancelReason,
    revision: c.revision,
    totals: {
      direct: c.directTotal,
      indirect: c.indirectTotal,
      researchFee: c.researchFeeTotal,
      total: c.total,
    },
    version: c.version,
    parties: parts.parties.map((p) => ({
      id: p.id,
      organizationId: p.organizationId,
      name: orgs.get(p.organizationId)?.nameJa ?? "",
      organizationType: orgs.get(p.organizationId)?.type ?? "",
      role: p.role,
      department: p.department,
      contactName: p.contactName,
      contactEmail: p.contactEmail,
      postalCode: p.postalCode,
      address: p.address,
      contributions: parts.contributions
        .filter((x) => x.partyId === p.id)
        .map((x) => ({
          fiscalYear: x.fiscalYear,
          amount: x.amount,
          invoiced: Number(
            billed.find((b) => b.party_id === p.id && b.fiscal_year === x.fiscalYear)?.amount ?? 0,
          ),
        })),
    })),
    members: parts.members.map((m) => ({
      id: m.id,
      kind: m.kind,
      researcherId: m.researcherId,
      name: m.name,
      organizationId: m.organizationId,
      organizationName: m.organizationId ? (orgs.get(m.organizationId)?.nameJa ?? null) : null,
      task: m.task,
      fees: Object.entries(m.fees ?? {}).map(([fy, amount]) => ({ fiscalYear: Number(fy), amount })),
    })),
    budget: parts.budget.map(({ contractId: _c, ...y }) => y),
    input: contentFrom(c, parts),
    revisions: revisions.map((r) => ({
      id: r.id,
      revision: r.revision,
      effectiveOn: r.effective_on,
      reason: r.reason,
      fields: (r.changes ?? []).map((x) => x.field),
      createdAt: iso(r.created_at),
      createdBy: r.created_by_name,
    })),
    events: events.map((e) => ({
      id: e.id,
      kind: e.kind,
      body: e.body,
      data: e.data ?? {},
      createdAt: iso(e.created_at),
      actor: e.actor_name,
    })),
    documents: documents.map((d) => ({ ...d, createdAt: d.createdAt.toISOString() })),
    invoices: invoiceRows.map((i) => ({
      id: i.id,
      number: i.number,
      partyId: i.party_id,
      partyName: i.party_name,
      fiscalYear: i.fiscal_year,
      instalment: i.instalment,
      subject: i.subject,
      amount: Number(i.amount),
      tax: Number(i.tax),
      total: Number(i.total),
      taxRateBp: i.tax_rate_bp,
      issueDate: i.issue_date,
      dueDate: i.due_date,
      status: i.status,
      paidAmount: Number(i.paid_amount),
      paidOn: i.paid_on,
      overdue: i.status === "issued" && i.due_date < today,
      version: i.version,
    })),
  };
}

export async function getRevision(opts: { db: DbOrTx; actor: Actor; id: string; revision: number }) {
  await loadContract(opts.db, opts.actor, opts.id);
  const [r] = await opts.db
    .select()
    .from(contractRevisions)
    .where(and(eq(contractRevisions.contractId, opts.id), eq(contractRevisions.revision, opts.revision)));
  if (!r) throw notFound("The revision");
  return {
    revision: r.revision,
    effectiveOn: r.effectiveOn,
    reason: r.reason,
    changes: r.changes,
    snapshot: r.snapshot,
    createdAt: r.createdAt.toISOString(),
  };
}

export interface ContractListQuery {
  q?: string | undefined;
  status?: string | undefined;
  type?: string | undefined;
  institution?: string | undefined;
  fiscalYear?: number | undefined;
  exception?: boolean | undefined;
  page?: number | undefined;
  pageSize?: number | undefined;
}

export async function listContracts(opts: { db: DbOrTx; actor: Actor; query: ContractListQuery }) {
  const { db, actor, query } = opts;
  const parts: SQL[] = [contractCondition(contractScope(actor))];
  if (query.q) {
    const like = `%${query.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    parts.push(
      sql`(c.title ilike ${like} or c.number ilike ${like} or exists (select 1 from contract_parties cp_q join organizations o_q on o_q.id = cp_q.organization_id where cp_q.contract_id = c.id and o_q.name_ja ilike ${like}))`,
    );
  }
  if (query.status) parts.push(sql`c.status = ${query.status}`);
  if (query.type) parts.push(sql`c.type = ${query.type}`);
  if (query.institution) parts.push(sql`c.institution_id = ${query.institution}`);
  if (query.fiscalYear)
    parts.push(
      sql`exists (select 1 from contract_budget_years y where y.contract_id = c.id and y.fiscal_year = ${query.fiscalYear})`,
    );
  if (query.exception) parts.push(sql`c.rate_exception_reason is not null`);
  const where = sql.join(parts, sql` and `);
  const pageSize = Math.min(query.pageSize ?? 50, 200);
  const page = Math.max(query.page ?? 1, 1);
  const [count] = await rowsOf<{ n: string }>(db, sql`select count(*) as n from contracts c where ${where}`);
  const rows = await rowsOf<{
    id: string;
    number: string;
    type: string;
    status: string;
    title: string;
    start_date: string;
    end_date: string;
    institution_name: string;
    sponsors: string | null;
    total: string;
    rate_bp: number | null;
    rate_basis: string | null;
    rate_exception_reason: string | null;
    pi: string | null;
  }>(
    db,
    sql`select c.id, c.number, c.type, c.status, c.title, c.start_date::text, c.end_date::text, o.name_ja as institution_name,
               (select string_agg(o2.name_ja, '、' order by p2.sort_order) from contract_parties p2 join organizations o2 on o2.id = p2.organization_id
                 where p2.contract_id = c.id and p2.role in ('sponsor', 'member')) as sponsors,
               c.total, c.rate_bp, c.rate_basis, c.rate_exception_reason,
               (select m.name from contract_members m where m.contract_id = c.id and m.kind = 'pi' limit 1) as pi
        from contracts c join organizations o on o.id = c.institution_id
        where ${where} order by c.created_at desc, c.number desc limit ${pageSize} offset ${(page - 1) * pageSize}`,
  );
  return {
    total: Number(count?.n ?? 0),
    page,
    pageSize,
    items: rows.map((r) => ({
      id: r.id,
      number: r.number,
      type: r.type,
      status: r.status,
      title: r.title,
      startDate: r.start_date,
      endDate: r.end_date,
      institutionName: r.institution_name,
      sponsors: r.sponsors,
      principalInvestigator: r.pi,
      total: Number(r.total),
      rateBp: r.rate_bp,
      rateBasis: r.rate_basis,
      rateExceptionReason: r.rate_exception_reason,
    })),
  };
}
