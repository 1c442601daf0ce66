import { beforeAll, describe, expect, it } from 'vitest';
import { calendarMonthOf, dayNumberOf, isWeekend, monthIndexOf } from './calendar';
import type { DemoAccountBundle, DemoTier } from './demo-model';
import { buildDemoPeople } from './demo-people';
import { generateDemoAccounts, resolveDemoSettings } from './demo-workspace';
import { DEMO_BASE_PRODUCT, monthlyAmountMinor } from './revenue-history';

const NOW = new Date('2025-06-15T10:30:00Z');
const TODAY = dayNumberOf(NOW);

function generate(accounts: number, usageDays: number): DemoAccountBundle[] {
  const settings = resolveDemoSettings({ now: NOW, accounts, usageDays, seed: 42 });
  return [...generateDemoAccounts(settings, buildDemoPeople(42))];
}

function median(values: number[]): number {
  const sorted = [...values].sort((left, right) => left - right);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

function share<T>(items: T[], predicate: (item: T) => boolean): number {
  return items.filter(predicate).length / items.length;
}

/** Monthly revenue at the start of the account's history, in minor units (currencies mixed: fine for shapes). */
function initialMrr(bundle: DemoAccountBundle): number {
  return bundle.subscriptions
    .filter((item) => item.startDay === bundle.story.startDay)
    .reduce((sum, item) => sum + monthlyAmountMinor(item), 0);
}

describe('demo distributions (3,000 accounts, 24 months)', () => {
  let bundles: DemoAccountBundle[];
  beforeAll(() => {
    bundles = generate(3_000, 0);
  });

  it('loses a sane share of accounts, most of them small, and brings a few back', () => {
    const churned = share(bundles, (bundle) => bundle.story.churnDay !== null);
    expect(churned).toBeGreaterThan(0.1);
    expect(churned).toBeLessThan(0.35);
    const churnRate = (tier: DemoTier) =>
      share(
        bundles.filter((bundle) => bundle.account.tier === tier),
        (bundle) => bundle.story.churnDay !== null,
      );
    expect(churnRate('SMB')).toBeGreaterThan(churnRate('Mid-Market'));
    expect(churnRate('Mid-Market')).toBeGreaterThan(churnRate('Enterprise'));
    const reactivated = bundles.filter((bundle) => bundle.story.reactivationDay !== null).length;
    expect(reactivated).toBeGreaterThan(0);
    expect(reactivated / bundles.filter((bundle) => bundle.story.churnDay !== null).length).toBeLessThan(0.2);
  });

  it('skews churn reasons: product gaps and price lead, every reason occurs', () => {
    const counts = new Map<string, number>();
    for (const event of bundles.flatMap((bundle) => bundle.churnEvents))
      counts.set(event.reasonCode, (counts.get(event.reasonCode) ?? 0) + 1);
    expect(counts.size).toBe(7);
    const ranked = [...counts.entries()].sort((left, right) => right[1] - left[1]).map(([reason]) => reason);
    expect(ranked.slice(0, 3)).toContain('product_gaps');
    expect(ranked.slice(0, 3)).toContain('price');
    expect(ranked.slice(-2)).toContain('acquired');
  });

  it('has few, large enterprises and a long tail of small businesses with log-normal-ish revenue', () => {
    const byTier = (tier: DemoTier) =>
      bundles.filter((bundle) => bundle.account.tier === tier && bundle.account.parentId === null);
    expect(share(bundles, (bundle) => bundle.account.tier === 'Enterprise')).toBeLessThan(0.15);
    expect(share(bundles, (bundle) => bundle.account.tier === 'SMB')).toBeGreaterThan(0.5);
    const enterprise = byTier('Enterprise').map(initialMrr);
    const midMarket = byTier('Mid-Market').map(initialMrr);
    const small = byTier('SMB').map(initialMrr);
    expect(median(enterprise)).toBeGreaterThan(4 * median(midMarket));
    expect(median(midMarket)).toBeGreaterThan(4 * median(small));
    const mean = small.reduce((sum, value) => sum + value, 0) / small.length;
    expect(mean).toBeGreaterThan(median(small));
    const totalRevenue = bundles.reduce((sum, bundle) => sum + initialMrr(bundle), 0);
    expect(
      bundles
        .filter((bundle) => bundle.account.tier === 'Enterprise')
        .reduce((sum, bundle) => sum + initialMrr(bundle), 0) / totalRevenue,
    ).toBeGreaterThan(0.35);
  });

  it('bills mostly in USD with some EUR and GBP, monthly, quarterly and annually', () => {
    const subscriptions = bundles.flatMap((bundle) => bundle.subscriptions);
    expect(share(subscriptions, (item) => item.currency === 'USD')).toBeGreaterThan(0.55);
    expect(share(subscriptions, (item) => item.currency === 'EUR')).toBeGreaterThan(0.05);
    expect(share(subscriptions, (item) => item.currency === 'GBP')).toBeGreaterThan(0.05);
    for (const interval of ['month', 'quarter', 'year'] as const)
      expect(subscriptions.some((item) => item.billingInterval === interval)).toBe(true);
    const enterprise = bundles.filter((bundle) => bundle.account.tier === 'Enterprise');
    expect(share(enterprise, (bundle) => bundle.story.billingInterval === 'year')).toBeGreaterThan(0.75);
  });

  it('spreads new business over the window with more starts right after a quarter closes', () => {
    const startsPerMonth = new Map<number, number>();
    const firstMonth = monthIndexOf(TODAY) - 23;
    for (const bundle of bundles.filter((item) => item.account.parentId === null)) {
      const month = monthIndexOf(bundle.story.startDay);
      if (month >= firstMonth) startsPerMonth.set(month, (startsPerMonth.get(month) ?? 0) + 1);
    }
    expect(startsPerMonth.size).toBe(24);
    const average = (months: number[]) =>
      months.reduce((sum, month) => sum + (startsPerMonth.get(month) ?? 0), 0) / months.length;
    const months = [...startsPerMonth.keys()];
    expect(average(months.filter((month) => calendarMonthOf(month) % 3 === 0))).toBeGreaterThan(
      1.3 * average(months.filter((month) => calendarMonthOf(month) % 3 !== 0)),
    );
    expect(share(bundles, (bundle) => monthIndexOf(bundle.story.startDay) < firstMonth)).toBeGreaterThan(
      0.25,
    );
  });

  it('expands some accounts (more seats, add-ons) and contracts others (fewer seats, a cancelled add-on)', () => {
    let moreSeats = 0;
    let fewerSeats = 0;
    let cancelledAddOns = 0;
    for (const bundle of bundles) {
      const bases = bundle.subscriptions.filter((item) => item.product === DEMO_BASE_PRODUCT);
      for (let position = 1; position < bases.length; position += 1) {
        const before = bases[position - 1];
        const after = bases[position];
        if (!before || !after || before.endDay !== after.startDay) continue;
        if ((after.seats ?? 0) > (before.seats ?? 0)) moreSeats += 1;
        else fewerSeats += 1;
      }
      cancelledAddOns += bundle.subscriptions.filter(
        (item) =>
          item.product !== DEMO_BASE_PRODUCT && item.endDay !== null && item.endDay !== bundle.story.churnDay,
      ).length;
    }
    expect(moreSeats).toBeGreaterThan(fewerSeats);
    expect(fewerSeats).toBeGreaterThan(30);
    expect(cancelledAddOns).toBeGreaterThan(10);
    expect(bundles.filter((bundle) => bundle.subscriptions.length > 1).length).toBeGreaterThan(600);
  });

  it('grows Maya’s book to her workload limit (6.1 units per 100 accounts) and shares the rest by tier weights', () => {
    const people = buildDemoPeople(42);
    const weights = { Enterprise: 1, 'Mid-Market': 0.3, SMB: 0.05 } as const;
    const workload = (ownerId: string) =>
      bundles
        .filter((bundle) => bundle.account.ownerId === ownerId && bundle.account.status !== 'churned')
        .reduce((sum, bundle) => sum + weights[bundle.account.tier], 0);
    const [maya, daniel, sofia, lucas] = people.owners.map((owner) => workload(owner.user.id));
    expect(maya).toBeGreaterThanOrEqual(183);
    expect(maya).toBeLessThan(190);
    // Once Maya is full, Daniel takes the enterprises and Sofia most of the mid-market.
    expect(daniel).toBeGreaterThan(lucas as number);
    expect(sofia).toBeGreaterThan(lucas as number);
    const smallBusinesses = bundles.filter(
      (bundle) => bundle.account.tier === 'SMB' && bundle.account.parentId === null,
    );
    const lucasShare = smallBusinesses.filter(
      (bundle) => bundle.account.ownerId === people.owners[3]?.user.id,
    ).length;
    expect(lucasShare / smallBusinesses.length).toBeGreaterThan(0.85);
  });

  it('answers surveys in line with engagement: churning accounts score lower NPS, and NPS lands near B2B norms', () => {
    const scores = (predicate: (bundle: DemoAccountBundle) => boolean) =>
      bundles
        .filter(predicate)
        .flatMap((bundle) =>
          bundle.surveyResponses
            .filter((answer) => answer.surveyKind === 'nps')
            .map((answer) => answer.score),
        );
    const churning = scores((bundle) => bundle.story.trajectory === 'churning');
    const healthy = scores(
      (bundle) => bundle.story.trajectory === 'steady' || bundle.story.trajectory === 'growing',
    );
    const average = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
    expect(average(churning)).toBeLessThan(average(healthy) - 0.5);
    const all = [...churning, ...healthy];
    const nps = 100 * (share(all, (score) => score >= 9) - share(all, (score) => score <= 6));
    expect(nps).toBeGreaterThan(5);
    expect(nps).toBeLessThan(60);
  });

  it('answers urgent tickets faster than low ones, with a long tail of resolution times and some escalations', () => {
    const tickets = bundles
      .flatMap((bundle) => bundle.tickets)
      .filter((ticket) => ticket.resolvedAt !== null && ticket.firstResponseAt !== null);
    const firstResponse = (priority: string) =>
      median(
        tickets
          .filter((ticket) => ticket.priority === priority)
          .map((ticket) => (ticket.firstResponseAt as number) - ticket.openedAt),
      );
    expect(firstResponse('urgent')).toBeLessThan(firstResponse('low'));
    const resolution = tickets
      .map((ticket) => (ticket.resolvedAt as number) - ticket.openedAt)
      .sort((left, right) => left - right);
    expect(resolution[Math.floor(resolution.length * 0.95)] ?? 0).toBeGreaterThan(5 * median(resolution));
    expect(share(tickets, (ticket) => ticket.escalated)).toBeGreaterThan(0.02);
    expect(share(tickets, (ticket) => ticket.escalated)).toBeLessThan(0.2);
  });
});

describe('demo usage patterns (1,500 accounts, a year of usage)', () => {
  let bundles: DemoAccountBundle[];
  beforeAll(() => {
    bundles = generate(1_500, 365);
  });

  const activeUsersBetween = (bundle: DemoAccountBundle, fromDay: number, toDay: number) =>
    bundle.usageDays
      .filter((day) => day.day >= fromDay && day.day < toDay && !isWeekend(day.day))
      .reduce((sum, day) => sum + day.activeUsers, 0);

  it('shows usage declining in the months before churn', () => {
    const churned = bundles.filter((bundle) => {
      const churnDay = bundle.story.churnDay;
      return (
        churnDay !== null && churnDay - 150 >= TODAY - 365 && churnDay - 150 >= bundle.story.startDay + 90
      );
    });
    expect(churned.length).toBeGreaterThan(20);
    let declined = 0;
    for (const bundle of churned) {
      const churnDay = bundle.story.churnDay as number;
      if (
        activeUsersBetween(bundle, churnDay - 30, churnDay) <
        0.6 * activeUsersBetween(bundle, churnDay - 150, churnDay - 120)
      )
        declined += 1;
    }
    expect(declined / churned.length).toBeGreaterThan(0.9);
  });

  it('shows growing accounts using more and declining accounts using less over the last months', () => {
    const trend = (trajectory: string) => {
      const group = bundles.filter(
        (bundle) => bundle.story.trajectory === trajectory && bundle.story.startDay < TODAY - 400,
      );
      const early = group.reduce(
        (sum, bundle) => sum + activeUsersBetween(bundle, TODAY - 365, TODAY - 335),
        0,
      );
      const late = group.reduce((sum, bundle) => sum + activeUsersBetween(bundle, TODAY - 30, TODAY), 0);
      return late / early;
    };
    expect(trend('growing')).toBeGreaterThan(1.15);
    expect(trend('declining')).toBeLessThan(0.75);
    expect(trend('steady')).toBeGreaterThan(0.85);
    expect(trend('steady')).toBeLessThan(1.15);
  });

  it('has far fewer active users at weekends than on weekdays', () => {
    const days = bundles.flatMap((bundle) => bundle.usageDays);
    const mean = (weekend: boolean) => {
      const selected = days.filter((day) => isWeekend(day.day) === weekend);
      return selected.reduce((sum, day) => sum + day.activeUsers, 0) / selected.length;
    };
    expect(mean(true)).toBeLessThan(0.5 * mean(false));
  });
});
