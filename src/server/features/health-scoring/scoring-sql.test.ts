import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/helpers/test-database';
import { makeAccount } from '../../../../test/helpers/factories';
import { scoreAccount, type RawValue, type Scorecard } from '../../../domain/health';
import type { Database } from '../../db/database';
import type { ScorecardDefinition } from '../../../shared/api/health.contract';
import { scoreWithoutSaving } from './health-recompute.service';

/**
 * The SQL scoring must give the same bits as scoreAccount (src/domain/health) for any scorecard:
 * same measure scores, same score, same display score and band.
 */
describe('set-based SQL scoring against scoreAccount', () => {
  let database: Database;
  const traitRows: Record<string, unknown>[] = [
    { a: 12, b: '40', c: 'gold', d: 3 },
    { a: -5, b: 'n/a', c: 'silver', d: 99.5 },
    { a: 250, b: ' 7.25 ', c: 'bronze' },
    { b: '1e2', c: '', d: 0 },
    {},
    { a: 0, b: '0', c: 'gold', d: 100 },
    { a: 33.333333, b: '66.6', c: 'GOLD', d: 50 },
    { a: 1e6, b: '+4', c: 'silver', d: 75 },
  ];
  const accountIds: string[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    for (const [index, traits] of traitRows.entries()) {
      const account = await makeAccount(database.db, { name: `Parity ${index}`, traits });
      accountIds.push(account.id);
    }
  });
  afterAll(async () => database.close());

  async function compare(definition: ScorecardDefinition) {
    const rows = await scoreWithoutSaving(
      database,
      definition,
      new Date(),
      (parameters) => `SELECT unnest(${parameters.add(accountIds, 'uuid[]')}) AS account_id`,
    );
    expect(rows).toHaveLength(accountIds.length);
    const scorecard: Scorecard = { id: 'x', name: 'x', version: 1, ...definition };
    for (const row of rows) {
      const traits = traitRows[accountIds.indexOf(row.account_id)]!;
      const inputs: Record<string, RawValue> = {};
      for (const measure of definition.measures) {
        const key = measure.input.kind === 'trait' ? measure.input.key : '';
        const value = traits[key];
        inputs[measure.id] =
          value === undefined || value === '' ? null : typeof value === 'number' ? value : String(value);
      }
      const expected = scoreAccount(scorecard, inputs);
      expect(row.measure_scores).toEqual(expected.measures.map((line) => line.measureScore));
      if (expected.status === 'scored') {
        expect(row.status).toBe('scored');
        expect(row.score).toBe(expected.score);
        expect(row.display_score).toBe(expected.displayScore);
        expect(row.band).toBe(expected.band);
      } else {
        expect(row.status).toBe('not-scored');
        expect(row.score).toBeNull();
        expect(row.band).toBeNull();
      }
    }
    return rows;
  }

  const bands = [
    { name: 'red', lower: 0, upper: 50 },
    { name: 'yellow', lower: 50, upper: 75 },
    { name: 'green', lower: 75, upper: 100 },
  ];

  it('gives the worked example 40.12 from weights 20, 15, 22 and scores 47, 59, 21', async () => {
    const identity = {
      kind: 'linear' as const,
      from: { value: 0, score: 0 },
      to: { value: 100, score: 100 },
    };
    const definition: ScorecardDefinition = {
      measures: [
        {
          id: 'm1',
          name: 'M1',
          weight: 20,
          input: { kind: 'account_field', field: 'tier' },
          windowDays: 30,
          scheme: identity,
          missingData: { default: 47 },
        },
        {
          id: 'm2',
          name: 'M2',
          weight: 15,
          input: { kind: 'account_field', field: 'tier' },
          windowDays: 30,
          scheme: identity,
          missingData: { default: 59 },
        },
        {
          id: 'm3',
          name: 'M3',
          weight: 22,
          input: { kind: 'account_field', field: 'tier' },
          windowDays: 30,
          scheme: identity,
          missingData: { default: 21 },
        },
      ],
      groups: [],
      bands,
    };
    const rows = await scoreWithoutSaving(
      database,
      definition,
      new Date(),
      (parameters) => `SELECT ${parameters.add(accountIds[0], 'uuid')} AS account_id`,
    );
    expect(rows[0]).toMatchObject({
      status: 'scored',
      display_score: 40.12,
      band: 'red',
      raw_values: [null, null, null],
      measure_scores: [47, 59, 21],
    });
    expect(rows[0]!.score).toBeCloseTo((20 * 47 + 15 * 59 + 22 * 21) / 57, 12);
  });

  it('agrees on linear, ranges and category schemes with groups, defaults and exclusion', async () => {
    await compare({
      measures: [
        {
          id: 'a',
          name: 'A',
          weight: 3,
          input: { kind: 'trait', key: 'a' },
          windowDays: 30,
          scheme: { kind: 'linear', from: { value: 100, score: 0 }, to: { value: 0, score: 100 } },
          missingData: 'exclude',
          groupId: 'g1',
        },
        {
          id: 'b',
          name: 'B',
          weight: 1.5,
          input: { kind: 'trait', key: 'b' },
          windowDays: 30,
          scheme: {
            kind: 'ranges',
            ranges: [
              { from: null, to: 10, score: 10 },
              { from: 10, to: 50, score: 55.5 },
              { from: 50, to: null, score: 90 },
            ],
          },
          missingData: { default: 35 },
          groupId: 'g1',
        },
        {
          id: 'c',
          name: 'C',
          weight: 2,
          input: { kind: 'trait', key: 'c' },
          windowDays: 30,
          scheme: { kind: 'category', scores: { gold: 100, silver: 60 }, otherScore: 20 },
          missingData: 'exclude',
        },
        {
          id: 'd',
          name: 'D',
          weight: 7,
          input: { kind: 'trait', key: 'd' },
          windowDays: 30,
          scheme: {
            kind: 'ranges',
            ranges: [
              { from: 0, to: 50, score: 25 },
              { from: 50, to: 100, score: 80 },
            ],
          },
          missingData: 'exclude',
          groupId: 'g2',
        },
      ],
      groups: [
        { id: 'g1', name: 'Usage', weight: 40 },
        { id: 'g2', name: 'Support', weight: 25 },
      ],
      bands,
    });
  });

  it('agrees on random scorecards', async () => {
    const score = fc.integer({ min: 0, max: 10_000 }).map((hundredths) => hundredths / 100);
    const scheme = fc.oneof(
      fc.record({
        kind: fc.constant('linear' as const),
        from: fc.record({
          value: fc.double({ min: -100, max: 100, noNaN: true }),
          score: fc.integer({ min: 0, max: 100 }),
        }),
        to: fc.record({
          value: fc.double({ min: 101, max: 500, noNaN: true }),
          score: fc.integer({ min: 0, max: 100 }),
        }),
      }),
      fc.record({
        kind: fc.constant('category' as const),
        scores: fc.constant({ gold: 90, silver: 45.5, '3': 70 }),
        otherScore: score,
      }),
      fc
        .tuple(
          fc.double({ min: -10, max: 40, noNaN: true }),
          fc.double({ min: 41, max: 120, noNaN: true }),
          fc.array(score, { minLength: 3, maxLength: 3 }),
        )
        .map(([low, high, scores]) => ({
          kind: 'ranges' as const,
          ranges: [
            { from: null, to: low, score: scores[0]! },
            { from: low, to: high, score: scores[1]! },
            { from: high, to: null, score: scores[2]! },
          ],
        })),
    );
    const measure = fc.record({
      key: fc.constantFrom('a', 'b', 'c', 'd'),
      weight: fc.double({ min: 0.1, max: 50, noNaN: true }),
      scheme,
      missing: fc.oneof(fc.constant('exclude' as const), fc.record({ default: score })),
      group: fc.constantFrom(null, 'g1', 'g2'),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(measure, { minLength: 1, maxLength: 6 }),
        fc.double({ min: 1, max: 99, noNaN: true }),
        async (drawn, edge) => {
          const definition: ScorecardDefinition = {
            measures: drawn.map((entry, index) => ({
              id: `m${index}`,
              name: `M${index}`,
              weight: entry.weight,
              input: { kind: 'trait', key: entry.key },
              windowDays: 30,
              scheme: entry.scheme,
              missingData: entry.missing,
              groupId: entry.group,
            })),
            groups: [
              { id: 'g1', name: 'G1', weight: 3.3 },
              { id: 'g2', name: 'G2', weight: 1 },
            ].filter((group) => drawn.some((entry) => entry.group === group.id)),
            bands: [
              { name: 'low', lower: 0, upper: edge },
              { name: 'high', lower: edge, upper: 100 },
            ],
          };
          await compare(definition);
        },
      ),
      { numRuns: 40, seed: 20261124 },
    );
  });
});
