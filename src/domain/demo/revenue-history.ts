import type { DemoAccountProfile } from './account-profile';
import { firstDayOfMonth, monthIndexOf } from './calendar';
import type {
  DemoAccountStory,
  DemoChurnEvent,
  DemoSettings,
  DemoSubscription,
  DemoTier,
} from './demo-model';
import { monthsPerBillingInterval } from '../revenue/monthly-mrr';
import type { SeededRandom } from './seeded-random';

export const DEMO_BASE_PRODUCT = 'Beacon Platform';

/** Add-on products and their price as a share of the base subscription's price. */
const ADD_ONS = [
  { product: 'Beacon Analytics', share: 0.2, perSeat: true },
  { product: 'Beacon Automations', share: 0.15, perSeat: false },
  { product: 'Premium Support', share: 0.12, perSeat: false },
] as const;

const ADD_ON_AT_START: Record<DemoTier, number> = { Enterprise: 0.7, 'Mid-Market': 0.4, SMB: 0.1 };

/** Why customers leave, with how often each reason is given (most often product gaps and price). */
export const CHURN_REASONS = {
  product_gaps: { weight: 24, note: 'Needed capabilities we do not offer yet; moved to a broader suite.' },
  price: { weight: 18, note: 'Could not justify the price at renewal.' },
  champion_left: { weight: 16, note: 'Our champion left the company and nobody picked up the tool.' },
  budget_cuts: { weight: 14, note: 'Budget cut across tooling this year.' },
  competitor: { weight: 12, note: 'Switched to a competitor after an evaluation.' },
  poor_onboarding: { weight: 9, note: 'Never got fully live; the team did not adopt it.' },
  acquired: { weight: 7, note: 'Acquired; the parent company standardised on its own tools.' },
} as const;

export type DemoChurnReason = keyof typeof CHURN_REASONS;

type Movement = { month: number; kind: 'expansion' | 'contraction' };

/** Demo rates into the reporting currency (USD), added where the workspace has none. */
export const DEMO_EXCHANGE_RATES = { EUR: 1.08, GBP: 1.27 } as const;

/**
 * An account's ARR on `day` in USD (major units), as the rule field `arr` reads it: MRR of the
 * subscriptions active that day in USD minor units, converted at the demo rates and rounded once,
 * ÷ 100 × 12.
 * @example arrUsdOn([{ amountMinor: 120_000, currency: 'USD', billingInterval: 'month', startDay: 0, endDay: null }], 10) // 14400
 */
export function arrUsdOn(
  subscriptions: readonly Pick<
    DemoSubscription,
    'amountMinor' | 'currency' | 'billingInterval' | 'startDay' | 'endDay'
  >[],
  day: number,
): number {
  let mrrMinor = 0;
  for (const subscription of subscriptions) {
    if (subscription.startDay > day || (subscription.endDay !== null && subscription.endDay <= day)) continue;
    const rate = subscription.currency === 'USD' ? 1 : DEMO_EXCHANGE_RATES[subscription.currency];
    mrrMinor += monthlyAmountMinor(subscription) * rate;
  }
  return (Math.round(mrrMinor) / 100) * 12;
}

/** The monthly value of a subscription, minor units (an annual 2,000.00 plan is 166.67). */
export function monthlyAmountMinor(
  subscription: Pick<DemoSubscription, 'amountMinor' | 'billingInterval'>,
): number {
  return subscription.amountMinor / monthsPerBillingInterval(subscription.billingInterval);
}

/**
 * The account's subscriptions over time and its churn event: the first contract, expansions (more
 * seats through a replacement subscription, or an add-on), contractions (fewer seats, or an add-on
 * cancelled), churn (every subscription ends on the churn day) and, for a few, a reactivation.
 * @example buildRevenueHistory(random, { profile, story, settings }).subscriptions[0]?.product // 'Beacon Platform'
 */
