import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/helpers/test-database';
import {
  makeAccount,
  makeActivity,
  makeSubscription,
  makeSurveyResponse,
  makeTicket,
} from '../../../../test/helpers/factories';
import type { Database } from '../../db/database';
import type { MeasureInput, ScorecardDefinition } from '../../../shared/api/health.contract';
import { scoreWithoutSaving } from './health-recompute.service';

/** Inputs are read as of the end of this day; every dated row below is placed relative to it. */
const AS_OF = new Date('2026-06-15T23:59:59.999Z');
const day = (offset: number) => new Date(Date.UTC(2026, 5, 15 + offset)).toISOString().slice(0, 10);
const at = (offset: number, hour = 12) => new Date(Date.UTC(2026, 5, 15 + offset, hour));

const inputs: MeasureInput[] = [
  { kind: 'active_users' },
  { kind: 'events' },
  { kind: 'event_count', event: 'report_run' },
  { kind: 'seat_utilisation' },
  { kind: 'usage_change' },
  { kind: 'open_tickets' },
  { kind: 'tickets_opened' },
  { kind: 'escalations' },
  { kind: 'mean_time_to_close' },
  { kind: 'last_nps' },
  { kind: 'last_csat' },
  { kind: 'days_since_activity' },
  { kind: 'days_since_ebr' },
  { kind: 'mrr_change', months: 3 },
  { kind: 'sentiment' },
  { kind: 'trait', key: 'plan' },
];

/** One measure per input, all over a 10-day window, so the raw values are easy to count by hand. */
const definition: ScorecardDefinition = {
  measures: inputs.map((input, index) => ({
    id: `m${index}`,
    name: input.kind,
    weight: 1,
    input,
    windowDays: 10,
    scheme:
      input.kind === 'sentiment' || input.kind === 'trait'
        ? { kind: 'category', scores: { positive: 100 }, otherScore: 50 }
        : { kind: 'linear', from: { value: 0, score: 0 }, to: { value: 100, score: 100 } },
    missingData: 'exclude',
  })),
  groups: [],
  bands: [
    { name: 'red', lower: 0, upper: 50 },
    { name: 'green', lower: 50, upper: 100 },
  ],
};

/**
 * Every input kind reads the same values whether the query looks inputs up for the target accounts
 * only (an event recompute) or reads them for the whole workspace at once (a full recompute).
 */
