import {
  buildStageHistory,
  customerLivesOf,
  type DemoCustomerLife,
  lifecycleStageOf,
  likelyGreen,
  renewalAfter,
} from './account-journey';
import type { Scorecard } from '../health';
import { type DemoAccountProfile, type DemoParentLink, drawAccountProfile } from './account-profile';
import { buildStartMonthTable, drawAccountStory, type StartMonthTable } from './account-story';
import { dayNumberOf, firstDayOfMonth, isoDateOf, monthIndexOf } from './calendar';
import { buildContacts } from './contact-directory';
import { buildActivities } from './customer-activities';
import { demoHealthBand } from './demo-health';
import { ADVOCACY_BAND, tierOfArr } from './demo-journey';
import type {
  DemoAccount,
  DemoAccountBundle,
  DemoAccountStory,
  DemoAssignment,
  DemoSettings,
  DemoTier,
} from './demo-model';
import { DEMO_STREAMS, type DemoPeople } from './demo-people';
import { DemoOwnerPicker, type DemoOwnership } from './owner-assignment';
import { arrUsdOn, buildRevenueHistory } from './revenue-history';
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
 * `scorecard` is the one that will score the accounts: with it, the health band behind the Advocacy
 * stage is computed from each account's rows; without it, it is guessed from engagement.
 * @example for (const bundle of generateDemoAccounts(resolveDemoSettings({}), buildDemoPeople(42))) console.log(bundle.account.name)
 */
export function* generateDemoAccounts(
  settings: DemoSettings,
  people: DemoPeople,
  scorecard: Scorecard | null = null,
): Generator<DemoAccountBundle> {
  const startMonths = buildStartMonthTable(settings);
  const owners = new DemoOwnerPicker(people.owners, settings.accounts);
  const usedNames = new Set<string>();
  let parent: DemoParentLink | null = null;
  let handoffs = 0;
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
    const { bundle, ownership } = buildAccountBundle(random, {
      profile,
      settings,
      people,
      owners,
      startMonths,
      parent: link,
      scorecard,
      // The first candidate always waits for its handoff, so the stage is never empty.
      handoffChance: handoffs === 0 ? 1 : HANDOFF_SHARE,
    });
    if (bundle.account.lifecycleStage === 'Handoff') handoffs += 1;
    if (link) {
      link.remainingChildren -= 1;
    } else {
      parent =
        profile.tier === 'Enterprise' && random.chance(0.2)
          ? {
              profile,
              startDay: bundle.story.startDay,
              ownership,
              remainingChildren: random.integer(1, 3),
            }
          : null;
    }
    yield bundle;
  }
}

/** Share of this month's new accounts not live yet that still wait for their handoff (about 1% of all accounts). */
const HANDOFF_SHARE = 0.2;

