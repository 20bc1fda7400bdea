/**
 * i18next with Japanese by default and English by a switch that is remembered: in this browser
 * (localStorage) and, when signed in, in the account (so another browser starts in the same language).
 */
import i18n from "i18next";
import { initReactI18next } from "react-i18next";
import type { Locale } from "../../shared/dates";
import { en } from "./en";
import { ja } from "./ja";

const KEY = "kyoso.locale";

export function storedLocale(): Locale | null {
  const v = typeof localStorage !== "undefined" ? localStorage.getItem(KEY) : null;
  return v === "ja" || v === "en" ? v : null;
}

export function rememberLocale(locale: Locale) {
  localStorage.setItem(KEY, locale);
}

void i18n.use(initReactI18next).init({
  resources: { ja: { translation: ja }, en: { translation: en } },
  lng: storedLocale() ?? "ja",
  fallbackLng: "ja",
  interpolation: { escapeValue: false },
  returnNull: false,
});

function syncHtmlLang(lng: string) {
  document.documentElement.lang = lng;
}
syncHtmlLang(i18n.language);
i18n.on("languageChanged", syncHtmlLang);

export default i18n;
