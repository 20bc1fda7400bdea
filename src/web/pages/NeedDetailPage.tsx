import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Grid,
  Group,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from "@mantine/core";
import { IconArrowLeft, IconHistory, IconLayoutKanban, IconLock } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { api, type NeedDetail } from "../api";
import { Field } from "../components/Field";
import { ErrorAlert, PageLoader } from "../components/feedback";
import { HistoryDrawer } from "../components/HistoryDrawer";
import { ConfidentialityBadge, NdaBadge, NeedStatusBadge } from "../components/NeedBadges";
import { NeedScreeningPanel } from "../components/NeedScreeningPanel";
import { NeedSuggestions } from "../components/NeedSuggestions";
import { useFormat } from "../format";
import { useAreas } from "../queries";
import { usePermissions } from "../session";

/** The need's history in the UI's words: field names and coded values. */
function useHistoryLabels() {
  const { t } = useTranslation();
  const fields: Record<string, string> = {
    publicSummary: t("need.publicSummary"),
    confidentiality: t("need.confidentiality"),
    ndaStatus: t("need.ndaStatus"),
    nameAgreed: t("screening.nameAgreed"),
    status: t("need.status"),
    areaCode: t("need.area"),
    viewerIds: t("need.viewers"),
  };
  const groups: Record<string, string> = {
    confidentiality: "need.confidentialities",
    ndaStatus: "need.ndaStatuses",
    status: "need.statuses",
  };
  return {
    fieldLabel: (f: string) => fields[f] ?? f,
    valueLabel: (f: string, v: unknown) =>
      typeof v === "string" && groups[f] ? t(`${groups[f]}.${v}`, { defaultValue: v }) : v,
  };
}

/**
 * One need, as far as the viewer may see it (the API decides: the full need or its public summary);
 * the coordinators in charge screen it here.
 */
