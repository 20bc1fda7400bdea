import {
  Alert,
  Anchor,
  Button,
  Card,
  Divider,
  Grid,
  Group,
  Input,
  Modal,
  Rating,
  SegmentedControl,
  Spoiler,
  Stack,
  Text,
  Textarea,
  Title,
} from "@mantine/core";
import { IconCheck, IconMail, IconX } from "@tabler/icons-react";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, api } from "../api";
import { useFormat } from "../format";
import { type CallApplication, SCORE_MAX, SCORE_MIN, yen } from "../opencalls";
import { errorMessage, notifySaved } from "./feedback";
import { ApplicationStatusBadge } from "./OpenCallBadges";

const SCORES = Array.from({ length: SCORE_MAX - SCORE_MIN + 1 }, (_, i) => String(SCORE_MIN + i));

/** The reviewer's own score and comment on one application (saving again replaces them). */
function MyReview({
  callId,
  application,
  disabled,
}: {
  callId: string;
  application: CallApplication;
  disabled: boolean;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const mine = application.reviews.find((r) => r.mine);
  const [score, setScore] = useState<string>(mine ? String(mine.score) : "");
  const [comment, setComment] = useState(mine?.comment ?? "");
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const changed = score !== (mine ? String(mine.score) : "") || comment !== (mine?.comment ?? "");

  const save = async () => {
    if (!score) {
      setError(t("opencalls.review.scoreRequired"));
      return;
    }
    setError(null);
    setSaving(true);
    try {
      await api(`/api/open-calls/${callId}/applications/${application.id}/review`, {
        method: "PUT",
        body: { score: Number(score), comment: comment.trim() || null },
      });
      await qc.invalidateQueries({ queryKey: ["opencalls", "applications", callId] });
      notifySaved(t("opencalls.review.saved"));
    } catch (e) {
      setError(
        e instanceof ApiError && e.fields.length
          ? e.fields.map((f) => f.message).join("; ")
          : errorMessage(e),
      );
    } finally {
      setSaving(false);
    }
  };

  return (
    <Stack gap="xs" data-testid="my-review">
      <Input.Wrapper
        label={t("opencalls.review.myScore")}
        description={t("opencalls.review.scoreScale")}
        inputWrapperOrder={["label", "input", "description", "error"]}
        error={error}
      >
        <div>
          <SegmentedControl
            data={SCORES}
            value={score}
            onChange={setScore}
            disabled={disabled}
            aria-label={t("opencalls.review.myScore")}
            size="sm"
          />
        </div>
      </Input.Wrapper>
      <Textarea
        label={t("opencalls.review.myComment")}
        autosize
        minRows={2}
        maxLength={5000}
        value={comment}
        onChange={(e) => setComment(e.currentTarget.value)}
        disabled={disabled}
      />
      <Group justify="flex-end">
        <Button size="xs" onClick={save} loading={saving} disabled={disabled || !changed}>
          {mine ? t("opencalls.review.update") : t("opencalls.review.save")}
        </Button>
      </Group>
    </Stack>
  );
}

/** Accept or reject with a reason, which is mailed to the applicant. */
function DecisionModal({
  callId,
  application,
  initial,
  onClose,
}: {
  callId: string;
  application: CallApplication;
  initial: "accepted" | "rejected" | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [decision, setDecision] = useState<"accepted" | "rejected">(initial ?? "accepted");
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const submit = async () => {
    if (!reason.trim()) {
      setError(t("opencalls.decide.reasonRequired"));
      return;
    }
    setError(null);
    setSaving(true);
    try {
      await api(`/api/open-calls/${callId}/applications/${application.id}/decision`, {
        method: "POST",
        body: { decision, reason: reason.trim() },
      });
      await qc.invalidateQueries({ queryKey: ["opencalls"] });
      notifySaved(t("opencalls.decide.done", { email: application.contactEmail }));
      onClose();
    } catch (e) {
      setError(
        e instanceof ApiError && e.fields.length
          ? e.fields.map((f) => f.message).join("; ")
          : errorMessage(e),
      );
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      opened={initial !== null}
      onClose={onClose}
      title={t("opencalls.decide.title", { company: application.company })}
      size="lg"
    >
      <Stack>
        <SegmentedControl
          fullWidth
          value={decision}
          onChange={(v) => setDecision(v === "rejected" ? "rejected" : "accepted")}
          data={[
            { value: "accepted", label: t("opencalls.decide.accept") },
            { value: "rejected", label: t("opencalls.decide.reject") },
          ]}
          color={decision === "accepted" ? "teal" : "gray"}
          aria-label={t("opencalls.decide.decision")}
        />
        <Textarea
          label={t("opencalls.decide.reason")}
          description={t("opencalls.decide.reasonHint", { email: application.contactEmail })}
          inputWrapperOrder={["label", "input", "description", "error"]}
          required
          autosize
          minRows={4}
          maxLength={5000}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={error}
          data-autofocus
        />
        {application.status !== "submitted" && (
          <Alert color="yellow">{t("opencalls.decide.changeNote")}</Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t("common.cancel")}
          </Button>
          <Button
            color={decision === "accepted" ? "teal" : "red"}
            leftSection={<IconMail size={16} />}
            onClick={submit}
            loading={saving}
          >
            {decision === "accepted"
              ? t("opencalls.decide.confirmAccept")
              : t("opencalls.decide.confirmReject")}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/**
 * One application under review: the company, its contribution and proposal; every reviewer's score and
 * comment with the average; the viewer's own review; the decision.
 */
export function OpenCallApplicationCard({
  callId,
  application: a,
  decidable,
  final,
}: {
  callId: string;
  application: CallApplication;
  /** The call has stopped taking applications (deadline passed or closed early). */
  decidable: boolean;
  /** The call's contract is made: nothing changes any more. */
  final: boolean;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [deciding, setDeciding] = useState<"accepted" | "rejected" | null>(null);
  const decided = a.status !== "submitted";

  return (
    <Card withBorder padding="lg" data-testid="application-card" data-company={a.company}>
      <Stack>
        <Group justify="space-between" align="flex-start">
          <div>
            <Group gap="xs">
              <Title order={3} size="h4">
                {a.company}
              </Title>
              <ApplicationStatusBadge status={a.status} />
            </Group>
            <Text size="xs" c="dimmed">
              {a.corporateNumber ? `${t("opencalls.apply.corporateNumber")} ${a.corporateNumber} ・ ` : ""}
              {a.contactName} ・{" "}
              <Anchor href={`mailto:${a.contactEmail}`} size="xs">
                {a.contactEmail}
              </Anchor>{" "}
              ・ {t("opencalls.review.appliedAt", { date: a.createdAt ? fmt.dateTime(a.createdAt) : "—" })}
            </Text>
          </div>
          <Group gap="lg" align="flex-start">
            <div style={{ textAlign: "right" }}>
              <Text size="xs" c="dimmed">
                {t("opencalls.apply.contributionShort")}
              </Text>
              <Text fw={700} size="lg" data-testid="contribution">
                {yen(a.contribution, fmt.locale)}
              </Text>
            </div>
            <div style={{ textAlign: "right" }}>
              <Text size="xs" c="dimmed">
                {t("opencalls.review.average")}
              </Text>
              <Text fw={700} size="lg" data-testid="average-score">
                {a.averageScore === null ? "—" : a.averageScore.toFixed(1)}
                <Text span size="xs" c="dimmed" fw={400}>
                  {" "}
                  {t("opencalls.review.reviewCount", { count: a.reviews.length })}
                </Text>
              </Text>
            </div>
          </Group>
        </Group>

        <Grid gutter="lg">
          <Grid.Col span={{ base: 12, md: 7 }}>
            <Text size="xs" c="dimmed" mb={4}>
              {t("opencalls.apply.proposal")}
            </Text>
            <Spoiler
              maxHeight={180}
              showLabel={t("opencalls.review.more")}
              hideLabel={t("opencalls.review.less")}
            >
              <Text size="sm" className="kyoso-pre">
                {a.proposal}
              </Text>
            </Spoiler>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 5 }}>
            <Stack gap="xs">
              <Text size="xs" c="dimmed">
                {t("opencalls.review.reviews")}
              </Text>
              {a.reviews.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t("opencalls.review.noReviews")}
                </Text>
              ) : (
                a.reviews.map((r) => (
                  <div key={r.reviewerId} data-testid="review">
                    <Group gap="xs" wrap="nowrap">
                      <Rating value={r.score} count={SCORE_MAX} readOnly size="xs" aria-hidden />
                      <Text size="sm" fw={600}>
                        {r.score}/{SCORE_MAX}
                      </Text>
                      <Text size="sm">
                        {r.reviewer}
                        {r.mine ? ` ${t("opencalls.review.you")}` : ""}
                      </Text>
                    </Group>
                    {r.comment && (
                      <Text size="sm" c="dimmed" className="kyoso-pre" pl={4}>
                        {r.comment}
                      </Text>
                    )}
                  </div>
                ))
              )}
              {!decided && !final && (
                <>
                  <Divider my={4} />
                  <MyReview
                    key={a.reviews.find((r) => r.mine)?.updatedAt ?? "new"}
                    callId={callId}
                    application={a}
                    disabled={false}
                  />
                </>
              )}
            </Stack>
          </Grid.Col>
        </Grid>

        <Divider />
        {decided ? (
          <Group justify="space-between" align="flex-start" wrap="nowrap">
            <div>
              <Text size="sm" fw={600}>
                {a.status === "accepted"
                  ? t("opencalls.decide.acceptedOn")
                  : t("opencalls.decide.rejectedOn")}
                {a.decidedAt ? ` ${fmt.dateTime(a.decidedAt)}` : ""}
              </Text>
              <Text size="sm" className="kyoso-pre" data-testid="decision-reason">
                {a.decisionReason}
              </Text>
            </div>
            {!final && (
              <Button
                size="xs"
                variant="subtle"
                onClick={() => setDeciding(a.status as "accepted" | "rejected")}
              >
                {t("opencalls.decide.change")}
              </Button>
            )}
          </Group>
        ) : (
          <Group justify="space-between">
            <Text size="sm" c="dimmed">
              {decidable ? t("opencalls.decide.ready") : t("opencalls.decide.notYet")}
            </Text>
            <Group gap="xs">
              <Button
                color="teal"
                leftSection={<IconCheck size={16} />}
                disabled={!decidable}
                onClick={() => setDeciding("accepted")}
              >
                {t("opencalls.decide.accept")}
              </Button>
              <Button
                variant="default"
                leftSection={<IconX size={16} />}
                disabled={!decidable}
                onClick={() => setDeciding("rejected")}
              >
                {t("opencalls.decide.reject")}
              </Button>
            </Group>
          </Group>
        )}
      </Stack>
      {deciding && (
        <DecisionModal callId={callId} application={a} initial={deciding} onClose={() => setDeciding(null)} />
      )}
    </Card>
  );
}
