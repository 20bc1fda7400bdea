import {
  ActionIcon,
  Anchor,
  Badge,
  Button,
  Group,
  Menu,
  MultiSelect,
  NumberInput,
  Paper,
  Popover,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  UnstyledButton,
} from "@mantine/core";
import {
  IconArrowDown,
  IconArrowUp,
  IconBookmark,
  IconDownload,
  IconLayoutKanban,
  IconTrash,
} from "@tabler/icons-react";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { PARTNER_TYPES } from "../../shared/roles";
import { api, qs } from "../api";
import { type CaseList, type SavedView, STAGE_KIND_COLOR, stageLabel } from "../cases";
import { ErrorAlert, errorMessage, notifySaved, PageLoader } from "../components/feedback";
import { ResultsTable } from "../components/ResultsTable";
import { useFormat } from "../format";
import { useAreas, useCatalogInstitutions, useOrganizationOptions } from "../queries";
import { FilterSearch, useUrlFilters } from "../url-filters";

const PAGE_SIZE = 50;
/** The filters kept in the URL, saved in views and sent to the list and the exports. */
const FILTER_KEYS = [
  "stage",
  "state",
  "area",
  "coordinator",
  "partner",
  "institution",
  "ageMin",
  "ageMax",
  "dueBefore",
  "q",
  "sort",
  "dir",
] as const;
const SORTS = ["age", "updated", "due", "stage", "reference"] as const;

function SavedViews({ current, onPick }: { current: Record<string, string>; onPick: (q: string) => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [name, setName] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const views = useQuery({
    queryKey: ["cases", "views"],
    queryFn: () => api<SavedView[]>("/api/cases/views"),
  });
  const save = useMutation({
    mutationFn: () => api<SavedView>("/api/cases/views", { method: "POST", body: { name, query: current } }),
    onSuccess: () => {
      setName("");
      setOpen(false);
      setError(null);
      notifySaved(t("cases.list.viewSaved"));
      void qc.invalidateQueries({ queryKey: ["cases", "views"] });
    },
    onError: (e) => setError(errorMessage(e)),
  });
  const remove = useMutation({
    mutationFn: (id: string) => api(`/api/cases/views/${id}`, { method: "DELETE" }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ["cases", "views"] }),
  });
  return (
    <Group gap="xs">
      <Menu position="bottom-start" withinPortal>
        <Menu.Target>
          <Button variant="default" leftSection={<IconBookmark size={16} />}>
            {t("cases.list.views")}
            {views.data?.length ? ` (${views.data.length})` : ""}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          {!views.data?.length && <Menu.Label>{t("cases.list.noViews")}</Menu.Label>}
          {views.data?.map((v) => (
            <Group key={v.id} gap={0} wrap="nowrap">
              <Menu.Item onClick={() => onPick(qs(v.query))}>{v.name}</Menu.Item>
              <ActionIcon
                variant="subtle"
                color="red"
                aria-label={t("cases.list.deleteView", { name: v.name })}
                onClick={() => remove.mutate(v.id)}
              >
                <IconTrash size={14} />
              </ActionIcon>
            </Group>
          ))}
        </Menu.Dropdown>
      </Menu>
      <Popover opened={open} onChange={setOpen} position="bottom-start" withinPortal trapFocus>
        <Popover.Target>
          <Button variant="subtle" onClick={() => setOpen((o) => !o)}>
            {t("cases.list.saveView")}
          </Button>
        </Popover.Target>
        <Popover.Dropdown>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              if (name.trim()) save.mutate();
            }}
          >
            <Stack gap="xs" w={260}>
              <TextInput
                label={t("cases.list.viewName")}
                description={t("cases.list.viewNameHelp")}
                value={name}
                onChange={(e) => setName(e.currentTarget.value)}
                error={error}
                maxLength={60}
                data-autofocus
              />
              <Button type="submit" loading={save.isPending} disabled={!name.trim()}>
                {t("common.save")}
              </Button>
            </Stack>
          </form>
        </Popover.Dropdown>
      </Popover>
    </Group>
  );
}

