import {
  stageMetricKeys,
  stageMetricLabels,
  type Stage,
  type StageMetricKey,
} from '../../../shared/api/journey.contract';
import type { StageRow } from './stage.repository';

const isMetricKey = (key: string): key is StageMetricKey =>
  (stageMetricKeys as readonly string[]).includes(key);

/** A stage's metric keys with their labels (unknown keys, if any were stored, are left out). */
export function presentStageMetrics(keys: readonly string[]): Stage['metrics'] {
  return keys.filter(isMetricKey).map((key) => ({ key, label: stageMetricLabels[key] }));
}

/** Every metric a stage can name, with its label. */
export function stageMetricCatalogue(): Stage['metrics'] {
  return presentStageMetrics(stageMetricKeys);
}

/** The public shape of a lifecycle stage. */
export function presentStage(row: StageRow): Stage {
  return {
    id: row.id,
    name: row.name,
    position: row.position,
    description: row.description,
    entryRule: row.entryRule,
    expectedDays: row.expectedDays,
    owningTeam:
      row.owningTeamId && row.owningTeamName
        ? { id: row.owningTeamId, name: row.owningTeamName, kind: row.owningTeamKind ?? '' }
        : null,
    touchpoints: row.touchpoints.map((touchpoint) => ({
      title: touchpoint.title,
      dueDay: touchpoint.dueDay,
    })),
    metrics: presentStageMetrics(row.metrics),
    accounts: row.accounts,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
