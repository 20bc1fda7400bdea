/**
 * The institutions' indirect-cost rate tables. A row gives a rate and basis for contracts (of some types,
 * or of every type) starting on or after its date; `rateOn` (shared/budget.ts) picks the row for a
 * contract. Unsigned contracts follow the table (a change re-computes their budgets); signed contracts
 * keep the rate fixed at signing.
 */
import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import { BudgetError, type IndirectBasis, type RateRow, rateOn } from "../../../shared/budget";
import { type Actor, contractScope } from "../../auth/policy";
import type { Db, DbOrTx } from "../../db/client";
import { contracts, indirectRates, organizations } from "../../db/schema";
import { forbidden, invalid, invalidFields, notFound } from "../../errors";
import { recordAudit } from "../audit/service";
import { CONTRACT_TYPES } from "./codes";

export type RateTableRow = typeof indirectRates.$inferSelect;

export async function rateTableOf(tx: DbOrTx, organizationId: string): Promise<RateTableRow[]> {
  return tx
    .select()
    .from(indirectRates)
    .where(eq(indirectRates.organizationId, organizationId))
    .orderBy(asc(indirectRates.effectiveFrom));
}

const asRateRows = (rows: RateTableRow[]): RateRow[] =>
  rows.map((r) => ({
    contractTypes: r.contractTypes,
    effectiveFrom: r.effectiveFrom,
    rate: r.rateBp,
    basis: r.basis as IndirectBasis,
  }));

/** The table's rate for a contract, or a message naming the institution, type and date. */
export async function resolveRate(
  tx: DbOrTx,
  opts: { institutionId: string; institutionName: string; type: string; startDate: string },
): Promise<{ rateBp: number; basis: IndirectBasis; effectiveFrom: string } | { missing: string }> {
  const table = asRateRows(await rateTableOf(tx, opts.institutionId));
  try {
    const row = rateOn(table, opts.type, opts.startDate);
    return { rateBp: row.rate, basis: row.basis, effectiveFrom: row.effectiveFrom };
  } catch (e) {
    if (!(e instanceof BudgetError)) throw e;
    return {
      missing: `the rate table of ${opts.institutionName} has no indirect-cost rate for ${opts.type} contracts starting on ${opts.startDate}; a contract officer adds it under 間接経費率`,
    };
  }
}

/** Whether the actor handles the institution's contracts and table. */
export async function assertHandlesInstitution(tx: DbOrTx, actor: Actor, organizationId: string) {
  const [org] = await tx
    .select({ id: organizations.id, type: organizations.type, areaCode: organizations.areaCode })
    .from(organizations)
    .where(eq(organizations.id, organizationId));
  if (!org) throw notFound("The institution");
  if (org.type !== "university" && org.type !== "kosen")
    throw invalid("organizationId", "must be a university or KOSEN");
  const scope = contractScope(actor);
  const ok =
    scope.kind === "all" ||
    (scope.kind === "institutions" &&
      (scope.organizationIds.includes(org.id) || (!!org.areaCode && scope.areaCodes.includes(org.areaCode))));
  if (!ok) throw forbidden("You do not handle this institution's contracts");
  return org;
}

export async function listRates(opts: { db: Db; actor: Actor; organizationId: string }) {
  await assertHandlesInstitution(opts.db, opts.actor, opts.organizationId);
  const rows = await rateTableOf(opts.db, opts.organizationId);
  return rows.map((r) => ({
    id: r.id,
    contractTypes: r.contractTypes,
    effectiveFrom: r.effectiveFrom,
    rateBp: r.rateBp,
    basis: r.basis,
    note: r.note,
    createdAt: r.createdAt.toISOString(),
  }));
}

export interface RateInput {
  organizationId: string;
  contractTypes: string[];
  effectiveFrom: string;
  rateBp: number;
  basis: IndirectBasis;
  note?: string | null | undefined;
}

/**
 * Adds a row to an institution's table. Unsigned contracts that follow the table are re-computed in the
 * same transaction (`recompute`, passed in by the contract service); signed contracts do not change.
 */
export async function addRate(opts: {
  db: Db;
  actor: Actor;
  input: RateInput;
  recompute: (tx: DbOrTx, organizationId: string) => Promise<number>;
}) {
  const { db, actor, input } = opts;
  await assertHandlesInstitution(db, actor, input.organizationId);
  const problems = [];
  for (const t of input.contractTypes)
    if (!(CONTRACT_TYPES as readonly string[]).includes(t))
      problems.push({ field: "contractTypes", message: `"${t}" is not a contract type` });
  if (input.basis === "total" && input.rateBp >= 10_000)
    problems.push({ field: "rateBp", message: "a share of the total must be below 100%" });
  if (problems.length) throw invalidFields(problems);
  const same = await db
    .select({ id: indirectRates.id, types: indirectRates.contractTypes })
    .from(indirectRates)
    .where(
      and(
        eq(indirectRates.organizationId, input.organizationId),
        eq(indirectRates.effectiveFrom, input.effectiveFrom),
      ),
    );
  const key = [...input.contractTypes].sort().join(",");
  if (same.some((r) => [...r.types].sort().join(",") === key))
    throw invalid("effectiveFrom", "the table already has a rate from this date for these contract types");
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(indirectRates)
      .values({ ...input, note: input.note ?? null, createdBy: actor.id })
      .returning();
    const recomputed = await opts.recompute(tx, input.organizationId);
    await recordAudit(tx, {
      action: "contract.rate_added",
      actor,
      target: { type: "organization", id: input.organizationId },
      meta: null,
      details: { ...input, recomputedContracts: recomputed },
    });
    return { id: row!.id, recomputedContracts: recomputed };
  });
}

export async function deleteRate(opts: {
  db: Db;
  actor: Actor;
  id: string;
  recompute: (tx: DbOrTx, organizationId: string) => Promise<number>;
}) {
  const [row] = await opts.db.select().from(indirectRates).where(eq(indirectRates.id, opts.id));
  if (!row) throw notFound("The rate");
  await assertHandlesInstitution(opts.db, opts.actor, row.organizationId);
  return opts.db.transaction(async (tx) => {
    await tx.delete(indirectRates).where(eq(indirectRates.id, opts.id));
    const recomputed = await opts.recompute(tx, row.organizationId);
    await recordAudit(tx, {
      action: "contract.rate_removed",
      actor: opts.actor,
      target: { type: "organization", id: row.organizationId },
      meta: null,
      details: {
        effectiveFrom: row.effectiveFrom,
        rateBp: row.rateBp,
        basis: row.basis,
        recomputedContracts: recomputed,
      },
    });
    return { recomputedContracts: recomputed };
  });
}

/** Unsigned contracts of an institution that follow its table (no negotiated exception). */
export async function tableFollowers(tx: DbOrTx, organizationId: string) {
  return tx
    .select({ id: contracts.id })
    .from(contracts)
    .where(
      and(
        eq(contracts.institutionId, organizationId),
        inArray(contracts.status, ["applied", "accepted"]),
        isNull(contracts.rateExceptionReason),
      ),
    );
}
