/**
 * One programme KPI of the selected year: the figure (a link to its records), what it is made of, the
 * target and the progress towards it, the five-year trend (each year a link) and exactly what it counts.
 */
import { Anchor, Group, Paper, Progress, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useFormat } from "../format";
import {
  type Calendar,
  drillDownHref,
  fiscalYearLabel,
  formatTarget,
  formatValue,
  type KpiCard as KpiCardData,
  type KpiFilters,
  UNIT,
} from "../kpi";
import { KpiTrendBars } from "./KpiCharts";

export function KpiCard({
  kpi,
  fy,
  calendar,
  filters,
}: {
  kpi: KpiCardData;
  fy: number;
  calendar: Calendar;
  filters: KpiFilters;
}) {
  const { t } = useTranslation();
  const { locale } = useFormat();
  const code = kpi.code;
  const unit = UNIT[code];
  const href = drillDownHref(code, fy, calendar, filters);
  const measure = t(`kpi.measures.${code}`);
  const year = fiscalYearLabel(fy, locale, calendar);
  const text = formatValue(unit, kpi.value, locale, { compact: true });
  const progress = kpi.progress === null ? null : kpi.progress * 100;
  const reached = progress !== null && progress >= 100;

  let parts: string | null = null;
  if (kpi.value !== null) {
    if (code === "kpi2")
      parts = t("kpi.ratioParts", {
        indirect: formatValue("yen", kpi.indirect ?? 0, locale, { compact: true }),
        direct: formatValue("yen", kpi.direct ?? 0, locale, { compact: true }),
      });
    else if (code === "kpi1") parts = t("kpi.contracts", { count: kpi.count });
  }

  return (
    <Paper withBorder p="md" radius="md" data-testid={`kpi-card-${code}`} h="100%">
      <Stack gap="xs" h="100%">
        <Text fw={700} size="sm" mih={42}>
          {measure}
        </Text>
        <div>
          <Anchor
            component={Link}
            to={href}
            underline="hover"
            c={kpi.value === null ? "dimmed" : "indigo.9"}
            fw={800}
            fz={kpi.value === null ? "md" : 30}
            lh={1.15}
            data-testid={`kpi-value-${code}`}
            aria-label={t("kpi.openRows", { measure, year })}
          >
            {text ?? (code === "kpi4" ? t("kpi.kpi4NoData") : t("kpi.noData"))}
          </Anchor>
          {parts && (
            <Anchor component={Link} to={href} display="block" size="xs" c="dimmed" underline="hover" mt={2}>
              {parts}
            </Anchor>
          )}
        </div>
        <div>
          <Group justify="space-between" gap="xs" wrap="nowrap">
            <Text size="xs" c="dimmed">
              {t("kpi.target")}{" "}
              <Text span fw={700} c="dark" data-testid={`kpi-target-${code}`}>
                {formatTarget(code, kpi.target, locale)}
              </Text>
            </Text>
            <Text size="xs" fw={700} c={reached ? "teal.7" : "dark"}>
              {progress === null ? "—" : `${t("kpi.progress")} ${progress.toFixed(1)}%`}
            </Text>
          </Group>
          <Progress
            value={progress === null ? 0 : Math.min(100, progress)}
            color={reached ? "teal" : "indigo"}
            size="md"
            mt={4}
            aria-label={
              progress === null
                ? t("kpi.noData")
                : t("kpi.progressOf", { percent: `${progress.toFixed(1)}%` })
            }
          />
        </div>
        <div>
          <Text size="xs" c="dimmed" mb={4}>
            {t("kpi.trend")}
          </Text>
          <KpiTrendBars
            testId={`kpi-trend-${code}`}
            selected={fy}
            locale={locale}
            calendar={calendar}
            points={kpi.trend.map((p) => {
              const y = fiscalYearLabel(p.fiscalYear, locale, calendar);
              const v = formatValue(unit, p.value, locale, { compact: true }) ?? t("kpi.noData");
              return {
                fiscalYear: p.fiscalYear,
                value: p.value,
                text: v,
                href: drillDownHref(code, p.fiscalYear, calendar, filters),
                label: t("kpi.trendBar", { year: y, value: v }),
              };
            })}
          />
        </div>
        <Text size="xs" c="dimmed" mt="auto" data-testid={`kpi-definition-${code}`}>
          {t(`kpi.definitions.${code}`)}
        </Text>
      </Stack>
    </Paper>
  );
}
