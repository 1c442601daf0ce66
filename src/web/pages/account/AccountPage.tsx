import { Anchor, Button, Group, Skeleton, Stack, Tabs, Text } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { Link, useLocation, useParams, useSearchParams } from 'react-router';
import type { Account360 } from '../../../shared/api/account-360.contract';
import { ApiError } from '../../api/api-client';
import { useAccount360 } from '../../api/accounts-api';
import { ErrorState } from '../../components/ErrorState';
import { IconAlert, IconArrowLeft } from '../../components/icons';
import { Notice } from '../../components/Notice';
import { AccountHeader } from './AccountHeader';
import { ContactsTab } from './ContactsTab';
import { OverviewTab } from './OverviewTab';
import { RevenueTab } from './RevenueTab';
import { SupportTab } from './SupportTab';
import { SurveysTab } from './SurveysTab';
import { TimelineTab } from './TimelineTab';
import { UsageTab } from './UsageTab';

const tabs = ['overview', 'timeline', 'contacts', 'revenue', 'usage', 'support', 'surveys'] as const;
type AccountTab = (typeof tabs)[number];

/** Tabs that were renamed keep working in old links. */
const renamedTabs: Record<string, AccountTab> = {
  activity: 'timeline',
  subscriptions: 'revenue',
  tickets: 'support',
};

function tabOf(value: string | null): AccountTab {
  if (value && value in renamedTabs) return renamedTabs[value]!;
  return (tabs as readonly (string | null)[]).includes(value) ? (value as AccountTab) : 'overview';
}

/** Back to the list, with the filters the user came from when they came from it. */
function BackToList() {
  const location = useLocation();
  const state = location.state as { listSearch?: string } | null;
  return (
    <Anchor component={Link} to={`/accounts${state?.listSearch ?? ''}`} size="sm" c="dimmed">
      <Group gap={4} component="span">
        <IconArrowLeft size={14} />
        Accounts
      </Group>
    </Anchor>
  );
}

function AccountNotFound() {
  return (
    <Notice
      py={80}
      headingOrder={1}
      icon={<IconAlert size={26} />}
      title="Account not found"
      description="No account has this address. It may have been deleted or merged, or the link is mistyped."
      actions={
        <Button component={Link} to="/accounts">
          Back to accounts
        </Button>
      }
    />
  );
}

function AccountSkeleton() {
  return (
    <Stack gap="lg" aria-busy="true" aria-label="Loading account">
      <Skeleton height={130} />
      <Skeleton height={36} width="60%" />
      <Skeleton height={110} />
      <Skeleton height={240} />
    </Stack>
  );
}

function countLabel(label: string, count: number) {
  return (
    <Group gap={6} wrap="nowrap" component="span">
      {label}
      {count > 0 && (
        <Text span size="xs" c="dimmed" fw={600}>
          {count}
        </Text>
      )}
    </Group>
  );
}

function AccountTabs({ data }: { data: Account360 }) {
  const [searchParams, setSearchParams] = useSearchParams();
  const tab = tabOf(searchParams.get('tab'));
  const selectTab = (value: string | null) => {
    const next = new URLSearchParams(searchParams);
    // The timeline filter belongs to the timeline; other tabs start clean.
    if (value !== 'timeline') next.delete('kinds');
    if (!value || value === 'overview') next.delete('tab');
    else next.set('tab', value);
    setSearchParams(next, { replace: true, preventScrollReset: true });
  };
  return (
    <Tabs value={tab} onChange={selectTab} keepMounted={false}>
      <Tabs.List mb="lg">
        <Tabs.Tab value="overview">Overview</Tabs.Tab>
        <Tabs.Tab value="timeline">Timeline</Tabs.Tab>
        <Tabs.Tab value="contacts">{countLabel('Contacts', data.contacts.length)}</Tabs.Tab>
        <Tabs.Tab value="revenue">Revenue</Tabs.Tab>
        <Tabs.Tab value="usage">Usage</Tabs.Tab>
        <Tabs.Tab value="support">{countLabel('Support', data.ticketCounts.open)}</Tabs.Tab>
        <Tabs.Tab value="surveys">{countLabel('Surveys', data.surveyAnswers.length)}</Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="overview">
        <OverviewTab data={data} />
      </Tabs.Panel>
      <Tabs.Panel value="timeline">
        <TimelineTab accountId={data.account.id} canEdit={data.permissions.canEdit} />
      </Tabs.Panel>
      <Tabs.Panel value="contacts">
        <ContactsTab
          contacts={data.contacts}
          accountId={data.account.id}
          canEdit={data.permissions.canEdit}
        />
      </Tabs.Panel>
      <Tabs.Panel value="revenue">
        <RevenueTab accountId={data.account.id} subscriptions={data.subscriptions} />
      </Tabs.Panel>
      <Tabs.Panel value="usage">
        <UsageTab accountId={data.account.id} />
      </Tabs.Panel>
      <Tabs.Panel value="support">
        <SupportTab accountId={data.account.id} />
      </Tabs.Panel>
      <Tabs.Panel value="surveys">
        <SurveysTab answers={data.surveyAnswers} />
      </Tabs.Panel>
    </Tabs>
  );
}

/** Account 360: header facts, then tabs for overview, timeline, contacts, revenue, usage, support and surveys. */
export function AccountPage() {
  const { id = '' } = useParams();
  const account = useAccount360(id);
  useDocumentTitle(account.data ? `${account.data.account.name} · Cycle` : 'Account · Cycle');

  let content;
  if (account.isPending) content = <AccountSkeleton />;
  else if (account.isError) {
    const missing =
      account.error instanceof ApiError && (account.error.status === 404 || account.error.status === 400);
    content = missing ? (
      <AccountNotFound />
    ) : (
      <ErrorState
        title="Could not load this account"
        error={account.error}
        onRetry={() => void account.refetch()}
      />
    );
  } else {
    content = (
      <Stack gap="lg">
        <AccountHeader account={account.data.account} parent={account.data.parent} />
        <AccountTabs data={account.data} />
      </Stack>
    );
  }
  return (
    <Stack gap="md">
      <BackToList />
      {content}
    </Stack>
  );
}
