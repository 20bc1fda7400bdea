/**
 * The live researchmap client: reads one researcher's profile and item lists from the public read API
 * (no key needed). `GET {base}/{permalink}` is the profile; `GET {base}/{permalink}/{type}?limit=&start=`
 * a page of a list (`start` is 1-based, as in researchmap's WebAPI specification); pages are read until
 * `total_items` items have arrived. One retry on 429/5xx, honouring Retry-After up to a few seconds.
 */

export const RESEARCHMAP_API_BASE = "https://api.researchmap.jp";

export const RESEARCHMAP_LIST_TYPES = [
  "research_areas",
  "research_interests",
  "published_papers",
  "research_projects",
  "industrial_property_rights",
] as const;
export type ResearchmapListType = (typeof RESEARCHMAP_LIST_TYPES)[number];

export class ResearchmapFetchError extends Error {
  readonly permalink: string;
  /** HTTP status, or null for a timeout, a network error or a body that is not JSON. */
  readonly status: number | null;
  readonly url: string;
  constructor(message: string, permalink: string, status: number | null, url: string) {
    super(message);
    this.name = "ResearchmapFetchError";
    this.permalink = permalink;
    this.status = status;
    this.url = url;
  }
}

export interface FetchResearchmapOptions {
  baseUrl: string;
  permalink: string;
  /** Items per page (researchmap allows up to 1000). Default 100. */
  pageSize?: number;
  /** Per request. Default 15 s. */
  timeoutMs?: number;
  fetchImpl?: typeof fetch;
  /** Longest wait before the one retry (Retry-After is capped to this). Default 5 s. */
  maxRetryWaitMs?: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function retryDelay(res: Response, cap: number): number {
  const h = res.headers.get("retry-after");
  let ms = 500;
  if (h !== null) {
    const secs = Number(h);
    if (Number.isFinite(secs)) ms = secs * 1000;
    else {
      const at = Date.parse(h);
      if (!Number.isNaN(at)) ms = at - Date.now();
    }
  }
  return Math.min(Math.max(ms, 0), cap);
}

function statusText(status: number): string {
  if (status === 429) return "too many requests (HTTP 429)";
  if (status >= 500) return `researchmap server error (HTTP ${status})`;
  return `HTTP ${status}`;
}

export async function fetchResearchmapResearcher(
  opts: FetchResearchmapOptions,
): Promise<{ profile: unknown; lists: Record<ResearchmapListType, unknown[]> }> {
  const base = opts.baseUrl.replace(/\/+$/, "");
  const permalink = opts.permalink.trim();
  const pageSize = Math.min(Math.max(Math.trunc(opts.pageSize ?? 100), 1), 1000);
  const timeoutMs = opts.timeoutMs ?? 15_000;
  const maxWait = opts.maxRetryWaitMs ?? 5_000;
  const doFetch = opts.fetchImpl ?? fetch;
  const who = `researchmap permalink "${permalink}"`;
  if (permalink === "")
    throw new ResearchmapFetchError("no researchmap permalink given", permalink, null, base);

  /** JSON of a URL; null for 404. */
  async function getJson(url: string): Promise<unknown> {
    for (let attempt = 0; ; attempt++) {
      const ac = new AbortController();
      const timer = setTimeout(() => ac.abort(), timeoutMs);
      let res: Response;
      let body: string;
      try {
        res = await doFetch(url, {
          headers: { accept: "application/ld+json, application/json" },
          signal: ac.signal,
        });
        body = await res.text();
      } catch (e) {
        if (ac.signal.aborted) {
          throw new ResearchmapFetchError(
            `researchmap did not answer within ${timeoutMs} ms for ${who} (${url})`,
            permalink,
            null,
            url,
          );
        }
        const reason = e instanceof Error ? e.message : String(e);
        throw new ResearchmapFetchError(
          `cannot reach researchmap for ${who}: ${reason} (${url})`,
          permalink,
          null,
          url,
        );
      } finally {
        clearTimeout(timer);
      }
      if ((res.status === 429 || res.status >= 500) && attempt === 0) {
        await sleep(retryDelay(res, maxWait));
        continue;
      }
      if (res.status === 404) return null;
      if (!res.ok) {
        throw new ResearchmapFetchError(
          `researchmap refused the request for ${who}: ${statusText(res.status)} (${url})`,
          permalink,
          res.status,
          url,
        );
      }
      try {
        return JSON.parse(body);
      } catch {
        throw new ResearchmapFetchError(
          `researchmap answered with something that is not JSON for ${who} (${url})`,
          permalink,
          res.status,
          url,
        );
      }
    }
  }

  const profileUrl = `${base}/${encodeURIComponent(permalink)}`;
  const profile = await getJson(profileUrl);
  const apiError =
    typeof profile === "object" && profile !== null && "error" in profile && !("@id" in profile);
  if (profile === null || apiError) {
    throw new ResearchmapFetchError(
      `researchmap has no researcher with ${who} (HTTP 404 at ${profileUrl})`,
      permalink,
      404,
      profileUrl,
    );
  }

  const lists = {} as Record<ResearchmapListType, unknown[]>;
  for (const type of RESEARCHMAP_LIST_TYPES) {
    const items: unknown[] = [];
    let start = 1;
    for (let page = 0; page < 10_000; page++) {
      const url = `${profileUrl}/${type}?limit=${pageSize}&start=${start}`;
      const data = await getJson(url);
      // 404 on a list of an existing researcher: the list is empty.
      if (data === null) break;
      const o = typeof data === "object" && data !== null ? (data as Record<string, unknown>) : {};
      const batch = Array.isArray(o.items) ? o.items : Array.isArray(data) ? data : [];
      const total = typeof o.total_items === "number" ? o.total_items : Number(o.total_items);
      items.push(...batch);
      start += batch.length;
      if (batch.length === 0) break;
      // Without total_items, a short page is the last one.
      if (Number.isFinite(total) ? items.length >= total : batch.length < pageSize) break;
    }
    lists[type] = items;
  }
  return { profile, lists };
}
