import { Badge, Button, Group, Paper, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { lazy, Suspense, useState } from 'react';
import type { CapacityOverview } from '../../../shared/api/capacity.contract';
import { useCapacityOverview, useCapacitySettings } from '../../api/capacity-api';
import { ErrorState } from '../../components/ErrorState';
import { Notice } from '../../components/Notice';
import { formatCompactMoney, formatWholeMoney } from '../../format/metric-values';
import { KeyFigure } from '../home/KeyFigure';
import { touchModelLabels } from '../settings/tiers/tier-format';
import { BooksTable } from './BooksTable';
import { formatUnits, formatUtilisation } from './capacity-format';
import { CapacitySettingsModal } from './CapacitySettingsModal';
import { HiringPlanner } from './HiringPlanner';
import { RebalancePanel } from './RebalancePanel';

const WorkloadChart = lazy(() =>
  import('./WorkloadChart').then((module) => ({ default: module.WorkloadChart })),
);

function TeamFigures({ overview }: { overview: CapacityOverview }) {
  const { team, unowned, currency } = overview;
  const perCsm = (value: number) => (team.csms === 0 ? 0 : value / team.csms);
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="md">
      <KeyFigure
        label="CSMs"
        value={team.csms.toLocaleString()}
        hint={`${team.overloaded} overloaded · ${team.underloaded} underloaded`}
      />
      <KeyFigure
        label="Accounts"
        value={team.accounts.toLocaleString()}
        hint={`${Math.round(perCsm(team.accounts)).toLocaleString()} per CSM · ${unowned.accounts.toLocaleString()} unowned`}
      />
      <KeyFigure
        label="ARR"
        value={formatWholeMoney(team.arrMinor, currency)}
        hint={`${formatWholeMoney(perCsm(team.arrMinor), currency)} per CSM`}
      />
      <KeyFigure
        label="Utilisation"
        value={formatUtilisation(team.utilisation)}
        hint={`${formatUnits(team.workload)} of ${formatUnits(team.capacity)} workload units`}
      />
    </SimpleGrid>
  );
}

/** The industry's figures for a CSM's book, labelled as such, beside the team's own averages. */
function Benchmarks({ overview }: { overview: CapacityOverview }) {
  const { benchmarks, team, currency } = overview;
  const csms = Math.max(1, team.csms);
  return (
    <Paper withBorder p="md" component="section" aria-label="Public benchmark" data-testid="benchmarks">
      <Group gap="xs" mb={6}>
        <Badge variant="outline" color="gray">
          {benchmarks.label}
        </Badge>
        <Text size="sm" c="dimmed">
          Industry figures, not your team&apos;s
        </Text>
      </Group>
      <Text size="sm">
        An average CSM book is about <strong>{benchmarks.accountsPerCsm.toLocaleString()} accounts</strong>{' '}
        and{' '}
        <strong>
          {formatCompactMoney(benchmarks.arrPerCsm.from, 'USD')}–
          {formatCompactMoney(benchmarks.arrPerCsm.to, 'USD')} ARR
        </strong>
        ; {touchModelLabels.high.toLowerCase()} about{' '}
        {formatCompactMoney(benchmarks.arrPerCsmByTouchModel.high, 'USD')},{' '}
        {touchModelLabels.low.toLowerCase()} and {touchModelLabels.tech.toLowerCase()}{' '}
        {formatCompactMoney(benchmarks.arrPerCsmByTouchModel.low, 'USD')}+. Your team averages{' '}
        {Math.round(team.accounts / csms).toLocaleString()} accounts and{' '}
        {formatWholeMoney(team.arrMinor / csms, currency)} ARR per CSM.
      </Text>
      <Text size="xs" c="dimmed" mt={4}>
        {benchmarks.source}
      </Text>
    </Paper>
  );
}

/** Team → Capacity (managers, admins): each CSM's load, team totals, benchmarks, settings, rebalancing and hiring need. */
export function CapacityTab() {
  const overview = useCapacityOverview();
  const settings = useCapacitySettings();
  const [editing, setEditing] = useState(false);
  if (overview.isPending) return <Skeleton height={360} aria-label="Loading the books" />;
  if (overview.isError)
    return (
      <ErrorState
        title="Could not load the books of business"
        error={overview.error}
        onRetry={() => void overview.refetch()}
      />
    );
  const data = overview.data;
  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <Text size="sm" c="dimmed" maw={760}>
          Workload counts each account by its tier&apos;s touch model (high{' '}
          {formatUnits(data.settings.weights.high)}, low {formatUnits(data.settings.weights.low)}, tech{' '}
          {formatUnits(data.settings.weights.tech)} units); a CSM carries{' '}
          {formatUnits(data.settings.workloadCapacity)} units unless set on the person. Over{' '}
          {formatUtilisation(data.settings.overloadAt)} is overloaded, under{' '}
          {formatUtilisation(data.settings.underloadAt)} underloaded.
        </Text>
        <Button variant="default" onClick={() => setEditing(true)} disabled={!settings.data}>
          Capacity settings
        </Button>
      </Group>
      <TeamFigures overview={data} />
      <Benchmarks overview={data} />
      <Paper withBorder p="lg" component="section" aria-labelledby="load-title">
        <Title order={2} size="h4" id="load-title" mb="sm">
          Load per CSM
        </Title>
        {data.books.length === 0 ? (
          <Notice
            py={32}
            title="No CSMs yet"
            description="Every active user with the CSM role counts, and managers or admins who own accounts. Add people with cycle users add --role csm, then give them accounts."
          />
        ) : (
          <Stack gap="md">
            <Suspense fallback={<Skeleton height={Math.max(140, 56 + data.books.length * 48)} />}>
              <WorkloadChart books={data.books} />
            </Suspense>
            <BooksTable overview={data} />
            {data.unowned.accounts > 0 && (
              <Text size="sm" c="dimmed">
                {data.unowned.accounts.toLocaleString()}{' '}
                {data.unowned.accounts === 1 ? 'account' : 'accounts'} (
                {formatWholeMoney(data.unowned.arrMinor, data.currency)} ARR,{' '}
                {formatUnits(data.unowned.workload)} units) {data.unowned.accounts === 1 ? 'has' : 'have'} no
                active owner and count in no book.
              </Text>
            )}
          </Stack>
        )}
      </Paper>
      <RebalancePanel canApply />
      <HiringPlanner />
      <CapacitySettingsModal opened={editing} response={settings.data} onClose={() => setEditing(false)} />
    </Stack>
  );
}