export function NeedDetailPage() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const fmt = useFormat();
  const areas = useAreas();
  const [historyOpen, setHistoryOpen] = useState(false);
  const labels = useHistoryLabels();
  const can = usePermissions();
  const caseOf = useQuery({
    queryKey: ["cases", "of-need", id],
    queryFn: () => api<{ id: string }>(`/api/cases/of-need/${id}`),
    enabled: can("cases:read"),
    retry: false,
  });
  const query = useQuery({
    queryKey: ["needs", "detail", id],
    queryFn: () => api<NeedDetail>(`/api/needs/${id}`),
  });

  if (query.isLoading) return <PageLoader />;
  if (!query.data) return <ErrorAlert error={query.error} />;
  const n = query.data;
  const full = n.view === "full";
  const ndaPending = n.ndaRequired && n.ndaStatus !== "signed";
  const areaName = (code: string | null) => (code ? fmt.area(areas.data, code) : t("need.noArea"));

  return (
    <Stack maw={1200}>
      <Group justify="space-between" align="flex-start">
        <Anchor component={Link} to="/needs" size="sm">
          <Group gap={4} wrap="nowrap">
            <IconArrowLeft size={14} />
            {t("needDetail.back")}
          </Group>
        </Anchor>
        <Group gap="xs">
          {caseOf.data && (
            <Button
              component={Link}
              to={`/cases/${caseOf.data.id}`}
              variant="light"
              leftSection={<IconLayoutKanban size={16} />}
            >
              {t("needDetail.openCase")}
            </Button>
          )}
          {n.canEdit && (
            <Button
              variant="default"
              leftSection={<IconHistory size={16} />}
              onClick={() => setHistoryOpen(true)}
            >
              {t("needDetail.history")}
            </Button>
          )}
        </Group>
      </Group>

      <div>
        <Text ff="monospace" c="dimmed" size="sm" data-testid="need-reference">
          {n.referenceNumber}
        </Text>
        <Title order={2} c={n.title ? undefined : "dimmed"}>
          {n.title ?? t("needDetail.hiddenTitle")}
        </Title>
        <Group gap="xs" mt="xs">
          <NeedStatusBadge value={n.status} />
          <ConfidentialityBadge value={n.confidentiality} />
          {(n.ndaRequired || n.ndaStatus !== "none") && <NdaBadge value={n.ndaStatus} />}
          {n.anonymousUntilAgreed && (
            <Badge variant="outline" color={n.nameAgreed ? "teal" : "gray"}>
              {n.nameAgreed ? t("needDetail.nameAgreed") : t("needDetail.notAgreed")}
            </Badge>
          )}
        </Group>
      </div>

      {!full && (
        <Alert color="blue" variant="light" icon={<IconLock size={18} />} data-testid="summary-only">
          {ndaPending ? t("needDetail.summaryOnlyNda") : t("needDetail.summaryOnly")}
        </Alert>
      )}

      <Grid>
        <Grid.Col span={{ base: 12, md: full ? 8 : 12 }}>
          <Stack>
            {(n.publicSummary || !full) && (
              <Card withBorder>
                <Field label={t("need.publicSummary")} pre>
                  {n.publicSummary ?? t("needDetail.noSummary")}
                </Field>
              </Card>
            )}
            {full && (
              <Card withBorder>
                <Title order={3} size="h4" mb="sm">
                  {t("needDetail.details")}
                </Title>
                <Stack>
                  <Field label={t("need.problem")} pre>
                    {n.problem}
                  </Field>
                  <Field label={t("need.tried")} pre>
                    {n.tried}
                  </Field>
                  <Field label={t("need.desiredOutcome")} pre>
                    {n.desiredOutcome}
                  </Field>
                </Stack>
              </Card>
            )}
            <Card withBorder>
              <Title order={3} size="h4" mb="sm">
                {t("needDetail.conditions")}
              </Title>
              <SimpleGrid cols={{ base: 1, xs: 2, sm: 3 }}>
                {full && (
                  <>
                    <Field label={t("need.budgetRange")}>
                      {n.budgetRange ? t(`need.budgets.${n.budgetRange}`) : null}
                    </Field>
                    <Field label={t("need.timing")}>{n.timing ? t(`need.timings.${n.timing}`) : null}</Field>
                    <Field label={t("need.preferredArea")}>{areaName(n.preferredAreaCode)}</Field>
                  </>
                )}
                <Field label={t("need.area")}>{areaName(n.areaCode)}</Field>
                <Field label={t("need.language")}>{t(`need.languages.${n.language}`)}</Field>
                <Field label={t("need.receivedAt")}>{fmt.date(n.createdAt)}</Field>
                {n.ndaSignedAt && (
                  <Field label={t("needDetail.ndaSignedAt")}>{fmt.date(n.ndaSignedAt)}</Field>
                )}
              </SimpleGrid>
            </Card>
          </Stack>
        </Grid.Col>
        {full && (
          <Grid.Col span={{ base: 12, md: 4 }}>
            <Card withBorder>
              <Title order={3} size="h4" mb="sm">
                {t("needDetail.parties")}
              </Title>
              <Stack gap="sm">
                <Field label={t("need.company")}>
                  {n.organizationName ?? (
                    <Text span size="sm" c="dimmed">
                      {t("need.anonymous")}
                    </Text>
                  )}
                </Field>
                {n.contact && (
                  <>
                    <Field label={t("need.contactName")}>{n.contact.name}</Field>
                    <Field label={t("need.contactEmail")}>
                      {n.contact.email && (
                        <Anchor href={`mailto:${n.contact.email}`}>{n.contact.email}</Anchor>
                      )}
                    </Field>
                    <Field label={t("need.contactPhone")}>{n.contact.phone}</Field>
                  </>
                )}
                {n.referral && (
                  <Field label={t("need.referral")}>
                    {[n.referral.organizationName, n.referral.branch, n.referral.staffName]
                      .filter(Boolean)
                      .join(" / ")}
                  </Field>
                )}
                {n.submittedBy && <Field label={t("need.submittedBy")}>{n.submittedBy.displayName}</Field>}
                {n.source && <Field label={t("need.source")}>{t(`need.sources.${n.source}`)}</Field>}
                {n.viewers && n.viewers.length > 0 && (
                  <Field label={t("need.viewers")}>
                    {n.viewers.map((v) => `${v.displayName}（${v.organizationName}）`).join("、")}
                  </Field>
                )}
                <Field label={t("need.updatedAt")}>{fmt.dateTime(n.updatedAt)}</Field>
              </Stack>
            </Card>
          </Grid.Col>
        )}
      </Grid>

      {n.canEdit && <NeedScreeningPanel key={n.id} need={n} onReload={() => query.refetch()} />}

      {n.canEdit && <NeedSuggestions key={`suggestions-${n.id}`} needId={n.id} />}

      {n.canEdit && (
        <HistoryDrawer
          url={`/api/needs/${id}/history`}
          opened={historyOpen}
          onClose={() => setHistoryOpen(false)}
          fieldLabel={labels.fieldLabel}
          valueLabel={labels.valueLabel}
        />
      )}
    </Stack>
  );
}
