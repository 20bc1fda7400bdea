/**
 * A contract's documents (申込書, 受入決定通知書, 契約書, 変更契約書, 完了報告書, その他): upload with a kind
 * (10 MB; the server checks the kind of file), download; and the acceptance notice the system prints
 * for each paying party once the contract is accepted.
 */
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  FileButton,
  Group,
  Select,
  Stack,
  Text,
  Title,
} from "@mantine/core";
import { IconDownload, IconFileTypePdf, IconUpload } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { MAX_CASE_FILE_BYTES } from "../../server/modules/cases/codes";
import {
  DOCUMENT_KIND_LABELS,
  DOCUMENT_KINDS,
  type DocumentKind,
  PAYING_ROLES,
} from "../../server/modules/contracts/codes";
import { apiUpload, qs } from "../api";
import { type ContractDetail, lbl } from "../contracts";
import { useFormat } from "../format";
import { errorMessage } from "./feedback";

const size = (n: number) =>
  n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`;

export function ContractDocuments({
  contract: c,
  canManage,
  onChanged,
}: {
  contract: ContractDetail;
  canManage: boolean;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [kind, setKind] = useState<DocumentKind>(
    c.status === "in_progress" ? "completion_report" : "contract",
  );
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const upload = async (file: File | null) => {
    if (!file) return;
    setError(null);
    if (file.size > MAX_CASE_FILE_BYTES) {
      setError(t("contracts.documents.tooLarge", { name: file.name }));
      return;
    }
    setBusy(true);
    try {
      const form = new FormData();
      form.append("file", file);
      await apiUpload(`/api/contracts/${c.id}/documents${qs({ kind })}`, form);
      onChanged();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  const notice = c.status !== "applied" && c.status !== "cancelled";
  const payers = c.parties.filter((p) => (PAYING_ROLES as readonly string[]).includes(p.role));
  return (
    <Card withBorder data-testid="contract-documents">
      <Title order={3} size="h4" mb="sm">
        {t("contracts.documents.title")}
      </Title>
      {notice && payers.length > 0 && (
        <Stack gap={4} mb="sm">
          <Text size="xs" c="dimmed">
            {t("contracts.documents.notice")}
          </Text>
          {payers.map((p) => (
            <Anchor
              key={p.id}
              href={`/api/contracts/${c.id}/acceptance-notice.pdf${qs({ party: p.id })}`}
              size="sm"
              data-testid="acceptance-notice"
            >
              <Group gap={4} wrap="nowrap">
                <IconFileTypePdf size={14} />
                {t("contracts.documents.noticeFor", { name: p.name })}
              </Group>
            </Anchor>
          ))}
        </Stack>
      )}
      {canManage && (
        <Group gap="xs" align="flex-end" mb="xs" wrap="nowrap">
          <Select
            label={t("contracts.documents.kind")}
            data={DOCUMENT_KINDS.map((k) => ({ value: k, label: lbl(DOCUMENT_KIND_LABELS, k, fmt.locale) }))}
            value={kind}
            onChange={(v) => v && setKind(v as DocumentKind)}
            allowDeselect={false}
            size="xs"
            style={{ flex: 1 }}
          />
          <FileButton onChange={(f) => void upload(f)}>
            {(props) => (
              <Button
                {...props}
                size="xs"
                variant="light"
                leftSection={<IconUpload size={14} />}
                loading={busy}
              >
                {t("contracts.documents.upload")}
              </Button>
            )}
          </FileButton>
        </Group>
      )}
      {canManage && (
        <Text size="xs" c="dimmed" mb="xs">
          {t("contracts.documents.help")}
        </Text>
      )}
      {error && (
        <Alert color="red" role="alert" mb="sm">
          {error}
        </Alert>
      )}
      <Stack gap={6}>
        {c.documents.length === 0 && (
          <Text size="sm" c="dimmed">
            {t("contracts.documents.none")}
          </Text>
        )}
        {c.documents.map((d) => (
          <div key={d.id}>
            <Group gap={6} wrap="nowrap">
              <Badge size="xs" variant="light" miw="max-content">
                {lbl(DOCUMENT_KIND_LABELS, d.kind, fmt.locale)}
              </Badge>
              <Anchor
                href={`/api/contracts/${c.id}/documents/${d.id}`}
                size="sm"
                style={{ overflowWrap: "anywhere" }}
              >
                <IconDownload size={12} /> {d.fileName}
              </Anchor>
            </Group>
            <Text size="xs" c="dimmed">
              {size(d.size)} · {fmt.dateTime(d.createdAt)}
            </Text>
          </div>
        ))}
      </Stack>
    </Card>
  );
}
