import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addMonths,
  calculateMonthlyMrr,
  calculateTrailingTwelveMonthRetention,
  type MonthRange,
  previousMonth,
  type RevenueSubscription,
  rollUpMrrMovements,
  sliceMonthlyMrrTable,
} from '../../../domain/revenue';
import { makeAccount } from '../../../../test/helpers/factories';
import { createTestDatabase } from '../../../../test/helpers/test-database';
import type { Database } from '../../db/database';
import { exchangeRates, subscriptions } from '../../db/schema';
import { rebuildMrrFacts } from '../revenue/mrr-facts.repository';
import { loadMonthlyTotals } from './metrics-facts.repository';
import { loadPeriodMrrTable } from './mrr-table.repository';
import { monthlySeriesFromTotals, summarisePeriod } from './period-summary';

const NOW = new Date('2026-06-15T12:00:00Z');
const RATES = [
  { currency: 'EUR', validFrom: '2023-01-01', rateToReporting: 1.0825 },
  { currency: 'EUR', validFrom: '2025-03-01', rateToReporting: 1.1375 },
];

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

describe('metrics series from the stored totals', () => {
  let database: Database;
  let input: RevenueSubscription[];

  beforeAll(async () => {
    database = await createTestDatabase();
    await database.db.insert(exchangeRates).values(RATES);
    const random = seeded(11);
    const rows: (typeof subscriptions.$inferInsert)[] = [];
    for (let index = 0; index < 80; index += 1) {
      const { id } = await makeAccount(database.db);
      for (let count = 1 + Math.floor(random() * 3); count > 0; count -= 1) {
        const startDate = day(random);
        const ends = random() < 0.6;
        rows.push({
          accountId: id,
          product: 'Plan',
          amountMinor: Math.floor(random() * 300_000),
          currency: random() < 0.7 ? 'USD' : 'EUR',
          billingInterval: (['month', 'quarter', 'year'] as const)[Math.floor(random() * 3)]!,
          startDate,
          endDate: ends ? new Date(Date.parse(startDate) + (25 + Math.floor(random() * 500)) * 86_400_000).toISOString().slice(0, 10) : null,
          source: 'test',
        });
      }
    }
    await database.db.insert(subscriptions).values(rows);
    await rebuildMrrFacts(database.db, NOW);
    input = (await database.db.select().from(subscriptions)).map((row) => ({ ...row }));
  });
  afterAll(async () => database.close());

  /** The domain's table over `months`, computed from the subscriptions (history loaded from before the first one). */
  function domainTable(months: MonthRange) {
    const rateOf = (currency: string, month: string) =>
      RATES.filter((rate) => rate.currency === currency && rate.validFrom.slice(0, 7) <= month).sort((left, right) => right.validFrom.localeCompare(left.validFrom))[0]
        ?.rateToReporting;
    const { table } = calculateMonthlyMrr({ subscriptions: input, reportingCurrency: 'USD', rateOf, months: { from: '2022-12', to: months.to } });
    return sliceMonthlyMrrTable(table, months);
  }

  it('equals rollUpMrrMovements and the trailing-12 retention of the domain, month by month', async () => {
    const range = { from: '2024-03', to: '2026-06' };
    const series = monthlySeriesFromTotals(await loadMonthlyTotals(database.db, range), range);
    const rolledUp = rollUpMrrMovements(domainTable({ from: previousMonth(range.from), to: range.to }));
    const history = domainTable({ from: addMonths(range.from, -12), to: range.to });
    expect(series.length).toBe(28);
    series.forEach((month, index) => {
      const domain = rolledUp[index]!;
      const trailing = calculateTrailingTwelveMonthRetention(history, month.month);
      expect(month).toEqual({
        month: domain.month,
        mrrMinor: domain.closingMrrMinor,
        arrMinor: domain.closingArrMinor,
        customers: domain.closingCustomers,
        newMinor: domain.newMrrMinor,
        expansionMinor: domain.expansionMrrMinor,
        reactivationMinor: domain.reactivationMrrMinor,
        contractionMinor: domain.contractionMrrMinor,
        churnMinor: domain.churnMrrMinor,
        newLogos: domain.accountIds.new.length,
        churnedLogos: domain.accountIds.churn.length,
        reactivatedLogos: domain.accountIds.reactivation.length,
        nrrTrailing12: trailing.netRevenueRetention.rate,
        grrTrailing12: trailing.grossRevenueRetention.rate,
      });
    });
    expect(series.some((month) => month.churnMinor > 0 && month.reactivationMinor > 0 && month.expansionMinor > 0)).toBe(true);
  });

  it('gives the same period summary from the stored facts as from the subscriptions', async () => {
    for (const period of [
      { from: '2024-01', to: '2024-12' },
      { from: '2025-04', to: '2025-06' },
      { from: '2023-02', to: '2026-06' },
    ]) {
      const fromFacts = summarisePeriod(await loadPeriodMrrTable(database.db, period), period);
      const fromDomain = summarisePeriod(domainTable({ from: previousMonth(period.from), to: period.to }), period);
      expect({ period, summary: fromFacts }).toEqual({ period, summary: fromDomain });
    }
  });
});