/** The cases in a table: filters, sorting, paging, saved views and exports, all kept in the URL. */
export function CaseListPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const navigate = useNavigate();
  const areas = useAreas();
  const url = useUrlFilters();
  const { setParams, get, set } = url;
  const [partnerSearch, setPartnerSearch] = useState("");
  const partners = useOrganizationOptions(PARTNER_TYPES, partnerSearch);
  const institutions = useCatalogInstitutions();

  const filters: Record<string, string> = Object.fromEntries(
    FILTER_KEYS.map((k) => [k, get(k)]).filter(([, v]) => v),
  );
  // Open cases unless the viewer chose otherwise (the server's own default is every state).
  filters.state = get("state") || "open";
  const page = Number(get("page") || 1);
  const sort = (SORTS as readonly string[]).includes(get("sort")) ? get("sort") : "age";
  const dir = get("dir") === "asc" ? "asc" : "desc";
  const query = qs({ ...filters, page, pageSize: PAGE_SIZE });
  const list = useQuery({
    queryKey: ["cases", "list", query],
    queryFn: () => api<CaseList>(`/api/cases${query}`),
    placeholderData: keepPreviousData,
  });
  const stages = list.data?.stages ?? [];
  const sortHead = (key: (typeof SORTS)[number], label: string): ReactNode => {
    const active = sort === key;
    return (
      <UnstyledButton
        onClick={() => set({ sort: key, dir: active && dir === "desc" ? "asc" : "desc" })}
        aria-label={t("cases.list.sortBy", { column: label })}
        fw={700}
        fz="sm"
      >
        <Group gap={2} wrap="nowrap">
          {label}
          {active && (dir === "desc" ? <IconArrowDown size={14} /> : <IconArrowUp size={14} />)}
        </Group>
      </UnstyledButton>
    );
  };
  const exportQuery = (format: string) => `/api/cases/export${qs({ ...filters, format })}`;
  const partnerOptions = (partners.data?.items ?? []).map((o) => ({ value: o.id, label: o.nameJa }));
  if (get("partner") && !partnerOptions.some((o) => o.value === get("partner")))
    partnerOptions.push({ value: get("partner"), label: get("partner") });

  return (
    <Stack maw={1400}>
      <Group justify="space-between">
        <Title order={2}>{t("cases.list.title")}</Title>
        <Group gap="xs">
          <Anchor component={Link} to={`/cases/board${qs({ area: get("area"), q: get("q") })}`} size="sm">
            <Group gap={4}>
              <IconLayoutKanban size={16} />
              {t("cases.list.toBoard")}
            </Group>
          </Anchor>
          <Button
            component="a"
            href={exportQuery("csv")}
            variant="default"
            leftSection={<IconDownload size={16} />}
            data-testid="export-csv"
          >
            {t("cases.list.exportCsv")}
          </Button>
          <Button
            component="a"
            href={exportQuery("xlsx")}
            variant="default"
            leftSection={<IconDownload size={16} />}
            data-testid="export-xlsx"
          >
            {t("cases.list.exportXlsx")}
          </Button>
        </Group>
      </Group>
      <Paper withBorder p="sm">
        <Stack gap="sm">
          <Group align="flex-end" gap="sm">
            <FilterSearch
              filters={url}
              placeholder={t("cases.searchPlaceholder")}
              style={{ flex: "1 1 240px", maxWidth: 360 }}
            />
            <SegmentedControl
              aria-label={t("cases.list.state")}
              data={(["open", "won", "closed", "all"] as const).map((s) => ({
                value: s,
                label: t(`cases.states.${s}`),
              }))}
              value={get("state") || "open"}
              onChange={(v) => set({ state: v === "open" ? "" : v })}
            />
            <SavedViews current={filters} onPick={(q) => setParams(new URLSearchParams(q))} />
          </Group>
          <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} spacing="sm">
            <MultiSelect
              label={t("cases.stage")}
              data={stages.map((s) => ({ value: s.code, label: stageLabel(s, fmt.locale) }))}
              value={get("stage") ? get("stage").split(",") : []}
              onChange={(v) => set({ stage: v.join(",") })}
              placeholder={get("stage") ? undefined : t("cases.list.allStages")}
              clearable
            />
            <Select
              label={t("cases.area")}
              data={[
                ...(areas.data ?? []).map((a) => ({
                  value: a.code,
                  label: fmt.locale === "ja" ? a.nameJa : a.nameEn,
                })),
                { value: "none", label: t("cases.noArea") },
              ]}
              value={get("area") || null}
              onChange={(v) => set({ area: v ?? "" })}
              placeholder={t("cases.allAreas")}
              clearable
            />
            <Select
              label={t("cases.coordinator")}
              data={[
                { value: "me", label: t("cases.coordinators.me") },
                { value: "none", label: t("cases.coordinators.none") },
              ]}
              value={get("coordinator") || null}
              onChange={(v) => set({ coordinator: v ?? "" })}
              placeholder={t("cases.coordinators.anyone")}
              clearable
            />
            <Select
              label={t("cases.referral")}
              data={partnerOptions}
              searchable
              onSearchChange={setPartnerSearch}
              value={get("partner") || null}
              onChange={(v) => set({ partner: v ?? "" })}
              placeholder={t("cases.list.anyPartner")}
              clearable
            />
            <Select
              label={t("cases.list.institution")}
              data={(institutions.data ?? []).map((i) => ({
                value: i.id,
                label:
                  fmt.locale === "ja" ? (i.shortNameJa ?? i.nameJa) : (i.shortNameEn ?? i.nameEn ?? i.nameJa),
              }))}
              searchable
              value={get("institution") || null}
              onChange={(v) => set({ institution: v ?? "" })}
              placeholder={t("cases.list.anyInstitution")}
              clearable
            />
            <NumberInput
              label={t("cases.list.ageMin")}
              min={0}
              value={get("ageMin")}
              onChange={(v) => set({ ageMin: v === "" ? "" : String(v) })}
              suffix={t("cases.list.daysSuffix")}
            />
            <NumberInput
              label={t("cases.list.ageMax")}
              min={0}
              value={get("ageMax")}
              onChange={(v) => set({ ageMax: v === "" ? "" : String(v) })}
              suffix={t("cases.list.daysSuffix")}
            />
            <TextInput
              type="date"
              label={t("cases.list.dueBefore")}
              value={get("dueBefore")}
              onChange={(e) => set({ dueBefore: e.currentTarget.value })}
            />
            <Group align="flex-end">
              <Button variant="subtle" onClick={() => setParams(new URLSearchParams())}>
                {t("cases.list.clearFilters")}
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
            sortHead("reference", t("need.referenceNumber")),
            t("need.title"),
            t("need.company"),
            sortHead("stage", t("cases.stage")),
            t("cases.coordinator"),
            sortHead("age", t("cases.age")),
            sortHead("due", t("cases.nextDue")),
            sortHead("updated", t("cases.lastActivity")),
          ]}
          empty={t("cases.list.noResults")}
          minWidth={1100}
          highlightOnHover
        >
          {list.data?.items.map((c) => {
            const stage = stages.find((s) => s.code === c.stageCode);
            return (
              <Table.Tr key={c.id} className="kyoso-row-link" onClick={() => void navigate(`/cases/${c.id}`)}>
                <Table.Td className="kyoso-nowrap">
                  <Anchor
                    component={Link}
                    to={`/cases/${c.id}`}
                    ff="monospace"
                    size="sm"
                    onClick={(e) => e.stopPropagation()}
                  >
                    {c.referenceNumber}
                  </Anchor>
                </Table.Td>
                <Table.Td miw={240}>
                  <Text size="sm" fw={600} lineClamp={2}>
                    {c.title}
                  </Text>
                  {c.referralOrganizationName && (
                    <Text size="xs" c="dimmed">
                      {t("cases.referral")}: {c.referralOrganizationName}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td miw={160}>{c.organizationName}</Table.Td>
                <Table.Td>
                  <Badge variant="light" color={STAGE_KIND_COLOR[c.stageKind]} miw="max-content">
                    {stageLabel(stage, fmt.locale, c.stageCode)}
                  </Badge>
                </Table.Td>
                <Table.Td className="kyoso-nowrap">
                  {c.coordinator?.displayName ?? (
                    <Text span size="sm" c="orange.8">
                      {t("cases.unassigned")}
                    </Text>
                  )}
                  {c.secondCoordinator && (
                    <Text size="xs" c="dimmed">
                      {c.secondCoordinator.displayName}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td className="kyoso-nowrap">{t("cases.days", { count: c.ageDays })}</Table.Td>
                <Table.Td className="kyoso-nowrap">
                  {c.nextDueOn ? (
                    <Text size="sm" c={c.overdue ? "red.7" : undefined} fw={c.overdue ? 700 : undefined}>
                      {c.nextDueOn}
                      {c.overdue ? ` (${t("cases.overdue")})` : ""}
                    </Text>
                  ) : (
                    "—"
                  )}
                </Table.Td>
                <Table.Td className="kyoso-nowrap" title={fmt.dateTime(c.lastActivityAt)}>
                  {fmt.dateTime(c.lastActivityAt).slice(0, 10)}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </ResultsTable>
      )}
    </Stack>
  );
}
