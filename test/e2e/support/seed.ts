import type { AccountCreate, AccountSummary } from '../../../src/shared/api/accounts.contract';
import type { ActivityCreate } from '../../../src/shared/api/activities.contract';
import type { Contact, ContactCreate } from '../../../src/shared/api/contacts.contract';
import { sql } from 'drizzle-orm';
import {
  accountHealth,
  lifecycleStages,
  subscriptions,
  surveyResponses,
  tickets,
  usageDaily,
} from '../../../src/server/db/schema';
import { rebuildMrrFacts } from '../../../src/server/features/revenue/mrr-facts.repository';
import { createUser } from '../../../src/server/features/users/user.service';
import { writeSetting } from '../../../src/server/features/workspace/workspace.repository';
import { DEMO_SETTING_KEY } from '../../../src/server/features/workspace/workspace.routes';
import { TEST_PASSWORD, type TestServer } from '../../helpers/test-server';

/** YYYY-MM-DD `days` from today (UTC), so "days left" reads the same whenever the suite runs. */
export function dayFromToday(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

function momentFromNow(days: number): Date {
  return new Date(Date.now() + days * 86_400_000);
}

export const people = {
  morgan: { email: 'morgan.lee@example.test', name: 'Morgan Lee', role: 'manager' as const, title: 'Head of Customer Success' },
  sam: { email: 'sam.rivera@example.test', name: 'Sam Rivera', role: 'csm' as const, title: 'Customer Success Manager' },
  priya: { email: 'priya.shah@example.test', name: 'Priya Shah', role: 'csm' as const, title: 'Customer Success Manager' },
};

export interface SeededWorkspace {
  /** The manager the journeys sign in as (password TEST_PASSWORD). */
  signInAs: { email: string; password: string; name: string };
  accounts: Record<'acme' | 'acmeEurope' | 'globex' | 'initech' | 'umbrella' | 'hooli' | 'stark' | 'wayne', AccountSummary>;
}

async function api<T>(server: TestServer, cookie: string, method: string, path: string, body: unknown): Promise<T> {
  const response = await fetch(`${server.baseUrl}/api/v1${path}`, {
    method,
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`seeding ${method} ${path} failed: ${response.status} ${text}`);
  return JSON.parse(text) as T;
}

/**
 * A small, realistic book of business: three people, eight accounts (one with a child), contacts,
 * subscriptions, tickets, survey answers and activities on Acme, and the demo-data marker.
 * Accounts, contacts and activities go through the API; the rest (which has no write API yet) through the database.
 */
export async function seedWorkspace(server: TestServer): Promise<SeededWorkspace> {
  const { db } = server.database;
  const users = {
    morgan: await createUser(db, { ...people.morgan, password: TEST_PASSWORD }),
    sam: await createUser(db, { ...people.sam, password: TEST_PASSWORD }),
    priya: await createUser(db, { ...people.priya, password: TEST_PASSWORD }),
  };
  const login = await fetch(`${server.baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: people.morgan.email, password: TEST_PASSWORD }),
  });
  if (!login.ok) throw new Error(`seeding sign-in failed: ${login.status} ${await login.text()}`);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
  const createAccount = (account: AccountCreate) => api<AccountSummary>(server, cookie, 'POST', '/accounts', account);

  const acme = await createAccount({
    name: 'Acme Corporation',
    domain: 'acme.example',
    status: 'active',
    tier: 'Enterprise',
    segment: 'Enterprise',
    lifecycleStage: 'Adoption',
    industry: 'Manufacturing',
    region: 'North America',
    ownerId: users.morgan.id,
    renewalDate: dayFromToday(45),
    goLiveDate: dayFromToday(-300),
    crmId: 'CRM-0001',
  });
  const accounts: SeededWorkspace['accounts'] = {
    acme,
    acmeEurope: await createAccount({
      name: 'Acme Europe GmbH',
      domain: 'acme.example.de',
      status: 'active',
      tier: 'Enterprise',
      lifecycleStage: 'Adoption',
      region: 'EMEA',
      ownerId: users.sam.id,
      parentId: acme.id,
      renewalDate: dayFromToday(45),
    }),
    globex: await createAccount({
      name: 'Globex',
      domain: 'globex.example',
      status: 'onboarding',
      tier: 'Growth',
      lifecycleStage: 'Onboarding',
      ownerId: users.sam.id,
      renewalDate: dayFromToday(330),
    }),
    initech: await createAccount({
      name: 'Initech',
      domain: 'initech.example',
      status: 'churned',
      tier: 'Growth',
      lifecycleStage: 'Churned',
      ownerId: users.priya.id,
      renewalDate: dayFromToday(-20),
    }),
    umbrella: await createAccount({ name: 'Umbrella Health', domain: 'umbrella.example', status: 'prospect', tier: 'Starter' }),
    hooli: await createAccount({
      name: 'Hooli',
      domain: 'hooli.example',
      status: 'active',
      tier: 'Growth',
      lifecycleStage: 'Renewal',
      ownerId: users.priya.id,
      renewalDate: dayFromToday(12),
    }),
    stark: await createAccount({
      name: 'Stark Industries',
      domain: 'stark.example',
      status: 'active',
      tier: 'Enterprise',
      lifecycleStage: 'Expansion',
      ownerId: users.morgan.id,
      renewalDate: dayFromToday(160),
    }),
    wayne: await createAccount({
      name: 'Wayne Enterprises',
      domain: 'wayne.example',
      status: 'onboarding',
      tier: 'Enterprise',
      lifecycleStage: 'Onboarding',
      ownerId: users.sam.id,
      renewalDate: dayFromToday(360),
    }),
  };

  const monthly: [keyof SeededWorkspace['accounts'], string, number, number][] = [
    ['acme', 'Cycle Platform', 1_200_000, 120],
    ['acmeEurope', 'Cycle Platform', 350_000, 40],
    ['globex', 'Cycle Platform', 420_000, 50],
    ['hooli', 'Cycle Platform', 280_000, 30],
    ['stark', 'Cycle Platform', 2_150_000, 250],
    ['wayne', 'Cycle Platform', 900_000, 100],
  ];
  await db.insert(subscriptions).values([
    ...monthly.map(([key, product, amountMinor, seats]) => ({
      accountId: accounts[key].id,
      product,
      plan: 'Annual, billed monthly',
      amountMinor,
      currency: 'USD',
      billingInterval: 'month' as const,
      seats,
      startDate: dayFromToday(-200),
    })),
    { accountId: acme.id, product: 'Premium Support', plan: 'Yearly', amountMinor: 2_400_000, currency: 'USD', billingInterval: 'year' as const, seats: null, startDate: dayFromToday(-100), endDate: dayFromToday(265) },
    { accountId: accounts.initech.id, product: 'Cycle Platform', plan: 'Monthly', amountMinor: 150_000, currency: 'USD', billingInterval: 'month' as const, seats: 15, startDate: dayFromToday(-400), endDate: dayFromToday(-20), status: 'cancelled' as const },
  ]);

  const createContact = (contact: ContactCreate) => api<Contact>(server, cookie, 'POST', `/accounts/${acme.id}/contacts`, contact);
  const dana = await createContact({ firstName: 'Dana', lastName: 'Whitfield', email: 'dana.whitfield@acme.example', title: 'VP Operations', roles: ['decision_maker', 'exec_sponsor'] });
  const leo = await createContact({ firstName: 'Leo', lastName: 'Martins', email: 'leo.martins@acme.example', title: 'Operations Lead', phone: '+1 555 0100', roles: ['champion', 'power_user'], isAdvocate: true });
  await createContact({ firstName: 'Ivy', lastName: 'Chen', email: 'ivy.chen@acme.example', title: 'Finance Manager', roles: ['billing'] });

  await db.insert(tickets).values([
    { accountId: acme.id, subject: 'SSO login fails for new hires', status: 'open', priority: 'high', openedAt: momentFromNow(-3), firstResponseAt: momentFromNow(-2.9), escalated: true },
    { accountId: acme.id, subject: 'Export to CSV times out on large reports', status: 'pending', priority: 'normal', openedAt: momentFromNow(-8), firstResponseAt: momentFromNow(-7.8) },
    { accountId: acme.id, subject: 'Question about seat pricing', status: 'new', priority: 'low', openedAt: momentFromNow(-0.5) },
    { accountId: acme.id, subject: 'Password reset email delayed', status: 'solved', priority: 'normal', openedAt: momentFromNow(-30), firstResponseAt: momentFromNow(-29.9), resolvedAt: momentFromNow(-28) },
  ]);
  await db.insert(surveyResponses).values([
    { accountId: acme.id, contactId: leo.id, surveyKind: 'nps', surveyName: 'Quarterly NPS', score: 9, comment: 'The renewal dashboard saves us hours every week.', respondedAt: momentFromNow(-14) },
    { accountId: acme.id, surveyKind: 'csat', surveyName: 'Support CSAT', score: 4, comment: null, respondedAt: momentFromNow(-27) },
    { accountId: acme.id, contactId: dana.id, surveyKind: 'nps', surveyName: 'Quarterly NPS', score: 6, comment: 'Onboarding took longer than promised.', respondedAt: momentFromNow(-105) },
  ]);

  // 30 days of usage on Acme: weekdays busier than weekends, slowly growing towards its 120 seats.
  await db.insert(usageDaily).values(
    Array.from({ length: 30 }, (_, index) => {
      const day = dayFromToday(index - 29);
      const weekend = [0, 6].includes(new Date(`${day}T00:00:00Z`).getUTCDay());
      const activeUsers = Math.round((weekend ? 28 : 82) + index * 0.8 + ((index * 7) % 5));
      return { accountId: acme.id, day, activeUsers, eventCount: activeUsers * 37 };
    }),
  );

  const logActivity = (activity: ActivityCreate) => api(server, cookie, 'POST', `/accounts/${acme.id}/activities`, activity);
  await logActivity({ kind: 'meeting', subject: 'Quarterly business review', body: 'Walked through adoption by team. Asked for an SSO fix before renewal.', outcome: 'Renewal looks likely', occurredAt: momentFromNow(-10).toISOString() });
  await logActivity({ kind: 'email', subject: 'Sent the renewal proposal', occurredAt: momentFromNow(-4).toISOString() });

  // The subscriptions above went in directly: derive the monthly MRR facts (Account 360's revenue tab and timeline).
  await rebuildMrrFacts(db);

  await writeSetting(db, DEMO_SETTING_KEY, { seed: 42, accounts: 8, months: 12, loadedAt: new Date().toISOString() });

  return { signInAs: { email: people.morgan.email, password: TEST_PASSWORD, name: people.morgan.name }, accounts };
}

/** The portfolio's health by account: score and band of a three-band scorecard; absent = not scored. */
export const portfolioHealth: Partial<
  Record<keyof SeededWorkspace['accounts'], { score: number; band: 'Red' | 'Yellow' | 'Green' }>
> = {
  acme: { score: 82.5, band: 'Green' },
  acmeEurope: { score: 61, band: 'Yellow' },
  globex: { score: 35.5, band: 'Red' },
  hooli: { score: 22.25, band: 'Red' },
  stark: { score: 90, band: 'Green' },
  wayne: { score: 55, band: 'Yellow' },
};

/**
 * Health for the portfolio journeys: a Red/Yellow/Green scorecard (created over the API, so the
 * band filter and colours know its bands), then each account's latest score set to the fixed values
 * of `portfolioHealth` so the journeys can assert exact bands and orders.
 */
export async function seedPortfolioHealth(server: TestServer, workspace: SeededWorkspace): Promise<void> {
  const login = await fetch(`${server.baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: people.morgan.email, password: TEST_PASSWORD }),
  });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
  const scorecard = await api<{ scorecard: { id: string } }>(server, cookie, 'POST', '/health/scorecards', {
    name: 'Portfolio health',
    criteria: [],
    definition: {
      groups: [],
      measures: [
        {
          id: 'open_tickets',
          name: 'Open tickets',
          weight: 100,
          input: { kind: 'open_tickets' },
          windowDays: 30,
          scheme: { kind: 'linear', from: { value: 0, score: 100 }, to: { value: 10, score: 0 } },
          missingData: { default: 0 },
        },
      ],
      bands: [
        { name: 'Red', lower: 0, upper: 50 },
        { name: 'Yellow', lower: 50, upper: 75 },
        { name: 'Green', lower: 75, upper: 100 },
      ],
    },
  });
  const bandIndex = { Red: 0, Yellow: 1, Green: 2 } as const;
  const { db } = server.database;
  await db.delete(accountHealth);
  let snapshotId = 1_000_000;
  for (const [key, health] of Object.entries(portfolioHealth)) {
    snapshotId += 1;
    await db.insert(accountHealth).values({
      accountId: workspace.accounts[key as keyof SeededWorkspace['accounts']].id,
      snapshotId,
      computedAt: new Date(),
      asOfDate: dayFromToday(0),
      scorecardId: scorecard.scorecard.id,
      scorecardVersion: 1,
      status: 'scored',
      score: health!.score,
      displayScore: health!.score,
      band: health!.band,
      bandIndex: bandIndex[health!.band],
      inputsDigest: '00000000-0000-4000-8000-000000000000',
    });
  }
}

/**
 * A four-stage journey map without entry rules (accounts move only by hand), and Acme's current
 * stay in Adoption backdated by `acmeDaysInStage` days, so its days in stage read the same every run.
 */
export async function seedLifecycleStages(
  server: TestServer,
  workspace: SeededWorkspace,
  acmeDaysInStage = 20,
): Promise<void> {
  const { db } = server.database;
  await db.insert(lifecycleStages).values([
    { name: 'Onboarding', position: 0, expectedDays: 60 },
    { name: 'Adoption', position: 1, expectedDays: 120 },
    { name: 'Expansion', position: 2, expectedDays: 180 },
    { name: 'Renewal', position: 3, expectedDays: 90 },
  ]);
  await db.execute(sql`
    UPDATE account_stage_history SET entered_at = now() - make_interval(days => ${acmeDaysInStage})
    WHERE account_id = ${workspace.accounts.acme.id} AND left_at IS NULL`);
}
