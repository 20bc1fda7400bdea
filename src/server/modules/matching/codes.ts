/**
 * The code lists of matching feedback, shared by the schema, the API and the web UI (imports nothing, so
 * the SPA can bundle it). Labels live in the UI's i18n files.
 */

/**
 * Where a suggested researcher stands for one need: shortlisted or dismissed by a coordinator, asked
 * (an inquiry was sent), and the researcher's answer.
 */
export const MATCH_STATES = ["shortlisted", "dismissed", "inquired", "accepted", "declined"] as const;
export type MatchState = (typeof MATCH_STATES)[number];

/** Why a coordinator dismissed a suggestion (stored as feedback for the ranking). */
export const DISMISS_REASONS = [
  "off_topic",
  "too_academic",
  "wrong_scale",
  "unavailable",
  "conflict_of_interest",
  "already_contacted",
  "other",
] as const;
export type DismissReason = (typeof DISMISS_REASONS)[number];

/** Every change of a suggestion's state, as written to match_feedback. */
export const FEEDBACK_ACTIONS = ["shortlist", "dismiss", "restore", "inquire", "accept", "decline"] as const;
export type FeedbackAction = (typeof FEEDBACK_ACTIONS)[number];
