/**
 * Cells shared by the admins' list editors (stage lists, close reasons): a code that can be typed only
 * while its row is new, the two labels, and the "in use" switch with a remove button for rows not saved yet.
 */
import { ActionIcon, Group, Switch, Table, Text, TextInput } from "@mantine/core";
import { IconTrash } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";

export function CodeCell(p: {
  isNew: boolean | undefined;
  code: string;
  onChange: (code: string) => void;
  error: string | undefined;
  placeholder: string;
}) {
  const { t } = useTranslation();
  if (p.isNew)
    return (
      <TextInput
        size="xs"
        aria-label={t("stageLists.code")}
        value={p.code}
        onChange={(e) => p.onChange(e.currentTarget.value)}
        error={p.error}
        placeholder={p.placeholder}
      />
    );
  return (
    <>
      <Text ff="monospace" size="sm">
        {p.code}
      </Text>
      {p.error && (
        <Text c="red" size="xs">
          {p.error}
        </Text>
      )}
    </>
  );
}

export function ActiveCell(p: {
  code: string;
  active: boolean;
  onToggle: (active: boolean) => void;
  /** Given for rows not saved yet: they may still be taken out. */
  onRemove?: (() => void) | undefined;
}) {
  const { t } = useTranslation();
  return (
    <Group gap="xs" wrap="nowrap">
      <Switch
        checked={p.active}
        onChange={(e) => p.onToggle(e.currentTarget.checked)}
        aria-label={`${t("stageLists.active")} ${p.code}`}
      />
      {p.onRemove && (
        <ActionIcon variant="subtle" color="red" aria-label={t("common.delete")} onClick={p.onRemove}>
          <IconTrash size={14} />
        </ActionIcon>
      )}
    </Group>
  );
}

/** The Japanese and English labels of a row, as two cells. */
export function LabelCells(p: {
  code: string;
  labelJa: string;
  labelEn: string;
  onChange: (change: { labelJa?: string; labelEn?: string }) => void;
  error: (field: "labelJa" | "labelEn") => string | undefined;
}) {
  const { t } = useTranslation();
  return (
    <>
      {(["labelJa", "labelEn"] as const).map((f) => (
        <Table.Td key={f}>
          <TextInput
            size="xs"
            aria-label={`${t(`stageLists.${f}`)} ${p.code}`}
            value={p[f]}
            onChange={(e) => p.onChange({ [f]: e.currentTarget.value })}
            error={p.error(f)}
          />
        </Table.Td>
      ))}
    </>
  );
}
