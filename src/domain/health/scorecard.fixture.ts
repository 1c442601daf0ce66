import type { Measure, Scorecard } from './scorecard';

/** Red 0–50, yellow (50, 75], green (75, 100]: the bands used across the health tests. */
export const TRAFFIC_LIGHT_BANDS = [
  { name: 'red', lower: 0, upper: 50 },
  { name: 'yellow', lower: 50, upper: 75 },
  { name: 'green', lower: 75, upper: 100 },
];

/** A measure whose raw value is already its 0–100 score (linear 0→0, 100→100), with overrides. */
export function measureOf(id: string, weight: number, overrides: Partial<Measure> = {}): Measure {
  return {
    id,
    name: id,
    weight,
    input: { kind: 'trait', field: id },
    windowDays: 30,
    scheme: { kind: 'linear', from: { value: 0, score: 0 }, to: { value: 100, score: 100 } },
    missingData: 'exclude',
    ...overrides,
  };
}

/** A valid version-1 scorecard over `measures`, with traffic-light bands, and overrides. */
export function scorecardOf(measures: Measure[], overrides: Partial<Scorecard> = {}): Scorecard {
  return { id: 'default', name: 'Default', version: 1, measures, bands: TRAFFIC_LIGHT_BANDS, ...overrides };
}
