/**
 * The invoices (請求書) of a contract: the list with PDF downloads, issuing one to a paying party for (part
 * of) its share of a fiscal year (the share not yet invoiced is shown and offered), recording a payment
 * (入金) and cancelling an open invoice, each in a modal.
 */
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Modal,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { IconCash, IconFileTypePdf, IconPlus, IconX } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { DEFAULT_PAYMENT_DAYS, PAYING_ROLES } from "../../server/modules/contracts/codes";
import { addDays, formatFiscalYear, todayJst } from "../../shared/dates";
import { ApiError, api } from "../api";
import { asYen, type ContractDetail, type ContractInvoice, fieldErrors, yen } from "../contracts";
import { useFormat } from "../format";
import { errorMessage } from "./feedback";

const BILLABLE = ["signed", "invoiced", "paid", "in_progress"];

export const INVOICE_COLOR: Record<string, string> = { issued: "blue", paid: "teal", cancelled: "gray" };

/** Consumption tax of an amount as the server computes it (cut down to the yen; 不課税: none). */
const taxOf = (amount: number, rateBp: number | null) =>
  rateBp === null ? 0 : Number((BigInt(Math.max(0, Math.trunc(amount))) * BigInt(rateBp)) / 10_000n);

export function InvoiceStatusBadge({ status, overdue }: { status: string; overdue?: boolean }) {
  const { t } = useTranslation();
  if (overdue)
    return (
      <Badge color="red" variant="filled" miw="max-content">
        {t("contracts.invoices.overdue")}
      </Badge>
    );
  return (
    <Badge color={INVOICE_COLOR[status] ?? "gray"} variant="light" miw="max-content">
      {t(`contracts.invoices.statuses.${status}`, { defaultValue: status })}
    </Badge>
  );
}

