/**
 * Contract settings of an institution (contracts:configure): its indirect-cost rate table (a rate applies
 * to contracts starting on or after its date; signed contracts keep the rate fixed at signing; unsigned
 * ones following the table are re-computed) and what its invoices print (issuer, 登録番号, bank account).
 */
import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Card,
  Grid,
  Group,
  MultiSelect,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { modals } from "@mantine/modals";
import { IconInfoCircle, IconPlus, IconTrash } from "@tabler/icons-react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { CONTRACT_TYPE_LABELS, CONTRACT_TYPES } from "../../server/modules/contracts/codes";
import { todayJst } from "../../shared/dates";
import { api } from "../api";
import { applyFieldErrors, ErrorAlert, errorMessage, notifySaved, PageLoader } from "../components/feedback";
import {
  type Billing,
  fieldErrors,
  institutionLabel,
  lbl,
  percent,
  type RateTableRow,
  toBasisPoints,
  useHandledInstitutions,
  useRateTable,
} from "../contracts";
import { useFormat } from "../format";

export function ContractSettingsPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const institutions = useHandledInstitutions();
  const [institutionId, setInstitutionId] = useState<string | null>(null);
  // The user's own institution first (or the first they handle).
  useEffect(() => {
    if (institutionId || !institutions.data.length) return;
    setInstitutionId((institutions.data.find((i) => i.id === institutions.own) ?? institutions.data[0])!.id);
  }, [institutionId, institutions.data, institutions.own]);

  return (
    <Stack maw={1200}>
      <Title order={2}>{t("contracts.settings.title")}</Title>
      <Select
        label={t("contracts.institution")}
        data={institutions.data.map((i) => ({ value: i.id, label: institutionLabel(i, fmt.locale) }))}
        value={institutionId}
        onChange={setInstitutionId}
        searchable
        allowDeselect={false}
        w={360}
      />
      {institutions.isLoading && <PageLoader />}
      {institutionId && (
        <>
          <RateTable key={`r${institutionId}`} institutionId={institutionId} />
          <BillingForm key={`b${institutionId}`} institutionId={institutionId} />
        </>
      )}
    </Stack>
  );
}

