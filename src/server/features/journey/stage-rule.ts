import type { SegmentRule } from '../../../domain/segments';
import type { Db, Tx } from '../../db/database';
import type { ProblemItem } from '../../http/problem';
import { catalogueFor, ruleProblems } from '../segments/rule-validation';

/**
 * The problems of a stage entry rule against the shared field catalogue (the rules engine's, with
 * the traits the rule names), each with its path under `at` (`body.entryRule.rules[0].field`). A
 * stage rule may not test `lifecycle_stage`: it would depend on its own result.
 */
export async function stageRuleProblems(db: Db | Tx, rule: SegmentRule, at: string): Promise<ProblemItem[]> {
  const catalogue = await catalogueFor(db, [rule]);
  return ruleProblems(rule, catalogue, 'stage', at).map((problem) => ({
    field: problem.path,
    message: problem.message,
  }));
}
