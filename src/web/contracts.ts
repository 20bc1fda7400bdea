/**
 * Contracts in the UI: response types taken from the server's functions (type-only imports, nothing
 * server-side is bundled; the code lists come from contracts/codes.ts, which imports nothing), and the
 * helpers the list, the form, the contract page, the invoices and the settings share.
 */
import { useQuery } from "@tanstack/react-query";
import type { ContractStatus, ContractType } from "../server/modules/contracts/codes";
import { type IndirectBasis, type RateRow, rateOn } from "../shared/budget";
import { fiscalYearOf, type Locale } from "../shared/dates";
import { formatYen } from "../shared/money";
import { ApiError, api, qs } from "./api";
import { useCatalogInstitutions } from "./queries";
import { useMe } from "./session";

type Service = typeof import("../server/modules/contracts/service");
type Invoices = typeof import("../server/modules/contracts/invoices");
type Rates = typeof import("../server/modules/contracts/rates");

export type ContractDetail = Awaited<ReturnType<Service["getContract"]>>;
export type ContractList = Awaited<ReturnType<Service["listContracts"]>>;
export type ContractListItem = ContractList["items"][number];
export type ContractRevision = Awaited<ReturnType<Service["getRevision"]>>;
export type ContractInvoice = ContractDetail["invoices"][number];
export type ContractParty = ContractDetail["parties"][number];
export type InvoiceListItem = Awaited<ReturnType<Invoices["listInvoices"]>>[number];
export type RateTableRow = Awaited<ReturnType<Rates["listRates"]>>[number];
export type Billing = Awaited<ReturnType<Invoices["getBilling"]>>;

/** The eight statuses, each with its own colour; 中止 grey. */
export const STATUS_COLOR: Record<ContractStatus, string> = {
  applied: "blue",
  accepted: "cyan",
  signed: "indigo",
  invoiced: "orange",
  paid: "teal",
  in_progress: "green",
  completed: "grape",
  cancelled: "gray",
};

/** The lifecycle shown as a stepper (中止 is shown beside it). */
export const LIFECYCLE: readonly ContractStatus[] = [
  "applied",
  "accepted",
  "signed",
  "invoiced",
  "paid",
  "in_progress",
  "completed",
];

/** A bilingual label from one of the code lists. */
export function lbl<K extends string>(
  labels: Record<K, { ja: string; en: string }>,
  code: string | null | undefined,
  locale: Locale,
): string {
  if (!code) return "—";
  return labels[code as K]?.[locale] ?? code;
}

/** A rate in basis points as a percentage: 3000 → "30%", 1250 → "12.5%". */
export const percent = (bp: number) => `${Number((bp / 100).toFixed(2))}%`;
/** A percentage typed in the UI as basis points (30 → 3000, 12.5 → 1250). */
export const toBasisPoints = (pct: number) => Math.round(pct * 100);

/** Yen as the UI shows it (1,234,567円 / ¥1,234,567). */
export const yen = (n: number, locale: Locale) => formatYen(n, locale);

/** A number input's value as whole yen (empty, negative or fractional input is kept as typed for the server to name). */
export const asYen = (v: string | number | null | undefined): number => {
  if (v === "" || v === null || v === undefined) return 0;
  const n = typeof v === "number" ? v : Number(String(v).replace(/[,円¥\s]/g, ""));
  return Number.isFinite(n) ? n : 0;
};

const ISO = /^\d{4}-\d{2}-\d{2}$/;
export const isIsoDate = (s: string) => ISO.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`));

/** The fiscal years a period touches (empty while the dates are incomplete or reversed). */
export function fiscalYearsOf(start: string, end: string): number[] {
  if (!isIsoDate(start) || !isIsoDate(end) || end < start) return [];
  const out: number[] = [];
  for (let fy = fiscalYearOf(start); fy <= fiscalYearOf(end) && out.length < 20; fy++) out.push(fy);
  return out;
}

/** The table's rate for a contract of a type starting on a date, or null when the table has none. */
export function tableRateOn(
  rows: readonly RateTableRow[] | undefined,
  type: string,
  startDate: string,
): (RateRow & { id?: string }) | null {
  if (!rows || !isIsoDate(startDate)) return null;
  try {
    return rateOn(
      rows.map((r) => ({
        contractTypes: r.contractTypes,
        effectiveFrom: r.effectiveFrom,
        rate: r.rateBp,
        basis: r.basis as IndirectBasis,
      })),
      type,
      startDate,
    );
  } catch {
    return null;
  }
}

/** An institution's rate table (contracts:read; 403 for institutions one does not handle → empty). */
export function useRateTable(institutionId: string | null | undefined) {
  return useQuery({
    queryKey: ["contracts", "rates", institutionId],
    queryFn: async () => {
      try {
        return await api<RateTableRow[]>(`/api/contract-rates${qs({ institution: institutionId })}`);
      } catch (e) {
        if (e instanceof ApiError && (e.status === 403 || e.status === 404)) return [];
        throw e;
      }
    },
    enabled: !!institutionId,
    staleTime: 30_000,
  });
}

export function useContract(id: string) {
  return useQuery({
    queryKey: ["contracts", "detail", id],
    queryFn: () => api<ContractDetail>(`/api/contracts/${id}`),
    enabled: !!id,
  });
}

/**
 * The member institutions whose contracts the signed-in user handles (the server's contractScope: admins
 * and executives all; coordinators and contract officers their own, the listed ones and those of the
 * listed areas).
 */
export function useHandledInstitutions() {
  const me = useMe().data;
  const all = useCatalogInstitutions();
  const u = me?.user;
  const items = (all.data ?? []).filter((i) => {
    if (!u) return false;
    if (u.role === "admin" || u.role === "executive") return true;
    return (
      i.id === u.organizationId ||
      u.coverage.organizationIds.includes(i.id) ||
      (!!i.areaCode && u.coverage.areaCodes.includes(i.areaCode))
    );
  });
  return { ...all, data: items, all: all.data ?? [], own: u?.organizationId ?? null };
}

/** An institution's short name in the viewer's language. */
export function institutionLabel(
  i: { nameJa: string; shortNameJa?: string | null; nameEn?: string | null; shortNameEn?: string | null },
  locale: Locale,
) {
  return locale === "ja" ? (i.shortNameJa ?? i.nameJa) : (i.shortNameEn ?? i.nameEn ?? i.nameJa);
}

/** Field errors of an ApiError as a map (optionally with a prefix such as `content.` taken off). */
export function fieldErrors(e: unknown, strip?: string): Record<string, string> {
  if (!(e instanceof ApiError)) return {};
  const out: Record<string, string> = {};
  for (const f of e.fields) {
    const key = strip && f.field.startsWith(strip) ? f.field.slice(strip.length) : f.field;
    out[key] = out[key] ? `${out[key]}; ${f.message}` : f.message;
  }
  return out;
}

export type { ContractStatus, ContractType };
