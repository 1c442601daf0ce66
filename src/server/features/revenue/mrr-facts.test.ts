import { eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calculateMonthlyMrr, calculateMrrMovements, type RevenueSubscription } from '../../../domain/revenue';
import { makeAccount } from '../../../../test/helpers/factories';
import { createTestDatabase } from '../../../../test/helpers/test-database';
import type { Database } from '../../db/database';
import { accounts, exchangeRates, subscriptions } from '../../db/schema';
import { rebuildMrrFacts, refreshMrrFacts } from './mrr-facts.repository';

const NOW = new Date('2026-06-15T12:00:00Z');
const RATES = [
  { currency: 'EUR', validFrom: '2023-01-01', rateToReporting: 1.0825 },
  { currency: 'EUR', validFrom: '2025-03-01', rateToReporting: 1.1375 },
  { currency: 'JPY', validFrom: '2023-01-01', rateToReporting: 0.0067 },
];

/** A small deterministic generator (mulberry32) so the dataset is the same on every run. */
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

function randomDay(random: () => number, fromYear: number, years: number): string {
  const date = new Date(Date.UTC(fromYear, 0, 1) + Math.floor(random() * years * 365) * 86_400_000);
  return date.toISOString().slice(0, 10);
}

async function generateSubscriptions(database: Database, accountIds: string[], seed: number) {
  const random = seeded(seed);
  const rows: (typeof subscriptions.$inferInsert)[] = [];
  for (const accountId of accountIds) {
    const count = 1 + Math.floor(random() * 4);
    for (let index = 0; index < count; index += 1) {
      const startDate = randomDay(random, 2023, 3);
      const ends = random() < 0.55;
      const endDate = ends ? new Date(Date.parse(startDate) + (20 + Math.floor(random() * 600)) * 86_400_000).toISOString().slice(0, 10) : null;
      const currencyPick = random();
      rows.push({
        accountId,
        product: 'Plan',
        amountMinor: Math.floor(random() * 500_000),
        currency: currencyPick < 0.6 ? 'USD' : currencyPick < 0.8 ? 'EUR' : currencyPick < 0.93 ? 'JPY' : 'GBP', // GBP has no rate
        billingInterval: (['month', 'quarter', 'year'] as const)[Math.floor(random() * 3)]!,
        startDate,
        endDate,
        source: 'test',
      });
    }
  }
  await database.db.insert(subscriptions).values(rows);
}

async function snapshot(database: Database) {
  const facts = await database.pool.query(
    `SELECT account_id, to_char(month, 'YYYY-MM') AS month, mrr_minor, previous_mrr_minor, paid_before, base12_minor, movement, missing_rate_currencies
     FROM account_mrr_monthly ORDER BY account_id, month`,
  );
  const totals = await database.pool.query(`SELECT * FROM mrr_monthly_totals ORDER BY month`);
  return { facts: facts.rows, totals: totals.rows };
}

describe('monthly MRR facts', () => {
  let database: Database;
  let accountIds: string[];

  beforeAll(async () => {
    database = await createTestDatabase();
    await database.db.insert(exchangeRates).values(RATES);
    accountIds = [];
    for (let index = 0; index < 60; index += 1) accountIds.push((await makeAccount(database.db)).id);
    await generateSubscriptions(database, accountIds, 7);
    await rebuildMrrFacts(database.db, NOW);
  });
  afterAll(async () => database.close());

  it('matches the domain calculation of month-end MRR and movements for every account-month', async () => {
    const rows = await database.db.select().from(subscriptions);
    const input: RevenueSubscription[] = rows.map((row) => ({ ...row }));
    const rateOf = (currency: string, month: string) =>
      RATES.filter((rate) => rate.currency === currency && rate.validFrom.slice(0, 7) <= month)
        .sort((left, right) => right.validFrom.localeCompare(left.validFrom))[0]?.rateToReporting;
    const { table } = calculateMonthlyMrr({ subscriptions: input, reportingCurrency: 'USD', rateOf, months: { from: '2022-12', to: '2026-06' } }); // opens before any subscription, so 2023-01 movements are classified
    const expected = new Map<string, number>();
    table.accounts.forEach((series) => series.mrrMinor.forEach((value, position) => expected.set(`${series.accountId} ${table.months[position]}`, value)));
    const movements = new Map(calculateMrrMovements(table).map((movement) => [`${movement.accountId} ${movement.month}`, movement.kind]));

    const { facts } = await snapshot(database);
    expect(facts.length).toBeGreaterThan(1000);
    for (const fact of facts) {
      const key = `${fact.account_id} ${fact.month}`;
      expect({ key, mrr: Number(fact.mrr_minor) }).toEqual({ key, mrr: expected.get(key) ?? 0 });
      expect({ key, movement: fact.movement }).toEqual({ key, movement: movements.get(key) ?? 'none' });
    }
    const gbpAccounts = new Set(rows.filter((row) => row.currency === 'GBP').map((row) => row.accountId));
    expect(facts.some((fact) => fact.missing_rate_currencies.includes('GBP'))).toBe(gbpAccounts.size > 0);
  });

  it('keeps the totals equal to the sums of the facts, and the roll-forward holds every month', async () => {
    const { totals } = await snapshot(database);
    for (let index = 1; index < totals.length; index += 1) {
      const [previous, current] = [totals[index - 1], totals[index]];
      const rolled =
        Number(previous.mrr_minor) + Number(current.new_minor) + Number(current.reactivation_minor) + Number(current.expansion_minor) -
        Number(current.contraction_minor) - Number(current.churn_minor);
      expect({ month: current.month, mrr: Number(current.mrr_minor) }).toEqual({ month: current.month, mrr: rolled });
    }
  });

  it('maintains facts incrementally so that they equal a full rebuild after subscriptions change', async () => {
    const changed = accountIds.slice(0, 15);
    await database.db.delete(subscriptions).where(inArray(subscriptions.accountId, changed.slice(0, 5)));
    await generateSubscriptions(database, changed.slice(5), 99);
    await database.db
      .update(subscriptions)
      .set({ amountMinor: sql`${subscriptions.amountMinor} * 2` })
      .where(eq(subscriptions.accountId, accountIds[20]!));
    await refreshMrrFacts(database.db, [...changed, accountIds[20]!], NOW);
    const incremental = await snapshot(database);

    await rebuildMrrFacts(database.db, NOW);
    const rebuilt = await snapshot(database);
    expect(incremental.facts).toEqual(rebuilt.facts);
    expect(incremental.totals).toEqual(rebuilt.totals);
  });

  it('removes a deleted account from the facts and the totals', async () => {
    const before = await snapshot(database);
    const target = accountIds[30]!;
    await database.db.delete(subscriptions).where(eq(subscriptions.accountId, target));
    await refreshMrrFacts(database.db, [target], NOW);
    await database.db.delete(accounts).where(eq(accounts.id, target));
    const after = await snapshot(database);
    expect(after.facts.some((fact) => fact.account_id === target)).toBe(false);
    await rebuildMrrFacts(database.db, NOW);
    expect(after.totals).toEqual((await snapshot(database)).totals);
    expect(before.facts.length).toBeGreaterThan(after.facts.length);
  });
});
