/**
 * The budget of the contract form: the rate (the institution's table for the start date, a negotiated
 * exception, or the rate fixed at signing), the rounding step and tax, one row per fiscal year with a live
 * preview of direct, indirect, 研究料 and total (shared/budget.ts, as the server computes), the helper that
 * allocates a total over the years by days, and for pooled types the contributions grid (party × year)
 * with a split by weights and a check per year that the contributions make the year's total.
 */
import {
  Alert,
  Anchor,
  Button,
  Group,
  NumberInput,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  Text,
  Textarea,
} from "@mantine/core";
import { IconAlertTriangle, IconCheck } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { DIRECT_KIND_LABELS, DIRECT_KINDS, type DirectKind } from "../../server/modules/contracts/codes";
import {
  allocateToFiscalYears,
  type IndirectBasis,
  indirectCost,
  ROUNDING_STEPS,
  splitByWeights,
} from "../../shared/budget";
import { formatFiscalYear, warekiOfFiscalYear } from "../../shared/dates";
import { asYen, lbl, percent, tableRateOn, toBasisPoints, useRateTable, yen } from "../contracts";
import { useFormat } from "../format";
import {
  type ContractForm,
  errorAt,
  type FormMode,
  isPaying,
  Section,
  SectionError,
} from "./ContractFormModel";

export interface YearPreview {
  fiscalYear: number;
  direct: number;
  indirect: number;
  researchFee: number;
  total: number;
}
export type BudgetPreview = ReturnType<typeof useBudgetPreview>;

const safeIndirect = (direct: number, rate: { rateBp: number; basis: IndirectBasis }, step: number) => {
  try {
    return indirectCost(direct, rate.rateBp, rate.basis, step);
  } catch {
    return 0;
  }
};

/** What the server will store for the form's budget, year by year. */
export function useBudgetPreview(
  form: ContractForm,
  fixedRate: { rateBp: number; basis: IndirectBasis } | null,
) {
  const v = form.values;
  // An amendment keeps the rate fixed at signing: the table is not asked.
  const table = useRateTable(fixedRate ? null : v.institutionId);
  const tableRate = tableRateOn(table.data, v.type, v.startDate);
  let rate: { rateBp: number; basis: IndirectBasis } | null = null;
  let source: "exception" | "fixed" | "table" | "none" = "none";
  if (v.exception) {
    source = "exception";
    const pct = Number(v.exceptionRate);
    if (v.exceptionRate !== "" && Number.isFinite(pct) && pct >= 0)
      rate = { rateBp: toBasisPoints(pct), basis: v.exceptionBasis };
  } else if (fixedRate) {
    source = "fixed";
    rate = fixedRate;
  } else if (tableRate) {
    source = "table";
    rate = { rateBp: tableRate.rate, basis: tableRate.basis };
  }
  const step = Number(v.rateStep) || 1;
  const rows: YearPreview[] = v.budget.map((b) => {
    const direct = DIRECT_KINDS.reduce((a, k) => a + asYen(b[k]), 0);
    const indirect = rate ? safeIndirect(direct, rate, step) : 0;
    const researchFee = v.members.reduce(
      (a, m) =>
        m.kind === "hosted" ? a + asYen(m.fees.find((f) => f.fiscalYear === b.fiscalYear)?.amount) : a,
      0,
    );
    return {
      fiscalYear: b.fiscalYear,
      direct,
      indirect,
      researchFee,
      total: direct + indirect + researchFee,
    };
  });
  const totals = rows.reduce(
    (a, y) => ({
      direct: a.direct + y.direct,
      indirect: a.indirect + y.indirect,
      researchFee: a.researchFee + y.researchFee,
      total: a.total + y.total,
    }),
    { direct: 0, indirect: 0, researchFee: 0, total: 0 },
  );
  return { rate, source, tableRate, tableLoading: table.isLoading, rows, totals };
}

