import { Alert, Paper, SimpleGrid, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { BacktestResult } from '../../../../shared/api/health.contract';
import { HealthBandBadge } from '../../../components/HealthBandBadge';
import { formatNumber } from '../../../format/health';
import classes from '../HealthPage.module.css';
import { type BacktestReport, verdictColors } from './backtest-format';
import { MetricFigure } from './MetricFigure';

/** The verdict on the score in one sentence, coloured by how well it separates churners. */
export function VerdictAlert({
  verdict,
  children,
}: {
  verdict: BacktestReport['verdict'];
  children?: ReactNode;
}) {
  return (
    <Alert
      color={verdictColors[verdict.level]}
      variant="light"
      title={
        <Text fz="lg" fw={650} data-testid="verdict">
          {verdict.sentence}
        </Text>
      }
      data-verdict-level={verdict.level}
    >
      {children}
    </Alert>
  );
}

function Figure({ label, children, hint }: { label: string; children: ReactNode; hint?: ReactNode }) {
  return (
    <Paper withBorder p="md" role="group" aria-label={label}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600} lts={0.3}>
        {label}
      </Text>
      <div>{children}</div>
      {hint && (
        <Text size="xs" c="dimmed" mt={4} component="div">
          {hint}
        </Text>
      )}
    </Paper>
  );
}

const figureProps = { fz: 28, fw: 650, lh: 1.25, mt: 6 } as const;

/** AUC, the accounts judged, what was left out, and the lowest decile's lift. */
export function BacktestFigures({
  report,
  excluded,
}: {
  report: BacktestReport;
  excluded?: BacktestResult['excluded'];
}) {
  const decile = report.lowestDecile;
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, md: excluded ? 4 : 3 }} spacing="md">
      <Figure
        label="AUC"
        hint="Chance of ranking a random churner below a random renewal; 0.5 is a coin toss"
      >
        <MetricFigure metric={report.auc} format="auc" {...figureProps} data-testid="auc" />
      </Figure>
      <Figure
        label="Accounts"
        hint={`${report.churned.toLocaleString()} churned, ${(report.accounts - report.churned).toLocaleString()} renewed`}
      >
        <Text {...figureProps} className={classes.figure} data-testid="backtest-accounts">
          {report.accounts.toLocaleString()}
        </Text>
      </Figure>
      {excluded && (
        <Figure
          label="Left out"
          hint={`${excluded.noOutcome.toLocaleString()} without an outcome, ${excluded.notScored.toLocaleString()} not scorable`}
        >
          <Text {...figureProps} className={classes.figure}>
            {(excluded.noOutcome + excluded.notScored).toLocaleString()}
          </Text>
        </Figure>
      )}
      <Figure
        label="Lowest-decile lift"
        hint={
          <>
            Churn in the {decile.accounts.toLocaleString()} lowest scores
            {decile.highestScore !== null && ` (≤ ${formatNumber(decile.highestScore)})`}:{' '}
            <MetricFigure metric={decile.churnRate} format="rate" layout="inline" size="xs" /> vs{' '}
            <MetricFigure metric={decile.overallChurnRate} format="rate" layout="inline" size="xs" /> overall
          </>
        }
      >
        <MetricFigure metric={decile.lift} format="lift" {...figureProps} data-testid="lift" />
      </Figure>
    </SimpleGrid>
  );
}

/** Churn per band as figures (the chart's numbers, reachable without a mouse). */
export function ChurnByBandTable({ churnByBand }: { churnByBand: BacktestReport['churnByBand'] }) {
  const bands = churnByBand.map((band) => ({ name: band.band }));
  return (
    <Table verticalSpacing={4} className={classes.numbers} aria-label="Churn rate by band">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Band</Table.Th>
          <Table.Th ta="right">Accounts</Table.Th>
          <Table.Th ta="right">Churned</Table.Th>
          <Table.Th ta="right">Churn rate</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {churnByBand.map((band) => (
          <Table.Tr key={band.band}>
            <Table.Td>
              <HealthBandBadge band={band.band} bands={bands} size="sm" />
            </Table.Td>
            <Table.Td ta="right">{band.accounts.toLocaleString()}</Table.Td>
            <Table.Td ta="right">{band.churned.toLocaleString()}</Table.Td>
            <Table.Td ta="right">
              <MetricFigure metric={band.churnRate} format="rate" layout="inline" />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** Each measure's own AUC over the accounts where it was scored: which measures carry the signal. */
export function MeasureAucTable({ measureAucs }: { measureAucs: BacktestReport['measureAucs'] }) {
  return (
    <Table.ScrollContainer minWidth={480}>
      <Table verticalSpacing={6} className={classes.numbers} aria-label="AUC per measure">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Measure</Table.Th>
            <Table.Th ta="right">Accounts scored</Table.Th>
            <Table.Th ta="right">AUC</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {measureAucs.map((measure) => (
            <Table.Tr key={measure.measureId} data-testid="measure-auc-row">
              <Table.Td>{measure.name}</Table.Td>
              <Table.Td ta="right">{measure.accounts.toLocaleString()}</Table.Td>
              <Table.Td ta="right" fw={600}>
                <MetricFigure metric={measure.auc} format="auc" layout="inline" />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
