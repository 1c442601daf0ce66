import { scoreWithScheme, type RawValue } from './measure-scheme';
import { bandFor } from './score-bands';
import type { Measure, Scorecard } from './scorecard';

/** How a measure took part in the score. */
export type MeasureTreatment = 'scored' | 'defaulted' | 'excluded';

/** One line of an explanation. Weights and contributions are exact (not rounded). */
export type MeasureExplanation = {
  measureId: string;
  name: string;
  /** The group the measure counted in; null when it is its own group. */
  groupId: string | null;
  rawValue: RawValue;
  treatment: MeasureTreatment;
  /** Why the value was missing or unscorable; null when it was scored normally. */
  missingReason: string | null;
  /** 0–100; the default score when defaulted; null when excluded. */
  measureScore: number | null;
  /** The measure's share of the overall score after renormalisation, 0–1; all shares sum to 1. */
  effectiveWeight: number;
  /** effectiveWeight × measureScore, in score points; contributions sum to the score. */
  contribution: number;
};

export type AccountScore =
  | {
      status: 'scored';
      scorecardId: string;
      scorecardVersion: number;
      /** Exact weighted mean, 0–100: the sum of the contributions. */
      score: number;
      /** `score` rounded to 2 decimals; the band is chosen from this value so label and number agree. */
      displayScore: number;
      band: string;
      measures: MeasureExplanation[];
    }
  | {
      status: 'not-scored';
      scorecardId: string;
      scorecardVersion: number;
      reason: string;
      measures: MeasureExplanation[];
    };

type ScoredLine = Omit<MeasureExplanation, 'effectiveWeight' | 'contribution'> & {
  weight: number;
  groupKey: string;
  groupWeight: number;
};

/**
 * Scores one account: each measure through its scheme, groups as the weighted mean of their
 * measures, the account as the weighted mean of groups (an ungrouped measure is its own group).
 * `inputs` holds raw values by measure id; an absent id or null is missing. Assumes a valid scorecard.
 */
export function scoreAccount(scorecard: Scorecard, inputs: Readonly<Record<string, RawValue>>): AccountScore {
  const groupWeights = new Map((scorecard.groups ?? []).map((group) => [group.id, group.weight]));
  const lines = scorecard.measures.map((measure) => {
    const rawValue = Object.hasOwn(inputs, measure.id) ? (inputs[measure.id] ?? null) : null;
    const groupWeight = measure.groupId == null ? measure.weight : (groupWeights.get(measure.groupId) ?? 0);
    return scoreMeasure(measure, rawValue, groupWeight);
  });
  const measureWeightTotals = new Map<string, number>();
  for (const line of lines) {
    if (line.measureScore === null) continue;
    measureWeightTotals.set(line.groupKey, (measureWeightTotals.get(line.groupKey) ?? 0) + line.weight);
  }
  // Group weights are added in the order groups first appear in the scorecard (present or not), so
  // the floating-point sum does not depend on which measures are missing; the SQL recompute adds
  // them in the same order and gets the same bits.
  let groupWeightTotal = 0;
  const seenGroups = new Set<string>();
  for (const line of lines) {
    if (seenGroups.has(line.groupKey)) continue;
    seenGroups.add(line.groupKey);
    if (measureWeightTotals.has(line.groupKey)) groupWeightTotal += line.groupWeight;
  }
  const base = { scorecardId: scorecard.id, scorecardVersion: scorecard.version };
  const measures = lines.map(({ weight, groupKey, groupWeight, ...line }): MeasureExplanation => {
    const measureTotal = measureWeightTotals.get(groupKey) ?? 0;
    if (line.measureScore === null || measureTotal === 0 || groupWeightTotal === 0)
      return { ...line, effectiveWeight: 0, contribution: 0 };
    const effectiveWeight = (groupWeight / groupWeightTotal) * (weight / measureTotal);
    return { ...line, effectiveWeight, contribution: effectiveWeight * line.measureScore };
  });
  if (groupWeightTotal === 0) {
    return {
      ...base,
      status: 'not-scored',
      reason: 'Every measure is missing and excluded, so there is nothing to score',
      measures,
    };
  }
  const score = measures.reduce((sum, line) => sum + line.contribution, 0);
  const displayScore = Math.round(score * 100) / 100;
  return {
    ...base,
    status: 'scored',
    score,
    displayScore,
    band: bandFor(scorecard.bands, displayScore).name,
    measures,
  };
}

function scoreMeasure(measure: Measure, rawValue: RawValue, groupWeight: number): ScoredLine {
  const groupId = measure.groupId ?? null;
  const common = {
    measureId: measure.id,
    name: measure.name,
    groupId,
    rawValue,
    weight: measure.weight,
    groupWeight,
    groupKey: groupId === null ? `measure:${measure.id}` : `group:${groupId}`,
  };
  const result =
    rawValue === null
      ? { status: 'unscorable' as const, reason: 'No value' }
      : scoreWithScheme(measure.scheme, rawValue);
  if (result.status === 'scored')
    return { ...common, treatment: 'scored', missingReason: null, measureScore: result.score };
  if (measure.missingData === 'exclude') {
    return {
      ...common,
      treatment: 'excluded',
      missingReason: `${result.reason}; excluded and the other weights renormalised`,
      measureScore: null,
    };
  }
  return {
    ...common,
    treatment: 'defaulted',
    missingReason: `${result.reason}; scored as the default ${measure.missingData.default}`,
    measureScore: measure.missingData.default,
  };
}
