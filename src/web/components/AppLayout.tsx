import { AppShell, Badge, Burger, Group, Menu, NavLink, Text, UnstyledButton } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import {
  IconApi,
  IconBuildingCommunity,
  IconBulb,
  IconChartBar,
  IconChartDots,
  IconChevronDown,
  IconClipboardCheck,
  IconFileDollar,
  IconFileImport,
  IconFileInvoice,
  IconFileText,
  IconHome,
  IconId,
  IconLayoutKanban,
  IconListCheck,
  IconListDetails,
  IconListNumbers,
  IconLogout,
  IconMail,
  IconMailQuestion,
  IconMessage2Plus,
  IconMessages,
  IconPercentage,
  IconSpeakerphone,
  IconUserCog,
  IconUserSearch,
  IconUsers,
  IconVocabulary,
} from "@tabler/icons-react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation, useNavigate } from "react-router";
import { useFormat } from "../format";
import { useMe, usePermissions, useSignOut } from "../session";
import { LanguageSwitch } from "./LanguageSwitch";
import { NotificationBell } from "./Notifications";

export function AppLayout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure();
  const { data: me } = useMe();
  const can = usePermissions();
  const fmt = useFormat();
  const location = useLocation();
  const navigate = useNavigate();
  const signOut = useSignOut();

  const links = [
    { to: "/", label: t("nav.home"), icon: IconHome, show: true },
    { to: "/catalog", label: t("nav.catalog"), icon: IconBulb, show: true },
    { to: "/my/profile", label: t("nav.myProfile"), icon: IconId, show: me?.user.role === "researcher" },
    { to: "/seeds", label: t("nav.mySeeds"), icon: IconFileText, show: can("seeds:update") },
    { to: "/needs", label: t("nav.needs"), icon: IconMessages, show: true },
    { to: "/needs/submit", label: t("nav.submitNeed"), icon: IconMessage2Plus, show: can("needs:submit") },
    { to: "/cases/board", label: t("nav.caseBoard"), icon: IconLayoutKanban, show: can("cases:read") },
    { to: "/cases", label: t("nav.cases"), icon: IconListCheck, show: can("cases:read") },
    { to: "/contracts", label: t("contracts.nav.list"), icon: IconFileDollar, show: can("contracts:read") },
    {
      to: "/invoices",
      label: t("contracts.nav.invoices"),
      icon: IconFileInvoice,
      show: can("contracts:read"),
    },
    { to: "/referrals", label: t("nav.referrals"), icon: IconChartDots, show: can("cases:progress") },
    { to: "/kpi", label: t("kpi.nav"), icon: IconChartBar, show: can("kpi:read") },
    {
      to: "/open-calls",
      label: t("opencalls.nav.list"),
      icon: IconSpeakerphone,
      show: !can("opencalls:manage"),
    },
    {
      to: "/open-calls/manage",
      label: t("opencalls.nav.manage"),
      icon: IconSpeakerphone,
      show: can("opencalls:manage"),
    },
    {
      to: "/open-calls/mine",
      label: t("opencalls.nav.mine"),
      icon: IconClipboardCheck,
      show: can("opencalls:apply"),
    },
    { to: "/inquiries", label: t("nav.inquiries"), icon: IconMailQuestion, show: can("inquiries:answer") },
    { to: "/researchers", label: t("nav.researchers"), icon: IconUserSearch, show: can("researchers:list") },
    {
      to: "/organizations",
      label: t("nav.organizations"),
      icon: IconBuildingCommunity,
      show: can("organizations:read"),
    },
  ];
  const adminLinks = [
    { to: "/admin/imports", label: t("nav.imports"), icon: IconFileImport, show: can("catalog:import") },
    { to: "/admin/users", label: t("nav.users"), icon: IconUsers, show: can("users:read") },
    { to: "/admin/mail", label: t("nav.mail"), icon: IconMail, show: can("mail:read") },
    { to: "/admin/stages", label: t("nav.stageLists"), icon: IconListNumbers, show: can("cases:configure") },
    {
      to: "/contracts/settings",
      label: t("contracts.nav.settings"),
      icon: IconPercentage,
      show: can("contracts:configure"),
    },
    { to: "/admin/synonyms", label: t("nav.synonyms"), icon: IconVocabulary, show: can("match:synonyms") },
    { to: "/admin/audit", label: t("nav.audit"), icon: IconListDetails, show: can("audit:read") },
  ];
  // The most specific link that contains the current page is the active one (/needs/submit, not /needs).
  const within = (to: string) =>
    to === "/"
      ? location.pathname === "/"
      : location.pathname === to || location.pathname.startsWith(`${to}/`);
  const activeTo = [...links, ...adminLinks]
    .filter((l) => l.show && within(l.to))
    .sort((a, b) => b.to.length - a.to.length)[0]?.to;
  const isActive = (to: string) => to === activeTo;

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 230, breakpoint: "sm", collapsed: { mobile: !opened } }}
      padding="md"
    >
      <a className="kyoso-skip" href="#main">
        {t("app.skipToContent")}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t("nav.menu")} />
            <UnstyledButton component={Link} to="/">
              <Text fw={800} size="lg" c="indigo.8">
                {t("app.name")}
              </Text>
            </UnstyledButton>
            <Text size="xs" c="dimmed" visibleFrom="md">
              {t("app.platform")}
            </Text>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <Badge variant="light" color="gray" visibleFrom="sm" title={t("home.fiscalYear")}>
              {fmt.currentFiscalYear()}
            </Badge>
            <LanguageSwitch />
            <NotificationBell />
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <UnstyledButton aria-label={me?.user.displayName}>
                  <Group gap={4} wrap="nowrap">
                    <div style={{ textAlign: "right" }}>
                      <Text size="sm" fw={600} lh={1.2}>
                        {me?.user.displayName}
                      </Text>
                      <Text size="xs" c="dimmed" lh={1.2} visibleFrom="sm">
                        {me ? t(`roles.${me.user.role}`) : ""}
                      </Text>
                    </div>
                    <IconChevronDown size={14} />
                  </Group>
                </UnstyledButton>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Label>{me?.user.email}</Menu.Label>
                <Menu.Item leftSection={<IconUserCog size={16} />} onClick={() => navigate("/account")}>
                  {t("nav.account")}
                </Menu.Item>
                <Menu.Item
                  leftSection={<IconLogout size={16} />}
                  onClick={() => signOut.mutate(undefined, { onSettled: () => navigate("/login") })}
                >
                  {t("nav.signOut")}
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" style={{ overflowY: "auto" }}>
        {links
          .filter((l) => l.show)
          .map((l) => (
            <NavLink
              key={l.to}
              component={Link}
              to={l.to}
              label={l.label}
              leftSection={<l.icon size={18} />}
              active={isActive(l.to)}
              onClick={close}
            />
          ))}
        {adminLinks.some((l) => l.show) && (
          <Text size="xs" c="dimmed" mt="md" mb={4} px="sm">
            {t("nav.admin")}
          </Text>
        )}
        {adminLinks
          .filter((l) => l.show)
          .map((l) => (
            <NavLink
              key={l.to}
              component={Link}
              to={l.to}
              label={l.label}
              leftSection={<l.icon size={18} />}
              active={isActive(l.to)}
              onClick={close}
            />
          ))}
        <NavLink
          mt="md"
          href="/api/docs"
          target="_blank"
          label={t("nav.apiDocs")}
          leftSection={<IconApi size={18} />}
        />
      </AppShell.Navbar>
      <AppShell.Main id="main">{children}</AppShell.Main>
    </AppShell>
  );
}
