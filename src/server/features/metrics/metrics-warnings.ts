import type { MonthRange } from '../../../domain/revenue';
import type { MetricsOverview } from '../../../shared/api/metrics.contract';
import { REPORTING_CURRENCY } from '../accounts/current-mrr.sql';
import type { Executor } from '../revenue/mrr-facts.repository';
import { describeMonthRuns } from './metrics-range';
import { countMissingRateRows, loadMissingRates, loadOverlappingSubscriptions, type OverlapRow, type SubscriptionRef } from './metrics-warnings.repository';

export type MetricsWarning = MetricsOverview['warnings'][number];

/** The most warnings listed; past it the last one says how many more there are. */
export const WARNING_LIMIT = 100;

/**
 * The data-quality warnings behind the figures of `months` (opening month through the last month):
 * the stale-facts message if any, one warning per account and currency without an exchange rate
 * (naming the months), one per pair of overlapping subscriptions of the same product and plan.
 * At most WARNING_LIMIT; when there are more, the last one counts the rest by kind.
 */
export async function collectMetricsWarnings(db: Executor, months: MonthRange, staleMessage: string | null): Promise<MetricsWarning[]> {
  // The totals count the account-months with a missing rate: scan the facts only when there are some.
  const [missing, overlaps] = await Promise.all([
    countMissingRateRows(db, months).then((rows) => (rows > 0 ? loadMissingRates(db, months, WARNING_LIMIT) : [])),
    loadOverlappingSubscriptions(db, months, WARNING_LIMIT),
  ]);
  const warnings: MetricsWarning[] = [];
  if (staleMessage) warnings.push({ kind: 'stale-facts', message: staleMessage, accountId: null, accountName: null, month: null, currency: null });
  for (const row of missing) {
    warnings.push({
      kind: 'missing-exchange-rate',
      message:
        `${row.accountName}: its ${row.currency} subscriptions have no exchange rate to ${REPORTING_CURRENCY} in ${describeMonthRuns(row.months)}, ` +
        `so that revenue is left out of MRR there. Add a ${row.currency} rate valid from ${row.months[0]}-01.`,
      accountId: row.accountId,
      accountName: row.accountName,
      month: row.months[0] ?? null,
      currency: row.currency,
    });
  }
  for (const row of overlaps) warnings.push(overlapWarning(row));
  const counts = {
    'stale-facts': staleMessage ? 1 : 0,
    'missing-exchange-rate': missing[0]?.total ?? 0,
    'overlapping-subscriptions': overlaps[0]?.total ?? 0,
  };
  const total = counts['stale-facts'] + counts['missing-exchange-rate'] + counts['overlapping-subscriptions'];
  if (total <= WARNING_LIMIT) return warnings;
  const listed = warnings.slice(0, WARNING_LIMIT - 1);
  const unlisted = { ...counts };
  for (const warning of listed) unlisted[warning.kind] -= 1;
  const largest = (Object.keys(unlisted) as MetricsWarning['kind'][]).sort((left, right) => unlisted[right] - unlisted[left])[0]!;
  const parts = (['missing-exchange-rate', 'overlapping-subscriptions'] as const)
    .filter((kind) => unlisted[kind] > 0)
    .map((kind) => `${kind === 'missing-exchange-rate' ? 'missing exchange rates' : 'overlapping subscriptions'}: ${unlisted[kind]}`);
  listed.push({
    kind: largest,
    message: `…and ${total - listed.length} more warnings not listed (${parts.join(', ')}); fix the ones above and look again.`,
    accountId: null,
    accountName: null,
    month: null,
    currency: null,
  });
  return listed;
}

function overlapWarning(row: OverlapRow): MetricsWarning {
  const what = row.plan ? `${row.product} / ${row.plan}` : row.product;
  const until = row.overlapTo ? `until ${row.overlapTo}` : 'on, with no end';
  return {
    kind: 'overlapping-subscriptions',
    message:
      `${row.accountName}: two ${what} subscriptions overlap from ${row.overlapFrom} ${until} — ${describeSubscription(row.first)} ` +
      `and ${describeSubscription(row.second)} — and both count in MRR. If one is a duplicate from a re-import under another ` +
      'source or external id, delete it.',
    accountId: row.accountId,
    accountName: row.accountName,
    month: row.overlapFrom.slice(0, 7),
    currency: null,
  };
}

function describeSubscription(subscription: SubscriptionRef): string {
  const id = subscription.externalId === null ? `${subscription.source} (no external id)` : `${subscription.source} ${subscription.externalId}`;
  return `${id}, ${subscription.startDate} → ${subscription.endDate ?? 'no end'}`;
}
