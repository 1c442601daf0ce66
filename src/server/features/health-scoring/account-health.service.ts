import { and, desc, eq, gte } from 'drizzle-orm';
import {
  compareExplanations,
  scoreAccount,
  scoreTrend,
  type AccountScore,
  type RawValue,
} from '../../../domain/health';
import type {
  AccountHealth,
  MeasureInput,
  ScorecardDefinition,
  SentimentCreate,
  SnapshotDto,
} from '../../../shared/api/health.contract';
import type { Actor } from '../../auth/policy';
import type { Database } from '../../db/database';
import { healthSentiments, healthSnapshots, scorecards, users } from '../../db/schema';
import { badRequest } from '../../http/problem';
import { assertCanWriteAccount, requireAccount } from '../accounts/account.service';
import { recomputeHealth } from './health-recompute.service';
import { findScorecardVersion, listActiveScorecards } from './scorecard.repository';
import { isNumericInput } from './scoring-sql';

type SnapshotRow = typeof healthSnapshots.$inferSelect;

/** A stored raw value back as the scorer saw it: numbers for numeric inputs, labels otherwise. */
export function rawValueOf(input: MeasureInput, text: string | null | undefined): RawValue {
  if (text === null || text === undefined) return null;
  return isNumericInput(input) ? Number(text) : text;
}

/** The raw inputs by measure id, from a snapshot's raw_values in the definition's measure order. */
export function inputsOf(
  definition: ScorecardDefinition,
  rawValues: readonly (string | null)[],
): Record<string, RawValue> {
  return Object.fromEntries(
    definition.measures.map((measure, index) => [measure.id, rawValueOf(measure.input, rawValues[index])]),
  );
}

/** Why an input had no value, in words that say where to look. */
export function missingInputReason(input: MeasureInput, windowDays: number): string {
  const window = `in the last ${windowDays} days`;
  switch (input.kind) {
    case 'active_users':
    case 'events':
    case 'event_count':
      return 'No product usage has been received for this account';
    case 'usage_change':
      return `No active users in the ${windowDays} days before the last ${windowDays} to compare with`;
    case 'seat_utilisation':
      return 'No running subscription with seats, or no product usage';
    case 'mean_time_to_close':
      return `No ticket was resolved ${window}`;
    case 'last_nps':
      return `No NPS answer ${window}`;
    case 'last_csat':
      return `No CSAT answer ${window}`;
    case 'days_since_activity':
      return 'No activity has ever been logged';
    case 'days_since_ebr':
      return 'No EBR or QBR has ever been logged';
    case 'mrr_change':
      return `No MRR ${input.months} months earlier to compare with`;
    case 'sentiment':
      return 'No CSM sentiment, or it has expired';
    case 'trait':
      return `The account has no "${input.key}" trait`;
    case 'account_field':
      return `The account's ${input.field.replace('_', ' ')} is empty`;
    default:
      return 'No value';
  }
}

/** The domain's explained score of a stored snapshot (the same numbers the SQL stored). */
export function explainSnapshot(
  definition: ScorecardDefinition,
  row: { scorecardId: string; scorecardVersion: number; rawValues: (string | null)[] },
): AccountScore {
  return scoreAccount(
    { id: row.scorecardId, name: '', version: row.scorecardVersion, ...definition },
    inputsOf(definition, row.rawValues),
  );
}

function presentSnapshot(row: SnapshotRow, scorecardName: string): SnapshotDto {
  return {
    id: row.id,
    computedAt: row.computedAt.toISOString(),
    asOfDate: row.asOfDate,
    trigger: row.trigger,
    scorecardId: row.scorecardId,
    scorecardName,
    scorecardVersion: row.scorecardVersion,
    status: row.status as SnapshotDto['status'],
    score: row.displayScore,
    band: row.band,
    reason:
      row.status === 'scored' ? null : 'Every measure is missing and excluded, so there is nothing to score',
  };
}

/**
 * The account's health: its latest snapshot with the full explanation, what moved since the one
 * before, the trend against 7 and 30 days ago, the last 90 days (one point per day) and the sentiment.
 */
