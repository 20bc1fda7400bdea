/**
 * A frozen fiscal year (/kpi/snapshots/:fy): each measure's frozen figure beside the live one computed from
 * today's data, whether it changed, and the records that came or went since freezing.
 */
import { Alert, Anchor, Badge, Group, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { IconArrowLeft, IconLock } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link, useParams, useSearchParams } from "react-router";
import { formatDateTime } from "../../shared/dates";
import { formatYen } from "../../shared/money";
import { ApiError } from "../api";
import { ErrorAlert, PageLoader } from "../components/feedback";
import { useFormat } from "../format";
import {
  type Calendar,
  dashboardHref,
  drillDownHref,
  fiscalYearBoth,
  fiscalYearLabel,
  formatValue,
  isMeasure,
  type KpiRow,
  UNIT,
  useKpiSnapshot,
  useKpiSnapshots,
} from "../kpi";

const str = (v: unknown) => (v === null || v === undefined || v === "" ? "—" : String(v));

export function KpiSnapshotPage() {
  const { t } = useTranslation();
  const { locale } = useFormat();
  const fy = Number(useParams().fy);
  const [params] = useSearchParams();
  const calendar: Calendar = params.get("cal") === "seireki" ? "seireki" : "wareki";
  const snap = useKpiSnapshot(fy);
  const list = useKpiSnapshots();
  const year = fiscalYearLabel(fy, locale, calendar);
  const cal = calendar === "seireki" ? "?cal=seireki" : "";
  const value = (code: string, v: number | null | undefined) =>
    isMeasure(code)
      ? UNIT[code] === "yen" && v !== null && v !== undefined
        ? formatYen(v, locale)
        : (formatValue(UNIT[code], v, locale) ?? t("kpi.noData"))
      : str(v);

  /** Live minus frozen: +2,600,000円, −1件, +0.5pt; blank when either has no value or they are equal (the badge says so). */
  const difference = (code: string, frozen: number | null | undefined, live: number | null | undefined) => {
    if (!isMeasure(code) || frozen === null || frozen === undefined || live === null || live === undefined)
      return "";
    const d = live - frozen;
    if (d === 0) return "";
    const sign = d > 0 ? "+" : "−";
    const unit = UNIT[code];
    const abs = Math.abs(d);
    if (unit === "percent") return `${sign}${abs.toFixed(1)}${t("kpi.snapshot.points")}`;
    return `${sign}${unit === "yen" ? formatYen(abs, locale) : formatValue(unit, abs, locale)}`;
  };

  return (
    <Stack maw={1200}>
      <Anchor component={Link} to={dashboardHref(fy, calendar, {})} size="sm">
        <Group gap={4} wrap="nowrap">
          <IconArrowLeft size={14} />
          {t("kpi.snapshot.back")}
        </Group>
      </Anchor>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>
            <IconLock size={22} style={{ verticalAlign: -3 }} /> {t("kpi.snapshot.title", { year })}
          </Title>
          {snap.data && (
            <Text size="sm" c="dimmed">
              {fiscalYearBoth(fy, locale, calendar)}・
              {t("kpi.snapshot.takenAt", { at: formatDateTime(snap.data.takenAt) })}
            </Text>
          )}
        </div>
        {!!list.data?.length && (
          <Group gap="xs">
            <Text size="sm" c="dimmed">
              {t("kpi.admin.snapshots")}:
            </Text>
            {list.data.map((s) =>
              s.fiscalYear === fy ? (
                <Badge key={s.fiscalYear} variant="filled" size="lg" tt="none">
                  {fiscalYearLabel(s.fiscalYear, locale, calendar)}
                </Badge>
              ) : (
                <Anchor
                  key={s.fiscalYear}
                  component={Link}
                  to={`/kpi/snapshots/${s.fiscalYear}${cal}`}
                  size="sm"
                >
                  {fiscalYearLabel(s.fiscalYear, locale, calendar)}
                </Anchor>
              ),
            )}
          </Group>
        )}
      </Group>
      {snap.error instanceof ApiError && snap.error.status === 404 ? (
        <Alert color="gray">{t("kpi.snapshot.notFound", { year })}</Alert>
      ) : (
        <ErrorAlert error={snap.error} />
      )}
      {snap.isLoading ? (
        <PageLoader />
      ) : (
        snap.data && (
          <>
            <Text size="sm">{t("kpi.snapshot.intro")}</Text>
            <Paper withBorder>
              <Table.ScrollContainer minWidth={720}>
                <Table data-testid="kpi-snapshot-table">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t("kpi.snapshot.measure")}</Table.Th>
                      <Table.Th ta="right">{t("kpi.snapshot.frozen")}</Table.Th>
                      <Table.Th ta="right">{t("kpi.snapshot.live")}</Table.Th>
                      <Table.Th ta="right">{t("kpi.snapshot.difference")}</Table.Th>
                      <Table.Th>{t("kpi.snapshot.status")}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {snap.data.diff.map((d) => {
                      const records = d.added.length + d.removed.length > 0;
                      return (
                        <Table.Tr
                          key={d.code}
                          data-testid={`kpi-snapshot-${d.code}`}
                          bg={d.changed ? "yellow.0" : undefined}
                        >
                          <Table.Td>
                            <Text size="sm">{isMeasure(d.code) ? t(`kpi.measures.${d.code}`) : d.code}</Text>
                          </Table.Td>
                          <Table.Td ta="right" className="kyoso-nowrap" fw={600}>
                            {value(d.code, d.frozen?.value)}
                          </Table.Td>
                          <Table.Td ta="right" className="kyoso-nowrap">
                            {isMeasure(d.code) ? (
                              <Anchor
                                component={Link}
                                to={drillDownHref(d.code, fy, calendar, {})}
                                size="sm"
                                aria-label={t("kpi.openRows", { measure: t(`kpi.measures.${d.code}`), year })}
                              >
                                {value(d.code, d.live.value)}
                              </Anchor>
                            ) : (
                              value(d.code, d.live.value)
                            )}
                          </Table.Td>
                          <Table.Td ta="right" className="kyoso-nowrap" c={d.changed ? "orange.8" : "dimmed"}>
                            {difference(d.code, d.frozen?.value, d.live.value)}
                          </Table.Td>
                          <Table.Td>
                            <Group gap={4}>
                              {d.changed ? (
                                <Badge color="orange" variant="light">
                                  {t("kpi.snapshot.changed")}
                                </Badge>
                              ) : (
                                <Badge color="gray" variant="light">
                                  {t("kpi.snapshot.same")}
                                </Badge>
                              )}
                              {records && (
                                <Badge color="yellow" variant="outline">
                                  {t("kpi.snapshot.recordsChanged")}
                                </Badge>
                              )}
                            </Group>
                          </Table.Td>
                        </Table.Tr>
                      );
                    })}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </Paper>
            {snap.data.diff.every((d) => !d.added.length && !d.removed.length) ? (
              <Text size="sm" c="dimmed" data-testid="kpi-snapshot-nochanges">
                {t("kpi.snapshot.noChanges")}
              </Text>
            ) : (
              snap.data.diff
                .filter((d) => d.added.length || d.removed.length)
                .map((d) => (
                  <Paper key={d.code} withBorder p="md" data-testid={`kpi-snapshot-records-${d.code}`}>
                    <Title order={3} size="h5" mb="xs">
                      {isMeasure(d.code) ? t(`kpi.measures.${d.code}`) : d.code}
                    </Title>
                    {d.added.length > 0 && (
                      <RecordList
                        title={t("kpi.snapshot.added", { count: d.added.length })}
                        rows={d.added}
                        color="teal"
                      />
                    )}
                    {d.removed.length > 0 && (
                      <RecordList
                        title={t("kpi.snapshot.removed", { count: d.removed.length })}
                        rows={d.removed}
                        color="red"
                      />
                    )}
                  </Paper>
                ))
            )}
          </>
        )
      )}
    </Stack>
  );
}

