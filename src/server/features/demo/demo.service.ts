import { backfillHealth, recomputeHealth } from '../health-scoring/health-recompute.service';
import { RECOMMENDED_SCORECARD, RECOMMENDED_SCORECARD_NAME } from '../health-scoring/recommended-scorecard';
import { insertScorecard, listActiveScorecards } from '../health-scoring/scorecard.repository';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { drizzle } from 'drizzle-orm/node-postgres';
import type pg from 'pg';
import { MILLISECONDS_PER_DAY } from '../../../domain/demo/calendar';
import type { DemoCounts } from '../../../domain/demo/demo-model';
import type { Scorecard } from '../../../domain/health';
import { DEMO_SEGMENTS, DEMO_STAGES, DEMO_TIERS } from '../../../domain/demo/demo-journey';
import { buildDemoPeople } from '../../../domain/demo/demo-people';
import { generateDemoAccounts, resolveDemoSettings } from '../../../domain/demo/demo-workspace';
import { DEMO_EXCHANGE_RATES } from '../../../domain/demo/revenue-history';
import { hashPassword } from '../../auth/passwords';
import type { Database } from '../../db/database';
import * as schema from '../../db/schema';
import { rebuildMrrFactsInTransaction } from '../revenue/mrr-facts.repository';
import { writeSetting } from '../workspace/workspace.repository';
import { DEMO_SETTING_KEY, type DemoMarker } from '../workspace/workspace.routes';
import { type CopyTable, DEMO_TABLES, DemoCopyBatch } from './demo-copy-batch';
import {
  analyzeTables,
  clearCustomerData,
  copyTable,
  countAccounts,
  deferIndexesAndForeignKeys,
  deleteDemoUsers,
  ensureExchangeRates,
  insertUsers,
  lockDemoLoad,
  replaceJourneyDefinitions,
  restoreIndexesAndForeignKeys,
  setStageHistoryOnInsert,
  upsertTeams,
} from './demo.repository';

export { DemoOptionError } from '../../../domain/demo/demo-workspace';

/** The password of every demo user (they are demo accounts: the password is printed at start). */
export const DEMO_USER_PASSWORD = 'cycle-demo';

/** Accounts generated between two progress reports / COPY batches, and between event-loop yields. */
const MAX_BATCH_ACCOUNTS = 2_000;
/** From this many accounts on, indexes and foreign keys are dropped during the load and rebuilt after. */
const BULK_LOAD_ACCOUNTS = 20_000;
const ACCOUNTS_PER_SLICE = 25;

export interface DemoLoadOptions {
  accounts?: number;
  months?: number;
  seed?: number;
  /** Days of daily usage history; default 180, fewer for very large runs. */
  usageDays?: number;
  /** Remove all customer data, teams, demo users and the demo marker first. */
  clear?: boolean;
  /** Today for the generator (its UTC calendar day); defaults to the current time. */
  now?: Date;
  onProgress?: (done: number, total: number) => void;
}

export type DemoLoadSummary = DemoCounts;

/** The workspace already has accounts and `clear` was not asked for. */
export class DemoWorkspaceNotEmptyError extends Error {
  constructor(readonly accounts: number) {
    super(
      `This workspace already has ${accounts.toLocaleString('en-US')} account${accounts === 1 ? '' : 's'}; the demo loads only into an empty one.\n` +
        'Pass --clear to delete all customer data (accounts and everything on them, teams, demo users) and load the demo workspace.',
    );
  }
}

/**
 * Loads the demo workspace in one transaction: teams, ten demo users (password DEMO_USER_PASSWORD),
 * the demo's tiers, lifecycle stages and segments (replacing any tiers and stages), and the generated
 * accounts with contacts, subscriptions, churn events, tickets, survey answers, activities, daily
 * usage, backdated stage history and account assignments, streamed in batches through COPY; then
 * writes the demo marker.
 * Same seed and same day → identical rows. Throws DemoWorkspaceNotEmptyError when accounts exist
 * and `clear` is not set, and DemoOptionError for an option out of range.
 */
