/**
 * Applying parsed import records to the database: resolve institutions and researchers, decide per record
 * whether it is new, changed or unchanged (a hash of the record, so re-importing the same file changes
 * nothing), analyse the text, then write everything in one transaction. Without `partial`, any problem
 * means nothing is written; with it, the good records are written and the rejected ones reported.
 */
import { createHash } from "node:crypto";
import { eq, inArray, sql } from "drizzle-orm";
import type { Actor } from "../../../auth/policy";
import type { Db, Tx } from "../../../db/client";
import { researchers, researcherWorks, seedResearchers, seeds } from "../../../db/schema";
import { type RevisionSource, recordRevision } from "../../history/service";
import { analyzeResearchers, analyzeSeeds } from "../analysis-pool";
import { refreshStatistics } from "../maintenance";
import { writeSeedResearchers } from "../seeds-service";
import type { ImportProblem, Parsed, ResearcherRecord, SeedRecord } from "./records";
import {
  existingResearchers,
  existingSeeds,
  institutionIndex,
  researcherRefs,
  researchersByOrcid,
  sameNameElsewhere,
} from "./resolve";

export interface Progress {
  phase: "resolve" | "analyse" | "write" | "done";
  done: number;
  total: number;
}

export interface ImportOptions {
  actor: Actor | null;
  dryRun: boolean;
  partial: boolean;
  source: RevisionSource;
  /**
   * The file holds profile fields only (the researcher CSV has no columns for papers, patents, grants
   * and equipment): updating a researcher keeps those they have.
   */
  profileOnly?: boolean;
  /** Marks rows as demo data (removed with the demo data). */
  isDemo?: boolean;
  onProgress?: (p: Progress) => void;
}

export interface ImportReport {
  kind: "researchers" | "seeds";
  total: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  /** Problems that rejected a line. */
  problems: ImportProblem[];
  /** Warnings that did not reject: possible duplicates across institutions, moves between institutions. */
  warnings: ImportProblem[];
  applied: boolean;
  dryRun: boolean;
  /** Informational lines, e.g. researchmap items left out because they are not public. */
  notes?: string[];
}

const hashOf = (v: unknown) => createHash("sha256").update(JSON.stringify(v)).digest("base64url");
const BATCH = 250;

function progressTicker(onProgress: ImportOptions["onProgress"], phase: Progress["phase"], total: number) {
  let last = 0;
  return (done: number) => {
    if (!onProgress) return;
    if (done === total || done - last >= Math.max(1, Math.floor(total / 100))) {
      last = done;
      onProgress({ phase, done, total });
    }
  };
}

function finish(
  kind: ImportReport["kind"],
  parsed: Parsed<unknown>,
  problems: ImportProblem[],
  warnings: ImportProblem[],
  counts: { created: number; updated: number; unchanged: number },
  applied: boolean,
  dryRun: boolean,
): ImportReport {
  const rejectedLines = new Set(problems.map((p) => p.line));
  return {
    kind,
    total:
      parsed.records.length +
      new Set(parsed.problems.map((p) => p.line).filter((l) => !parsed.records.some((r) => r.line === l)))
        .size,
    ...counts,
    rejected: rejectedLines.size,
    problems: problems.sort((a, b) => a.line - b.line),
    warnings: warnings.sort((a, b) => a.line - b.line),
    applied,
    dryRun,
  };
}

// ----- researchers --------------------------------------------------------------------------------

