import type { DemoAccountProfile } from './account-profile';
import { isWeekend } from './calendar';
import type { DemoAccountStory, DemoSettings, DemoSubscription, DemoUsageDay } from './demo-model';
import { engagementOn, payingPeriods } from './engagement-curve';
import { DEMO_BASE_PRODUCT } from './revenue-history';
import { clamp, type SeededRandom } from './seeded-random';

/** The product's key features: `featureCounts[i]` of a usage day counts DEMO_FEATURES[i]. */
export const DEMO_FEATURES = [
  'dashboard_viewed',
  'report_created',
  'workflow_run',
  'integration_synced',
  'comment_added',
  'export_downloaded',
] as const;

/** How often each feature is used by an account that uses it, relative to the others. */
const FEATURE_WEIGHTS = [40, 12, 18, 10, 14, 6] as const;

/**
 * Daily usage for the last `usageDays` days before today (or the account's paying life if shorter):
 * active users follow seats × engagement with weekday/weekend seasonality, so growing accounts rise,
 * declining ones fall and churning ones fade out before their churn day. Days without use are omitted.
 * @example buildUsageHistory(random, input).every((day) => day.activeUsers > 0) // true
 */
export function buildUsageHistory(
  random: SeededRandom,
  input: {
    profile: DemoAccountProfile;
    story: DemoAccountStory;
    subscriptions: DemoSubscription[];
    settings: DemoSettings;
  },
): DemoUsageDay[] {
  const { profile, story, settings } = input;
  if (settings.usageDays <= 0) return [];
  const periods = payingPeriods(story, settings.today - settings.usageDays, settings.today);
  if (periods.length === 0) return [];

  const featureWeights = drawFeatureMix(random, story.baseEngagement);
  const featureTotal = featureWeights.reduce((sum, weight) => sum + weight, 0);
  const eventsPerUser = random.logNormal(22, 0.35);
  const weekendFactor = profile.country.region === 'APAC' ? 0.3 : random.between(0.12, 0.25);
  const baseSubscriptions = input.subscriptions.filter(
    (subscription) => subscription.product === DEMO_BASE_PRODUCT,
  );

  const days: DemoUsageDay[] = [];
  for (const period of periods) {
    for (let day = period.fromDay; day < period.toDay; day += 1) {
      const engagement = engagementOn(story, day);
      if (engagement <= 0) continue;
      const seats = seatsOn(baseSubscriptions, day) ?? story.initialSeats;
      const dayFactor = isWeekend(day) ? weekendFactor : 1;
      const expected = seats * 0.72 * engagement * dayFactor * (1 + random.normal(0, 0.08));
      const activeUsers = Math.min(seats, Math.max(0, Math.round(expected)));
      if (activeUsers === 0) continue;
      const events = activeUsers * eventsPerUser * (0.6 + 0.8 * engagement);
      const featureCounts = new Array<number>(featureWeights.length);
      let eventCount = 0;
      for (let feature = 0; feature < featureWeights.length; feature += 1) {
        const weight = featureWeights[feature] ?? 0;
        const count =
          weight === 0
            ? 0
            : Math.max(0, Math.round((events * weight * (1 + random.normal(0, 0.15))) / featureTotal));
        featureCounts[feature] = count;
        eventCount += count;
      }
      days.push({ accountId: profile.id, day, activeUsers, eventCount, featureCounts });
    }
  }
  return days;
}

/** Seats of the base subscription active on `day`, if any. */
function seatsOn(baseSubscriptions: readonly DemoSubscription[], day: number): number | null {
  for (const subscription of baseSubscriptions) {
    if (subscription.startDay <= day && (subscription.endDay === null || day < subscription.endDay))
      return subscription.seats;
  }
  return null;
}

/** Which features the account uses and how much: engaged accounts use more of the product (breadth). */
function drawFeatureMix(random: SeededRandom, baseEngagement: number): number[] {
  const breadth = clamp(Math.round(2 + 4 * baseEngagement + random.normal(0, 0.7)), 2, DEMO_FEATURES.length);
  const order = [1, 2, 3, 4, 5];
  for (let position = order.length - 1; position > 0; position -= 1) {
    const swap = random.integer(0, position);
    [order[position], order[swap]] = [order[swap] as number, order[position] as number];
  }
  const adopted = new Set([0, ...order.slice(0, breadth - 1)]);
  return FEATURE_WEIGHTS.map((weight, feature) =>
    adopted.has(feature) ? weight * random.between(0.4, 1.6) : 0,
  );
}
