import {
  ActionIcon,
  Anchor,
  Badge,
  Box,
  Group,
  Menu,
  Paper,
  ScrollArea,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Title,
} from "@mantine/core";
import { IconArrowsRightLeft, IconCalendarDue, IconDots, IconList } from "@tabler/icons-react";
import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { type DragEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { api, qs } from "../api";
import { type CaseBoard, type CaseCard, STAGE_KIND_COLOR, type Stage, stageLabel, useStages } from "../cases";
import { ErrorAlert, PageLoader } from "../components/feedback";
import { useStageMove } from "../components/StageMove";
import { useFormat } from "../format";
import { useAreas } from "../queries";
import { FilterSearch, useUrlFilters } from "../url-filters";

const CASE_MIME = "application/x-kyoso-case";

/** Days since the need was received, the next due date (red when past), the coordinator. */
export function CardFacts({ card }: { card: CaseCard }) {
  const { t } = useTranslation();
  return (
    <Group gap={6} wrap="wrap">
      <Text size="xs" c="dimmed">
        {t("cases.ageDays", { count: card.ageDays })}
      </Text>
      {card.nextDueOn && (
        <Badge
          size="xs"
          variant={card.overdue ? "filled" : "light"}
          color={card.overdue ? "red" : "gray"}
          leftSection={<IconCalendarDue size={10} />}
          title={card.overdue ? t("cases.overdue") : t("cases.nextDue")}
        >
          {card.overdue ? `${t("cases.overdue")} ` : ""}
          {card.nextDueOn}
        </Badge>
      )}
    </Group>
  );
}

function BoardCard({
  card,
  stages,
  onMove,
  busy,
  onDragStart,
}: {
  card: CaseCard;
  stages: Stage[];
  onMove: (card: CaseCard, s: Stage) => void;
  busy: boolean;
  onDragStart: (card: CaseCard) => void;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <Paper
      withBorder
      p="xs"
      radius="sm"
      draggable
      data-testid="case-card"
      data-reference={card.referenceNumber}
      onDragStart={(e: DragEvent<HTMLDivElement>) => {
        // Also when the drag starts on the card's links: their drag bubbles here, and this id wins.
        e.dataTransfer.setData(CASE_MIME, card.id);
        e.dataTransfer.setData("text/plain", card.id);
        e.dataTransfer.effectAllowed = "move";
        onDragStart(card);
      }}
      style={{ cursor: "grab", opacity: busy ? 0.5 : 1, background: "white" }}
    >
      <Group justify="space-between" wrap="nowrap" gap={4} align="flex-start">
        <Anchor component={Link} to={`/cases/${card.id}`} ff="monospace" size="xs">
          {card.referenceNumber}
        </Anchor>
        <Menu position="bottom-end" withinPortal>
          <Menu.Target>
            <ActionIcon
              variant="subtle"
              color="gray"
              size="sm"
              aria-label={t("cases.board.moveMenu", { reference: card.referenceNumber })}
            >
              <IconDots size={14} />
            </ActionIcon>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Label>{t("cases.board.moveTo")}</Menu.Label>
            {stages
              .filter((s) => s.active && s.code !== card.stageCode)
              .map((s) => (
                <Menu.Item
                  key={s.code}
                  leftSection={<IconArrowsRightLeft size={14} />}
                  onClick={() => onMove(card, s)}
                >
                  {stageLabel(s, fmt.locale)}
                </Menu.Item>
              ))}
          </Menu.Dropdown>
        </Menu>
      </Group>
      <Anchor component={Link} to={`/cases/${card.id}`} c="dark" underline="hover">
        <Text size="sm" fw={600} lineClamp={2}>
          {card.title}
        </Text>
      </Anchor>
      <Text size="xs" c="dimmed" lineClamp={1}>
        {card.organizationName}
      </Text>
      <Text size="xs" lineClamp={1} c={card.coordinator ? undefined : "orange.8"}>
        {card.coordinator
          ? `${t("cases.coordinatorShort")}: ${card.coordinator.displayName}`
          : t("cases.unassigned")}
      </Text>
      <CardFacts card={card} />
    </Paper>
  );
}

/**
 * The board: a column per stage of the area's list with its count; cards are dragged to another column
 * (or moved through their menu) to change the stage.
 */
export function CaseBoardPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const areas = useAreas();
  const qc = useQueryClient();
  const filters = useUrlFilters();
  const { get, set } = filters;
  const [dragging, setDragging] = useState<CaseCard | null>(null);
  const [over, setOver] = useState<string | null>(null);
  const query = qs({ area: get("area"), coordinator: get("coordinator"), q: get("q") });
  const board = useQuery({
    queryKey: ["cases", "board", query],
    queryFn: () => api<CaseBoard>(`/api/cases/board${query}`),
    placeholderData: keepPreviousData,
  });
  const stages = useStages(get("area") || null);
  const mover = useStageMove({
    closeReasons: stages.data?.closeReasons ?? [],
    onMoved: () => {
      void qc.invalidateQueries({ queryKey: ["cases"] });
    },
  });
  const columns = board.data?.columns ?? [];
  const stageList = columns.map((c) => c.stage);
  const cardById = (id: string) => columns.flatMap((c) => c.cards).find((c) => c.id === id);

  const drop = (e: DragEvent<HTMLDivElement>, stage: Stage) => {
    e.preventDefault();
    setOver(null);
    const id = e.dataTransfer.getData(CASE_MIME) || dragging?.id;
    setDragging(null);
    const card = id ? cardById(id) : undefined;
    if (card && card.stageCode !== stage.code) mover.move(card, stage);
  };

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t("cases.board.title")}</Title>
        <Anchor component={Link} to={`/cases${query}`} size="sm">
          <Group gap={4}>
            <IconList size={16} />
            {t("cases.board.toList")}
          </Group>
        </Anchor>
      </Group>
      <Paper withBorder p="sm">
        <Group align="flex-end" gap="sm">
          <FilterSearch
            filters={filters}
            placeholder={t("cases.searchPlaceholder")}
            style={{ flex: "1 1 240px", maxWidth: 360 }}
          />
          <Select
            aria-label={t("cases.area")}
            data={[
              ...(areas.data ?? []).map((a) => ({
                value: a.code,
                label: fmt.locale === "ja" ? a.nameJa : a.nameEn,
              })),
              { value: "none", label: t("cases.noArea") },
            ]}
            value={get("area") || null}
            onChange={(v) => set({ area: v ?? "" })}
            placeholder={t("cases.allAreas")}
            clearable
            w={170}
          />
          <SegmentedControl
            aria-label={t("cases.coordinator")}
            data={[
              { value: "", label: t("cases.coordinators.anyone") },
              { value: "me", label: t("cases.coordinators.me") },
              { value: "none", label: t("cases.coordinators.none") },
            ]}
            value={get("coordinator")}
            onChange={(v) => set({ coordinator: v })}
          />
          <Text size="sm" c="dimmed" ml="auto" data-testid="board-total">
            {t("common.results", { count: board.data?.total ?? 0 })}
          </Text>
        </Group>
      </Paper>
      <Text size="xs" c="dimmed">
        {t("cases.board.help")}
      </Text>
      <ErrorAlert
        error={mover.error}
        onReload={() => {
          mover.clearError();
          void board.refetch();
        }}
      />
      <ErrorAlert error={board.error} />
      {mover.modal}
      {board.isLoading ? (
        <PageLoader />
      ) : (
        <ScrollArea type="auto" offsetScrollbars>
          <Group align="flex-start" wrap="nowrap" gap="sm" pb="sm">
            {columns.map((col) => {
              const label = stageLabel(col.stage, fmt.locale);
              const isOver = over === col.stage.code && dragging?.stageCode !== col.stage.code;
              return (
                <Box
                  key={col.stage.code}
                  data-testid={`column-${col.stage.code}`}
                  aria-label={label}
                  role="region"
                  w={260}
                  miw={260}
                  p="xs"
                  onDragOver={(e) => {
                    e.preventDefault();
                    e.dataTransfer.dropEffect = "move";
                    if (over !== col.stage.code) setOver(col.stage.code);
                  }}
                  onDragLeave={() => setOver((o) => (o === col.stage.code ? null : o))}
                  onDrop={(e) => drop(e, col.stage)}
                  style={{
                    borderRadius: 8,
                    minHeight: 400,
                    background: isOver ? "var(--mantine-color-indigo-1)" : "var(--mantine-color-gray-1)",
                    outline: isOver ? "2px dashed var(--mantine-color-indigo-5)" : undefined,
                  }}
                >
                  <Group justify="space-between" mb="xs" wrap="nowrap">
                    <Group gap={6} wrap="nowrap">
                      <Box
                        w={8}
                        h={8}
                        style={{
                          borderRadius: 4,
                          background: `var(--mantine-color-${STAGE_KIND_COLOR[col.stage.kind]}-6)`,
                        }}
                      />
                      <Text fw={700} size="sm">
                        {label}
                      </Text>
                      {col.stage.kind !== "open" && (
                        <Text size="xs" c="dimmed">
                          {t(`cases.kinds.${col.stage.kind}`)}
                        </Text>
                      )}
                    </Group>
                    <Badge variant="white" color="gray" data-testid="column-count">
                      {col.total}
                    </Badge>
                  </Group>
                  <Stack gap={6}>
                    {col.cards.map((card) => (
                      <BoardCard
                        key={card.id}
                        card={card}
                        stages={stageList}
                        busy={mover.busy === card.id}
                        onMove={mover.move}
                        onDragStart={setDragging}
                      />
                    ))}
                    {col.total > col.cards.length && (
                      <Anchor
                        component={Link}
                        size="xs"
                        to={`/cases${qs({
                          area: get("area"),
                          coordinator: get("coordinator"),
                          q: get("q"),
                          stage: col.stage.code,
                          state: "all",
                        })}`}
                      >
                        {t("cases.board.more", { count: col.total - col.cards.length })}
                      </Anchor>
                    )}
                    {col.total === 0 && (
                      <Text size="xs" c="dimmed" ta="center" py="md">
                        {t("cases.board.empty")}
                      </Text>
                    )}
                  </Stack>
                </Box>
              );
            })}
          </Group>
        </ScrollArea>
      )}
    </Stack>
  );
}
