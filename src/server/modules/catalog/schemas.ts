import { z } from "@hono/zod-openapi";
import { KOSEN_BLOCK_CODES } from "../../../shared/regions";
import {
  FIELD_CODES,
  isEradId,
  isOrcid,
  PHASE_CODES,
  SEED_STATUSES,
  VISIBILITIES,
} from "../../../shared/seeds";

const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `must be at most ${max} characters`)
    .transform((v) => (v === "" ? null : v))
    .nullable()
    .optional();
const keywords = z.array(z.string().trim().min(1).max(100)).max(50);

export const Bilingual = z
  .object({ ja: z.string().nullable(), en: z.string().nullable() })
  .openapi("Bilingual");

// ----- public catalogue ---------------------------------------------------------------------------

export const CATALOG_SORTS = ["relevance", "newest", "title"] as const;

export const SeedSearchQuery = z.object({
  q: z.string().max(200).optional().openapi({ description: "Words in Japanese or English; all must match" }),
  field: z.enum(FIELD_CODES).optional(),
  institution: z.uuid().optional(),
  area: z.string().max(40).optional(),
  block: z.enum(KOSEN_BLOCK_CODES).optional(),
  phase: z.enum(PHASE_CODES).optional(),
  sort: z.enum(CATALOG_SORTS).default("relevance"),
  page: z.coerce.number().int().min(1).max(1000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type SeedSearchQuery = z.infer<typeof SeedSearchQuery>;

const ResearcherRef = z.object({
  id: z.uuid(),
  nameJa: z.string().nullable(),
  nameEn: z.string().nullable(),
  role: z.string(),
});
const InstitutionRef = z.object({
  id: z.uuid(),
  nameJa: z.string(),
  nameEn: z.string().nullable(),
  type: z.string(),
  areaCode: z.string().nullable(),
  kosenBlock: z.string().nullable(),
});

export const SeedCardSchema = z
  .object({
    id: z.uuid(),
    titleJa: z.string().nullable(),
    titleEn: z.string().nullable(),
    summaryJa: z.string().nullable(),
    summaryEn: z.string().nullable(),
    keywordsJa: z.array(z.string()),
    keywordsEn: z.array(z.string()),
    fields: z.array(z.string()),
    trl: z.number().int().nullable(),
    phase: z.string().nullable(),
    status: z.enum(SEED_STATUSES),
    visibility: z.enum(VISIBILITIES),
    institution: InstitutionRef,
    researchers: z.array(ResearcherRef),
    publishedAt: z.string().nullable(),
    updatedAt: z.string(),
  })
  .openapi("SeedCard");

export const SeedSearchResult = z
  .object({
    items: z.array(SeedCardSchema),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  })
  .openapi("SeedSearchResult");

export const SeedDetailSchema = SeedCardSchema.extend({
  externalId: z.string().nullable(),
  overviewJa: z.string().nullable(),
  overviewEn: z.string().nullable(),
  featuresJa: z.string().nullable(),
  featuresEn: z.string().nullable(),
  applicationsJa: z.string().nullable(),
  applicationsEn: z.string().nullable(),
  patents: z.array(z.string()),
  images: z.array(
    z.object({ id: z.uuid(), fileName: z.string(), caption: z.string().nullable(), contentType: z.string() }),
  ),
  version: z.number().int(),
  canEdit: z.boolean(),
}).openapi("SeedDetail");

export const ResearcherSearchQuery = z.object({
  q: z.string().max(200).optional(),
  institution: z.uuid().optional(),
  area: z.string().max(40).optional(),
  block: z.enum(KOSEN_BLOCK_CODES).optional(),
  page: z.coerce.number().int().min(1).max(1000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type ResearcherSearchQuery = z.infer<typeof ResearcherSearchQuery>;

export const ResearcherCardSchema = z
  .object({
    id: z.uuid(),
    nameJa: z.string().nullable(),
    nameEn: z.string().nullable(),
    nameKana: z.string().nullable(),
    department: z.string().nullable(),
    position: z.string().nullable(),
    keywordsJa: z.array(z.string()),
    keywordsEn: z.array(z.string()),
    institution: InstitutionRef,
    seedCount: z.number().int(),
  })
  .openapi("ResearcherCard");

const WorkSchema = z.object({
  id: z.uuid(),
  kind: z.enum(["paper", "patent", "grant"]),
  titleJa: z.string().nullable(),
  titleEn: z.string().nullable(),
  abstractJa: z.string().nullable(),
  abstractEn: z.string().nullable(),
  year: z.number().int().nullable(),
  venue: z.string().nullable(),
  url: z.string().nullable(),
  source: z.string(),
});

export const ResearcherDetailSchema = ResearcherCardSchema.extend({
  externalId: z.string().nullable(),
  eradId: z.string().nullable().openapi({ description: "Shown to signed-in staff only" }),
  researchmapPermalink: z.string().nullable(),
  orcid: z.string().nullable(),
  researchAreas: z.array(Bilingual),
  biographyJa: z.string().nullable(),
  biographyEn: z.string().nullable(),
  equipment: z.array(z.object({ name: Bilingual, description: Bilingual })),
  acceptingInquiries: z.boolean(),
  works: z.array(WorkSchema),
  seeds: z.array(SeedCardSchema),
  userId: z.uuid().nullable(),
  version: z.number().int(),
  canEdit: z.boolean(),
  updatedAt: z.string(),
}).openapi("ResearcherDetail");

// ----- editing ------------------------------------------------------------------------------------

const BilingualInput = z.object({ ja: text(2000), en: text(2000) });

export const SeedInput = z
  .object({
    titleJa: text(200),
    titleEn: text(300),
    summaryJa: text(2000),
    summaryEn: text(3000),
    overviewJa: text(5000),
    overviewEn: text(8000),
    featuresJa: text(5000),
    featuresEn: text(8000),
    applicationsJa: text(3000),
    applicationsEn: text(5000),
    keywordsJa: keywords.optional(),
    keywordsEn: keywords.optional(),
    fields: z.array(z.enum(FIELD_CODES)).max(5).optional(),
    trl: z.number().int().min(1, "TRL is 1–9").max(9, "TRL is 1–9").nullable().optional(),
    phase: z.enum(PHASE_CODES).nullable().optional(),
    patents: z.array(z.string().trim().min(1).max(300)).max(30).optional(),
    status: z.enum(SEED_STATUSES).optional(),
    visibility: z.enum(VISIBILITIES).optional(),
    /** Researcher ids; the first is the lead. */
    researcherIds: z.array(z.uuid()).min(1, "a seed needs at least one researcher").max(20).optional(),
  })
  .openapi("SeedInput");
export type SeedInput = z.infer<typeof SeedInput>;
export const SeedUpdateBody = SeedInput.extend({ version: z.number().int().min(1) }).openapi("SeedUpdate");

const WorkInput = z.object({
  kind: z.enum(["paper", "patent", "grant"]),
  titleJa: text(500),
  titleEn: text(500),
  abstractJa: text(5000),
  abstractEn: text(8000),
  year: z.number().int().min(1900).max(2100).nullable().optional(),
  venue: text(300),
  url: z
    .url({ protocol: /^https?$/ })
    .nullable()
    .optional(),
});

export const ResearcherInput = z
  .object({
    organizationId: z.uuid().optional(),
    nameJa: text(100),
    nameEn: text(200),
    nameKana: text(100),
    department: text(200),
    position: text(100),
    eradId: z
      .string()
      .transform((v) => v.normalize("NFKC").trim())
      .refine((v) => v === "" || isEradId(v), "an e-Rad researcher number has 8 digits")
      .transform((v) => (v === "" ? null : v))
      .nullable()
      .optional(),
    researchmapPermalink: text(100),
    orcid: z
      .string()
      .trim()
      .refine(
        (v) => v === "" || isOrcid(v),
        "not a valid ORCID iD (0000-0000-0000-000X with a correct check digit)",
      )
      .transform((v) => (v === "" ? null : v))
      .nullable()
      .optional(),
    researchAreas: z.array(BilingualInput).max(30).optional(),
    keywordsJa: keywords.optional(),
    keywordsEn: keywords.optional(),
    biographyJa: text(3000),
    biographyEn: text(5000),
    equipment: z
      .array(z.object({ name: BilingualInput, description: BilingualInput }))
      .max(50)
      .optional(),
    acceptingInquiries: z.boolean().optional(),
    works: z.array(WorkInput).max(500).optional(),
  })
  .openapi("ResearcherInput");
export type ResearcherInput = z.infer<typeof ResearcherInput>;
export const ResearcherUpdateBody = ResearcherInput.extend({ version: z.number().int().min(1) }).openapi(
  "ResearcherUpdate",
);

export const RevisionSchema = z
  .object({
    version: z.number().int(),
    at: z.string(),
    actorEmail: z.string().nullable(),
    actorName: z.string().nullable(),
    source: z.string(),
    changes: z.record(z.string(), z.object({ from: z.unknown(), to: z.unknown() })),
  })
  .openapi("Revision");
