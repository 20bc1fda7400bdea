/**
 * The database schema: one definition for PGlite and PostgreSQL. Migrations in `migrations/` are
 * generated from it (`npm run db:generate`) and committed; they are never edited once landed.
 * Column names are snake_case in SQL (drizzle `casing: "snake_case"`), camelCase in TypeScript.
 */
import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  bigint,
  bigserial,
  boolean,
  check,
  customType,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { ORG_TYPES, ROLES, USER_STATUSES } from "../../shared/roles";
import {
  ATTENDEE_KINDS,
  DEFAULT_IDLE_DAYS,
  EMAIL_MODES,
  EVENT_KINDS,
  MEETING_MODES,
  MEETING_STATUSES,
  NOTIFICATION_KINDS,
  STAGE_KINDS,
} from "../modules/cases/codes";
import {
  APPLICATION_STATUSES,
  CONTRACT_EVENT_KINDS,
  CONTRACT_STATUSES,
  CONTRACT_TYPES,
  DOCUMENT_KINDS,
  INVOICE_STATUSES,
  MEMBER_KINDS,
  OPEN_CALL_CONTRACT_TYPES,
  OPEN_CALL_STATUSES,
  PARTY_ROLES,
} from "../modules/contracts/codes";
import { DISMISS_REASONS, FEEDBACK_ACTIONS, MATCH_STATES } from "../modules/matching/codes";
import {
  BUDGET_RANGES,
  NDA_STATUSES,
  NEED_CONFIDENTIALITIES,
  NEED_SOURCES,
  NEED_STATUSES,
  TIMINGS,
} from "../modules/needs/codes";

/** A CHECK that a text column holds one of a fixed list (drizzle's text enums are TypeScript-only). */
function inList(column: AnyPgColumn, values: readonly string[]) {
  return sql`${column} in (${sql.raw(values.map((v) => `'${v}'`).join(", "))})`;
}

const createdAt = () => timestamp({ withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp({ withTimezone: true }).notNull().defaultNow();

/** Key–value facts about this installation (e.g. when demo data was loaded). */
export const appMeta = pgTable("app_meta", {
  key: text().primaryKey(),
  value: jsonb().notNull(),
  updatedAt: updatedAt(),
});

/** The platform's areas (信越, 東海, 東京, then others). */
export const areas = pgTable(
  "areas",
  {
    code: text().primaryKey(),
    nameJa: text().notNull(),
    nameEn: text().notNull(),
    status: text({ enum: ["active", "planned"] })
      .notNull()
      .default("planned"),
    sortOrder: integer().notNull().default(0),
  },
  (t) => [check("areas_status_check", inList(t.status, ["active", "planned"]))],
);

/** Every organisation: member institutions (university, KOSEN) and outside parties. */
export const organizations = pgTable(
  "organizations",
  {
    id: uuid().primaryKey().defaultRandom(),
    type: text({ enum: ORG_TYPES }).notNull(),
    /** Stable code for reference institutions (e.g. `tut`, `kosen-nagaoka`); optional for others. */
    code: text(),
    nameJa: text().notNull(),
    shortNameJa: text(),
    nameKana: text(),
    nameEn: text(),
    shortNameEn: text(),
    /** 法人番号, 13 digits with a valid check digit. */
    corporateNumber: text(),
    prefecture: smallint(),
    city: text(),
    address: text(),
    website: text(),
    areaCode: text().references(() => areas.code),
    kosenBlock: text(),
    notes: text(),
    /** Normalised text for name search (NFKC, lower case, hiragana); written by the repository. */
    searchText: text().notNull().default(""),
    /** Normalised name, unique per type, so that duplicates are refused with a clear message. */
    nameKey: text().notNull(),
    isReference: boolean().notNull().default(false),
    isDemo: boolean().notNull().default(false),
    version: integer().notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("organizations_code_key").on(t.code),
    uniqueIndex("organizations_corporate_number_key").on(t.corporateNumber),
    uniqueIndex("organizations_type_name_key").on(t.type, t.nameKey),
    index("organizations_type_idx").on(t.type),
    index("organizations_area_idx").on(t.areaCode),
    check("organizations_type_check", inList(t.type, ORG_TYPES)),
    check("organizations_prefecture_check", sql`${t.prefecture} between 1 and 47`),
    check("organizations_corporate_number_check", sql`${t.corporateNumber} ~ '^[0-9]{13}$'`),
  ],
);

export const campuses = pgTable(
  "campuses",
  {
    id: uuid().primaryKey().defaultRandom(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    nameJa: text().notNull(),
    nameEn: text(),
    prefecture: smallint(),
    city: text(),
    isMain: boolean().notNull().default(false),
    sortOrder: integer().notNull().default(0),
  },
  (t) => [uniqueIndex("campuses_org_name_key").on(t.organizationId, t.nameJa)],
);

export const users = pgTable(
  "users",
  {
    id: uuid().primaryKey().defaultRandom(),
    /** Stored in lower case. */
    email: text().notNull(),
    displayName: text().notNull(),
    role: text({ enum: ROLES }).notNull(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id),
    status: text({ enum: USER_STATUSES }).notNull().default("active"),
    /** scrypt hash (see auth/password.ts); null until an invited user sets a password. */
    passwordHash: text(),
    mustChangePassword: boolean().notNull().default(false),
    locale: text({ enum: ["ja", "en"] })
      .notNull()
      .default("ja"),
    inviteTokenHash: text(),
    inviteExpiresAt: timestamp({ withTimezone: true }),
    lastLoginAt: timestamp({ withTimezone: true }),
    isDemo: boolean().notNull().default(false),
    version: integer().notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("users_email_key").on(t.email),
    uniqueIndex("users_invite_token_key").on(t.inviteTokenHash),
    index("users_org_idx").on(t.organizationId),
    check("users_role_check", inList(t.role, ROLES)),
    check("users_status_check", inList(t.status, USER_STATUSES)),
    check("users_locale_check", inList(t.locale, ["ja", "en"])),
    check("users_email_lower_check", sql`${t.email} = lower(${t.email})`),
  ],
);

/** What a coordinator (or other staff) covers beyond their own organisation: institutions or whole areas. */
export const userCoverage = pgTable(
  "user_coverage",
  {
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** `org:<uuid>` or `area:<code>`, so that one primary key covers both kinds. */
    scope: text().notNull(),
    organizationId: uuid().references(() => organizations.id, { onDelete: "cascade" }),
    areaCode: text().references(() => areas.code, { onDelete: "cascade" }),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.scope] }),
    check("user_coverage_one_target", sql`(${t.organizationId} is null) <> (${t.areaCode} is null)`),
  ],
);

