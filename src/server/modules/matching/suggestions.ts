/**
 * Suggested researchers for a need, and what coordinators do with them: shortlist, dismiss with a
 * reason (and restore), send an inquiry (in the app and by e-mail); the researcher accepts or declines
 * with a note. Every step changes the pair's row in need_matches (version-checked) and is appended to
 * match_feedback, the ranking's feedback; inquiries and answers are audited and mailed through the outbox.
 */
import { and, eq, sql } from "drizzle-orm";
import { type Actor, canManageNeed, needView } from "../../auth/policy";
import type { Db, DbOrTx } from "../../db/client";
import { matchFeedback, matchSynonyms, needMatches, researchers, users } from "../../db/schema";
import { conflict, forbidden, invalid, notFound, staleVersion } from "../../errors";
import type { RequestMeta } from "../../http/context";
import { appLink } from "../../lib/links";
import { recordAudit } from "../audit/service";
import { onInquiryAnswered, onInquirySent } from "../cases/service";
import { rowsOf, uuidArray } from "../catalog/search-sql";
import { enqueueMail } from "../mail/outbox";
import { accessFacts } from "../needs/present";
import * as needsRepo from "../needs/repository";
import { needViewerFor } from "../needs/service";
import type { DismissReason, MatchState } from "./codes";
import { type MatchingConfig, matchText, namedNeeds } from "./service";

type NeedRow = needsRepo.NeedDetailRow;

/** The need, for someone who handles it (its area's coordinators, admins); 404 if they may not see it. */
async function managedNeed(db: DbOrTx, actor: Actor, needId: string): Promise<NeedRow> {
  const row = await needsRepo.needById(db, needId);
  if (!row) throw notFound("The need");
  const viewer = await needViewerFor(db, actor);
  if (!canManageNeed(viewer, row)) {
    const named = await needsRepo.isNamedViewer(db, needId, actor.id);
    if (needView(viewer, accessFacts(row, named)).level === "none") throw notFound("The need");
    throw forbidden("Only the coordinators of the need's area work on its suggestions");
  }
  return row;
}

/** The text a need is matched on: everything its coordinators read. */
export const needText = (n: Pick<NeedRow, "title" | "problem" | "tried" | "desiredOutcome">) =>
  [n.title, n.problem, n.tried, n.desiredOutcome].filter(Boolean).join("\n");

interface PairRow {
  researcherId: string;
  state: MatchState;
  dismissReason: DismissReason | null;
  note: string | null;
  rank: number | null;
  score: number | null;
  inquiredAt: string | null;
  inquiredByName: string | null;
  responseNote: string | null;
  respondedAt: string | null;
  version: number;
  nameJa: string | null;
  nameEn: string | null;
  institutionId: string;
  hasAccount: boolean;
}

async function pairsOf(db: DbOrTx, needId: string): Promise<PairRow[]> {
  return rowsOf<PairRow>(
    db,
    sql`select m.researcher_id as "researcherId", m.state, m.dismiss_reason as "dismissReason", m.note, m.rank, m.score,
        m.inquired_at::text as "inquiredAt", u.display_name as "inquiredByName", m.response_note as "responseNote",
        m.responded_at::text as "respondedAt", m.version, r.name_ja as "nameJa", r.name_en as "nameEn",
        r.organization_id as "institutionId", (r.user_id is not null) as "hasAccount"
      from need_matches m join researchers r on r.id = m.researcher_id left join users u on u.id = m.inquired_by
      where m.need_id = ${needId} order by m.updated_at desc`,
  );
}

const pairView = (p: PairRow) => ({
  state: p.state,
  dismissReason: p.dismissReason,
  note: p.note,
  inquiredAt: p.inquiredAt,
  inquiredByName: p.inquiredByName,
  responseNote: p.responseNote,
  respondedAt: p.respondedAt,
  version: p.version,
});

/**
 * A need's page: the suggested researchers (dismissed ones left out of the ranking), each with its
 * evidence and the coordinators' state; the researchers already worked on that fell out of the top; the
 * dismissed ones with their reasons.
 */
