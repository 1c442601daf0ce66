import { Paper, Table } from '@mantine/core';
import type { ReactNode } from 'react';

/** A column header of a TabTable; numeric columns align right. */
export interface TabTableColumn {
  label: string;
  align?: 'right';
}

/** The bordered, horizontally scrollable table the Account 360 tabs share; children are the body rows. */
export function TabTable({
  columns,
  minWidth,
  children,
}: {
  columns: TabTableColumn[];
  minWidth: number;
  children: ReactNode;
}) {
  return (
    <Paper withBorder>
      <Table.ScrollContainer minWidth={minWidth}>
        <Table verticalSpacing="sm" horizontalSpacing="md">
          <Table.Thead>
            <Table.Tr>
              {columns.map((column) => (
                <Table.Th key={column.label} ta={column.align}>
                  {column.label}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>{children}</Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
