import { getThemeColor, Group, Stack, Text, useMantineTheme } from '@mantine/core';
import { bandColor } from '../../format/health';
import { formatWholeMoney } from '../../format/metric-values';
import classes from './HomePage.module.css';

interface BandDistributionProps {
  bands: readonly { name: string; accounts: number; arrMinor?: number }[];
  notScored: number;
  currency: string;
}

/** Accounts per health band as one stacked bar, worst band first, with a legend that carries the numbers. */
export function BandDistribution({ bands, notScored, currency }: BandDistributionProps) {
  const theme = useMantineTheme();
  const scored = bands.reduce((sum, band) => sum + band.accounts, 0);
  if (bands.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No health scorecard yet: managers create one under Health → Scorecards, and every account is scored at
        once.
      </Text>
    );
  }
  return (
    <Stack gap="sm">
      <div className={classes.bandBar} aria-hidden="true">
        {bands.map((band, index) =>
          band.accounts === 0 ? null : (
            <div
              key={band.name}
              className={classes.bandSegment}
              style={{
                width: `${(band.accounts / Math.max(1, scored)) * 100}%`,
                backgroundColor: getThemeColor(`${bandColor(index, bands.length)}.6`, theme),
              }}
            />
          ),
        )}
      </div>
      <Group gap="lg" component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {bands.map((band, index) => (
          <Group key={band.name} gap={6} component="li" wrap="nowrap" data-testid="band-legend">
            <span
              className={classes.swatch}
              style={{ backgroundColor: getThemeColor(`${bandColor(index, bands.length)}.6`, theme) }}
            />
            <Text size="sm">
              <Text component="span" fw={600}>
                {band.name}
              </Text>{' '}
              {band.accounts} {band.accounts === 1 ? 'account' : 'accounts'}
              {band.arrMinor !== undefined && (
                <Text component="span" c="dimmed">
                  {' '}
                  · {formatWholeMoney(band.arrMinor, currency)} ARR
                </Text>
              )}
            </Text>
          </Group>
        ))}
        {notScored > 0 && (
          <Text component="li" size="sm" c="dimmed">
            {notScored} not scored
          </Text>
        )}
      </Group>
    </Stack>
  );
}
