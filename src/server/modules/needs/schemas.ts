/** Requests and responses of the needs API (zod; the OpenAPI document and the UI's types come from here). */
import { z } from "@hono/zod-openapi";
import { optionalText, requiredText } from "../../http/fields";
import { BUDGET_RANGES, NDA_STATUSES, NEED_CONFIDENTIALITIES, NEED_STATUSES, TIMINGS } from "./codes";

const email = z
  .string({ message: "is required" })
  .trim()
  .toLowerCase()
  .pipe(z.email({ message: "must be an e-mail address such as name@example.co.jp" }).max(254));

const optionalEmail = z
  .string()
  .trim()
  .toLowerCase()
  .nullish()
  .transform((v) => (v ? v : null))
  .pipe(z.email({ message: "must be an e-mail address such as name@example.co.jp" }).max(254).nullable());

/** Full-width digits and hyphens are accepted (NFKC); digits, spaces, +, - and parentheses only. */
const phone = z
  .string()
  .nullish()
  .transform((v) =>
    v
      ? v
          .normalize("NFKC")
          .replace(/[ー−―‐]/g, "-")
          .trim()
      : null,
  )
  .pipe(
    z
      .string()
      .regex(/^\+?[0-9][0-9()\- ]{5,22}$/, "must be a telephone number such as 0258-00-0000")
      .nullable(),
  );

const areaCode = z
  .string()
  .trim()
  .max(40)
  .nullish()
  .transform((v) => (v ? v : null))
  .openapi({ description: "A platform area code (GET /api/areas); empty: no preference" });

/** What every intake form asks: the problem in the company's own words. */
const needFields = {
  title: requiredText(200).openapi({ example: "樹脂成形品のバリを自動で検出したい" }),
  problem: requiredText(10_000).refine(
    (v) => v.length >= 10,
    "describe the problem in at least 10 characters",
  ),
  tried: optionalText(5_000),
  desiredOutcome: optionalText(5_000),
  budgetRange: z.enum(BUDGET_RANGES).default("undecided"),
  timing: z.enum(TIMINGS).default("undecided"),
  preferredAreaCode: areaCode,
  language: z.enum(["ja", "en"]).default("ja"),
  contactPhone: phone,
  confidentiality: z.enum(NEED_CONFIDENTIALITIES).default("coordinators"),
  ndaRequired: z.boolean().default(false),
  anonymousUntilAgreed: z.boolean().default(false),
};

export const PublicNeedBody = z
  .object({
    ...needFields,
    organizationName: requiredText(200),
    contactName: requiredText(100),
    contactEmail: email,
    /**
     * The honeypot: a field people never see (hidden in the form); software that fills every field
     * fills it too. Must stay empty.
     */
    website: z.string().max(2_000).optional(),
  })
  .openapi("PublicNeedInput");
export type PublicNeedInput = z.infer<typeof PublicNeedBody>;

export const NeedBody = z
  .object({
    ...needFields,
    organizationName: optionalText(200).openapi({
      description: "The company (the client's, for a referral); a company member's own by default",
    }),
    contactName: optionalText(100),
    contactEmail: optionalEmail,
    /** Referral partners: the branch and the staff member who forwards the client's question. */
    referralBranch: optionalText(100),
    referralStaffName: optionalText(100),
    /** Staff only: the company or the referral partner, when registered. */
    companyOrganizationId: z.uuid().nullish(),
    referralOrganizationId: z.uuid().nullish(),
  })
  .openapi("NeedInput");
export type NeedInput = z.infer<typeof NeedBody>;

export const NeedSubmittedSchema = z
  .object({
    referenceNumber: z.string().openapi({ example: "N-2026-000123" }),
    message: z.string(),
  })
  .openapi("NeedSubmitted");

export const NeedUpdateBody = z
  .object({
    version: z.number().int().min(1),
    publicSummary: optionalText(3_000).optional(),
    confidentiality: z.enum(NEED_CONFIDENTIALITIES).optional(),
    ndaStatus: z.enum(NDA_STATUSES).optional(),
    nameAgreed: z.boolean().optional(),
    areaCode: areaCode.optional(),
    viewerIds: z
      .array(z.uuid({ message: "must be a user id" }))
      .max(100)
      .optional(),
  })
  .openapi("NeedUpdate");
export type NeedUpdateInput = z.infer<typeof NeedUpdateBody>;

export const NeedListQuery = z.object({
  q: z.string().trim().max(200).optional().openapi({ description: "Words in what you may see of the need" }),
  status: z.enum(NEED_STATUSES).optional(),
  area: z.string().max(40).optional(),
  confidentiality: z.enum(NEED_CONFIDENTIALITIES).optional(),
  scope: z.enum(["visible", "mine", "managed"]).default("visible").openapi({
    description:
      "visible: all you may see; mine: yours (submitted, your company's, referred); managed: those you handle",
  }),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type NeedListQuery = z.infer<typeof NeedListQuery>;

const view = z.enum(["full", "summary"]);

export const NeedCardSchema = z
  .object({
    id: z.uuid(),
    referenceNumber: z.string(),
    view,
    title: z.string().nullable(),
    publicSummary: z.string().nullable(),
    status: z.enum(NEED_STATUSES),
    areaCode: z.string().nullable(),
    confidentiality: z.enum(NEED_CONFIDENTIALITIES),
    ndaRequired: z.boolean(),
    ndaStatus: z.enum(NDA_STATUSES),
    organizationName: z.string().nullable().openapi({ description: "Null when hidden from you" }),
    referralOrganizationName: z.string().nullable(),
    createdAt: z.string(),
    canEdit: z.boolean(),
  })
  .openapi("NeedCard");

export const NeedListSchema = z
  .object({
    items: z.array(NeedCardSchema),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  })
  .openapi("NeedList");

export const NeedDetailSchema = NeedCardSchema.extend({
  problem: z.string().nullable(),
  tried: z.string().nullable(),
  desiredOutcome: z.string().nullable(),
  budgetRange: z.enum(BUDGET_RANGES).nullable(),
  timing: z.enum(TIMINGS).nullable(),
  preferredAreaCode: z.string().nullable(),
  language: z.enum(["ja", "en"]),
  anonymousUntilAgreed: z.boolean(),
  nameAgreed: z.boolean(),
  companyOrganizationId: z.uuid().nullable(),
  contact: z
    .object({ name: z.string(), email: z.string().nullable(), phone: z.string().nullable() })
    .nullable()
    .openapi({ description: "Owners and the need's coordinators only" }),
  referral: z
    .object({
      organizationId: z.uuid().nullable(),
      organizationName: z.string().nullable(),
      branch: z.string().nullable(),
      staffName: z.string().nullable(),
    })
    .nullable(),
  submittedBy: z.object({ id: z.uuid(), displayName: z.string() }).nullable(),
  source: z.enum(["public_form", "signed_in"]).nullable(),
  viewers: z
    .array(
      z.object({ id: z.uuid(), displayName: z.string(), organizationName: z.string(), role: z.string() }),
    )
    .nullable()
    .openapi({ description: "The named people (to those who handle the need)" }),
  ndaSignedAt: z.string().nullable(),
  updatedAt: z.string(),
  version: z.number().int(),
}).openapi("NeedDetail");

export const ViewerOptionSchema = z.object({
  id: z.uuid(),
  displayName: z.string(),
  email: z.string(),
  role: z.string(),
  organizationName: z.string(),
});
