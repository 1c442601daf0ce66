import { firstDayOfMonth, isoDateOf, monthIndexOf } from './calendar';
import { ADVOCACY_BAND, stageByRules } from './demo-journey';
import type { DemoAccountStory, DemoLifecycleStage, DemoStageSpell, DemoTouchModel } from './demo-model';
import { engagementOn } from './engagement-curve';

/**
 * Where an account is in the journey, from its story: its renewal date, its lifecycle stage today (by
 * the demo's stage entry rules) and the stages it went through to get there. Days are UTC day numbers.
 */

/** Days after go-live during which an account is in Adoption (days_since_go_live ≤ 180). */
const ADOPTION_DAYS = 180;
/** Days before a renewal from which an account is in Renewal (days_to_renewal ≤ 90). */
const RENEWAL_WINDOW_DAYS = 90;

/** A stretch of days the account is a customer: [fromDay, toDay), toDay null while it lasts. */
export interface DemoCustomerLife {
  fromDay: number;
  toDay: number | null;
  /** The contract start its annual renewals count from. */
  anchorDay: number;
}

/** The account's lives: from the start to the churn, and from a reactivation on. */
export function customerLivesOf(story: DemoAccountStory): DemoCustomerLife[] {
  const lives: DemoCustomerLife[] = [
    { fromDay: story.startDay, toDay: story.churnDay, anchorDay: story.startDay },
  ];
  if (story.churnDay !== null && story.reactivationDay !== null) {
    lives.push({ fromDay: story.reactivationDay, toDay: null, anchorDay: story.reactivationDay });
  }
  return lives;
}

/**
 * The first contract anniversary after `day` (contracts renew yearly, whatever the billing interval).
 * @example isoDateOf(renewalAfter(dayNumberOf(new Date('2024-03-01')), dayNumberOf(new Date('2025-03-01')))) // '2026-03-01'
 */
export function renewalAfter(anchorDay: number, day: number): number {
  const anchorMonth = monthIndexOf(anchorDay);
  let years = Math.max(1, Math.floor((monthIndexOf(day) - anchorMonth) / 12));
  while (firstDayOfMonth(anchorMonth + 12 * years) <= day) years += 1;
  return firstDayOfMonth(anchorMonth + 12 * years);
}

/**
 * The stage the dated rules give on `day` of a life: Renewal within 90 days of a renewal, else
 * Onboarding before go-live, Adoption up to 180 days after it, then Value. Advocacy and Handoff
 * depend on more than dates and are decided for today only.
 */
export function datedStageOn(
  story: DemoAccountStory,
  life: DemoCustomerLife,
  day: number,
): DemoLifecycleStage {
  if (renewalAfter(life.anchorDay, day) - day <= RENEWAL_WINDOW_DAYS) return 'Renewal';
  if (story.goLiveDay === null || day < story.goLiveDay) return 'Onboarding';
  return day - story.goLiveDay <= ADOPTION_DAYS ? 'Adoption' : 'Value';
}

/**
 * Whether the account's latest health score is likely in the Green band: an approximation, because
 * scores are computed from the loaded rows after the load. Engaged, recently touched accounts score
 * green; tech-touch accounts rarely do (few touches), so they need more engagement.
 */
export function likelyGreen(story: DemoAccountStory, touchModel: DemoTouchModel, today: number): boolean {
  const threshold = touchModel === 'tech' ? 0.85 : 0.72;
  return engagementOn(story, today - 1) >= threshold;
}

/** What the stage rules read about one account today. */
export interface DemoStageInputs {
  story: DemoAccountStory;
  renewalDay: number | null;
  advocates: number;
  green: boolean;
  /** Whether the account has any usage in the 30 days up to today. */
  activeLately: boolean;
  /** A newly signed account still waiting for its handoff (a manual stage no rule moves it out of). */
  handoff: boolean;
  today: number;
}

/**
 * The lifecycle stage of a live account today, as the demo's stage entry rules give it (evaluated with
 * the reference rule semantics); an account no rule matches keeps what it has: Handoff when waiting
 * for its handoff, else Onboarding.
 */
export function lifecycleStageOf(inputs: DemoStageInputs): DemoLifecycleStage {
  const { story, today } = inputs;
  const values = {
    go_live_date: story.goLiveDay === null ? null : isoDateOf(story.goLiveDay),
    days_since_go_live: story.goLiveDay === null ? null : today - story.goLiveDay,
    days_to_renewal: inputs.renewalDay === null ? null : inputs.renewalDay - today,
    advocates: inputs.advocates,
    health_band: inputs.green ? ADVOCACY_BAND : 'Not green',
    active_users_30d: inputs.activeLately ? 1 : null,
  };
  return stageByRules(values, isoDateOf(today)) ?? (inputs.handoff ? 'Handoff' : 'Onboarding');
}

/**
 * Every stage the account went through, oldest first: the dated stages of each of its lives (closed at
 * the churn), with today's stage — Advocacy where it applies — as the open last one; an account
 * waiting for its handoff has been in Handoff since `handoffDay`. `currentStage` is null for a
 * churned account, which then has no open stage.
 */
export function buildStageHistory(
  story: DemoAccountStory,
  currentStage: DemoLifecycleStage | null,
  days: { today: number; handoffDay: number },
): DemoStageSpell[] {
  const { today } = days;
  if (currentStage === 'Handoff') return [{ stage: 'Handoff', enteredDay: days.handoffDay, leftDay: null }];
  const spells: DemoStageSpell[] = [];
  for (const life of customerLivesOf(story)) {
    const end = life.toDay ?? today + 1;
    const breaks = new Set<number>([life.fromDay]);
    if (story.goLiveDay !== null) {
      breaks.add(story.goLiveDay);
      breaks.add(story.goLiveDay + ADOPTION_DAYS + 1);
    }
    for (let years = 1; ; years += 1) {
      const renewal = firstDayOfMonth(monthIndexOf(life.anchorDay) + 12 * years);
      if (renewal - RENEWAL_WINDOW_DAYS >= end) break;
      breaks.add(renewal - RENEWAL_WINDOW_DAYS);
      breaks.add(renewal);
    }
    const days = [...breaks]
      .filter((day) => day >= life.fromDay && day < end)
      .sort((left, right) => left - right);
    const first = spells.length;
    for (const day of days) {
      const stage = datedStageOn(story, life, day);
      const last = spells[spells.length - 1];
      if (spells.length > first && last?.stage === stage) continue;
      if (spells.length > first && last) last.leftDay = day;
      spells.push({ stage, enteredDay: day, leftDay: null });
    }
    const last = spells[spells.length - 1];
    if (last) last.leftDay = life.toDay;
  }
  const open = spells[spells.length - 1];
  if (open && open.leftDay === null && currentStage !== null) open.stage = currentStage;
  return spells;
}
