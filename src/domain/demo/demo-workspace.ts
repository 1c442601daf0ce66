import { type DemoAccountProfile, type DemoParentLink, drawAccountProfile } from './account-profile';
import { buildStartMonthTable, drawAccountStory, type StartMonthTable } from './account-story';
import { dayNumberOf, firstDayOfMonth, monthIndexOf } from './calendar';
import { buildContacts } from './contact-directory';
import { buildActivities } from './customer-activities';
import type {
  DemoAccount,
  DemoAccountBundle,
  DemoAccountStory,
  DemoContact,
  DemoLifecycleStage,
  DemoSettings,
} from './demo-model';
import { DEMO_STREAMS, type DemoPeople } from './demo-people';
import { engagementOn } from './engagement-curve';
import { monthsPerBillingInterval } from '../revenue/monthly-mrr';
import { buildRevenueHistory } from './revenue-history';
import { SeededRandom } from './seeded-random';
import { buildSurveyResponses } from './survey-answers';
import { buildTickets } from './support-tickets';
import { buildUsageHistory } from './usage-history';

export const DEMO_DEFAULTS = { seed: 42, accounts: 300, months: 24 } as const;
export const DEMO_LIMITS = { accounts: 1_000_000, months: 120, usageDays: 730, seed: 4_294_967_295 } as const;

/** Usage rows a run aims to stay under when --usage-days is not given (large runs keep fewer days). */
const USAGE_ROW_BUDGET = 2_000_000;
const MAX_DEFAULT_USAGE_DAYS = 180;
const MIN_DEFAULT_USAGE_DAYS = 14;

/** What a caller may ask for; everything is optional. */
export interface DemoOptions {
  seed?: number;
  accounts?: number;
  months?: number;
  usageDays?: number;
  /** Defaults to the current time; only its UTC calendar day matters. */
  now?: Date;
}

/** A demo option out of range; the message names the option and the allowed values. */
export class DemoOptionError extends Error {}

/**
 * Applies defaults (seed 42, 300 accounts, 24 months, usage days 180 — fewer for very large runs so
 * usage stays near two million rows) and checks ranges.
 * @example resolveDemoSettings({ now: new Date('2025-06-15T10:00:00Z') }).windowStart // day number of 2023-07-01
 */
export function resolveDemoSettings(options: DemoOptions): DemoSettings {
  const seed = checkInteger('seed', options.seed ?? DEMO_DEFAULTS.seed, 0, DEMO_LIMITS.seed);
  const accounts = checkInteger(
    'accounts',
    options.accounts ?? DEMO_DEFAULTS.accounts,
    1,
    DEMO_LIMITS.accounts,
  );
  const months = checkInteger('months', options.months ?? DEMO_DEFAULTS.months, 1, DEMO_LIMITS.months);
  const defaultUsageDays = Math.max(
    MIN_DEFAULT_USAGE_DAYS,
    Math.min(MAX_DEFAULT_USAGE_DAYS, Math.floor(USAGE_ROW_BUDGET / accounts)),
  );
  const usageDays = checkInteger(
    'usage-days',
    options.usageDays ?? defaultUsageDays,
    0,
    DEMO_LIMITS.usageDays,
  );
  const now = options.now ?? new Date();
  if (Number.isNaN(now.getTime())) throw new DemoOptionError('now: not a valid date.');
  const today = dayNumberOf(now);
  return {
    seed,
    accounts,
    months,
    usageDays,
    today,
    windowStart: firstDayOfMonth(monthIndexOf(today) - months + 1),
  };
}

function checkInteger(name: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new DemoOptionError(
      `--${name} must be a whole number from ${min} to ${max.toLocaleString('en-US')} (got ${value}).`,
    );
  }
  return value;
}

/** The stable id of the account at `index` in a run with `seed` (parents are referenced by it). */
export function demoAccountId(seed: number, index: number): string {
  return new SeededRandom(seed, DEMO_STREAMS.accountId, index).uuid();
}

/**
 * Generates the demo accounts one by one, each with every row that hangs off it. Each account
 * draws from its own seeded stream, so a run is reproducible and memory stays flat however many
 * accounts are asked for. A few enterprises are parents: their subsidiaries follow them directly.
 * @example for (const bundle of generateDemoAccounts(resolveDemoSettings({}), buildDemoPeople(42))) console.log(bundle.account.name)
 */
