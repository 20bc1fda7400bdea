/**
 * Invoices (請求書) per paying party and instalment, payments, the overdue list, the institutions' invoice
 * settings (issuer, 登録番号, 振込先), and the PDFs of an invoice and of the acceptance notice.
 *
 * Money: an invoice is for a party's share of one fiscal year (all of it, or an instalment). Consumption
 * tax is the amount × the contract's rate, cut down to the yen (端数切捨て), once per invoice as the
 * qualified-invoice rules ask; a 不課税 contract has no tax line. The amount is shown split into 直接経費,
 * 間接経費 and 研究料 in the proportions of that year's budget (largest remainder, so the lines add up).
 */
import { and, asc, eq, ne, sql } from "drizzle-orm";
import { splitByWeights } from "../../../shared/budget";
import { addDays, formatFiscalYear, todayJst } from "../../../shared/dates";
import { formatYen } from "../../../shared/money";
import { type Actor, contractScope } from "../../auth/policy";
import type { Db, DbOrTx } from "../../db/client";
import {
  contractBudgetYears,
  contractContributions,
  contractMembers,
  contractParties,
  institutionBilling,
  invoicePayments,
  invoices,
  organizations,
} from "../../db/schema";
import { invalid, invalidFields, notFound, staleVersion } from "../../errors";
import { recordAudit } from "../audit/service";
import { rowsOf } from "../catalog/search-sql";
import {
  CONTRACT_TYPE_LABELS,
  type ContractStatus,
  type ContractType,
  DEFAULT_PAYMENT_DAYS,
  PAYING_ROLES,
} from "./codes";
import {
  type AcceptanceNoticePdf,
  type InvoicePdf,
  renderAcceptanceNoticePdf,
  renderInvoicePdf,
} from "./pdf";
import { assertHandlesInstitution } from "./rates";
import { contractCondition, followInvoices, loadContract, nextNumber, recordContractEvent } from "./service";

const BILLABLE: readonly ContractStatus[] = ["signed", "invoiced", "paid", "in_progress"];

/** Consumption tax of an amount, cut down to the yen. */
export function taxOf(amount: number, rateBp: number | null): number {
  if (rateBp === null) return 0;
  return Number((BigInt(amount) * BigInt(rateBp)) / 10_000n);
}

export interface InvoiceInput {
  partyId: string;
  fiscalYear: number;
  amount: number;
  issueDate?: string | undefined;
  dueDate?: string | undefined;
  subject?: string | null | undefined;
}

