/**
 * Writes the reference data (areas, the 53 member institutions and their campuses, the case stage list and
 * close reasons) into any database that lacks it. Runs at every start and after restores; inserts only what
 * is missing, so an admin's later edits (a moved area, a corrected name, a renamed stage) are kept.
 */
import { inArray } from "drizzle-orm";
import { INITIAL_AREAS } from "../../../shared/regions";
import type { Db } from "../../db/client";
import { areas, organizations } from "../../db/schema";
import { ensureCaseReferenceData } from "../cases/stages";
import { REFERENCE_INSTITUTIONS } from "./reference-data";
import { replaceCampuses, searchFields } from "./repository";

export async function ensureReferenceData(db: Db): Promise<{ institutionsAdded: number }> {
  return db.transaction(async (tx) => {
    await tx
      .insert(areas)
      .values(
        INITIAL_AREAS.map((a, i) => ({
          code: a.code,
          nameJa: a.ja,
          nameEn: a.en,
          status: a.status,
          sortOrder: i,
        })),
      )
      .onConflictDoNothing();
    await ensureCaseReferenceData(tx);

    const existing = await tx
      .select({ code: organizations.code })
      .from(organizations)
      .where(
        inArray(
          organizations.code,
          REFERENCE_INSTITUTIONS.map((r) => r.code),
        ),
      );
    const have = new Set(existing.map((e) => e.code));
    const missing = REFERENCE_INSTITUTIONS.filter((r) => !have.has(r.code));
    for (const r of missing) {
      const values = {
        type: r.type,
        code: r.code,
        nameJa: r.nameJa,
        shortNameJa: r.shortNameJa,
        nameKana: r.nameKana,
        nameEn: r.nameEn,
        shortNameEn: r.shortNameEn,
        prefecture: r.prefecture,
        city: r.city,
        areaCode: r.area,
        kosenBlock: r.kosenBlock,
        isReference: true,
      };
      const [row] = await tx
        .insert(organizations)
        .values({ ...values, ...searchFields(values) })
        .returning({ id: organizations.id });
      if (!row) throw new Error(`could not insert ${r.code}`);
      await replaceCampuses(
        tx,
        row.id,
        r.campuses?.map((c, i) => ({
          nameJa: c.ja,
          nameEn: c.en,
          prefecture: c.prefecture,
          city: c.city,
          isMain: i === 0,
        })) ?? [
          { nameJa: "本校", nameEn: "Main campus", prefecture: r.prefecture, city: r.city, isMain: true },
        ],
      );
    }
    return { institutionsAdded: missing.length };
  });
}
