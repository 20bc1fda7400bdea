import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Grid,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from "@mantine/core";
import { IconArrowLeft, IconBell, IconBellOff, IconExternalLink } from "@tabler/icons-react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { ApiError, api } from "../api";
import { type CaseDetail, STAGE_KIND_COLOR, stageLabel } from "../cases";
import { CaseFiles } from "../components/CaseFiles";
import { CaseMeetings } from "../components/CaseMeetings";
import { CaseTasks } from "../components/CaseTasks";
import { CaseTimeline } from "../components/CaseTimeline";
import { Field } from "../components/Field";
import { ErrorAlert, errorMessage, PageLoader } from "../components/feedback";
import { NdaBadge } from "../components/NeedBadges";
import { useStageMove } from "../components/StageMove";
import { useFormat } from "../format";
import { useAreas } from "../queries";

const MATCH_COLOR: Record<string, string> = {
  suggested: "gray",
  shortlisted: "blue",
  inquired: "yellow",
  accepted: "teal",
  declined: "red",
};

/** Coordinator and second coordinator, chosen from the area team; saved at once with the version. */
function Assignment({ kase, onSaved }: { kase: CaseDetail; onSaved: (c: CaseDetail) => void }) {
  const { t } = useTranslation();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const options = kase.team.map((p) => ({ value: p.id, label: `${p.displayName}（${p.organizationName}）` }));
  for (const p of [kase.coordinator, kase.secondCoordinator])
    if (p && !options.some((o) => o.value === p.id)) options.push({ value: p.id, label: p.displayName });
  const save = async (change: Record<string, string | null>) => {
    setErrors({});
    setError(null);
    try {
      onSaved(
        await api<CaseDetail>(`/api/cases/${kase.id}`, {
          method: "PATCH",
          body: { version: kase.version, ...change },
        }),
      );
    } catch (e) {
      if (e instanceof ApiError && e.fields.length)
        setErrors(Object.fromEntries(e.fields.map((f) => [f.field, f.message])));
      else setError(e);
    }
  };
  return (
    <Stack gap="xs">
      <ErrorAlert error={error} />
      <Select
        label={t("cases.coordinator")}
        data={options}
        value={kase.coordinator?.id ?? null}
        onChange={(v) => void save({ coordinatorId: v })}
        placeholder={t("cases.unassigned")}
        error={errors.coordinatorId}
        searchable
        clearable
      />
      <Select
        label={t("cases.secondCoordinator")}
        data={options}
        value={kase.secondCoordinator?.id ?? null}
        onChange={(v) => void save({ secondCoordinatorId: v })}
        placeholder={t("common.none")}
        error={errors.secondCoordinatorId}
        searchable
        clearable
      />
    </Stack>
  );
}

