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
import type { DemoOwnership } from './owner-assignment';
import type { SeededRandom } from './seeded-random';

/** Everyday touches (emails, notes) per month by touch model; calls and meetings follow the cadences below. */
const MONTHLY_TOUCHES: Record<DemoTouchModel, number> = { high: 2.2, low: 0.8, tech: 0.25 };
const TOUCH_KINDS: Record<DemoTouchModel, Partial<Record<DemoActivityKind, number>>> = {
  high: { email: 70, note: 30 },
  low: { email: 70, note: 30 },
  tech: { email: 80, note: 20 },
};

/**
 * How often the owner CSM holds a check-in (call or meeting) and a business review, in days, by the
 * touch model the account has been served with; null: never. High touch: a QBR a quarter, the
 * yearly one an EBR; low touch: an EBR every six months.
 */
const CADENCES: Record<DemoTouchModel, { checkIn: number | null; review: number | null }> = {
  high: { checkIn: 30, review: 90 },
  low: { checkIn: 60, review: 180 },
  tech: { checkIn: null, review: null },
};
const CHECK_IN_KINDS: Record<DemoTouchModel, Partial<Record<DemoActivityKind, number>>> = {
  high: { call: 55, meeting: 45 },
  low: { call: 75, meeting: 25 },
  tech: { call: 100 },
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
 * The timeline of touches by our people: the owner CSM's emails and notes (fewer when the customer
 * disengages), check-ins and business reviews at the touch model's cadence — sometimes late, more
 * often at disengaged accounts — and the onboarding specialist's kickoff and trainings (none yet for an
 * account waiting for its handoff). Touches before a reassignment are the previous owner's.
 * @example buildActivities(random, input).every((activity) => activity.contactIds.length <= 3) // true
 */
export function buildActivities(
  random: SeededRandom,
  input: {
    profile: DemoAccountProfile;
    story: DemoAccountStory;
    contacts: DemoContact[];
    settings: DemoSettings;
    ownership: DemoOwnership;
    onboardingSpecialistId: string;
    handoff: boolean;
  },
): DemoActivity[] {
  const { profile, story, contacts, settings, ownership } = input;
  const nowMs = settings.today * MILLISECONDS_PER_DAY;
  const activities: DemoActivity[] = [];
  const ownerOn = (day: number) =>
    ownership.previousOwnerId !== null && day < ownership.sinceDay
      ? ownership.previousOwnerId
      : ownership.ownerId;
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

  const cadence = CADENCES[profile.touchModel];
  for (const period of payingPeriods(story, settings.windowStart, settings.today)) {
    for (let month = monthIndexOf(period.fromDay); month <= monthIndexOf(period.toDay - 1); month += 1) {
      const fromDay = Math.max(period.fromDay, firstDayOfMonth(month));
      const toDay = Math.min(period.toDay, firstDayOfMonth(month + 1));
      const engagement = engagementOn(story, Math.floor((fromDay + toDay) / 2));
      const share = (toDay - fromDay) / (firstDayOfMonth(month + 1) - firstDayOfMonth(month));
      const touches = random.poisson(MONTHLY_TOUCHES[profile.touchModel] * share * (0.5 + 0.6 * engagement));
      for (let touch = 0; touch < touches; touch += 1) {
        const kind = random.weighted(TOUCH_KINDS[profile.touchModel] as Record<DemoActivityKind, number>);
        const day = random.integer(fromDay, toDay - 1);
        add(kind, day, ownerOn(day), engagement, period.toDay);
      }
    }
    // Cadences run from the contract start (or comeback), also before the history window opens,
    // so the first touch inside the window keeps its rhythm; only touches inside it are kept.
    const lifeStart =
      story.reactivationDay !== null && period.fromDay >= story.reactivationDay
        ? story.reactivationDay
        : story.startDay;
    const keepFrom = period.fromDay;
    if (cadence.checkIn !== null) {
      for (const day of cadenceDays(random, story, lifeStart, period.toDay, cadence.checkIn)) {
        if (day < keepFrom) continue;
        const kind = random.weighted(CHECK_IN_KINDS[profile.touchModel] as Record<DemoActivityKind, number>);
        add(kind, day, ownerOn(day), engagementOn(story, day), period.toDay);
      }
    }
    if (cadence.review !== null) {
      let review = 0;
      for (const day of cadenceDays(random, story, lifeStart, period.toDay, cadence.review)) {
        review += 1;
        if (day < keepFrom) continue;
        const kind = profile.touchModel === 'high' && review % 4 !== 0 ? 'qbr' : 'ebr';
        add(kind, day, ownerOn(day), engagementOn(story, day), period.toDay);
      }
    }
  }

  if (story.startDay >= settings.windowStart && !input.handoff) {
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

/**
 * The days of a recurring touch from `fromDay` until `toDay` (exclusive): each comes a little before
 * it is due, or late — by up to 70% of the cadence — with a chance that grows as the customer
 * disengages, which is what leaves some accounts overdue today.
 */
function cadenceDays(
  random: SeededRandom,
  story: DemoAccountStory,
  fromDay: number,
  toDay: number,
  everyDays: number,
): number[] {
  const days: number[] = [];
  let day = fromDay + Math.round(everyDays * random.between(0.3, 0.9));
  while (day < toDay) {
    days.push(day);
    const lateChance = 0.1 + 0.45 * (1 - engagementOn(story, day));
    const factor = random.chance(lateChance) ? random.between(1.05, 1.7) : random.between(0.6, 0.97);
    day += Math.max(1, Math.round(everyDays * factor));
  }
  return days;
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
