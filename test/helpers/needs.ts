/**
 * Factories for needs: a need row with every required field (and its reference number), straight into the
 * database, for tests that are about reading and screening rather than intake.
 */
import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Db } from "../../src/server/db/client";
import { needs, needViewers } from "../../src/server/db/schema";
import { openCase } from "../../src/server/modules/cases/service";
import { nextReferenceNumber } from "../../src/server/modules/needs/repository";

export type NeedOverrides = Partial<typeof needs.$inferInsert> & { viewerIds?: string[] };

export async function buildNeed(db: Db, o: NeedOverrides = {}) {
  const { viewerIds, ...values } = o;
  const tag = randomBytes(3).toString("hex");
  const row = await db.transaction(async (tx) => {
    const [r] = await tx
      .insert(needs)
      .values({
        referenceNumber: await nextReferenceNumber(tx, 2026),
        title: `テストニーズ ${tag}`,
        problem: `金属部品の表面傷を自動で検査したい（${tag}）。目視検査に時間がかかっている。`,
        contactName: "試験 太郎",
        contactEmail: `contact-${tag}@company.example`,
        organizationName: `テスト株式会社${tag}`,
        source: "signed_in",
        ...values,
      })
      .returning();
    await openCase(tx, r!);
    if (viewerIds?.length) {
      await tx.insert(needViewers).values(viewerIds.map((userId) => ({ needId: r!.id, userId })));
    }
    return r!;
  });
  return row;
}

export async function needRow(db: Db, id: string) {
  const [r] = await db.select().from(needs).where(eq(needs.id, id));
  return r ?? null;
}

/** A valid public form body; override fields to make it invalid. */
export function publicNeedBody(o: Record<string, unknown> = {}) {
  return {
    title: "プレス加工品のバリを減らしたい",
    problem:
      "順送プレスで打ち抜いた部品にバリが出る。金型の摩耗が原因と思われるが、寿命を延ばす方法を知りたい。",
    tried: "クリアランスの調整",
    desiredOutcome: "バリ高さ 0.05 mm 以下",
    budgetRange: "1m_5m",
    timing: "within_6m",
    preferredAreaCode: "shinetsu",
    language: "ja",
    organizationName: "株式会社テスト精工",
    contactName: "山田 花子",
    contactEmail: "hanako@seiko.example",
    contactPhone: "０２５８－１２－３４５６",
    confidentiality: "coordinators",
    ndaRequired: false,
    anonymousUntilAgreed: false,
    website: "",
    ...o,
  };
}
