/** Rows to API shapes (dates as ISO strings). */
import { iso } from "../../lib/iso";
import type { ResearcherCardRow, SeedCardRow, SeedDetailRow } from "./repository";

export function presentSeedCard(r: SeedCardRow) {
  return {
    id: r.id,
    titleJa: r.titleJa,
    titleEn: r.titleEn,
    summaryJa: r.summaryJa,
    summaryEn: r.summaryEn,
    keywordsJa: r.keywordsJa ?? [],
    keywordsEn: r.keywordsEn ?? [],
    fields: r.fields ?? [],
    trl: r.trl,
    phase: r.phase,
    status: r.status,
    visibility: r.visibility,
    institution: r.institution,
    researchers: r.researchers,
    publishedAt: iso(r.publishedAt),
    updatedAt: iso(r.updatedAt) ?? "",
  };
}

export function presentSeedDetail(r: SeedDetailRow) {
  return {
    ...presentSeedCard(r),
    externalId: r.externalId,
    overviewJa: r.overviewJa,
    overviewEn: r.overviewEn,
    featuresJa: r.featuresJa,
    featuresEn: r.featuresEn,
    applicationsJa: r.applicationsJa,
    applicationsEn: r.applicationsEn,
    patents: r.patents ?? [],
    images: r.images,
    version: r.version,
    canEdit: r.canEdit,
  };
}

export function presentResearcherCard(r: ResearcherCardRow) {
  return {
    id: r.id,
    nameJa: r.nameJa,
    nameEn: r.nameEn,
    nameKana: r.nameKana,
    department: r.department,
    position: r.position,
    keywordsJa: r.keywordsJa ?? [],
    keywordsEn: r.keywordsEn ?? [],
    institution: r.institution,
    seedCount: Number(r.seedCount),
  };
}
