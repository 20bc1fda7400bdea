import { Anchor, Badge, Button, Card, Group, Image, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { api, type SeedDetail } from "../api";
import { ErrorAlert, PageLoader } from "../components/feedback";
import { useFormat } from "../format";

function Section({ title, ja, en }: { title: string; ja: string | null; en: string | null }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const v = fmt.pick(ja, en);
  if (!v.text) return null;
  return (
    <div>
      <Title order={3} size="h4" mb={4}>
        {title}
      </Title>
      <Text style={{ whiteSpace: "pre-wrap" }}>{v.text}</Text>
      {v.fallback && (
        <Text size="xs" c="dimmed">
          {t("catalog.onlyJapanese")}
        </Text>
      )}
    </div>
  );
}

export function SeedPage() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const fmt = useFormat();
  const navigate = useNavigate();
  const seed = useQuery({
    queryKey: ["catalog", "seed", id],
    queryFn: () => api<SeedDetail>(`/api/catalog/seeds/${id}`),
    retry: false,
  });
  if (seed.isLoading) return <PageLoader />;
  if (!seed.data) return <ErrorAlert error={seed.error} />;
  const s = seed.data;
  const title = fmt.pick(s.titleJa, s.titleEn);
  const keywords = fmt.locale === "en" && s.keywordsEn.length ? s.keywordsEn : s.keywordsJa;

  return (
    <Stack maw={960}>
      <Anchor
        size="sm"
        component="button"
        type="button"
        onClick={() => void navigate(-1)}
        style={{ alignSelf: "flex-start" }}
      >
        ← {t("catalog.back")}
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={1} size="h2">
            {title.text}
          </Title>
          {fmt.locale === "ja" && s.titleEn && (
            <Text c="dimmed" size="sm">
              {s.titleEn}
            </Text>
          )}
        </div>
        {s.canEdit && (
          <Button component={Link} to={`/seeds/${s.id}/edit`}>
            {t("catalog.editSeed")}
          </Button>
        )}
      </Group>
      <Group gap={6}>
        {s.fields.map((f) => (
          <Badge key={f} variant="light">
            {fmt.field(f)}
          </Badge>
        ))}
        {s.phase && (
          <Badge variant="outline" color="teal">
            {t(`phases.${s.phase}`)}
            {s.trl ? ` ・ ${t("catalog.trl", { trl: s.trl })}` : ""}
          </Badge>
        )}
        {s.visibility !== "public" && <Badge color="orange">{t(`visibility.${s.visibility}`)}</Badge>}
        {s.status !== "published" && <Badge color="gray">{t(`seedStatus.${s.status}`)}</Badge>}
      </Group>
      <Card withBorder>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <div>
            <Text size="xs" c="dimmed">
              {t("catalog.institution")}
            </Text>
            <Text>{fmt.orgName(s.institution)}</Text>
          </div>
          <div>
            <Text size="xs" c="dimmed">
              {t("catalog.members")}
            </Text>
            <Group gap="xs">
              {s.researchers.map((r) => (
                <Anchor key={r.id} component={Link} to={`/catalog/researchers/${r.id}`}>
                  {fmt.pick(r.nameJa, r.nameEn).text}
                  {r.role === "lead" && s.researchers.length > 1 ? `（${t("catalog.lead")}）` : ""}
                </Anchor>
              ))}
            </Group>
          </div>
        </SimpleGrid>
      </Card>
      <Section title={t("catalog.summary")} ja={s.summaryJa} en={s.summaryEn} />
      <Section title={t("catalog.overview")} ja={s.overviewJa} en={s.overviewEn} />
      <Section title={t("catalog.features")} ja={s.featuresJa} en={s.featuresEn} />
      <Section title={t("catalog.applications")} ja={s.applicationsJa} en={s.applicationsEn} />
      {s.images.length > 0 && (
        <div>
          <Title order={3} size="h4" mb={4}>
            {t("catalog.images")}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {s.images.map((img) => (
              <figure key={img.id} style={{ margin: 0 }}>
                <Image
                  src={`/api/catalog/seeds/${s.id}/images/${img.id}`}
                  alt={img.caption ?? img.fileName}
                  radius="sm"
                />
                {img.caption && (
                  <Text size="xs" c="dimmed" component="figcaption">
                    {img.caption}
                  </Text>
                )}
              </figure>
            ))}
          </SimpleGrid>
        </div>
      )}
      {keywords.length > 0 && (
        <div>
          <Title order={3} size="h4" mb={4}>
            {t("catalog.keywords")}
          </Title>
          <Group gap={6}>
            {keywords.map((k) => (
              <Badge key={k} variant="default">
                {k}
              </Badge>
            ))}
          </Group>
        </div>
      )}
      {s.patents.length > 0 && (
        <div>
          <Title order={3} size="h4" mb={4}>
            {t("catalog.patents")}
          </Title>
          {s.patents.map((p) => (
            <Text key={p} size="sm">
              {p}
            </Text>
          ))}
        </div>
      )}
      <Text size="xs" c="dimmed">
        {s.publishedAt ? `${t("catalog.published")}: ${fmt.date(s.publishedAt)} ・ ` : ""}
        {t("catalog.updated")}: {fmt.date(s.updatedAt)}
      </Text>
    </Stack>
  );
}
