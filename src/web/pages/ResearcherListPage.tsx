import {
  Anchor,
  Button,
  Checkbox,
  Group,
  Menu,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { IconDownload, IconPlus, IconSearch } from "@tabler/icons-react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { api, type Page, qs, type ResearcherCard } from "../api";
import { ErrorAlert, PageLoader } from "../components/feedback";
import { ResultsTable } from "../components/ResultsTable";
import { useFormat } from "../format";
import { useCatalogInstitutions } from "../queries";
import { usePermissions } from "../session";

const PAGE_SIZE = 50;

/** Coordinators and admins: the profiles they may edit, and who has no published seed yet. */
export function ResearcherListPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const can = usePermissions();
  const institutions = useCatalogInstitutions();
  const [q, setQ] = useState("");
  const [debounced] = useDebouncedValue(q, 300);
  const [institution, setInstitution] = useState<string | null>(null);
  const [withoutSeed, setWithoutSeed] = useState(false);
  const [page, setPage] = useState(1);
  const query = qs({
    q: debounced,
    institution,
    withoutPublishedSeed: withoutSeed ? "true" : undefined,
    page,
    pageSize: PAGE_SIZE,
  });
  const list = useQuery({
    queryKey: ["researchers", query],
    queryFn: () => api<Page<ResearcherCard>>(`/api/researchers${query}`),
    placeholderData: keepPreviousData,
  });
  const exportUrl = (format: string) => `/api/exports/researchers${qs({ format, institution })}`;
  return (
    <Stack maw={1200}>
      <Group justify="space-between">
        <Title order={2}>{t("researcherList.title")}</Title>
        <Group gap="xs">
          {can("catalog:export") && (
            <Menu>
              <Menu.Target>
                <Button variant="default" leftSection={<IconDownload size={16} />}>
                  {t("imports.export")}
                </Button>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Item component="a" href={exportUrl("xlsx")}>
                  Excel (.xlsx)
                </Menu.Item>
                <Menu.Item component="a" href={exportUrl("csv")}>
                  CSV
                </Menu.Item>
                <Menu.Item component="a" href={exportUrl("jsonl")}>
                  JSONL
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          )}
          <Button component={Link} to="/researchers/new" leftSection={<IconPlus size={16} />}>
            {t("researcherList.newResearcher")}
          </Button>
        </Group>
      </Group>
      <Paper withBorder p="sm">
        <Group align="flex-end">
          <TextInput
            aria-label={t("common.search")}
            placeholder={t("catalog.researcherSearchPlaceholder")}
            leftSection={<IconSearch size={16} />}
            value={q}
            onChange={(e) => {
              setQ(e.currentTarget.value);
              setPage(1);
            }}
            w={{ base: "100%", sm: 320 }}
          />
          <Select
            aria-label={t("catalog.institution")}
            placeholder={t("catalog.institution")}
            data={(institutions.data ?? []).map((i) => ({
              value: i.id,
              label: fmt.locale === "en" ? (i.nameEn ?? i.nameJa) : i.nameJa,
            }))}
            value={institution}
            onChange={(v) => {
              setInstitution(v);
              setPage(1);
            }}
            searchable
            clearable
            w={280}
          />
          <Checkbox
            label={t("researcherList.withoutSeed")}
            checked={withoutSeed}
            onChange={(e) => {
              setWithoutSeed(e.currentTarget.checked);
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
          total={list.data?.total ?? 0}
          page={page}
          pageSize={PAGE_SIZE}
          onPage={setPage}
          head={[
            t("users.name"),
            t("catalog.institution"),
            t("catalog.department"),
            t("catalog.keywords"),
            t("catalog.seedsOf"),
            "",
          ]}
          empty={t("catalog.noResearchers")}
          highlightOnHover
        >
          {list.data?.items.map((r) => (
            <Table.Tr key={r.id}>
              <Table.Td>
                <Anchor component={Link} to={`/catalog/researchers/${r.id}`} size="sm" fw={600}>
                  {fmt.pick(r.nameJa, r.nameEn).text}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {r.nameKana}
                </Text>
              </Table.Td>
              <Table.Td>{fmt.orgName(r.institution)}</Table.Td>
              <Table.Td>
                <Text size="sm">{[r.department, r.position].filter(Boolean).join(" ")}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="xs" lineClamp={2}>
                  {r.keywordsJa.join("、")}
                </Text>
              </Table.Td>
              <Table.Td>{r.seedCount}</Table.Td>
              <Table.Td>
                <Button size="xs" variant="subtle" component={Link} to={`/researchers/${r.id}/edit`}>
                  {t("common.edit")}
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </ResultsTable>
      )}
    </Stack>
  );
}
