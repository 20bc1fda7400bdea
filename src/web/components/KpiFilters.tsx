/**
 * The KPI pages' controls, all kept in the URL: the fiscal year (the last ten, with previous/next), 和暦 or
 * 西暦, and the four filters (area, institution, KOSEN block, referral partner type).
 */
import { ActionIcon, Button, Group, Paper, SegmentedControl, Select, SimpleGrid, Text } from "@mantine/core";
import { IconChevronLeft, IconChevronRight, IconFilterOff } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { label, ORG_TYPE_LABELS } from "../../shared/labels";
import { KOSEN_BLOCKS } from "../../shared/regions";
import { institutionLabel } from "../contracts";
import { useFormat } from "../format";
import {
  type Calendar,
  currentFiscalYear,
  FILTER_KEYS,
  type KpiFilters as Filters,
  fiscalYearBoth,
  REFERRAL_TYPES,
  readKpiParams,
  YEARS_OFFERED,
} from "../kpi";
import { useAreas, useCatalogInstitutions } from "../queries";
import { useUrlFilters } from "../url-filters";

/** The KPI state of the page's URL and the way to change it. */
export function useKpiUrl() {
  const url = useUrlFilters();
  const state = readKpiParams(url.params);
  const setYear = (fy: number) => url.set({ fy: fy === currentFiscalYear() ? "" : String(fy) });
  const setCalendar = (c: Calendar) => url.set({ cal: c === "seireki" ? "seireki" : "" });
  const setFilter = (k: keyof Filters, v: string | null) => url.set({ [k]: v ?? "" });
  const clearFilters = () => url.set(Object.fromEntries(FILTER_KEYS.map((k) => [k, ""])));
  return { ...state, url, setYear, setCalendar, setFilter, clearFilters };
}

export type KpiUrl = ReturnType<typeof useKpiUrl>;

/** The fiscal year (select with previous/next) and 和暦/西暦. */
export function KpiYearSwitch({ state }: { state: KpiUrl }) {
  const { t } = useTranslation();
  const { locale } = useFormat();
  const current = currentFiscalYear();
  const years = Array.from({ length: YEARS_OFFERED }, (_, i) => current - i);
  const { fy, calendar } = state;
  if (!years.includes(fy)) years.push(fy);
  return (
    <Group gap="xs" align="flex-end" wrap="wrap">
      <ActionIcon
        variant="default"
        size="lg"
        mb={1}
        aria-label={t("kpi.previousYear")}
        title={t("kpi.previousYear")}
        disabled={fy <= current - YEARS_OFFERED + 1}
        onClick={() => state.setYear(fy - 1)}
      >
        <IconChevronLeft size={18} />
      </ActionIcon>
      <Select
        label={t("kpi.fiscalYear")}
        data={years
          .sort((a, b) => b - a)
          .map((y) => ({
            value: String(y),
            label: `${fiscalYearBoth(y, locale, calendar)}${y === current ? `　${t("kpi.currentYear")}` : ""}`,
          }))}
        value={String(fy)}
        onChange={(v) => v && state.setYear(Number(v))}
        allowDeselect={false}
        w={300}
        data-testid="kpi-year"
      />
      <ActionIcon
        variant="default"
        size="lg"
        mb={1}
        aria-label={t("kpi.nextYear")}
        title={t("kpi.nextYear")}
        disabled={fy >= current}
        onClick={() => state.setYear(fy + 1)}
      >
        <IconChevronRight size={18} />
      </ActionIcon>
      <div>
        <Text size="sm" fw={500} mb={2}>
          {t("kpi.calendar")}
        </Text>
        <SegmentedControl
          data={[
            { value: "wareki", label: t("kpi.wareki") },
            { value: "seireki", label: t("kpi.seireki") },
          ]}
          value={calendar}
          onChange={(v) => state.setCalendar(v as Calendar)}
          aria-label={t("kpi.calendar")}
        />
      </div>
    </Group>
  );
}

/** The four filters; with any set, a button clears them. */
export function KpiFilterBar({ state }: { state: KpiUrl }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const areas = useAreas();
  const institutions = useCatalogInstitutions();
  const { filters } = state;
  const any = FILTER_KEYS.some((k) => filters[k]);
  return (
    <Paper withBorder p="sm">
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 5 }} spacing="sm">
        <Select
          label={t("kpi.filters.area")}
          data={(areas.data ?? []).map((a) => ({
            value: a.code,
            label: fmt.locale === "ja" ? a.nameJa : a.nameEn,
          }))}
          value={filters.area ?? null}
          onChange={(v) => state.setFilter("area", v)}
          placeholder={t("kpi.filters.any")}
          clearable
        />
        <Select
          label={t("kpi.filters.institution")}
          data={(institutions.data ?? [])
            .filter((i) => i.type === "university" || i.type === "kosen")
            .map((i) => ({ value: i.id, label: institutionLabel(i, fmt.locale) }))}
          value={filters.institution ?? null}
          onChange={(v) => state.setFilter("institution", v)}
          placeholder={t("kpi.filters.any")}
          searchable
          clearable
        />
        <Select
          label={t("kpi.filters.kosenBlock")}
          data={KOSEN_BLOCKS.map((b) => ({ value: b.code, label: b[fmt.locale] }))}
          value={filters.kosenBlock ?? null}
          onChange={(v) => state.setFilter("kosenBlock", v)}
          placeholder={t("kpi.filters.any")}
          clearable
        />
        <Select
          label={t("kpi.filters.referralType")}
          data={REFERRAL_TYPES.map((r) => ({
            value: r,
            label: r === "direct" ? t("kpi.breakdown.direct") : label(ORG_TYPE_LABELS, r, fmt.locale),
          }))}
          value={filters.referralType ?? null}
          onChange={(v) => state.setFilter("referralType", v)}
          placeholder={t("kpi.filters.any")}
          clearable
        />
        <Group align="flex-end">
          <Button
            variant="subtle"
            leftSection={<IconFilterOff size={16} />}
            disabled={!any}
            onClick={state.clearFilters}
          >
            {t("kpi.filters.clear")}
          </Button>
        </Group>
      </SimpleGrid>
      {(filters.institution || filters.kosenBlock) && (
        <Text size="xs" c="dimmed" mt="xs">
          {t("kpi.filters.needsNote")}
        </Text>
      )}
    </Paper>
  );
}