export async function issueInvoice(opts: {
  db: Db;
  actor: Actor;
  contractId: string;
  input: InvoiceInput;
  now?: Date;
}) {
  const { db, actor, input } = opts;
  const c = await loadContract(db, actor, opts.contractId);
  if (!BILLABLE.includes(c.status as ContractStatus))
    throw invalid(
      "status",
      "invoices are issued once the contract is signed (契約締結), and not after completion or cancellation",
    );
  const [party] = await db
    .select({ id: contractParties.id, role: contractParties.role, name: organizations.nameJa })
    .from(contractParties)
    .innerJoin(organizations, eq(organizations.id, contractParties.organizationId))
    .where(and(eq(contractParties.id, input.partyId), eq(contractParties.contractId, c.id)));
  if (!party) throw invalid("partyId", "is not a party of this contract");
  if (!(PAYING_ROLES as readonly string[]).includes(party.role))
    throw invalid("partyId", `${party.name} does not pay under this contract`);
  const issueDate = input.issueDate ?? todayJst(opts.now);
  const dueDate = input.dueDate ?? addDays(issueDate, DEFAULT_PAYMENT_DAYS);
  const problems = [];
  if (dueDate < issueDate)
    problems.push({ field: "dueDate", message: `is before the issue date ${issueDate}` });
  if (input.amount <= 0) problems.push({ field: "amount", message: "must be more than 0 yen" });
  if (problems.length) throw invalidFields(problems);

  return db.transaction(async (tx) => {
    // Lock the party's row so that two officers cannot invoice the same share twice.
    await tx.execute(sql`select id from contract_parties where id = ${party.id} for update`);
    const [share] = await tx
      .select({ amount: contractContributions.amount })
      .from(contractContributions)
      .where(
        and(
          eq(contractContributions.partyId, party.id),
          eq(contractContributions.fiscalYear, input.fiscalYear),
        ),
      );
    const [billed] = await rowsOf<{ amount: string | null; n: string }>(
      tx,
      sql`select sum(amount) filter (where fiscal_year = ${input.fiscalYear} and status <> 'cancelled') as amount, count(*) as n
          from invoices where party_id = ${party.id}`,
    );
    const owed = share?.amount ?? 0;
    const left = owed - Number(billed?.amount ?? 0);
    if (input.amount > left)
      throw invalid(
        "amount",
        owed === 0
          ? `${party.name} has no share for FY${input.fiscalYear}`
          : `${formatYen(input.amount, "ja")} is more than the ${formatYen(left, "ja")} of ${party.name}'s FY${input.fiscalYear} share not yet invoiced`,
      );
    const instalment = Number(billed?.n ?? 0) + 1;
    const tax = taxOf(input.amount, c.taxRateBp);
    const subject =
      input.subject?.trim() ||
      `${CONTRACT_TYPE_LABELS[c.type as ContractType].ja}経費（${formatFiscalYear(input.fiscalYear, "ja")}・第${instalment}回）`;
    const [row] = await tx
      .insert(invoices)
      .values({
        number: await nextNumber(tx, "INV", Number(issueDate.slice(0, 4))),
        contractId: c.id,
        partyId: party.id,
        fiscalYear: input.fiscalYear,
        instalment,
        subject,
        amount: input.amount,
        taxRateBp: c.taxRateBp,
        tax,
        total: input.amount + tax,
        issueDate,
        dueDate,
        createdBy: actor.id,
      })
      .returning({ id: invoices.id, number: invoices.number });
    await recordContractEvent(tx, {
      contractId: c.id,
      kind: "invoice_issued",
      actorId: actor.id,
      body: `${row!.number} ${party.name} ${formatYen(input.amount + tax, "ja")}`,
      data: { invoiceId: row!.id },
    });
    await followInvoices(tx, c.id, actor.id);
    return row!;
  });
}

async function loadInvoice(db: DbOrTx, actor: Actor, id: string) {
  const [inv] = await db.select().from(invoices).where(eq(invoices.id, id));
  if (!inv) throw notFound("The invoice");
  const contract = await loadContract(db, actor, inv.contractId);
  return Object.assign(inv, { contract });
}

export async function recordPayment(opts: {
  db: Db;
  actor: Actor;
  invoiceId: string;
  input: { paidOn: string; amount: number; note?: string | null | undefined; version: number };
}) {
  const { db, actor, input } = opts;
  const inv = await loadInvoice(db, actor, opts.invoiceId);
  if (inv.status !== "issued")
    throw invalid(
      "status",
      inv.status === "paid" ? "the invoice is paid in full" : "the invoice was cancelled",
    );
  const outstanding = inv.total - inv.paidAmount;
  const problems = [];
  if (input.amount <= 0) problems.push({ field: "amount", message: "must be more than 0 yen" });
  else if (input.amount > outstanding)
    problems.push({
      field: "amount",
      message: `is more than the ${formatYen(outstanding, "ja")} still open on ${inv.number}`,
    });
  if (input.paidOn < inv.issueDate)
    problems.push({ field: "paidOn", message: `is before the invoice was issued (${inv.issueDate})` });
  if (problems.length) throw invalidFields(problems);
  if (inv.version !== input.version) throw staleVersion("This invoice");
  await db.transaction(async (tx) => {
    const paid = inv.paidAmount + input.amount;
    const full = paid === inv.total;
    const updated = await tx
      .update(invoices)
      .set({
        paidAmount: paid,
        status: full ? "paid" : "issued",
        paidOn: full ? input.paidOn : null,
        version: inv.version + 1,
      })
      .where(and(eq(invoices.id, inv.id), eq(invoices.version, input.version)))
      .returning({ id: invoices.id });
    if (!updated.length) throw staleVersion("This invoice");
    await tx.insert(invoicePayments).values({
      invoiceId: inv.id,
      paidOn: input.paidOn,
      amount: input.amount,
      note: input.note?.trim() || null,
      recordedBy: actor.id,
    });
    await recordContractEvent(tx, {
      contractId: inv.contractId,
      kind: "payment",
      actorId: actor.id,
      body: `${inv.number} ${formatYen(input.amount, "ja")}${full ? "（完済）" : ""}`,
      data: { invoiceId: inv.id, paidOn: input.paidOn },
    });
    await followInvoices(tx, inv.contractId, actor.id);
  });
  return { status: inv.paidAmount + input.amount === inv.total ? "paid" : "issued" };
}