/** Server-side sessions, shared by every app server. The id is the SHA-256 of the cookie's token. */
export const sessions = pgTable(
  "sessions",
  {
    id: text().primaryKey(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    csrfToken: text().notNull(),
    createdAt: createdAt(),
    lastSeenAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    ip: text(),
    userAgent: text(),
  },
  (t) => [index("sessions_user_idx").on(t.userId), index("sessions_expires_idx").on(t.expiresAt)],
);

/** Security-relevant actions. Append-only. */
export const auditEvents = pgTable(
  "audit_events",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
    actorUserId: uuid().references(() => users.id, { onDelete: "set null" }),
    /** The actor's e-mail at the time, kept even if the user is later removed. */
    actorEmail: text(),
    action: text().notNull(),
    /** What the action was about, for throttling and search (e.g. the e-mail tried at sign-in). */
    subject: text(),
    targetType: text(),
    targetId: text(),
    ip: text(),
    userAgent: text(),
    details: jsonb().notNull().default({}),
  },
  (t) => [
    index("audit_events_at_idx").on(t.at),
    index("audit_events_action_subject_idx").on(t.action, t.subject, t.at),
    index("audit_events_action_ip_idx").on(t.action, t.ip, t.at),
  ],
);

// ---------------------------------------------------------------------------------------------------
// Research seeds database: researcher profiles, their works, seeds, edit history, imports.

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});

/** PostgreSQL tsvector (built from the application's Japanese/English analyser; see src/server/text). */
const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

export const researchers = pgTable(
  "researchers",
  {
    id: uuid().primaryKey().defaultRandom(),
    /** The kyoso account of the researcher, when they have one. */
    userId: uuid().references(() => users.id, { onDelete: "set null" }),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id),
    externalId: text(),
    eradId: text(),
    researchmapPermalink: text(),
    orcid: text(),
    nameJa: text(),
    nameEn: text(),
    nameKana: text(),
    department: text(),
    position: text(),
    /** [{ ja, en }] */
    researchAreas: jsonb().$type<{ ja: string | null; en: string | null }[]>().notNull().default([]),
    keywordsJa: text().array().notNull().default([]),
    keywordsEn: text().array().notNull().default([]),
    biographyJa: text(),
    biographyEn: text(),
    /** [{ name: {ja,en}, description: {ja,en} }] */
    equipment: jsonb()
      .$type<
        {
          name: { ja: string | null; en: string | null };
          description: { ja: string | null; en: string | null };
        }[]
      >()
      .notNull()
      .default([]),
    acceptingInquiries: boolean().notNull().default(true),
    /** Analysed terms per field, for search and matching; rebuilt when the analyser version changes. */
    terms: jsonb().$type<Record<string, string[]>>().notNull().default({}),
    searchVector: tsvector(),
    /** Names, keywords and research areas only: small, so that ranking many matches stays cheap. */
    rankVector: tsvector(),
    analyzerVersion: integer().notNull().default(0),
    /** Hash of the last imported record, so that re-importing the same data changes nothing. */
    importHash: text(),
    isDemo: boolean().notNull().default(false),
    version: integer().notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("researchers_user_key").on(t.userId),
    uniqueIndex("researchers_external_id_key").on(t.externalId),
    uniqueIndex("researchers_erad_id_key").on(t.eradId),
    uniqueIndex("researchers_researchmap_key").on(t.researchmapPermalink),
    uniqueIndex("researchers_orcid_key").on(t.orcid),
    index("researchers_org_idx").on(t.organizationId),
    index("researchers_search_idx").using("gin", t.searchVector),
    check("researchers_name_check", sql`${t.nameJa} is not null or ${t.nameEn} is not null`),
    check("researchers_erad_check", sql`${t.eradId} ~ '^[0-9]{8}$'`),
  ],
);

/** Papers, patents and grants of a researcher. */
export const researcherWorks = pgTable(
  "researcher_works",
  {
    id: uuid().primaryKey().defaultRandom(),
    researcherId: uuid()
      .notNull()
      .references(() => researchers.id, { onDelete: "cascade" }),
    kind: text({ enum: ["paper", "patent", "grant"] }).notNull(),
    titleJa: text(),
    titleEn: text(),
    abstractJa: text(),
    abstractEn: text(),
    year: smallint(),
    venue: text(),
    url: text(),
    source: text({ enum: ["manual", "import", "researchmap"] })
      .notNull()
      .default("manual"),
    sourceId: text(),
    terms: jsonb().$type<Record<string, string[]>>().notNull().default({}),
    sortOrder: integer().notNull().default(0),
  },
  (t) => [
    index("researcher_works_researcher_idx").on(t.researcherId),
    check("researcher_works_kind_check", inList(t.kind, ["paper", "patent", "grant"])),
  ],
);

export const seeds = pgTable(
  "seeds",
  {
    id: uuid().primaryKey().defaultRandom(),
    externalId: text(),
    /** The institution of the seed (its lead researcher's). */
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id),
    titleJa: text(),
    titleEn: text(),
    summaryJa: text(),
    summaryEn: text(),
    overviewJa: text(),
    overviewEn: text(),
    featuresJa: text(),
    featuresEn: text(),
    applicationsJa: text(),
    applicationsEn: text(),
    keywordsJa: text().array().notNull().default([]),
    keywordsEn: text().array().notNull().default([]),
    fields: text().array().notNull().default([]),
    trl: smallint(),
    phase: text({ enum: ["basic", "applied", "practical"] }),
    patents: text().array().notNull().default([]),
    status: text({ enum: ["draft", "published", "archived"] })
      .notNull()
      .default("draft"),
    visibility: text({ enum: ["public", "members", "coordinators"] })
      .notNull()
      .default("public"),
    publishedAt: timestamp({ withTimezone: true }),
    terms: jsonb().$type<Record<string, string[]>>().notNull().default({}),
    searchVector: tsvector(),
    /** Title, keywords and summary only: small, so that ranking many matches stays cheap. */
    rankVector: tsvector(),
    analyzerVersion: integer().notNull().default(0),
    importHash: text(),
    createdBy: uuid().references(() => users.id, { onDelete: "set null" }),
    isDemo: boolean().notNull().default(false),
    version: integer().notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("seeds_external_id_key").on(t.externalId),
    index("seeds_org_idx").on(t.organizationId),
    index("seeds_search_idx").using("gin", t.searchVector),
    index("seeds_fields_idx").using("gin", t.fields),
    /** The catalogue's browse order (newest published first) without sorting the whole table. */
    index("seeds_published_idx")
      .on(t.publishedAt.desc().nullsLast(), t.id)
      .where(sql`${t.status} = 'published'`),
    check("seeds_title_check", sql`${t.titleJa} is not null or ${t.titleEn} is not null`),
    check("seeds_trl_check", sql`${t.trl} between 1 and 9`),
    check("seeds_status_check", inList(t.status, ["draft", "published", "archived"])),
    check("seeds_visibility_check", inList(t.visibility, ["public", "members", "coordinators"])),
    check("seeds_phase_check", inList(t.phase, ["basic", "applied", "practical"])),
  ],
);

export const seedResearchers = pgTable(
  "seed_researchers",
  {
    seedId: uuid()
      .notNull()
      .references(() => seeds.id, { onDelete: "cascade" }),
    researcherId: uuid()
      .notNull()
      .references(() => researchers.id, { onDelete: "cascade" }),
    role: text({ enum: ["lead", "member"] })
      .notNull()
      .default("member"),
    sortOrder: integer().notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.seedId, t.researcherId] }),
    index("seed_researchers_researcher_idx").on(t.researcherId),
  ],
);

