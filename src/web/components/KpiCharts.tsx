/**
 * The KPI charts, hand-written in HTML (no chart library; Japanese labels are ordinary text): a small
 * five-year trend, the baseline bars by year with the FY2018 reference line, and breakdown bars. Every bar
 * is a link to the records behind it.
 */
import { Box, Group, Text, Tooltip, UnstyledButton } from "@mantine/core";
import type { ReactNode } from "react";
import { Link } from "react-router";
import { type Locale, warekiOfFiscalYear } from "../../shared/dates";
import type { Calendar } from "../kpi";

const BAR = "var(--mantine-color-indigo-6)";
const BAR_SOFT = "var(--mantine-color-indigo-2)";

/** A year under a bar: 令和4 / 2022 (ja), R4 / 2022 (en). */
export function shortYear(fy: number, locale: Locale, calendar: Calendar): string {
  if (calendar === "seireki") return String(fy);
  const w = warekiOfFiscalYear(fy);
  const n = w.year === 1 && locale === "ja" ? "元" : String(w.year);
  return locale === "ja" ? `${w.era.ja}${n}` : `${w.era.en.charAt(0)}${n}`;
}

/** A step of 1, 2, 2.5 or 5 × 10^k that splits `max` into about `parts` parts. */
export function niceStep(max: number, parts = 4): number {
  if (max <= 0) return 1;
  const raw = max / parts;
  const pow = 10 ** Math.floor(Math.log10(raw));
  const f = raw / pow;
  return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10) * pow;
}

export interface TrendPoint {
  fiscalYear: number;
  value: number | null;
  /** The value as text (null: no data). */
  text: string | null;
  href: string;
  /** The accessible name and tooltip of the bar. */
  label: string;
}

/** A small bar chart of five years; the selected year is dark, years without data show a dash. */
export function KpiTrendBars({
  points,
  selected,
  locale,
  calendar,
  height = 52,
  testId,
}: {
  points: TrendPoint[];
  selected: number;
  locale: Locale;
  calendar: Calendar;
  height?: number;
  testId?: string;
}) {
  const max = Math.max(0, ...points.map((p) => p.value ?? 0));
  return (
    <Box data-testid={testId}>
      <Group gap={6} align="flex-end" wrap="nowrap" h={height}>
        {points.map((p) => {
          const h = p.value === null ? 0 : max === 0 ? 2 : Math.max(2, Math.round((p.value / max) * height));
          return (
            <Tooltip key={p.fiscalYear} label={p.label} withArrow openDelay={150}>
              <UnstyledButton
                component={Link}
                to={p.href}
                aria-label={p.label}
                style={{ flex: 1, height, display: "flex", alignItems: "flex-end", justifyContent: "center" }}
              >
                {p.value === null ? (
                  <Text size="xs" c="dimmed" lh={1}>
                    —
                  </Text>
                ) : (
                  <Box
                    w="100%"
                    h={h}
                    style={{
                      background: p.fiscalYear === selected ? BAR : BAR_SOFT,
                      borderRadius: "3px 3px 0 0",
                    }}
                  />
                )}
              </UnstyledButton>
            </Tooltip>
          );
        })}
      </Group>
      <Group gap={6} wrap="nowrap" mt={2}>
        {points.map((p) => (
          <Text
            key={p.fiscalYear}
            size="10px"
            c={p.fiscalYear === selected ? "indigo.8" : "dimmed"}
            fw={p.fiscalYear === selected ? 700 : 400}
            ta="center"
            style={{ flex: 1, whiteSpace: "nowrap" }}
          >
            {shortYear(p.fiscalYear, locale, calendar)}
          </Text>
        ))}
      </Group>
    </Box>
  );
}

export interface YearBar {
  fiscalYear: number;
  value: number;
  /** Text above the bar (value, count…). */
  top: ReactNode;
  href: string;
  label: string;
}

/**
 * Bars by fiscal year with a dashed reference line (e.g. FY2018: 406件, 6.90億円), gridlines and their
 * values on the left.
 */