export function* generateDemoAccounts(
  settings: DemoSettings,
  people: DemoPeople,
): Generator<DemoAccountBundle> {
  const startMonths = buildStartMonthTable(settings);
  const usedNames = new Set<string>();
  let parent: DemoParentLink | null = null;
  for (let index = 0; index < settings.accounts; index += 1) {
    const random = new SeededRandom(settings.seed, DEMO_STREAMS.account, index);
    const link: DemoParentLink | null = parent && parent.remainingChildren > 0 ? parent : null;
    const profile = drawAccountProfile(random, {
      index,
      id: demoAccountId(settings.seed, index),
      settings,
      people,
      usedNames,
      parent: link,
    });
    const bundle = buildAccountBundle(random, { profile, settings, people, startMonths, parent: link });
    if (link) {
      link.remainingChildren -= 1;
    } else {
      parent =
        profile.tier === 'Enterprise' && random.chance(0.2)
          ? { profile, startDay: bundle.story.startDay, remainingChildren: random.integer(1, 3) }
          : null;
    }
    yield bundle;
  }
}

function buildAccountBundle(
  random: SeededRandom,
  input: {
    profile: DemoAccountProfile;
    settings: DemoSettings;
    people: DemoPeople;
    startMonths: StartMonthTable;
    parent: DemoParentLink | null;
  },
): DemoAccountBundle {
  const { profile, settings } = input;
  const story = drawAccountStory(random, {
    profile,
    settings,
    startMonths: input.startMonths,
    parent: input.parent,
  });
  const contacts = buildContacts(random, { profile, story, today: settings.today });
  const { subscriptions, churnEvents } = buildRevenueHistory(random, { profile, story, settings });
  const tickets = buildTickets(random, { profile, story, contacts, settings });
  const surveyResponses = buildSurveyResponses(random, { profile, story, contacts, settings });
  const activities = buildActivities(random, {
    profile,
    story,
    contacts,
    settings,
    onboardingSpecialistId: input.people.onboardingSpecialist.id,
  });
  const usageDays = buildUsageHistory(random, { profile, story, subscriptions, settings });
  const account = describeAccount(profile, story, contacts, settings);
  return {
    account,
    story,
    contacts,
    subscriptions,
    churnEvents,
    tickets,
    surveyResponses,
    activities,
    usageDays,
  };
}

function describeAccount(
  profile: DemoAccountProfile,
  story: DemoAccountStory,
  contacts: DemoContact[],
  settings: DemoSettings,
): DemoAccount {
  const churned = story.churnDay !== null && story.reactivationDay === null;
  const renewalDate = churned ? null : nextRenewal(story, settings.today);
  return {
    index: profile.index,
    id: profile.id,
    externalId: `demo-account-${profile.index}`,
    name: profile.name,
    domain: profile.domain,
    parentId: profile.parentId,
    crmId: `001DM${String(profile.index).padStart(7, '0')}`,
    billingId: `cus_demo${String(profile.index).padStart(6, '0')}`,
    supportId: `zd-${100_000 + profile.index}`,
    industry: profile.industry,
    region: profile.country.region,
    ownerId: profile.ownerId,
    execSponsorId: profile.execSponsorId,
    status: churned ? 'churned' : story.goLiveDay === null ? 'onboarding' : 'active',
    tier: profile.tier,
    segment: profile.segment,
    lifecycleStage: churned ? null : lifecycleStageOf(story, contacts, renewalDate, settings.today),
    renewalDate,
    goLiveDate: story.goLiveDay,
    traits: {
      country: profile.country.name,
      countryCode: profile.country.code,
      city: profile.city,
      employees: profile.employees,
      foundedYear: profile.foundedYear,
      touchModel: profile.touchModel,
      acquisitionChannel: profile.acquisitionChannel,
      plan: profile.plan,
    },
    createdDay: story.startDay,
  };
}

/** The next contract anniversary (annual), quarter or month after today, counted from the contract start. */
function nextRenewal(story: DemoAccountStory, today: number): number {
  const anchorMonth = monthIndexOf(story.reactivationDay ?? story.startDay);
  const term = monthsPerBillingInterval(story.billingInterval);
  const terms = Math.max(1, Math.floor((monthIndexOf(today) - anchorMonth) / term));
  let month = anchorMonth + terms * term;
  while (firstDayOfMonth(month) <= today) month += term;
  return firstDayOfMonth(month);
}

function lifecycleStageOf(
  story: DemoAccountStory,
  contacts: DemoContact[],
  renewalDate: number | null,
  today: number,
): DemoLifecycleStage {
  if (story.goLiveDay === null) return 'onboarding';
  if (story.billingInterval === 'year' && renewalDate !== null && renewalDate - today <= 90) return 'renewal';
  if (today - story.goLiveDay < 180) return 'adoption';
  if (contacts.some((contact) => contact.isAdvocate) && engagementOn(story, today - 1) >= 0.75)
    return 'advocacy';
  return 'value';
}
