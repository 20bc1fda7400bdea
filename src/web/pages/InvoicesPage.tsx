/**
 * Invoices of the contracts one handles: open, overdue or all (kept in the URL); overdue rows stand out
 * with their days overdue; each leads to its contract, and its PDF can be downloaded.
 */
import { Anchor, Group, Paper, SegmentedControl, Stack, Table, Text, Title } from "@mantine/core";
import { IconFileTypePdf } from "@tabler/icons-react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { formatFiscalYear } from "../../shared/dates";
import { api, qs } from "../api";
import { InvoiceStatusBadge } from "../components/ContractInvoices";
import { ErrorAlert, PageLoader } from "../components/feedback";
import { type InvoiceListItem, yen } from "../contracts";
import { useFormat } from "../format";
import { useUrlFilters } from "../url-filters";

const STATES = ["open", "overdue", "all"] as const;

export function InvoicesPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { get, set } = useUrlFilters();
  const state = (STATES as readonly string[]).includes(get("state")) ? get("state") : "open";
  const list = useQuery({
    queryKey: ["contracts", "invoices", state],
    queryFn: () => api<InvoiceListItem[]>(`/api/invoices${qs({ state })}`),
    placeholderData: keepPreviousData,
  });
  const items = list.data ?? [];
  const outstanding = items.reduce((a, i) => a + (i.status === "issued" ? i.outstanding : 0), 0);
  return (
    <Stack maw={1400}>
      <Title order={2}>{t("contracts.invoices.listTitle")}</Title>
      <Group justify="space-between">
        <SegmentedControl
          aria-label={t("contracts.invoices.state")}
          data={STATES.map((s) => ({ value: s, label: t(`contracts.invoices.states.${s}`) }))}
          value={state}
          onChange={(v) => set({ state: v === "open" ? "" : v })}
        />
        {state !== "all" && (
          <Text size="sm">
            {t("contracts.invoices.outstandingSum", {
              amount: yen(outstanding, fmt.locale),
              count: items.length,
            })}
          </Text>
        )}
      </Group>
      <ErrorAlert error={list.error} />
      {list.isLoading ? (
        <PageLoader />
      ) : (
        <Paper withBorder>
          <Text size="sm" c="dimmed" p="sm" data-testid="result-count">
            {t("common.results", { count: items.length })}
          </Text>
          <Table.ScrollContainer minWidth={1000}>
            <Table verticalSpacing={6} highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("contracts.invoices.number")}</Table.Th>
                  <Table.Th>{t("contracts.invoices.contract")}</Table.Th>
                  <Table.Th>{t("contracts.invoices.party")}</Table.Th>
                  <Table.Th>{t("contracts.fiscalYear")}</Table.Th>
                  <Table.Th ta="right" className="kyoso-nowrap">
                    {t("contracts.invoices.total")}
                  </Table.Th>
                  <Table.Th ta="right" className="kyoso-nowrap">
                    {t("contracts.invoices.outstandingShort")}
                  </Table.Th>
                  <Table.Th className="kyoso-nowrap">{t("contracts.invoices.dates")}</Table.Th>
                  <Table.Th>{t("contracts.status")}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.length === 0 && (
                  <Table.Tr>
                    <Table.Td colSpan={9}>
                      <Text c="dimmed" ta="center" py="md">
                        {t(`contracts.invoices.empty.${state}`)}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                )}
                {items.map((i) => {
                  const overdue = i.daysOverdue > 0;
                  return (
                    <Table.Tr key={i.id} bg={overdue ? "red.0" : undefined} data-testid="invoice-row">
                      <Table.Td className="kyoso-nowrap">
                        <Text ff="monospace" size="sm">
                          {i.number}
                        </Text>
                        <Text size="xs" c="dimmed">
                          {t("contracts.invoices.instalment", { n: i.instalment })}
                        </Text>
                      </Table.Td>
                      <Table.Td miw={220}>
                        <Anchor component={Link} to={`/contracts/${i.contractId}`} size="sm" ff="monospace">
                          {i.contractNumber}
                        </Anchor>
                        <Text size="xs" lineClamp={1}>
                          {i.contractTitle}
                        </Text>
                      </Table.Td>
                      <Table.Td miw={160}>{i.partyName}</Table.Td>
                      <Table.Td className="kyoso-nowrap" title={fmt.fiscalYear(i.fiscalYear)}>
                        {formatFiscalYear(i.fiscalYear, fmt.locale)}
                      </Table.Td>
                      <Table.Td ta="right" className="kyoso-nowrap">
                        {yen(i.total, fmt.locale)}
                      </Table.Td>
                      <Table.Td ta="right" className="kyoso-nowrap" fw={i.outstanding > 0 ? 700 : undefined}>
                        {yen(i.outstanding, fmt.locale)}
                      </Table.Td>
                      <Table.Td className="kyoso-nowrap">
                        <Text size="xs">
                          {t("contracts.invoices.issued")} {i.issueDate}
                        </Text>
                        <Text size="xs" c={overdue ? "red.7" : undefined} fw={overdue ? 700 : undefined}>
                          {t("contracts.invoices.due")} {i.dueDate}
                        </Text>
                        {overdue && (
                          <Text size="xs" c="red.7" fw={700} data-testid="days-overdue">
                            {t("contracts.invoices.daysOverdue", { count: i.daysOverdue })}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <InvoiceStatusBadge status={i.status} overdue={overdue} />
                      </Table.Td>
                      <Table.Td>
                        <Anchor
                          href={`/api/invoices/${i.id}/pdf`}
                          size="sm"
                          aria-label={t("contracts.invoices.pdfOf", { number: i.number })}
                        >
                          <Group gap={2} wrap="nowrap">
                            <IconFileTypePdf size={14} />
                            PDF
                          </Group>
                        </Anchor>
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
    </Stack>
  );
}
