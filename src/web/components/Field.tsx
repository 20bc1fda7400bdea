import { Text } from "@mantine/core";
import type { ReactNode } from "react";

/** A labelled value on a detail page; `pre` keeps the line breaks of free text. Empty shows "—". */
export function Field({ label, children, pre }: { label: string; children: ReactNode; pre?: boolean }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" className={pre ? "kyoso-pre" : undefined}>
        {children || "—"}
      </Text>
    </div>
  );
}
