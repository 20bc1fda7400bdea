/**
 * A contract's revisions (revision 0 = as signed; each amendment the next) with what each changed, and
 * its history (events: created, edited, status changes, invoices, payments, documents).
 */
import {
  Alert,
  Badge,
  Card,
  Code,
  Group,
  Loader,
  Modal,
  Stack,
  Table,
  Text,
  Timeline,
  Title,
  UnstyledButton,
} from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import {
  CONTRACT_STATUS_LABELS,
  DIRECT_KINDS,
  MEMBER_KIND_LABELS,
  PARTY_ROLE_LABELS,
} from "../../server/modules/contracts/codes";
import { api } from "../api";
import { type ContractDetail, type ContractRevision, lbl, yen } from "../contracts";
import { useFormat } from "../format";
import { errorMessage } from "./feedback";

export function ContractRevisions({ contract: c }: { contract: ContractDetail }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [open, setOpen] = useState<number | null>(null);
  return (
    <Card withBorder data-testid="contract-revisions">
      <Title order={3} size="h4" mb="sm">
        {t("contracts.revisions.title")}
      </Title>
      {c.revisions.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("contracts.revisions.none")}
        </Text>
      ) : (
        <Stack gap={6}>
          {c.revisions.map((r) => (
            <UnstyledButton
              key={r.id}
              onClick={() => setOpen(r.revision)}
              p={6}
              style={{ borderRadius: 4, border: "1px solid var(--mantine-color-gray-3)" }}
            >
              <Group justify="space-between" wrap="nowrap" gap="xs">
                <Text size="sm" fw={600}>
                  {r.revision === 0
                    ? t("contracts.revisions.signed")
                    : t("contracts.revisions.amendment", { n: r.revision })}
                </Text>
                <Text size="xs" c="dimmed" className="kyoso-nowrap">
                  {t("contracts.revisions.effective", { date: r.effectiveOn })}
                </Text>
              </Group>
              {r.reason && (
                <Text size="xs" lineClamp={2}>
                  {r.reason}
                </Text>
              )}
              <Text size="xs" c="dimmed">
                {r.revision > 0 && `${t("contracts.revisions.changed", { count: r.fields.length })} · `}
                {r.createdBy ?? "—"} · {fmt.dateTime(r.createdAt)}
              </Text>
            </UnstyledButton>
          ))}
        </Stack>
      )}
      {open !== null && <RevisionModal contract={c} revision={open} onClose={() => setOpen(null)} />}
    </Card>
  );
}

