/** The demo's published open call, with one application from the demo company; removed with the demo. */
import { eq } from "drizzle-orm";
import { addDays, todayJst } from "../../../shared/dates";
import type { Db } from "../../db/client";
import { openCallApplications, openCalls, organizations, users } from "../../db/schema";

/** A published open call with one application from the demo company. */
export async function loadDemoOpenCall(
  db: Db,
  opts: { orgs: Map<string, string>; adminEmail: string; companyEmail: string; now?: Date },
) {
  const now = opts.now ?? new Date();
  const today = todayJst(now);
  const tut = opts.orgs.get("tut")!;
  const [actor] = await db.select({ id: users.id }).from(users).where(eq(users.email, opts.adminEmail));
  // A published open call with one application from the demo company.
  const [call] = await db
    .insert(openCalls)
    .values({
      title: "次世代モビリティ向け軽量樹脂材料の共同研究",
      background:
        "自動車の電動化で部品の軽量化が急務となっている。樹脂材料の耐熱・耐摩耗性能の評価基盤を複数企業で共有したい。",
      goals: "軽量樹脂材料の評価手法を確立し、参加企業の製品開発に活用できる設計データベースを構築する。",
      expectedContribution: "1社あたり年間130万円（直接経費・間接経費を含む）。評価用サンプルの提供。",
      ipRule:
        "各社単独の発明は各社に帰属。共同の発明は大学と当該企業の共有とし、他の参加企業は優先的に実施できる。",
      deadline: new Date(`${addDays(today, 30)}T17:00:00+09:00`),
      institutionId: tut,
      contractType: "open_call",
      status: "published",
      publishedAt: now,
      createdBy: actor?.id ?? null,
      isDemo: true,
    })
    .returning({ id: openCalls.id });
  const [company] = await db.select().from(users).where(eq(users.email, opts.companyEmail));
  const [org] = await db
    .select({ id: organizations.id })
    .from(organizations)
    .where(eq(organizations.id, company!.organizationId));
  await db.insert(openCallApplications).values({
    callId: call!.id,
    organizationId: org!.id,
    applicantId: company!.id,
    contactName: company!.displayName,
    contactEmail: company!.email,
    proposal: "当社の樹脂ギア量産実績を活かし、耐摩耗評価用サンプルを提供する。",
    contribution: 1_300_000,
  });
}