export async function needSuggestions(opts: {
  db: DbOrTx;
  actor: Actor;
  needId: string;
  top?: number;
  /** The configuration (its embedder, if any); without it matching is lexical. */
  config?: MatchingConfig | null | undefined;
}) {
  const need = await managedNeed(opts.db, opts.actor, opts.needId);
  const pairs = await pairsOf(opts.db, need.id);
  const byResearcher = new Map(pairs.map((p) => [p.researcherId, p]));
  const dismissed = new Set(pairs.filter((p) => p.state === "dismissed").map((p) => p.researcherId));
  const answer = await matchText({
    db: opts.db,
    config: opts.config,
    actor: opts.actor,
    text: needText(need),
    top: opts.top ?? 10,
    language: opts.actor.locale === "en" ? "en" : "ja",
    preferredArea: need.preferredAreaCode ?? need.areaCode,
    excludeResearchers: dismissed,
  });
  const accounts = await rowsOf<{ id: string }>(
    opts.db,
    sql`select id from researchers where user_id is not null and id = any(${uuidArray(answer.researchers.map((r) => r.id))})`,
  );
  const withAccount = new Set(accounts.map((a) => a.id));
  const suggested = new Set(answer.researchers.map((r) => r.id));
  return {
    need: { id: need.id, referenceNumber: need.referenceNumber, title: need.title, language: need.language },
    highlighted: answer.highlighted,
    seeds: answer.seeds,
    researchers: answer.researchers.map((r, i) => {
      const p = byResearcher.get(r.id);
      return { ...r, rank: i + 1, hasAccount: withAccount.has(r.id), ...(p ? pairView(p) : { state: null }) };
    }),
    /** Worked on (shortlisted, asked, answered) but not in today's top. */
    others: pairs
      .filter((p) => p.state !== "dismissed" && !suggested.has(p.researcherId))
      .map((p) => ({
        id: p.researcherId,
        nameJa: p.nameJa,
        nameEn: p.nameEn,
        institutionId: p.institutionId,
        hasAccount: p.hasAccount,
        ...pairView(p),
      })),
    dismissed: pairs
      .filter((p) => p.state === "dismissed")
      .map((p) => ({ id: p.researcherId, nameJa: p.nameJa, nameEn: p.nameEn, ...pairView(p) })),
  };
}

export interface SuggestionAction {
  action: "shortlist" | "dismiss" | "restore";
  reason?: DismissReason | undefined;
  note?: string | undefined;
  /** Where the engine ranked the researcher when the coordinator acted, for the feedback. */
  rank?: number | undefined;
  score?: number | undefined;
  /** The pair's version the coordinator saw (absent when the pair has no row yet). */
  version?: number | undefined;
}

async function lockPair(tx: DbOrTx, needId: string, researcherId: string) {
  const [row] = await tx.select().from(needMatches).where(pairKey(needId, researcherId)).for("update");
  return row ?? null;
}

type PairRowFull = typeof needMatches.$inferSelect;
type PairValues = Partial<Omit<typeof needMatches.$inferInsert, "needId" | "researcherId" | "version">>;

const pairKey = (needId: string, researcherId: string) =>
  and(eq(needMatches.needId, needId), eq(needMatches.researcherId, researcherId));

/**
 * One step on a need–researcher pair: the pair's row written (created with the engine's rank and score
 * the first time, its version raised after; `values: null` removes it) and the step appended to
 * match_feedback with the rank and score the pair had.
 */
async function recordStep(
  tx: DbOrTx,
  step: {
    needId: string;
    researcherId: string;
    row: PairRowFull | null;
    values: PairValues | null;
    action: (typeof matchFeedback.$inferInsert)["action"];
    reason?: DismissReason | null;
    note?: string | null;
    rank?: number | undefined;
    score?: number | undefined;
    actorId: string;
  },
): Promise<{ state: MatchState | null; version: number | null }> {
  const { row, values } = step;
  const key = pairKey(step.needId, step.researcherId);
  let after: { state: MatchState | null; version: number | null } = { state: null, version: null };
  if (!values) await tx.delete(needMatches).where(key);
  else if (row) {
    await tx
      .update(needMatches)
      .set({ ...values, updatedBy: step.actorId, updatedAt: new Date(), version: row.version + 1 })
      .where(key);
    after = { state: values.state ?? row.state, version: row.version + 1 };
  } else {
    await tx.insert(needMatches).values({
      needId: step.needId,
      researcherId: step.researcherId,
      state: values.state!,
      rank: step.rank ?? null,
      score: step.score ?? null,
      ...values,
      updatedBy: step.actorId,
    });
    after = { state: values.state!, version: 1 };
  }
  await tx.insert(matchFeedback).values({
    needId: step.needId,
    researcherId: step.researcherId,
    action: step.action,
    reason: step.reason ?? null,
    note: step.note ?? null,
    rank: step.rank ?? row?.rank ?? null,
    score: step.score ?? row?.score ?? null,
    actorId: step.actorId,
  });
  return after;
}

