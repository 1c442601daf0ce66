import { Anchor, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { HealthSummary } from '../../../shared/api/health.contract';
import { HealthBandBadge } from '../../components/HealthBandBadge';
import { ScoreChange } from '../../components/ScoreChange';
import { formatScore } from '../../format/health';
import classes from './HealthPage.module.css';

/** The ten lowest scores, each linking to its Account 360, with the change over 7 days. */
export function LowestScoresTable({ summary }: { summary: HealthSummary }) {
  if (summary.lowest.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No scored accounts.
      </Text>
    );
  }
  return (
    <Table.ScrollContainer minWidth={480}>
      <Table verticalSpacing={6} className={classes.numbers} aria-label="Lowest scores">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Account</Table.Th>
            <Table.Th>Owner</Table.Th>
            <Table.Th ta="right">Score</Table.Th>
            <Table.Th>Band</Table.Th>
            <Table.Th ta="right">7 days</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {summary.lowest.map((row) => (
            <Table.Tr key={row.accountId}>
              <Table.Td>
                <Anchor component={Link} to={`/accounts/${row.accountId}`} size="sm">
                  {row.name}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <Text size="sm" c={row.ownerName ? undefined : 'dimmed'}>
                  {row.ownerName ?? 'Unassigned'}
                </Text>
              </Table.Td>
              <Table.Td ta="right" fw={600}>
                {formatScore(row.score)}
              </Table.Td>
              <Table.Td>
                <HealthBandBadge
                  band={row.band}
                  bands={summary.bands.map((band) => ({ name: band.band }))}
                  size="sm"
                />
              </Table.Td>
              <Table.Td ta="right">
                {row.change7 === null ? (
                  <Text span size="sm" c="dimmed" title="No score 7 days ago">
                    —
                  </Text>
                ) : (
                  <ScoreChange change={row.change7} size="sm" />
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
