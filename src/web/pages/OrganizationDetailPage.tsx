import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from "@mantine/core";
import { modals } from "@mantine/modals";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { isInstitutionType } from "../../shared/roles";
import { api, type OrganizationDetail } from "../api";
import { Field } from "../components/Field";
import { ErrorAlert, errorMessage, notifySaved, PageLoader } from "../components/feedback";
import { OrganizationFormModal } from "../components/OrganizationForm";
import { useFormat } from "../format";
import { useAreas } from "../queries";
import { useMe, usePermissions } from "../session";

export function OrganizationDetailPage() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const fmt = useFormat();
  const can = usePermissions();
  const { data: me } = useMe();
  const areas = useAreas();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [editing, setEditing] = useState(false);
  const [deleteError, setDeleteError] = useState<unknown>(null);
  const org = useQuery({
    queryKey: ["organization", id],
    queryFn: () => api<OrganizationDetail>(`/api/organizations/${id}`),
  });

  if (org.isLoading) return <PageLoader />;
  if (org.error || !org.data) return <ErrorAlert error={org.error} />;
  const o = org.data;
  const institution = isInstitutionType(o.type);
  const canEdit = institution ? me?.user.role === "admin" : can("organizations:update");
  const canDelete = can("organizations:delete") && !o.isReference;

  const confirmDelete = () =>
    modals.openConfirmModal({
      title: t("common.delete"),
      children: <Text size="sm">{t("org.deleteConfirm", { name: o.nameJa })}</Text>,
      labels: { confirm: t("common.delete"), cancel: t("common.cancel") },
      confirmProps: { color: "red" },
      onConfirm: async () => {
        try {
          await api(`/api/organizations/${o.id}`, { method: "DELETE" });
          await qc.invalidateQueries({ queryKey: ["organizations"] });
          notifySaved(t("org.deleted"));
          await navigate("/organizations");
        } catch (e) {
          setDeleteError(e);
        }
      },
    });

  return (
    <Stack maw={1100}>
      <Anchor component={Link} to="/organizations" size="sm">
        ← {t("org.title")}
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={2}>{fmt.orgName(o)}</Title>
          <Text c="dimmed" size="sm">
            {fmt.locale === "ja" ? [o.nameKana, o.nameEn].filter(Boolean).join(" / ") : o.nameJa}
          </Text>
          <Group gap={6} mt={6}>
            <Badge variant="light">{fmt.orgType(o.type)}</Badge>
            {o.areaCode && <Badge variant="outline">{fmt.area(areas.data, o.areaCode)}</Badge>}
            {o.kosenBlock && (
              <Badge variant="outline" color="gray">
                {fmt.block(o.kosenBlock)}
              </Badge>
            )}
            {o.isReference && <Badge color="indigo">{t("org.reference")}</Badge>}
            {o.isDemo && (
              <Badge color="orange" variant="outline">
                {t("common.demo")}
              </Badge>
            )}
          </Group>
        </div>
        <Group gap="xs">
          {canEdit && <Button onClick={() => setEditing(true)}>{t("common.edit")}</Button>}
          {canDelete && (
            <Button color="red" variant="light" onClick={confirmDelete}>
              {t("common.delete")}
            </Button>
          )}
        </Group>
      </Group>
      {deleteError ? (
        <Alert color="red" role="alert">
          {errorMessage(deleteError)}
        </Alert>
      ) : null}
      {institution && !canEdit && (
        <Text size="xs" c="dimmed">
          {t("org.referenceHint")}
        </Text>
      )}
      <Card withBorder>
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
          <Field label={t("org.shortNameJa")}>{o.shortNameJa}</Field>
          <Field label={t("org.shortNameEn")}>{o.shortNameEn}</Field>
          <Field label={t("org.corporateNumber")}>{o.corporateNumber}</Field>
          <Field label={t("org.prefecture")}>{fmt.prefecture(o.prefecture)}</Field>
          <Field label={t("org.city")}>{o.city}</Field>
          <Field label={t("org.address")}>{o.address}</Field>
          <Field label={t("org.website")}>
            {o.website ? (
              <Anchor href={o.website} target="_blank" rel="noopener noreferrer">
                {o.website}
              </Anchor>
            ) : null}
          </Field>
          <Field label={t("org.users")}>{String(o.userCount)}</Field>
          <Field label={t("org.updatedAt")}>{fmt.date(o.updatedAt)}</Field>
        </SimpleGrid>
        {o.notes && (
          <Text size="sm" mt="md" style={{ whiteSpace: "pre-wrap" }}>
            {o.notes}
          </Text>
        )}
      </Card>
      {o.campuses.length > 0 && (
        <Card withBorder>
          <Title order={3} size="h4" mb="xs">
            {t("org.campuses")}
          </Title>
          <Table>
            <Table.Tbody>
              {o.campuses.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>
                    {fmt.locale === "en" && c.nameEn ? c.nameEn : c.nameJa}{" "}
                    {c.isMain && o.campuses.length > 1 && (
                      <Badge size="xs" variant="light">
                        {t("org.mainCampus")}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>{fmt.prefecture(c.prefecture)}</Table.Td>
                  <Table.Td>{c.city}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Card>
      )}
      {editing && (
        <OrganizationFormModal
          organization={o}
          onClose={() => setEditing(false)}
          onSaved={() => setEditing(false)}
        />
      )}
    </Stack>
  );
}
