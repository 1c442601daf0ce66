import { Badge, type BadgeProps } from '@mantine/core';
import { bandColorByName } from '../format/health';

interface HealthBandBadgeProps extends BadgeProps {
  band: string | null;
  /** The scorecard's bands, low to high: the colour follows the band's position. */
  bands: readonly { name: string }[];
}

/** A health band as a coloured badge: the first (worst) band red, the last green. */
export function HealthBandBadge({ band, bands, ...props }: HealthBandBadgeProps) {
  return (
    <Badge color={bandColorByName(band, bands)} variant="light" {...props}>
      {band ?? 'Not scored'}
    </Badge>
  );
}
