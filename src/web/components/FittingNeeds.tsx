/** "Needs that fit my seeds": open needs the researcher may see, matched on their own seeds. */
import { Alert, Anchor, Badge, Card, Group, Stack, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { api, type FittingNeed } from "../api";
import { useFormat } from "../format";
import { useAreas } from "../queries";
import { ErrorAlert, PageLoader } from "./feedback";

export function FittingNeeds() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const areas = useAreas();
  const query = useQuery({
    queryKey: ["match", "needs", "mine"],
    queryFn: () => api<FittingNeed[]>("/api/match/needs?top=8"),
  });
  return (
    <Card withBorder>
      <Title order={3} size="h4">
        {t("matching.fittingNeeds")}
      </Title>
      <Text size="xs" c="dimmed" mb="sm">
        {t("matching.fittingHelp")}
      </Text>
      {query.isLoading && <PageLoader />}
      {query.error && <ErrorAlert error={query.error} />}
      {query.data?.length === 0 && <Alert color="gray">{t("matching.noFittingNeeds")}</Alert>}
      <Stack gap="xs">
        {query.data?.map((n) => (
          <Card key={n.id} withBorder padding="xs" data-testid="fitting-need">
            <Group gap="xs">
              <Anchor component={Link} to={`/needs/${n.id}`} fw={600} size="sm">
                {n.title ?? n.referenceNumber}
              </Anchor>
              {n.title && (
                <Text size="xs" c="dimmed">
                  {n.referenceNumber}
                </Text>
              )}
              {n.view === "summary" && (
                <Badge size="xs" variant="light" color="gray">
                  {t("matching.summaryOnly")}
                </Badge>
              )}
              {n.areaCode && (
                <Badge size="xs" variant="outline">
                  {fmt.area(areas.data, n.areaCode)}
                </Badge>
              )}
            </Group>
            {n.view === "summary" && n.publicSummary && (
              <Text size="sm" lineClamp={2}>
                {n.publicSummary}
              </Text>
            )}
            <Group gap={4} mt={4}>
              {n.matched.slice(0, 6).map((m) => (
                <Badge key={`${m.word}:${m.via}`} size="xs" variant="light">
                  {m.via === "text" ? m.word : `${m.word}（${t(`matching.via.${m.via}`)}）`}
                </Badge>
              ))}
            </Group>
          </Card>
        ))}
      </Stack>
    </Card>
  );
}
