import {
  Alert,
  Button,
  Card,
  Checkbox,
  Group,
  MultiSelect,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  Title,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { useDebouncedValue } from "@mantine/hooks";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import {
  NDA_STATUSES,
  type NdaStatus,
  NEED_CONFIDENTIALITIES,
  type NeedConfidentiality,
} from "../../server/modules/needs/codes";
import { ApiError, api, type NeedDetail, qs, type ViewerOption } from "../api";
import { useFormat } from "../format";
import { useAreas } from "../queries";
import { applyFieldErrors, ErrorAlert, notifySaved } from "./feedback";

interface Picked {
  id: string;
  label: string;
}

interface Values {
  publicSummary: string;
  confidentiality: NeedConfidentiality;
  ndaStatus: NdaStatus;
  nameAgreed: boolean;
  areaCode: string | null;
  viewers: Picked[];
}

const viewerLabel = (v: { displayName: string; organizationName: string }) =>
  `${v.displayName}（${v.organizationName}）`;

function valuesOf(n: NeedDetail): Values {
  return {
    publicSummary: n.publicSummary ?? "",
    confidentiality: n.confidentiality,
    ndaStatus: n.ndaStatus,
    nameAgreed: n.nameAgreed,
    areaCode: n.areaCode,
    viewers: (n.viewers ?? []).map((v) => ({ id: v.id, label: viewerLabel(v) })),
  };
}

/** Named viewers, searched on the server by name, e-mail or organisation. */
function ViewerPicker({
  value,
  onChange,
  error,
}: {
  value: Picked[];
  onChange: (v: Picked[]) => void;
  error?: string | undefined;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState("");
  const [debounced] = useDebouncedValue(search, 250);
  const options = useQuery({
    queryKey: ["needs", "viewer-options", debounced],
    queryFn: () => api<ViewerOption[]>(`/api/needs/viewer-options${qs({ q: debounced })}`),
  });
  const known = new Map(value.map((v) => [v.id, v.label]));
  for (const o of options.data ?? []) known.set(o.id, viewerLabel(o));
  return (
    <MultiSelect
      label={t("need.viewers")}
      description={t("screening.viewersHint")}
      data={[...known].map(([id, l]) => ({ value: id, label: l }))}
      value={value.map((v) => v.id)}
      onChange={(ids) => onChange(ids.map((id) => ({ id, label: known.get(id) ?? id })))}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: o }) => o}
      nothingFoundMessage={t("users.noResults")}
      error={error}
    />
  );
}

/**
 * The coordinators' screening of a need: public summary, confidentiality, NDA status, named viewers,
 * agreement to be named and area (the status follows the case's stage). Saves with the version it was opened at: a 409 says someone
 * else changed the need meanwhile and offers to reload.
 */
export function NeedScreeningPanel({
  need,
  onReload,
}: {
  need: NeedDetail;
  onReload: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const areas = useAreas();
  const qc = useQueryClient();
  const [error, setError] = useState<unknown>(null);
  const [version, setVersion] = useState(need.version);
  const form = useForm<Values>({ initialValues: valuesOf(need) });

  const submit = form.onSubmit(async (v) => {
    setError(null);
    try {
      const saved = await api<NeedDetail>(`/api/needs/${need.id}`, {
        method: "PATCH",
        body: {
          version,
          publicSummary: v.publicSummary,
          confidentiality: v.confidentiality,
          ndaStatus: v.ndaStatus,
          nameAgreed: v.nameAgreed,
          areaCode: v.areaCode,
          viewerIds: v.viewers.map((x) => x.id),
        },
      });
      qc.setQueryData(["needs", "detail", need.id], saved);
      setVersion(saved.version);
      form.setInitialValues(valuesOf(saved));
      form.setValues(valuesOf(saved));
      await qc.invalidateQueries({ queryKey: ["needs", "list"] });
      await qc.invalidateQueries({ queryKey: ["history"] });
      notifySaved(t("screening.saved"));
    } catch (e) {
      if (!applyFieldErrors(form, e) || (e instanceof ApiError && e.code === "CONFLICT")) setError(e);
    }
  });

  const stale = error instanceof ApiError && error.details.reason === "stale_version";
  const reload = async () => {
    setError(null);
    const r = (await onReload()) as { data?: NeedDetail } | undefined;
    const fresh = r?.data ?? qc.getQueryData<NeedDetail>(["needs", "detail", need.id]);
    if (fresh) {
      setVersion(fresh.version);
      form.setInitialValues(valuesOf(fresh));
      form.setValues(valuesOf(fresh));
    }
  };
  const viewerError = Object.entries(form.errors).find(([k]) => k.startsWith("viewerIds"))?.[1];

  return (
    <Card withBorder component="section" aria-labelledby="screening-title">
      <form onSubmit={submit} noValidate>
        <Stack>
          <div>
            <Title order={3} size="h4" id="screening-title">
              {t("screening.title")}
            </Title>
            <Text size="sm" c="dimmed">
              {t("screening.intro")}
            </Text>
          </div>
          <ErrorAlert error={error} onReload={stale ? () => void reload() : undefined} />
          <Textarea
            label={t("need.publicSummary")}
            description={t("screening.publicSummaryHint")}
            autosize
            minRows={3}
            maxLength={3_000}
            {...form.getInputProps("publicSummary")}
          />
          {form.values.confidentiality === "public_summary" && !form.values.publicSummary.trim() && (
            <Alert color="yellow" variant="light">
              {t("screening.summaryMissing")}
            </Alert>
          )}
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
            <Select
              label={t("need.confidentiality")}
              data={NEED_CONFIDENTIALITIES.map((c) => ({
                value: c,
                label: t(`need.confidentialities.${c}`),
              }))}
              allowDeselect={false}
              {...form.getInputProps("confidentiality")}
            />
            <Select
              label={t("need.ndaStatus")}
              data={NDA_STATUSES.map((s) => ({ value: s, label: t(`need.ndaStatuses.${s}`) }))}
              allowDeselect={false}
              {...form.getInputProps("ndaStatus")}
            />
            <Select
              label={t("need.area")}
              data={(areas.data ?? []).map((a) => ({
                value: a.code,
                label: fmt.locale === "ja" ? a.nameJa : a.nameEn,
              }))}
              placeholder={t("need.noArea")}
              clearable
              {...form.getInputProps("areaCode")}
            />
          </SimpleGrid>
          <ViewerPicker
            value={form.values.viewers}
            onChange={(v) => form.setFieldValue("viewers", v)}
            error={viewerError as string | undefined}
          />
          {need.anonymousUntilAgreed && (
            <Checkbox
              label={t("screening.nameAgreed")}
              description={t("needDetail.anonymousNote")}
              {...form.getInputProps("nameAgreed", { type: "checkbox" })}
            />
          )}
          <Group justify="flex-end">
            <Button type="submit" loading={form.submitting} disabled={!form.isDirty()}>
              {t("common.save")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
