import { Stack, Text } from '@mantine/core';
import { daysBetween, describeDaysLeft, formatDate, renewalUrgency, todayUtc } from '../format/dates';

const urgencyColors = { overdue: 'red', soon: 'red', upcoming: 'orange', later: 'dimmed' } as const;

interface RenewalTextProps {
  date: string | null;
  /** The server's count when it sent one; otherwise counted from today (UTC). */
  daysLeft?: number | null;
  inline?: boolean;
  /** No urgency colour, e.g. for a churned account whose renewal no longer matters. */
  muted?: boolean;
}

/** A renewal date with the days left under it, coloured by how close it is. */
export function RenewalText({ date, daysLeft, inline = false, muted = false }: RenewalTextProps) {
  if (!date) {
    return (
      <Text size="sm" c="dimmed">
        No renewal date
      </Text>
    );
  }
  const days = daysLeft ?? daysBetween(todayUtc(), date);
  const urgency = muted ? 'later' : renewalUrgency(days);
  const distance = (
    <Text component="span" size={inline ? 'sm' : 'xs'} c={urgencyColors[urgency]} fw={urgency === 'later' ? 400 : 500}>
      {urgency === 'overdue' ? `overdue, ${describeDaysLeft(days)}` : describeDaysLeft(days)}
    </Text>
  );
  if (inline) {
    return (
      <Text size="sm">
        {formatDate(date)} · {distance}
      </Text>
    );
  }
  return (
    <Stack gap={0}>
      <Text size="sm">{formatDate(date)}</Text>
      {distance}
    </Stack>
  );
}
