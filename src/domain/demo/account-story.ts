import type { DemoParentLink, DemoAccountProfile } from './account-profile';
import { calendarMonthOf, firstDayOfMonth, monthIndexOf } from './calendar';
import type { DemoAccountStory, DemoSettings, DemoTier, DemoTrajectory } from './demo-model';
import { clamp, type SeededRandom } from './seeded-random';

/** Monthly probability that an account of the tier leaves (≈ 19%, 10%, 5% a year). */
const MONTHLY_CHURN_HAZARD: Record<DemoTier, number> = {
  Enterprise: 0.0045,
  'Mid-Market': 0.009,
  SMB: 0.0175,
};

/** Median days from contract start to go-live. */
const DAYS_TO_GO_LIVE: Record<DemoTier, number> = { Enterprise: 70, 'Mid-Market': 35, SMB: 12 };

/** Share of onboardings that stall. */
const STALLED_ONBOARDING_SHARE = 0.12;

/** Share of accounts that were already customers before the history window opens. */
const EXISTING_CUSTOMER_SHARE = 0.35;
const REACTIVATION_SHARE = 0.1;

/** Months of the history window in order, with the cumulative weight of new business in each. */
export interface StartMonthTable {
  monthIndexes: number[];
  cumulativeWeights: number[];
}

/**
 * New business per month of the window: a growing trend, and more deals in the months right after
 * a quarter closes (contracts signed at quarter end start on the first of January, April, July, October).
 */
export function buildStartMonthTable(settings: DemoSettings): StartMonthTable {
  const firstMonth = monthIndexOf(settings.windowStart);
  const monthIndexes: number[] = [];
  const cumulativeWeights: number[] = [];
  let total = 0;
  for (let offset = 0; offset < settings.months; offset += 1) {
    const monthIndex = firstMonth + offset;
    const trend = 1 + 0.6 * (settings.months > 1 ? offset / (settings.months - 1) : 0);
    const quarterStart = calendarMonthOf(monthIndex) % 3 === 0 ? 1.7 : 1;
    total += trend * quarterStart;
    monthIndexes.push(monthIndex);
    cumulativeWeights.push(total);
  }
  return { monthIndexes, cumulativeWeights };
}

/**
 * Draws what happens to an account: when it started, whether and when it churns (at a term
 * boundary, with a tier-specific hazard), whether it comes back, and how its engagement moves.
 * Revenue changes fall on the first day of a month so every month's MRR is unambiguous.
 */
export function drawAccountStory(
  random: SeededRandom,
  input: {
    profile: DemoAccountProfile;
    settings: DemoSettings;
    startMonths: StartMonthTable;
    parent: DemoParentLink | null;
  },
): DemoAccountStory {
  const { profile, settings } = input;
  const currentMonth = monthIndexOf(settings.today);
  const windowMonth = monthIndexOf(settings.windowStart);
  const startMonth = drawStartMonth(random, input.startMonths, windowMonth, currentMonth, input.parent);
  const startDay = firstDayOfMonth(startMonth);

  const termMonths = profile.billingInterval === 'year' ? 12 : profile.billingInterval === 'quarter' ? 3 : 1;
  const hazard =
    MONTHLY_CHURN_HAZARD[profile.tier] *
    (input.parent ? 0.5 : 1) *
    (profile.segment === 'Partner-led' ? 1.25 : 1);
  let churnMonth: number | null = null;
  for (let month = startMonth + termMonths; month <= currentMonth; month += termMonths) {
    if (month < windowMonth) continue;
    const earlyBoost = month - startMonth <= 6 ? 1.6 : 1;
    if (random.chance(1 - (1 - hazard * earlyBoost) ** termMonths)) {
      churnMonth = month;
      break;
    }
  }

  // Some onboardings stall (technical blockers, a champion leaving) and take two to three and a half times as long.
  const stall = random.chance(STALLED_ONBOARDING_SHARE) ? random.between(2, 3.5) : 1;
  const goLiveOffset = Math.round(
    clamp(random.logNormal(DAYS_TO_GO_LIVE[profile.tier], 0.5) * stall, 3, 240),
  );
  const goLiveCandidate = startDay + goLiveOffset;
  const churnDay = churnMonth === null ? null : firstDayOfMonth(churnMonth);
  const goLiveDay =
    goLiveCandidate <= settings.today && (churnDay === null || goLiveCandidate < churnDay)
      ? goLiveCandidate
      : null;

  const base = {
    startDay,
    goLiveDay,
    initialSeats: profile.seats,
    touchModel: profile.touchModel,
    currency: profile.currency,
    billingInterval: profile.billingInterval,
  };
  if (churnDay !== null && churnMonth !== null) {
    const reactivationMonth = churnMonth + random.integer(2, 8);
    const reactivates = random.chance(REACTIVATION_SHARE) && reactivationMonth <= currentMonth;
    return {
      ...base,
      trajectory: 'churning',
      churnDay,
      reactivationDay: reactivates ? firstDayOfMonth(reactivationMonth) : null,
      shiftStartDay: Math.max(startDay + 7, churnDay - random.integer(45, 120)),
      shiftEndDay: churnDay,
      baseEngagement: random.between(0.45, 0.8),
      targetEngagement: random.between(0.03, 0.15),
    };
  }

  let trajectory: DemoTrajectory = random.weighted({ steady: 58, growing: 27, declining: 15 });
  if (trajectory === 'declining' && startDay > settings.today - 90) trajectory = 'steady';
  if (trajectory === 'growing') {
    return {
      ...base,
      trajectory,
      churnDay: null,
      reactivationDay: null,
      shiftStartDay: Math.max(startDay, settings.windowStart),
      shiftEndDay: settings.today + random.integer(0, 60),
      baseEngagement: random.between(0.45, 0.65),
      targetEngagement: random.between(0.82, 0.97),
    };
  }
  if (trajectory === 'declining') {
    const shiftStartDay = Math.max(startDay + 30, settings.today - random.integer(30, 150));
    return {
      ...base,
      trajectory,
      churnDay: null,
      reactivationDay: null,
      shiftStartDay,
      shiftEndDay: shiftStartDay + random.integer(90, 180),
      baseEngagement: random.between(0.6, 0.85),
      targetEngagement: random.between(0.12, 0.35),
    };
  }
  const level = random.between(0.6, 0.92);
  return {
    ...base,
    trajectory,
    churnDay: null,
    reactivationDay: null,
    shiftStartDay: null,
    shiftEndDay: null,
    baseEngagement: level,
    targetEngagement: level,
  };
}

function drawStartMonth(
  random: SeededRandom,
  table: StartMonthTable,
  windowMonth: number,
  currentMonth: number,
  parent: DemoParentLink | null,
): number {
  if (parent) return Math.min(currentMonth, monthIndexOf(parent.startDay) + random.integer(0, 9));
  if (random.chance(EXISTING_CUSTOMER_SHARE)) return windowMonth - random.integer(1, 36);
  const total = table.cumulativeWeights[table.cumulativeWeights.length - 1] ?? 0;
  const target = random.next() * total;
  for (let position = 0; position < table.cumulativeWeights.length; position += 1) {
    if (target < (table.cumulativeWeights[position] ?? 0))
      return table.monthIndexes[position] ?? currentMonth;
  }
  return currentMonth;
}
