import { describe, expect, it } from 'vitest';
import { matchChurnReasons } from './churn-reason-matching';

const event = (id: string, churnedOn: string, reasonCode: string | null, accountId = 'acme') => ({ id, accountId, churnedOn, reasonCode });

describe('matching churn events to churn movements', () => {
  it('pairs a churn with the event nearest to its month, within three months either way', () => {
    const reasons = matchChurnReasons(
      [
        { accountId: 'acme', month: '2024-03' },
        { accountId: 'acme', month: '2025-06' },
        { accountId: 'bolt', month: '2024-05' },
      ],
      [event('e1', '2024-02-27', 'price'), event('e2', '2025-09-30', 'merger'), event('e3', '2023-12-01', 'budget', 'bolt')],
    );
    expect([...reasons.entries()].sort()).toEqual([
      ['acme 2024-03', 'price'],
      ['acme 2025-06', 'merger'],
    ]);
  });

  it('lets one event explain one churn only, the nearest, and maps an event without a code to null', () => {
    const reasons = matchChurnReasons(
      [
        { accountId: 'acme', month: '2024-03' },
        { accountId: 'acme', month: '2024-05' },
      ],
      [event('e1', '2024-05-10', 'support'), event('e2', '2024-01-15', '  ')],
    );
    expect(reasons.get('acme 2024-05')).toBe('support');
    expect(reasons.get('acme 2024-03')).toBeNull();
  });

  it('leaves a churn with no event close enough out of the map ("unknown")', () => {
    expect(matchChurnReasons([{ accountId: 'acme', month: '2024-08' }], [event('e1', '2024-04-30', 'price')]).size).toBe(0);
  });
});
