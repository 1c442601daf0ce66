import type { DemoAccountStory } from './demo-model';
import { clamp } from './seeded-random';

/** Days over which a new (or reactivated) account ramps up to its normal engagement. */
const RAMP_DAYS = 90;

/**
 * How engaged an account is on `day`, from 0 (not a customer) to 1 (thriving): the hidden quantity
 * usage, survey answers, ticket mood and CSM touches are drawn from. It ramps up after the start,
 * then moves from the base to the target level over the story's shift (growth, or decline before churn).
 * @example engagementOn(story, story.churnDay! - 1) // close to story.targetEngagement
 */
export function engagementOn(story: DemoAccountStory, day: number): number {
  if (day < story.startDay) return 0;
  if (story.churnDay !== null && day >= story.churnDay) {
    if (story.reactivationDay === null || day < story.reactivationDay) return 0;
    return 0.55 * (0.6 + 0.4 * clamp((day - story.reactivationDay) / RAMP_DAYS, 0, 1));
  }
  const ramp = 0.45 + 0.55 * clamp((day - story.startDay) / RAMP_DAYS, 0, 1);
  let level = story.baseEngagement;
  if (story.shiftStartDay !== null && story.shiftEndDay !== null && day > story.shiftStartDay) {
    const progress = clamp(
      (day - story.shiftStartDay) / Math.max(1, story.shiftEndDay - story.shiftStartDay),
      0,
      1,
    );
    level += (story.targetEngagement - story.baseEngagement) * progress;
  }
  return clamp(level * ramp, 0, 1);
}

/** A stretch of days [fromDay, toDay) during which the account pays. */
export interface PayingPeriod {
  fromDay: number;
  toDay: number;
}

/**
 * The paying periods of an account clipped to [fromDay, toDay): from the start to the churn, and
 * from a reactivation to the end. Empty when the account paid at no time in that range.
 */
export function payingPeriods(story: DemoAccountStory, fromDay: number, toDay: number): PayingPeriod[] {
  const periods: PayingPeriod[] = [];
  const add = (start: number, end: number) => {
    const clippedStart = Math.max(start, fromDay);
    const clippedEnd = Math.min(end, toDay);
    if (clippedEnd > clippedStart) periods.push({ fromDay: clippedStart, toDay: clippedEnd });
  };
  add(story.startDay, story.churnDay ?? toDay);
  if (story.reactivationDay !== null) add(story.reactivationDay, toDay);
  return periods;
}
