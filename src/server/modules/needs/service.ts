/**
 * Reading and screening needs. Every read goes through the policy module's needView (full / summary /
 * none); a need the viewer may not see is never listed and answers 404. Reads of the full need by someone
 * outside its owners and its coordinators are written to the audit log.
 */

import type { NeedView, NeedViewer } from "../../auth/policy";
import { type Actor, needCoverageInputs, needView } from "../../auth/policy";
import type { Db, DbOrTx } from "../../db/client";
import { type FieldProblem, forbidden, invalidFields, notFound, staleVersion } from "../../errors";
import type { RequestMeta } from "../../http/context";
import { recordAudit } from "../audit/service";
import { caseIdOfNeed, recordEvent } from "../cases/service";
import { diff, historyOf, recordRevision } from "../history/service";
import { accessFacts, presentNeedCard, presentNeedDetail } from "./present";
import * as repo from "./repository";
import type { NeedListQuery, NeedUpdateInput } from "./schemas";

/** The viewer with the areas whose needs they handle (coordinators: covered areas and institutions' areas). */
export async function needViewerFor(db: DbOrTx, actor: Actor | null): Promise<NeedViewer> {
  const inputs = needCoverageInputs(actor);
  const fromOrgs = await repo.areasOfOrganizations(db, inputs.organizationIds);
  return { actor, coveredAreaCodes: [...new Set([...inputs.areaCodes, ...fromOrgs])] };
}

type Visible = NeedView & { level: "full" | "summary" };
const visible = (v: NeedView): v is Visible => v.level !== "none";

function searchGroup(v: Visible): repo.SearchGroup {
  if (v.level === "summary") return "summary";
  if (v.showContact) return "contact";
  return v.showCompany ? "company" : "text";
}

/** The needs a viewer may see, newest first, filtered; one audit event lists those read from outside. */
export async function listNeeds(opts: {
  db: DbOrTx;
  actor: Actor | null;
  query: NeedListQuery;
  meta: RequestMeta | null;
}) {
  const { db, actor, query } = opts;
  const viewer = await needViewerFor(db, actor);
  const candidates = await repo.candidateFacts(db, actor, query);
  let decided = candidates.flatMap((f) => {
    const view = needView(viewer, f);
    return visible(view) ? [{ id: f.id, view }] : [];
  });
  if (query.scope === "mine") decided = decided.filter((d) => d.view.owner);
  if (query.scope === "managed") decided = decided.filter((d) => d.view.manages);
  const words = (query.q ?? "").normalize("NFKC").toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length) {
    const groups: Partial<Record<repo.SearchGroup, string[]>> = {};
    for (const d of decided) {
      const group = searchGroup(d.view);
      const ids = groups[group] ?? [];
      ids.push(d.id);
      groups[group] = ids;
    }
    const found = await repo.searchVisible(db, groups, words);
    decided = decided.filter((d) => found.has(d.id));
  }
  const pageOf = decided.slice((query.page - 1) * query.pageSize, query.page * query.pageSize);
  const views = new Map(pageOf.map((d) => [d.id, d.view]));
  const rows = await repo.needsByIds(
    db,
    pageOf.map((d) => d.id),
  );
  const audited = pageOf.filter((d) => d.view.audit).map((d) => d.id);
  if (audited.length) {
    await recordAudit(db, {
      action: "need.list_read",
      actor,
      target: { type: "need", id: audited.length === 1 ? audited[0]! : "several" },
      meta: opts.meta,
      details: { needIds: audited },
    });
  }
  return {
    items: rows.map((r) => presentNeedCard(r, views.get(r.id) as Visible)),
    total: decided.length,
    page: query.page,
    pageSize: query.pageSize,
  };
}

async function loadVisible(db: DbOrTx, actor: Actor | null, id: string) {
  const row = await repo.needById(db, id);
  if (!row) throw notFound("The need");
  const viewer = await needViewerFor(db, actor);
  const named = actor ? await repo.isNamedViewer(db, id, actor.id) : false;
  const view = needView(viewer, accessFacts(row, named));
  if (!visible(view)) throw notFound("The need");
  return { row, view };
}

