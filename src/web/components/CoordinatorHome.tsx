import { Anchor, Badge, Card, Group, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { api } from "../api";
import { type CaseHome, stageLabel } from "../cases";
import { useFormat } from "../format";
import { ErrorAlert } from "./feedback";

/** The coordinator's part of the home page: my cases by stage, tasks due, idle cases, new unassigned ones. */
export function CoordinatorHome() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const home = useQuery({ queryKey: ["cases", "home"], queryFn: () => api<CaseHome>("/api/cases/home") });
  if (home.error) return <ErrorAlert error={home.error} />;
  const h = home.data;
  if (!h) return null;
  const label = (code: string) =>
    stageLabel(
      h.stages.find((s) => s.code === code),
      fmt.locale,
      code,
    );
  const byStage = [...h.myCasesByStage].sort(
    (a, b) =>
      h.stages.findIndex((s) => s.code === a.stageCode) - h.stages.findIndex((s) => s.code === b.stageCode),
  );
  return (
    <Stack data-testid="coordinator-home">
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Card withBorder>
          <Group justify="space-between" mb="xs">
            <Title order={3} size="h4">
              {t("cases.home.myCases", { count: h.myOpenCases })}
            </Title>
            <Anchor component={Link} to="/cases/board?coordinator=me" size="sm">
              {t("nav.caseBoard")} →
            </Anchor>
          </Group>
          {byStage.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t("cases.home.noCases")}
            </Text>
          ) : (
            <Group gap="xs">
              {byStage.map((s) => (
                <Anchor key={s.stageCode} component={Link} to={`/cases?coordinator=me&stage=${s.stageCode}`}>
                  <Badge variant="light" size="lg" rightSection={<b>{s.n}</b>}>
                    {label(s.stageCode)}
                  </Badge>
                </Anchor>
              ))}
            </Group>
          )}
        </Card>
        <Card withBorder>
          <Title order={3} size="h4" mb="xs">
            {t("cases.home.tasksDue")}
          </Title>
          {h.tasksDue.length === 0 && (
            <Text size="sm" c="dimmed">
              {t("cases.home.noTasks")}
            </Text>
          )}
          <Stack gap={4}>
            {h.tasksDue.map((task) => (
              <Group key={task.id} justify="space-between" wrap="nowrap">
                <div style={{ minWidth: 0 }}>
                  <Anchor component={Link} to={`/cases/${task.caseId}`} size="sm">
                    {task.title}
                  </Anchor>
                  <Text size="xs" c="dimmed" lineClamp={1}>
                    {task.referenceNumber} {task.needTitle}
                  </Text>
                </div>
                <Text
                  size="sm"
                  className="kyoso-nowrap"
                  c={task.overdue ? "red.7" : undefined}
                  fw={task.overdue ? 700 : undefined}
                >
                  {task.overdue ? `${t("cases.overdue")} ` : ""}
                  {task.dueOn}
                </Text>
              </Group>
            ))}
          </Stack>
        </Card>
        <Card withBorder>
          <Title order={3} size="h4" mb="xs">
            {t("cases.home.idle", { days: h.idleDays })}
          </Title>
          {h.idleCases.length === 0 && (
            <Text size="sm" c="dimmed">
              {t("cases.home.noIdle")}
            </Text>
          )}
          <Stack gap={4}>
            {h.idleCases.map((c) => (
              <Group key={c.id} justify="space-between" wrap="nowrap">
                <Anchor component={Link} to={`/cases/${c.id}`} size="sm" lineClamp={1}>
                  {c.referenceNumber} {c.title}
                </Anchor>
                <Text size="xs" c="dimmed" className="kyoso-nowrap">
                  {t("cases.home.lastActivity", { date: fmt.dateTime(c.lastActivityAt).slice(0, 10) })}
                </Text>
              </Group>
            ))}
          </Stack>
        </Card>
        <Card withBorder>
          <Group justify="space-between" mb="xs">
            <Title order={3} size="h4">
              {t("cases.home.unassigned", { count: h.unassigned.total })}
            </Title>
            <Anchor component={Link} to="/cases?coordinator=none" size="sm">
              {t("cases.home.all")} →
            </Anchor>
          </Group>
          {h.unassigned.items.length === 0 && (
            <Text size="sm" c="dimmed">
              {t("cases.home.noUnassigned")}
            </Text>
          )}
          <Stack gap={4}>
            {h.unassigned.items.slice(0, 8).map((c) => (
              <Group key={c.id} justify="space-between" wrap="nowrap">
                <Anchor component={Link} to={`/cases/${c.id}`} size="sm" lineClamp={1}>
                  {c.referenceNumber} {c.title}
                </Anchor>
                <Text size="xs" c="dimmed" className="kyoso-nowrap">
                  {t("cases.ageDays", { count: c.ageDays })}
                </Text>
              </Group>
            ))}
          </Stack>
        </Card>
      </SimpleGrid>
    </Stack>
  );
}
