import { Anchor, Badge, Card, Group, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { SeedCard as Seed } from "../api";
import { useFormat } from "../format";

export function SeedCardView({ seed, showStatus }: { seed: Seed; showStatus?: boolean }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const title = fmt.pick(seed.titleJa, seed.titleEn);
  const summary = fmt.pick(seed.summaryJa, seed.summaryEn);
  const lead = seed.researchers[0];
  return (
    <Card withBorder padding="md" data-testid="seed-card">
      <Stack gap={6}>
        <Anchor component={Link} to={`/catalog/seeds/${seed.id}`} fw={700} size="lg" lh={1.35}>
          {title.text}
        </Anchor>
        <Text size="sm" c="dimmed">
          {fmt.orgName(seed.institution)}
          {lead ? ` ・ ${fmt.pick(lead.nameJa, lead.nameEn).text}` : ""}
        </Text>
        {summary.text && (
          <Text size="sm" lineClamp={3}>
            {summary.text}
          </Text>
        )}
        <Group gap={6}>
          {seed.fields.map((f) => (
            <Badge key={f} variant="light" color="indigo">
              {t(`fields.${f}`, { defaultValue: f })}
            </Badge>
          ))}
          {seed.phase && (
            <Badge variant="outline" color="teal">
              {t(`phases.${seed.phase}`)}
              {seed.trl ? ` ・ ${t("catalog.trl", { trl: seed.trl })}` : ""}
            </Badge>
          )}
          {seed.visibility !== "public" && (
            <Badge variant="outline" color="orange">
              {t(`visibility.${seed.visibility}`)}
            </Badge>
          )}
          {showStatus && seed.status !== "published" && (
            <Badge variant="filled" color={seed.status === "draft" ? "gray" : "dark"}>
              {t(`seedStatus.${seed.status}`)}
            </Badge>
          )}
          {title.fallback && (
            <Text size="xs" c="dimmed">
              {t("catalog.onlyJapanese")}
            </Text>
          )}
        </Group>
      </Stack>
    </Card>
  );
}
