/** Locale-aware display helpers for the UI, built on the shared date and money modules. */
import { fiscalYearOf, formatDate, formatDateTime, formatFiscalYear } from "../shared/dates";
import { label, ORG_TYPE_LABELS } from "../shared/labels";
import { KOSEN_BLOCKS, prefectureByCode } from "../shared/regions";
import type { OrgType } from "../shared/roles";
import { FIELDS } from "../shared/seeds";
import type { Area } from "./api";
import { useLocale } from "./session";

export function useFormat() {
  const locale = useLocale();
  return {
    locale,
    date: (d: string | Date) => formatDate(d, locale),
    dateTime: (d: string | Date) => formatDateTime(d),
    fiscalYear: (fy: number) => formatFiscalYear(fy, locale, { both: true }),
    currentFiscalYear: () => formatFiscalYear(fiscalYearOf(new Date()), locale, { both: true }),
    orgType: (t: OrgType) => label(ORG_TYPE_LABELS, t, locale),
    prefecture: (code: number | null | undefined) => prefectureByCode(code)?.[locale] ?? "—",
    block: (code: string | null | undefined) => KOSEN_BLOCKS.find((b) => b.code === code)?.[locale] ?? "—",
    area: (areas: Area[] | undefined, code: string | null | undefined) => {
      const a = areas?.find((x) => x.code === code);
      return a ? (locale === "ja" ? a.nameJa : a.nameEn) : "—";
    },
    /**
     * The text in the viewer's language, else the other one. `fallback` tells the UI that it shows the
     * other language (to say so).
     */
    pick: (ja: string | null | undefined, en: string | null | undefined) => {
      const first = locale === "en" ? en : ja;
      const second = locale === "en" ? ja : en;
      return first ? { text: first, fallback: false } : { text: second ?? "", fallback: !!second };
    },
    field: (code: string) => FIELDS.find((f) => f.code === code)?.[locale] ?? code,
    /** Japanese name first in Japanese, English name first (when there is one) in English. */
    orgName: (o: { nameJa: string; nameEn: string | null }) =>
      locale === "en" && o.nameEn ? o.nameEn : o.nameJa,
  };
}
