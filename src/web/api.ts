/**
 * The API client: JSON over fetch with the session cookie, the CSRF token on changes, and errors as
 * ApiError carrying the server's stable code and the fields at fault.
 */
export interface FieldProblem {
  field: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: FieldProblem[] = [],
    readonly details: Record<string, unknown> = {},
    /** From a 429's Retry-After header: when the server takes the request again. */
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(message);
  }
}

let csrfToken = "";
export function setCsrfToken(token: string) {
  csrfToken = token;
}

export async function api<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const method = init.method ?? "GET";
  const headers: Record<string, string> = { accept: "application/json" };
  if (init.body !== undefined) headers["content-type"] = "application/json";
  if (method !== "GET" && csrfToken) headers["x-csrf-token"] = csrfToken;
  const res = await fetch(path, {
    method,
    headers,
    credentials: "same-origin",
    ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
  });
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  let data: unknown = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    // not JSON (a proxy error page); reported below
  }
  if (!res.ok) {
    const e = (
      data as {
        error?: { code: string; message: string; fields?: FieldProblem[]; details?: Record<string, unknown> };
      }
    )?.error;
    const retryAfter = Number(res.headers.get("retry-after"));
    throw new ApiError(
      res.status,
      e?.code ?? "HTTP",
      e?.message ?? `HTTP ${res.status}`,
      e?.fields ?? [],
      e?.details ?? {},
      Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null,
    );
  }
  return data as T;
}

/** A multipart upload (files); same error handling as api(). */
export async function apiUpload<T>(path: string, form: FormData): Promise<T> {
  const res = await fetch(path, {
    method: "POST",
    body: form,
    credentials: "same-origin",
    headers: { accept: "application/json", ...(csrfToken ? { "x-csrf-token": csrfToken } : {}) },
  });
  const data = (await res.json().catch(() => null)) as {
    error?: { code: string; message: string; fields?: FieldProblem[] };
  } | null;
  if (!res.ok)
    throw new ApiError(
      res.status,
      data?.error?.code ?? "HTTP",
      data?.error?.message ?? `HTTP ${res.status}`,
      data?.error?.fields ?? [],
    );
  return data as T;
}

/** A query string from an object, leaving out empty values. */
export function qs(params: Record<string, string | number | undefined | null | string[]>): string {
  const u = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === null || v === "" || (Array.isArray(v) && v.length === 0)) continue;
    u.set(k, Array.isArray(v) ? v.join(",") : String(v));
  }
  const s = u.toString();
  return s ? `?${s}` : "";
}

// Response types are inferred from the server's zod schemas (type-only imports: nothing is bundled).
type Out<T extends import("zod").ZodType> = import("zod").output<T>;
type OrgSchemas = typeof import("../server/modules/organizations/schemas");
type UserSchemas = typeof import("../server/modules/users/schemas");

export type Organization = Out<OrgSchemas["OrganizationSchema"]>;
export type OrganizationDetail = Out<OrgSchemas["OrganizationDetailSchema"]>;
export type Area = Out<OrgSchemas["AreaSchema"]>;
export type User = Out<UserSchemas["UserSchema"]>;
export type Me = import("../server/auth/routes").MeResponse;
type CatalogSchemas = typeof import("../server/modules/catalog/schemas");
export type SeedCard = Out<CatalogSchemas["SeedCardSchema"]>;
export type SeedDetail = Out<CatalogSchemas["SeedDetailSchema"]>;
export type ResearcherCard = Out<CatalogSchemas["ResearcherCardSchema"]>;
export type ResearcherDetail = Out<CatalogSchemas["ResearcherDetailSchema"]>;
export type Revision = Out<CatalogSchemas["RevisionSchema"]>;
export interface CatalogInstitution {
  id: string;
  type: string;
  nameJa: string;
  shortNameJa: string | null;
  nameEn: string | null;
  shortNameEn: string | null;
  areaCode: string | null;
  kosenBlock: string | null;
  prefecture: number | null;
}
type NeedSchemas = typeof import("../server/modules/needs/schemas");
export type NeedCard = Out<NeedSchemas["NeedCardSchema"]>;
export type NeedDetail = Out<NeedSchemas["NeedDetailSchema"]>;
export type NeedList = Out<NeedSchemas["NeedListSchema"]>;
export type NeedSubmitted = Out<NeedSchemas["NeedSubmittedSchema"]>;
export type ViewerOption = Out<NeedSchemas["ViewerOptionSchema"]>;
type MailService = typeof import("../server/modules/mail/service");
export type MailList = Awaited<ReturnType<MailService["listOutbox"]>>;
export type Mail = MailList["items"][number];
export type MailDetail = Awaited<ReturnType<MailService["getMail"]>>;
export type AuditEvent = import("../server/modules/audit/routes").AuditEventResponse;

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}
type MatchSchemas = typeof import("../server/modules/matching/schemas");
export type MatchAnswer = Out<MatchSchemas["MatchAnswerSchema"]>;
export type NeedSuggestions = Out<MatchSchemas["SuggestionsSchema"]>;
export type Inquiry = Out<MatchSchemas["InquirySchema"]>;
export type FittingNeed = Out<MatchSchemas["FittingNeedSchema"]>;
export type Synonym = Out<MatchSchemas["SynonymSchema"]>;
