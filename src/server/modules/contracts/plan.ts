/**
 * A contract's content checked and computed before anything is written: the period, parties, members,
 * the budget per fiscal year (direct lines → indirect cost by the rate, 研究料 from the hosted
 * researchers, total) and the paying parties' contributions. Every problem is collected with the field it
 * is about, so one answer names them all and nothing is saved.
 */
import { type IndirectBasis, indirectCost } from "../../../shared/budget";
import { fiscalYearOf } from "../../../shared/dates";
import { formatYen } from "../../../shared/money";
import type { FieldProblem } from "../../errors";
import {
  type ContractType,
  DIRECT_KINDS,
  type DirectKind,
  isPooledType,
  type MemberKind,
  PAYING_ROLES,
  type PartyRole,
} from "./codes";

export interface PartyInput {
  organizationId: string;
  role: PartyRole;
  department?: string | null | undefined;
  contactName?: string | null | undefined;
  contactEmail?: string | null | undefined;
  postalCode?: string | null | undefined;
  address?: string | null | undefined;
  /** Pooled and consortium types: the party's contribution per fiscal year. */
  contributions?: { fiscalYear: number; amount: number }[] | undefined;
}

export interface MemberInput {
  kind: MemberKind;
  researcherId?: string | null | undefined;
  name?: string | null | undefined;
  organizationId?: string | null | undefined;
  task?: string | null | undefined;
  /** 研究料 of a hosted researcher per fiscal year. */
  fees?: { fiscalYear: number; amount: number }[] | undefined;
}

export type BudgetYearInput = { fiscalYear: number } & Record<DirectKind, number>;

/** The content of a contract as an officer writes it (create, edit before signing, amendment). */
export interface ContractContent {
  title: string;
  purpose?: string | null | undefined;
  place?: string | null | undefined;
  startDate: string;
  endDate: string;
  ipTerms?: string | null | undefined;
  confidentialityTerms?: string | null | undefined;
  publicationTerms?: string | null | undefined;
  equipmentTerms?: string | null | undefined;
  steeringCommittee?: string | null | undefined;
  rateStep: number;
  taxRateBp: number | null;
  parties: PartyInput[];
  members: MemberInput[];
  budget: BudgetYearInput[];
}

/** What the plan needs to know from the database. */
export interface PlanFacts {
  type: ContractType;
  institutionId: string;
  orgs: Map<string, { id: string; type: string; name: string }>;
  researchers: Map<string, { id: string; name: string; organizationId: string }>;
  /** The rate to use, or why there is none. */
  rate: { rateBp: number; basis: IndirectBasis } | { missing: string };
}

export interface BudgetYearRow {
  fiscalYear: number;
  personnel: number;
  consumables: number;
  travel: number;
  equipment: number;
  other: number;
  direct: number;
  indirect: number;
  researchFee: number;
  total: number;
}

export interface Plan {
  parties: (Omit<PartyInput, "contributions"> & { contributions: Map<number, number> })[];
  members: (MemberInput & { name: string; feesByYear: Record<string, number> })[];
  budget: BudgetYearRow[];
  totals: { direct: number; indirect: number; researchFee: number; total: number };
}

const fyLabel = (fy: number) => `FY${fy}`;
const yen = (n: number) => formatYen(n, "ja");

/** The fiscal years a period touches. */
export function fiscalYearsOf(start: string, end: string): number[] {
  const out: number[] = [];
  for (let fy = fiscalYearOf(start); fy <= fiscalYearOf(end); fy++) out.push(fy);
  return out;
}

