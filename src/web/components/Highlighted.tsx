import { Text } from "@mantine/core";

/** A text with its matched words marked (the matching API's `{text, match}` runs). */
export function Highlighted({
  runs,
  size = "sm",
  lineClamp,
}: {
  runs: { text: string; match: boolean }[];
  size?: string;
  lineClamp?: number;
}) {
  return (
    <Text size={size} {...(lineClamp ? { lineClamp } : {})} style={{ whiteSpace: "pre-wrap" }}>
      {runs.map((r, i) =>
        r.match ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: runs are a fixed sequence of the text
          <mark key={i} className="kyoso-match">
            {r.text}
          </mark>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: runs are a fixed sequence of the text
          <span key={i}>{r.text}</span>
        ),
      )}
    </Text>
  );
}
