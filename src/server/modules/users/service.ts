/**
 * User accounts: an admin creates them (with a temporary password) or invites them (one-time link),
 * assigns roles and organisations, and disables them. The CLI calls the same functions with actor null.
 */
import { and, asc, count, eq, inArray, ne, type SQL, sql } from "drizzle-orm";
import { label, ORG_TYPE_LABELS, ROLE_LABELS } from "../../../shared/labels";
import { isInstitutionType, ROLE_ORG_TYPES, type Role } from "../../../shared/roles";
import { hashPassword, passwordProblems } from "../../auth/password";
import { type Actor, COVERAGE_ROLES } from "../../auth/policy";
import { deleteUserSessions, randomToken, sha256 } from "../../auth/sessions";
import type { Db, DbOrTx } from "../../db/client";
import { areas, organizations, userCoverage, users } from "../../db/schema";
import { conflict, type FieldProblem, invalid, invalidFields, notFound, staleVersion } from "../../errors";
import type { RequestMeta } from "../../http/context";
import { recordAudit } from "../audit/service";
import type { CoverageItem, UserCreateInput, UserListQuery, UserUpdateInput } from "./schemas";

export const INVITE_DAYS = 7;
type UserRow = typeof users.$inferSelect;

async function present(db: DbOrTx, rows: { user: UserRow; orgName: string; orgType: string }[]) {
  const ids = rows.map((r) => r.user.id);
  const cov = ids.length
    ? await db
        .select({
          userId: userCoverage.userId,
          organizationId: userCoverage.organizationId,
          areaCode: userCoverage.areaCode,
          orgName: organizations.nameJa,
          areaName: areas.nameJa,
        })
        .from(userCoverage)
        .leftJoin(organizations, eq(organizations.id, userCoverage.organizationId))
        .leftJoin(areas, eq(areas.code, userCoverage.areaCode))
        .where(inArray(userCoverage.userId, ids))
    : [];
  return rows.map(({ user, orgName, orgType }) => ({
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    role: user.role,
    organizationId: user.organizationId,
    organizationName: orgName,
    organizationType: orgType,
    status: user.status,
    mustChangePassword: user.mustChangePassword,
    locale: user.locale,
    coverage: cov
      .filter((c) => c.userId === user.id)
      .map((c) => ({
        kind: c.organizationId ? ("organization" as const) : ("area" as const),
        organizationId: c.organizationId,
        areaCode: c.areaCode,
        label: c.orgName ?? c.areaName ?? "",
      })),
    isDemo: user.isDemo,
    lastLoginAt: user.lastLoginAt?.toISOString() ?? null,
    createdAt: user.createdAt.toISOString(),
    version: user.version,
  }));
}

const withOrg = { user: users, orgName: organizations.nameJa, orgType: organizations.type };

