/**
 * What the matching engine indexes, built from catalogue rows: a seed, a researcher's profile, each of
 * their papers, patents and grants. Word terms come from what the catalogue stored at write time (the
 * same analyser), character bigrams from the texts, so building the index needs no morphological analysis.
 */
import { cjkBigrams } from "../../match/ngrams";
import type { MatchDoc, ResearcherMeta } from "../../match/types";
import type { Analyzer } from "../../text/analyzer";

const join = (...parts: (string | null | undefined)[]) => parts.filter(Boolean).join("\n");
const terms = (t: Record<string, string[]> | null | undefined, key: string) => t?.[key] ?? [];

export interface SeedRow {
  id: string;
  externalId: string | null;
  titleJa: string | null;
  titleEn: string | null;
  summaryJa: string | null;
  summaryEn: string | null;
  overviewJa: string | null;
  featuresJa: string | null;
  applicationsJa: string | null;
  keywordsJa: string[];
  keywordsEn: string[];
  terms: Record<string, string[]>;
  status: string;
  visibility: string;
  organizationId: string;
  areaCode: string | null;
  researcherIds: string[];
  /** Researchers' user ids (for "may edit" checks). */
  ownerUserIds: string[];
}

export function seedDocument(s: SeedRow): MatchDoc {
  return {
    id: s.id,
    kind: "seed",
    externalId: s.externalId,
    titleJa: s.titleJa,
    titleEn: s.titleEn,
    researcherIds: s.researcherIds,
    institutionId: s.organizationId,
    areaCode: s.areaCode,
    access: {
      status: s.status,
      visibility: s.visibility,
      organizationId: s.organizationId,
      owners: s.ownerUserIds,
    },
    fields: [
      { name: "title", terms: terms(s.terms, "title") },
      { name: "keywords", terms: terms(s.terms, "keywords") },
      { name: "summary", terms: terms(s.terms, "summary") },
      { name: "body", terms: terms(s.terms, "body") },
      {
        name: "ngram",
        terms: cjkBigrams(
          join(s.titleJa, s.keywordsJa.join(" "), s.summaryJa, s.overviewJa, s.featuresJa, s.applicationsJa),
        ),
      },
    ],
  };
}

/**
 * The text a seed is embedded with by the semantic stage: what a reader sees of it, title first (models
 * read about the first 512 tokens).
 */
export function seedEmbeddingText(s: SeedRow): string {
  return join(
    s.titleJa,
    s.titleEn,
    s.keywordsJa.join("、"),
    s.keywordsEn.join(", "),
    s.summaryJa,
    s.summaryEn,
    s.overviewJa,
    s.featuresJa,
    s.applicationsJa,
  );
}

export interface ResearcherRow {
  id: string;
  externalId: string | null;
  nameJa: string | null;
  nameEn: string | null;
  organizationId: string;
  areaCode: string | null;
  keywordsJa: string[];
  biographyJa: string | null;
  terms: Record<string, string[]>;
  acceptingInquiries: boolean;
}

export function researcherMeta(r: ResearcherRow): ResearcherMeta {
  return {
    id: r.id,
    externalId: r.externalId,
    nameJa: r.nameJa,
    nameEn: r.nameEn,
    institutionId: r.organizationId,
    areaCode: r.areaCode,
    // Researchers who take no inquiries now are still shown (the evidence is real), further down.
    availability: r.acceptingInquiries ? 1 : 0.3,
    access: {},
  };
}

/** The profile as evidence: keywords, research areas, biography and equipment (not the name). */
export function profileDocument(r: ResearcherRow): MatchDoc {
  return {
    id: r.id,
    kind: "profile",
    externalId: r.externalId,
    titleJa: r.nameJa,
    titleEn: r.nameEn,
    researcherIds: [r.id],
    institutionId: r.organizationId,
    areaCode: r.areaCode,
    access: { visibility: "public" },
    fields: [
      { name: "keywords", terms: terms(r.terms, "keywords") },
      { name: "body", terms: terms(r.terms, "profile") },
      { name: "ngram", terms: cjkBigrams(join(r.keywordsJa.join(" "), r.biographyJa)) },
    ],
  };
}

export interface WorkRow {
  id: string;
  researcherId: string;
  kind: "paper" | "patent" | "grant";
  titleJa: string | null;
  titleEn: string | null;
  abstractJa: string | null;
  terms: Record<string, string[]>;
  organizationId: string;
  areaCode: string | null;
}

