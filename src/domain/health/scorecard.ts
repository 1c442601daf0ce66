/**
 * The scorecard model: weighted measures, optionally in one level of weighted groups, and named
 * score bands. Types only; see scorecard-validation.ts for the rules a valid scorecard obeys.
 */
import type { MeasureScheme } from './measure-scheme';

/**
 * What to do when a measure's input is missing (or cannot be scored): 'exclude' drops the measure
 * and renormalises the remaining weights; `{ default }` scores it as `default` (a 0–100 measure score).
 */
export type MissingDataPolicy = 'exclude' | { default: number };

/** Where a measure's raw value comes from; opaque to the domain (the server resolves it). */
export type MeasureInputReference = Readonly<Record<string, unknown>> & { kind: string };

export type Measure = {
  id: string;
  name: string;
  /** Relative weight within its group (or among groups, when ungrouped); must be > 0. */
  weight: number;
  input: MeasureInputReference;
  /** Look-back window of the input, in whole days. */
  windowDays: number;
  scheme: MeasureScheme;
  missingData: MissingDataPolicy;
  /** The group this measure belongs to; an ungrouped measure counts as a group of its own. */
  groupId?: string | null;
};

export type MeasureGroup = { id: string; name: string; weight: number };

/**
 * A named score band. Bands are listed from low to high and contiguous (each lower edge equals
 * the previous upper edge); a band covers (lower, upper], except the first, which covers [lower, upper].
 */
export type ScoreBand = { name: string; lower: number; upper: number };

export type Scorecard = {
  id: string;
  name: string;
  /** Editing a scorecard creates a new version; snapshots record the version they used. */
  version: number;
  measures: readonly Measure[];
  groups?: readonly MeasureGroup[];
  bands: readonly ScoreBand[];
};