async function researcherExists(db: DbOrTx, id: string) {
  const [r] = await db
    .select({ id: researchers.id, userId: researchers.userId })
    .from(researchers)
    .where(eq(researchers.id, id));
  if (!r) throw notFound("The researcher");
  return r;
}

function checkVersion(row: { version: number } | null, version: number | undefined) {
  if (row && version !== undefined && row.version !== version) throw staleVersion("This suggestion");
}

/** Shortlist, dismiss (a reason is required) or restore a suggested researcher; kept as feedback. */
export async function actOnSuggestion(opts: {
  db: Db;
  actor: Actor;
  needId: string;
  researcherId: string;
  input: SuggestionAction;
}) {
  const { actor, input } = opts;
  if (input.action === "dismiss" && !input.reason) throw invalid("reason", "is required to dismiss");
  return opts.db.transaction(async (tx) => {
    const need = await managedNeed(tx, actor, opts.needId);
    await researcherExists(tx, opts.researcherId);
    const row = await lockPair(tx, need.id, opts.researcherId);
    checkVersion(row, input.version);
    if (row && ["inquired", "accepted", "declined"].includes(row.state) && input.action !== "dismiss")
      throw conflict(`The researcher was already asked (${row.state}); this cannot be undone`);
    if (input.action === "restore" && row?.state !== "dismissed")
      throw conflict("Only a dismissed suggestion can be restored");
    const dismiss = input.action === "dismiss";
    return recordStep(tx, {
      needId: need.id,
      researcherId: opts.researcherId,
      row,
      values:
        input.action === "restore"
          ? null
          : {
              state: dismiss ? "dismissed" : "shortlisted",
              dismissReason: dismiss ? (input.reason ?? null) : null,
              note: dismiss ? (input.note ?? null) : (row?.note ?? null),
            },
      action: input.action,
      reason: dismiss ? (input.reason ?? null) : null,
      note: input.note ?? null,
      rank: input.rank,
      score: input.score,
      actorId: actor.id,
    });
  });
}

/**
 * Asks a researcher about a need: the pair becomes `inquired` with the coordinator's message; the
 * researcher finds it in the app and gets an e-mail (in the same transaction, through the outbox). The
 * mail holds the message and only what the researcher may read of the need.
 */
export async function sendInquiry(opts: {
  db: Db;
  actor: Actor;
  needId: string;
  researcherId: string;
  message: string;
  rank?: number | undefined;
  score?: number | undefined;
  version?: number | undefined;
  publicUrl?: string | undefined;
  meta?: RequestMeta | null;
}) {
  const { actor } = opts;
  return opts.db.transaction(async (tx) => {
    const need = await managedNeed(tx, actor, opts.needId);
    const researcher = await researcherExists(tx, opts.researcherId);
    const [account] = researcher.userId
      ? await tx
          .select({
            id: users.id,
            email: users.email,
            displayName: users.displayName,
            status: users.status,
            role: users.role,
            organizationId: users.organizationId,
          })
          .from(users)
          .where(eq(users.id, researcher.userId))
      : [];
    if (account?.status !== "active")
      throw invalid(
        "researcherId",
        "this researcher has no active kyoso account; contact them through their institution's coordinator",
      );
    const row = await lockPair(tx, need.id, opts.researcherId);
    checkVersion(row, opts.version);
    if (row && ["inquired", "accepted", "declined"].includes(row.state))
      throw conflict(`The researcher was already asked about this need (${row.state})`);
    const after = await recordStep(tx, {
      needId: need.id,
      researcherId: opts.researcherId,
      row,
      values: {
        state: "inquired",
        dismissReason: null,
        note: opts.message,
        inquiredBy: actor.id,
        inquiredAt: new Date(),
      },
      action: "inquire",
      note: opts.message,
      rank: opts.rank,
      score: opts.score,
      actorId: actor.id,
    });
    // What the researcher may read of the need decides what the mail may say.
    // (Only the facts needView reads for someone who does not handle the need: who they are, their role
    // and organisation; such a viewer covers no areas.)
    const reader = {
      actor: { id: account.id, role: account.role, organizationId: account.organizationId } as Actor,
      coveredAreaCodes: [],
    };
    const named = await needsRepo.isNamedViewer(tx, need.id, account.id);
    const view = needView(reader, accessFacts(need, named));
    const about =
      view.level === "full"
        ? `件名 / Subject: ${need.title}`
        : need.publicSummary?.trim()
          ? `概要 / Summary: ${need.publicSummary.trim()}`
          : "（詳細はコーディネーターからご説明します / your coordinator will tell you more）";
    const link = appLink(opts.publicUrl, "/inquiries");
    await enqueueMail(tx, {
      to: account.email,
      subject: `技術相談のご依頼 / A consultation request: ${need.referenceNumber}`,
      text: [
        `${account.displayName} 様`,
        "",
        `${actor.displayName}（産学連携コーディネーター）から、技術相談 ${need.referenceNumber} についてご相談があります。`,
        "",
        about,
        "",
        "メッセージ / Message:",
        opts.message,
        "",
        `お受けいただけるかどうか、kyoso でご回答ください / Please accept or decline in kyoso: ${link}`,
      ].join("\n"),
      kind: "match_inquiry",
      related: { type: "need", id: need.id },
    });
    await onInquirySent(tx, {
      needId: need.id,
      researcherId: opts.researcherId,
      researcherName: account.displayName,
      message: opts.message,
      actorId: actor.id,
    });
    await recordAudit(tx, {
      action: "match.inquiry_sent",
      actor,
      subject: need.referenceNumber,
      target: { type: "need", id: need.id },
      meta: opts.meta ?? null,
      details: { researcherId: opts.researcherId },
    });
    return after;
  });
}

