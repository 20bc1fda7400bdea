import { z } from "@hono/zod-openapi";
import { ROLES, USER_STATUSES } from "../../../shared/roles";

export const CoverageItem = z
  .union([
    z.object({ kind: z.literal("organization"), organizationId: z.uuid() }),
    z.object({ kind: z.literal("area"), areaCode: z.string().min(1).max(40) }),
  ])
  .openapi("Coverage");
export type CoverageItem = z.infer<typeof CoverageItem>;

export const UserSchema = z
  .object({
    id: z.uuid(),
    email: z.string(),
    displayName: z.string(),
    role: z.enum(ROLES),
    organizationId: z.uuid(),
    organizationName: z.string(),
    organizationType: z.string(),
    status: z.enum(USER_STATUSES),
    mustChangePassword: z.boolean(),
    locale: z.enum(["ja", "en"]),
    coverage: z.array(
      z.object({
        kind: z.enum(["organization", "area"]),
        organizationId: z.uuid().nullable(),
        areaCode: z.string().nullable(),
        label: z.string(),
      }),
    ),
    isDemo: z.boolean(),
    lastLoginAt: z.string().nullable(),
    createdAt: z.string(),
    version: z.number().int(),
  })
  .openapi("User");

export const UserListQuery = z.object({
  q: z.string().max(100).optional().openapi({ description: "Name or e-mail" }),
  role: z.enum(ROLES).optional(),
  status: z.enum(USER_STATUSES).optional(),
  organizationId: z.uuid().optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type UserListQuery = z.infer<typeof UserListQuery>;

export const UserListSchema = z
  .object({
    items: z.array(UserSchema),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  })
  .openapi("UserList");

const email = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ message: "must be an e-mail address such as name@example.jp" }).max(254));
const displayName = z.string().trim().min(1, "is required").max(100);

export const UserCreateBody = z
  .object({
    email,
    displayName,
    role: z.enum(ROLES),
    organizationId: z.uuid({ message: "choose an organisation" }),
    mode: z.enum(["invite", "password"]).openapi({
      description:
        "invite: the user sets a password from a one-time link; password: a temporary password the user must change at first sign-in",
    }),
    password: z.string().max(200).optional(),
    coverage: z.array(CoverageItem).max(100).optional(),
  })
  .openapi("UserCreate");
export type UserCreateInput = z.infer<typeof UserCreateBody>;

export const UserCreatedSchema = z
  .object({ user: UserSchema, inviteUrl: z.string().nullable(), inviteExpiresAt: z.string().nullable() })
  .openapi("UserCreated");

export const UserUpdateBody = z
  .object({
    version: z.number().int().min(1),
    displayName: displayName.optional(),
    role: z.enum(ROLES).optional(),
    organizationId: z.uuid().optional(),
    status: z.enum(["active", "disabled"]).optional(),
    coverage: z.array(CoverageItem).max(100).optional(),
  })
  .openapi("UserUpdate");
export type UserUpdateInput = z.infer<typeof UserUpdateBody>;

export const PasswordResetBody = z.object({ password: z.string().min(1, "is required").max(200) });
export const InvitationSchema = z
  .object({ inviteUrl: z.string(), inviteExpiresAt: z.string() })
  .openapi("Invitation");