export async function importResearchers(
  db: Db,
  parsed: Parsed<ResearcherRecord>,
  opts: ImportOptions,
): Promise<ImportReport> {
  const problems: ImportProblem[] = [...parsed.problems];
  const warnings: ImportProblem[] = [];
  const total = parsed.records.length;
  opts.onProgress?.({ phase: "resolve", done: 0, total });
  const institutions = await institutionIndex(db, opts.actor);
  const existing = await existingResearchers(db, {
    externalIds: parsed.records.flatMap((r) => (r.record.externalId ? [r.record.externalId] : [])),
    eradIds: parsed.records.flatMap((r) => (r.record.eradId ? [r.record.eradId] : [])),
    permalinks: parsed.records.flatMap((r) =>
      r.record.researchmapPermalink ? [r.record.researchmapPermalink] : [],
    ),
  });
  const names = await sameNameElsewhere(db, [
    ...new Set(parsed.records.flatMap((r) => (r.record.name.ja ? [r.record.name.ja] : []))),
  ]);
  const orcidOwners = await researchersByOrcid(db, [
    ...new Set(parsed.records.flatMap((r) => (r.record.orcid ? [r.record.orcid] : []))),
  ]);
  const seenKeys = new Map<string, number>();
  const seenOrcids = new Map<string, number>();

  type Plan = {
    line: number;
    record: ResearcherRecord;
    organizationId: string;
    existing: (typeof existing.byExternal extends Map<string, infer V> ? V : never) | null;
    hash: string;
  };
  const plans: Plan[] = [];
  for (const { line, record } of parsed.records) {
    const inst = institutions.resolve(record.institution);
    if (!inst) {
      problems.push({
        line,
        field: "institution",
        message: `unknown institution "${record.institution}" (use a code such as tut or kosen-nagaoka, or the official name)`,
      });
      continue;
    }
    if (!institutions.allowed(inst.id)) {
      problems.push({ line, field: "institution", message: `you do not cover ${inst.nameJa}` });
      continue;
    }
    const keys = [
      record.externalId && `e:${record.externalId}`,
      record.eradId && `r:${record.eradId}`,
      record.researchmapPermalink && `p:${record.researchmapPermalink}`,
    ].filter(Boolean) as string[];
    const dupLine = keys.map((k) => seenKeys.get(k)).find((l) => l !== undefined);
    if (dupLine !== undefined) {
      problems.push({
        line,
        field: null,
        message: `the same researcher as line ${dupLine} (same ${keys.join(", ")})`,
      });
      continue;
    }
    for (const k of keys) seenKeys.set(k, line);
    const matches = [
      record.externalId ? existing.byExternal.get(record.externalId) : undefined,
      record.eradId ? existing.byErad.get(record.eradId) : undefined,
      record.researchmapPermalink ? existing.byPermalink.get(record.researchmapPermalink) : undefined,
    ].filter((m): m is NonNullable<typeof m> => !!m);
    const distinct = [...new Map(matches.map((m) => [m.id, m])).values()];
    if (distinct.length > 1) {
      problems.push({
        line,
        field: null,
        message: `its identifiers belong to ${distinct.length} different existing researchers (${distinct.map((d) => d.nameJa).join(", ")}); fix the identifiers`,
      });
      continue;
    }
    const match = distinct[0] ?? null;
    if (record.orcid) {
      const owner = orcidOwners.get(record.orcid);
      const other = seenOrcids.get(record.orcid);
      if (other !== undefined || (owner && owner.id !== match?.id)) {
        problems.push({
          line,
          field: "orcid",
          message:
            other !== undefined
              ? `ORCID iD ${record.orcid} is also on line ${other}`
              : `ORCID iD ${record.orcid} already belongs to ${owner!.name}`,
        });
        continue;
      }
      seenOrcids.set(record.orcid, line);
    }
    if (match && match.organizationId !== inst.id) {
      if (!institutions.allowed(match.organizationId)) {
        problems.push({
          line,
          field: "institution",
          message: `this researcher is registered at an institution you do not cover`,
        });
        continue;
      }
      warnings.push({
        line,
        field: "institution",
        message: `already registered at another institution; the profile moves to ${inst.nameJa}`,
      });
    }
    if (!match && record.name.ja) {
      const others = (names.get(record.name.ja) ?? []).filter((o) => o.organizationId !== inst.id);
      if (others.length)
        warnings.push({
          line,
          field: "name",
          message: `a researcher named ${record.name.ja} is already registered at another institution: possibly the same person`,
        });
    }
    plans.push({
      line,
      record,
      organizationId: inst.id,
      existing: match,
      hash: hashOf({ ...record, institution: inst.id }),
    });
  }

  const changed = plans.filter((p) => !p.existing || p.existing.importHash !== p.hash);
  const counts = {
    created: changed.filter((p) => !p.existing).length,
    updated: changed.filter((p) => p.existing).length,
    unchanged: plans.length - changed.length,
  };
  const rejectAll = problems.length > 0 && !opts.partial;
  if (opts.dryRun || rejectAll) {
    opts.onProgress?.({ phase: "done", done: total, total });
    return finish(
      "researchers",
      parsed,
      problems,
      warnings,
      rejectAll ? { created: 0, updated: 0, unchanged: 0 } : counts,
      false,
      opts.dryRun,
    );
  }

  const kept = opts.profileOnly
    ? await keptWorksAndEquipment(
        db,
        changed.flatMap((p) => (p.existing ? [p.existing.id] : [])),
      )
    : new Map<string, KeptWorks>();
  const prepared = changed.map((p) => {
    const r = p.record;
    const keep = p.existing ? kept.get(p.existing.id) : undefined;
    const works = [
      ...r.papers.map((w) => ({ ...w, kind: "paper" as const })),
      ...r.patents.map((w) => ({ ...w, kind: "patent" as const })),
      ...r.grants.map((w) => ({ ...w, kind: "grant" as const })),
    ];
    const profile = {
      organizationId: p.organizationId,
      externalId: r.externalId,
      eradId: r.eradId,
      researchmapPermalink: r.researchmapPermalink,
      orcid: r.orcid,
      nameJa: r.name.ja,
      nameEn: r.name.en,
      nameKana: r.nameKana,
      department: r.department,
      position: r.position,
      researchAreas: r.researchAreas,
      keywordsJa: r.keywords.ja,
      keywordsEn: r.keywords.en,
      biographyJa: r.biography.ja,
      biographyEn: r.biography.en,
      equipment: keep?.equipment ?? r.equipment,
    };
    return { plan: p, profile, works, keep };
  });
  const analysed = await analyzeResearchers(
    prepared.map(({ profile, works, keep }) => ({
      profile: {
        ...profile,
        works: keep?.works ?? works.map((w) => ({ titleJa: w.title.ja, titleEn: w.title.en })),
      },
      works: works.map((w) => ({
        titleJa: w.title.ja,
        titleEn: w.title.en,
        abstractJa: w.abstract.ja,
        abstractEn: w.abstract.en,
      })),
    })),
    progressTicker(opts.onProgress, "analyse", changed.length),
  );
  const rows = prepared.map(({ plan: p, profile, works, keep }, i) => {
    const r = p.record;
    const workRows = works.map((w, j) => ({
      kind: w.kind,
      titleJa: w.title.ja,
      titleEn: w.title.en,
      abstractJa: w.abstract.ja,
      abstractEn: w.abstract.en,
      year: w.year,
      venue: w.venue,
      url: w.url,
      source:
        opts.source === "import" && r.researchmapPermalink && w.sourceId
          ? ("researchmap" as const)
          : ("import" as const),
      sourceId: w.sourceId,
      terms: analysed[i]!.works[j]!,
      sortOrder: j,
    }));
    return { plan: p, profile, analysis: analysed[i]!.profile, workRows, keepWorks: !!keep };
  });

  const write = progressTicker(opts.onProgress, "write", rows.length);
  await db.transaction(async (tx) => {
    let done = 0;
    const fresh = rows.filter((r) => !r.plan.existing);
    for (let i = 0; i < fresh.length; i += BATCH) {
      const batch = fresh.slice(i, i + BATCH);
      const inserted = await tx
        .insert(researchers)
        .values(
          batch.map((r) => ({
            ...r.profile,
            ...r.analysis,
            importHash: r.plan.hash,
            isDemo: opts.isDemo ?? false,
          })),
        )
        .returning({ id: researchers.id });
      const works = batch.flatMap((r, j) => r.workRows.map((w) => ({ ...w, researcherId: inserted[j]!.id })));
      for (let k = 0; k < works.length; k += BATCH * 2)
        await tx.insert(researcherWorks).values(works.slice(k, k + BATCH * 2));
      await recordRevisions(
        tx,
        batch.map((r, j) => ({
          id: inserted[j]!.id,
          version: 1,
          changes: { imported: { from: null, to: `line ${r.plan.line}` } },
        })),
        opts,
      );
      done += batch.length;
      write(done);
    }
    for (const r of rows.filter((x) => x.plan.existing)) {
      const ex = r.plan.existing!;
      await tx
        .update(researchers)
        .set({
          ...r.profile,
          ...r.analysis,
          importHash: r.plan.hash,
          version: ex.version + 1,
          updatedAt: new Date(),
        })
        .where(eq(researchers.id, ex.id));
      if (!r.keepWorks) {
        await tx.delete(researcherWorks).where(eq(researcherWorks.researcherId, ex.id));
        if (r.workRows.length)
          await tx.insert(researcherWorks).values(r.workRows.map((w) => ({ ...w, researcherId: ex.id })));
      }
      await recordRevisions(
        tx,
        [
          {
            id: ex.id,
            version: ex.version + 1,
            changes: { imported: { from: null, to: `line ${r.plan.line}` } },
          },
        ],
        opts,
      );
      done++;
      write(done);
    }
  });
  await refreshStatistics(db);
  opts.onProgress?.({ phase: "done", done: total, total });
  return finish("researchers", parsed, problems, warnings, counts, true, false);
}

