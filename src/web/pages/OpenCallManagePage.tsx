import { Anchor, Badge, Button, Card, Group, Stack, Table, Text, Title } from "@mantine/core";
import { IconExternalLink, IconPlus } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ErrorAlert, PageLoader } from "../components/feedback";
import { PhaseBadge } from "../components/OpenCallBadges";
import { useFormat } from "../format";
import {
  callPhase,
  contractTypeLabel,
  deadlineText,
  useInstitutionName,
  useManagedCalls,
} from "../opencalls";

/** The centre's calls (drafts too) with their phase, deadline and application counts. */
export function OpenCallManagePage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const institutionName = useInstitutionName();
  const calls = useManagedCalls();

  return (
    <Stack maw={1300}>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>{t("opencalls.manage.title")}</Title>
          <Text size="sm" c="dimmed" mt={4} maw={760}>
            {t("opencalls.manage.intro")}
          </Text>
        </div>
        <Group gap="xs">
          <Button
            variant="subtle"
            component={Link}
            to="/open-calls"
            rightSection={<IconExternalLink size={14} />}
          >
            {t("opencalls.manage.publicList")}
          </Button>
          <Button leftSection={<IconPlus size={16} />} component={Link} to="/open-calls/manage/new">
            {t("opencalls.manage.new")}
          </Button>
        </Group>
      </Group>
      <ErrorAlert error={calls.error} />
      {calls.isLoading && <PageLoader />}
      {calls.data && calls.data.length === 0 && (
        <Card withBorder>
          <Text c="dimmed">{t("opencalls.manage.none")}</Text>
        </Card>
      )}
      {calls.data && calls.data.length > 0 && (
        <Table.ScrollContainer minWidth={900}>
          <Table verticalSpacing="sm" highlightOnHover data-testid="managed-calls">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("opencalls.fields.title")}</Table.Th>
                <Table.Th>{t("opencalls.manage.phase")}</Table.Th>
                <Table.Th>{t("opencalls.deadline")}</Table.Th>
                <Table.Th style={{ textAlign: "right" }}>{t("opencalls.manage.applications")}</Table.Th>
                <Table.Th style={{ textAlign: "right" }}>{t("opencalls.manage.undecided")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {calls.data.map((c) => {
                const phase = callPhase(c);
                return (
                  <Table.Tr key={c.id} data-testid="managed-call">
                    <Table.Td>
                      <Anchor component={Link} to={`/open-calls/manage/${c.id}`} fw={600} size="sm">
                        {c.title}
                      </Anchor>
                      <Text size="xs" c="dimmed">
                        {institutionName(c.institutionId, c.institutionName, fmt.locale)} ・{" "}
                        {contractTypeLabel(c.contractType, fmt.locale)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <PhaseBadge phase={phase} staff />
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" style={{ whiteSpace: "nowrap" }}>
                        {deadlineText(c.deadline, fmt.locale, t)}
                      </Text>
                    </Table.Td>
                    <Table.Td style={{ textAlign: "right" }}>
                      <Text size="sm">{c.applications}</Text>
                    </Table.Td>
                    <Table.Td style={{ textAlign: "right" }}>
                      {c.undecided > 0 ? (
                        <Badge
                          color={phase === "ended" || phase === "closed" ? "orange" : "blue"}
                          variant="light"
                        >
                          {c.undecided}
                        </Badge>
                      ) : (
                        <Text size="sm" c="dimmed">
                          0
                        </Text>
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
