import {
  Alert,
  Anchor,
  Button,
  Card,
  Group,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { IconAlertCircle, IconArrowLeft } from "@tabler/icons-react";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { addDays, todayJst } from "../../shared/dates";
import { ApiError, api } from "../api";
import { fromJstInput, toJstInput } from "../cases";
import { ErrorAlert, PageLoader } from "../components/feedback";
import { useHandledInstitutions } from "../contracts";
import { useFormat } from "../format";
import {
  type CallContractType,
  contractTypeLabel,
  OPEN_CALL_CONTRACT_TYPES,
  type StaffCall,
  useCallApplications,
} from "../opencalls";
import { useMe } from "../session";

interface Values {
  title: string;
  institutionId: string | null;
  contractType: CallContractType;
  /** `datetime-local`, Japan time. */
  deadline: string;
  background: string;
  goals: string;
  expectedContribution: string;
  ipRule: string;
}

function CallForm({ call }: { call: StaffCall | null }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const { data: me } = useMe();
  const institutions = useHandledInstitutions();
  const [error, setError] = useState<unknown>(null);
  const ownInstitution = institutions.data.find((i) => i.id === me?.user.organizationId)?.id ?? null;
  const original = call ? toJstInput(call.deadline) : "";

  const form = useForm<Values>({
    initialValues: call
      ? {
          title: call.title,
          institutionId: call.institutionId,
          contractType: call.contractType as CallContractType,
          deadline: original,
          background: call.background,
          goals: call.goals,
          expectedContribution: call.expectedContribution,
          ipRule: call.ipRule,
        }
      : {
          title: "",
          institutionId: ownInstitution,
          contractType: "open_call",
          deadline: `${addDays(todayJst(), 30)}T17:00`,
          background: "",
          goals: "",
          expectedContribution: "",
          ipRule: "",
        },
    validate: (v) => {
      const required = t("opencalls.apply.required");
      const e: Partial<Record<keyof Values, string>> = {};
      for (const k of ["title", "background", "goals", "expectedContribution", "ipRule"] as const)
        if (!v[k].trim()) e[k] = required;
      if (!v.institutionId) e.institutionId = required;
      if (!v.deadline) e.deadline = required;
      else if (v.deadline !== original && new Date(fromJstInput(v.deadline) ?? "").getTime() <= Date.now())
        e.deadline = t("opencalls.form.deadlinePast");
      return e;
    },
  });

  const submit = form.onSubmit(async (v) => {
    setError(null);
    const body = {
      title: v.title.trim(),
      institutionId: v.institutionId,
      contractType: v.contractType,
      deadline: fromJstInput(v.deadline),
      background: v.background.trim(),
      goals: v.goals.trim(),
      expectedContribution: v.expectedContribution.trim(),
      ipRule: v.ipRule.trim(),
    };
    try {
      const saved = call
        ? await api<StaffCall>(`/api/open-calls/${call.id}`, {
            method: "PUT",
            body: { ...body, version: call.version },
          })
        : await api<StaffCall>("/api/open-calls", { method: "POST", body });
      await qc.invalidateQueries({ queryKey: ["opencalls"] });
      void navigate(`/open-calls/manage/${saved.id}`);
    } catch (e) {
      if (e instanceof ApiError && e.fields.length) {
        const known = Object.keys(form.values);
        form.setErrors(
          Object.fromEntries(
            e.fields.filter((f) => known.includes(f.field)).map((f) => [f.field, f.message]),
          ),
        );
        if (e.fields.some((f) => !known.includes(f.field))) setError(e);
      } else setError(e);
    }
  });

  const institutionData = institutions.data.map((i) => ({
    value: i.id,
    label: fmt.locale === "en" && i.nameEn ? i.nameEn : i.nameJa,
  }));

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <ErrorAlert error={error} />
        {Object.keys(form.errors).length > 0 && (
          <Alert color="red" icon={<IconAlertCircle size={18} />} role="alert">
            {t("opencalls.apply.fixErrors")}
          </Alert>
        )}
        <Card withBorder>
          <Stack>
            <TextInput
              label={t("opencalls.fields.title")}
              required
              maxLength={300}
              {...form.getInputProps("title")}
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Select
                label={t("opencalls.fields.institution")}
                description={t("opencalls.form.institutionHint")}
                inputWrapperOrder={["label", "input", "description", "error"]}
                required
                searchable
                data={institutionData}
                nothingFoundMessage={
                  institutions.isLoading ? t("common.loading") : t("opencalls.form.noInstitution")
                }
                {...form.getInputProps("institutionId")}
              />
              <TextInput
                type="datetime-local"
                label={t("opencalls.form.deadline")}
                description={t("opencalls.form.deadlineHint")}
                inputWrapperOrder={["label", "input", "description", "error"]}
                required
                {...form.getInputProps("deadline")}
              />
            </SimpleGrid>
            <Radio.Group
              label={t("opencalls.fields.contractType")}
              required
              {...form.getInputProps("contractType")}
            >
              <Stack gap="xs" mt="xs">
                {OPEN_CALL_CONTRACT_TYPES.map((c) => (
                  <Radio
                    key={c}
                    value={c}
                    label={contractTypeLabel(c, fmt.locale)}
                    description={t(`opencalls.contractTypeHelp.${c}`)}
                  />
                ))}
              </Stack>
            </Radio.Group>
          </Stack>
        </Card>
        <Card withBorder>
          <Stack>
            {(["background", "goals", "expectedContribution", "ipRule"] as const).map((k) => (
              <Textarea
                key={k}
                label={t(`opencalls.fields.${k}`)}
                description={t(`opencalls.form.hints.${k}`)}
                inputWrapperOrder={["label", "input", "description", "error"]}
                required
                autosize
                minRows={k === "background" || k === "goals" ? 4 : 3}
                maxLength={k === "background" || k === "goals" ? 10_000 : 5000}
                {...form.getInputProps(k)}
              />
            ))}
          </Stack>
        </Card>
        <Group justify="space-between">
          <Text size="sm" c="dimmed">
            {call && call.status !== "draft"
              ? t("opencalls.form.editPublishedNote")
              : t("opencalls.form.draftNote")}
          </Text>
          <Group>
            <Button
              variant="default"
              component={Link}
              to={call ? `/open-calls/manage/${call.id}` : "/open-calls/manage"}
            >
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={form.submitting}>
              {call ? t("common.save") : t("opencalls.form.create")}
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}

/** Writing a new call (a draft until published) or editing one, at `/open-calls/manage/new` and `…/:id/edit`. */
export function OpenCallEditPage() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const existing = useCallApplications(id, !!id);
  const institutions = useHandledInstitutions();

  if ((id && existing.isLoading) || institutions.isLoading) return <PageLoader />;
  if (id && !existing.data) return <ErrorAlert error={existing.error} />;
  const call = existing.data?.call ?? null;

  return (
    <Stack maw={960}>
      <Anchor component={Link} to={call ? `/open-calls/manage/${call.id}` : "/open-calls/manage"} size="sm">
        <Group gap={4} wrap="nowrap">
          <IconArrowLeft size={14} />
          {call ? t("opencalls.review.back") : t("opencalls.manage.back")}
        </Group>
      </Anchor>
      <Title order={2}>{call ? t("opencalls.form.editTitle") : t("opencalls.form.newTitle")}</Title>
      {call?.status === "decided" ? (
        <Alert color="gray">{t("opencalls.form.decided")}</Alert>
      ) : (
        <CallForm call={call} />
      )}
    </Stack>
  );
}
