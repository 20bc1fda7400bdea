/**
 * One contract: number, title, type and status with the lifecycle, the actions its status allows, the
 * rate (fixed at signing, or following the table), the budget per fiscal year, the parties with their
 * shares and what has been invoiced, the researchers, the terms, the linked case, invoices, documents,
 * revisions and history.
 */
import {
  Alert,
  Anchor,
  Badge,
  Card,
  Grid,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from "@mantine/core";
import { IconArrowLeft } from "@tabler/icons-react";
import { useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import {
  CONTRACT_TYPE_LABELS,
  DIRECT_KINDS,
  MEMBER_KIND_LABELS,
  PARTY_ROLE_LABELS,
  PAYING_ROLES,
} from "../../server/modules/contracts/codes";
import { formatDateWareki } from "../../shared/dates";
import { ContractActions, ContractLifecycle } from "../components/ContractActions";
import { BudgetTableHead } from "../components/ContractBudgetEditor";
import { ContractDocuments } from "../components/ContractDocuments";
import { ContractInvoices } from "../components/ContractInvoices";
import { ContractHistory, ContractRevisions } from "../components/ContractRevisions";
import { ContractStatusBadge } from "../components/ContractStatusBadge";
import { Field } from "../components/Field";
import { ErrorAlert, PageLoader } from "../components/feedback";
import { type ContractDetail, lbl, percent, useContract, yen } from "../contracts";
import { useFormat } from "../format";
import { usePermissions } from "../session";

const Num = ({ children, strong }: { children: React.ReactNode; strong?: boolean }) => (
  <Table.Td ta="right" className="kyoso-nowrap" fw={strong ? 700 : undefined}>
    {children}
  </Table.Td>
);

export function ContractPage() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const fmt = useFormat();
  const can = usePermissions();
  const qc = useQueryClient();
  const query = useContract(id);
  const canManage = can("contracts:manage");
  const changed = () => void qc.invalidateQueries({ queryKey: ["contracts"] });
  const updated = (c: ContractDetail) => {
    qc.setQueryData(["contracts", "detail", c.id], c);
    changed();
  };

  if (query.isLoading) return <PageLoader />;
  if (!query.data) return <ErrorAlert error={query.error} />;
  const c = query.data;
  const cancelled = c.status === "cancelled";

  return (
    <Stack maw={1400}>
      <Anchor component={Link} to="/contracts" size="sm">
        <Group gap={4} wrap="nowrap">
          <IconArrowLeft size={14} />
          {t("contracts.list.back")}
        </Group>
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <div style={{ minWidth: 0, flex: "1 1 400px" }}>
          <Text ff="monospace" c="dimmed" size="sm" data-testid="contract-number">
            {c.number}
            {c.revision > 0 && ` · ${t("contracts.revisions.current", { n: c.revision })}`}
          </Text>
          <Title order={2}>{c.title}</Title>
          <Group gap="xs" mt={6}>
            <ContractStatusBadge status={c.status} size="lg" />
            <Badge variant="outline" color="indigo" miw="max-content">
              {lbl(CONTRACT_TYPE_LABELS, c.type, fmt.locale)}
            </Badge>
            <Text size="sm">{fmt.orgName(c.institution)}</Text>
            <Text size="sm" c="dimmed">
              {fmt.date(c.startDate)} – {fmt.date(c.endDate)}
            </Text>
          </Group>
        </div>
        {canManage && (
          <ContractActions contract={c} onChanged={updated} onReload={() => void query.refetch()} />
        )}
      </Group>

      <Paper withBorder p="md">
        <ContractLifecycle contract={c} />
        {cancelled && (
          <Alert color="gray" mt="sm" title={t("contracts.page.cancelled", { date: c.cancelledOn ?? "" })}>
            <Text size="sm" className="kyoso-pre">
              {c.cancelReason}
            </Text>
          </Alert>
        )}
      </Paper>

      <Grid>
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Card withBorder h="100%">
            <SimpleGrid cols={{ base: 1, xs: 2, sm: 3 }}>
              <Field label={t("contracts.type")}>{lbl(CONTRACT_TYPE_LABELS, c.type, fmt.locale)}</Field>
              <Field label={t("contracts.institution")}>{fmt.orgName(c.institution)}</Field>
              <Field label={t("contracts.period")}>
                {fmt.date(c.startDate)} – {fmt.date(c.endDate)}
              </Field>
              <Field label={t("contracts.signedOn")}>{c.signedOn ? fmt.date(c.signedOn) : ""}</Field>
              <Field label={t("contracts.completedOn")}>{c.completedOn ? fmt.date(c.completedOn) : ""}</Field>
              <Field label={t("contracts.case")}>
                {c.case ? (
                  <Anchor component={Link} to={`/cases/${c.case.id}`} size="sm">
                    {c.case.referenceNumber} {c.case.title}
                  </Anchor>
                ) : (
                  ""
                )}
              </Field>
            </SimpleGrid>
            <SimpleGrid cols={{ base: 1, sm: 2 }} mt="sm">
              <Field label={t("contracts.purpose")} pre>
                {c.purpose}
              </Field>
              <Field label={t("contracts.place")} pre>
                {c.place}
              </Field>
            </SimpleGrid>
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <RateCard contract={c} />
        </Grid.Col>
      </Grid>

      <BudgetCard contract={c} />

      <Grid>
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Stack>
            <PartiesCard contract={c} />
            <MembersCard contract={c} />
            <Card withBorder>
              <Title order={3} size="h4" mb="sm">
                {t("contracts.page.terms")}
              </Title>
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <Field label={t("contracts.ipTerms")} pre>
                  {c.ipTerms}
                </Field>
                <Field label={t("contracts.confidentialityTerms")} pre>
                  {c.confidentialityTerms}
                </Field>
                <Field label={t("contracts.publicationTerms")} pre>
                  {c.publicationTerms}
                </Field>
                <Field label={t("contracts.equipmentTerms")} pre>
                  {c.equipmentTerms}
                </Field>
                {c.steeringCommittee && (
                  <Field label={t("contracts.steeringCommittee")} pre>
                    {c.steeringCommittee}
                  </Field>
                )}
              </SimpleGrid>
            </Card>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Stack>
            <ContractDocuments contract={c} canManage={canManage} onChanged={changed} />
            <ContractRevisions contract={c} />
          </Stack>
        </Grid.Col>
      </Grid>

      <ContractInvoices contract={c} canManage={canManage} onChanged={changed} />
      <ContractHistory contract={c} />
    </Stack>
  );
}

function RateCard({ contract: c }: { contract: ContractDetail }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const r = c.rate;
  const basis = (b: string | null) => (b ? t(`contracts.bases.${b}`) : "—");
  const signed = !!r.fixedAt;
  return (
    <Card withBorder h="100%" data-testid="rate-box">
      <Title order={3} size="h4" mb="sm">
        {t("contracts.page.rateTitle")}
      </Title>
      <Group gap="xs" align="baseline">
        <Text size="xl" fw={700} data-testid="contract-rate">
          {r.rateBp === null ? "—" : percent(r.rateBp)}
        </Text>
        <Text size="sm">{basis(r.basis)}</Text>
      </Group>
      <Text size="xs" c="dimmed">
        {t("contracts.page.step", { step: yen(r.step, fmt.locale) })}
      </Text>
      <Text size="sm" mt={6}>
        {signed
          ? t("contracts.page.fixedAt", {
              date:
                fmt.locale === "ja"
                  ? formatDateWareki(c.signedOn ?? r.fixedAt!)
                  : fmt.date(c.signedOn ?? r.fixedAt!),
            })
          : r.exceptionReason
            ? t("contracts.page.negotiated")
            : r.effectiveFrom
              ? t("contracts.page.followsTable", { from: r.effectiveFrom })
              : t("contracts.page.noRate")}
      </Text>
      {r.exceptionReason && (
        <Alert
          color="yellow"
          mt="sm"
          p="xs"
          title={t("contracts.page.exception")}
          data-testid="rate-exception"
        >
          <Text size="sm" className="kyoso-pre">
            {r.exceptionReason}
          </Text>
        </Alert>
      )}
      {!signed && (
        <Text size="xs" c={r.table ? "dimmed" : "orange.8"} mt="sm">
          {r.table
            ? t("contracts.page.tableNow", {
                rate: percent(r.table.rateBp),
                basis: basis(r.table.basis),
                from: r.table.effectiveFrom,
              })
            : t("contracts.page.tableMissing")}
        </Text>
      )}
      <Stack gap={4} mt="md">
        {(["direct", "indirect", "researchFee"] as const).map((k) => (
          <Group key={k} justify="space-between" wrap="nowrap">
            <Text size="sm">{t(`contracts.${k}`)}</Text>
            <Text size="sm" className="kyoso-nowrap">
              {yen(c.totals[k], fmt.locale)}
            </Text>
          </Group>
        ))}
        <Group
          justify="space-between"
          wrap="nowrap"
          pt={4}
          style={{ borderTop: "1px solid var(--mantine-color-gray-3)" }}
        >
          <Text size="sm" fw={700}>
            {t("contracts.total")}
          </Text>
          <Text size="sm" fw={700} className="kyoso-nowrap" data-testid="contract-total">
            {yen(c.totals.total, fmt.locale)}
          </Text>
        </Group>
        <Text size="xs" c="dimmed">
          {c.taxRateBp === null
            ? t("contracts.taxExempt")
            : t("contracts.page.taxNote", { rate: c.taxRateBp / 100 })}
        </Text>
      </Stack>
    </Card>
  );
}

function BudgetCard({ contract: c }: { contract: ContractDetail }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const sum = (k: (typeof DIRECT_KINDS)[number]) => c.budget.reduce((a, b) => a + b[k], 0);
  return (
    <Card withBorder data-testid="contract-budget">
      <Title order={3} size="h4" mb="sm">
        {t("contracts.page.budget")}
      </Title>
      {c.budget.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("contracts.page.noBudget")}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={900}>
          <Table verticalSpacing={6} horizontalSpacing="xs" striped>
            <BudgetTableHead />
            <Table.Tbody>
              {c.budget.map((b) => (
                <Table.Tr key={b.fiscalYear}>
                  <Table.Td className="kyoso-nowrap">{fmt.fiscalYear(b.fiscalYear)}</Table.Td>
                  {DIRECT_KINDS.map((k) => (
                    <Num key={k}>{yen(b[k], fmt.locale)}</Num>
                  ))}
                  <Num>{yen(b.direct, fmt.locale)}</Num>
                  <Num>{yen(b.indirect, fmt.locale)}</Num>
                  <Num>{yen(b.researchFee, fmt.locale)}</Num>
                  <Num strong>{yen(b.total, fmt.locale)}</Num>
                </Table.Tr>
              ))}
            </Table.Tbody>
            <Table.Tfoot>
              <Table.Tr>
                <Table.Th>{t("contracts.sum")}</Table.Th>
                {DIRECT_KINDS.map((k) => (
                  <Table.Th key={k} ta="right" className="kyoso-nowrap">
                    {yen(sum(k), fmt.locale)}
                  </Table.Th>
                ))}
                <Table.Th ta="right" className="kyoso-nowrap">
                  {yen(c.totals.direct, fmt.locale)}
                </Table.Th>
                <Table.Th ta="right" className="kyoso-nowrap">
                  {yen(c.totals.indirect, fmt.locale)}
                </Table.Th>
                <Table.Th ta="right" className="kyoso-nowrap">
                  {yen(c.totals.researchFee, fmt.locale)}
                </Table.Th>
                <Table.Th ta="right" className="kyoso-nowrap">
                  {yen(c.totals.total, fmt.locale)}
                </Table.Th>
              </Table.Tr>
            </Table.Tfoot>
          </Table>
        </Table.ScrollContainer>
      )}
    </Card>
  );
}