/** Records of a measure that came or went: contracts link to their page, needs to theirs. */
function RecordList({ title, rows, color }: { title: string; rows: KpiRow[]; color: string }) {
  const { t } = useTranslation();
  const { locale } = useFormat();
  return (
    <Stack gap={4} mb="sm">
      <Text size="sm" fw={700} c={`${color}.8`}>
        {title}
      </Text>
      <Table withTableBorder>
        <Table.Tbody>
          {rows.map((r, i) => {
            const id = r.contract_id ?? r.need_id ?? r.meeting_id;
            const to = r.contract_id
              ? `/contracts/${str(r.contract_id)}`
              : r.need_id
                ? `/needs/${str(r.need_id)}`
                : null;
            const ref = str(r.number ?? r.reference_number);
            return (
              <Table.Tr key={str(id ?? i)}>
                <Table.Td className="kyoso-nowrap" w={160}>
                  {to ? (
                    <Anchor component={Link} to={to} ff="monospace" size="sm">
                      {ref}
                    </Anchor>
                  ) : (
                    <Text ff="monospace" size="sm">
                      {ref}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{str(r.title ?? r.received_on ?? r.held_on)}</Text>
                  {r.institution_name ? (
                    <Text size="xs" c="dimmed">
                      {str(r.institution_name)}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td ta="right" className="kyoso-nowrap" w={160}>
                  {typeof r.total === "number" ? (
                    <Text size="sm" title={t("kpi.snapshot.amount")}>
                      {formatYen(r.total, locale)}
                    </Text>
                  ) : null}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
