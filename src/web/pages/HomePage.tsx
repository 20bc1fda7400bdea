import { Anchor, Badge, Card, Group, SimpleGrid, Stack, Table, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { api, type Inquiry, type Organization, type Page } from "../api";
import { CoordinatorHome } from "../components/CoordinatorHome";
import { FittingNeeds } from "../components/FittingNeeds";
import { useFormat } from "../format";
import { useAreas } from "../queries";
import { useMe, usePermissions } from "../session";

function useCount(type: string) {
  return useQuery({
    queryKey: ["organizations", "count", type],
    queryFn: () => api<Page<Organization>>(`/api/organizations?type=${type}&pageSize=1`),
    select: (p) => p.total,
  });
}

export function HomePage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const can = usePermissions();
  const fmt = useFormat();
  const areas = useAreas();
  const universities = useCount("university");
  const kosen = useCount("kosen");
  const researcher = can("inquiries:answer");
  const inquiries = useQuery({
    queryKey: ["inquiries"],
    queryFn: () => api<Inquiry[]>("/api/inquiries"),
    enabled: researcher,
  });
  const openInquiries = inquiries.data?.filter((i) => i.state === "inquired").length ?? 0;
  if (!me) return null;

  return (
    <Stack>
      <Title order={2}>{t("home.welcome", { name: me.user.displayName })}</Title>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
        <Card withBorder>
          <Text size="xs" c="dimmed">
            {t("home.today")}
          </Text>
          <Text fw={600}>{fmt.date(new Date())}</Text>
        </Card>
        <Card withBorder>
          <Text size="xs" c="dimmed">
            {t("home.fiscalYear")}
          </Text>
          <Text fw={600}>{fmt.currentFiscalYear()}</Text>
        </Card>
        <Card withBorder>
          <Text size="xs" c="dimmed">
            {t("home.yourRole")}
          </Text>
          <Text fw={600}>{t(`roles.${me.user.role}`)}</Text>
        </Card>
        <Card withBorder>
          <Text size="xs" c="dimmed">
            {t("home.yourOrg")}
          </Text>
          <Text fw={600}>
            {fmt.orgName({ nameJa: me.user.organizationName, nameEn: me.user.organizationNameEn })}
          </Text>
        </Card>
      </SimpleGrid>

      {researcher && openInquiries > 0 && (
        <Card withBorder bg="var(--mantine-color-orange-0)">
          <Group justify="space-between">
            <Text fw={600}>{t("home.openInquiries", { count: openInquiries })}</Text>
            <Anchor component={Link} to="/inquiries">
              {t("nav.inquiries")} →
            </Anchor>
          </Group>
        </Card>
      )}
      {researcher && <FittingNeeds />}
      {can("cases:read") && <CoordinatorHome />}

      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Card withBorder>
          <Title order={3} size="h4" mb="xs">
            {t("home.institutions")}
          </Title>
          <Text size="xl" fw={700}>
            {(universities.data ?? 0) + (kosen.data ?? 0)}
          </Text>
          <Text size="sm" c="dimmed" mb="sm">
            {t("home.institutionsDetail", {
              universities: universities.data ?? "…",
              kosen: kosen.data ?? "…",
            })}
          </Text>
          <Group gap="xs">
            {can("organizations:read") && (
              <Anchor component={Link} to="/organizations?type=university,kosen">
                {t("nav.organizations")} →
              </Anchor>
            )}
            {can("users:read") && (
              <Anchor component={Link} to="/admin/users">
                {t("nav.users")} →
              </Anchor>
            )}
            {can("audit:read") && (
              <Anchor component={Link} to="/admin/audit">
                {t("nav.audit")} →
              </Anchor>
            )}
          </Group>
        </Card>
        <Card withBorder>
          <Title order={3} size="h4" mb="xs">
            {t("home.areas")}
          </Title>
          <Table>
            <Table.Tbody>
              {areas.data?.map((a) => (
                <Table.Tr key={a.code}>
                  <Table.Td>
                    <Anchor component={Link} to={`/organizations?type=university,kosen&area=${a.code}`}>
                      {fmt.locale === "ja" ? a.nameJa : a.nameEn}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={a.status === "active" ? "teal" : "gray"}>
                      {t(`areaStatus.${a.status}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td ta="right">
                    {a.institutionCount}{" "}
                    <Text span size="xs" c="dimmed">
                      {t("home.institutionCount")}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Card>
      </SimpleGrid>
    </Stack>
  );
}
