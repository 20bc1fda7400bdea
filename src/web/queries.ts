/** Shared queries used by several pages. */
import { useQuery } from "@tanstack/react-query";
import { INITIAL_AREAS } from "../shared/regions";
import { ApiError, type Area, api, type CatalogInstitution, type Organization, type Page, qs } from "./api";
import { useMe } from "./session";

/**
 * The platform's areas. GET /api/areas answers signed-in users only; without an account (the public
 * catalogue and needs form) the reference list the database starts from stands in (no counts).
 */
export function useAreas() {
  const signedIn = !!useMe().data;
  return useQuery({
    queryKey: ["areas", signedIn],
    queryFn: async () => {
      try {
        return await api<Area[]>("/api/areas");
      } catch (e) {
        if (!(e instanceof ApiError && e.status === 401)) throw e;
        return INITIAL_AREAS.map(
          (a): Area => ({ code: a.code, nameJa: a.ja, nameEn: a.en, status: a.status, institutionCount: 0 }),
        );
      }
    },
    staleTime: 5 * 60_000,
  });
}

export function useCatalogInstitutions() {
  return useQuery({
    queryKey: ["catalog", "institutions"],
    queryFn: () => api<CatalogInstitution[]>("/api/catalog/institutions"),
    staleTime: 10 * 60_000,
  });
}

/** Organisations of some types, searched by name on the server (for pickers). */
export function useOrganizationOptions(types: readonly string[], search: string) {
  return useQuery({
    queryKey: ["organizations", "options", types.join(","), search],
    queryFn: () =>
      api<Page<Organization>>(
        `/api/organizations${qs({ type: [...types], q: search, pageSize: 100, sort: "name" })}`,
      ),
    enabled: types.length > 0,
  });
}
