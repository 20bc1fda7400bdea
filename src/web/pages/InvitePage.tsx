import { Alert, Button, Center, Paper, PasswordInput, Stack, Text, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams } from "react-router";
import { api, type Me } from "../api";
import { applyFieldErrors, errorMessage, PageLoader } from "../components/feedback";
import { LanguageSwitch } from "../components/LanguageSwitch";
import { applySignedIn } from "../session";

export function InvitePage() {
  const { t } = useTranslation();
  const { token = "" } = useParams();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);
  const invitation = useQuery({
    queryKey: ["invitation", token],
    queryFn: () =>
      api<{ email: string; displayName: string; organizationName: string }>(
        `/api/auth/invitations/${encodeURIComponent(token)}`,
      ),
    retry: false,
  });
  const form = useForm({
    initialValues: { password: "", confirm: "" },
    validate: { confirm: (v, values) => (v === values.password ? null : t("account.mismatch")) },
  });

  const submit = form.onSubmit(async ({ password }) => {
    setError(null);
    try {
      const me = await api<Me>(`/api/auth/invitations/${encodeURIComponent(token)}`, {
        method: "POST",
        body: { password },
      });
      await applySignedIn(me);
      qc.setQueryData(["me"], me);
      await navigate("/", { replace: true });
    } catch (e) {
      if (!applyFieldErrors(form, e)) setError(errorMessage(e));
    }
  });

  return (
    <Center mih="100vh" p="md">
      <Stack w={440} maw="100%">
        <LanguageSwitch />
        <Paper withBorder p="lg" radius="md">
          <Title order={2} size="h3" mb="md">
            {t("invite.title")}
          </Title>
          {invitation.isLoading && <PageLoader />}
          {invitation.isError && <Alert color="red">{t("invite.invalid")}</Alert>}
          {invitation.data && (
            <form onSubmit={submit}>
              <Stack>
                <Text size="sm">
                  {t("invite.intro", {
                    name: invitation.data.displayName,
                    email: invitation.data.email,
                    org: invitation.data.organizationName,
                  })}
                </Text>
                {error && <Alert color="red">{error}</Alert>}
                <PasswordInput
                  label={t("account.newPassword")}
                  description={t("account.passwordRules")}
                  autoComplete="new-password"
                  required
                  {...form.getInputProps("password")}
                />
                <PasswordInput
                  label={t("account.confirmPassword")}
                  autoComplete="new-password"
                  required
                  {...form.getInputProps("confirm")}
                />
                <Button type="submit" loading={form.submitting}>
                  {t("invite.submit")}
                </Button>
              </Stack>
            </form>
          )}
        </Paper>
      </Stack>
    </Center>
  );
}
