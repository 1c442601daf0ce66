import { Stack, Tabs, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useSearchParams } from 'react-router';
import { useCanUseCapacity } from '../../api/capacity-api';
import { useMe } from '../../api/session-api';
import { PageLoader } from '../../components/PageLoader';
import { CapacityTab } from './CapacityTab';
import { PeopleTab } from './PeopleTab';

type TeamTab = 'capacity' | 'people';

/**
 * Team (`/team`): our people by team, for everyone; for managers and admins also capacity — each CSM's
 * load, rebalancing and hiring need — which opens first. The tab is in the URL (`?tab=`).
 */
export function TeamPage() {
  useDocumentTitle('Team · Cycle');
  const me = useMe();
  const canUseCapacity = useCanUseCapacity();
  const [searchParams, setSearchParams] = useSearchParams();
  if (!me.data) return <PageLoader />;
  const requested = searchParams.get('tab');
  const tab: TeamTab = canUseCapacity && requested !== 'people' ? 'capacity' : 'people';
  return (
    <Stack gap="lg">
      <div>
        <Title order={1} size="h2">
          Team
        </Title>
        <Text c="dimmed" size="sm">
          {canUseCapacity
            ? 'Who looks after which customers, and whether each CSM’s book fits their capacity'
            : 'Who is on the team: roles, managers, responsibilities and the tiers each person covers'}
        </Text>
      </div>
      {canUseCapacity ? (
        <Tabs
          value={tab}
          onChange={(value) =>
            value && setSearchParams(value === 'capacity' ? {} : { tab: value }, { replace: true })
          }
          keepMounted={false}
        >
          <Tabs.List mb="lg">
            <Tabs.Tab value="capacity">Capacity</Tabs.Tab>
            <Tabs.Tab value="people">People</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="capacity">
            <CapacityTab />
          </Tabs.Panel>
          <Tabs.Panel value="people">
            <PeopleTab />
          </Tabs.Panel>
        </Tabs>
      ) : (
        <PeopleTab />
      )}
    </Stack>
  );
}
