/**
 * The measure inputs of the health scoring SQL (scoring-sql.ts): for each input kind, the SQL that
 * reads its raw value as of a moment. Window semantics per kind are in docs/health.md ("Measure inputs").
 */
import type { MeasureInput, ScorecardDefinition } from '../../../shared/api/health.contract';

/** Positional parameters collected while building a query; `$1` is always the as-of time. */
export class QueryParameters {
  readonly values: unknown[];
  constructor(asOf: Date) {
    this.values = [asOf.toISOString()];
  }
  /** A placeholder for `value` with an explicit type, so PostgreSQL never has to guess. */
  add(value: unknown, type: 'text' | 'float8' | 'int' | 'text[]' | 'uuid' | 'uuid[]' | 'date'): string {
    this.values.push(value);
    return `$${this.values.length}::${type}`;
  }
}

/** The as-of moment and its UTC calendar day, as SQL expressions over parameter $1. */
export const AS_OF = '$1::timestamptz';
export const AS_OF_DAY = `(($1::timestamptz AT TIME ZONE 'UTC')::date)`;

/** Input kinds whose raw value is a number (stored as float8 text); the rest are labels. */
const NUMERIC_KINDS: ReadonlySet<MeasureInput['kind']> = new Set([
  'active_users',
  'events',
  'event_count',
  'seat_utilisation',
  'usage_change',
  'open_tickets',
  'tickets_opened',
  'escalations',
  'mean_time_to_close',
  'last_nps',
  'last_csat',
  'days_since_activity',
  'days_since_ebr',
  'mrr_change',
]);

/** True when the input gives numbers (its stored raw text is read back with Number). */
export function isNumericInput(input: MeasureInput): boolean {
  return NUMERIC_KINDS.has(input.kind);
}

export type InputSql = {
  /** CTEs this input needs (name → body), shared between measures that read the same thing. */
  ctes: Map<string, string>;
  /** The raw value as text over `t` (the target row) and the joined CTEs; NULL when missing. */
  rawText: string;
  /** The raw value as float8 for numeric inputs. */
  rawNumber: string | null;
  joins: string[];
};

const ticketWindow = (column: string, days: number) =>
  `${column} > ${AS_OF} - make_interval(days => ${days}) AND ${column} <= ${AS_OF}`;
/** Usage is 0 (not missing) once the account has sent any usage on or before the as-of day. */
const usageKnown = `EXISTS (SELECT 1 FROM usage_daily k WHERE k.account_id = t.account_id AND k.day <= ${AS_OF_DAY})`;
/** float8 as text the way JavaScript's String(number) writes it for ordinary values. */
const asText = (expression: string) => `(${expression})::text`;

/**
 * Every usage figure the scorecard needs, read from usage_daily in one pass (one CTE, `usage_window`, over
 * the longest span any measure reads) with a FILTERed aggregate per window — usage is the biggest
 * input, so it is never scanned twice.
 */
const sumOf = (expression: string) => (filter: string) => `(sum(${expression}) ${filter})::float8`;

class UsageColumns {
  readonly columns = new Map<string, string>();
  span = 0;
  /** Days in (as-of − `from`, as-of − `to`]. */
  private window(from: number, to: number): string {
    this.span = Math.max(this.span, from);
    return `u.day > ${AS_OF_DAY} - ${from}${to > 0 ? ` AND u.day <= ${AS_OF_DAY} - ${to}` : ''}`;
  }
  /** A column of `usage_window` named `name`: an aggregate (given its FILTER clause) over the days (as-of − from, as-of − to]. */
  column(name: string, aggregate: (filter: string) => string, from: number, to = 0): string {
    if (!this.columns.has(name))
      this.columns.set(name, `${aggregate(`FILTER (WHERE ${this.window(from, to)})`)} AS ${name}`);
    return `usage_window.${name}`;
  }
  /** True (for the `t` row) when the account has usage rows in the last `days` days. */
  present(days: number): string {
    return `coalesce(${this.column(`days_${days}`, (filter) => `count(*) ${filter}`, days)}, 0) > 0`;
  }
}

/**
 * Ticket counts, read from tickets in one pass (one CTE, `ticket_counts`): each column is a count with
 * its own FILTER, and the scan keeps the rows any column wants.
 */
class TicketColumns {
  readonly columns = new Map<string, string>();
  readonly conditions = new Set<string>();
  /** A column of `ticket_counts` named `name`: an aggregate (given its FILTER clause) over the rows meeting `condition`. */
  column(name: string, aggregate: (filter: string) => string, condition: string): string {
    if (!this.columns.has(name)) {
      this.columns.set(name, `${aggregate(`FILTER (WHERE ${condition})`)} AS ${name}`);
      this.conditions.add(condition);
    }
    return `ticket_counts.${name}`;
  }
}

