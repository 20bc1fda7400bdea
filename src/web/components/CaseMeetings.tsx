import {
  ActionIcon,
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  Modal,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { modals } from "@mantine/modals";
import { IconCalendarPlus, IconPlus, IconTrash } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ATTENDEE_KINDS, MEETING_MODES, type MeetingMode } from "../../server/modules/cases/codes";
import { INSTITUTION_TYPES } from "../../shared/roles";
import { ApiError, api, type OrganizationDetail } from "../api";
import { type CaseDetail, type CaseMeeting, fromJstInput } from "../cases";
import { useFormat } from "../format";
import { useOrganizationOptions } from "../queries";
import { errorMessage } from "./feedback";

interface Attendee {
  name: string;
  email: string;
  kind: (typeof ATTENDEE_KINDS)[number];
}

const STATUS_COLOR = { scheduled: "blue", held: "teal", cancelled: "gray" } as const;

/** The institution, then one of its campuses (GI-net rooms and in-person meetings at a campus). */
function CampusPicker({
  value,
  onChange,
  error,
  required,
}: {
  value: string | null;
  onChange: (id: string | null) => void;
  error?: string | undefined;
  required?: boolean;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [search, setSearch] = useState("");
  const [institution, setInstitution] = useState<string | null>(null);
  const institutions = useOrganizationOptions(INSTITUTION_TYPES, search);
  const detail = useQuery({
    queryKey: ["organizations", "detail", institution],
    queryFn: () => api<OrganizationDetail>(`/api/organizations/${institution}`),
    enabled: !!institution,
  });
  return (
    <SimpleGrid cols={2} spacing="xs">
      <Select
        label={t("cases.meetings.institution")}
        searchable
        onSearchChange={setSearch}
        data={(institutions.data?.items ?? []).map((o) => ({ value: o.id, label: fmt.orgName(o) }))}
        value={institution}
        onChange={(v) => {
          setInstitution(v);
          onChange(null);
        }}
        required={required}
        clearable
      />
      <Select
        label={t("cases.meetings.campus")}
        data={(detail.data?.campuses ?? []).map((c) => ({
          value: c.id,
          label: fmt.locale === "en" && c.nameEn ? c.nameEn : c.nameJa,
        }))}
        value={value}
        onChange={onChange}
        disabled={!institution}
        placeholder={institution ? undefined : t("cases.meetings.pickInstitution")}
        error={error}
        required={required}
      />
    </SimpleGrid>
  );
}

function ScheduleModal({
  kase,
  opened,
  onClose,
  onSaved,
}: {
  kase: CaseDetail;
  opened: boolean;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const [title, setTitle] = useState(t("cases.meetings.defaultTitle"));
  const [mode, setMode] = useState<MeetingMode>("online");
  const [location, setLocation] = useState("");
  const [campusId, setCampusId] = useState<string | null>(null);
  const [startsAt, setStartsAt] = useState("");
  const [endsAt, setEndsAt] = useState("");
  const [agenda, setAgenda] = useState("");
  const [attendees, setAttendees] = useState<Attendee[]>([]);
  const [send, setSend] = useState(true);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const setAttendee = (i: number, patch: Partial<Attendee>) =>
    setAttendees((list) => list.map((a, j) => (j === i ? { ...a, ...patch } : a)));
  const submit = async () => {
    setErrors({});
    setError(null);
    const problems: Record<string, string> = {};
    if (!title.trim()) problems.title = t("common.required");
    if (!startsAt) problems.startsAt = t("common.required");
    if (!endsAt) problems.endsAt = t("common.required");
    if (Object.keys(problems).length) {
      setErrors(problems);
      return;
    }
    setBusy(true);
    try {
      await api(`/api/cases/${kase.id}/meetings`, {
        method: "POST",
        body: {
          title,
          mode,
          location: location.trim() || null,
          campusId: mode === "online" ? null : campusId,
          startsAt: fromJstInput(startsAt),
          endsAt: fromJstInput(endsAt),
          agenda: agenda.trim() || null,
          attendees: attendees.filter((a) => a.name.trim() || a.email.trim()),
          sendInvitations: send,
        },
      });
      onSaved();
      onClose();
      setAttendees([]);
      setStartsAt("");
      setEndsAt("");
      setAgenda("");
      setLocation("");
    } catch (e) {
      if (e instanceof ApiError && e.fields.length) {
        setErrors(Object.fromEntries(e.fields.map((f) => [f.field, f.message])));
        setError(e.fields.map((f) => `${f.field}: ${f.message}`).join("\n"));
      } else setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened={opened} onClose={onClose} title={t("cases.meetings.schedule")} size="lg">
      <Stack gap="sm">
        {error && (
          <Alert color="red" role="alert" className="kyoso-pre">
            {error}
          </Alert>
        )}
        <TextInput
          label={t("cases.meetings.titleLabel")}
          required
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          error={errors.title}
        />
        <div>
          <Text size="sm" fw={500} mb={4}>
            {t("cases.meetings.mode")}
          </Text>
          <SegmentedControl
            aria-label={t("cases.meetings.mode")}
            data={MEETING_MODES.map((m) => ({ value: m, label: t(`cases.meetingModes.${m}`) }))}
            value={mode}
            onChange={(v) => setMode(v as MeetingMode)}
          />
        </div>
        {mode === "online" && (
          <TextInput
            label={t("cases.meetings.url")}
            placeholder="https://"
            value={location}
            onChange={(e) => setLocation(e.currentTarget.value)}
            error={errors.location}
          />
        )}
        {mode !== "online" && (
          <CampusPicker
            value={campusId}
            onChange={setCampusId}
            error={errors.campusId}
            required={mode === "gi_net"}
          />
        )}
        {mode !== "online" && (
          <TextInput
            label={mode === "gi_net" ? t("cases.meetings.room") : t("cases.meetings.address")}
            description={mode === "in_person" ? t("cases.meetings.addressHelp") : undefined}
            value={location}
            onChange={(e) => setLocation(e.currentTarget.value)}
            error={errors.location}
          />
        )}
        <SimpleGrid cols={2} spacing="xs">
          <TextInput
            type="datetime-local"
            label={t("cases.meetings.startsAt")}
            required
            value={startsAt}
            onChange={(e) => {
              const v = e.currentTarget.value;
              setStartsAt(v);
              if (v && !endsAt) {
                const d = new Date(`${v}:00Z`);
                d.setUTCHours(d.getUTCHours() + 1);
                setEndsAt(d.toISOString().slice(0, 16));
              }
            }}
            error={errors.startsAt}
          />
          <TextInput
            type="datetime-local"
            label={t("cases.meetings.endsAt")}
            required
            value={endsAt}
            onChange={(e) => setEndsAt(e.currentTarget.value)}
            error={errors.endsAt}
          />
        </SimpleGrid>
        <Text size="xs" c="dimmed">
          {t("cases.meetings.jst")}
        </Text>
        <Textarea
          label={t("cases.meetings.agenda")}
          autosize
          minRows={2}
          value={agenda}
          onChange={(e) => setAgenda(e.currentTarget.value)}
        />
        <div>
          <Group justify="space-between" mb={4}>
            <Text size="sm" fw={500}>
              {t("cases.meetings.attendees")}
            </Text>
            <Button
              size="xs"
              variant="subtle"
              leftSection={<IconPlus size={14} />}
              onClick={() => setAttendees((l) => [...l, { name: "", email: "", kind: "company" }])}
            >
              {t("cases.meetings.addAttendee")}
            </Button>
          </Group>
          <Stack gap={6}>
            {attendees.map((a, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place, never reordered
              <Group key={i} gap={6} wrap="nowrap" align="flex-start">
                <TextInput
                  aria-label={t("cases.meetings.attendeeName", { n: i + 1 })}
                  placeholder={t("cases.meetings.name")}
                  value={a.name}
                  onChange={(e) => setAttendee(i, { name: e.currentTarget.value })}
                  error={errors[`attendees.${i}.name`]}
                  style={{ flex: 1 }}
                />
                <TextInput
                  aria-label={t("cases.meetings.attendeeEmail", { n: i + 1 })}
                  placeholder={t("cases.meetings.email")}
                  type="email"
                  value={a.email}
                  onChange={(e) => setAttendee(i, { email: e.currentTarget.value })}
                  error={errors[`attendees.${i}.email`]}
                  style={{ flex: 1.3 }}
                />
                <Select
                  aria-label={t("cases.meetings.attendeeKind", { n: i + 1 })}
                  data={ATTENDEE_KINDS.map((k) => ({ value: k, label: t(`cases.attendeeKinds.${k}`) }))}
                  value={a.kind}
                  onChange={(v) => v && setAttendee(i, { kind: v as Attendee["kind"] })}
                  w={120}
                  allowDeselect={false}
                />
                <ActionIcon
                  variant="subtle"
                  color="red"
                  mt={6}
                  aria-label={t("cases.meetings.removeAttendee", { n: i + 1 })}
                  onClick={() => setAttendees((l) => l.filter((_, j) => j !== i))}
                >
                  <IconTrash size={14} />
                </ActionIcon>
              </Group>
            ))}
            {attendees.length === 0 && (
              <Text size="xs" c="dimmed">
                {t("cases.meetings.noAttendees")}
              </Text>
            )}
          </Stack>
        </div>
        <Checkbox
          label={t("cases.meetings.sendInvitations")}
          checked={send}
          onChange={(e) => setSend(e.currentTarget.checked)}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t("common.cancel")}
          </Button>
          <Button onClick={submit} loading={busy}>
            {t("cases.meetings.scheduleSubmit")}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function HeldModal({
  kase,
  meeting,
  onClose,
  onSaved,
}: {
  kase: CaseDetail;
  meeting: CaseMeeting | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const [outcome, setOutcome] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    if (!meeting) return;
    if (!outcome.trim()) {
      setError(t("cases.meetings.outcomeRequired"));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await api(`/api/cases/${kase.id}/meetings/${meeting.id}`, {
        method: "PATCH",
        body: { version: meeting.version, status: "held", outcome },
      });
      setOutcome("");
      onSaved();
      onClose();
    } catch (e) {
      setError(
        e instanceof ApiError && e.fields.length
          ? e.fields.map((f) => `${f.field}: ${f.message}`).join("; ")
          : errorMessage(e),
      );
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal opened={!!meeting} onClose={onClose} title={t("cases.meetings.recordHeld")}>
      <Stack>
        <Text size="sm" fw={600}>
          {meeting?.title}
        </Text>
        <Textarea
          label={t("cases.meetings.outcome")}
          required
          autosize
          minRows={4}
          value={outcome}
          onChange={(e) => setOutcome(e.currentTarget.value)}
          error={error}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t("common.cancel")}
          </Button>
          <Button onClick={submit} loading={busy}>
            {t("common.save")}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** The case's meetings: schedule (with invitations), cancel, record as held with the outcome. */
export function CaseMeetings({ kase, onChanged }: { kase: CaseDetail; onChanged: () => void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [scheduling, setScheduling] = useState(false);
  const [held, setHeld] = useState<CaseMeeting | null>(null);
  const [error, setError] = useState<string | null>(null);
  const cancel = (m: CaseMeeting) =>
    modals.openConfirmModal({
      title: t("cases.meetings.cancelTitle"),
      children: <Text size="sm">{t("cases.meetings.cancelConfirm", { title: m.title })}</Text>,
      labels: { confirm: t("cases.meetings.cancelMeeting"), cancel: t("common.close") },
      confirmProps: { color: "red" },
      onConfirm: async () => {
        setError(null);
        try {
          await api(`/api/cases/${kase.id}/meetings/${m.id}`, {
            method: "PATCH",
            body: { version: m.version, status: "cancelled" },
          });
          onChanged();
        } catch (e) {
          setError(errorMessage(e));
        }
      },
    });
  return (
    <Card withBorder>
      <Group justify="space-between" mb="sm">
        <Title order={3} size="h4">
          {t("cases.meetings.title")}
        </Title>
        <Button size="xs" leftSection={<IconCalendarPlus size={14} />} onClick={() => setScheduling(true)}>
          {t("cases.meetings.schedule")}
        </Button>
      </Group>
      {error && (
        <Alert color="red" role="alert" mb="sm">
          {error}
        </Alert>
      )}
      <Stack gap="xs" data-testid="meetings">
        {kase.meetings.length === 0 && (
          <Text size="sm" c="dimmed">
            {t("cases.meetings.none")}
          </Text>
        )}
        {kase.meetings.map((m) => (
          <Paper key={m.id} withBorder p="xs" data-testid="meeting">
            <Group justify="space-between" wrap="nowrap" align="flex-start">
              <div style={{ minWidth: 0 }}>
                <Text size="sm" fw={600}>
                  {m.title}
                </Text>
                <Text size="xs">
                  {fmt.dateTime(m.startsAt)}〜{fmt.dateTime(m.endsAt).slice(11)}
                </Text>
                <Group gap={4} mt={2}>
                  <Badge size="xs" variant="light" color="grape">
                    {t(`cases.meetingModes.${m.mode}`)}
                  </Badge>
                  <Badge size="xs" variant="light" color={STATUS_COLOR[m.status]}>
                    {t(`cases.meetingStatuses.${m.status}`)}
                  </Badge>
                </Group>
                {m.location && (
                  <Text size="xs" c="dimmed" style={{ overflowWrap: "anywhere" }}>
                    {m.mode === "online" ? (
                      <Anchor href={m.location} target="_blank" rel="noreferrer" size="xs">
                        {m.location}
                      </Anchor>
                    ) : (
                      m.location
                    )}
                  </Text>
                )}
                {m.attendees.length > 0 && (
                  <Text size="xs" c="dimmed">
                    {t("cases.meetings.attendees")}:{" "}
                    {m.attendees.map((a) => `${a.name}（${t(`cases.attendeeKinds.${a.kind}`)}）`).join("、")}
                  </Text>
                )}
                {m.outcome && (
                  <Text size="xs" className="kyoso-pre" mt={4}>
                    {t("cases.meetings.outcome")}: {m.outcome}
                  </Text>
                )}
              </div>
              {m.status === "scheduled" && (
                <Stack gap={4}>
                  <Button size="compact-xs" variant="light" color="teal" onClick={() => setHeld(m)}>
                    {t("cases.meetings.recordHeld")}
                  </Button>
                  <Button size="compact-xs" variant="subtle" color="red" onClick={() => cancel(m)}>
                    {t("cases.meetings.cancelMeeting")}
                  </Button>
                </Stack>
              )}
            </Group>
          </Paper>
        ))}
      </Stack>
      <ScheduleModal
        kase={kase}
        opened={scheduling}
        onClose={() => setScheduling(false)}
        onSaved={onChanged}
      />
      <HeldModal kase={kase} meeting={held} onClose={() => setHeld(null)} onSaved={onChanged} />
    </Card>
  );
}