/** The researcher's inquiries (their own profiles'), newest first, with what they may read of each need. */
export async function myInquiries(opts: { db: DbOrTx; actor: Actor }) {
  const rows = await rowsOf<{
    needId: string;
    researcherId: string;
    state: MatchState;
    note: string | null;
    inquiredAt: string | null;
    inquiredByName: string | null;
    responseNote: string | null;
    respondedAt: string | null;
    version: number;
  }>(
    opts.db,
    sql`select m.need_id as "needId", m.researcher_id as "researcherId", m.state, m.note, m.inquired_at::text as "inquiredAt",
        u.display_name as "inquiredByName", m.response_note as "responseNote", m.responded_at::text as "respondedAt", m.version
      from need_matches m join researchers r on r.id = m.researcher_id left join users u on u.id = m.inquired_by
      where r.user_id = ${opts.actor.id} and m.state in ('inquired', 'accepted', 'declined')
      order by m.inquired_at desc`,
  );
  const viewer = await needViewerFor(opts.db, opts.actor);
  const named = await namedNeeds(opts.db, opts.actor);
  const needs = new Map(
    (await needsRepo.needsByIds(opts.db, [...new Set(rows.map((r) => r.needId))])).map((n) => [n.id, n]),
  );
  const out = [];
  for (const r of rows) {
    const n = needs.get(r.needId);
    if (!n) continue;
    const view = needView(viewer, accessFacts(n, named.has(n.id)));
    out.push({
      ...r,
      need: {
        id: n.id,
        referenceNumber: n.referenceNumber,
        view: view.level,
        title: view.level === "full" ? n.title : null,
        publicSummary: view.level === "none" ? null : n.publicSummary,
        areaCode: n.areaCode,
      },
    });
  }
  return out;
}