type KeptWorks = {
  works: { titleJa: string | null; titleEn: string | null }[];
  equipment: ResearcherRecord["equipment"];
};

/** The works (titles, for the search vector) and equipment of researchers, by id. */
async function keptWorksAndEquipment(db: Db, ids: string[]) {
  const out = new Map<string, KeptWorks>();
  for (let i = 0; i < ids.length; i += 1000) {
    const part = ids.slice(i, i + 1000);
    const rows = await db
      .select({ id: researchers.id, equipment: researchers.equipment })
      .from(researchers)
      .where(inArray(researchers.id, part));
    for (const r of rows) out.set(r.id, { works: [], equipment: r.equipment });
    const works = await db
      .select({
        researcherId: researcherWorks.researcherId,
        titleJa: researcherWorks.titleJa,
        titleEn: researcherWorks.titleEn,
      })
      .from(researcherWorks)
      .where(inArray(researcherWorks.researcherId, part))
      .orderBy(researcherWorks.sortOrder);
    for (const w of works) out.get(w.researcherId)?.works.push({ titleJa: w.titleJa, titleEn: w.titleEn });
  }
  return out;
}

async function recordRevisions(
  tx: Tx,
  list: { id: string; version: number; changes: Record<string, { from: unknown; to: unknown }> }[],
  opts: ImportOptions,
) {
  if (opts.isDemo) return; // demo rows carry no history
  for (const r of list) {
    await recordRevision(tx, {
      entityType: "researcher",
      entityId: r.id,
      version: r.version,
      actor: opts.actor,
      source: opts.source,
      changes: r.changes,
    });
  }
}

