import { AppShell, Button, Group, Text, UnstyledButton } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation } from "react-router";
import { useMe } from "../session";
import { AppLayout } from "./AppLayout";
import { LanguageSwitch } from "./LanguageSwitch";

/** The public pages' frame: the app's own when signed in, a slim header with sign-in otherwise. */
export function PublicLayout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { data: me, isLoading } = useMe();
  const location = useLocation();
  if (isLoading) return null;
  if (me) return <AppLayout>{children}</AppLayout>;
  return (
    <AppShell header={{ height: 56 }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <UnstyledButton component={Link} to="/catalog">
              <Text fw={800} size="lg" c="indigo.8">
                {t("app.name")}
              </Text>
            </UnstyledButton>
            <Text size="xs" c="dimmed" visibleFrom="md">
              {t("app.platform")}
            </Text>
          </Group>
          <Group gap="sm" wrap="nowrap">
            {!location.pathname.startsWith("/open-calls") && (
              <Button size="xs" variant="subtle" component={Link} to="/open-calls" visibleFrom="xs">
                {t("opencalls.nav.publicLink")}
              </Button>
            )}
            {location.pathname !== "/needs/new" && (
              <Button size="xs" variant="subtle" component={Link} to="/needs/new" visibleFrom="xs">
                {t("nav.publicNeed")}
              </Button>
            )}
            <LanguageSwitch />
            <Button
              size="xs"
              variant="light"
              component={Link}
              to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`}
            >
              {t("nav.signIn")}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Main id="main">{children}</AppShell.Main>
    </AppShell>
  );
}
