import { Badge, Group, Text, Timeline } from '@mantine/core';
import type { StageStay } from '../../../shared/api/journey.contract';
import { formatDate } from '../../format/dates';
import { formatDays } from './account-format';

/** How the account entered the stage: a stage rule, an import, or a person by hand. */
const sourceLabels: Record<StageStay['source'], string> = {
  rule: 'Rule',
  manual: 'Manual',
  import: 'Import',
};

/** Every stage the account went through, newest first, as a compact vertical list. */
export function StageHistoryList({ stays }: { stays: StageStay[] }) {
  if (stays.length === 0)
    return (
      <Text size="sm" c="dimmed">
        No stage recorded yet.
      </Text>
    );
  const newestFirst = [...stays].reverse();
  return (
    <Timeline active={newestFirst[0]!.leftAt === null ? 0 : -1} bulletSize={12} lineWidth={2}>
      {newestFirst.map((stay) => (
        <Timeline.Item
          key={`${stay.enteredAt}-${stay.stage}`}
          data-testid="stage-stay"
          data-source={stay.source}
          title={
            <Group gap={6} wrap="nowrap" justify="space-between">
              <Text size="sm" fw={600} truncate>
                {stay.stage}
              </Text>
              <Text size="xs" c="dimmed" style={{ fontVariantNumeric: 'tabular-nums', flex: 'none' }}>
                {formatDays(stay.days)}
              </Text>
            </Group>
          }
        >
          <Group gap={6} wrap="wrap">
            <Text size="xs" c="dimmed">
              {formatDate(stay.enteredAt)} – {stay.leftAt ? formatDate(stay.leftAt) : 'now'}
            </Text>
            <Badge size="xs" variant="light" color={stay.source === 'manual' ? 'indigo' : 'gray'}>
              {sourceLabels[stay.source]}
            </Badge>
            {stay.source === 'manual' && stay.changedBy && (
              <Text size="xs" c="dimmed">
                by {stay.changedBy.name}
              </Text>
            )}
          </Group>
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
