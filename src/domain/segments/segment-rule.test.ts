import { describe, expect, it } from 'vitest';
import {
  evaluateSegmentRule,
  type FieldType,
  type FieldValue,
  type SegmentCondition,
  type SegmentRule,
  validateSegmentRule,
} from './segment-rule';

const fields: Record<string, FieldType> = {
  arr: 'number',
  healthScore: 'number',
  tier: 'text',
  stage: 'text',
  renewalDate: 'date',
  strategic: 'boolean',
};
const TODAY = '2026-11-24';
const condition = (
  field: string,
  operator: SegmentCondition['operator'],
  value?: SegmentCondition['value'],
): SegmentCondition => ({
  kind: 'condition',
  field,
  operator,
  ...(value === undefined ? {} : { value }),
});
const matches = (rule: SegmentRule, account: Record<string, FieldValue>) =>
  evaluateSegmentRule(rule, account, fields, TODAY);

describe('segment rule evaluation', () => {
  it('compares numbers with every operator, bounds of between included', () => {
    const account = { arr: 100_000 };
    expect(matches(condition('arr', 'eq', 100_000), account)).toBe(true);
    expect(matches(condition('arr', 'neq', 100_000), account)).toBe(false);
    expect(matches(condition('arr', 'gt', 100_000), account)).toBe(false);
    expect(matches(condition('arr', 'gte', 100_000), account)).toBe(true);
    expect(matches(condition('arr', 'lt', 100_001), account)).toBe(true);
    expect(matches(condition('arr', 'lte', 99_999), account)).toBe(false);
    expect(matches(condition('arr', 'between', [100_000, 200_000]), account)).toBe(true);
    expect(matches(condition('arr', 'between', [50_000, 99_999.99]), account)).toBe(false);
  });

  it('compares text case-insensitively, ignoring surrounding spaces', () => {
    const account = { tier: ' Enterprise ' };
    expect(matches(condition('tier', 'eq', 'enterprise'), account)).toBe(true);
    expect(matches(condition('tier', 'neq', 'ENTERPRISE'), account)).toBe(false);
    expect(matches(condition('tier', 'contains', 'PRIS'), account)).toBe(true);
    expect(matches(condition('tier', 'not_contains', 'mid'), account)).toBe(true);
    expect(matches(condition('tier', 'starts_with', 'ent'), account)).toBe(true);
    expect(matches(condition('tier', 'in', ['Growth', 'enterprise']), account)).toBe(true);
    expect(matches(condition('tier', 'not_in', ['Growth', 'Starter']), account)).toBe(true);
  });

  it('compares days, and counts renewals within the next N days from today, both ends included', () => {
    expect(matches(condition('renewalDate', 'on', '2027-01-08'), { renewalDate: '2027-01-08' })).toBe(true);
    expect(matches(condition('renewalDate', 'before', '2027-01-08'), { renewalDate: '2027-01-07' })).toBe(
      true,
    );
    expect(matches(condition('renewalDate', 'after', '2027-01-08'), { renewalDate: '2027-01-08' })).toBe(
      false,
    );
    expect(
      matches(condition('renewalDate', 'between', ['2026-12-01', '2026-12-31']), {
        renewalDate: '2026-12-31',
      }),
    ).toBe(true);
    const within90 = condition('renewalDate', 'within_next_days', 90);
    expect(matches(within90, { renewalDate: '2026-11-24' })).toBe(true);
    expect(matches(within90, { renewalDate: '2027-02-22' })).toBe(true); // today + 90
    expect(matches(within90, { renewalDate: '2027-02-23' })).toBe(false);
    expect(matches(within90, { renewalDate: '2026-11-23' })).toBe(false);
    expect(matches(condition('renewalDate', 'within_last_days', 7), { renewalDate: '2026-11-17' })).toBe(
      true,
    );
    expect(matches(condition('renewalDate', 'within_last_days', 7), { renewalDate: '2026-11-16' })).toBe(
      false,
    );
  });

  it('tests booleans and emptiness; an empty field meets only is_empty and the negative operators', () => {
    expect(matches(condition('strategic', 'is_true'), { strategic: true })).toBe(true);
    expect(matches(condition('strategic', 'is_false'), { strategic: true })).toBe(false);
    const none = { tier: '  ', arr: null };
    expect(matches(condition('tier', 'is_empty'), none)).toBe(true);
    expect(matches(condition('arr', 'is_not_empty'), none)).toBe(false);
    expect(matches(condition('tier', 'eq', 'Enterprise'), none)).toBe(false);
    expect(matches(condition('tier', 'neq', 'Enterprise'), none)).toBe(true);
    expect(matches(condition('tier', 'not_in', ['Enterprise']), none)).toBe(true);
    expect(matches(condition('arr', 'lt', 1), none)).toBe(false);
    expect(matches(condition('strategic', 'is_false'), {})).toBe(false);
  });

  it('combines AND and OR groups at any depth; an empty group matches everyone', () => {
    // Tier 1: ARR ≥ 100k or strategic, and not churned-looking (health above 20).
    const tierOne: SegmentRule = {
      kind: 'group',
      combinator: 'and',
      rules: [
        {
          kind: 'group',
          combinator: 'or',
          rules: [condition('arr', 'gte', 100_000), condition('strategic', 'is_true')],
        },
        condition('healthScore', 'gt', 20),
      ],
    };
    expect(matches(tierOne, { arr: 150_000, strategic: false, healthScore: 60 })).toBe(true);
    expect(matches(tierOne, { arr: 20_000, strategic: true, healthScore: 60 })).toBe(true);
    expect(matches(tierOne, { arr: 20_000, strategic: false, healthScore: 60 })).toBe(false);
    expect(matches(tierOne, { arr: 150_000, strategic: true, healthScore: 10 })).toBe(false);
    expect(matches({ kind: 'group', combinator: 'or', rules: [] }, {})).toBe(true);
  });
});

