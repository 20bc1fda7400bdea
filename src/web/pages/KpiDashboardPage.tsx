/**
 * The KPI dashboard (/kpi): a fiscal year (the last ten) in 和暦 or 西暦, filters, the four programme KPIs
 * against their targets with five-year trends and their exact definitions, the baseline with the FY2018
 * reference line, breakdowns of ①–③, the annual report, and for admins targets and freezing. The year,
 * calendar, filters and breakdown dimension live in the URL; every number opens the records behind it.
 */
import { Alert, Badge, Button, Group, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { IconFileSpreadsheet, IconFileTypeCsv, IconInfoCircle } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { ErrorAlert, PageLoader } from "../components/feedback";
import { KpiAdmin, KpiFreezeNote } from "../components/KpiAdmin";
import { KpiCard } from "../components/KpiCard";
import { KpiFilterBar, KpiYearSwitch, useKpiUrl } from "../components/KpiFilters";
import { KpiBaseline, KpiBreakdowns } from "../components/KpiSections";
import { BREAKDOWNS, type Breakdown, FILTER_KEYS, reportHref, useKpiDashboard } from "../kpi";

export function KpiDashboardPage() {
  const { t } = useTranslation();
  const state = useKpiUrl();
  const { fy, calendar, filters, url } = state;
  const dashboard = useKpiDashboard(fy, filters);
  const data = dashboard.data;
  const byParam = url.get("by");
  const by: Breakdown = (BREAKDOWNS as readonly string[]).includes(byParam) ? (byParam as Breakdown) : "area";
  const filtered = FILTER_KEYS.some((k) => filters[k]);

  return (
    <Stack maw={1400}>
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={2}>{t("kpi.title")}</Title>
          <Text size="sm" c="dimmed">
            {t("kpi.subtitle")}
          </Text>
        </div>
        <Stack gap={4} align="flex-end">
          <Group gap="xs">
            <Text size="sm" fw={600}>
              {t("kpi.report.title")}
            </Text>
            <Button
              component="a"
              href={reportHref(fy, "xlsx", filters)}
              download
              variant="default"
              leftSection={<IconFileSpreadsheet size={16} />}
              data-testid="kpi-report-xlsx"
            >
              {t("kpi.report.xlsx")}
            </Button>
            <Button
              component="a"
              href={reportHref(fy, "csv", filters)}
              download
              variant="default"
              leftSection={<IconFileTypeCsv size={16} />}
              data-testid="kpi-report-csv"
            >
              {t("kpi.report.csv")}
            </Button>
          </Group>
          {filtered && (
            <Text size="xs" c="dimmed">
              {t("kpi.report.note")}
            </Text>
          )}
        </Stack>
      </Group>
      <Group justify="space-between" align="flex-end">
        <KpiYearSwitch state={state} />
        {data && (
          <Badge variant="light" color={data.closed ? "gray" : "teal"} size="lg">
            {data.closed ? t("kpi.closedYear") : t("kpi.openYear")}
          </Badge>
        )}
      </Group>
      <KpiFilterBar state={state} />
      <ErrorAlert error={dashboard.error} />
      {dashboard.isLoading || !data ? (
        !dashboard.error && <PageLoader />
      ) : (
        <>
          <KpiFreezeNote data={data} calendar={calendar} />
          <Alert variant="light" color="indigo" icon={<IconInfoCircle size={18} />} p="xs">
            <Text size="xs">{t("kpi.concluded")}</Text>
          </Alert>
          <SimpleGrid
            cols={{ base: 1, sm: 2, xl: 4 }}
            spacing="md"
            data-testid="kpi-cards"
            style={{ opacity: dashboard.isPlaceholderData ? 0.6 : 1 }}
          >
            {data.kpis.map((k) => (
              <KpiCard key={k.code} kpi={k} fy={data.fiscalYear} calendar={calendar} filters={filters} />
            ))}
          </SimpleGrid>
          <KpiBaseline data={data} fy={data.fiscalYear} calendar={calendar} filters={filters} />
          <KpiBreakdowns
            data={data}
            fy={data.fiscalYear}
            calendar={calendar}
            filters={filters}
            by={by}
            onBy={(b) => url.set({ by: b === "area" ? "" : b })}
          />
          <KpiAdmin data={data} calendar={calendar} />
        </>
      )}
    </Stack>
  );
}
