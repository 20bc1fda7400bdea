/**
 * Text fields of request bodies, shared by the modules' zod schemas, with the messages the UI shows next to
 * the field.
 */
import { z } from "@hono/zod-openapi";

/** Required text: trimmed, not blank, at most `max` characters. */
export const requiredText = (max: number) =>
  z
    .string({ message: "is required" })
    .trim()
    .min(1, "is required")
    .max(max, `must be at most ${max} characters`);

/** Optional text: blank or absent becomes null. */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `must be at most ${max} characters`)
    .nullish()
    .transform((v) => (v ? v : null));
