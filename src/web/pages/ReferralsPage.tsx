import {
  Badge,
  Card,
  Drawer,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Timeline,
  Title,
} from "@mantine/core";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { fiscalYearOf } from "../../shared/dates";
import { api, qs } from "../api";
import { type ReferralProgress, type Referrals, STAGE_KIND_COLOR, stageLabel } from "../cases";
import { ErrorAlert, PageLoader } from "../components/feedback";
import { useFormat } from "../format";

function Progress({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const progress = useQuery({
    queryKey: ["referrals", "detail", id],
    queryFn: () => api<ReferralProgress>(`/api/referrals/${id}`),
    enabled: !!id,
  });
  const p = progress.data;
  return (
    <Drawer opened={!!id} onClose={onClose} position="right" size="md" title={t("referrals.progress")}>
      {progress.isLoading && <PageLoader />}
      <ErrorAlert error={progress.error} />
      {p && (
        <Stack>
          <div>
            <Text ff="monospace" size="sm" c="dimmed">
              {p.referenceNumber}
            </Text>
            <Text fw={700}>{p.title}</Text>
            <Text size="sm">{p.organizationName}</Text>
          </div>
          <Title order={4} size="h5">
            {t("referrals.history")}
          </Title>
          <Timeline active={p.history.length - 1} bulletSize={14}>
            {p.history.map((h, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a stage may come back; the order is the key
              <Timeline.Item key={i} title={stageLabel(h, fmt.locale, h.code)}>
                <Text size="xs" c="dimmed">
                  {fmt.date(h.at)}
                </Text>
              </Timeline.Item>
            ))}
          </Timeline>
          {p.outcome && (
            <Text size="sm">
              {t("referrals.outcome")}:{" "}
              {p.outcome.kind === "contracted"
                ? t("referrals.contracted")
                : `${t("referrals.closed")}${
                    (fmt.locale === "en" ? p.outcome.reasonEn : p.outcome.reasonJa)
                      ? `（${fmt.locale === "en" ? p.outcome.reasonEn : p.outcome.reasonJa}）`
                      : ""
                  }`}
            </Text>
          )}
          <Title order={4} size="h5">
            {t("referrals.consultations")}
          </Title>
          {p.consultations.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t("referrals.noConsultations")}
            </Text>
          ) : (
            p.consultations.map((m) => (
              <Text key={m.at} size="sm">
                {fmt.date(m.at)} — {t(`cases.meetingModes.${m.mode}`, { defaultValue: m.mode })}
              </Text>
            ))
          )}
        </Stack>
      )}
    </Drawer>
  );
}

/** What became of the needs a referral partner forwarded (or a company submitted), with its figures. */
export function ReferralsPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [params, setParams] = useSearchParams();
  const [open, setOpen] = useState<string | null>(null);
  const fy = params.get("fy") ?? "";
  const current = fiscalYearOf(new Date());
  const years = Array.from({ length: 6 }, (_, i) => current - i);
  const query = qs({ fiscalYear: fy });
  const data = useQuery({
    queryKey: ["referrals", query],
    queryFn: () => api<Referrals>(`/api/referrals${query}`),
    placeholderData: keepPreviousData,
  });
  const f = data.data?.figures;
  const figures = [
    ["referrals", f?.referrals],
    ["consultationsHeld", f?.consultationsHeld],
    ["contracts", f?.contracts],
    ["open", f?.open],
    ["closedFigure", f?.closed],
  ] as const;

  return (
    <Stack maw={1200}>
      <Group justify="space-between">
        <Title order={2}>{t("referrals.title")}</Title>
        <Select
          aria-label={t("referrals.fiscalYear")}
          data={[
            { value: "", label: t("referrals.allYears") },
            ...years.map((y) => ({ value: String(y), label: fmt.fiscalYear(y) })),
          ]}
          value={fy}
          onChange={(v) => setParams(v ? { fy: v } : {})}
          allowDeselect={false}
          w={240}
        />
      </Group>
      <Text size="sm" c="dimmed">
        {t("referrals.help")}
      </Text>
      <SimpleGrid cols={{ base: 2, sm: 3, md: 5 }}>
        {figures.map(([k, v]) => (
          <Card withBorder key={k} data-testid={`figure-${k}`}>
            <Text size="xs" c="dimmed">
              {t(`referrals.${k}`)}
            </Text>
            <Text size="xl" fw={700}>
              {v ?? "…"}
              <Text span size="sm" fw={400}>
                {" "}
                {t("referrals.unit")}
              </Text>
            </Text>
          </Card>
        ))}
      </SimpleGrid>
      <ErrorAlert error={data.error} />
      {data.isLoading ? (
        <PageLoader />
      ) : (
        <Paper withBorder>
          <Table.ScrollContainer minWidth={900}>
            <Table highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("need.referenceNumber")}</Table.Th>
                  <Table.Th>{t("need.title")}</Table.Th>
                  <Table.Th>{t("need.company")}</Table.Th>
                  <Table.Th>{t("cases.stage")}</Table.Th>
                  <Table.Th className="kyoso-nowrap">{t("referrals.stageDate")}</Table.Th>
                  <Table.Th>{t("referrals.outcome")}</Table.Th>
                  <Table.Th className="kyoso-nowrap">{t("referrals.consultationsHeld")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.data?.items.map((r) => (
                  <Table.Tr
                    key={r.id}
                    className="kyoso-row-link"
                    onClick={() => setOpen(r.id)}
                    tabIndex={0}
                    onKeyDown={(e) => e.key === "Enter" && setOpen(r.id)}
                  >
                    <Table.Td className="kyoso-nowrap" ff="monospace">
                      {r.referenceNumber}
                    </Table.Td>
                    <Table.Td miw={220}>
                      <Text size="sm" fw={600}>
                        {r.title}
                      </Text>
                    </Table.Td>
                    <Table.Td miw={150}>{r.organizationName}</Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={STAGE_KIND_COLOR[r.stage.kind]} miw="max-content">
                        {stageLabel(r.stage, fmt.locale)}
                      </Badge>
                    </Table.Td>
                    <Table.Td className="kyoso-nowrap">{fmt.date(r.stageEnteredAt)}</Table.Td>
                    <Table.Td>
                      {r.outcome
                        ? r.outcome.kind === "contracted"
                          ? t("referrals.contracted")
                          : `${t("referrals.closed")}${
                              (fmt.locale === "en" ? r.outcome.reasonEn : r.outcome.reasonJa)
                                ? `（${fmt.locale === "en" ? r.outcome.reasonEn : r.outcome.reasonJa}）`
                                : ""
                            }`
                        : t("referrals.inProgress")}
                    </Table.Td>
                    <Table.Td ta="right">{r.consultationsHeld}</Table.Td>
                  </Table.Tr>
                ))}
                {data.data?.items.length === 0 && (
                  <Table.Tr>
                    <Table.Td colSpan={7}>
                      <Text c="dimmed" ta="center" py="md">
                        {t("referrals.none")}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                )}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
      <Progress id={open} onClose={() => setOpen(null)} />
    </Stack>
  );
}
