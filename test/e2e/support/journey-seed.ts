import type { AccountCreate, AccountSummary } from '../../../src/shared/api/accounts.contract';
import type { StageCreate } from '../../../src/shared/api/journey.contract';
import type { Team } from '../../../src/shared/api/team.contract';
import type { TierCreate } from '../../../src/shared/api/tiers.contract';
import { subscriptions } from '../../../src/server/db/schema';
import { rebuildMrrFacts } from '../../../src/server/features/revenue/mrr-facts.repository';
import { createUser } from '../../../src/server/features/users/user.service';
import { TEST_PASSWORD, type TestServer } from '../../helpers/test-server';

const DAY_MS = 86_400_000;

/** The people of the journey: a manager and three CSMs. */
export const journeyPeople = {
  morgan: { email: 'morgan.reyes@example.test', name: 'Morgan Reyes', role: 'manager' as const },
  ann: { email: 'ann.ortiz@example.test', name: 'Ann Ortiz', role: 'csm' as const },
  ben: { email: 'ben.carter@example.test', name: 'Ben Carter', role: 'csm' as const },
  cleo: { email: 'cleo.park@example.test', name: 'Cleo Park', role: 'csm' as const },
};
type PersonKey = keyof typeof journeyPeople;

/**
 * The accounts: owner, MRR in cents, stage and days in it, days since the owner got it. ARR is 12 × MRR:
 * by the tiers the journey defines (Enterprise ≥ $100k, Mid-market ≥ $20k, else Self-serve), Ann owns
 * two Enterprise, two Mid-market and one Self-serve account.
 */
export const journeyAccounts = {
  acme: {
    name: 'Acme Corporation',
    owner: 'ann',
    mrrMinor: 1_250_000,
    stage: 'Adoption',
    daysInStage: 120,
    ownedDays: 900,
  },
  globex: {
    name: 'Globex',
    owner: 'ann',
    mrrMinor: 1_000_000,
    stage: 'Adoption',
    daysInStage: 20,
    ownedDays: 700,
  },
  hooli: {
    name: 'Hooli',
    owner: 'ann',
    mrrMinor: 250_000,
    stage: 'Adoption',
    daysInStage: 60,
    ownedDays: 500,
  },
  initech: {
    name: 'Initech',
    owner: 'ann',
    mrrMinor: 200_000,
    stage: 'Renewal',
    daysInStage: 70,
    ownedDays: 400,
  },
  soylent: {
    name: 'Soylent',
    owner: 'ann',
    mrrMinor: 50_000,
    stage: 'Onboarding',
    daysInStage: 45,
    ownedDays: 30,
  },
  stark: {
    name: 'Stark Industries',
    owner: 'ben',
    mrrMinor: 2_000_000,
    stage: 'Renewal',
    daysInStage: 15,
    ownedDays: 300,
  },
  wayne: {
    name: 'Wayne Enterprises',
    owner: 'cleo',
    mrrMinor: 300_000,
    stage: 'Onboarding',
    daysInStage: 10,
    ownedDays: 200,
  },
  umbrella: {
    name: 'Umbrella Health',
    owner: null,
    mrrMinor: 100_000,
    stage: null,
    daysInStage: 0,
    ownedDays: 0,
  },
} as const satisfies Record<
  string,
  {
    name: string;
    owner: PersonKey | null;
    mrrMinor: number;
    stage: string | null;
    daysInStage: number;
    ownedDays: number;
  }
>;
type AccountKey = keyof typeof journeyAccounts;

/** The journey map: Onboarding (30 days), Adoption (90), Renewal (60), each with its touchpoints. */
export const journeyStages: StageCreate[] = [
  {
    name: 'Onboarding',
    description: 'From kickoff to go-live.',
    expectedDays: 30,
    touchpoints: [
      { title: 'Kickoff call', dueDay: 3 },
      { title: 'Admin training', dueDay: 14 },
      { title: 'Go-live check', dueDay: 30 },
    ],
    metrics: ['time_to_go_live'],
  },
  {
    name: 'Adoption',
    expectedDays: 90,
    touchpoints: [{ title: 'Adoption review', dueDay: 60 }],
    metrics: ['active_users', 'seat_utilisation'],
  },
  {
    name: 'Renewal',
    expectedDays: 60,
    touchpoints: [{ title: 'Renewal call', dueDay: 30 }],
    metrics: ['gross_retention'],
  },
];

/** Three tiers by ARR, as the journey defines them in the browser (and the accessibility suite by API). */
export const tiersByArr: TierCreate[] = [
  { name: 'Self-serve', rule: null, touchModel: 'tech' },
  {
    name: 'Enterprise',
    rule: { kind: 'condition', field: 'arr', operator: 'gte', value: 100_000 },
    touchModel: 'high',
    ebrEveryDays: 90,
    checkInEveryDays: 30,
  },
  {
    name: 'Mid-market',
    rule: { kind: 'condition', field: 'arr', operator: 'gte', value: 20_000 },
    touchModel: 'low',
    ebrEveryDays: 180,
    checkInEveryDays: 60,
  },
];

export interface SeededJourney {
  signInAs: { email: string; password: string; name: string };
  users: Record<PersonKey, { id: string }>;
  accounts: Record<AccountKey, AccountSummary>;
}

