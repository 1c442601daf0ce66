import { describe, expect, it } from 'vitest';
import type { ScorecardDefinition } from '../../../../shared/api/health.contract';
import { describeProblemPath, problemPath } from './draft-problems';
import { draftToRequest } from './draft-to-request';
import { draftFromScorecard, newMeasureDraft, newScorecardDraft, toSnakeId } from './scorecard-draft';

const definition: ScorecardDefinition = {
  groups: [{ id: 'support', name: 'Support', weight: 30 }],
  measures: [
    {
      id: 'open_tickets',
      name: 'Open tickets',
      weight: 50,
      input: { kind: 'open_tickets' },
      windowDays: 30,
      scheme: {
        kind: 'ranges',
        ranges: [
          { from: null, to: 1, score: 100 },
          { from: 1, to: null, score: 20 },
        ],
      },
      missingData: 'exclude',
      groupId: 'support',
    },
    {
      id: 'plan',
      name: 'Plan',
      weight: 20,
      input: { kind: 'trait', key: 'Plan' },
      windowDays: 30,
      scheme: { kind: 'category', scores: { Pro: 100, Basic: 40 }, otherScore: 50 },
      missingData: { default: 50 },
      groupId: null,
    },
  ],
  bands: [
    { name: 'Red', lower: 0, upper: 50 },
    { name: 'Green', lower: 50, upper: 100 },
  ],
};

describe('the scorecard draft', () => {
  it('derives lower_snake ids from names', () => {
    expect(toSnakeId('Seat utilisation (%)')).toBe('seat_utilisation');
    expect(toSnakeId('30-day logins')).toBe('m_30_day_logins');
    expect(toSnakeId('Déjà vu')).toBe('deja_vu');
    expect(toSnakeId('  ')).toBe('measure');
    expect(toSnakeId('x'.repeat(60))).toHaveLength(40);
  });

  it('gives back the same definition and criteria it was made from', () => {
    const criteria = [
      { kind: 'account_field' as const, field: 'tier' as const, values: ['Enterprise', 'Strategic'] },
    ];
    const draft = draftFromScorecard({ name: 'Enterprise', criteria, definition });
    const request = draftToRequest(draft, { isDefault: false });
    expect(request.problems).toEqual([]);
    expect(request.definition).toEqual(definition);
    expect(request.criteria).toEqual(criteria);
  });

  it('keeps saved ids when a measure is renamed, and makes new ids unique', () => {
    const draft = draftFromScorecard({ name: 'Default', criteria: [], definition });
    draft.measures[0]!.name = 'Tickets still open';
    draft.measures.push({ ...newMeasureDraft(), name: 'Plan' });
    const { definition: saved } = draftToRequest(draft, { isDefault: true });
    expect(saved.measures.map((measure) => measure.id)).toEqual(['open_tickets', 'plan', 'plan_2']);
  });

  it('reports blank numbers and missing criteria at their paths', () => {
    const draft = newScorecardDraft();
    draft.measures[0]!.weight = '';
    draft.bands[1]!.upper = '';
    const { problems } = draftToRequest(draft, { isDefault: false });
    expect(problems).toEqual([
      { field: 'measures.0.weight', message: 'enter a number' },
      { field: 'bands.1.upper', message: 'enter a number' },
      {
        field: 'criteria',
        message: 'add a criterion: which accounts this scorecard scores (the default scores the rest)',
      },
    ]);
  });

  it('reads server problem fields in either notation and names them in words', () => {
    expect(problemPath('body.definition.measures[0].scheme.ranges[1].from')).toBe(
      'measures.0.scheme.ranges.1.from',
    );
    expect(problemPath('body.definition.measures.0.weight')).toBe('measures.0.weight');
    expect(problemPath('body.criteria.0.values')).toBe('criteria.0.values');
    const draft = draftFromScorecard({ name: 'Default', criteria: [], definition });
    expect(describeProblemPath('measures.0.scheme.ranges.1.from', draft)).toBe(
      'Measure 1 (Open tickets), range 2, from',
    );
    expect(describeProblemPath('bands.1.lower', draft)).toBe('Band 2 (Green), lower edge');
  });
});
