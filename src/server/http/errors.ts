/**
 * The one boundary where errors become HTTP responses: AppError codes map to statuses; zod validation
 * failures become VALIDATION with the fields named; anything else is a logged, generic 500.
 */

import { z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { ZodError } from "zod";
import { AppError, type ErrorCode, type FieldProblem } from "../errors";

const STATUS: Record<ErrorCode, ContentfulStatusCode> = {
  VALIDATION: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
};

export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: "VALIDATION" }),
      message: z.string(),
      fields: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
      details: z.record(z.string(), z.unknown()).optional(),
    }),
  })
  .openapi("Error");

export function errorBody(
  code: string,
  message: string,
  fields?: FieldProblem[],
  details?: Record<string, unknown>,
) {
  return { error: { code, message, ...(fields ? { fields } : {}), ...(details ? { details } : {}) } };
}

export function zodFields(error: ZodError): FieldProblem[] {
  return error.issues.map((i) => ({
    field: i.path.length ? i.path.join(".") : "(body)",
    message: i.message,
  }));
}

export function validationResponse(c: Context, error: ZodError) {
  const fields = zodFields(error);
  const message = fields.map((f) => `${f.field}: ${f.message}`).join("; ");
  return c.json(errorBody("VALIDATION", message, fields), 400);
}

export function handleError(err: Error, c: Context) {
  if (err instanceof AppError) {
    if (err.options.retryAfterSeconds) c.header("Retry-After", String(err.options.retryAfterSeconds));
    return c.json(errorBody(err.code, err.message, err.fields, err.options.details), STATUS[err.code]);
  }
  if (err instanceof HTTPException) {
    const status = err.status;
    const code =
      status === 415
        ? "UNSUPPORTED_MEDIA_TYPE"
        : status === 413
          ? "TOO_LARGE"
          : status === 403
            ? "FORBIDDEN"
            : "BAD_REQUEST";
    return c.json(errorBody(code, err.message || "Bad request"), status as ContentfulStatusCode);
  }
  console.error(`kyoso: unexpected error on ${c.req.method} ${c.req.path}:`, err);
  return c.json(errorBody("INTERNAL", "Something went wrong on the server. The error was logged."), 500);
}
