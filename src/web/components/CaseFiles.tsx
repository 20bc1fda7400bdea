import {
  ActionIcon,
  Alert,
  Anchor,
  Button,
  Card,
  FileButton,
  Group,
  Stack,
  Text,
  Title,
} from "@mantine/core";
import { modals } from "@mantine/modals";
import { IconDownload, IconTrash, IconUpload } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { MAX_CASE_FILE_BYTES } from "../../server/modules/cases/codes";
import { api, apiUpload } from "../api";
import type { CaseDetail } from "../cases";
import { useFormat } from "../format";
import { errorMessage } from "./feedback";

const size = (n: number) =>
  n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`;

/** Files of the case: upload (10 MB; kinds checked by the server), download, remove. */
export function CaseFiles({ kase, onChanged }: { kase: CaseDetail; onChanged: () => void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const upload = async (file: File | null) => {
    if (!file) return;
    setError(null);
    if (file.size > MAX_CASE_FILE_BYTES) {
      setError(t("cases.files.tooLarge", { name: file.name }));
      return;
    }
    setBusy(true);
    try {
      const form = new FormData();
      form.append("file", file);
      await apiUpload(`/api/cases/${kase.id}/files`, form);
      onChanged();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  const remove = (id: string, name: string) =>
    modals.openConfirmModal({
      title: t("cases.files.removeTitle"),
      children: <Text size="sm">{t("cases.files.removeConfirm", { name })}</Text>,
      labels: { confirm: t("common.delete"), cancel: t("common.cancel") },
      confirmProps: { color: "red" },
      onConfirm: async () => {
        try {
          await api(`/api/cases/${kase.id}/files/${id}`, { method: "DELETE" });
          onChanged();
        } catch (e) {
          setError(errorMessage(e));
        }
      },
    });
  return (
    <Card withBorder>
      <Group justify="space-between" mb="sm">
        <Title order={3} size="h4">
          {t("cases.files.title")}
        </Title>
        <FileButton onChange={(f) => void upload(f)}>
          {(props) => (
            <Button
              {...props}
              size="xs"
              variant="light"
              leftSection={<IconUpload size={14} />}
              loading={busy}
            >
              {t("cases.files.upload")}
            </Button>
          )}
        </FileButton>
      </Group>
      <Text size="xs" c="dimmed" mb="xs">
        {t("cases.files.help")}
      </Text>
      {error && (
        <Alert color="red" role="alert" mb="sm">
          {error}
        </Alert>
      )}
      <Stack gap={6}>
        {kase.files.length === 0 && (
          <Text size="sm" c="dimmed">
            {t("cases.files.none")}
          </Text>
        )}
        {kase.files.map((f) => (
          <Group key={f.id} justify="space-between" wrap="nowrap">
            <div style={{ minWidth: 0 }}>
              <Anchor
                href={`/api/cases/${kase.id}/files/${f.id}`}
                size="sm"
                style={{ overflowWrap: "anywhere" }}
              >
                <IconDownload size={12} /> {f.fileName}
              </Anchor>
              <Text size="xs" c="dimmed">
                {size(f.size)} · {f.uploadedBy ?? "—"} · {fmt.dateTime(f.createdAt)}
              </Text>
            </div>
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label={t("cases.files.remove", { name: f.fileName })}
              onClick={() => remove(f.id, f.fileName)}
            >
              <IconTrash size={16} />
            </ActionIcon>
          </Group>
        ))}
      </Stack>
    </Card>
  );
}
