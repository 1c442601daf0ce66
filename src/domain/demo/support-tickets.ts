import type { DemoAccountProfile } from './account-profile';
import { businessInstant } from './business-hours';
import { firstDayOfMonth, MILLISECONDS_PER_DAY, MILLISECONDS_PER_HOUR, monthIndexOf } from './calendar';
import type {
  DemoAccountStory,
  DemoContact,
  DemoSettings,
  DemoTicket,
  DemoTicketPriority,
  DemoTier,
} from './demo-model';
import { engagementOn, payingPeriods } from './engagement-curve';
import { clamp, type SeededRandom } from './seeded-random';

/** Tickets a typical account of the tier opens per month. */
const MONTHLY_TICKETS: Record<DemoTier, number> = { Enterprise: 1.6, 'Mid-Market': 0.6, SMB: 0.2 };
const TYPICAL_SEATS: Record<DemoTier, number> = { Enterprise: 380, 'Mid-Market': 65, SMB: 11 };

const PRIORITY_WEIGHTS: Record<DemoTicketPriority, number> = { low: 25, normal: 50, high: 19, urgent: 6 };
/** Median minutes to first response and hours to resolution by priority; both have long tails. */
const FIRST_RESPONSE_MINUTES: Record<DemoTicketPriority, number> = {
  urgent: 25,
  high: 70,
  normal: 180,
  low: 480,
};
const RESOLUTION_HOURS: Record<DemoTicketPriority, number> = { urgent: 6, high: 18, normal: 30, low: 60 };

const SUBJECTS = [
  'Dashboard not loading for some users',
  'SSO login fails with SAML error',
  'How do I export a report to CSV?',
  'Workflow run stuck in pending',
  'Salesforce sync missing records',
  'Request to add seats',
  'Invoice shows the wrong billing address',
  'API rate limit reached',
  'Slow performance on large reports',
  'Permission settings for a new team',
  'Webhook deliveries failing',
  'Question about data retention',
  'Bulk import rejected rows',
  'Email notifications not received',
  'Feature request: custom fields on reports',
  'Password reset link expired',
  'Integration token needs rotating',
  'Charts show different totals than export',
  'Mobile app crashes on launch',
  'Need help configuring automations',
] as const;

/**
 * Support tickets opened while the account pays, in the history window: a monthly Poisson count
 * scaled by tier, seats and (lack of) engagement, with priorities, escalations, long-tailed first
 * response and resolution times, open tickets near today, and CSAT on some solved tickets.
 * @example buildTickets(random, input).every((ticket) => ticket.resolvedAt === null || ticket.resolvedAt >= ticket.openedAt) // true
 */
export function buildTickets(
  random: SeededRandom,
  input: {
    profile: DemoAccountProfile;
    story: DemoAccountStory;
    contacts: DemoContact[];
    settings: DemoSettings;
  },
): DemoTicket[] {
  const { profile, story, contacts, settings } = input;
  const nowMs = settings.today * MILLISECONDS_PER_DAY;
  const sizeFactor = (profile.seats / TYPICAL_SEATS[profile.tier]) ** 0.3;
  const tickets: DemoTicket[] = [];
  for (const period of payingPeriods(story, settings.windowStart, settings.today)) {
    for (let month = monthIndexOf(period.fromDay); month <= monthIndexOf(period.toDay - 1); month += 1) {
      const fromDay = Math.max(period.fromDay, firstDayOfMonth(month));
      const toDay = Math.min(period.toDay, firstDayOfMonth(month + 1));
      const share = (toDay - fromDay) / (firstDayOfMonth(month + 1) - firstDayOfMonth(month));
      const middle = engagementOn(story, Math.floor((fromDay + toDay) / 2));
      const onboarding = story.goLiveDay === null || fromDay < story.goLiveDay ? 1.5 : 1;
      const count = random.poisson(
        MONTHLY_TICKETS[profile.tier] * sizeFactor * share * onboarding * (1 + 1.2 * (1 - middle)),
      );
      for (let ticket = 0; ticket < count; ticket += 1) {
        const openedAt = businessInstant(random, random.integer(fromDay, toDay - 1), profile.country.region);
        if (openedAt >= nowMs || openedAt >= period.toDay * MILLISECONDS_PER_DAY) continue;
        tickets.push(
          drawTicket(random, {
            profile,
            contacts,
            openedAt,
            nowMs,
            engagement: middle,
            serial: tickets.length + 1,
          }),
        );
      }
    }
  }
  return tickets;
}

function drawTicket(
  random: SeededRandom,
  input: {
    profile: DemoAccountProfile;
    contacts: DemoContact[];
    openedAt: number;
    nowMs: number;
    engagement: number;
    serial: number;
  },
): DemoTicket {
  const { openedAt, nowMs, engagement } = input;
  const priority = random.weighted(PRIORITY_WEIGHTS);
  const firstResponseMs = Math.max(2, random.logNormal(FIRST_RESPONSE_MINUTES[priority], 0.9)) * 60_000;
  const resolutionMs = Math.max(
    firstResponseMs + 60_000,
    random.logNormal(RESOLUTION_HOURS[priority], 1.1) * (1 + (1 - engagement)) * MILLISECONDS_PER_HOUR,
  );
  const escalated = random.chance(
    0.02 + (priority === 'urgent' ? 0.25 : priority === 'high' ? 0.08 : 0) + 0.1 * (1 - engagement),
  );
  const responded = openedAt + firstResponseMs < nowMs;
  const resolved = openedAt + resolutionMs < nowMs;
  let status: DemoTicket['status'];
  if (!responded) status = 'new';
  else if (!resolved) status = random.weighted({ open: 60, pending: 30, on_hold: 10 });
  else status = openedAt + resolutionMs < nowMs - 4 * MILLISECONDS_PER_DAY ? 'closed' : 'solved';
  let csatScore: number | null = null;
  if (resolved && random.chance(0.4)) {
    const mean =
      2.4 + 2.5 * engagement - (resolutionMs > 72 * MILLISECONDS_PER_HOUR ? 0.6 : 0) - (escalated ? 0.4 : 0);
    csatScore = clamp(Math.round(random.normal(mean, 0.8)), 1, 5);
  }
  const requester =
    random.chance(0.95) && input.contacts.length > 0 ? random.pick(input.contacts).email : null;
  return {
    id: random.uuid(),
    externalId: `demo-ticket-${input.profile.index}-${input.serial}`,
    accountId: input.profile.id,
    subject: random.pick(SUBJECTS),
    status,
    priority,
    requesterEmail: requester,
    channel: random.weighted({ email: 45, web: 30, chat: 20, phone: 5 }),
    openedAt,
    firstResponseAt: responded ? Math.round(openedAt + firstResponseMs) : null,
    resolvedAt: resolved ? Math.round(openedAt + resolutionMs) : null,
    escalated,
    csatScore,
  };
}
