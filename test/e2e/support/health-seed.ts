import type { AccountCreate, AccountSummary } from '../../../src/shared/api/accounts.contract';
import type { ScorecardCreate, ScorecardDto } from '../../../src/shared/api/health.contract';
import { subscriptions, surveyResponses, tickets, usageDaily } from '../../../src/server/db/schema';
import { createUser } from '../../../src/server/features/users/user.service';
import { TEST_PASSWORD, type TestServer } from '../../helpers/test-server';
import { dayFromToday, people } from './seed';

const DAY_MS = 86_400_000;

/** A seeded pseudo-random generator (mulberry32): the same book every run. */
function randomFrom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Cycle's traffic-light scorecard over usage, support and engagement, with the CSM's sentiment on the side. */
export const standardScorecard: ScorecardCreate = {
  name: 'Standard health',
  criteria: [],
  note: 'First version, from the CS team’s rules of thumb',
  definition: {
    groups: [
      { id: 'adoption', name: 'Adoption', weight: 50 },
      { id: 'support', name: 'Support', weight: 25 },
      { id: 'engagement', name: 'Engagement', weight: 25 },
    ],
    measures: [
      {
        id: 'seat_utilisation',
        name: 'Seat utilisation',
        weight: 100,
        input: { kind: 'seat_utilisation' },
        windowDays: 30,
        scheme: { kind: 'linear', from: { value: 10, score: 0 }, to: { value: 70, score: 100 } },
        missingData: 'exclude',
        groupId: 'adoption',
      },
      {
        id: 'open_tickets',
        name: 'Open tickets',
        weight: 100,
        input: { kind: 'open_tickets' },
        windowDays: 30,
        scheme: {
          kind: 'ranges',
          ranges: [
            { from: null, to: 1, score: 100 },
            { from: 1, to: 3, score: 70 },
            { from: 3, to: 6, score: 35 },
            { from: 6, to: null, score: 10 },
          ],
        },
        missingData: 'exclude',
        groupId: 'support',
      },
      {
        id: 'days_since_touch',
        name: 'Days since last touch',
        weight: 60,
        input: { kind: 'days_since_activity' },
        windowDays: 90,
        scheme: { kind: 'linear', from: { value: 14, score: 100 }, to: { value: 90, score: 0 } },
        missingData: { default: 0 },
        groupId: 'engagement',
      },
      {
        id: 'nps',
        name: 'Latest NPS',
        weight: 40,
        input: { kind: 'last_nps' },
        windowDays: 365,
        scheme: {
          kind: 'ranges',
          ranges: [
            { from: null, to: 7, score: 10 },
            { from: 7, to: 9, score: 60 },
            { from: 9, to: null, score: 100 },
          ],
        },
        missingData: 'exclude',
        groupId: 'engagement',
      },
      {
        id: 'sentiment',
        name: 'CSM sentiment',
        weight: 10,
        input: { kind: 'sentiment' },
        windowDays: 30,
        scheme: { kind: 'category', scores: { positive: 100, neutral: 60, negative: 0 }, otherScore: 50 },
        missingData: 'exclude',
        groupId: null,
      },
    ],
    bands: [
      { name: 'Red', lower: 0, upper: 50 },
      { name: 'Yellow', lower: 50, upper: 75 },
      { name: 'Green', lower: 75, upper: 100 },
    ],
  },
};

export interface SeededHealth {
  /** The manager the journeys sign in as; Sam is a CSM who owns a third of the book. */
  signInAs: { email: string; name: string };
  csm: { email: string; name: string };
  users: { morgan: string; sam: string; priya: string };
  /** Acme, owned by Sam: healthy a week ago, two more tickets since. */
  acme: AccountSummary;
  /** Every scored account, Acme first. */
  accounts: AccountSummary[];
  /** Each account's "Churn" trait. */
  churned: Map<string, boolean>;
}

