import { Alert, Button, Card, Group, PasswordInput, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../api";
import { applyFieldErrors, errorMessage, notifySaved } from "../components/feedback";
import { LanguageSwitch } from "../components/LanguageSwitch";
import { NotificationSettingsCard } from "../components/Notifications";
import { useFormat } from "../format";
import { useMe } from "../session";

export function AccountPage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const fmt = useFormat();
  const qc = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const form = useForm({
    initialValues: { currentPassword: "", newPassword: "", confirm: "" },
    validate: { confirm: (v, values) => (v === values.newPassword ? null : t("account.mismatch")) },
  });
  if (!me) return null;

  const submit = form.onSubmit(async ({ currentPassword, newPassword }) => {
    setError(null);
    try {
      await api("/api/auth/password", { method: "POST", body: { currentPassword, newPassword } });
      form.reset();
      notifySaved(t("account.changed"));
      await qc.invalidateQueries({ queryKey: ["me"] });
    } catch (e) {
      if (!applyFieldErrors(form, e)) setError(errorMessage(e));
    }
  });

  return (
    <Stack maw={900}>
      <Title order={2}>{t("account.title")}</Title>
      {me.user.mustChangePassword && (
        <Alert color="orange" role="alert">
          {t("account.mustChange")}
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Card withBorder>
          <Title order={3} size="h4" mb="sm">
            {t("account.profile")}
          </Title>
          <Stack gap={6}>
            <Text size="sm">
              <b>{t("users.name")}:</b> {me.user.displayName}
            </Text>
            <Text size="sm">
              <b>{t("users.email")}:</b> {me.user.email}
            </Text>
            <Text size="sm">
              <b>{t("users.role")}:</b> {t(`roles.${me.user.role}`)}
            </Text>
            <Text size="sm">
              <b>{t("users.organization")}:</b>{" "}
              {fmt.orgName({ nameJa: me.user.organizationName, nameEn: me.user.organizationNameEn })}
            </Text>
            <Group mt="sm">
              <Text size="sm" fw={700}>
                {t("language.label")}
              </Text>
              <LanguageSwitch size="sm" />
            </Group>
          </Stack>
        </Card>
        <Card withBorder component="form" onSubmit={submit}>
          <Title order={3} size="h4" mb="sm">
            {t("account.changePassword")}
          </Title>
          <Stack>
            {error && <Alert color="red">{error}</Alert>}
            <PasswordInput
              label={t("account.currentPassword")}
              autoComplete="current-password"
              required
              {...form.getInputProps("currentPassword")}
            />
            <PasswordInput
              label={t("account.newPassword")}
              description={t("account.passwordRules")}
              autoComplete="new-password"
              required
              {...form.getInputProps("newPassword")}
            />
            <PasswordInput
              label={t("account.confirmPassword")}
              autoComplete="new-password"
              required
              {...form.getInputProps("confirm")}
            />
            <Button type="submit" loading={form.submitting}>
              {t("account.changePassword")}
            </Button>
          </Stack>
        </Card>
        <NotificationSettingsCard />
      </SimpleGrid>
    </Stack>
  );
}
