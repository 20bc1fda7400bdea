/**
 * The matching engine's vocabulary. Documents are what evidence is made of (seeds, researcher profiles,
 * papers, patents, grants, needs); each names the researchers it speaks for and carries the attributes
 * that viewers' filters and the re-ranking read. No HTTP, no SQL: callers build documents from wherever.
 */

export type DocKind = "seed" | "profile" | "paper" | "patent" | "grant" | "need";

/** One weighted field of a document: already analysed terms (the analyser's output, with repeats). */
export interface DocField {
  /** Field name, e.g. "title", "summary"; its weight comes from the engine's field weights. */
  name: string;
  terms: string[];
}

/** What filters and explanations need to know about a document, kept beside the index. */
export interface DocMeta {
  /** Caller's id (e.g. a seed's uuid); unique across kinds together with `kind`. */
  id: string;
  kind: DocKind;
  /** Display title in Japanese and English (either may be null). */
  titleJa: string | null;
  titleEn: string | null;
  /** Researchers this document is evidence for (their caller ids). Empty for needs. */
  researcherIds: string[];
  institutionId: string | null;
  areaCode: string | null;
  /** Free attributes for viewer filters (e.g. status, visibility, organisation, owners). */
  access: Record<string, string | string[] | boolean | null>;
  /** External id given at import (seeds, researchers), for batch output. */
  externalId?: string | null;
}

export interface MatchDoc extends DocMeta {
  fields: DocField[];
}

/** A researcher as the engine knows them: for aggregation, re-ranking and display. */
export interface ResearcherMeta {
  id: string;
  externalId: string | null;
  nameJa: string | null;
  nameEn: string | null;
  institutionId: string | null;
  areaCode: string | null;
  /** 0..1: how available the researcher is for new consultations (1 when unknown). */
  availability: number;
  access: Record<string, string | string[] | boolean | null>;
}

/** A query term after expansion, with where it came from (for explanations). */
export interface QueryTerm {
  term: string;
  weight: number;
  /** The term of the text that produced it, and how (itself, a synonym, a translation, a character n-gram). */
  from: string;
  via: "text" | "synonym" | "translation" | "ngram";
}
