/**
 * Fits the breakpoints of numeric measure schemes to churn, one measure at a time: a linear scheme's
 * two points and a ranges scheme's inner edges move to training quantiles when that makes the
 * measure score a better single predictor of churn. Weights are fitted afterwards (calibration.ts).
 */
import type { CalibrationAccount } from './calibration';
import { fitGroupedLogistic, type GroupedLogisticFit, type GroupedPoints } from './logistic-regression';
import { scoreWithScheme, toFiniteNumber, type MeasureScheme, type ScoreRange } from './measure-scheme';
import type { Measure, Scorecard } from './scorecard';

/** What the breakpoint fit did to one measure's scheme; `before` and `after` are equal when kept. */
export type BreakpointChange = {
  measureId: string;
  before: MeasureScheme;
  after: MeasureScheme;
  changed: boolean;
  /** One plain sentence: what changed and why, or why the scheme was kept. */
  note: string;
};

export type BreakpointFit = {
  /** The same scorecard (id, version, weights, groups, bands) with the fitted schemes. */
  scorecard: Scorecard;
  /** One entry per measure, in the scorecard's order. */
  changes: BreakpointChange[];
};

/** Fewest training accounts with a scorable number for a measure before its breakpoints are fitted. */
export const MIN_BREAKPOINT_ACCOUNTS = 20;
/** A fitted scheme replaces the current one only when its objective is higher by more than this. */
const REQUIRED_GAIN = 1e-6;
const MAX_RANGE_PASSES = 10;

type LinearScheme = Extract<MeasureScheme, { kind: 'linear' }>;
type RangesScheme = Extract<MeasureScheme, { kind: 'ranges' }>;
/**
 * One measure's training accounts that have a number its scheme can score: the distinct values
 * ascending, and running totals so that the accounts with values[i] ≤ value < values[j] number
 * accountsBefore[j] − accountsBefore[i] (likewise churners).
 */
type Sample = {
  accounts: number;
  churners: number;
  values: number[];
  accountsBefore: number[];
  churnersBefore: number[];
  candidates: number[];
};
/** Points of a univariate logistic fit, each standing for `accounts` accounts with one feature value. */
type SchemeFit = { scheme: MeasureScheme; changed: boolean; note: string };

/**
 * Refits the breakpoints of every linear and ranges scheme on `training` (category schemes are kept).
 * A measure's objective is the maximised penalised log-likelihood of an L2 logistic regression of
 * churned on its measure score ÷ 100; candidate breakpoints are training quantiles at 5%, 10%, …, 95%.
 * @example fitBreakpoints(scorecard, trainingAccounts).changes[0]?.note // "Moved the line to 35.2 → 0 and 44.9 → 100: fitted on 2803 training accounts"
 */
export function fitBreakpoints(
  scorecard: Scorecard,
  training: readonly CalibrationAccount[],
  options: { l2?: number } = {},
): BreakpointFit {
  const l2 = options.l2 ?? 1;
  const changes = scorecard.measures.map((measure) => fitMeasureBreakpoints(measure, training, l2));
  const measures = scorecard.measures.map((measure, index) => ({
    ...measure,
    scheme: changes[index]?.after ?? measure.scheme,
  }));
  return { scorecard: { ...scorecard, measures }, changes };
}

function fitMeasureBreakpoints(
  measure: Measure,
  training: readonly CalibrationAccount[],
  l2: number,
): BreakpointChange {
  const { scheme } = measure;
  const kept = (note: string): BreakpointChange => ({
    measureId: measure.id,
    before: scheme,
    after: scheme,
    changed: false,
    note,
  });
  if (scheme.kind === 'category') return kept('Kept: category scheme, only numeric schemes have breakpoints');
  const sample = numericSample(measure, training);
  const { accounts: count, churners } = sample;
  if (count < MIN_BREAKPOINT_ACCOUNTS) {
    return kept(
      `Kept: only ${count} training accounts have a number this scheme can score, and ${MIN_BREAKPOINT_ACCOUNTS} are needed`,
    );
  }
  if (churners === 0 || churners === count) {
    return kept(
      `Kept: ${churners === 0 ? 'none' : 'all'} of the ${count} training accounts with a number churned, and both churners and renewals are needed`,
    );
  }
  const fit = scheme.kind === 'linear' ? fitLine(scheme, sample, l2) : fitRanges(scheme, sample, l2);
  return { measureId: measure.id, before: scheme, after: fit.scheme, changed: fit.changed, note: fit.note };
}

/**
 * Tries every pair of candidate values a < b as the line's points. Reversing a line maps the score
 * s to (low + high − s), which leaves the objective unchanged (the intercept is not penalised), so
 * each pair is fitted once and pointed the way where a higher score goes with less churn.
 */
