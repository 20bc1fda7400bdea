import {
  Alert,
  Button,
  Card,
  Group,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
  TextInput,
  ThemeIcon,
  Timeline,
  Title,
} from "@mantine/core";
import {
  IconArrowsRightLeft,
  IconCalendarEvent,
  IconChecklist,
  IconFile,
  IconFlag,
  IconLock,
  IconMail,
  IconMailQuestion,
  IconNote,
  IconPhone,
  IconUserCheck,
} from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { MANUAL_EVENT_KINDS } from "../../server/modules/cases/codes";
import { ApiError, api } from "../api";
import { type CaseDetail, type CaseEvent, fromJstInput, stageLabel } from "../cases";
import { useFormat } from "../format";
import { errorMessage } from "./feedback";

const ICONS: Record<string, { icon: typeof IconNote; color: string }> = {
  created: { icon: IconFlag, color: "indigo" },
  note: { icon: IconNote, color: "gray" },
  call: { icon: IconPhone, color: "cyan" },
  email: { icon: IconMail, color: "blue" },
  meeting: { icon: IconCalendarEvent, color: "grape" },
  stage: { icon: IconArrowsRightLeft, color: "indigo" },
  assignment: { icon: IconUserCheck, color: "teal" },
  file: { icon: IconFile, color: "orange" },
  task: { icon: IconChecklist, color: "lime" },
  inquiry: { icon: IconMailQuestion, color: "violet" },
  nda: { icon: IconLock, color: "yellow" },
};

/** One timeline entry as a sentence in the viewer's language. */
function useSentence(kase: CaseDetail) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const stage = (code: unknown) =>
    typeof code === "string"
      ? stageLabel(
          kase.stages.find((s) => s.code === code),
          fmt.locale,
          code,
        )
      : "—";
  const person = (id: unknown) => {
    if (typeof id !== "string" || !id) return t("cases.unassigned");
    return (
      kase.team.find((p) => p.id === id)?.displayName ??
      [kase.coordinator, kase.secondCoordinator].find((p) => p?.id === id)?.displayName ??
      t("cases.timeline.someone")
    );
  };
  return (e: CaseEvent): string => {
    const d = e.data as Record<string, unknown>;
    const who = e.actor?.displayName ?? t("cases.timeline.system");
    const str = (k: string) => (typeof d[k] === "string" ? (d[k] as string) : "");
    switch (e.kind) {
      case "created":
        return t("cases.timeline.created");
      case "note":
      case "call":
      case "email":
        return t(`cases.timeline.${e.kind}`, { who });
      case "meeting":
        return t(`cases.timeline.meeting.${str("action") || "edited"}`, {
          who,
          title: str("action") === "held" ? "" : (e.body ?? ""),
          when: str("startsAt") ? fmt.dateTime(str("startsAt")) : "",
          mode: str("mode") ? t(`cases.meetingModes.${str("mode")}`) : "",
          defaultValue: t("cases.timeline.meeting.edited", { who, title: e.body ?? "" }),
        });
      case "stage": {
        const reason = kase.closeReasons.find((r) => r.code === d.closeReasonCode);
        return reason
          ? t("cases.timeline.stageClosed", {
              who,
              from: stage(d.from),
              to: stage(d.to),
              reason: stageLabel(reason, fmt.locale),
            })
          : t("cases.timeline.stage", { who, from: stage(d.from), to: stage(d.to) });
      }
      case "assignment": {
        const from = (d.from ?? {}) as Record<string, unknown>;
        const to = (d.to ?? {}) as Record<string, unknown>;
        const second = to.secondCoordinatorId ? person(to.secondCoordinatorId) : null;
        const changedFirst = from.coordinatorId !== to.coordinatorId;
        if (!changedFirst)
          return to.secondCoordinatorId
            ? t("cases.timeline.assignmentSecond", { who, name: second })
            : t("cases.timeline.assignmentSecondRemoved", { who });
        return to.coordinatorId
          ? t("cases.timeline.assignment", { who, name: person(to.coordinatorId) })
          : t("cases.timeline.unassigned", { who });
      }
      case "file":
        return t(`cases.timeline.file.${str("action") === "removed" ? "removed" : "attached"}`, {
          who,
          name: e.body ?? "",
        });
      case "task":
        return t(`cases.timeline.task.${str("action") || "added"}`, {
          who,
          title: e.body ?? "",
          defaultValue: e.body ?? "",
        });
      case "inquiry":
        return t(`cases.timeline.inquiry.${str("answer") || "sent"}`, {
          who,
          researcher: str("researcherName") || t("cases.timeline.someone"),
          defaultValue: str("researcherName"),
        });
      case "nda":
        return t("cases.timeline.nda", {
          who,
          from: t(`need.ndaStatuses.${str("from")}`, { defaultValue: str("from") }),
          to: t(`need.ndaStatuses.${str("to")}`, { defaultValue: str("to") }),
        });
      default:
        return e.kind;
    }
  };
}

