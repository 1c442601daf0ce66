import { Text, type TextProps } from '@mantine/core';
import { changeColor, formatPoints } from '../format/health';

/** A score change in points with an arrow, green up and red down: "▲ +3.20". */
export function ScoreChange({ change, suffix, ...props }: { change: number; suffix?: string } & TextProps) {
  const rounded = Math.round(change * 100);
  const arrow = rounded > 0 ? '▲ ' : rounded < 0 ? '▼ ' : '';
  return (
    <Text
      span
      c={changeColor(change)}
      fw={500}
      style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}
      {...props}
    >
      {arrow && <span aria-hidden="true">{arrow}</span>}
      {formatPoints(change)}
      {suffix && ` ${suffix}`}
    </Text>
  );
}
