/**
 * The signed-in user (TanStack Query key ["me"]), the language switch and sign-out.
 */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { Locale } from "../shared/dates";
import { ApiError, api, type Me, setCsrfToken } from "./api";
import i18n, { rememberLocale, storedLocale } from "./i18n";

export async function fetchMe(): Promise<Me | null> {
  try {
    const me = await api<Me>("/api/auth/me");
    setCsrfToken(me.csrfToken);
    return me;
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) return null;
    throw e;
  }
}

export function useMe() {
  return useQuery({ queryKey: ["me"], queryFn: fetchMe, staleTime: 60_000, retry: false });
}

/** After sign-in: this browser's remembered language wins; a new browser takes the account's. */
export async function applySignedIn(me: Me) {
  setCsrfToken(me.csrfToken);
  const local = storedLocale();
  if (local && local !== me.user.locale) {
    await api("/api/auth/preferences", { method: "PATCH", body: { locale: local } });
  } else if (!local) {
    rememberLocale(me.user.locale);
    await i18n.changeLanguage(me.user.locale);
  }
}

export function usePermissions() {
  const { data } = useMe();
  const list = data?.permissions ?? [];
  return (p: string) => list.includes(p);
}

export function useLocale(): Locale {
  const { i18n: inst } = useTranslation();
  return inst.language === "en" ? "en" : "ja";
}

export function useSetLocale() {
  const qc = useQueryClient();
  return async (locale: Locale) => {
    rememberLocale(locale);
    await i18n.changeLanguage(locale);
    const me = qc.getQueryData<Me | null>(["me"]);
    if (me) {
      await api("/api/auth/preferences", { method: "PATCH", body: { locale } }).catch(() => undefined);
      qc.setQueryData(["me"], { ...me, user: { ...me.user, locale } });
    }
  };
}

export function useSignOut() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api("/api/auth/logout", { method: "POST" }),
    onSettled: () => {
      setCsrfToken("");
      qc.clear();
      qc.setQueryData(["me"], null);
    },
  });
}