/** Images of a seed (figures on the seed sheet), stored in the database so that every server can serve them. */
export const seedImages = pgTable(
  "seed_images",
  {
    id: uuid().primaryKey().defaultRandom(),
    seedId: uuid()
      .notNull()
      .references(() => seeds.id, { onDelete: "cascade" }),
    fileName: text().notNull(),
    contentType: text().notNull(),
    bytes: bytea().notNull(),
    size: integer().notNull(),
    caption: text(),
    sortOrder: integer().notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [index("seed_images_seed_idx").on(t.seedId)],
);

/** Edit history of versioned records: who changed what, when, from where. */
export const revisions = pgTable(
  "revisions",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    entityType: text().notNull(),
    entityId: uuid().notNull(),
    version: integer().notNull(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
    actorUserId: uuid().references(() => users.id, { onDelete: "set null" }),
    actorEmail: text(),
    /** web, import, cli, demo */
    source: text().notNull(),
    /** { field: { from, to } } */
    changes: jsonb().$type<Record<string, { from: unknown; to: unknown }>>().notNull(),
  },
  (t) => [index("revisions_entity_idx").on(t.entityType, t.entityId, t.version)],
);

/** Imports started from the web (the CLI reports directly); progress and report for the UI. */
export const importJobs = pgTable("import_jobs", {
  id: uuid().primaryKey().defaultRandom(),
  kind: text({ enum: ["researchers", "seeds"] }).notNull(),
  format: text().notNull(),
  fileName: text().notNull(),
  dryRun: boolean().notNull(),
  partial: boolean().notNull(),
  status: text({ enum: ["running", "succeeded", "rejected", "failed"] }).notNull(),
  progress: jsonb().$type<{ phase: string; done: number; total: number }>().notNull(),
  report: jsonb().$type<Record<string, unknown>>(),
  createdBy: uuid().references(() => users.id, { onDelete: "set null" }),
  createdAt: createdAt(),
  finishedAt: timestamp({ withTimezone: true }),
});

/**
 * One row: a counter that statement-level triggers (migration search_cache) raise on every write to the
 * tables behind catalogue search results. Cached search answers are keyed by it, so a write by any
 * process (a second server, a CLI import, plain SQL) retires them. Not part of backups (derived state).
 */
export const catalogState = pgTable(
  "catalog_state",
  {
    id: smallint().primaryKey().default(1),
    generation: integer().notNull().default(0),
  },
  (t) => [check("catalog_state_single_row", sql`${t.id} = 1`)],
);

/**
 * Sentence vectors of the matching documents for the optional semantic stage (docs/semantic.md): seeds,
 * needs (their full text) and needs' public summaries (doc id `<need id>#summary`), embedded separately.
 * Keyed by the embedder that made them (`Embedder.id`); `text_hash` is the SHA-256 of the embedded text,
 * so a start loads the vectors whose text is unchanged instead of embedding the catalogue again. The
 * vector is little-endian float32. Derived data: not part of backups; rows of deleted documents are
 * removed by the server that notices.
 */
export const matchVectors = pgTable(
  "match_vectors",
  {
    docKind: text({ enum: ["seed", "need"] }).notNull(),
    docId: text().notNull(),
    embedder: text().notNull(),
    textHash: text().notNull(),
    dimension: integer().notNull(),
    vector: bytea().notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.docKind, t.docId, t.embedder] }),
    check("match_vectors_kind_check", inList(t.docKind, ["seed", "need"])),
    check("match_vectors_length_check", sql`octet_length(${t.vector}) = 4 * ${t.dimension}`),
  ],
);

// ---------------------------------------------------------------------------------------------------
// Outgoing e-mail: a durable queue. A mail is written in the transaction of what caused it and sent by the
// server's sender loop (src/server/modules/mail), retried with backoff; nothing is lost if SMTP is down.

export const MAIL_STATUSES = ["queued", "sent", "failed", "outbox"] as const;

export const mailOutbox = pgTable(
  "mail_outbox",
  {
    id: uuid().primaryKey().defaultRandom(),
    /** One or more addresses, comma-separated as in a To: header. */
    to: text().notNull(),
    subject: text().notNull(),
    text: text().notNull(),
    html: text(),
    /** [{ filename, contentType, contentBase64 }] */
    attachments: jsonb().$type<{ filename: string; contentType: string; contentBase64: string }[]>(),
    /** What the mail is about (e.g. `need_ack`), for the admin's list. */
    kind: text().notNull().default("other"),
    relatedType: text(),
    relatedId: text(),
    /** queued → sent | failed; `outbox`: kept here because no SMTP server is configured (an admin reads it). */
    status: text({ enum: MAIL_STATUSES }).notNull().default("queued"),
    attempts: integer().notNull().default(0),
    nextAttemptAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** A sender holds a claimed mail until then (another sender takes it over after a crash). */
    claimedUntil: timestamp({ withTimezone: true }),
    lastError: text(),
    messageId: text(),
    createdAt: createdAt(),
    sentAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index("mail_outbox_due_idx").on(t.nextAttemptAt).where(sql`${t.status} = 'queued'`),
    index("mail_outbox_created_idx").on(t.createdAt),
    index("mail_outbox_related_idx").on(t.relatedType, t.relatedId),
    check("mail_outbox_status_check", inList(t.status, MAIL_STATUSES)),
  ],
);

// ---------------------------------------------------------------------------------------------------
// Needs intake (ニーズ / 技術相談): a company's problem in its own words, from the public form or signed in,
// possibly through a referral partner, with its confidentiality. See src/server/modules/needs.

export const needs = pgTable(
  "needs",
  {
    id: uuid().primaryKey().defaultRandom(),
    /** Human-readable, unique: `N-2026-000123` (calendar year in Japan time, then a per-year number). */
    referenceNumber: text().notNull(),
    title: text().notNull(),
    problem: text().notNull(),
    tried: text(),
    desiredOutcome: text(),
    budgetRange: text({ enum: BUDGET_RANGES }).notNull().default("undecided"),
    timing: text({ enum: TIMINGS }).notNull().default("undecided"),
    /**
     * The platform area that handles the need: the one the submitter preferred, else the area of the
     * company or referring partner; none = every coordinator sees it (the triage pool).
     */
    areaCode: text().references(() => areas.code),
    preferredAreaCode: text().references(() => areas.code),
    language: text({ enum: ["ja", "en"] })
      .notNull()
      .default("ja"),
    contactName: text().notNull(),
    contactEmail: text(),
    contactPhone: text(),
    /** The company's name as written (the client's, when a referral partner submits). */
    organizationName: text().notNull(),
    submittedBy: uuid().references(() => users.id, { onDelete: "set null" }),
    companyOrganizationId: uuid().references(() => organizations.id, { onDelete: "set null" }),
    referralOrganizationId: uuid().references(() => organizations.id, { onDelete: "set null" }),
    referralBranch: text(),
    referralStaffName: text(),
    confidentiality: text({ enum: NEED_CONFIDENTIALITIES }).notNull().default("coordinators"),
    ndaRequired: boolean().notNull().default(false),
    ndaStatus: text({ enum: NDA_STATUSES }).notNull().default("none"),
    ndaSignedAt: timestamp({ withTimezone: true }),
    anonymousUntilAgreed: boolean().notNull().default(false),
    /** The company agreed to be named (coordinators record it); lifts anonymousUntilAgreed. */
    nameAgreed: boolean().notNull().default(false),
    /** Written by coordinators: what may be shown beyond those who see the full need. */
    publicSummary: text(),
    status: text({ enum: NEED_STATUSES }).notNull().default("received"),
    source: text({ enum: NEED_SOURCES }).notNull(),
    /** The submitting address of the public form (its rate limit counts from here). */
    submittedIp: text(),
    /** Demo data (removed and reloaded with the demo). */
    isDemo: boolean().notNull().default(false),
    version: integer().notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("needs_reference_key").on(t.referenceNumber),
    index("needs_created_idx").on(t.createdAt),
    index("needs_area_idx").on(t.areaCode),
    index("needs_submitted_by_idx").on(t.submittedBy),
    index("needs_company_idx").on(t.companyOrganizationId),
    index("needs_referral_idx").on(t.referralOrganizationId),
    index("needs_ip_idx").on(t.submittedIp, t.createdAt),
    check("needs_reference_check", sql`${t.referenceNumber} ~ '^N-[0-9]{4}-[0-9]{6,}$'`),
    check("needs_confidentiality_check", inList(t.confidentiality, NEED_CONFIDENTIALITIES)),
    check("needs_status_check", inList(t.status, NEED_STATUSES)),
    check("needs_nda_status_check", inList(t.ndaStatus, NDA_STATUSES)),
    check("needs_language_check", inList(t.language, ["ja", "en"])),
    check("needs_source_check", inList(t.source, NEED_SOURCES)),
    check("needs_budget_check", inList(t.budgetRange, BUDGET_RANGES)),
    check("needs_timing_check", inList(t.timing, TIMINGS)),
  ],
);