export function workDocument(w: WorkRow): MatchDoc {
  return {
    id: w.id,
    kind: w.kind,
    externalId: null,
    titleJa: w.titleJa,
    titleEn: w.titleEn,
    researcherIds: [w.researcherId],
    institutionId: w.organizationId,
    areaCode: w.areaCode,
    access: { visibility: "public" },
    fields: [
      { name: "title", terms: terms(w.terms, "title") },
      { name: "body", terms: terms(w.terms, "abstract") },
      { name: "ngram", terms: cjkBigrams(join(w.titleJa, w.abstractJa)) },
    ],
  };
}

/** A need as the index holds it: its text and what the view decision (policy.needView) reads. */
export interface NeedIndexRow {
  id: string;
  referenceNumber: string;
  title: string;
  problem: string;
  tried: string | null;
  desiredOutcome: string | null;
  publicSummary: string | null;
  status: string;
  confidentiality: string;
  ndaRequired: boolean;
  ndaStatus: string;
  anonymousUntilAgreed: boolean;
  nameAgreed: boolean;
  areaCode: string | null;
  preferredAreaCode: string | null;
  submittedBy: string | null;
  companyOrganizationId: string | null;
  referralOrganizationId: string | null;
}

/** The statuses of needs still looking for researchers (closed needs are not offered). */
export const OPEN_NEED_STATUSES: ReadonlySet<string> = new Set(["received", "screening"]);

/** The id of the document holding only a need's public summary (what "summary" viewers may match on). */
export const summaryDocId = (needId: string) => `${needId}#summary`;
export const needIdOf = (docId: string) => docId.replace(/#summary$/, "");

/**
 * A need as two documents: its full text (for those who may read it) and, when coordinators wrote one,
 * its public summary alone (for those who may see only that), so a viewer is never matched on words they
 * may not read. Both carry the need's access facts; `access.level` says which one it is.
 */
export function needDocuments(n: NeedIndexRow, analyzer: Analyzer): MatchDoc[] {
  const access = {
    referenceNumber: n.referenceNumber,
    status: n.status,
    confidentiality: n.confidentiality,
    ndaRequired: n.ndaRequired,
    ndaStatus: n.ndaStatus,
    anonymousUntilAgreed: n.anonymousUntilAgreed,
    nameAgreed: n.nameAgreed,
    submittedBy: n.submittedBy,
    companyOrganizationId: n.companyOrganizationId,
    referralOrganizationId: n.referralOrganizationId,
    hasPublicSummary: !!n.publicSummary?.trim(),
  };
  const body = join(n.problem, n.tried, n.desiredOutcome);
  const docs: MatchDoc[] = [
    {
      id: n.id,
      kind: "need",
      titleJa: n.title,
      titleEn: null,
      researcherIds: [],
      institutionId: null,
      areaCode: n.areaCode,
      access: { ...access, level: "full" },
      fields: [
        { name: "title", terms: analyzer.terms(n.title) },
        { name: "body", terms: analyzer.terms(body) },
        { name: "ngram", terms: cjkBigrams(join(n.title, body)) },
      ],
    },
  ];
  if (n.publicSummary?.trim())
    docs.push({
      id: summaryDocId(n.id),
      kind: "need",
      titleJa: null,
      titleEn: null,
      researcherIds: [],
      institutionId: null,
      areaCode: n.areaCode,
      access: { ...access, level: "summary" },
      fields: [
        { name: "summary", terms: analyzer.terms(n.publicSummary) },
        { name: "ngram", terms: cjkBigrams(n.publicSummary) },
      ],
    });
  return docs;
}

/**
 * What the semantic stage embeds of a need: the same two documents as `needDocuments`, each with its own
 * text (the full text; the public summary alone, so a summary viewer is never matched by meaning on words
 * they may not read). Only open needs: closed ones are never offered, and their texts are not sent to an
 * embeddings service for nothing.
 */
export function needEmbeddingTexts(n: NeedIndexRow): { id: string; text: string | null }[] {
  const open = OPEN_NEED_STATUSES.has(n.status);
  const summary = n.publicSummary?.trim();
  return [
    { id: n.id, text: open ? join(n.title, n.problem, n.tried, n.desiredOutcome) : null },
    { id: summaryDocId(n.id), text: open && summary ? summary : null },
  ];
}
