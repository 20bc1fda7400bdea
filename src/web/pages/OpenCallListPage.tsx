import { Anchor, Badge, Button, Card, Group, Stack, Text, Title } from "@mantine/core";
import { IconCalendarDue, IconSettings } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ErrorAlert, PageLoader } from "../components/feedback";
import { PhaseBadge } from "../components/OpenCallBadges";
import { useFormat } from "../format";
import {
  callPhase,
  contractTypeLabel,
  deadlineText,
  type PublicCall,
  timeLeft,
  useInstitutionName,
  usePublicCalls,
} from "../opencalls";
import { usePermissions } from "../session";

function CallCard({ call }: { call: PublicCall }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const institutionName = useInstitutionName();
  const phase = callPhase(call);
  const left = phase === "open" ? timeLeft(call.deadline, t) : null;
  return (
    <Card withBorder data-testid="open-call-card" opacity={phase === "open" ? 1 : 0.85}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <div>
            <Anchor component={Link} to={`/open-calls/${call.id}`} fw={700} size="lg">
              {call.title}
            </Anchor>
            <Text size="sm" c="dimmed">
              {institutionName(call.institutionId, call.institutionName, fmt.locale)} ・{" "}
              {contractTypeLabel(call.contractType, fmt.locale)}
            </Text>
          </div>
          <PhaseBadge phase={phase} />
        </Group>
        <Text size="sm" lineClamp={3} className="kyoso-pre">
          {call.goals}
        </Text>
        <Group gap="xs">
          <IconCalendarDue size={16} aria-hidden />
          <Text size="sm" fw={phase === "open" ? 600 : 400} data-testid="call-deadline">
            {t("opencalls.deadline")} {deadlineText(call.deadline, fmt.locale, t)}
          </Text>
          {left && (
            <Badge variant="light" color="teal" size="sm" data-testid="call-time-left">
              {left}
            </Badge>
          )}
        </Group>
      </Stack>
    </Card>
  );
}

/** The published calls for everyone: those taking applications first, then those past their deadline. */
export function OpenCallListPage() {
  const { t } = useTranslation();
  const can = usePermissions();
  const calls = usePublicCalls();
  const open = (calls.data ?? []).filter((c) => callPhase(c) === "open");
  const past = (calls.data ?? []).filter((c) => callPhase(c) !== "open");

  return (
    <Stack maw={960}>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>{t("opencalls.list.title")}</Title>
          <Text size="sm" c="dimmed" mt={4} maw={720}>
            {t("opencalls.list.intro")}
          </Text>
        </div>
        <Group gap="xs">
          {can("opencalls:apply") && (
            <Button variant="light" component={Link} to="/open-calls/mine">
              {t("opencalls.nav.mine")}
            </Button>
          )}
          {can("opencalls:manage") && (
            <Button
              variant="light"
              leftSection={<IconSettings size={16} />}
              component={Link}
              to="/open-calls/manage"
            >
              {t("opencalls.list.manage")}
            </Button>
          )}
        </Group>
      </Group>
      <ErrorAlert error={calls.error} />
      {calls.isLoading && <PageLoader />}
      {calls.data && (
        <>
          <Title order={3} size="h4">
            {t("opencalls.list.openHeading", { count: open.length })}
          </Title>
          {open.length === 0 ? (
            <Text c="dimmed" size="sm">
              {t("opencalls.list.noneOpen")}
            </Text>
          ) : (
            open.map((c) => <CallCard key={c.id} call={c} />)
          )}
          {past.length > 0 && (
            <>
              <Title order={3} size="h4" mt="md">
                {t("opencalls.list.pastHeading")}
              </Title>
              {past.map((c) => (
                <CallCard key={c.id} call={c} />
              ))}
            </>
          )}
        </>
      )}
    </Stack>
  );
}