/** Who may see a need whose confidentiality is `named` (besides its owners and its coordinators). */
export const needViewers = pgTable(
  "need_viewers",
  {
    needId: uuid()
      .notNull()
      .references(() => needs.id, { onDelete: "cascade" }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    addedBy: uuid().references(() => users.id, { onDelete: "set null" }),
    addedAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.needId, t.userId] }), index("need_viewers_user_idx").on(t.userId)],
);

/** The last reference number given in each year (a row lock makes numbers unique and gap-free). */
export const needCounters = pgTable("need_counters", {
  year: smallint().primaryKey(),
  last: integer().notNull(),
});

// ---------------------------------------------------------------------------------------------------
// Matching: coordinators' work on suggested researchers (shortlist, dismiss, inquiry and the
// researcher's answer), every step kept as feedback for the ranking, and coordinators' domain synonyms.
// See src/server/modules/matching.

/** One suggested researcher for one need, as far as coordinators took it (absent = only suggested). */
export const needMatches = pgTable(
  "need_matches",
  {
    needId: uuid()
      .notNull()
      .references(() => needs.id, { onDelete: "cascade" }),
    researcherId: uuid()
      .notNull()
      .references(() => researchers.id, { onDelete: "cascade" }),
    state: text({ enum: MATCH_STATES }).notNull(),
    dismissReason: text({ enum: DISMISS_REASONS }),
    /** The coordinator's note (dismissal) or the inquiry's message to the researcher. */
    note: text(),
    /** The rank and score the engine gave when the coordinator first acted (feedback for tuning). */
    rank: integer(),
    score: doublePrecision(),
    inquiredBy: uuid().references(() => users.id, { onDelete: "set null" }),
    inquiredAt: timestamp({ withTimezone: true }),
    /** The researcher's note with their answer. */
    responseNote: text(),
    respondedAt: timestamp({ withTimezone: true }),
    updatedBy: uuid().references(() => users.id, { onDelete: "set null" }),
    version: integer().notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.needId, t.researcherId] }),
    index("need_matches_researcher_idx").on(t.researcherId, t.state),
    check("need_matches_state_check", inList(t.state, MATCH_STATES)),
    check(
      "need_matches_dismiss_check",
      sql`${t.dismissReason} is null or ${inList(t.dismissReason, DISMISS_REASONS)}`,
    ),
  ],
);

/** Every shortlist, dismissal, inquiry and answer, append-only: the ranking's feedback. */
export const matchFeedback = pgTable(
  "match_feedback",
  {
    id: uuid().primaryKey().defaultRandom(),
    needId: uuid()
      .notNull()
      .references(() => needs.id, { onDelete: "cascade" }),
    researcherId: uuid()
      .notNull()
      .references(() => researchers.id, { onDelete: "cascade" }),
    action: text({ enum: FEEDBACK_ACTIONS }).notNull(),
    reason: text({ enum: DISMISS_REASONS }),
    note: text(),
    rank: integer(),
    score: doublePrecision(),
    actorId: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [
    index("match_feedback_need_idx").on(t.needId, t.createdAt),
    index("match_feedback_action_idx").on(t.action, t.createdAt),
    check("match_feedback_action_check", inList(t.action, FEEDBACK_ACTIONS)),
    check("match_feedback_reason_check", sql`${t.reason} is null or ${inList(t.reason, DISMISS_REASONS)}`),
  ],
);

/**
 * Coordinators' domain synonyms: words that mean the same in this field (e.g. バリ / burr / かえり).
 * `oneWay`: the first term brings in the others, but they do not bring it in.
 */
export const matchSynonyms = pgTable("match_synonyms", {
  id: uuid().primaryKey().defaultRandom(),
  terms: text().array().notNull(),
  oneWay: boolean().notNull().default(false),
  note: text(),
  createdBy: uuid().references(() => users.id, { onDelete: "set null" }),
  version: integer().notNull().default(1),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

// ---------------------------------------------------------------------------------------------------
// The case pipeline: every need is a case (one row per need), moved through stages by coordinators.

/**
 * The stage lists: `*` is the platform's default list; an area with rows of its own uses those instead.
 * Codes are kept once used (a stage is deactivated, never deleted), so old cases keep their stage.
 */
export const caseStages = pgTable(
  "case_stages",
  {
    areaCode: text().notNull(),
    code: text().notNull(),
    kind: text({ enum: STAGE_KINDS }).notNull(),
    labelJa: text().notNull(),
    labelEn: text().notNull(),
    position: integer().notNull(),
    active: boolean().notNull().default(true),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.areaCode, t.code] }),
    check("case_stages_kind_check", inList(t.kind, STAGE_KINDS)),
    check("case_stages_code_check", sql`${t.code} ~ '^[a-z][a-z0-9_]{1,39}$'`),
  ],
);

/** Why a case was closed, per close stage (reference data, inserted when missing). */
export const caseCloseReasons = pgTable(
  "case_close_reasons",
  {
    code: text().primaryKey(),
    stageCode: text().notNull(),
    labelJa: text().notNull(),
    labelEn: text().notNull(),
    /** A refusal ground of the KOSEN technical consultation guideline. */
    guideline: boolean().notNull().default(false),
    position: integer().notNull().default(0),
    active: boolean().notNull().default(true),
  },
  (t) => [index("case_close_reasons_stage_idx").on(t.stageCode)],
);

