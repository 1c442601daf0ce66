import {
  Alert,
  Button,
  Chip,
  Group,
  Paper,
  Skeleton,
  Stack,
  Text,
  Timeline,
  ThemeIcon,
  Title,
} from '@mantine/core';
import { useSearchParams } from 'react-router';
import type { TimelineKind } from '../../../shared/api/account-timeline.contract';
import { useAccountTimeline } from '../../api/account-360-api';
import { ErrorState } from '../../components/ErrorState';
import {
  parseTimelineKinds,
  serializeTimelineKinds,
  timelineKindLabels,
  timelineKindOrder,
} from './account-format';
import { LogActivityForm } from './LogActivityForm';
import { TabEmpty } from './TabEmpty';
import { entryLook, TimelineEntryItem } from './TimelineEntryItem';

/** The kind chips; the choice lives in the URL (`kinds`), so a filtered timeline is a link. */
function KindFilter({ kinds, onChange }: { kinds: TimelineKind[]; onChange: (kinds: string[]) => void }) {
  return (
    <Group gap="xs" role="group" aria-label="Show on the timeline">
      <Chip.Group multiple value={kinds} onChange={onChange}>
        {timelineKindOrder.map((kind) => (
          <Chip key={kind} value={kind} size="sm" variant="light">
            {timelineKindLabels[kind]}
          </Chip>
        ))}
      </Chip.Group>
    </Group>
  );
}

function TimelineFeed({ accountId, kinds }: { accountId: string; kinds: TimelineKind[] }) {
  const timeline = useAccountTimeline(accountId, kinds);
  if (kinds.length === 0) {
    return (
      <TabEmpty title="Nothing chosen" description="Pick at least one kind above to see the timeline." />
    );
  }
  if (timeline.isPending) {
    return (
      <Stack gap="md" aria-busy="true" aria-label="Loading the timeline">
        {[0, 1, 2, 3].map((index) => (
          <Skeleton key={index} height={56} />
        ))}
      </Stack>
    );
  }
  // A failed "Load more" keeps the pages already shown; only a failed first page replaces them.
  if (timeline.data === undefined) {
    return (
      <ErrorState
        title="Could not load the timeline"
        error={timeline.error}
        onRetry={() => void timeline.refetch()}
      />
    );
  }
  const entries = timeline.data.pages.flatMap((page) => page.items);
  if (entries.length === 0) {
    const filtered = kinds.length < timelineKindOrder.length;
    return (
      <TabEmpty
        title={filtered ? 'Nothing of these kinds yet' : 'Nothing on the timeline yet'}
        description={
          filtered
            ? 'Choose more kinds above, or log a call, meeting or note.'
            : 'Calls, meetings and notes you log appear here, with tickets, survey answers, health changes and MRR movements as they come in.'
        }
      />
    );
  }
  return (
    <Stack gap="md">
      <Timeline bulletSize={26} lineWidth={2} aria-label="Timeline, newest first">
        {entries.map((entry) => {
          const look = entryLook(entry);
          return (
            <Timeline.Item
              key={entry.id}
              data-testid="timeline-entry"
              data-kind={entry.kind}
              bullet={
                <ThemeIcon size={26} radius="xl" variant="light" color={look.color}>
                  {look.icon}
                </ThemeIcon>
              }
            >
              <TimelineEntryItem entry={entry} />
            </Timeline.Item>
          );
        })}
      </Timeline>
      {timeline.isFetchNextPageError && (
        <Alert color="red" variant="light" role="alert" title="Could not load older entries">
          The server did not answer. Press Load more to try again.
        </Alert>
      )}
      {timeline.hasNextPage ? (
        <Group justify="center">
          <Button
            variant="default"
            onClick={() => void timeline.fetchNextPage()}
            loading={timeline.isFetchingNextPage}
          >
            Load more
          </Button>
        </Group>
      ) : (
        <Text size="xs" c="dimmed" ta="center">
          That is everything: {entries.length} {entries.length === 1 ? 'entry' : 'entries'}.
        </Text>
      )}
    </Stack>
  );
}

/**
 * Everything that happened on the account in one feed, newest first: activities, tickets, survey
 * answers, health changes and MRR movements; the log form on top for those who may edit.
 */
export function TimelineTab({ accountId, canEdit }: { accountId: string; canEdit: boolean }) {
  const [searchParams, setSearchParams] = useSearchParams();
  const kinds = parseTimelineKinds(searchParams.get('kinds'));
  const setKinds = (next: string[]) => {
    const params = new URLSearchParams(searchParams);
    const value = serializeTimelineKinds(next);
    if (value === null) params.delete('kinds');
    else params.set('kinds', value);
    setSearchParams(params, { replace: true, preventScrollReset: true });
  };
  return (
    <Stack gap="lg">
      {canEdit ? (
        <LogActivityForm accountId={accountId} />
      ) : (
        <Alert variant="light" color="gray" title="Read only">
          Only the account&apos;s owner, a manager or an admin can log activity here.
        </Alert>
      )}
      <Paper withBorder p="lg">
        <Group justify="space-between" mb="md" gap="sm">
          <Title order={2} size="h4">
            Timeline
          </Title>
          <KindFilter kinds={kinds} onChange={setKinds} />
        </Group>
        <TimelineFeed accountId={accountId} kinds={kinds} />
      </Paper>
    </Stack>
  );
}