/** Signs in through the API and returns a function calling it with that session (JSON in and out). */
export async function apiAs(server: TestServer, email: string) {
  const login = await fetch(`${server.baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: TEST_PASSWORD }),
  });
  if (!login.ok) throw new Error(`seeding sign-in failed: ${login.status} ${await login.text()}`);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
  return async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${server.baseUrl}/api/v1${path}`, {
      method,
      headers: { 'content-type': 'application/json', cookie },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`seeding ${method} ${path} failed: ${response.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  };
}

/**
 * The workspace of the journey e2e test: Morgan (manager) and the CSMs Ann, Ben and Cleo in a "Customer
 * Success" team; eight accounts with subscriptions, stages entered days ago and owners of long standing;
 * the journey map; and capacity settings that make a small team readable — weights high 1, low 0.5,
 * tech 0.25 and 3 units per CSM. No tiers yet: the journey defines them. Ben covers Enterprise only.
 */
export async function seedJourneyWorkspace(server: TestServer): Promise<SeededJourney> {
  const { db, pool } = server.database;
  const users = {} as Record<PersonKey, { id: string }>;
  for (const [key, person] of Object.entries(journeyPeople))
    users[key as PersonKey] = await createUser(db, { ...person, password: TEST_PASSWORD });
  const api = await apiAs(server, journeyPeople.morgan.email);

  const team = await api<Team>('POST', '/teams', { name: 'Customer Success', kind: 'csm' });
  const onboarding = await api<Team>('POST', '/teams', { name: 'Onboarding', kind: 'onboarding' });
  await api('PATCH', `/people/${users.morgan.id}`, { teamId: team.id, title: 'Head of Customer Success' });
  for (const key of ['ann', 'ben', 'cleo'] as const) {
    await api('PATCH', `/people/${users[key].id}`, {
      teamId: team.id,
      managerId: users.morgan.id,
      title: 'Customer Success Manager',
    });
  }
  // The API only takes tier names that exist, and the journey defines the tiers later: set it directly.
  await pool.query(`UPDATE users SET covers_tiers = ARRAY['Enterprise'] WHERE id = $1`, [users.ben.id]);
  for (const stage of journeyStages)
    await api('POST', '/stages', {
      ...stage,
      owningTeamId: stage.name === 'Onboarding' ? onboarding.id : team.id,
    });
  await api('PUT', '/capacity/settings', {
    weights: { high: 1, low: 0.5, tech: 0.25 },
    workloadCapacity: 3,
    arrTargets: { high: 100_000_000, low: 200_000_000, tech: 300_000_000 },
    overloadAt: 1,
    underloadAt: 0.5,
    hiringLeadDays: 90,
  });

  const accounts = {} as Record<AccountKey, AccountSummary>;
  for (const [key, account] of Object.entries(journeyAccounts)) {
    const created = await api<AccountSummary>('POST', '/accounts', {
      name: account.name,
      domain: `${key}.example`,
      status: 'active',
      ownerId: account.owner ? users[account.owner].id : null,
      lifecycleStage: account.stage ?? undefined,
    } satisfies AccountCreate);
    accounts[key as AccountKey] = created;
    await db.insert(subscriptions).values({
      accountId: created.id,
      product: 'Cycle Platform',
      amountMinor: account.mrrMinor,
      currency: 'USD',
      billingInterval: 'month',
      startDate: new Date(Date.now() - 400 * DAY_MS).toISOString().slice(0, 10),
    });
    // Time in stage and in the owner's book: backdated, so the board and the rebalancing read as a real team's.
    await pool.query(
      `UPDATE account_stage_history SET entered_at = now() - make_interval(days => $2) WHERE account_id = $1`,
      [created.id, account.daysInStage],
    );
    if (account.owner)
      await pool.query(`UPDATE accounts SET owner_since = now() - make_interval(days => $2) WHERE id = $1`, [
        created.id,
        account.ownedDays,
      ]);
  }
  await rebuildMrrFacts(db);
  // Acme had its EBR and a call lately, so it is the one Enterprise account not overdue.
  await api('POST', `/accounts/${accounts.acme.id}/activities`, {
    kind: 'ebr',
    subject: 'Executive business review',
    occurredAt: new Date(Date.now() - 10 * DAY_MS).toISOString(),
  });
  await api('POST', `/accounts/${accounts.acme.id}/activities`, {
    kind: 'call',
    subject: 'Monthly check-in',
    occurredAt: new Date(Date.now() - 5 * DAY_MS).toISOString(),
  });
  return {
    signInAs: { email: journeyPeople.morgan.email, password: TEST_PASSWORD, name: journeyPeople.morgan.name },
    users,
    accounts,
  };
}

/**
 * A journey map on any workspace, by API as `email` (a manager): the three tiers by ARR, stages named
 * like the home seed's accounts (Onboarding, Adoption, Renewal, Expansion) and one dynamic segment.
 * Returns the segment's id.
 */
export async function seedJourneyMap(server: TestServer, email: string): Promise<{ segmentId: string }> {
  const api = await apiAs(server, email);
  for (const tier of tiersByArr) await api('POST', '/tiers', tier);
  for (const stage of [...journeyStages, { name: 'Expansion', expectedDays: 120 }])
    await api('POST', '/stages', stage);
  const segment = await api<{ id: string }>('POST', '/segments', {
    kind: 'dynamic',
    name: 'Large accounts',
    rule: {
      kind: 'group',
      combinator: 'and',
      rules: [
        { kind: 'condition', field: 'arr', operator: 'gte', value: 20_000 },
        { kind: 'condition', field: 'status', operator: 'in', value: ['active', 'onboarding'] },
      ],
    },
  });
  return { segmentId: segment.id };
}