export async function loadDemoWorkspace(
  database: Database,
  options: DemoLoadOptions,
): Promise<DemoLoadSummary> {
  const settings = resolveDemoSettings(options);
  const people = buildDemoPeople(settings.seed);
  const passwordHash = await hashPassword(DEMO_USER_PASSWORD);
  const startOfToday = new Date(settings.today * MILLISECONDS_PER_DAY).toISOString();
  const batchSize = Math.min(
    MAX_BATCH_ACCOUNTS,
    Math.max(ACCOUNTS_PER_SLICE, Math.ceil(settings.accounts / 20)),
  );

  const scorecard = await scorecardOfDemo(database);
  let loaded: DemoCounts;
  const client = await database.pool.connect();
  try {
    await client.query('BEGIN');
    await lockDemoLoad(client);
    if (options.clear) {
      await clearCustomerData(client, DEMO_SETTING_KEY);
    } else {
      const existing = await countAccounts(client);
      if (existing > 0) throw new DemoWorkspaceNotEmptyError(existing);
      await deleteDemoUsers(client);
    }
    // Dropping and rebuilding indexes pays off only for big benchmark loads; it also locks the tables.
    const deferred =
      settings.accounts >= BULK_LOAD_ACCOUNTS
        ? await deferIndexesAndForeignKeys(client, DEMO_TABLES)
        : { drop: [], restore: [] };
    const teamIds = await upsertTeams(client, people.teams, startOfToday);
    await insertUsers(client, people.users, teamIds, passwordHash, startOfToday);
    await replaceJourneyDefinitions(client, {
      tiers: DEMO_TIERS,
      stages: DEMO_STAGES,
      segments: DEMO_SEGMENTS,
      teamIds,
      createdBy: people.leader.id,
      createdAt: startOfToday,
    });
    await ensureExchangeRates(client, DEMO_EXCHANGE_RATES);
    // Each account's stage history is generated, backdated, and loaded with the account.
    await setStageHistoryOnInsert(client, false);

    const totals: DemoCounts = {
      accounts: 0,
      users: people.users.length,
      contacts: 0,
      subscriptions: 0,
      tickets: 0,
      surveyResponses: 0,
      activities: 0,
      usageDays: 0,
      churnEvents: 0,
      stageHistory: 0,
      assignments: 0,
    };
    const dates = new Map<number, string>();
    const loader = new BatchLoader(client);
    let batch = new DemoCopyBatch(settings.today, dates);
    options.onProgress?.(0, settings.accounts);
    for (const bundle of generateDemoAccounts(settings, people, scorecard)) {
      batch.add(bundle);
      const generated = batch.counts.accounts;
      if (generated >= batchSize || totals.accounts + generated === settings.accounts) {
        addCounts(totals, batch.counts);
        const done = totals.accounts;
        await loader.load(batch.tables(), () => options.onProgress?.(done, settings.accounts));
        batch = new DemoCopyBatch(settings.today, dates);
      } else if (generated % ACCOUNTS_PER_SLICE === 0) {
        // Let the previous batch's COPY stream drain to PostgreSQL while this one is generated.
        await yieldToEventLoop();
      }
    }
    await loader.finish();
    await setStageHistoryOnInsert(client, true);
    await restoreIndexesAndForeignKeys(client, deferred);
    await analyzeTables(client, [...DEMO_TABLES, 'users', 'teams', 'tiers', 'lifecycle_stages']);

    const marker: DemoMarker = {
      seed: settings.seed,
      accounts: settings.accounts,
      months: settings.months,
      loadedAt: new Date().toISOString(),
    };
    const inTransaction = drizzle(client, { schema });
    await writeSetting(inTransaction, DEMO_SETTING_KEY, marker);
    await rebuildMrrFactsInTransaction(inTransaction);
    await client.query('COMMIT');
    loaded = totals;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
  await installDemoHealth(
    database,
    settings.accounts <= DEMO_HEALTH_HISTORY_MAX_ACCOUNTS ? DEMO_HEALTH_HISTORY_DAYS : 0,
    new Date(settings.today * MILLISECONDS_PER_DAY),
  );
  return loaded;
}

/**
 * The scorecard that will score the demo accounts: the workspace's default, or the recommended one
 * the demo installs. The generator reads health bands with it to place accounts in Advocacy.
 */
async function scorecardOfDemo(database: Database): Promise<Scorecard> {
  const active = await listActiveScorecards(database.db);
  const chosen = active.find((scorecard) => scorecard.isDefault);
  return chosen
    ? { id: chosen.id, name: chosen.name, version: chosen.version, ...chosen.definition }
    : { id: 'recommended', name: RECOMMENDED_SCORECARD_NAME, version: 1, ...RECOMMENDED_SCORECARD };
}

/** Days of daily health history the demo fills in, so trends and sparklines have something to show. */
const DEMO_HEALTH_HISTORY_DAYS = 90;
/** Above this many accounts (benchmark loads) the history is skipped: it is scored day by day. */
const DEMO_HEALTH_HISTORY_MAX_ACCOUNTS = 5_000;

/**
 * Gives the demo its health scores: the recommended scorecard as the default (unless one exists),
 * today's scores as of the start of the demo's today (every demo row is dated before it), and
 * `historyDays` of daily history scored from the demo's own dated inputs.
 */
async function installDemoHealth(database: Database, historyDays: number, today: Date): Promise<void> {
  const existing = await listActiveScorecards(database.db);
  if (existing.length === 0) {
    await database.db.transaction((tx) =>
      insertScorecard(tx, {
        name: RECOMMENDED_SCORECARD_NAME,
        criteria: [],
        isDefault: true,
        position: 0,
        definition: RECOMMENDED_SCORECARD,
        note: "Cycle's recommended starting scorecard, installed with the demo workspace",
        createdBy: null,
      }),
    );
  }
  if (historyDays > 0) await backfillHealth(database, historyDays, today);
  await recomputeHealth(database, { trigger: 'daily', asOf: today });
}

/**
 * Runs at most one batch's COPY statements at a time on the transaction's connection, in the
 * background, so the next batch is generated while PostgreSQL ingests the previous one.
 */
class BatchLoader {
  private pending: Promise<void> = Promise.resolve();

  constructor(private readonly client: pg.PoolClient) {}

  /** Waits for the previous batch, then starts this one (its errors surface on the next call). */
  async load(tables: CopyTable[], onLoaded: () => void): Promise<void> {
    await this.pending;
    const run = async () => {
      for (const table of tables) await copyTable(this.client, table);
      onLoaded();
    };
    this.pending = run();
    this.pending.catch(() => {}); // observed by the next load() or finish()
  }

  async finish(): Promise<void> {
    await this.pending;
  }
}

function addCounts(totals: DemoCounts, batch: DemoCounts): void {
  totals.accounts += batch.accounts;
  totals.contacts += batch.contacts;
  totals.subscriptions += batch.subscriptions;
  totals.tickets += batch.tickets;
  totals.surveyResponses += batch.surveyResponses;
  totals.activities += batch.activities;
  totals.usageDays += batch.usageDays;
  totals.churnEvents += batch.churnEvents;
  totals.stageHistory += batch.stageHistory;
  totals.assignments += batch.assignments;
}
