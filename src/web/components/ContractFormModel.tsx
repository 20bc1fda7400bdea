/**
 * The contract form's model: its values (create, edit, amendment), the values of a stored contract, the
 * fiscal years the period decides, the request body, the server's field problems put on the inputs, and
 * the section frame the editors share.
 */
import { Alert, Card, Group, Text, Title } from "@mantine/core";
import type { UseFormReturnType } from "@mantine/form";
import { randomId } from "@mantine/hooks";
import type { ReactNode } from "react";
import {
  type ContractType,
  type DIRECT_KINDS,
  isPooledType,
  type MemberKind,
  PAYING_ROLES,
  type PartyRole,
} from "../../server/modules/contracts/codes";
import type { IndirectBasis } from "../../shared/budget";
import { ApiError } from "../api";
import { asYen, type ContractDetail, fiscalYearsOf, toBasisPoints } from "../contracts";

export type Amount = number | string;
export interface YearAmount {
  fiscalYear: number;
  amount: Amount;
}
export interface PartyValues {
  key: string;
  organizationId: string;
  organizationName: string;
  role: PartyRole;
  department: string;
  contactName: string;
  contactEmail: string;
  postalCode: string;
  address: string;
  contributions: YearAmount[];
}
export interface MemberValues {
  key: string;
  kind: MemberKind;
  researcherId: string;
  researcherLabel: string;
  name: string;
  organizationId: string;
  organizationName: string;
  task: string;
  fees: YearAmount[];
}
export type BudgetValues = { fiscalYear: number } & Record<(typeof DIRECT_KINDS)[number], Amount>;
export interface ContractFormValues {
  type: ContractType;
  institutionId: string;
  title: string;
  purpose: string;
  place: string;
  startDate: string;
  endDate: string;
  ipTerms: string;
  confidentialityTerms: string;
  publicationTerms: string;
  equipmentTerms: string;
  steeringCommittee: string;
  rateStep: string;
  tax: "standard" | "exempt";
  exception: boolean;
  exceptionRate: Amount;
  exceptionBasis: IndirectBasis;
  exceptionReason: string;
  parties: PartyValues[];
  members: MemberValues[];
  budget: BudgetValues[];
}
export type ContractForm = UseFormReturnType<ContractFormValues>;
export type FormMode = "create" | "edit" | "amend";

export const isPaying = (role: string) => (PAYING_ROLES as readonly string[]).includes(role);

export const emptyParty = (role: PartyRole = "sponsor", years: number[] = []): PartyValues => ({
  key: randomId(),
  organizationId: "",
  organizationName: "",
  role,
  department: "",
  contactName: "",
  contactEmail: "",
  postalCode: "",
  address: "",
  contributions: years.map((fiscalYear) => ({ fiscalYear, amount: 0 })),
});
export const emptyMember = (kind: MemberKind = "researcher", years: number[] = []): MemberValues => ({
  key: randomId(),
  kind,
  researcherId: "",
  researcherLabel: "",
  name: "",
  organizationId: "",
  organizationName: "",
  task: "",
  fees: years.map((fiscalYear) => ({ fiscalYear, amount: 0 })),
});
const emptyYear = (fiscalYear: number): BudgetValues => ({
  fiscalYear,
  personnel: 0,
  consumables: 0,
  travel: 0,
  equipment: 0,
  other: 0,
});

/** A new contract: a 共同研究 at the user's institution, with one sponsor and the PI to choose. */
export function emptyValues(institutionId: string): ContractFormValues {
  return {
    type: "joint",
    institutionId,
    title: "",
    purpose: "",
    place: "",
    startDate: "",
    endDate: "",
    ipTerms: "",
    confidentialityTerms: "",
    publicationTerms: "",
    equipmentTerms: "",
    steeringCommittee: "",
    rateStep: "1",
    tax: "standard",
    exception: false,
    exceptionRate: "",
    exceptionBasis: "direct",
    exceptionReason: "",
    parties: [emptyParty("sponsor")],
    members: [emptyMember("pi")],
    budget: [],
  };
}

