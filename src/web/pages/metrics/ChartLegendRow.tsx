import { getThemeColor, Group, Text, useMantineTheme } from '@mantine/core';
import classes from './MetricsPage.module.css';

export interface LegendItem {
  label: string;
  /** Mantine colour, e.g. 'teal.6'. */
  color: string;
  /** How the series is drawn: a filled bar, a line, or a dashed reference line. */
  shape?: 'bar' | 'line' | 'dashed';
}

/** The legend of a metrics chart, in the order the story reads (recharts would sort it by name). */
export function ChartLegendRow({ items }: { items: LegendItem[] }) {
  const theme = useMantineTheme();
  return (
    <Group gap="lg" justify="flex-end" mb="sm" aria-hidden="true">
      {items.map((item) => {
        const color = getThemeColor(item.color, theme);
        return (
          <Group key={item.label} gap={6} wrap="nowrap">
            {item.shape === 'line' || item.shape === 'dashed' ? (
              <span
                className={classes.legendLine}
                style={{
                  borderTopColor: color,
                  borderTopStyle: item.shape === 'dashed' ? 'dashed' : 'solid',
                }}
              />
            ) : (
              <span className={classes.legendSwatch} style={{ backgroundColor: color }} />
            )}
            <Text size="sm">{item.label}</Text>
          </Group>
        );
      })}
    </Group>
  );
}
