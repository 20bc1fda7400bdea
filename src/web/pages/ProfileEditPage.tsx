import {
  ActionIcon,
  Button,
  Card,
  Checkbox,
  Group,
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
import { IconTrash } from "@tabler/icons-react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { POSITIONS } from "../../shared/seeds";
import { ApiError, api, type ResearcherDetail } from "../api";
import { applyFieldErrors, ErrorAlert, notifySaved, PageLoader } from "../components/feedback";
import { HistoryDrawer } from "../components/HistoryDrawer";
import { useFormat } from "../format";
import { useCatalogInstitutions } from "../queries";
import { useMe } from "../session";

interface Work {
  kind: "paper" | "patent" | "grant";
  titleJa: string;
  titleEn: string;
  year: string;
  venue: string;
}

interface Values {
  organizationId: string;
  nameJa: string;
  nameEn: string;
  nameKana: string;
  department: string;
  position: string;
  eradId: string;
  researchmapPermalink: string;
  orcid: string;
  keywordsJa: string[];
  keywordsEn: string[];
  researchAreas: string;
  biographyJa: string;
  biographyEn: string;
  equipment: string;
  acceptingInquiries: boolean;
  works: Work[];
}

function valuesOf(r?: ResearcherDetail): Values {
  return {
    organizationId: r?.institution.id ?? "",
    nameJa: r?.nameJa ?? "",
    nameEn: r?.nameEn ?? "",
    nameKana: r?.nameKana ?? "",
    department: r?.department ?? "",
    position: r?.position ?? "",
    eradId: r?.eradId ?? "",
    researchmapPermalink: r?.researchmapPermalink ?? "",
    orcid: r?.orcid ?? "",
    keywordsJa: r?.keywordsJa ?? [],
    keywordsEn: r?.keywordsEn ?? [],
    researchAreas: (r?.researchAreas ?? []).map((a) => a.ja ?? a.en ?? "").join("\n"),
    biographyJa: r?.biographyJa ?? "",
    biographyEn: r?.biographyEn ?? "",
    equipment: (r?.equipment ?? [])
      .map((e) => [e.name.ja ?? e.name.en, e.description.ja ?? e.description.en].filter(Boolean).join("："))
      .join("\n"),
    acceptingInquiries: r?.acceptingInquiries ?? true,
    works: (r?.works ?? []).map((w) => ({
      kind: w.kind,
      titleJa: w.titleJa ?? "",
      titleEn: w.titleEn ?? "",
      year: w.year ? String(w.year) : "",
      venue: w.venue ?? "",
    })),
  };
}

/** /my/profile (the researcher's own), /researchers/:id/edit and /researchers/new (coordinators, admins). */
export function ProfileEditPage({ mine }: { mine?: boolean }) {
  const { id: routeId } = useParams();
  const { t } = useTranslation();
  const fmt = useFormat();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const institutions = useCatalogInstitutions();
  const [error, setError] = useState<unknown>(null);
  const [historyOpen, setHistoryOpen] = useState(false);
  const mineQuery = useQuery({
    queryKey: ["researchers", "me"],
    queryFn: () => api<{ profile: ResearcherDetail | null }>("/api/researchers/me"),
    enabled: !!mine,
  });
  const otherQuery = useQuery({
    queryKey: ["catalog", "researcher", routeId],
    queryFn: () => api<ResearcherDetail>(`/api/catalog/researchers/${routeId}`),
    enabled: !mine && !!routeId,
  });
  const profile = mine ? mineQuery.data?.profile : otherQuery.data;
  const isNew = mine ? !profile : !routeId;
  const form = useForm<Values>({ initialValues: valuesOf() });

  // biome-ignore lint/correctness/useExhaustiveDependencies: load once per record
  useEffect(() => {
    if (profile) form.setValues(valuesOf(profile));
    else if (mine && me) form.setFieldValue("organizationId", me.user.organizationId);
  }, [profile?.id, profile?.version]);

  if ((mine && mineQuery.isLoading) || (!mine && routeId && otherQuery.isLoading)) return <PageLoader />;

  const submit = form.onSubmit(async (v) => {
    setError(null);
    const lines = (s: string) =>
      s
        .split("\n")
        .map((x) => x.trim())
        .filter(Boolean);
    const body = {
      ...(mine ? {} : { organizationId: v.organizationId || undefined }),
      nameJa: v.nameJa,
      nameEn: v.nameEn,
      nameKana: v.nameKana,
      department: v.department,
      position: v.position,
      eradId: v.eradId,
      researchmapPermalink: v.researchmapPermalink,
      orcid: v.orcid,
      keywordsJa: v.keywordsJa,
      keywordsEn: v.keywordsEn,
      researchAreas: lines(v.researchAreas).map((ja) => ({ ja, en: null })),
      biographyJa: v.biographyJa,
      biographyEn: v.biographyEn,
      equipment: lines(v.equipment).map((l) => {
        const [name, ...rest] = l.split(/[:：]/);
        return {
          name: { ja: name?.trim() ?? l, en: null },
          description: { ja: rest.join("：").trim() || null, en: null },
        };
      }),
      acceptingInquiries: v.acceptingInquiries,
      works: v.works
        .filter((w) => w.titleJa.trim() || w.titleEn.trim())
        .map((w) => ({
          kind: w.kind,
          titleJa: w.titleJa,
          titleEn: w.titleEn,
          year: w.year ? Number(w.year) : null,
          venue: w.venue,
        })),
    };
    try {
      const saved = isNew
        ? await api<ResearcherDetail>("/api/researchers", { method: "POST", body })
        : await api<ResearcherDetail>(`/api/researchers/${profile!.id}`, {
            method: "PATCH",
            body: { ...body, version: profile!.version },
          });
      qc.setQueryData(["catalog", "researcher", saved.id], saved);
      await qc.invalidateQueries({ queryKey: ["researchers"] });
      await qc.invalidateQueries({ queryKey: ["history"] });
      notifySaved();
      if (!mine && isNew) void navigate(`/researchers/${saved.id}/edit`, { replace: true });
    } catch (e) {
      if (!applyFieldErrors(form, e) || (e instanceof ApiError && e.code === "CONFLICT")) setError(e);
    }
  });

  const addWork = () =>
    form.insertListItem("works", { kind: "paper", titleJa: "", titleEn: "", year: "", venue: "" });

  return (
    <Stack maw={1000}>
      <Group justify="space-between">
        <Title order={2}>
          {mine ? t("nav.myProfile") : isNew ? t("researcherList.newResearcher") : t("profileEdit.title")}
        </Title>
        {profile && (
          <Group gap="xs">
            <Button variant="default" onClick={() => setHistoryOpen(true)}>
              {t("seedEdit.history")}
            </Button>
            <Button variant="light" component={Link} to={`/catalog/researchers/${profile.id}`}>
              {t("seedEdit.view")}
            </Button>
          </Group>
        )}
      </Group>
      {mine && isNew && <Text c="dimmed">{t("profileEdit.noProfile")}</Text>}
      <ErrorAlert error={error} />
      <form onSubmit={submit} noValidate>
        <Stack>
          <Card withBorder>
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <TextInput label={t("profileEdit.nameJa")} {...form.getInputProps("nameJa")} />
              <TextInput label={t("profileEdit.nameKana")} {...form.getInputProps("nameKana")} />
              <TextInput label={t("profileEdit.nameEn")} {...form.getInputProps("nameEn")} />
              <Select
                label={t("profileEdit.institution")}
                data={(institutions.data ?? []).map((i) => ({
                  value: i.id,
                  label: fmt.locale === "en" ? (i.nameEn ?? i.nameJa) : i.nameJa,
                }))}
                searchable
                disabled={!!mine}
                {...form.getInputProps("organizationId")}
              />
              <TextInput label={t("profileEdit.department")} {...form.getInputProps("department")} />
              <Select
                label={t("profileEdit.position")}
                data={[...POSITIONS]}
                searchable
                clearable
                {...form.getInputProps("position")}
              />
              <TextInput
                label={t("profileEdit.eradId")}
                inputMode="numeric"
                maxLength={8}
                {...form.getInputProps("eradId")}
              />
              <TextInput
                label={t("profileEdit.researchmapPermalink")}
                {...form.getInputProps("researchmapPermalink")}
              />
              <TextInput
                label={t("profileEdit.orcid")}
                placeholder="0000-0000-0000-0000"
                {...form.getInputProps("orcid")}
              />
            </SimpleGrid>
            <Checkbox
              mt="md"
              label={t("profileEdit.acceptingInquiries")}
              {...form.getInputProps("acceptingInquiries", { type: "checkbox" })}
            />
          </Card>
          <Card withBorder>
            <SimpleGrid cols={{ base: 1, md: 2 }}>
              <TagsInput
                label={t("profileEdit.keywordsJa")}
                description={t("seedEdit.keywordsHint")}
                {...form.getInputProps("keywordsJa")}
              />
              <TagsInput
                label={t("profileEdit.keywordsEn")}
                description={t("seedEdit.keywordsHint")}
                {...form.getInputProps("keywordsEn")}
              />
              <Textarea
                label={t("profileEdit.researchAreas")}
                autosize
                minRows={2}
                {...form.getInputProps("researchAreas")}
              />
              <Textarea
                label={t("profileEdit.equipment")}
                autosize
                minRows={2}
                {...form.getInputProps("equipment")}
              />
              <Textarea
                label={t("profileEdit.biographyJa")}
                autosize
                minRows={3}
                {...form.getInputProps("biographyJa")}
              />
              <Textarea
                label={t("profileEdit.biographyEn")}
                autosize
                minRows={3}
                {...form.getInputProps("biographyEn")}
              />
            </SimpleGrid>
          </Card>
          <Card withBorder>
            <Group justify="space-between" mb="xs">
              <Text fw={600}>{t("profileEdit.works")}</Text>
              <Button size="xs" variant="light" onClick={addWork}>
                {t("profileEdit.addWork")}
              </Button>
            </Group>
            <Stack gap="xs">
              {form.values.works.map((_, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place
                <Group key={i} align="flex-end" gap="xs" wrap="nowrap">
                  <Select
                    w={110}
                    label={i === 0 ? t("profileEdit.workKind") : undefined}
                    data={(["paper", "patent", "grant"] as const).map((k) => ({
                      value: k,
                      label: t(`profileEdit.${k}`),
                    }))}
                    allowDeselect={false}
                    {...form.getInputProps(`works.${i}.kind`)}
                  />
                  <TextInput
                    style={{ flex: 2 }}
                    label={i === 0 ? t("profileEdit.workTitle") : undefined}
                    {...form.getInputProps(`works.${i}.titleJa`)}
                  />
                  <TextInput
                    style={{ flex: 1 }}
                    label={i === 0 ? t("profileEdit.workVenue") : undefined}
                    {...form.getInputProps(`works.${i}.venue`)}
                  />
                  <TextInput
                    w={80}
                    label={i === 0 ? t("profileEdit.workYear") : undefined}
                    inputMode="numeric"
                    {...form.getInputProps(`works.${i}.year`)}
                  />
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    onClick={() => form.removeListItem("works", i)}
                    aria-label={t("common.delete")}
                  >
                    <IconTrash size={16} />
                  </ActionIcon>
                </Group>
              ))}
            </Stack>
          </Card>
          <Group justify="flex-end">
            <Button type="submit" loading={form.submitting}>
              {isNew ? t("profileEdit.create") : t("common.save")}
            </Button>
          </Group>
        </Stack>
      </form>
      {profile && (
        <HistoryDrawer
          url={`/api/researchers/${profile.id}/history`}
          opened={historyOpen}
          onClose={() => setHistoryOpen(false)}
        />
      )}
    </Stack>
  );
}
