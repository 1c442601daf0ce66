import type { z } from 'zod';
import type { homeBandSchema } from '../../../shared/api/home.contract';
import type { ActiveScorecard } from '../health-scoring/scorecard.repository';

type HomeBand = z.infer<typeof homeBandSchema>;

/**
 * The bands Home counts by: the default scorecard's, worst first, then any other band name a
 * scorecard in use gives (so no scored account falls outside). Empty before the first scorecard.
 */
export function homeBandsOf(scorecards: readonly ActiveScorecard[]): HomeBand[] {
  const ordered = [...scorecards].sort((a, b) => Number(b.isDefault) - Number(a.isDefault));
  const bands: HomeBand[] = [];
  for (const scorecard of ordered) {
    for (const band of scorecard.definition.bands) {
      if (!bands.some((known) => known.name === band.name))
        bands.push({ name: band.name, lower: band.lower, upper: band.upper });
    }
  }
  return bands;
}
