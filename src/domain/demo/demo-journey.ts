import { evaluateSegmentRule, type FieldType, type SegmentRule } from '../segments';
import type { DemoLifecycleStage, DemoTier, DemoTouchModel } from './demo-model';

/**
 * The demo's customer journey: tiers by ARR with touch models and cadences, the lifecycle stages
 * with entry rules, expected durations, owning teams, touchpoints and metrics, and a few segments.
 * The generator places every account where these rules put it on the demo's today, so applying the
 * rules right after a load changes nothing.
 */

/** A tier of the demo, tried in order (first match wins); the last one (no rule) is the default. */
export interface DemoTierDefinition {
  name: DemoTier;
  rule: SegmentRule | null;
  touchModel: DemoTouchModel;
  /** Days between EBRs (EBR or QBR activities); null: none expected. */
  ebrEveryDays: number | null;
  /** Days between check-ins (calls or meetings); null: none expected. */
  checkInEveryDays: number | null;
}

/** ARR in USD from which an account is Enterprise, and Mid-Market ($1,000 MRR). */
export const ENTERPRISE_MIN_ARR = 100_000;
export const MID_MARKET_MIN_ARR = 12_000;

export const DEMO_TIERS: readonly DemoTierDefinition[] = [
  {
    name: 'Enterprise',
    rule: { kind: 'condition', field: 'arr', operator: 'gte', value: ENTERPRISE_MIN_ARR },
    touchModel: 'high',
    ebrEveryDays: 90,
    checkInEveryDays: 30,
  },
  {
    name: 'Mid-Market',
    rule: { kind: 'condition', field: 'arr', operator: 'gte', value: MID_MARKET_MIN_ARR },
    touchModel: 'low',
    ebrEveryDays: 180,
    checkInEveryDays: 60,
  },
  { name: 'SMB', rule: null, touchModel: 'tech', ebrEveryDays: null, checkInEveryDays: null },
];

/** A proactive touchpoint: due `dueDay` days after the account enters the stage. */
export interface DemoTouchpoint {
  title: string;
  dueDay: number | null;
}

/** A lifecycle stage of the demo journey map, in position order. */
export interface DemoStageDefinition {
  name: DemoLifecycleStage;
  description: string;
  /** Null: entered by hand only. */
  entryRule: SegmentRule | null;
  expectedDays: number | null;
  /** Key of the owning team in the demo people (see demo-people.ts). */
  teamKey: string;
  touchpoints: DemoTouchpoint[];
  metrics: string[];
}

const condition = (field: string, operator: string, value?: number | string | readonly number[]) =>
  ({ kind: 'condition', field, operator, ...(value === undefined ? {} : { value }) }) as SegmentRule;
const all = (...rules: SegmentRule[]): SegmentRule => ({ kind: 'group', combinator: 'and', rules });

/** The band of the recommended scorecard that makes an account with advocates an Advocacy account. */
export const ADVOCACY_BAND = 'Green';

export const DEMO_STAGES: readonly DemoStageDefinition[] = [
  {
    name: 'Handoff',
    description:
      'Signed; Sales hands the account over to Customer Success. Moved on by hand after the handoff call.',
    entryRule: null,
    expectedDays: 14,
    teamKey: 'onboarding',
    touchpoints: [
      { title: 'Sales-to-CS handoff call', dueDay: 2 },
      { title: 'Account plan drafted', dueDay: 10 },
    ],
    metrics: ['time_in_stage'],
  },
  {
    name: 'Onboarding',
    // Also "active users": a handed-off account with nobody using the product yet stays in Handoff.
    description: 'Kicked off and setting up, not live yet.',
    entryRule: all(condition('go_live_date', 'is_empty'), condition('active_users_30d', 'gt', 0)),
    expectedDays: 60,
    teamKey: 'onboarding',
    touchpoints: [
      { title: 'Kickoff', dueDay: 3 },
      { title: 'Technical setup review', dueDay: 21 },
      { title: 'Go-live check', dueDay: 45 },
    ],
    metrics: ['time_to_go_live', 'time_in_stage'],
  },
  {
    name: 'Adoption',
    description: 'Live for up to 180 days: rolling out to users and teams.',
    entryRule: condition('days_since_go_live', 'lte', 180),
    expectedDays: 180,
    teamKey: 'cs',
    touchpoints: [],
    metrics: ['seat_utilisation', 'active_users'],
  },
  {
    name: 'Value',
    description: 'Live for more than 180 days: proving and growing value.',
    entryRule: condition('days_since_go_live', 'gt', 180),
    expectedDays: 365,
    teamKey: 'cs',
    touchpoints: [{ title: 'EBR', dueDay: null }],
    metrics: ['health_score', 'nps'],
  },
  {
    name: 'Renewal',
    description: 'Renewal due within 90 days.',
    entryRule: condition('days_to_renewal', 'between', [0, 90]),
    expectedDays: 90,
    teamKey: 'cs',
    touchpoints: [],
    metrics: ['gross_retention'],
  },
  {
    name: 'Advocacy',
    description: 'Healthy and with advocates: references, case studies, reviews.',
    entryRule: all(condition('advocates', 'gte', 1), condition('health_band', 'eq', ADVOCACY_BAND)),
    expectedDays: null,
    teamKey: 'cs',
    touchpoints: [],
    metrics: ['nps', 'expansion_mrr'],
  },
];