function PartiesCard({ contract: c }: { contract: ContractDetail }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <Card withBorder data-testid="contract-parties">
      <Title order={3} size="h4" mb="sm">
        {t("contracts.page.parties")}
      </Title>
      <Stack gap="sm">
        {c.parties.map((p) => {
          const paying = (PAYING_ROLES as readonly string[]).includes(p.role);
          return (
            <Paper key={p.id} withBorder p="sm" radius="sm">
              <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
                <div>
                  <Group gap={6}>
                    <Anchor component={Link} to={`/organizations/${p.organizationId}`} size="sm" fw={700}>
                      {p.name}
                    </Anchor>
                    <Badge size="sm" variant="light" color={paying ? "orange" : "indigo"} miw="max-content">
                      {lbl(PARTY_ROLE_LABELS, p.role, fmt.locale)}
                    </Badge>
                  </Group>
                  {(p.department || p.contactName || p.contactEmail) && (
                    <Text size="xs" c="dimmed">
                      {[p.department, p.contactName, p.contactEmail].filter(Boolean).join(" · ")}
                    </Text>
                  )}
                  {(p.postalCode || p.address) && (
                    <Text size="xs" c="dimmed">
                      {p.postalCode ? `〒${p.postalCode} ` : ""}
                      {p.address}
                    </Text>
                  )}
                </div>
              </Group>
              {paying && p.contributions.length > 0 && (
                <Table.ScrollContainer minWidth={480} mt="xs">
                  <Table verticalSpacing={4} withTableBorder fz="sm">
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{t("contracts.fiscalYear")}</Table.Th>
                        <Table.Th ta="right">{t("contracts.page.share")}</Table.Th>
                        <Table.Th ta="right">{t("contracts.page.invoiced")}</Table.Th>
                        <Table.Th ta="right">{t("contracts.page.remaining")}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {p.contributions.map((x) => (
                        <Table.Tr key={x.fiscalYear}>
                          <Table.Td className="kyoso-nowrap">{fmt.fiscalYear(x.fiscalYear)}</Table.Td>
                          <Num>{yen(x.amount, fmt.locale)}</Num>
                          <Num>{yen(x.invoiced, fmt.locale)}</Num>
                          <Num strong={x.amount - x.invoiced > 0}>
                            {yen(x.amount - x.invoiced, fmt.locale)}
                          </Num>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              )}
            </Paper>
          );
        })}
      </Stack>
    </Card>
  );
}

function MembersCard({ contract: c }: { contract: ContractDetail }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <Card withBorder data-testid="contract-members">
      <Title order={3} size="h4" mb="sm">
        {t("contracts.page.members")}
      </Title>
      {c.members.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("contracts.form.noMembers")}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table verticalSpacing={6}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("contracts.memberKind")}</Table.Th>
                <Table.Th>{t("contracts.page.name")}</Table.Th>
                <Table.Th>{t("contracts.organization")}</Table.Th>
                <Table.Th>{t("contracts.task")}</Table.Th>
                <Table.Th ta="right">{t("contracts.researchFee")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {c.members.map((m) => (
                <Table.Tr key={m.id}>
                  <Table.Td className="kyoso-nowrap">
                    <Badge size="sm" variant={m.kind === "pi" ? "filled" : "light"} miw="max-content">
                      {lbl(MEMBER_KIND_LABELS, m.kind, fmt.locale)}
                    </Badge>
                  </Table.Td>
                  <Table.Td className="kyoso-nowrap">
                    {m.researcherId ? (
                      <Anchor component={Link} to={`/catalog/researchers/${m.researcherId}`} size="sm">
                        {m.name}
                      </Anchor>
                    ) : (
                      m.name
                    )}
                  </Table.Td>
                  <Table.Td>{m.organizationName ?? "—"}</Table.Td>
                  <Table.Td>
                    <Text size="sm" className="kyoso-pre">
                      {m.task ?? "—"}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right">
                    {m.fees.filter((f) => f.amount > 0).length === 0
                      ? "—"
                      : m.fees
                          .filter((f) => f.amount > 0)
                          .map((f) => (
                            <Text key={f.fiscalYear} size="sm" className="kyoso-nowrap">
                              {fmt.fiscalYear(f.fiscalYear)} {yen(f.amount, fmt.locale)}
                            </Text>
                          ))}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Card>
  );
}
