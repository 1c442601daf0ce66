import type { AccountScore } from './account-score';

/** How one measure moved between two snapshots; deltas are current − previous. */
export type MeasureMovement = {
  measureId: string;
  name: string;
  previousScore: number | null;
  currentScore: number | null;
  /** Null when either side has no measure score (excluded, or the measure is absent from a version). */
  scoreDelta: number | null;
  previousContribution: number;
  currentContribution: number;
  /** In score points; the movements' contribution deltas sum to the change of the overall score. */
  contributionDelta: number;
};

/**
 * What moved between the previous and the current snapshot of one account: one line per measure in
 * either snapshot, largest |contribution delta| first (ties by measure id). A measure absent or
 * excluded on one side contributes 0 there.
 */
export function compareExplanations(previous: AccountScore, current: AccountScore): MeasureMovement[] {
  const previousById = new Map(previous.measures.map((line) => [line.measureId, line]));
  const currentById = new Map(current.measures.map((line) => [line.measureId, line]));
  const ids = [...new Set([...currentById.keys(), ...previousById.keys()])];
  const movements = ids.map((measureId): MeasureMovement => {
    const before = previousById.get(measureId);
    const after = currentById.get(measureId);
    const previousScore = before?.measureScore ?? null;
    const currentScore = after?.measureScore ?? null;
    const previousContribution = before?.contribution ?? 0;
    const currentContribution = after?.contribution ?? 0;
    return {
      measureId,
      name: after?.name ?? before?.name ?? measureId,
      previousScore,
      currentScore,
      scoreDelta: previousScore === null || currentScore === null ? null : currentScore - previousScore,
      previousContribution,
      currentContribution,
      contributionDelta: currentContribution - previousContribution,
    };
  });
  return movements.sort(
    (a, b) =>
      Math.abs(b.contributionDelta) - Math.abs(a.contributionDelta) ||
      (a.measureId < b.measureId ? -1 : a.measureId > b.measureId ? 1 : 0),
  );
}