async function api<T>(
  server: TestServer,
  cookie: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<T> {
  const response = await fetch(`${server.baseUrl}/api/v1${path}`, {
    method,
    headers: { 'content-type': 'application/json', cookie },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`seeding ${method} ${path} failed: ${response.status} ${text}`);
  return JSON.parse(text) as T;
}

export async function signInCookie(server: TestServer, email: string): Promise<string> {
  const login = await fetch(`${server.baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: TEST_PASSWORD }),
  });
  if (!login.ok) throw new Error(`seeding sign-in failed: ${login.status} ${await login.text()}`);
  return (login.headers.get('set-cookie') ?? '').split(';')[0]!;
}

const companyNames = [
  'Acme Corporation',
  'Globex',
  'Initech',
  'Hooli',
  'Stark Industries',
  'Wayne Enterprises',
  'Umbrella Health',
  'Soylent',
  'Cyberdyne',
  'Tyrell',
  'Wonka Foods',
  'Gringotts',
  'Oscorp',
  'Vandelay Imports',
  'Pied Piper',
  'Dunder Mifflin',
  'Prestige Worldwide',
  'Monarch Solutions',
  'Aperture Labs',
  'Black Mesa',
  'Massive Dynamic',
  'Nakatomi Trading',
  'Virtucon',
  'Bluth Company',
  'Sterling Cooper',
  'Wernham Hogg',
  'Los Pollos',
  'Krusty Krab',
  'Blue Sun',
  'Weyland Yutani',
  'Ollivanders',
  'Zorg Industries',
  'Duff Brewing',
  'Kramerica',
  'Spacely Sprockets',
  'Cogswell Cogs',
  'Rekall',
  'Omni Consumer',
  'Planet Express',
  'Mom Corp',
  'Paper Street',
  'Strickland Propane',
  'Hanso Foundation',
  'Dharma Initiative',
  'InGen',
  'Biosyn',
  'Yoyodyne',
  'Gekko & Co',
];

/**
 * A book of 48 active accounts for the health journeys: 50 seats each, 30 days of usage, open
 * tickets, the last logged touch and some NPS answers, with a "Churn" trait (Yes/No) that follows
 * the usage with noise, so a backtest separates churners well but not perfectly. Accounts,
 * activities and traits go through the API; usage, tickets, surveys and subscriptions (no write API
 * yet) through the database. No scorecard yet: the journey starts from the empty state.
 */
export async function seedHealthBook(server: TestServer): Promise<SeededHealth> {
  const { db } = server.database;
  const users = {
    morgan: await createUser(db, { ...people.morgan, password: TEST_PASSWORD }),
    sam: await createUser(db, { ...people.sam, password: TEST_PASSWORD }),
    priya: await createUser(db, { ...people.priya, password: TEST_PASSWORD }),
  };
  const cookie = await signInCookie(server, people.morgan.email);
  const random = randomFrom(20_26);
  const owners = [users.sam.id, users.morgan.id, users.priya.id];
  const tiers = ['Enterprise', 'Growth', 'Starter'];

  const accounts: AccountSummary[] = [];
  const churned = new Map<string, boolean>();
  const usageRows: (typeof usageDaily.$inferInsert)[] = [];
  const ticketRows: (typeof tickets.$inferInsert)[] = [];
  const surveyRows: (typeof surveyResponses.$inferInsert)[] = [];
  const lastTouch = new Map<string, number>();

  for (const [index, name] of companyNames.entries()) {
    // Acme is a healthy account; about a third of the others are at risk, and most of those churned.
    const atRisk = index !== 0 && (index % 4 === 1 || random() < 0.12);
    const churn = atRisk ? random() < 0.75 : random() < 0.12;
    const utilisation = index === 0 ? 64 : atRisk ? 8 + random() * 35 : 35 + random() * 50;
    const body: AccountCreate = {
      name,
      domain: `${name.toLowerCase().replace(/[^a-z]+/g, '')}.example`,
      status: 'active',
      tier: tiers[index % 3]!,
      ownerId: owners[index % 3]!,
      renewalDate: dayFromToday(30 + ((index * 37) % 300)),
      traits: { Churn: churn ? 'Yes' : 'No' },
    };
    const account = await api<AccountSummary>(server, cookie, 'POST', '/accounts', body);
    accounts.push(account);
    churned.set(account.id, churn);

    for (let day = 0; day < 30; day += 1) {
      const activeUsers = Math.max(0, Math.round((utilisation / 100) * 50 * (0.85 + random() * 0.3)));
      usageRows.push({
        accountId: account.id,
        day: dayFromToday(day - 29),
        activeUsers,
        eventCount: activeUsers * 23,
      });
    }
    const openTickets = index === 0 ? 0 : atRisk ? Math.floor(random() * 7) : Math.floor(random() * 3);
    for (let ticket = 0; ticket < openTickets; ticket += 1) {
      ticketRows.push({
        accountId: account.id,
        subject: `Issue ${ticket + 1} at ${name}`,
        status: 'open',
        priority: 'normal',
        openedAt: new Date(Date.now() - (3 + ticket) * DAY_MS),
      });
    }
    lastTouch.set(
      account.id,
      index === 0 ? 6 : atRisk ? 20 + Math.floor(random() * 80) : 2 + Math.floor(random() * 30),
    );
    if (index === 0 || random() < 0.5) {
      surveyRows.push({
        accountId: account.id,
        surveyKind: 'nps',
        surveyName: 'Quarterly NPS',
        score: index === 0 ? 9 : atRisk ? Math.floor(random() * 8) : 6 + Math.floor(random() * 5),
        respondedAt: new Date(Date.now() - 40 * DAY_MS),
      });
    }
  }

  await db.insert(subscriptions).values(
    accounts.map((account, index) => ({
      accountId: account.id,
      product: 'Cycle Platform',
      plan: 'Annual, billed monthly',
      amountMinor: 200_000 + (index % 5) * 150_000,
      currency: 'USD',
      billingInterval: 'month' as const,
      seats: 50,
      startDate: dayFromToday(-400),
    })),
  );
  await db.insert(usageDaily).values(usageRows);
  if (ticketRows.length > 0) await db.insert(tickets).values(ticketRows);
  await db.insert(surveyResponses).values(surveyRows);
  // A few accounts have never been touched, so their "days since last touch" is missing (scored as the default).
  for (const [index, account] of accounts.entries()) {
    if (index % 11 === 5) continue;
    await api(server, cookie, 'POST', `/accounts/${account.id}/activities`, {
      kind: 'call',
      subject: `Check-in with ${account.name}`,
      occurredAt: new Date(Date.now() - lastTouch.get(account.id)! * DAY_MS).toISOString(),
    });
  }

  return {
    signInAs: { email: people.morgan.email, name: people.morgan.name },
    csm: { email: people.sam.email, name: people.sam.name },
    users: { morgan: users.morgan.id, sam: users.sam.id, priya: users.priya.id },
    acme: accounts[0]!,
    accounts,
    churned,
  };
}

/**
 * Creates the standard scorecard as the manager (every account is scored today), then makes that
 * score a week old and adds two tickets on Acme, and recomputes: Acme now has a 7-day trend and
 * "what moved" to show. Snapshots have no write API; moving them back in time stands in for a week passing.
 */
export async function createScorecardWithHistory(
  server: TestServer,
  seeded: SeededHealth,
): Promise<ScorecardDto> {
  const cookie = await signInCookie(server, seeded.signInAs.email);
  const { scorecard } = await api<{ scorecard: ScorecardDto }>(
    server,
    cookie,
    'POST',
    '/health/scorecards',
    standardScorecard,
  );
  await server.database.pool.query(
    `UPDATE health_snapshots SET computed_at = computed_at - interval '8 days', as_of_date = as_of_date - 8`,
  );
  await server.database.pool.query(
    `UPDATE account_health SET computed_at = computed_at - interval '8 days', as_of_date = as_of_date - 8`,
  );
  await server.database.db.insert(tickets).values([
    {
      accountId: seeded.acme.id,
      subject: 'SSO login fails for new hires',
      status: 'open',
      priority: 'high',
      openedAt: new Date(Date.now() - 2 * DAY_MS),
      escalated: true,
    },
    {
      accountId: seeded.acme.id,
      subject: 'Export to CSV times out',
      status: 'pending',
      priority: 'normal',
      openedAt: new Date(Date.now() - DAY_MS),
    },
  ]);
  await api(server, cookie, 'POST', '/health/recompute', {});
  return scorecard;
}
