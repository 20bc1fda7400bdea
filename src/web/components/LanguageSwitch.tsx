import { SegmentedControl } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useLocale, useSetLocale } from "../session";

export function LanguageSwitch({ size = "xs" }: { size?: "xs" | "sm" }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const setLocale = useSetLocale();
  return (
    <SegmentedControl
      size={size}
      aria-label={t("language.label")}
      value={locale}
      onChange={(v) => void setLocale(v === "en" ? "en" : "ja")}
      data={[
        { value: "ja", label: "日本語" },
        { value: "en", label: "English" },
      ]}
    />
  );
}
