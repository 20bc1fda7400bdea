/** Requests and responses of the cases API (zod; the OpenAPI document comes from here). */
import { z } from "@hono/zod-openapi";
import { optionalText, requiredText } from "../../http/fields";
import {
  ATTENDEE_KINDS,
  CASE_SORTS,
  EMAIL_MODES,
  MANUAL_EVENT_KINDS,
  MEETING_MODES,
  MEETING_STATUSES,
  STAGE_KINDS,
} from "./codes";

const text = requiredText;
/** In a change: absent = keep, null or blank = clear (blank becomes null in the service). */
const patchText = (max: number) =>
  z.string().trim().max(max, `must be at most ${max} characters`).nullable().optional();
const day = z.string().refine((v) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
}, "must be a date such as 2026-12-01");
const userId = z.uuid({ message: "must be a user id" });
const version = z.number({ message: "is required: the version you edited" }).int().min(1);

export const CaseFiltersQuery = z.object({
  stage: z
    .string()
    .max(500)
    .optional()
    .transform((v) => (v ? v.split(",").filter(Boolean) : undefined))
    .openapi({ description: "Stage codes, comma-separated" }),
  state: z.enum(["open", "won", "closed", "all"]).optional(),
  area: z.string().max(40).optional().openapi({ description: "An area code, or `none` (no area yet)" }),
  institution: z.uuid({ message: "must be an organisation id" }).optional(),
  coordinator: z
    .string()
    .max(40)
    .optional()
    .openapi({ description: "`me`, `none` (unassigned) or a user id" }),
  partner: z.uuid({ message: "must be an organisation id" }).optional(),
  ageMin: z.coerce.number({ message: "must be a number of days" }).int().min(0).max(100_000).optional(),
  ageMax: z.coerce.number({ message: "must be a number of days" }).int().min(0).max(100_000).optional(),
  dueBefore: day.optional(),
  q: z.string().max(200).optional(),
});

