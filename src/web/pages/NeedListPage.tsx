import {
  Anchor,
  Button,
  Group,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Table,
  Text,
  Title,
} from "@mantine/core";
import { IconPlus } from "@tabler/icons-react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { NEED_CONFIDENTIALITIES, NEED_STATUSES } from "../../server/modules/needs/codes";
import { api, type NeedList, qs } from "../api";
import { ErrorAlert, PageLoader } from "../components/feedback";
import { ConfidentialityBadge, NeedStatusBadge } from "../components/NeedBadges";
import { ResultsTable } from "../components/ResultsTable";
import { useFormat } from "../format";
import { useAreas } from "../queries";
import { useMe, usePermissions } from "../session";
import { FilterSearch, useUrlFilters } from "../url-filters";

const PAGE_SIZE = 50;

/** 西暦 on the first line and the 和暦 year under it (Japanese), so that the column stays narrow. */
function ReceivedDate({ iso }: { iso: string }) {
  const fmt = useFormat();
  const [date, era] = fmt.date(iso).split("（");
  return (
    <>
      <Text size="sm">{date}</Text>
      {era && (
        <Text size="xs" c="dimmed">
          （{era}
        </Text>
      )}
    </>
  );
}
type Scope = "managed" | "visible" | "mine";

/**
 * The needs: coordinators and admins choose those they handle or all they may see, with filters;
 * companies and referral partners see their own (submitted, their company's, referred); others what
 * they may see (members' needs, needs they are named on).
 */
export function NeedListPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const can = usePermissions();
  const areas = useAreas();
  const filters = useUrlFilters();
  const { get, set } = filters;
  const staff = can("needs:update");
  const owner = me?.user.role === "company_member" || me?.user.role === "referral_partner";
  const scope: Scope = staff
    ? get("scope") === "visible"
      ? "visible"
      : "managed"
    : owner
      ? "mine"
      : "visible";

  const page = Number(get("page") || 1);
  const query = qs({
    scope,
    q: get("q"),
    status: get("status"),
    area: get("area"),
    confidentiality: get("confidentiality"),
    page,
    pageSize: PAGE_SIZE,
  });
  const list = useQuery({
    queryKey: ["needs", "list", query],
    queryFn: () => api<NeedList>(`/api/needs${query}`),
    placeholderData: keepPreviousData,
  });

  const title =
    me?.user.role === "company_member"
      ? t("needList.mineCompany")
      : me?.user.role === "referral_partner"
        ? t("needList.minePartner")
        : t("needList.title");

  return (
    <Stack maw={1300}>
      <Group justify="space-between">
        <Title order={2}>{title}</Title>
        {can("needs:submit") && (
          <Button component={Link} to="/needs/submit" leftSection={<IconPlus size={16} />}>
            {t("needList.new")}
          </Button>
        )}
      </Group>
      <Paper withBorder p="sm">
        <Stack gap="sm">
          {staff && (
            <SegmentedControl
              aria-label={t("needList.scope")}
              w="fit-content"
              data={(["managed", "visible"] as const).map((s) => ({
                value: s,
                label: t(`needList.scopes.${s}`),
              }))}
              value={scope}
              onChange={(v) => set({ scope: v === "visible" ? "visible" : "" })}
            />
          )}
          <Group align="flex-end" gap="sm">
            <FilterSearch
              filters={filters}
              placeholder={t("needList.searchPlaceholder")}
              style={{ flex: "1 1 280px", maxWidth: 420 }}
            />
            <Select
              aria-label={t("need.status")}
              data={NEED_STATUSES.map((s) => ({ value: s, label: t(`need.statuses.${s}`) }))}
              value={get("status") || null}
              onChange={(v) => set({ status: v ?? "" })}
              placeholder={t("needList.allStatuses")}
              clearable
              w={170}
            />
            {!owner && (
              <Select
                aria-label={t("need.area")}
                data={(areas.data ?? []).map((a) => ({
                  value: a.code,
                  label: fmt.locale === "ja" ? a.nameJa : a.nameEn,
                }))}
                value={get("area") || null}
                onChange={(v) => set({ area: v ?? "" })}
                placeholder={t("needList.allAreas")}
                clearable
                w={170}
              />
            )}
            {staff && (
              <Select
                aria-label={t("need.confidentiality")}
                data={NEED_CONFIDENTIALITIES.map((c) => ({
                  value: c,
                  label: t(`need.confidentialities.${c}`),
                }))}
                value={get("confidentiality") || null}
                onChange={(v) => set({ confidentiality: v ?? "" })}
                placeholder={t("needList.allConfidentialities")}
                clearable
                w={200}
              />
            )}
          </Group>
        </Stack>
      </Paper>
      <ErrorAlert error={list.error} />
      {list.isLoading ? (
        <PageLoader />
      ) : (
        <ResultsTable
          total={list.data?.total ?? 0}
          page={page}
          pageSize={PAGE_SIZE}
          onPage={(p) => set({ page: String(p) })}
          head={[
            t("need.referenceNumber"),
            t("need.title"),
            t("need.company"),
            t("org.area"),
            t("need.status"),
            t("need.receivedAt"),
            t("need.confidentiality"),
          ]}
          empty={t("needList.noResults")}
          minWidth={1000}
          highlightOnHover
        >
          {list.data?.items.map((n) => (
            <Table.Tr key={n.id} className="kyoso-row-link" onClick={() => void navigate(`/needs/${n.id}`)}>
              <Table.Td className="kyoso-nowrap">
                <Anchor
                  component={Link}
                  to={`/needs/${n.id}`}
                  ff="monospace"
                  size="sm"
                  onClick={(e) => e.stopPropagation()}
                >
                  {n.referenceNumber}
                </Anchor>
              </Table.Td>
              <Table.Td miw={240}>
                {n.title ? (
                  <Text size="sm" fw={600} lineClamp={2}>
                    {n.title}
                  </Text>
                ) : (
                  <Text size="sm" c="dimmed" lineClamp={2}>
                    {n.publicSummary} {t("needList.summaryOnly")}
                  </Text>
                )}
                {n.referralOrganizationName && (
                  <Text size="xs" c="dimmed">
                    {t("need.referral")}: {n.referralOrganizationName}
                  </Text>
                )}
              </Table.Td>
              <Table.Td miw={170}>
                {n.organizationName ?? (
                  <Text span size="sm" c="dimmed">
                    {t("need.anonymous")}
                  </Text>
                )}
              </Table.Td>
              <Table.Td className="kyoso-nowrap">
                {n.areaCode ? fmt.area(areas.data, n.areaCode) : t("need.noArea")}
              </Table.Td>
              <Table.Td>
                <NeedStatusBadge value={n.status} />
              </Table.Td>
              <Table.Td className="kyoso-nowrap">
                <ReceivedDate iso={n.createdAt} />
              </Table.Td>
              <Table.Td>
                <ConfidentialityBadge value={n.confidentiality} />
              </Table.Td>
            </Table.Tr>
          ))}
        </ResultsTable>
      )}
    </Stack>
  );
}
