/**
 * The dashboard's lower sections: the baseline (joint research with companies by year against the FY2018
 * reference line, and the other baseline series as a table by year) and the breakdown of ①–③ by area,
 * institution, KOSEN block or referral partner type. Every number and bar opens the records behind it.
 */
import { Anchor, Group, Paper, SegmentedControl, SimpleGrid, Stack, Table, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { formatYenCompact } from "../../shared/money";
import { useFormat } from "../format";
import {
  BREAKDOWNS,
  BROKEN_DOWN,
  type Breakdown,
  breakdownLabel,
  type Calendar,
  drillDownHref,
  FILTER_OF,
  fiscalYearLabel,
  formatValue,
  type KpiDashboard,
  type KpiFilters,
  type MeasureCode,
  UNIT,
} from "../kpi";
import { KpiBreakdownBars, KpiYearChart } from "./KpiCharts";

interface Ctx {
  data: KpiDashboard;
  fy: number;
  calendar: Calendar;
  filters: KpiFilters;
}

export function KpiBaseline({ data, fy, calendar, filters }: Ctx) {
  const { t } = useTranslation();
  const { locale } = useFormat();
  const [mode, setMode] = useState<"amount" | "count">("amount");
  const series = (code: MeasureCode) => data.baseline.find((b) => b.code === code)?.trend ?? [];
  const joint = series("joint_with_companies");
  const ref = data.reference;
  const refYear = fiscalYearLabel(ref.fiscalYear, locale, calendar);
  const refAmount = formatYenCompact(ref.amount, locale);
  const years = joint.map((p) => p.fiscalYear);
  const yearText = (y: number) => fiscalYearLabel(y, locale, calendar);
  const count = (n: number) => formatValue("count", n, locale) ?? "";
  const contracts = (n: number) => t("kpi.contractCount", { count: n });

  return (
    <Paper withBorder p="md" radius="md" data-testid="kpi-baseline">
      <Stack gap="md">
        <Group justify="space-between" align="flex-end">
          <div>
            <Title order={3} size="h4">
              {t("kpi.baseline.title")}: {t("kpi.baseline.chartTitle")}
            </Title>
            <Text size="xs" c="dimmed" maw={820}>
              {t("kpi.definitions.joint_with_companies")}
            </Text>
          </div>
          <SegmentedControl
            size="xs"
            value={mode}
            onChange={(v) => setMode(v as "amount" | "count")}
            data={[
              { value: "amount", label: t("kpi.baseline.amount") },
              { value: "count", label: t("kpi.baseline.count") },
            ]}
            aria-label={t("kpi.baseline.chartTitle")}
          />
        </Group>
        <KpiYearChart
          testId="kpi-baseline-chart"
          selected={fy}
          locale={locale}
          calendar={calendar}
          formatTick={(v) => (mode === "amount" ? formatYenCompact(v, locale) : count(v))}
          reference={{
            value: mode === "amount" ? ref.amount : ref.count,
            label: t("kpi.baseline.reference", { year: refYear, count: ref.count, amount: refAmount }),
          }}
          bars={joint.map((p) => {
            const amount = formatYenCompact(p.amount ?? 0, locale);
            const y = yearText(p.fiscalYear);
            return {
              fiscalYear: p.fiscalYear,
              value: mode === "amount" ? (p.amount ?? 0) : p.count,
              href: drillDownHref("joint_with_companies", p.fiscalYear, calendar, filters),
              label: t("kpi.trendBar", { year: y, value: `${contracts(p.count)}・${amount}` }),
              top: (
                <>
                  <Text size="xs" fw={700} lh={1.2}>
                    {mode === "amount" ? amount : contracts(p.count)}
                  </Text>
                  <Text size="10px" c="dimmed" lh={1.2}>
                    {mode === "amount" ? contracts(p.count) : amount}
                  </Text>
                </>
              ),
            };
          })}
        />
        <div>
          <Text fw={700} size="sm" mb={4}>
            {t("kpi.baseline.otherTitle")}
          </Text>
          <Table.ScrollContainer minWidth={760}>
            <Table withTableBorder withColumnBorders data-testid="kpi-baseline-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("kpi.baseline.measure")}</Table.Th>
                  {years.map((y) => (
                    <Table.Th
                      key={y}
                      ta="right"
                      className="kyoso-nowrap"
                      bg={y === fy ? "indigo.0" : undefined}
                    >
                      {yearText(y)}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {(
                  [
                    ["joint_with_companies", "count"],
                    ["joint_with_companies", "amount"],
                    ["commissioned", "count"],
                    ["commissioned", "amount"],
                    ["consultations", "value"],
                    ["needs", "value"],
                    ["conversion", "value"],
                    ["days_to_contract", "value"],
                  ] as const
                ).map(([code, part]) => (
                  <Table.Tr key={`${code}-${part}`}>
                    <Table.Td>
                      <Text size="sm" title={t(`kpi.definitions.${code}`)}>
                        {t(`kpi.measures.${code}`)}
                        {part !== "value" && (
                          <Text span c="dimmed" size="sm">
                            {locale === "ja" ? "（" : " ("}
                            {t(part === "count" ? "kpi.baseline.countOf" : "kpi.baseline.amountOf")}
                            {locale === "ja" ? "）" : ")"}
                          </Text>
                        )}
                      </Text>
                    </Table.Td>
                    {series(code).map((p) => {
                      const text =
                        part === "count"
                          ? count(p.count)
                          : part === "amount"
                            ? formatYenCompact(p.amount ?? 0, locale)
                            : formatValue(UNIT[code], p.value, locale);
                      return (
                        <Table.Td
                          key={p.fiscalYear}
                          ta="right"
                          className="kyoso-nowrap"
                          bg={p.fiscalYear === fy ? "indigo.0" : undefined}
                        >
                          <Anchor
                            component={Link}
                            to={drillDownHref(code, p.fiscalYear, calendar, filters)}
                            size="sm"
                            c={text === null ? "dimmed" : undefined}
                            aria-label={t("kpi.openRows", {
                              measure: t(`kpi.measures.${code}`),
                              year: yearText(p.fiscalYear),
                            })}
                          >
                            {text ?? "—"}
                          </Anchor>
                        </Table.Td>
                      );
                    })}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Stack gap={2} mt="xs">
            {(["commissioned", "consultations", "needs", "conversion", "days_to_contract"] as const).map(
              (c) => (
                <Text key={c} size="xs" c="dimmed">
                  <Text span fw={700} size="xs">
                    {t(`kpi.measures.${c}`)}
                  </Text>
                  {locale === "ja" ? "：" : ": "}
                  {t(`kpi.definitions.${c}`)}
                </Text>
              ),
            )}
            <Text size="xs" c="dimmed">
              {t("kpi.baseline.dash")}
            </Text>
          </Stack>
        </div>
      </Stack>
    </Paper>
  );
}

export function KpiBreakdowns({
  data,
  fy,
  calendar,
  filters,
  by,
  onBy,
}: Ctx & { by: Breakdown; onBy: (b: Breakdown) => void }) {
  const { t } = useTranslation();
  const { locale } = useFormat();
  return (
    <Paper withBorder p="md" radius="md" data-testid="kpi-breakdowns">
      <Stack gap="md">
        <Group justify="space-between" align="flex-end">
          <Title order={3} size="h4">
            {t("kpi.breakdown.title", { year: fiscalYearLabel(fy, locale, calendar) })}
          </Title>
          <SegmentedControl
            value={by}
            onChange={(v) => onBy(v as Breakdown)}
            data={BREAKDOWNS.map((b) => ({ value: b, label: t(`kpi.breakdown.${b}`) }))}
            aria-label={t("kpi.breakdown.by")}
          />
        </Group>
        <SimpleGrid cols={{ base: 1, md: 3 }} spacing="lg">
          {BROKEN_DOWN.map((code) => {
            const items = [...(data.breakdowns[code]?.[by] ?? [])].sort(
              (a, b) => (b.figure.value ?? -1) - (a.figure.value ?? -1),
            );
            const measure = t(`kpi.measures.${code}`);
            return (
              <div key={code} data-testid={`kpi-breakdown-${code}`}>
                <Text fw={700} size="sm" mb={6}>
                  {measure}
                </Text>
                <KpiBreakdownBars
                  empty={t("kpi.breakdown.noRows")}
                  bars={items.map((item) => {
                    const name = breakdownLabel(
                      by,
                      item,
                      locale,
                      t(`kpi.breakdown.none.${by}`),
                      t("kpi.breakdown.direct"),
                    );
                    const text =
                      formatValue(UNIT[code], item.figure.value, locale, { compact: true }) ??
                      t("kpi.noData");
                    return {
                      key: item.key ?? "(none)",
                      label: name,
                      value: item.figure.value,
                      text,
                      ...(code === "kpi1"
                        ? { sub: t("kpi.contractCount", { count: item.figure.count }) }
                        : {}),
                      href:
                        item.key === null
                          ? null
                          : drillDownHref(code, fy, calendar, filters, { [FILTER_OF[by]]: item.key }),
                      title:
                        item.key === null
                          ? t("kpi.breakdown.noFilter")
                          : t("kpi.openRows", {
                              measure: `${measure}（${name}）`,
                              year: fiscalYearLabel(fy, locale, calendar),
                            }),
                    };
                  })}
                />
              </div>
            );
          })}
        </SimpleGrid>
      </Stack>
    </Paper>
  );
}