export const cases = pgTable(
  "cases",
  {
    id: uuid().primaryKey().defaultRandom(),
    needId: uuid()
      .notNull()
      .references(() => needs.id, { onDelete: "cascade" }),
    stageCode: text().notNull(),
    stageKind: text({ enum: STAGE_KINDS }).notNull().default("open"),
    stageEnteredAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    coordinatorId: uuid().references(() => users.id, { onDelete: "set null" }),
    secondCoordinatorId: uuid().references(() => users.id, { onDelete: "set null" }),
    closeReasonCode: text().references(() => caseCloseReasons.code),
    closeNote: text(),
    closedAt: timestamp({ withTimezone: true }),
    /** The earliest due date of the case's open tasks (kept by the service, for the list's filter). */
    nextDueOn: date({ mode: "string" }),
    /** The last thing that happened on the case (timeline, tasks, stage); idle cases count from here. */
    lastActivityAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** When the idle notice for the current idle stretch went out (cleared by new activity). */
    idleNotifiedAt: timestamp({ withTimezone: true }),
    version: integer().notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("cases_need_key").on(t.needId),
    index("cases_stage_idx").on(t.stageCode, t.stageEnteredAt, t.id),
    index("cases_coordinator_idx").on(t.coordinatorId),
    index("cases_second_coordinator_idx").on(t.secondCoordinatorId),
    index("cases_due_idx").on(t.nextDueOn),
    index("cases_activity_idx").on(t.stageKind, t.lastActivityAt),
    index("cases_last_activity_idx").on(t.lastActivityAt),
    check("cases_stage_kind_check", inList(t.stageKind, STAGE_KINDS)),
  ],
);

/** The timeline: notes, calls, mails, meetings, stage changes, assignments, files, tasks. */
export const caseEvents = pgTable(
  "case_events",
  {
    id: uuid().primaryKey().defaultRandom(),
    caseId: uuid()
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    kind: text({ enum: EVENT_KINDS }).notNull(),
    actorId: uuid().references(() => users.id, { onDelete: "set null" }),
    /** When it happened (a call may be recorded later than it took place). */
    occurredAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    body: text(),
    data: jsonb().$type<Record<string, unknown>>(),
    createdAt: createdAt(),
  },
  (t) => [
    index("case_events_case_idx").on(t.caseId, t.occurredAt),
    check("case_events_kind_check", inList(t.kind, EVENT_KINDS)),
  ],
);

export const caseTasks = pgTable(
  "case_tasks",
  {
    id: uuid().primaryKey().defaultRandom(),
    caseId: uuid()
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    title: text().notNull(),
    dueOn: date({ mode: "string" }),
    ownerId: uuid().references(() => users.id, { onDelete: "set null" }),
    doneAt: timestamp({ withTimezone: true }),
    doneBy: uuid().references(() => users.id, { onDelete: "set null" }),
    /** The day before which the "due tomorrow" notice went out (once per due date). */
    remindedFor: date({ mode: "string" }),
    createdBy: uuid().references(() => users.id, { onDelete: "set null" }),
    version: integer().notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [
    index("case_tasks_case_idx").on(t.caseId),
    index("case_tasks_due_idx").on(t.dueOn).where(sql`${t.doneAt} is null`),
    index("case_tasks_owner_idx").on(t.ownerId).where(sql`${t.doneAt} is null`),
  ],
);

export const caseMeetings = pgTable(
  "case_meetings",
  {
    id: uuid().primaryKey().defaultRandom(),
    caseId: uuid()
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    title: text().notNull(),
    mode: text({ enum: MEETING_MODES }).notNull(),
    /** An address or room (in person), a meeting URL (online), the receiving site (GI-net). */
    location: text(),
    /** The campus (in person on a campus, or the GI-net site). */
    campusId: uuid().references(() => campuses.id, { onDelete: "set null" }),
    startsAt: timestamp({ withTimezone: true }).notNull(),
    endsAt: timestamp({ withTimezone: true }).notNull(),
    agenda: text(),
    status: text({ enum: MEETING_STATUSES }).notNull().default("scheduled"),
    outcome: text(),
    /** iCalendar SEQUENCE: raised with each update sent to the attendees. */
    sequence: integer().notNull().default(0),
    createdBy: uuid().references(() => users.id, { onDelete: "set null" }),
    version: integer().notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("case_meetings_case_idx").on(t.caseId, t.startsAt),
    check("case_meetings_mode_check", inList(t.mode, MEETING_MODES)),
    check("case_meetings_status_check", inList(t.status, MEETING_STATUSES)),
    check("case_meetings_period_check", sql`${t.endsAt} > ${t.startsAt}`),
  ],
);

export const caseMeetingAttendees = pgTable(
  "case_meeting_attendees",
  {
    meetingId: uuid()
      .notNull()
      .references(() => caseMeetings.id, { onDelete: "cascade" }),
    email: text().notNull(),
    name: text().notNull(),
    kind: text({ enum: ATTENDEE_KINDS }).notNull(),
    userId: uuid().references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [
    primaryKey({ columns: [t.meetingId, t.email] }),
    check("case_meeting_attendees_kind_check", inList(t.kind, ATTENDEE_KINDS)),
  ],
);

/** Files attached to a case, in the database (outside any web root), served only to the case's staff. */
export const caseFiles = pgTable(
  "case_files",
  {
    id: uuid().primaryKey().defaultRandom(),
    caseId: uuid()
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    fileName: text().notNull(),
    contentType: text().notNull(),
    size: integer().notNull(),
    sha256: text().notNull(),
    bytes: bytea().notNull(),
    uploadedBy: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [index("case_files_case_idx").on(t.caseId)],
);

export const caseFollowers = pgTable(
  "case_followers",
  {
    caseId: uuid()
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.userId] }), index("case_followers_user_idx").on(t.userId)],
);

/** A coordinator's saved list filters. */
export const caseViews = pgTable(
  "case_views",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: text().notNull(),
    query: jsonb().$type<Record<string, string>>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("case_views_user_name_key").on(t.userId, t.name)],
);

/** In-app notifications (and, by each user's setting, a mail each or a daily digest). */
export const notifications = pgTable(
  "notifications",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text({ enum: NOTIFICATION_KINDS }).notNull(),
    caseId: uuid().references(() => cases.id, { onDelete: "cascade" }),
    title: text().notNull(),
    body: text(),
    link: text(),
    readAt: timestamp({ withTimezone: true }),
    /** Waiting for the user's daily digest (digest mode); cleared when the digest is queued. */
    digestPending: boolean().notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [
    index("notifications_user_idx").on(t.userId, t.createdAt),
    index("notifications_digest_idx").on(t.userId).where(sql`${t.digestPending}`),
    check("notifications_kind_check", inList(t.kind, NOTIFICATION_KINDS)),
  ],
);

export const notificationSettings = pgTable(
  "notification_settings",
  {
    userId: uuid()
      .primaryKey()
      .references(() => users.id, { onDelete: "cascade" }),
    emailMode: text({ enum: EMAIL_MODES }).notNull().default("each"),
    /** After how many days without activity an assigned case is reported idle. */
    idleDays: integer().notNull().default(DEFAULT_IDLE_DAYS),
    /** The Japan-time day the last digest was queued. */
    lastDigestOn: date({ mode: "string" }),
  },
  (t) => [
    check("notification_settings_mode_check", inList(t.emailMode, EMAIL_MODES)),
    check("notification_settings_idle_check", sql`${t.idleDays} between 1 and 365`),
  ],
);

