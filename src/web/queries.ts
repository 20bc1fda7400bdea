/** Shared queries used by several pages. */
import { useQuery } from "@tanstack/react-query";
import { type Area, api, type CatalogInstitution } from "./api";

export function useAreas() {
  return useQuery({ queryKey: ["areas"], queryFn: () => api<Area[]>("/api/areas"), staleTime: 5 * 60_000 });
}

export function useCatalogInstitutions() {
  return useQuery({
    queryKey: ["catalog", "institutions"],
    queryFn: () => api<CatalogInstitution[]>("/api/catalog/institutions"),
    staleTime: 10 * 60_000,
  });
}
