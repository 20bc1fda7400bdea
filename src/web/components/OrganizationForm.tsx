import { Button, Group, Modal, Select, SimpleGrid, Stack, Textarea, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { checkCorporateNumber } from "../../shared/corporate-number";
import { KOSEN_BLOCKS, PREFECTURES } from "../../shared/regions";
import { isInstitutionType, ORG_TYPES, type OrgType } from "../../shared/roles";
import { ApiError, api, type OrganizationDetail } from "../api";
import { useFormat } from "../format";
import { useAreas } from "../queries";
import { useMe } from "../session";
import { applyFieldErrors, ErrorAlert, notifySaved } from "./feedback";

interface Values {
  type: OrgType | "";
  nameJa: string;
  nameKana: string;
  nameEn: string;
  shortNameJa: string;
  shortNameEn: string;
  corporateNumber: string;
  prefecture: string;
  city: string;
  address: string;
  website: string;
  areaCode: string;
  kosenBlock: string;
  notes: string;
}

function initial(o?: OrganizationDetail): Values {
  return {
    type: o?.type ?? "",
    nameJa: o?.nameJa ?? "",
    nameKana: o?.nameKana ?? "",
    nameEn: o?.nameEn ?? "",
    shortNameJa: o?.shortNameJa ?? "",
    shortNameEn: o?.shortNameEn ?? "",
    corporateNumber: o?.corporateNumber ?? "",
    prefecture: o?.prefecture ? String(o.prefecture) : "",
    city: o?.city ?? "",
    address: o?.address ?? "",
    website: o?.website ?? "",
    areaCode: o?.areaCode ?? "",
    kosenBlock: o?.kosenBlock ?? "",
    notes: o?.notes ?? "",
  };
}

/** Create (no `organization`) or edit an organisation. Field errors from the server land on their fields. */
export function OrganizationFormModal({
  organization,
  onClose,
  onSaved,
}: {
  organization?: OrganizationDetail;
  onClose: () => void;
  onSaved: (o: OrganizationDetail) => void;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { data: me } = useMe();
  const areas = useAreas();
  const qc = useQueryClient();
  const [error, setError] = useState<unknown>(null);
  const form = useForm<Values>({
    initialValues: initial(organization),
    validate: {
      type: (v) => (v ? null : t("common.required")),
      nameJa: (v) => (v.trim() ? null : t("common.required")),
      corporateNumber: (v) => {
        if (!v.trim()) return null;
        const r = checkCorporateNumber(v);
        return r.ok ? null : r.message;
      },
    },
  });
  const isAdmin = me?.user.role === "admin";
  const types = ORG_TYPES.filter((ty) => isAdmin || !isInstitutionType(ty));

  const submit = form.onSubmit(async (v) => {
    setError(null);
    const body = {
      nameJa: v.nameJa,
      nameKana: v.nameKana,
      nameEn: v.nameEn,
      shortNameJa: v.shortNameJa,
      shortNameEn: v.shortNameEn,
      corporateNumber: v.corporateNumber,
      prefecture: v.prefecture ? Number(v.prefecture) : null,
      city: v.city,
      address: v.address,
      website: v.website,
      areaCode: v.areaCode || null,
      kosenBlock: v.type === "kosen" ? v.kosenBlock || null : null,
      notes: v.notes,
    };
    try {
      const saved = organization
        ? await api<OrganizationDetail>(`/api/organizations/${organization.id}`, {
            method: "PATCH",
            body: { ...body, version: organization.version },
          })
        : await api<OrganizationDetail>("/api/organizations", {
            method: "POST",
            body: { ...body, type: v.type },
          });
      await qc.invalidateQueries({ queryKey: ["organizations"] });
      qc.setQueryData(["organization", saved.id], saved);
      notifySaved(organization ? t("common.saved") : t("org.created"));
      onSaved(saved);
    } catch (e) {
      if (!applyFieldErrors(form, e) || (e instanceof ApiError && e.code === "CONFLICT")) setError(e);
    }
  });

  return (
    <Modal
      opened
      onClose={onClose}
      title={organization ? t("org.editTitle") : t("org.createTitle")}
      size="lg"
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <ErrorAlert
            error={error}
            onReload={
              organization && error instanceof ApiError && error.details.reason === "stale_version"
                ? () => {
                    void qc.invalidateQueries({ queryKey: ["organization", organization.id] });
                    onClose();
                  }
                : undefined
            }
          />
          {!organization && (
            <Select
              label={t("org.type")}
              placeholder={t("org.chooseType")}
              data={types.map((ty) => ({ value: ty, label: fmt.orgType(ty) }))}
              required
              {...form.getInputProps("type")}
            />
          )}
          <TextInput label={t("org.nameJa")} required {...form.getInputProps("nameJa")} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t("org.nameKana")} {...form.getInputProps("nameKana")} />
            <TextInput label={t("org.shortNameJa")} {...form.getInputProps("shortNameJa")} />
            <TextInput label={t("org.nameEn")} {...form.getInputProps("nameEn")} />
            <TextInput label={t("org.shortNameEn")} {...form.getInputProps("shortNameEn")} />
          </SimpleGrid>
          <TextInput
            label={t("org.corporateNumber")}
            description={t("org.corporateNumberHint")}
            inputMode="numeric"
            maxLength={20}
            {...form.getInputProps("corporateNumber")}
          />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Select
              label={t("org.prefecture")}
              data={PREFECTURES.map((p) => ({ value: String(p.code), label: p[fmt.locale] }))}
              searchable
              clearable
              {...form.getInputProps("prefecture")}
            />
            <TextInput label={t("org.city")} {...form.getInputProps("city")} />
            <Select
              label={t("org.area")}
              data={(areas.data ?? []).map((a) => ({
                value: a.code,
                label: fmt.locale === "ja" ? a.nameJa : a.nameEn,
              }))}
              clearable
              {...form.getInputProps("areaCode")}
            />
          </SimpleGrid>
          {form.values.type === "kosen" && (
            <Select
              label={t("org.block")}
              data={KOSEN_BLOCKS.map((b) => ({ value: b.code, label: b[fmt.locale] }))}
              required
              {...form.getInputProps("kosenBlock")}
            />
          )}
          <TextInput label={t("org.address")} {...form.getInputProps("address")} />
          <TextInput label={t("org.website")} placeholder="https://" {...form.getInputProps("website")} />
          <Textarea label={t("org.notes")} autosize minRows={2} {...form.getInputProps("notes")} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={form.submitting}>
              {organization ? t("common.save") : t("common.create")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
