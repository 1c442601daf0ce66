import { Badge, Group, Progress, Table, Text } from '@mantine/core';
import type { CapacityOverview, CsmBookDto } from '../../../shared/api/capacity.contract';
import { formatWholeMoney } from '../../format/metric-values';
import { touchModelLabels } from '../settings/tiers/tier-format';
import { formatUnits, formatUtilisation, loadFlagColors, loadFlagLabels } from './capacity-format';

const numeric = { fontVariantNumeric: 'tabular-nums' } as const;

function BookRow({ book, currency }: { book: CsmBookDto; currency: string }) {
  const byModel = book.accountsByTouchModel;
  const utilisation = book.utilisation ?? 0;
  const target = book.arrTarget;
  return (
    <Table.Tr data-testid="book-row" data-csm={book.name}>
      <Table.Td>
        <Text size="sm" fw={600}>
          {book.name}
        </Text>
        <Text size="xs" c="dimmed">
          {book.covers.length === 0 ? 'Covers every tier' : `Covers ${book.covers.join(', ')}`}
        </Text>
      </Table.Td>
      <Table.Td ta="right" style={numeric}>
        <Text size="sm" fw={600} data-testid="book-accounts">
          {book.accounts.toLocaleString()}
        </Text>
        <Text size="xs" c="dimmed">
          {byModel.high} high · {byModel.low} low · {byModel.tech} tech
        </Text>
      </Table.Td>
      <Table.Td ta="right" style={numeric}>
        <Text size="sm" data-testid="book-workload">
          {formatUnits(book.workload)} of {formatUnits(book.capacity)}
        </Text>
        <Text size="xs" c="dimmed">
          units
        </Text>
      </Table.Td>
      <Table.Td miw={160}>
        <Group gap={8} wrap="nowrap">
          <Progress
            value={Math.min(100, utilisation * 100)}
            color={loadFlagColors[book.flag]}
            flex={1}
            aria-label={`${book.name} utilisation`}
          />
          <Text size="sm" fw={600} w={44} ta="right" style={numeric} data-testid="book-utilisation">
            {formatUtilisation(book.utilisation)}
          </Text>
        </Group>
      </Table.Td>
      <Table.Td ta="right" style={numeric}>
        <Text size="sm" data-testid="book-arr">
          {formatWholeMoney(book.arrMinor, currency)}
        </Text>
        <Text size="xs" c="dimmed">
          {target
            ? `target ${formatWholeMoney(target.amountMinor, currency)} (${touchModelLabels[target.touchModel].toLowerCase()})`
            : 'no target'}
        </Text>
      </Table.Td>
      <Table.Td>
        <Badge variant="light" color={loadFlagColors[book.flag]} data-testid="book-flag">
          {loadFlagLabels[book.flag]}
        </Badge>
      </Table.Td>
    </Table.Tr>
  );
}

/** Each CSM's book in figures: accounts by touch model, workload of capacity, utilisation, ARR against target, flag. */
export function BooksTable({ overview }: { overview: CapacityOverview }) {
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table verticalSpacing="sm" horizontalSpacing="md" aria-label="Books of business">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>CSM</Table.Th>
            <Table.Th ta="right">Accounts</Table.Th>
            <Table.Th ta="right">Workload</Table.Th>
            <Table.Th>Utilisation</Table.Th>
            <Table.Th ta="right">ARR</Table.Th>
            <Table.Th>Load</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {overview.books.map((book) => (
            <BookRow key={book.csmId} book={book} currency={overview.currency} />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
