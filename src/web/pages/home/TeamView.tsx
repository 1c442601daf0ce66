import { Anchor, Alert, SimpleGrid, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useHomeTeam } from '../../api/home-api';
import { ErrorState } from '../../components/ErrorState';
import { PageLoader } from '../../components/PageLoader';
import { describeMetricValue, formatMonthRange, formatWholeMoney } from '../../format/metric-values';
import { KeyFigure } from './KeyFigure';
import { OwnersHealthTable } from './OwnersHealthTable';
import { RenewalsTable } from './RenewalsTable';
import { SectionCard } from './SectionCard';

/** The team: retention over the last 12 full months, health per owner, renewals across the team. */
export function TeamView() {
  const team = useHomeTeam();
  if (team.isPending) return <PageLoader />;
  if (team.isError)
    return (
      <ErrorState title="Could not load the team view" error={team.error} onRetry={() => team.refetch()} />
    );
  const data = team.data;
  const { retention } = data;
  const currency = data.reportingCurrency;
  const period = formatMonthRange(retention.from, retention.to);
  const nrr = describeMetricValue(retention.nrr, 'percent');
  const grr = describeMetricValue(retention.grr, 'percent');
  const logoChurn = describeMetricValue(retention.logoChurnRate, 'percent');
  return (
    <Stack gap="lg">
      {retention.warnings > 0 && (
        <Alert color="orange" variant="light" title="Check the revenue data">
          The metrics have {retention.warnings} data-quality{' '}
          {retention.warnings === 1 ? 'warning' : 'warnings'}; see{' '}
          <Anchor component={Link} to="/metrics">
            Metrics
          </Anchor>
          .
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="md">
        <KeyFigure label="NRR" value={nrr.text} reason={nrr.reason} hint={period} />
        <KeyFigure label="GRR" value={grr.text} reason={grr.reason} hint={period} />
        <KeyFigure
          label="Logo churn"
          value={logoChurn.text}
          reason={logoChurn.reason}
          hint={`${retention.churnedLogos} customers lost, ${period}`}
        />
        <KeyFigure
          label="ARR"
          value={formatWholeMoney(retention.arrEndMinor, currency)}
          hint={`${retention.customersEnd} customers at the end of the period`}
        />
      </SimpleGrid>
      <Text size="sm" c="dimmed" mt={-8}>
        Definitions and every figure behind them are on{' '}
        <Anchor component={Link} to="/metrics">
          Metrics
        </Anchor>
        .
      </Text>
      <SectionCard
        title="Health by CSM"
        aside={
          <Anchor component={Link} to="/health" size="sm">
            Health overview
          </Anchor>
        }
      >
        {data.bands.length === 0 ? (
          <Text size="sm" c="dimmed">
            No health scorecard yet: create one under Health → Scorecards, and every account is scored at
            once.
          </Text>
        ) : (
          <OwnersHealthTable owners={data.healthByOwner} bands={data.bands} />
        )}
      </SectionCard>
      <SectionCard
        title="Renewals in the next 90 days"
        aside={
          <Text size="sm" c="dimmed">
            {data.renewals.total} {data.renewals.total === 1 ? 'account' : 'accounts'} ·{' '}
            {formatWholeMoney(data.renewals.arrMinor, currency)} ARR
          </Text>
        }
      >
        <RenewalsTable
          items={data.renewals.items}
          bands={data.bands}
          currency={currency}
          showOwner
          caption="Renewals across the team in the next 90 days"
        />
        {data.renewals.total > data.renewals.items.length && (
          <Text size="xs" c="dimmed" mt="xs">
            The soonest {data.renewals.items.length} of {data.renewals.total}; the{' '}
            <Anchor component={Link} to="/accounts?sort=renewalDate" size="xs">
              accounts list
            </Anchor>{' '}
            has them all.
          </Text>
        )}
      </SectionCard>
    </Stack>
  );
}