/** A yen input of a table cell: right-aligned, grouped by thousands, whole and not negative. */
/** The head of a budget table by fiscal year: the direct-cost lines, then direct, indirect, 研究料, total. */
export function BudgetTableHead() {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <Table.Thead>
      <Table.Tr>
        <Table.Th>{t("contracts.fiscalYear")}</Table.Th>
        {DIRECT_KINDS.map((k) => (
          <Table.Th key={k} ta="right" className="kyoso-nowrap">
            {lbl(DIRECT_KIND_LABELS, k, fmt.locale)}
          </Table.Th>
        ))}
        {(["direct", "indirect", "researchFee", "total"] as const).map((k) => (
          <Table.Th key={k} ta="right" className="kyoso-nowrap">
            {t(`contracts.${k}`)}
          </Table.Th>
        ))}
      </Table.Tr>
    </Table.Thead>
  );
}

export function YenCell({
  label,
  width = 110,
  right = true,
  ...input
}: {
  label: string;
  /** Flush right in its cell (under a right-aligned heading); false: where it stands. */
  right?: boolean;
  value?: number | string;
  onChange: (v: number | string) => void;
  onFocus?: () => void;
  onBlur?: () => void;
  error?: React.ReactNode;
  disabled?: boolean;
  width?: number;
}) {
  return (
    <NumberInput
      aria-label={label}
      {...input}
      thousandSeparator=","
      allowNegative={false}
      allowDecimal={false}
      hideControls
      size="xs"
      w={width}
      ml={right ? "auto" : undefined}
      styles={{ input: { textAlign: "right" } }}
    />
  );
}

function FyCell({ fy }: { fy: number }) {
  const fmt = useFormat();
  const w = warekiOfFiscalYear(fy);
  // Two short lines (令和8年度 / 2026, FY2026 / Reiwa 8) keep the first column narrow.
  return (
    <Table.Td className="kyoso-nowrap">
      <Text size="sm" fw={600} lh={1.2}>
        {fmt.locale === "ja" ? formatFiscalYear(fy, "ja") : `FY${fy}`}
      </Text>
      <Text size="xs" c="dimmed" lh={1.2}>
        {fmt.locale === "ja" ? `（${fy}）` : `${w.era.en} ${w.year}`}
      </Text>
    </Table.Td>
  );
}

const Num = ({ children, strong }: { children: React.ReactNode; strong?: boolean }) => (
  <Table.Td ta="right" className="kyoso-nowrap" fw={strong ? 700 : undefined}>
    {children}
  </Table.Td>
);

