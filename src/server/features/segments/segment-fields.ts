import { type SQL, sql } from 'drizzle-orm';
import type { FieldType } from '../../../domain/segments';
import { accountStatuses } from '../../../shared/api/enums';
import type { RulePurpose } from '../../../shared/api/segments.contract';
import type { Db, Tx } from '../../db/database';

/**
 * The field catalogue of rules (segments, tier rules, stage entry rules): each field as a SQL
 * expression over one account row `a` and the joined sources it needs, plus the account's traits
 * typed from their values. docs/segments.md lists the fields for users.
 */

/** A database handle: the pool's or a transaction's. */
export type Queryable = Db | Tx;

/** What a field's expression reads besides `accounts a`; each is LEFT JOINed once when a rule needs it. */
export type FieldSource = 'mrr' | 'health' | 'owner' | 'nps' | 'tickets' | 'usage' | 'seats' | 'advocates';

export interface CatalogueField {
  key: string;
  label: string;
  type: FieldType;
  origin: 'account' | 'metric' | 'trait';
  unit: string | null;
  description: string;
  /** The value over `a` and the joined sources, as float8, text, date or boolean; NULL when empty. */
  expression: (today: string) => SQL;
  sources: readonly FieldSource[];
}

/** Fields by key, and how text is lower-cased so SQL agrees with JavaScript's toLowerCase. */
export interface FieldCatalogue {
  fields: Readonly<Record<string, CatalogueField>>;
  /** 'icu': lower() under the ICU root collation (full Unicode); 'plain': the database's own lower(). */
  caseFolding: 'icu' | 'plain';
}

/** MRR today in major units of the reporting currency (USD: minor ÷ 100); 0 without subscriptions. */
const mrrMajor = sql`(coalesce(m.mrr_minor, 0)::float8 / 100)`;
/** Usage is 0 (not empty) in a window without rows once the account has sent any usage at all. */
const usageKnown = sql`EXISTS (SELECT 1 FROM usage_daily k WHERE k.account_id = a.id)`;
const usageValue = (column: SQL) =>
  sql`(CASE WHEN u30.account_id IS NOT NULL THEN ${column} WHEN ${usageKnown} THEN 0::float8 END)`;
const activeUsers30 = sql`(u30.active_users / 30)`;

const field = (
  key: string,
  type: FieldType,
  label: string,
  description: string,
  expression: (today: string) => SQL,
  options: { origin?: CatalogueField['origin']; unit?: string; sources?: FieldSource[] } = {},
): CatalogueField => ({
  key,
  label,
  type,
  description,
  expression,
  origin: options.origin ?? 'account',
  unit: options.unit ?? null,
  sources: options.sources ?? [],
});
const column = (name: string) => () => sql.raw(`a.${name}`);
const metric = { origin: 'metric' as const };

