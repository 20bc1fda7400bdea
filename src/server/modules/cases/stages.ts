/**
 * The stage lists of the case pipeline. The platform's default list (area `*`) and, for an area that
 * needs its own, a list of that area; an admin edits them in the UI (no code change). A stage once used
 * is deactivated rather than removed, so old cases keep a stage with a name.
 */
import { and, asc, eq, inArray, notInArray, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "../../db/client";
import { areas, caseCloseReasons, caseStages, cases, needs } from "../../db/schema";
import { AppError, type FieldProblem, invalid, invalidFields } from "../../errors";
import { CLOSE_REASONS, DEFAULT_STAGE_AREA, DEFAULT_STAGES, type StageKind } from "./codes";

export interface Stage {
  code: string;
  kind: StageKind;
  labelJa: string;
  labelEn: string;
  position: number;
  active: boolean;
}

export interface CloseReason {
  code: string;
  stageCode: string;
  labelJa: string;
  labelEn: string;
  guideline: boolean;
  active: boolean;
}

/** Inserts the default stage list and the close reasons where missing (reference data, at every start). */
export async function ensureCaseReferenceData(db: DbOrTx): Promise<void> {
  await db
    .insert(caseStages)
    .values(
      DEFAULT_STAGES.map((s, i) => ({
        areaCode: DEFAULT_STAGE_AREA,
        code: s.code,
        kind: s.kind,
        labelJa: s.ja,
        labelEn: s.en,
        position: i,
      })),
    )
    .onConflictDoNothing();
  await db
    .insert(caseCloseReasons)
    .values(
      CLOSE_REASONS.map((r, i) => ({
        code: r.code,
        stageCode: r.stage,
        labelJa: r.ja,
        labelEn: r.en,
        guideline: r.guideline ?? false,
        position: i,
      })),
    )
    .onConflictDoNothing();
}

/** Every stage list: `*` and the areas that have their own. */
export async function allStageLists(db: DbOrTx): Promise<Map<string, Stage[]>> {
  const rows = await db.select().from(caseStages).orderBy(asc(caseStages.areaCode), asc(caseStages.position));
  const lists = new Map<string, Stage[]>();
  for (const r of rows) {
    const list = lists.get(r.areaCode) ?? [];
    list.push({
      code: r.code,
      kind: r.kind,
      labelJa: r.labelJa,
      labelEn: r.labelEn,
      position: r.position,
      active: r.active,
    });
    lists.set(r.areaCode, list);
  }
  return lists;
}

/** The stage list of an area: its own if it has one, else the default. */
export function stagesFor(lists: Map<string, Stage[]>, areaCode: string | null): Stage[] {
  return (areaCode ? lists.get(areaCode) : undefined) ?? lists.get(DEFAULT_STAGE_AREA) ?? [];
}

export async function stageListOf(db: DbOrTx, areaCode: string | null): Promise<Stage[]> {
  return stagesFor(await allStageLists(db), areaCode);
}

/** The first active open stage: where a new case starts. */
export function initialStage(list: Stage[]): Stage {
  const s = list.find((x) => x.active && x.kind === "open");
  if (!s) throw new AppError("UNAVAILABLE", "The stage list has no active open stage; an admin must add one");
  return s;
}

/** The close reasons, in order: the active ones (for closing a case), or all (for the admins' editor). */
export async function closeReasons(db: DbOrTx, opts: { all?: boolean } = {}): Promise<CloseReason[]> {
  return db
    .select({
      code: caseCloseReasons.code,
      stageCode: caseCloseReasons.stageCode,
      labelJa: caseCloseReasons.labelJa,
      labelEn: caseCloseReasons.labelEn,
      guideline: caseCloseReasons.guideline,
      active: caseCloseReasons.active,
    })
    .from(caseCloseReasons)
    .where(opts.all ? undefined : eq(caseCloseReasons.active, true))
    .orderBy(asc(caseCloseReasons.position));
}

export interface CloseReasonsInput {
  reasons: { code: string; labelJa: string; labelEn: string; guideline: boolean; active: boolean }[];
}

/**
 * Replaces the reasons of one close stage, in order. The stage must be a close (kind `closed`) in some
 * list; a code belongs to one stage; at least one reason stays active; a reason that cases were closed
 * with cannot be left out (deactivate it). Reasons whose code ends in `_other` ask for a note.
 */
export async function saveCloseReasons(
  db: Db,
  stageCode: string,
  input: CloseReasonsInput,
): Promise<CloseReason[]> {
  const problems: FieldProblem[] = [];
  const [stage] = await db
    .select({ kind: caseStages.kind })
    .from(caseStages)
    .where(and(eq(caseStages.code, stageCode), eq(caseStages.kind, "closed")))
    .limit(1);
  if (!stage)
    problems.push({ field: "stageCode", message: `"${stageCode}" is not a close stage of any list` });
  const seen = new Set<string>();
  input.reasons.forEach((r, i) => {
    if (seen.has(r.code)) problems.push({ field: `reasons.${i}.code`, message: `"${r.code}" appears twice` });
    seen.add(r.code);
  });
  if (!input.reasons.some((r) => r.active))
    problems.push({ field: "reasons", message: "needs at least one active reason" });
  const others = await db
    .select({ code: caseCloseReasons.code, stageCode: caseCloseReasons.stageCode })
    .from(caseCloseReasons)
    .where(inArray(caseCloseReasons.code, [...seen].length ? [...seen] : [""]));
  input.reasons.forEach((r, i) => {
    const taken = others.find((o) => o.code === r.code && o.stageCode !== stageCode);
    if (taken)
      problems.push({
        field: `reasons.${i}.code`,
        message: `"${r.code}" is a reason of the stage "${taken.stageCode}"`,
      });
  });
  const used = await db
    .selectDistinct({ code: cases.closeReasonCode })
    .from(cases)
    .innerJoin(caseCloseReasons, eq(caseCloseReasons.code, cases.closeReasonCode))
    .where(eq(caseCloseReasons.stageCode, stageCode));
  for (const u of used)
    if (u.code && !seen.has(u.code))
      problems.push({
        field: "reasons",
        message: `"${u.code}" was given for closed cases and cannot be removed; deactivate it instead`,
      });
  if (problems.length) throw invalidFields(problems);
  await db.transaction(async (tx) => {
    const keep = input.reasons.map((r) => r.code);
    await tx
      .delete(caseCloseReasons)
      .where(and(eq(caseCloseReasons.stageCode, stageCode), notInArray(caseCloseReasons.code, keep)));
    for (const [i, r] of input.reasons.entries()) {
      const values = {
        stageCode,
        labelJa: r.labelJa,
        labelEn: r.labelEn,
        guideline: r.guideline,
        active: r.active,
        position: i,
      };
      await tx
        .insert(caseCloseReasons)
        .values({ code: r.code, ...values })
        .onConflictDoUpdate({ target: caseCloseReasons.code, set: values });
    }
  });
  return (await closeReasons(db, { all: true })).filter((r) => r.stageCode === stageCode);
}

export interface StageListInput {
  stages: { code: string; kind: StageKind; labelJa: string; labelEn: string; active: boolean }[];
}

/**
 * Replaces the stage list of an area (`*`: the default) with the given one, in its order. Rules: at least
 * one active open stage (the first active open stage is where cases start), one active won stage and one
 * active close; codes unique; a stage that cases of the area stand in cannot be left out (deactivate it).
 */
export async function saveStageList(db: Db, areaCode: string, input: StageListInput): Promise<Stage[]> {
  const problems: FieldProblem[] = [];
  const seen = new Set<string>();
  input.stages.forEach((s, i) => {
    if (seen.has(s.code)) problems.push({ field: `stages.${i}.code`, message: `"${s.code}" appears twice` });
    seen.add(s.code);
  });
  const active = input.stages.filter((s) => s.active);
  for (const kind of ["open", "won", "closed"] as const) {
    if (!active.some((s) => s.kind === kind))
      problems.push({ field: "stages", message: `needs at least one active stage of kind "${kind}"` });
  }
  if (areaCode !== DEFAULT_STAGE_AREA) {
    const [area] = await db.select({ code: areas.code }).from(areas).where(eq(areas.code, areaCode));
    if (!area) problems.push({ field: "areaCode", message: `there is no area "${areaCode}"` });
  }
  // Stages that cases of this list's areas stand in must stay in the list.
  const lists = await allStageLists(db);
  const inUse = await db
    .selectDistinct({ code: cases.stageCode })
    .from(cases)
    .innerJoin(needs, eq(needs.id, cases.needId))
    .where(
      areaCode === DEFAULT_STAGE_AREA
        ? sql`${needs.areaCode} is null or ${needs.areaCode} not in (select distinct area_code from case_stages where area_code <> '*')`
        : eq(needs.areaCode, areaCode),
    );
  const previous = lists.get(areaCode) ?? (areaCode === DEFAULT_STAGE_AREA ? [] : stagesFor(lists, null));
  for (const { code } of inUse) {
    if (!seen.has(code) && previous.some((p) => p.code === code))
      problems.push({
        field: "stages",
        message: `"${code}" has cases in it and cannot be removed; deactivate it instead`,
      });
  }
  if (problems.length) throw invalidFields(problems);
  await db.transaction(async (tx) => {
    await tx.delete(caseStages).where(eq(caseStages.areaCode, areaCode));
    await tx.insert(caseStages).values(
      input.stages.map((s, i) => ({
        areaCode,
        code: s.code,
        kind: s.kind,
        labelJa: s.labelJa,
        labelEn: s.labelEn,
        position: i,
        active: s.active,
      })),
    );
  });
  return stageListOf(db, areaCode === DEFAULT_STAGE_AREA ? null : areaCode);
}

/** Removes an area's own list: the area follows the default list again (its cases' stages must be in it). */
export async function resetStageList(db: Db, areaCode: string): Promise<void> {
  const lists = await allStageLists(db);
  const defaults = new Set(stagesFor(lists, null).map((s) => s.code));
  const used = await db
    .selectDistinct({ code: cases.stageCode })
    .from(cases)
    .innerJoin(needs, eq(needs.id, cases.needId))
    .where(eq(needs.areaCode, areaCode));
  const missing = used.map((u) => u.code).filter((c) => !defaults.has(c));
  if (missing.length)
    throw invalid(
      "stages",
      `cases of this area stand in ${missing.join(", ")}, which the default list lacks; add them there first`,
    );
  await db.delete(caseStages).where(eq(caseStages.areaCode, areaCode));
}
