import { Badge, Group, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { CalibrationResult, ScorecardDto } from '../../../../shared/api/health.contract';
import { describeScheme, formatNumber, measureShares } from '../../../format/health';
import { formatPercent } from '../../../format/metric-values';
import classes from '../HealthPage.module.css';
import { type BacktestReport, verdictColors } from './backtest-format';
import { MetricFigure } from './MetricFigure';

export type Calibrated = Extract<CalibrationResult, { status: 'calibrated' }>;

/** The held-out backtest now and calibrated, figure by figure. */
export function ComparisonTable({ before, after }: { before: BacktestReport; after: BacktestReport }) {
  const rows: { label: string; render: (report: BacktestReport) => ReactNode }[] = [
    {
      label: 'Verdict',
      render: (report) => (
        <Text size="sm" c={`${verdictColors[report.verdict.level]}.8`} fw={500}>
          {report.verdict.sentence}
        </Text>
      ),
    },
    {
      label: 'AUC',
      render: (report) => <MetricFigure metric={report.auc} format="auc" layout="inline" fw={600} />,
    },
    {
      label: 'Lowest-decile lift',
      render: (report) => <MetricFigure metric={report.lowestDecile.lift} format="lift" layout="inline" />,
    },
    {
      label: 'Churn, lowest decile vs all',
      render: (report) => (
        <>
          <MetricFigure metric={report.lowestDecile.churnRate} format="rate" layout="inline" /> vs{' '}
          <MetricFigure metric={report.lowestDecile.overallChurnRate} format="rate" layout="inline" />
        </>
      ),
    },
    ...before.churnByBand.map((band, index) => ({
      label: `Churn in ${band.band}`,
      render: (report: BacktestReport) => {
        const row = report.churnByBand[index];
        if (!row) return '—';
        return (
          <>
            <MetricFigure metric={row.churnRate} format="rate" layout="inline" />{' '}
            <Text span size="xs" c="dimmed">
              ({row.churned} of {row.accounts})
            </Text>
          </>
        );
      },
    })),
  ];
  return (
    <Table verticalSpacing={6} className={classes.numbers} aria-label="Held-out backtest before and after">
      <Table.Thead>
        <Table.Tr>
          <Table.Th />
          <Table.Th>Now</Table.Th>
          <Table.Th>Calibrated</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row) => (
          <Table.Tr key={row.label}>
            <Table.Td c="dimmed" fz="sm">
              {row.label}
            </Table.Td>
            <Table.Td fz="sm">{row.render(before)}</Table.Td>
            <Table.Td fz="sm">{row.render(after)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** Each measure's share of the score now and fitted, with the fit's note. */
export function WeightsTable({ result, current }: { result: Calibrated; current: ScorecardDto | undefined }) {
  const shares = current ? measureShares(current.definition) : {};
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table verticalSpacing={6} className={classes.numbers} aria-label="Fitted weights">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Measure</Table.Th>
            <Table.Th ta="right">Share now</Table.Th>
            <Table.Th ta="right">Fitted share</Table.Th>
            <Table.Th>Note</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {result.weights.map((weight) => {
            const share = shares[weight.measureId];
            return (
              <Table.Tr key={weight.measureId} data-testid="fitted-weight-row">
                <Table.Td>{weight.name}</Table.Td>
                <Table.Td ta="right">
                  {share === undefined ? formatNumber(weight.before, 2) : formatPercent(share)}
                </Table.Td>
                <Table.Td ta="right" fw={600} c={weight.after === 0 ? 'red.7' : undefined}>
                  {formatPercent(weight.after / 100)}
                </Table.Td>
                <Table.Td>
                  <Text size="xs" c="dimmed">
                    {weight.note ?? ''}
                  </Text>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Each measure's scheme now and fitted, in words, with the fit's note. */
export function BreakpointsTable({ result }: { result: Calibrated }) {
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table verticalSpacing={6} aria-label="Breakpoint changes">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Measure</Table.Th>
            <Table.Th>Scheme now</Table.Th>
            <Table.Th>Fitted scheme</Table.Th>
            <Table.Th>Note</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {result.breakpoints.map((change) => (
            <Table.Tr key={change.measureId}>
              <Table.Td>
                <Group gap={6} wrap="nowrap">
                  <Text size="sm">{change.name}</Text>
                  <Badge
                    size="xs"
                    variant={change.changed ? 'filled' : 'outline'}
                    color={change.changed ? 'indigo' : 'gray'}
                    style={{ flex: 'none' }}
                  >
                    {change.changed ? 'Moved' : 'Kept'}
                  </Badge>
                </Group>
              </Table.Td>
              <Table.Td fz="sm">{describeScheme(change.before)}</Table.Td>
              <Table.Td fz="sm" fw={change.changed ? 600 : undefined}>
                {change.changed ? (
                  describeScheme(change.after)
                ) : (
                  <Text span c="dimmed" size="sm">
                    unchanged
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Text size="xs" c="dimmed">
                  {change.note}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
