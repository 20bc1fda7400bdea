import { Button, Group, Pagination, Paper, Select, Stack, Text, TextInput, Title } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { IconPlus, IconSearch } from "@tabler/icons-react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { SEED_STATUSES } from "../../shared/seeds";
import { api, type Page, qs, type SeedCard } from "../api";
import { ErrorAlert, PageLoader } from "../components/feedback";
import { SeedCardView } from "../components/SeedCard";
import { useMe, usePermissions } from "../session";

const PAGE_SIZE = 20;

/** Seeds the user may edit: their own (researchers), those of covered institutions (coordinators), all (admins). */
export function SeedListPage() {
  const { t } = useTranslation();
  const can = usePermissions();
  const { data: me } = useMe();
  const [q, setQ] = useState("");
  const [debounced] = useDebouncedValue(q, 300);
  const [status, setStatus] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const query = qs({ q: debounced, status, page, pageSize: PAGE_SIZE });
  const list = useQuery({
    queryKey: ["seeds", query],
    queryFn: () => api<Page<SeedCard>>(`/api/seeds${query}`),
    placeholderData: keepPreviousData,
  });
  const total = list.data?.total ?? 0;
  return (
    <Stack maw={1100}>
      <Group justify="space-between">
        <Title order={2}>
          {me?.user.role === "researcher" ? t("seedList.mineTitle") : t("seedList.title")}
        </Title>
        {can("seeds:create") && (
          <Button component={Link} to="/seeds/new" leftSection={<IconPlus size={16} />}>
            {t("seedEdit.newSeed")}
          </Button>
        )}
      </Group>
      <Paper withBorder p="sm">
        <Group>
          <TextInput
            aria-label={t("common.search")}
            placeholder={t("catalog.searchPlaceholder")}
            leftSection={<IconSearch size={16} />}
            value={q}
            onChange={(e) => {
              setQ(e.currentTarget.value);
              setPage(1);
            }}
            w={{ base: "100%", sm: 360 }}
          />
          <Select
            aria-label={t("catalog.status")}
            data={SEED_STATUSES.map((s) => ({ value: s, label: t(`seedStatus.${s}`) }))}
            value={status}
            onChange={(v) => {
              setStatus(v);
              setPage(1);
            }}
            placeholder={t("seedList.allStatuses")}
            clearable
            w={180}
          />
        </Group>
      </Paper>
      <ErrorAlert error={list.error} />
      {list.isLoading ? (
        <PageLoader />
      ) : (
        <>
          <Text size="sm" c="dimmed" data-testid="result-count">
            {t("common.results", { count: total })}
          </Text>
          <Stack gap="sm">
            {list.data?.items.map((s) => (
              <div key={s.id}>
                <SeedCardView seed={s} showStatus />
                <Group justify="flex-end" mt={4}>
                  <Button size="xs" variant="subtle" component={Link} to={`/seeds/${s.id}/edit`}>
                    {t("common.edit")}
                  </Button>
                </Group>
              </div>
            ))}
          </Stack>
          {total > PAGE_SIZE && (
            <Group justify="center">
              <Pagination total={Math.ceil(total / PAGE_SIZE)} value={page} onChange={setPage} />
            </Group>
          )}
        </>
      )}
    </Stack>
  );
}
