import { makeAccount, makeSubscription } from '../../../../test/helpers/factories';
import type { Db } from '../../db/database';
import { churnEvents, exchangeRates } from '../../db/schema';

/**
 * A hand-made revenue history where every figure can be worked out on paper (USD cents).
 * The period asked for is 2025-02…2026-01 (opening month 2025-01).
 *
 * | Account | Tier       | Trait region_code | Story (month-end MRR)                                                       |
 * |---------|------------|-------------------|-----------------------------------------------------------------------------|
 * | Anvil   | Enterprise | EMEA              | 100,000 from 2025-01; add-on +50,000 from 2025-06 (expansion)               |
 * | Bolt    | Enterprise | AMER              | €500 at 1.1 = 55,000 from 2025-01; €300 = 33,000 from 2025-09 (contraction)  |
 * | Crane   | SMB        | EMEA              | 20,000 2024-06…2025-03; churn in 2025-04 (event 2025-04-01, "price")        |
 * | Drill   | SMB        | AMER              | 30,000 2024-03…2024-11; back with 30,000 from 2025-05 (reactivation)        |
 * | Echo    | —          | —                 | 40,000 from 2025-08 (new); a duplicate from a re-import counts in 2025-12   |
 * | Fjord   | —          | —                 | £100 a month from 2025-03, GBP has no rate: no MRR, a warning               |
 * | Gale    | —          | —                 | 25,000 2024-01…2025-10; churn in 2025-11 with no event ("unknown")          |
 *
 * Totals: 200,000 at the end of 2025-01 (Anvil, Bolt, Crane, Gale) → 253,000 at the end of 2026-01.
 */
export const DATASET_PERIOD = { from: '2025-02', to: '2026-01' } as const;

export interface MetricsDataset {
  ids: Record<'anvil' | 'bolt' | 'crane' | 'drill' | 'echo' | 'fjord' | 'gale', string>;
}

/** Inserts the dataset (accounts, subscriptions, the EUR rate, churn events); `ownerId` owns Anvil and Gale. */
export async function seedMetricsDataset(db: Db, ownerId: string | null = null): Promise<MetricsDataset> {
  await db.insert(exchangeRates).values({ currency: 'EUR', validFrom: '2024-01-01', rateToReporting: 1.1 });
  const account = (name: string, overrides: Parameters<typeof makeAccount>[1] = {}) =>
    makeAccount(db, { name, externalId: name.toLowerCase(), ...overrides });

  const anvil = await account('Anvil', { tier: 'Enterprise', traits: { region_code: 'EMEA' }, ownerId });
  await makeSubscription(db, anvil.id, { amountMinor: 100_000, startDate: '2025-01-01' });
  await makeSubscription(db, anvil.id, { product: 'Cycle Add-on', amountMinor: 50_000, startDate: '2025-06-01' });

  const bolt = await account('Bolt', { tier: 'Enterprise', traits: { region_code: 'AMER' } });
  await makeSubscription(db, bolt.id, { amountMinor: 50_000, currency: 'EUR', startDate: '2025-01-01', endDate: '2025-09-01' });
  await makeSubscription(db, bolt.id, { amountMinor: 30_000, currency: 'EUR', startDate: '2025-09-01' });

  const crane = await account('Crane', { tier: 'SMB', traits: { region_code: 'EMEA' } });
  await makeSubscription(db, crane.id, { product: 'Cycle Starter', amountMinor: 20_000, startDate: '2024-06-01', endDate: '2025-04-01' });

  const drill = await account('Drill', { tier: 'SMB', traits: { region_code: 'AMER' } });
  await makeSubscription(db, drill.id, { amountMinor: 30_000, startDate: '2024-03-01', endDate: '2024-12-01' });
  await makeSubscription(db, drill.id, { amountMinor: 30_000, startDate: '2025-05-01' });

  const echo = await account('Echo');
  await makeSubscription(db, echo.id, { plan: 'Growth', amountMinor: 40_000, startDate: '2025-08-01', externalId: 'echo-1' });
  await makeSubscription(db, echo.id, {
    plan: 'Growth',
    amountMinor: 40_000,
    startDate: '2025-12-01',
    endDate: '2026-01-01',
    source: 'billing',
    externalId: 'inv-77',
  });

  const fjord = await account('Fjord');
  await makeSubscription(db, fjord.id, { amountMinor: 10_000, currency: 'GBP', startDate: '2025-03-01' });

  const gale = await account('Gale', { ownerId });
  await makeSubscription(db, gale.id, { product: 'Cycle Starter', amountMinor: 25_000, startDate: '2024-01-01', endDate: '2025-11-01' });

  await db.insert(churnEvents).values([
    { accountId: crane.id, churnedOn: '2025-04-01', reasonCode: 'price', source: 'test', externalId: 'churn-crane' },
    { accountId: drill.id, churnedOn: '2024-12-01', reasonCode: 'budget', source: 'test', externalId: 'churn-drill' },
    // 22 months before Gale's churn: too far to explain it, so Gale's churn stays "unknown".
    { accountId: gale.id, churnedOn: '2024-01-15', reasonCode: 'onboarding', source: 'test', externalId: 'churn-gale-old' },
  ]);
  return { ids: { anvil: anvil.id, bolt: bolt.id, crane: crane.id, drill: drill.id, echo: echo.id, fjord: fjord.id, gale: gale.id } };
}
