import type { DemoAccountProfile } from './account-profile';
import { businessInstant } from './business-hours';
import { firstDayOfMonth, MILLISECONDS_PER_DAY, monthIndexOf } from './calendar';
import type {
  DemoAccountStory,
  DemoActivity,
  DemoActivityKind,
  DemoContact,
  DemoSettings,
  DemoTouchModel,
} from './demo-model';
import { engagementOn, payingPeriods } from './engagement-curve';
import type { SeededRandom } from './seeded-random';

/** Everyday touches (calls, meetings, emails, notes) per month by touch model. */
const MONTHLY_TOUCHES: Record<DemoTouchModel, number> = { high: 4, low: 1.2, tech: 0.25 };
const TOUCH_KINDS: Record<DemoTouchModel, Partial<Record<DemoActivityKind, number>>> = {
  high: { call: 25, meeting: 25, email: 35, note: 15 },
  low: { call: 20, meeting: 10, email: 50, note: 20 },
  tech: { email: 80, note: 20 },
};

const SUBJECTS: Record<DemoActivityKind, readonly string[]> = {
  call: [
    'Check-in call',
    'Adoption review call',
    'Renewal planning call',
    'Follow-up on support escalation',
    'Roadmap preview call',
  ],
  meeting: [
    'Success plan working session',
    'Workshop: reporting best practices',
    'Stakeholder alignment meeting',
    'Admin office hours',
  ],
  email: [
    'Monthly product update',
    'Shared adoption report',
    'Follow-up with next steps',
    'Invitation to customer webinar',
    'Renewal reminder',
  ],
  note: ['Internal note: account context', 'Expansion opportunity spotted', 'Success plan updated'],
  ebr: ['Executive Business Review'],
  qbr: ['Quarterly Business Review'],
  training: ['Admin training', 'End-user training', 'Onboarding kickoff', 'Advanced workflows training'],
};

/** Notes CSMs write when a customer disengages. */
const RISK_NOTES = [
  'Risk noted: usage dropping',
  'Champion change to watch',
  'Renewal at risk: escalated internally',
] as const;

const BODIES: Record<'positive' | 'neutral' | 'negative', readonly string[]> = {
  positive: [
    'Customer is happy with progress; agreed on next goals.',
    'Strong engagement; they want to roll out to another team.',
  ],
  neutral: [
    'Reviewed open items; no blockers raised.',
    'Walked through recent releases; will follow up on questions.',
  ],
  negative: [
    'Customer raised concerns about value and adoption.',
    'Sponsor is unhappy with response times; escalation plan agreed.',
  ],
};

/**
 * The timeline of touches by our people: the owner CSM's calls, meetings, emails and notes at the
 * touch model's cadence (fewer when the customer disengages), QBRs every quarter and an EBR a year
 * for high touch, an EBR a year for low touch, and the onboarding specialist's kickoff and trainings.
 * @example buildActivities(random, input).every((activity) => activity.contactIds.length <= 3) // true
 */
export function buildActivities(
  random: SeededRandom,
  input: {
    profile: DemoAccountProfile;
    story: DemoAccountStory;
    contacts: DemoContact[];
    settings: DemoSettings;
    onboardingSpecialistId: string;
  },
): DemoActivity[] {
  const { profile, story, contacts, settings } = input;
  const nowMs = settings.today * MILLISECONDS_PER_DAY;
  const startMonth = monthIndexOf(story.startDay);
  const activities: DemoActivity[] = [];
  const add = (kind: DemoActivityKind, day: number, userId: string, engagement: number, endDay: number) => {
    const occurredAt = businessInstant(random, day, profile.country.region);
    if (occurredAt >= nowMs || occurredAt >= endDay * MILLISECONDS_PER_DAY) return;
    const conversation = kind !== 'email' && kind !== 'note';
    const mood = conversation ? drawMood(random, engagement) : null;
    const attendees =
      kind === 'note'
        ? 0
        : Math.min(
            contacts.length,
            kind === 'ebr' || kind === 'qbr' ? random.integer(2, 3) : random.integer(1, 2),
          );
    activities.push({
      id: random.uuid(),
      externalId: `demo-activity-${profile.index}-${activities.length + 1}`,
      accountId: profile.id,
      kind,
      subject: random.pick(kind === 'note' && engagement < 0.45 ? RISK_NOTES : SUBJECTS[kind]),
      body: mood ? random.pick(BODIES[mood]) : null,
      outcome: mood,
      occurredAt,
      userId,
      contactIds: pickContacts(random, contacts, attendees),
    });
  };

  for (const period of payingPeriods(story, settings.windowStart, settings.today)) {
    for (let month = monthIndexOf(period.fromDay); month <= monthIndexOf(period.toDay - 1); month += 1) {
      const fromDay = Math.max(period.fromDay, firstDayOfMonth(month));
      const toDay = Math.min(period.toDay, firstDayOfMonth(month + 1));
      const engagement = engagementOn(story, Math.floor((fromDay + toDay) / 2));
      const share = (toDay - fromDay) / (firstDayOfMonth(month + 1) - firstDayOfMonth(month));
      const touches = random.poisson(MONTHLY_TOUCHES[profile.touchModel] * share * (0.5 + 0.6 * engagement));
      for (let touch = 0; touch < touches; touch += 1) {
        const kind = random.weighted(TOUCH_KINDS[profile.touchModel] as Record<DemoActivityKind, number>);
        add(kind, random.integer(fromDay, toDay - 1), profile.ownerId, engagement, period.toDay);
      }
      const monthsIn = month - startMonth;
      if (monthsIn > 0 && profile.touchModel === 'high' && monthsIn % 3 === 0 && random.chance(0.8)) {
        add(
          monthsIn % 12 === 0 ? 'ebr' : 'qbr',
          random.integer(fromDay, toDay - 1),
          profile.ownerId,
          engagement,
          period.toDay,
        );
      }
      if (monthsIn > 0 && profile.touchModel === 'low' && monthsIn % 12 === 10 && random.chance(0.55)) {
        add('ebr', random.integer(fromDay, toDay - 1), profile.ownerId, engagement, period.toDay);
      }
    }
  }

  if (story.startDay >= settings.windowStart) {
    const onboardingEnd = Math.min(
      story.goLiveDay ?? settings.today,
      (story.churnDay ?? settings.today + 1) - 1,
    );
    add(
      'training',
      story.startDay + random.integer(1, 5),
      input.onboardingSpecialistId,
      0.8,
      onboardingEnd + 1,
    );
    const trainings = profile.touchModel === 'tech' ? (random.chance(0.5) ? 1 : 0) : random.integer(1, 3);
    for (let session = 0; session < trainings; session += 1) {
      add(
        'training',
        random.integer(story.startDay + 3, Math.max(story.startDay + 3, onboardingEnd)),
        input.onboardingSpecialistId,
        0.8,
        onboardingEnd + 1,
      );
    }
  }
  activities.sort((left, right) => left.occurredAt - right.occurredAt);
  return activities;
}

function drawMood(random: SeededRandom, engagement: number): 'positive' | 'neutral' | 'negative' {
  return random.weighted({ positive: engagement, neutral: 0.5, negative: (1 - engagement) * 0.6 });
}

function pickContacts(random: SeededRandom, contacts: readonly DemoContact[], count: number): string[] {
  const chosen = new Set<string>();
  for (let attempt = 0; chosen.size < count && attempt < count * 4; attempt += 1)
    chosen.add(random.pick(contacts).id);
  return [...chosen];
}
