import type { Actor } from "../auth/policy";
import type { Config } from "../config";
import type { Database } from "../db/client";
import type { SearchCache } from "../modules/catalog/search-cache";

/** Who made a request and from where; passed to domain functions that write the audit log. */
export interface RequestMeta {
  ip: string | null;
  userAgent: string | null;
}

export interface AppDeps {
  database: Database;
  config: Config;
  /** Public catalogue answers (null when KYOSO_SEARCH_CACHE=off); createApp makes one if not given. */
  searchCache?: SearchCache | null;
  /** The outbox's sender loop (the server process has one): woken when a mail is queued. */
  mailSender?: { wake(): void } | null;
}

export type AppEnv = {
  Variables: {
    deps: AppDeps;
    actor: Actor | null;
    sessionId: string | null;
    csrfToken: string | null;
    meta: RequestMeta;
  };
};
