import { describe, expect, it } from 'vitest';
import { accountOf, accountsOf, csmOf } from './capacity.fixture';
import { defaultCapacitySettings as settings, type CapacityAccount } from './capacity-settings';
import { proposeRebalance } from './rebalance';

const moved = (
  accounts: readonly CapacityAccount[],
  csms = [csmOf('ann', { name: 'Ann' }), csmOf('bob', { name: 'Bob' })],
) => proposeRebalance(csms, accounts, settings).moves.map((move) => `${move.accountId}→${move.toId}`);

describe('rebalancing proposal', () => {
  it('brings every CSM to capacity or below when the team has room, moving only from overloaded CSMs', () => {
    const csms = ['Ann', 'Bea', 'Cal', 'Dan'].map((name) => csmOf(name.toLowerCase(), { name }));
    const accounts = [
      ...accountsOf('ann', 32, { ownerId: 'ann' }),
      ...accountsOf('bea-high', 2, { ownerId: 'bea' }),
      ...accountsOf('bea-low', 100, { ownerId: 'bea', touchModel: 'low' }),
      ...accountsOf('cal', 20, { ownerId: 'cal' }),
      ...accountsOf('dan', 25, { ownerId: 'dan' }),
    ];
    const proposal = proposeRebalance(csms, accounts, settings);
    expect(proposal.before.map((load) => load.workload)).toEqual([32, 32, 20, 25]);
    expect(proposal.moves.map((move) => [move.fromId, move.toId, move.weight])).toEqual([
      ['ann', 'cal', 1],
      ['ann', 'cal', 1],
      ['bea', 'cal', 1],
      ['bea', 'cal', 1],
    ]);
    expect(proposal.after).toEqual([
      { csmId: 'ann', name: 'Ann', workload: 30, capacity: 30, utilisation: 1 },
      { csmId: 'bea', name: 'Bea', workload: 30, capacity: 30, utilisation: 1 },
      { csmId: 'cal', name: 'Cal', workload: 24, capacity: 30, utilisation: 0.8 },
      { csmId: 'dan', name: 'Dan', workload: 25, capacity: 30, utilisation: 0.8333 },
    ]);
    expect(proposal.unresolved).toEqual([]);
  });

  it('moves nothing when nobody is over capacity, however uneven the books', () => {
    const accounts = [
      ...accountsOf('ann', 30, { ownerId: 'ann' }),
      ...accountsOf('bob', 2, { ownerId: 'bob' }),
    ];
    expect(moved(accounts)).toEqual([]);
  });

  it('explains each move in words', () => {
    const accounts = [
      ...accountsOf('ann', 31, { ownerId: 'ann' }),
      ...accountsOf('bob', 20, { ownerId: 'bob' }),
    ];
    expect(
      proposeRebalance([csmOf('ann', { name: 'Ann' }), csmOf('bob', { name: 'Bob' })], accounts, settings)
        .moves[0]?.reason,
    ).toBe(
      'Ann is 1.0 over capacity (31.0 of 30.0); Bob covers Tier 1 and is the least utilised after the move, at 21.0 of 30.0 (70%)',
    );
  });

  describe('fewest moves', () => {
    it('takes the lightest single account that covers the excess rather than a heavier one', () => {
      const accounts = [
        ...accountsOf('ann-high', 30, { ownerId: 'ann' }),
        accountOf('ann-low', { ownerId: 'ann', touchModel: 'low' }),
      ];
      expect(moved(accounts)).toEqual(['ann-low→bob']);
    });

    it('moves one heavy account where moving the newest accounts first would take four', () => {
      const accounts = [
        ...accountsOf('old-high', 28, { ownerId: 'ann', ownedSince: '2020-01-01' }),
        ...accountsOf('new-low', 10, { ownerId: 'ann', touchModel: 'low', ownedSince: '2024-06-01' }),
      ];
      const proposal = proposeRebalance([csmOf('ann'), csmOf('bob')], accounts, settings);
      expect(proposal.before[0]?.workload).toBe(31);
      expect(proposal.moves.map((move) => move.weight)).toEqual([1]);
    });

    it('takes the heaviest until one account covers the rest: 1.2 over is one high and one low account', () => {
      const accounts = [
        ...accountsOf('ann-high', 30, { ownerId: 'ann' }),
        ...accountsOf('ann-low', 4, { ownerId: 'ann', touchModel: 'low' }),
      ];
      const proposal = proposeRebalance([csmOf('ann'), csmOf('bob')], accounts, settings);
      expect(proposal.moves.map((move) => move.weight)).toEqual([1, 0.3]);
      expect(proposal.after[0]?.workload).toBe(29.9);
    });

    it('prefers one low-touch account to four lighter, newer tech-touch ones', () => {
      const accounts = [
        ...accountsOf('ann-high', 28, { ownerId: 'ann', ownedSince: '2010-01-01' }),
        ...accountsOf('ann-low', 6, { ownerId: 'ann', touchModel: 'low', ownedSince: '2010-01-01' }),
        ...accountsOf('ann-tech', 8, { ownerId: 'ann', touchModel: 'tech', ownedSince: '2024-01-01' }),
      ];
      const proposal = proposeRebalance([csmOf('ann'), csmOf('bob')], accounts, settings);
      expect(proposal.before[0]?.workload).toBe(30.2);
      expect(proposal.moves.map((move) => [move.accountId, move.weight])).toEqual([['ann-low-1', 0.3]]);
    });
  });

  describe('continuity', () => {
    it('moves the most recently assigned of equally heavy accounts and keeps the longest held, unknown dates counting as longest', () => {
      const accounts = [
        accountOf('unknown', { ownerId: 'ann' }),
        ...accountsOf('held', 28, { ownerId: 'ann', ownedSince: '2021-03-01' }),
        accountOf('oldest-dated', { ownerId: 'ann', ownedSince: '2019-01-01' }),
        accountOf('newest', { ownerId: 'ann', ownedSince: '2024-05-01' }),
        accountOf('newer', { ownerId: 'ann', ownedSince: '2023-02-01' }),
      ];
      expect(moved(accounts)).toEqual(['newest→bob', 'newer→bob']);
    });

    it('breaks a tie of date and weight by account id', () => {
      const accounts = [
        ...accountsOf('same', 29, { ownerId: 'ann', ownedSince: '2022-01-01' }),
        accountOf('b-late', { ownerId: 'ann', ownedSince: '2024-01-01' }),
        accountOf('a-late', { ownerId: 'ann', ownedSince: '2024-01-01' }),
      ];
      expect(moved(accounts)).toEqual(['a-late→bob']);
    });
  });

  describe('coverage', () => {
    it('moves an account only to a CSM covering its tier, or covering every tier', () => {
      const csms = [
        csmOf('ann', { covers: ['Tier 1'] }),
        csmOf('bob', { covers: ['Tier 2'] }),
        csmOf('cal', { covers: ['Tier 1'] }),
        csmOf('dan', { covers: [] }),
      ];
      const accounts = [
        ...accountsOf('ann', 31, { ownerId: 'ann' }),
        ...accountsOf('cal', 25, { ownerId: 'cal' }),
        ...accountsOf('dan', 26, { ownerId: 'dan' }),
      ];
      expect(moved(accounts, csms)).toEqual(['ann-1→cal']);
    });

    it('sends an account without a tier only to a CSM who covers every tier', () => {
      const csms = [csmOf('ann'), csmOf('bob', { covers: ['Tier 1'] }), csmOf('cal')];
      const accounts = [
        ...accountsOf('ann', 30, { ownerId: 'ann', ownedSince: '2020-01-01' }),
        accountOf('untiered', { ownerId: 'ann', tier: null, ownedSince: '2024-01-01' }),
        ...accountsOf('cal', 20, { ownerId: 'cal' }),
      ];
      expect(moved(accounts, csms)).toEqual(['untiered→cal']);
    });

    it('chooses the lowest utilisation after the move, not the most room, and never fills anyone past capacity', () => {
      const csms = [
        csmOf('ann'),
        csmOf('amy', { name: 'Amy' }),
        csmOf('bo', { name: 'Bo', workloadCapacity: 10 }),
        csmOf('eve', { name: 'Eve', workloadCapacity: 2 }),
      ];
      const accounts = [
        ...accountsOf('ann', 31, { ownerId: 'ann' }),
        ...accountsOf('amy', 20, { ownerId: 'amy' }),
        ...accountsOf('bo', 5, { ownerId: 'bo' }),
        ...accountsOf('eve', 5, { ownerId: 'eve', touchModel: 'low' }),
      ];
      const proposal = proposeRebalance(csms, accounts, settings);
      expect(proposal.before[3]?.utilisation).toBe(0.75);
      expect(proposal.moves.map((move) => move.toId)).toEqual(['bo']);
    });

    it('breaks a tie of utilisation by name, then id', () => {
      const csms = [
        csmOf('ann'),
        csmOf('z', { name: 'Zed' }),
        csmOf('y', { name: 'Amy' }),
        csmOf('x', { name: 'Amy' }),
      ];
      const accounts = [
        ...accountsOf('ann', 31, { ownerId: 'ann' }),
        ...['z', 'y', 'x'].flatMap((id) => accountsOf(id, 20, { ownerId: id })),
      ];
      expect(moved(accounts, csms)).toEqual(['ann-1→x']);
    });
  });

  describe('unresolved excess', () => {
    it('reports excess nobody covering the tier has room for, in words', () => {
      const csms = [
        csmOf('ann', { name: 'Ann', covers: ['Tier 1'] }),
        csmOf('bob', { name: 'Bob', covers: ['Tier 1'], workloadCapacity: 10 }),
        csmOf('cal', { name: 'Cal', covers: ['Tier 2'] }),
      ];
      const accounts = [
        ...accountsOf('ann', 32, { ownerId: 'ann' }),
        ...accountsOf('bob-high', 9, { ownerId: 'bob' }),
        accountOf('bob-low', { ownerId: 'bob', touchModel: 'low' }),
      ];
      const proposal = proposeRebalance(csms, accounts, settings);
      expect(proposal.moves).toEqual([]);
      expect(proposal.unresolved).toEqual([
        {
          csmId: 'ann',
          excess: 2,
          why: 'Ann stays 2.0 over capacity: no CSM covering Tier 1 has room for 1.0 more workload',
        },
      ]);
    });

    it('moves what fits and reports the rest, naming a tier nobody else covers', () => {
      const csms = [
        csmOf('ann', { name: 'Ann' }),
        csmOf('bob', { name: 'Bob', covers: ['Tier 1'], workloadCapacity: 10 }),
      ];
      const accounts = [
        ...accountsOf('ann-t1', 30, { ownerId: 'ann' }),
        ...accountsOf('ann-t2', 3, { ownerId: 'ann', tier: 'Tier 2' }),
        ...accountsOf('bob', 9, { ownerId: 'bob' }),
      ];
      const proposal = proposeRebalance(csms, accounts, settings);
      expect(proposal.moves.map((move) => move.toId)).toEqual(['bob']);
      expect(proposal.unresolved).toEqual([
        {
          csmId: 'ann',
          excess: 2,
          why: 'Ann stays 2.0 over capacity: no CSM covering Tier 1 has room for 1.0 more workload; no other CSM covers Tier 2',
        },
      ]);
    });

    it('empties the book of a CSM with no capacity when others have room', () => {
      const csms = [csmOf('leave', { workloadCapacity: 0 }), csmOf('bob')];
      const proposal = proposeRebalance(csms, accountsOf('leave', 3, { ownerId: 'leave' }), settings);
      expect(proposal.moves).toHaveLength(3);
      expect(proposal.after[0]).toEqual({
        csmId: 'leave',
        name: 'leave',
        workload: 0,
        capacity: 0,
        utilisation: null,
      });
    });
  });

  it('is deterministic: the same moves whatever the input order', () => {
    const csms = [
      csmOf('ann', { name: 'Ann' }),
      csmOf('bea', { name: 'Bea' }),
      csmOf('cal', { name: 'Cal' }),
      csmOf('dan', { name: 'Dan' }),
    ];
    const accounts = [
      ...accountsOf('ann', 33, { ownerId: 'ann' }),
      ...accountsOf('bea', 104, { ownerId: 'bea', touchModel: 'low' }),
      ...accountsOf('cal', 26, { ownerId: 'cal' }),
      ...accountsOf('dan', 26, { ownerId: 'dan' }),
    ];
    const first = proposeRebalance(csms, accounts, settings);
    expect(proposeRebalance(csms, accounts, settings)).toEqual(first);
    const reversed = proposeRebalance([...csms].reverse(), [...accounts].reverse(), settings);
    expect(reversed.moves).toEqual(first.moves);
    expect(reversed.unresolved).toEqual(first.unresolved);
    expect(first.after.every((load) => load.workload <= 30)).toBe(true);
  });
});
