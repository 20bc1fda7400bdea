import { ActionIcon, Alert, Button, Group, Paper, Select, Stack, Table, Text, Title } from "@mantine/core";
import { modals } from "@mantine/modals";
import { IconArrowDown, IconArrowUp, IconPlus } from "@tabler/icons-react";
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { STAGE_KINDS, type StageKind } from "../../server/modules/cases/codes";
import { ApiError, api } from "../api";
import { useStages } from "../cases";
import { CloseReasonsEditor } from "../components/CloseReasonsEditor";
import { ErrorAlert, errorMessage, notifySaved, PageLoader } from "../components/feedback";
import { ActiveCell, CodeCell, LabelCells } from "../components/ListEditorCells";
import { useFormat } from "../format";
import { useAreas } from "../queries";

interface Row {
  code: string;
  kind: StageKind;
  labelJa: string;
  labelEn: string;
  active: boolean;
  /** The row's React key (the code of a saved stage; a new row's code is still being typed). */
  uid: string;
  /** Added here, not saved yet: its code may still be edited, the row removed. */
  isNew?: boolean;
}

/** Admins edit the default stage list (`*`) and the lists of areas that need their own. */
export function StageListsPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const areas = useAreas();
  const qc = useQueryClient();
  const [area, setArea] = useState("*");
  const stages = useStages(area);
  const [rows, setRows] = useState<Row[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (stages.data)
      setRows(
        stages.data.stages.map((s) => ({
          code: s.code,
          kind: s.kind,
          labelJa: s.labelJa,
          labelEn: s.labelEn,
          active: s.active,
          uid: s.code,
        })),
      );
    setErrors({});
    setError(null);
  }, [stages.data]);
  const own = stages.data?.own ?? false;
  const patch = (i: number, change: Partial<Row>) =>
    setRows((list) => list.map((r, j) => (j === i ? { ...r, ...change } : r)));
  const swap = (i: number, j: number) =>
    setRows((list) => {
      const next = [...list];
      [next[i], next[j]] = [next[j]!, next[i]!];
      return next;
    });
  const fail = (e: unknown) => {
    if (e instanceof ApiError && e.fields.length) {
      setErrors(Object.fromEntries(e.fields.map((f) => [f.field, f.message])));
      // Problems of a row stand by their inputs; the rest (the list as a whole) above the table.
      const rest = e.fields.filter((f) => !/^stages\.\d+\./.test(f.field) && f.field !== "stages");
      setError(rest.length ? rest.map((f) => `${f.field}: ${f.message}`).join("\n") : null);
    } else setError(errorMessage(e));
  };
  const save = async () => {
    setErrors({});
    setError(null);
    setBusy(true);
    try {
      await api(`/api/cases/stages/${encodeURIComponent(area)}`, {
        method: "PUT",
        body: { stages: rows.map(({ isNew: _n, uid: _u, ...r }) => r) },
      });
      notifySaved();
      await qc.invalidateQueries({ queryKey: ["cases"] });
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  };
  const reset = () =>
    modals.openConfirmModal({
      title: t("stageLists.resetTitle"),
      children: <Text size="sm">{t("stageLists.resetConfirm")}</Text>,
      labels: { confirm: t("stageLists.reset"), cancel: t("common.cancel") },
      confirmProps: { color: "red" },
      onConfirm: async () => {
        try {
          await api(`/api/cases/stages/${encodeURIComponent(area)}`, { method: "DELETE" });
          notifySaved();
          await qc.invalidateQueries({ queryKey: ["cases"] });
        } catch (e) {
          fail(e);
        }
      },
    });
  const areaOptions = [
    { value: "*", label: t("stageLists.default") },
    ...(areas.data ?? []).map((a) => ({
      value: a.code,
      label: `${fmt.locale === "ja" ? a.nameJa : a.nameEn}${
        stages.data?.areasWithOwnList.includes(a.code) ? ` — ${t("stageLists.ownList")}` : ""
      }`,
    })),
  ];
  const err = (i: number, f: string) => errors[`stages.${i}.${f}`];

  return (
    <Stack maw={1100}>
      <Title order={2}>{t("stageLists.title")}</Title>
      <Text size="sm" c="dimmed">
        {t("stageLists.help")}
      </Text>
      <Group align="flex-end">
        <Select
          label={t("stageLists.list")}
          data={areaOptions}
          value={area}
          onChange={(v) => setArea(v ?? "*")}
          allowDeselect={false}
          w={300}
        />
        {area !== "*" && (
          <Text size="sm" c={own ? "teal.8" : "dimmed"}>
            {own ? t("stageLists.hasOwn") : t("stageLists.followsDefault")}
          </Text>
        )}
      </Group>
      {error && (
        <Alert color="red" role="alert" className="kyoso-pre">
          {error}
        </Alert>
      )}
      <ErrorAlert error={stages.error} />
      {stages.isLoading ? (
        <PageLoader />
      ) : (
        <Paper withBorder>
          <Table.ScrollContainer minWidth={900}>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={80}>{t("stageLists.order")}</Table.Th>
                  <Table.Th>{t("stageLists.code")}</Table.Th>
                  <Table.Th>{t("stageLists.labelJa")}</Table.Th>
                  <Table.Th>{t("stageLists.labelEn")}</Table.Th>
                  <Table.Th>{t("stageLists.kind")}</Table.Th>
                  <Table.Th>{t("stageLists.active")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((r, i) => (
                  <Table.Tr key={r.uid}>
                    <Table.Td>
                      <Group gap={2} wrap="nowrap">
                        <ActionIcon
                          variant="subtle"
                          disabled={i === 0}
                          onClick={() => swap(i, i - 1)}
                          aria-label={t("stageLists.up", { code: r.code })}
                        >
                          <IconArrowUp size={14} />
                        </ActionIcon>
                        <ActionIcon
                          variant="subtle"
                          disabled={i === rows.length - 1}
                          onClick={() => swap(i, i + 1)}
                          aria-label={t("stageLists.down", { code: r.code })}
                        >
                          <IconArrowDown size={14} />
                        </ActionIcon>
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      <CodeCell
                        isNew={r.isNew}
                        code={r.code}
                        onChange={(code) => patch(i, { code })}
                        error={err(i, "code")}
                        placeholder="e.g. site_visit"
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
                      <Select
                        size="xs"
                        aria-label={`${t("stageLists.kind")} ${r.code}`}
                        data={STAGE_KINDS.map((k) => ({ value: k, label: t(`cases.kinds.${k}`) }))}
                        value={r.kind}
                        onChange={(v) => v && patch(i, { kind: v as StageKind })}
                        allowDeselect={false}
                        w={130}
                        error={err(i, "kind")}
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
          </Table.ScrollContainer>
        </Paper>
      )}
      {errors.stages && (
        <Text c="red" size="sm">
          {errors.stages}
        </Text>
      )}
      <Group justify="space-between">
        <Button
          variant="light"
          leftSection={<IconPlus size={16} />}
          onClick={() =>
            setRows((list) => [
              ...list,
              {
                code: "",
                kind: "open",
                labelJa: "",
                labelEn: "",
                active: true,
                isNew: true,
                uid: `new-${Date.now()}`,
              },
            ])
          }
        >
          {t("stageLists.add")}
        </Button>
        <Group>
          {area !== "*" && own && (
            <Button variant="default" color="red" onClick={reset}>
              {t("stageLists.reset")}
            </Button>
          )}
          <Button onClick={save} loading={busy}>
            {area !== "*" && !own ? t("stageLists.saveOwn") : t("common.save")}
          </Button>
        </Group>
      </Group>
      <Text size="xs" c="dimmed">
        {t("stageLists.removeHelp")}
      </Text>
      <CloseReasonsEditor
        stages={(stages.data?.stages ?? []).filter((x) => rows.some((r) => r.code === x.code))}
      />
    </Stack>
  );
}
