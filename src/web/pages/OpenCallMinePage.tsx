import { Anchor, Button, Card, Group, Stack, Table, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ErrorAlert, PageLoader } from "../components/feedback";
import { ApplicationStatusBadge } from "../components/OpenCallBadges";
import { useFormat } from "../format";
import { deadlineText, useMyApplications, yen } from "../opencalls";

/** The company's applications to open calls: status, and the decision's reason once decided. */
export function OpenCallMinePage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const mine = useMyApplications();

  return (
    <Stack maw={1100}>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>{t("opencalls.mine.title")}</Title>
          <Text size="sm" c="dimmed" mt={4}>
            {t("opencalls.mine.intro")}
          </Text>
        </div>
        <Button variant="light" component={Link} to="/open-calls">
          {t("opencalls.mine.browse")}
        </Button>
      </Group>
      <ErrorAlert error={mine.error} />
      {mine.isLoading && <PageLoader />}
      {mine.data && mine.data.length === 0 && (
        <Card withBorder>
          <Text c="dimmed">{t("opencalls.mine.none")}</Text>
        </Card>
      )}
      {mine.data && mine.data.length > 0 && (
        <Table.ScrollContainer minWidth={760}>
          <Table verticalSpacing="sm" striped data-testid="my-applications">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("opencalls.mine.call")}</Table.Th>
                <Table.Th>{t("opencalls.mine.appliedAt")}</Table.Th>
                <Table.Th style={{ textAlign: "right" }}>{t("opencalls.apply.contributionShort")}</Table.Th>
                <Table.Th>{t("opencalls.mine.status")}</Table.Th>
                <Table.Th>{t("opencalls.mine.reason")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {mine.data.map((a) => (
                <Table.Tr key={a.id} data-testid="my-application">
                  <Table.Td>
                    <Anchor component={Link} to={`/open-calls/${a.callId}`} fw={600} size="sm">
                      {a.callTitle}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      {t("opencalls.deadline")} {deadlineText(a.deadline, fmt.locale, t)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{fmt.date(a.createdAt)}</Text>
                  </Table.Td>
                  <Table.Td style={{ textAlign: "right", whiteSpace: "nowrap" }}>
                    <Text size="sm">{yen(a.contribution, fmt.locale)}</Text>
                  </Table.Td>
                  <Table.Td>
                    <ApplicationStatusBadge status={a.status} />
                  </Table.Td>
                  <Table.Td maw={380}>
                    {a.decisionReason ? (
                      <Text size="sm" className="kyoso-pre" data-testid="decision-reason">
                        {a.decisionReason}
                      </Text>
                    ) : (
                      <Text size="sm" c="dimmed">
                        {t("opencalls.mine.pending")}
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
