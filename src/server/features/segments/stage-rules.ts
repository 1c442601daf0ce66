import { sql } from 'drizzle-orm';
import type { SegmentRule } from '../../../domain/segments';
import { accountSourceSql, type FieldCatalogue, type Queryable } from './segment-fields';
import { utcToday } from './segment-membership';
import { sourcesUsedBy } from './segment-sql';
import { catalogueForSaved, type RuleApplication, ruleArms } from './tier-assignment';

/**
 * Applies lifecycle-stage entry rules in one UPDATE. For each account not churned, the stages with a
 * rule are tried from the last position to the first and the first that matches sets its stage; when
 * none matches the account keeps its stage (stages without a rule are only set by hand). Churned
 * accounts leave the journey (stage NULL). Only changed rows are written, with the transaction
 * setting cycle.stage_source = 'rule' so account_stage_history records the cause. With no stages
 * defined nothing changes. Run it in a transaction (refreshJourney does).
 */
export async function applyStageRules(
  db: Queryable,
  options: { today?: string; catalogue?: FieldCatalogue } = {},
): Promise<RuleApplication> {
  const stages = (
    await db.execute<{ id: string; name: string; rule: SegmentRule | null }>(
      sql`SELECT id, name, entry_rule AS rule FROM lifecycle_stages ORDER BY position DESC, id`,
    )
  ).rows;
  if (stages.length === 0) return { changed: 0, skipped: [] };
  const rules = stages.flatMap((stage) => (stage.rule ? [stage.rule] : []));
  const catalogue = options.catalogue ?? (await catalogueForSaved(db, rules));
  const today = options.today ?? utcToday();
  const { arms, valid, skipped } = ruleArms(stages, catalogue, 'stage', today);
  const previous = (
    await db.execute<{ source: string | null; actor: string | null }>(
      sql`SELECT current_setting('cycle.stage_source', true) AS source, current_setting('cycle.actor_id', true) AS actor`,
    )
  ).rows[0];
  await db.execute(
    sql`SELECT set_config('cycle.stage_source', 'rule', true), set_config('cycle.actor_id', '', true)`,
  );
  // The history trigger of migration 0008 closes the moved accounts' open stays and opens new ones.
  const result = await db.execute(sql`
    WITH changes AS MATERIALIZED (
      SELECT x.id, x.stage FROM (
        SELECT a.id, a.lifecycle_stage AS current,
               CASE WHEN a.status = 'churned' THEN NULL ${sql.join(arms, sql` `)} ELSE a.lifecycle_stage END AS stage
        FROM ${accountSourceSql(sourcesUsedBy(valid, catalogue), today)}
      ) x
      WHERE x.current IS DISTINCT FROM x.stage
    )
    UPDATE accounts t SET lifecycle_stage = c.stage
    FROM changes c WHERE t.id = c.id`);
  await db.execute(
    sql`SELECT set_config('cycle.stage_source', ${previous?.source ?? ''}::text, true), set_config('cycle.actor_id', ${previous?.actor ?? ''}::text, true)`,
  );
  return { changed: result.rowCount ?? 0, skipped };
}
