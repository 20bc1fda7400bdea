/**
 * Every API route is declared with `defineRoute(access, config)`: the access it needs (checked before
 * validation, by one middleware that asks the policy module) and its zod request/response schemas, from
 * which the OpenAPI document is generated. The access also appears in the document as `x-kyoso-access`.
 */
import { createRoute, OpenAPIHono, type RouteConfig } from "@hono/zod-openapi";
import { createMiddleware } from "hono/factory";
import { type Access, can } from "../auth/policy";
import { AppError } from "../errors";
import type { AppEnv } from "./context";
import { ErrorSchema, validationResponse } from "./errors";

export function requireAccess(access: Access) {
  return createMiddleware<AppEnv>(async (c, next) => {
    if (access === "public") return next();
    const actor = c.get("actor");
    if (!actor) throw new AppError("UNAUTHENTICATED", "Sign in first");
    if (actor.mustChangePassword && access !== "account:self") {
      throw new AppError("FORBIDDEN", "Change your password before you continue", {
        details: { reason: "password_change_required" },
      });
    }
    if (!can(actor, access)) throw new AppError("FORBIDDEN", "You are not allowed to do this");
    return next();
  });
}

const errorResponse = (description: string) => ({
  content: { "application/json": { schema: ErrorSchema } },
  description,
});

export function defineRoute<const R extends Omit<RouteConfig, "middleware">>(access: Access, config: R) {
  return createRoute({
    ...config,
    middleware: [requireAccess(access)] as const,
    "x-kyoso-access": access,
    ...(access === "public" ? {} : { security: [{ session: [] }] }),
    responses: {
      400: errorResponse("Invalid input: the fields at fault are named"),
      ...(access === "public"
        ? {}
        : { 401: errorResponse("Not signed in"), 403: errorResponse("Not allowed for your role") }),
      ...config.responses,
    },
  });
}

export const jsonContent = <T>(schema: T, description: string) => ({
  content: { "application/json": { schema } },
  description,
});

/** A router for one feature module; invalid requests get the standard VALIDATION error naming each field. */
export function newRouter() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      if (!result.success) return validationResponse(c, result.error);
    },
  });
}
