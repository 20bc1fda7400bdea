/**
 * The code lists of needs, shared by the database schema, the API and the web UI (this file imports
 * nothing, so the SPA can bundle it). Labels live in the UI's i18n files and in the acknowledgement mail.
 */

/**
 * Who sees a need beyond its owners (submitter, its company, its referral partner) and the coordinators
 * of its area: `public_summary` only the summary coordinators wrote, to anyone; `members` every signed-in
 * member; `coordinators` nobody else; `named` the people coordinators name (need_viewers).
 */
export const NEED_CONFIDENTIALITIES = ["public_summary", "members", "coordinators", "named"] as const;
export type NeedConfidentiality = (typeof NEED_CONFIDENTIALITIES)[number];

/** Intake statuses; the case pipeline (受付 → … → 契約) comes with the cases module. */
export const NEED_STATUSES = ["received", "screening", "closed"] as const;
export type NeedStatus = (typeof NEED_STATUSES)[number];

/** none: no NDA asked for; requested: needed and not yet signed; signed: recorded by a coordinator. */
export const NDA_STATUSES = ["none", "requested", "signed"] as const;
export type NdaStatus = (typeof NDA_STATUSES)[number];

/** Budget ranges in yen (万円 in the UI). */
export const BUDGET_RANGES = ["undecided", "under_1m", "1m_5m", "5m_10m", "10m_30m", "over_30m"] as const;
export type BudgetRange = (typeof BUDGET_RANGES)[number];

export const TIMINGS = ["asap", "within_3m", "within_6m", "within_1y", "undecided"] as const;
export type Timing = (typeof TIMINGS)[number];

export const NEED_SOURCES = ["public_form", "signed_in"] as const;

/** `N-2026-000123`: the calendar year (Japan time) and a per-year number of at least six digits. */
export const REFERENCE_PATTERN = /^N-\d{4}-\d{6,}$/;
