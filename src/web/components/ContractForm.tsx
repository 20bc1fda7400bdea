/**
 * The contract form: one form for a new contract, an edit before signing and the content of an amendment
 * (変更契約). Sections with headings (the contract, parties, researchers, budget, contributions of pooled
 * types, terms) and a bar that keeps the totals and the save button in view. The budget preview computes
 * with the same functions as the server (shared/budget.ts), so what it shows is what will be stored.
 */
import {
  Badge,
  Button,
  Grid,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { type ReactNode, useEffect } from "react";
import { useTranslation } from "react-i18next";
import { CONTRACT_TYPE_LABELS, CONTRACT_TYPES, isPooledType } from "../../server/modules/contracts/codes";
import type { IndirectBasis } from "../../shared/budget";
import { formatFiscalYear } from "../../shared/dates";
import { fiscalYearsOf, institutionLabel, lbl, useHandledInstitutions, yen } from "../contracts";
import { useFormat } from "../format";
import { ContractBudgetEditor, ContractContributionsEditor, useBudgetPreview } from "./ContractBudgetEditor";
import { type ContractForm, type FormMode, Section, SectionError, syncYears } from "./ContractFormModel";
import { ContractMembersEditor, ContractPartiesEditor } from "./ContractPartiesEditor";

export function ContractFormFields({
  form,
  mode,
  fixedRate,
  storedBudget,
  busy,
  submitLabel,
  onCancel,
  extra,
}: {
  form: ContractForm;
  mode: FormMode;
  /** Amendments: the rate fixed at signing. */
  fixedRate?: { rateBp: number; basis: IndirectBasis } | null;
  /** Amendments with re-allocation: the server replaces the budget rows. */
  storedBudget?: boolean;
  busy: boolean;
  submitLabel: string;
  onCancel: () => void;
  /** Fields before the contract's own (the amendment's date, reason and re-allocation). */
  extra?: ReactNode;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const v = form.values;
  const institutions = useHandledInstitutions();
  const years = fiscalYearsOf(v.startDate, v.endDate);
  const yearsKey = years.join(",");
  // The period decides the fiscal years: rows, contributions and fees follow it (amounts of kept years stay).
  // biome-ignore lint/correctness/useExhaustiveDependencies: only when the years change
  useEffect(() => {
    if (years.length) form.setValues(syncYears(form.getValues(), years));
  }, [yearsKey]);
  const preview = useBudgetPreview(form, fixedRate ?? null);
  const amend = mode === "amend";
  const institutionOptions = institutions.data.map((i) => ({
    value: i.id,
    label: institutionLabel(i, fmt.locale),
  }));
  // A contract of an institution one handles only as a participant (amendments): its name all the same.
  if (v.institutionId && !institutionOptions.some((o) => o.value === v.institutionId)) {
    const known = institutions.all.find((i) => i.id === v.institutionId);
    institutionOptions.unshift({
      value: v.institutionId,
      label: known ? institutionLabel(known, fmt.locale) : v.institutionId,
    });
  }

  return (
    <Stack pb={90}>
      {extra}
      <Section title={t("contracts.form.sectionContract")}>
        <SectionError form={form} field="institutionId" />
        <Grid>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            {amend ? (
              <TextInput
                label={t("contracts.type")}
                value={lbl(CONTRACT_TYPE_LABELS, v.type, fmt.locale)}
                readOnly
              />
            ) : (
              <Select
                label={t("contracts.type")}
                data={CONTRACT_TYPES.map((c) => ({
                  value: c,
                  label: lbl(CONTRACT_TYPE_LABELS, c, fmt.locale),
                }))}
                allowDeselect={false}
                withAsterisk
                {...form.getInputProps("type")}
              />
            )}
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <Select
              label={t("contracts.institution")}
              description={t("contracts.form.institutionHelp")}
              data={institutionOptions}
              searchable
              allowDeselect={false}
              withAsterisk
              readOnly={amend}
              {...form.getInputProps("institutionId")}
            />
          </Grid.Col>
          <Grid.Col span={12}>
            <TextInput
              label={t("contracts.title")}
              withAsterisk
              maxLength={300}
              {...form.getInputProps("title")}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 8 }}>
            <Textarea
              label={t("contracts.purpose")}
              autosize
              minRows={3}
              maxRows={8}
              {...form.getInputProps("purpose")}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 4 }}>
            <Textarea label={t("contracts.place")} autosize minRows={3} {...form.getInputProps("place")} />
          </Grid.Col>
          <Grid.Col span={{ base: 6, sm: 3 }}>
            <TextInput
              type="date"
              label={t("contracts.startDate")}
              withAsterisk
              {...form.getInputProps("startDate")}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 6, sm: 3 }}>
            <TextInput
              type="date"
              label={t("contracts.endDate")}
              withAsterisk
              {...form.getInputProps("endDate")}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <Text size="xs" c="dimmed" mt={{ sm: 28 }}>
              {years.length
                ? t("contracts.form.periodYears", {
                    years: years.map((fy) => formatFiscalYear(fy, fmt.locale)).join("・"),
                  })
                : t("contracts.form.periodHelp")}
            </Text>
          </Grid.Col>
        </Grid>
      </Section>

      <ContractPartiesEditor form={form} years={years} />
      <ContractMembersEditor form={form} years={years} />
      <ContractBudgetEditor
        form={form}
        years={years}
        preview={preview}
        mode={mode}
        fixedRate={fixedRate ?? null}
        storedBudget={storedBudget ?? false}
      />
      {isPooledType(v.type) && <ContractContributionsEditor form={form} years={years} preview={preview} />}

      <Section title={t("contracts.form.sectionTerms")} help={t("contracts.form.termsHelp")}>
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <Textarea label={t("contracts.ipTerms")} autosize minRows={2} {...form.getInputProps("ipTerms")} />
          <Textarea
            label={t("contracts.confidentialityTerms")}
            autosize
            minRows={2}
            {...form.getInputProps("confidentialityTerms")}
          />
          <Textarea
            label={t("contracts.publicationTerms")}
            autosize
            minRows={2}
            {...form.getInputProps("publicationTerms")}
          />
          <Textarea
            label={t("contracts.equipmentTerms")}
            autosize
            minRows={2}
            {...form.getInputProps("equipmentTerms")}
          />
          <Textarea
            label={t("contracts.steeringCommittee")}
            description={t("contracts.form.steeringHelp")}
            autosize
            minRows={2}
            {...form.getInputProps("steeringCommittee")}
          />
        </SimpleGrid>
      </Section>

      <Paper
        withBorder
        shadow="md"
        p="sm"
        style={{ position: "sticky", bottom: 8, zIndex: 5 }}
        data-testid="form-totals"
      >
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Group gap="lg" wrap="wrap">
            <Total label={t("contracts.direct")} value={yen(preview.totals.direct, fmt.locale)} />
            <Total
              label={t("contracts.indirect")}
              value={preview.rate ? yen(preview.totals.indirect, fmt.locale) : t("contracts.form.noRate")}
            />
            <Total label={t("contracts.researchFee")} value={yen(preview.totals.researchFee, fmt.locale)} />
            <Total label={t("contracts.total")} value={yen(preview.totals.total, fmt.locale)} strong />
            {preview.rate && (
              <Badge variant="light" color={v.exception ? "yellow" : "gray"}>
                {t("contracts.form.rateBadge", {
                  rate: `${preview.rate.rateBp / 100}%`,
                  basis: t(`contracts.bases.${preview.rate.basis}`),
                })}
              </Badge>
            )}
          </Group>
          <Group gap="xs">
            <Button variant="default" onClick={onCancel}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={busy}>
              {submitLabel}
            </Button>
          </Group>
        </Group>
      </Paper>
    </Stack>
  );
}

function Total({ label, value, strong }: { label: string; value: string; strong?: boolean }) {
  return (
    <div>
      <Text size="xs" c="dimmed" lh={1.2}>
        {label}
      </Text>
      <Text size={strong ? "md" : "sm"} fw={strong ? 700 : 500} className="kyoso-nowrap" lh={1.3}>
        {value}
      </Text>
    </div>
  );
}