export function ContractBudgetEditor({
  form,
  years,
  preview,
  mode,
  fixedRate,
  storedBudget,
}: {
  form: ContractForm;
  years: number[];
  preview: BudgetPreview;
  mode: FormMode;
  fixedRate: { rateBp: number; basis: IndirectBasis } | null;
  storedBudget: boolean;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const v = form.values;
  const [allocKind, setAllocKind] = useState<DirectKind>("consumables");
  const [allocTotal, setAllocTotal] = useState<number | string>("");
  const fy = (n: number) => formatFiscalYear(n, fmt.locale);
  const basisLabel = (b: string) => t(`contracts.bases.${b}`);
  const allocate = () => {
    const total = asYen(allocTotal);
    if (!years.length || total <= 0) return;
    const parts = allocateToFiscalYears(total, v.startDate, v.endDate);
    form.setFieldValue(
      "budget",
      v.budget.map((b) => ({
        ...b,
        [allocKind]: parts.find((p) => p.fiscalYear === b.fiscalYear)?.amount ?? 0,
      })),
    );
  };
  const columnTotal = (k: DirectKind) => v.budget.reduce((a, b) => a + asYen(b[k]), 0);

  return (
    <Section
      title={t("contracts.form.sectionBudget")}
      help={t("contracts.form.budgetHelp")}
      testId="budget-section"
    >
      <SectionError form={form} field="rate" />
      <SectionError form={form} field="budget" />
      <Paper bg="gray.0" p="sm" mb="sm" radius="sm">
        <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
          <Stack gap={4}>
            <Text size="xs" c="dimmed">
              {t("contracts.rate")}
            </Text>
            {mode === "amend" && fixedRate ? (
              <Text size="sm" data-testid="rate-preview">
                {t("contracts.form.fixedRate", {
                  rate: percent(fixedRate.rateBp),
                  basis: basisLabel(fixedRate.basis),
                })}
              </Text>
            ) : preview.tableRate ? (
              <Text size="sm" data-testid="rate-preview" td={v.exception ? "line-through" : undefined}>
                {t("contracts.form.tableRate", {
                  rate: percent(preview.tableRate.rate),
                  basis: basisLabel(preview.tableRate.basis),
                  from: preview.tableRate.effectiveFrom,
                })}
              </Text>
            ) : (
              <Text size="sm" c={v.startDate ? "orange.8" : "dimmed"} data-testid="rate-preview">
                {preview.tableLoading
                  ? t("common.loading")
                  : v.startDate
                    ? t("contracts.form.noTableRate", { date: v.startDate })
                    : t("contracts.form.rateNeedsStart")}{" "}
                {v.startDate && !preview.tableLoading && (
                  <Anchor component={Link} to="/contracts/settings" size="sm">
                    {t("contracts.form.toRateTable")}
                  </Anchor>
                )}
              </Text>
            )}
            {mode !== "amend" && (
              <Switch
                mt={4}
                label={t("contracts.form.exception")}
                {...form.getInputProps("exception", { type: "checkbox" })}
              />
            )}
          </Stack>
          <Stack gap={4}>
            <Text size="xs" c="dimmed" id="rate-step-label">
              {t("contracts.form.rateStep")}
            </Text>
            <SegmentedControl
              aria-labelledby="rate-step-label"
              data={ROUNDING_STEPS.map((s) => ({ value: String(s), label: yen(s, fmt.locale) }))}
              {...form.getInputProps("rateStep")}
            />
            <Text size="xs" c="dimmed">
              {t("contracts.form.rateStepHelp")}
            </Text>
          </Stack>
          <Stack gap={4}>
            <Text size="xs" c="dimmed" id="tax-label">
              {t("contracts.tax")}
            </Text>
            <SegmentedControl
              aria-labelledby="tax-label"
              data={[
                { value: "standard", label: t("contracts.taxStandard") },
                { value: "exempt", label: t("contracts.taxExempt") },
              ]}
              {...form.getInputProps("tax")}
            />
            {form.errors.tax && (
              <Text size="xs" c="red">
                {form.errors.tax}
              </Text>
            )}
          </Stack>
        </SimpleGrid>
        {v.exception && mode !== "amend" && (
          <Alert color="yellow" mt="sm" p="sm" title={t("contracts.form.exceptionTitle")}>
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <NumberInput
                label={t("contracts.form.exceptionRate")}
                suffix="%"
                min={0}
                max={1000}
                decimalScale={2}
                allowNegative={false}
                withAsterisk
                {...form.getInputProps("exceptionRate")}
              />
              <Select
                label={t("contracts.basis")}
                data={(["direct", "total"] as const).map((b) => ({ value: b, label: basisLabel(b) }))}
                allowDeselect={false}
                {...form.getInputProps("exceptionBasis")}
              />
              <Textarea
                label={t("contracts.form.exceptionReason")}
                description={t("contracts.form.exceptionReasonHelp")}
                withAsterisk
                autosize
                minRows={1}
                {...form.getInputProps("exceptionReason")}
              />
            </SimpleGrid>
          </Alert>
        )}
      </Paper>

      {storedBudget && (
        <Alert color="blue" mb="sm" p="xs">
          <Text size="sm">{t("contracts.amend.budgetReplaced")}</Text>
        </Alert>
      )}
      {years.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("contracts.form.budgetNeedsPeriod")}
        </Text>
      ) : (
        <>
          <Table.ScrollContainer minWidth={1080}>
            <Table verticalSpacing={6} horizontalSpacing={6} data-testid="budget-table">
              <BudgetTableHead />
              <Table.Tbody>
                {v.budget.map((b, i) => {
                  const p = preview.rows[i];
                  const rowError = errorAt(form, `budget.${i}.fiscalYear`, `budget.${i}`);
                  return (
                    <Table.Tr key={b.fiscalYear} data-testid={`budget-row-${b.fiscalYear}`}>
                      <FyCell fy={b.fiscalYear} />
                      {DIRECT_KINDS.map((k) =>
                        storedBudget ? (
                          // Re-allocated by the amendment: shown, not typed.
                          <Num key={k}>{yen(asYen(b[k]), fmt.locale)}</Num>
                        ) : (
                          <Table.Td key={k} style={{ verticalAlign: "top" }}>
                            <YenCell
                              label={`${fy(b.fiscalYear)} ${lbl(DIRECT_KIND_LABELS, k, fmt.locale)}`}
                              {...form.getInputProps(`budget.${i}.${k}`)}
                            />
                          </Table.Td>
                        ),
                      )}
                      <Num>{yen(p?.direct ?? 0, fmt.locale)}</Num>
                      <Num>
                        <span data-testid={`indirect-${b.fiscalYear}`}>
                          {preview.rate ? yen(p?.indirect ?? 0, fmt.locale) : "—"}
                        </span>
                      </Num>
                      <Num>{yen(p?.researchFee ?? 0, fmt.locale)}</Num>
                      <Num strong>
                        <span data-testid={`total-${b.fiscalYear}`}>{yen(p?.total ?? 0, fmt.locale)}</span>
                        {rowError && (
                          <Text size="xs" c="red" ta="left" style={{ whiteSpace: "normal" }}>
                            {rowError}
                          </Text>
                        )}
                      </Num>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
              <Table.Tfoot>
                <Table.Tr bg="gray.0">
                  <Table.Th>{t("contracts.sum")}</Table.Th>
                  {DIRECT_KINDS.map((k) => (
                    <Table.Th key={k} ta="right" className="kyoso-nowrap" pr={14}>
                      {yen(columnTotal(k), fmt.locale)}
                    </Table.Th>
                  ))}
                  <Table.Th ta="right" className="kyoso-nowrap">
                    {yen(preview.totals.direct, fmt.locale)}
                  </Table.Th>
                  <Table.Th ta="right" className="kyoso-nowrap" data-testid="indirect-total">
                    {preview.rate ? yen(preview.totals.indirect, fmt.locale) : "—"}
                  </Table.Th>
                  <Table.Th ta="right" className="kyoso-nowrap">
                    {yen(preview.totals.researchFee, fmt.locale)}
                  </Table.Th>
                  <Table.Th ta="right" className="kyoso-nowrap" data-testid="grand-total">
                    {yen(preview.totals.total, fmt.locale)}
                  </Table.Th>
                </Table.Tr>
              </Table.Tfoot>
            </Table>
          </Table.ScrollContainer>
          {!storedBudget && (
            <Paper withBorder p="xs" mt="sm" radius="sm">
              <Group gap="xs" align="flex-end" wrap="wrap">
                <Select
                  label={t("contracts.form.allocateLine")}
                  data={DIRECT_KINDS.map((k) => ({
                    value: k,
                    label: lbl(DIRECT_KIND_LABELS, k, fmt.locale),
                  }))}
                  value={allocKind}
                  onChange={(k) => k && setAllocKind(k as DirectKind)}
                  allowDeselect={false}
                  size="xs"
                  w={150}
                />
                <NumberInput
                  label={t("contracts.form.allocateTotal")}
                  value={allocTotal}
                  onChange={setAllocTotal}
                  thousandSeparator=","
                  allowNegative={false}
                  allowDecimal={false}
                  hideControls
                  suffix={fmt.locale === "ja" ? "円" : undefined}
                  prefix={fmt.locale === "en" ? "¥" : undefined}
                  size="xs"
                  w={200}
                  styles={{ input: { textAlign: "right" } }}
                />
                <Button size="xs" variant="light" onClick={allocate} disabled={asYen(allocTotal) <= 0}>
                  {t("contracts.form.allocate")}
                </Button>
                <Text size="xs" c="dimmed" style={{ flex: "1 1 240px" }}>
                  {t("contracts.form.allocateHelp")}
                </Text>
              </Group>
            </Paper>
          )}
        </>
      )}
    </Section>
  );
}

export function ContractContributionsEditor({
  form,
  years,
  preview,
}: {
  form: ContractForm;
  years: number[];
  preview: BudgetPreview;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const v = form.values;
  const [weights, setWeights] = useState<Record<string, number | string>>({});
  const [splitError, setSplitError] = useState<string | null>(null);
  const paying = v.parties.map((p, i) => ({ p, i })).filter(({ p }) => isPaying(p.role));
  const fy = (n: number) => formatFiscalYear(n, fmt.locale);
  const weightOf = (key: string) => asYen(weights[key] ?? 1);
  const sumOf = (fiscalYear: number) =>
    paying.reduce(
      (a, { p }) => a + asYen(p.contributions.find((c) => c.fiscalYear === fiscalYear)?.amount),
      0,
    );
  const split = () => {
    setSplitError(null);
    const w = paying.map(({ p }) => weightOf(p.key));
    if (!paying.length || w.every((x) => x === 0)) {
      setSplitError(t("contracts.form.splitNeedsWeights"));
      return;
    }
    const next = v.parties.map((p) => ({ ...p, contributions: p.contributions.map((c) => ({ ...c })) }));
    for (const y of preview.rows) {
      const parts = splitByWeights(y.total, w);
      paying.forEach(({ i }, j) => {
        const c = next[i]!.contributions.find((x) => x.fiscalYear === y.fiscalYear);
        if (c) c.amount = parts[j]!;
      });
    }
    form.setFieldValue("parties", next);
  };

  return (
    <Section
      title={t("contracts.form.sectionContributions")}
      help={t("contracts.form.contributionsHelp")}
      testId="contributions-section"
    >
      <SectionError form={form} field="parties" />
      {!paying.length || !years.length ? (
        <Text size="sm" c="dimmed">
          {t("contracts.form.contributionsNeed")}
        </Text>
      ) : (
        <>
          <Table.ScrollContainer minWidth={300 + years.length * 140}>
            <Table verticalSpacing={6} horizontalSpacing={6} data-testid="contributions-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("contracts.party")}</Table.Th>
                  <Table.Th ta="right" className="kyoso-nowrap">
                    {t("contracts.form.weight")}
                  </Table.Th>
                  {years.map((y) => (
                    <Table.Th key={y} ta="right" className="kyoso-nowrap">
                      {fy(y)}
                    </Table.Th>
                  ))}
                  <Table.Th ta="right">{t("contracts.sum")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {paying.map(({ p, i }) => (
                  <Table.Tr key={p.key}>
                    <Table.Td miw={180}>
                      <Text size="sm">
                        {p.organizationName || t("contracts.form.partyNotChosen", { n: i + 1 })}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <NumberInput
                        aria-label={t("contracts.form.weightOf", { name: p.organizationName || i + 1 })}
                        value={weights[p.key] ?? 1}
                        onChange={(x) => setWeights((w) => ({ ...w, [p.key]: x }))}
                        allowNegative={false}
                        allowDecimal={false}
                        hideControls
                        size="xs"
                        w={70}
                        ml="auto"
                        styles={{ input: { textAlign: "right" } }}
                      />
                    </Table.Td>
                    {p.contributions.map((c, j) => (
                      <Table.Td key={c.fiscalYear} style={{ verticalAlign: "top" }}>
                        <YenCell
                          label={`${p.organizationName || i + 1} ${fy(c.fiscalYear)}`}
                          {...form.getInputProps(`parties.${i}.contributions.${j}.amount`)}
                          error={errorAt(
                            form,
                            `parties.${i}.contributions.${j}.amount`,
                            `parties.${i}.contributions.${j}`,
                            `parties.${i}.contributions.${j}.fiscalYear`,
                          )}
                        />
                      </Table.Td>
                    ))}
                    <Num>
                      {yen(
                        p.contributions.reduce((a, c) => a + asYen(c.amount), 0),
                        fmt.locale,
                      )}
                    </Num>
                  </Table.Tr>
                ))}
              </Table.Tbody>
              <Table.Tfoot>
                <Table.Tr bg="gray.0">
                  <Table.Th colSpan={2}>{t("contracts.form.contributionsSum")}</Table.Th>
                  {years.map((y) => (
                    <Table.Th key={y} ta="right" className="kyoso-nowrap" pr={14}>
                      {yen(sumOf(y), fmt.locale)}
                    </Table.Th>
                  ))}
                  <Table.Th ta="right" className="kyoso-nowrap">
                    {yen(
                      years.reduce((a, y) => a + sumOf(y), 0),
                      fmt.locale,
                    )}
                  </Table.Th>
                </Table.Tr>
                <Table.Tr>
                  <Table.Th colSpan={2}>{t("contracts.form.yearTotal")}</Table.Th>
                  {years.map((y) => (
                    <Table.Th key={y} ta="right" className="kyoso-nowrap" pr={14}>
                      {yen(preview.rows.find((r) => r.fiscalYear === y)?.total ?? 0, fmt.locale)}
                    </Table.Th>
                  ))}
                  <Table.Th ta="right" className="kyoso-nowrap">
                    {yen(preview.totals.total, fmt.locale)}
                  </Table.Th>
                </Table.Tr>
                <Table.Tr>
                  <Table.Th colSpan={2}>{t("contracts.form.check")}</Table.Th>
                  {years.map((y) => {
                    const diff = sumOf(y) - (preview.rows.find((r) => r.fiscalYear === y)?.total ?? 0);
                    return (
                      <Table.Th key={y} ta="right" pr={14} data-testid={`contribution-check-${y}`}>
                        {diff === 0 ? (
                          <Group gap={4} justify="flex-end" wrap="nowrap" c="teal.8">
                            <IconCheck size={14} />
                            <Text size="xs" fw={600}>
                              {t("contracts.form.matches")}
                            </Text>
                          </Group>
                        ) : (
                          <Group gap={4} justify="flex-end" wrap="nowrap" c="red.7">
                            <IconAlertTriangle size={14} />
                            <Text size="xs" fw={600} className="kyoso-nowrap">
                              {diff > 0
                                ? t("contracts.form.over", { amount: yen(diff, fmt.locale) })
                                : t("contracts.form.short", { amount: yen(-diff, fmt.locale) })}
                            </Text>
                          </Group>
                        )}
                      </Table.Th>
                    );
                  })}
                  <Table.Th />
                </Table.Tr>
              </Table.Tfoot>
            </Table>
          </Table.ScrollContainer>
          <Group gap="xs" mt="sm">
            <Button size="xs" variant="light" onClick={split}>
              {t("contracts.form.split")}
            </Button>
            <Text size="xs" c="dimmed">
              {t("contracts.form.splitHelp")}
            </Text>
          </Group>
          {splitError && (
            <Text size="xs" c="red" mt={4}>
              {splitError}
            </Text>
          )}
        </>
      )}
    </Section>
  );
}