export async function cancelInvoice(opts: {
  db: Db;
  actor: Actor;
  invoiceId: string;
  input: { reason: string; version: number };
}) {
  const { db, actor, input } = opts;
  const inv = await loadInvoice(db, actor, opts.invoiceId);
  if (inv.status !== "issued") throw invalid("status", "only an open invoice can be cancelled");
  if (inv.paidAmount > 0) throw invalid("status", "the invoice has payments; it cannot be cancelled");
  if (!input.reason.trim()) throw invalid("reason", "is required");
  if (inv.version !== input.version) throw staleVersion("This invoice");
  await db.transaction(async (tx) => {
    const updated = await tx
      .update(invoices)
      .set({ status: "cancelled", cancelReason: input.reason.trim(), version: inv.version + 1 })
      .where(and(eq(invoices.id, inv.id), eq(invoices.version, input.version)))
      .returning({ id: invoices.id });
    if (!updated.length) throw staleVersion("This invoice");
    await recordContractEvent(tx, {
      contractId: inv.contractId,
      kind: "invoice_cancelled",
      actorId: actor.id,
      body: `${inv.number}: ${input.reason.trim()}`,
      data: { invoiceId: inv.id },
    });
  });
}

/** Open invoices of the contracts the actor handles; `overdue` only those past their due date. */
export async function listInvoices(opts: {
  db: DbOrTx;
  actor: Actor;
  query: { state?: "open" | "overdue" | "all" | undefined };
  now?: Date;
}) {
  const today = todayJst(opts.now);
  const state = opts.query.state ?? "open";
  const cond =
    state === "all"
      ? sql`true`
      : state === "overdue"
        ? sql`i.status = 'issued' and i.due_date < ${today}`
        : sql`i.status = 'issued'`;
  const rows = await rowsOf<{
    id: string;
    number: string;
    contract_id: string;
    contract_number: string;
    contract_title: string;
    party_name: string;
    fiscal_year: number;
    instalment: number;
    total: string;
    paid_amount: string;
    issue_date: string;
    due_date: string;
    status: string;
  }>(
    opts.db,
    sql`select i.id, i.number, c.id as contract_id, c.number as contract_number, c.title as contract_title, o.name_ja as party_name,
               i.fiscal_year, i.instalment, i.total, i.paid_amount, i.issue_date::text, i.due_date::text, i.status
        from invoices i join contracts c on c.id = i.contract_id join contract_parties p on p.id = i.party_id
        join organizations o on o.id = p.organization_id
        where ${cond} and ${contractCondition(contractScope(opts.actor))}
        order by i.due_date, i.number limit 1000`,
  );
  return rows.map((r) => ({
    id: r.id,
    number: r.number,
    contractId: r.contract_id,
    contractNumber: r.contract_number,
    contractTitle: r.contract_title,
    partyName: r.party_name,
    fiscalYear: r.fiscal_year,
    instalment: r.instalment,
    total: Number(r.total),
    outstanding: Number(r.total) - Number(r.paid_amount),
    issueDate: r.issue_date,
    dueDate: r.due_date,
    status: r.status,
    daysOverdue:
      r.status === "issued" && r.due_date < today
        ? Math.round((Date.parse(today) - Date.parse(r.due_date)) / 86_400_000)
        : 0,
  }));
}

// ---------------------------------------------------------------------------------------------------
// Invoice settings of an institution

export type BillingInput = Omit<
  typeof institutionBilling.$inferInsert,
  "organizationId" | "updatedBy" | "updatedAt"
>;

