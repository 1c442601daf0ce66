import { type SQL, sql } from 'drizzle-orm';
import { operatorsByType, type SegmentCondition, type SegmentRule } from '../../../domain/segments';
import { accountSourceSql, type FieldCatalogue, type FieldSource, TRAIT_PREFIX } from './segment-fields';

/**
 * Compiles segment rules to SQL that is true exactly when `evaluateSegmentRule` (src/domain/segments)
 * is: same empty-field rule, same trimmed case-insensitive text compare, same calendar-day compare.
 * Every value is a bound parameter. segment-sql.test.ts checks the two agree on a real database.
 */

/** What JavaScript's String.prototype.trim removes (btrim only strips spaces unless told). */
const JS_WHITESPACE =
  '\u0009\u000A\u000B\u000C\u000D\u0020\u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u2028\u2029\u202F\u205F\u3000\uFEFF';
const DAY_MS = 86_400_000;
const NEGATIVE_OPERATORS: ReadonlySet<string> = new Set(['neq', 'not_contains', 'not_in']);

const normalText = (text: string) => text.trim().toLowerCase();
const dayNumber = (day: string) => Math.round(Date.parse(`${day}T00:00:00Z`) / DAY_MS);
const canonicalDay = (day: string) => new Date(dayNumber(day) * DAY_MS).toISOString().slice(0, 10);

/** Days since 1970-01-01 of a date expression: dates compare as integers, never as user text cast to date. */
const daysOf = (expression: SQL) => sql`(${expression} - DATE '1970-01-01')`;

function invalid(condition: SegmentCondition): Error {
  return new Error(
    `compileSegmentRule needs a valid rule (run validateSegmentRule first): ${JSON.stringify(condition)}`,
  );
}

function numberComparison(actual: SQL, condition: SegmentCondition): SQL {
  const { operator, value } = condition;
  if (operator === 'between') {
    if (!Array.isArray(value) || typeof value[0] !== 'number' || typeof value[1] !== 'number')
      throw invalid(condition);
    return sql`(${actual} >= ${value[0]}::float8 AND ${actual} <= ${value[1]}::float8)`;
  }
  if (typeof value !== 'number') throw invalid(condition);
  const operators: Record<string, string> = { eq: '=', neq: '<>', gt: '>', gte: '>=', lt: '<', lte: '<=' };
  const symbol = operators[operator];
  return symbol ? sql`(${actual} ${sql.raw(symbol)} ${value}::float8)` : sql`FALSE`;
}

function textComparison(actual: SQL, condition: SegmentCondition, catalogue: FieldCatalogue): SQL {
  const { operator, value } = condition;
  // lower() under ICU folds like JavaScript's toLowerCase; comparisons then run byte-wise (C).
  const folded =
    catalogue.caseFolding === 'icu'
      ? sql`lower(btrim(${actual}, ${JS_WHITESPACE}::text) COLLATE "und-x-icu")`
      : sql`lower(btrim(${actual}, ${JS_WHITESPACE}::text))`;
  const subject = sql`(${folded} COLLATE "C")`;
  if (operator === 'in' || operator === 'not_in') {
    if (!Array.isArray(value) || value.length === 0) throw invalid(condition);
    const listed = sql.join(
      value.map((item) => sql`${normalText(String(item))}::text`),
      sql`, `,
    );
    return operator === 'in' ? sql`(${subject} IN (${listed}))` : sql`(${subject} NOT IN (${listed}))`;
  }
  if (value === undefined || Array.isArray(value)) throw invalid(condition);
  const expected = normalText(String(value));
  switch (operator) {
    case 'eq':
      return sql`(${subject} = ${expected}::text)`;
    case 'neq':
      return sql`(${subject} <> ${expected}::text)`;
    case 'contains':
      return sql`(strpos(${subject}, ${expected}::text) > 0)`;
    case 'not_contains':
      return sql`(strpos(${subject}, ${expected}::text) = 0)`;
    case 'starts_with':
      return sql`starts_with(${subject}, ${expected}::text)`;
    default:
      return sql`FALSE`;
  }
}