export function buildRevenueHistory(
  random: SeededRandom,
  input: { profile: DemoAccountProfile; story: DemoAccountStory; settings: DemoSettings },
): { subscriptions: DemoSubscription[]; churnEvents: DemoChurnEvent[] } {
  const { profile, story, settings } = input;
  const subscriptions: DemoSubscription[] = [];
  const intervalMonths = monthsPerBillingInterval(profile.billingInterval);
  const basePrice = (seats: number) =>
    Math.max(100, Math.round((seats * profile.seatPriceMinor * intervalMonths) / 100) * 100);

  const open = (
    product: string,
    seats: number | null,
    amountMinor: number,
    startDay: number,
  ): DemoSubscription => {
    const subscription: DemoSubscription = {
      id: random.uuid(),
      externalId: `demo-sub-${profile.index}-${subscriptions.length + 1}`,
      accountId: profile.id,
      product,
      plan: product === DEMO_BASE_PRODUCT ? profile.plan : 'Add-on',
      amountMinor,
      currency: profile.currency,
      billingInterval: profile.billingInterval,
      seats,
      startDay,
      endDay: null,
      status: 'active',
    };
    subscriptions.push(subscription);
    return subscription;
  };
  const addOnPrice = (share: number, base: DemoSubscription) =>
    Math.max(100, Math.round((base.amountMinor * share) / 100) * 100);
  const openAddOn = (base: DemoSubscription, day: number) => {
    const taken = new Set(subscriptions.filter((item) => item.endDay === null).map((item) => item.product));
    const choices = ADD_ONS.filter(
      (addOn) => !taken.has(addOn.product) && (addOn.product !== 'Premium Support' || profile.tier !== 'SMB'),
    );
    if (choices.length === 0) return false;
    const addOn = random.pick(choices);
    open(addOn.product, addOn.perSeat ? base.seats : null, addOnPrice(addOn.share, base), day);
    return true;
  };

  let base = open(DEMO_BASE_PRODUCT, profile.seats, basePrice(profile.seats), story.startDay);
  if (random.chance(ADD_ON_AT_START[profile.tier])) openAddOn(base, story.startDay);

  for (const movement of drawMovements(random, story, settings)) {
    const day = firstDayOfMonth(movement.month);
    const seats = base.seats ?? profile.seats;
    if (movement.kind === 'expansion') {
      if (random.chance(0.5) && openAddOn(base, day)) continue;
      const grown = Math.max(seats + 1, Math.round(seats * random.between(1.15, 1.6)));
      base.endDay = day;
      base = open(DEMO_BASE_PRODUCT, grown, basePrice(grown), day);
      continue;
    }
    const addOn = subscriptions.find((item) => item.endDay === null && item.product !== DEMO_BASE_PRODUCT);
    if (addOn && random.chance(0.5)) {
      addOn.endDay = day;
      continue;
    }
    const shrunk = Math.max(2, Math.min(seats - 1, Math.round(seats * random.between(0.6, 0.85))));
    if (shrunk >= seats) continue;
    base.endDay = day;
    base = open(DEMO_BASE_PRODUCT, shrunk, basePrice(shrunk), day);
  }

  const churnEvents: DemoChurnEvent[] = [];
  if (story.churnDay !== null) {
    let churnedMrr = 0;
    for (const subscription of subscriptions) {
      if (subscription.endDay !== null) continue;
      churnedMrr += monthlyAmountMinor(subscription);
      subscription.endDay = story.churnDay;
    }
    const reason = drawChurnReason(random, profile.tier, story);
    churnEvents.push({
      id: random.uuid(),
      externalId: `demo-churn-${profile.index}-1`,
      accountId: profile.id,
      churnedDay: story.churnDay,
      churnedMrrMinor: Math.round(churnedMrr),
      currency: profile.currency,
      reasonCode: reason,
      notes: CHURN_REASONS[reason].note,
    });
    if (story.reactivationDay !== null) {
      const seats = Math.max(2, Math.round(profile.seats * random.between(0.5, 0.9)));
      open(DEMO_BASE_PRODUCT, seats, basePrice(seats), story.reactivationDay);
    }
  }
  for (const subscription of subscriptions) {
    subscription.status =
      subscription.endDay !== null && subscription.endDay <= settings.today ? 'cancelled' : 'active';
  }
  return { subscriptions, churnEvents };
}

/** Expansion and contraction months between the start and the churn (or today), one per month at most. */
function drawMovements(random: SeededRandom, story: DemoAccountStory, settings: DemoSettings): Movement[] {
  const firstMonth = Math.max(monthIndexOf(story.startDay) + 3, monthIndexOf(settings.windowStart));
  const lastMonth = story.churnDay !== null ? monthIndexOf(story.churnDay) - 1 : monthIndexOf(settings.today);
  if (lastMonth < firstMonth) return [];
  const lateMonth = (fromDay: number | null) =>
    Math.min(lastMonth, Math.max(firstMonth, fromDay === null ? firstMonth : monthIndexOf(fromDay)));
  const anyMonth = () => random.integer(firstMonth, lastMonth);
  const movements: Movement[] = [];
  switch (story.trajectory) {
    case 'growing':
      for (let count = random.integer(1, 3); count > 0; count -= 1)
        movements.push({ month: anyMonth(), kind: 'expansion' });
      break;
    case 'steady':
      if (random.chance(0.3)) movements.push({ month: anyMonth(), kind: 'expansion' });
      if (random.chance(0.1)) movements.push({ month: anyMonth(), kind: 'contraction' });
      break;
    case 'declining':
      if (random.chance(0.15))
        movements.push({
          month: random.integer(firstMonth, lateMonth(story.shiftStartDay)),
          kind: 'expansion',
        });
      if (random.chance(0.65))
        movements.push({
          month: random.integer(lateMonth(story.shiftStartDay), lastMonth),
          kind: 'contraction',
        });
      break;
    case 'churning':
      if (random.chance(0.3))
        movements.push({
          month: random.integer(lateMonth(story.shiftStartDay), lastMonth),
          kind: 'contraction',
        });
      break;
  }
  movements.sort((left, right) => left.month - right.month);
  return movements.filter(
    (movement, position) => position === 0 || movement.month !== movements[position - 1]?.month,
  );
}

function drawChurnReason(random: SeededRandom, tier: DemoTier, story: DemoAccountStory): DemoChurnReason {
  const early = story.churnDay !== null && story.churnDay - story.startDay < 200;
  const weights = {} as Record<DemoChurnReason, number>;
  for (const reason of Object.keys(CHURN_REASONS) as DemoChurnReason[]) {
    let weight: number = CHURN_REASONS[reason].weight;
    if (reason === 'poor_onboarding' && (early || story.goLiveDay === null)) weight *= 4;
    if (tier === 'SMB' && (reason === 'price' || reason === 'budget_cuts')) weight *= 1.5;
    if (tier === 'Enterprise' && (reason === 'champion_left' || reason === 'acquired')) weight *= 1.6;
    weights[reason] = weight;
  }
  return random.weighted(weights);
}
