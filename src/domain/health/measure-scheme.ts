/**
 * A scheme maps one measure's raw input value to a measure score on 0–100. Values a scheme cannot
 * score (wrong type, outside every range) are reported with a reason, never silently scored.
 */

/** A half-open range [from, to) → score; `from: null` is unbounded below, `to: null` unbounded above. */
export type ScoreRange = { from: number | null; to: number | null; score: number };

/** One end of a linear scheme: raw `value` maps to `score`. */
export type LinearPoint = { value: number; score: number };

export type MeasureScheme =
  /** Ordered, contiguous half-open ranges; the first range containing the value wins. */
  | { kind: 'ranges'; ranges: readonly ScoreRange[] }
  /** Straight line through two points, clamped to the scores at the ends; decreasing lines allowed. */
  | { kind: 'linear'; from: LinearPoint; to: LinearPoint }
  /** Exact, case-sensitive category → score, with `otherScore` for any category not listed. */
  | { kind: 'category'; scores: Readonly<Record<string, number>>; otherScore: number };

/** A raw input value: a number, a category label, or null when the input is missing. */
export type RawValue = number | string | null;

export type SchemeResult = { status: 'scored'; score: number } | { status: 'unscorable'; reason: string };

/**
 * Maps a present raw value to a 0–100 measure score through `scheme`. Numeric schemes accept
 * numbers and numeric strings ("42"); category schemes compare `String(value)` to the labels.
 * @example scoreWithScheme({ kind: 'linear', from: { value: 0, score: 0 }, to: { value: 10, score: 100 } }, 5) // { status: 'scored', score: 50 }
 */
export function scoreWithScheme(scheme: MeasureScheme, value: number | string): SchemeResult {
  if (scheme.kind === 'category') {
    const label = String(value);
    const score = Object.hasOwn(scheme.scores, label) ? scheme.scores[label] : undefined;
    return { status: 'scored', score: score ?? scheme.otherScore };
  }
  const numeric = toFiniteNumber(value);
  if (numeric === null) {
    return {
      status: 'unscorable',
      reason: `"${String(value)}" is not a number; this measure's ${scheme.kind} scheme needs one`,
    };
  }
  return scheme.kind === 'ranges'
    ? scoreInRanges(scheme.ranges, numeric)
    : { status: 'scored', score: scoreOnLine(scheme.from, scheme.to, numeric) };
}

/** A number, or a trimmed non-empty numeric string, as a finite number; null otherwise. */
export function toFiniteNumber(value: number | string): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  const trimmed = value.trim();
  if (trimmed === '') return null;
  const parsed = Number(trimmed);
  return Number.isFinite(parsed) ? parsed : null;
}

function scoreInRanges(ranges: readonly ScoreRange[], value: number): SchemeResult {
  for (const range of ranges) {
    const aboveFrom = range.from === null || value >= range.from;
    const belowTo = range.to === null || value < range.to;
    if (aboveFrom && belowTo) return { status: 'scored', score: range.score };
  }
  return { status: 'unscorable', reason: `${value} lies outside every range of this measure's scheme` };
}

function scoreOnLine(from: LinearPoint, to: LinearPoint, value: number): number {
  const [low, high] = from.value <= to.value ? [from, to] : [to, from];
  if (value <= low.value) return low.score;
  if (value >= high.value) return high.score;
  const share = (value - low.value) / (high.value - low.value);
  return low.score + share * (high.score - low.score);
}
