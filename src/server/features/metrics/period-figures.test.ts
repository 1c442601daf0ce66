import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  breakDownMetric,
  calculateChurnedMrrByReason,
  calculateCohortRetention,
  calculateCustomerRetentionCost,
  calculateMonthlyMrr,
  type MonthRange,
  previousMonth,
  type RevenueSubscription,
  sliceMonthlyMrrTable,
} from '../../../domain/revenue';
import { makeAccount } from '../../../../test/helpers/factories';
import { createTestDatabase } from '../../../../test/helpers/test-database';
import type { Database } from '../../db/database';
import { churnEvents, exchangeRates, subscriptions } from '../../db/schema';
import { rebuildMrrFacts } from '../revenue/mrr-facts.repository';
import { loadAccountGroups, NO_VALUE_LABEL } from './account-groups.repository';
import { churnKey } from './churn-reason-matching';
import { getChurnReasons, loadChurnReasonsOf } from './churn-reasons.service';
import { getCohorts } from './cohorts.service';
import { setCsCost } from './cs-costs.service';
import { accountsChurnedIn } from './metrics-facts.repository';
import { getMetricsBreakdown, getMetricsOverview } from './metrics-overview.service';
import { loadCohortMrrTable, loadPeriodMrrTable } from './mrr-table.repository';
import { summarisePeriod } from './period-summary';

const NOW = new Date('2026-06-15T12:00:00Z');
const RATES = [
  { currency: 'EUR', validFrom: '2023-01-01', rateToReporting: 1.0825 },
  { currency: 'EUR', validFrom: '2025-03-01', rateToReporting: 1.1375 },
];
const PERIODS: MonthRange[] = [
  { from: '2024-01', to: '2024-12' },
  { from: '2025-04', to: '2025-06' },
  { from: '2025-07', to: '2026-06' },
  { from: '2023-02', to: '2026-06' },
  { from: '2022-06', to: '2022-09' }, // before any subscription: nothing is defined
  { from: '2026-06', to: '2026-06' },
];
const TIERS = ['Enterprise', 'Mid-market', 'SMB', null, ''] as const;
const REASONS = ['price', 'budget', 'product', '', null] as const;