function buildAccountBundle(
  random: SeededRandom,
  input: {
    profile: DemoAccountProfile;
    settings: DemoSettings;
    people: DemoPeople;
    owners: DemoOwnerPicker;
    startMonths: StartMonthTable;
    parent: DemoParentLink | null;
    scorecard: Scorecard | null;
    handoffChance: number;
  },
): { bundle: DemoAccountBundle; ownership: DemoOwnership } {
  const { profile, settings, people } = input;
  const today = settings.today;
  const story = drawAccountStory(random, {
    profile,
    settings,
    startMonths: input.startMonths,
    parent: input.parent,
  });
  const contacts = buildContacts(random, { profile, story, today });
  const { subscriptions, churnEvents } = buildRevenueHistory(random, { profile, story, settings });
  const churned = story.churnDay !== null && story.reactivationDay === null;
  // Churned accounts keep the tier they had when they left.
  const tier = tierOfArr(
    arrUsdOn(subscriptions, churned ? (story.churnDay as number) - 1 : today),
    isoDateOf(today),
  );
  const ownership = ownerOf(random, {
    story,
    tier: tier.name,
    owners: input.owners,
    parent: input.parent,
    today,
  });
  if (!churned) input.owners.count(ownership.ownerId, tier.touchModel);
  const handoff =
    !churned &&
    story.goLiveDay === null &&
    monthIndexOf(story.startDay) === monthIndexOf(today) &&
    random.chance(input.handoffChance);
  // Sales hands over once the paperwork is done, a few days to three weeks after the contract start.
  const handoffDay = handoff ? Math.max(story.startDay, today - random.integer(0, 20)) : story.startDay;

  const tickets = buildTickets(random, { profile, story, contacts, settings });
  const surveyResponses = buildSurveyResponses(random, { profile, story, contacts, settings });
  const activities = buildActivities(random, {
    profile,
    story,
    contacts,
    settings,
    ownership,
    onboardingSpecialistId: people.onboardingSpecialist.id,
    handoff,
  });
  // Nobody uses the product before the kickoff: a handed-off account has no usage yet.
  const usageDays = handoff ? [] : buildUsageHistory(random, { profile, story, subscriptions, settings });

  const currentLife = customerLivesOf(story).at(-1) as DemoCustomerLife;
  const renewalDate = churned ? null : renewalAfter(currentLife.anchorDay, today);
  const advocates = contacts.filter((contact) => contact.isAdvocate).length;
  // Only accounts with advocates can be in Advocacy, so only they need their health band.
  const green =
    advocates > 0 &&
    (input.scorecard
      ? demoHealthBand(
          input.scorecard,
          { subscriptions, usageDays, activities, tickets, surveyResponses },
          today,
        ) === ADVOCACY_BAND
      : likelyGreen(story, tier.touchModel, today));
  const lifecycleStage = churned
    ? null
    : lifecycleStageOf({
        story,
        renewalDay: renewalDate,
        advocates,
        green,
        activeLately: usageDays.some((day) => day.day > today - 30),
        handoff,
        today,
      });
  const account: DemoAccount = {
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
    ownerId: ownership.ownerId,
    ownerSinceDay: ownership.sinceDay,
    execSponsorId: profile.execSponsorId,
    status: churned ? 'churned' : story.goLiveDay === null ? 'onboarding' : 'active',
    tier: tier.name,
    segment: profile.segment,
    lifecycleStage,
    renewalDate,
    goLiveDate: story.goLiveDay,
    traits: {
      country: profile.country.name,
      countryCode: profile.country.code,
      city: profile.city,
      employees: profile.employees,
      foundedYear: profile.foundedYear,
      touchModel: tier.touchModel,
      acquisitionChannel: profile.acquisitionChannel,
      plan: profile.plan,
    },
    createdDay: story.startDay,
  };
  const assignments: DemoAssignment[] = [];
  if (lifecycleStage === 'Handoff' || lifecycleStage === 'Onboarding')
    assignments.push({
      role: 'onboarding_lead',
      userId: people.onboardingSpecialist.id,
      sinceDay: handoff ? handoffDay : currentLife.fromDay,
    });
  if (!churned && tier.name === 'Enterprise')
    assignments.push({ role: 'support_lead', userId: people.supportLead.id, sinceDay: story.startDay });
  const bundle: DemoAccountBundle = {
    account,
    story,
    contacts,
    subscriptions,
    churnEvents,
    tickets,
    surveyResponses,
    activities,
    usageDays,
    stageHistory: buildStageHistory(story, lifecycleStage, { today, handoffDay }),
    assignments,
  };
  return { bundle, ownership };
}

/** The owner CSM: the parent's for a subsidiary, else one covering the account's tier by ARR. */
function ownerOf(
  random: SeededRandom,
  input: {
    story: DemoAccountStory;
    tier: DemoTier;
    owners: DemoOwnerPicker;
    parent: DemoParentLink | null;
    today: number;
  },
): DemoOwnership {
  const { story, parent } = input;
  if (parent) {
    const inherited = parent.ownership;
    return inherited.sinceDay > story.startDay
      ? inherited
      : { ownerId: inherited.ownerId, sinceDay: story.startDay, previousOwnerId: null };
  }
  const owner = input.owners.pick(input.tier, random);
  return input.owners.ownershipOf(owner, input.tier, random, {
    createdDay: story.startDay,
    today: input.today,
  });
}
