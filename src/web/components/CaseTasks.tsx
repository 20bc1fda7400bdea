import { Alert, Button, Card, Checkbox, Group, Select, Stack, Text, TextInput, Title } from "@mantine/core";
import { IconPlus } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { todayJst } from "../../shared/dates";
import { ApiError, api } from "../api";
import type { CaseDetail, CaseTask } from "../cases";
import { errorMessage } from "./feedback";

/** The case's tasks: tick done, add one with a due date and an owner of the area team. */
export function CaseTasks({ kase, onChanged }: { kase: CaseDetail; onChanged: () => void }) {
  const { t } = useTranslation();
  const [title, setTitle] = useState("");
  const [dueOn, setDueOn] = useState("");
  const [ownerId, setOwnerId] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const today = todayJst();

  const fail = (e: unknown) => {
    if (e instanceof ApiError && e.fields.length)
      setErrors(Object.fromEntries(e.fields.map((f) => [f.field, f.message])));
    else setError(errorMessage(e));
  };
  const add = async () => {
    setErrors({});
    setError(null);
    if (!title.trim()) {
      setErrors({ title: t("common.required") });
      return;
    }
    setBusy(true);
    try {
      await api(`/api/cases/${kase.id}/tasks`, {
        method: "POST",
        body: { title, dueOn: dueOn || null, ownerId },
      });
      setTitle("");
      setDueOn("");
      onChanged();
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  };
  const toggle = async (task: CaseTask, done: boolean) => {
    setError(null);
    try {
      await api(`/api/cases/${kase.id}/tasks/${task.id}`, {
        method: "PATCH",
        body: { version: task.version, done },
      });
      onChanged();
    } catch (e) {
      fail(e);
    }
  };
  return (
    <Card withBorder>
      <Title order={3} size="h4" mb="sm">
        {t("cases.tasks.title")}
      </Title>
      {error && (
        <Alert color="red" role="alert" mb="sm">
          {error}
        </Alert>
      )}
      <Stack gap={6} data-testid="tasks">
        {kase.tasks.length === 0 && (
          <Text size="sm" c="dimmed">
            {t("cases.tasks.none")}
          </Text>
        )}
        {kase.tasks.map((task) => {
          const overdue = !task.done && !!task.dueOn && task.dueOn < today;
          return (
            <Group key={task.id} justify="space-between" wrap="nowrap" align="flex-start">
              <Checkbox
                checked={task.done}
                onChange={(e) => void toggle(task, e.currentTarget.checked)}
                label={
                  <Text
                    size="sm"
                    td={task.done ? "line-through" : undefined}
                    c={task.done ? "dimmed" : undefined}
                  >
                    {task.title}
                  </Text>
                }
              />
              <Stack gap={0} align="flex-end">
                {task.dueOn && (
                  <Text size="xs" c={overdue ? "red.7" : "dimmed"} fw={overdue ? 700 : undefined}>
                    {overdue ? `${t("cases.overdue")} ` : ""}
                    {task.dueOn}
                  </Text>
                )}
                {task.owner && (
                  <Text size="xs" c="dimmed">
                    {task.owner.displayName}
                  </Text>
                )}
              </Stack>
            </Group>
          );
        })}
      </Stack>
      <Stack gap="xs" mt="md">
        <TextInput
          label={t("cases.tasks.newTitle")}
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          error={errors.title}
          maxLength={300}
        />
        <Group grow align="flex-start">
          <TextInput
            type="date"
            label={t("cases.tasks.dueOn")}
            value={dueOn}
            onChange={(e) => setDueOn(e.currentTarget.value)}
            error={errors.dueOn}
          />
          <Select
            label={t("cases.tasks.owner")}
            placeholder={t("cases.tasks.ownerMe")}
            data={kase.team.map((p) => ({ value: p.id, label: p.displayName }))}
            value={ownerId}
            onChange={setOwnerId}
            error={errors.ownerId}
            clearable
          />
        </Group>
        <Group justify="flex-end">
          <Button variant="light" leftSection={<IconPlus size={16} />} onClick={add} loading={busy}>
            {t("cases.tasks.add")}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
