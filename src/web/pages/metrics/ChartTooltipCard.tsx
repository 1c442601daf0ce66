import { getThemeColor, Group, Paper, Stack, Text, useMantineTheme } from '@mantine/core';
import type { ReactNode } from 'react';
import classes from './MetricsPage.module.css';

export interface TooltipRow {
  label: string;
  /** Mantine colour of the swatch, e.g. 'teal.6'; none for totals. */
  color?: string;
  value: ReactNode;
  strong?: boolean;
}

/** The hover card of the metrics charts: a title, one line per figure in its own unit, and a hint. */
export function ChartTooltipCard({
  title,
  rows,
  footer,
}: {
  title: string;
  rows: TooltipRow[];
  footer?: string;
}) {
  const theme = useMantineTheme();
  return (
    <Paper withBorder shadow="md" p="sm" miw={220}>
      <Text size="sm" fw={650} mb={6}>
        {title}
      </Text>
      <Stack gap={4}>
        {rows.map((row) => (
          <Group key={row.label} justify="space-between" gap="lg" wrap="nowrap">
            <Group gap={8} wrap="nowrap">
              {row.color && (
                <span
                  className={classes.legendSwatch}
                  style={{ backgroundColor: getThemeColor(row.color, theme) }}
                />
              )}
              <Text size="sm" fw={row.strong ? 600 : 400}>
                {row.label}
              </Text>
            </Group>
            <Text size="sm" fw={row.strong ? 650 : 500} className={classes.figure}>
              {row.value}
            </Text>
          </Group>
        ))}
      </Stack>
      {footer && (
        <Text size="xs" c="dimmed" mt={8}>
          {footer}
        </Text>
      )}
    </Paper>
  );
}
