import { Alert, Anchor, Button, Card, Grid, Group, Stack, Text, Title } from "@mantine/core";
import { IconArrowLeft, IconClockHour4, IconInfoCircle, IconSettings } from "@tabler/icons-react";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { ApiError } from "../api";
import { Field } from "../components/Field";
import { ErrorAlert, PageLoader } from "../components/feedback";
import {
  type ApplyMode,
  type ApplyResult,
  OpenCallApplied,
  OpenCallApplyForm,
} from "../components/OpenCallApplyForm";
import { ApplicationStatusBadge, PhaseBadge } from "../components/OpenCallBadges";
import { useFormat } from "../format";
import {
  callPhase,
  contractTypeLabel,
  deadlineText,
  type PublicCall,
  timeLeft,
  useInstitutionName,
  useMyApplications,
  usePublicCall,
  yen,
} from "../opencalls";
import { useMe, usePermissions } from "../session";
import { NotFoundPage } from "./NotFoundPage";

/** What the call asks for: its four texts. */
function CallTexts({ call }: { call: PublicCall }) {
  const { t } = useTranslation();
  const sections = [
    ["background", call.background],
    ["goals", call.goals],
    ["expectedContribution", call.expectedContribution],
    ["ipRule", call.ipRule],
  ] as const;
  return (
    <Card withBorder>
      <Stack>
        {sections.map(([key, text]) => (
          <section key={key} aria-labelledby={`call-${key}`}>
            <Title order={3} size="h5" id={`call-${key}`} mb={4}>
              {t(`opencalls.fields.${key}`)}
            </Title>
            <Text size="sm" className="kyoso-pre">
              {text}
            </Text>
          </section>
        ))}
      </Stack>
    </Card>
  );
}

/** Where the viewer applies: the form that fits them, or why they cannot. */
function ApplySection({ call }: { call: PublicCall }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { data: me } = useMe();
  const can = usePermissions();
  const qc = useQueryClient();
  const [result, setResult] = useState<{ r: ApplyResult; mode: ApplyMode } | null>(null);
  const company = !!me && can("opencalls:apply");
  const mine = useMyApplications(company);
  const phase = callPhase(call);

  if (result) return <OpenCallApplied result={result.r} mode={result.mode} />;

  const applied = mine.data?.find((a) => a.callId === call.id);
  if (company && applied) {
    return (
      <Alert color="teal" icon={<IconInfoCircle size={18} />} title={t("opencalls.apply.appliedTitle")}>
        <Stack gap="xs">
          <Group gap="xs">
            <Text size="sm">
              {t("opencalls.apply.appliedOn", {
                date: fmt.date(applied.createdAt),
                amount: yen(applied.contribution, fmt.locale),
              })}
            </Text>
            <ApplicationStatusBadge status={applied.status} />
          </Group>
          <div>
            <Button size="xs" variant="light" component={Link} to="/open-calls/mine">
              {t("opencalls.nav.mine")}
            </Button>
          </div>
        </Stack>
      </Alert>
    );
  }
  if (phase !== "open") {
    return (
      <Alert color="gray" icon={<IconClockHour4 size={18} />} data-testid="call-not-open">
        {t("opencalls.apply.closed")}
      </Alert>
    );
  }
  if (me && !company) {
    return (
      <Alert color="gray" icon={<IconInfoCircle size={18} />}>
        <Stack gap="xs">
          <Text size="sm">{t("opencalls.apply.onlyCompanies")}</Text>
          {can("opencalls:manage") && (
            <div>
              <Button
                size="xs"
                variant="light"
                leftSection={<IconSettings size={14} />}
                component={Link}
                to={`/open-calls/manage/${call.id}`}
              >
                {t("opencalls.page.manageThis")}
              </Button>
            </div>
          )}
        </Stack>
      </Alert>
    );
  }
  if (company && mine.isLoading) return <PageLoader />;
  const mode: ApplyMode = company ? "company" : "public";
  return (
    <OpenCallApplyForm
      call={call}
      mode={mode}
      onApplied={(r) => {
        setResult({ r, mode });
        void qc.invalidateQueries({ queryKey: ["opencalls"] });
        document.getElementById("main")?.scrollIntoView({ block: "start" });
        window.scrollTo({ top: 0 });
      }}
    />
  );
}

/** One published call for everyone, with the application form that fits the viewer. */
export function OpenCallPage() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const fmt = useFormat();
  const institutionName = useInstitutionName();
  const query = usePublicCall(id);

  if (query.isLoading) return <PageLoader />;
  if (query.error instanceof ApiError && (query.error.status === 404 || query.error.status === 400))
    return <NotFoundPage />;
  if (!query.data) return <ErrorAlert error={query.error} onReload={() => void query.refetch()} />;
  const call = query.data;
  const phase = callPhase(call);
  const left = phase === "open" ? timeLeft(call.deadline, t) : null;

  return (
    <Stack maw={1200}>
      <Anchor component={Link} to="/open-calls" size="sm">
        <Group gap={4} wrap="nowrap">
          <IconArrowLeft size={14} />
          {t("opencalls.backToList")}
        </Group>
      </Anchor>
      <div>
        <Text size="sm" c="dimmed">
          {t("opencalls.kicker")}
        </Text>
        <Group gap="sm" align="center">
          <Title order={2}>{call.title}</Title>
          <PhaseBadge phase={phase} />
        </Group>
      </div>
      <Grid>
        <Grid.Col span={{ base: 12, md: 8 }}>
          <CallTexts call={call} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Card withBorder>
            <Stack gap="sm">
              <Field label={t("opencalls.deadline")}>
                <Text span fw={700} size="sm" data-testid="call-deadline">
                  {deadlineText(call.deadline, fmt.locale, t)}
                </Text>
                {left && (
                  <Text size="sm" c="teal.8" data-testid="call-time-left">
                    {left}
                  </Text>
                )}
              </Field>
              <Field label={t("opencalls.fields.institution")}>
                {institutionName(call.institutionId, call.institutionName, fmt.locale)}
              </Field>
              <Field label={t("opencalls.fields.contractType")}>
                {contractTypeLabel(call.contractType, fmt.locale)}
              </Field>
              {call.publishedAt && (
                <Field label={t("opencalls.fields.publishedAt")}>{fmt.date(call.publishedAt)}</Field>
              )}
              <Text size="xs" c="dimmed">
                {t(`opencalls.contractTypeHelp.${call.contractType}`, { defaultValue: "" })}
              </Text>
            </Stack>
          </Card>
        </Grid.Col>
      </Grid>
      <div id="apply">
        <ApplySection call={call} />
      </div>
    </Stack>
  );
}
