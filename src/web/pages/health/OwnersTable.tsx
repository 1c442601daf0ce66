import { Table, Text } from '@mantine/core';
import type { HealthSummary } from '../../../shared/api/health.contract';
import { HealthBandBadge } from '../../components/HealthBandBadge';
import { formatScore } from '../../format/health';
import classes from './HealthPage.module.css';

/** Each owner's book: accounts, average score and how many accounts sit in each band. */
export function OwnersTable({ summary }: { summary: HealthSummary }) {
  const bands = summary.bands.map((band) => ({ name: band.band }));
  if (summary.byOwner.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No accounts.
      </Text>
    );
  }
  return (
    <Table.ScrollContainer minWidth={520}>
      <Table verticalSpacing={6} className={classes.numbers} aria-label="Health by owner">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Owner</Table.Th>
            <Table.Th ta="right">Accounts</Table.Th>
            <Table.Th ta="right">Average score</Table.Th>
            {bands.map((band) => (
              <Table.Th key={band.name} ta="right">
                <HealthBandBadge band={band.name} bands={bands} size="sm" />
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {summary.byOwner.map((owner) => (
            <Table.Tr key={owner.ownerId ?? 'unassigned'}>
              <Table.Td>
                <Text size="sm" c={owner.ownerName ? undefined : 'dimmed'}>
                  {owner.ownerName ?? 'Unassigned'}
                </Text>
              </Table.Td>
              <Table.Td ta="right">{owner.accounts.toLocaleString()}</Table.Td>
              <Table.Td ta="right" fw={600}>
                {owner.averageScore === null ? '—' : formatScore(owner.averageScore)}
              </Table.Td>
              {bands.map((band) => {
                const count = owner.bands[band.name] ?? 0;
                return (
                  <Table.Td key={band.name} ta="right" c={count === 0 ? 'dimmed' : undefined}>
                    {count.toLocaleString()}
                  </Table.Td>
                );
              })}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