describe('measure inputs read as of a moment', () => {
  let database: Database;
  let busy: string;
  let quiet: string;
  let untouched: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    const db = database.db;
    busy = (await makeAccount(db, { name: 'Busy', traits: { plan: 'Pro' } })).id;
    quiet = (await makeAccount(db, { name: 'Quiet' })).id;
    untouched = (await makeAccount(db, { name: 'Untouched' })).id;

    // Usage: 20 days for Busy (days −19…0): 4 users/day in the older 10 days, 6/day in the last 10; a
    // day after the as-of day is never read. Quiet had usage only 15 days ago (known, but 0 in the window).
    const usage: string[] = [];
    for (let offset = -19; offset <= 0; offset += 1) {
      const users = offset > -10 ? 6 : 4;
      usage.push(
        `('${busy}', '${day(offset)}', ${users}, ${users * 10}, '{"report_run": ${offset > -10 ? 2 : 1}}')`,
      );
    }
    usage.push(`('${busy}', '${day(1)}', 99, 990, '{"report_run": 99}')`);
    usage.push(`('${quiet}', '${day(-15)}', 3, 30, '{}')`);
    await database.pool.query(
      `INSERT INTO usage_daily (account_id, day, active_users, event_count, event_counts) VALUES ${usage.join(', ')}`,
    );
    // Seats: 20 on a running subscription, plus one that ended before the as-of day.
    await makeSubscription(db, busy, { seats: 20, startDate: '2025-01-01' });
    await makeSubscription(db, busy, { seats: 50, startDate: '2025-01-01', endDate: day(-30) });

    // Tickets: open now (opened 20 days ago), resolved 5 days ago after 30 h (opened in the window,
    // escalated), resolved after the as-of day (so open then), and one opened after the as-of day.
    await makeTicket(db, busy, { status: 'open', openedAt: at(-20) });
    await makeTicket(db, busy, {
      status: 'solved',
      openedAt: at(-6, 6),
      resolvedAt: at(-5, 12),
      escalated: true,
    });
    await makeTicket(db, busy, { status: 'solved', openedAt: at(-3), resolvedAt: at(2) });
    await makeTicket(db, busy, { status: 'open', openedAt: at(1) });

    // Surveys: the latest NPS in the window is 6 (a later 10 is after the as-of day); CSAT 4.
    await makeSurveyResponse(db, busy, { surveyKind: 'nps', score: 9, respondedAt: at(-8) });
    await makeSurveyResponse(db, busy, { surveyKind: 'nps', score: 6, respondedAt: at(-2) });
    await makeSurveyResponse(db, busy, { surveyKind: 'nps', score: 10, respondedAt: at(3) });
    await makeSurveyResponse(db, busy, { surveyKind: 'csat', score: 4, respondedAt: at(-4) });

    // Activities: a call 3 days ago, an EBR 40 days ago, a call after the as-of day.
    await makeActivity(db, busy, { kind: 'call', occurredAt: at(-3) });
    await makeActivity(db, busy, { kind: 'ebr', occurredAt: at(-40) });
    await makeActivity(db, busy, { kind: 'call', occurredAt: at(5) });

    // MRR: the last month ended on or before 15 June is May (120.00); three months before, February (100.00).
    await database.pool.query(
      `INSERT INTO account_mrr_monthly (account_id, month, mrr_minor, previous_mrr_minor, movement, paid_before, base12_minor, missing_rate_currencies)
       VALUES ($1, '2026-02-01', 10000, 10000, 'none', true, 0, '{}'), ($1, '2026-05-01', 12000, 10000, 'expansion', true, 0, '{}'),
              ($1, '2026-06-01', 50000, 12000, 'expansion', true, 0, '{}')`,
      [busy],
    );
    // Sentiment: positive, set before the as-of moment and running past it.
    await database.pool.query(
      `INSERT INTO health_sentiments (account_id, sentiment, note, created_at, expires_on) VALUES ($1, 'positive', 'Renewal agreed', $2, $3)`,
      [busy, at(-1), day(20)],
    );
  });
  afterAll(async () => database.close());

  const score = (ids: string[], wholeWorkspace: boolean) =>
    scoreWithoutSaving(
      database,
      definition,
      AS_OF,
      (parameters) => `SELECT unnest(${parameters.add(ids, 'uuid[]')}) AS account_id`,
      { wholeWorkspace },
    );

  it('reads each kind with its window, ignoring anything after the as-of moment', async () => {
    const [row] = await score([busy], false);
    expect(Object.fromEntries(inputs.map((input, index) => [input.kind, row!.raw_values[index]]))).toEqual({
      active_users: '6', // 60 user-days over 10 days
      events: '600',
      event_count: '20',
      seat_utilisation: '30', // 6 of 20 seats
      usage_change: '50', // 60 vs 40 user-days
      open_tickets: '2', // opened 20 days ago, and one resolved only after the as-of day
      tickets_opened: '2',
      escalations: '1',
      mean_time_to_close: '30',
      last_nps: '6',
      last_csat: '4',
      days_since_activity: '3',
      days_since_ebr: '40',
      mrr_change: '20',
      sentiment: 'positive',
      trait: 'Pro',
    });
  });

  it('tells known-but-idle usage (0) from no usage at all (missing)', async () => {
    const rows = await score([quiet, untouched], false);
    const byId = new Map(rows.map((row) => [row.account_id, row.raw_values]));
    // Quiet: no seats, and usage only in the 10 days before the window, so usage change is −100%.
    expect(byId.get(quiet)!.slice(0, 5)).toEqual(['0', '0', '0', null, '-100']);
    expect(byId.get(untouched)!.slice(0, 5)).toEqual([null, null, null, null, null]);
    expect(byId.get(untouched)!.slice(5, 8)).toEqual(['0', '0', '0']);
  });

  it('gives the same rows reading inputs for the whole workspace as for the target accounts', async () => {
    const ids = [busy, quiet, untouched];
    const sort = (rows: Awaited<ReturnType<typeof score>>) =>
      [...rows].sort((left, right) => left.account_id.localeCompare(right.account_id));
    const perAccount = sort(await score(ids, false));
    const whole = sort(await score(ids, true));
    expect(whole).toEqual(perAccount);
    expect(whole).toHaveLength(3);
  });
});
