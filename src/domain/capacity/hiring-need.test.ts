import { describe, expect, it } from 'vitest';
import { accountOf, accountsOf, csmOf } from './capacity.fixture';
import { defaultCapacitySettings as settings } from './capacity-settings';
import { hiringNeed, hiringNeedProblems, type HiringNeedInput } from './hiring-need';

const tiers = [
  { name: 'Tier 1', touchModel: 'high' as const },
  { name: 'Tier 2', touchModel: 'low' as const },
  { name: 'Tier 3', touchModel: 'tech' as const },
];

const inputOf = (overrides: Partial<HiringNeedInput>): HiringNeedInput => ({
  csms: [csmOf('ann', { name: 'Ann' })],
  accounts: [],
  settings,
  tiers,
  expectedNew: {},
  quarterStart: '2025-01-01',
  ...overrides,
});

const needOf = (input: HiringNeedInput, model: 'high' | 'low' | 'tech') => {
  const need = hiringNeed(input).touchModels.find((candidate) => candidate.touchModel === model);
  if (need === undefined) throw new Error(`no ${model} need`);
  return need;
};

describe('hiring need', () => {
  it('finds the month capacity runs out and starts hiring the lead time before it', () => {
    const input = inputOf({
      accounts: accountsOf('ann', 27, { ownerId: 'ann' }),
      csms: [csmOf('ann', { name: 'Ann', covers: ['Tier 1'] })],
      expectedNew: { 'Tier 1': 6 },
    });
    expect(needOf(input, 'high')).toEqual({
      touchModel: 'high',
      currentWorkload: 27,
      capacity: 30,
      addedWorkload: 6,
      monthEnds: [
        { month: '2025-01-01', workload: 29 },
        { month: '2025-02-01', workload: 31 },
        { month: '2025-03-01', workload: 33 },
      ],
      endWorkload: 33,
      csmsNeeded: 1,
      runsOutIn: '2025-02-01',
      startHiringBy: '2024-11-03',
      explanation:
        'High touch has 27.0 workload against 30.0 capacity; 6 new accounts add 6.0 over the quarter, so capacity runs out in 2025-02, 1 more CSM is needed, and hiring should start by 2024-11-03.',
    });
    expect(hiringNeed(input).csmsNeeded).toBe(1);
  });

  it('spreads new accounts evenly over the three months, exact to a third', () => {
    const input = inputOf({
      accounts: accountsOf('ann', 29, { ownerId: 'ann' }),
      expectedNew: { 'Tier 1': 2 },
    });
    const need = needOf(input, 'high');
    expect(need.monthEnds.map((month) => month.workload)).toEqual([29.67, 30.33, 31]);
    expect(need.runsOutIn).toBe('2025-02-01');
  });

  it('a month ending exactly at capacity has not run out', () => {
    const input = inputOf({
      accounts: accountsOf('ann', 27, { ownerId: 'ann' }),
      csms: [csmOf('ann', { covers: ['Tier 1'] })],
      expectedNew: { 'Tier 1': 9 },
    });
    expect(needOf(input, 'high')).toMatchObject({ runsOutIn: '2025-02-01', csmsNeeded: 1 });
  });

  it('needs no hire when capacity lasts the quarter', () => {
    const input = inputOf({
      accounts: accountsOf('ann', 50, { ownerId: 'ann', tier: 'Tier 2', touchModel: 'low' }),
      expectedNew: { 'Tier 2': 20 },
    });
    expect(needOf(input, 'low')).toMatchObject({
      currentWorkload: 15,
      capacity: 30,
      addedWorkload: 6,
      endWorkload: 21,
      csmsNeeded: 0,
      runsOutIn: null,
      startHiringBy: null,
      explanation:
        'Low touch has 15.0 workload against 30.0 capacity; 20 new accounts add 6.0, reaching 21.0 by the end of the quarter, so no hire is needed.',
    });
  });

  it('says when capacity has already run out, with a hiring date before the quarter', () => {
    const input = inputOf({
      accounts: accountsOf('ann', 32, { ownerId: 'ann' }),
      quarterStart: '2025-04-01',
    });
    expect(needOf(input, 'high')).toMatchObject({
      runsOutIn: '2025-04-01',
      startHiringBy: '2025-01-01',
      csmsNeeded: 1,
      explanation:
        'High touch has 32.0 workload against 30.0 capacity, so it is already short; no new accounts are expected, so 1 more CSM is needed, and hiring should have started by 2025-01-01.',
    });
  });

  it('rounds the CSMs needed up: a shortfall of 31 units needs two CSMs of 30', () => {
    const input = inputOf({
      accounts: accountsOf('ann', 30, { ownerId: 'ann' }),
      csms: [csmOf('ann', { covers: ['Tier 1'] })],
      expectedNew: { 'Tier 1': 31 },
    });
    expect(needOf(input, 'high')).toMatchObject({ endWorkload: 61, csmsNeeded: 2, runsOutIn: '2025-01-01' });
  });

  it('counts unowned accounts in the workload and uses the team’s lead time', () => {
    const input = inputOf({
      accounts: [
        ...accountsOf('ann', 29, { ownerId: 'ann' }),
        accountOf('unowned'),
        accountOf('gone', { ownerId: 'x' }),
      ],
      settings: { ...settings, hiringLeadDays: 30 },
    });
    expect(needOf(input, 'high')).toMatchObject({
      currentWorkload: 31,
      runsOutIn: '2025-01-01',
      startHiringBy: '2024-12-02',
    });
  });

  it('splits a CSM’s capacity across touch models in proportion to the workload carried', () => {
    const input = inputOf({
      accounts: [
        ...accountsOf('high', 15, { ownerId: 'ann' }),
        ...accountsOf('low', 50, { ownerId: 'ann', tier: 'Tier 2', touchModel: 'low' }),
      ],
    });
    expect(hiringNeed(input).touchModels.map((need) => [need.touchModel, need.capacity])).toEqual([
      ['high', 15],
      ['low', 15],
      ['tech', 0],
    ]);
  });

  it('splits in whole hundredths that add up to the CSM’s capacity', () => {
    // 20 high (20.0) and 30 low (9.0): 30 × 20/29 = 20.689… and 30 × 9/29 = 9.310…
    const input = inputOf({
      accounts: [
        ...accountsOf('high', 20, { ownerId: 'ann' }),
        ...accountsOf('low', 30, { ownerId: 'ann', tier: 'Tier 2', touchModel: 'low' }),
      ],
    });
    expect(hiringNeed(input).touchModels.map((need) => need.capacity)).toEqual([20.69, 9.31, 0]);
  });

  it('splits an empty book evenly over the touch models of the tiers the CSM covers', () => {
    const input = inputOf({
      csms: [csmOf('ann', { covers: ['Tier 1', 'Tier 2'] }), csmOf('bob')],
    });
    expect(hiringNeed(input).touchModels.map((need) => need.capacity)).toEqual([25, 25, 10]);
  });

  it('lists what to fix in the input, and refuses to plan with it', () => {
    const input = inputOf({ expectedNew: { 'Tier 9': 3, 'Tier 1': -1 }, quarterStart: '2025-01-15' });
    expect(hiringNeedProblems(input)).toEqual([
      { field: 'quarterStart', message: '"2025-01-15" must be the first day of a month, as YYYY-MM-01' },
      {
        field: 'expectedNew.Tier 9',
        message: 'no tier is named "Tier 9"; use one of Tier 1, Tier 2, Tier 3',
      },
      { field: 'expectedNew.Tier 1', message: 'must be a whole number of customers, 0 or more' },
    ]);
    expect(() => hiringNeed(input)).toThrow(
      'Cannot plan hiring: quarterStart "2025-01-15" must be the first day of a month, as YYYY-MM-01; ',
    );
  });
});