export const CaseListQuery = CaseFiltersQuery.extend({
  sort: z.enum(CASE_SORTS).default("age"),
  dir: z.enum(["asc", "desc"]).default("desc"),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const CaseExportQuery = CaseListQuery.extend({ format: z.enum(["csv", "xlsx"]).default("csv") });

export const CaseUpdateBody = z
  .object({
    version,
    stageCode: z.string().max(40).optional(),
    closeReasonCode: z.string().max(60).nullish(),
    closeNote: optionalText(4000),
    reopenNote: optionalText(4000),
    coordinatorId: userId.nullish(),
    secondCoordinatorId: userId.nullish(),
  })
  .openapi("CaseUpdate");

export const EventBody = z.object({
  kind: z.enum(MANUAL_EVENT_KINDS),
  body: text(20_000),
  occurredAt: z.iso.datetime({ offset: true, message: "must be a date and time" }).nullish(),
});

export const TaskBody = z.object({
  title: text(300),
  dueOn: day.nullish(),
  ownerId: userId.nullish(),
});

export const TaskUpdateBody = z.object({
  version,
  title: text(300).optional(),
  dueOn: day.nullish(),
  ownerId: userId.nullish(),
  done: z.boolean().optional(),
});

const attendee = z.object({
  name: text(200),
  email: z
    .string({ message: "is required" })
    .trim()
    .toLowerCase()
    .pipe(z.email({ message: "must be an e-mail address such as name@example.co.jp" }).max(254)),
  kind: z.enum(ATTENDEE_KINDS),
});

const dateTime = z.iso.datetime({
  offset: true,
  message: "must be a date and time such as 2026-12-01T10:00:00+09:00",
});

export const MeetingBody = z.object({
  title: text(200),
  mode: z.enum(MEETING_MODES),
  location: optionalText(500),
  campusId: z.uuid({ message: "must be a campus id" }).nullish(),
  startsAt: dateTime,
  endsAt: dateTime,
  agenda: optionalText(4000),
  attendees: z.array(attendee).max(50, "at most 50 attendees"),
  sendInvitations: z.boolean().default(true),
});

export const MeetingUpdateBody = z.object({
  version,
  title: text(200).optional(),
  mode: z.enum(MEETING_MODES).optional(),
  location: patchText(500),
  campusId: z.uuid({ message: "must be a campus id" }).nullish(),
  startsAt: dateTime.optional(),
  endsAt: dateTime.optional(),
  agenda: patchText(4000),
  status: z.enum(MEETING_STATUSES).optional(),
  outcome: patchText(10_000),
});

export const StageListBody = z.object({
  stages: z
    .array(
      z.object({
        code: z
          .string()
          .regex(
            /^[a-z][a-z0-9_]{1,39}$/,
            "must be 2–40 lowercase letters, digits or _ (starting with a letter)",
          ),
        kind: z.enum(STAGE_KINDS),
        labelJa: text(40),
        labelEn: text(60),
        active: z.boolean().default(true),
      }),
    )
    .min(3, "needs at least an open, a won and a closed stage")
    .max(30),
});

export const CloseReasonsBody = z.object({
  reasons: z
    .array(
      z.object({
        code: z
          .string()
          .regex(
            /^[a-z][a-z0-9_]{1,59}$/,
            "must be 2–60 lowercase letters, digits or _ (starting with a letter)",
          ),
        labelJa: text(60),
        labelEn: text(80),
        guideline: z.boolean().default(false),
        active: z.boolean().default(true),
      }),
    )
    .min(1, "needs at least one reason")
    .max(40),
});

export const ViewBody = z.object({
  name: text(60),
  query: z.record(z.string().max(40), z.string().max(500)),
});

export const SettingsBody = z.object({
  emailMode: z.enum(EMAIL_MODES),
  idleDays: z.number({ message: "must be a number of days" }).int("must be whole days").min(1).max(365),
});

// Responses: the main fields are typed; the UI takes its types from the service functions.
const stage = z.object({
  code: z.string(),
  kind: z.enum(STAGE_KINDS),
  labelJa: z.string(),
  labelEn: z.string(),
  position: z.number().int(),
  active: z.boolean(),
});
export const StageSchema = stage.openapi("CaseStage");

export const CaseCardSchema = z
  .looseObject({
    id: z.uuid(),
    version: z.number().int(),
    needId: z.uuid(),
    referenceNumber: z.string(),
    title: z.string(),
    stageCode: z.string(),
    stageKind: z.enum(STAGE_KINDS),
    ageDays: z.number().int(),
    nextDueOn: z.string().nullable(),
  })
  .openapi("CaseCard");

export const CaseListSchema = z.object({
  items: z.array(CaseCardSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  stages: z.array(StageSchema),
});

export const BoardSchema = z.object({
  columns: z.array(z.object({ stage: StageSchema, total: z.number().int(), cards: z.array(CaseCardSchema) })),
  total: z.number().int(),
});

export const CaseDetailSchema = z
  .looseObject({
    id: z.uuid(),
    version: z.number().int(),
    referenceNumber: z.string(),
    stageCode: z.string(),
    events: z.array(z.looseObject({ id: z.uuid(), kind: z.string(), occurredAt: z.string() })),
  })
  .openapi("CaseDetail");

export const ReferralsSchema = z.looseObject({
  figures: z.object({
    referrals: z.number().int(),
    consultationsHeld: z.number().int(),
    contracts: z.number().int(),
    open: z.number().int(),
    closed: z.number().int(),
  }),
  items: z.array(z.looseObject({ id: z.uuid(), referenceNumber: z.string() })),
});

export const NotificationListSchema = z.object({
  unread: z.number().int(),
  items: z.array(
    z.object({
      id: z.uuid(),
      kind: z.string(),
      caseId: z.string().nullable(),
      title: z.string(),
      body: z.string().nullable(),
      link: z.string().nullable(),
      readAt: z.string().nullable(),
      createdAt: z.string(),
    }),
  ),
});
