import {
  Alert,
  Button,
  Card,
  Checkbox,
  Group,
  Input,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { IconAlertCircle } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import {
  BUDGET_RANGES,
  type BudgetRange,
  type NeedConfidentiality,
  TIMINGS,
  type Timing,
} from "../../server/modules/needs/codes";
import { ApiError, api, type NeedDetail, type NeedSubmitted } from "../api";
import { useFormat } from "../format";
import { useAreas } from "../queries";
import { useMe } from "../session";
import { applyFieldErrors, ErrorAlert } from "./feedback";
import { ConfidentialityCard, PartiesCards } from "./NeedFormParts";
import { RateLimitAlert } from "./NeedSubmitted";

/**
 * Who fills the form: `public` without an account; `company` a company member for their company;
 * `partner` a referral partner for a client (with branch and staff); `staff` a coordinator or admin at intake.
 */
export type NeedFormMode = "public" | "company" | "partner" | "staff";

export interface NeedFormResult {
  referenceNumber: string;
  /** Where the acknowledgement went. */
  email: string;
  /** The need (signed-in submissions only). */
  needId: string | null;
}

export interface NeedFormValues {
  title: string;
  problem: string;
  tried: string;
  desiredOutcome: string;
  budgetRange: BudgetRange;
  timing: Timing;
  preferredAreaCode: string | null;
  language: "ja" | "en";
  organizationName: string;
  contactName: string;
  contactEmail: string;
  contactPhone: string;
  referralBranch: string;
  referralStaffName: string;
  companyOrganizationId: string | null;
  referralOrganizationId: string | null;
  confidentiality: NeedConfidentiality;
  ndaRequired: boolean;
  anonymousUntilAgreed: boolean;
  consent: boolean;
  /** The honeypot (people never see it). */
  website: string;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** The server's rule (NFKC: full-width digits and hyphens are fine): digits, spaces, +, - and parentheses. */
const PHONE = /^\+?[0-9][0-9()\- ]{5,22}$/;
const normalPhone = (v: string) =>
  v
    .normalize("NFKC")
    .replace(/[ー−―‐]/g, "-")
    .trim();

/** Focuses the first field with an error (after React has rendered the messages). */
function focusFirstError() {
  setTimeout(() => {
    const el = document.querySelector<HTMLElement>('form [aria-invalid="true"]');
    el?.focus();
    el?.scrollIntoView({ block: "center" });
  }, 0);
}

/** The need form: the same fields for everyone, the company and contact part by who fills it. */
export function NeedForm({
  mode,
  onSubmitted,
}: {
  mode: NeedFormMode;
  onSubmitted: (r: NeedFormResult) => void;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const areas = useAreas();
  const { data: me } = useMe();
  const [error, setError] = useState<unknown>(null);
  const [fieldProblems, setFieldProblems] = useState(false);

  const form = useForm<NeedFormValues>({
    initialValues: {
      title: "",
      problem: "",
      tried: "",
      desiredOutcome: "",
      budgetRange: "undecided",
      timing: "undecided",
      preferredAreaCode: null,
      language: fmt.locale,
      organizationName: "",
      contactName: mode === "company" ? (me?.user.displayName ?? "") : "",
      contactEmail: mode === "company" ? (me?.user.email ?? "") : "",
      contactPhone: "",
      referralBranch: "",
      referralStaffName: mode === "partner" ? (me?.user.displayName ?? "") : "",
      companyOrganizationId: null,
      referralOrganizationId: null,
      confidentiality: "coordinators",
      ndaRequired: false,
      anonymousUntilAgreed: false,
      consent: false,
      website: "",
    },
    validate: (v) => {
      const required = t("needForm.required");
      const e: Partial<Record<keyof NeedFormValues, string>> = {};
      if (!v.title.trim()) e.title = required;
      if (!v.problem.trim()) e.problem = required;
      else if (v.problem.trim().length < 10) e.problem = t("needForm.problemTooShort");
      const needsOrg =
        mode === "public" || mode === "partner" || (mode === "staff" && !v.companyOrganizationId);
      if (needsOrg && !v.organizationName.trim()) e.organizationName = required;
      if (mode !== "company" && !v.contactName.trim()) e.contactName = required;
      if (mode === "public" && !v.contactEmail.trim()) e.contactEmail = required;
      else if (v.contactEmail.trim() && !EMAIL.test(v.contactEmail.trim()))
        e.contactEmail = t("needForm.invalidEmail");
      if (v.contactPhone.trim() && !PHONE.test(normalPhone(v.contactPhone)))
        e.contactPhone = t("needForm.invalidPhone");
      if (mode === "partner" || (mode === "staff" && v.referralOrganizationId)) {
        if (!v.referralBranch.trim()) e.referralBranch = required;
        if (!v.referralStaffName.trim()) e.referralStaffName = required;
      }
      if (!v.consent) e.consent = t("needForm.consentRequired");
      return e;
    },
  });

  const body = (v: NeedFormValues) => {
    const need = {
      title: v.title,
      problem: v.problem,
      tried: v.tried,
      desiredOutcome: v.desiredOutcome,
      budgetRange: v.budgetRange,
      timing: v.timing,
      preferredAreaCode: v.preferredAreaCode,
      language: v.language,
      contactName: v.contactName,
      contactEmail: v.contactEmail,
      contactPhone: v.contactPhone,
      confidentiality: v.confidentiality,
      ndaRequired: v.ndaRequired,
      anonymousUntilAgreed: v.anonymousUntilAgreed,
    };
    switch (mode) {
      case "public":
        return { ...need, organizationName: v.organizationName, website: v.website };
      case "company":
        return need;
      case "partner":
        return {
          ...need,
          organizationName: v.organizationName,
          referralBranch: v.referralBranch,
          referralStaffName: v.referralStaffName,
        };
      case "staff":
        return {
          ...need,
          organizationName: v.organizationName,
          companyOrganizationId: v.companyOrganizationId,
          referralOrganizationId: v.referralOrganizationId,
          ...(v.referralOrganizationId
            ? { referralBranch: v.referralBranch, referralStaffName: v.referralStaffName }
            : {}),
        };
    }
  };

  const submit = form.onSubmit(
    async (v) => {
      setError(null);
      setFieldProblems(false);
      try {
        if (mode === "public") {
          const r = await api<NeedSubmitted>("/api/needs/public", { method: "POST", body: body(v) });
          onSubmitted({ referenceNumber: r.referenceNumber, email: v.contactEmail.trim(), needId: null });
        } else {
          const r = await api<NeedDetail>("/api/needs", { method: "POST", body: body(v) });
          // The acknowledgement goes to the referral partner's own address, else to the contact.
          const email =
            mode === "partner" ? (me?.user.email ?? "") : v.contactEmail.trim() || (me?.user.email ?? "");
          onSubmitted({ referenceNumber: r.referenceNumber, email, needId: r.id });
        }
      } catch (e) {
        if (applyFieldErrors(form, e)) {
          setFieldProblems(true);
          focusFirstError();
          const known = Object.keys(form.values);
          if (e instanceof ApiError && e.fields.some((f) => !known.includes(f.field))) setError(e);
        } else setError(e);
      }
    },
    () => {
      setFieldProblems(true);
      focusFirstError();
    },
  );

  const areaData = (areas.data ?? []).map((a) => ({
    value: a.code,
    label: fmt.locale === "ja" ? a.nameJa : a.nameEn,
  }));
  const ownOrg = me
    ? fmt.orgName({ nameJa: me.user.organizationName, nameEn: me.user.organizationNameEn })
    : "";

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {fieldProblems && (
          <Alert color="red" icon={<IconAlertCircle size={18} />} role="alert">
            {t("needForm.fixErrors")}
          </Alert>
        )}
        {error instanceof ApiError && error.status === 429 ? (
          <RateLimitAlert error={error} />
        ) : (
          <ErrorAlert error={error} />
        )}

        <Card withBorder>
          <Stack>
            <Title order={3} size="h4">
              {t("needForm.sectionNeed")}
            </Title>
            <TextInput
              label={t("need.title")}
              description={t("needForm.titleHint")}
              required
              maxLength={200}
              {...form.getInputProps("title")}
            />
            <Textarea
              label={t("need.problem")}
              description={t("needForm.problemHint")}
              required
              autosize
              minRows={5}
              maxLength={10_000}
              {...form.getInputProps("problem")}
            />
            <Textarea
              label={t("need.tried")}
              description={t("needForm.triedHint")}
              autosize
              minRows={3}
              maxLength={5_000}
              {...form.getInputProps("tried")}
            />
            <Textarea
              label={t("need.desiredOutcome")}
              description={t("needForm.desiredOutcomeHint")}
              autosize
              minRows={3}
              maxLength={5_000}
              {...form.getInputProps("desiredOutcome")}
            />
            <Input.Wrapper label={t("need.language")}>
              <div>
                <SegmentedControl
                  data={(["ja", "en"] as const).map((l) => ({ value: l, label: t(`need.languages.${l}`) }))}
                  {...form.getInputProps("language")}
                />
              </div>
            </Input.Wrapper>
          </Stack>
        </Card>

        <Card withBorder>
          <Stack>
            <Title order={3} size="h4">
              {t("needForm.sectionConditions")}
            </Title>
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <Select
                label={t("need.budgetRange")}
                data={BUDGET_RANGES.map((b) => ({ value: b, label: t(`need.budgets.${b}`) }))}
                allowDeselect={false}
                {...form.getInputProps("budgetRange")}
              />
              <Select
                label={t("need.timing")}
                data={TIMINGS.map((x) => ({ value: x, label: t(`need.timings.${x}`) }))}
                allowDeselect={false}
                {...form.getInputProps("timing")}
              />
              <Select
                label={t("need.preferredArea")}
                description={t("needForm.areaHint")}
                inputWrapperOrder={["label", "input", "description", "error"]}
                placeholder={t("need.noArea")}
                data={areaData}
                clearable
                {...form.getInputProps("preferredAreaCode")}
              />
            </SimpleGrid>
          </Stack>
        </Card>

        <PartiesCards mode={mode} form={form} ownOrg={ownOrg} />

        <ConfidentialityCard form={form} />

        {mode === "public" && (
          // The honeypot: off-screen, hidden from assistive technology, out of the tab order, never autofilled.
          <div className="kyoso-hp" aria-hidden="true">
            <label htmlFor="need-website">{t("needForm.honeypot")}</label>
            <input
              id="need-website"
              name="website"
              type="text"
              tabIndex={-1}
              autoComplete="off"
              value={form.values.website}
              onChange={(e) => form.setFieldValue("website", e.currentTarget.value)}
            />
          </div>
        )}

        <Card withBorder>
          <Checkbox
            label={mode === "partner" ? t("needForm.partnerConsent") : t("needForm.consent")}
            {...form.getInputProps("consent", { type: "checkbox" })}
          />
        </Card>
        <Group justify="flex-end">
          <Button type="submit" size="md" loading={form.submitting}>
            {mode === "public" ? t("needForm.submit") : t("needForm.register")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
