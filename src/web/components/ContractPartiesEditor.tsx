/**
 * Parties and researchers of the contract form: rows to add and remove. A party is an organisation with
 * its role and the address its invoices go to; a researcher is the PI or a researcher from the catalogue,
 * or a hosted company researcher (民間等共同研究員) by name and company with 研究料 per fiscal year.
 */
import { ActionIcon, Button, Grid, Group, Paper, Select, Stack, Text, TextInput } from "@mantine/core";
import { IconPlus, IconTrash } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import {
  isPooledType,
  MEMBER_KIND_LABELS,
  MEMBER_KINDS,
  type MemberKind,
  PARTY_ROLE_LABELS,
  PARTY_ROLES,
  type PartyRole,
} from "../../server/modules/contracts/codes";
import { formatFiscalYear } from "../../shared/dates";
import { INSTITUTION_TYPES } from "../../shared/roles";
import { asYen, lbl, yen } from "../contracts";
import { useFormat } from "../format";
import { YenCell } from "./ContractBudgetEditor";
import {
  type ContractForm,
  emptyMember,
  emptyParty,
  errorAt,
  isPaying,
  Section,
  SectionError,
} from "./ContractFormModel";
import { OrganizationSelect, ResearcherSelect } from "./ContractPickers";

/** Who pays: companies and public bodies (and the partners that sometimes sponsor research). */
const PAYER_TYPES = ["company", "public_body", "municipality", "bank", "shinkin", "chamber"] as const;

export function ContractPartiesEditor({ form, years }: { form: ContractForm; years: number[] }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const v = form.values;
  const pooled = isPooledType(v.type);
  const setRole = (i: number, role: PartyRole) => {
    const was = v.parties[i]!;
    const institution = (r: string) => !isPaying(r);
    form.setFieldValue(`parties.${i}.role`, role);
    // A change between institution and payer asks for another organisation.
    if (institution(role) !== institution(was.role)) {
      form.setFieldValue(`parties.${i}.organizationId`, "");
      form.setFieldValue(`parties.${i}.organizationName`, "");
    }
  };
  return (
    <Section
      title={t("contracts.form.sectionParties")}
      help={t("contracts.form.partiesHelp")}
      testId="parties-section"
      right={
        <Group gap="xs">
          <Button
            size="xs"
            variant="light"
            leftSection={<IconPlus size={14} />}
            onClick={() => form.insertListItem("parties", emptyParty(pooled ? "member" : "sponsor", years))}
          >
            {t("contracts.form.addPayer")}
          </Button>
          <Button
            size="xs"
            variant="default"
            leftSection={<IconPlus size={14} />}
            onClick={() => form.insertListItem("parties", emptyParty("participating_institution", years))}
          >
            {t("contracts.form.addInstitution")}
          </Button>
        </Group>
      }
    >
      {!pooled && <SectionError form={form} field="parties" />}
      <Stack gap="sm">
        {v.parties.length === 0 && (
          <Text size="sm" c="dimmed">
            {t("contracts.form.noParties")}
          </Text>
        )}
        {v.parties.map((p, i) => {
          const lead = p.role === "lead_institution";
          return (
            <Paper key={p.key} withBorder p="sm" radius="sm" data-testid={`party-${i}`}>
              <Group justify="space-between" mb={6} wrap="nowrap">
                <Text size="sm" fw={700}>
                  {t("contracts.form.partyN", { n: i + 1 })}
                </Text>
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={t("contracts.form.removeParty", { n: i + 1 })}
                  onClick={() => form.removeListItem("parties", i)}
                >
                  <IconTrash size={16} />
                </ActionIcon>
              </Group>
              {errorAt(form, `parties.${i}`) && (
                <Text size="xs" c="red" mb={4}>
                  {errorAt(form, `parties.${i}`)}
                </Text>
              )}
              <Grid gutter="xs">
                <Grid.Col span={{ base: 12, sm: 4 }}>
                  <Select
                    label={t("contracts.role")}
                    data={PARTY_ROLES.map((r) => ({
                      value: r,
                      label: lbl(PARTY_ROLE_LABELS, r, fmt.locale),
                    }))}
                    value={p.role}
                    onChange={(r) => r && setRole(i, r as PartyRole)}
                    allowDeselect={false}
                    error={form.errors[`parties.${i}.role`]}
                  />
                </Grid.Col>
                <Grid.Col span={{ base: 12, sm: 8 }}>
                  <OrganizationSelect
                    label={t("contracts.organization")}
                    types={isPaying(p.role) ? PAYER_TYPES : INSTITUTION_TYPES}
                    value={p.organizationId}
                    valueLabel={p.organizationName}
                    onChange={(id, name) => {
                      form.setFieldValue(`parties.${i}.organizationId`, id);
                      form.setFieldValue(`parties.${i}.organizationName`, name);
                    }}
                    error={form.errors[`parties.${i}.organizationId`]}
                    withAsterisk
                    data-testid={`party-${i}-organization`}
                  />
                </Grid.Col>
                {!lead && (
                  <>
                    <Grid.Col span={{ base: 12, sm: 4 }}>
                      <TextInput
                        label={t("contracts.department")}
                        {...form.getInputProps(`parties.${i}.department`)}
                      />
                    </Grid.Col>
                    <Grid.Col span={{ base: 12, sm: 4 }}>
                      <TextInput
                        label={t("contracts.contactName")}
                        {...form.getInputProps(`parties.${i}.contactName`)}
                      />
                    </Grid.Col>
                    <Grid.Col span={{ base: 12, sm: 4 }}>
                      <TextInput
                        type="email"
                        label={t("contracts.contactEmail")}
                        {...form.getInputProps(`parties.${i}.contactEmail`)}
                      />
                    </Grid.Col>
                    <Grid.Col span={{ base: 12, sm: 3 }}>
                      <TextInput
                        label={t("contracts.postalCode")}
                        placeholder="000-0000"
                        {...form.getInputProps(`parties.${i}.postalCode`)}
                      />
                    </Grid.Col>
                    <Grid.Col span={{ base: 12, sm: 9 }}>
                      <TextInput
                        label={t("contracts.address")}
                        description={isPaying(p.role) ? t("contracts.form.addressHelp") : undefined}
                        {...form.getInputProps(`parties.${i}.address`)}
                      />
                    </Grid.Col>
                  </>
                )}
              </Grid>
            </Paper>
          );
        })}
      </Stack>
    </Section>
  );
}