function RateTable({ institutionId }: { institutionId: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const qc = useQueryClient();
  const rates = useRateTable(institutionId);
  const [types, setTypes] = useState<string[]>([]);
  const [effectiveFrom, setEffectiveFrom] = useState("");
  const [rate, setRate] = useState<number | string>(30);
  const [basis, setBasis] = useState<"direct" | "total">("direct");
  const [note, setNote] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const today = todayJst();
  const rows = [...(rates.data ?? [])].sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom));
  // The row in force today for each set of contract types: the latest that has started.
  const inForce = new Set<string>();
  const seen = new Set<string>();
  for (const r of rows) {
    const key = [...r.contractTypes].sort().join(",");
    if (r.effectiveFrom <= today && !seen.has(key)) {
      seen.add(key);
      inForce.add(r.id);
    }
  }
  const refresh = () => qc.invalidateQueries({ queryKey: ["contracts"] });
  const add = async () => {
    setBusy(true);
    setErrors({});
    setError(null);
    try {
      const r = await api<{ recomputedContracts: number }>("/api/contract-rates", {
        method: "POST",
        body: {
          organizationId: institutionId,
          contractTypes: types,
          effectiveFrom,
          rateBp: toBasisPoints(Number(rate)),
          basis,
          note: note.trim() || null,
        },
      });
      notifySaved(t("contracts.settings.rateAdded", { count: r.recomputedContracts }));
      setEffectiveFrom("");
      setNote("");
      await refresh();
    } catch (e) {
      const f = fieldErrors(e);
      setErrors(f);
      if (
        !Object.keys(f).some((k) => ["contractTypes", "effectiveFrom", "rateBp", "basis", "note"].includes(k))
      )
        setError(e);
    } finally {
      setBusy(false);
    }
  };
  const remove = (r: RateTableRow) =>
    modals.openConfirmModal({
      title: t("contracts.settings.removeTitle"),
      children: (
        <Text size="sm">
          {t("contracts.settings.removeConfirm", { from: r.effectiveFrom, rate: percent(r.rateBp) })}
        </Text>
      ),
      labels: { confirm: t("common.delete"), cancel: t("common.cancel") },
      confirmProps: { color: "red" },
      onConfirm: async () => {
        try {
          const res = await api<{ recomputedContracts: number }>(`/api/contract-rates/${r.id}`, {
            method: "DELETE",
          });
          notifySaved(t("contracts.settings.rateRemoved", { count: res.recomputedContracts }));
          await refresh();
        } catch (e) {
          setError(e);
        }
      },
    });
  const typesLabel = (list: string[]) =>
    list.length
      ? list.map((x) => lbl(CONTRACT_TYPE_LABELS, x, fmt.locale)).join("、")
      : t("contracts.settings.allTypes");

  return (
    <Card withBorder data-testid="rate-table">
      <Title order={3} size="h4" mb="xs">
        {t("contracts.settings.ratesTitle")}
      </Title>
      <Alert color="blue" variant="light" icon={<IconInfoCircle size={18} />} mb="sm" p="xs">
        <Text size="sm">{t("contracts.settings.ratesHelp")}</Text>
      </Alert>
      <ErrorAlert error={error} />
      <Table.ScrollContainer minWidth={800}>
        <Table verticalSpacing={6}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("contracts.settings.effectiveFrom")}</Table.Th>
              <Table.Th>{t("contracts.settings.types")}</Table.Th>
              <Table.Th ta="right">{t("contracts.rate")}</Table.Th>
              <Table.Th>{t("contracts.basis")}</Table.Th>
              <Table.Th>{t("contracts.settings.note")}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rates.isLoading && (
              <Table.Tr>
                <Table.Td colSpan={6}>
                  <PageLoader />
                </Table.Td>
              </Table.Tr>
            )}
            {!rates.isLoading && rows.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={6}>
                  <Text size="sm" c="orange.8" ta="center" py="sm">
                    {t("contracts.settings.noRates")}
                  </Text>
                </Table.Td>
              </Table.Tr>
            )}
            {rows.map((r) => (
              <Table.Tr key={r.id} data-testid="rate-row">
                <Table.Td className="kyoso-nowrap">
                  {fmt.date(r.effectiveFrom)}
                  {inForce.has(r.id) && (
                    <Badge size="xs" ml={6} color="teal" variant="light">
                      {t("contracts.settings.inForce")}
                    </Badge>
                  )}
                  {r.effectiveFrom > today && (
                    <Badge size="xs" ml={6} color="blue" variant="light">
                      {t("contracts.settings.future")}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>{typesLabel(r.contractTypes)}</Table.Td>
                <Table.Td ta="right" fw={700}>
                  {percent(r.rateBp)}
                </Table.Td>
                <Table.Td className="kyoso-nowrap">{t(`contracts.bases.${r.basis}`)}</Table.Td>
                <Table.Td>
                  <Text size="sm" c="dimmed">
                    {r.note ?? ""}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={t("contracts.settings.removeRate", { from: r.effectiveFrom })}
                    onClick={() => remove(r)}
                  >
                    <IconTrash size={16} />
                  </ActionIcon>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Card withBorder bg="gray.0" mt="sm" p="sm">
        <Text size="sm" fw={600} mb="xs">
          {t("contracts.settings.addRate")}
        </Text>
        <Grid gutter="xs" align="flex-end">
          <Grid.Col span={{ base: 12, md: 4 }}>
            <MultiSelect
              label={t("contracts.settings.types")}
              description={t("contracts.settings.typesHelp")}
              data={CONTRACT_TYPES.map((c) => ({
                value: c,
                label: lbl(CONTRACT_TYPE_LABELS, c, fmt.locale),
              }))}
              value={types}
              onChange={setTypes}
              placeholder={types.length ? undefined : t("contracts.settings.allTypes")}
              error={errors.contractTypes}
              clearable
            />
          </Grid.Col>
          <Grid.Col span={{ base: 6, md: 2 }}>
            <TextInput
              type="date"
              label={t("contracts.settings.effectiveFrom")}
              description={t("contracts.settings.effectiveFromHelp")}
              value={effectiveFrom}
              onChange={(e) => setEffectiveFrom(e.currentTarget.value)}
              error={errors.effectiveFrom}
              withAsterisk
            />
          </Grid.Col>
          <Grid.Col span={{ base: 6, md: 2 }}>
            <NumberInput
              label={t("contracts.rate")}
              value={rate}
              onChange={setRate}
              suffix="%"
              decimalScale={2}
              min={0}
              allowNegative={false}
              error={errors.rateBp}
              withAsterisk
            />
          </Grid.Col>
          <Grid.Col span={{ base: 6, md: 2 }}>
            <Select
              label={t("contracts.basis")}
              data={(["direct", "total"] as const).map((b) => ({
                value: b,
                label: t(`contracts.bases.${b}`),
              }))}
              value={basis}
              onChange={(v) => setBasis((v as "direct" | "total") ?? "direct")}
              allowDeselect={false}
              error={errors.basis}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 6, md: 2 }}>
            <TextInput
              label={t("contracts.settings.note")}
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
              error={errors.note}
            />
          </Grid.Col>
        </Grid>
        <Group justify="flex-end" mt="xs">
          <Button
            leftSection={<IconPlus size={16} />}
            onClick={() => void add()}
            loading={busy}
            disabled={!effectiveFrom}
          >
            {t("contracts.settings.add")}
          </Button>
        </Group>
      </Card>
    </Card>
  );
}

type BillingValues = {
  department: string;
  postalCode: string;
  address: string;
  phone: string;
  email: string;
  registrationNumber: string;
  bankName: string;
  branchName: string;
  accountType: string;
  accountNumber: string;
  accountHolder: string;
};
const BILLING_KEYS: (keyof BillingValues)[] = [
  "department",
  "postalCode",
  "address",
  "phone",
  "email",
  "registrationNumber",
  "bankName",
  "branchName",
  "accountType",
  "accountNumber",
  "accountHolder",
];

function BillingForm({ institutionId }: { institutionId: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const billing = useQuery({
    queryKey: ["contracts", "billing", institutionId],
    queryFn: () => api<Billing>(`/api/institutions/${institutionId}/billing`),
  });
  const form = useForm<BillingValues>({
    initialValues: Object.fromEntries(BILLING_KEYS.map((k) => [k, ""])) as BillingValues,
  });
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  // biome-ignore lint/correctness/useExhaustiveDependencies: load once per answer
  useEffect(() => {
    const b = billing.data as Partial<Record<keyof BillingValues, string | null>> | undefined;
    if (b) {
      form.setValues(Object.fromEntries(BILLING_KEYS.map((k) => [k, b[k] ?? ""])) as BillingValues);
      form.resetDirty();
    }
  }, [billing.data]);
  const submit = form.onSubmit(async (v) => {
    setBusy(true);
    setError(null);
    try {
      await api(`/api/institutions/${institutionId}/billing`, {
        method: "PUT",
        body: Object.fromEntries(BILLING_KEYS.map((k) => [k, v[k].trim() || null])),
      });
      notifySaved();
      await billing.refetch();
    } catch (e) {
      if (!applyFieldErrors(form, e)) setError(e);
    } finally {
      setBusy(false);
    }
  });
  const ready = !!(billing.data as { bankName?: string | null } | undefined)?.bankName;
  return (
    <Card withBorder data-testid="billing-form">
      <Title order={3} size="h4" mb="xs">
        {t("contracts.settings.billingTitle")}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t("contracts.settings.billingHelp")}
      </Text>
      {billing.isLoading ? (
        <PageLoader />
      ) : billing.error ? (
        <Alert color="red">{errorMessage(billing.error)}</Alert>
      ) : (
        <form onSubmit={submit}>
          {!ready && (
            <Alert color="yellow" mb="sm" p="xs">
              <Text size="sm">{t("contracts.settings.billingMissing")}</Text>
            </Alert>
          )}
          <ErrorAlert error={error} />
          <Title order={4} size="h6" mb={4}>
            {t("contracts.settings.issuer")}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} mb="md">
            <TextInput label={t("contracts.department")} {...form.getInputProps("department")} />
            <TextInput label={t("contracts.settings.phone")} {...form.getInputProps("phone")} />
            <TextInput type="email" label={t("contracts.settings.email")} {...form.getInputProps("email")} />
            <TextInput
              label={t("contracts.postalCode")}
              placeholder="000-0000"
              {...form.getInputProps("postalCode")}
            />
            <TextInput
              label={t("contracts.settings.address")}
              style={{ gridColumn: "span 2" }}
              {...form.getInputProps("address")}
            />
            <TextInput
              label={t("contracts.settings.registrationNumber")}
              description={t("contracts.settings.registrationHelp")}
              placeholder="T1234567890123"
              {...form.getInputProps("registrationNumber")}
            />
          </SimpleGrid>
          <Title order={4} size="h6" mb={4}>
            {t("contracts.settings.bank")}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
            <TextInput label={t("contracts.settings.bankName")} {...form.getInputProps("bankName")} />
            <TextInput label={t("contracts.settings.branchName")} {...form.getInputProps("branchName")} />
            <Select
              label={t("contracts.settings.accountType")}
              data={[
                { value: "普通", label: t("contracts.settings.ordinary") },
                { value: "当座", label: t("contracts.settings.current") },
              ]}
              clearable
              {...form.getInputProps("accountType")}
              value={form.values.accountType || null}
              onChange={(v) => form.setFieldValue("accountType", v ?? "")}
            />
            <TextInput
              label={t("contracts.settings.accountNumber")}
              description={t("contracts.settings.accountNumberHelp")}
              placeholder="1234567"
              {...form.getInputProps("accountNumber")}
            />
            <TextInput
              label={t("contracts.settings.accountHolder")}
              description={t("contracts.settings.accountHolderHelp")}
              style={{ gridColumn: "span 2" }}
              {...form.getInputProps("accountHolder")}
            />
          </SimpleGrid>
          <Group justify="space-between" mt="md">
            <Text size="xs" c="dimmed">
              {billing.data?.updatedAt
                ? t("contracts.settings.updatedAt", { at: fmt.dateTime(billing.data.updatedAt) })
                : ""}
            </Text>
            <Button type="submit" loading={busy}>
              {t("common.save")}
            </Button>
          </Group>
        </form>
      )}
    </Card>
  );
}
