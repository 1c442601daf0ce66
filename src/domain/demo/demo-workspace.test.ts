import { beforeAll, describe, expect, it } from 'vitest';
import { dayNumberOf, isoDateOf, MILLISECONDS_PER_DAY } from './calendar';
import type { DemoAccountBundle, DemoSettings } from './demo-model';
import { buildDemoPeople } from './demo-people';
import { DemoOptionError, demoAccountId, generateDemoAccounts, resolveDemoSettings } from './demo-workspace';
import { CHURN_REASONS, DEMO_BASE_PRODUCT } from './revenue-history';

const NOW = new Date('2025-06-15T10:30:00Z');
const TODAY = dayNumberOf(NOW);

function generate(options: Parameters<typeof resolveDemoSettings>[0]): {
  settings: DemoSettings;
  bundles: DemoAccountBundle[];
} {
  const settings = resolveDemoSettings({ now: NOW, ...options });
  return { settings, bundles: [...generateDemoAccounts(settings, buildDemoPeople(settings.seed))] };
}

describe('resolveDemoSettings', () => {
  it('defaults to seed 42, 300 accounts, 24 months and 180 days of usage, starting the window 23 months back', () => {
    const settings = resolveDemoSettings({ now: NOW });
    expect(settings).toMatchObject({ seed: 42, accounts: 300, months: 24, usageDays: 180, today: TODAY });
    expect(isoDateOf(settings.windowStart)).toBe('2023-07-01');
  });

  it('keeps fewer usage days for very large runs unless asked', () => {
    expect(resolveDemoSettings({ now: NOW, accounts: 100_000 }).usageDays).toBe(20);
    expect(resolveDemoSettings({ now: NOW, accounts: 100_000, usageDays: 90 }).usageDays).toBe(90);
  });

  it('rejects out-of-range options with a message naming the option', () => {
    expect(() => resolveDemoSettings({ accounts: 0 })).toThrow(
      new DemoOptionError('--accounts must be a whole number from 1 to 1,000,000 (got 0).'),
    );
    expect(() => resolveDemoSettings({ months: 2.5 })).toThrow(
      /--months must be a whole number from 1 to 120/,
    );
    expect(() => resolveDemoSettings({ seed: -1 })).toThrow(/--seed/);
    expect(() => resolveDemoSettings({ now: new Date('nonsense') })).toThrow(/now/);
  });
});

describe('buildDemoPeople', () => {
  it('has ten @demo.cycle users in five teams, managed by the CS leader, with four CSMs covering tiers', () => {
    const people = buildDemoPeople(42);
    expect(people.users).toHaveLength(10);
    expect(people.teams.map((team) => team.kind)).toEqual([
      'csm',
      'support',
      'onboarding',
      'services',
      'education',
    ]);
    expect(people.users.every((user) => user.email.endsWith('@demo.cycle'))).toBe(true);
    expect(people.users.find((user) => user.email === 'maya.patel@demo.cycle')?.role).toBe('csm');
    expect(people.leader.role).toBe('manager');
    expect(people.leader.managerId).toBeNull();
    expect(
      people.users
        .filter((user) => user !== people.leader)
        .every((user) => user.managerId === people.leader.id),
    ).toBe(true);
    expect(people.users.every((user) => user.responsibilities.length > 0)).toBe(true);
    expect(
      people.owners.map(({ user }) => [user.name, user.role, user.coversTiers, user.workloadCapacity]),
    ).toEqual([
      ['Maya Patel', 'csm', ['Enterprise', 'Mid-Market'], 15],
      ['Daniel Okafor', 'csm', ['Enterprise', 'Mid-Market'], null],
      ['Sofia Lindqvist', 'csm', ['Mid-Market', 'SMB'], null],
      ['Lucas Moreau', 'csm', ['SMB'], null],
    ]);
    // Priya (onboarding) has the csm role too, but is on the Onboarding team: capacity planning
    // counts CSM-team members and owners only.
    expect(people.users.filter((user) => user.role === 'csm').map((user) => [user.name, user.teamKey])).toEqual([
      ['Maya Patel', 'cs'],
      ['Daniel Okafor', 'cs'],
      ['Sofia Lindqvist', 'cs'],
      ['Lucas Moreau', 'cs'],
      ['Priya Raman', 'onboarding'],
    ]);
  });
});

