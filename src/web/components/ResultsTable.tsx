import { Group, Pagination, Paper, Table, Text } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

/**
 * A result list: the count, a scrollable table with the given header cells and rows, an empty-state row,
 * and pagination when there is more than one page.
 */
export function ResultsTable({
  total,
  page,
  pageSize,
  onPage,
  head,
  children,
  empty,
  minWidth = 800,
  striped,
  highlightOnHover,
}: {
  total: number;
  page: number;
  pageSize: number;
  onPage: (page: number) => void;
  head: ReactNode[];
  children: ReactNode;
  empty: string;
  minWidth?: number;
  striped?: boolean;
  highlightOnHover?: boolean;
}) {
  const { t } = useTranslation();
  const pages = Math.ceil(total / pageSize);
  return (
    <Paper withBorder>
      <Text size="sm" c="dimmed" p="sm" data-testid="result-count">
        {t("common.results", { count: total })}
      </Text>
      <Table.ScrollContainer minWidth={minWidth}>
        <Table striped={striped} highlightOnHover={highlightOnHover}>
          <Table.Thead>
            <Table.Tr>
              {head.map((h, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: header cells are fixed per table
                <Table.Th key={i} className="kyoso-nowrap">
                  {h}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {children}
            {total === 0 && (
              <Table.Tr>
                <Table.Td colSpan={head.length}>
                  <Text c="dimmed" ta="center" py="md">
                    {empty}
                  </Text>
                </Table.Td>
              </Table.Tr>
            )}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {pages > 1 && (
        <Group justify="center" p="sm">
          <Pagination total={pages} value={page} onChange={onPage} />
        </Group>
      )}
    </Paper>
  );
}