export async function getBilling(opts: { db: DbOrTx; actor: Actor; organizationId: string }) {
  await assertHandlesInstitution(opts.db, opts.actor, opts.organizationId);
  const [row] = await opts.db
    .select()
    .from(institutionBilling)
    .where(eq(institutionBilling.organizationId, opts.organizationId));
  const {
    updatedBy: _u,
    updatedAt,
    ...rest
  } = row ?? ({ organizationId: opts.organizationId } as typeof institutionBilling.$inferSelect);
  return {
    ...rest,
    organizationId: opts.organizationId,
    updatedAt: updatedAt ? updatedAt.toISOString() : null,
  };
}

export async function saveBilling(opts: {
  db: Db;
  actor: Actor;
  organizationId: string;
  input: BillingInput;
}) {
  await assertHandlesInstitution(opts.db, opts.actor, opts.organizationId);
  const values = { ...opts.input, updatedBy: opts.actor.id, updatedAt: new Date() };
  await opts.db.transaction(async (tx) => {
    await tx
      .insert(institutionBilling)
      .values({ organizationId: opts.organizationId, ...values })
      .onConflictDoUpdate({ target: institutionBilling.organizationId, set: values });
    await recordAudit(tx, {
      action: "contract.billing_changed",
      actor: opts.actor,
      target: { type: "organization", id: opts.organizationId },
      details: opts.input as Record<string, unknown>,
    });
  });
  return getBilling({ db: opts.db, actor: opts.actor, organizationId: opts.organizationId });
}

// ---------------------------------------------------------------------------------------------------
// PDFs

async function issuerOf(tx: DbOrTx, institutionId: string) {
  const [org] = await tx.select().from(organizations).where(eq(organizations.id, institutionId));
  const [b] = await tx
    .select()
    .from(institutionBilling)
    .where(eq(institutionBilling.organizationId, institutionId));
  return { org: org!, billing: b ?? null };
}

/** The data of an invoice's PDF (also used by the tests to check the figures). */
export async function invoicePdfData(opts: {
  db: DbOrTx;
  actor: Actor;
  invoiceId: string;
}): Promise<InvoicePdf> {
  const inv = await loadInvoice(opts.db, opts.actor, opts.invoiceId);
  const c = inv.contract;
  const [party] = await opts.db
    .select({ p: contractParties, name: organizations.nameJa, address: organizations.address })
    .from(contractParties)
    .innerJoin(organizations, eq(organizations.id, contractParties.organizationId))
    .where(eq(contractParties.id, inv.partyId));
  const { org, billing } = await issuerOf(opts.db, c.institutionId);
  if (!billing?.bankName || !billing.accountNumber)
    throw invalid(
      "billing",
      `${org.nameJa} has no bank account for invoices yet; a contract officer enters it under 請求書の設定`,
    );
  const [year] = await opts.db
    .select()
    .from(contractBudgetYears)
    .where(and(eq(contractBudgetYears.contractId, c.id), eq(contractBudgetYears.fiscalYear, inv.fiscalYear)));
  const weights = year ? [year.direct, year.indirect, year.researchFee] : [1, 0, 0];
  const parts = weights.some((w) => w > 0) ? splitByWeights(inv.amount, weights) : [inv.amount, 0, 0];
  const labels = ["直接経費", "間接経費", "研究料"];
  const lines = parts.flatMap((amount, i) => (amount > 0 ? [{ label: labels[i]!, amount }] : []));
  return {
    number: inv.number,
    issueDate: inv.issueDate,
    dueDate: inv.dueDate,
    recipient: {
      name: party!.name,
      department: party!.p.department,
      contactName: party!.p.contactName,
      postalCode: party!.p.postalCode,
      address: party!.p.address ?? party!.address,
    },
    issuer: {
      name: org.nameJa,
      department: billing.department,
      postalCode: billing.postalCode,
      address: billing.address ?? org.address,
      phone: billing.phone,
      email: billing.email,
      registrationNumber: billing.registrationNumber,
    },
    subject: inv.subject,
    contractNumber: c.number,
    contractTitle: c.title,
    lines,
    taxRateBp: inv.taxRateBp,
    subtotal: inv.amount,
    tax: inv.tax,
    total: inv.total,
    bank: {
      bankName: billing.bankName,
      branchName: billing.branchName ?? "",
      accountType: (billing.accountType ?? "普通") as "普通" | "当座",
      accountNumber: billing.accountNumber,
      accountHolder: billing.accountHolder ?? "",
    },
    notes: [
      "振込手数料は貴社にてご負担くださいますようお願いいたします。",
      `請求書番号 ${inv.number} をお振込の際にご記入ください。`,
    ],
  };
}

