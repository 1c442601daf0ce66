import {
  type FieldType,
  type SegmentCondition,
  type SegmentGroup,
  type SegmentRule,
  validateSegmentRule,
} from '../../../domain/segments';
import type { RuleProblemItem, SegmentField, SegmentOperator } from '../../../shared/api/segments.contract';
import { ApiError } from '../../api/api-client';
import { formatNumber } from '../../format/health';

/**
 * The rule builder's draft is a plain SegmentRule whose root is always a group, so a problem the
 * server reports at `body.rule.rules[1].value` lands on the second condition without any mapping.
 * Positions in the tree are index paths: [1, 0] is the first rule of the second rule's group.
 */
export type RulePath = readonly number[];

/** Operator words per field type, read after the field's name: "ARR is at least 100,000". */
export const operatorLabels: Record<FieldType, Partial<Record<SegmentOperator, string>>> = {
  number: {
    eq: 'equals',
    neq: 'does not equal',
    gt: 'is more than',
    gte: 'is at least',
    lt: 'is less than',
    lte: 'is at most',
    between: 'is between',
    is_empty: 'is empty',
    is_not_empty: 'has a value',
  },
  text: {
    eq: 'is',
    neq: 'is not',
    contains: 'contains',
    not_contains: 'does not contain',
    starts_with: 'starts with',
    in: 'is any of',
    not_in: 'is none of',
    is_empty: 'is empty',
    is_not_empty: 'has a value',
  },
  date: {
    on: 'is on',
    before: 'is before',
    after: 'is after',
    between: 'is between',
    within_next_days: 'is within the next',
    within_last_days: 'was within the last',
    is_empty: 'is empty',
    is_not_empty: 'has a value',
  },
  boolean: { is_true: 'is yes', is_false: 'is no', is_empty: 'is empty', is_not_empty: 'has a value' },
};

/** The words of an operator for a field type, falling back to the operator's code. */
export function operatorLabel(type: FieldType, operator: SegmentOperator): string {
  return operatorLabels[type][operator] ?? operator;
}

/** What kind of input a condition's value needs. */
export type ValueShape =
  'none' | 'number' | 'text' | 'date' | 'days' | 'list' | 'number_range' | 'date_range';

/** The value input a field type and operator need, e.g. a list for text `in`, a day count for `within_*`. */
export function valueShape(type: FieldType, operator: SegmentOperator): ValueShape {
  if (['is_empty', 'is_not_empty', 'is_true', 'is_false'].includes(operator)) return 'none';
  if (operator === 'within_next_days' || operator === 'within_last_days') return 'days';
  if (operator === 'in' || operator === 'not_in') return 'list';
  if (operator === 'between') return type === 'date' ? 'date_range' : 'number_range';
  if (type === 'number') return 'number';
  if (type === 'date') return 'date';
  return 'text';
}

/** The starting value of a shape: blank, so the person types it (30 days for within_*). */
export function blankValue(shape: ValueShape): SegmentCondition['value'] {
  switch (shape) {
    case 'none':
    case 'number':
      return undefined;
    case 'days':
      return 30;
    case 'list':
      return [];
    case 'number_range':
    case 'date_range':
      return ['', ''];
    default:
      return '';
  }
}

/** A group with no rules (it matches every account). */
export function emptyGroup(combinator: 'and' | 'or' = 'and'): SegmentGroup {
  return { kind: 'group', combinator, rules: [] };
}

/** A saved rule as the builder's root group: a bare condition is wrapped in an AND group; null gives an empty group. */
export function asRootGroup(rule: SegmentRule | null): SegmentGroup {
  if (rule === null) return emptyGroup();
  return rule.kind === 'group' ? rule : { kind: 'group', combinator: 'and', rules: [rule] };
}

/** A new condition on a field with a blank value; numbers start on "is at least", the most used test. */
export function newCondition(field: SegmentField): SegmentCondition {
  const operator =
    field.type === 'number' && field.operators.includes('gte')
      ? 'gte'
      : (field.operators[0] ?? 'is_not_empty');
  return withValue(
    { kind: 'condition', field: field.key, operator },
    blankValue(valueShape(field.type, operator)),
  );
}

function withValue(condition: SegmentCondition, value: SegmentCondition['value']): SegmentCondition {
  const { value: _old, ...rest } = condition;
  return value === undefined ? rest : { ...rest, value };
}

/** The same condition on another field: the operator stays when it applies, the value when its input fits. */
export function changeField(
  condition: SegmentCondition,
  from: FieldType | undefined,
  to: SegmentField,
): SegmentCondition {
  const operator = to.operators.includes(condition.operator)
    ? condition.operator
    : (to.operators[0] ?? 'is_not_empty');
  const sameShape =
    from !== undefined && valueShape(from, condition.operator) === valueShape(to.type, operator);
  return withValue(
    { kind: 'condition', field: to.key, operator },
    sameShape ? condition.value : blankValue(valueShape(to.type, operator)),
  );
}