/** A dynamic segment the demo ships with (members are computed by the rules engine). */
export interface DemoSegmentDefinition {
  name: string;
  description: string;
  rule: SegmentRule;
}

export const DEMO_SEGMENTS: readonly DemoSegmentDefinition[] = [
  {
    name: 'Renewals at risk',
    description: 'Renewing within 90 days with a red or yellow health score.',
    rule: all(condition('days_to_renewal', 'between', [0, 90]), {
      kind: 'condition',
      field: 'health_band',
      operator: 'in',
      value: ['Red', 'Yellow'],
    }),
  },
  {
    name: 'Enterprise advocates',
    description:
      'Enterprise accounts with at least one advocate: candidates for references and case studies.',
    rule: all(condition('tier', 'eq', 'Enterprise'), condition('advocates', 'gte', 1)),
  },
  {
    name: 'Low seat utilisation',
    description: 'Live accounts using less than a quarter of their seats over the last 30 days.',
    rule: all(condition('status', 'eq', 'active'), condition('seat_utilisation', 'lt', 25)),
  },
];

/** The types of the catalogue fields the demo rules read (keys as in the shared field catalogue). */
export const DEMO_RULE_FIELDS: Readonly<Record<string, FieldType>> = {
  arr: 'number',
  go_live_date: 'date',
  active_users_30d: 'number',
  days_since_go_live: 'number',
  days_to_renewal: 'number',
  advocates: 'number',
  health_band: 'text',
  tier: 'text',
  status: 'text',
  seat_utilisation: 'number',
};

/** The values of those fields on one account, on one day. */
export type DemoRuleValues = Readonly<Record<string, number | string | null>>;

/**
 * The tier the tier rules give an account with this ARR (USD): the first match, else the default.
 * @example tierOfArr(150_000) // 'Enterprise'
 */
export function tierOfArr(arr: number, today: string): DemoTierDefinition {
  for (const tier of DEMO_TIERS) {
    if (tier.rule === null || evaluateSegmentRule(tier.rule, { arr }, DEMO_RULE_FIELDS, today)) return tier;
  }
  return DEMO_TIERS[DEMO_TIERS.length - 1] as DemoTierDefinition;
}

/**
 * The stage the entry rules give an account: rule-bearing stages tried from the last position to the
 * first, first match wins; null when none matches (the account then keeps the stage it has).
 * @example stageByRules({ go_live_date: '2025-01-10', days_since_go_live: 40, days_to_renewal: 300, advocates: 0, health_band: 'Green', active_users_30d: 12 }, '2025-02-19') // 'Adoption'
 */
export function stageByRules(values: DemoRuleValues, today: string): DemoLifecycleStage | null {
  for (let position = DEMO_STAGES.length - 1; position >= 0; position -= 1) {
    const stage = DEMO_STAGES[position] as DemoStageDefinition;
    if (stage.entryRule && evaluateSegmentRule(stage.entryRule, values, DEMO_RULE_FIELDS, today))
      return stage.name;
  }
  return null;
}