/** One need, as far as the viewer may see it (404 when not at all). */
export async function getNeed(opts: {
  db: DbOrTx;
  actor: Actor | null;
  id: string;
  meta: RequestMeta | null;
}) {
  const { row, view } = await loadVisible(opts.db, opts.actor, opts.id);
  if (view.audit) {
    await recordAudit(opts.db, {
      action: "need.read",
      actor: opts.actor,
      subject: row.referenceNumber,
      target: { type: "need", id: row.id },
      meta: opts.meta,
      details: { level: view.level, confidentiality: row.confidentiality, ndaStatus: row.ndaStatus },
    });
  }
  return presentNeedDetail(row, view, view.manages ? await repo.viewersOf(opts.db, row.id) : null);
}

const NEED_EDIT_FIELDS = ["publicSummary", "confidentiality", "ndaStatus", "nameAgreed", "areaCode"] as const;

/**
 * Screening by the need's coordinators (or an admin): public summary, confidentiality, NDA status, named
 * viewers, the company's agreement to be named and area (the status follows the case's stage). Send the version you edited (409 if it
 * changed meanwhile). Every change is kept in the need's history.
 */
export async function updateNeed(opts: { db: Db; actor: Actor; id: string; input: NeedUpdateInput }) {
  const { db, actor, id } = opts;
  const { version, viewerIds, ...input } = opts.input;
  const { row, view } = await loadVisible(db, actor, id);
  if (!view.manages) throw forbidden("Only the coordinators of the need's area (and admins) change it");
  const problems: FieldProblem[] = [];
  if (input.areaCode && !(await repo.areaExists(db, input.areaCode)))
    problems.push({ field: "areaCode", message: `there is no area "${input.areaCode}"` });
  if (viewerIds) {
    if (new Set(viewerIds).size !== viewerIds.length)
      problems.push({ field: "viewerIds", message: "lists someone twice" });
    const found = await repo.existingUserIds(db, viewerIds);
    viewerIds.forEach((v, i) => {
      if (!found.has(v))
        problems.push({ field: `viewerIds.${i}`, message: "there is no active account with this id" });
    });
  }
  if (problems.length) throw invalidFields(problems);
  if (row.version !== version) throw staleVersion("This need");

  const next = { ...row, ...Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) };
  const changes = diff(
    row as unknown as Record<string, unknown>,
    next as unknown as Record<string, unknown>,
    NEED_EDIT_FIELDS,
  );
  const before = viewerIds ? (await repo.viewersOf(db, id)).map((v) => v.id).sort() : [];
  if (viewerIds && JSON.stringify(before) !== JSON.stringify([...viewerIds].sort()))
    changes.viewerIds = { from: before, to: viewerIds };
  if (!Object.keys(changes).length) return getNeed({ db, actor, id, meta: null });

  const ndaStatus = next.ndaStatus;
  await db.transaction(async (tx) => {
    const ok = await repo.updateNeedRow(tx, id, version, {
      publicSummary: next.publicSummary,
      confidentiality: next.confidentiality,
      ndaStatus,
      // The NDA status says it all: none = no NDA needed (waived), requested = needed, signed = recorded.
      ndaRequired: ndaStatus !== "none",
      ndaSignedAt: ndaStatus === "signed" ? (row.ndaSignedAt ?? new Date()) : null,
      nameAgreed: next.nameAgreed,
      areaCode: next.areaCode,
    });
    if (!ok) throw staleVersion("This need");
    if (changes.viewerIds) await repo.replaceViewers(tx, id, viewerIds!, actor.id);
    if (changes.ndaStatus) {
      const caseId = await caseIdOfNeed(tx, id);
      if (caseId)
        await recordEvent(tx, {
          caseId,
          kind: "nda",
          actorId: actor.id,
          data: { from: changes.ndaStatus.from, to: changes.ndaStatus.to },
        });
    }
    await recordRevision(tx, {
      entityType: "need",
      entityId: id,
      version: version + 1,
      actor,
      source: "web",
      changes,
    });
  });
  // The editor was allowed to handle the need; they see the result even if it moved to another area.
  const updated = (await repo.needById(db, id))!;
  return presentNeedDetail(updated, { ...view, level: "full" }, await repo.viewersOf(db, id));
}

export async function needHistory(opts: { db: DbOrTx; actor: Actor; id: string }) {
  const { view } = await loadVisible(opts.db, opts.actor, opts.id);
  if (!view.manages) throw forbidden("The history is shown to those who handle the need");
  return historyOf(opts.db, "need", opts.id);
}

/** Accounts to name as viewers of a need. */
export async function viewerOptions(opts: { db: DbOrTx; q: string }) {
  return repo.viewerCandidates(opts.db, opts.q);
}