export async function getAccountHealth(
  database: Database,
  accountId: string,
  now = new Date(),
): Promise<AccountHealth> {
  const { db } = database;
  await requireAccount(db, accountId);
  const today = now.toISOString().slice(0, 10);
  const since = new Date(now.getTime() - 120 * 86_400_000).toISOString().slice(0, 10);
  const [latestTwo, recent, sentiment] = await Promise.all([
    db
      .select({ snapshot: healthSnapshots, name: scorecards.name })
      .from(healthSnapshots)
      .innerJoin(scorecards, eq(scorecards.id, healthSnapshots.scorecardId))
      .where(eq(healthSnapshots.accountId, accountId))
      .orderBy(desc(healthSnapshots.computedAt), desc(healthSnapshots.id))
      .limit(2),
    db
      .select({
        date: healthSnapshots.asOfDate,
        score: healthSnapshots.displayScore,
        band: healthSnapshots.band,
        computedAt: healthSnapshots.computedAt,
        id: healthSnapshots.id,
      })
      .from(healthSnapshots)
      .where(
        and(
          eq(healthSnapshots.accountId, accountId),
          eq(healthSnapshots.status, 'scored'),
          gte(healthSnapshots.asOfDate, since),
        ),
      )
      .orderBy(healthSnapshots.computedAt, healthSnapshots.id),
    currentSentiment(database, accountId, today),
  ]);
  const [current, previous] = latestTwo;
  const definitions = new Map<string, ScorecardDefinition>();
  const definitionOf = async (row: SnapshotRow) => {
    const key = `${row.scorecardId}@${row.scorecardVersion}`;
    if (!definitions.has(key)) {
      const found = await findScorecardVersion(db, row.scorecardId, row.scorecardVersion);
      if (found) definitions.set(key, found.definition);
    }
    return definitions.get(key)!;
  };
  const history = recent.map((row) => ({ date: row.date, score: row.score ?? 0, band: row.band ?? '' }));
  const trend = scoreTrend(history, today);
  // One point per day: the last snapshot of each day, over the last 90 days.
  const byDay = new Map<string, { date: string; score: number; band: string }>();
  for (const point of history) byDay.set(point.date, point);
  const cutoff = new Date(now.getTime() - 90 * 86_400_000).toISOString().slice(0, 10);
  const daily = [...byDay.values()].filter((point) => point.date > cutoff);

  let explanation: AccountHealth['explanation'] = [];
  let moved: AccountHealth['moved'] = [];
  let bands: AccountHealth['bands'] = [];
  if (current) {
    const definition = await definitionOf(current.snapshot);
    bands = definition.bands;
    const explained = explainSnapshot(definition, current.snapshot);
    explanation = explained.measures.map((line, index) => {
      const measure = definition.measures[index]!;
      const missingReason =
        line.rawValue === null && line.missingReason !== null
          ? line.missingReason.replace(/^No value/, missingInputReason(measure.input, measure.windowDays))
          : line.missingReason;
      return { ...line, input: measure.input, windowDays: measure.windowDays, missingReason };
    });
    if (previous) {
      const before = explainSnapshot(await definitionOf(previous.snapshot), previous.snapshot);
      moved = compareExplanations(before, explained)
        .filter(
          (movement) => movement.contributionDelta !== 0 || movement.previousScore !== movement.currentScore,
        )
        .map((movement) => ({
          measureId: movement.measureId,
          name: movement.name,
          scoreDelta: movement.scoreDelta,
          contributionDelta: movement.contributionDelta,
        }));
    }
  }
  // Without a snapshot, show the bands the account would be scored with by default.
  if (!current)
    bands = (await listActiveScorecards(db)).find((scorecard) => scorecard.isDefault)?.definition.bands ?? [];
  const change = (value: (typeof trend)['vs7Days']) =>
    value.status === 'known'
      ? {
          status: 'known' as const,
          change: value.change,
          fromDate: value.fromDate,
          fromScore: value.fromScore,
        }
      : value;
  return {
    accountId,
    current: current ? presentSnapshot(current.snapshot, current.name) : null,
    bands,
    trend: { days7: change(trend.vs7Days), days30: change(trend.vs30Days) },
    history: daily,
    explanation,
    moved,
    previous: previous ? presentSnapshot(previous.snapshot, previous.name) : null,
    sentiment,
  };
}

/** The account's snapshots, newest first. */
export async function listSnapshots(
  database: Database,
  accountId: string,
  limit: number,
): Promise<{ items: SnapshotDto[] }> {
  await requireAccount(database.db, accountId);
  const rows = await database.db
    .select({ snapshot: healthSnapshots, name: scorecards.name })
    .from(healthSnapshots)
    .innerJoin(scorecards, eq(scorecards.id, healthSnapshots.scorecardId))
    .where(eq(healthSnapshots.accountId, accountId))
    .orderBy(desc(healthSnapshots.computedAt), desc(healthSnapshots.id))
    .limit(limit);
  return { items: rows.map((row) => presentSnapshot(row.snapshot, row.name)) };
}

async function currentSentiment(database: Database, accountId: string, today: string) {
  const [row] = await database.db
    .select({ sentiment: healthSentiments, setBy: users.name })
    .from(healthSentiments)
    .leftJoin(users, eq(users.id, healthSentiments.userId))
    .where(and(eq(healthSentiments.accountId, accountId), gte(healthSentiments.expiresOn, today)))
    .orderBy(desc(healthSentiments.createdAt))
    .limit(1);
  if (!row) return null;
  return {
    sentiment: row.sentiment.sentiment as 'positive' | 'neutral' | 'negative',
    note: row.sentiment.note,
    setBy: row.setBy,
    createdAt: row.sentiment.createdAt.toISOString(),
    expiresOn: row.sentiment.expiresOn,
  };
}

/** Records a CSM's sentiment on an account they may write, then rescores the account. */
export async function setSentiment(
  database: Database,
  actor: Actor,
  accountId: string,
  input: SentimentCreate,
  now = new Date(),
): Promise<AccountHealth> {
  assertCanWriteAccount(actor, await requireAccount(database.db, accountId));
  const today = now.toISOString().slice(0, 10);
  const latest = new Date(now.getTime() + 365 * 86_400_000).toISOString().slice(0, 10);
  if (input.expiresOn < today || input.expiresOn > latest) {
    throw badRequest(
      `body.expiresOn: ${input.expiresOn} must be from today (${today}) to a year ahead (${latest}).`,
      [{ field: 'body.expiresOn', message: `must be between ${today} and ${latest}` }],
    );
  }
  await database.db
    .insert(healthSentiments)
    .values({
      accountId,
      userId: actor.userId,
      sentiment: input.sentiment,
      note: input.note,
      expiresOn: input.expiresOn,
    });
  await recomputeHealth(database, { accountIds: [accountId], trigger: 'event' });
  return getAccountHealth(database, accountId, now);
}