/** The form's values for a stored contract (its `input`), names taken from the detail. */
export function valuesOf(c: ContractDetail): ContractFormValues {
  const i = c.input;
  const partyName = new Map(c.parties.map((p) => [p.organizationId, p.name]));
  const v: ContractFormValues = {
    type: i.type,
    institutionId: i.institutionId,
    title: i.title,
    purpose: i.purpose ?? "",
    place: i.place ?? "",
    startDate: i.startDate,
    endDate: i.endDate,
    ipTerms: i.ipTerms ?? "",
    confidentialityTerms: i.confidentialityTerms ?? "",
    publicationTerms: i.publicationTerms ?? "",
    equipmentTerms: i.equipmentTerms ?? "",
    steeringCommittee: i.steeringCommittee ?? "",
    rateStep: String(i.rateStep),
    tax: i.taxRateBp === null ? "exempt" : "standard",
    exception: !!i.rateException,
    exceptionRate: i.rateException ? i.rateException.rateBp / 100 : "",
    exceptionBasis: i.rateException?.basis ?? "direct",
    exceptionReason: i.rateException?.reason ?? "",
    parties: i.parties.map((p) => ({
      key: randomId(),
      organizationId: p.organizationId,
      organizationName: partyName.get(p.organizationId) ?? "",
      role: p.role,
      department: p.department ?? "",
      contactName: p.contactName ?? "",
      contactEmail: p.contactEmail ?? "",
      postalCode: p.postalCode ?? "",
      address: p.address ?? "",
      contributions: (p.contributions ?? []).map((x) => ({ fiscalYear: x.fiscalYear, amount: x.amount })),
    })),
    members: i.members.map((m, j) => {
      const shown = c.members[j];
      return {
        key: randomId(),
        kind: m.kind,
        researcherId: m.researcherId ?? "",
        researcherLabel: shown
          ? `${shown.name}${shown.organizationName ? `（${shown.organizationName}）` : ""}`
          : "",
        name: m.kind === "hosted" ? (m.name ?? "") : "",
        organizationId: m.kind === "hosted" ? (m.organizationId ?? "") : "",
        organizationName: m.kind === "hosted" ? (shown?.organizationName ?? "") : "",
        task: m.task ?? "",
        fees: (m.fees ?? []).map((f) => ({ fiscalYear: f.fiscalYear, amount: f.amount })),
      };
    }),
    budget: i.budget.map((b) => ({ ...b })),
  };
  return syncYears(v, fiscalYearsOf(v.startDate, v.endDate));
}

/** Budget rows, contributions and hosted researchers' fees aligned to the fiscal years of the period. */
export function syncYears(v: ContractFormValues, years: number[]): ContractFormValues {
  if (!years.length) return v;
  const align = (list: YearAmount[]) =>
    years.map((fy) => ({ fiscalYear: fy, amount: list.find((x) => x.fiscalYear === fy)?.amount ?? 0 }));
  return {
    ...v,
    budget: years.map((fy) => v.budget.find((b) => b.fiscalYear === fy) ?? emptyYear(fy)),
    parties: v.parties.map((p) => ({ ...p, contributions: align(p.contributions) })),
    members: v.members.map((m) => ({ ...m, fees: align(m.fees) })),
  };
}

const text = (s: string) => (s.trim() ? s.trim() : null);

