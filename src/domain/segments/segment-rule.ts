/**
 * Segment rules (issue #7): conditions on account fields, traits and metrics, combined in AND/OR
 * groups to any depth. This module is the reference semantics — pure, no I/O — that the SQL
 * compiler must match, as `scoreAccount` is for health scoring.
 */

/** The type of a field decides which operators apply and how values compare. */
export type FieldType = 'number' | 'text' | 'date' | 'boolean';

export const operatorsByType = {
  number: ['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'between', 'is_empty', 'is_not_empty'],
  text: ['eq', 'neq', 'contains', 'not_contains', 'starts_with', 'in', 'not_in', 'is_empty', 'is_not_empty'],
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
} as const satisfies Record<FieldType, readonly string[]>;

export type Operator = (typeof operatorsByType)[FieldType][number];

/** One test of one field, e.g. `{ field: 'arr', operator: 'gte', value: 100000 }`. */
export interface SegmentCondition {
  kind: 'condition';
  field: string;
  operator: Operator;
  /**
   * number: a number, or [low, high] for between (both included); text: a string, or a list for
   * in / not_in; date: YYYY-MM-DD, [from, to] for between, or a day count for within_*; none for
   * is_empty, is_not_empty, is_true, is_false.
   */
  value?: number | string | readonly (number | string)[];
}

/** All (and) or any (or) of its rules; an empty group matches every account. */
export interface SegmentGroup {
  kind: 'group';
  combinator: 'and' | 'or';
  rules: readonly SegmentRule[];
}

export type SegmentRule = SegmentCondition | SegmentGroup;

/** A field's value on one account: null (or absent) when the account has none. */
export type FieldValue = number | string | boolean | null | undefined;

/** Where a rule problem is (`rules[1].rules[0].value`) and what is wrong, in words. */
export interface RuleProblem {
  path: string;
  message: string;
}

const isDay = (value: unknown): value is string =>
  typeof value === 'string' &&
  /^\d{4}-\d{2}-\d{2}$/.test(value) &&
  !Number.isNaN(Date.parse(`${value}T00:00:00Z`));
const DAY_MS = 86_400_000;
const dayNumber = (day: string) => Math.round(Date.parse(`${day}T00:00:00Z`) / DAY_MS);

/** The problems of a rule against a field catalogue (field → type); empty when it can be evaluated. */
export function validateSegmentRule(
  rule: SegmentRule,
  fields: Readonly<Record<string, FieldType>>,
  path = 'rule',
): RuleProblem[] {
  if (rule.kind === 'group') {
    if (rule.combinator !== 'and' && rule.combinator !== 'or')
      return [{ path: `${path}.combinator`, message: 'must be "and" or "or"' }];
    return rule.rules.flatMap((child, index) =>
      validateSegmentRule(child, fields, `${path}.rules[${index}]`),
    );
  }
  const type = fields[rule.field];
  if (type === undefined) return [{ path: `${path}.field`, message: `unknown field "${rule.field}"` }];
  const allowed: readonly string[] = operatorsByType[type];
  if (!allowed.includes(rule.operator)) {
    return [
      {
        path: `${path}.operator`,
        message: `"${rule.operator}" does not apply to a ${type} field; use one of ${allowed.join(', ')}`,
      },
    ];
  }
  const problem = (message: string) => [{ path: `${path}.value`, message }];
  const { operator, value } = rule;
  if (['is_empty', 'is_not_empty', 'is_true', 'is_false'].includes(operator)) {
    return value === undefined ? [] : problem(`"${operator}" takes no value`);
  }
  if (operator === 'between') {
    const valid =
      type === 'number' ? (item: unknown) => typeof item === 'number' && Number.isFinite(item) : isDay;
    if (!Array.isArray(value) || value.length !== 2 || !value.every(valid)) {
      return problem(
        type === 'number'
          ? 'between needs [low, high] numbers'
          : 'between needs [from, to] days (YYYY-MM-DD)',
      );
    }
    return (value[0] as number | string) > (value[1] as number | string)
      ? problem('the first bound must not be above the second')
      : [];
  }
  if (operator === 'within_next_days' || operator === 'within_last_days') {
    return typeof value === 'number' && Number.isInteger(value) && value >= 0
      ? []
      : problem('a whole number of days (0 or more)');
  }
  if (operator === 'in' || operator === 'not_in') {
    return Array.isArray(value) && value.length > 0 && value.every((item) => typeof item === 'string')
      ? []
      : problem('a non-empty list of texts');
  }
  if (type === 'number')
    return typeof value === 'number' && Number.isFinite(value) ? [] : problem('a number');
  if (type === 'date') return isDay(value) ? [] : problem('a day as YYYY-MM-DD');
  return typeof value === 'string' ? [] : problem('a text');
}

/**
 * Whether an account (its field values) matches a valid rule, on `today` (YYYY-MM-DD, for the
 * within_* operators). Text compares case-insensitively and ignores surrounding spaces. A condition on
 * an empty field is false, except is_empty and the negative operators (neq, not_contains, not_in),
 * which an empty field meets — "tier is not Enterprise" includes accounts with no tier.
 * @example evaluateSegmentRule({ kind: 'condition', field: 'arr', operator: 'gte', value: 100000 }, { arr: 120000 }, fields, '2026-11-24') // true
 */
export function evaluateSegmentRule(
  rule: SegmentRule,
  account: Readonly<Record<string, FieldValue>>,
  fields: Readonly<Record<string, FieldType>>,
  today: string,
): boolean {
  if (rule.kind === 'group') {
    if (rule.rules.length === 0) return true;
    return rule.combinator === 'and'
      ? rule.rules.every((child) => evaluateSegmentRule(child, account, fields, today))
      : rule.rules.some((child) => evaluateSegmentRule(child, account, fields, today));
  }
  const raw = account[rule.field];
  const empty = raw === null || raw === undefined || (typeof raw === 'string' && raw.trim() === '');
  const { operator, value } = rule;
  if (operator === 'is_empty') return empty;
  if (operator === 'is_not_empty') return !empty;
  if (empty) return operator === 'neq' || operator === 'not_contains' || operator === 'not_in';
  switch (fields[rule.field]) {
    case 'number':
      return compareNumber(Number(raw), operator, value);
    case 'date':
      return compareDay(String(raw).slice(0, 10), operator, value, today);
    case 'boolean':
      return operator === 'is_true' ? raw === true : operator === 'is_false' ? raw === false : false;
    default:
      return compareText(String(raw), operator, value);
  }
}

function compareNumber(actual: number, operator: Operator, value: SegmentCondition['value']): boolean {
  if (operator === 'between') {
    const [low, high] = value as readonly number[];
    return actual >= low! && actual <= high!;
  }
  const expected = value as number;
  switch (operator) {
    case 'eq':
      return actual === expected;
    case 'neq':
      return actual !== expected;
    case 'gt':
      return actual > expected;
    case 'gte':
      return actual >= expected;
    case 'lt':
      return actual < expected;
    case 'lte':
      return actual <= expected;
    default:
      return false;
  }
}

function compareText(actual: string, operator: Operator, value: SegmentCondition['value']): boolean {
  const normal = (text: string) => text.trim().toLowerCase();
  const subject = normal(actual);
  if (operator === 'in' || operator === 'not_in') {
    const listed = (value as readonly string[]).map(normal).includes(subject);
    return operator === 'in' ? listed : !listed;
  }
  const expected = normal(String(value));
  switch (operator) {
    case 'eq':
      return subject === expected;
    case 'neq':
      return subject !== expected;
    case 'contains':
      return subject.includes(expected);
    case 'not_contains':
      return !subject.includes(expected);
    case 'starts_with':
      return subject.startsWith(expected);
    default:
      return false;
  }
}

function compareDay(
  actual: string,
  operator: Operator,
  value: SegmentCondition['value'],
  today: string,
): boolean {
  if (!isDay(actual)) return false;
  const day = dayNumber(actual);
  switch (operator) {
    case 'on':
      return actual === value;
    case 'before':
      return day < dayNumber(value as string);
    case 'after':
      return day > dayNumber(value as string);
    case 'between': {
      const [from, to] = value as readonly string[];
      return day >= dayNumber(from!) && day <= dayNumber(to!);
    }
    case 'within_next_days':
      return day >= dayNumber(today) && day <= dayNumber(today) + (value as number);
    case 'within_last_days':
      return day <= dayNumber(today) && day >= dayNumber(today) - (value as number);
    default:
      return false;
  }
}