export async function invoicePdf(opts: { db: DbOrTx; actor: Actor; invoiceId: string }) {
  const data = await invoicePdfData(opts);
  return { fileName: `請求書_${data.number}.pdf`, bytes: await renderInvoicePdf(data) };
}

/** The acceptance notice (受入決定通知書) to a paying party, once the contract is accepted. */
export async function acceptanceNoticeData(opts: {
  db: DbOrTx;
  actor: Actor;
  contractId: string;
  partyId?: string | undefined;
}): Promise<AcceptanceNoticePdf> {
  const c = await loadContract(opts.db, opts.actor, opts.contractId);
  if (c.status === "applied" || c.status === "cancelled")
    throw invalid("status", "the acceptance notice is issued once the contract is accepted (受入決定)");
  const parties = await opts.db
    .select({ p: contractParties, name: organizations.nameJa, address: organizations.address })
    .from(contractParties)
    .innerJoin(organizations, eq(organizations.id, contractParties.organizationId))
    .where(and(eq(contractParties.contractId, c.id), ne(contractParties.role, "lead_institution")))
    .orderBy(asc(contractParties.sortOrder));
  const party = opts.partyId
    ? parties.find((p) => p.p.id === opts.partyId)
    : parties.find((p) => (PAYING_ROLES as readonly string[]).includes(p.p.role));
  if (!party) throw invalid("partyId", "is not a paying party of this contract");
  const { org, billing } = await issuerOf(opts.db, c.institutionId);
  const [pi] = await opts.db
    .select({ name: contractMembers.name })
    .from(contractMembers)
    .where(and(eq(contractMembers.contractId, c.id), eq(contractMembers.kind, "pi")));
  const [accepted] = await rowsOf<{ created_at: Date | string }>(
    opts.db,
    sql`select created_at from contract_events where contract_id = ${c.id} and kind = 'status' and data->>'to' = 'accepted' order by created_at desc limit 1`,
  );
  const [share] = await rowsOf<{ amount: string | null }>(
    opts.db,
    sql`select sum(amount) as amount from contract_contributions where party_id = ${party.p.id}`,
  );
  const typeLabel = CONTRACT_TYPE_LABELS[c.type as ContractType].ja;
  const amounts = [
    { label: "直接経費", amount: c.directTotal },
    { label: "間接経費", amount: c.indirectTotal },
    ...(c.researchFeeTotal ? [{ label: "研究料", amount: c.researchFeeTotal }] : []),
  ];
  const shareAmount = Number(share?.amount ?? 0);
  return {
    number: `${c.number}-A`,
    issueDate: todayJst(accepted ? new Date(accepted.created_at) : new Date()),
    recipient: {
      name: party.name,
      department: party.p.department,
      contactName: party.p.contactName,
      postalCode: party.p.postalCode,
      address: party.p.address ?? party.address,
    },
    issuer: {
      name: org.nameJa,
      department: billing?.department ?? null,
      postalCode: billing?.postalCode ?? null,
      address: billing?.address ?? org.address,
      phone: billing?.phone ?? null,
      email: billing?.email ?? null,
      registrationNumber: billing?.registrationNumber ?? null,
    },
    contractTypeLabel: typeLabel,
    title: c.title,
    principalInvestigator: pi?.name ?? "",
    period: { start: c.startDate, end: c.endDate },
    amounts,
    total: c.total,
    conditions: [
      ...(shareAmount !== c.total ? [`貴社のご負担額: ${formatYen(shareAmount, "ja")}（消費税別）`] : []),
      ...(c.ipTerms ? [`知的財産: ${c.ipTerms}`] : []),
      ...(c.publicationTerms ? [`成果の公表: ${c.publicationTerms}`] : []),
    ],
  };
}

export async function acceptanceNoticePdf(opts: {
  db: DbOrTx;
  actor: Actor;
  contractId: string;
  partyId?: string | undefined;
}) {
  const data = await acceptanceNoticeData(opts);
  return { fileName: `受入決定通知書_${data.number}.pdf`, bytes: await renderAcceptanceNoticePdf(data) };
}
