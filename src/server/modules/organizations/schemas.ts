import { z } from "@hono/zod-openapi";
import { checkCorporateNumber } from "../../../shared/corporate-number";
import { KOSEN_BLOCK_CODES } from "../../../shared/regions";
import { ORG_TYPES } from "../../../shared/roles";

const trimmed = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`);
const optionalText = (max: number) =>
  trimmed(max)
    .transform((v) => (v === "" ? null : v))
    .nullable()
    .optional();

export const CampusSchema = z
  .object({
    id: z.uuid(),
    nameJa: z.string(),
    nameEn: z.string().nullable(),
    prefecture: z.number().int().nullable(),
    city: z.string().nullable(),
    isMain: z.boolean(),
  })
  .openapi("Campus");

export const OrganizationSchema = z
  .object({
    id: z.uuid(),
    type: z.enum(ORG_TYPES),
    code: z.string().nullable(),
    nameJa: z.string(),
    shortNameJa: z.string().nullable(),
    nameKana: z.string().nullable(),
    nameEn: z.string().nullable(),
    shortNameEn: z.string().nullable(),
    corporateNumber: z.string().nullable(),
    prefecture: z.number().int().nullable(),
    city: z.string().nullable(),
    areaCode: z.string().nullable(),
    kosenBlock: z.string().nullable(),
    isReference: z.boolean(),
    isDemo: z.boolean(),
    campusCount: z.number().int(),
    version: z.number().int(),
    updatedAt: z.string(),
  })
  .openapi("Organization");

export const OrganizationDetailSchema = OrganizationSchema.extend({
  address: z.string().nullable(),
  website: z.string().nullable(),
  notes: z.string().nullable(),
  campuses: z.array(CampusSchema),
  userCount: z.number().int(),
  createdAt: z.string(),
}).openapi("OrganizationDetail");

export const ORG_SORTS = ["default", "name", "updated"] as const;

export const OrganizationListQuery = z.object({
  type: z
    .string()
    .optional()
    .transform((v) => (v ? v.split(",").filter(Boolean) : []))
    .pipe(z.array(z.enum(ORG_TYPES)))
    .openapi({ description: "Comma-separated organisation types", example: "university,kosen" }),
  area: z.string().max(40).optional(),
  block: z.enum(KOSEN_BLOCK_CODES).optional(),
  prefecture: z.coerce.number().int().min(1).max(47).optional(),
  q: z
    .string()
    .max(100)
    .optional()
    .openapi({ description: "Name search; kanji, kana (either script), English" }),
  sort: z.enum(ORG_SORTS).default("default"),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type OrganizationListQuery = z.infer<typeof OrganizationListQuery>;

export const OrganizationListSchema = z
  .object({
    items: z.array(OrganizationSchema),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  })
  .openapi("OrganizationList");

const CampusInput = z.object({
  nameJa: trimmed(100).min(1, "is required"),
  nameEn: optionalText(200),
  prefecture: z.number().int().min(1).max(47).nullable().optional(),
  city: optionalText(100),
  isMain: z.boolean().optional(),
});

const corporateNumber = z
  .string()
  .transform((v, ctx) => {
    if (v.trim() === "") return null;
    const r = checkCorporateNumber(v);
    if (!r.ok) {
      ctx.addIssue({ code: "custom", message: r.message });
      return z.NEVER;
    }
    return r.value;
  })
  .nullable()
  .optional()
  .openapi({ description: "法人番号: 13 digits; the check digit is verified", example: "7000012050002" });

const kana = optionalText(200).refine((v) => v == null || !/\p{Script=Han}/u.test(v), {
  message: "must be written in kana (furigana), without kanji",
});

const organizationFields = {
  nameJa: trimmed(200).min(1, "is required"),
  shortNameJa: optionalText(100),
  nameKana: kana,
  nameEn: optionalText(300),
  shortNameEn: optionalText(100),
  corporateNumber,
  prefecture: z
    .number()
    .int()
    .min(1, "must be a prefecture code 1–47")
    .max(47, "must be a prefecture code 1–47")
    .nullable()
    .optional(),
  city: optionalText(100),
  address: optionalText(300),
  website: z
    .string()
    .trim()
    .max(300)
    .transform((v) => (v === "" ? null : v))
    .pipe(z.url({ protocol: /^https?$/, message: "must be an http(s) URL" }).nullable())
    .nullable()
    .optional(),
  areaCode: z.string().max(40).nullable().optional(),
  kosenBlock: z.enum(KOSEN_BLOCK_CODES).nullable().optional(),
  notes: optionalText(2000),
  campuses: z
    .array(CampusInput)
    .max(20)
    .optional()
    .openapi({ description: "Universities and KOSEN only; replaces the list" }),
};

export const OrganizationCreateBody = z
  .object({ type: z.enum(ORG_TYPES), code: optionalText(40), ...organizationFields })
  .openapi("OrganizationCreate");
export type OrganizationCreateInput = z.infer<typeof OrganizationCreateBody>;

export const OrganizationUpdateBody = z
  .object(organizationFields)
  .partial()
  .extend({
    version: z
      .number()
      .int()
      .min(1)
      .openapi({ description: "The version you edited; 409 if it changed meanwhile" }),
  })
  .openapi("OrganizationUpdate");
export type OrganizationUpdateInput = z.infer<typeof OrganizationUpdateBody>;

export const IdParam = z.object({ id: z.uuid({ message: "must be an id (UUID)" }) });

export const AreaSchema = z
  .object({
    code: z.string(),
    nameJa: z.string(),
    nameEn: z.string(),
    status: z.enum(["active", "planned"]),
    institutionCount: z.number().int(),
  })
  .openapi("Area");
