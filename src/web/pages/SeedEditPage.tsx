import {
  Alert,
  Button,
  Card,
  FileInput,
  Group,
  Image,
  MultiSelect,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { FIELDS, PHASES, SEED_STATUSES, VISIBILITIES } from "../../shared/seeds";
import { ApiError, api, apiUpload, type ResearcherDetail, type SeedDetail } from "../api";
import { applyFieldErrors, ErrorAlert, notifySaved, PageLoader } from "../components/feedback";
import { HistoryDrawer } from "../components/HistoryDrawer";
import { type PickedResearcher, ResearcherPicker } from "../components/ResearcherPicker";
import { useFormat } from "../format";

const TEXTS = ["title", "summary", "overview", "features", "applications"] as const;

interface Values {
  titleJa: string;
  titleEn: string;
  summaryJa: string;
  summaryEn: string;
  overviewJa: string;
  overviewEn: string;
  featuresJa: string;
  featuresEn: string;
  applicationsJa: string;
  applicationsEn: string;
  keywordsJa: string[];
  keywordsEn: string[];
  fields: string[];
  trl: string;
  phase: string;
  patents: string;
  status: string;
  visibility: string;
  researchers: PickedResearcher[];
}

function valuesOf(s?: SeedDetail, mine?: PickedResearcher): Values {
  return {
    titleJa: s?.titleJa ?? "",
    titleEn: s?.titleEn ?? "",
    summaryJa: s?.summaryJa ?? "",
    summaryEn: s?.summaryEn ?? "",
    overviewJa: s?.overviewJa ?? "",
    overviewEn: s?.overviewEn ?? "",
    featuresJa: s?.featuresJa ?? "",
    featuresEn: s?.featuresEn ?? "",
    applicationsJa: s?.applicationsJa ?? "",
    applicationsEn: s?.applicationsEn ?? "",
    keywordsJa: s?.keywordsJa ?? [],
    keywordsEn: s?.keywordsEn ?? [],
    fields: s?.fields ?? [],
    trl: s?.trl ? String(s.trl) : "",
    phase: s?.phase ?? "",
    patents: (s?.patents ?? []).join("\n"),
    status: s?.status ?? "draft",
    visibility: s?.visibility ?? "public",
    researchers: s
      ? s.researchers.map((r) => ({ id: r.id, label: r.nameJa ?? r.nameEn ?? r.id }))
      : mine
        ? [mine]
        : [],
  };
}

export function SeedEditPage() {
  const { id } = useParams();
  const isNew = !id;
  const { t } = useTranslation();
  const fmt = useFormat();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [error, setError] = useState<unknown>(null);
  const [historyOpen, setHistoryOpen] = useState(false);
  const [upload, setUpload] = useState<{ file: File | null; caption: string }>({ file: null, caption: "" });
  const seed = useQuery({
    queryKey: ["catalog", "seed", id],
    queryFn: () => api<SeedDetail>(`/api/catalog/seeds/${id}`),
    enabled: !isNew,
  });
  const me = useQuery({
    queryKey: ["researchers", "me"],
    queryFn: () => api<{ profile: ResearcherDetail | null }>("/api/researchers/me"),
    enabled: isNew,
  });
  const form = useForm<Values>({ initialValues: valuesOf() });

  // biome-ignore lint/correctness/useExhaustiveDependencies: load once per record
  useEffect(() => {
    if (seed.data) form.setValues(valuesOf(seed.data));
    else if (isNew && me.data?.profile) {
      const p = me.data.profile;
      form.setFieldValue("researchers", [{ id: p.id, label: p.nameJa ?? p.nameEn ?? "" }]);
    }
  }, [seed.data, me.data]);

  if (!isNew && seed.isLoading) return <PageLoader />;
  if (!isNew && !seed.data) return <ErrorAlert error={seed.error} />;

  const submit = form.onSubmit(async (v) => {
    setError(null);
    const body = {
      titleJa: v.titleJa,
      titleEn: v.titleEn,
      summaryJa: v.summaryJa,
      summaryEn: v.summaryEn,
      overviewJa: v.overviewJa,
      overviewEn: v.overviewEn,
      featuresJa: v.featuresJa,
      featuresEn: v.featuresEn,
      applicationsJa: v.applicationsJa,
      applicationsEn: v.applicationsEn,
      keywordsJa: v.keywordsJa,
      keywordsEn: v.keywordsEn,
      fields: v.fields,
      trl: v.trl ? Number(v.trl) : null,
      phase: v.phase || null,
      patents: v.patents
        .split("\n")
        .map((p) => p.trim())
        .filter(Boolean),
      status: v.status,
      visibility: v.visibility,
      researcherIds: v.researchers.map((r) => r.id),
    };
    try {
      const saved = isNew
        ? await api<SeedDetail>("/api/seeds", { method: "POST", body })
        : await api<SeedDetail>(`/api/seeds/${id}`, {
            method: "PATCH",
            body: { ...body, version: seed.data!.version },
          });
      qc.setQueryData(["catalog", "seed", saved.id], saved);
      await qc.invalidateQueries({ queryKey: ["seeds"] });
      await qc.invalidateQueries({ queryKey: ["history"] });
      notifySaved(isNew ? t("seedEdit.created") : t("seedEdit.saved"));
      if (isNew) void navigate(`/seeds/${saved.id}/edit`, { replace: true });
    } catch (e) {
      if (!applyFieldErrors(form, e) || (e instanceof ApiError && e.code === "CONFLICT")) setError(e);
    }
  });

  const addImage = async () => {
    if (!upload.file || !id) return;
    setError(null);
    const fd = new FormData();
    fd.set("file", upload.file);
    if (upload.caption) fd.set("caption", upload.caption);
    try {
      await apiUpload(`/api/seeds/${id}/images`, fd);
      setUpload({ file: null, caption: "" });
      await seed.refetch();
    } catch (e) {
      setError(e);
    }
  };
  const removeImage = async (imageId: string) => {
    try {
      await api(`/api/seeds/${id}/images/${imageId}`, { method: "DELETE" });
      await seed.refetch();
    } catch (e) {
      setError(e);
    }
  };

  return (
    <Stack maw={1000}>
      <Group justify="space-between">
        <Title order={2}>{isNew ? t("seedEdit.newTitle") : t("seedEdit.editTitle")}</Title>
        {!isNew && (
          <Group gap="xs">
            <Button variant="default" onClick={() => setHistoryOpen(true)}>
              {t("seedEdit.history")}
            </Button>
            <Button variant="light" component={Link} to={`/catalog/seeds/${id}`}>
              {t("seedEdit.view")}
            </Button>
          </Group>
        )}
      </Group>
      <ErrorAlert
        error={error}
        onReload={
          error instanceof ApiError && error.details.reason === "stale_version"
            ? () => {
                void seed.refetch().then((r) => r.data && form.setValues(valuesOf(r.data)));
                setError(null);
              }
            : undefined
        }
      />
      <form onSubmit={submit} noValidate>
        <Stack>
          <Card withBorder>
            <Stack>
              <ResearcherPicker
                label={t("seedEdit.researchers")}
                description={t("seedEdit.researchersHint")}
                value={form.values.researchers}
                onChange={(v) => form.setFieldValue("researchers", v)}
                error={form.errors.researcherIds as string | undefined}
              />
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <div>
                  <Text size="sm" fw={500} mb={4}>
                    {t("seedEdit.status")}
                  </Text>
                  <SegmentedControl
                    data={SEED_STATUSES.map((s) => ({ value: s, label: t(`seedStatus.${s}`) }))}
                    {...form.getInputProps("status")}
                  />
                </div>
                <Select
                  label={t("seedEdit.visibility")}
                  data={VISIBILITIES.map((v) => ({ value: v, label: t(`visibility.${v}`) }))}
                  allowDeselect={false}
                  {...form.getInputProps("visibility")}
                />
              </SimpleGrid>
            </Stack>
          </Card>
          <Card withBorder>
            <Stack>
              {TEXTS.map((k) => (
                <SimpleGrid key={k} cols={{ base: 1, md: 2 }}>
                  {k === "title" ? (
                    <>
                      <TextInput label={t("seedEdit.titleJa")} {...form.getInputProps("titleJa")} />
                      <TextInput label={t("seedEdit.titleEn")} {...form.getInputProps("titleEn")} />
                    </>
                  ) : (
                    <>
                      <Textarea
                        label={t(`seedEdit.${k}Ja`)}
                        autosize
                        minRows={3}
                        {...form.getInputProps(`${k}Ja`)}
                      />
                      <Textarea
                        label={t(`seedEdit.${k}En`)}
                        autosize
                        minRows={3}
                        {...form.getInputProps(`${k}En`)}
                      />
                    </>
                  )}
                </SimpleGrid>
              ))}
            </Stack>
          </Card>
          <Card withBorder>
            <SimpleGrid cols={{ base: 1, md: 2 }}>
              <TagsInput
                label={t("seedEdit.keywordsJa")}
                description={t("seedEdit.keywordsHint")}
                {...form.getInputProps("keywordsJa")}
              />
              <TagsInput
                label={t("seedEdit.keywordsEn")}
                description={t("seedEdit.keywordsHint")}
                {...form.getInputProps("keywordsEn")}
              />
              <MultiSelect
                label={t("seedEdit.fields")}
                data={FIELDS.map((f) => ({ value: f.code, label: f[fmt.locale] }))}
                maxValues={5}
                {...form.getInputProps("fields")}
              />
              <Group grow>
                <Select
                  label={t("seedEdit.trl")}
                  data={Array.from({ length: 9 }, (_, i) => ({
                    value: String(i + 1),
                    label: `TRL ${i + 1}`,
                  }))}
                  clearable
                  {...form.getInputProps("trl")}
                />
                <Select
                  label={t("seedEdit.phase")}
                  data={PHASES.map((p) => ({ value: p.code, label: p[fmt.locale] }))}
                  clearable
                  disabled={!!form.values.trl}
                  {...form.getInputProps("phase")}
                />
              </Group>
            </SimpleGrid>
            <Textarea
              mt="sm"
              label={t("seedEdit.patents")}
              autosize
              minRows={2}
              {...form.getInputProps("patents")}
            />
          </Card>
          <Group justify="flex-end">
            <Button type="submit" loading={form.submitting}>
              {isNew ? t("common.create") : t("common.save")}
            </Button>
          </Group>
        </Stack>
      </form>
      {!isNew && seed.data && (
        <Card withBorder>
          <Text fw={600} mb="xs">
            {t("seedEdit.images")}
          </Text>
          <SimpleGrid cols={{ base: 2, sm: 4 }} mb="sm">
            {seed.data.images.map((img) => (
              <Stack key={img.id} gap={4}>
                <Image
                  src={`/api/catalog/seeds/${id}/images/${img.id}`}
                  alt={img.caption ?? img.fileName}
                  h={100}
                  fit="contain"
                />
                <Text size="xs" lineClamp={1}>
                  {img.caption ?? img.fileName}
                </Text>
                <Button size="xs" variant="subtle" color="red" onClick={() => void removeImage(img.id)}>
                  {t("seedEdit.removeImage")}
                </Button>
              </Stack>
            ))}
          </SimpleGrid>
          <Group align="flex-end">
            <FileInput
              accept="image/png,image/jpeg,image/webp,image/gif"
              value={upload.file}
              onChange={(f) => setUpload((u) => ({ ...u, file: f }))}
              w={260}
              clearable
            />
            <TextInput
              placeholder={t("seedEdit.caption")}
              value={upload.caption}
              onChange={(e) => setUpload((u) => ({ ...u, caption: e.currentTarget.value }))}
            />
            <Button variant="light" disabled={!upload.file} onClick={() => void addImage()}>
              {t("seedEdit.upload")}
            </Button>
          </Group>
        </Card>
      )}
      {isNew && !me.isLoading && !me.data?.profile && (
        <Alert color="gray" variant="light">
          {t("seedEdit.researchersHint")}
        </Alert>
      )}
      {!isNew && (
        <HistoryDrawer
          url={`/api/seeds/${id}/history`}
          opened={historyOpen}
          onClose={() => setHistoryOpen(false)}
        />
      )}
    </Stack>
  );
}
