/**
 * The drill-down (/kpi/rows?measure=…&fy=…&filters): the figure as the dashboard shows it (computed by the
 * server from the same rows), the records behind it a page at a time (contracts link to their page, needs
 * to theirs), the sums of the page where they make up the figure, and the measure's definition.
 */
import { Alert, Anchor, Badge, Group, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { IconArrowLeft, IconInfoCircle } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { CONTRACT_TYPE_LABELS } from "../../server/modules/contracts/codes";
import { label, ORG_TYPE_LABELS } from "../../shared/labels";
import { formatYen } from "../../shared/money";
import { KOSEN_BLOCKS } from "../../shared/regions";
import { api, qs } from "../api";
import { ContractStatusBadge } from "../components/ContractStatusBadge";
import { ErrorAlert, PageLoader } from "../components/feedback";
import { useKpiUrl } from "../components/KpiFilters";
import { ResultsTable } from "../components/ResultsTable";
import { type ContractStatus, lbl } from "../contracts";
import { useFormat } from "../format";
import {
  CONTRACT_YEAR_MEASURES,
  dashboardHref,
  FILTER_KEYS,
  fiscalYearBoth,
  formatValue,
  isMeasure,
  type KpiRow,
  type KpiRows,
  type MeasureCode,
  UNIT,
  useKpiRows,
} from "../kpi";
import { useAreas, useCatalogInstitutions } from "../queries";

const PAGE_SIZE = 50;

const Num = ({ children, strong }: { children: ReactNode; strong?: boolean }) => (
  <Table.Td ta="right" className="kyoso-nowrap" fw={strong ? 700 : undefined}>
    {children}
  </Table.Td>
);
const Head = ({ children }: { children: ReactNode }) => (
  <Text ta="right" fw={700} fz="sm">
    {children}
  </Text>
);
/**
 * The page's records by number (contracts) or reference number and date (needs, consultations): the server
 * pages them by fiscal year and id, which reads as no order at all.
 */
const sortRows = (rows: KpiRow[]) =>
  [...rows].sort((a, b) =>
    `${a.number ?? a.reference_number ?? ""} ${a.held_on ?? ""}`.localeCompare(
      `${b.number ?? b.reference_number ?? ""} ${b.held_on ?? ""}`,
    ),
  );
const str = (v: unknown) => (v === null || v === undefined || v === "" ? "—" : String(v));
const num = (v: unknown) => (typeof v === "number" ? v : Number(v ?? 0));

export function KpiRowsPage() {
  const { t } = useTranslation();
  const { locale } = useFormat();
  const state = useKpiUrl();
  const { fy, calendar, filters, url } = state;
  const measureParam = url.get("measure");
  const page = Number(url.get("page") || 1);
  const measure: MeasureCode = isMeasure(measureParam) ? measureParam : "kpi1";
  const rows = useKpiRows(measure, fy, filters, page, PAGE_SIZE);
  // The conversion's figure counts the converted needs; its rows are all the year's needs.
  const needsCount = useQuery({
    queryKey: ["kpi", "rows-count", "needs", fy, qs(filters)],
    queryFn: () => api<KpiRows>(`/api/kpi/rows${qs({ measure: "needs", fy, ...filters, pageSize: 1 })}`),
    enabled: measure === "conversion",
  });

  if (!isMeasure(measureParam)) return <Alert color="red">{t("kpi.rows.unknownMeasure")}</Alert>;

  const data = rows.data;
  const total = measure === "conversion" ? (needsCount.data?.figure.count ?? 0) : (data?.figure.count ?? 0);
  return (
    <Stack maw={1400}>
      <Anchor component={Link} to={dashboardHref(fy, calendar, filters)} size="sm">
        <Group gap={4} wrap="nowrap">
          <IconArrowLeft size={14} />
          {t("kpi.rows.back")}
        </Group>
      </Anchor>
      <div>
        <Text size="sm" c="dimmed">
          {t("kpi.rows.title")}・{fiscalYearBoth(fy, locale, calendar)}
        </Text>
        <Title order={2}>{t(`kpi.measures.${measure}`)}</Title>
      </div>
      <FilterBadges filters={filters} />
      <ErrorAlert error={rows.error} />
      {rows.isLoading || !data ? (
        !rows.error && <PageLoader />
      ) : (
        <>
          <Figure measure={measure} data={data} total={total} />
          <Alert variant="light" color="indigo" icon={<IconInfoCircle size={18} />} p="xs">
            <Text size="sm" fw={600}>
              {t("kpi.rows.definition")}
            </Text>
            <Text size="sm">{t(`kpi.definitions.${measure}`)}</Text>
            {(CONTRACT_YEAR_MEASURES.includes(measure) ||
              measure === "kpi3" ||
              measure === "days_to_contract") && (
              <Text size="xs" c="dimmed" mt={4}>
                {t("kpi.concluded")}
              </Text>
            )}
          </Alert>
          {data.rows === null ? (
            <Alert color="gray">{t("kpi.rows.kpi4")}</Alert>
          ) : (
            <RecordsTable
              measure={measure}
              data={data}
              rows={sortRows(data.rows)}
              total={total}
              page={page}
              onPage={(p) => url.set({ page: String(p) })}
            />
          )}
        </>
      )}
    </Stack>
  );
}

function FilterBadges({ filters }: { filters: Partial<Record<(typeof FILTER_KEYS)[number], string>> }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const areas = useAreas();
  const institutions = useCatalogInstitutions();
  const set = FILTER_KEYS.filter((k) => filters[k]);
  if (!set.length) return null;
  const text = (k: (typeof FILTER_KEYS)[number], v: string) => {
    if (k === "area") return fmt.area(areas.data, v);
    if (k === "institution") {
      const i = institutions.data?.find((x) => x.id === v);
      return i ? fmt.orgName(i) : v;
    }
    if (k === "kosenBlock") return KOSEN_BLOCKS.find((b) => b.code === v)?.[fmt.locale] ?? v;
    return v === "direct" ? t("kpi.breakdown.direct") : label(ORG_TYPE_LABELS, v as "bank", fmt.locale);
  };
  return (
    <Group gap="xs" data-testid="kpi-rows-filters">
      <Text size="sm" c="dimmed">
        {t("kpi.rows.filtersApplied")}:
      </Text>
      {set.map((k) => (
        <Badge key={k} variant="light" size="lg" tt="none">
          {t(`kpi.filters.${k}`)}: {text(k, filters[k]!)}
        </Badge>
      ))}
    </Group>
  );
}

/** The figure, as on the dashboard card, with what it is made of. */
function Figure({ measure, data, total }: { measure: MeasureCode; data: KpiRows; total: number }) {
  const { t } = useTranslation();
  const { locale } = useFormat();
  const f = data.figure;
  const unit = UNIT[measure];
  const compact = formatValue(unit, f.value, locale, { compact: true });
  const full = unit === "yen" && f.value !== null ? formatYen(f.value, locale) : null;
  let parts: string | null = null;
  if (measure === "kpi2" && f.value !== null)
    parts = t("kpi.rows.ratioCheck", {
      indirect: formatYen(f.indirect ?? 0, locale),
      direct: formatYen(f.direct ?? 0, locale),
      value: compact,
    });
  else if (unit === "yen" || unit === "percent" || unit === "days")
    parts =
      measure === "conversion"
        ? t("kpi.rows.convertedOf", { count: f.count, total })
        : CONTRACT_YEAR_MEASURES.includes(measure) || measure === "days_to_contract"
          ? t("kpi.contracts", { count: f.count })
          : t("kpi.records", { count: f.count });
  return (
    <Paper withBorder p="md" radius="md">
      <Text size="xs" c="dimmed">
        {t("kpi.rows.figure")}
      </Text>
      <Group gap="md" align="baseline">
        <Text fz={32} fw={800} c={f.value === null ? "dimmed" : "indigo.9"} data-testid="kpi-rows-figure">
          {compact ?? (measure === "kpi4" ? t("kpi.kpi4NoData") : t("kpi.noData"))}
        </Text>
        {full && (
          <Text size="md" fw={600} data-testid="kpi-rows-figure-full">
            {full}
          </Text>
        )}
        {parts && (
          <Text size="sm" c="dimmed">
            {parts}
          </Text>
        )}
      </Group>
    </Paper>
  );
}

function ContractCell({ r }: { r: KpiRow }) {
  return (
    <Table.Td className="kyoso-nowrap">
      <Anchor component={Link} to={`/contracts/${str(r.contract_id)}`} ff="monospace" size="sm">
        {str(r.number)}
      </Anchor>
    </Table.Td>
  );
}

function TitleCell({ r, type }: { r: KpiRow; type?: string }) {
  const under = [r.institution_name ? str(r.institution_name) : null, type].filter(Boolean).join("・");
  return (
    <Table.Td miw={240}>
      <Text size="sm" fw={600} lineClamp={2}>
        {str(r.title)}
      </Text>
      {under && (
        <Text size="xs" c="dimmed">
          {under}
        </Text>
      )}
    </Table.Td>
  );
}

function RecordsTable({
  measure,
  data,
  rows,
  total,
  page,
  onPage,
}: {
  measure: MeasureCode;
  data: KpiRows;
  rows: KpiRow[];
  total: number;
  page: number;
  onPage: (p: number) => void;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const areas = useAreas();
  const c = (k: string) => t(`kpi.rows.columns.${k}`);
  const yen = (v: unknown) => formatYen(num(v), fmt.locale);
  const referral = (v: unknown) =>
    v === "direct" ? t("kpi.breakdown.direct") : label(ORG_TYPE_LABELS, String(v) as "bank", fmt.locale);
  const common = {
    total,
    page,
    pageSize: data.pageSize,
    onPage,
    empty: t("kpi.rows.none"),
    highlightOnHover: true,
  };

  if (CONTRACT_YEAR_MEASURES.includes(measure)) {
    const onePage = total <= data.pageSize;
    const sum = (k: string) => rows.reduce((s, r) => s + num(r[k]), 0);
    return (
      <ResultsTable
        {...common}
        minWidth={1080}
        head={[
          c("number"),
          c("title"),
          c("companies"),
          c("status"),
          <Head key="d">{c("direct")}</Head>,
          <Head key="i">{c("indirect")}</Head>,
          <Head key="f">{c("research_fee")}</Head>,
          <Head key="t">{c("total")}</Head>,
        ]}
      >
        {rows.map((r) => (
          <Table.Tr key={`${str(r.contract_id)}-${str(r.fiscal_year)}`} data-testid="kpi-row">
            <ContractCell r={r} />
            <TitleCell r={r} type={lbl(CONTRACT_TYPE_LABELS, str(r.type), fmt.locale)} />
            <Table.Td miw={160}>
              <Text size="sm" lineClamp={2}>
                {str(r.companies)}
              </Text>
            </Table.Td>
            <Table.Td>
              <ContractStatusBadge status={str(r.status) as ContractStatus} />
            </Table.Td>
            <Num>{yen(r.direct)}</Num>
            <Num>{yen(r.indirect)}</Num>
            <Num>{yen(r.research_fee)}</Num>
            <Num strong>{yen(r.total)}</Num>
          </Table.Tr>
        ))}
        {rows.length > 0 && (
          <Table.Tr bg="gray.0" data-testid="kpi-rows-sum">
            <Table.Td colSpan={4}>
              <Text size="sm" fw={700}>
                {onePage ? t("kpi.rows.total") : t("kpi.rows.pageTotal")}
              </Text>
            </Table.Td>
            <Num strong>{yen(sum("direct"))}</Num>
            <Num strong>{yen(sum("indirect"))}</Num>
            <Num strong>{yen(sum("research_fee"))}</Num>
            <Num strong>{yen(sum("total"))}</Num>
          </Table.Tr>
        )}
      </ResultsTable>
    );
  }

  if (measure === "kpi3")
    return (
      <ResultsTable
        {...common}
        minWidth={1000}
        head={[c("number"), c("title"), c("status"), c("period"), <Head key="t">{c("contract_total")}</Head>]}
      >
        {rows.map((r) => (
          <Table.Tr key={str(r.contract_id)} data-testid="kpi-row">
            <ContractCell r={r} />
            <TitleCell r={r} />
            <Table.Td>
              <ContractStatusBadge status={str(r.status) as ContractStatus} />
            </Table.Td>
            <Table.Td className="kyoso-nowrap">
              {str(r.start_date)} – {str(r.end_date)}
            </Table.Td>
            <Num>{yen(r.total)}</Num>
          </Table.Tr>
        ))}
      </ResultsTable>
    );

  if (measure === "days_to_contract")
    return (
      <ResultsTable
        {...common}
        minWidth={1000}
        head={[
          c("number"),
          c("title"),
          c("reference_number"),
          c("received_on"),
          c("signed_on"),
          <Head key="d">{c("days")}</Head>,
        ]}
      >
        {rows.map((r) => (
          <Table.Tr key={str(r.contract_id)} data-testid="kpi-row">
            <ContractCell r={r} />
            <TitleCell r={r} />
            <Table.Td className="kyoso-nowrap" ff="monospace">
              {str(r.reference_number)}
            </Table.Td>
            <Table.Td className="kyoso-nowrap">{str(r.received_on)}</Table.Td>
            <Table.Td className="kyoso-nowrap">{str(r.signed_on)}</Table.Td>
            <Num>{formatValue("days", num(r.days), fmt.locale)}</Num>
          </Table.Tr>
        ))}
      </ResultsTable>
    );

  if (measure === "consultations")
    return (
      <ResultsTable
        {...common}
        minWidth={760}
        head={[c("reference_number"), c("held_on"), c("mode"), c("area"), c("referral_type")]}
      >
        {rows.map((r) => (
          <Table.Tr key={str(r.meeting_id)} data-testid="kpi-row">
            <Table.Td className="kyoso-nowrap" ff="monospace">
              {str(r.reference_number)}
            </Table.Td>
            <Table.Td className="kyoso-nowrap">{str(r.held_on)}</Table.Td>
            <Table.Td>{t(`cases.meetingModes.${str(r.mode)}`, { defaultValue: str(r.mode) })}</Table.Td>
            <Table.Td>{fmt.area(areas.data, r.area as string | null)}</Table.Td>
            <Table.Td>{referral(r.referral_type)}</Table.Td>
          </Table.Tr>
        ))}
      </ResultsTable>
    );

  // needs and conversion: the year's needs, whether each led to a concluded contract.
  return (
    <ResultsTable
      {...common}
      minWidth={760}
      head={[c("reference_number"), c("received_on"), c("area"), c("referral_type"), c("converted")]}
    >
      {rows.map((r) => (
        <Table.Tr key={str(r.need_id)} data-testid="kpi-row">
          <Table.Td className="kyoso-nowrap">
            <Anchor component={Link} to={`/needs/${str(r.need_id)}`} ff="monospace" size="sm">
              {str(r.reference_number)}
            </Anchor>
          </Table.Td>
          <Table.Td className="kyoso-nowrap">{str(r.received_on)}</Table.Td>
          <Table.Td>{fmt.area(areas.data, r.area as string | null)}</Table.Td>
          <Table.Td>{referral(r.referral_type)}</Table.Td>
          <Table.Td>
            {r.converted ? (
              <Badge color="teal" variant="light">
                {t("kpi.rows.converted")}
              </Badge>
            ) : (
              "—"
            )}
          </Table.Td>
        </Table.Tr>
      ))}
    </ResultsTable>
  );
}
