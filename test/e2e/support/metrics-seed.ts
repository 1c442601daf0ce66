import type { AccountCreate, AccountSummary } from '../../../src/shared/api/accounts.contract';
import { churnEvents, subscriptions } from '../../../src/server/db/schema';
import { rebuildMrrFacts } from '../../../src/server/features/revenue/mrr-facts.repository';
import { createUser } from '../../../src/server/features/users/user.service';
import { TEST_PASSWORD, type TestServer } from '../../helpers/test-server';

/** 'YYYY-MM' of the month `offset` months from the current UTC month (negative: the past). */
export function monthFromNow(offset: number, now: Date = new Date()): string {
  const index = now.getUTCFullYear() * 12 + now.getUTCMonth() + offset;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The first day of that month, 'YYYY-MM-01': subscriptions here are month-aligned so every figure is round. */
function firstOf(offset: number): string {
  return `${monthFromNow(offset)}-01`;
}

type AccountKey =
  | 'acme'
  | 'globex'
  | 'initech'
  | 'hooli'
  | 'umbrella'
  | 'wayne'
  | 'soylent'
  | 'massive'
  | 'cyberdyne'
  | 'tyrell'
  | 'stark'
  | 'oscorp'
  | 'vandelay';

export interface SeededRevenue {
  signInAs: { email: string; name: string };
  accounts: Record<AccountKey, AccountSummary>;
}

/**
 * A book of 13 accounts whose figures are known, in USD, relative to the current month M. The default
 * period (the last 12 full months, M-12…M-1) opens at the end of M-13 with 10 customers and $25,000 MRR:
 *
 * - Acme $4,000 expands by $2,000 in M-6; Initech $3,000 contracts to $2,000 in M-5;
 * - Globex $2,000 churns in M-3 (reason "price"), Hooli $1,000 in M-8 ("product_gaps"),
 *   Soylent $1,000 in M-10 (no churn event: "unknown");
 * - Umbrella $2,500, Wayne $2,500, Massive Dynamic $4,000, Cyberdyne $3,000, Tyrell $2,000 stay flat;
 * - Vandelay ($1,200, M-9) and Stark ($3,000, M-4) are new; Oscorp ($1,500), lost in M-18, reactivates in M-2.
 *
 * So: NRR 22,000 ÷ 25,000 = 88%, GRR 20,000 ÷ 25,000 = 80%, logo churn 3 of 10 = 30%, net MRR churn
 * (4,000 + 1,000 − 2,000 − 1,500) ÷ 25,000 = 6%, quick ratio 7,700 ÷ 5,000 = 1.54, ARR 12 × $27,700 = $332,400.
 * Everything starts in M-24, so over the last 24 months there is no customer at the start (NRR not defined).
 */
export async function seedRevenue(server: TestServer): Promise<SeededRevenue> {
  const { db } = server.database;
  const morgan = await createUser(db, {
    email: 'morgan.lee@example.test',
    name: 'Morgan Lee',
    role: 'manager',
    title: 'Head of Customer Success',
    password: TEST_PASSWORD,
  });
  const sam = await createUser(db, {
    email: 'sam.rivera@example.test',
    name: 'Sam Rivera',
    role: 'csm',
    password: TEST_PASSWORD,
  });
  const priya = await createUser(db, {
    email: 'priya.shah@example.test',
    name: 'Priya Shah',
    role: 'csm',
    password: TEST_PASSWORD,
  });

  const login = await fetch(`${server.baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: morgan.email, password: TEST_PASSWORD }),
  });
  if (!login.ok) throw new Error(`seeding sign-in failed: ${login.status} ${await login.text()}`);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
  const createAccount = async (account: AccountCreate): Promise<AccountSummary> => {
    const response = await fetch(`${server.baseUrl}/api/v1/accounts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify(account),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`seeding account ${account.name} failed: ${response.status} ${text}`);
    return JSON.parse(text) as AccountSummary;
  };

  const accounts: SeededRevenue['accounts'] = {
    acme: await createAccount({
      name: 'Acme Corporation',
      status: 'active',
      tier: 'Enterprise',
      segment: 'Strategic',
      ownerId: morgan.id,
    }),
    globex: await createAccount({
      name: 'Globex',
      status: 'churned',
      tier: 'Growth',
      segment: 'Growth',
      ownerId: sam.id,
    }),
    initech: await createAccount({
      name: 'Initech',
      status: 'active',
      tier: 'Growth',
      segment: 'Growth',
      ownerId: priya.id,
    }),
    hooli: await createAccount({
      name: 'Hooli',
      status: 'churned',
      tier: 'Growth',
      segment: 'Growth',
      ownerId: priya.id,
    }),
    umbrella: await createAccount({
      name: 'Umbrella Health',
      status: 'active',
      tier: 'Starter',
      segment: 'Scale',
      ownerId: sam.id,
    }),
    wayne: await createAccount({
      name: 'Wayne Enterprises',
      status: 'active',
      tier: 'Enterprise',
      segment: 'Strategic',
      ownerId: sam.id,
    }),
    soylent: await createAccount({ name: 'Soylent', status: 'churned', tier: 'Starter', segment: 'Scale' }),
    massive: await createAccount({
      name: 'Massive Dynamic',
      status: 'active',
      tier: 'Enterprise',
      segment: 'Strategic',
      ownerId: morgan.id,
    }),
    cyberdyne: await createAccount({
      name: 'Cyberdyne Systems',
      status: 'active',
      tier: 'Growth',
      segment: 'Growth',
      ownerId: morgan.id,
    }),
    tyrell: await createAccount({
      name: 'Tyrell Corporation',
      status: 'active',
      tier: 'Starter',
      segment: 'Scale',
      ownerId: priya.id,
    }),
    stark: await createAccount({
      name: 'Stark Industries',
      status: 'onboarding',
      tier: 'Enterprise',
      segment: 'Strategic',
      ownerId: morgan.id,
    }),
    oscorp: await createAccount({
      name: 'Oscorp',
      status: 'active',
      tier: 'Growth',
      segment: 'Growth',
      ownerId: sam.id,
    }),
    vandelay: await createAccount({
      name: 'Vandelay Industries',
      status: 'active',
      tier: 'Starter',
      segment: 'Scale',
      ownerId: priya.id,
    }),
  };

  const monthly = (
    key: AccountKey,
    amountMinor: number,
    from: number,
    until?: number,
    plan = 'Business',
  ) => ({
    accountId: accounts[key].id,
    product: 'Cycle Platform',
    plan,
    amountMinor,
    currency: 'USD',
    billingInterval: 'month' as const,
    startDate: firstOf(from),
    endDate: until === undefined ? null : firstOf(until),
    status: until === undefined ? ('active' as const) : ('cancelled' as const),
  });
  await db
    .insert(subscriptions)
    .values([
      monthly('acme', 400_000, -24, undefined, 'Enterprise'),
      { ...monthly('acme', 200_000, -6, undefined, 'Analytics add-on'), product: 'Analytics' },
      monthly('globex', 200_000, -24, -3),
      monthly('initech', 300_000, -24, -5),
      monthly('initech', 200_000, -5, undefined, 'Team'),
      monthly('hooli', 100_000, -24, -8, 'Team'),
      monthly('umbrella', 250_000, -24),
      monthly('wayne', 250_000, -24, undefined, 'Enterprise'),
      monthly('soylent', 100_000, -24, -10, 'Team'),
      monthly('massive', 400_000, -24, undefined, 'Enterprise'),
      monthly('cyberdyne', 300_000, -24),
      monthly('tyrell', 200_000, -24, undefined, 'Team'),
      monthly('stark', 300_000, -4, undefined, 'Enterprise'),
      monthly('oscorp', 150_000, -24, -18),
      monthly('oscorp', 150_000, -2),
      monthly('vandelay', 120_000, -9, undefined, 'Team'),
    ]);
  await db.insert(churnEvents).values([
    {
      accountId: accounts.globex.id,
      churnedOn: firstOf(-3),
      churnedMrrMinor: 200_000,
      currency: 'USD',
      reasonCode: 'price',
      notes: 'Moved to a cheaper tool',
    },
    {
      accountId: accounts.hooli.id,
      churnedOn: firstOf(-8),
      churnedMrrMinor: 100_000,
      currency: 'USD',
      reasonCode: 'product_gaps',
    },
  ]);
  await rebuildMrrFacts(db);

  return { signInAs: { email: morgan.email, name: morgan.name }, accounts };
}
