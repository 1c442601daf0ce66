import { Group, Paper, Skeleton, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

interface HealthSectionProps {
  title: ReactNode;
  /** One sentence on what the section shows and how to read it. */
  description?: ReactNode;
  /** Controls on the right of the title. */
  actions?: ReactNode;
  children: ReactNode;
  /** Accessible name when the title is not plain text. */
  label?: string;
}

/** A titled panel of the Health pages: a chart, a table, or a form. */
export function HealthSection({ title, description, actions, children, label }: HealthSectionProps) {
  return (
    <Paper
      withBorder
      p="lg"
      component="section"
      aria-label={label ?? (typeof title === 'string' ? title : undefined)}
    >
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
export function ChartSkeleton({ height = 260 }: { height?: number }) {
  return <Skeleton height={height} aria-label="Loading chart" />;
}
