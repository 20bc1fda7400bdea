/**
 * A contract's form as a page: a new contract (/contracts/new), an edit before signing
 * (/contracts/:id/edit) and an amendment of a signed contract (/contracts/:id/amend: the date it takes
 * effect, the reason, optionally new totals of the direct-cost lines re-allocated by days from that date,
 * and the content prefilled from the contract). The server's field problems stand by their inputs and are
 * listed at the top.
 */
import {
  Alert,
  Anchor,
  Button,
  Group,
  List,
  NumberInput,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { IconArrowLeft } from "@tabler/icons-react";
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import {
  DIRECT_KIND_LABELS,
  DIRECT_KINDS,
  type DirectKind,
  isPooledType,
  isSigned,
} from "../../server/modules/contracts/codes";
import { type IndirectBasis, indirectCost, reallocateFrom, splitByWeights } from "../../shared/budget";
import { fiscalYearOf, formatFiscalYear, todayJst } from "../../shared/dates";
import { ApiError, api, type FieldProblem } from "../api";
import { ContractFormFields } from "../components/ContractForm";
import {
  applyServerErrors,
  type BudgetValues,
  bodyOf,
  type ContractFormValues,
  contentOf,
  emptyValues,
  type FormMode,
  isPaying,
  syncYears,
  valuesOf,
} from "../components/ContractFormModel";
import { ErrorAlert, notifySaved, PageLoader } from "../components/feedback";
import {
  asYen,
  type ContractDetail,
  fiscalYearsOf,
  isIsoDate,
  lbl,
  useContract,
  useHandledInstitutions,
} from "../contracts";
import { useFormat } from "../format";

type Reallocation = Record<DirectKind, number | string>;

const AMENDMENT_FIELDS = /^(effectiveOn|reason|version|reallocate)(\.|$)/;

export function ContractEditPage({ mode }: { mode: FormMode }) {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const fmt = useFormat();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const institutions = useHandledInstitutions();
  const contract = useContract(mode === "create" ? "" : id);
  const form = useForm<ContractFormValues>({ initialValues: emptyValues("") });
  const [error, setError] = useState<unknown>(null);
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [busy, setBusy] = useState(false);
  // The amendment's own fields.
  const [effectiveOn, setEffectiveOn] = useState(todayJst());
  const [reason, setReason] = useState("");
  const [reallocating, setReallocating] = useState(false);
  const [reallocate, setReallocate] = useState<Reallocation>({
    personnel: 0,
    consumables: 0,
    travel: 0,
    equipment: 0,
    other: 0,
  });
  const [amendErrors, setAmendErrors] = useState<Record<string, string>>({});

  const load = (c: ContractDetail) => {
    form.setValues(valuesOf(c));
    form.resetDirty();
    form.clearErrors();
    const sums = Object.fromEntries(
      DIRECT_KINDS.map((k) => [k, c.input.budget.reduce((a, b) => a + b[k], 0)]),
    ) as Reallocation;
    setReallocate(sums);
  };
  // biome-ignore lint/correctness/useExhaustiveDependencies: load once per contract version
  useEffect(() => {
    if (contract.data) load(contract.data);
  }, [contract.data?.id, contract.data?.version]);
  // A new contract starts at the user's institution (or the first they handle).
  // biome-ignore lint/correctness/useExhaustiveDependencies: once the institutions are known
  useEffect(() => {
    if (mode !== "create" || form.values.institutionId || !institutions.data.length) return;
    const own = institutions.data.find((i) => i.id === institutions.own);
    form.setFieldValue("institutionId", (own ?? institutions.data[0])!.id);
  }, [institutions.data.length]);

  const c = contract.data;
  const fixedRate =
    mode === "amend" && c?.rate.rateBp != null && c.rate.basis
      ? { rateBp: c.rate.rateBp, basis: c.rate.basis as IndirectBasis }
      : null;
  const v = form.values;
  const realloc =
    mode === "amend" && c && reallocating ? reallocated(v, c, effectiveOn, reallocate, fixedRate) : null;
  const reallocKey = JSON.stringify([
    reallocating,
    effectiveOn,
    reallocate,
    v.startDate,
    v.endDate,
    v.rateStep,
    v.members.map((m) => [m.kind, m.fees]),
    v.parties.map((p) => [p.organizationId, p.role]),
  ]);
  // Re-allocation fills the budget (and a pooled contract's contributions of open years) as the server will.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only when what it depends on changes
  useEffect(() => {
    if (realloc && typeof realloc !== "string")
      form.setValues({ budget: realloc.budget, parties: realloc.parties });
  }, [reallocKey]);
  const toggleReallocation = (on: boolean) => {
    setReallocating(on);
    if (on || !c) return;
    // Off again: the contract's own budget and contributions.
    const own = valuesOf(c);
    const now = form.getValues();
    form.setValues(
      syncYears(
        {
          ...now,
          budget: own.budget,
          parties: now.parties.map((p) => ({
            ...p,
            contributions:
              own.parties.find((o) => o.organizationId === p.organizationId)?.contributions ??
              p.contributions,
          })),
        },
        fiscalYearsOf(now.startDate, now.endDate),
      ),
    );
  };

  if (mode !== "create" && contract.isLoading) return <PageLoader />;
  if (mode !== "create" && !contract.data) return <ErrorAlert error={contract.error} />;
  const back = c ? `/contracts/${c.id}` : "/contracts";

  if (c && mode === "edit" && (isSigned(c.status) || c.status === "cancelled"))
    return (
      <Stack maw={800}>
        <Title order={2}>{t("contracts.form.editTitle", { number: c.number })}</Title>
        <Alert color="yellow">
          {c.status === "cancelled" ? t("contracts.form.cancelledNoEdit") : t("contracts.form.signedNoEdit")}
        </Alert>
        <Group>
          <Button component={Link} to={back} variant="default">
            {t("contracts.page.back")}
          </Button>
          {c.status !== "cancelled" && c.status !== "completed" && (
            <Button component={Link} to={`/contracts/${c.id}/amend`}>
              {t("contracts.actions.amend")}
            </Button>
          )}
        </Group>
      </Stack>
    );
  if (c && mode === "amend" && (!isSigned(c.status) || c.status === "completed"))
    return (
      <Stack maw={800}>
        <Title order={2}>{t("contracts.amend.title", { number: c.number })}</Title>
        <Alert color="yellow">{t("contracts.amend.notSigned")}</Alert>
        <Button component={Link} to={back} variant="default" w="fit-content">
          {t("contracts.page.back")}
        </Button>
      </Stack>
    );

  const fail = (e: unknown) => {
    const fields = applyServerErrors(form, e);
    const own = Object.fromEntries(
      fields.filter((f) => AMENDMENT_FIELDS.test(f.field)).map((f) => [f.field, f.message]),
    );
    setAmendErrors(own);
    setProblems(fields);
    setError(fields.length && !(e instanceof ApiError && e.code === "CONFLICT") ? null : e);
    window.scrollTo({ top: 0, behavior: "smooth" });
  };

  const submit = form.onSubmit(async (values) => {
    setError(null);
    setProblems([]);
    setAmendErrors({});
    setBusy(true);
    try {
      if (mode === "create") {
        const saved = await api<ContractDetail>("/api/contracts", { method: "POST", body: bodyOf(values) });
        qc.setQueryData(["contracts", "detail", saved.id], saved);
        notifySaved(t("contracts.form.created", { number: saved.number }));
        void qc.invalidateQueries({ queryKey: ["contracts"] });
        void navigate(`/contracts/${saved.id}`);
      } else if (mode === "edit" && c) {
        const saved = await api<ContractDetail>(`/api/contracts/${c.id}`, {
          method: "PUT",
          body: { ...bodyOf(values), version: c.version },
        });
        qc.setQueryData(["contracts", "detail", saved.id], saved);
        notifySaved();
        void qc.invalidateQueries({ queryKey: ["contracts"] });
        void navigate(`/contracts/${saved.id}`);
      } else if (mode === "amend" && c) {
        const done = await api<{ revision: number }>(`/api/contracts/${c.id}/amendments`, {
          method: "POST",
          body: {
            version: c.version,
            effectiveOn,
            reason: reason.trim(),
            content: contentOf(values),
            reallocate: reallocating
              ? Object.fromEntries(DIRECT_KINDS.map((k) => [k, asYen(reallocate[k])]))
              : null,
          },
        });
        notifySaved(t("contracts.amend.saved", { revision: done.revision }));
        await qc.invalidateQueries({ queryKey: ["contracts"] });
        void navigate(`/contracts/${c.id}`);
      }
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  });

  const fieldLabel = (field: string) => {
    const f = field.replace(/^content\./, "");
    const m = /^(budget|parties|members)\.(\d+)\.?(.*)$/.exec(f);
    if (m) {
      const i = Number(m[2]);
      if (m[1] === "budget") {
        const fy = form.values.budget[i]?.fiscalYear;
        const kind = m[3] as DirectKind;
        return `${t("contracts.form.sectionBudget")} ${fy ? formatFiscalYear(fy, fmt.locale) : i + 1}${
          (DIRECT_KINDS as readonly string[]).includes(kind)
            ? ` ${lbl(DIRECT_KIND_LABELS, kind, fmt.locale)}`
            : ""
        }`;
      }
      return m[1] === "parties"
        ? t("contracts.form.partyN", { n: i + 1 })
        : t("contracts.form.memberN", { n: i + 1 });
    }
    return t(`contracts.fieldNames.${f.replace(/\./g, "_")}`, { defaultValue: f });
  };

  const title =
    mode === "create"
      ? t("contracts.form.newTitle")
      : mode === "edit"
        ? t("contracts.form.editTitle", { number: c?.number })
        : t("contracts.amend.title", { number: c?.number });

  const amendment = mode === "amend" && c && (
    <AmendmentFields
      effectiveOn={effectiveOn}
      setEffectiveOn={setEffectiveOn}
      reason={reason}
      setReason={setReason}
      reallocating={reallocating}
      setReallocating={toggleReallocation}
      reallocationError={typeof realloc === "string" ? realloc : null}
      reallocate={reallocate}
      setReallocate={setReallocate}
      errors={amendErrors}
    />
  );

  return (
    <Stack maw={1300}>
      <Anchor component={Link} to={back} size="sm">
        <Group gap={4} wrap="nowrap">
          <IconArrowLeft size={14} />
          {c ? t("contracts.page.back") : t("contracts.list.back")}
        </Group>
      </Anchor>
      <div>
        {c && (
          <Text ff="monospace" c="dimmed" size="sm">
            {c.number}
          </Text>
        )}
        <Title order={2}>{title}</Title>
      </div>
      <ErrorAlert
        error={error}
        onReload={
          error instanceof ApiError && error.code === "CONFLICT"
            ? () => {
                setError(null);
                void contract.refetch().then((r) => r.data && load(r.data));
              }
            : undefined
        }
      />
      {problems.length > 0 && (
        <Alert color="red" title={t("contracts.form.problems", { count: problems.length })} role="alert">
          <List size="sm" spacing={2}>
            {problems.map((p, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the server's list, shown as it came
              <List.Item key={i}>
                <b>{fieldLabel(p.field)}</b>: {p.message}
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
      <form onSubmit={submit} noValidate>
        <ContractFormFields
          form={form}
          mode={mode}
          fixedRate={fixedRate}
          storedBudget={mode === "amend" && reallocating}
          busy={busy}
          submitLabel={
            mode === "create"
              ? t("contracts.form.create")
              : mode === "edit"
                ? t("common.save")
                : t("contracts.amend.submit")
          }
          onCancel={() => void navigate(back)}
          extra={amendment}
        />
      </form>
    </Stack>
  );
}

/**
 * An amendment's re-allocation as the server makes it: per direct-cost line, the fiscal years closed before
 * the effective date keep theirs and the rest of the new total goes over the remaining period by days; a
 * pooled contract's open years are split among the paying parties by their shares so far (the server
 * checks that contributions make each year's total). A message when it cannot be done; null while the
 * dates are incomplete.
 */
function reallocated(
  v: ContractFormValues,
  c: ContractDetail,
  effectiveOn: string,
  totals: Reallocation,
  fixedRate: { rateBp: number; basis: IndirectBasis } | null,
): Pick<ContractFormValues, "budget" | "parties"> | string | null {
  if (!isIsoDate(effectiveOn) || !isIsoDate(v.startDate) || !isIsoDate(v.endDate) || v.endDate < v.startDate)
    return null;
  try {
    const byYear = new Map<number, BudgetValues>();
    for (const k of DIRECT_KINDS)
      for (const r of reallocateFrom({
        current: c.input.budget.map((b) => ({ fiscalYear: b.fiscalYear, amount: b[k] })),
        amendedOn: effectiveOn,
        newTotal: asYen(totals[k]),
        start: v.startDate,
        end: v.endDate,
      })) {
        const row = byYear.get(r.fiscalYear) ?? {
          fiscalYear: r.fiscalYear,
          personnel: 0,
          consumables: 0,
          travel: 0,
          equipment: 0,
          other: 0,
        };
        row[k] = r.amount;
        byYear.set(r.fiscalYear, row);
      }
    const budget = [...byYear.values()].sort((a, b) => a.fiscalYear - b.fiscalYear);
    let parties = v.parties;
    if (isPooledType(v.type) && fixedRate) {
      const closedFy = fiscalYearOf(effectiveOn);
      const paying = v.parties.map((p, i) => ({ p, i })).filter(({ p }) => isPaying(p.role));
      const weights = paying.map(({ p }) =>
        (c.input.parties.find((o) => o.organizationId === p.organizationId)?.contributions ?? []).reduce(
          (a, x) => a + x.amount,
          0,
        ),
      );
      if (paying.length && weights.some((w) => w > 0)) {
        parties = v.parties.map((p) => ({ ...p, contributions: p.contributions.map((x) => ({ ...x })) }));
        for (const y of budget) {
          if (y.fiscalYear < closedFy) continue;
          const direct = DIRECT_KINDS.reduce((a, k) => a + asYen(y[k]), 0);
          const fees = v.members.reduce(
            (a, m) =>
              m.kind === "hosted" ? a + asYen(m.fees.find((f) => f.fiscalYear === y.fiscalYear)?.amount) : a,
            0,
          );
          const total =
            direct + indirectCost(direct, fixedRate.rateBp, fixedRate.basis, Number(v.rateStep)) + fees;
          const parts = splitByWeights(total, weights);
          paying.forEach(({ i }, j) => {
            const list = parties[i]!.contributions;
            const at = list.find((x) => x.fiscalYear === y.fiscalYear);
            if (at) at.amount = parts[j]!;
            else list.push({ fiscalYear: y.fiscalYear, amount: parts[j]! });
          });
        }
      }
    }
    const aligned = syncYears({ ...v, budget, parties }, fiscalYearsOf(v.startDate, v.endDate));
    return { budget: aligned.budget, parties: aligned.parties };
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

/** The amendment's date, reason and optional re-allocation. */
function AmendmentFields(p: {
  effectiveOn: string;
  setEffectiveOn: (v: string) => void;
  reason: string;
  setReason: (v: string) => void;
  reallocating: boolean;
  setReallocating: (v: boolean) => void;
  reallocate: Reallocation;
  setReallocate: (v: Reallocation) => void;
  reallocationError: string | null;
  errors: Record<string, string>;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <Alert color="indigo" variant="light" title={t("contracts.amend.heading")} data-testid="amendment-fields">
      <Stack gap="sm">
        <Text size="sm">{t("contracts.amend.help")}</Text>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput
            type="date"
            label={t("contracts.amend.effectiveOn")}
            withAsterisk
            value={p.effectiveOn}
            onChange={(e) => p.setEffectiveOn(e.currentTarget.value)}
            error={p.errors.effectiveOn}
          />
          <Textarea
            label={t("contracts.amend.reason")}
            withAsterisk
            autosize
            minRows={2}
            value={p.reason}
            onChange={(e) => p.setReason(e.currentTarget.value)}
            error={p.errors.reason}
            style={{ gridColumn: "span 2" }}
          />
        </SimpleGrid>
        <Switch
          label={t("contracts.amend.reallocate")}
          description={t("contracts.amend.reallocateHelp")}
          checked={p.reallocating}
          onChange={(e) => p.setReallocating(e.currentTarget.checked)}
        />
        {p.reallocating && (
          <>
            <SimpleGrid cols={{ base: 2, sm: 5 }}>
              {DIRECT_KINDS.map((k) => (
                <NumberInput
                  key={k}
                  label={t("contracts.amend.newTotal", { line: lbl(DIRECT_KIND_LABELS, k, fmt.locale) })}
                  value={p.reallocate[k]}
                  onChange={(v) => p.setReallocate({ ...p.reallocate, [k]: v })}
                  thousandSeparator=","
                  allowNegative={false}
                  allowDecimal={false}
                  hideControls
                  styles={{ input: { textAlign: "right" } }}
                  error={p.errors[`reallocate.${k}`]}
                />
              ))}
            </SimpleGrid>
            {p.reallocationError && (
              <Text size="sm" c="red" role="alert">
                {p.reallocationError}
              </Text>
            )}
          </>
        )}
      </Stack>
    </Alert>
  );
}