describe('generateDemoAccounts', () => {
  let run: { settings: DemoSettings; bundles: DemoAccountBundle[] };
  beforeAll(() => {
    run = generate({});
  });

  it('is deterministic: the same seed and day give identical data, ids included', () => {
    expect(generate({}).bundles).toEqual(run.bundles);
  });

  it('gives different data for another seed, and the same account ids for a longer run', () => {
    const other = generate({ seed: 43, accounts: 20 }).bundles;
    expect(other[0]?.account.id).not.toBe(run.bundles[0]?.account.id);
    expect(
      other[0]?.account.name === run.bundles[0]?.account.name &&
        other[1]?.account.name === run.bundles[1]?.account.name,
    ).toBe(false);
    expect(run.bundles[5]?.account.id).toBe(demoAccountId(42, 5));
  });

  it('never repeats an id or an external id', () => {
    const ids = new Set<string>();
    const externalIds = new Set<string>();
    let rows = 0;
    for (const bundle of run.bundles) {
      for (const row of [
        bundle.account,
        ...bundle.contacts,
        ...bundle.subscriptions,
        ...bundle.churnEvents,
        ...bundle.tickets,
        ...bundle.surveyResponses,
        ...bundle.activities,
      ]) {
        ids.add(row.id);
        externalIds.add(row.externalId);
        rows += 1;
      }
    }
    expect(ids.size).toBe(rows);
    expect(externalIds.size).toBe(rows);
  });

  it('gives every subscription an end after its start, a positive price and a known currency', () => {
    for (const subscription of run.bundles.flatMap((bundle) => bundle.subscriptions)) {
      if (subscription.endDay !== null) expect(subscription.endDay).toBeGreaterThan(subscription.startDay);
      expect(subscription.startDay).toBeLessThanOrEqual(TODAY);
      expect(subscription.amountMinor).toBeGreaterThan(0);
      expect(['USD', 'EUR', 'GBP']).toContain(subscription.currency);
      expect(subscription.status).toBe(
        subscription.endDay !== null && subscription.endDay <= TODAY ? 'cancelled' : 'active',
      );
    }
  });

  it('gives every churned account one churn event with a listed reason and no subscription running after the churn', () => {
    const churned = run.bundles.filter((bundle) => bundle.story.churnDay !== null);
    expect(churned.length).toBeGreaterThan(0);
    for (const { account, story, churnEvents, subscriptions } of churned) {
      const churnDay = story.churnDay as number;
      expect(churnEvents).toHaveLength(1);
      expect(churnEvents[0]?.churnedDay).toBe(churnDay);
      expect(churnEvents[0]?.churnedMrrMinor).toBeGreaterThan(0);
      expect(Object.keys(CHURN_REASONS)).toContain(churnEvents[0]?.reasonCode);
      const comeback = story.reactivationDay ?? Number.POSITIVE_INFINITY;
      const runningAfterChurn = subscriptions.filter(
        (item) => item.startDay < comeback && (item.endDay === null || item.endDay > churnDay),
      );
      expect(runningAfterChurn).toEqual([]);
      expect(account.status).toBe(story.reactivationDay === null ? 'churned' : 'active');
    }
    for (const bundle of run.bundles.filter((item) => item.story.churnDay === null))
      expect(bundle.churnEvents).toEqual([]);
  });

  it('keeps answers on their scales: NPS 0–10, CSAT 1–5, ticket CSAT 1–5', () => {
    for (const answer of run.bundles.flatMap((bundle) => bundle.surveyResponses)) {
      const [low, high] = answer.surveyKind === 'nps' ? [0, 10] : [1, 5];
      expect(Number.isInteger(answer.score) && answer.score >= low && answer.score <= high).toBe(true);
      expect(answer.respondedAt).toBeLessThan(TODAY * MILLISECONDS_PER_DAY);
    }
    for (const ticket of run.bundles.flatMap((bundle) => bundle.tickets)) {
      if (ticket.csatScore !== null) expect(ticket.csatScore >= 1 && ticket.csatScore <= 5).toBe(true);
    }
  });

  it('orders ticket times (opened ≤ first response ≤ resolved) and leaves only recent tickets unresolved', () => {
    for (const ticket of run.bundles.flatMap((bundle) => bundle.tickets)) {
      expect(ticket.openedAt).toBeLessThan(TODAY * MILLISECONDS_PER_DAY);
      if (ticket.firstResponseAt !== null)
        expect(ticket.firstResponseAt).toBeGreaterThanOrEqual(ticket.openedAt);
      if (ticket.resolvedAt !== null)
        expect(ticket.resolvedAt).toBeGreaterThanOrEqual(ticket.firstResponseAt ?? ticket.openedAt);
      expect(ticket.resolvedAt === null).toBe(['new', 'open', 'pending', 'on_hold'].includes(ticket.status));
    }
  });

  it('records usage only while the account pays, never above its seats, with feature counts adding up', () => {
    const problems: string[] = [];
    for (const { account, story, usageDays, subscriptions } of run.bundles) {
      const bases = subscriptions.filter((item) => item.product === DEMO_BASE_PRODUCT);
      for (const day of usageDays) {
        const paying = bases.filter(
          (item) => item.startDay <= day.day && (item.endDay === null || day.day < item.endDay),
        );
        const featureTotal = day.featureCounts.reduce((sum, count) => sum + count, 0);
        if (paying.length !== 1)
          problems.push(`${account.externalId} ${isoDateOf(day.day)}: ${paying.length} base subscriptions`);
        if (day.activeUsers > (paying[0]?.seats ?? 0))
          problems.push(`${account.externalId} ${isoDateOf(day.day)}: more users than seats`);
        if (day.day >= TODAY || day.day < Math.max(story.startDay, TODAY - 180))
          problems.push(`${account.externalId} ${isoDateOf(day.day)}: out of range`);
        if (featureTotal !== day.eventCount)
          problems.push(`${account.externalId} ${isoDateOf(day.day)}: features do not add up`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('logs activities by the owner CSM (the previous one before a reassignment) or the onboarding specialist, with contacts of the account', () => {
    const people = buildDemoPeople(42);
    const csmIds = people.owners.map((owner) => owner.user.id);
    for (const { account, activities, contacts } of run.bundles) {
      const contactIds = new Set(contacts.map((contact) => contact.id));
      for (const activity of activities) {
        if (activity.userId === people.onboardingSpecialist.id) continue;
        expect(csmIds).toContain(activity.userId);
        if (activity.occurredAt >= account.ownerSinceDay * MILLISECONDS_PER_DAY)
          expect(activity.userId).toBe(account.ownerId);
        expect(activity.contactIds.every((id) => contactIds.has(id))).toBe(true);
        expect(activity.occurredAt).toBeLessThan(TODAY * MILLISECONDS_PER_DAY);
      }
    }
  });

  it('gives each account 3–12 contacts with a champion, more for larger tiers (the tier it was sold as)', () => {
    for (const { account, contacts } of run.bundles) {
      const plan = account.traits.plan;
      expect(contacts.length).toBeGreaterThanOrEqual(plan === 'Enterprise' ? 8 : plan === 'Business' ? 5 : 3);
      expect(contacts.length).toBeLessThanOrEqual(plan === 'Enterprise' ? 12 : plan === 'Business' ? 8 : 5);
      expect(contacts.filter((contact) => contact.roles.includes('champion'))).toHaveLength(1);
      expect(contacts.every((contact) => contact.email.endsWith(`@${account.domain}`))).toBe(true);
    }
  });

  it('uses reserved .example domains and places subsidiaries right after their enterprise parent', () => {
    const byId = new Map(run.bundles.map((bundle) => [bundle.account.id, bundle.account]));
    const children = run.bundles.filter((bundle) => bundle.account.parentId !== null);
    expect(children.length).toBeGreaterThan(0);
    for (const { account } of children) {
      const parent = byId.get(account.parentId as string);
      expect(parent?.traits.plan).toBe('Enterprise');
      expect(parent?.index).toBeLessThan(account.index);
      expect(account.domain.endsWith(`.${parent?.domain}`)).toBe(true);
      expect(account.ownerId).toBe(parent?.ownerId);
    }
    expect(run.bundles.every((bundle) => bundle.account.domain.endsWith('.example'))).toBe(true);
  });

  it('derives status, stage and dates consistently: the next renewal within a year, a stage only while a customer', () => {
    for (const { account, story } of run.bundles) {
      if (account.status === 'churned') {
        expect(account.lifecycleStage).toBeNull();
        expect(account.renewalDate).toBeNull();
      } else {
        expect(account.renewalDate).toBeGreaterThan(TODAY);
        expect((account.renewalDate as number) - TODAY).toBeLessThanOrEqual(366);
      }
      if (account.status !== 'churned')
        expect(account.status === 'onboarding').toBe(account.goLiveDate === null);
      if (account.lifecycleStage === 'Handoff' || account.lifecycleStage === 'Onboarding')
        expect(account.status).toBe('onboarding');
      expect(account.goLiveDate === null || account.goLiveDate <= TODAY).toBe(true);
      expect(account.createdDay).toBe(story.startDay);
    }
  });
});