export async function listUsers(opts: { db: DbOrTx; query: UserListQuery }) {
  const { db, query } = opts;
  const parts: SQL[] = [];
  if (query.role) parts.push(eq(users.role, query.role));
  if (query.status) parts.push(eq(users.status, query.status));
  if (query.organizationId) parts.push(eq(users.organizationId, query.organizationId));
  if (query.q) {
    const q = query.q.trim().toLowerCase();
    parts.push(sql`(strpos(lower(${users.displayName}), ${q}) > 0 or strpos(${users.email}, ${q}) > 0)`);
  }
  const where = parts.length ? and(...parts) : undefined;
  const [total] = await db.select({ n: count() }).from(users).where(where);
  const rows = await db
    .select(withOrg)
    .from(users)
    .innerJoin(organizations, eq(organizations.id, users.organizationId))
    .where(where)
    .orderBy(asc(users.displayName), asc(users.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  return {
    items: await present(db, rows),
    total: Number(total?.n ?? 0),
    page: query.page,
    pageSize: query.pageSize,
  };
}

export async function getUser(opts: { db: DbOrTx; id: string }) {
  const rows = await opts.db
    .select(withOrg)
    .from(users)
    .innerJoin(organizations, eq(organizations.id, users.organizationId))
    .where(eq(users.id, opts.id));
  const [u] = await present(opts.db, rows);
  if (!u) throw notFound("The user");
  return u;
}

/** Checks role ↔ organisation type and the coverage list; returns every problem at once. */
async function checkAssignment(
  db: DbOrTx,
  role: Role,
  organizationId: string,
  coverage: CoverageItem[] | undefined,
) {
  const problems: FieldProblem[] = [];
  const [org] = await db.select().from(organizations).where(eq(organizations.id, organizationId));
  if (!org) problems.push({ field: "organizationId", message: "there is no such organisation" });
  else if (!ROLE_ORG_TYPES[role].includes(org.type)) {
    problems.push({
      field: "organizationId",
      message: `a ${label(ROLE_LABELS, role, "en")} must belong to ${ROLE_ORG_TYPES[role]
        .map((t) => label(ORG_TYPE_LABELS, t, "en"))
        .join(" / ")}, not to ${label(ORG_TYPE_LABELS, org.type, "en")} ${org.nameJa}`,
    });
  }
  if (coverage?.length) {
    if (!COVERAGE_ROLES.includes(role)) {
      problems.push({
        field: "coverage",
        message: `a ${label(ROLE_LABELS, role, "en")} does not cover other institutions or areas`,
      });
    } else {
      const orgIds = coverage.flatMap((c) => (c.kind === "organization" ? [c.organizationId] : []));
      const areaCodes = coverage.flatMap((c) => (c.kind === "area" ? [c.areaCode] : []));
      const foundOrgs = orgIds.length
        ? await db.select().from(organizations).where(inArray(organizations.id, orgIds))
        : [];
      const foundAreas = areaCodes.length
        ? await db.select().from(areas).where(inArray(areas.code, areaCodes))
        : [];
      coverage.forEach((c, i) => {
        if (c.kind === "organization") {
          const o = foundOrgs.find((f) => f.id === c.organizationId);
          if (!o) problems.push({ field: `coverage.${i}`, message: "there is no such organisation" });
          else if (!isInstitutionType(o.type))
            problems.push({ field: `coverage.${i}`, message: `${o.nameJa} is not a university or KOSEN` });
        } else if (!foundAreas.some((a) => a.code === c.areaCode)) {
          problems.push({ field: `coverage.${i}`, message: `there is no area "${c.areaCode}"` });
        }
      });
    }
  }
  if (problems.length) throw invalidFields(problems);
}

async function writeCoverage(db: DbOrTx, userId: string, coverage: CoverageItem[]) {
  await db.delete(userCoverage).where(eq(userCoverage.userId, userId));
  const unique = new Map(
    coverage.map((c) => [c.kind === "organization" ? `org:${c.organizationId}` : `area:${c.areaCode}`, c]),
  );
  if (unique.size) {
    await db.insert(userCoverage).values(
      [...unique].map(([scope, c]) => ({
        userId,
        scope,
        organizationId: c.kind === "organization" ? c.organizationId : null,
        areaCode: c.kind === "area" ? c.areaCode : null,
      })),
    );
  }
}

function newInvitation() {
  const token = randomToken();
  return { token, hash: sha256(token), expiresAt: new Date(Date.now() + INVITE_DAYS * 24 * 3600_000) };
}

export interface CreatedUser {
  user: Awaited<ReturnType<typeof getUser>>;
  inviteToken: string | null;
  inviteExpiresAt: Date | null;
}

export async function createUser(opts: {
  /** The database, or a transaction to join (e.g. an open-call application that creates its account). */
  db: DbOrTx;
  actor: Actor | null;
  input: UserCreateInput;
  meta: RequestMeta | null;
  isDemo?: boolean;
  /** How a user was created without a signed-in actor, for the audit log ("cli", "demo"). */
  via?: string;
}): Promise<CreatedUser> {
  const { db, actor, input } = opts;
  const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.email, input.email));
  if (existing)
    throw conflict(`email: ${input.email} already has an account`, [
      { field: "email", message: "already has an account" },
    ]);
  await checkAssignment(db, input.role, input.organizationId, input.coverage);
  let passwordHash: string | null = null;
  if (input.mode === "password") {
    if (!input.password) throw invalid("password", "is required when you set a password");
    const problems = passwordProblems(input.password, { email: input.email });
    if (problems.length) throw invalid("password", `The password ${problems.join("; ")}`);
    passwordHash = await hashPassword(input.password);
  }
  const invite = input.mode === "invite" ? newInvitation() : null;
  const id = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(users)
      .values({
        email: input.email,
        displayName: input.displayName,
        role: input.role,
        organizationId: input.organizationId,
        status: invite ? "invited" : "active",
        passwordHash,
        mustChangePassword: input.mode === "password" && !opts.isDemo,
        inviteTokenHash: invite?.hash ?? null,
        inviteExpiresAt: invite?.expiresAt ?? null,
        isDemo: opts.isDemo ?? false,
      })
      .returning({ id: users.id });
    if (!row) throw new Error("insert returned nothing");
    if (input.coverage) await writeCoverage(tx, row.id, input.coverage);
    await recordAudit(tx, {
      action: invite ? "user.invited" : "user.created",
      actor,
      subject: input.email,
      target: { type: "user", id: row.id },
      meta: opts.meta,
      details: {
        role: input.role,
        organizationId: input.organizationId,
        ...(actor ? {} : { via: opts.via ?? "cli" }),
      },
    });
    return row.id;
  });
  return {
    user: await getUser({ db, id }),
    inviteToken: invite?.token ?? null,
    inviteExpiresAt: invite?.expiresAt ?? null,
  };
}

async function activeAdminCount(db: DbOrTx, exceptId: string): Promise<number> {
  const [r] = await db
    .select({ n: count() })
    .from(users)
    .where(and(eq(users.role, "admin"), eq(users.status, "active"), ne(users.id, exceptId)));
  return Number(r?.n ?? 0);
}