export function KpiYearChart({
  bars,
  selected,
  reference,
  formatTick,
  locale,
  calendar,
  height = 220,
  testId,
}: {
  bars: YearBar[];
  selected: number;
  reference: { value: number; label: string } | null;
  formatTick: (v: number) => string;
  locale: Locale;
  calendar: Calendar;
  height?: number;
  testId?: string;
}) {
  const top = Math.max(reference?.value ?? 0, ...bars.map((b) => b.value));
  const step = niceStep(top);
  const ticks: number[] = [];
  for (let v = 0; v <= top + step * 0.001; v += step) ticks.push(v);
  if ((ticks[ticks.length - 1] ?? 0) < top) ticks.push(ticks.length * step);
  const scaleMax = ticks[ticks.length - 1] || 1;
  const y = (v: number) => (v / scaleMax) * height;
  const axisWidth = 76;
  return (
    <Box data-testid={testId}>
      <Box pos="relative" h={height + 34} ml={axisWidth} mr={8} mt={28}>
        {ticks.map((v) => (
          <Box key={v} pos="absolute" left={0} right={0} bottom={34 + y(v)} h={0}>
            <Box style={{ borderTop: "1px solid var(--mantine-color-gray-2)" }} />
            <Text
              size="xs"
              c="dimmed"
              pos="absolute"
              ta="right"
              w={axisWidth - 8}
              left={-axisWidth}
              top={-9}
              style={{ whiteSpace: "nowrap" }}
            >
              {formatTick(v)}
            </Text>
          </Box>
        ))}
        <Group
          pos="absolute"
          left={0}
          right={0}
          bottom={0}
          h={height + 34}
          gap="md"
          wrap="nowrap"
          align="flex-end"
          px="md"
        >
          {bars.map((b) => (
            <UnstyledButton
              key={b.fiscalYear}
              component={Link}
              to={b.href}
              aria-label={b.label}
              title={b.label}
              style={{
                flex: 1,
                display: "flex",
                flexDirection: "column",
                alignItems: "center",
                justifyContent: "flex-end",
                height: "100%",
              }}
            >
              <Box ta="center" mb={4} style={{ whiteSpace: "nowrap" }}>
                {b.top}
              </Box>
              <Box
                w="70%"
                maw={72}
                h={Math.max(b.value > 0 ? 2 : 0, y(b.value))}
                style={{
                  background: b.fiscalYear === selected ? BAR : "var(--mantine-color-indigo-3)",
                  borderRadius: "3px 3px 0 0",
                }}
              />
              <Text
                size="xs"
                h={34}
                pt={6}
                fw={b.fiscalYear === selected ? 700 : 400}
                c={b.fiscalYear === selected ? "indigo.8" : undefined}
                style={{
                  borderTop: "1px solid var(--mantine-color-gray-5)",
                  width: "100%",
                  textAlign: "center",
                }}
              >
                {shortYear(b.fiscalYear, locale, calendar)}
              </Text>
            </UnstyledButton>
          ))}
        </Group>
        {reference && (
          <Box
            pos="absolute"
            left={0}
            right={0}
            bottom={34 + y(reference.value)}
            h={0}
            style={{ borderTop: "2px dashed var(--mantine-color-orange-6)", pointerEvents: "none" }}
            data-testid="kpi-reference-line"
          >
            <Text
              size="xs"
              fw={600}
              c="orange.8"
              pos="absolute"
              right={0}
              top={-20}
              px={4}
              style={{ background: "var(--mantine-color-white)", whiteSpace: "nowrap" }}
            >
              {reference.label}
            </Text>
          </Box>
        )}
      </Box>
    </Box>
  );
}

export interface BreakdownBar {
  key: string;
  label: string;
  value: number | null;
  text: string;
  sub?: string;
  /** Null: this group cannot be opened (no filter for it). */
  href: string | null;
  title: string;
}

function BreakdownBody({ b, pct }: { b: BreakdownBar; pct: number }) {
  return (
    <Box py={4}>
      <Group justify="space-between" gap="xs" wrap="nowrap">
        <Text size="sm" lineClamp={1} style={{ minWidth: 0 }} c={b.href ? undefined : "dimmed"}>
          {b.label}
        </Text>
        <Text size="sm" fw={600} className="kyoso-nowrap" ta="right">
          {b.text}
          {b.sub && (
            <Text span size="xs" c="dimmed" fw={400} ml={4}>
              {b.sub}
            </Text>
          )}
        </Text>
      </Group>
      <Box h={8} mt={3} style={{ background: "var(--mantine-color-gray-1)", borderRadius: 4 }}>
        <Box
          h={8}
          w={`${pct}%`}
          style={{ background: b.href ? BAR : "var(--mantine-color-gray-5)", borderRadius: 4 }}
        />
      </Box>
    </Box>
  );
}

/** Horizontal bars of one measure by a dimension, in the order given. */
export function KpiBreakdownBars({ bars, empty }: { bars: BreakdownBar[]; empty: string }) {
  const max = Math.max(0, ...bars.map((b) => b.value ?? 0));
  if (!bars.length)
    return (
      <Text size="sm" c="dimmed" py="xs">
        {empty}
      </Text>
    );
  return (
    <Box>
      {bars.map((b) => {
        const pct = b.value === null || max === 0 ? 0 : Math.max(1, (b.value / max) * 100);
        return b.href ? (
          <UnstyledButton
            key={b.key}
            component={Link}
            to={b.href}
            aria-label={b.title}
            title={b.title}
            display="block"
            w="100%"
            className="kyoso-row-link"
            px={4}
            style={{ borderRadius: 4 }}
          >
            <BreakdownBody b={b} pct={pct} />
          </UnstyledButton>
        ) : (
          <Box key={b.key} title={b.title} px={4}>
            <BreakdownBody b={b} pct={pct} />
          </Box>
        );
      })}
    </Box>
  );
}
