import {
  Alert,
  Button,
  Code,
  CopyButton,
  Group,
  Modal,
  MultiSelect,
  PasswordInput,
  Radio,
  Select,
  Stack,
  Text,
  TextInput,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ROLE_ORG_TYPES, ROLES, type Role } from "../../shared/roles";
import { ApiError, api, type User } from "../api";
import { useFormat } from "../format";
import { useAreas, useOrganizationOptions } from "../queries";
import { applyFieldErrors, ErrorAlert, notifySaved } from "./feedback";

const COVERAGE_ROLES: Role[] = ["coordinator", "contract_officer", "education_manager", "executive"];

function randomPassword(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return btoa(String.fromCharCode(...bytes))
    .replace(/[+/=]/g, "")
    .slice(0, 14);
}

interface Values {
  email: string;
  displayName: string;
  role: Role | "";
  organizationId: string;
  mode: "invite" | "password";
  password: string;
  areas: string[];
  institutions: string[];
}

/** Create a user (invitation link or temporary password) or edit one. */
export function UserFormModal({ user, onClose }: { user?: User; onClose: () => void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const qc = useQueryClient();
  const areas = useAreas();
  const [error, setError] = useState<unknown>(null);
  const [invite, setInvite] = useState<{ url: string; expires: string } | null>(null);
  const [orgSearch, setOrgSearch] = useState("");
  const form = useForm<Values>({
    initialValues: {
      email: user?.email ?? "",
      displayName: user?.displayName ?? "",
      role: user?.role ?? "",
      organizationId: user?.organizationId ?? "",
      mode: "invite",
      password: "",
      areas: user?.coverage.flatMap((c) => (c.areaCode ? [c.areaCode] : [])) ?? [],
      institutions: user?.coverage.flatMap((c) => (c.organizationId ? [c.organizationId] : [])) ?? [],
    },
    validate: {
      role: (v) => (v ? null : t("common.required")),
      organizationId: (v) => (v ? null : t("common.required")),
    },
  });
  const role = form.values.role;
  const orgs = useOrganizationOptions(role ? ROLE_ORG_TYPES[role] : [], orgSearch);
  const institutions = useOrganizationOptions(["university", "kosen"], "");
  const orgData = (orgs.data?.items ?? []).map((o) => ({
    value: o.id,
    label: `${o.nameJa}（${fmt.orgType(o.type)}）`,
  }));
  if (user && !orgData.some((o) => o.value === user.organizationId)) {
    orgData.unshift({ value: user.organizationId, label: user.organizationName });
  }

  const submit = form.onSubmit(async (v) => {
    setError(null);
    const coverage = COVERAGE_ROLES.includes(v.role as Role)
      ? [
          ...v.areas.map((areaCode) => ({ kind: "area", areaCode })),
          ...v.institutions.map((organizationId) => ({ kind: "organization", organizationId })),
        ]
      : [];
    try {
      if (user) {
        await api(`/api/users/${user.id}`, {
          method: "PATCH",
          body: {
            version: user.version,
            displayName: v.displayName,
            role: v.role,
            organizationId: v.organizationId,
            coverage,
          },
        });
        notifySaved();
        await qc.invalidateQueries({ queryKey: ["users"] });
        onClose();
      } else {
        const created = await api<{ inviteUrl: string | null; inviteExpiresAt: string | null }>(
          "/api/users",
          {
            method: "POST",
            body: {
              email: v.email,
              displayName: v.displayName,
              role: v.role,
              organizationId: v.organizationId,
              mode: v.mode,
              password: v.mode === "password" ? v.password : undefined,
              coverage,
            },
          },
        );
        await qc.invalidateQueries({ queryKey: ["users"] });
        if (created.inviteUrl && created.inviteExpiresAt)
          setInvite({ url: created.inviteUrl, expires: created.inviteExpiresAt });
        else {
          notifySaved(t("users.created"));
          onClose();
        }
      }
    } catch (e) {
      if (!applyFieldErrors(form, e) || (e instanceof ApiError && e.code === "CONFLICT")) setError(e);
    }
  });

  if (invite) {
    return (
      <Modal opened onClose={onClose} title={t("users.inviteCreated")} size="lg">
        <Stack>
          <Text size="sm">{t("users.inviteHint", { date: fmt.dateTime(invite.expires) })}</Text>
          <Code block data-testid="invite-url">
            {invite.url}
          </Code>
          <Group justify="flex-end">
            <CopyButton value={invite.url}>
              {({ copied, copy }) => (
                <Button variant="light" onClick={copy}>
                  {copied ? t("common.copied") : t("common.copy")}
                </Button>
              )}
            </CopyButton>
            <Button onClick={onClose}>{t("common.close")}</Button>
          </Group>
        </Stack>
      </Modal>
    );
  }

  return (
    <Modal opened onClose={onClose} title={user ? t("users.editTitle") : t("users.createTitle")} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          <ErrorAlert error={error} />
          <TextInput
            label={t("users.email")}
            type="email"
            required
            disabled={!!user}
            {...form.getInputProps("email")}
          />
          <TextInput label={t("users.name")} required {...form.getInputProps("displayName")} />
          <Select
            label={t("users.role")}
            data={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
            required
            {...form.getInputProps("role")}
            onChange={(v) => {
              form.setFieldValue("role", (v ?? "") as Role | "");
              if (!user) form.setFieldValue("organizationId", "");
            }}
          />
          <Select
            label={t("users.organization")}
            placeholder={t("users.chooseOrganization")}
            data={orgData}
            searchable
            onSearchChange={setOrgSearch}
            disabled={!role}
            required
            nothingFoundMessage={t("org.noResults")}
            {...form.getInputProps("organizationId")}
          />
          {COVERAGE_ROLES.includes(role as Role) && (
            <>
              <Text size="sm" c="dimmed">
                {t("users.coverageHint")}
              </Text>
              <MultiSelect
                label={t("users.coverageAreas")}
                data={(areas.data ?? []).map((a) => ({
                  value: a.code,
                  label: fmt.locale === "ja" ? a.nameJa : a.nameEn,
                }))}
                clearable
                {...form.getInputProps("areas")}
              />
              <MultiSelect
                label={t("users.coverageOrgs")}
                data={(institutions.data?.items ?? []).map((o) => ({ value: o.id, label: o.nameJa }))}
                searchable
                clearable
                {...form.getInputProps("institutions")}
              />
            </>
          )}
          {!user && (
            <Radio.Group label={t("users.mode")} {...form.getInputProps("mode")}>
              <Stack gap={6} mt={6}>
                <Radio value="invite" label={t("users.modeInvite")} />
                <Radio value="password" label={t("users.modePassword")} />
              </Stack>
            </Radio.Group>
          )}
          {!user && form.values.mode === "password" && (
            <Group align="flex-end">
              <PasswordInput
                label={t("users.password")}
                style={{ flex: 1 }}
                required
                {...form.getInputProps("password")}
              />
              <Button variant="default" onClick={() => form.setFieldValue("password", randomPassword())}>
                {t("users.generate")}
              </Button>
            </Group>
          )}
          {!user && form.values.mode === "password" && form.values.password && (
            <Alert color="gray" variant="light">
              <Code>{form.values.password}</Code>
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={form.submitting}>
              {user ? t("common.save") : t("common.create")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
