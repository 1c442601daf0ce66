import { eq } from 'drizzle-orm';
import type { HomeBook, HomeTeam } from '../../../shared/api/home.contract';
import type { Actor } from '../../auth/policy';
import type { Db } from '../../db/database';
import { users } from '../../db/schema';
import { badRequest } from '../../http/problem';
import { REPORTING_CURRENCY } from '../accounts/current-mrr.sql';
import { listActiveScorecards } from '../health-scoring/scorecard.repository';
import { getMetricsOverview, type MetricsReadOptions } from '../metrics/metrics-overview.service';
import { topReasonsOf } from './at-risk-reasons';
import { homeBandsOf } from './home-bands';
import { type BookAccountRow, loadBookAccounts } from './home-book.repository';
import { loadChanges } from './home-changes.repository';
import { loadHealthByOwner, loadTeamRenewals, RENEWALS_LISTED } from './home-team.repository';

/** Renewals Home shows: from today through this many days ahead. */
export const RENEWAL_WINDOW_DAYS = 90;
/** At-risk accounts listed (the worst band, lowest score first). */
export const AT_RISK_LISTED = 8;
const DAY_MS = 86_400_000;

const dayOf = (moment: Date) => moment.toISOString().slice(0, 10);
const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);

async function resolveOwner(db: Db, actor: Actor, owner: string): Promise<{ id: string; name: string }> {
  if (owner === 'me') return { id: actor.userId, name: actor.name };
  const [row] = await db.select({ id: users.id, name: users.name }).from(users).where(eq(users.id, owner));
  if (!row) {
    throw badRequest(
      `query.owner: no user has id ${owner}; send "me" or the id of someone in GET /api/v1/users.`,
      [{ field: 'query.owner', message: 'unknown user' }],
    );
  }
  return row;
}

function renewalsOf(
  rows: readonly BookAccountRow[],
  ownerName: string,
  through: string,
): HomeBook['renewals'] {
  const due = rows
    .filter((row) => row.daysLeft !== null && row.daysLeft >= 0 && row.daysLeft <= RENEWAL_WINDOW_DAYS)
    .sort((a, b) => a.daysLeft! - b.daysLeft! || byName(a, b));
  return {
    through,
    total: due.length,
    arrMinor: due.reduce((sum, row) => sum + row.arrMinor, 0),
    items: due.slice(0, RENEWALS_LISTED).map((row) => ({
      accountId: row.id,
      name: row.name,
      ownerName,
      renewalDate: row.renewalDate!,
      daysLeft: row.daysLeft!,
      arrMinor: row.arrMinor,
      score: row.score,
      band: row.band,
    })),
  };
}

/**
 * A CSM's book on Home: accounts and ARR, accounts and ARR per health band, renewals in the next
 * 90 days, the worst band's lowest scores with the measure that cost each the most, and what
 * changed on the book in the last 24 hours.
 */
export async function getHomeBook(
  db: Db,
  actor: Actor,
  query: { owner: string },
  options: { now?: Date } = {},
): Promise<HomeBook> {
  const now = options.now ?? new Date();
  const today = dayOf(now);
  const through = dayOf(new Date(now.getTime() + RENEWAL_WINDOW_DAYS * DAY_MS));
  const since = new Date(now.getTime() - DAY_MS);
  const owner = await resolveOwner(db, actor, query.owner);
  const [rows, scorecards, changes] = await Promise.all([
    loadBookAccounts(db, owner.id, today),
    listActiveScorecards(db),
    loadChanges(db, owner.id, since, now),
  ]);
  const bands = homeBandsOf(scorecards).map((band) => ({ ...band, accounts: 0, arrMinor: 0 }));
  let scored = 0;
  for (const row of rows) {
    const band = bands.find((candidate) => candidate.name === row.band);
    if (!band) continue;
    scored += 1;
    band.accounts += 1;
    band.arrMinor += row.arrMinor;
  }
  const scoredStatuses = rows.filter((row) => row.status === 'active' || row.status === 'onboarding').length;
  const worst = rows
    .filter((row) => row.bandIndex === 0 && row.score !== null)
    .sort((a, b) => a.score! - b.score! || byName(a, b));
  const listed = worst.slice(0, AT_RISK_LISTED);
  const reasons = await topReasonsOf(
    db,
    listed.flatMap((row) => (row.snapshotId === null ? [] : [row.snapshotId])),
  );
  return {
    owner,
    reportingCurrency: REPORTING_CURRENCY,
    generatedAt: now.toISOString(),
    accounts: rows.length,
    arrMinor: rows.reduce((sum, row) => sum + row.arrMinor, 0),
    health: { bands, scored, notScored: scoredStatuses - scored },
    renewals: renewalsOf(rows, owner.name, through),
    atRisk: {
      total: worst.length,
      items: listed.map((row) => ({
        accountId: row.id,
        name: row.name,
        score: row.score!,
        band: row.band!,
        arrMinor: row.arrMinor,
        renewalDate: row.renewalDate,
        topReason: row.snapshotId === null ? null : (reasons.get(row.snapshotId) ?? null),
      })),
    },
    changes: { since: since.toISOString(), ...changes },
  };
}

/**
 * The team on Home: retention over the last 12 full months (the metrics overview's own figures),
 * each owner's accounts per health band, and renewals across the team in the next 90 days.
 */
export async function getHomeTeam(db: Db, options: MetricsReadOptions = {}): Promise<HomeTeam> {
  const now = options.now ?? new Date();
  const today = dayOf(now);
  const through = dayOf(new Date(now.getTime() + RENEWAL_WINDOW_DAYS * DAY_MS));
  const [overview, scorecards, healthByOwner, renewals] = await Promise.all([
    getMetricsOverview(db, {}, { ...options, now }),
    listActiveScorecards(db),
    loadHealthByOwner(db),
    loadTeamRenewals(db, today, through),
  ]);
  const { summary } = overview;
  return {
    reportingCurrency: REPORTING_CURRENCY,
    generatedAt: now.toISOString(),
    retention: {
      from: overview.from,
      to: overview.to,
      nrr: summary.nrr,
      grr: summary.grr,
      logoChurnRate: summary.logoChurnRate,
      churnedLogos: summary.churnedLogos,
      customersEnd: summary.customersEnd,
      arrEndMinor: summary.mrrEndMinor * 12,
      warnings: overview.warnings.length,
    },
    bands: homeBandsOf(scorecards),
    healthByOwner,
    renewals: { through, ...renewals },
  };
}
