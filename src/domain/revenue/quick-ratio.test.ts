import { describe, expect, it } from 'vitest';
import { mrrTableOf } from './mrr-table.fixture';
import { calculateQuickRatio } from './quick-ratio';

const MARCH = { from: '2024-03', to: '2024-03' };

describe('quick ratio', () => {
  it('is (new + expansion + reactivation) ÷ (contraction + churn)', () => {
    const table = mrrTableOf(
      '2024-02',
      { fresh: [0, 2_000], grows: [1_000, 2_000], back: [0, 1_000], shrinks: [1_000, 500], leaves: [500, 0] },
      ['back'],
    );
    const quickRatio = calculateQuickRatio(table, MARCH);
    expect(quickRatio).toMatchObject({
      ratio: { status: 'defined', value: 4 },
      gainsMrrMinor: 4_000,
      lossesMrrMinor: 1_000,
    });
    expect(quickRatio.movements.accountIds.new).toEqual(['fresh']);
  });

  it('is infinite with gains and no losses, and not defined with neither', () => {
    expect(calculateQuickRatio(mrrTableOf('2024-02', { fresh: [0, 2_000] }), MARCH).ratio).toEqual({
      status: 'infinite',
      reason: 'No contraction or churn in 2024-03…2024-03',
    });
    expect(calculateQuickRatio(mrrTableOf('2024-02', { steady: [1_000, 1_000] }), MARCH).ratio.status).toBe(
      'not-defined',
    );
  });
});
