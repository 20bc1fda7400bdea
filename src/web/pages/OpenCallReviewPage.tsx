import { Accordion, Alert, Anchor, Button, Card, Group, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { modals } from "@mantine/modals";
import {
  IconArrowLeft,
  IconExternalLink,
  IconInfoCircle,
  IconLock,
  IconPencil,
  IconWorldUpload,
} from "@tabler/icons-react";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { ApiError, api } from "../api";
import { ErrorAlert, PageLoader } from "../components/feedback";
import { OpenCallApplicationCard } from "../components/OpenCallApplicationCard";
import { PhaseBadge } from "../components/OpenCallBadges";
import { OpenCallContract } from "../components/OpenCallContract";
import { useFormat } from "../format";
import {
  callPhase,
  canDecide,
  contractTypeLabel,
  deadlineText,
  type StaffCall,
  useCallApplications,
  useInstitutionName,
  yen,
} from "../opencalls";
import { NotFoundPage } from "./NotFoundPage";

/** Publish a draft, or stop taking applications before the deadline (each asks first). */
function StatusActions({ call }: { call: StaffCall }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const qc = useQueryClient();
  const [error, setError] = useState<unknown>(null);
  const phase = callPhase(call);

  const run = (action: "publish" | "close") =>
    modals.openConfirmModal({
      title: t(`opencalls.status.${action}Title`),
      children: (
        <Text size="sm">
          {t(`opencalls.status.${action}Confirm`, { deadline: deadlineText(call.deadline, fmt.locale, t) })}
        </Text>
      ),
      labels: { confirm: t(`opencalls.status.${action}`), cancel: t("common.cancel") },
      confirmProps: { color: action === "close" ? "orange" : "indigo" },
      onConfirm: async () => {
        setError(null);
        try {
          await api(`/api/open-calls/${call.id}/status`, {
            method: "POST",
            body: { action, version: call.version },
          });
          await qc.invalidateQueries({ queryKey: ["opencalls"] });
        } catch (e) {
          setError(e);
        }
      },
    });

  return (
    <Stack gap="xs" align="flex-end">
      <Group gap="xs">
        {phase !== "draft" && (
          <Button
            variant="subtle"
            component={Link}
            to={`/open-calls/${call.id}`}
            rightSection={<IconExternalLink size={14} />}
          >
            {t("opencalls.review.publicPage")}
          </Button>
        )}
        {phase !== "decided" && (
          <Button
            variant="default"
            leftSection={<IconPencil size={16} />}
            component={Link}
            to={`/open-calls/manage/${call.id}/edit`}
          >
            {t("common.edit")}
          </Button>
        )}
        {phase === "draft" && (
          <Button leftSection={<IconWorldUpload size={16} />} onClick={() => run("publish")}>
            {t("opencalls.status.publish")}
          </Button>
        )}
        {phase === "open" && (
          <Button color="orange" leftSection={<IconLock size={16} />} onClick={() => run("close")}>
            {t("opencalls.status.close")}
          </Button>
        )}
      </Group>
      <ErrorAlert error={error} />
    </Stack>
  );
}

/** Why decisions can or cannot be taken yet, in one line above the applications. */
function PhaseNote({ call }: { call: StaffCall }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const phase = callPhase(call);
  const deadline = deadlineText(call.deadline, fmt.locale, t);
  const text =
    phase === "draft"
      ? t("opencalls.review.noteDraft")
      : phase === "open"
        ? t("opencalls.review.noteOpen", { deadline })
        : phase === "decided"
          ? t("opencalls.review.noteDecided")
          : t("opencalls.review.noteDecide");
  return (
    <Alert
      color={phase === "ended" || phase === "closed" ? "orange" : "blue"}
      icon={<IconInfoCircle size={18} />}
    >
      {text}
    </Alert>
  );
}

/**
 * The centre's page of one call: the call and its state, publishing and closing, then every application
 * with reviews, scores and the decision, and at the end the contract of the accepted companies.
 */
export function OpenCallReviewPage() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const fmt = useFormat();
  const institutionName = useInstitutionName();
  const query = useCallApplications(id);

  if (query.isLoading) return <PageLoader />;
  if (query.error instanceof ApiError && [400, 403, 404].includes(query.error.status))
    return <NotFoundPage />;
  if (!query.data) return <ErrorAlert error={query.error} onReload={() => void query.refetch()} />;
  const { call, applications } = query.data;
  const phase = callPhase(call);
  const decidable = canDecide(phase);
  const accepted = applications.filter((a) => a.status === "accepted");
  const undecided = applications.filter((a) => a.status === "submitted").length;

  const figures = [
    ["applications", String(applications.length)],
    ["undecided", String(undecided)],
    ["accepted", String(accepted.length)],
    [
      "acceptedTotal",
      yen(
        accepted.reduce((s, a) => s + a.contribution, 0),
        fmt.locale,
      ),
    ],
  ] as const;

  return (
    <Stack maw={1300}>
      <Anchor component={Link} to="/open-calls/manage" size="sm">
        <Group gap={4} wrap="nowrap">
          <IconArrowLeft size={14} />
          {t("opencalls.manage.back")}
        </Group>
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <div>
          <Group gap="sm">
            <Title order={2}>{call.title}</Title>
            <PhaseBadge phase={phase} staff />
          </Group>
          <Text size="sm" c="dimmed" mt={4}>
            {institutionName(call.institutionId, call.institutionName, fmt.locale)} ・{" "}
            {contractTypeLabel(call.contractType, fmt.locale)} ・ {t("opencalls.deadline")}{" "}
            <Text span fw={600} c="dark" data-testid="call-deadline">
              {deadlineText(call.deadline, fmt.locale, t)}
            </Text>
          </Text>
        </div>
        <StatusActions call={call} />
      </Group>

      <Accordion variant="contained">
        <Accordion.Item value="texts">
          <Accordion.Control>{t("opencalls.review.callTexts")}</Accordion.Control>
          <Accordion.Panel>
            <SimpleGrid cols={{ base: 1, md: 2 }}>
              {(["background", "goals", "expectedContribution", "ipRule"] as const).map((k) => (
                <div key={k}>
                  <Text size="xs" c="dimmed">
                    {t(`opencalls.fields.${k}`)}
                  </Text>
                  <Text size="sm" className="kyoso-pre">
                    {call[k]}
                  </Text>
                </div>
              ))}
            </SimpleGrid>
          </Accordion.Panel>
        </Accordion.Item>
      </Accordion>

      <SimpleGrid cols={{ base: 2, sm: 4 }}>
        {figures.map(([k, v]) => (
          <Card withBorder key={k} padding="sm" data-testid={`figure-${k}`}>
            <Text size="xs" c="dimmed">
              {t(`opencalls.review.figures.${k}`)}
            </Text>
            <Text size="xl" fw={700}>
              {v}
            </Text>
          </Card>
        ))}
      </SimpleGrid>

      <PhaseNote call={call} />

      <Title order={3} size="h4">
        {t("opencalls.review.applicationsHeading")}
      </Title>
      {applications.length === 0 ? (
        <Card withBorder>
          <Text c="dimmed" size="sm">
            {phase === "draft" ? t("opencalls.review.noneDraft") : t("opencalls.review.none")}
          </Text>
        </Card>
      ) : (
        applications.map((a) => (
          <OpenCallApplicationCard
            key={a.id}
            callId={call.id}
            application={a}
            decidable={decidable}
            final={phase === "decided"}
          />
        ))
      )}

      {phase !== "draft" && (
        <OpenCallContract
          call={call}
          applications={applications}
          decidable={decidable || phase === "decided"}
        />
      )}
    </Stack>
  );
}
