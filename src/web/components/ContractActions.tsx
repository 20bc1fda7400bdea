/**
 * The lifecycle of a contract on its page: the stepper (申込 → 受入決定 → 契約締結 → 請求 → 入金 → 実施中 →
 * 完了報告, 中止 beside it) and the actions the current status allows, each confirmed in a modal (a date
 * for signing and completion, a reason to cancel). 請求 and 入金 follow the invoices, not a button.
 */
import { Alert, Button, Group, List, Modal, Stack, Stepper, Text, Textarea, TextInput } from "@mantine/core";
import { IconCheck, IconEdit, IconFileDiff, IconPlayerPlay, IconSignature, IconX } from "@tabler/icons-react";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { CONTRACT_STATUS_LABELS, isSigned } from "../../server/modules/contracts/codes";
import { todayJst } from "../../shared/dates";
import { ApiError, api } from "../api";
import { type ContractDetail, type ContractStatus, LIFECYCLE, lbl } from "../contracts";
import { useFormat } from "../format";
import { errorMessage } from "./feedback";

type Action = "accept" | "sign" | "start" | "complete" | "cancel";

/** What each status allows (the server's transitions). */
const ALLOWED: Record<ContractStatus, Action[]> = {
  applied: ["accept", "cancel"],
  accepted: ["sign", "cancel"],
  signed: ["start", "cancel"],
  invoiced: ["start", "cancel"],
  paid: ["start", "cancel"],
  in_progress: ["complete", "cancel"],
  completed: [],
  cancelled: [],
};

const ICONS: Record<Action, ReactNode> = {
  accept: <IconCheck size={16} />,
  sign: <IconSignature size={16} />,
  start: <IconPlayerPlay size={16} />,
  complete: <IconCheck size={16} />,
  cancel: <IconX size={16} />,
};

export function ContractLifecycle({ contract: c }: { contract: ContractDetail }) {
  const fmt = useFormat();
  const cancelled = c.status === "cancelled";
  // Where a cancelled contract stopped: the status it was cancelled from.
  const from = cancelled
    ? (c.events.find((e) => e.kind === "status" && e.data.to === "cancelled")?.data.from as
        | ContractStatus
        | undefined)
    : undefined;
  // Reached steps are ticked (the current status too); the next one stands out. Cancelled: where it stopped.
  const at = LIFECYCLE.indexOf(cancelled ? (from ?? "applied") : c.status);
  const active = cancelled ? at : at + 1;
  return (
    <Stepper
      active={active}
      size="xs"
      color={cancelled ? "gray" : undefined}
      allowNextStepsSelect={false}
      data-testid="contract-stepper"
      styles={{ stepLabel: { whiteSpace: "nowrap" } }}
    >
      {LIFECYCLE.map((s) => (
        <Stepper.Step key={s} label={lbl(CONTRACT_STATUS_LABELS, s, fmt.locale)} />
      ))}
    </Stepper>
  );
}

export function ContractActions({
  contract: c,
  onChanged,
  onReload,
}: {
  contract: ContractDetail;
  onChanged: (c: ContractDetail) => void;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const [action, setAction] = useState<Action | null>(null);
  const editable = c.status === "applied" || c.status === "accepted";
  const amendable = isSigned(c.status) && c.status !== "completed";
  return (
    <Group gap="xs" data-testid="contract-actions">
      {editable && (
        <Button
          component={Link}
          to={`/contracts/${c.id}/edit`}
          variant="default"
          leftSection={<IconEdit size={16} />}
        >
          {t("common.edit")}
        </Button>
      )}
      {amendable && (
        <Button
          component={Link}
          to={`/contracts/${c.id}/amend`}
          variant="default"
          leftSection={<IconFileDiff size={16} />}
        >
          {t("contracts.actions.amend")}
        </Button>
      )}
      {ALLOWED[c.status].map((a) => (
        <Button
          key={a}
          variant={a === "cancel" ? "subtle" : "filled"}
          color={a === "cancel" ? "red" : undefined}
          leftSection={ICONS[a]}
          onClick={() => setAction(a)}
        >
          {t(`contracts.actions.${a}`)}
        </Button>
      ))}
      {action && (
        <TransitionModal
          contract={c}
          action={action}
          onClose={() => setAction(null)}
          onDone={onChanged}
          onReload={onReload}
        />
      )}
    </Group>
  );
}

function TransitionModal({
  contract: c,
  action,
  onClose,
  onDone,
  onReload,
}: {
  contract: ContractDetail;
  action: Action;
  onClose: () => void;
  onDone: (c: ContractDetail) => void;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const [date, setDate] = useState(todayJst());
  const [reason, setReason] = useState("");
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<{ field: string; message: string }[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);
  const withDate = action === "sign" || action === "complete" || action === "cancel";
  const hasReport = c.documents.some((d) => d.kind === "completion_report");
  const submit = async () => {
    setBusy(true);
    setProblems([]);
    setError(null);
    try {
      const saved = await api<ContractDetail>(`/api/contracts/${c.id}/transition`, {
        method: "POST",
        body: {
          action,
          version: c.version,
          ...(withDate && date ? { date } : {}),
          ...(action === "cancel" ? { reason: reason.trim() } : {}),
        },
      });
      onDone(saved);
      onClose();
    } catch (e) {
      if (e instanceof ApiError && e.fields.length) setProblems(e.fields);
      else setError(errorMessage(e));
      setConflict(e instanceof ApiError && e.code === "CONFLICT");
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal opened onClose={onClose} title={t(`contracts.actions.${action}Title`)} size="md">
      <Stack>
        <Text size="sm">{t(`contracts.actions.${action}Help`)}</Text>
        {action === "complete" && !hasReport && (
          <Alert color="yellow" p="xs">
            <Text size="sm">{t("contracts.actions.needsReport")}</Text>
          </Alert>
        )}
        {withDate && (
          <TextInput
            type="date"
            label={t(`contracts.actions.${action}Date`)}
            value={date}
            onChange={(e) => setDate(e.currentTarget.value)}
            error={problems.find((p) => p.field === "date")?.message}
            data-autofocus
          />
        )}
        {action === "cancel" && (
          <Textarea
            label={t("contracts.actions.cancelReason")}
            withAsterisk
            autosize
            minRows={3}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={problems.find((p) => p.field === "reason")?.message}
          />
        )}
        {problems.filter((p) => p.field !== "date" && p.field !== "reason").length > 0 && (
          <Alert color="red" role="alert" title={t("contracts.actions.cannot")}>
            <List size="sm">
              {problems
                .filter((p) => p.field !== "date" && p.field !== "reason")
                .map((p) => (
                  <List.Item key={`${p.field}${p.message}`}>
                    {t(`contracts.fieldNames.${p.field}`, { defaultValue: p.field })}: {p.message}
                  </List.Item>
                ))}
            </List>
          </Alert>
        )}
        {error && (
          <Alert color="red" role="alert">
            {error}
            {conflict && (
              <div>
                <Button
                  size="xs"
                  variant="light"
                  color="red"
                  mt="xs"
                  onClick={() => {
                    onReload();
                    onClose();
                  }}
                >
                  {t("common.reload")}
                </Button>
              </div>
            )}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t("common.cancel")}
          </Button>
          <Button
            color={action === "cancel" ? "red" : undefined}
            loading={busy}
            onClick={() => void submit()}
            disabled={action === "cancel" && !reason.trim()}
          >
            {t(`contracts.actions.${action}Confirm`)}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