/**
 * The SQL reading one measure's input for the accounts in `target`. Window semantics per kind are
 * documented in docs/health.md ("Measure inputs"). `inTarget` limits an input's rows to the target
 * accounts (empty when the target is (nearly) every account, so PostgreSQL can scan and hash instead of
 * probing account by account).
 */
function inputSql(
  input: MeasureInput,
  windowDays: number,
  parameters: QueryParameters,
  usage: UsageColumns,
  tickets: TicketColumns,
  inTarget: (alias: string) => string,
): InputSql {
  const ctes = new Map<string, string>();
  const joins: string[] = [];
  const join = (name: string, body: string) => {
    ctes.set(name, body);
    joins.push(`LEFT JOIN ${name} ON ${name}.account_id = t.account_id`);
    return name;
  };
  const numeric = (expression: string): InputSql => ({
    ctes,
    joins,
    rawNumber: expression,
    rawText: asText(expression),
  });
  switch (input.kind) {
    case 'active_users':
    case 'events':
    case 'seat_utilisation': {
      const present = usage.present(windowDays);
      const activeUsers = usage.column(`active_users_${windowDays}`, sumOf('u.active_users'), windowDays);
      const average = `CASE WHEN ${present} THEN ${activeUsers} / ${windowDays} WHEN ${usageKnown} THEN 0::float8 END`;
      if (input.kind === 'active_users') return numeric(average);
      if (input.kind === 'events') {
        const events = usage.column(`events_${windowDays}`, sumOf('u.event_count'), windowDays);
        return numeric(`CASE WHEN ${present} THEN ${events} WHEN ${usageKnown} THEN 0::float8 END`);
      }
      const seats = join(
        'seats',
        `SELECT s.account_id, sum(s.seats)::float8 AS seats FROM subscriptions s
         WHERE ${inTarget('s')} s.seats IS NOT NULL AND s.start_date <= ${AS_OF_DAY} AND (s.end_date IS NULL OR s.end_date > ${AS_OF_DAY})
         GROUP BY s.account_id`,
      );
      return numeric(`CASE WHEN ${seats}.seats > 0 THEN (${average}) / ${seats}.seats * 100 END`);
    }
    case 'usage_change': {
      const recent = usage.column(`active_users_${windowDays}`, sumOf('u.active_users'), windowDays);
      const before = usage.column(
        `active_users_before_${windowDays}`,
        sumOf('u.active_users'),
        windowDays * 2,
        windowDays,
      );
      return numeric(
        `CASE WHEN ${before} > 0 THEN (coalesce(${recent}, 0::float8) - ${before}) / ${before} * 100 END`,
      );
    }
    case 'event_count': {
      const event = parameters.add(input.event, 'text');
      const present = usage.present(windowDays);
      const count = usage.column(
        `event_${parameters.values.length}_${windowDays}`,
        sumOf(`coalesce((u.event_counts ->> ${event})::float8, 0)`),
        windowDays,
      );
      return numeric(`CASE WHEN ${present} THEN ${count} WHEN ${usageKnown} THEN 0::float8 END`);
    }
    case 'open_tickets':
      return numeric(
        `coalesce(${tickets.column(
          'open',
          (filter) => `(count(*) ${filter})::float8`,
          `tickets.opened_at <= ${AS_OF} AND (tickets.resolved_at > ${AS_OF} OR (tickets.resolved_at IS NULL AND tickets.status NOT IN ('solved', 'closed')))`,
        )}, 0::float8)`,
      );
    case 'tickets_opened':
    case 'escalations': {
      const opened = ticketWindow('tickets.opened_at', windowDays);
      const column =
        input.kind === 'escalations'
          ? tickets.column(
              `escalated_${windowDays}`,
              (filter) => `(count(*) ${filter})::float8`,
              `${opened} AND tickets.escalated`,
            )
          : tickets.column(`opened_${windowDays}`, (filter) => `(count(*) ${filter})::float8`, opened);
      return numeric(`coalesce(${column}, 0::float8)`);
    }
    case 'mean_time_to_close': {
      const name = join(
        `closed_${windowDays}`,
        `SELECT account_id, avg(extract(epoch FROM resolved_at - opened_at)::float8 / 3600) AS hours
         FROM tickets WHERE ${inTarget('tickets')} ${ticketWindow('resolved_at', windowDays)} GROUP BY account_id`,
      );
      return numeric(`${name}.hours`);
    }
    case 'last_nps':
    case 'last_csat': {
      const kind = input.kind === 'last_nps' ? 'nps' : 'csat';
      const name = join(
        `${kind}_${windowDays}`,
        `SELECT DISTINCT ON (account_id) account_id, score::float8 AS score FROM survey_responses
         WHERE ${inTarget('survey_responses')} survey_kind = '${kind}' AND ${ticketWindow('responded_at', windowDays)}
         ORDER BY account_id, responded_at DESC, created_at DESC, id DESC`,
      );
      return numeric(`${name}.score`);
    }
    case 'days_since_activity':
    case 'days_since_ebr': {
      const name = join(
        input.kind === 'days_since_ebr' ? 'last_ebr' : 'last_activity',
        `SELECT account_id, max(occurred_at) AS occurred_at FROM activities
         WHERE ${inTarget('activities')} occurred_at <= ${AS_OF}${input.kind === 'days_since_ebr' ? ` AND kind IN ('ebr', 'qbr')` : ''}
         GROUP BY account_id`,
      );
      return numeric(`(${AS_OF_DAY} - (${name}.occurred_at AT TIME ZONE 'UTC')::date)::float8`);
    }
    case 'mrr_change': {
      // The last month that ended on or before the as-of day, so a backtest never sees later money.
      const lastMonth = `(date_trunc('month', ${AS_OF_DAY} + 1) - interval '1 month')::date`;
      const name = join(
        `mrr_change_${input.months}`,
        `SELECT account_id,
                sum(mrr_minor) FILTER (WHERE month = ${lastMonth})::float8 AS now_minor,
                sum(mrr_minor) FILTER (WHERE month = (${lastMonth} - make_interval(months => ${input.months}))::date)::float8 AS then_minor
         FROM account_mrr_monthly
         WHERE ${inTarget('account_mrr_monthly')} month IN (${lastMonth}, (${lastMonth} - make_interval(months => ${input.months}))::date)
         GROUP BY account_id`,
      );
      return numeric(
        `CASE WHEN ${name}.then_minor > 0 THEN (coalesce(${name}.now_minor, 0) - ${name}.then_minor) / ${name}.then_minor * 100 END`,
      );
    }
    case 'sentiment': {
      const name = join(
        'sentiment',
        `SELECT DISTINCT ON (account_id) account_id, sentiment FROM health_sentiments
         WHERE ${inTarget('health_sentiments')} created_at <= ${AS_OF} AND expires_on >= ${AS_OF_DAY}
         ORDER BY account_id, created_at DESC, id DESC`,
      );
      return { ctes, joins, rawNumber: null, rawText: `${name}.sentiment` };
    }
    case 'trait': {
      const key = parameters.add(input.key, 'text');
      return { ctes, joins, rawNumber: null, rawText: `nullif(a.traits ->> ${key}, '')` };
    }
    case 'account_field':
      return { ctes, joins, rawNumber: null, rawText: `nullif(a.${input.field}, '')` };
  }
}

