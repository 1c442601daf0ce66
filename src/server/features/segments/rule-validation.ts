import {
  type FieldType,
  type RuleProblem,
  type SegmentRule,
  validateSegmentRule,
} from '../../../domain/segments';
import { MAX_RULE_CONDITIONS, MAX_RULE_DEPTH, type RulePurpose } from '../../../shared/api/segments.contract';
import { badRequest, type ProblemItem } from '../../http/problem';
import {
  type FieldCatalogue,
  fieldTypesOf,
  forbiddenFieldOf,
  loadFieldCatalogue,
  type Queryable,
  TRAIT_PREFIX,
  traitField,
} from './segment-fields';
import { conditionsOf, traitKeysOf } from './segment-sql';

const purposeNames: Record<RulePurpose, string> = {
  segment: 'a segment rule',
  tier: 'a tier rule',
  stage: 'a stage entry rule',
};

function depthOf(rule: SegmentRule): number {
  return rule.kind === 'condition' ? 0 : 1 + Math.max(0, ...rule.rules.map(depthOf));
}

/**
 * Everything wrong with a rule of this purpose against the catalogue, each with its path under `path`
 * (e.g. `body.rule.rules[1].value`): unknown fields, operators that do not fit the type, bad values,
 * the field the purpose may not test, and rules too deep or too long.
 */
export function ruleProblems(
  rule: SegmentRule,
  catalogue: FieldCatalogue,
  purpose: RulePurpose,
  path = 'rule',
): RuleProblem[] {
  const problems: RuleProblem[] = [];
  if (depthOf(rule) > MAX_RULE_DEPTH)
    problems.push({ path, message: `groups nest at most ${MAX_RULE_DEPTH} deep; flatten the rule` });
  if (conditionsOf(rule).length > MAX_RULE_CONDITIONS)
    problems.push({ path, message: `at most ${MAX_RULE_CONDITIONS} conditions; split it into segments` });
  const forbidden = forbiddenFieldOf[purpose];
  const types = fieldTypesOf(catalogue);
  if (forbidden) delete types[forbidden];
  for (const problem of validateSegmentRule(rule, types, path)) {
    const field = /unknown field "(.*)"$/.exec(problem.message)?.[1];
    if (field === undefined) problems.push(problem);
    else if (field === forbidden)
      problems.push({
        ...problem,
        message: `${purposeNames[purpose]} cannot test "${field}": it would depend on its own result`,
      });
    else if (field.startsWith(TRAIT_PREFIX))
      problems.push({
        ...problem,
        message: `no account has the trait "${field.slice(TRAIT_PREFIX.length)}"; check the spelling (GET /api/v1/segments/fields lists the traits)`,
      });
    else
      problems.push({
        ...problem,
        message: `${problem.message}; GET /api/v1/segments/fields lists the fields`,
      });
  }
  return problems;
}

/** A 400 listing every problem of a rule by its path, or nothing when it is fine. */
export function assertValidRule(
  rule: SegmentRule,
  catalogue: FieldCatalogue,
  purpose: RulePurpose,
  path = 'body.rule',
): void {
  const problems = ruleProblems(rule, catalogue, purpose, path);
  if (problems.length === 0) return;
  const errors: ProblemItem[] = problems.map((problem) => ({
    field: problem.path,
    message: problem.message,
  }));
  throw badRequest(
    `The rule is invalid: ${errors.map((item) => `${item.field}: ${item.message}`).join('; ')}`,
    errors,
  );
}

/** The catalogue with the traits these rules name (and only those), for validating or compiling them. */
export async function catalogueFor(db: Queryable, rules: readonly SegmentRule[]): Promise<FieldCatalogue> {
  return loadFieldCatalogue(db, traitKeysOf(rules));
}

const inferableTypes: readonly FieldType[] = ['number', 'text', 'boolean'];

/**
 * For saved rules: a trait no account has any more is empty on every account, not an error. Adds each
 * such trait with the first type its conditions fit, so the rule keeps working (it matches as the
 * reference does for an empty field); other problems still stop the rule.
 */
export function withVanishedTraits(catalogue: FieldCatalogue, rules: readonly SegmentRule[]): FieldCatalogue {
  const fields = { ...catalogue.fields };
  for (const condition of rules.flatMap(conditionsOf)) {
    if (!condition.field.startsWith(TRAIT_PREFIX) || fields[condition.field]) continue;
    const type = inferableTypes.find(
      (candidate) => validateSegmentRule(condition, { [condition.field]: candidate }).length === 0,
    );
    if (type) fields[condition.field] = traitField(condition.field.slice(TRAIT_PREFIX.length), type);
  }
  return { ...catalogue, fields };
}