function fitLine(scheme: LinearScheme, sample: Sample, l2: number): SchemeFit {
  const low = Math.min(scheme.from.score, scheme.to.score);
  const high = Math.max(scheme.from.score, scheme.to.score);
  const count = sample.accounts;
  if (low === high)
    return { scheme, changed: false, note: `Kept: both points score ${low}, so moving them changes nothing` };
  const { candidates } = sample;
  let best: { scheme: LinearScheme; objective: number } | null = null;
  for (let lower = 0; lower < candidates.length; lower += 1) {
    for (let upper = lower + 1; upper < candidates.length; upper += 1) {
      const a = candidates[lower] ?? 0;
      const b = candidates[upper] ?? 0;
      const rising = line(a, low, b, high);
      const evaluation = evaluate(rising, sample, l2);
      if (best !== null && evaluation.objective <= best.objective) continue;
      best = {
        scheme: evaluation.coefficient > 0 ? line(a, high, b, low) : rising,
        objective: evaluation.objective,
      };
    }
  }
  const current = evaluate(scheme, sample, l2);
  if (best !== null && best.objective > current.objective + REQUIRED_GAIN) {
    return {
      scheme: best.scheme,
      changed: true,
      note: `Moved the line to ${describeLine(best.scheme)}: fitted on ${count} training accounts`,
    };
  }
  if (current.coefficient > 0) {
    const flipped = line(scheme.from.value, scheme.to.score, scheme.to.value, scheme.from.score);
    return {
      scheme: flipped,
      changed: true,
      note: `Flipped the line to ${describeLine(flipped)}: higher scores went with more churn on ${count} training accounts`,
    };
  }
  return {
    scheme,
    changed: false,
    note: `Kept: no candidate fitted churn better on ${count} training accounts`,
  };
}

/**
 * Coordinate search over the inner edges: each edge in turn tries every candidate strictly between
 * its neighbours and keeps the best; passes repeat until one changes nothing, at most 10 times.
 * The number of ranges, their scores and the outer bounds stay as they are.
 */
function fitRanges(scheme: RangesScheme, sample: Sample, l2: number): SchemeFit {
  const { ranges } = scheme;
  const { accounts: count, candidates } = sample;
  const innerEdges = ranges.slice(1).map((range) => range.from);
  if (innerEdges.length === 0)
    return { scheme, changed: false, note: 'Kept: a single range has no inner edges to move' };
  if (innerEdges.some((edge) => edge === null))
    return {
      scheme,
      changed: false,
      note: 'Kept: an inner range edge is unbounded, so there is no edge to move',
    };
  const outerFrom = ranges[0]?.from ?? null;
  const outerTo = ranges[ranges.length - 1]?.to ?? null;
  let edges = innerEdges.map((edge) => edge ?? 0);
  const currentObjective = evaluate(scheme, sample, l2).objective;
  let bestObjective = currentObjective;
  for (let pass = 1; pass <= MAX_RANGE_PASSES; pass += 1) {
    let improved = false;
    for (let index = 0; index < edges.length; index += 1) {
      const below = index === 0 ? outerFrom : (edges[index - 1] ?? null);
      const above = index === edges.length - 1 ? outerTo : (edges[index + 1] ?? null);
      for (const candidate of candidates) {
        if ((below !== null && candidate <= below) || (above !== null && candidate >= above)) continue;
        if (candidate === edges[index]) continue;
        const trial = edges.map((edge, position) => (position === index ? candidate : edge));
        const objective = evaluate(rangesWithEdges(ranges, trial), sample, l2).objective;
        if (objective <= bestObjective) continue;
        bestObjective = objective;
        edges = trial;
        improved = true;
      }
    }
    if (!improved) break;
  }
  if (bestObjective <= currentObjective + REQUIRED_GAIN)
    return {
      scheme,
      changed: false,
      note: `Kept: no candidate fitted churn better on ${count} training accounts`,
    };
  return {
    scheme: rangesWithEdges(ranges, edges),
    changed: true,
    note: `Moved the range edges to ${listOf(edges.map(formatNumber))}: fitted on ${count} training accounts`,
  };
}

/**
 * The measure's training values that are numbers (or numeric strings, parsed as `scoreWithScheme`
 * does) and that its current scheme can score, counted by distinct value, with the candidate values.
 */
function numericSample(measure: Measure, training: readonly CalibrationAccount[]): Sample {
  const pairs = training.flatMap((account) => {
    const raw = Object.hasOwn(account.inputs, measure.id) ? (account.inputs[measure.id] ?? null) : null;
    const value = raw === null ? null : toFiniteNumber(raw);
    if (value === null || scoreWithScheme(measure.scheme, value).status !== 'scored') return [];
    return [{ value, churned: account.churned }];
  });
  pairs.sort((first, second) => first.value - second.value);
  const sample: Sample = {
    accounts: pairs.length,
    churners: 0,
    values: [],
    accountsBefore: [0],
    churnersBefore: [0],
    candidates: candidateValues(pairs.map((pair) => pair.value)),
  };
  pairs.forEach(({ value, churned }, index) => {
    if (churned) sample.churners += 1;
    if (pairs[index + 1]?.value === value) return;
    sample.values.push(value);
    sample.accountsBefore.push(index + 1);
    sample.churnersBefore.push(sample.churners);
  });
  return sample;
}