// ---------------------------------------------------------------------------------------------------
// Contracts and money (src/server/modules/contracts): contracts with parties, members and budgets per
// fiscal year, the institutions' indirect-cost rate tables, amendments as revisions, invoices and
// payments, documents; open calls with applications and reviews. Money is integer yen (bigint columns
// read as JS numbers; amounts stay far below 2^53).

const yen = () => bigint({ mode: "number" });

/** Numbers per kind and year (`K-2026-0001`, `INV-2026-0001`): a row lock keeps them unique and gap-free. */
export const numberCounters = pgTable(
  "number_counters",
  {
    kind: text().notNull(),
    year: smallint().notNull(),
    last: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.kind, t.year] })],
);

/** An institution's indirect-cost rate table: a rate applies to contracts starting on or after its date. */
export const indirectRates = pgTable(
  "indirect_rates",
  {
    id: uuid().primaryKey().defaultRandom(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    /** Contract types the rate applies to; empty: every type. */
    contractTypes: text().array().notNull().default([]),
    effectiveFrom: date({ mode: "string" }).notNull(),
    /** Basis points: 3000 = 30%. */
    rateBp: integer().notNull(),
    basis: text({ enum: ["direct", "total"] }).notNull(),
    note: text(),
    /** Loaded with the demo data (removed with it). */
    isDemo: boolean().notNull().default(false),
    createdBy: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [
    index("indirect_rates_org_idx").on(t.organizationId, t.effectiveFrom),
    check("indirect_rates_basis_check", inList(t.basis, ["direct", "total"])),
    check("indirect_rates_rate_check", sql`${t.rateBp} between 0 and 100000`),
  ],
);

/** What an institution prints on its invoices: issuer details, 適格請求書 registration number, bank account. */
export const institutionBilling = pgTable("institution_billing", {
  organizationId: uuid()
    .primaryKey()
    .references(() => organizations.id, { onDelete: "cascade" }),
  department: text(),
  postalCode: text(),
  address: text(),
  phone: text(),
  email: text(),
  registrationNumber: text(),
  bankName: text(),
  branchName: text(),
  accountType: text({ enum: ["普通", "当座"] }),
  accountNumber: text(),
  accountHolder: text(),
  isDemo: boolean().notNull().default(false),
  updatedBy: uuid().references(() => users.id, { onDelete: "set null" }),
  updatedAt: updatedAt(),
});

export const openCalls = pgTable(
  "open_calls",
  {
    id: uuid().primaryKey().defaultRandom(),
    title: text().notNull(),
    background: text().notNull(),
    goals: text().notNull(),
    expectedContribution: text().notNull(),
    ipRule: text().notNull(),
    /** Applications are accepted until this moment. */
    deadline: timestamp({ withTimezone: true }).notNull(),
    /** The institution that leads the resulting contract (its rate table applies). */
    institutionId: uuid()
      .notNull()
      .references(() => organizations.id),
    contractType: text({ enum: OPEN_CALL_CONTRACT_TYPES }).notNull().default("open_call"),
    status: text({ enum: OPEN_CALL_STATUSES }).notNull().default("draft"),
    publishedAt: timestamp({ withTimezone: true }),
    /** The contract the accepted applicants joined. */
    contractId: uuid(),
    createdBy: uuid().references(() => users.id, { onDelete: "set null" }),
    isDemo: boolean().notNull().default(false),
    version: integer().notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("open_calls_status_idx").on(t.status, t.deadline),
    check("open_calls_status_check", inList(t.status, OPEN_CALL_STATUSES)),
    check("open_calls_type_check", inList(t.contractType, OPEN_CALL_CONTRACT_TYPES)),
  ],
);

export const openCallApplications = pgTable(
  "open_call_applications",
  {
    id: uuid().primaryKey().defaultRandom(),
    callId: uuid()
      .notNull()
      .references(() => openCalls.id, { onDelete: "cascade" }),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id),
    applicantId: uuid().references(() => users.id, { onDelete: "set null" }),
    contactName: text().notNull(),
    contactEmail: text().notNull(),
    proposal: text().notNull(),
    /** What the company offers to contribute per year (yen). */
    contribution: yen().notNull(),
    status: text({ enum: APPLICATION_STATUSES }).notNull().default("submitted"),
    decisionReason: text(),
    decidedBy: uuid().references(() => users.id, { onDelete: "set null" }),
    decidedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("open_call_applications_org_key").on(t.callId, t.organizationId),
    check("open_call_applications_status_check", inList(t.status, APPLICATION_STATUSES)),
    check("open_call_applications_contribution_check", sql`${t.contribution} >= 0`),
  ],
);

export const openCallReviews = pgTable(
  "open_call_reviews",
  {
    applicationId: uuid()
      .notNull()
      .references(() => openCallApplications.id, { onDelete: "cascade" }),
    reviewerId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    score: smallint().notNull(),
    comment: text(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.applicationId, t.reviewerId] }),
    check("open_call_reviews_score_check", sql`${t.score} between 1 and 5`),
  ],
);

export const contracts = pgTable(
  "contracts",
  {
    id: uuid().primaryKey().defaultRandom(),
    /** `K-2026-0001`: fiscal year of creation, then a number. */
    number: text().notNull(),
    type: text({ enum: CONTRACT_TYPES }).notNull(),
    status: text({ enum: CONTRACT_STATUSES }).notNull().default("applied"),
    title: text().notNull(),
    purpose: text(),
    place: text(),
    startDate: date({ mode: "string" }).notNull(),
    endDate: date({ mode: "string" }).notNull(),
    /** The institution that receives the contract (its rate table applies). */
    institutionId: uuid()
      .notNull()
      .references(() => organizations.id),
    caseId: uuid().references(() => cases.id, { onDelete: "set null" }),
    needId: uuid().references(() => needs.id, { onDelete: "set null" }),
    openCallId: uuid().references(() => openCalls.id, { onDelete: "set null" }),
    ipTerms: text(),
    confidentialityTerms: text(),
    publicationTerms: text(),
    equipmentTerms: text(),
    /** 運営委員会 of a consortium: its members and rules. */
    steeringCommittee: text(),
    /**
     * Indirect cost: rate (basis points) and basis; from the table until signing, then fixed. Null only
     * while the contract has no budget yet (e.g. opened from a case before the table has a rate).
     */
    rateBp: integer(),
    rateBasis: text({ enum: ["direct", "total"] }),
    /** The rounding step of indirect cost (1, 10, 100, 1000 yen; cut down). */
    rateStep: integer().notNull().default(1),
    /** The table row's effective date the rate came from; null for an exception. */
    rateEffectiveFrom: date({ mode: "string" }),
    /** A negotiated rate instead of the table's, with its reason (reported). */
    rateExceptionReason: text(),
    rateFixedAt: timestamp({ withTimezone: true }),
    /** Consumption tax on invoices (basis points), or null: 不課税. */
    taxRateBp: integer(),
    signedOn: date({ mode: "string" }),
    completedOn: date({ mode: "string" }),
    cancelledOn: date({ mode: "string" }),
    cancelReason: text(),
    /** 0 = the original contract; each amendment adds one. */
    revision: integer().notNull().default(0),
    /** Totals over all fiscal years (kept by the service from the budget rows, for lists and KPIs). */
    directTotal: yen().notNull().default(0),
    indirectTotal: yen().notNull().default(0),
    researchFeeTotal: yen().notNull().default(0),
    total: yen().notNull().default(0),
    createdBy: uuid().references(() => users.id, { onDelete: "set null" }),
    isDemo: boolean().notNull().default(false),
    version: integer().notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("contracts_number_key").on(t.number),
    index("contracts_institution_idx").on(t.institutionId),
    index("contracts_status_idx").on(t.status),
    index("contracts_type_idx").on(t.type),
    index("contracts_case_idx").on(t.caseId),
    index("contracts_need_idx").on(t.needId),
    /** Contracts that came from a need, by signing date (KPI: time from need to contract). */
    index("contracts_signed_from_need_idx").on(t.signedOn).where(sql`${t.needId} is not null`),
    index("contracts_start_idx").on(t.startDate),
    check("contracts_type_check", inList(t.type, CONTRACT_TYPES)),
    check("contracts_status_check", inList(t.status, CONTRACT_STATUSES)),
    check("contracts_period_check", sql`${t.endDate} >= ${t.startDate}`),
    check("contracts_step_check", sql`${t.rateStep} in (1, 10, 100, 1000)`),
  ],
);