/** The content of the request (ContentBody): what create, edit and amendments share. */
export function contentOf(v: ContractFormValues) {
  const pooled = isPooledType(v.type);
  return {
    title: v.title.trim(),
    purpose: text(v.purpose),
    place: text(v.place),
    startDate: v.startDate,
    endDate: v.endDate,
    ipTerms: text(v.ipTerms),
    confidentialityTerms: text(v.confidentialityTerms),
    publicationTerms: text(v.publicationTerms),
    equipmentTerms: text(v.equipmentTerms),
    steeringCommittee: text(v.steeringCommittee),
    rateStep: Number(v.rateStep),
    taxRateBp: v.tax === "standard" ? 1000 : null,
    parties: v.parties.map((p) => ({
      organizationId: p.organizationId,
      role: p.role,
      department: text(p.department),
      contactName: text(p.contactName),
      contactEmail: text(p.contactEmail),
      postalCode: text(p.postalCode),
      address: text(p.address),
      // Every row is sent (zeros too), so that the server's row numbers are the grid's.
      contributions:
        pooled && isPaying(p.role)
          ? p.contributions.map((c) => ({ fiscalYear: c.fiscalYear, amount: asYen(c.amount) }))
          : [],
    })),
    members: v.members.map((m) => ({
      kind: m.kind,
      researcherId: m.kind === "hosted" ? null : m.researcherId || null,
      name: m.kind === "hosted" ? text(m.name) : null,
      organizationId: m.kind === "hosted" ? m.organizationId || null : null,
      task: text(m.task),
      fees:
        m.kind === "hosted" ? m.fees.map((f) => ({ fiscalYear: f.fiscalYear, amount: asYen(f.amount) })) : [],
    })),
    budget: v.budget.map((b) => ({
      fiscalYear: b.fiscalYear,
      personnel: asYen(b.personnel),
      consumables: asYen(b.consumables),
      travel: asYen(b.travel),
      equipment: asYen(b.equipment),
      other: asYen(b.other),
    })),
  };
}

/** The whole request of a create or an edit (ContractBody). */
export function bodyOf(v: ContractFormValues) {
  return {
    type: v.type,
    institutionId: v.institutionId,
    ...contentOf(v),
    rateException: v.exception
      ? {
          rateBp: toBasisPoints(asYen(v.exceptionRate)),
          basis: v.exceptionBasis,
          reason: v.exceptionReason.trim(),
        }
      : null,
  };
}

/** The server's field names where the form's differ. */
const FIELD_ALIASES: Record<string, string> = {
  rateException: "exceptionReason",
  "rateException.reason": "exceptionReason",
  "rateException.rateBp": "exceptionRate",
  "rateException.basis": "exceptionBasis",
  taxRateBp: "tax",
};

/**
 * Puts the server's field problems on the form (each by its input: `budget.0.personnel`,
 * `parties.1.contributions.0.amount`, …; `content.` of an amendment taken off); returns them all.
 */
export function applyServerErrors(form: ContractForm, e: unknown, strip = "content.") {
  if (!(e instanceof ApiError) || !e.fields.length) return [];
  const errors: Record<string, string> = {};
  for (const f of e.fields) {
    const raw = f.field.startsWith(strip) ? f.field.slice(strip.length) : f.field;
    const key = FIELD_ALIASES[raw] ?? raw;
    errors[key] = errors[key] ? `${errors[key]}; ${f.message}` : f.message;
  }
  form.setErrors(errors);
  return e.fields;
}

/** The first error among keys starting with a prefix (a row's or a cell's problems). */
export function errorAt(form: ContractForm, ...keys: string[]): ReactNode {
  for (const k of keys) {
    const e = form.errors[k];
    if (e) return e;
  }
  return undefined;
}

/** A card with a heading: one section of the form. */
export function Section({
  title,
  help,
  right,
  children,
  testId,
}: {
  title: string;
  help?: ReactNode;
  right?: ReactNode;
  children: ReactNode;
  testId?: string;
}) {
  return (
    <Card withBorder data-testid={testId}>
      <Group justify="space-between" mb={help ? 4 : "sm"} align="flex-start">
        <Title order={3} size="h4">
          {title}
        </Title>
        {right}
      </Group>
      {help && (
        <Text size="xs" c="dimmed" mb="sm">
          {help}
        </Text>
      )}
      {children}
    </Card>
  );
}

/** A problem of a whole section (parties, members, budget, rate), shown above its inputs. */
export function SectionError({ form, field }: { form: ContractForm; field: string }) {
  const e = form.errors[field];
  if (!e) return null;
  return (
    <Alert color="red" mb="sm" role="alert" p="xs" data-testid={`error-${field}`}>
      <Text size="sm" className="kyoso-pre">
        {e}
      </Text>
    </Alert>
  );
}
