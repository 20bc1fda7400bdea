import { Alert, Badge, Button, Group, Modal, Select, Stack, Text, Textarea } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { isOtherReason } from "../../server/modules/cases/codes";
import { ApiError, api } from "../api";
import { type CaseDetail, type CloseReason, type Stage, stageLabel } from "../cases";
import { useLocale } from "../session";
import { errorMessage } from "./feedback";

/** The case as far as a move needs it (a board card or the case page). */
export interface MovableCase {
  id: string;
  version: number;
  referenceNumber: string;
  stageCode: string;
  stageKind: "open" | "won" | "closed";
}

interface Pending {
  kase: MovableCase;
  target: Stage;
  /** "close": a reason (and a note for その他); "reopen": why a finished case is opened again. */
  ask: "close" | "reopen";
}

/**
 * Moving a case to another stage, with the rules of the server: a close asks for its reason (and a note
 * when the reason is "other"); moving a contracted or closed case back asks why. A 409 (someone else
 * changed the case) is kept in `conflict` for the page to show with a reload button; 400s name fields in
 * the modal (or, for a move without a modal, in `conflict`'s place as a plain error).
 */
export function useStageMove(opts: { closeReasons: CloseReason[]; onMoved: (c: CaseDetail) => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [pending, setPending] = useState<Pending | null>(null);
  const [reason, setReason] = useState<string | null>(null);
  const [note, setNote] = useState("");
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [modalError, setModalError] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const send = async (kase: MovableCase, target: Stage, extra: Record<string, string | null>) => {
    setBusy(kase.id);
    setError(null);
    try {
      const updated = await api<CaseDetail>(`/api/cases/${kase.id}`, {
        method: "PATCH",
        body: { version: kase.version, stageCode: target.code, ...extra },
      });
      setPending(null);
      opts.onMoved(updated);
      return true;
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) {
        setPending(null);
        setError(e);
      } else if (pending || extra.closeReasonCode !== undefined || extra.reopenNote !== undefined) {
        if (e instanceof ApiError && e.fields.length) {
          setFieldErrors(Object.fromEntries(e.fields.map((f) => [f.field, f.message])));
          const unplaced = e.fields.filter(
            (f) => !["closeReasonCode", "closeNote", "reopenNote"].includes(f.field),
          );
          setModalError(unplaced.length ? unplaced.map((f) => `${f.field}: ${f.message}`).join("; ") : null);
        } else setModalError(errorMessage(e));
      } else setError(e);
      return false;
    } finally {
      setBusy(null);
    }
  };

  const move = (kase: MovableCase, target: Stage) => {
    if (target.code === kase.stageCode) return;
    setFieldErrors({});
    setModalError(null);
    setReason(null);
    setNote("");
    if (target.kind === "closed") setPending({ kase, target, ask: "close" });
    else if (kase.stageKind !== "open" && target.kind === "open") setPending({ kase, target, ask: "reopen" });
    else void send(kase, target, {});
  };

  const reasons = pending ? opts.closeReasons.filter((r) => r.stageCode === pending.target.code) : [];
  const noteRequired = pending?.ask === "reopen" || (!!reason && isOtherReason(reason));

  const confirm = () => {
    if (!pending) return;
    const problems: Record<string, string> = {};
    if (pending.ask === "close" && !reason) problems.closeReasonCode = t("cases.move.reasonRequired");
    if (noteRequired && !note.trim())
      problems[pending.ask === "close" ? "closeNote" : "reopenNote"] = t("cases.move.noteRequired");
    setFieldErrors(problems);
    if (Object.keys(problems).length) return;
    void send(
      pending.kase,
      pending.target,
      pending.ask === "close"
        ? { closeReasonCode: reason, closeNote: note.trim() || null }
        : { reopenNote: note.trim() },
    );
  };

  const modal = (
    <Modal
      opened={!!pending}
      onClose={() => setPending(null)}
      title={
        pending
          ? t(pending.ask === "close" ? "cases.move.closeTitle" : "cases.move.reopenTitle", {
              stage: stageLabel(pending.target, locale),
            })
          : ""
      }
    >
      {pending && (
        <Stack>
          <Text size="sm">
            <Text span ff="monospace">
              {pending.kase.referenceNumber}
            </Text>{" "}
            → <Badge variant="light">{stageLabel(pending.target, locale)}</Badge>
          </Text>
          {modalError && (
            <Alert color="red" role="alert">
              {modalError}
            </Alert>
          )}
          {pending.ask === "close" && (
            <Select
              label={t("cases.move.reason")}
              required
              data={reasons.map((r) => ({
                value: r.code,
                label: r.guideline
                  ? `${stageLabel(r, locale)}（${t("cases.move.guideline")}）`
                  : stageLabel(r, locale),
              }))}
              value={reason}
              onChange={setReason}
              error={fieldErrors.closeReasonCode}
              comboboxProps={{ withinPortal: true }}
            />
          )}
          {pending.ask === "close" && reasons.some((r) => r.guideline) && (
            <Text size="xs" c="dimmed">
              {t("cases.move.guidelineHelp")}
            </Text>
          )}
          <Textarea
            label={pending.ask === "close" ? t("cases.move.closeNote") : t("cases.move.reopenNote")}
            description={
              pending.ask === "close"
                ? noteRequired
                  ? t("cases.move.noteOtherHelp")
                  : t("cases.move.noteOptional")
                : t("cases.move.reopenHelp")
            }
            required={noteRequired}
            autosize
            minRows={3}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            error={fieldErrors.closeNote ?? fieldErrors.reopenNote}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setPending(null)}>
              {t("common.cancel")}
            </Button>
            <Button onClick={confirm} loading={busy === pending.kase.id}>
              {t("cases.move.confirm")}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );

  return { move, modal, error, clearError: () => setError(null), busy };
}
