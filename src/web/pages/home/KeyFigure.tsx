import { Paper, Text, Tooltip } from '@mantine/core';
import type { ReactNode } from 'react';
import classes from './HomePage.module.css';

interface KeyFigureProps {
  label: string;
  value: string;
  /** A line under the value: what it covers or compares with. */
  hint?: ReactNode;
  /** Why the value is "—" (a metric the server could not define), shown on focus and hover. */
  reason?: string | null;
}

/** One headline number of Home, with its label above and a hint below. */
export function KeyFigure({ label, value, hint, reason }: KeyFigureProps) {
  const number = (
    <Text component="p" fz={26} fw={700} lh={1.2} mt={4} tabIndex={reason ? 0 : undefined}>
      {value}
    </Text>
  );
  return (
    <Paper withBorder p="md" className={classes.figure} role="group" aria-label={label}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      {reason ? (
        <Tooltip label={reason} multiline w={260}>
          {number}
        </Tooltip>
      ) : (
        number
      )}
      {hint && (
        <Text size="xs" c="dimmed" mt={2}>
          {hint}
        </Text>
      )}
    </Paper>
  );
}
