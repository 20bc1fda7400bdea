/**
 * The one error type of the domain. Domain code throws AppError with a stable code; the HTTP boundary
 * (http/errors.ts) maps the code to a status. Never map errors by their message text.
 */
export type ErrorCode =
  | "VALIDATION"
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "CONFLICT"
  | "RATE_LIMITED"
  | "UNAVAILABLE";

export interface FieldProblem {
  /** The field (dot path) or row the problem is about, e.g. `corporateNumber` or `row 12`. */
  field: string;
  message: string;
}

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly options: {
      fields?: FieldProblem[];
      retryAfterSeconds?: number;
      details?: Record<string, unknown>;
    } = {},
  ) {
    super(message);
    this.name = "AppError";
  }

  get fields(): FieldProblem[] | undefined {
    return this.options.fields;
  }
}

export const notFound = (what: string) => new AppError("NOT_FOUND", `${what} was not found`);
export const forbidden = (message = "You are not allowed to do this") => new AppError("FORBIDDEN", message);
export const conflict = (message: string, fields?: FieldProblem[]) =>
  new AppError("CONFLICT", message, fields ? { fields } : {});
/**
 * A 400 naming every field at fault; the message lists them all. `details`: stable facts for clients
 * (e.g. a reason code per field), beside the prose.
 */
export const invalidFields = (problems: FieldProblem[], details?: Record<string, unknown>) =>
  new AppError("VALIDATION", problems.map((p) => `${p.field}: ${p.message}`).join("; "), {
    fields: problems,
    ...(details ? { details } : {}),
  });
export const invalid = (field: string, message: string) => invalidFields([{ field, message }]);

/** The stale-version conflict used by every versioned record (optimistic concurrency). */
export const staleVersion = (what: string) =>
  new AppError(
    "CONFLICT",
    `${what} was changed by someone else since you opened it. Reload to see their changes, then apply yours again.`,
    { details: { reason: "stale_version" } },
  );
