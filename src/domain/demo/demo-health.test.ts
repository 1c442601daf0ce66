import { describe, expect, it } from 'vitest';
import { scorecardOf } from '../health/scorecard.fixture';
import { dayNumberOf, MILLISECONDS_PER_DAY } from './calendar';
import { demoHealthBand, demoMeasureInput, type DemoHealthRows } from './demo-health';
import type { DemoActivity, DemoSubscription, DemoTicket, DemoUsageDay } from './demo-model';

const TODAY = dayNumberOf(new Date('2025-06-15T00:00:00Z'));
const at = (day: number, hour = 10) => day * MILLISECONDS_PER_DAY + hour * 3_600_000;

const subscription = (overrides: Partial<DemoSubscription>): DemoSubscription => ({
  id: 's',
  externalId: 's',
  accountId: 'a',
  product: 'Beacon Platform',
  plan: 'Team',
  amountMinor: 100_000,
  currency: 'USD',
  billingInterval: 'month',
  seats: 10,
  startDay: TODAY - 400,
  endDay: null,
  status: 'active',
  ...overrides,
});
const usage = (day: number, activeUsers: number): DemoUsageDay => ({
  accountId: 'a',
  day,
  activeUsers,
  eventCount: activeUsers * 10,
  featureCounts: [activeUsers * 10, 0, 0, 0, 0, 0],
});
const ticket = (overrides: Partial<DemoTicket>): DemoTicket => ({
  id: 't',
  externalId: 't',
  accountId: 'a',
  subject: 'Help',
  status: 'solved',
  priority: 'normal',
  requesterEmail: null,
  channel: 'email',
  openedAt: at(TODAY - 10),
  firstResponseAt: null,
  resolvedAt: at(TODAY - 9),
  escalated: false,
  csatScore: null,
  ...overrides,
});
const activity = (day: number, kind: DemoActivity['kind']): DemoActivity => ({
  id: `${kind}-${day}`,
  externalId: 'x',
  accountId: 'a',
  kind,
  subject: 'Touch',
  body: null,
  outcome: null,
  occurredAt: at(day),
  userId: 'u',
  contactIds: [],
});

const rows: DemoHealthRows = {
  // 10 seats + 10 per-seat add-on seats, as health scoring adds the seats of every running subscription.
  subscriptions: [
    subscription({ amountMinor: 80_000, endDay: TODAY - 100 }),
    subscription({ id: 's2', amountMinor: 100_000, startDay: TODAY - 100 }),
    subscription({ id: 's3', product: 'Beacon Analytics', amountMinor: 20_000, startDay: TODAY - 100 }),
  ],
  // The window (today − 30, today]: 6 users a day on its 29 days before today; the 30 days before it: 8 a day.
  usageDays: [
    ...Array.from({ length: 30 }, (_, offset) => usage(TODAY - 59 + offset, 8)),
    ...Array.from({ length: 29 }, (_, offset) => usage(TODAY - 29 + offset, 6)),
  ],
  activities: [activity(TODAY - 40, 'qbr'), activity(TODAY - 12, 'email')],
  tickets: [
    ticket({ status: 'open', resolvedAt: null }),
    ticket({ openedAt: at(TODAY - 20), escalated: true }),
    ticket({ openedAt: at(TODAY - 95), escalated: true }),
  ],
  surveyResponses: [
    {
      id: 'n1',
      externalId: 'n1',
      accountId: 'a',
      contactId: null,
      surveyKind: 'nps',
      surveyName: 'NPS',
      score: 9,
      comment: null,
      respondedAt: at(TODAY - 200),
    },
    {
      id: 'n2',
      externalId: 'n2',
      accountId: 'a',
      contactId: null,
      surveyKind: 'nps',
      surveyName: 'NPS',
      score: 6,
      comment: null,
      respondedAt: at(TODAY - 20),
    },
  ],
};

describe('demoMeasureInput (health inputs read like the scoring SQL, as of the start of today)', () => {
  it('reads usage over the window: average active users, seat utilisation over all running seats, change on the window before', () => {
    expect(demoMeasureInput(rows, { kind: 'active_users' }, 30, TODAY)).toBe(5.8);
    expect(demoMeasureInput(rows, { kind: 'events' }, 30, TODAY)).toBe(1740);
    expect(demoMeasureInput(rows, { kind: 'seat_utilisation' }, 30, TODAY)).toBe((5.8 / 20) * 100);
    expect(demoMeasureInput(rows, { kind: 'usage_change' }, 30, TODAY)).toBe(((174 - 240) / 240) * 100);
    expect(demoMeasureInput({ ...rows, usageDays: [] }, { kind: 'active_users' }, 30, TODAY)).toBeNull();
    expect(
      demoMeasureInput({ ...rows, usageDays: [usage(TODAY - 90, 3)] }, { kind: 'active_users' }, 30, TODAY),
    ).toBe(0);
  });

  it('reads tickets, surveys, touches and revenue', () => {
    expect(demoMeasureInput(rows, { kind: 'open_tickets' }, 30, TODAY)).toBe(1);
    expect(demoMeasureInput(rows, { kind: 'escalations' }, 90, TODAY)).toBe(1);
    expect(demoMeasureInput(rows, { kind: 'tickets_opened' }, 90, TODAY)).toBe(2);
    expect(demoMeasureInput(rows, { kind: 'last_nps' }, 365, TODAY)).toBe(6);
    expect(demoMeasureInput(rows, { kind: 'last_nps' }, 10, TODAY)).toBeNull();
    expect(demoMeasureInput(rows, { kind: 'days_since_activity' }, 90, TODAY)).toBe(12);
    expect(demoMeasureInput(rows, { kind: 'days_since_ebr' }, 90, TODAY)).toBe(40);
    // May's MRR (1,200.00) against February's (800.00).
    expect(demoMeasureInput(rows, { kind: 'mrr_change', months: 3 }, 90, TODAY)).toBe(50);
    expect(demoMeasureInput(rows, { kind: 'sentiment' }, 90, TODAY)).toBeNull();
  });

  it('scores the rows with a scorecard and names the band; no band when nothing can be scored', () => {
    const scorecard = scorecardOf([
      {
        id: 'seats',
        name: 'Seats',
        weight: 1,
        input: { kind: 'seat_utilisation' },
        windowDays: 30,
        scheme: { kind: 'linear', from: { value: 0, score: 0 }, to: { value: 100, score: 100 } },
        missingData: 'exclude',
      },
    ]);
    expect(demoHealthBand(scorecard, rows, TODAY)).toBe('red');
    expect(demoHealthBand(scorecard, { ...rows, usageDays: [] }, TODAY)).toBeNull();
  });
});
