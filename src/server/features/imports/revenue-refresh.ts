import { drizzle } from 'drizzle-orm/node-postgres';
import type pg from 'pg';
import { refreshMrrFactsInTransaction } from '../revenue/mrr-facts.repository';
import { STAGING_TABLE } from './import-staging';

/** Accounts that currently own a subscription with one of the staged rows' (source, external id). */
export async function accountsOfStagedSubscriptions(client: pg.PoolClient, source: string): Promise<string[]> {
  const result = await client.query<{ account_id: string }>(
    `SELECT DISTINCT s.account_id FROM subscriptions s JOIN ${STAGING_TABLE} t ON s.source = $1 AND s.external_id = t.external_id`,
    [source],
  );
  return result.rows.map((row) => row.account_id);
}

/**
 * After a subscriptions import, inside its transaction: brings the monthly MRR facts of every
 * account it touched up to date — the accounts the subscriptions belonged to before and after
 * (a re-import may move a subscription to another account).
 */
export async function refreshRevenueAfterSubscriptionImport(client: pg.PoolClient, source: string, accountsBefore: string[]): Promise<void> {
  const accountsAfter = await accountsOfStagedSubscriptions(client, source);
  await refreshMrrFactsInTransaction(drizzle(client), [...accountsBefore, ...accountsAfter]);
}
