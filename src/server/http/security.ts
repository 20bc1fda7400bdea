/**
 * Request-level security: security headers with a content security policy, CSRF protection and the
 * session cookie. CSRF: every state-changing API request made with a session must carry the session's
 * token in `X-CSRF-Token` (the SPA reads it from /api/auth/me); requests from another origin are refused
 * outright (Origin / Sec-Fetch-Site), which also covers sign-in before a session exists.
 */

import { timingSafeEqual } from "node:crypto";
import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { createMiddleware } from "hono/factory";
import { secureHeaders } from "hono/secure-headers";
import { loadSession, SESSION_COOKIE } from "../auth/sessions";
import { AppError } from "../errors";
import type { AppEnv } from "./context";

export const securityHeaders = () =>
  secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      // Mantine writes its CSS variables into <style> elements at run time.
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", "data:", "blob:"],
      fontSrc: ["'self'", "data:"],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      frameAncestors: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
    },
    referrerPolicy: "same-origin",
    crossOriginEmbedderPolicy: false,
  });

function clientIp(c: Context): string | null {
  try {
    return getConnInfo(c).remote.address ?? null;
  } catch {
    return null; // app.request() in tests has no socket
  }
}

/** Loads the session (if any) and request metadata into the context. */
export const sessionLoader = () =>
  createMiddleware<AppEnv>(async (c, next) => {
    c.set("meta", { ip: clientIp(c), userAgent: c.req.header("user-agent") ?? null });
    c.set("actor", null);
    c.set("sessionId", null);
    c.set("csrfToken", null);
    const token = getCookie(c, SESSION_COOKIE);
    if (token) {
      const { database, config } = c.get("deps");
      const loaded = await loadSession(database.db, token, config.sessionHours);
      if (loaded) {
        c.set("actor", loaded.actor);
        c.set("sessionId", loaded.sessionId);
        c.set("csrfToken", loaded.csrfToken);
      } else {
        deleteCookie(c, SESSION_COOKIE, { path: "/" });
      }
    }
    await next();
  });

const UNSAFE = new Set(["POST", "PUT", "PATCH", "DELETE"]);

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export const csrfProtection = () =>
  createMiddleware<AppEnv>(async (c, next) => {
    if (!UNSAFE.has(c.req.method)) return next();
    const site = c.req.header("sec-fetch-site");
    const origin = c.req.header("origin");
    const { config } = c.get("deps");
    const allowedOrigins = new Set([
      new URL(c.req.url).origin,
      ...(config.publicUrl ? [new URL(config.publicUrl).origin] : []),
    ]);
    if ((site && site !== "same-origin" && site !== "none") || (origin && !allowedOrigins.has(origin))) {
      throw new AppError("FORBIDDEN", "Cross-site request refused", { details: { reason: "csrf" } });
    }
    const expected = c.get("csrfToken");
    if (expected) {
      const sent = c.req.header("x-csrf-token") ?? "";
      if (!sameToken(sent, expected)) {
        throw new AppError("FORBIDDEN", "Missing or wrong CSRF token; reload the page and try again", {
          details: { reason: "csrf" },
        });
      }
    }
    return next();
  });

export function setSessionCookie(c: Context<AppEnv>, token: string): void {
  const { config } = c.get("deps");
  // The server decides when a session ends (it slides with use); the cookie lives as long as the longest session.
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: "Lax",
    secure: config.secureCookies,
    path: "/",
    maxAge: 30 * 24 * 3600,
  });
}

export function clearSessionCookie(c: Context<AppEnv>): void {
  deleteCookie(c, SESSION_COOKIE, { path: "/" });
}
