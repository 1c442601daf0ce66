import { isoDateOf } from './calendar';
import type { DemoBillingInterval, DemoCurrency, DemoSettings, DemoTier, DemoTouchModel } from './demo-model';
import {
  COMPANY_FORMS,
  COMPANY_ROOTS,
  COUNTRIES,
  COUNTRY_WEIGHTS,
  type DemoCountry,
  domainLabelOf,
  INDUSTRIES,
  INDUSTRY_WEIGHTS,
  SUBSIDIARY_SUFFIXES,
} from './demo-names';
import type { DemoPeople } from './demo-people';
import type { DemoOwnership } from './owner-assignment';
import { clamp, type SeededRandom } from './seeded-random';

/** Who the customer is and what it bought first; the timeline is drawn separately (account-story.ts). */
export interface DemoAccountProfile {
  index: number;
  id: string;
  name: string;
  domain: string;
  parentId: string | null;
  tier: DemoTier;
  touchModel: DemoTouchModel;
  segment: string;
  industry: string;
  country: DemoCountry;
  city: string;
  employees: number;
  foundedYear: number;
  acquisitionChannel: string;
  execSponsorId: string | null;
  plan: string;
  seats: number;
  currency: DemoCurrency;
  billingInterval: DemoBillingInterval;
  /** Price of one seat for one month after the account's discount, minor units. */
  seatPriceMinor: number;
}

/** The account a subsidiary hangs under: children share its industry, owner and (mostly) its story. */
export interface DemoParentLink {
  profile: DemoAccountProfile;
  startDay: number;
  ownership: DemoOwnership;
  remainingChildren: number;
}

/** Share of accounts per tier: few, large enterprises and a long tail of small businesses. */
const TIER_WEIGHTS: Record<DemoTier, number> = { Enterprise: 8, 'Mid-Market': 30, SMB: 62 };

/** Seats bought at the start: log-normal median, spread and bounds per tier. */
const SEATS: Record<DemoTier, { median: number; sigma: number; min: number; max: number }> = {
  Enterprise: { median: 380, sigma: 0.7, min: 120, max: 6000 },
  'Mid-Market': { median: 65, sigma: 0.5, min: 20, max: 400 },
  SMB: { median: 11, sigma: 0.6, min: 3, max: 80 },
};

const PLAN_BY_TIER: Record<DemoTier, string> = {
  Enterprise: 'Enterprise',
  'Mid-Market': 'Business',
  SMB: 'Team',
};

/** List price of a seat per month, in whole currency units. */
const SEAT_LIST_PRICE: Record<DemoTier, Record<DemoCurrency, number>> = {
  Enterprise: { USD: 70, EUR: 64, GBP: 56 },
  'Mid-Market': { USD: 45, EUR: 41, GBP: 36 },
  SMB: { USD: 25, EUR: 23, GBP: 20 },
};

const MAX_DISCOUNT: Record<DemoTier, number> = { Enterprise: 0.35, 'Mid-Market': 0.2, SMB: 0.1 };

const INTERVAL_WEIGHTS: Record<DemoTier, Record<DemoBillingInterval, number>> = {
  Enterprise: { month: 0, quarter: 10, year: 90 },
  'Mid-Market': { month: 15, quarter: 20, year: 65 },
  SMB: { month: 60, quarter: 10, year: 30 },
};

const TOUCH_MODEL: Record<DemoTier, DemoTouchModel> = {
  Enterprise: 'high',
  'Mid-Market': 'low',
  SMB: 'tech',
};

/**
 * Draws a new customer company: tier, industry, country, name and domain (unique within the run),
 * seats, price and billing. Subsidiaries inherit the industry from their parent. The owner CSM is
 * picked later, once the account's tier by ARR is known.
 * @example drawAccountProfile(random, { index: 0, id, settings, people, usedNames: new Set(), parent: null })
 */