export const contractParties = pgTable(
  "contract_parties",
  {
    id: uuid().primaryKey().defaultRandom(),
    contractId: uuid()
      .notNull()
      .references(() => contracts.id, { onDelete: "cascade" }),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id),
    role: text({ enum: PARTY_ROLES }).notNull(),
    /** Whom invoices and notices are addressed to. */
    department: text(),
    contactName: text(),
    contactEmail: text(),
    postalCode: text(),
    address: text(),
    sortOrder: integer().notNull().default(0),
  },
  (t) => [
    uniqueIndex("contract_parties_org_key").on(t.contractId, t.organizationId),
    index("contract_parties_org_idx").on(t.organizationId),
    check("contract_parties_role_check", inList(t.role, PARTY_ROLES)),
  ],
);

export const contractMembers = pgTable(
  "contract_members",
  {
    id: uuid().primaryKey().defaultRandom(),
    contractId: uuid()
      .notNull()
      .references(() => contracts.id, { onDelete: "cascade" }),
    kind: text({ enum: MEMBER_KINDS }).notNull(),
    researcherId: uuid().references(() => researchers.id, { onDelete: "set null" }),
    name: text().notNull(),
    organizationId: uuid().references(() => organizations.id),
    /** 役割分担. */
    task: text(),
    /** 研究料 of a hosted researcher per fiscal year: { "2026": 420000 }. */
    fees: jsonb().$type<Record<string, number>>().notNull().default({}),
    sortOrder: integer().notNull().default(0),
  },
  (t) => [
    index("contract_members_contract_idx").on(t.contractId),
    index("contract_members_researcher_idx").on(t.researcherId),
    check("contract_members_kind_check", inList(t.kind, MEMBER_KINDS)),
  ],
);

/** The budget of one fiscal year: direct-cost lines, indirect cost, 研究料, total. */
export const contractBudgetYears = pgTable(
  "contract_budget_years",
  {
    contractId: uuid()
      .notNull()
      .references(() => contracts.id, { onDelete: "cascade" }),
    fiscalYear: smallint().notNull(),
    personnel: yen().notNull().default(0),
    consumables: yen().notNull().default(0),
    travel: yen().notNull().default(0),
    equipment: yen().notNull().default(0),
    other: yen().notNull().default(0),
    direct: yen().notNull(),
    indirect: yen().notNull(),
    researchFee: yen().notNull().default(0),
    total: yen().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.contractId, t.fiscalYear] }),
    index("contract_budget_years_fy_idx").on(t.fiscalYear),
    check(
      "contract_budget_years_sum_check",
      sql`${t.direct} = ${t.personnel} + ${t.consumables} + ${t.travel} + ${t.equipment} + ${t.other} and ${t.total} = ${t.direct} + ${t.indirect} + ${t.researchFee}`,
    ),
    check(
      "contract_budget_years_sign_check",
      sql`least(${t.personnel}, ${t.consumables}, ${t.travel}, ${t.equipment}, ${t.other}, ${t.indirect}, ${t.researchFee}) >= 0`,
    ),
  ],
);

/** Each paying party's contribution per fiscal year; they add up to the year's total. */
export const contractContributions = pgTable(
  "contract_contributions",
  {
    contractId: uuid()
      .notNull()
      .references(() => contracts.id, { onDelete: "cascade" }),
    partyId: uuid()
      .notNull()
      .references(() => contractParties.id, { onDelete: "cascade" }),
    fiscalYear: smallint().notNull(),
    amount: yen().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.partyId, t.fiscalYear] }),
    index("contract_contributions_contract_idx").on(t.contractId),
    check("contract_contributions_amount_check", sql`${t.amount} >= 0`),
  ],
);

/** The original contract and every amendment (変更契約), each with the whole contract as it then stood. */
export const contractRevisions = pgTable(
  "contract_revisions",
  {
    id: uuid().primaryKey().defaultRandom(),
    contractId: uuid()
      .notNull()
      .references(() => contracts.id, { onDelete: "cascade" }),
    revision: integer().notNull(),
    /** The day the amendment takes effect (re-allocation runs from its fiscal year). */
    effectiveOn: date({ mode: "string" }).notNull(),
    reason: text(),
    /** What changed: [{ field, from, to }]. */
    changes: jsonb().$type<{ field: string; from: unknown; to: unknown }[]>().notNull().default([]),
    snapshot: jsonb().$type<Record<string, unknown>>().notNull(),
    createdBy: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("contract_revisions_key").on(t.contractId, t.revision)],
);

/** Who did what, when. */
export const contractEvents = pgTable(
  "contract_events",
  {
    id: uuid().primaryKey().defaultRandom(),
    contractId: uuid()
      .notNull()
      .references(() => contracts.id, { onDelete: "cascade" }),
    kind: text({ enum: CONTRACT_EVENT_KINDS }).notNull(),
    actorId: uuid().references(() => users.id, { onDelete: "set null" }),
    body: text(),
    data: jsonb().$type<Record<string, unknown>>(),
    createdAt: createdAt(),
  },
  (t) => [
    index("contract_events_contract_idx").on(t.contractId, t.createdAt),
    check("contract_events_kind_check", inList(t.kind, CONTRACT_EVENT_KINDS)),
  ],
);

