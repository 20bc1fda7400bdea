import {
  ActionIcon,
  Alert,
  Button,
  Card,
  Group,
  Indicator,
  NumberInput,
  Popover,
  ScrollArea,
  SegmentedControl,
  Stack,
  Text,
  Title,
  UnstyledButton,
} from "@mantine/core";
import { IconBell } from "@tabler/icons-react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { EMAIL_MODES, type EmailMode } from "../../server/modules/cases/codes";
import { ApiError, api } from "../api";
import type { NotificationList, NotificationSettings } from "../cases";
import { useFormat } from "../format";
import { errorMessage, notifySaved } from "./feedback";

/** The bell in the header: the unread count (polled every minute) and the latest notifications. */
export function NotificationBell() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [opened, setOpened] = useState(false);
  const list = useQuery({
    queryKey: ["notifications"],
    queryFn: () => api<NotificationList>("/api/notifications?limit=20"),
    refetchInterval: 60_000,
  });
  const unread = list.data?.unread ?? 0;
  const markRead = async (ids: string[] | "all") => {
    await api("/api/notifications/read", { method: "POST", body: { ids } });
    await qc.invalidateQueries({ queryKey: ["notifications"] });
  };
  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-end" width={360} withinPortal shadow="md">
      <Popover.Target>
        <Indicator
          label={unread > 99 ? "99+" : unread}
          size={16}
          disabled={unread === 0}
          color="red"
          offset={4}
        >
          <ActionIcon
            variant="subtle"
            color="gray"
            size="lg"
            onClick={() => setOpened((o) => !o)}
            aria-label={t("notifications.bell", { count: unread })}
          >
            <IconBell size={20} />
          </ActionIcon>
        </Indicator>
      </Popover.Target>
      <Popover.Dropdown p={0}>
        <Group justify="space-between" p="xs">
          <Text fw={700} size="sm">
            {t("notifications.title")}
          </Text>
          <Button
            size="compact-xs"
            variant="subtle"
            disabled={unread === 0}
            onClick={() => void markRead("all")}
          >
            {t("notifications.markAll")}
          </Button>
        </Group>
        <ScrollArea.Autosize mah={420}>
          {list.data?.items.length === 0 && (
            <Text size="sm" c="dimmed" p="sm">
              {t("notifications.none")}
            </Text>
          )}
          {list.data?.items.map((n) => (
            <UnstyledButton
              key={n.id}
              w="100%"
              p="xs"
              style={{
                borderTop: "1px solid var(--mantine-color-gray-2)",
                background: n.readAt ? undefined : "var(--mantine-color-indigo-0)",
              }}
              onClick={() => {
                setOpened(false);
                if (!n.readAt) void markRead([n.id]);
                if (n.link) void navigate(n.link);
              }}
            >
              <Text size="sm" fw={n.readAt ? 400 : 700} lineClamp={2}>
                {n.title}
              </Text>
              {n.body && (
                <Text size="xs" c="dimmed" lineClamp={2}>
                  {n.body}
                </Text>
              )}
              <Text size="xs" c="dimmed">
                {fmt.dateTime(n.createdAt)}
              </Text>
            </UnstyledButton>
          ))}
        </ScrollArea.Autosize>
      </Popover.Dropdown>
    </Popover>
  );
}

/** How the user is told: a mail for each notification, a daily digest, or in the app only; idle days. */
export function NotificationSettingsCard() {
  const { t } = useTranslation();
  const settings = useQuery({
    queryKey: ["notifications", "settings"],
    queryFn: () => api<NotificationSettings>("/api/notifications/settings"),
  });
  const [emailMode, setEmailMode] = useState<EmailMode>("each");
  const [idleDays, setIdleDays] = useState<number | string>(14);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (settings.data) {
      setEmailMode(settings.data.emailMode);
      setIdleDays(settings.data.idleDays);
    }
  }, [settings.data]);
  const save = async () => {
    setErrors({});
    setError(null);
    setBusy(true);
    try {
      await api("/api/notifications/settings", {
        method: "PUT",
        body: { emailMode, idleDays: typeof idleDays === "number" ? idleDays : Number(idleDays) },
      });
      notifySaved();
      await settings.refetch();
    } catch (e) {
      if (e instanceof ApiError && e.fields.length)
        setErrors(Object.fromEntries(e.fields.map((f) => [f.field, f.message])));
      else setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card withBorder>
      <Title order={3} size="h4" mb="sm">
        {t("notifications.settings")}
      </Title>
      <Stack>
        {error && <Alert color="red">{error}</Alert>}
        <div>
          <Text size="sm" fw={500} mb={4}>
            {t("notifications.emailMode")}
          </Text>
          <SegmentedControl
            aria-label={t("notifications.emailMode")}
            data={EMAIL_MODES.map((m) => ({ value: m, label: t(`notifications.modes.${m}`) }))}
            value={emailMode}
            onChange={(v) => setEmailMode(v as EmailMode)}
          />
          <Text size="xs" c="dimmed" mt={4}>
            {t(`notifications.modeHelp.${emailMode}`)}
          </Text>
        </div>
        <NumberInput
          label={t("notifications.idleDays")}
          description={t("notifications.idleDaysHelp")}
          min={1}
          max={365}
          value={idleDays}
          onChange={setIdleDays}
          error={errors.idleDays}
          suffix={t("notifications.daysSuffix")}
          maw={360}
        />
        <Group>
          <Button onClick={save} loading={busy}>
            {t("common.save")}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
