import { describe, expect, it } from 'vitest';
import { accountOf, accountsOf, csmOf } from './capacity.fixture';
import { defaultCapacitySettings as settings } from './capacity-settings';
import { books } from './csm-books';

const ann = csmOf('ann', { name: 'Ann' });

describe('CSM books', () => {
  it('count accounts, ARR and exact workload per touch model, against the ARR target of the main model', () => {
    const accounts = [
      ...accountsOf('high', 10, { ownerId: 'ann', arr: 50_000_00 }),
      ...accountsOf('low', 20, { ownerId: 'ann', touchModel: 'low', arr: 10_000_00 }),
      ...accountsOf('tech', 40, { ownerId: 'ann', touchModel: 'tech', arr: 1_000_00 }),
    ];
    expect(books([ann], accounts, settings).csms).toEqual([
      {
        csmId: 'ann',
        name: 'Ann',
        accounts: 70,
        arr: 740_000_00,
        workload: 18,
        capacity: 30,
        utilisation: 0.6,
        accountsByTouchModel: { high: 10, low: 20, tech: 40 },
        arrTarget: { touchModel: 'high', amount: 1_000_000_00 },
        flag: 'ok',
      },
    ]);
  });

  it('a hundred low-touch accounts fill a CSM exactly, without floating-point drift tipping them over', () => {
    const book = books([ann], accountsOf('low', 100, { ownerId: 'ann', touchModel: 'low' }), settings)
      .csms[0];
    expect(book?.workload).toBe(30);
    expect(book?.utilisation).toBe(1);
    expect(book?.flag).toBe('ok');
  });

  it('flag above overloadAt as over and below underloadAt as under, both thresholds themselves ok', () => {
    const csms = ['c31', 'c30', 'c18', 'c17'].map((id) => csmOf(id));
    const accounts = [
      ...accountsOf('c31', 31, { ownerId: 'c31' }),
      ...accountsOf('c30', 30, { ownerId: 'c30' }),
      ...accountsOf('c18', 18, { ownerId: 'c18' }),
      ...accountsOf('c17', 17, { ownerId: 'c17' }),
    ];
    expect(books(csms, accounts, settings).csms.map((book) => book.flag)).toEqual([
      'over',
      'ok',
      'ok',
      'under',
    ]);
  });

  it('take the ARR target of the model carrying most workload, not most accounts; a tie goes to the higher touch', () => {
    const lowHeavy = [
      ...accountsOf('h', 10, { ownerId: 'ann' }),
      ...accountsOf('l', 40, { ownerId: 'ann', touchModel: 'low' }),
    ];
    expect(books([ann], lowHeavy, settings).csms[0]?.arrTarget).toEqual({
      touchModel: 'low',
      amount: 2_000_000_00,
    });
    const tied = [
      ...accountsOf('h', 3, { ownerId: 'ann' }),
      ...accountsOf('l', 10, { ownerId: 'ann', touchModel: 'low' }),
    ];
    expect(books([ann], tied, settings).csms[0]?.arrTarget?.touchModel).toBe('high');
  });

  it('an empty book has no ARR target and is underloaded', () => {
    expect(books([ann], [], settings).csms[0]).toMatchObject({
      accounts: 0,
      workload: 0,
      utilisation: 0,
      arrTarget: null,
      flag: 'under',
    });
  });

  it('use a CSM’s own capacity, and give no utilisation when it is 0', () => {
    const halfTime = csmOf('half', { workloadCapacity: 15 });
    const onLeave = csmOf('leave', { workloadCapacity: 0 });
    const accounts = [...accountsOf('h', 15, { ownerId: 'half' }), accountOf('x', { ownerId: 'leave' })];
    const [half, leave] = books([halfTime, onLeave], accounts, settings).csms;
    expect(half).toMatchObject({ capacity: 15, workload: 15, utilisation: 1, flag: 'ok' });
    expect(leave).toMatchObject({ capacity: 0, workload: 1, utilisation: null, flag: 'over' });
  });

  it('total the team and keep accounts with no owner, or an owner not listed, apart', () => {
    const bob = csmOf('bob', { name: 'Bob' });
    const accounts = [
      ...accountsOf('a', 31, { ownerId: 'ann', arr: 10_00 }),
      ...accountsOf('b', 10, { ownerId: 'bob', touchModel: 'low', arr: 20_00 }),
      accountOf('none', { touchModel: 'low', arr: 5_00 }),
      accountOf('gone', { ownerId: 'former-csm', arr: 7_00 }),
    ];
    const result = books([ann, bob], accounts, settings);
    expect(result.team).toEqual({
      csms: 2,
      accounts: 41,
      arr: 510_00,
      workload: 34,
      capacity: 60,
      utilisation: 0.5667,
      accountsByTouchModel: { high: 31, low: 10, tech: 0 },
      overloaded: 1,
      underloaded: 1,
    });
    expect(result.unowned).toEqual({ accounts: 2, arr: 12_00, workload: 1.3 });
  });
});
