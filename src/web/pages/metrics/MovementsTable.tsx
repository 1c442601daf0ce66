import { Table, Text, UnstyledButton } from '@mantine/core';
import type { MonthMetrics } from '../../../shared/api/metrics.contract';
import {
  formatMonth,
  formatMonthLong,
  formatSignedMoney,
  formatWholeMoney,
} from '../../format/metric-values';
import { type AccountsDrill, movementKinds, type MovementKind } from './metrics-view';
import classes from './MetricsPage.module.css';
import { movementLabels, netMovement, signedMovement } from './movement-style';

interface MovementsTableProps {
  months: MonthMetrics[];
  currency: string;
  onDrill: (drill: AccountsDrill) => void;
}

/** A movement amount that opens its accounts; a zero is plain text (there is nobody behind it). */
function MovementFigure({
  amount,
  currency,
  label,
  onOpen,
}: {
  amount: number;
  currency: string;
  label: string;
  onOpen: () => void;
}) {
  const text = formatSignedMoney(amount, currency);
  if (amount === 0) {
    return (
      <Text span size="sm" c="dimmed">
        {text}
      </Text>
    );
  }
  return (
    <UnstyledButton
      className={classes.figureButton}
      c={amount < 0 ? 'red.8' : undefined}
      onClick={onOpen}
      aria-label={`${label}: ${text}. Show accounts`}
    >
      {text}
    </UnstyledButton>
  );
}

/** The numbers under the movements chart, month by month; every figure opens the accounts behind it. */
export function MovementsTable({ months, currency, onDrill }: MovementsTableProps) {
  const totals = Object.fromEntries(
    movementKinds.map((kind) => [kind, months.reduce((sum, month) => sum + signedMovement(month, kind), 0)]),
  ) as Record<MovementKind, number>;
  const totalNet = months.reduce((sum, month) => sum + netMovement(month), 0);
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table className={classes.numbers} verticalSpacing={6} highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Month</Table.Th>
            {movementKinds.map((kind) => (
              <Table.Th key={kind} ta="right">
                {movementLabels[kind]}
              </Table.Th>
            ))}
            <Table.Th ta="right">Net change</Table.Th>
            <Table.Th ta="right">MRR</Table.Th>
            <Table.Th ta="right">Customers</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {months.map((month) => (
            <Table.Tr key={month.month} data-month={month.month}>
              <Table.Td>
                <UnstyledButton
                  className={classes.figureButton}
                  onClick={() => onDrill({ movement: 'all', month: month.month, group: null, reason: null })}
                  aria-label={`${formatMonth(month.month)}: show the accounts behind all movements in ${formatMonthLong(month.month)}`}
                >
                  {formatMonth(month.month)}
                </UnstyledButton>
              </Table.Td>
              {movementKinds.map((kind) => (
                <Table.Td key={kind} ta="right">
                  <MovementFigure
                    amount={signedMovement(month, kind)}
                    currency={currency}
                    label={`${movementLabels[kind]} in ${formatMonthLong(month.month)}`}
                    onOpen={() => onDrill({ movement: kind, month: month.month, group: null, reason: null })}
                  />
                </Table.Td>
              ))}
              <Table.Td ta="right" fw={600}>
                {formatSignedMoney(netMovement(month), currency)}
              </Table.Td>
              <Table.Td ta="right">{formatWholeMoney(month.mrrMinor, currency)}</Table.Td>
              <Table.Td ta="right">{month.customers.toLocaleString()}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr fw={650}>
            <Table.Td>Period</Table.Td>
            {movementKinds.map((kind) => (
              <Table.Td key={kind} ta="right">
                <MovementFigure
                  amount={totals[kind]}
                  currency={currency}
                  label={`${movementLabels[kind]} over the period`}
                  onOpen={() => onDrill({ movement: kind, month: null, group: null, reason: null })}
                />
              </Table.Td>
            ))}
            <Table.Td ta="right">{formatSignedMoney(totalNet, currency)}</Table.Td>
            <Table.Td ta="right">
              {months.length > 0 ? formatWholeMoney(months[months.length - 1]!.mrrMinor, currency) : '—'}
            </Table.Td>
            <Table.Td ta="right">
              {months.length > 0 ? months[months.length - 1]!.customers.toLocaleString() : '—'}
            </Table.Td>
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </Table.ScrollContainer>
  );
}
