import { Code, Grid, Skeleton, Stack, Table, Text, UnstyledButton } from '@mantine/core';
import { lazy, Suspense } from 'react';
import type { MetricsOverview } from '../../../shared/api/metrics.contract';
import { useChurnReasons } from '../../api/metrics-api';
import { ErrorState } from '../../components/ErrorState';
import { Notice } from '../../components/Notice';
import { formatMonth, formatMonthLong, formatPercent, formatWholeMoney } from '../../format/metric-values';
import { churnPareto } from './churn-pareto';
import type { AccountsDrill } from './metrics-view';
import classes from './MetricsPage.module.css';
import { ChartSkeleton, MetricsSection } from './MetricsSection';
import { monthlyLogoChurn } from './monthly-logo-churn';
import { churnReasonLabel } from './movement-style';

const LogoChurnChart = lazy(() =>
  import('./LogoChurnChart').then((module) => ({ default: module.LogoChurnChart })),
);
const ChurnReasonsChart = lazy(() =>
  import('./ChurnReasonsChart').then((module) => ({ default: module.ChurnReasonsChart })),
);

interface ChurnTabProps {
  overview: MetricsOverview;
  onDrill: (drill: AccountsDrill) => void;
}

function ChurnReasons({ overview, onDrill }: ChurnTabProps) {
  const reasons = useChurnReasons({ from: overview.from, to: overview.to });
  const showReason = (reasonCode: string) =>
    onDrill({ movement: 'churn', month: null, group: null, reason: reasonCode });
  if (reasons.isError && !reasons.data) {
    return (
      <ErrorState
        title="Could not load churn reasons"
        error={reasons.error}
        onRetry={() => void reasons.refetch()}
      />
    );
  }
  if (!reasons.data) {
    return (
      <Grid gap="lg" aria-busy="true" aria-label="Loading churn reasons">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <ChartSkeleton height={300} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Skeleton height={300} />
        </Grid.Col>
      </Grid>
    );
  }
  const rows = churnPareto(reasons.data.reasons);
  if (rows.length === 0) {
    return (
      <Notice
        py="xl"
        title="No churn in this period"
        description="No customer stopped paying between these months, so there is no reason to show."
        headingOrder={3}
      />
    );
  }
  const currency = reasons.data.reportingCurrency;
  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, lg: 7 }}>
        <Suspense fallback={<ChartSkeleton height={300} />}>
          <ChurnReasonsChart rows={rows} currency={currency} onSelect={showReason} />
        </Suspense>
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 5 }}>
        <Table className={classes.numbers} verticalSpacing={6} highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Reason</Table.Th>
              <Table.Th ta="right">Accounts</Table.Th>
              <Table.Th ta="right">Churned MRR</Table.Th>
              <Table.Th ta="right">Share</Table.Th>
              <Table.Th ta="right">Cumulative</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.reasonCode}>
                <Table.Td>
                  <UnstyledButton
                    className={classes.figureButton}
                    onClick={() => showReason(row.reasonCode)}
                    aria-label={`${churnReasonLabel(row.reasonCode)}: show the accounts that churned for this reason`}
                  >
                    {churnReasonLabel(row.reasonCode)}
                  </UnstyledButton>
                </Table.Td>
                <Table.Td ta="right">{row.accounts.toLocaleString()}</Table.Td>
                <Table.Td ta="right">{formatWholeMoney(row.churnedMrrMinor, currency)}</Table.Td>
                <Table.Td ta="right">{formatPercent(row.share)}</Table.Td>
                <Table.Td ta="right">{formatPercent(row.cumulativeShare)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {rows.some((row) => row.reasonCode === 'unknown') && (
          <Text size="xs" c="dimmed" mt="sm">
            &ldquo;Unknown&rdquo; is churn with no recorded reason. Record reasons with{' '}
            <Code>cycle import churn-events file.csv</Code>.
          </Text>
        )}
      </Grid.Col>
    </Grid>
  );
}

/** Customers lost per month, and churned MRR by reason as a pareto; each figure opens its accounts. */
export function ChurnTab({ overview, onDrill }: ChurnTabProps) {
  const months = monthlyLogoChurn(overview);
  const showMonth = (month: string) => onDrill({ movement: 'churn', month, group: null, reason: null });
  return (
    <Stack gap="lg">
      <MetricsSection
        title="Logo churn per month"
        description="Customers that stopped paying each month, and the monthly logo churn rate: customers lost ÷ customers at the end of the month before. Click a bar to see who churned."
      >
        <Suspense fallback={<ChartSkeleton height={300} />}>
          <LogoChurnChart overview={overview} onSelect={showMonth} />
        </Suspense>
      </MetricsSection>
      <MetricsSection
        title="Churned MRR by reason"
        description="Recurring revenue lost to churn in the period, by the reason recorded for each churn, largest first; the line is the running share of all churned MRR. Choose a reason to see its accounts."
      >
        <ChurnReasons overview={overview} onDrill={onDrill} />
      </MetricsSection>
      <MetricsSection title="Customers month by month">
        <Table.ScrollContainer minWidth={640}>
          <Table className={classes.numbers} verticalSpacing={6} highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Month</Table.Th>
                <Table.Th ta="right">Customers at start</Table.Th>
                <Table.Th ta="right">New</Table.Th>
                <Table.Th ta="right">Reactivated</Table.Th>
                <Table.Th ta="right">Lost</Table.Th>
                <Table.Th ta="right">Logo churn rate</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {months.map((row) => (
                <Table.Tr key={row.month}>
                  <Table.Td>{formatMonth(row.month)}</Table.Td>
                  <Table.Td ta="right">{row.customersAtStart.toLocaleString()}</Table.Td>
                  <Table.Td ta="right">{row.newLogos.toLocaleString()}</Table.Td>
                  <Table.Td ta="right">{row.reactivatedLogos.toLocaleString()}</Table.Td>
                  <Table.Td ta="right">
                    {row.churnedLogos > 0 ? (
                      <UnstyledButton
                        className={classes.figureButton}
                        c="red.8"
                        onClick={() => showMonth(row.month)}
                        aria-label={`${row.churnedLogos} customers lost in ${formatMonthLong(row.month)}. Show accounts`}
                      >
                        {row.churnedLogos.toLocaleString()}
                      </UnstyledButton>
                    ) : (
                      <Text span size="sm" c="dimmed">
                        0
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td ta="right">{row.rate === null ? '—' : formatPercent(row.rate)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </MetricsSection>
    </Stack>
  );
}
