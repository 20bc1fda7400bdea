import {
  Badge,
  Button,
  Group,
  MultiSelect,
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
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useSearchParams } from "react-router";
import { KOSEN_BLOCKS, PREFECTURES } from "../../shared/regions";
import { ORG_TYPES } from "../../shared/roles";
import { api, type Organization, type Page, qs } from "../api";
import { ErrorAlert, PageLoader } from "../components/feedback";
import { OrganizationFormModal } from "../components/OrganizationForm";
import { ResultsTable } from "../components/ResultsTable";
import { useFormat } from "../format";
import { useAreas } from "../queries";
import { usePermissions } from "../session";

const PAGE_SIZE = 50;

export function OrganizationsPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const can = usePermissions();
  const navigate = useNavigate();
  const areas = useAreas();
  const [params, setParams] = useSearchParams();
  const [creating, setCreating] = useState(false);
  const [q, setQ] = useState(params.get("q") ?? "");
  const [debouncedQ] = useDebouncedValue(q, 300);

  const filters = {
    type: params.get("type") ?? "",
    area: params.get("area") ?? "",
    block: params.get("block") ?? "",
    prefecture: params.get("prefecture") ?? "",
    sort: params.get("sort") ?? "default",
    q: params.get("q") ?? "",
    page: Number(params.get("page") ?? 1),
  };
  const set = (changes: Partial<Record<keyof typeof filters, string>>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    if (!("page" in changes)) next.delete("page");
    setParams(next, { replace: true });
  };
  // biome-ignore lint/correctness/useExhaustiveDependencies: only the debounced text drives the URL
  useEffect(() => {
    if (debouncedQ !== filters.q) set({ q: debouncedQ });
  }, [debouncedQ]);

  const query = qs({ ...filters, pageSize: PAGE_SIZE });
  const list = useQuery({
    queryKey: ["organizations", query],
    queryFn: () => api<Page<Organization>>(`/api/organizations${query}`),
    placeholderData: keepPreviousData,
  });

  const typeData = ORG_TYPES.map((v) => ({ value: v, label: fmt.orgType(v) }));
  const areaData = (areas.data ?? []).map((a) => ({
    value: a.code,
    label: fmt.locale === "ja" ? a.nameJa : a.nameEn,
  }));
  const blockData = KOSEN_BLOCKS.map((b) => ({ value: b.code, label: b[fmt.locale] }));
  const prefData = PREFECTURES.map((p) => ({ value: String(p.code), label: p[fmt.locale] }));

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t("org.title")}</Title>
        <Group gap="xs">
          {can("organizations:export") && (
            <Button
              variant="default"
              leftSection={<IconDownload size={16} />}
              component="a"
              href={`/api/organizations/export.csv${qs({ ...filters, page: undefined })}`}
            >
              {t("common.exportCsv")}
            </Button>
          )}
          {can("organizations:create") && (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
              {t("org.new")}
            </Button>
          )}
        </Group>
      </Group>

      <Paper withBorder p="sm">
        <Group align="flex-end" gap="sm" wrap="wrap">
          <TextInput
            label={t("common.search")}
            placeholder={t("org.searchPlaceholder")}
            leftSection={<IconSearch size={16} />}
            value={q}
            onChange={(e) => setQ(e.currentTarget.value)}
            w={{ base: "100%", sm: 320 }}
          />
          <MultiSelect
            label={t("org.type")}
            data={typeData}
            value={filters.type ? filters.type.split(",") : []}
            onChange={(v) => set({ type: v.join(",") })}
            placeholder={t("common.all")}
            clearable
            w={{ base: "100%", sm: 280 }}
          />
          <Select
            label={t("org.area")}
            data={areaData}
            value={filters.area || null}
            onChange={(v) => set({ area: v ?? "" })}
            placeholder={t("common.all")}
            clearable
            w={150}
          />
          <Select
            label={t("org.block")}
            data={blockData}
            value={filters.block || null}
            onChange={(v) => set({ block: v ?? "" })}
            placeholder={t("common.all")}
            clearable
            w={160}
          />
          <Select
            label={t("org.prefecture")}
            data={prefData}
            value={filters.prefecture || null}
            onChange={(v) => set({ prefecture: v ?? "" })}
            placeholder={t("common.all")}
            searchable
            clearable
            w={150}
          />
          <Select
            label={t("org.sort")}
            data={[
              { value: "default", label: t("org.sortDefault") },
              { value: "name", label: t("org.sortName") },
              { value: "updated", label: t("org.sortUpdated") },
            ]}
            value={filters.sort}
            onChange={(v) => set({ sort: v && v !== "default" ? v : "" })}
            allowDeselect={false}
            w={190}
          />
        </Group>
      </Paper>

      <ErrorAlert error={list.error} />
      {list.isLoading ? (
        <PageLoader />
      ) : (
        <ResultsTable
          total={list.data?.total ?? 0}
          page={filters.page}
          pageSize={PAGE_SIZE}
          onPage={(p) => set({ page: String(p) })}
          head={[
            t("org.name"),
            t("org.type"),
            t("org.prefecture"),
            t("org.area"),
            t("org.block"),
            t("org.corporateNumber"),
          ]}
          empty={t("org.noResults")}
          highlightOnHover
        >
          {list.data?.items.map((o) => (
            <Table.Tr
              key={o.id}
              className="kyoso-row-link"
              onClick={() => void navigate(`/organizations/${o.id}`)}
            >
              <Table.Td>
                <Text size="sm" fw={600}>
                  {fmt.orgName(o)}
                </Text>
                <Text size="xs" c="dimmed">
                  {fmt.locale === "ja" ? o.nameKana : o.nameJa}
                </Text>
              </Table.Td>
              <Table.Td>
                <Group gap={4} wrap="nowrap">
                  <Badge
                    variant="light"
                    color={o.type === "university" || o.type === "kosen" ? "indigo" : "gray"}
                  >
                    {fmt.orgType(o.type)}
                  </Badge>
                  {o.isDemo && (
                    <Badge variant="outline" color="orange" size="xs">
                      {t("common.demo")}
                    </Badge>
                  )}
                </Group>
              </Table.Td>
              <Table.Td className="kyoso-nowrap">{fmt.prefecture(o.prefecture)}</Table.Td>
              <Table.Td className="kyoso-nowrap">{fmt.area(areas.data, o.areaCode)}</Table.Td>
              <Table.Td className="kyoso-nowrap">{o.kosenBlock ? fmt.block(o.kosenBlock) : "—"}</Table.Td>
              <Table.Td className="kyoso-nowrap">{o.corporateNumber ?? "—"}</Table.Td>
            </Table.Tr>
          ))}
        </ResultsTable>
      )}
      {creating && (
        <OrganizationFormModal
          onClose={() => setCreating(false)}
          onSaved={(o) => {
            setCreating(false);
            void navigate(`/organizations/${o.id}`);
          }}
        />
      )}
    </Stack>
  );
}