export function planContract(content: ContractContent, facts: PlanFacts): Plan | FieldProblem[] {
  const problems: FieldProblem[] = [];
  const years = content.endDate >= content.startDate ? fiscalYearsOf(content.startDate, content.endDate) : [];
  if (content.endDate < content.startDate)
    problems.push({ field: "endDate", message: `is before the start date ${content.startDate}` });
  const inPeriod = (fy: number) => years.includes(fy);
  const periodText = `${content.startDate} – ${content.endDate}`;

  // Parties: the institution leads; paying parties are companies and public bodies.
  const parties = content.parties.map((p) => ({ ...p, contributions: new Map<number, number>() }));
  const seen = new Set<string>();
  content.parties.forEach((p, i) => {
    const org = facts.orgs.get(p.organizationId);
    const field = `parties.${i}`;
    if (!org) {
      problems.push({ field: `${field}.organizationId`, message: "is not a known organisation" });
      return;
    }
    if (seen.has(p.organizationId))
      problems.push({ field: `${field}.organizationId`, message: `${org.name} is listed twice` });
    seen.add(p.organizationId);
    const institution = org.type === "university" || org.type === "kosen";
    if (p.role === "lead_institution" && p.organizationId !== facts.institutionId)
      problems.push({
        field: `${field}.role`,
        message: "only the contract's institution leads; other institutions participate",
      });
    if (p.role === "participating_institution" && !institution)
      problems.push({ field: `${field}.role`, message: `${org.name} is not a university or KOSEN` });
    if ((PAYING_ROLES as readonly string[]).includes(p.role) && institution)
      problems.push({
        field: `${field}.role`,
        message: `${org.name} is an institution: it leads or participates, it does not sponsor`,
      });
  });
  if (!parties.some((p) => p.organizationId === facts.institutionId))
    parties.unshift({
      organizationId: facts.institutionId,
      role: "lead_institution",
      contributions: new Map(),
    });
  const paying = parties.filter((p) => (PAYING_ROLES as readonly string[]).includes(p.role));
  const pooled = isPooledType(facts.type);
  if (!pooled && paying.length > 1)
    problems.push({
      field: "parties",
      message:
        "this type of contract has one paying party; several companies pay into a pooled (協働拠出金型) or consortium contract",
    });

  // Members: one principal investigator; hosted researchers carry 研究料 per fiscal year.
  const members: Plan["members"] = [];
  let pis = 0;
  content.members.forEach((m, i) => {
    const field = `members.${i}`;
    const r = m.researcherId ? facts.researchers.get(m.researcherId) : undefined;
    if (m.researcherId && !r)
      problems.push({ field: `${field}.researcherId`, message: "is not a known researcher" });
    if (m.kind !== "hosted" && !m.researcherId)
      problems.push({
        field: `${field}.researcherId`,
        message: "is required: choose the researcher from the catalogue",
      });
    if (m.kind === "pi") pis++;
    const name = (m.name?.trim() || r?.name || "").trim();
    if (!name) problems.push({ field: `${field}.name`, message: "is required" });
    const feesByYear: Record<string, number> = {};
    (m.fees ?? []).forEach((f, j) => {
      if (m.kind !== "hosted" && f.amount > 0)
        problems.push({
          field: `${field}.fees.${j}`,
          message: "研究料 is paid for hosted company researchers only",
        });
      if (!inPeriod(f.fiscalYear))
        problems.push({
          field: `${field}.fees.${j}.fiscalYear`,
          message: `${fyLabel(f.fiscalYear)} is outside the contract period (${periodText})`,
        });
      if (f.amount < 0)
        problems.push({ field: `${field}.fees.${j}.amount`, message: "must not be negative" });
      feesByYear[String(f.fiscalYear)] = (feesByYear[String(f.fiscalYear)] ?? 0) + f.amount;
    });
    if (m.kind === "hosted" && m.organizationId && !facts.orgs.has(m.organizationId))
      problems.push({ field: `${field}.organizationId`, message: "is not a known organisation" });
    members.push({ ...m, name, feesByYear, organizationId: m.organizationId ?? r?.organizationId ?? null });
  });
  if (pis > 1)
    problems.push({ field: "members", message: "has more than one principal investigator (研究代表者)" });

  // Budget per fiscal year.
  const budget: BudgetYearRow[] = [];
  const fySeen = new Set<number>();
  const needsRate = content.budget.length > 0;
  if (needsRate && "missing" in facts.rate) problems.push({ field: "rate", message: facts.rate.missing });
  content.budget.forEach((b, i) => {
    const field = `budget.${i}`;
    if (fySeen.has(b.fiscalYear))
      problems.push({ field: `${field}.fiscalYear`, message: `${fyLabel(b.fiscalYear)} is listed twice` });
    fySeen.add(b.fiscalYear);
    if (!inPeriod(b.fiscalYear))
      problems.push({
        field: `${field}.fiscalYear`,
        message: `${fyLabel(b.fiscalYear)} is outside the contract period (${periodText})`,
      });
    let bad = false;
    for (const k of DIRECT_KINDS) {
      if (!Number.isSafeInteger(b[k]) || b[k] < 0) {
        problems.push({ field: `${field}.${k}`, message: "must be a whole number of yen, not negative" });
        bad = true;
      }
    }
    if (bad) return;
    const direct = DIRECT_KINDS.reduce((a, k) => a + b[k], 0);
    const indirect =
      "missing" in facts.rate
        ? 0
        : indirectCost(direct, facts.rate.rateBp, facts.rate.basis, content.rateStep);
    const researchFee = members.reduce((a, m) => a + (m.feesByYear[String(b.fiscalYear)] ?? 0), 0);
    budget.push({
      fiscalYear: b.fiscalYear,
      personnel: b.personnel,
      consumables: b.consumables,
      travel: b.travel,
      equipment: b.equipment,
      other: b.other,
      direct,
      indirect,
      researchFee,
      total: direct + indirect + researchFee,
    });
  });
  // 研究料 in a year without a budget row gets a row of its own (no direct cost).
  for (const fy of new Set(members.flatMap((m) => Object.keys(m.feesByYear).map(Number)))) {
    if (fySeen.has(fy) || !inPeriod(fy)) continue;
    const researchFee = members.reduce((a, m) => a + (m.feesByYear[String(fy)] ?? 0), 0);
    if (!researchFee) continue;
    budget.push({
      fiscalYear: fy,
      personnel: 0,
      consumables: 0,
      travel: 0,
      equipment: 0,
      other: 0,
      direct: 0,
      indirect: 0,
      researchFee,
      total: researchFee,
    });
  }
  budget.sort((a, b) => a.fiscalYear - b.fiscalYear);

  // Contributions: pooled types name each paying party's share per year; they must add up to the year.
  if (pooled) {
    content.parties.forEach((p, i) => {
      const target = parties.find((x) => x.organizationId === p.organizationId)!;
      (p.contributions ?? []).forEach((c, j) => {
        const field = `parties.${i}.contributions.${j}`;
        if (!(PAYING_ROLES as readonly string[]).includes(p.role) && c.amount > 0)
          problems.push({ field, message: "only sponsors and members contribute" });
        if (c.amount < 0 || !Number.isSafeInteger(c.amount))
          problems.push({ field: `${field}.amount`, message: "must be a whole number of yen, not negative" });
        if (!inPeriod(c.fiscalYear))
          problems.push({
            field: `${field}.fiscalYear`,
            message: `${fyLabel(c.fiscalYear)} is outside the contract period (${periodText})`,
          });
        target.contributions.set(c.fiscalYear, (target.contributions.get(c.fiscalYear) ?? 0) + c.amount);
      });
    });
    for (const y of budget) {
      const sum = paying.reduce((a, p) => a + (p.contributions.get(y.fiscalYear) ?? 0), 0);
      if (sum !== y.total)
        problems.push({
          field: "parties",
          message: `the contributions of ${fyLabel(y.fiscalYear)} add up to ${yen(sum)}, but the year's total is ${yen(y.total)}`,
        });
    }
    for (const p of paying)
      for (const [fy, amount] of p.contributions)
        if (amount > 0 && !budget.some((y) => y.fiscalYear === fy))
          problems.push({
            field: "parties",
            message: `there is a contribution for ${fyLabel(fy)}, which has no budget`,
          });
  } else if (paying[0]) {
    for (const y of budget) paying[0].contributions.set(y.fiscalYear, y.total);
  } else if (budget.some((y) => y.total > 0)) {
    problems.push({
      field: "parties",
      message: "a contract with a budget needs the party that pays (sponsor)",
    });
  }

  if (problems.length) return problems;
  const totals = budget.reduce(
    (a, y) => ({
      direct: a.direct + y.direct,
      indirect: a.indirect + y.indirect,
      researchFee: a.researchFee + y.researchFee,
      total: a.total + y.total,
    }),
    { direct: 0, indirect: 0, researchFee: 0, total: 0 },
  );
  return { parties, members, budget, totals };
}
