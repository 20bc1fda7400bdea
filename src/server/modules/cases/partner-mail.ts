/**
 * The referral partner's mail at each stage change of a case it referred: the reference number, the
 * title it submitted, the new stage and the date; no notes, no names of researchers, nothing the
 * coordinators wrote. Sent to the partner's staff member who submitted the need, else to the active
 * referral-partner accounts of the referring organisation.
 */
import { and, eq } from "drizzle-orm";
import { formatDate } from "../../../shared/dates";
import type { DbOrTx } from "../../db/client";
import { caseCloseReasons, users } from "../../db/schema";
import { appLink } from "../../lib/links";
import { enqueueMail } from "../mail/outbox";
import type { NeedDetailRow } from "../needs/repository";
import type { StageKind } from "./codes";
import type { Bilingual } from "./notify";

export async function partnerRecipients(tx: DbOrTx, need: NeedDetailRow): Promise<string[]> {
  if (!need.referralOrganizationId) return [];
  const staff = await tx
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(
      and(
        eq(users.organizationId, need.referralOrganizationId),
        eq(users.role, "referral_partner"),
        eq(users.status, "active"),
      ),
    );
  const submitter = staff.find((s) => s.id === need.submittedBy);
  return submitter ? [submitter.email] : staff.map((s) => s.email);
}

export async function partnerStageMail(
  tx: DbOrTx,
  opts: {
    caseId: string;
    need: NeedDetailRow;
    stage: Bilingual;
    kind: StageKind;
    reasonCode: string | null;
    publicUrl?: string | undefined;
    at: Date;
  },
): Promise<void> {
  const to = await partnerRecipients(tx, opts.need);
  if (!to.length) return;
  const [reason] = opts.reasonCode
    ? await tx.select().from(caseCloseReasons).where(eq(caseCloseReasons.code, opts.reasonCode))
    : [];
  const n = opts.need;
  const outcomeJa =
    opts.kind === "won"
      ? "契約に至りました。"
      : opts.kind === "closed"
        ? `終了しました（${reason?.labelJa ?? "—"}）。`
        : "";
  const outcomeEn =
    opts.kind === "won"
      ? "It reached a contract."
      : opts.kind === "closed"
        ? `It was closed (${reason?.labelEn ?? "—"}).`
        : "";
  await enqueueMail(tx, {
    to,
    subject: `ご紹介案件の進捗 / Referral update: ${n.referenceNumber} ${opts.stage.ja}`,
    text: [
      `${n.referralOrganizationName ?? ""} ご担当者様`,
      "",
      `ご紹介いただいた技術相談 ${n.referenceNumber}「${n.title}」（${n.organizationName} 様）は、${formatDate(opts.at, "ja")}に「${opts.stage.ja}」の段階に進みました。${outcomeJa}`,
      "詳しい内容は、企業様の了解の範囲でコーディネーターからご連絡します。",
      "",
      appLink(opts.publicUrl, "/referrals"),
      "",
      "—",
      `The technical need ${n.referenceNumber} "${n.title}" you referred moved to "${opts.stage.en}" on ${formatDate(opts.at, "en")}. ${outcomeEn}`,
    ].join("\n"),
    kind: "case_partner_stage",
    related: { type: "case", id: opts.caseId },
  });
}
