import { Alert, Badge, Grid, Group, Paper, Skeleton, Stack, Text, Timeline, Title } from '@mantine/core';
import type { Activity } from '../../../shared/api/activities.contract';
import { useActivities } from '../../api/accounts-api';
import { ErrorState } from '../../components/ErrorState';
import { formatDateTime } from '../../format/dates';
import { activityKindLabels } from '../../format/labels';
import { LogActivityForm } from './LogActivityForm';
import { TabEmpty } from './TabEmpty';

const kindColors: Record<Activity['kind'], string> = {
  call: 'blue',
  meeting: 'violet',
  email: 'cyan',
  note: 'gray',
  ebr: 'grape',
  qbr: 'grape',
  training: 'teal',
};

function ActivityEntry({ activity }: { activity: Activity }) {
  return (
    <Stack gap={4}>
      <Group gap="xs">
        <Badge variant="light" color={kindColors[activity.kind]} size="sm">
          {activityKindLabels[activity.kind]}
        </Badge>
        <Text size="xs" c="dimmed">
          {formatDateTime(activity.occurredAt)}
          {activity.user ? ` · ${activity.user.name}` : ''}
        </Text>
      </Group>
      <Text fw={600} size="sm">
        {activity.subject}
      </Text>
      {activity.body && (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {activity.body}
        </Text>
      )}
      {activity.outcome && (
        <Text size="sm" c="dimmed">
          Outcome: {activity.outcome}
        </Text>
      )}
    </Stack>
  );
}

function ActivityList({ accountId }: { accountId: string }) {
  const activities = useActivities(accountId);
  if (activities.isPending) {
    return (
      <Stack gap="md" aria-busy="true" aria-label="Loading activity">
        {[0, 1, 2].map((index) => (
          <Skeleton key={index} height={64} />
        ))}
      </Stack>
    );
  }
  if (activities.isError) return <ErrorState title="Could not load activity" error={activities.error} onRetry={() => void activities.refetch()} />;
  const { items, total } = activities.data;
  if (items.length === 0) return <TabEmpty title="No activity yet" description="Log the first call, meeting, email or note with the form." />;
  return (
    <Stack gap="sm">
      <Timeline bulletSize={14} lineWidth={2} active={items.length - 1} aria-label="Activity, newest first">
        {items.map((activity) => (
          <Timeline.Item key={activity.id} color={kindColors[activity.kind]} data-testid="activity-entry">
            <ActivityEntry activity={activity} />
          </Timeline.Item>
        ))}
      </Timeline>
      {total > items.length && (
        <Text size="xs" c="dimmed">
          Showing the latest {items.length} of {total}.
        </Text>
      )}
    </Stack>
  );
}

/** The account's timeline of touches, and (for those who may edit the account) the form to log one. */
export function ActivityTab({ accountId, canEdit }: { accountId: string; canEdit: boolean }) {
  return (
    <Grid gap="lg" align="flex-start">
      <Grid.Col span={{ base: 12, md: 5 }}>
        {canEdit ? (
          <LogActivityForm accountId={accountId} />
        ) : (
          <Alert variant="light" color="gray" title="Read only">
            Only the account&apos;s owner, a manager or an admin can log activity here.
          </Alert>
        )}
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 7 }}>
        <Paper withBorder p="lg">
          <Title order={2} size="h4" mb="md">
            Recent activity
          </Title>
          <ActivityList accountId={accountId} />
        </Paper>
      </Grid.Col>
    </Grid>
  );
}
