import type { ScoreBand } from './scorecard';

/**
 * The band a 0–100 score falls in: the first band (low to high) whose upper edge is ≥ the score,
 * so with red 0–50, yellow 50–75, green 75–100 a score of 50 is red and 50.01 is yellow.
 * @example bandFor([{ name: 'red', lower: 0, upper: 50 }, { name: 'green', lower: 50, upper: 100 }], 50).name // 'red'
 */
export function bandFor(bands: readonly ScoreBand[], score: number): ScoreBand {
  for (const band of bands) {
    if (score <= band.upper) return band;
  }
  const last = bands[bands.length - 1];
  if (last === undefined) throw new Error('A scorecard needs at least one band; validate it before scoring');
  return last;
}
