import { Group, Skeleton, Stack, Text } from '@mantine/core';
import { useAccountHealth } from '../../api/health-api';
import { HealthBandBadge } from '../../components/HealthBandBadge';
import { ScoreChange } from '../../components/ScoreChange';
import { formatScore } from '../../format/health';

/** The score, its band and the change over 7 days, at the top right of the account header. */
export function HeaderHealth({ accountId }: { accountId: string }) {
  const health = useAccountHealth(accountId);
  if (health.isPending) return <Skeleton h={44} w={150} />;
  // The Overview tab shows the error with a retry; the header stays quiet.
  if (health.isError) return null;
  const { current, trend, bands } = health.data;
  if (!current || current.score === null) {
    return (
      <Text size="sm" c="dimmed">
        No health score
      </Text>
    );
  }
  return (
    <Stack gap={0} align="flex-end" data-testid="header-health" aria-label="Health score">
      <Group gap="xs" wrap="nowrap">
        <Text size="xs" c="dimmed" tt="uppercase" fw={600} lts={0.3}>
          Health
        </Text>
        <Text fz={24} fw={700} lh={1.2} style={{ fontVariantNumeric: 'tabular-nums' }}>
          {formatScore(current.score)}
        </Text>
        <HealthBandBadge band={current.band} bands={bands} size="lg" />
      </Group>
      {trend.days7.status === 'known' ? (
        <Text size="xs" c="dimmed">
          <ScoreChange change={trend.days7.change} size="xs" /> in 7 days
        </Text>
      ) : (
        <Text size="xs" c="dimmed">
          No score 7 days ago
        </Text>
      )}
    </Stack>
  );
}