/** Kinds whose body is already said in the sentence (a file's or task's name, a meeting's title). */
const bodyInSentence = (e: CaseEvent) =>
  e.kind === "file" ||
  e.kind === "task" ||
  (e.kind === "meeting" && (e.data as { action?: string }).action !== "held");

function EventForm({ caseId, onSaved }: { caseId: string; onSaved: () => void }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<(typeof MANUAL_EVENT_KINDS)[number]>("note");
  const [body, setBody] = useState("");
  const [occurredAt, setOccurredAt] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setErrors({});
    setError(null);
    if (!body.trim()) {
      setErrors({ body: t("cases.timeline.bodyRequired") });
      return;
    }
    setBusy(true);
    try {
      await api(`/api/cases/${caseId}/events`, {
        method: "POST",
        body: { kind, body, occurredAt: fromJstInput(occurredAt) },
      });
      setBody("");
      setOccurredAt("");
      onSaved();
    } catch (e) {
      if (e instanceof ApiError && e.fields.length)
        setErrors(Object.fromEntries(e.fields.map((f) => [f.field, f.message])));
      else setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack gap="xs">
      <SegmentedControl
        aria-label={t("cases.timeline.kind")}
        w="fit-content"
        size="xs"
        data={MANUAL_EVENT_KINDS.map((k) => ({ value: k, label: t(`cases.timeline.kinds.${k}`) }))}
        value={kind}
        onChange={(v) => setKind(v as typeof kind)}
      />
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
      <Textarea
        label={t(`cases.timeline.bodyLabel.${kind}`)}
        autosize
        minRows={2}
        value={body}
        onChange={(e) => setBody(e.currentTarget.value)}
        error={errors.body}
      />
      <Group align="flex-end">
        <TextInput
          type="datetime-local"
          label={t("cases.timeline.occurredAt")}
          description={t("cases.timeline.occurredAtHelp")}
          value={occurredAt}
          onChange={(e) => setOccurredAt(e.currentTarget.value)}
          error={errors.occurredAt}
        />
        <Button onClick={submit} loading={busy}>
          {t("cases.timeline.add")}
        </Button>
      </Group>
    </Stack>
  );
}

export function CaseTimeline({ kase, onChanged }: { kase: CaseDetail; onChanged: () => void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const sentence = useSentence(kase);
  return (
    <Card withBorder>
      <Title order={3} size="h4" mb="sm">
        {t("cases.timeline.title")}
      </Title>
      <EventForm caseId={kase.id} onSaved={onChanged} />
      <Timeline mt="lg" bulletSize={26} lineWidth={2} data-testid="timeline">
        {kase.events.map((e) => {
          const look = ICONS[e.kind] ?? ICONS.note!;
          return (
            <Timeline.Item
              key={e.id}
              bullet={
                <ThemeIcon size={26} radius="xl" color={look.color} variant="light">
                  <look.icon size={14} />
                </ThemeIcon>
              }
              title={
                <Text size="sm" fw={600}>
                  {sentence(e)}
                </Text>
              }
            >
              <Text size="xs" c="dimmed">
                {fmt.dateTime(e.occurredAt)}
              </Text>
              {e.body && !bodyInSentence(e) && (
                <Text size="sm" className="kyoso-pre" mt={4}>
                  {e.body}
                </Text>
              )}
            </Timeline.Item>
          );
        })}
      </Timeline>
    </Card>
  );
}