// ----- seeds --------------------------------------------------------------------------------------

export async function importSeeds(
  db: Db,
  parsed: Parsed<SeedRecord>,
  opts: ImportOptions,
): Promise<ImportReport> {
  const problems: ImportProblem[] = [...parsed.problems];
  const warnings: ImportProblem[] = [];
  const total = parsed.records.length;
  opts.onProgress?.({ phase: "resolve", done: 0, total });
  const institutions = await institutionIndex(db, opts.actor);
  const refs = await researcherRefs(db, [...new Set(parsed.records.flatMap((r) => r.record.researchers))]);
  const existing = await existingSeeds(
    db,
    parsed.records.map((r) => r.record.externalId),
  );
  const seen = new Map<string, number>();

  const plans: {
    line: number;
    record: SeedRecord;
    researcherIds: string[];
    organizationId: string;
    existing: { id: string; organizationId: string; importHash: string | null; version: number } | null;
    hash: string;
  }[] = [];
  for (const { line, record } of parsed.records) {
    const dup = seen.get(record.externalId);
    if (dup !== undefined) {
      problems.push({
        line,
        field: "externalId",
        message: `${record.externalId} appears already on line ${dup}`,
      });
      continue;
    }
    seen.set(record.externalId, line);
    const unknown = record.researchers.filter((k) => !refs.has(k));
    if (unknown.length) {
      problems.push({
        line,
        field: "researchers",
        message: `unknown researcher(s) ${unknown.join(", ")}: import the researchers first, or use their external id, e-Rad number or researchmap ID`,
      });
      continue;
    }
    const resolved = record.researchers.map((k) => refs.get(k)!);
    const researcherIds = [...new Set(resolved.map((r) => r.id))];
    const organizationId = resolved[0]!.organizationId;
    if (!institutions.allowed(organizationId)) {
      problems.push({
        line,
        field: "researchers",
        message: "the lead researcher is at an institution you do not cover",
      });
      continue;
    }
    const ex = existing.get(record.externalId) ?? null;
    if (ex && !institutions.allowed(ex.organizationId)) {
      problems.push({
        line,
        field: "externalId",
        message: `${record.externalId} is a seed of an institution you do not cover`,
      });
      continue;
    }
    plans.push({
      line,
      record,
      researcherIds,
      organizationId,
      existing: ex,
      hash: hashOf({ ...record, researcherIds }),
    });
  }

  const changed = plans.filter((p) => !p.existing || p.existing.importHash !== p.hash);
  const counts = {
    created: changed.filter((p) => !p.existing).length,
    updated: changed.filter((p) => p.existing).length,
    unchanged: plans.length - changed.length,
  };
  const rejectAll = problems.length > 0 && !opts.partial;
  if (opts.dryRun || rejectAll) {
    opts.onProgress?.({ phase: "done", done: total, total });
    return finish(
      "seeds",
      parsed,
      problems,
      warnings,
      rejectAll ? { created: 0, updated: 0, unchanged: 0 } : counts,
      false,
      opts.dryRun,
    );
  }

  const valueRows = changed.map((p) => {
    const r = p.record;
    const values = {
      externalId: r.externalId,
      organizationId: p.organizationId,
      titleJa: r.title.ja,
      titleEn: r.title.en,
      summaryJa: r.summary.ja,
      summaryEn: r.summary.en,
      overviewJa: r.overview.ja,
      overviewEn: r.overview.en,
      featuresJa: r.features.ja,
      featuresEn: r.features.en,
      applicationsJa: r.applications.ja,
      applicationsEn: r.applications.en,
      keywordsJa: r.keywords.ja,
      keywordsEn: r.keywords.en,
      fields: r.fields,
      trl: r.trl,
      phase: r.phase,
      patents: r.patents,
      status: r.status,
      visibility: r.visibility,
    };
    return { plan: p, values };
  });
  const seedAnalyses = await analyzeSeeds(
    valueRows.map((v) => v.values),
    progressTicker(opts.onProgress, "analyse", changed.length),
  );
  const rows = valueRows.map((v, i) => ({ ...v, analysis: seedAnalyses[i]! }));

  const write = progressTicker(opts.onProgress, "write", rows.length);
  await db.transaction(async (tx) => {
    let done = 0;
    const now = new Date();
    const fresh = rows.filter((r) => !r.plan.existing);
    for (let i = 0; i < fresh.length; i += BATCH) {
      const batch = fresh.slice(i, i + BATCH);
      const inserted = await tx
        .insert(seeds)
        .values(
          batch.map((r) => ({
            ...r.values,
            ...r.analysis,
            importHash: r.plan.hash,
            publishedAt: r.values.status === "published" ? now : null,
            createdBy: opts.actor?.id ?? null,
            isDemo: opts.isDemo ?? false,
          })),
        )
        .returning({ id: seeds.id });
      const links = batch.flatMap((r, j) =>
        r.plan.researcherIds.map((researcherId, k) => ({
          seedId: inserted[j]!.id,
          researcherId,
          role: k === 0 ? ("lead" as const) : ("member" as const),
          sortOrder: k,
        })),
      );
      for (let k = 0; k < links.length; k += BATCH * 2)
        await tx.insert(seedResearchers).values(links.slice(k, k + BATCH * 2));
      if (!opts.isDemo) {
        for (const [j, r] of batch.entries()) {
          await recordRevision(tx, {
            entityType: "seed",
            entityId: inserted[j]!.id,
            version: 1,
            actor: opts.actor,
            source: opts.source,
            changes: { imported: { from: null, to: `line ${r.plan.line}` } },
          });
        }
      }
      done += batch.length;
      write(done);
    }
    for (const r of rows.filter((x) => x.plan.existing)) {
      const ex = r.plan.existing!;
      await tx
        .update(seeds)
        .set({
          ...r.values,
          ...r.analysis,
          importHash: r.plan.hash,
          // Published now if it was not before (as when published on the web).
          ...(r.values.status === "published"
            ? { publishedAt: sql`coalesce(${seeds.publishedAt}, ${now})` }
            : {}),
          version: ex.version + 1,
          updatedAt: now,
        })
        .where(eq(seeds.id, ex.id));
      await writeSeedResearchers(tx, ex.id, r.plan.researcherIds);
      if (!opts.isDemo) {
        await recordRevision(tx, {
          entityType: "seed",
          entityId: ex.id,
          version: ex.version + 1,
          actor: opts.actor,
          source: opts.source,
          changes: { imported: { from: null, to: `line ${r.plan.line}` } },
        });
      }
      done++;
      write(done);
    }
  });
  await refreshStatistics(db);
  opts.onProgress?.({ phase: "done", done: total, total });
  return finish("seeds", parsed, problems, warnings, counts, true, false);
}