/** The same condition with another operator; a text carries over into a list and back. */
export function changeOperator(
  condition: SegmentCondition,
  type: FieldType,
  operator: SegmentOperator,
): SegmentCondition {
  const before = valueShape(type, condition.operator);
  const after = valueShape(type, operator);
  const next = { ...condition, operator } as SegmentCondition;
  if (before === after) return next;
  const { value } = condition;
  if (before === 'text' && after === 'list' && typeof value === 'string' && value.trim() !== '')
    return withValue(next, [value.trim()]);
  if (before === 'list' && after === 'text' && Array.isArray(value) && value.length > 0)
    return withValue(next, String(value[0]));
  return withValue(next, blankValue(after));
}

/** The rule at a path (the root for []). */
export function ruleAt(root: SegmentGroup, path: RulePath): SegmentRule | undefined {
  let rule: SegmentRule | undefined = root;
  for (const index of path) rule = rule?.kind === 'group' ? rule.rules[index] : undefined;
  return rule;
}

function replaceIn(rule: SegmentRule, path: RulePath, next: SegmentRule | null): SegmentRule | null {
  if (path.length === 0) return next;
  if (rule.kind !== 'group') return rule;
  const [head, ...rest] = path;
  const rules = rule.rules.flatMap((child, index) => {
    if (index !== head) return [child];
    const changed = replaceIn(child, rest, next);
    return changed === null ? [] : [changed];
  });
  return { ...rule, rules };
}

/** The root with the rule at `path` replaced, or removed when `next` is null. */
export function replaceRule(root: SegmentGroup, path: RulePath, next: SegmentRule | null): SegmentGroup {
  const changed = replaceIn(root, path, next);
  return changed?.kind === 'group' ? changed : emptyGroup(root.combinator);
}

/** The root with `rule` added at the end of the group at `groupPath`. */
export function appendRule(root: SegmentGroup, groupPath: RulePath, rule: SegmentRule): SegmentGroup {
  const group = ruleAt(root, groupPath);
  if (group?.kind !== 'group') return root;
  return replaceRule(root, groupPath, { ...group, rules: [...group.rules, rule] });
}

/** Where a rule is, as the server names it: [1, 0] → `rule.rules[1].rules[0]`. */
export function pathText(path: RulePath): string {
  return `rule${path.map((index) => `.rules[${index}]`).join('')}`;
}

/** A condition's number for people and labels: [1, 0] → "2.1". */
export function conditionNumber(path: RulePath): string {
  return path.map((index) => index + 1).join('.');
}

/**
 * A problem path of the server under `base` (`body.rule`, `body.entryRule`) in the builder's terms:
 * `body.rule.rules.1.value` and `body.rule.rules[1].value` both → `rule.rules[1].value`; null when
 * the problem is about another field.
 */
export function normaliseProblemPath(field: string, base: string): string | null {
  if (field !== base && !field.startsWith(`${base}.`) && !field.startsWith(`${base}[`)) return null;
  return `rule${field.slice(base.length).replace(/\.(\d+)(?=[.[]|$)/g, '[$1]')}`;
}

/** A validation message as a sentence for the person: "a number" → "Needs a number"; others capitalised. */
const capitalise = (text: string) =>
  /^an? /.test(text) ? `Needs ${text}` : text.charAt(0).toUpperCase() + text.slice(1);

/** The rule problems of a 400 answer, at builder paths; empty for any other error. */
export function serverRuleProblems(error: unknown, base: string): RuleProblemItem[] {
  if (!(error instanceof ApiError) || error.status !== 400) return [];
  return error.errors.flatMap((item) => {
    const path = item.field === undefined ? null : normaliseProblemPath(item.field, base);
    return path === null ? [] : [{ path, message: capitalise(item.message) }];
  });
}

/**
 * What keeps the draft from being a rule the server can evaluate: blank values, unknown fields… With
 * `requireCondition` (tier and stage rules), an empty rule is a problem too: it would take every account.
 */
export function localRuleProblems(
  root: SegmentGroup,
  fields: readonly SegmentField[],
  options: { requireCondition?: boolean } = {},
): RuleProblemItem[] {
  const types: Record<string, FieldType> = Object.fromEntries(fields.map((field) => [field.key, field.type]));
  const problems: RuleProblemItem[] = validateSegmentRule(root, types, 'rule').map((problem) => ({
    path: problem.path,
    message: capitalise(problem.message),
  }));
  if (options.requireCondition && countConditions(root) === 0)
    problems.push({
      path: 'rule',
      message: 'Add at least one condition (an empty rule matches every account)',
    });
  const visit = (rule: SegmentRule, path: RulePath) => {
    if (rule.kind === 'group') return rule.rules.forEach((child, index) => visit(child, [...path, index]));
    const type = types[rule.field];
    const blankText = typeof rule.value === 'string' && rule.value.trim() === '';
    if (type === 'text' && valueShape(type, rule.operator) === 'text' && blankText)
      problems.push({ path: `${pathText(path)}.value`, message: 'Type a text' });
  };
  visit(root, []);
  return problems;
}