describe('segment rule validation', () => {
  it('accepts a well-formed rule', () => {
    expect(
      validateSegmentRule(
        {
          kind: 'group',
          combinator: 'and',
          rules: [condition('arr', 'between', [1, 2]), condition('renewalDate', 'within_next_days', 30)],
        },
        fields,
      ),
    ).toEqual([]);
  });

  it('names every problem by its path: unknown field, operator of another type, missing or wrong value', () => {
    const rule: SegmentRule = {
      kind: 'group',
      combinator: 'and',
      rules: [
        condition('plan', 'eq', 'Pro'),
        condition('tier', 'gt', 3),
        condition('arr', 'gte', 'lots'),
        {
          kind: 'group',
          combinator: 'or',
          rules: [condition('arr', 'between', [9, 1]), condition('renewalDate', 'on', '24/11/2026')],
        },
        condition('tier', 'in', []),
        condition('strategic', 'is_true', 'yes'),
        condition('renewalDate', 'within_next_days', -5),
      ],
    };
    expect(validateSegmentRule(rule, fields)).toEqual([
      { path: 'rule.rules[0].field', message: 'unknown field "plan"' },
      {
        path: 'rule.rules[1].operator',
        message:
          '"gt" does not apply to a text field; use one of eq, neq, contains, not_contains, starts_with, in, not_in, is_empty, is_not_empty',
      },
      { path: 'rule.rules[2].value', message: 'a number' },
      { path: 'rule.rules[3].rules[0].value', message: 'the first bound must not be above the second' },
      { path: 'rule.rules[3].rules[1].value', message: 'a day as YYYY-MM-DD' },
      { path: 'rule.rules[4].value', message: 'a non-empty list of texts' },
      { path: 'rule.rules[5].value', message: '"is_true" takes no value' },
      { path: 'rule.rules[6].value', message: 'a whole number of days (0 or more)' },
    ]);
  });
});