function RevisionModal({
  contract: c,
  revision,
  onClose,
}: {
  contract: ContractDetail;
  revision: number;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const q = useQuery({
    queryKey: ["contracts", "revision", c.id, revision],
    queryFn: () => api<ContractRevision>(`/api/contracts/${c.id}/revisions/${revision}`),
  });
  const r = q.data;
  const changes = (r?.changes ?? []) as { field: string; from: unknown; to: unknown }[];
  return (
    <Modal
      opened
      onClose={onClose}
      size="xl"
      title={
        revision === 0 ? t("contracts.revisions.signed") : t("contracts.revisions.amendment", { n: revision })
      }
    >
      {q.isLoading && <Loader size="sm" />}
      {q.error && <Alert color="red">{errorMessage(q.error)}</Alert>}
      {r && (
        <Stack>
          <Group gap="lg">
            <Text size="sm">{t("contracts.revisions.effective", { date: r.effectiveOn })}</Text>
            {r.reason && <Text size="sm">{t("contracts.revisions.reason", { reason: r.reason })}</Text>}
          </Group>
          {revision === 0 || changes.length === 0 ? (
            <Text size="sm" c="dimmed">
              {revision === 0 ? t("contracts.revisions.signedHelp") : t("contracts.revisions.noChanges")}
            </Text>
          ) : (
            <Table.ScrollContainer minWidth={700}>
              <Table verticalSpacing={6} withTableBorder data-testid="revision-changes">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w={160}>{t("contracts.revisions.field")}</Table.Th>
                    <Table.Th>{t("contracts.revisions.before")}</Table.Th>
                    <Table.Th>{t("contracts.revisions.after")}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {changes.map((x) => (
                    <Table.Tr key={x.field}>
                      <Table.Td fw={600} style={{ verticalAlign: "top" }}>
                        {t(`contracts.fieldNames.${x.field}`, { defaultValue: x.field })}
                      </Table.Td>
                      <Table.Td style={{ verticalAlign: "top" }}>
                        <ValueView field={x.field} value={x.from} contract={c} />
                      </Table.Td>
                      <Table.Td style={{ verticalAlign: "top" }}>
                        <ValueView field={x.field} value={x.to} contract={c} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Stack>
      )}
    </Modal>
  );
}

type Rec = Record<string, unknown>;
const num = (v: unknown) => (typeof v === "number" ? v : Number(v ?? 0));

/** A value of a revision's change, readable: money as yen, years as 年度, people and parties by name. */
function ValueView({
  field,
  value,
  contract: c,
}: {
  field: string;
  value: unknown;
  contract: ContractDetail;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const lines = (items: ReactNode[]) => (
    <Stack gap={2}>
      {items.map((x, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: display lines of one value
        <Text key={i} size="sm">
          {x}
        </Text>
      ))}
    </Stack>
  );
  if (value === null || value === undefined || value === "") return <Text size="sm">—</Text>;
  if (typeof value !== "object")
    return (
      <Text size="sm" className="kyoso-pre">
        {String(value)}
      </Text>
    );
  if (field === "totals") {
    const v = value as Rec;
    return lines(
      (["direct", "indirect", "researchFee", "total"] as const).map(
        (k) => `${t(`contracts.${k}`)}: ${yen(num(v[k]), fmt.locale)}`,
      ),
    );
  }
  if ((field === "budgetYears" || field === "budget") && Array.isArray(value)) {
    return lines(
      (value as Rec[]).map((y) => {
        const amount =
          field === "budgetYears" ? num(y.total) : DIRECT_KINDS.reduce((a, k) => a + num(y[k]), 0);
        return `${fmt.fiscalYear(num(y.fiscalYear))}: ${yen(amount, fmt.locale)}${
          field === "budget" ? ` (${t("contracts.direct")})` : ""
        }`;
      }),
    );
  }
  if (field === "parties" && Array.isArray(value)) {
    const names = new Map(c.parties.map((p) => [p.organizationId, p.name]));
    return lines(
      (value as Rec[]).map((p) => {
        const contributions = (p.contributions as Rec[] | undefined) ?? [];
        const sum = contributions.reduce((a, x) => a + num(x.amount), 0);
        return `${names.get(String(p.organizationId)) ?? String(p.organizationId).slice(0, 8)}（${lbl(
          PARTY_ROLE_LABELS,
          String(p.role),
          fmt.locale,
        )}）${sum ? ` ${yen(sum, fmt.locale)}` : ""}`;
      }),
    );
  }
  if (field === "members" && Array.isArray(value)) {
    return lines(
      (value as Rec[]).map((m) => {
        const fees = (m.fees as Rec[] | undefined) ?? [];
        const sum = fees.reduce((a, x) => a + num(x.amount), 0);
        return `${String(m.name ?? "—")}（${lbl(MEMBER_KIND_LABELS, String(m.kind), fmt.locale)}）${
          sum ? ` ${t("contracts.researchFee")} ${yen(sum, fmt.locale)}` : ""
        }`;
      }),
    );
  }
  return (
    <Code block style={{ maxHeight: 200, overflow: "auto", fontSize: 11 }}>
      {JSON.stringify(value, null, 1)}
    </Code>
  );
}

export function ContractHistory({ contract: c }: { contract: ContractDetail }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <Card withBorder data-testid="contract-history">
      <Title order={3} size="h4" mb="sm">
        {t("contracts.history.title")}
      </Title>
      <Timeline bulletSize={12} lineWidth={2}>
        {c.events.map((e) => {
          const to = e.data.to as string | undefined;
          const from = e.data.from as string | undefined;
          return (
            <Timeline.Item
              key={e.id}
              title={
                <Group gap={6}>
                  <Text size="sm" fw={600}>
                    {t(`contracts.history.kinds.${e.kind}`, { defaultValue: e.kind })}
                  </Text>
                  {e.kind === "status" && to && (
                    <Badge size="xs" variant="light" color={to === "cancelled" ? "gray" : "indigo"}>
                      {from ? `${lbl(CONTRACT_STATUS_LABELS, from, fmt.locale)} → ` : ""}
                      {lbl(CONTRACT_STATUS_LABELS, to, fmt.locale)}
                    </Badge>
                  )}
                </Group>
              }
            >
              {e.body && (
                <Text size="sm" className="kyoso-pre">
                  {e.body}
                </Text>
              )}
              <Text size="xs" c="dimmed">
                {e.actor ?? "—"} · {fmt.dateTime(e.createdAt)}
              </Text>
            </Timeline.Item>
          );
        })}
      </Timeline>
    </Card>
  );
}