/** One case: its stage and people, the researchers, timeline, tasks, meetings, files and e-mails. */
export function CasePage() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const fmt = useFormat();
  const areas = useAreas();
  const qc = useQueryClient();
  const key = ["cases", "detail", id];
  const query = useQuery({ queryKey: key, queryFn: () => api<CaseDetail>(`/api/cases/${id}`) });
  const [followError, setFollowError] = useState<string | null>(null);
  const changed = () => void qc.invalidateQueries({ queryKey: ["cases"] });
  const updated = (c: CaseDetail) => {
    qc.setQueryData(key, c);
    void qc.invalidateQueries({ queryKey: ["cases"] });
  };
  const mover = useStageMove({ closeReasons: query.data?.closeReasons ?? [], onMoved: updated });

  if (query.isLoading) return <PageLoader />;
  if (!query.data) return <ErrorAlert error={query.error} />;
  const c = query.data;
  const stage = c.stages.find((s) => s.code === c.stageCode);
  const reason = c.closeReasons.find((r) => r.code === c.closeReasonCode);
  const follow = async () => {
    setFollowError(null);
    try {
      await api(`/api/cases/${c.id}/follow`, { method: c.following ? "DELETE" : "POST" });
      changed();
    } catch (e) {
      setFollowError(errorMessage(e));
    }
  };

  return (
    <Stack maw={1300}>
      <Group justify="space-between">
        <Anchor component={Link} to="/cases/board" size="sm">
          <Group gap={4} wrap="nowrap">
            <IconArrowLeft size={14} />
            {t("cases.page.back")}
          </Group>
        </Anchor>
        <Button
          variant={c.following ? "light" : "default"}
          leftSection={c.following ? <IconBellOff size={16} /> : <IconBell size={16} />}
          onClick={follow}
          aria-pressed={c.following}
        >
          {c.following ? t("cases.page.unfollow") : t("cases.page.follow")}
        </Button>
      </Group>
      {followError && <Alert color="red">{followError}</Alert>}
      <div>
        <Text ff="monospace" c="dimmed" size="sm" data-testid="case-reference">
          {c.referenceNumber}
        </Text>
        <Title order={2}>{c.title}</Title>
        <Group gap="xs" mt={4}>
          <Text size="sm">{c.organizationName}</Text>
          {c.referralOrganizationName && (
            <Text size="sm" c="dimmed">
              {t("cases.referral")}: {c.referralOrganizationName}
            </Text>
          )}
        </Group>
        <Group gap="xs" mt="xs">
          <Badge variant="filled" color={STAGE_KIND_COLOR[c.stageKind]} data-testid="case-stage">
            {stageLabel(stage, fmt.locale, c.stageCode)}
          </Badge>
          <NdaBadge value={c.ndaStatus} />
          {reason && (
            <Badge variant="outline" color="gray">
              {t("cases.page.closeReason")}: {stageLabel(reason, fmt.locale)}
            </Badge>
          )}
        </Group>
      </div>
      <ErrorAlert
        error={mover.error}
        onReload={() => {
          mover.clearError();
          void query.refetch();
        }}
      />
      {mover.modal}

      <Grid>
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack>
            <Card withBorder>
              <SimpleGrid cols={{ base: 1, xs: 2, sm: 3 }}>
                <Select
                  label={t("cases.page.moveStage")}
                  data={c.stages
                    .filter((s) => s.active || s.code === c.stageCode)
                    .map((s) => ({
                      value: s.code,
                      label: `${stageLabel(s, fmt.locale)}${s.kind === "open" ? "" : `（${t(`cases.kinds.${s.kind}`)}）`}`,
                    }))}
                  value={c.stageCode}
                  allowDeselect={false}
                  onChange={(v) => {
                    const target = c.stages.find((s) => s.code === v);
                    if (target) mover.move(c, target);
                  }}
                />
                <Field label={t("cases.page.stageSince")}>{fmt.date(c.stageEnteredAt)}</Field>
                <Field label={t("need.receivedAt")}>{fmt.date(c.receivedAt)}</Field>
                <Field label={t("need.area")}>
                  {c.areaCode ? fmt.area(areas.data, c.areaCode) : t("need.noArea")}
                </Field>
                <Field label={t("cases.lastActivity")}>{fmt.dateTime(c.lastActivityAt)}</Field>
                <Field label={t("cases.nextDue")}>{c.nextDueOn}</Field>
                <Field label={t("need.ndaStatus")}>
                  {t(`need.ndaStatuses.${c.ndaStatus}`)}
                  {c.ndaSignedAt ? `（${fmt.date(c.ndaSignedAt)}）` : ""}
                </Field>
                <Field label={t("cases.page.contract")}>
                  {c.contract ? (
                    <Anchor component={Link} to={`/contracts/${c.contract.id}`} size="sm">
                      {c.contract.number}
                    </Anchor>
                  ) : (
                    t("cases.page.noContract")
                  )}
                </Field>
                <Field label={t("cases.page.need")}>
                  <Anchor component={Link} to={`/needs/${c.needId}`} size="sm">
                    {t("cases.page.openNeed")} <IconExternalLink size={12} />
                  </Anchor>
                </Field>
              </SimpleGrid>
              {c.closeNote && (
                <Text size="sm" mt="sm" className="kyoso-pre">
                  {t("cases.page.closeNote")}: {c.closeNote}
                </Text>
              )}
            </Card>

            <Card withBorder data-testid="case-need">
              <Title order={3} size="h4" mb="sm">
                {t("cases.page.needContent")}
              </Title>
              <Stack gap="xs">
                <Field label={t("need.problem")}>
                  <Text size="sm" className="kyoso-pre">
                    {c.need.problem}
                  </Text>
                </Field>
                {c.need.tried && (
                  <Field label={t("need.tried")}>
                    <Text size="sm" className="kyoso-pre">
                      {c.need.tried}
                    </Text>
                  </Field>
                )}
                {c.need.desiredOutcome && (
                  <Field label={t("need.desiredOutcome")}>
                    <Text size="sm" className="kyoso-pre">
                      {c.need.desiredOutcome}
                    </Text>
                  </Field>
                )}
                <SimpleGrid cols={{ base: 1, xs: 2, sm: 3 }}>
                  <Field label={t("need.budgetRange")}>{t(`need.budgets.${c.need.budgetRange}`)}</Field>
                  <Field label={t("need.timing")}>{t(`need.timings.${c.need.timing}`)}</Field>
                  <Field label={t("need.contact")}>
                    {[c.need.contact.name, c.need.contact.email, c.need.contact.phone]
                      .filter(Boolean)
                      .join(" / ")}
                  </Field>
                  {c.referralOrganizationName && (
                    <Field label={t("cases.referral")}>
                      {[c.referralOrganizationName, c.need.referralBranch, c.need.referralStaffName]
                        .filter(Boolean)
                        .join(" ")}
                    </Field>
                  )}
                </SimpleGrid>
              </Stack>
            </Card>

            <Card withBorder>
              <Group justify="space-between" mb="sm">
                <Title order={3} size="h4">
                  {t("cases.page.researchers")}
                </Title>
                <Anchor component={Link} to={`/needs/${c.needId}`} size="sm">
                  {t("cases.page.suggestions")}
                </Anchor>
              </Group>
              {c.researchers.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t("cases.page.noResearchers")}
                </Text>
              ) : (
                <Table.ScrollContainer minWidth={600}>
                  <Table>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{t("cases.page.researcher")}</Table.Th>
                        <Table.Th>{t("cases.page.institution")}</Table.Th>
                        <Table.Th>{t("cases.page.answer")}</Table.Th>
                        <Table.Th>{t("cases.page.responseNote")}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {c.researchers.map((r) => (
                        <Table.Tr key={r.researcherId}>
                          <Table.Td className="kyoso-nowrap">
                            {fmt.locale === "en" && r.nameEn ? r.nameEn : r.name}
                          </Table.Td>
                          <Table.Td>{r.organizationName}</Table.Td>
                          <Table.Td>
                            <Badge variant="light" color={MATCH_COLOR[r.state] ?? "gray"} miw="max-content">
                              {t(`cases.matchStates.${r.state}`, { defaultValue: r.state })}
                            </Badge>
                            {r.respondedAt && (
                              <Text size="xs" c="dimmed">
                                {fmt.dateTime(r.respondedAt)}
                              </Text>
                            )}
                          </Table.Td>
                          <Table.Td>
                            <Text size="sm" className="kyoso-pre">
                              {r.responseNote ?? "—"}
                            </Text>
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              )}
            </Card>

            <CaseTimeline kase={c} onChanged={changed} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack>
            <Card withBorder>
              <Title order={3} size="h4" mb="sm">
                {t("cases.page.people")}
              </Title>
              <Assignment key={c.version} kase={c} onSaved={updated} />
            </Card>
            <CaseTasks kase={c} onChanged={changed} />
            <CaseMeetings kase={c} onChanged={changed} />
            <CaseFiles kase={c} onChanged={changed} />
            <Card withBorder>
              <Title order={3} size="h4" mb="sm">
                {t("cases.mails.title")}
              </Title>
              <Stack gap={6}>
                {c.mails.length === 0 && (
                  <Text size="sm" c="dimmed">
                    {t("cases.mails.none")}
                  </Text>
                )}
                {c.mails.map((m) => (
                  <div key={m.id}>
                    <Group gap={6} wrap="nowrap">
                      <Badge
                        size="xs"
                        variant={m.status === "failed" ? "filled" : "light"}
                        color={m.status === "failed" ? "red" : m.status === "sent" ? "teal" : "gray"}
                        miw="max-content"
                      >
                        {t(`mail.statuses.${m.status}`, { defaultValue: m.status })}
                      </Badge>
                      <Text size="sm" lineClamp={1}>
                        {m.subject}
                      </Text>
                    </Group>
                    <Text size="xs" c="dimmed">
                      {m.to} · {fmt.dateTime(m.createdAt)}
                    </Text>
                    {m.status === "failed" && m.lastError && (
                      <Text size="xs" c="red.7">
                        {m.lastError}
                      </Text>
                    )}
                  </div>
                ))}
              </Stack>
            </Card>
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
