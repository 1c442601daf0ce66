import { Badge, Group, Paper, Text, Timeline, Title } from '@mantine/core';
import type { ScorecardDto } from '../../../../shared/api/health.contract';
import { formatDateTime } from '../../../format/dates';

/** Every saved version, newest first: who saved it, when, and why. */
export function VersionHistory({ scorecard }: { scorecard: ScorecardDto }) {
  const versions = [...scorecard.versions].sort((a, b) => b.version - a.version);
  return (
    <Paper withBorder p="lg" component="section" aria-label="Version history">
      <Title order={2} size="h4" mb="md">
        Versions
      </Title>
      <Timeline bulletSize={12} lineWidth={2} active={0}>
        {versions.map((version) => (
          <Timeline.Item
            key={version.version}
            data-testid="version-entry"
            title={
              <Group gap="xs">
                <Text size="sm" fw={600}>
                  Version {version.version}
                </Text>
                {version.version === scorecard.version && (
                  <Badge size="xs" variant="light">
                    Current
                  </Badge>
                )}
              </Group>
            }
          >
            <Text size="xs" c="dimmed">
              {formatDateTime(version.createdAt)}
              {version.createdBy ? ` · ${version.createdBy}` : ''}
            </Text>
            {version.note && (
              <Text size="sm" mt={2}>
                {version.note}
              </Text>
            )}
          </Timeline.Item>
        ))}
      </Timeline>
    </Paper>
  );
}