/** The researcher accepts or declines an inquiry, with a note; the asking coordinator gets an e-mail. */
export async function answerInquiry(opts: {
  db: Db;
  actor: Actor;
  needId: string;
  answer: "accept" | "decline";
  note?: string | undefined;
  version?: number | undefined;
  publicUrl?: string | undefined;
  meta?: RequestMeta | null;
}) {
  return opts.db.transaction(async (tx) => {
    const rows = await rowsOf<{ researcherId: string }>(
      tx,
      sql`select m.researcher_id as "researcherId" from need_matches m join researchers r on r.id = m.researcher_id
        where m.need_id = ${opts.needId} and r.user_id = ${opts.actor.id}`,
    );
    if (!rows.length) throw notFound("The inquiry");
    const row = await lockPair(tx, opts.needId, rows[0]!.researcherId);
    if (!row) throw notFound("The inquiry");
    checkVersion(row, opts.version);
    if (row.state !== "inquired")
      throw conflict(
        row.state === "accepted" || row.state === "declined"
          ? `You already answered this inquiry (${row.state})`
          : "There is no open inquiry to answer",
      );
    const after = await recordStep(tx, {
      needId: row.needId,
      researcherId: row.researcherId,
      row,
      values: {
        state: opts.answer === "accept" ? "accepted" : "declined",
        responseNote: opts.note ?? null,
        respondedAt: new Date(),
      },
      action: opts.answer,
      note: opts.note ?? null,
      actorId: opts.actor.id,
    });
    const need = await needsRepo.needById(tx, row.needId);
    if (row.inquiredBy && need) {
      const [coordinator] = await tx
        .select({ email: users.email, displayName: users.displayName, status: users.status })
        .from(users)
        .where(eq(users.id, row.inquiredBy));
      if (coordinator?.status === "active")
        await enqueueMail(tx, {
          to: coordinator.email,
          subject: `${opts.answer === "accept" ? "相談をお受けします" : "相談を辞退します"} / ${
            opts.answer === "accept" ? "Accepted" : "Declined"
          }: ${need.referenceNumber}`,
          text: [
            `${coordinator.displayName} 様`,
            "",
            `${opts.actor.displayName} さんが技術相談 ${need.referenceNumber}「${need.title}」への協力を${
              opts.answer === "accept" ? "お受けしました" : "辞退しました"
            }。`,
            `${opts.actor.displayName} ${opts.answer === "accept" ? "accepted" : "declined"} the inquiry about ${need.referenceNumber}.`,
            "",
            ...(opts.note ? ["メモ / Note:", opts.note, ""] : []),
            appLink(opts.publicUrl, `/needs/${need.id}`),
          ].join("\n"),
          kind: "match_answer",
          related: { type: "need", id: need.id },
        });
    }
    await onInquiryAnswered(tx, {
      needId: row.needId,
      researcherId: row.researcherId,
      researcherName: opts.actor.displayName,
      answer: opts.answer,
      note: opts.note ?? null,
      inquiredBy: row.inquiredBy,
      actorId: opts.actor.id,
      publicUrl: opts.publicUrl,
    });
    await recordAudit(tx, {
      action: "match.inquiry_answered",
      actor: opts.actor,
      subject: need?.referenceNumber ?? row.needId,
      target: { type: "need", id: row.needId },
      meta: opts.meta ?? null,
      details: { researcherId: row.researcherId, answer: opts.answer },
    });
    return after;
  });
}

/** Coordinators' domain synonyms. */
export async function listSynonyms(db: DbOrTx) {
  return rowsOf<{
    id: string;
    terms: string[];
    oneWay: boolean;
    note: string | null;
    createdByName: string | null;
    createdAt: string;
  }>(
    db,
    sql`select s.id, s.terms, s.one_way as "oneWay", s.note, u.display_name as "createdByName", s.created_at::text as "createdAt"
      from match_synonyms s left join users u on u.id = s.created_by order by s.created_at desc`,
  );
}

export async function addSynonyms(opts: {
  db: Db;
  actor: Actor;
  terms: string[];
  oneWay: boolean;
  note?: string | undefined;
  meta?: RequestMeta | null;
}) {
  const terms = [...new Set(opts.terms.map((t) => t.normalize("NFKC").trim()).filter(Boolean))];
  if (terms.length < 2) throw invalid("terms", "needs at least two different words");
  return opts.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(matchSynonyms)
      .values({ terms, oneWay: opts.oneWay, note: opts.note ?? null, createdBy: opts.actor.id })
      .returning();
    await recordAudit(tx, {
      action: "match.synonyms_changed",
      actor: opts.actor,
      subject: terms.join(" / "),
      meta: opts.meta ?? null,
      details: { added: terms, oneWay: opts.oneWay },
    });
    return row!;
  });
}

export async function removeSynonyms(opts: { db: Db; actor: Actor; id: string; meta?: RequestMeta | null }) {
  return opts.db.transaction(async (tx) => {
    const [row] = await tx.delete(matchSynonyms).where(eq(matchSynonyms.id, opts.id)).returning();
    if (!row) throw notFound("The synonym set");
    await recordAudit(tx, {
      action: "match.synonyms_changed",
      actor: opts.actor,
      subject: row.terms.join(" / "),
      meta: opts.meta ?? null,
      details: { removed: row.terms },
    });
  });
}
