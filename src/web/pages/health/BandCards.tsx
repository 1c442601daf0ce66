import { getThemeColor, Group, Paper, SimpleGrid, Text, useMantineTheme } from '@mantine/core';
import type { Distribution } from '../../../shared/api/health.contract';
import { HealthBandBadge } from '../../components/HealthBandBadge';
import { bandColor, formatNumber, formatScore } from '../../format/health';
import { formatPercent, formatWholeMoney } from '../../format/metric-values';
import classes from './HealthPage.module.css';

/**
 * A band's edges as a person reads them in 2-decimal scores: the first band includes its lower edge,
 * the others start just above it (50–75 reads "50.01–75").
 */
export function bandRange(band: { lower: number; upper: number }, index: number): string {
  const lower = index === 0 ? band.lower : Math.round((band.lower + 0.01) * 100) / 100;
  return `${formatNumber(lower)}–${formatNumber(band.upper)}`;
}

interface BandCardsProps {
  distribution: Distribution;
  /** The reporting currency, to show each band's ARR; leave out where there is no ARR (the preview). */
  currency?: string;
}

/** One card per band (accounts, share of the scored, ARR) and one with the average score. */
export function BandCards({ distribution, currency }: BandCardsProps) {
  const theme = useMantineTheme();
  const { bands, scored } = distribution;
  const bandNames = bands.map((band) => ({ name: band.band }));
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, md: Math.min(bands.length + 1, 5) }} spacing="md">
      {bands.map((band, index) => (
        <Paper
          key={band.band}
          withBorder
          p="md"
          role="group"
          aria-label={`Band ${band.band}`}
          className={classes.bandCard}
          style={{ borderTopColor: getThemeColor(`${bandColor(index, bands.length)}.6`, theme) }}
          data-testid="band-card"
        >
          <Group justify="space-between" gap="xs" wrap="nowrap">
            <HealthBandBadge band={band.band} bands={bandNames} />
            <Text size="xs" c="dimmed">
              {bandRange(band, index)}
            </Text>
          </Group>
          <Text fz={28} fw={650} lh={1.25} mt={8} className={classes.figure} data-testid="band-accounts">
            {band.accounts.toLocaleString()}
          </Text>
          <Text size="xs" c="dimmed">
            {band.accounts === 1 ? 'account' : 'accounts'}
            {scored > 0 && ` · ${formatPercent(band.accounts / scored)} of scored`}
          </Text>
          {currency && (
            <Text size="sm" mt={4} className={classes.figure}>
              {formatWholeMoney(band.arrMinor, currency)}{' '}
              <Text span size="xs" c="dimmed">
                ARR
              </Text>
            </Text>
          )}
        </Paper>
      ))}
      <Paper withBorder p="md" role="group" aria-label="Average score">
        <Text size="xs" c="dimmed" tt="uppercase" fw={600} lts={0.3}>
          Average score
        </Text>
        <Text fz={28} fw={650} lh={1.25} mt={8} className={classes.figure} data-testid="average-score">
          {distribution.averageScore === null ? '—' : formatScore(distribution.averageScore)}
        </Text>
        <Text size="xs" c="dimmed">
          {scored.toLocaleString()} scored
          {distribution.notScored > 0 &&
            ` · ${distribution.notScored.toLocaleString()} not scored (every measure missing)`}
        </Text>
      </Paper>
    </SimpleGrid>
  );
}
