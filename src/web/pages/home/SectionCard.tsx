import { Group, Paper, Title } from '@mantine/core';
import type { ReactNode } from 'react';

interface SectionCardProps {
  title: string;
  /** A short figure or link at the right of the title. */
  aside?: ReactNode;
  children: ReactNode;
}

/** A titled card of Home (a real h2, so screen-reader users can jump between sections). */
export function SectionCard({ title, aside, children }: SectionCardProps) {
  return (
    <Paper withBorder p="md" component="section" aria-label={title}>
      <Group justify="space-between" align="baseline" mb="sm" wrap="nowrap">
        <Title order={2} size="h4">
          {title}
        </Title>
        {aside}
      </Group>
      {children}
    </Paper>
  );
}
