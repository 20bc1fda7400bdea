/**
 * Links into the app, for mails and invitations: absolute on the public URL (KYOSO_PUBLIC_URL, else the
 * origin the request came to), the path alone when neither is known (a background job without config).
 */
import type { Context } from "hono";
import type { AppEnv } from "../http/context";

export const appLink = (base: string | undefined, path: string) =>
  base ? `${base.replace(/\/$/, "")}${path}` : path;

/** The base of links made while answering a request. */
export const publicBase = (c: Context<AppEnv>) => c.get("deps").config.publicUrl ?? new URL(c.req.url).origin;
