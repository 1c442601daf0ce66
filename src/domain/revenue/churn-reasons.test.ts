import { describe, expect, it } from 'vitest';
import { calculateChurnedMrrByReason } from './churn-reasons';
import { mrrTableOf } from './mrr-table.fixture';

const table = mrrTableOf('2024-01', {
  ada: [6_000, 0, 0],
  bea: [3_000, 3_000, 0],
  cal: [1_000, 0, 0],
  dee: [2_000, 2_000, 2_000],
  eve: [500, 500, 0],
});

const reasons: Record<string, string | null> = { ada: 'price', bea: 'competitor', cal: 'price', eve: '' };

describe('churned MRR by churn reason', () => {
  it('groups churned MRR by recorded reason, largest first, with unrecorded reasons shown as unknown', () => {
    const byReason = calculateChurnedMrrByReason(
      table,
      { from: '2024-02', to: '2024-03' },
      (accountId) => reasons[accountId] ?? null,
    );
    expect(byReason).toEqual([
      {
        reason: 'price',
        churnedMrrMinor: 7_000,
        share: { status: 'defined', value: 7_000 / 10_500 },
        churnMovements: 2,
        accountIds: ['ada', 'cal'],
      },
      {
        reason: 'competitor',
        churnedMrrMinor: 3_000,
        share: { status: 'defined', value: 3_000 / 10_500 },
        churnMovements: 1,
        accountIds: ['bea'],
      },
      {
        reason: 'unknown',
        churnedMrrMinor: 500,
        share: { status: 'defined', value: 500 / 10_500 },
        churnMovements: 1,
        accountIds: ['eve'],
      },
    ]);
  });

  it('asks for the reason of the month the account churned in', () => {
    const asked: string[] = [];
    calculateChurnedMrrByReason(table, { from: '2024-02', to: '2024-03' }, (accountId, month) => {
      asked.push(`${accountId}@${month}`);
      return null;
    });
    expect(asked.sort()).toEqual(['ada@2024-02', 'bea@2024-03', 'cal@2024-02', 'eve@2024-03']);
  });
});
