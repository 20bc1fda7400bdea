import { Card, Checkbox, Radio, Select, SimpleGrid, Stack, Text, TextInput, Title } from "@mantine/core";
import type { UseFormReturnType } from "@mantine/form";
import { useDebouncedValue } from "@mantine/hooks";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { NEED_CONFIDENTIALITIES, type NeedConfidentiality } from "../../server/modules/needs/codes";
import { PARTNER_TYPES } from "../../shared/roles";
import { useFormat } from "../format";
import { useOrganizationOptions } from "../queries";
import type { NeedFormMode, NeedFormValues } from "./NeedForm";

/** A registered organisation of some types, searched by name on the server. */
export function OrganizationPicker({
  label,
  description,
  types,
  value,
  onChange,
  error,
}: {
  label: string;
  description?: string;
  types: readonly string[];
  value: string | null;
  onChange: (v: string | null) => void;
  error?: ReactNode;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [search, setSearch] = useState("");
  const [debounced] = useDebouncedValue(search, 250);
  const orgs = useOrganizationOptions(types, debounced);
  return (
    <Select
      label={label}
      description={description}
      placeholder={t("needForm.searchOrganization")}
      data={(orgs.data?.items ?? []).map((o) => ({ value: o.id, label: fmt.orgName(o) }))}
      value={value}
      onChange={onChange}
      searchable
      clearable
      onSearchChange={setSearch}
      filter={({ options }) => options}
      nothingFoundMessage={t("org.noResults")}
      error={error}
    />
  );
}

/** Who may read the need, in plain words; NDA before the full text; anonymous until agreeing to be named. */
export function ConfidentialityCard({ form }: { form: UseFormReturnType<NeedFormValues> }) {
  const { t } = useTranslation();
  return (
    <Card withBorder>
      <Stack>
        <Title order={3} size="h4">
          {t("needForm.sectionConfidentiality")}
        </Title>
        <Text size="sm">{t("needForm.confidentialityIntro")}</Text>
        <Radio.Group
          label={t("needForm.whoMayRead")}
          {...form.getInputProps("confidentiality")}
          onChange={(v) => form.setFieldValue("confidentiality", v as NeedConfidentiality)}
        >
          <Stack gap="sm" mt="xs">
            {NEED_CONFIDENTIALITIES.map((c) => (
              <Radio
                key={c}
                value={c}
                label={t(`need.confidentialities.${c}`)}
                description={t(`needForm.confidentialityHelp.${c}`)}
              />
            ))}
          </Stack>
        </Radio.Group>
        <Checkbox
          label={t("needForm.ndaRequired")}
          description={t("needForm.ndaRequiredHelp")}
          {...form.getInputProps("ndaRequired", { type: "checkbox" })}
        />
        <Checkbox
          label={t("needForm.anonymous")}
          description={t("needForm.anonymousHelp")}
          {...form.getInputProps("anonymousUntilAgreed", { type: "checkbox" })}
        />
      </Stack>
    </Card>
  );
}

/** The company and contact (the client, for a referral) and, for partners and staff, the referral. */
export function PartiesCards({
  mode,
  form,
  ownOrg,
}: {
  mode: NeedFormMode;
  form: UseFormReturnType<NeedFormValues>;
  /** The signed-in user's organisation (the company, or the referring partner). */
  ownOrg: string;
}) {
  const { t } = useTranslation();
  return (
    <>
      <Card withBorder>
        <Stack>
          <Title order={3} size="h4">
            {mode === "partner" ? t("needForm.sectionClient") : t("needForm.sectionCompany")}
          </Title>
          {mode === "company" ? (
            <div>
              <Text size="sm" fw={500}>
                {t("needForm.yourCompany")}
              </Text>
              <Text fw={700}>{ownOrg}</Text>
              <Text size="xs" c="dimmed">
                {t("needForm.yourCompanyHint")} {t("needForm.contactFromAccount")}
              </Text>
            </div>
          ) : (
            <>
              {mode === "staff" && (
                <OrganizationPicker
                  label={t("needForm.companyOrganization")}
                  description={t("needForm.companyOrganizationHint")}
                  types={["company"]}
                  value={form.values.companyOrganizationId}
                  onChange={(v) => form.setFieldValue("companyOrganizationId", v)}
                  error={form.errors.companyOrganizationId}
                />
              )}
              <TextInput
                label={mode === "partner" ? t("needForm.clientName") : t("needForm.organizationName")}
                required={mode !== "staff" || !form.values.companyOrganizationId}
                autoComplete="organization"
                maxLength={200}
                {...form.getInputProps("organizationName")}
              />
            </>
          )}
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput
              label={mode === "partner" ? t("needForm.clientContactName") : t("needForm.contactName")}
              required={mode !== "company"}
              autoComplete={mode === "partner" ? "off" : "name"}
              maxLength={100}
              {...form.getInputProps("contactName")}
            />
            <TextInput
              label={mode === "partner" ? t("needForm.clientContactEmail") : t("needForm.contactEmail")}
              description={mode === "public" ? t("needForm.contactEmailHint") : undefined}
              inputWrapperOrder={["label", "input", "description", "error"]}
              required={mode === "public"}
              type="email"
              autoComplete={mode === "partner" ? "off" : "email"}
              maxLength={254}
              {...form.getInputProps("contactEmail")}
            />
            <TextInput
              label={t("needForm.contactPhone")}
              type="tel"
              autoComplete={mode === "partner" ? "off" : "tel"}
              maxLength={30}
              {...form.getInputProps("contactPhone")}
            />
          </SimpleGrid>
        </Stack>
      </Card>

      {(mode === "partner" || mode === "staff") && (
        <Card withBorder>
          <Stack>
            <Title order={3} size="h4">
              {mode === "partner" ? t("needForm.sectionReferral") : t("needForm.sectionStaffReferral")}
            </Title>
            {mode === "partner" ? (
              <Text fw={700}>{ownOrg}</Text>
            ) : (
              <OrganizationPicker
                label={t("needForm.referralOrganization")}
                types={PARTNER_TYPES}
                value={form.values.referralOrganizationId}
                onChange={(v) => form.setFieldValue("referralOrganizationId", v)}
                error={form.errors.referralOrganizationId}
              />
            )}
            {(mode === "partner" || form.values.referralOrganizationId) && (
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <TextInput
                  label={t("needForm.referralBranch")}
                  required
                  maxLength={100}
                  {...form.getInputProps("referralBranch")}
                />
                <TextInput
                  label={
                    mode === "partner" ? t("needForm.referralStaffName") : t("needForm.partnerStaffName")
                  }
                  required
                  maxLength={100}
                  {...form.getInputProps("referralStaffName")}
                />
              </SimpleGrid>
            )}
          </Stack>
        </Card>
      )}
    </>
  );
}