/**
 * The SQL reading every measure's input: CTEs (name → body) and joins onto the target row `t`, and
 * each measure's raw value expressions, in measure order. Usage and ticket figures are gathered
 * across measures into one CTE each (`usage_window`, `ticket_counts`), so each table is read once.
 */
export function measureInputsSql(
  definition: ScorecardDefinition,
  parameters: QueryParameters,
  inTarget: (alias: string) => string,
): { ctes: Map<string, string>; joins: Set<string>; inputs: InputSql[] } {
  const ctes = new Map<string, string>();
  const joins = new Set<string>();
  const usage = new UsageColumns();
  const tickets = new TicketColumns();
  const inputs = definition.measures.map((measure) => {
    const input = inputSql(measure.input, measure.windowDays, parameters, usage, tickets, inTarget);
    for (const [name, body] of input.ctes) ctes.set(name, body);
    for (const join of input.joins) joins.add(join);
    return input;
  });
  if (usage.columns.size > 0) {
    ctes.set(
      'usage_window',
      `SELECT u.account_id, ${[...usage.columns.values()].join(', ')}
       FROM usage_daily u WHERE ${inTarget('u')} u.day > ${AS_OF_DAY} - ${usage.span} AND u.day <= ${AS_OF_DAY} GROUP BY u.account_id`,
    );
    joins.add('LEFT JOIN usage_window ON usage_window.account_id = t.account_id');
  }
  if (tickets.columns.size > 0) {
    ctes.set(
      'ticket_counts',
      `SELECT tickets.account_id, ${[...tickets.columns.values()].join(', ')}
       FROM tickets WHERE ${inTarget('tickets')} ((${[...tickets.conditions].join(') OR (')})) GROUP BY tickets.account_id`,
    );
    joins.add('LEFT JOIN ticket_counts ON ticket_counts.account_id = t.account_id');
  }
  return { ctes, joins, inputs };
}
