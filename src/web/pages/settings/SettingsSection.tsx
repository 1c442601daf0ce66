import { Group, Stack, Text, Title } from '@mantine/core';
import { type ReactNode, useId } from 'react';

/** A titled part of a Settings tab: heading, a sentence on what it is for, its main action, its content. */
export function SettingsSection({
  title,
  description,
  action,
  children,
}: {
  title: string;
  description: ReactNode;
  action?: ReactNode;
  children: ReactNode;
}) {
  const headingId = useId();
  return (
    <Stack gap="md" component="section" aria-labelledby={headingId}>
      <Group justify="space-between" align="flex-end" gap="sm">
        <div style={{ maxWidth: 760 }}>
          <Title order={2} size="h4" id={headingId}>
            {title}
          </Title>
          <Text size="sm" c="dimmed" mt={4}>
            {description}
          </Text>
        </div>
        {action}
      </Group>
      {children}
    </Stack>
  );
}
