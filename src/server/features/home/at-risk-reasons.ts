import { inArray } from 'drizzle-orm';
import type { MeasureExplanation } from '../../../domain/health';
import type { Db } from '../../db/database';
import { healthSnapshots } from '../../db/schema';
import { explainSnapshot } from '../health-scoring/account-health.service';
import { findScorecardVersion } from '../health-scoring/scorecard.repository';

/**
 * The measure that cost the score the most points: effective weight × (100 − measure score),
 * over the measures that counted. Null when every measure scored 100 or none counted.
 */
export function costliestMeasure(measures: readonly MeasureExplanation[]): MeasureExplanation | null {
  let worst: MeasureExplanation | null = null;
  let worstLoss = 0;
  for (const measure of measures) {
    if (measure.measureScore === null) continue;
    const loss = measure.effectiveWeight * (100 - measure.measureScore);
    if (loss > worstLoss) {
      worst = measure;
      worstLoss = loss;
    }
  }
  return worst;
}

/** "Seat utilisation: 12" or "Last NPS: no NPS answer in the last 180 days" — the reason in a few words. */
export function describeReason(measure: MeasureExplanation): string {
  if (measure.rawValue === null)
    return `${measure.name}: ${(measure.missingReason ?? 'no value').replace(/^./, (c) => c.toLowerCase())}`;
  const value =
    typeof measure.rawValue === 'number'
      ? String(Math.round(measure.rawValue * 100) / 100)
      : measure.rawValue;
  return `${measure.name}: ${value}`;
}

/**
 * The top reason of each snapshot's score, by snapshot id, rebuilt from the snapshots' raw values
 * with the domain's explanation (the same one Account 360 shows). Meant for a handful of accounts:
 * one read of the snapshots and one of each scorecard version involved.
 */
export async function topReasonsOf(
  db: Db,
  snapshotIds: readonly number[],
): Promise<Map<number, string | null>> {
  const reasons = new Map<number, string | null>();
  if (snapshotIds.length === 0) return reasons;
  const snapshots = await db
    .select({
      id: healthSnapshots.id,
      scorecardId: healthSnapshots.scorecardId,
      scorecardVersion: healthSnapshots.scorecardVersion,
      rawValues: healthSnapshots.rawValues,
    })
    .from(healthSnapshots)
    .where(inArray(healthSnapshots.id, [...snapshotIds]));
  const definitions = new Map<string, Awaited<ReturnType<typeof findScorecardVersion>>>();
  for (const snapshot of snapshots) {
    const key = `${snapshot.scorecardId}:${snapshot.scorecardVersion}`;
    if (!definitions.has(key))
      definitions.set(key, await findScorecardVersion(db, snapshot.scorecardId, snapshot.scorecardVersion));
    const version = definitions.get(key);
    if (!version) {
      reasons.set(snapshot.id, null);
      continue;
    }
    const explained = explainSnapshot(version.definition, snapshot);
    const worst = explained.status === 'scored' ? costliestMeasure(explained.measures) : null;
    reasons.set(snapshot.id, worst ? describeReason(worst) : null);
  }
  return reasons;
}
