import { Stack, Tabs, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import { useMe } from '../../api/session-api';
import { ErrorState } from '../../components/ErrorState';
import { PageLoader } from '../../components/PageLoader';
import {
  type SettingsTab,
  settingsPermissionsFor,
  settingsTabLabels,
  settingsTabOf,
  visibleSettingsTabs,
} from './settings-tabs';
import { StagesTab } from './stages/StagesTab';
import { TiersTab } from './tiers/TiersTab';
import { TokensTab } from './tokens/TokensTab';
import { TrackingTab } from './tracking/TrackingTab';
import { WebhooksTab } from './webhooks/WebhooksTab';

/**
 * Settings: how Cycle connects to other tools — Tracking (write keys, what waits for an account),
 * Webhooks and API tokens — and the customer journey: Tiers and Journey stages. Each role sees the
 * tabs it may use, and the tab is in the URL (`?tab=`).
 */
export function SettingsPage() {
  const me = useMe();
  const [searchParams, setSearchParams] = useSearchParams();
  const role = me.data?.role ?? 'viewer';
  const tab = settingsTabOf(searchParams.get('tab'), role);
  useDocumentTitle(`${settingsTabLabels[tab]} · Settings · Cycle`);

  if (me.isPending) return <PageLoader />;
  if (me.isError)
    return <ErrorState title="Could not load your role" error={me.error} onRetry={() => void me.refetch()} />;
  const permissions = settingsPermissionsFor(role);
  const tabs = visibleSettingsTabs(role);
  const selectTab = (value: string | null) => {
    if (!value) return;
    const next = new URLSearchParams(searchParams);
    next.set('tab', value);
    setSearchParams(next, { replace: true, preventScrollReset: true });
  };
  const panels: Record<SettingsTab, () => ReactNode> = {
    tracking: () => <TrackingTab canManage={permissions.manageTracking} />,
    webhooks: () => <WebhooksTab />,
    tokens: () => <TokensTab />,
    tiers: () => <TiersTab />,
    stages: () => <StagesTab />,
  };

  return (
    <Stack gap="lg">
      <div>
        <Title order={1} size="h2">
          Settings
        </Title>
        <Text c="dimmed" size="sm">
          {permissions.manageJourney
            ? 'How Cycle connects to your product and your other tools, and how your customer journey is set up'
            : 'How Cycle connects to your product and your other tools'}
        </Text>
      </div>
      <Tabs value={tab} onChange={selectTab} keepMounted={false}>
        <Tabs.List mb="lg">
          {tabs.map((value) => (
            <Tabs.Tab key={value} value={value}>
              {settingsTabLabels[value]}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {tabs.map((value) => (
          <Tabs.Panel key={value} value={value}>
            {panels[value]()}
          </Tabs.Panel>
        ))}
      </Tabs>
    </Stack>
  );
}