/**
 * Distinct nearest-rank quantiles at 5%, 10%, …, 95% of ascending `sorted` values: the p% quantile
 * is the ⌈p·n/100⌉-th smallest value.
 */
function candidateValues(sorted: readonly number[]): number[] {
  const candidates: number[] = [];
  for (let percent = 5; percent <= 95; percent += 5) {
    const value = sorted[Math.ceil((percent * sorted.length) / 100) - 1];
    if (value !== undefined && value !== candidates[candidates.length - 1]) candidates.push(value);
  }
  return candidates;
}

/**
 * The maximised penalised log-likelihood of churned ~ measure score ÷ 100 under `scheme`, and the
 * fitted coefficient (negative when a higher score goes with less churn).
 */
function evaluate(scheme: LinearScheme | RangesScheme, sample: Sample, l2: number): GroupedLogisticFit {
  return fitGroupedLogistic(groupedPoints(scheme, sample), sample.accounts, sample.churners, l2);
}

/**
 * The sample as points of equal measure score: one per range, one per clamped end of a line and
 * one per distinct value between a line's points. It follows `scoreWithScheme`: ranges are [from, to)
 * and a line is clamped at and beyond its points.
 */
function groupedPoints(scheme: LinearScheme | RangesScheme, sample: Sample): GroupedPoints {
  const { values, accountsBefore, churnersBefore } = sample;
  const points: GroupedPoints = { features: [], accounts: [], churners: [] };
  const add = (score: number, start: number, end: number): void => {
    if (end <= start) return;
    points.features.push(score / 100);
    points.accounts.push((accountsBefore[end] ?? 0) - (accountsBefore[start] ?? 0));
    points.churners.push((churnersBefore[end] ?? 0) - (churnersBefore[start] ?? 0));
  };
  if (scheme.kind === 'ranges') {
    for (const range of scheme.ranges)
      add(range.score, countBelow(values, range.from ?? -Infinity), countBelow(values, range.to ?? Infinity));
    return points;
  }
  const [low, high] =
    scheme.from.value <= scheme.to.value ? [scheme.from, scheme.to] : [scheme.to, scheme.from];
  const middleStart = countBelow(values, low.value, true);
  const middleEnd = countBelow(values, high.value);
  add(low.score, 0, middleStart);
  for (let index = middleStart; index < middleEnd; index += 1)
    add(lineScore(scheme, values[index] ?? 0), index, index + 1);
  add(high.score, Math.max(middleStart, middleEnd), values.length);
  return points;
}

/** How many of the ascending `values` are below `bound` (or at most `bound` when `orEqual`): a binary search. */
function countBelow(values: readonly number[], bound: number, orEqual = false): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const value = values[middle] ?? 0;
    if (value < bound || (orEqual && value === bound)) low = middle + 1;
    else high = middle;
  }
  return low;
}

function lineScore(scheme: LinearScheme, value: number): number {
  const result = scoreWithScheme(scheme, value);
  // Unreachable: a line scores every finite number.
  if (result.status !== 'scored')
    throw new Error(`Breakpoint fit could not score ${value}: ${result.reason}`);
  return result.score;
}

function line(fromValue: number, fromScore: number, toValue: number, toScore: number): LinearScheme {
  return {
    kind: 'linear',
    from: { value: fromValue, score: fromScore },
    to: { value: toValue, score: toScore },
  };
}

function rangesWithEdges(ranges: readonly ScoreRange[], edges: readonly number[]): RangesScheme {
  const last = ranges.length - 1;
  return {
    kind: 'ranges',
    ranges: ranges.map((range, index) => ({
      from: index === 0 ? range.from : (edges[index - 1] ?? null),
      to: index === last ? range.to : (edges[index] ?? null),
      score: range.score,
    })),
  };
}

function describeLine(scheme: LinearScheme): string {
  const { from, to } = scheme;
  return `${formatNumber(from.value)} → ${formatNumber(from.score)} and ${formatNumber(to.value)} → ${formatNumber(to.score)}`;
}

/** At most 2 decimals, for notes only; the scheme keeps the exact value. */
function formatNumber(value: number): string {
  return String(Math.round(value * 100) / 100);
}

function listOf(items: readonly string[]): string {
  return items.length <= 1
    ? items.join('')
    : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