/** The built-in fields, in the order the rule builder lists them. */
export const builtInFields: readonly CatalogueField[] = [
  field('name', 'text', 'Name', 'The account name', column('name')),
  field('domain', 'text', 'Domain', 'The account web domain', column('domain')),
  field('status', 'text', 'Status', 'prospect, onboarding, active or churned', column('status')),
  field('tier', 'text', 'Tier', 'The service tier (tier rules cannot test it)', column('tier')),
  field('segment', 'text', 'Segment label', "The account's imported segment column", column('segment')),
  field(
    'lifecycle_stage',
    'text',
    'Lifecycle stage',
    'The journey stage (stage rules cannot test it)',
    column('lifecycle_stage'),
  ),
  field('industry', 'text', 'Industry', 'The account industry', column('industry')),
  field('region', 'text', 'Region', 'The account region', column('region')),
  field('owner', 'text', 'Owner email', "The owner CSM's email", () => sql`o.email`, { sources: ['owner'] }),
  field(
    'mrr',
    'number',
    'MRR',
    'Monthly recurring revenue today, from active subscriptions (0 without)',
    () => mrrMajor,
    {
      ...metric,
      unit: 'USD',
      sources: ['mrr'],
    },
  ),
  field('arr', 'number', 'ARR', 'Annual recurring revenue today: MRR × 12', () => sql`(${mrrMajor} * 12)`, {
    ...metric,
    unit: 'USD',
    sources: ['mrr'],
  }),
  field(
    'health_score',
    'number',
    'Health score',
    'The latest health score, 0–100 (empty when not scored)',
    () => sql`h.display_score::float8`,
    {
      ...metric,
      sources: ['health'],
    },
  ),
  field(
    'health_band',
    'text',
    'Health band',
    'The band of the latest health score (empty when not scored)',
    () => sql`h.band`,
    {
      ...metric,
      sources: ['health'],
    },
  ),
  field(
    'last_nps',
    'number',
    'Last NPS answer',
    'The latest NPS answer, 0–10 (empty when none)',
    () => sql`nps.score::float8`,
    {
      ...metric,
      sources: ['nps'],
    },
  ),
  field(
    'open_tickets',
    'number',
    'Open tickets',
    'Support tickets not solved or closed',
    () => sql`coalesce(tk.open, 0)::float8`,
    {
      ...metric,
      sources: ['tickets'],
    },
  ),
  field(
    'active_users_30d',
    'number',
    'Active users (30 days)',
    'Average daily active users over the last 30 days (empty when the account never sent usage)',
    () => usageValue(activeUsers30),
    { ...metric, sources: ['usage'] },
  ),
  field(
    'events_30d',
    'number',
    'Events (30 days)',
    'Product events in the last 30 days (empty when the account never sent usage)',
    () => usageValue(sql`u30.events`),
    {
      ...metric,
      sources: ['usage'],
    },
  ),
  field(
    'seats',
    'number',
    'Seats',
    'Seats of the subscriptions active today (empty when none has seats)',
    () => sql`st.seats`,
    {
      ...metric,
      sources: ['seats'],
    },
  ),
  field(
    'seat_utilisation',
    'number',
    'Seat utilisation',
    'Average daily active users (30 days) ÷ seats, in percent (can pass 100)',
    () => sql`(CASE WHEN st.seats > 0 THEN ${usageValue(activeUsers30)} / st.seats * 100 END)`,
    { ...metric, unit: 'percent', sources: ['usage', 'seats'] },
  ),
  field(
    'days_since_go_live',
    'number',
    'Days since go-live',
    'Days from the go-live date to today (negative before it)',
    (today) => sql`(${today}::date - a.go_live_date)::float8`,
    {
      ...metric,
      unit: 'days',
    },
  ),
  field(
    'days_to_renewal',
    'number',
    'Days to renewal',
    'Days from today to the renewal date (negative once past)',
    (today) => sql`(a.renewal_date - ${today}::date)::float8`,
    {
      ...metric,
      unit: 'days',
    },
  ),
  field(
    'advocates',
    'number',
    'Advocates',
    'Contacts flagged as advocates',
    () => sql`coalesce(adv.advocates, 0)::float8`,
    {
      ...metric,
      sources: ['advocates'],
    },
  ),
  field('renewal_date', 'date', 'Renewal date', 'The next renewal date', column('renewal_date')),
  field('go_live_date', 'date', 'Go-live date', 'The day the customer went live', column('go_live_date')),
  field(
    'created_date',
    'date',
    'Created',
    'The UTC day the account was created in Cycle',
    () => sql`(a.created_at AT TIME ZONE 'UTC')::date`,
  ),
];

/** The field a rule of this purpose may not test (it would depend on its own result). */
export const forbiddenFieldOf: Record<RulePurpose, string | null> = {
  segment: null,
  tier: 'tier',
  stage: 'lifecycle_stage',
};

export const TRAIT_PREFIX = 'traits.';

