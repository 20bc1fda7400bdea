/**
 * Sessions live in the database so that several app servers share them. The browser holds a random
 * token in an httpOnly, SameSite=Lax cookie; the table keeps only its SHA-256. Sessions slide: each use
 * extends them by the configured idle time, up to an absolute limit of 30 days.
 */
import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt, lt, ne } from "drizzle-orm";
import type { DbOrTx } from "../db/client";
import { organizations, sessions, userCoverage, users } from "../db/schema";
import type { Actor } from "./policy";

export const SESSION_COOKIE = "kyoso_session";
const ABSOLUTE_MAX_MS = 30 * 24 * 60 * 60 * 1000;
const TOUCH_EVERY_MS = 60 * 1000;

export const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");
export const randomToken = (bytes = 32) => randomBytes(bytes).toString("base64url");

export async function createSession(
  db: DbOrTx,
  opts: { userId: string; idleHours: number; ip: string | null; userAgent: string | null },
): Promise<{ token: string; csrfToken: string; expiresAt: Date }> {
  const token = randomToken();
  const csrfToken = randomToken(24);
  const expiresAt = new Date(Date.now() + opts.idleHours * 3600_000);
  await db.insert(sessions).values({
    id: sha256(token),
    userId: opts.userId,
    csrfToken,
    expiresAt,
    ip: opts.ip,
    userAgent: opts.userAgent?.slice(0, 500) ?? null,
  });
  return { token, csrfToken, expiresAt };
}

export interface LoadedSession {
  sessionId: string;
  csrfToken: string;
  actor: Actor;
}

/** The session and its user for a cookie token, or null if unknown, expired or the user is not active. */
export async function loadSession(
  db: DbOrTx,
  token: string,
  idleHours: number,
): Promise<LoadedSession | null> {
  const id = sha256(token);
  const now = new Date();
  const [row] = await db
    .select({
      sessionId: sessions.id,
      csrfToken: sessions.csrfToken,
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
      user: users,
      organizationType: organizations.type,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(organizations, eq(organizations.id, users.organizationId))
    .where(and(eq(sessions.id, id), gt(sessions.expiresAt, now)));
  if (row?.user.status !== "active") return null;
  if (now.getTime() - row.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    const expiresAt = new Date(
      Math.min(now.getTime() + idleHours * 3600_000, row.createdAt.getTime() + ABSOLUTE_MAX_MS),
    );
    await db.update(sessions).set({ lastSeenAt: now, expiresAt }).where(eq(sessions.id, id));
  }
  return {
    sessionId: row.sessionId,
    csrfToken: row.csrfToken,
    actor: await actorFor(db, row.user, row.organizationType),
  };
}

export async function actorFor(
  db: DbOrTx,
  user: typeof users.$inferSelect,
  organizationType: Actor["organizationType"],
): Promise<Actor> {
  const coverage = await db.select().from(userCoverage).where(eq(userCoverage.userId, user.id));
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    role: user.role,
    organizationId: user.organizationId,
    organizationType,
    coverage: {
      organizationIds: coverage.flatMap((c) => (c.organizationId ? [c.organizationId] : [])),
      areaCodes: coverage.flatMap((c) => (c.areaCode ? [c.areaCode] : [])),
    },
    mustChangePassword: user.mustChangePassword,
    locale: user.locale,
  };
}

export async function deleteSession(db: DbOrTx, sessionId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, sessionId));
}

/** Signs a user out everywhere, except (optionally) the session they are using. */
export async function deleteUserSessions(
  db: DbOrTx,
  userId: string,
  exceptSessionId?: string,
): Promise<void> {
  await db
    .delete(sessions)
    .where(
      exceptSessionId
        ? and(eq(sessions.userId, userId), ne(sessions.id, exceptSessionId))
        : eq(sessions.userId, userId),
    );
}

export async function purgeExpiredSessions(db: DbOrTx): Promise<void> {
  await db.delete(sessions).where(lt(sessions.expiresAt, new Date()));
}
