/**
 * Signing in and out, changing one's password, accepting an invitation. Each is one domain operation
 * taking one options object, callable from a route, a job or the CLI.
 */
import { and, eq, gt } from "drizzle-orm";
import type { Db } from "../db/client";
import { organizations, users } from "../db/schema";
import { AppError, invalid } from "../errors";
import type { RequestMeta } from "../http/context";
import { countRecent, recordAudit } from "../modules/audit/service";
import { dummyPasswordHash, hashPassword, passwordProblems, verifyPassword } from "./password";
import type { Actor } from "./policy";
import { actorFor, createSession, deleteUserSessions, sha256 } from "./sessions";

/** Failed sign-ins allowed per account, and per IP address, within the window. */
export const LOGIN_LIMITS = { windowMinutes: 15, perAccount: 5, perIp: 30 } as const;

export interface SignedIn {
  token: string;
  csrfToken: string;
  expiresAt: Date;
  actor: Actor;
}

const badCredentials = () =>
  new AppError("UNAUTHENTICATED", "The e-mail address or the password is wrong", {
    details: { reason: "bad_credentials" },
  });

export async function login(opts: {
  db: Db;
  email: string;
  password: string;
  meta: RequestMeta;
  idleHours: number;
}): Promise<SignedIn> {
  const { db, meta } = opts;
  const email = opts.email.trim().toLowerCase();
  const since = new Date(Date.now() - LOGIN_LIMITS.windowMinutes * 60_000);
  const byAccount = await countRecent(db, "auth.login_failed", since, { subject: email });
  const byIp = meta.ip ? await countRecent(db, "auth.login_failed", since, { ip: meta.ip }) : 0;
  if (byAccount >= LOGIN_LIMITS.perAccount || byIp >= LOGIN_LIMITS.perIp) {
    await recordAudit(db, { action: "auth.login_throttled", subject: email, meta });
    throw new AppError(
      "RATE_LIMITED",
      `Too many failed sign-ins. Wait ${LOGIN_LIMITS.windowMinutes} minutes and try again, or ask an admin to reset the password.`,
      { retryAfterSeconds: LOGIN_LIMITS.windowMinutes * 60 },
    );
  }

  const [row] = await db
    .select({ user: users, organizationType: organizations.type })
    .from(users)
    .innerJoin(organizations, eq(organizations.id, users.organizationId))
    .where(eq(users.email, email));
  const ok = await verifyPassword(opts.password, row?.user.passwordHash ?? (await dummyPasswordHash()));
  if (!row || !ok || row.user.status !== "active") {
    const reason = !row ? "unknown_email" : !ok ? "wrong_password" : `user_${row.user.status}`;
    await recordAudit(db, {
      action: "auth.login_failed",
      subject: email,
      meta,
      details: { reason },
      ...(row ? { target: { type: "user", id: row.user.id } } : {}),
    });
    if (row && ok && row.user.status === "disabled") {
      throw new AppError("UNAUTHENTICATED", "This account is disabled. Ask an admin to enable it.", {
        details: { reason: "disabled" },
      });
    }
    throw badCredentials();
  }

  const actor = await actorFor(db, row.user, row.organizationType);
  const session = await db.transaction(async (tx) => {
    const s = await createSession(tx, { userId: row.user.id, idleHours: opts.idleHours, ...meta });
    await tx.update(users).set({ lastLoginAt: new Date() }).where(eq(users.id, row.user.id));
    await recordAudit(tx, { action: "auth.login", actor, subject: email, meta });
    return s;
  });
  return { ...session, actor };
}

export async function changePassword(opts: {
  db: Db;
  actor: Actor;
  sessionId: string | null;
  currentPassword: string;
  newPassword: string;
  meta: RequestMeta;
}): Promise<void> {
  const { db, actor } = opts;
  const [user] = await db.select().from(users).where(eq(users.id, actor.id));
  if (!user?.passwordHash || !(await verifyPassword(opts.currentPassword, user.passwordHash))) {
    throw invalid("currentPassword", "The current password is wrong");
  }
  const problems = passwordProblems(opts.newPassword, { email: user.email });
  if (problems.length) throw invalid("newPassword", `The new password ${problems.join("; ")}`);
  if (opts.newPassword === opts.currentPassword) {
    throw invalid("newPassword", "The new password must differ from the current one");
  }
  const passwordHash = await hashPassword(opts.newPassword);
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash, mustChangePassword: false, updatedAt: new Date() })
      .where(eq(users.id, actor.id));
    await deleteUserSessions(tx, actor.id, opts.sessionId ?? undefined);
    await recordAudit(tx, { action: "auth.password_changed", actor, subject: actor.email, meta: opts.meta });
  });
}

/** The invited user behind a token, if the invitation is still valid. */
export async function findInvitation(db: Db, token: string) {
  const [row] = await db
    .select({ user: users, organizationType: organizations.type, organizationName: organizations.nameJa })
    .from(users)
    .innerJoin(organizations, eq(organizations.id, users.organizationId))
    .where(
      and(
        eq(users.inviteTokenHash, sha256(token)),
        eq(users.status, "invited"),
        gt(users.inviteExpiresAt, new Date()),
      ),
    );
  if (!row) {
    throw new AppError(
      "NOT_FOUND",
      "This invitation link is not valid any more. Ask an admin for a new one.",
    );
  }
  return row;
}

export async function acceptInvitation(opts: {
  db: Db;
  token: string;
  password: string;
  meta: RequestMeta;
  idleHours: number;
}): Promise<SignedIn> {
  const { db } = opts;
  const row = await findInvitation(db, opts.token);
  const problems = passwordProblems(opts.password, { email: row.user.email });
  if (problems.length) throw invalid("password", `The password ${problems.join("; ")}`);
  const passwordHash = await hashPassword(opts.password);
  const actor = await actorFor(db, { ...row.user, mustChangePassword: false }, row.organizationType);
  const session = await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({
        passwordHash,
        status: "active",
        inviteTokenHash: null,
        inviteExpiresAt: null,
        mustChangePassword: false,
        lastLoginAt: new Date(),
        updatedAt: new Date(),
      })
      .where(eq(users.id, row.user.id));
    await recordAudit(tx, {
      action: "auth.invitation_accepted",
      actor,
      subject: actor.email,
      meta: opts.meta,
    });
    return createSession(tx, { userId: row.user.id, idleHours: opts.idleHours, ...opts.meta });
  });
  return { ...session, actor };
}
