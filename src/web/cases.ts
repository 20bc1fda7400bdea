/**
 * The case pipeline in the UI: response types taken from the server's functions (type-only imports,
 * nothing server-side is bundled) and the small helpers the board, the list and the case page share.
 */
import { useQuery } from "@tanstack/react-query";
import type { Locale } from "../shared/dates";
import { api, qs } from "./api";

type CaseService = typeof import("../server/modules/cases/service");
type CaseLists = typeof import("../server/modules/cases/list");
type CaseHomeModule = typeof import("../server/modules/cases/home");
type Partner = typeof import("../server/modules/cases/partner");
type Notify = typeof import("../server/modules/cases/notify");

export type Stage = import("../server/modules/cases/stages").Stage;
export type CloseReason = import("../server/modules/cases/stages").CloseReason;
export type CaseDetail = Awaited<ReturnType<CaseService["getCase"]>>;
export type CaseEvent = CaseDetail["events"][number];
export type CaseTask = CaseDetail["tasks"][number];
export type CaseMeeting = CaseDetail["meetings"][number];
export type CaseBoard = Awaited<ReturnType<CaseLists["caseBoard"]>>;
export type CaseList = Awaited<ReturnType<CaseLists["listCases"]>>;
export type CaseCard = CaseList["items"][number];
export type CaseHome = Awaited<ReturnType<CaseHomeModule["coordinatorHome"]>>;
export type Referrals = Awaited<ReturnType<Partner["myReferrals"]>>;
export type ReferralProgress = Awaited<ReturnType<Partner["referralProgress"]>>;
export type NotificationList = Awaited<ReturnType<Notify["listNotifications"]>>;
export type NotificationSettings = Awaited<ReturnType<Notify["settingsOf"]>>;
export interface SavedView {
  id: string;
  name: string;
  query: Record<string, string>;
}
export interface StagesAnswer {
  area: string;
  own: boolean;
  stages: Stage[];
  closeReasons: CloseReason[];
  areasWithOwnList: string[];
}

/** A stage's (or a close reason's) label in the viewer's language. */
export const stageLabel = (s: { labelJa: string; labelEn: string } | undefined, locale: Locale, code = "") =>
  s ? (locale === "en" ? s.labelEn : s.labelJa) : code;

export const STAGE_KIND_COLOR = { open: "indigo", won: "teal", closed: "gray" } as const;

/** The stage list of an area (its own, else the default) with the close reasons. */
export function useStages(area?: string | null) {
  return useQuery({
    queryKey: ["cases", "stages", area ?? "*"],
    queryFn: () => api<StagesAnswer>(`/api/cases/stages${qs({ area: area ?? "" })}`),
    staleTime: 60_000,
  });
}

/** A date as `YYYY-MM-DD` in Japan time with its time of day, for `datetime-local` inputs. */
export function toJstInput(iso: string): string {
  const d = new Date(new Date(iso).getTime() + 9 * 3600_000);
  return d.toISOString().slice(0, 16);
}

/** A `datetime-local` value (read as Japan time) as ISO 8601 with +09:00; empty stays null. */
export function fromJstInput(value: string): string | null {
  if (!value) return null;
  return `${value.length === 16 ? `${value}:00` : value}+09:00`;
}
