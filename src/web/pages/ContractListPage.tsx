/**
 * The contracts one handles: search, status, type, institution, 年度 and "negotiated rates only", all kept
 * in the URL; paged; each row leads to its contract.
 */
import {
  Anchor,
  Badge,
  Button,
  Checkbox,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from "@mantine/core";
import { IconPlus, IconSettings } from "@tabler/icons-react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import {
  CONTRACT_STATUS_LABELS,
  CONTRACT_STATUSES,
  CONTRACT_TYPE_LABELS,
  CONTRACT_TYPES,
} from "../../server/modules/contracts/codes";
import { fiscalYearOf } from "../../shared/dates";
import { api, qs } from "../api";
import { ContractStatusBadge } from "../components/ContractStatusBadge";
import { ErrorAlert, PageLoader } from "../components/feedback";
import { ResultsTable } from "../components/ResultsTable";
import { type ContractList, institutionLabel, lbl, percent, useHandledInstitutions, yen } from "../contracts";
import { useFormat } from "../format";
import { usePermissions } from "../session";
import { FilterSearch, useUrlFilters } from "../url-filters";

const PAGE_SIZE = 50;
const FILTER_KEYS = ["q", "status", "type", "institution", "fiscalYear", "exception"] as const;

export function ContractListPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const navigate = useNavigate();
  const can = usePermissions();
  const url = useUrlFilters();
  const { get, set, setParams } = url;
  const institutions = useHandledInstitutions();
  const filters = Object.fromEntries(FILTER_KEYS.map((k) => [k, get(k)]).filter(([, v]) => v));
  const page = Number(get("page") || 1);
  const query = qs({ ...filters, page, pageSize: PAGE_SIZE });
  const list = useQuery({
    queryKey: ["contracts", "list", query],
    queryFn: () => api<ContractList>(`/api/contracts${query}`),
    placeholderData: keepPreviousData,
  });
  const thisYear = fiscalYearOf(new Date());
  const years = Array.from({ length: 9 }, (_, i) => thisYear + 2 - i);
  const exceptionOnly = get("exception") === "true";

  return (
    <Stack maw={1400}>
      <Group justify="space-between">
        <Title order={2}>{t("contracts.list.title")}</Title>
        <Group gap="xs">
          {can("contracts:configure") && (
            <Button
              component={Link}
              to="/contracts/settings"
              variant="default"
              leftSection={<IconSettings size={16} />}
            >
              {t("contracts.nav.settings")}
            </Button>
          )}
          {can("contracts:manage") && (
            <Button component={Link} to="/contracts/new" leftSection={<IconPlus size={16} />}>
              {t("contracts.list.new")}
            </Button>
          )}
        </Group>
      </Group>
      <Paper withBorder p="sm">
        <Stack gap="sm">
          <Group align="flex-end" gap="sm">
            <FilterSearch
              filters={url}
              placeholder={t("contracts.list.searchPlaceholder")}
              style={{ flex: "1 1 260px", maxWidth: 420 }}
            />
            <Checkbox
              label={t("contracts.list.exceptionOnly")}
              checked={exceptionOnly}
              onChange={(e) => set({ exception: e.currentTarget.checked ? "true" : "" })}
              mb={8}
            />
          </Group>
          <SimpleGrid cols={{ base: 1, sm: 2, md: 5 }} spacing="sm">
            <Select
              label={t("contracts.status")}
              data={CONTRACT_STATUSES.map((s) => ({
                value: s,
                label: lbl(CONTRACT_STATUS_LABELS, s, fmt.locale),
              }))}
              value={get("status") || null}
              onChange={(v) => set({ status: v ?? "" })}
              placeholder={t("contracts.list.anyStatus")}
              clearable
            />
            <Select
              label={t("contracts.type")}
              data={CONTRACT_TYPES.map((s) => ({
                value: s,
                label: lbl(CONTRACT_TYPE_LABELS, s, fmt.locale),
              }))}
              value={get("type") || null}
              onChange={(v) => set({ type: v ?? "" })}
              placeholder={t("contracts.list.anyType")}
              clearable
            />
            <Select
              label={t("contracts.institution")}
              data={institutions.data.map((i) => ({ value: i.id, label: institutionLabel(i, fmt.locale) }))}
              value={get("institution") || null}
              onChange={(v) => set({ institution: v ?? "" })}
              placeholder={t("contracts.list.anyInstitution")}
              searchable
              clearable
            />
            <Select
              label={t("contracts.fiscalYear")}
              data={years.map((y) => ({ value: String(y), label: fmt.fiscalYear(y) }))}
              value={get("fiscalYear") || null}
              onChange={(v) => set({ fiscalYear: v ?? "" })}
              placeholder={t("contracts.list.anyYear")}
              clearable
            />
            <Group align="flex-end">
              <Button variant="subtle" onClick={() => setParams(new URLSearchParams())}>
                {t("contracts.list.clearFilters")}
              </Button>
            </Group>
          </SimpleGrid>
        </Stack>
      </Paper>
      <ErrorAlert error={list.error} />
      {list.isLoading ? (
        <PageLoader />
      ) : (
        <ResultsTable
          total={list.data?.total ?? 0}
          page={page}
          pageSize={PAGE_SIZE}
          onPage={(p) => set({ page: String(p) })}
          head={[
            t("contracts.number"),
            t("contracts.title"),
            t("contracts.type"),
            t("contracts.list.sponsors"),
            t("contracts.list.pi"),
            t("contracts.period"),
            <Text key="total" ta="right" fw={700} fz="sm">
              {t("contracts.total")}
            </Text>,
            t("contracts.status"),
          ]}
          empty={t("contracts.list.noResults")}
          minWidth={1060}
          highlightOnHover
        >
          {list.data?.items.map((c) => (
            <Table.Tr
              key={c.id}
              className="kyoso-row-link"
              onClick={() => void navigate(`/contracts/${c.id}`)}
              data-testid="contract-row"
            >
              <Table.Td className="kyoso-nowrap">
                <Anchor
                  component={Link}
                  to={`/contracts/${c.id}`}
                  ff="monospace"
                  size="sm"
                  onClick={(e) => e.stopPropagation()}
                >
                  {c.number}
                </Anchor>
              </Table.Td>
              <Table.Td miw={240}>
                <Text size="sm" fw={600} lineClamp={2}>
                  {c.title}
                </Text>
                <Text size="xs" c="dimmed">
                  {c.institutionName}
                </Text>
                {c.rateExceptionReason && (
                  <Group gap={4} mt={2} wrap="nowrap" align="flex-start">
                    <Badge
                      size="xs"
                      color="yellow"
                      variant="light"
                      miw="max-content"
                      title={c.rateExceptionReason}
                    >
                      {t("contracts.list.exception", { rate: c.rateBp === null ? "—" : percent(c.rateBp) })}
                    </Badge>
                    {exceptionOnly && (
                      <Text size="xs" c="dimmed" lineClamp={2}>
                        {c.rateExceptionReason}
                      </Text>
                    )}
                  </Group>
                )}
              </Table.Td>
              <Table.Td miw={120}>
                <Text size="sm">{lbl(CONTRACT_TYPE_LABELS, c.type, fmt.locale)}</Text>
              </Table.Td>
              <Table.Td miw={160}>
                <Text size="sm" lineClamp={2}>
                  {c.sponsors ?? "—"}
                </Text>
              </Table.Td>
              <Table.Td className="kyoso-nowrap">{c.principalInvestigator ?? "—"}</Table.Td>
              <Table.Td className="kyoso-nowrap">
                <Text size="sm">{c.startDate}</Text>
                <Text size="sm" c="dimmed">
                  – {c.endDate}
                </Text>
              </Table.Td>
              <Table.Td ta="right" className="kyoso-nowrap" fw={600}>
                {yen(c.total, fmt.locale)}
              </Table.Td>
              <Table.Td>
                <ContractStatusBadge status={c.status} />
              </Table.Td>
            </Table.Tr>
          ))}
        </ResultsTable>
      )}
    </Stack>
  );
}