export const contractDocuments = pgTable(
  "contract_documents",
  {
    id: uuid().primaryKey().defaultRandom(),
    contractId: uuid()
      .notNull()
      .references(() => contracts.id, { onDelete: "cascade" }),
    kind: text({ enum: DOCUMENT_KINDS }).notNull(),
    fileName: text().notNull(),
    contentType: text().notNull(),
    size: integer().notNull(),
    sha256: text().notNull(),
    bytes: bytea().notNull(),
    uploadedBy: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [
    index("contract_documents_contract_idx").on(t.contractId),
    check("contract_documents_kind_check", inList(t.kind, DOCUMENT_KINDS)),
  ],
);

export const invoices = pgTable(
  "invoices",
  {
    id: uuid().primaryKey().defaultRandom(),
    /** `INV-2026-0001`. */
    number: text().notNull(),
    contractId: uuid()
      .notNull()
      .references(() => contracts.id, { onDelete: "cascade" }),
    partyId: uuid()
      .notNull()
      .references(() => contractParties.id),
    fiscalYear: smallint().notNull(),
    /** 第n回 of the party's invoices for the contract. */
    instalment: integer().notNull(),
    subject: text().notNull(),
    /** Before tax. */
    amount: yen().notNull(),
    taxRateBp: integer(),
    tax: yen().notNull(),
    total: yen().notNull(),
    issueDate: date({ mode: "string" }).notNull(),
    dueDate: date({ mode: "string" }).notNull(),
    status: text({ enum: INVOICE_STATUSES }).notNull().default("issued"),
    paidAmount: yen().notNull().default(0),
    paidOn: date({ mode: "string" }),
    cancelReason: text(),
    createdBy: uuid().references(() => users.id, { onDelete: "set null" }),
    version: integer().notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("invoices_number_key").on(t.number),
    index("invoices_contract_idx").on(t.contractId),
    index("invoices_due_idx").on(t.dueDate).where(sql`${t.status} = 'issued'`),
    check("invoices_status_check", inList(t.status, INVOICE_STATUSES)),
    check("invoices_amount_check", sql`${t.amount} > 0 and ${t.total} = ${t.amount} + ${t.tax}`),
    check("invoices_due_check", sql`${t.dueDate} >= ${t.issueDate}`),
  ],
);

export const invoicePayments = pgTable(
  "invoice_payments",
  {
    id: uuid().primaryKey().defaultRandom(),
    invoiceId: uuid()
      .notNull()
      .references(() => invoices.id, { onDelete: "cascade" }),
    paidOn: date({ mode: "string" }).notNull(),
    amount: yen().notNull(),
    note: text(),
    recordedBy: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [
    index("invoice_payments_invoice_idx").on(t.invoiceId),
    check("invoice_payments_amount_check", sql`${t.amount} > 0`),
  ],
);

// ---------------------------------------------------------------------------------------------------
// KPIs (src/server/modules/kpi): targets per fiscal year, frozen snapshots of closed years.

/** An admin's target for a KPI in a fiscal year (absent: the programme's default). */
export const kpiTargets = pgTable(
  "kpi_targets",
  {
    fiscalYear: smallint().notNull(),
    code: text().notNull(),
    target: doublePrecision().notNull(),
    updatedBy: uuid().references(() => users.id, { onDelete: "set null" }),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.fiscalYear, t.code] }),
    check("kpi_targets_target_check", sql`${t.target} >= 0`),
  ],
);

/** The figures and the rows behind them of a closed fiscal year, as they were when frozen; never updated. */
export const kpiSnapshots = pgTable("kpi_snapshots", {
  fiscalYear: smallint().primaryKey(),
  figures: jsonb().$type<Record<string, unknown>>().notNull(),
  rows: jsonb().$type<Record<string, unknown[] | null>>().notNull(),
  takenBy: uuid().references(() => users.id, { onDelete: "set null" }),
  takenAt: createdAt(),
});

/**
 * A counter raised (once per transaction) by statement triggers on every table behind the KPI figures
 * (migration kpi_state), so cached dashboards of an older generation are never served.
 */
export const kpiState = pgTable(
  "kpi_state",
  {
    id: smallint().primaryKey().default(1),
    generation: integer().notNull().default(0),
  },
  (t) => [check("kpi_state_single_row", sql`${t.id} = 1`)],
);

/**
 * The contract allocations behind the KPI figures, one row per contract and fiscal year, with what the
 * figures filter and group by (type, status and dates; the institution's area and KOSEN block; the
 * referral partner type of the need; whether a company pays) — a pure denormalisation of
 * contract_budget_years joined with the contract, its institution, its need and its parties, so the
 * dashboard reads one narrow table instead of five joined ones. Never written by the application:
 * statement triggers on those tables keep it equal to the view `kpi_contract_years_source` (migration
 * kpi_contract_years_triggers); what counts and how is still decided by kpi/definitions.ts. `counted` is the
 * row's value of the SQL function `kyoso_kpi_counted` (which contracts count in a fiscal year), the one rule
 * definitions.ts applies everywhere. Derived, so not backed up.
 */
export const kpiContractYears = pgTable(
  "kpi_contract_years",
  {
    contractId: uuid()
      .notNull()
      .references(() => contracts.id, { onDelete: "cascade" }),
    fiscalYear: smallint().notNull(),
    type: text().notNull(),
    status: text().notNull(),
    signedOn: date({ mode: "string" }),
    cancelledOn: date({ mode: "string" }),
    direct: yen().notNull(),
    indirect: yen().notNull(),
    researchFee: yen().notNull(),
    total: yen().notNull(),
    area: text(),
    institution: uuid().notNull(),
    kosenBlock: text(),
    referralType: text().notNull(),
    companyPayer: boolean().notNull(),
    counted: boolean().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.contractId, t.fiscalYear] }),
    index("kpi_contract_years_fy_idx").on(t.fiscalYear),
  ],
);

/**
 * The needs behind the KPI figures, one row per need, with what the figures filter and group by: the day
 * and fiscal year of receipt (Japan time), the need's area, the institution (and KOSEN block) of the
 * coordinator in charge of its case, the referral partner's type, and whether a contract counted for that
 * year came of it.
 * A pure denormalisation of needs joined with their case, its coordinator, organisations and contracts;
 * statement triggers on those tables keep it equal to the view `kpi_needs_source` (migration kpi_needs).
 * Derived, so not backed up.
 */
export const kpiNeeds = pgTable(
  "kpi_needs",
  {
    needId: uuid()
      .primaryKey()
      .references(() => needs.id, { onDelete: "cascade" }),
    caseId: uuid(),
    fiscalYear: smallint().notNull(),
    /** The day it was received, in Japan time. */
    receivedOn: date({ mode: "string" }).notNull(),
    area: text(),
    institution: uuid(),
    kosenBlock: text(),
    referralType: text().notNull(),
    converted: boolean().notNull(),
  },
  (t) => [index("kpi_needs_fy_idx").on(t.fiscalYear), index("kpi_needs_case_idx").on(t.caseId)],
);

/**
 * The counted rows of kpi_contract_years summed per fiscal year and every value the figures filter and group
 * by: what the dashboard reads (a few thousand rows where kpi_contract_years has one per contract and year).
 * Kept by statement triggers on kpi_contract_years that add each inserted row and subtract each deleted one
 * (migration kpi_contract_totals), so concurrent writers add up instead of overwriting each other; groups
 * that fall to zero rows are removed. Derived, so not backed up.
 */
export const kpiContractTotals = pgTable(
  "kpi_contract_totals",
  {
    fiscalYear: smallint().notNull(),
    type: text().notNull(),
    companyPayer: boolean().notNull(),
    area: text(),
    institution: uuid().notNull(),
    kosenBlock: text(),
    referralType: text().notNull(),
    /** How many contracts (rows of kpi_contract_years) the group holds. */
    n: integer().notNull(),
    direct: yen().notNull(),
    indirect: yen().notNull(),
    researchFee: yen().notNull(),
    total: yen().notNull(),
  },
  (t) => [
    unique("kpi_contract_totals_key")
      .on(t.fiscalYear, t.type, t.companyPayer, t.area, t.institution, t.kosenBlock, t.referralType)
      .nullsNotDistinct(),
  ],
);
