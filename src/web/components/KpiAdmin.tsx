/**
 * For admins (kpi:configure): the targets of the selected fiscal year, and freezing a closed year's
 * figures and records (once). Everyone who reads KPIs sees when a year was frozen and can compare.
 */
import {
  Alert,
  Anchor,
  Button,
  Group,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from "@mantine/core";
import { modals } from "@mantine/modals";
import { IconLock, IconTarget } from "@tabler/icons-react";
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { formatDateTime } from "../../shared/dates";
import { formatYenCompact } from "../../shared/money";
import { api } from "../api";
import { useFormat } from "../format";
import {
  type Calendar,
  DEFAULT_TARGETS,
  fiscalYearLabel,
  formatTarget,
  KPI_CODES,
  type KpiCode,
  type KpiDashboard,
  type KpiTargets,
} from "../kpi";
import { usePermissions } from "../session";
import { ErrorAlert, notifySaved } from "./feedback";

/** A frozen year's note and link (everyone), or the admin's freeze button for a closed year. */
export function KpiFreezeNote({ data, calendar }: { data: KpiDashboard; calendar: Calendar }) {
  const { t } = useTranslation();
  const { locale } = useFormat();
  const year = fiscalYearLabel(data.fiscalYear, locale, calendar);
  if (!data.snapshot) return null;
  return (
    <Alert color="gray" icon={<IconLock size={18} />} data-testid="kpi-frozen">
      <Group gap="sm">
        <Text size="sm">{t("kpi.admin.frozen", { year, at: formatDateTime(data.snapshot.takenAt) })}</Text>
        <Anchor
          component={Link}
          to={`/kpi/snapshots/${data.fiscalYear}${calendar === "seireki" ? "?cal=seireki" : ""}`}
          size="sm"
        >
          {t("kpi.admin.openSnapshot")}
        </Anchor>
      </Group>
    </Alert>
  );
}

export function KpiAdmin({ data, calendar }: { data: KpiDashboard; calendar: Calendar }) {
  const { t } = useTranslation();
  const { locale } = useFormat();
  const can = usePermissions();
  const qc = useQueryClient();
  const fy = data.fiscalYear;
  const year = fiscalYearLabel(fy, locale, calendar);
  const current = Object.fromEntries(data.kpis.map((k) => [k.code, k.target])) as KpiTargets;
  const [targets, setTargets] = useState<Record<KpiCode, number | string>>(current);
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const key = `${fy}:${KPI_CODES.map((c) => current[c]).join(",")}`;
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset the form when the year or the saved targets change
  useEffect(() => {
    setTargets(current);
    setError(null);
  }, [key]);
  if (!can("kpi:configure")) return null;

  const save = async () => {
    setSaving(true);
    setError(null);
    try {
      const body = Object.fromEntries(
        KPI_CODES.map((c) => [c, typeof targets[c] === "number" ? targets[c] : Number(targets[c])]),
      );
      await api<KpiTargets>(`/api/kpi/targets/${fy}`, { method: "PUT", body });
      await qc.invalidateQueries({ queryKey: ["kpi"] });
      notifySaved(t("kpi.admin.targetsSaved"));
    } catch (e) {
      setError(e);
    } finally {
      setSaving(false);
    }
  };

  const freeze = () =>
    modals.openConfirmModal({
      title: t("kpi.admin.freeze", { year }),
      children: <Text size="sm">{t("kpi.admin.freezeConfirm", { year })}</Text>,
      labels: { confirm: t("kpi.admin.freezeAction"), cancel: t("common.cancel") },
      confirmProps: { color: "orange" },
      onConfirm: async () => {
        try {
          await api(`/api/kpi/snapshots`, { method: "POST", body: { fiscalYear: fy } });
          await qc.invalidateQueries({ queryKey: ["kpi"] });
          notifySaved(t("kpi.admin.frozenDone"));
        } catch (e) {
          setError(e);
        }
      },
    });

  const defaults = (code: KpiCode) =>
    t("kpi.admin.defaultTarget", { value: formatTarget(code, DEFAULT_TARGETS[code], locale) });
  const field = (code: KpiCode, labelKey: string, opts: { suffix?: string; decimals?: number }) => (
    <NumberInput
      label={t(labelKey)}
      value={targets[code]}
      onChange={(v) => setTargets((s) => ({ ...s, [code]: v }))}
      min={0}
      allowNegative={false}
      thousandSeparator=","
      decimalScale={opts.decimals ?? 0}
      suffix={opts.suffix}
      styles={{ input: { textAlign: "right" } }}
      description={
        code === "kpi1" && typeof targets.kpi1 === "number" && targets.kpi1 !== DEFAULT_TARGETS.kpi1
          ? `${formatYenCompact(targets.kpi1, locale)}・${defaults(code)}`
          : defaults(code)
      }
    />
  );

  return (
    <Paper withBorder p="md" radius="md" data-testid="kpi-admin">
      <Stack gap="sm">
        <Title order={3} size="h4">
          {t("kpi.admin.title")}
        </Title>
        <ErrorAlert error={error} />
        <Text fw={700} size="sm">
          <IconTarget size={14} style={{ verticalAlign: -2 }} /> {t("kpi.admin.targets", { year })}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm">
          {field("kpi1", "kpi.admin.targetYen", { suffix: locale === "ja" ? "円" : "" })}
          {field("kpi2", "kpi.admin.targetPercent", { suffix: "%", decimals: 1 })}
          {field("kpi3", "kpi.admin.targetCount3", {})}
          {field("kpi4", "kpi.admin.targetCount4", {})}
        </SimpleGrid>
        <Group>
          <Button onClick={save} loading={saving} leftSection={<IconTarget size={16} />}>
            {t("kpi.admin.saveTargets")}
          </Button>
        </Group>
        {!data.snapshot && (
          <Stack gap={6} mt="sm">
            <Text size="xs" c="dimmed" maw={820}>
              {t("kpi.admin.freezeHelp")}
            </Text>
            <Group>
              <Button
                variant="light"
                color="orange"
                leftSection={<IconLock size={16} />}
                disabled={!data.closed}
                onClick={freeze}
              >
                {t("kpi.admin.freeze", { year })}
              </Button>
              {!data.closed && (
                <Text size="xs" c="dimmed">
                  {t("kpi.admin.freezeNotClosed", { year })}
                </Text>
              )}
            </Group>
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
