import {
  Alert,
  Anchor,
  Button,
  Center,
  Group,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, Navigate, useNavigate, useSearchParams } from "react-router";
import { api, type Me } from "../api";
import { errorMessage } from "../components/feedback";
import { LanguageSwitch } from "../components/LanguageSwitch";
import { applySignedIn, useMe } from "../session";

export function LoginPage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const form = useForm({ initialValues: { email: "", password: "" } });
  const next = params.get("next")?.startsWith("/") ? params.get("next")! : "/";

  if (me) return <Navigate to={next} replace />;

  const submit = form.onSubmit(async (values) => {
    setBusy(true);
    setError(null);
    try {
      const signedIn = await api<Me>("/api/auth/login", { method: "POST", body: values });
      await applySignedIn(signedIn);
      qc.setQueryData(["me"], signedIn);
      await navigate(signedIn.user.mustChangePassword ? "/account" : next, { replace: true });
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  });

  return (
    <Center mih="100vh" p="md">
      <Stack w={400} maw="100%">
        <Group justify="space-between">
          <div>
            <Title order={1} c="indigo.8">
              {t("app.name")}
            </Title>
            <Text size="sm" c="dimmed">
              {t("app.platform")}
            </Text>
          </div>
          <LanguageSwitch />
        </Group>
        <Paper withBorder p="lg" radius="md" component="form" onSubmit={submit}>
          <Stack>
            <Title order={2} size="h3">
              {t("login.title")}
            </Title>
            {error && (
              <Alert color="red" title={t("login.failed")} role="alert">
                {error}
              </Alert>
            )}
            <TextInput
              label={t("login.email")}
              type="email"
              autoComplete="username"
              required
              {...form.getInputProps("email")}
            />
            <PasswordInput
              label={t("login.password")}
              autoComplete="current-password"
              required
              {...form.getInputProps("password")}
            />
            <Button type="submit" loading={busy}>
              {t("login.submit")}
            </Button>
          </Stack>
        </Paper>
        <Anchor component={Link} to="/catalog" size="sm">
          {t("login.catalogLink")} →
        </Anchor>
        <Anchor component={Link} to="/needs/new" size="sm">
          {t("login.needLink")} →
        </Anchor>
        <Text size="xs" c="dimmed">
          {t("login.demoHint")}
        </Text>
      </Stack>
    </Center>
  );
}
