import {
  Badge,
  Button,
  Code,
  Group,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { IconDownload, IconSearch } from "@tabler/icons-react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type AuditEvent, api, type Page, qs } from "../api";
import { ErrorAlert, PageLoader } from "../components/feedback";
import { ResultsTable } from "../components/ResultsTable";
import { useFormat } from "../format";
import { ja } from "../i18n/ja";

const ACTIONS = Object.keys(ja.audit.actions) as (keyof typeof ja.audit.actions)[];
const PAGE_SIZE = 50;

function actionColor(action: string) {
  if (
    action.endsWith("_failed") ||
    action.endsWith("_throttled") ||
    action.endsWith("disabled") ||
    action.endsWith("deleted")
  )
    return "red";
  if (action.startsWith("export.") || action.startsWith("data.")) return "orange";
  if (action.startsWith("user.")) return "violet";
  return "gray";
}

export function AuditPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [action, setAction] = useState<string | null>(null);
  const [q, setQ] = useState("");
  const [debouncedQ] = useDebouncedValue(q, 300);
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const [page, setPage] = useState(1);
  const filters = { action, q: debouncedQ, from, to };
  const query = qs({ ...filters, page, pageSize: PAGE_SIZE });
  const list = useQuery({
    queryKey: ["audit", query],
    queryFn: () => api<Page<AuditEvent>>(`/api/audit${query}`),
    placeholderData: keepPreviousData,
  });
  const total = list.data?.total ?? 0;
  const actionLabel = (a: string) => (a in ja.audit.actions ? t(`audit.actions.${a}`) : a);

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t("audit.title")}</Title>
        <Button
          variant="default"
          leftSection={<IconDownload size={16} />}
          component="a"
          href={`/api/audit/export.csv${qs(filters)}`}
        >
          {t("common.exportCsv")}
        </Button>
      </Group>
      <Paper withBorder p="sm">
        <Group align="flex-end" gap="sm">
          <Select
            label={t("audit.action")}
            data={ACTIONS.map((a) => ({ value: a, label: actionLabel(a) }))}
            value={action}
            onChange={(v) => {
              setAction(v);
              setPage(1);
            }}
            placeholder={t("audit.allActions")}
            clearable
            searchable
            w={240}
          />
          <TextInput
            label={t("common.search")}
            placeholder={t("audit.searchPlaceholder")}
            leftSection={<IconSearch size={16} />}
            value={q}
            onChange={(e) => {
              setQ(e.currentTarget.value);
              setPage(1);
            }}
            w={260}
          />
          <TextInput
            label={t("audit.from")}
            type="date"
            value={from}
            onChange={(e) => {
              setFrom(e.currentTarget.value);
              setPage(1);
            }}
          />
          <TextInput
            label={t("audit.to")}
            type="date"
            value={to}
            onChange={(e) => {
              setTo(e.currentTarget.value);
              setPage(1);
            }}
          />
        </Group>
      </Paper>
      <ErrorAlert error={list.error} />
      {list.isLoading ? (
        <PageLoader />
      ) : (
        <ResultsTable
          total={total}
          page={page}
          pageSize={PAGE_SIZE}
          onPage={setPage}
          head={[
            t("audit.at"),
            t("audit.action"),
            t("audit.actor"),
            t("audit.subject"),
            t("audit.ip"),
            t("audit.details"),
          ]}
          empty={t("audit.noResults")}
          minWidth={900}
          striped
        >
          {list.data?.items.map((e) => (
            <Table.Tr key={e.id}>
              <Table.Td className="kyoso-nowrap">{fmt.dateTime(e.at)}</Table.Td>
              <Table.Td className="kyoso-nowrap">
                <Badge variant="light" color={actionColor(e.action)}>
                  {actionLabel(e.action)}
                </Badge>
              </Table.Td>
              <Table.Td className="kyoso-nowrap">
                {e.actorName ?? e.actorEmail ?? (
                  <Text span c="dimmed" size="sm">
                    {t("audit.system")}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{e.subject ?? "—"}</Table.Td>
              <Table.Td className="kyoso-nowrap">{e.ip ?? "—"}</Table.Td>
              <Table.Td>
                {Object.keys(e.details ?? {}).length > 0 ? (
                  <Code
                    style={{
                      whiteSpace: "pre-wrap",
                      wordBreak: "break-all",
                      display: "block",
                      maxWidth: 420,
                    }}
                  >
                    {JSON.stringify(e.details)}
                  </Code>
                ) : (
                  "—"
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </ResultsTable>
      )}
    </Stack>
  );
}
