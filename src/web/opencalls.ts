/**
 * Open calls (オープンアプリケーション方式) in the UI: response types taken from the server's functions
 * (type-only imports, nothing server-side is bundled; the code lists come from contracts/codes.ts, which
 * imports nothing), the queries, the call's phase and how a deadline reads.
 */
import { useQuery } from "@tanstack/react-query";
import type { TFunction } from "i18next";
import {
  type APPLICATION_STATUSES,
  CONTRACT_TYPE_LABELS,
  type ContractType,
  OPEN_CALL_CONTRACT_TYPES,
  SCORE_MAX,
  SCORE_MIN,
} from "../server/modules/contracts/codes";
import { formatDate, formatDateTime, type Locale } from "../shared/dates";
import { formatYen } from "../shared/money";
import { ApiError, api } from "./api";
import { useCatalogInstitutions } from "./queries";

type OpenCalls = typeof import("../server/modules/contracts/open-calls");

export type PublicCall = Awaited<ReturnType<OpenCalls["publicOpenCall"]>>;
export type ManagedCall = Awaited<ReturnType<OpenCalls["managedOpenCalls"]>>[number];
export type CallApplications = Awaited<ReturnType<OpenCalls["callApplications"]>>;
export type StaffCall = CallApplications["call"];
export type CallApplication = CallApplications["applications"][number];
export type CallReview = CallApplication["reviews"][number];
export type MyApplication = Awaited<ReturnType<OpenCalls["myApplications"]>>[number];
export type CallContractType = (typeof OPEN_CALL_CONTRACT_TYPES)[number];
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

export { OPEN_CALL_CONTRACT_TYPES, SCORE_MAX, SCORE_MIN };

/**
 * Where a call stands: a draft; open (published, before its deadline); ended (published, deadline past);
 * closed early by the centre; decided (its contract is made).
 */
export type CallPhase = "draft" | "open" | "ended" | "closed" | "decided";

export function callPhase(call: { status: string; deadline: string }, now: Date = new Date()): CallPhase {
  if (call.status === "draft") return "draft";
  if (call.status === "decided") return "decided";
  if (call.status === "closed") return "closed";
  return new Date(call.deadline) > now ? "open" : "ended";
}

export const PHASE_COLOR: Record<CallPhase, string> = {
  draft: "gray",
  open: "teal",
  ended: "orange",
  closed: "orange",
  decided: "indigo",
};

export const APPLICATION_COLOR: Record<string, string> = {
  submitted: "blue",
  accepted: "teal",
  rejected: "gray",
};

/** Decisions are taken once applications stop: after the deadline, or once the call is closed early. */
export const canDecide = (phase: CallPhase) => phase === "ended" || phase === "closed";

/** The contract type's label (the three an open call may lead to). */
export function contractTypeLabel(type: string, locale: Locale): string {
  return CONTRACT_TYPE_LABELS[type as ContractType]?.[locale] ?? type;
}

/** Yen as the UI shows it (1,234,567円 / ¥1,234,567). */
export const yen = (n: number, locale: Locale) => formatYen(n, locale);

/** A deadline in Japan time: "2026年12月31日（令和8年） 17:00" / "31 Dec 2026, 17:00 JST". */
export function deadlineText(iso: string, locale: Locale, t: TFunction): string {
  return t("opencalls.deadlineAt", { date: formatDate(iso, locale), time: formatDateTime(iso).slice(11) });
}

/** How long a call still takes applications ("残り3日", "残り5時間"), or null once it is past. */
export function timeLeft(iso: string, t: TFunction, now: Date = new Date()): string | null {
  const ms = new Date(iso).getTime() - now.getTime();
  if (ms <= 0) return null;
  const hours = ms / 3_600_000;
  if (hours < 1) return t("opencalls.lessThanHour");
  if (hours < 48) return t("opencalls.hoursLeft", { count: Math.floor(hours) });
  return t("opencalls.daysLeft", { count: Math.floor(hours / 24) });
}

/**
 * The institution's name in the viewer's language (the API gives the Japanese one, and none with a call's
 * applications): the catalogue's institutions fill in.
 */
export function useInstitutionName() {
  const all = useCatalogInstitutions();
  return (id: string, nameJa: string | null, locale: Locale) => {
    const i = all.data?.find((x) => x.id === id);
    if (locale === "ja") return nameJa ?? i?.nameJa ?? "—";
    return i?.nameEn ?? nameJa ?? i?.nameJa ?? "—";
  };
}

export function usePublicCalls() {
  return useQuery({
    queryKey: ["opencalls", "public"],
    queryFn: () => api<PublicCall[]>("/api/public/open-calls"),
  });
}

export function usePublicCall(id: string) {
  return useQuery({
    queryKey: ["opencalls", "public", id],
    queryFn: () => api<PublicCall>(`/api/public/open-calls/${id}`),
    retry: (n, e) => !(e instanceof ApiError && e.status === 404) && n < 1,
  });
}

export function useManagedCalls() {
  return useQuery({
    queryKey: ["opencalls", "managed"],
    queryFn: () => api<ManagedCall[]>("/api/open-calls"),
  });
}

export function useCallApplications(id: string, enabled = true) {
  return useQuery({
    queryKey: ["opencalls", "applications", id],
    queryFn: () => api<CallApplications>(`/api/open-calls/${id}/applications`),
    enabled: enabled && !!id,
  });
}

export function useMyApplications(enabled = true) {
  return useQuery({
    queryKey: ["opencalls", "mine"],
    queryFn: () => api<MyApplication[]>("/api/open-calls/my-applications"),
    enabled,
  });
}

/**
 * A field problem from the server in the viewer's language, for the two refusals of the public form that
 * people will meet (the server words them in English); anything else as the server wrote it.
 */
export function applicationProblem(field: string, message: string, t: TFunction): string {
  if (field === "contactEmail" && message.startsWith("already has a kyoso account"))
    return t("opencalls.apply.accountExists");
  if (field === "companyName" && message.includes(" is already on kyoso"))
    return t("opencalls.apply.companyExists", { name: message.split(" is already on kyoso")[0] });
  if (field === "corporateNumber" && message.includes("check digit"))
    return t("opencalls.apply.corporateNumberCheck");
  return message;
}
