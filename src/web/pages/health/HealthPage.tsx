import { Stack, Tabs, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useLocation, useNavigate } from 'react-router';
import { BacktestTab } from './backtest/BacktestTab';
import { HealthOverviewTab } from './HealthOverviewTab';
import { ScorecardsTab } from './ScorecardsTab';

const tabs = ['overview', 'scorecards', 'backtest'] as const;
type HealthTab = (typeof tabs)[number];

const tabLabels: Record<HealthTab, string> = {
  overview: 'Overview',
  scorecards: 'Scorecards',
  backtest: 'Backtest',
};
const tabPaths: Record<HealthTab, string> = {
  overview: '/health',
  scorecards: '/health/scorecards',
  backtest: '/health/backtest',
};

function tabOf(pathname: string): HealthTab {
  return (
    tabs.find((tab) => tab !== 'overview' && pathname.replace(/\/$/, '') === tabPaths[tab]) ?? 'overview'
  );
}

/** Health: the portfolio's scores, the scorecards that make them, and whether they predict churn. Each tab has its own path. */
export function HealthPage() {
  const location = useLocation();
  const navigate = useNavigate();
  const tab = tabOf(location.pathname);
  useDocumentTitle(`${tab === 'overview' ? 'Health' : `${tabLabels[tab]} · Health`} · Cycle`);

  return (
    <Stack gap="lg">
      <div>
        <Title order={1} size="h2">
          Health
        </Title>
        <Text c="dimmed" size="sm">
          How healthy each account is, what the score is made of, and whether it predicts churn
        </Text>
      </div>
      <Tabs
        value={tab}
        onChange={(value) => value && navigate(tabPaths[value as HealthTab])}
        keepMounted={false}
      >
        <Tabs.List mb="lg">
          {tabs.map((value) => (
            <Tabs.Tab key={value} value={value}>
              {tabLabels[value]}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="overview">
          <HealthOverviewTab />
        </Tabs.Panel>
        <Tabs.Panel value="scorecards">
          <ScorecardsTab />
        </Tabs.Panel>
        <Tabs.Panel value="backtest">
          <BacktestTab />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