/** The problems that belong to the rule at a path: the node itself, and for a condition its field, operator and value. */
export function problemsAt(
  problems: readonly RuleProblemItem[],
  rule: SegmentRule,
  path: RulePath,
): RuleProblemItem[] {
  const text = pathText(path);
  return problems.filter((problem) =>
    rule.kind === 'condition'
      ? problem.path === text || problem.path.startsWith(`${text}.`)
      : problem.path === text || problem.path === `${text}.combinator`,
  );
}

/** The first message about one part of a condition, for that input's error. */
export function partProblem(
  problems: readonly RuleProblemItem[],
  path: RulePath,
  part: 'field' | 'operator' | 'value',
): string | undefined {
  const prefix = `${pathText(path)}.${part}`;
  return problems.find((problem) => problem.path === prefix || problem.path.startsWith(`${prefix}[`))
    ?.message;
}

/** Problems no node of the draft claims (e.g. about a condition that was removed since); shown above the builder. */
export function unplacedProblems(
  root: SegmentGroup,
  problems: readonly RuleProblemItem[],
): RuleProblemItem[] {
  const placed = new Set<RuleProblemItem>();
  const visit = (rule: SegmentRule, path: RulePath) => {
    for (const problem of problemsAt(problems, rule, path)) placed.add(problem);
    if (rule.kind === 'group') rule.rules.forEach((child, index) => visit(child, [...path, index]));
  };
  visit(root, []);
  return problems.filter((problem) => !placed.has(problem));
}

/** How many conditions a rule has, at any depth. */
export function countConditions(rule: SegmentRule): number {
  return rule.kind === 'condition' ? 1 : rule.rules.reduce((sum, child) => sum + countConditions(child), 0);
}

/** How deep groups nest: 1 for a group of conditions. */
export function groupDepth(rule: SegmentRule): number {
  return rule.kind === 'condition' ? 0 : 1 + Math.max(0, ...rule.rules.map(groupDepth));
}

function describeValue(value: unknown, field: SegmentField | undefined): string {
  if (typeof value === 'number') {
    const number = formatNumber(value);
    if (field?.unit === 'USD') return `$${number}`;
    if (field?.unit === 'percent') return `${number}%`;
    if (field?.unit === 'days') return `${number} days`;
    return number;
  }
  return `“${String(value)}”`;
}

function describeCondition(condition: SegmentCondition, fields: ReadonlyMap<string, SegmentField>): string {
  const field = fields.get(condition.field);
  const label = field?.label ?? condition.field;
  const type = field?.type ?? 'text';
  const words = `${label} ${operatorLabel(type, condition.operator)}`;
  const { value } = condition;
  switch (valueShape(type, condition.operator)) {
    case 'none':
      return words;
    case 'days':
      return `${words} ${String(value)} days`;
    case 'list':
      return `${words} ${(Array.isArray(value) ? value : []).map((item) => describeValue(item, field)).join(', ')}`;
    case 'number_range':
    case 'date_range': {
      const [low, high] = Array.isArray(value) ? value : [];
      return `${words} ${describeValue(low, field)} and ${describeValue(high, field)}`;
    }
    default:
      return `${words} ${describeValue(value, field)}`;
  }
}

/**
 * A rule in one line for lists, with field labels and operator words, e.g.
 * `ARR is at least $100,000 and (Tier is “Enterprise” or Region is “EMEA”)`.
 */
export function describeRule(rule: SegmentRule, fields: readonly SegmentField[], nested = false): string {
  const byKey = new Map(fields.map((field) => [field.key, field]));
  if (rule.kind === 'condition') return describeCondition(rule, byKey);
  if (rule.rules.length === 0) return 'every account';
  const text = rule.rules
    .map((child) => describeRule(child, fields, true))
    .join(rule.combinator === 'and' ? ' and ' : ' or ');
  return nested && rule.rules.length > 1 ? `(${text})` : text;
}

/** The indices of the condition or group a problem path points at: `rule.rules[1].rules[0].value` → [1, 0]. */
export function problemRulePath(path: string): number[] {
  return [...path.matchAll(/\.rules\[(\d+)\]/g)].map((match) => Number(match[1]));
}

/** The first problem in words with where it is, e.g. "condition 2: a number"; '' when there is none. */
export function describeFirstProblem(problems: readonly RuleProblemItem[]): string {
  const first = problems[0];
  if (!first) return '';
  const where = problemRulePath(first.path);
  const message = first.message.charAt(0).toLowerCase() + first.message.slice(1);
  return where.length === 0 ? message : `condition ${conditionNumber(where)}: ${message}`;
}