export function ContractMembersEditor({ form, years }: { form: ContractForm; years: number[] }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const v = form.values;
  const hasPi = v.members.some((m) => m.kind === "pi");
  const add = (kind: MemberKind) => form.insertListItem("members", emptyMember(kind, years));
  return (
    <Section
      title={t("contracts.form.sectionMembers")}
      help={t("contracts.form.membersHelp")}
      testId="members-section"
      right={
        <Group gap="xs">
          {!hasPi && (
            <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={() => add("pi")}>
              {t("contracts.form.addPi")}
            </Button>
          )}
          <Button
            size="xs"
            variant="default"
            leftSection={<IconPlus size={14} />}
            onClick={() => add("researcher")}
          >
            {t("contracts.form.addResearcher")}
          </Button>
          <Button
            size="xs"
            variant="default"
            leftSection={<IconPlus size={14} />}
            onClick={() => add("hosted")}
          >
            {t("contracts.form.addHosted")}
          </Button>
        </Group>
      }
    >
      <SectionError form={form} field="members" />
      <Stack gap="sm">
        {v.members.length === 0 && (
          <Text size="sm" c="dimmed">
            {t("contracts.form.noMembers")}
          </Text>
        )}
        {v.members.map((m, i) => {
          const hosted = m.kind === "hosted";
          return (
            <Paper key={m.key} withBorder p="sm" radius="sm" data-testid={`member-${i}`}>
              <Grid gutter="xs" align="flex-start">
                <Grid.Col span={{ base: 12, sm: 3 }}>
                  <Select
                    label={t("contracts.memberKind")}
                    data={MEMBER_KINDS.map((k) => ({
                      value: k,
                      label: lbl(MEMBER_KIND_LABELS, k, fmt.locale),
                    }))}
                    value={m.kind}
                    onChange={(k) => k && form.setFieldValue(`members.${i}.kind`, k as MemberKind)}
                    allowDeselect={false}
                    error={form.errors[`members.${i}.kind`]}
                  />
                </Grid.Col>
                {hosted ? (
                  <>
                    <Grid.Col span={{ base: 12, sm: 3 }}>
                      <TextInput
                        label={t("contracts.form.hostedName")}
                        withAsterisk
                        {...form.getInputProps(`members.${i}.name`)}
                      />
                    </Grid.Col>
                    <Grid.Col span={{ base: 12, sm: 5 }}>
                      <OrganizationSelect
                        label={t("contracts.form.hostedCompany")}
                        types={PAYER_TYPES}
                        value={m.organizationId}
                        valueLabel={m.organizationName}
                        onChange={(id, name) => {
                          form.setFieldValue(`members.${i}.organizationId`, id);
                          form.setFieldValue(`members.${i}.organizationName`, name);
                        }}
                        error={form.errors[`members.${i}.organizationId`]}
                      />
                    </Grid.Col>
                  </>
                ) : (
                  <Grid.Col span={{ base: 12, sm: 8 }}>
                    <ResearcherSelect
                      label={lbl(MEMBER_KIND_LABELS, m.kind, fmt.locale)}
                      institutionId={v.institutionId}
                      value={m.researcherId}
                      valueLabel={m.researcherLabel}
                      onChange={(id, label) => {
                        form.setFieldValue(`members.${i}.researcherId`, id);
                        form.setFieldValue(`members.${i}.researcherLabel`, label);
                      }}
                      error={errorAt(form, `members.${i}.researcherId`, `members.${i}.name`)}
                      withAsterisk
                    />
                  </Grid.Col>
                )}
                <Grid.Col span={{ base: 12, sm: 1 }}>
                  <Group justify="flex-end" mt={{ sm: 26 }}>
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={t("contracts.form.removeMember", { n: i + 1 })}
                      onClick={() => form.removeListItem("members", i)}
                    >
                      <IconTrash size={16} />
                    </ActionIcon>
                  </Group>
                </Grid.Col>
                <Grid.Col span={12}>
                  <TextInput
                    label={t("contracts.task")}
                    placeholder={t("contracts.form.taskPlaceholder")}
                    {...form.getInputProps(`members.${i}.task`)}
                  />
                </Grid.Col>
                {hosted && (
                  <Grid.Col span={12}>
                    <Text size="xs" c="dimmed" mb={4}>
                      {t("contracts.form.feesHelp")}
                    </Text>
                    {years.length === 0 ? (
                      <Text size="xs" c="dimmed">
                        {t("contracts.form.budgetNeedsPeriod")}
                      </Text>
                    ) : (
                      <Group gap="sm" align="flex-start">
                        {m.fees.map((f, j) => (
                          <Stack key={f.fiscalYear} gap={2}>
                            <Text size="xs">{formatFiscalYear(f.fiscalYear, fmt.locale)}</Text>
                            <YenCell
                              right={false}
                              label={`${t("contracts.researchFee")} ${formatFiscalYear(f.fiscalYear, fmt.locale)}`}
                              {...form.getInputProps(`members.${i}.fees.${j}.amount`)}
                              error={errorAt(
                                form,
                                `members.${i}.fees.${j}.amount`,
                                `members.${i}.fees.${j}`,
                                `members.${i}.fees.${j}.fiscalYear`,
                              )}
                            />
                          </Stack>
                        ))}
                        <Stack gap={2}>
                          <Text size="xs">{t("contracts.sum")}</Text>
                          <Text size="sm" pt={4} className="kyoso-nowrap">
                            {yen(
                              m.fees.reduce((a, f) => a + asYen(f.amount), 0),
                              fmt.locale,
                            )}
                          </Text>
                        </Stack>
                      </Group>
                    )}
                  </Grid.Col>
                )}
              </Grid>
            </Paper>
          );
        })}
      </Stack>
    </Section>
  );
}
