import { Anchor, Table, Text, VisuallyHidden } from '@mantine/core';
import { Link } from 'react-router';
import type { HomeRenewal } from '../../../shared/api/home.contract';
import { HealthBandBadge } from '../../components/HealthBandBadge';
import { RenewalText } from '../../components/RenewalText';
import { formatScore } from '../../format/health';
import { formatWholeMoney } from '../../format/metric-values';

interface RenewalsTableProps {
  items: readonly HomeRenewal[];
  bands: readonly { name: string }[];
  currency: string;
  /** The owner column, for the team's renewals. */
  showOwner?: boolean;
  caption: string;
}

/** Renewals soonest first: account, date and days left, ARR and health band. */
export function RenewalsTable({ items, bands, currency, showOwner = false, caption }: RenewalsTableProps) {
  if (items.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No renewal in the next 90 days.
      </Text>
    );
  }
  return (
    <Table.ScrollContainer minWidth={showOwner ? 560 : 420} mah={420}>
      <Table verticalSpacing={6} stickyHeader highlightOnHover>
        <VisuallyHidden component="caption">{caption}</VisuallyHidden>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Account</Table.Th>
            {showOwner && <Table.Th>Owner</Table.Th>}
            <Table.Th>Renewal</Table.Th>
            <Table.Th ta="right">ARR</Table.Th>
            <Table.Th>Health</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((renewal) => (
            <Table.Tr key={renewal.accountId} data-testid="renewal-row">
              <Table.Td>
                <Anchor component={Link} to={`/accounts/${renewal.accountId}`} size="sm" fw={500}>
                  {renewal.name}
                </Anchor>
              </Table.Td>
              {showOwner && (
                <Table.Td>
                  <Text size="sm">{renewal.ownerName ?? 'No owner'}</Text>
                </Table.Td>
              )}
              <Table.Td>
                <RenewalText date={renewal.renewalDate} daysLeft={renewal.daysLeft} />
              </Table.Td>
              <Table.Td ta="right">
                <Text size="sm">{formatWholeMoney(renewal.arrMinor, currency)}</Text>
              </Table.Td>
              <Table.Td>
                <HealthBandBadge band={renewal.band} bands={bands} />
                {renewal.score !== null && (
                  <Text span size="xs" c="dimmed" ml={6}>
                    {formatScore(renewal.score)}
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
