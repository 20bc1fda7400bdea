/**
 * A researcher's inquiries: what coordinators asked about which need (as far as the researcher may read
 * the need), answered here with accept or decline and a note; and the open needs that fit their seeds.
 */
import { Alert, Badge, Button, Card, Group, Stack, Text, Textarea, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api, type Inquiry } from "../api";
import { FittingNeeds } from "../components/FittingNeeds";
import { ErrorAlert, errorMessage, PageLoader } from "../components/feedback";
import { useFormat } from "../format";

export function InquiriesPage() {
  const { t } = useTranslation();
  const query = useQuery({ queryKey: ["inquiries"], queryFn: () => api<Inquiry[]>("/api/inquiries") });
  if (query.isLoading) return <PageLoader />;
  if (!query.data) return <ErrorAlert error={query.error} />;
  const open = query.data.filter((i) => i.state === "inquired");
  const answered = query.data.filter((i) => i.state !== "inquired");
  return (
    <Stack maw={1000}>
      <Title order={2}>{t("matching.inquiriesTitle")}</Title>
      {open.length === 0 && <Alert color="gray">{t("matching.noOpenInquiries")}</Alert>}
      {open.map((i) => (
        <InquiryCard key={i.needId} inquiry={i} />
      ))}
      {answered.length > 0 && (
        <>
          <Title order={3} size="h4">
            {t("matching.answered")}
          </Title>
          {answered.map((i) => (
            <InquiryCard key={i.needId} inquiry={i} />
          ))}
        </>
      )}
      <FittingNeeds />
    </Stack>
  );
}

function InquiryCard({ inquiry: i }: { inquiry: Inquiry }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const client = useQueryClient();
  const [note, setNote] = useState("");
  const answer = useMutation({
    mutationFn: (a: "accept" | "decline") =>
      api(`/api/inquiries/${i.needId}/answer`, {
        method: "POST",
        body: { answer: a, ...(note.trim() ? { note } : {}), version: i.version },
      }),
    onSuccess: () => {
      notifications.show({ color: "teal", message: t("matching.answerSent") });
      void client.invalidateQueries({ queryKey: ["inquiries"] });
    },
    onError: (e) => notifications.show({ color: "red", message: errorMessage(e) }),
  });
  return (
    <Card withBorder data-testid="inquiry">
      <Group justify="space-between" mb={4}>
        <Group gap="xs">
          <Text fw={600}>{i.need.referenceNumber}</Text>
          <Badge
            variant="light"
            color={i.state === "accepted" ? "teal" : i.state === "declined" ? "red" : "orange"}
          >
            {t(`matching.states.${i.state}`)}
          </Badge>
        </Group>
        <Text size="xs" c="dimmed">
          {i.inquiredAt ? fmt.dateTime(i.inquiredAt) : ""} {i.inquiredByName ?? ""}
        </Text>
      </Group>
      {i.need.title && <Text fw={500}>{i.need.title}</Text>}
      {i.need.publicSummary && (
        <Text size="sm" c="dimmed">
          {i.need.publicSummary}
        </Text>
      )}
      {i.need.view !== "full" && (
        <Text size="xs" c="dimmed">
          {t("matching.limitedView")}
        </Text>
      )}
      <Card withBorder mt="xs" padding="xs" bg="var(--mantine-color-gray-0)">
        <Text size="xs" c="dimmed">
          {t("matching.messageFromCoordinator")}
        </Text>
        <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
          {i.note}
        </Text>
      </Card>
      {i.state === "inquired" ? (
        <Stack gap="xs" mt="sm">
          <Textarea
            label={t("matching.answerNote")}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            autosize
            minRows={2}
          />
          <Group>
            <Button color="teal" loading={answer.isPending} onClick={() => answer.mutate("accept")}>
              {t("matching.accept")}
            </Button>
            <Button
              variant="light"
              color="red"
              loading={answer.isPending}
              onClick={() => answer.mutate("decline")}
            >
              {t("matching.decline")}
            </Button>
          </Group>
        </Stack>
      ) : (
        i.responseNote && (
          <Text size="sm" mt="xs">
            {t("matching.yourNote")}: {i.responseNote}
          </Text>
        )
      )}
    </Card>
  );
}
