import { Anchor, Grid, SimpleGrid, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useHomeBook } from '../../api/home-api';
import { ErrorState } from '../../components/ErrorState';
import { PageLoader } from '../../components/PageLoader';
import { formatWholeMoney } from '../../format/metric-values';
import { AtRiskList } from './AtRiskList';
import { BandDistribution } from './BandDistribution';
import { ChangesList } from './ChangesList';
import { KeyFigure } from './KeyFigure';
import { RenewalsTable } from './RenewalsTable';
import { SectionCard } from './SectionCard';

/** A person's book of business: headline figures, health bands, renewals, at-risk accounts and the last day's changes. */
export function BookView({ owner = 'me' }: { owner?: string }) {
  const book = useHomeBook(owner);
  if (book.isPending) return <PageLoader />;
  if (book.isError)
    return <ErrorState title="Could not load your book" error={book.error} onRetry={() => book.refetch()} />;
  const data = book.data;
  const currency = data.reportingCurrency;
  const bands = data.health.bands;
  const worst = bands[0]?.name;
  if (data.accounts === 0) {
    return (
      <Text c="dimmed">
        {data.owner.name} owns no account yet. Accounts are assigned an owner on the{' '}
        <Anchor component={Link} to="/accounts">
          accounts list
        </Anchor>{' '}
        or by import.
      </Text>
    );
  }
  return (
    <Stack gap="lg">
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="md">
        <KeyFigure
          label="ARR"
          value={formatWholeMoney(data.arrMinor, currency)}
          hint="Recurring revenue of the book today"
        />
        <KeyFigure label="Accounts" value={String(data.accounts)} hint="Active, onboarding and prospects" />
        <KeyFigure
          label="Renewals in 90 days"
          value={String(data.renewals.total)}
          hint={`${formatWholeMoney(data.renewals.arrMinor, currency)} ARR up for renewal`}
        />
        <KeyFigure
          label="At risk"
          value={String(data.atRisk.total)}
          hint={worst ? `In the ${worst} band` : 'No scorecard yet'}
        />
      </SimpleGrid>
      <SectionCard title="Health">
        <BandDistribution bands={bands} notScored={data.health.notScored} currency={currency} />
      </SectionCard>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <SectionCard
            title="Renewals in the next 90 days"
            aside={
              <Anchor component={Link} to="/accounts?owner=me&sort=renewalDate" size="sm">
                All my accounts
              </Anchor>
            }
          >
            <RenewalsTable
              items={data.renewals.items}
              bands={bands}
              currency={currency}
              caption={`Renewals of ${data.owner.name}'s accounts in the next 90 days`}
            />
          </SectionCard>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <SectionCard title="At risk">
            <AtRiskList items={data.atRisk.items} bands={bands} currency={currency} />
          </SectionCard>
        </Grid.Col>
      </Grid>
      <SectionCard
        title="Since yesterday"
        aside={
          <Text size="sm" c="dimmed">
            {data.changes.total} in the last 24 hours
          </Text>
        }
      >
        <ChangesList items={data.changes.items} total={data.changes.total} />
      </SectionCard>
    </Stack>
  );
}