function dayComparison(actual: SQL, condition: SegmentCondition, today: string): SQL {
  const { operator, value } = condition;
  const day = daysOf(actual);
  const dayValue = (item: unknown) => {
    if (typeof item !== 'string' || Number.isNaN(dayNumber(item))) throw invalid(condition);
    return dayNumber(item);
  };
  switch (operator) {
    case 'on': {
      // The reference compares the texts: a day like 2026-02-30 that rolls over matches nothing.
      const target = dayValue(value);
      return canonicalDay(value as string) === value ? sql`(${day} = ${target}::int)` : sql`FALSE`;
    }
    case 'before':
      return sql`(${day} < ${dayValue(value)}::int)`;
    case 'after':
      return sql`(${day} > ${dayValue(value)}::int)`;
    case 'between': {
      if (!Array.isArray(value)) throw invalid(condition);
      return sql`(${day} >= ${dayValue(value[0])}::int AND ${day} <= ${dayValue(value[1])}::int)`;
    }
    case 'within_next_days':
    case 'within_last_days': {
      if (typeof value !== 'number') throw invalid(condition);
      const now = dayNumber(today);
      return operator === 'within_next_days'
        ? sql`(${day} >= ${now}::int AND ${day} <= ${now + value}::int)`
        : sql`(${day} <= ${now}::int AND ${day} >= ${now - value}::int)`;
    }
    default:
      return sql`FALSE`;
  }
}

function compileCondition(condition: SegmentCondition, catalogue: FieldCatalogue, today: string): SQL {
  const { operator } = condition;
  const field = catalogue.fields[condition.field];
  // A field the catalogue does not know is empty on every account (a trait no account has).
  if (!field) {
    return operator === 'is_empty' || NEGATIVE_OPERATORS.has(operator) ? sql`TRUE` : sql`FALSE`;
  }
  const actual = sql`(${field.expression(today)})`;
  const empty =
    field.type === 'text'
      ? sql`(${actual} IS NULL OR btrim(${actual}, ${JS_WHITESPACE}::text) = '')`
      : sql`(${actual} IS NULL)`;
  if (operator === 'is_empty') return empty;
  if (operator === 'is_not_empty') return sql`(NOT ${empty})`;
  const applies = (operatorsByType[field.type] as readonly string[]).includes(operator);
  let comparison: SQL;
  if (!applies) comparison = sql`FALSE`;
  else if (field.type === 'number') comparison = numberComparison(actual, condition);
  else if (field.type === 'date') comparison = dayComparison(actual, condition, today);
  else if (field.type === 'boolean')
    comparison = operator === 'is_true' ? sql`(${actual} IS TRUE)` : sql`(${actual} IS FALSE)`;
  else comparison = textComparison(actual, condition, catalogue);
  return NEGATIVE_OPERATORS.has(operator)
    ? sql`(${empty} OR ${comparison})`
    : sql`(NOT ${empty} AND ${comparison})`;
}

/**
 * A boolean SQL expression over `a` (accounts) and the joins of `accountSourceSql(sourcesUsedBy(rule))`,
 * true exactly where evaluateSegmentRule is, on `today` (YYYY-MM-DD, UTC). The rule must be valid
 * against the catalogue (validateSegmentRule); values are bound, never spliced into the text.
 * @example sql`SELECT a.id FROM ${accountSourceSql(sourcesUsedBy(rule, catalogue), today)} WHERE ${compileSegmentRule(rule, catalogue, today)}`
 */
export function compileSegmentRule(rule: SegmentRule, catalogue: FieldCatalogue, today: string): SQL {
  if (rule.kind === 'condition') return compileCondition(rule, catalogue, today);
  if (rule.rules.length === 0) return sql`TRUE`;
  const parts = rule.rules.map((child) => compileSegmentRule(child, catalogue, today));
  return sql`(${sql.join(parts, rule.combinator === 'and' ? sql` AND ` : sql` OR `)})`;
}

/** Every condition of a rule, depth first. */
export function conditionsOf(rule: SegmentRule): SegmentCondition[] {
  return rule.kind === 'condition' ? [rule] : rule.rules.flatMap(conditionsOf);
}

/** The joined sources a rule's fields read. */
export function sourcesUsedBy(rules: readonly SegmentRule[], catalogue: FieldCatalogue): Set<FieldSource> {
  const sources = new Set<FieldSource>();
  for (const condition of rules.flatMap(conditionsOf)) {
    for (const source of catalogue.fields[condition.field]?.sources ?? []) sources.add(source);
  }
  return sources;
}

/** The trait keys a rule names (`traits.plan` → `plan`). */
export function traitKeysOf(rules: readonly SegmentRule[]): string[] {
  const keys = rules
    .flatMap(conditionsOf)
    .filter((condition) => condition.field.startsWith(TRAIT_PREFIX))
    .map((condition) => condition.field.slice(TRAIT_PREFIX.length));
  return [...new Set(keys)];
}

/**
 * SELECT of the ids of the accounts a rule matches (column `id`).
 * @example sql`SELECT count(*) FROM (${matchingAccountsSql(rule, catalogue, today)}) matched`
 */
export function matchingAccountsSql(rule: SegmentRule, catalogue: FieldCatalogue, today: string): SQL {
  return sql`SELECT a.id FROM ${accountSourceSql(sourcesUsedBy([rule], catalogue), today)} WHERE ${compileSegmentRule(rule, catalogue, today)}`;
}
