import { Group, Pagination, Text } from '@mantine/core';

interface TablePagerProps {
  total: number;
  page: number;
  pageSize: number;
  /** What the rows are, plural: "members", "accounts". */
  noun: string;
  onPage: (page: number) => void;
}

/** "Showing 51–100 of 240 members" and the page buttons (hidden with one page), under a paged table. */
export function TablePager({ total, page, pageSize, noun, onPage }: TablePagerProps) {
  if (total === 0) return null;
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const first = (Math.min(page, pageCount) - 1) * pageSize + 1;
  const last = Math.min(total, first + pageSize - 1);
  return (
    <Group justify="space-between" mt="sm">
      <Text size="sm" c="dimmed">
        Showing {first.toLocaleString()}–{last.toLocaleString()} of {total.toLocaleString()} {noun}
      </Text>
      <Pagination
        total={pageCount}
        value={Math.min(page, pageCount)}
        onChange={onPage}
        getControlProps={(control) => ({ 'aria-label': `${control} page` })}
        getItemProps={(item) => ({ 'aria-label': `Page ${item}` })}
        hideWithOnePage
        size="sm"
      />
    </Group>
  );
}