export function drawAccountProfile(
  random: SeededRandom,
  input: {
    index: number;
    id: string;
    settings: DemoSettings;
    people: DemoPeople;
    usedNames: Set<string>;
    parent: DemoParentLink | null;
  },
): DemoAccountProfile {
  const parent = input.parent?.profile ?? null;
  const tier: DemoTier = parent
    ? random.chance(0.4)
      ? 'Enterprise'
      : 'Mid-Market'
    : random.weighted(TIER_WEIGHTS);
  const industry = parent ? parent.industry : random.weighted(INDUSTRY_WEIGHTS);
  const country = drawCountry(random);
  const { name, domain } = parent
    ? subsidiaryIdentity(random, parent, input.usedNames)
    : companyIdentity(random, industry, input.usedNames);
  const seatBounds = SEATS[tier];
  const seats = Math.round(
    clamp(random.logNormal(seatBounds.median, seatBounds.sigma), seatBounds.min, seatBounds.max),
  );
  const discount = random.between(0, MAX_DISCOUNT[tier]);
  const seatPriceMinor = Math.round(SEAT_LIST_PRICE[tier][country.currency] * (1 - discount) * 100);
  const employees = Math.round(seats * random.between(1.5, 6));
  return {
    index: input.index,
    id: input.id,
    name,
    domain,
    parentId: parent?.id ?? null,
    tier,
    touchModel: TOUCH_MODEL[tier],
    segment: segmentOf(random, tier, seats),
    industry,
    country,
    city: random.pick(country.cities),
    employees,
    foundedYear:
      Number(isoDateOf(input.settings.today).slice(0, 4)) -
      Math.round(clamp(random.logNormal(tier === 'SMB' ? 8 : 22, 0.6), 2, 120)),
    acquisitionChannel: random.weighted({
      outbound: 35,
      inbound: 40,
      partner: 15,
      'self-serve': tier === 'SMB' ? 25 : 2,
    }),
    execSponsorId: tier === 'Enterprise' && random.chance(0.7) ? input.people.leader.id : null,
    plan: PLAN_BY_TIER[tier],
    seats,
    currency: country.currency,
    billingInterval: random.weighted(INTERVAL_WEIGHTS[tier]),
    seatPriceMinor,
  };
}

function drawCountry(random: SeededRandom): DemoCountry {
  let total = 0;
  for (const weight of COUNTRY_WEIGHTS) total += weight;
  let target = random.next() * total;
  for (let position = 0; position < COUNTRIES.length; position += 1) {
    target -= COUNTRY_WEIGHTS[position] ?? 0;
    if (target < 0) return COUNTRIES[position] as DemoCountry;
  }
  return COUNTRIES[0] as DemoCountry;
}

function segmentOf(random: SeededRandom, tier: DemoTier, seats: number): string {
  if (tier === 'Enterprise') return seats >= 500 ? 'Strategic' : 'Growth';
  if (tier === 'Mid-Market') return 'Growth';
  return random.chance(0.15) ? 'Partner-led' : 'Scale';
}

function companyIdentity(
  random: SeededRandom,
  industry: string,
  usedNames: Set<string>,
): { name: string; domain: string } {
  const nouns = INDUSTRIES[industry] ?? ['Group'];
  let base = '';
  for (let attempt = 0; attempt < 6; attempt += 1) {
    base = `${random.pick(COMPANY_ROOTS)} ${random.pick(nouns)}`;
    if (!usedNames.has(base)) break;
  }
  let name = base;
  for (let number = 2; usedNames.has(name); number += 1) name = `${base} ${number}`;
  usedNames.add(name);
  return { name: `${name}${random.pick(COMPANY_FORMS)}`, domain: `${domainLabelOf(name)}.example` };
}

function subsidiaryIdentity(
  random: SeededRandom,
  parent: DemoAccountProfile,
  usedNames: Set<string>,
): { name: string; domain: string } {
  const parentBase = parent.name.replace(/ (Inc|Group|Co|Ltd|Holdings)$/, '');
  let suffix: string = random.pick(SUBSIDIARY_SUFFIXES);
  let name = `${parentBase} ${suffix}`;
  for (let number = 2; usedNames.has(name); number += 1) {
    suffix = `${random.pick(SUBSIDIARY_SUFFIXES)} ${number}`;
    name = `${parentBase} ${suffix}`;
  }
  usedNames.add(name);
  return { name, domain: `${domainLabelOf(suffix)}.${parent.domain}` };
}
