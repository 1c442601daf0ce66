import { Button, Group, Skeleton, Table, Text, UnstyledButton } from '@mantine/core';
import type { MetricsBreakdown, MetricsOverview } from '../../../shared/api/metrics.contract';
import { useMetricsBreakdown } from '../../api/metrics-api';
import { ErrorState } from '../../components/ErrorState';
import { Notice } from '../../components/Notice';
import { formatWholeMoney } from '../../format/metric-values';
import { MetricValueText } from './MetricValueText';
import { type AccountsDrill, dimensionLabel } from './metrics-view';
import classes from './MetricsPage.module.css';
import { MetricsSection } from './MetricsSection';

type Group = MetricsBreakdown['groups'][number];

/** Largest groups first (by MRR at the end, then at the start); accounts without a value last. */
function sortGroups(groups: Group[]): Group[] {
  return [...groups].sort((a, b) => {
    if ((a.key === null) !== (b.key === null)) return a.key === null ? 1 : -1;
    return (
      b.summary.mrrEndMinor - a.summary.mrrEndMinor ||
      b.summary.mrrStartMinor - a.summary.mrrStartMinor ||
      a.label.localeCompare(b.label)
    );
  });
}

function SummaryCells({ summary, currency }: { summary: Group['summary']; currency: string }) {
  return (
    <>
      <Table.Td ta="right">{formatWholeMoney(summary.mrrStartMinor, currency)}</Table.Td>
      <Table.Td ta="right">{formatWholeMoney(summary.mrrEndMinor, currency)}</Table.Td>
      <Table.Td ta="right">
        <MetricValueText metric={summary.nrr} unit="percent" />
      </Table.Td>
      <Table.Td ta="right">
        <MetricValueText metric={summary.grr} unit="percent" />
      </Table.Td>
      <Table.Td ta="right">
        <MetricValueText metric={summary.logoChurnRate} unit="percent" />
        <Text span size="xs" c="dimmed">
          {' '}
          ({summary.churnedLogos}/{summary.customersStart})
        </Text>
      </Table.Td>
      <Table.Td ta="right">
        <MetricValueText metric={summary.netMrrChurnRate} unit="percent" />
      </Table.Td>
    </>
  );
}

const quickDimensions = ['tier', 'segment', 'owner', 'industry', 'plan'] as const;

interface BreakdownTabProps {
  overview: MetricsOverview;
  by: string;
  onChooseDimension: (by: string) => void;
  onDrill: (drill: AccountsDrill) => void;
}

/** The period's retention per group of a dimension; a row opens the movements of that group's accounts. */
export function BreakdownTab({ overview, by, onChooseDimension, onDrill }: BreakdownTabProps) {
  const breakdown = useMetricsBreakdown({ from: overview.from, to: overview.to }, by);
  if (!by) {
    return (
      <MetricsSection title="Breakdown">
        <Notice
          py="xl"
          headingOrder={3}
          title="Choose what to break the figures down by"
          description="Compare retention across tiers, segments, CSMs, industries, plans or any account trait. Pick one here or in “Break down by” above."
          actions={
            <Group gap="xs" justify="center">
              {quickDimensions.map((dimension) => (
                <Button key={dimension} variant="light" onClick={() => onChooseDimension(dimension)}>
                  {dimensionLabel(dimension)}
                </Button>
              ))}
            </Group>
          }
        />
      </MetricsSection>
    );
  }
  const data = breakdown.data;
  const currency = data?.reportingCurrency ?? overview.reportingCurrency;
  const showGroup = (group: Group) =>
    onDrill({ movement: 'all', month: null, group: group.key ?? '', reason: null });
  return (
    <MetricsSection
      title={`By ${dimensionLabel(by)}`}
      description="Each group's figures for the period, computed on its own accounts (grouped by their current value). Choose a group to see its accounts' MRR movements."
    >
      {breakdown.isError && !data ? (
        <ErrorState
          title="Could not load the breakdown"
          error={breakdown.error}
          onRetry={() => void breakdown.refetch()}
        />
      ) : !data ? (
        <Skeleton height={260} aria-label="Loading breakdown" />
      ) : data.groups.length === 0 ? (
        <Notice
          py="xl"
          headingOrder={3}
          title="No groups"
          description={`No account with revenue in this period has a ${dimensionLabel(by).toLowerCase()}.`}
        />
      ) : (
        <Table.ScrollContainer minWidth={820}>
          <Table
            className={classes.numbers}
            verticalSpacing={8}
            aria-busy={breakdown.isPlaceholderData || undefined}
          >
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{dimensionLabel(by)}</Table.Th>
                <Table.Th ta="right">Accounts</Table.Th>
                <Table.Th ta="right">MRR at start</Table.Th>
                <Table.Th ta="right">MRR at end</Table.Th>
                <Table.Th ta="right">NRR</Table.Th>
                <Table.Th ta="right">GRR</Table.Th>
                <Table.Th ta="right">Logo churn</Table.Th>
                <Table.Th ta="right">Net MRR churn</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {sortGroups(data.groups).map((group) => (
                <Table.Tr
                  key={group.key ?? '(none)'}
                  className={classes.clickableRow}
                  onClick={(event) => {
                    if ((event.target as HTMLElement).closest('button, a, [tabindex]')) return;
                    showGroup(group);
                  }}
                >
                  <Table.Td>
                    <UnstyledButton
                      className={classes.figureButton}
                      fw={600}
                      onClick={() => showGroup(group)}
                      aria-label={`${group.label}: show accounts`}
                    >
                      {group.key === null ? (
                        <Text span inherit c="dimmed">
                          {group.label}
                        </Text>
                      ) : (
                        group.label
                      )}
                    </UnstyledButton>
                  </Table.Td>
                  <Table.Td ta="right">{group.accounts.toLocaleString()}</Table.Td>
                  <SummaryCells summary={group.summary} currency={currency} />
                </Table.Tr>
              ))}
            </Table.Tbody>
            <Table.Tfoot>
              <Table.Tr fw={650}>
                <Table.Td>All accounts</Table.Td>
                <Table.Td ta="right">
                  {data.groups.reduce((sum, group) => sum + group.accounts, 0).toLocaleString()}
                </Table.Td>
                <SummaryCells summary={overview.summary} currency={currency} />
              </Table.Tr>
            </Table.Tfoot>
          </Table>
        </Table.ScrollContainer>
      )}
    </MetricsSection>
  );
}
