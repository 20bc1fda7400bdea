import {
  ActionIcon,
  Badge,
  Button,
  Code,
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
import { modals } from "@mantine/modals";
import { IconDots, IconPlus, IconSearch } from "@tabler/icons-react";
import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ROLES, USER_STATUSES } from "../../shared/roles";
import { api, type Page, qs, type User } from "../api";
import { ErrorAlert, notifySaved, PageLoader } from "../components/feedback";
import { ResultsTable } from "../components/ResultsTable";
import { UserFormModal } from "../components/UserForm";
import { useFormat } from "../format";
import { useMe } from "../session";

const PAGE_SIZE = 50;
const STATUS_COLOR = { active: "teal", invited: "blue", disabled: "gray" } as const;

export function UsersPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const qc = useQueryClient();
  const { data: me } = useMe();
  const [q, setQ] = useState("");
  const [debouncedQ] = useDebouncedValue(q, 300);
  const [role, setRole] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<User | "new" | null>(null);
  const [actionError, setActionError] = useState<unknown>(null);
  const query = qs({ q: debouncedQ, role, status, page, pageSize: PAGE_SIZE });
  const list = useQuery({
    queryKey: ["users", query],
    queryFn: () => api<Page<User>>(`/api/users${query}`),
    placeholderData: keepPreviousData,
  });

  const act = async (fn: () => Promise<unknown>, message?: string) => {
    setActionError(null);
    try {
      await fn();
      await qc.invalidateQueries({ queryKey: ["users"] });
      if (message) notifySaved(message);
    } catch (e) {
      setActionError(e);
    }
  };

  const reissue = (u: User) =>
    act(async () => {
      const r = await api<{ inviteUrl: string; inviteExpiresAt: string }>(`/api/users/${u.id}/invitation`, {
        method: "POST",
      });
      modals.open({
        title: t("users.inviteCreated"),
        size: "lg",
        children: (
          <Stack>
            <Text size="sm">{t("users.inviteHint", { date: fmt.dateTime(r.inviteExpiresAt) })}</Text>
            <Code block>{r.inviteUrl}</Code>
          </Stack>
        ),
      });
    });

  const resetPassword = (u: User) => {
    const bytes = crypto.getRandomValues(new Uint8Array(12));
    const password = btoa(String.fromCharCode(...bytes))
      .replace(/[+/=]/g, "")
      .slice(0, 14);
    modals.openConfirmModal({
      title: t("users.resetPassword"),
      children: (
        <Stack>
          <Text size="sm">{u.email}</Text>
          <Code block>{password}</Code>
        </Stack>
      ),
      labels: { confirm: t("users.resetPassword"), cancel: t("common.cancel") },
      onConfirm: () =>
        void act(
          () => api(`/api/users/${u.id}/password`, { method: "POST", body: { password } }),
          t("users.resetDone"),
        ),
    });
  };

  const setStatusOf = (u: User, next: "active" | "disabled") =>
    act(
      () => api(`/api/users/${u.id}`, { method: "PATCH", body: { version: u.version, status: next } }),
      t("common.saved"),
    );

  const total = list.data?.total ?? 0;
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t("users.title")}</Title>
        <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing("new")}>
          {t("users.new")}
        </Button>
      </Group>
      <Paper withBorder p="sm">
        <Group align="flex-end" gap="sm">
          <TextInput
            label={t("common.search")}
            placeholder={t("users.searchPlaceholder")}
            leftSection={<IconSearch size={16} />}
            value={q}
            onChange={(e) => {
              setQ(e.currentTarget.value);
              setPage(1);
            }}
            w={{ base: "100%", sm: 300 }}
          />
          <Select
            label={t("users.role")}
            data={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
            value={role}
            onChange={(v) => {
              setRole(v);
              setPage(1);
            }}
            placeholder={t("common.all")}
            clearable
            w={240}
          />
          <Select
            label={t("users.status")}
            data={USER_STATUSES.map((s) => ({ value: s, label: t(`statuses.${s}`) }))}
            value={status}
            onChange={(v) => {
              setStatus(v);
              setPage(1);
            }}
            placeholder={t("common.all")}
            clearable
            w={140}
          />
        </Group>
      </Paper>
      <ErrorAlert error={list.error ?? actionError} />
      {list.isLoading ? (
        <PageLoader />
      ) : (
        <ResultsTable
          total={total}
          page={page}
          pageSize={PAGE_SIZE}
          onPage={setPage}
          head={[
            t("users.name"),
            t("users.role"),
            t("users.organization"),
            t("users.status"),
            t("users.lastLogin"),
            "",
          ]}
          empty={t("users.noResults")}
          minWidth={900}
          highlightOnHover
        >
          {list.data?.items.map((u) => (
            <Table.Tr key={u.id}>
              <Table.Td>
                <Text size="sm" fw={600}>
                  {u.displayName}
                </Text>
                <Text size="xs" c="dimmed">
                  {u.email}
                </Text>
              </Table.Td>
              <Table.Td>{t(`roles.${u.role}`)}</Table.Td>
              <Table.Td>
                <Text size="sm">{u.organizationName}</Text>
                {u.coverage.length > 0 && (
                  <Text size="xs" c="dimmed">
                    + {u.coverage.map((c) => c.label).join("、")}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Group gap={4}>
                  <Badge variant="light" color={STATUS_COLOR[u.status]}>
                    {t(`statuses.${u.status}`)}
                  </Badge>
                  {u.isDemo && (
                    <Badge variant="outline" color="orange" size="xs">
                      {t("common.demo")}
                    </Badge>
                  )}
                </Group>
              </Table.Td>
              <Table.Td className="kyoso-nowrap">
                {u.lastLoginAt ? fmt.dateTime(u.lastLoginAt) : t("users.never")}
              </Table.Td>
              <Table.Td>
                <Menu position="bottom-end" withinPortal>
                  <Menu.Target>
                    <ActionIcon variant="subtle" aria-label={`${t("common.edit")} ${u.displayName}`}>
                      <IconDots size={16} />
                    </ActionIcon>
                  </Menu.Target>
                  <Menu.Dropdown>
                    <Menu.Item onClick={() => setEditing(u)}>{t("common.edit")}</Menu.Item>
                    {u.status === "invited" && (
                      <Menu.Item onClick={() => void reissue(u)}>{t("users.reissue")}</Menu.Item>
                    )}
                    <Menu.Item onClick={() => resetPassword(u)}>{t("users.resetPassword")}</Menu.Item>
                    {u.status === "active" && u.id !== me?.user.id && (
                      <Menu.Item color="red" onClick={() => void setStatusOf(u, "disabled")}>
                        {t("users.disable")}
                      </Menu.Item>
                    )}
                    {u.status === "disabled" && (
                      <Menu.Item onClick={() => void setStatusOf(u, "active")}>{t("users.enable")}</Menu.Item>
                    )}
                  </Menu.Dropdown>
                </Menu>
              </Table.Td>
            </Table.Tr>
          ))}
        </ResultsTable>
      )}
      {editing && (
        <UserFormModal user={editing === "new" ? undefined : editing} onClose={() => setEditing(null)} />
      )}
    </Stack>
  );
}
