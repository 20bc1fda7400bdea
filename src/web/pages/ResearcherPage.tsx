import { Anchor, Badge, Button, Card, Group, List, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { api, type ResearcherDetail } from "../api";
import { ErrorAlert, PageLoader } from "../components/feedback";
import { SeedCardView } from "../components/SeedCard";
import { useFormat } from "../format";

export function ResearcherPage() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const fmt = useFormat();
  const q = useQuery({
    queryKey: ["catalog", "researcher", id],
    queryFn: () => api<ResearcherDetail>(`/api/catalog/researchers/${id}`),
    retry: false,
  });
  if (q.isLoading) return <PageLoader />;
  if (!q.data) return <ErrorAlert error={q.error} />;
  const r = q.data;
  const name = fmt.pick(r.nameJa, r.nameEn);
  const bio = fmt.pick(r.biographyJa, r.biographyEn);
  const keywords = fmt.locale === "en" && r.keywordsEn.length ? r.keywordsEn : r.keywordsJa;
  const works = (kind: string) => r.works.filter((w) => w.kind === kind);

  return (
    <Stack maw={960}>
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={1} size="h2">
            {name.text}
          </Title>
          <Text c="dimmed" size="sm">
            {[r.nameKana, fmt.locale === "ja" ? r.nameEn : r.nameJa].filter(Boolean).join(" / ")}
          </Text>
          <Text mt={4}>
            {fmt.orgName(r.institution)} {r.department ?? ""} {r.position ?? ""}
          </Text>
        </div>
        {r.canEdit && (
          <Button component={Link} to={`/researchers/${r.id}/edit`}>
            {t("catalog.editProfile")}
          </Button>
        )}
      </Group>
      <Group gap={6}>
        <Badge color={r.acceptingInquiries ? "teal" : "gray"} variant="light">
          {r.acceptingInquiries ? t("catalog.acceptingInquiries") : t("catalog.notAccepting")}
        </Badge>
        {r.researchmapPermalink && (
          <Anchor
            size="sm"
            href={`https://researchmap.jp/${encodeURIComponent(r.researchmapPermalink)}`}
            target="_blank"
            rel="noopener noreferrer"
          >
            researchmap
          </Anchor>
        )}
        {r.orcid && (
          <Anchor size="sm" href={`https://orcid.org/${r.orcid}`} target="_blank" rel="noopener noreferrer">
            ORCID {r.orcid}
          </Anchor>
        )}
        {r.eradId && (
          <Text size="sm" c="dimmed">
            {t("catalog.eradId")}: {r.eradId}
          </Text>
        )}
      </Group>
      {bio.text && <Text style={{ whiteSpace: "pre-wrap" }}>{bio.text}</Text>}
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {keywords.length > 0 && (
          <Card withBorder>
            <Text fw={700} size="sm" mb={4}>
              {t("catalog.keywords")}
            </Text>
            <Group gap={6}>
              {keywords.map((k) => (
                <Badge key={k} variant="default">
                  {k}
                </Badge>
              ))}
            </Group>
          </Card>
        )}
        {r.researchAreas.length > 0 && (
          <Card withBorder>
            <Text fw={700} size="sm" mb={4}>
              {t("catalog.researchAreas")}
            </Text>
            <List size="sm">
              {r.researchAreas.map((a) => (
                <List.Item key={`${a.ja}|${a.en}`}>{fmt.pick(a.ja, a.en).text}</List.Item>
              ))}
            </List>
          </Card>
        )}
      </SimpleGrid>
      {r.equipment.length > 0 && (
        <Card withBorder>
          <Text fw={700} size="sm" mb={4}>
            {t("catalog.equipment")}
          </Text>
          <List size="sm">
            {r.equipment.map((e) => (
              <List.Item key={`${e.name.ja}|${e.name.en}`}>
                {fmt.pick(e.name.ja, e.name.en).text}
                {fmt.pick(e.description.ja, e.description.en).text
                  ? ` — ${fmt.pick(e.description.ja, e.description.en).text}`
                  : ""}
              </List.Item>
            ))}
          </List>
        </Card>
      )}
      {r.seeds.length > 0 && (
        <div>
          <Title order={2} size="h3" mb="xs">
            {t("catalog.seedsOf")}
          </Title>
          <Stack gap="sm">
            {r.seeds.map((s) => (
              <SeedCardView key={s.id} seed={s} showStatus={r.canEdit} />
            ))}
          </Stack>
        </div>
      )}
      {(["paper", "patent", "grant"] as const).map((kind) =>
        works(kind).length ? (
          <div key={kind}>
            <Title order={2} size="h4" mb={4}>
              {t(
                kind === "paper"
                  ? "catalog.papers"
                  : kind === "patent"
                    ? "catalog.patentsWorks"
                    : "catalog.grants",
              )}
            </Title>
            <List size="sm" spacing={4}>
              {works(kind).map((w) => (
                <List.Item key={w.id}>
                  {fmt.pick(w.titleJa, w.titleEn).text}
                  <Text span size="xs" c="dimmed">
                    {" "}
                    {[w.venue, w.year].filter(Boolean).join(", ")}
                  </Text>
                </List.Item>
              ))}
            </List>
          </div>
        ) : null,
      )}
    </Stack>
  );
}
