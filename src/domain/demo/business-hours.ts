import { MILLISECONDS_PER_DAY, MILLISECONDS_PER_HOUR, nextBusinessDay } from './calendar';
import type { SeededRandom } from './seeded-random';

/** Hours to add to local office time to get UTC, per region (rough office-hours offsets). */
const UTC_OFFSET_HOURS: Readonly<Record<string, number>> = {
  'North America': 5,
  EMEA: -1,
  APAC: -9,
  LATAM: 3,
};

/**
 * An instant (ms since epoch) during office hours (08:00–18:00 local) of `day` in `region`, moved
 * to the next business day when `day` falls on a weekend.
 */
export function businessInstant(random: SeededRandom, day: number, region: string): number {
  const businessDay = nextBusinessDay(day);
  const localMinutes = random.integer(8 * 60, 18 * 60 - 1);
  return (
    businessDay * MILLISECONDS_PER_DAY +
    (UTC_OFFSET_HOURS[region] ?? 0) * MILLISECONDS_PER_HOUR +
    localMinutes * 60_000
  );
}
