import { Anchor, Group, Paper, SimpleGrid, Skeleton, Text, Tooltip, UnstyledButton } from '@mantine/core';
import type { ReactNode } from 'react';
import type { MetricsOverview } from '../../../shared/api/metrics.contract';
import { IconInfo } from '../../components/icons';
import {
  formatMonth,
  formatPercentChange,
  formatSignedMoney,
  formatWholeMoney,
} from '../../format/metric-values';
import { describeBenchmark } from './benchmarks';
import { MetricValueText } from './MetricValueText';
import type { AccountsDrill } from './metrics-view';
import classes from './MetricsPage.module.css';

interface MetricCardProps {
  label: string;
  /** One line on what the figure is and how it is computed. */
  definition: string;
  value: ReactNode;
  hint?: ReactNode;
}

/** One headline figure with its definition a hover or focus away. */
function MetricCard({ label, definition, value, hint }: MetricCardProps) {
  return (
    <Paper withBorder p="md" role="group" aria-label={label} className={classes.metricCard}>
      <Group gap={6} wrap="nowrap">
        <Text size="xs" c="dimmed" tt="uppercase" fw={600} lts={0.3}>
          {label}
        </Text>
        <Tooltip
          label={definition}
          multiline
          w={300}
          withArrow
          events={{ hover: true, focus: true, touch: true }}
        >
          <UnstyledButton className={classes.infoButton} aria-label={`What is ${label}?`}>
            <IconInfo size={14} />
          </UnstyledButton>
        </Tooltip>
      </Group>
      <Text fz={28} fw={650} lh={1.25} mt={6} className={classes.figure} data-testid="metric-value">
        {value}
      </Text>
      {hint && (
        <Text size="xs" c="dimmed" mt={4} component="div">
          {hint}
        </Text>
      )}
    </Paper>
  );
}

export function HeadlineCardsSkeleton() {
  return (
    <SimpleGrid
      cols={{ base: 1, xs: 2, md: 4 }}
      spacing="md"
      aria-busy="true"
      aria-label="Loading headline figures"
    >
      {Array.from({ length: 8 }, (_, index) => (
        <Skeleton key={index} height={118} />
      ))}
    </SimpleGrid>
  );
}

interface HeadlineCardsProps {
  overview: MetricsOverview;
  onDrill: (drill: AccountsDrill) => void;
  /** Opens the CS costs form; absent for people who may not enter them (CSMs and viewers). */
  onEnterCsCosts?: () => void;
}

function CsCostHint({
  csCostMinor,
  currency,
  onEnterCsCosts,
}: {
  csCostMinor: number | null;
  currency: string;
  onEnterCsCosts?: () => void;
}) {
  if (!onEnterCsCosts) {
    return csCostMinor === null
      ? 'No CS costs entered yet (a manager or admin enters them)'
      : `CS cost ${formatWholeMoney(csCostMinor, currency)}`;
  }
  if (csCostMinor === null) {
    return (
      <Anchor component="button" type="button" size="xs" onClick={onEnterCsCosts}>
        Enter CS costs to see CRC
      </Anchor>
    );
  }
  return (
    <>
      CS cost {formatWholeMoney(csCostMinor, currency)} ·{' '}
      <Anchor component="button" type="button" size="xs" onClick={onEnterCsCosts}>
        Edit
      </Anchor>
    </>
  );
}