/** The typed value of one trait: JSON numbers and booleans as such, anything else as its text. */
export function traitField(key: string, type: FieldType): CatalogueField {
  const json = sql`a.traits -> ${key}::text`;
  const expression =
    type === 'number'
      ? () => sql`(CASE WHEN jsonb_typeof(${json}) = 'number' THEN (a.traits ->> ${key}::text)::float8 END)`
      : type === 'boolean'
        ? () =>
            sql`(CASE WHEN jsonb_typeof(${json}) = 'boolean' THEN (a.traits ->> ${key}::text)::boolean END)`
        : () => sql`(a.traits ->> ${key}::text)`;
  return field(`${TRAIT_PREFIX}${key}`, type, key, `Imported trait "${key}"`, expression, {
    origin: 'trait',
  });
}

/** A trait's type from the JSON types of its values: one of number or boolean, else text (mixed types are text). */
export function traitTypeOf(jsonTypes: readonly string[]): FieldType {
  const types = jsonTypes.filter((type) => type !== 'null');
  if (types.length === 1 && types[0] === 'number') return 'number';
  if (types.length === 1 && types[0] === 'boolean') return 'boolean';
  return 'text';
}

/**
 * Loads the catalogue: the built-in fields and the traits found on accounts, typed by their values.
 * `traitKeys` limits discovery to those keys (what a rule names), which reads far less than all.
 */
export async function loadFieldCatalogue(
  db: Queryable,
  traitKeys?: readonly string[],
): Promise<FieldCatalogue> {
  const only = traitKeys === undefined ? sql`` : sql`WHERE e.key = ANY(${toTextArray(traitKeys)}::text[])`;
  const skip = traitKeys !== undefined && traitKeys.length === 0;
  const [traits, icu] = await Promise.all([
    skip
      ? Promise.resolve({ rows: [] as { key: string; types: string[] }[] })
      : db.execute<{ key: string; types: string[] }>(sql`
          SELECT e.key, array_agg(DISTINCT jsonb_typeof(e.value)) AS types
          FROM accounts a CROSS JOIN LATERAL jsonb_each(a.traits) e ${only}
          GROUP BY e.key ORDER BY e.key LIMIT 1000`),
    db.execute<{ icu: boolean }>(
      sql`SELECT EXISTS (SELECT 1 FROM pg_collation WHERE collname = 'und-x-icu') AS icu`,
    ),
  ]);
  const fields: Record<string, CatalogueField> = {};
  for (const builtIn of builtInFields) fields[builtIn.key] = builtIn;
  for (const row of traits.rows) {
    const trait = traitField(row.key, traitTypeOf(row.types));
    fields[trait.key] = trait;
  }
  return { fields, caseFolding: icu.rows[0]?.icu ? 'icu' : 'plain' };
}

/** A Postgres text[] literal for a parameter (drizzle would spread a JavaScript array into a list). */
export function toTextArray(values: readonly string[]): string {
  return `{${values.map((value) => `"${value.replace(/["\\]/g, (match) => `\\${match}`)}"`).join(',')}}`;
}

/** Field key → type, what validateSegmentRule and evaluateSegmentRule read. */
export function fieldTypesOf(catalogue: FieldCatalogue): Record<string, FieldType> {
  return Object.fromEntries(Object.values(catalogue.fields).map((entry) => [entry.key, entry.type]));
}

/** The joins of each source, over `a`; the usage window is the 30 days ending `today` (both UTC days). */
function sourceJoin(source: FieldSource, today: string): SQL {
  switch (source) {
    case 'mrr':
      return sql`LEFT JOIN account_mrr_today m ON m.account_id = a.id`;
    case 'health':
      return sql`LEFT JOIN account_health h ON h.account_id = a.id`;
    case 'owner':
      return sql`LEFT JOIN users o ON o.id = a.owner_id`;
    case 'nps':
      return sql`LEFT JOIN (
        SELECT DISTINCT ON (r.account_id) r.account_id, r.score FROM survey_responses r
        WHERE r.survey_kind = 'nps' ORDER BY r.account_id, r.responded_at DESC, r.id DESC
      ) nps ON nps.account_id = a.id`;
    case 'tickets':
      return sql`LEFT JOIN (
        SELECT t.account_id, count(*) AS open FROM tickets t WHERE t.status NOT IN ('solved', 'closed') GROUP BY t.account_id
      ) tk ON tk.account_id = a.id`;
    case 'usage':
      return sql`LEFT JOIN (
        SELECT d.account_id, sum(d.active_users)::float8 AS active_users, sum(d.event_count)::float8 AS events
        FROM usage_daily d WHERE d.day > ${today}::date - 30 AND d.day <= ${today}::date GROUP BY d.account_id
      ) u30 ON u30.account_id = a.id`;
    case 'seats':
      return sql`LEFT JOIN (
        SELECT s.account_id, sum(s.seats)::float8 AS seats FROM subscriptions s
        WHERE s.seats IS NOT NULL AND s.start_date <= ${today}::date AND (s.end_date IS NULL OR s.end_date > ${today}::date)
        GROUP BY s.account_id
      ) st ON st.account_id = a.id`;
    case 'advocates':
      return sql`LEFT JOIN (
        SELECT c.account_id, count(*) AS advocates FROM contacts c WHERE c.is_advocate GROUP BY c.account_id
      ) adv ON adv.account_id = a.id`;
  }
}

