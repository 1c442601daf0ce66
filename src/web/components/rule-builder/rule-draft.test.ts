import { describe, expect, it } from 'vitest';
import type { SegmentGroup } from '../../../domain/segments';
import type { SegmentField } from '../../../shared/api/segments.contract';
import { ApiError } from '../../api/api-client';
import {
  appendRule,
  asRootGroup,
  changeField,
  changeOperator,
  describeFirstProblem,
  describeRule,
  localRuleProblems,
  newCondition,
  normaliseProblemPath,
  partProblem,
  replaceRule,
  serverRuleProblems,
  unplacedProblems,
} from './rule-draft';

const field = (
  key: string,
  label: string,
  type: SegmentField['type'],
  extra: Partial<SegmentField> = {},
): SegmentField => ({
  key,
  label,
  type,
  origin: 'account',
  operators: {
    number: ['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'between', 'is_empty', 'is_not_empty'],
    text: [
      'eq',
      'neq',
      'contains',
      'not_contains',
      'starts_with',
      'in',
      'not_in',
      'is_empty',
      'is_not_empty',
    ],
    date: [
      'on',
      'before',
      'after',
      'between',
      'within_next_days',
      'within_last_days',
      'is_empty',
      'is_not_empty',
    ],
    boolean: ['is_true', 'is_false', 'is_empty', 'is_not_empty'],
  }[type] as SegmentField['operators'],
  unit: null,
  description: '',
  values: null,
  ...extra,
});

const arr = field('arr', 'ARR', 'number', { unit: 'USD', origin: 'metric' });
const tier = field('tier', 'Tier', 'text', { values: ['Enterprise', 'Growth'] });
const renewal = field('renewal_date', 'Renewal date', 'date');
const strategic = field('traits.strategic', 'strategic', 'boolean', { origin: 'trait' });
const fields = [arr, tier, renewal, strategic];

const rule: SegmentGroup = {
  kind: 'group',
  combinator: 'and',
  rules: [
    { kind: 'condition', field: 'arr', operator: 'gte', value: 100000 },
    {
      kind: 'group',
      combinator: 'or',
      rules: [
        { kind: 'condition', field: 'tier', operator: 'in', value: ['Enterprise', 'Growth'] },
        { kind: 'condition', field: 'traits.strategic', operator: 'is_true' },
      ],
    },
  ],
};

describe('rule builder draft', () => {
  it('starts a condition with a blank value, numbers on “is at least” and others on their first operator', () => {
    expect(newCondition(arr)).toEqual({ kind: 'condition', field: 'arr', operator: 'gte' });
    expect(newCondition(tier)).toEqual({ kind: 'condition', field: 'tier', operator: 'eq', value: '' });
    expect(newCondition(strategic)).toEqual({
      kind: 'condition',
      field: 'traits.strategic',
      operator: 'is_true',
    });
  });

  it('keeps the operator and value when the new field takes them, and resets them when it does not', () => {
    const condition = { kind: 'condition', field: 'arr', operator: 'gte', value: 5 } as const;
    expect(changeField(condition, 'number', field('mrr', 'MRR', 'number'))).toEqual({
      ...condition,
      field: 'mrr',
    });
    expect(changeField(condition, 'number', tier)).toEqual({
      kind: 'condition',
      field: 'tier',
      operator: 'eq',
      value: '',
    });
  });

  it('carries a text into a list and back when the operator changes, and resets other shapes', () => {
    const text = { kind: 'condition', field: 'tier', operator: 'eq', value: ' Enterprise ' } as const;
    expect(changeOperator(text, 'text', 'in')).toEqual({ ...text, operator: 'in', value: ['Enterprise'] });
    expect(changeOperator({ ...text, operator: 'in', value: ['Growth'] }, 'text', 'neq')).toEqual({
      ...text,
      operator: 'neq',
      value: 'Growth',
    });
    expect(
      changeOperator(
        { kind: 'condition', field: 'renewal_date', operator: 'on', value: '2026-01-01' },
        'date',
        'within_next_days',
      ),
    ).toEqual({
      kind: 'condition',
      field: 'renewal_date',
      operator: 'within_next_days',
      value: 30,
    });
    expect(changeOperator(text, 'text', 'is_empty')).toEqual({
      kind: 'condition',
      field: 'tier',
      operator: 'is_empty',
    });
  });

  it('replaces, removes and appends rules by index path without touching the rest', () => {
    const removed = replaceRule(rule, [1, 0], null);
    expect(removed.rules[1]).toEqual({
      kind: 'group',
      combinator: 'or',
      rules: [{ kind: 'condition', field: 'traits.strategic', operator: 'is_true' }],
    });
    expect(removed.rules[0]).toBe(rule.rules[0]);
    const appended = appendRule(rule, [1], {
      kind: 'condition',
      field: 'renewal_date',
      operator: 'is_empty',
    });
    expect((appended.rules[1] as SegmentGroup).rules).toHaveLength(3);
    expect(asRootGroup({ kind: 'condition', field: 'arr', operator: 'gt', value: 1 })).toEqual({
      kind: 'group',
      combinator: 'and',
      rules: [{ kind: 'condition', field: 'arr', operator: 'gt', value: 1 }],
    });
  });

  it('reads the server’s problem paths in both spellings as builder paths, and ignores other fields', () => {
    expect(normaliseProblemPath('body.rule.rules.1.rules.0.value', 'body.rule')).toBe(
      'rule.rules[1].rules[0].value',
    );
    expect(normaliseProblemPath('body.entryRule.rules[2].operator', 'body.entryRule')).toBe(
      'rule.rules[2].operator',
    );
    expect(normaliseProblemPath('body.name', 'body.rule')).toBeNull();
    const error = new ApiError(400, 'Invalid request', 'x', [
      { field: 'body.rule.rules[1].rules[0].value', message: 'a non-empty list of texts' },
      { field: 'body.name', message: 'give the segment a name' },
    ]);
    const problems = serverRuleProblems(error, 'body.rule');
    expect(problems).toEqual([
      { path: 'rule.rules[1].rules[0].value', message: 'Needs a non-empty list of texts' },
    ]);
    expect(partProblem(problems, [1, 0], 'value')).toBe('Needs a non-empty list of texts');
    expect(partProblem(problems, [1, 1], 'value')).toBeUndefined();
    expect(unplacedProblems(rule, problems)).toEqual([]);
    expect(unplacedProblems(replaceRule(rule, [1], null), problems)).toEqual(problems);
  });

  it('finds blank values before the server is asked, and says where', () => {
    const draft = appendRule(rule, [], newCondition(tier));
    const problems = localRuleProblems(draft, fields);
    expect(problems).toEqual([{ path: 'rule.rules[2].value', message: 'Type a text' }]);
    expect(describeFirstProblem(problems)).toBe('condition 3: type a text');
    expect(localRuleProblems(appendRule(rule, [], newCondition(arr)), fields)).toEqual([
      { path: 'rule.rules[2].value', message: 'Needs a number' },
    ]);
    expect(
      localRuleProblems({ kind: 'group', combinator: 'and', rules: [] }, fields, { requireCondition: true }),
    ).toEqual([
      { path: 'rule', message: 'Add at least one condition (an empty rule matches every account)' },
    ]);
    expect(localRuleProblems(rule, fields)).toEqual([]);
  });

  it('describes a rule in one line with labels, units and operator words', () => {
    expect(describeRule(rule, fields)).toBe(
      'ARR is at least $100,000 and (Tier is any of “Enterprise”, “Growth” or strategic is yes)',
    );
    expect(describeRule({ kind: 'group', combinator: 'and', rules: [] }, fields)).toBe('every account');
  });
});
