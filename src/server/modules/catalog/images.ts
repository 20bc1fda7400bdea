/**
 * Images on a seed sheet: PNG, JPEG, WebP or GIF up to 2 MB, recognised by their bytes (not by the name
 * or the declared type), stored in the database, served only to those who may read the seed.
 */
import { and, count, eq, sql } from "drizzle-orm";
import type { Actor } from "../../auth/policy";
import type { Db, DbOrTx } from "../../db/client";
import { seedImages, seeds } from "../../db/schema";
import { AppError, forbidden, invalid, notFound } from "../../errors";
import { recordRevision } from "../history/service";
import * as repo from "./repository";
import { viewerScope } from "./seeds-service";

export const MAX_IMAGE_BYTES = 2 * 1024 * 1024;
const MAX_IMAGES = 10;

export function sniffImageType(b: Uint8Array): string | null {
  if (b.length >= 8 && b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47) return "image/png";
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return "image/jpeg";
  if (
    b.length >= 12 &&
    String.fromCharCode(...b.slice(0, 4)) === "RIFF" &&
    String.fromCharCode(...b.slice(8, 12)) === "WEBP"
  )
    return "image/webp";
  if (b.length >= 6 && String.fromCharCode(...b.slice(0, 4)) === "GIF8") return "image/gif";
  return null;
}

export async function addSeedImage(opts: {
  db: Db;
  actor: Actor;
  seedId: string;
  fileName: string;
  bytes: Uint8Array;
  caption: string | null;
}) {
  const seed = await repo.seedById(opts.db, opts.seedId, viewerScope(opts.actor));
  if (!seed) throw notFound("The seed");
  if (!seed.canEdit) throw forbidden("You may not edit this seed");
  if (opts.bytes.length > MAX_IMAGE_BYTES) {
    throw invalid(
      "file",
      `the image is ${(opts.bytes.length / 1024 / 1024).toFixed(1)} MB; at most 2 MB is accepted`,
    );
  }
  const contentType = sniffImageType(opts.bytes);
  if (!contentType) throw invalid("file", "only PNG, JPEG, WebP or GIF images are accepted");
  const [c] = await opts.db.select({ n: count() }).from(seedImages).where(eq(seedImages.seedId, opts.seedId));
  if (Number(c?.n ?? 0) >= MAX_IMAGES)
    throw new AppError("CONFLICT", `A seed has at most ${MAX_IMAGES} images; remove one first`);
  const fileName = opts.fileName.replace(/[\\/\r\n"]/g, "_").slice(0, 200) || "image";
  return opts.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(seedImages)
      .values({
        seedId: opts.seedId,
        fileName,
        contentType,
        bytes: Buffer.from(opts.bytes),
        size: opts.bytes.length,
        caption: opts.caption,
        sortOrder: Number(c?.n ?? 0),
      })
      .returning({ id: seedImages.id });
    const version = await bumpVersion(tx, opts.seedId);
    await recordRevision(tx, {
      entityType: "seed",
      entityId: opts.seedId,
      version,
      actor: opts.actor,
      source: "web",
      changes: { images: { from: null, to: `added ${fileName}` } },
    });
    return { id: row!.id, fileName, caption: opts.caption, contentType };
  });
}

export async function deleteSeedImage(opts: { db: Db; actor: Actor; seedId: string; imageId: string }) {
  const seed = await repo.seedById(opts.db, opts.seedId, viewerScope(opts.actor));
  if (!seed) throw notFound("The seed");
  if (!seed.canEdit) throw forbidden("You may not edit this seed");
  await opts.db.transaction(async (tx) => {
    const deleted = await tx
      .delete(seedImages)
      .where(and(eq(seedImages.id, opts.imageId), eq(seedImages.seedId, opts.seedId)))
      .returning({ fileName: seedImages.fileName });
    if (!deleted.length) throw notFound("The image");
    await recordRevision(tx, {
      entityType: "seed",
      entityId: opts.seedId,
      version: await bumpVersion(tx, opts.seedId),
      actor: opts.actor,
      source: "web",
      changes: { images: { from: deleted[0]!.fileName, to: null } },
    });
  });
}

/** Images are part of the seed: changing them is a new version (an open edit form then reloads). */
async function bumpVersion(tx: DbOrTx, seedId: string): Promise<number> {
  const [row] = await tx
    .update(seeds)
    .set({ version: sql`${seeds.version} + 1`, updatedAt: new Date() })
    .where(eq(seeds.id, seedId))
    .returning({ version: seeds.version });
  return row!.version;
}

export async function getSeedImage(opts: {
  db: DbOrTx;
  actor: Actor | null;
  seedId: string;
  imageId: string;
}) {
  const seed = await repo.seedById(opts.db, opts.seedId, viewerScope(opts.actor));
  if (!seed) throw notFound("The image");
  const [img] = await opts.db
    .select()
    .from(seedImages)
    .where(and(eq(seedImages.id, opts.imageId), eq(seedImages.seedId, opts.seedId)));
  if (!img) throw notFound("The image");
  return img;
}