export async function updateUser(opts: {
  db: Db;
  actor: Actor;
  id: string;
  input: UserUpdateInput;
  meta: RequestMeta;
}) {
  const { db, actor, id, input } = opts;
  const [current] = await db.select().from(users).where(eq(users.id, id));
  if (!current) throw notFound("The user");
  const role = input.role ?? current.role;
  const organizationId = input.organizationId ?? current.organizationId;
  const losesAdmin =
    current.role === "admin" &&
    current.status === "active" &&
    (role !== "admin" || input.status === "disabled");
  if (losesAdmin && (await activeAdminCount(db, id)) === 0) {
    throw conflict("At least one active admin must remain; make someone else admin first");
  }
  if (id === actor.id && input.status === "disabled") throw conflict("You cannot disable your own account");
  if (input.status === "active" && current.status === "invited") {
    throw invalid("status", "an invited user becomes active by accepting the invitation");
  }
  if (input.role !== undefined || input.organizationId !== undefined || input.coverage !== undefined) {
    const keepCoverage =
      input.coverage === undefined && COVERAGE_ROLES.includes(role) ? undefined : (input.coverage ?? []);
    await checkAssignment(db, role, organizationId, keepCoverage);
  }
  await db.transaction(async (tx) => {
    const updated = await tx
      .update(users)
      .set({
        displayName: input.displayName,
        role: input.role,
        organizationId: input.organizationId,
        status: input.status,
        version: current.version + 1,
        updatedAt: new Date(),
      })
      .where(and(eq(users.id, id), eq(users.version, input.version)))
      .returning({ id: users.id });
    if (!updated.length) throw staleVersion("This user");
    if (input.coverage !== undefined) await writeCoverage(tx, id, input.coverage);
    else if (!COVERAGE_ROLES.includes(role)) await writeCoverage(tx, id, []);
    const base = { actor, subject: current.email, target: { type: "user", id }, meta: opts.meta };
    if (input.role && input.role !== current.role) {
      await recordAudit(tx, {
        ...base,
        action: "user.role_changed",
        details: { from: current.role, to: input.role },
      });
      await deleteUserSessions(tx, id);
    }
    if (input.organizationId && input.organizationId !== current.organizationId) {
      await recordAudit(tx, {
        ...base,
        action: "user.organization_changed",
        details: { from: current.organizationId, to: input.organizationId },
      });
    }
    if (input.status && input.status !== current.status) {
      await recordAudit(tx, {
        ...base,
        action: input.status === "disabled" ? "user.disabled" : "user.enabled",
      });
      if (input.status === "disabled") await deleteUserSessions(tx, id);
    }
    if ((input.displayName && input.displayName !== current.displayName) || input.coverage !== undefined) {
      await recordAudit(tx, {
        ...base,
        action: "user.updated",
        details: {
          displayName: input.displayName !== current.displayName ? input.displayName : undefined,
          coverage: input.coverage,
        },
      });
    }
  });
  return getUser({ db, id });
}

export async function reissueInvitation(opts: { db: Db; actor: Actor; id: string; meta: RequestMeta }) {
  const [current] = await opts.db.select().from(users).where(eq(users.id, opts.id));
  if (!current) throw notFound("The user");
  if (current.status !== "invited")
    throw conflict("This user has already accepted; reset the password instead");
  const invite = newInvitation();
  await opts.db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ inviteTokenHash: invite.hash, inviteExpiresAt: invite.expiresAt })
      .where(eq(users.id, opts.id));
    await recordAudit(tx, {
      action: "user.invited",
      actor: opts.actor,
      subject: current.email,
      target: { type: "user", id: opts.id },
      meta: opts.meta,
      details: { reissued: true },
    });
  });
  return { token: invite.token, expiresAt: invite.expiresAt };
}

/** An admin sets a temporary password; the user must change it at the next sign-in. */
export async function resetPassword(opts: {
  db: Db;
  actor: Actor | null;
  id: string;
  password: string;
  meta: RequestMeta | null;
}) {
  const [current] = await opts.db.select().from(users).where(eq(users.id, opts.id));
  if (!current) throw notFound("The user");
  const problems = passwordProblems(opts.password, { email: current.email });
  if (problems.length) throw invalid("password", `The password ${problems.join("; ")}`);
  const passwordHash = await hashPassword(opts.password);
  await opts.db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({
        passwordHash,
        mustChangePassword: opts.actor?.id !== opts.id,
        status: current.status === "invited" ? "active" : current.status,
        inviteTokenHash: null,
        inviteExpiresAt: null,
        version: current.version + 1,
        updatedAt: new Date(),
      })
      .where(eq(users.id, opts.id));
    await deleteUserSessions(tx, opts.id);
    await recordAudit(tx, {
      action: "user.password_reset",
      actor: opts.actor,
      subject: current.email,
      target: { type: "user", id: opts.id },
      meta: opts.meta,
    });
  });
}

/** A user by e-mail (used by the CLI). */
export async function findUserByEmail(db: DbOrTx, email: string) {
  const [u] = await db.select().from(users).where(eq(users.email, email.trim().toLowerCase()));
  return u ?? null;
}
