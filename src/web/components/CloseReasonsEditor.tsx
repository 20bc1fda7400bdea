import { Alert, Button, Group, Paper, Stack, Switch, Table, Text, Title } from "@mantine/core";
import { IconPlus } from "@tabler/icons-react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, api } from "../api";
import { type StagesAnswer, stageLabel } from "../cases";
import { useFormat } from "../format";
import { errorMessage, notifySaved } from "./feedback";
import { ActiveCell, CodeCell, LabelCells } from "./ListEditorCells";

interface Row {
  code: string;
  labelJa: string;
  labelEn: string;
  guideline: boolean;
  active: boolean;
  uid: string;
  isNew?: boolean;
}

/** The reasons of one close stage (見送り, 辞退, 対応不可 …), edited and saved as a list. */
function ReasonsOfStage({
  stage,
  reasons,
}: {
  stage: { code: string; labelJa: string; labelEn: string };
  reasons: Row[];
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const qc = useQueryClient();
  const [rows, setRows] = useState<Row[]>(reasons);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => setRows(reasons), [reasons]);
  const patch = (i: number, change: Partial<Row>) =>
    setRows((list) => list.map((r, j) => (j === i ? { ...r, ...change } : r)));
  const save = async () => {
    setErrors({});
    setError(null);
    setBusy(true);
    try {
      await api(`/api/cases/close-reasons/${encodeURIComponent(stage.code)}`, {
        method: "PUT",
        body: { reasons: rows.map(({ uid: _u, isNew: _n, ...r }) => r) },
      });
      notifySaved();
      await qc.invalidateQueries({ queryKey: ["cases"] });
    } catch (e) {
      if (e instanceof ApiError && e.fields.length) {
        setErrors(Object.fromEntries(e.fields.map((f) => [f.field, f.message])));
        const rest = e.fields.filter((f) => !/^reasons\.\d+\./.test(f.field));
        setError(rest.length ? rest.map((f) => f.message).join("\n") : null);
      } else setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  const err = (i: number, f: string) => errors[`reasons.${i}.${f}`];
  return (
    <Paper withBorder p="sm" data-testid={`close-reasons-${stage.code}`}>
      <Title order={4} size="h5" mb="xs">
        {stageLabel(stage, fmt.locale)}
      </Title>
      {error && (
        <Alert color="red" role="alert" mb="xs" className="kyoso-pre">
          {error}
        </Alert>
      )}
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("stageLists.code")}</Table.Th>
            <Table.Th>{t("stageLists.labelJa")}</Table.Th>
            <Table.Th>{t("stageLists.labelEn")}</Table.Th>
            <Table.Th>{t("cases.move.guideline")}</Table.Th>
            <Table.Th>{t("stageLists.active")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r, i) => (
            <Table.Tr key={r.uid}>
              <Table.Td>
                <CodeCell
                  isNew={r.isNew}
                  code={r.code}
                  onChange={(code) => patch(i, { code })}
                  error={err(i, "code")}
                  placeholder="e.g. public_lab"
                />
              </Table.Td>
              <LabelCells
                code={r.code}
                labelJa={r.labelJa}
                labelEn={r.labelEn}
                onChange={(change) => patch(i, change)}
                error={(f) => err(i, f)}
              />
              <Table.Td>
                <Switch
                  checked={r.guideline}
                  onChange={(e) => patch(i, { guideline: e.currentTarget.checked })}
                  aria-label={`${t("cases.move.guideline")} ${r.code}`}
                />
              </Table.Td>
              <Table.Td>
                <ActiveCell
                  code={r.code}
                  active={r.active}
                  onToggle={(active) => patch(i, { active })}
                  onRemove={
                    r.isNew ? () => setRows((list) => list.filter((x) => x.uid !== r.uid)) : undefined
                  }
                />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Group justify="space-between" mt="xs">
        <Button
          size="xs"
          variant="light"
          leftSection={<IconPlus size={14} />}
          onClick={() =>
            setRows((list) => [
              ...list,
              {
                code: "",
                labelJa: "",
                labelEn: "",
                guideline: false,
                active: true,
                isNew: true,
                uid: `new-${Date.now()}`,
              },
            ])
          }
        >
          {t("stageLists.addReason")}
        </Button>
        <Button size="xs" onClick={save} loading={busy}>
          {t("stageLists.saveReasons", { stage: stageLabel(stage, fmt.locale) })}
        </Button>
      </Group>
    </Paper>
  );
}

/** The reasons of every close stage in the given list (inactive reasons too: they stay for old cases). */
export function CloseReasonsEditor({
  stages,
}: {
  stages: { code: string; kind: string; labelJa: string; labelEn: string }[];
}) {
  const { t } = useTranslation();
  const all = useQuery({
    queryKey: ["cases", "stages", "all-reasons"],
    queryFn: () => api<StagesAnswer>("/api/cases/stages?all=true"),
  });
  const closes = stages.filter((s) => s.kind === "closed");
  if (!all.data || !closes.length) return null;
  return (
    <Stack gap="sm">
      <Title order={3} size="h4">
        {t("stageLists.reasonsTitle")}
      </Title>
      <Text size="sm" c="dimmed">
        {t("stageLists.reasonsHelp")}
      </Text>
      {closes.map((s) => (
        <ReasonsOfStage
          key={s.code}
          stage={s}
          reasons={all.data.closeReasons
            .filter((r) => r.stageCode === s.code)
            .map((r) => ({ ...r, uid: r.code }))}
        />
      ))}
    </Stack>
  );
}
