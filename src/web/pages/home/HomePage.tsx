import { Group, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useSearchParams } from 'react-router';
import type { UserRole } from '../../../shared/api/enums';
import { useMe } from '../../api/session-api';
import { PageLoader } from '../../components/PageLoader';
import { BookView } from './BookView';
import { TeamView } from './TeamView';

type HomeView = 'book' | 'team';

/** A CSM starts on their book; managers, admins and viewers on the team. `?view=` switches. */
export function defaultHomeView(role: UserRole): HomeView {
  return role === 'csm' ? 'book' : 'team';
}

function greeting(now: Date = new Date()): string {
  const hour = now.getHours();
  if (hour < 12) return 'Good morning';
  if (hour < 18) return 'Good afternoon';
  return 'Good evening';
}

/** Home (`/`): "my book" for a CSM, the team's retention, health and renewals for everyone else. */
export function HomePage() {
  useDocumentTitle('Home · Cycle');
  const me = useMe();
  const [searchParams, setSearchParams] = useSearchParams();
  if (!me.data) return <PageLoader />;
  const requested = searchParams.get('view');
  const view: HomeView =
    requested === 'book' || requested === 'team' ? requested : defaultHomeView(me.data.role);
  const firstName = me.data.name.split(/\s+/)[0] ?? me.data.name;
  const onViewChange = (next: string) => {
    const params = new URLSearchParams(searchParams);
    if (next === defaultHomeView(me.data.role)) params.delete('view');
    else params.set('view', next);
    setSearchParams(params);
  };
  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1}>
            {greeting()}, {firstName}
          </Title>
          <Text c="dimmed" mt={4}>
            {view === 'book' ? 'Your book of business today.' : 'How the team’s customers are doing.'}
          </Text>
        </div>
        <SegmentedControl
          aria-label="Home view"
          value={view}
          onChange={onViewChange}
          data={[
            { value: 'book', label: 'My book' },
            { value: 'team', label: 'Team' },
          ]}
        />
      </Group>
      {view === 'book' ? <BookView /> : <TeamView />}
    </Stack>
  );
}
