import { Group, Stack, Text } from '@mantine/core';
import type { AccountHealth } from '../../../shared/api/health.contract';
import { ScoreChange } from '../../components/ScoreChange';
import { formatPoints } from '../../format/health';

/**
 * What moved since the previous snapshot, largest change first: each measure's change in points of
 * the score (they add up to the score's change) and the change of its own 0–100 measure score.
 */
export function HealthMovedList({ moved }: { moved: AccountHealth['moved'] }) {
  if (moved.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        Nothing moved: every measure kept its contribution.
      </Text>
    );
  }
  return (
    <Stack component="ul" gap={8} p={0} m={0} style={{ listStyle: 'none' }} aria-label="What moved">
      {moved.map((movement) => (
        <Group
          component="li"
          key={movement.measureId}
          justify="space-between"
          gap="sm"
          wrap="nowrap"
          data-testid="moved-item"
        >
          <div>
            <Text size="sm">{movement.name}</Text>
            <Text size="xs" c="dimmed">
              {movement.scoreDelta === null
                ? 'Counted on one side only (missing or excluded on the other)'
                : Math.round(movement.scoreDelta * 100) === 0
                  ? 'Same measure score; its share of the weight changed'
                  : `Measure score ${formatPoints(movement.scoreDelta)}`}
            </Text>
          </div>
          <ScoreChange
            change={movement.contributionDelta}
            suffix="pts"
            size="sm"
            data-testid="moved-points"
          />
        </Group>
      ))}
    </Stack>
  );
}
