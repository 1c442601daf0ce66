import type {
  Distribution,
  HealthSummary,
  Preview,
  ScorecardDefinition,
  AssignmentCriterion,
} from '../../../shared/api/health.contract';
import type { Database } from '../../db/database';
import { REPORTING_CURRENCY } from '../accounts/current-mrr.sql';
import { ensureMrrToday, mrrTodayRows } from '../accounts/mrr-today';
import { badRequest } from '../../http/problem';
import { scoreWithoutSaving, type ScoredRow } from './health-recompute.service';
import { assignmentSql, criteriaSql, listActiveScorecards, SCORED_ACCOUNTS } from './scorecard.repository';
import { assertDefinition } from './scorecard.service';
import { PgDialect } from 'drizzle-orm/pg-core';

const dialect = new PgDialect();
const BUCKETS = Array.from({ length: 10 }, (_, index) => ({ from: index * 10, to: index * 10 + 10 }));

/** The 10-point bucket of a 0–100 score: [0, 10], (10, 20], …, like the bands' lower-exclusive edges. */
function bucketOf(score: number): number {
  return Math.min(9, Math.max(0, Math.ceil(score / 10) - 1));
}

function distributionOf(
  rows: readonly { score: number | null; band: string | null; arrMinor: number }[],
  bands: ScorecardDefinition['bands'],
): Distribution {
  const bucketCounts = BUCKETS.map(() => 0);
  const bandTotals = new Map(bands.map((band) => [band.name, { accounts: 0, arrMinor: 0 }]));
  let scored = 0;
  let sum = 0;
  for (const row of rows) {
    if (row.score === null) continue;
    scored += 1;
    sum += row.score;
    bucketCounts[bucketOf(row.score)]! += 1;
    const total = bandTotals.get(row.band ?? '');
    if (total) {
      total.accounts += 1;
      total.arrMinor += row.arrMinor;
    }
  }
  return {
    accounts: rows.length,
    scored,
    notScored: rows.length - scored,
    bands: bands.map((band) => ({
      band: band.name,
      lower: band.lower,
      upper: band.upper,
      ...bandTotals.get(band.name)!,
    })),
    buckets: BUCKETS.map((bucket, index) => ({ ...bucket, accounts: bucketCounts[index]! })),
    averageScore: scored === 0 ? null : Math.round((sum / scored) * 100) / 100,
  };
}

/**
 * The portfolio's health now: accounts per band (with ARR) and per 10-point bucket, per owner, and
 * the lowest scores — over the scored accounts, optionally one owner's book or one scorecard's accounts.
 */
export async function getHealthSummary(
  database: Database,
  query: { ownerId?: string; scorecardId?: string },
): Promise<HealthSummary> {
  const ordered = await listActiveScorecards(database.db);
  const chosen = query.scorecardId
    ? ordered.find((scorecard) => scorecard.id === query.scorecardId)
    : ordered.find((scorecard) => scorecard.isDefault);
  if (query.scorecardId && !chosen)
    throw badRequest(`query.scorecardId: no scorecard in use has id ${query.scorecardId}.`, [
      { field: 'query.scorecardId', message: 'unknown scorecard' },
    ]);
  const values: unknown[] = [];
  const conditions = [SCORED_ACCOUNTS];
  if (query.ownerId) {
    values.push(query.ownerId);
    conditions.push(`a.owner_id = $${values.length}::uuid`);
  }
  if (query.scorecardId) {
    values.push(query.scorecardId);
    conditions.push(`h.scorecard_id = $${values.length}::uuid`);
  }
  await ensureMrrToday(database.db);
  const mrr = dialect.sqlToQuery(mrrTodayRows);
  const result = await database.pool.query<{
    account_id: string;
    name: string;
    owner_id: string | null;
    owner_name: string | null;
    score: number | null;
    band: string | null;
    arr_minor: number;
    computed_at: Date | null;
    score_7: number | null;
  }>(
    `SELECT a.id AS account_id, a.name, a.owner_id, u.name AS owner_name, h.display_score::float8 AS score, h.band,
            (coalesce(m.mrr_minor, 0) * 12)::float8 AS arr_minor, h.computed_at,
            (SELECT s.display_score::float8 FROM health_snapshots s
              WHERE s.account_id = a.id AND s.status = 'scored' AND s.as_of_date <= current_date - 7
              ORDER BY s.computed_at DESC, s.id DESC LIMIT 1) AS score_7
     FROM accounts a
     LEFT JOIN account_health h ON h.account_id = a.id
     LEFT JOIN users u ON u.id = a.owner_id
     LEFT JOIN (${mrr.sql}) m ON m.account_id = a.id
     WHERE ${conditions.join(' AND ')}`,
    values,
  );
  const rows = result.rows.map((row) => ({ ...row, arrMinor: Math.round(row.arr_minor) }));
  const bands = chosen?.definition.bands ?? [];
  const distribution = distributionOf(rows, bands);
  const owners = new Map<string, HealthSummary['byOwner'][number] & { sum: number; scored: number }>();
  for (const row of rows) {
    const key = row.owner_id ?? '';
    const entry = owners.get(key) ?? {
      ownerId: row.owner_id,
      ownerName: row.owner_name,
      accounts: 0,
      averageScore: null,
      bands: {},
      sum: 0,
      scored: 0,
    };
    entry.accounts += 1;
    if (row.score !== null) {
      entry.sum += row.score;
      entry.scored += 1;
      entry.bands[row.band ?? ''] = (entry.bands[row.band ?? ''] ?? 0) + 1;
    }
    owners.set(key, entry);
  }
  const lowest = rows
    .filter((row) => row.score !== null)
    .sort((a, b) => a.score! - b.score! || a.name.localeCompare(b.name))
    .slice(0, 10)
    .map((row) => ({
      accountId: row.account_id,
      name: row.name,
      score: row.score!,
      band: row.band ?? '',
      ownerName: row.owner_name,
      change7: row.score_7 === null ? null : Math.round((row.score! - row.score_7) * 100) / 100,
    }));
  const latest = rows.reduce<Date | null>(
    (acc, row) => (row.computed_at && (!acc || row.computed_at > acc) ? row.computed_at : acc),
    null,
  );
  return {
    ...distribution,
    reportingCurrency: REPORTING_CURRENCY,
    lastComputedAt: latest?.toISOString() ?? null,
    byOwner: [...owners.values()]
      .map(({ sum, scored, ...entry }) => ({
        ...entry,
        averageScore: scored === 0 ? null : Math.round((sum / scored) * 100) / 100,
      }))
      .sort((a, b) => (a.ownerName ?? '~').localeCompare(b.ownerName ?? '~')),
    lowest,
  };
}

