import {
  Alert,
  Anchor,
  Button,
  Card,
  Group,
  NumberInput,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { IconAlertCircle, IconCircleCheck, IconInfoCircle, IconMailForward } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation } from "react-router";
import { checkCorporateNumber } from "../../shared/corporate-number";
import { ApiError, api } from "../api";
import { useFormat } from "../format";
import { applicationProblem, type PublicCall, yen } from "../opencalls";
import { useMe } from "../session";
import { ErrorAlert } from "./feedback";
import { RateLimitAlert } from "./NeedSubmitted";

/** `public`: a company new to kyoso (its account is created); `company`: a signed-in company member. */
export type ApplyMode = "public" | "company";

export interface ApplyResult {
  email: string;
  contribution: number;
  companyName: string;
}

interface Values {
  companyName: string;
  corporateNumber: string;
  contactName: string;
  contactEmail: string;
  proposal: string;
  contribution: number | string;
  /** The honeypot (people never see it). */
  website: string;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const normalCorporateNumber = (v: string) => v.normalize("NFKC").replace(/[\s-]/g, "");

function focusFirstError() {
  setTimeout(() => {
    const el = document.querySelector<HTMLElement>('form [aria-invalid="true"]');
    el?.focus();
    el?.scrollIntoView({ block: "center" });
  }, 0);
}

/** The application form of a call: the short one for company members, the public one for new companies. */
export function OpenCallApplyForm({
  call,
  mode,
  onApplied,
}: {
  call: PublicCall;
  mode: ApplyMode;
  onApplied: (r: ApplyResult) => void;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { data: me } = useMe();
  const location = useLocation();
  const [error, setError] = useState<unknown>(null);
  const [fieldProblems, setFieldProblems] = useState(false);
  const ownOrg = me
    ? fmt.orgName({ nameJa: me.user.organizationName, nameEn: me.user.organizationNameEn })
    : "";

  const form = useForm<Values>({
    initialValues: {
      companyName: "",
      corporateNumber: "",
      contactName: mode === "company" ? (me?.user.displayName ?? "") : "",
      contactEmail: mode === "company" ? (me?.user.email ?? "") : "",
      proposal: "",
      contribution: "",
      website: "",
    },
    validate: (v) => {
      const required = t("opencalls.apply.required");
      const e: Partial<Record<keyof Values, string>> = {};
      if (mode === "public") {
        if (!v.companyName.trim()) e.companyName = required;
        const cn = normalCorporateNumber(v.corporateNumber);
        if (cn) {
          if (!/^\d{13}$/.test(cn)) e.corporateNumber = t("opencalls.apply.corporateNumberFormat");
          else if (!checkCorporateNumber(cn).ok)
            e.corporateNumber = t("opencalls.apply.corporateNumberCheck");
        }
      }
      if (!v.contactName.trim()) e.contactName = required;
      if (!v.contactEmail.trim()) e.contactEmail = required;
      else if (!EMAIL.test(v.contactEmail.trim())) e.contactEmail = t("opencalls.apply.invalidEmail");
      if (!v.proposal.trim()) e.proposal = required;
      if (v.contribution === "" || typeof v.contribution !== "number") e.contribution = required;
      else if (!Number.isSafeInteger(v.contribution) || v.contribution < 0)
        e.contribution = t("opencalls.apply.contributionWhole");
      return e;
    },
  });

  const submit = form.onSubmit(
    async (v) => {
      setError(null);
      setFieldProblems(false);
      const contribution = Number(v.contribution);
      const common = {
        proposal: v.proposal.trim(),
        contribution,
        contactName: v.contactName.trim(),
        contactEmail: v.contactEmail.trim(),
      };
      try {
        if (mode === "public") {
          await api(`/api/public/open-calls/${call.id}/applications`, {
            method: "POST",
            body: {
              ...common,
              companyName: v.companyName.trim(),
              corporateNumber: normalCorporateNumber(v.corporateNumber) || null,
              website: v.website,
            },
          });
          onApplied({ email: common.contactEmail, contribution, companyName: v.companyName.trim() });
        } else {
          await api(`/api/open-calls/${call.id}/applications`, { method: "POST", body: common });
          onApplied({ email: common.contactEmail, contribution, companyName: ownOrg });
        }
      } catch (e) {
        if (e instanceof ApiError && e.fields.length) {
          const known = Object.keys(form.values);
          const mine = e.fields.filter((f) => known.includes(f.field));
          form.setErrors(
            Object.fromEntries(mine.map((f) => [f.field, applicationProblem(f.field, f.message, t)])),
          );
          if (mine.length) {
            setFieldProblems(true);
            focusFirstError();
          }
          if (mine.length < e.fields.length) setError(e);
        } else setError(e);
      }
    },
    () => {
      setFieldProblems(true);
      focusFirstError();
    },
  );

  const signInLink = `/login?next=${encodeURIComponent(location.pathname)}`;

  return (
    <form onSubmit={submit} noValidate aria-labelledby="apply-heading">
      <Card withBorder padding="lg">
        <Stack>
          <Title order={3} size="h4" id="apply-heading">
            {mode === "public" ? t("opencalls.apply.publicTitle") : t("opencalls.apply.companyTitle")}
          </Title>
          {mode === "public" && (
            <Alert color="blue" icon={<IconInfoCircle size={18} />} data-testid="account-note">
              <Stack gap={4}>
                <Text size="sm">{t("opencalls.apply.accountNote")}</Text>
                <Text size="sm">
                  {t("opencalls.apply.haveAccount")}{" "}
                  <Anchor component={Link} to={signInLink} size="sm">
                    {t("opencalls.apply.signInToApply")}
                  </Anchor>
                </Text>
              </Stack>
            </Alert>
          )}
          {fieldProblems && Object.keys(form.errors).length > 0 && (
            <Alert color="red" icon={<IconAlertCircle size={18} />} role="alert">
              {t("opencalls.apply.fixErrors")}
            </Alert>
          )}
          {error instanceof ApiError && error.status === 429 ? (
            <RateLimitAlert error={error} />
          ) : error instanceof ApiError && error.status === 409 ? (
            <Alert color="orange" icon={<IconAlertCircle size={18} />} role="alert">
              {t("opencalls.apply.alreadyApplied")}
            </Alert>
          ) : error instanceof ApiError && error.fields.some((f) => f.field === "call") ? (
            <Alert color="orange" icon={<IconAlertCircle size={18} />} role="alert">
              {t("opencalls.apply.notOpenAnyMore")}
            </Alert>
          ) : (
            <ErrorAlert error={error} />
          )}

          {mode === "company" ? (
            <div>
              <Text size="sm" fw={500}>
                {t("opencalls.apply.yourCompany")}
              </Text>
              <Text fw={700}>{ownOrg}</Text>
              <Text size="xs" c="dimmed">
                {t("opencalls.apply.yourCompanyHint")}
              </Text>
            </div>
          ) : (
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput
                label={t("opencalls.apply.companyName")}
                required
                autoComplete="organization"
                maxLength={200}
                {...form.getInputProps("companyName")}
              />
              <TextInput
                label={t("opencalls.apply.corporateNumber")}
                description={t("opencalls.apply.corporateNumberHint")}
                inputWrapperOrder={["label", "input", "description", "error"]}
                inputMode="numeric"
                maxLength={20}
                {...form.getInputProps("corporateNumber")}
              />
            </SimpleGrid>
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t("opencalls.apply.contactName")}
              required
              autoComplete="name"
              maxLength={100}
              {...form.getInputProps("contactName")}
            />
            <TextInput
              label={t("opencalls.apply.contactEmail")}
              description={
                mode === "public"
                  ? t("opencalls.apply.contactEmailPublicHint")
                  : t("opencalls.apply.contactEmailHint")
              }
              inputWrapperOrder={["label", "input", "description", "error"]}
              required
              type="email"
              autoComplete="email"
              maxLength={254}
              {...form.getInputProps("contactEmail")}
            />
          </SimpleGrid>
          <Textarea
            label={t("opencalls.apply.proposal")}
            description={t("opencalls.apply.proposalHint")}
            required
            autosize
            minRows={5}
            maxLength={10_000}
            {...form.getInputProps("proposal")}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NumberInput
              label={t("opencalls.apply.contribution")}
              description={t("opencalls.apply.contributionHint")}
              inputWrapperOrder={["label", "input", "description", "error"]}
              required
              min={0}
              allowNegative={false}
              allowDecimal={false}
              thousandSeparator=","
              {...(fmt.locale === "ja" ? { suffix: "円" } : { prefix: "¥" })}
              hideControls
              {...form.getInputProps("contribution")}
            />
          </SimpleGrid>

          {mode === "public" && (
            // The honeypot: off-screen, hidden from assistive technology, out of the tab order, never autofilled.
            <div className="kyoso-hp" aria-hidden="true">
              <label htmlFor="apply-website">{t("opencalls.apply.honeypot")}</label>
              <input
                id="apply-website"
                name="website"
                type="text"
                tabIndex={-1}
                autoComplete="off"
                value={form.values.website}
                onChange={(e) => form.setFieldValue("website", e.currentTarget.value)}
              />
            </div>
          )}

          <Text size="xs" c="dimmed">
            {t("opencalls.apply.decisionNote")}
          </Text>
          <Group justify="flex-end">
            <Button type="submit" size="md" loading={form.submitting}>
              {t("opencalls.apply.submit")}
            </Button>
          </Group>
        </Stack>
      </Card>
    </form>
  );
}

/** After sending: what was received and what comes next (for a new company, the invitation mail). */
export function OpenCallApplied({ result, mode }: { result: ApplyResult; mode: ApplyMode }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <Card withBorder padding="xl" data-testid="application-received">
      <Stack align="flex-start">
        <Group gap="xs" wrap="nowrap">
          <IconCircleCheck size={32} color="var(--mantine-color-teal-7)" aria-hidden />
          <Title order={3}>{t("opencalls.apply.receivedTitle")}</Title>
        </Group>
        <Text>
          {t("opencalls.apply.receivedSummary", {
            company: result.companyName,
            amount: yen(result.contribution, fmt.locale),
          })}
        </Text>
        {mode === "public" ? (
          <Alert color="teal" icon={<IconMailForward size={18} />} data-testid="invitation-note">
            <Stack gap={4}>
              <Text size="sm" fw={600}>
                {t("opencalls.apply.invitationSent", { email: result.email })}
              </Text>
              <Text size="sm">{t("opencalls.apply.invitationNext")}</Text>
            </Stack>
          </Alert>
        ) : (
          <Text size="sm">{t("opencalls.apply.receiptSent", { email: result.email })}</Text>
        )}
        <Text size="sm">{t("opencalls.apply.receivedNext")}</Text>
        <Group>
          {mode === "company" && (
            <Button component={Link} to="/open-calls/mine">
              {t("opencalls.nav.mine")}
            </Button>
          )}
          <Button variant="light" component={Link} to="/open-calls">
            {t("opencalls.backToList")}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
