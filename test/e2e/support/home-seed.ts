import { sql } from 'drizzle-orm';
import type { ScorecardCreate, ScorecardDto } from '../../../src/shared/api/health.contract';
import { accounts, healthSnapshots, surveyResponses, tickets } from '../../../src/server/db/schema';
import { TEST_PASSWORD, type TestServer } from '../../helpers/test-server';
import { dayFromToday, people, type SeededWorkspace, seedWorkspace } from './seed';

/** Scores each account's "adoption" trait (0–100) as it is: under 50 Red, to 75 Yellow, above Green. */
export const adoptionScorecard: ScorecardCreate = {
  name: 'Adoption',
  criteria: [],
  definition: {
    measures: [
      {
        id: 'adoption',
        name: 'Adoption',
        weight: 1,
        input: { kind: 'trait', key: 'adoption' },
        windowDays: 30,
        scheme: { kind: 'linear', from: { value: 0, score: 0 }, to: { value: 100, score: 100 } },
        missingData: 'exclude',
      },
    ],
    groups: [],
    bands: [
      { name: 'Red', lower: 0, upper: 50 },
      { name: 'Yellow', lower: 50, upper: 75 },
      { name: 'Green', lower: 75, upper: 100 },
    ],
  },
};

/** Each scored account's adoption: Sam's book is one Red, one Yellow, one Green. */
const adoption: Partial<Record<keyof SeededWorkspace['accounts'], number>> = {
  acme: 80,
  acmeEurope: 25,
  globex: 62,
  hooli: 55,
  stark: 45,
  wayne: 88,
};

export interface SeededHome extends SeededWorkspace {
  /** Sam Rivera, a CSM who owns Acme Europe (Red, renews in 45 days), Globex (Yellow) and Wayne (Green). */
  csm: { email: string; password: string; name: string };
  scorecard: ScorecardDto;
}

/**
 * The workspace of seed.ts plus health: an "Adoption" scorecard scoring a trait, and the last 24
 * hours on Sam's book — Acme Europe fell from Green (a snapshot two days old) to Red, an urgent
 * escalated ticket on Globex three hours ago, and an NPS 4 on Acme Europe an hour ago.
 * Tickets, surveys, traits and snapshots have no write API here, so they go through the database.
 */
export async function seedHomeWorkspace(server: TestServer): Promise<SeededHome> {
  const workspace = await seedWorkspace(server);
  const { db } = server.database;
  for (const [key, value] of Object.entries(adoption)) {
    await db
      .update(accounts)
      .set({ traits: sql`${accounts.traits} || ${JSON.stringify({ adoption: value })}::jsonb` })
      .where(sql`${accounts.id} = ${workspace.accounts[key as keyof SeededWorkspace['accounts']].id}`);
  }
  const login = await fetch(`${server.baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: people.morgan.email, password: TEST_PASSWORD }),
  });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
  const created = await fetch(`${server.baseUrl}/api/v1/health/scorecards`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify(adoptionScorecard),
  });
  const text = await created.text();
  if (!created.ok) throw new Error(`seeding the scorecard failed: ${created.status} ${text}`);
  const { scorecard } = JSON.parse(text) as { scorecard: ScorecardDto };

  const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000);
  await db.insert(healthSnapshots).values({
    accountId: workspace.accounts.acmeEurope.id,
    computedAt: hoursAgo(48),
    asOfDate: dayFromToday(-2),
    trigger: 'daily',
    scorecardId: scorecard.id,
    scorecardVersion: scorecard.version,
    status: 'scored',
    score: 78,
    displayScore: 78,
    band: 'Green',
    rawValues: ['78'],
    measureScores: [78],
  });
  await db.insert(tickets).values({
    accountId: workspace.accounts.globex.id,
    subject: 'Cannot invite new users',
    status: 'open',
    priority: 'urgent',
    escalated: true,
    openedAt: hoursAgo(3),
  });
  await db.insert(surveyResponses).values({
    accountId: workspace.accounts.acmeEurope.id,
    surveyKind: 'nps',
    surveyName: 'Quarterly NPS',
    score: 4,
    comment: 'Too many clicks to export.',
    respondedAt: hoursAgo(1),
  });
  return {
    ...workspace,
    csm: { email: people.sam.email, password: TEST_PASSWORD, name: people.sam.name },
    scorecard,
  };
}
