import type { SegmentCondition, SegmentRule } from '../../../domain/segments';

const symbols: Record<string, string> = {
  eq: '=',
  neq: '≠',
  gt: '>',
  gte: '≥',
  lt: '<',
  lte: '≤',
  on: 'on',
  before: 'before',
  after: 'after',
  contains: 'contains',
  not_contains: 'does not contain',
  starts_with: 'starts with',
  in: 'in',
  not_in: 'not in',
};

const quoted = (value: unknown) => (typeof value === 'string' ? JSON.stringify(value) : String(value));

function describeCondition({ field, operator, value }: SegmentCondition): string {
  switch (operator) {
    case 'is_empty':
      return `${field} is empty`;
    case 'is_not_empty':
      return `${field} is not empty`;
    case 'is_true':
      return `${field} is true`;
    case 'is_false':
      return `${field} is false`;
    case 'between': {
      const [low, high] = value as readonly unknown[];
      return `${field} between ${quoted(low)} and ${quoted(high)}`;
    }
    case 'within_next_days':
      return `${field} within the next ${String(value)} days`;
    case 'within_last_days':
      return `${field} within the last ${String(value)} days`;
    case 'in':
    case 'not_in':
      return `${field} ${symbols[operator]} (${(value as readonly unknown[]).map(quoted).join(', ')})`;
    default:
      return `${field} ${symbols[operator] ?? operator} ${quoted(value)}`;
  }
}

/**
 * A rule in one line for people (CLI, logs): groups in parentheses, AND/OR in capitals.
 * @example describeRule({ kind: 'condition', field: 'arr', operator: 'gte', value: 100000 }) // 'arr ≥ 100000'
 */
export function describeRule(rule: SegmentRule, nested = false): string {
  if (rule.kind === 'condition') return describeCondition(rule);
  if (rule.rules.length === 0) return 'every account';
  const text = rule.rules
    .map((child) => describeRule(child, true))
    .join(rule.combinator === 'and' ? ' AND ' : ' OR ');
  return nested && rule.rules.length > 1 ? `(${text})` : text;
}