/** The period in eight figures: ARR, NRR, GRR, logo churn, net MRR churn, quick ratio, ARPA (with LTV) and CRC. */
export function HeadlineCards({ overview, onDrill, onEnterCsCosts }: HeadlineCardsProps) {
  const { summary, reportingCurrency: currency } = overview;
  const money = (minor: number) => formatWholeMoney(minor, currency);
  const arrStart = summary.mrrStartMinor * 12;
  const arrEnd = summary.mrrEndMinor * 12;
  const arrChange = arrEnd - arrStart;
  const benchmarkHint = (metric: 'nrr' | 'grr') => {
    const item = overview.benchmarks.find((candidate) => candidate.metric === metric);
    return item ? describeBenchmark(item) : undefined;
  };
  const allMovements = () => onDrill({ movement: 'all', month: null, group: null, reason: null });

  return (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="md">
      <MetricCard
        label="ARR"
        definition={`Annual recurring revenue at the end of ${formatMonth(overview.to)}: 12 × MRR, in ${currency}.`}
        value={money(arrEnd)}
        hint={
          <Anchor
            component="button"
            type="button"
            size="xs"
            onClick={allMovements}
            c={arrChange < 0 ? 'red' : arrChange > 0 ? 'teal' : 'dimmed'}
          >
            {formatSignedMoney(arrChange, currency)}
            {arrStart > 0 && ` (${formatPercentChange(arrChange / arrStart)})`} over the period
          </Anchor>
        }
      />
      <MetricCard
        label="NRR"
        definition="Net revenue retention: MRR at the end of the period from the accounts that were customers at its start ÷ their MRR at the start. Expansion counts; new customers do not."
        value={<MetricValueText metric={summary.nrr} unit="percent" />}
        hint={benchmarkHint('nrr')}
      />
      <MetricCard
        label="GRR"
        definition="Gross revenue retention: as NRR, with each account's end MRR capped at its start MRR, so expansion never hides losses. Never above 100%."
        value={<MetricValueText metric={summary.grr} unit="percent" />}
        hint={benchmarkHint('grr')}
      />
      <MetricCard
        label="Logo churn"
        definition="Customers at the start of the period that no longer pay at its end ÷ customers at the start. Accounts that joined and left inside the period are not counted."
        value={<MetricValueText metric={summary.logoChurnRate} unit="percent" />}
        hint={
          summary.churnedLogos > 0 ? (
            <Anchor
              component="button"
              type="button"
              size="xs"
              onClick={() => onDrill({ movement: 'churn', month: null, group: null, reason: null })}
            >
              {summary.churnedLogos.toLocaleString()} of {summary.customersStart.toLocaleString()} customers
              lost
            </Anchor>
          ) : summary.customersStart > 0 ? (
            `None of ${summary.customersStart.toLocaleString()} customers lost`
          ) : (
            'No customers at the start of the period'
          )
        }
      />
      <MetricCard
        label="Net MRR churn"
        definition="(Churn + contraction − expansion − reactivation) ÷ MRR at the start of the period. Below zero, expansion outgrows losses."
        value={<MetricValueText metric={summary.netMrrChurnRate} unit="percent" />}
        hint={
          <>
            Gross MRR churn <MetricValueText metric={summary.grossMrrChurnRate} unit="percent" size="xs" />
          </>
        }
      />
      <MetricCard
        label="Quick ratio"
        definition="MRR gained (new + expansion + reactivation) ÷ MRR lost (contraction + churn) over the period. Above 1 the recurring revenue grows."
        value={<MetricValueText metric={summary.quickRatio} unit="ratio" />}
        hint="MRR gained for every unit of MRR lost"
      />
      <MetricCard
        label="ARPA"
        definition="Average revenue per account: MRR ÷ paying accounts, averaged over the months of the period. LTV = ARPA ÷ monthly logo churn rate."
        value={<MetricValueText metric={summary.arpaMinor} unit="money" currency={currency} />}
        hint={
          <>
            LTV <MetricValueText metric={summary.ltvMinor} unit="money" currency={currency} size="xs" />
          </>
        }
      />
      <MetricCard
        label="CRC"
        definition="Customer retention cost: the CS team's cost in the period ÷ customers retained (customers at the start still paying at the end)."
        value={<MetricValueText metric={summary.crcMinor} unit="money" currency={currency} />}
        hint={
          <CsCostHint csCostMinor={summary.csCostMinor} currency={currency} onEnterCsCosts={onEnterCsCosts} />
        }
      />
    </SimpleGrid>
  );
}
