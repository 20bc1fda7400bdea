import {
  Anchor,
  Button,
  Card,
  Group,
  Pagination,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Tabs,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { IconSearch } from "@tabler/icons-react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { KOSEN_BLOCKS } from "../../shared/regions";
import { FIELDS, PHASES } from "../../shared/seeds";
import { api, type Page, qs, type ResearcherCard, type SeedCard } from "../api";
import { ErrorAlert, PageLoader } from "../components/feedback";
import { SeedCardView } from "../components/SeedCard";
import { useFormat } from "../format";
import { useAreas, useCatalogInstitutions } from "../queries";
import { useUrlFilters } from "../url-filters";

const PAGE_SIZE = 20;

export function CatalogPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const filters = useUrlFilters();
  const { params, get, set, text, setText, submit } = filters;
  const tab = params.get("tab") === "researchers" ? "researchers" : "seeds";
  const areas = useAreas();
  const institutions = useCatalogInstitutions();

  const page = Number(get("page") || 1);
  const common = {
    q: get("q"),
    institution: get("institution"),
    area: get("area"),
    block: get("block"),
    page,
    pageSize: PAGE_SIZE,
  };
  const seedQuery = qs({ ...common, field: get("field"), phase: get("phase"), sort: get("sort") });
  const seeds = useQuery({
    queryKey: ["catalog", "seeds", seedQuery],
    queryFn: () => api<Page<SeedCard>>(`/api/catalog/seeds${seedQuery}`),
    placeholderData: keepPreviousData,
    enabled: tab === "seeds",
  });
  const researcherQuery = qs(common);
  const researchers = useQuery({
    queryKey: ["catalog", "researchers", researcherQuery],
    queryFn: () => api<Page<ResearcherCard>>(`/api/catalog/researchers${researcherQuery}`),
    placeholderData: keepPreviousData,
    enabled: tab === "researchers",
  });
  const current = tab === "seeds" ? seeds : researchers;
  const total = current.data?.total ?? 0;

  return (
    <Stack maw={1200}>
      <div>
        <Title order={2}>{t("catalog.title")}</Title>
        <Text c="dimmed" size="sm">
          {t("catalog.intro")}
        </Text>
      </div>
      <Paper withBorder p="md">
        <form onSubmit={submit}>
          <Group align="flex-end" wrap="nowrap">
            <TextInput
              style={{ flex: 1 }}
              size="md"
              aria-label={t("common.search")}
              placeholder={
                tab === "seeds" ? t("catalog.searchPlaceholder") : t("catalog.researcherSearchPlaceholder")
              }
              leftSection={<IconSearch size={18} />}
              value={text}
              onChange={(e) => setText(e.currentTarget.value)}
            />
            <Button type="submit" size="md">
              {t("common.search")}
            </Button>
          </Group>
        </form>
        <Group mt="sm" gap="sm" align="flex-end">
          {tab === "seeds" && (
            <Select
              label={t("catalog.field")}
              data={FIELDS.map((f) => ({ value: f.code, label: f[fmt.locale] }))}
              value={get("field") || null}
              onChange={(v) => set({ field: v ?? "" })}
              placeholder={t("common.all")}
              clearable
              w={200}
            />
          )}
          <Select
            label={t("catalog.institution")}
            data={(institutions.data ?? []).map((i) => ({
              value: i.id,
              label: fmt.locale === "en" ? (i.nameEn ?? i.nameJa) : i.nameJa,
            }))}
            value={get("institution") || null}
            onChange={(v) => set({ institution: v ?? "" })}
            placeholder={t("common.all")}
            searchable
            clearable
            w={260}
          />
          <Select
            label={t("org.area")}
            data={(areas.data ?? []).map((a) => ({
              value: a.code,
              label: fmt.locale === "ja" ? a.nameJa : a.nameEn,
            }))}
            value={get("area") || null}
            onChange={(v) => set({ area: v ?? "" })}
            placeholder={t("common.all")}
            clearable
            w={140}
          />
          <Select
            label={t("org.block")}
            data={KOSEN_BLOCKS.map((b) => ({ value: b.code, label: b[fmt.locale] }))}
            value={get("block") || null}
            onChange={(v) => set({ block: v ?? "" })}
            placeholder={t("common.all")}
            clearable
            w={150}
          />
          {tab === "seeds" && (
            <>
              <Select
                label={t("catalog.phase")}
                data={PHASES.map((p) => ({ value: p.code, label: p[fmt.locale] }))}
                value={get("phase") || null}
                onChange={(v) => set({ phase: v ?? "" })}
                placeholder={t("common.all")}
                clearable
                w={120}
              />
              <Select
                label={t("org.sort")}
                data={[
                  { value: "relevance", label: t("catalog.sortRelevance") },
                  { value: "newest", label: t("catalog.sortNewest") },
                  { value: "title", label: t("catalog.sortTitle") },
                ]}
                value={get("sort") || "relevance"}
                onChange={(v) => set({ sort: v && v !== "relevance" ? v : "" })}
                allowDeselect={false}
                w={140}
              />
            </>
          )}
        </Group>
      </Paper>

      <Tabs value={tab} onChange={(v) => set({ tab: v === "researchers" ? "researchers" : "" })}>
        <Tabs.List>
          <Tabs.Tab value="seeds">{t("catalog.seedsTab")}</Tabs.Tab>
          <Tabs.Tab value="researchers">{t("catalog.researchersTab")}</Tabs.Tab>
        </Tabs.List>
      </Tabs>

      <ErrorAlert error={current.error} />
      {current.isLoading ? (
        <PageLoader />
      ) : (
        <>
          <Text size="sm" c="dimmed" data-testid="result-count">
            {t("common.results", { count: total })}
          </Text>
          {tab === "seeds" ? (
            <Stack gap="sm">
              {seeds.data?.items.map((s) => (
                <SeedCardView key={s.id} seed={s} />
              ))}
              {total === 0 && <Text c="dimmed">{t("catalog.noResults")}</Text>}
            </Stack>
          ) : (
            <SimpleGrid cols={{ base: 1, md: 2 }}>
              {researchers.data?.items.map((r) => (
                <Card key={r.id} withBorder data-testid="researcher-card">
                  <Anchor component={Link} to={`/catalog/researchers/${r.id}`} fw={700}>
                    {fmt.pick(r.nameJa, r.nameEn).text}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {fmt.locale === "ja" ? r.nameKana : r.nameJa}
                  </Text>
                  <Text size="sm">
                    {fmt.orgName(r.institution)} {r.department ?? ""} {r.position ?? ""}
                  </Text>
                  <Text size="xs" c="dimmed" lineClamp={1}>
                    {(fmt.locale === "en" && r.keywordsEn.length ? r.keywordsEn : r.keywordsJa).join("、")}
                  </Text>
                  <Text size="xs" mt={4}>
                    {t("catalog.seedCount", { count: r.seedCount })}
                  </Text>
                </Card>
              ))}
              {total === 0 && <Text c="dimmed">{t("catalog.noResearchers")}</Text>}
            </SimpleGrid>
          )}
          {total > PAGE_SIZE && (
            <Group justify="center">
              <Pagination
                total={Math.min(1000, Math.ceil(total / PAGE_SIZE))}
                value={page}
                onChange={(p) => set({ page: String(p) })}
              />
            </Group>
          )}
        </>
      )}
    </Stack>
  );
}
