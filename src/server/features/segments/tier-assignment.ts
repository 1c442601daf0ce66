import { type SQL, sql } from 'drizzle-orm';
import type { RuleProblem, SegmentRule } from '../../../domain/segments';
import { ruleProblems, withVanishedTraits } from './rule-validation';
import { accountSourceSql, type FieldCatalogue, loadFieldCatalogue, type Queryable } from './segment-fields';
import { utcToday } from './segment-membership';
import { compileSegmentRule, sourcesUsedBy, traitKeysOf } from './segment-sql';

/** A rule-bearing row (tier or stage) as the rule appliers read it. */
type RuledRow = {
  id: string;
  name: string;
  rule: SegmentRule | null;
};

/** What a tier or stage application did: accounts changed, and rules that no longer fit the data (they match nothing). */
export interface RuleApplication {
  changed: number;
  skipped: { id: string; name: string; problems: RuleProblem[] }[];
}

/**
 * CASE arms for rows in the order given: `WHEN <rule> THEN <name>` for each row whose rule is valid,
 * and the rows skipped because their saved rule no longer fits the catalogue.
 */
export function ruleArms(
  rows: readonly RuledRow[],
  catalogue: FieldCatalogue,
  purpose: 'tier' | 'stage',
  today: string,
): { arms: SQL[]; valid: SegmentRule[]; skipped: RuleApplication['skipped'] } {
  const arms: SQL[] = [];
  const valid: SegmentRule[] = [];
  const skipped: RuleApplication['skipped'] = [];
  for (const row of rows) {
    if (row.rule === null) continue;
    const problems = ruleProblems(row.rule, catalogue, purpose);
    if (problems.length > 0) {
      skipped.push({ id: row.id, name: row.name, problems });
      continue;
    }
    valid.push(row.rule);
    arms.push(sql`WHEN ${compileSegmentRule(row.rule, catalogue, today)} THEN ${row.name}::text`);
  }
  return { arms, valid, skipped };
}

/** The catalogue for saved rules: their traits, vanished ones kept as empty fields. */
export async function catalogueForSaved(
  db: Queryable,
  rules: readonly SegmentRule[],
): Promise<FieldCatalogue> {
  return withVanishedTraits(await loadFieldCatalogue(db, traitKeysOf(rules)), rules);
}

/**
 * Sets every account's tier in one UPDATE: the name of the first tier (in position order) whose rule
 * matches, else the default tier's; only rows whose tier changes are written. Churned accounts keep
 * the tier they left in (so churn and retention by tier stay true). With no tiers defined it leaves
 * accounts.tier alone (imported tiers stay). Run it in a transaction (refreshJourney does).
 */
export async function applyTiers(
  db: Queryable,
  options: { today?: string; catalogue?: FieldCatalogue } = {},
): Promise<RuleApplication> {
  const tiers = (await db.execute<RuledRow>(sql`SELECT id, name, rule FROM tiers ORDER BY position, id`))
    .rows;
  if (tiers.length === 0) return { changed: 0, skipped: [] };
  const rules = tiers.flatMap((tier) => (tier.rule ? [tier.rule] : []));
  const catalogue = options.catalogue ?? (await catalogueForSaved(db, rules));
  const today = options.today ?? utcToday();
  const { arms, valid, skipped } = ruleArms(tiers, catalogue, 'tier', today);
  const fallback = tiers.find((tier) => tier.rule === null)?.name ?? null;
  const choice =
    arms.length > 0 ? sql`CASE ${sql.join(arms, sql` `)} ELSE ${fallback}::text END` : sql`${fallback}::text`;
  const result = await db.execute(sql`
    UPDATE accounts t SET tier = x.tier
    FROM (SELECT a.id, ${choice} AS tier FROM ${accountSourceSql(sourcesUsedBy(valid, catalogue), today)}
          WHERE a.status <> 'churned') x
    WHERE t.id = x.id AND t.tier IS DISTINCT FROM x.tier`);
  return { changed: result.rowCount ?? 0, skipped };
}