const sourceOrder: readonly FieldSource[] = [
  'mrr',
  'health',
  'owner',
  'nps',
  'tickets',
  'usage',
  'seats',
  'advocates',
];

/**
 * `accounts a` with the joins the given sources need: the FROM clause every compiled rule runs over.
 * @example sql`SELECT a.id FROM ${accountSourceSql(new Set(['mrr']), '2026-05-01')} WHERE ${condition}`
 */
export function accountSourceSql(sources: ReadonlySet<FieldSource>, today: string): SQL {
  const joins = sourceOrder
    .filter((source) => sources.has(source))
    .map((source) => sourceJoin(source, today));
  return sql`accounts a ${sql.join(joins, sql` `)}`;
}

/** Every source, for reading all fields of accounts at once (tests, exports). */
export const allSources: ReadonlySet<FieldSource> = new Set(sourceOrder);

/** Known values of text fields, offered by the rule builder; null where free text (over 100 values). */
export async function loadKnownValues(db: Queryable): Promise<Record<string, string[] | null>> {
  const result = await db.execute<Record<string, string[] | null>>(sql`
    SELECT (SELECT array_agg(name ORDER BY position) FROM tiers) AS tier_names,
           (SELECT array_agg(name ORDER BY position) FROM lifecycle_stages) AS stage_names,
           (SELECT array_agg(DISTINCT band ORDER BY band) FROM account_health WHERE band IS NOT NULL) AS health_band,
           (SELECT CASE WHEN count(DISTINCT tier) <= 100 THEN array_agg(DISTINCT tier ORDER BY tier) END FROM accounts WHERE tier IS NOT NULL) AS tier,
           (SELECT CASE WHEN count(DISTINCT lifecycle_stage) <= 100 THEN array_agg(DISTINCT lifecycle_stage ORDER BY lifecycle_stage) END FROM accounts WHERE lifecycle_stage IS NOT NULL) AS lifecycle_stage,
           (SELECT CASE WHEN count(DISTINCT segment) <= 100 THEN array_agg(DISTINCT segment ORDER BY segment) END FROM accounts WHERE segment IS NOT NULL) AS segment,
           (SELECT CASE WHEN count(DISTINCT industry) <= 100 THEN array_agg(DISTINCT industry ORDER BY industry) END FROM accounts WHERE industry IS NOT NULL) AS industry,
           (SELECT CASE WHEN count(DISTINCT region) <= 100 THEN array_agg(DISTINCT region ORDER BY region) END FROM accounts WHERE region IS NOT NULL) AS region`);
  const row = result.rows[0] ?? {};
  const merged = (defined: string[] | null | undefined, seen: string[] | null | undefined) =>
    defined && defined.length > 0 ? defined : (seen ?? null);
  return {
    status: [...accountStatuses],
    tier: merged(row.tier_names, row.tier),
    lifecycle_stage: merged(row.stage_names, row.lifecycle_stage),
    health_band: row.health_band ?? null,
    segment: row.segment ?? null,
    industry: row.industry ?? null,
    region: row.region ?? null,
  };
}
