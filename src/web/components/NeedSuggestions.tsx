/**
 * Suggested researchers on a need's page (its coordinators): why each was suggested (the seeds and
 * works that matched, the matched words marked in both texts, a one-line reason), and the work on them:
 * shortlist, dismiss with a reason, restore, send an inquiry; the researcher's answer shows here.
 */
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Collapse,
  Group,
  Modal,
  Progress,
  Select,
  Stack,
  Text,
  Textarea,
  Title,
  Tooltip,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconChevronDown, IconChevronUp, IconMail, IconStar, IconX } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { DISMISS_REASONS } from "../../server/modules/matching/codes";
import { api, type NeedSuggestions as Suggestions } from "../api";
import { useFormat } from "../format";
import { useCatalogInstitutions } from "../queries";
import { ErrorAlert, errorMessage, PageLoader } from "./feedback";
import { Highlighted } from "./Highlighted";

type Suggested = Suggestions["researchers"][number];
type Evidence = Suggested["evidence"][number];

const STATE_COLOR: Record<string, string> = {
  shortlisted: "blue",
  dismissed: "gray",
  inquired: "orange",
  accepted: "teal",
  declined: "red",
};

export function NeedSuggestions({ needId }: { needId: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const client = useQueryClient();
  const institutions = useCatalogInstitutions();
  const [showNeedText, setShowNeedText] = useState(false);
  const [dismissing, setDismissing] = useState<Suggested | null>(null);
  const [asking, setAsking] = useState<Suggested | null>(null);
  const key = ["needs", "suggestions", needId];
  const query = useQuery({
    queryKey: key,
    queryFn: () => api<Suggestions>(`/api/needs/${needId}/suggestions?top=10`),
  });
  const done = () => client.invalidateQueries({ queryKey: key });
  const act = useMutation({
    mutationFn: (v: {
      researcherId: string;
      action: "shortlist" | "dismiss" | "restore";
      reason?: string;
      note?: string;
      rank?: number;
      score?: number;
      version?: number | undefined;
    }) => {
      const { researcherId, ...body } = v;
      return api(`/api/needs/${needId}/suggestions/${researcherId}`, { method: "POST", body });
    },
    onSuccess: done,
    onError: (e) => {
      notifications.show({ color: "red", message: errorMessage(e) });
      void done();
    },
  });

  const institution = (id: string | null) => {
    const i = institutions.data?.find((x) => x.id === id);
    if (!i) return "";
    return fmt.locale === "ja" ? (i.shortNameJa ?? i.nameJa) : (i.shortNameEn ?? i.nameEn ?? i.nameJa);
  };
  const name = (r: { nameJa: string | null; nameEn: string | null }) =>
    (fmt.locale === "ja" ? (r.nameJa ?? r.nameEn) : (r.nameEn ?? r.nameJa)) ?? "—";

  if (query.isLoading) return <PageLoader />;
  if (!query.data) return <ErrorAlert error={query.error} onReload={() => void query.refetch()} />;
  const s = query.data;
  const best = s.researchers[0]?.score ?? 1;

  return (
    <Card withBorder id="need-suggestions">
      <Group justify="space-between" mb="xs">
        <div>
          <Title order={3} size="h4">
            {t("matching.suggestedResearchers")}
          </Title>
          <Text size="xs" c="dimmed">
            {t("matching.suggestedHelp")}
          </Text>
        </div>
        <Button
          variant="subtle"
          size="xs"
          onClick={() => setShowNeedText((v) => !v)}
          rightSection={showNeedText ? <IconChevronUp size={14} /> : <IconChevronDown size={14} />}
        >
          {t("matching.matchedInNeed")}
        </Button>
      </Group>
      <Collapse in={showNeedText}>
        <Card withBorder bg="var(--mantine-color-gray-0)" mb="sm">
          <Highlighted runs={s.highlighted} />
        </Card>
      </Collapse>

      {s.researchers.length === 0 && <Alert color="gray">{t("matching.noSuggestions")}</Alert>}
      <Stack gap="sm">
        {s.researchers.map((r) => (
          <Card key={r.id} withBorder padding="sm" data-testid="suggestion">
            <Group justify="space-between" align="flex-start" wrap="nowrap">
              <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
                <Group gap="xs">
                  <Text fw={700} c="dimmed">
                    {r.rank}.
                  </Text>
                  <Anchor component={Link} to={`/catalog/researchers/${r.id}`} fw={600}>
                    {name(r)}
                  </Anchor>
                  <Text size="sm" c="dimmed">
                    {institution(r.institutionId)}
                  </Text>
                  {r.state && (
                    <Badge color={STATE_COLOR[r.state]} variant="light">
                      {t(`matching.states.${r.state}`)}
                    </Badge>
                  )}
                </Group>
                <Group gap="xs" wrap="nowrap">
                  <Progress
                    value={(r.score / best) * 100}
                    w={120}
                    size="sm"
                    aria-label={t("matching.score")}
                  />
                  <Text size="xs" c="dimmed">
                    {t("matching.score")} {r.score.toFixed(2)}
                  </Text>
                </Group>
                <Text size="sm">{r.reason}</Text>
                {r.responseNote && (
                  <Text size="sm" c={r.state === "accepted" ? "teal" : "red"}>
                    {t("matching.researcherNote")}: {r.responseNote}
                  </Text>
                )}
              </Stack>
              <Group gap={6} wrap="nowrap">
                {(r.state === null || r.state === "dismissed") && (
                  <Button
                    size="xs"
                    variant="light"
                    leftSection={<IconStar size={14} />}
                    loading={act.isPending}
                    onClick={() =>
                      act.mutate({
                        researcherId: r.id,
                        action: "shortlist",
                        rank: r.rank,
                        score: r.score,
                        version: r.version,
                      })
                    }
                  >
                    {t("matching.shortlist")}
                  </Button>
                )}
                {(r.state === null || r.state === "shortlisted") && (
                  <Tooltip label={t("matching.noAccount")} disabled={r.hasAccount}>
                    <Button
                      size="xs"
                      leftSection={<IconMail size={14} />}
                      disabled={!r.hasAccount}
                      onClick={() => setAsking(r)}
                    >
                      {t("matching.inquire")}
                    </Button>
                  </Tooltip>
                )}
                {(r.state === null || r.state === "shortlisted") && (
                  <Button
                    size="xs"
                    variant="subtle"
                    color="gray"
                    leftSection={<IconX size={14} />}
                    onClick={() => setDismissing(r)}
                  >
                    {t("matching.dismiss")}
                  </Button>
                )}
              </Group>
            </Group>
            <Stack gap={6} mt="xs">
              {r.evidence.slice(0, 3).map((e) => (
                <EvidenceRow key={`${e.kind}:${e.id}`} e={e} />
              ))}
            </Stack>
          </Card>
        ))}
      </Stack>

      {s.others.length > 0 && (
        <>
          <Title order={4} size="h5" mt="md" mb="xs">
            {t("matching.others")}
          </Title>
          <Stack gap={4}>
            {s.others.map((o) => (
              <Group key={o.id} gap="xs">
                <Anchor component={Link} to={`/catalog/researchers/${o.id}`} size="sm">
                  {name(o)}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {institution(o.institutionId)}
                </Text>
                {o.state && (
                  <Badge size="sm" color={STATE_COLOR[o.state]} variant="light">
                    {t(`matching.states.${o.state}`)}
                  </Badge>
                )}
                {o.responseNote && <Text size="xs">{o.responseNote}</Text>}
              </Group>
            ))}
          </Stack>
        </>
      )}

      {s.dismissed.length > 0 && (
        <>
          <Title order={4} size="h5" mt="md" mb="xs">
            {t("matching.dismissedTitle")}
          </Title>
          <Stack gap={4}>
            {s.dismissed.map((d) => (
              <Group key={d.id} gap="xs">
                <Text size="sm">{name(d)}</Text>
                <Badge size="sm" color="gray" variant="light">
                  {t(`matching.reasons.${d.dismissReason ?? "other"}`)}
                </Badge>
                {d.note && (
                  <Text size="xs" c="dimmed">
                    {d.note}
                  </Text>
                )}
                <Button
                  size="compact-xs"
                  variant="subtle"
                  onClick={() => act.mutate({ researcherId: d.id, action: "restore", version: d.version })}
                >
                  {t("matching.restore")}
                </Button>
              </Group>
            ))}
          </Stack>
        </>
      )}

      <DismissModal
        target={dismissing}
        onClose={() => setDismissing(null)}
        onSubmit={(reason, note) => {
          if (!dismissing) return;
          act.mutate(
            {
              researcherId: dismissing.id,
              action: "dismiss",
              reason,
              ...(note ? { note } : {}),
              rank: dismissing.rank,
              score: dismissing.score,
              version: dismissing.version,
            },
            { onSuccess: () => setDismissing(null) },
          );
        }}
        busy={act.isPending}
        name={dismissing ? name(dismissing) : ""}
      />
      <InquiryModal
        needId={needId}
        target={asking}
        name={asking ? name(asking) : ""}
        onClose={() => setAsking(null)}
        onSent={() => {
          setAsking(null);
          notifications.show({ color: "teal", message: t("matching.inquirySent") });
          void done();
        }}
      />
    </Card>
  );
}

function EvidenceRow({ e }: { e: Evidence }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const title = (fmt.locale === "ja" ? (e.titleJa ?? e.titleEn) : (e.titleEn ?? e.titleJa)) ?? "—";
  return (
    <Card withBorder padding="xs" bg="var(--mantine-color-gray-0)">
      <Group gap="xs" wrap="nowrap" align="baseline">
        <Badge size="xs" variant="outline">
          {t(`matching.kinds.${e.kind}`)}
        </Badge>
        {e.kind === "seed" ? (
          <Anchor component={Link} to={`/catalog/seeds/${e.id}`} size="sm" fw={500}>
            {title}
          </Anchor>
        ) : (
          <Text size="sm" fw={500}>
            {title}
          </Text>
        )}
      </Group>
      {e.excerpt.length > 0 && <Highlighted runs={e.excerpt} size="xs" lineClamp={3} />}
      {e.matched.length > 0 && (
        <Group gap={4} mt={4}>
          {e.matched.slice(0, 8).map((m) => (
            <Badge
              key={`${m.word}:${m.via}`}
              size="xs"
              variant="light"
              color={m.via === "text" ? "blue" : "grape"}
            >
              {m.via === "text" ? m.word : `${m.word}（${t(`matching.via.${m.via}`)}）`}
            </Badge>
          ))}
        </Group>
      )}
    </Card>
  );
}

function DismissModal(props: {
  target: Suggested | null;
  name: string;
  busy: boolean;
  onClose: () => void;
  onSubmit: (reason: string, note: string) => void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState<string | null>(null);
  const [note, setNote] = useState("");
  return (
    <Modal
      opened={!!props.target}
      onClose={props.onClose}
      title={t("matching.dismissTitle", { name: props.name })}
    >
      <Stack>
        <Select
          label={t("matching.dismissReason")}
          required
          data={DISMISS_REASONS.map((r) => ({ value: r, label: t(`matching.reasons.${r}`) }))}
          value={reason}
          onChange={setReason}
        />
        <Textarea label={t("matching.note")} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
        <Text size="xs" c="dimmed">
          {t("matching.feedbackHelp")}
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            {t("common.cancel")}
          </Button>
          <Button
            disabled={!reason}
            loading={props.busy}
            onClick={() => reason && props.onSubmit(reason, note)}
          >
            {t("matching.dismiss")}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function InquiryModal(props: {
  needId: string;
  target: Suggested | null;
  name: string;
  onClose: () => void;
  onSent: () => void;
}) {
  const { t } = useTranslation();
  const [message, setMessage] = useState("");
  const send = useMutation({
    mutationFn: () =>
      api(`/api/needs/${props.needId}/inquiries`, {
        method: "POST",
        body: {
          researcherId: props.target!.id,
          message,
          rank: props.target!.rank,
          score: props.target!.score,
          ...(props.target!.version ? { version: props.target!.version } : {}),
        },
      }),
    onSuccess: () => {
      setMessage("");
      props.onSent();
    },
  });
  return (
    <Modal
      opened={!!props.target}
      onClose={props.onClose}
      title={t("matching.inquiryTitle", { name: props.name })}
    >
      <Stack>
        <Textarea
          label={t("matching.inquiryMessage")}
          description={t("matching.inquiryHelp")}
          required
          autosize
          minRows={5}
          value={message}
          onChange={(e) => setMessage(e.currentTarget.value)}
          error={send.error ? errorMessage(send.error) : undefined}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            {t("common.cancel")}
          </Button>
          <Button
            leftSection={<IconMail size={14} />}
            disabled={!message.trim()}
            loading={send.isPending}
            onClick={() => send.mutate()}
          >
            {t("matching.send")}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