export function ContractInvoices({
  contract: c,
  canManage,
  onChanged,
}: {
  contract: ContractDetail;
  canManage: boolean;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [issuing, setIssuing] = useState(false);
  const [paying, setPaying] = useState<ContractInvoice | null>(null);
  const [cancelling, setCancelling] = useState<ContractInvoice | null>(null);
  const billable = BILLABLE.includes(c.status);
  return (
    <Card withBorder data-testid="contract-invoices">
      <Group justify="space-between" mb="sm">
        <Title order={3} size="h4">
          {t("contracts.invoices.title")}
        </Title>
        {canManage && billable && (
          <Button size="xs" leftSection={<IconPlus size={14} />} onClick={() => setIssuing(true)}>
            {t("contracts.invoices.issue")}
          </Button>
        )}
      </Group>
      {!billable && c.invoices.length === 0 && (
        <Text size="sm" c="dimmed">
          {c.status === "cancelled" || c.status === "completed"
            ? t("contracts.invoices.none")
            : t("contracts.invoices.afterSigning")}
        </Text>
      )}
      {billable && c.invoices.length === 0 && (
        <Text size="sm" c="dimmed">
          {t("contracts.invoices.none")}
        </Text>
      )}
      {c.invoices.length > 0 && (
        <Table.ScrollContainer minWidth={900}>
          <Table verticalSpacing={6} data-testid="invoice-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th className="kyoso-nowrap">{t("contracts.invoices.number")}</Table.Th>
                <Table.Th>{t("contracts.invoices.party")}</Table.Th>
                <Table.Th>{t("contracts.fiscalYear")}</Table.Th>
                <Table.Th ta="right" className="kyoso-nowrap">
                  {t("contracts.invoices.amount")}
                </Table.Th>
                <Table.Th ta="right" className="kyoso-nowrap">
                  {t("contracts.invoices.total")}
                </Table.Th>
                <Table.Th ta="right" className="kyoso-nowrap">
                  {t("contracts.invoices.paid")}
                </Table.Th>
                <Table.Th>{t("contracts.invoices.dates")}</Table.Th>
                <Table.Th>{t("contracts.status")}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {c.invoices.map((i) => (
                <Table.Tr key={i.id} bg={i.overdue ? "red.0" : undefined} data-testid={`invoice-${i.number}`}>
                  <Table.Td className="kyoso-nowrap">
                    <Text ff="monospace" size="sm">
                      {i.number}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {t("contracts.invoices.instalment", { n: i.instalment })}
                    </Text>
                  </Table.Td>
                  <Table.Td miw={150}>
                    <Text size="sm">{i.partyName}</Text>
                    <Text size="xs" c="dimmed" lineClamp={1}>
                      {i.subject}
                    </Text>
                  </Table.Td>
                  <Table.Td className="kyoso-nowrap" title={fmt.fiscalYear(i.fiscalYear)}>
                    {formatFiscalYear(i.fiscalYear, fmt.locale)}
                  </Table.Td>
                  <Table.Td ta="right" className="kyoso-nowrap">
                    <Text size="sm">{yen(i.amount, fmt.locale)}</Text>
                    <Text size="xs" c="dimmed">
                      {i.taxRateBp === null
                        ? t("contracts.taxExempt")
                        : `${t("contracts.invoices.tax")} ${yen(i.tax, fmt.locale)}`}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right" className="kyoso-nowrap" fw={700}>
                    {yen(i.total, fmt.locale)}
                  </Table.Td>
                  <Table.Td ta="right" className="kyoso-nowrap">
                    {yen(i.paidAmount, fmt.locale)}
                  </Table.Td>
                  <Table.Td className="kyoso-nowrap">
                    <Text size="xs">
                      {t("contracts.invoices.issued")} {i.issueDate}
                    </Text>
                    <Text size="xs" c={i.overdue ? "red.7" : undefined} fw={i.overdue ? 700 : undefined}>
                      {t("contracts.invoices.due")} {i.dueDate}
                    </Text>
                    {i.paidOn && (
                      <Text size="xs" c="teal.8">
                        {t("contracts.invoices.paidOn")} {i.paidOn}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <InvoiceStatusBadge status={i.status} overdue={i.overdue} />
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap" justify="flex-end">
                      <Button
                        component="a"
                        href={`/api/invoices/${i.id}/pdf`}
                        size="compact-xs"
                        variant="subtle"
                        leftSection={<IconFileTypePdf size={14} />}
                        aria-label={t("contracts.invoices.pdfOf", { number: i.number })}
                      >
                        PDF
                      </Button>
                      {canManage && i.status === "issued" && (
                        <Button
                          size="compact-xs"
                          variant="light"
                          color="teal"
                          leftSection={<IconCash size={14} />}
                          onClick={() => setPaying(i)}
                        >
                          {t("contracts.invoices.recordPayment")}
                        </Button>
                      )}
                      {canManage && i.status === "issued" && i.paidAmount === 0 && (
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          color="red"
                          leftSection={<IconX size={14} />}
                          onClick={() => setCancelling(i)}
                        >
                          {t("contracts.invoices.cancel")}
                        </Button>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {issuing && <IssueModal contract={c} onClose={() => setIssuing(false)} onDone={onChanged} />}
      {paying && <PaymentModal invoice={paying} onClose={() => setPaying(null)} onDone={onChanged} />}
      {cancelling && (
        <CancelModal invoice={cancelling} onClose={() => setCancelling(null)} onDone={onChanged} />
      )}
    </Card>
  );
}

function ModalError({ error }: { error: unknown }) {
  if (!error) return null;
  return (
    <Alert color="red" role="alert">
      <Text size="sm" className="kyoso-pre">
        {errorMessage(error)}
      </Text>
    </Alert>
  );
}

function IssueModal({
  contract: c,
  onClose,
  onDone,
}: {
  contract: ContractDetail;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const payers = c.parties.filter((p) => (PAYING_ROLES as readonly string[]).includes(p.role));
  const [partyId, setPartyId] = useState(payers[0]?.id ?? "");
  const party = payers.find((p) => p.id === partyId);
  const firstOpen = party?.contributions.find((x) => x.amount > x.invoiced) ?? party?.contributions[0];
  const [fiscalYear, setFiscalYear] = useState(firstOpen ? String(firstOpen.fiscalYear) : "");
  const share = party?.contributions.find((x) => String(x.fiscalYear) === fiscalYear);
  const remaining = share ? share.amount - share.invoiced : 0;
  const [amount, setAmount] = useState<number | string>(remaining);
  const [issueDate, setIssueDate] = useState(todayJst());
  const [dueDate, setDueDate] = useState(addDays(todayJst(), DEFAULT_PAYMENT_DAYS));
  const [subject, setSubject] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const pick = (pid: string, fy: string) => {
    const p = payers.find((x) => x.id === pid);
    const s = p?.contributions.find((x) => String(x.fiscalYear) === fy);
    setAmount(s ? s.amount - s.invoiced : 0);
  };
  const tax = taxOf(asYen(amount), c.taxRateBp);
  const submit = async () => {
    setBusy(true);
    setErrors({});
    setError(null);
    try {
      await api(`/api/contracts/${c.id}/invoices`, {
        method: "POST",
        body: {
          partyId,
          fiscalYear: Number(fiscalYear),
          amount: asYen(amount),
          ...(issueDate ? { issueDate } : {}),
          ...(dueDate ? { dueDate } : {}),
          subject: subject.trim() || null,
        },
      });
      onDone();
      onClose();
    } catch (e) {
      const f = fieldErrors(e);
      setErrors(f);
      const shown = ["partyId", "fiscalYear", "amount", "issueDate", "dueDate", "subject"];
      if (!(e instanceof ApiError) || !Object.keys(f).some((k) => shown.includes(k))) setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal opened onClose={onClose} title={t("contracts.invoices.issueTitle")} size="lg">
      <Stack>
        {payers.length === 0 && <Alert color="yellow">{t("contracts.invoices.noPayer")}</Alert>}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t("contracts.invoices.party")}
            data={payers.map((p) => ({ value: p.id, label: p.name }))}
            value={partyId}
            onChange={(v) => {
              const pid = v ?? "";
              setPartyId(pid);
              const p = payers.find((x) => x.id === pid);
              const fy = String(
                (p?.contributions.find((x) => x.amount > x.invoiced) ?? p?.contributions[0])?.fiscalYear ??
                  "",
              );
              setFiscalYear(fy);
              pick(pid, fy);
            }}
            allowDeselect={false}
            error={errors.partyId}
          />
          <Select
            label={t("contracts.fiscalYear")}
            data={(party?.contributions ?? []).map((x) => ({
              value: String(x.fiscalYear),
              label: fmt.fiscalYear(x.fiscalYear),
            }))}
            value={fiscalYear}
            onChange={(v) => {
              setFiscalYear(v ?? "");
              pick(partyId, v ?? "");
            }}
            allowDeselect={false}
            error={errors.fiscalYear}
          />
        </SimpleGrid>
        {share && (
          <Text size="sm" data-testid="remaining-share">
            {t("contracts.invoices.remainingHint", {
              share: yen(share.amount, fmt.locale),
              invoiced: yen(share.invoiced, fmt.locale),
              remaining: yen(remaining, fmt.locale),
            })}{" "}
            {remaining > 0 && asYen(amount) !== remaining && (
              <Anchor component="button" type="button" size="sm" onClick={() => setAmount(remaining)}>
                {t("contracts.invoices.useRemaining")}
              </Anchor>
            )}
          </Text>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NumberInput
            label={t("contracts.invoices.amountExTax")}
            value={amount}
            onChange={setAmount}
            thousandSeparator=","
            allowNegative={false}
            allowDecimal={false}
            hideControls
            suffix={fmt.locale === "ja" ? "円" : undefined}
            prefix={fmt.locale === "en" ? "¥" : undefined}
            styles={{ input: { textAlign: "right" } }}
            error={errors.amount}
            withAsterisk
          />
          <div>
            <Text size="sm" fw={500}>
              {t("contracts.invoices.totalWithTax")}
            </Text>
            <Text size="lg" fw={700} data-testid="invoice-total-preview">
              {yen(asYen(amount) + tax, fmt.locale)}
            </Text>
            <Text size="xs" c="dimmed">
              {c.taxRateBp === null
                ? t("contracts.taxExempt")
                : t("contracts.invoices.taxLine", { tax: yen(tax, fmt.locale), rate: c.taxRateBp / 100 })}
            </Text>
          </div>
          <TextInput
            type="date"
            label={t("contracts.invoices.issueDate")}
            value={issueDate}
            onChange={(e) => {
              const d = e.currentTarget.value;
              setIssueDate(d);
              if (d) setDueDate(addDays(d, DEFAULT_PAYMENT_DAYS));
            }}
            error={errors.issueDate}
          />
          <TextInput
            type="date"
            label={t("contracts.invoices.dueDate")}
            description={t("contracts.invoices.dueHelp", { days: DEFAULT_PAYMENT_DAYS })}
            value={dueDate}
            onChange={(e) => setDueDate(e.currentTarget.value)}
            error={errors.dueDate}
          />
        </SimpleGrid>
        <TextInput
          label={t("contracts.invoices.subject")}
          description={t("contracts.invoices.subjectHelp")}
          value={subject}
          onChange={(e) => setSubject(e.currentTarget.value)}
          error={errors.subject}
          maxLength={200}
        />
        <ModalError error={error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t("common.cancel")}
          </Button>
          <Button loading={busy} onClick={() => void submit()} disabled={!partyId || !fiscalYear}>
            {t("contracts.invoices.issueConfirm")}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function PaymentModal({
  invoice: i,
  onClose,
  onDone,
}: {
  invoice: ContractInvoice;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const outstanding = i.total - i.paidAmount;
  const [paidOn, setPaidOn] = useState(todayJst());
  const [amount, setAmount] = useState<number | string>(outstanding);
  const [note, setNote] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setBusy(true);
    setErrors({});
    setError(null);
    try {
      await api(`/api/invoices/${i.id}/payments`, {
        method: "POST",
        body: { paidOn, amount: asYen(amount), note: note.trim() || null, version: i.version },
      });
      onDone();
      onClose();
    } catch (e) {
      const f = fieldErrors(e);
      setErrors(f);
      if (!f.paidOn && !f.amount) setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal opened onClose={onClose} title={t("contracts.invoices.paymentTitle", { number: i.number })}>
      <Stack>
        <Text size="sm">
          {t("contracts.invoices.outstanding", {
            total: yen(i.total, fmt.locale),
            outstanding: yen(outstanding, fmt.locale),
          })}
        </Text>
        <TextInput
          type="date"
          label={t("contracts.invoices.paidOn")}
          value={paidOn}
          onChange={(e) => setPaidOn(e.currentTarget.value)}
          error={errors.paidOn}
          withAsterisk
        />
        <NumberInput
          label={t("contracts.invoices.paymentAmount")}
          value={amount}
          onChange={setAmount}
          thousandSeparator=","
          allowNegative={false}
          allowDecimal={false}
          hideControls
          suffix={fmt.locale === "ja" ? "円" : undefined}
          prefix={fmt.locale === "en" ? "¥" : undefined}
          styles={{ input: { textAlign: "right" } }}
          error={errors.amount}
          withAsterisk
        />
        <Textarea
          label={t("contracts.invoices.note")}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          autosize
        />
        <ModalError error={error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t("common.cancel")}
          </Button>
          <Button color="teal" loading={busy} onClick={() => void submit()}>
            {t("contracts.invoices.paymentConfirm")}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function CancelModal({
  invoice: i,
  onClose,
  onDone,
}: {
  invoice: ContractInvoice;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState("");
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      await api(`/api/invoices/${i.id}/cancel`, {
        method: "POST",
        body: { reason: reason.trim(), version: i.version },
      });
      onDone();
      onClose();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal opened onClose={onClose} title={t("contracts.invoices.cancelTitle", { number: i.number })}>
      <Stack>
        <Text size="sm">{t("contracts.invoices.cancelHelp")}</Text>
        <Textarea
          label={t("contracts.invoices.cancelReason")}
          withAsterisk
          autosize
          minRows={3}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
        />
        <ModalError error={error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t("common.cancel")}
          </Button>
          <Button color="red" loading={busy} disabled={!reason.trim()} onClick={() => void submit()}>
            {t("contracts.invoices.cancelConfirm")}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
