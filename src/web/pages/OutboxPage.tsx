import {
  Alert,
  Anchor,
  Badge,
  Button,
  Drawer,
  Group,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { IconMailCheck, IconMailOff, IconRefresh, IconSearch } from "@tabler/icons-react";
import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { api, type Mail, type MailDetail, type MailList, qs } from "../api";
import { Field } from "../components/Field";
import { ErrorAlert, notifySaved, PageLoader } from "../components/feedback";
import { ResultsTable } from "../components/ResultsTable";
import { useFormat } from "../format";

const MAIL_STATUSES = ["queued", "sent", "failed", "outbox"] as const satisfies readonly Mail["status"][];
const STATUS_COLOR: Record<Mail["status"], string> = {
  queued: "blue",
  sent: "teal",
  failed: "red",
  outbox: "gray",
};
const PAGE_SIZE = 50;
const canRetry = (m: Mail) => m.status === "failed" || m.status === "outbox";

function MailStatusBadge({ status }: { status: Mail["status"] }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={STATUS_COLOR[status]} miw="max-content">
      {t(`mail.statuses.${status}`)}
    </Badge>
  );
}

function MailDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const qc = useQueryClient();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const mail = useQuery({
    queryKey: ["mail", "detail", id],
    queryFn: () => api<MailDetail>(`/api/mail/${id}`),
    enabled: !!id,
  });
  const retry = async () => {
    setError(null);
    setBusy(true);
    try {
      const m = await api<MailDetail>(`/api/mail/${id}/retry`, { method: "POST" });
      qc.setQueryData(["mail", "detail", id], m);
      await qc.invalidateQueries({ queryKey: ["mail", "list"] });
      notifySaved(t("mail.retried"));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const m = mail.data;
  return (
    <Drawer
      opened={!!id}
      onClose={() => {
        setError(null);
        onClose();
      }}
      title={m?.subject ?? t("mail.title")}
      position="right"
      size="xl"
    >
      {mail.isLoading && <PageLoader />}
      <ErrorAlert error={mail.error ?? error} />
      {m && (
        <Stack>
          <Group justify="space-between">
            <MailStatusBadge status={m.status} />
            {canRetry(m) && (
              <Button leftSection={<IconRefresh size={16} />} loading={busy} onClick={() => void retry()}>
                {t("mail.retry")}
              </Button>
            )}
          </Group>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Field label={t("mail.to")}>{m.to}</Field>
            <Field label={t("mail.kind")}>{t(`mail.kinds.${m.kind}`, { defaultValue: m.kind })}</Field>
            <Field label={t("mail.createdAt")}>{fmt.dateTime(m.createdAt)}</Field>
            <Field label={t("mail.sentAt")}>{m.sentAt && fmt.dateTime(m.sentAt)}</Field>
            <Field label={t("mail.attempts")}>{String(m.attempts)}</Field>
            <Field label={t("mail.nextAttemptAt")}>{m.nextAttemptAt && fmt.dateTime(m.nextAttemptAt)}</Field>
            <Field label={t("mail.messageId")}>{m.messageId}</Field>
            <Field label={t("mail.related")}>
              {m.relatedType === "need" && m.relatedId ? (
                <Anchor component={Link} to={`/needs/${m.relatedId}`}>
                  {t("mail.openNeed")}
                </Anchor>
              ) : null}
            </Field>
          </SimpleGrid>
          {m.lastError && (
            <Alert color="red" variant="light" title={t("mail.lastError")}>
              <Text size="sm" className="kyoso-pre">
                {m.lastError}
              </Text>
            </Alert>
          )}
          {m.attachments.length > 0 && (
            <Field label={t("mail.attachments")}>
              {m.attachments.map((a) => `${a.filename} (${a.contentType}, ${a.size} B)`).join("、")}
            </Field>
          )}
          <div>
            <Text size="xs" c="dimmed" mb={4}>
              {t("mail.text")}
            </Text>
            <Paper withBorder p="md" bg="gray.0">
              <Text size="sm" className="kyoso-pre" data-testid="mail-text">
                {m.text}
              </Text>
            </Paper>
          </div>
        </Stack>
      )}
    </Drawer>
  );
}

/** The outbox (admins): every mail with its delivery state; the text of one; sending a failed one again. */
export function OutboxPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [status, setStatus] = useState("");
  const [q, setQ] = useState("");
  const [debouncedQ] = useDebouncedValue(q, 300);
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<string | null>(null);
  const query = qs({ status, q: debouncedQ, page, pageSize: PAGE_SIZE });
  const list = useQuery({
    queryKey: ["mail", "list", query],
    queryFn: () => api<MailList>(`/api/mail${query}`),
    placeholderData: keepPreviousData,
  });
  const counts = list.data?.counts ?? {};
  const all = Object.values(counts).reduce((a, b) => a + b, 0);

  return (
    <Stack>
      <Title order={2}>{t("mail.title")}</Title>
      {list.data &&
        (list.data.smtpConfigured ? (
          <Alert color="teal" variant="light" icon={<IconMailCheck size={18} />} data-testid="smtp-state">
            {t("mail.smtpOn")}
          </Alert>
        ) : (
          <Alert color="yellow" variant="light" icon={<IconMailOff size={18} />} data-testid="smtp-state">
            {t("mail.smtpOff")}
          </Alert>
        ))}
      <Paper withBorder p="sm">
        <Group align="flex-end" gap="sm">
          <SegmentedControl
            aria-label={t("mail.status")}
            data={[
              { value: "", label: `${t("mail.allStatuses")} (${all})` },
              ...MAIL_STATUSES.map((s) => ({
                value: s,
                label: `${t(`mail.statuses.${s}`)} (${counts[s] ?? 0})`,
              })),
            ]}
            value={status}
            onChange={(v) => {
              setStatus(v);
              setPage(1);
            }}
          />
          <TextInput
            aria-label={t("common.search")}
            placeholder={t("mail.searchPlaceholder")}
            leftSection={<IconSearch size={16} />}
            value={q}
            onChange={(e) => {
              setQ(e.currentTarget.value);
              setPage(1);
            }}
            w={260}
          />
        </Group>
      </Paper>
      <ErrorAlert error={list.error} />
      {list.isLoading ? (
        <PageLoader />
      ) : (
        <ResultsTable
          total={list.data?.total ?? 0}
          page={page}
          pageSize={PAGE_SIZE}
          onPage={setPage}
          head={[
            t("mail.status"),
            t("mail.to"),
            t("mail.subject"),
            t("mail.attempts"),
            t("mail.lastError"),
            t("mail.createdAt"),
            t("mail.sentAt"),
          ]}
          empty={t("mail.noResults")}
          minWidth={1000}
          highlightOnHover
        >
          {list.data?.items.map((m) => (
            <Table.Tr key={m.id} className="kyoso-row-link" onClick={() => setOpen(m.id)}>
              <Table.Td>
                <MailStatusBadge status={m.status} />
              </Table.Td>
              <Table.Td className="kyoso-nowrap">{m.to}</Table.Td>
              <Table.Td>
                <Anchor
                  component="button"
                  type="button"
                  size="sm"
                  ta="left"
                  onClick={(e) => {
                    e.stopPropagation();
                    setOpen(m.id);
                  }}
                >
                  {m.subject}
                </Anchor>
              </Table.Td>
              <Table.Td ta="right">{m.attempts}</Table.Td>
              <Table.Td>
                <Text size="xs" c="red.8" lineClamp={2} maw={260}>
                  {m.lastError ?? ""}
                </Text>
              </Table.Td>
              <Table.Td className="kyoso-nowrap">{fmt.dateTime(m.createdAt)}</Table.Td>
              <Table.Td className="kyoso-nowrap">{m.sentAt ? fmt.dateTime(m.sentAt) : "—"}</Table.Td>
            </Table.Tr>
          ))}
        </ResultsTable>
      )}
      <MailDrawer id={open} onClose={() => setOpen(null)} />
    </Stack>
  );
}
