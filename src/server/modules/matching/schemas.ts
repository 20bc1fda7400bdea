/** Request and response shapes of matching: POST /api/match, a need's suggestions, inquiries, synonyms. */
import { z } from "@hono/zod-openapi";
import { DISMISS_REASONS, MATCH_STATES } from "./codes";

export const MatchBody = z
  .object({
    text: z
      .string()
      .trim()
      .min(2, "is required (the need, in Japanese or English)")
      .max(20_000, "is too long (at most 20,000 characters)"),
    top: z.number().int().min(1).max(100).default(10),
    language: z
      .enum(["ja", "en"])
      .optional()
      .openapi({ description: "Language of the reasons (default: yours)" }),
    preferredArea: z.string().max(40).nullable().optional(),
  })
  .openapi("MatchRequest");

const Term = z.object({
  term: z.string().openapi({ description: "The analysed term found in the document" }),
  from: z.string(),
  via: z.enum(["text", "synonym", "translation", "ngram"]),
  word: z
    .string()
    .openapi({ description: "The need's word as written that matched (or brought the term in)" }),
});
const Highlight = z.object({ text: z.string(), match: z.boolean() });
const Semantic = z.object({ rank: z.number().int(), similarity: z.number() }).optional().openapi({
  description:
    "Only with the semantic stage on (docs/semantic.md): the document's rank by meaning and its cosine similarity to the text",
});

export const MatchedDocSchema = z.object({
  id: z.string(),
  kind: z.enum(["seed", "profile", "paper", "patent", "grant", "need"]),
  externalId: z.string().nullable(),
  titleJa: z.string().nullable(),
  titleEn: z.string().nullable(),
  score: z.number(),
  matched: z.array(Term).openapi({ description: "The need's words found in the document, and how" }),
  excerpt: z.array(Highlight).openapi({ description: "The document's text with the matched words marked" }),
  semantic: Semantic,
});

export const MatchedResearcherSchema = z.object({
  id: z.string(),
  externalId: z.string().nullable(),
  nameJa: z.string().nullable(),
  nameEn: z.string().nullable(),
  institutionId: z.string().nullable(),
  areaCode: z.string().nullable(),
  score: z.number(),
  reason: z.string().openapi({ description: "One line, in the asked language" }),
  evidence: z.array(MatchedDocSchema),
});

export const MatchAnswerSchema = z
  .object({
    seeds: z.array(MatchedDocSchema),
    researchers: z.array(MatchedResearcherSchema),
    highlighted: z.array(Highlight).openapi({ description: "The need's text with the matched words marked" }),
  })
  .openapi("MatchAnswer");

const PairSchema = {
  state: z.enum(MATCH_STATES).nullable(),
  dismissReason: z.enum(DISMISS_REASONS).nullable().optional(),
  note: z.string().nullable().optional(),
  inquiredAt: z.string().nullable().optional(),
  inquiredByName: z.string().nullable().optional(),
  responseNote: z.string().nullable().optional(),
  respondedAt: z.string().nullable().optional(),
  version: z.number().int().optional(),
};

export const SuggestionsSchema = z
  .object({
    need: z.object({
      id: z.string(),
      referenceNumber: z.string(),
      title: z.string(),
      language: z.enum(["ja", "en"]),
    }),
    highlighted: z.array(Highlight),
    seeds: z.array(MatchedDocSchema),
    researchers: z.array(
      MatchedResearcherSchema.extend({ rank: z.number().int(), hasAccount: z.boolean(), ...PairSchema }),
    ),
    others: z.array(
      z.object({
        id: z.string(),
        nameJa: z.string().nullable(),
        nameEn: z.string().nullable(),
        institutionId: z.string(),
        hasAccount: z.boolean(),
        ...PairSchema,
      }),
    ),
    dismissed: z.array(
      z.object({
        id: z.string(),
        nameJa: z.string().nullable(),
        nameEn: z.string().nullable(),
        ...PairSchema,
      }),
    ),
  })
  .openapi("NeedSuggestions");

export const SuggestionActionBody = z
  .object({
    action: z.enum(["shortlist", "dismiss", "restore"]),
    reason: z.enum(DISMISS_REASONS).optional().openapi({ description: "Required to dismiss" }),
    note: z.string().trim().max(2000).optional(),
    rank: z.number().int().min(1).max(1000).optional(),
    score: z.number().min(0).optional(),
    version: z.number().int().min(1).optional(),
  })
  .openapi("SuggestionAction");

export const InquiryBody = z
  .object({
    researcherId: z.uuid({ message: "must be a researcher's id" }),
    message: z.string().trim().min(1, "is required: what you ask of the researcher").max(5000),
    rank: z.number().int().min(1).max(1000).optional(),
    score: z.number().min(0).optional(),
    version: z.number().int().min(1).optional(),
  })
  .openapi("InquiryRequest");

export const PairStateSchema = z.object({
  state: z.enum(MATCH_STATES).nullable(),
  version: z.number().int().nullable(),
});

export const AnswerBody = z
  .object({
    answer: z.enum(["accept", "decline"]),
    note: z.string().trim().max(2000).optional(),
    version: z.number().int().min(1).optional(),
  })
  .openapi("InquiryAnswer");

export const InquirySchema = z.object({
  needId: z.string(),
  researcherId: z.string(),
  state: z.enum(MATCH_STATES),
  note: z.string().nullable(),
  inquiredAt: z.string().nullable(),
  inquiredByName: z.string().nullable(),
  responseNote: z.string().nullable(),
  respondedAt: z.string().nullable(),
  version: z.number().int(),
  need: z.object({
    id: z.string(),
    referenceNumber: z.string(),
    view: z.enum(["full", "summary", "none"]),
    title: z.string().nullable(),
    publicSummary: z.string().nullable(),
    areaCode: z.string().nullable(),
  }),
});

export const FittingNeedsQuery = z.object({
  seedId: z
    .uuid({ message: "must be a seed's id" })
    .optional()
    .openapi({ description: "Needs that fit this seed (default: the seeds of your own researcher profile)" }),
  top: z.coerce.number().int().min(1).max(50).default(10),
});

export const FittingNeedSchema = z.object({
  id: z.string(),
  referenceNumber: z.string(),
  view: z.enum(["full", "summary"]),
  title: z.string().nullable(),
  publicSummary: z.string().nullable(),
  areaCode: z.string().nullable(),
  score: z.number(),
  matched: z.array(Term),
  semantic: Semantic,
});

export const SynonymBody = z
  .object({
    terms: z
      .array(z.string().trim().min(1, "must not be empty").max(80))
      .min(2, "needs at least two words")
      .max(20, "at most 20 words in one set"),
    oneWay: z
      .boolean()
      .default(false)
      .openapi({ description: "The first word brings in the others, not the other way round" }),
    note: z.string().trim().max(500).optional(),
  })
  .openapi("SynonymSet");

export const SynonymSchema = z.object({
  id: z.string(),
  terms: z.array(z.string()),
  oneWay: z.boolean(),
  note: z.string().nullable(),
  createdByName: z.string().nullable(),
  createdAt: z.string(),
});
