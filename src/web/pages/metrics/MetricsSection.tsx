import { Group, Paper, Skeleton, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

interface MetricsSectionProps {
  title: string;
  /** One sentence on what the section shows and how to read it. */
  description?: ReactNode;
  /** Controls on the right of the title, e.g. a toggle. */
  actions?: ReactNode;
  children: ReactNode;
}

/** A titled panel of the metrics page: a chart, a table, or both. */
export function MetricsSection({ title, description, actions, children }: MetricsSectionProps) {
  return (
    <Paper withBorder p="lg" component="section" aria-label={title}>
      <Group justify="space-between" align="flex-start" mb="md" gap="md">
        <div>
          <Title order={2} size="h4">
            {title}
          </Title>
          {description && (
            <Text size="sm" c="dimmed" mt={4} maw={760}>
              {description}
            </Text>
          )}
        </div>
        {actions}
      </Group>
      {children}
    </Paper>
  );
}

/** Stands in for a chart while its code or data loads. */
export function ChartSkeleton({ height = 340 }: { height?: number }) {
  return <Skeleton height={height} aria-label="Loading chart" />;
}