/** mulberry32: the same generated histories on every run. */
function seeded(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const day = (random: () => number) => new Date(Date.UTC(2023, 0, 1) + Math.floor(random() * 1200) * 86_400_000).toISOString().slice(0, 10);
const pick = <T,>(random: () => number, values: readonly T[]): T => values[Math.floor(random() * values.length)]!;

describe('period figures aggregated in SQL equal the domain functions on the full MRR table', () => {
  let database: Database;
  let input: RevenueSubscription[];

  beforeAll(async () => {
    database = await createTestDatabase();
    await database.db.insert(exchangeRates).values(RATES);
    const random = seeded(29);
    const rows: (typeof subscriptions.$inferInsert)[] = [];
    const events: (typeof churnEvents.$inferInsert)[] = [];
    for (let index = 0; index < 120; index += 1) {
      const { id } = await makeAccount(database.db, { tier: pick(random, TIERS) });
      for (let count = 1 + Math.floor(random() * 3); count > 0; count -= 1) {
        const startDate = day(random);
        const endDate = random() < 0.6 ? new Date(Date.parse(startDate) + (25 + Math.floor(random() * 500)) * 86_400_000).toISOString().slice(0, 10) : null;
        rows.push({
          accountId: id,
          product: pick(random, ['Plan', 'Add-on']),
          amountMinor: Math.floor(random() * 300_000),
          currency: random() < 0.7 ? 'USD' : 'EUR',
          billingInterval: pick(random, ['month', 'quarter', 'year'] as const),
          startDate,
          endDate,
          source: 'test',
        });
        if (endDate !== null && random() < 0.6) {
          events.push({ accountId: id, churnedOn: endDate, reasonCode: pick(random, REASONS), source: 'test', externalId: `churn-${index}-${count}` });
        }
      }
    }
    await database.db.insert(subscriptions).values(rows);
    await database.db.insert(churnEvents).values(events);
    for (const month of ['2025-04', '2025-05', '2025-06']) await setCsCost(database.db, month, { amountMinor: 1_234_567, currency: 'USD' });
    await rebuildMrrFacts(database.db, NOW);
    input = (await database.db.select().from(subscriptions)).map((row) => ({ ...row }));
  });
  afterAll(async () => database.close());

  /** The domain's table over `months`, computed from the subscriptions (history loaded from before the first one). */
  function domainTable(months: MonthRange) {
    const rateOf = (currency: string, month: string) =>
      RATES.filter((rate) => rate.currency === currency && rate.validFrom.slice(0, 7) <= month).sort((left, right) => right.validFrom.localeCompare(left.validFrom))[0]
        ?.rateToReporting;
    const { table } = calculateMonthlyMrr({ subscriptions: input, reportingCurrency: 'USD', rateOf, months: { from: '2022-01', to: months.to } });
    return sliceMonthlyMrrTable(table, months);
  }

  it('gives the summary (and CRC) of summarisePeriod on the table from the subscriptions and from the facts', async () => {
    for (const period of PERIODS) {
      const { summary } = await getMetricsOverview(database.db, period, { now: NOW });
      const { crcMinor, csCostMinor, ...figures } = summary;
      const table = domainTable({ from: previousMonth(period.from), to: period.to });
      expect({ period, figures }).toEqual({ period, figures: summarisePeriod(table, period) });
      expect({ period, figures }).toEqual({ period, figures: summarisePeriod(await loadPeriodMrrTable(database.db, period), period) });
      const crc = csCostMinor === null ? null : calculateCustomerRetentionCost(table, period, csCostMinor).costPerRetainedCustomer;
      expect({ period, crcMinor }).toEqual({ period, crcMinor: crc ?? crcMinor });
    }
    const quarter = await getMetricsOverview(database.db, { from: '2025-04', to: '2025-06' }, { now: NOW });
    expect(quarter.summary.csCostMinor).toBe(3_703_701);
    expect(quarter.summary.crcMinor.status).toBe('defined');
  });

  it('gives the breakdown of breakDownMetric over the period table, per tier', async () => {
    for (const period of PERIODS) {
      const table = await loadPeriodMrrTable(database.db, period);
      const groups = await loadAccountGroups(database.db, 'tier', period.to);
      const expected = breakDownMetric(table, (accountId) => groups.get(accountId)?.key ?? null, (groupTable) => summarisePeriod(groupTable, period)).map((group) => ({
        key: group.group,
        label: group.group ?? NO_VALUE_LABEL,
        accounts: group.accountIds.length,
        summary: group.result,
      }));
      const breakdown = await getMetricsBreakdown(database.db, { ...period, by: 'tier' }, { now: NOW });
      expect({ period, groups: breakdown.groups }).toEqual({ period, groups: expected });
    }
  });

  it('gives the churn reasons of calculateChurnedMrrByReason over the period table', async () => {
    for (const period of PERIODS) {
      const table = await loadPeriodMrrTable(database.db, period);
      const reasons = await loadChurnReasonsOf(database.db, accountsChurnedIn(period));
      const expected = calculateChurnedMrrByReason(table, period, (accountId, month) => reasons.get(churnKey(accountId, month)) ?? null).map((total) => ({
        reasonCode: total.reason,
        churnedMrrMinor: total.churnedMrrMinor,
        accounts: total.accountIds.length,
        share: total.share,
      }));
      const result = await getChurnReasons(database.db, period, { now: NOW });
      expect({ period, reasons: result.reasons }).toEqual({ period, reasons: expected });
    }
  });

  it('gives the cohorts of calculateCohortRetention over the cohort table', async () => {
    for (const period of PERIODS) {
      const table = await loadCohortMrrTable(database.db, period, '2026-06');
      const expected = calculateCohortRetention(table, { cohortMonths: period }).cohorts.map(({ cohortMonth, startingCustomers, startingMrrMinor, cells }) => ({
        cohortMonth,
        startingCustomers,
        startingMrrMinor,
        cells: cells.map(({ retainedAccountIds: _ids, ...cell }) => cell),
      }));
      const result = await getCohorts(database.db, period, { now: NOW });
      expect({ period, cohorts: result.cohorts }).toEqual({ period, cohorts: expected });
    }
  });
});
