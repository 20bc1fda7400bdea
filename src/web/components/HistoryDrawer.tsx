import { Badge, Code, Drawer, Stack, Text, Timeline } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { api, type Revision } from "../api";
import { useFormat } from "../format";
import { PageLoader } from "./feedback";

function short(v: unknown): string {
  if (v == null) return "—";
  const s = typeof v === "string" ? v : JSON.stringify(v);
  return s.length > 120 ? `${s.slice(0, 120)}…` : s;
}

/**
 * Who changed what, when: the revisions of a seed, a profile or a need. `fieldLabel` and `valueLabel`
 * name fields and coded values in the UI's language (raw otherwise).
 */
export function HistoryDrawer({
  url,
  opened,
  onClose,
  fieldLabel = (f) => f,
  valueLabel = (_f, v) => v,
}: {
  url: string;
  opened: boolean;
  onClose: () => void;
  fieldLabel?: (field: string) => string;
  valueLabel?: (field: string, value: unknown) => unknown;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const q = useQuery({ queryKey: ["history", url], queryFn: () => api<Revision[]>(url), enabled: opened });
  return (
    <Drawer opened={opened} onClose={onClose} title={t("seedEdit.history")} position="right" size="lg">
      {q.isLoading && <PageLoader />}
      {q.data?.length === 0 && <Text c="dimmed">{t("seedEdit.noHistory")}</Text>}
      <Timeline bulletSize={14} lineWidth={2}>
        {q.data?.map((r) => (
          <Timeline.Item key={`${r.version}-${r.at}`} title={`v${r.version} ・ ${fmt.dateTime(r.at)}`}>
            <Text size="xs" c="dimmed">
              {r.actorName ?? r.actorEmail ?? "—"}{" "}
              <Badge size="xs" variant="light">
                {t(`seedEdit.source.${r.source}`, { defaultValue: r.source })}
              </Badge>
            </Text>
            <Stack gap={2} mt={4}>
              {Object.entries(r.changes).map(([field, c]) => (
                <Text key={field} size="xs">
                  <b>{fieldLabel(field)}</b>: <Code>{short(valueLabel(field, c.from))}</Code> →{" "}
                  <Code>{short(valueLabel(field, c.to))}</Code>
                </Text>
              ))}
            </Stack>
          </Timeline.Item>
        ))}
      </Timeline>
    </Drawer>
  );
}