/**
 * What a draft definition would give over the accounts it would apply to, computed now and not
 * saved: the distribution, a sample of accounts and, per measure, how often it had a value.
 */
export async function previewScorecard(
  database: Database,
  input: { definition: ScorecardDefinition; criteria: AssignmentCriterion[]; scorecardId?: string },
): Promise<Preview> {
  assertDefinition(input.definition, 'body.definition', 'The draft is not valid yet');
  const ordered = await listActiveScorecards(database.db);
  const editing = input.scorecardId
    ? ordered.findIndex((scorecard) => scorecard.id === input.scorecardId)
    : -1;
  const rows: ScoredRow[] = await scoreWithoutSaving(
    database,
    input.definition,
    new Date(),
    (parameters) => {
      const where =
        input.criteria.length > 0
          ? criteriaSql(input.criteria, parameters)
          : editing >= 0
            ? assignmentSql(ordered, editing, parameters)
            : 'TRUE';
      return `SELECT a.id AS account_id FROM accounts a WHERE ${SCORED_ACCOUNTS} AND ${where}`;
      // Unrestricted (every scored account): read inputs for the whole workspace at once.
    },
    { wholeWorkspace: input.criteria.length === 0 && (editing < 0 || ordered.length === 1) },
  );
  const names = await database.pool.query<{ id: string; name: string }>(
    `SELECT id, name FROM accounts WHERE id = ANY($1::uuid[])`,
    [rows.slice(0, 2000).map((row) => row.account_id)],
  );
  const nameOf = new Map(names.rows.map((row) => [row.id, row.name]));
  const distribution = distributionOf(
    rows.map((row) => ({ score: row.display_score, band: row.band, arrMinor: 0 })),
    input.definition.bands,
  );
  const sorted = [...rows]
    .filter((row) => nameOf.has(row.account_id))
    .sort((a, b) => (a.display_score ?? -1) - (b.display_score ?? -1));
  const step = Math.max(1, Math.floor(sorted.length / 8));
  const sample = sorted
    .filter((_, index) => index % step === 0)
    .slice(0, 8)
    .map((row) => ({
      accountId: row.account_id,
      name: nameOf.get(row.account_id)!,
      score: row.display_score,
      band: row.band,
    }));
  const measures = input.definition.measures.map((measure, index) => {
    let present = 0;
    let min: number | null = null;
    let max: number | null = null;
    let scoreSum = 0;
    let scored = 0;
    for (const row of rows) {
      const raw = row.raw_values[index];
      if (raw !== null && raw !== undefined) {
        present += 1;
        const numeric = Number(raw);
        if (raw.trim() !== '' && Number.isFinite(numeric)) {
          min = min === null ? numeric : Math.min(min, numeric);
          max = max === null ? numeric : Math.max(max, numeric);
        }
      }
      const score = row.measure_scores[index];
      if (score !== null && score !== undefined) {
        scoreSum += score;
        scored += 1;
      }
    }
    return {
      measureId: measure.id,
      present,
      min,
      max,
      averageScore: scored === 0 ? null : Math.round((scoreSum / scored) * 100) / 100,
    };
  });
  return { ...distribution, sample, measures };
}
