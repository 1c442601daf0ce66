/**
 * How many CSMs to hire for next quarter's new customers, per touch model, and when to start
 * hiring so that they are ramped by the month capacity runs out.
 */
import { addMonths, isIsoDate, monthOfDate } from '../revenue/months';
import {
  capacitySettingsProblems,
  touchModelLabels,
  touchModels,
  type CapacityAccount,
  type CapacityCsm,
  type CapacityProblem,
  type CapacitySettings,
  type TouchModel,
} from './capacity-settings';
import {
  accountsByOwner,
  capacityOf,
  ceilingOf,
  coversTier,
  formatWorkload,
  fromHundredths,
  toHundredths,
  weightOf,
} from './workload-units';

/** A tier and the touch model its accounts get. */
export interface HiringTier {
  name: string;
  touchModel: TouchModel;
}

/** Everything hiringNeed reads. */
export interface HiringNeedInput {
  csms: readonly CapacityCsm[];
  accounts: readonly CapacityAccount[];
  settings: CapacitySettings;
  tiers: readonly HiringTier[];
  /** New customers expected next quarter, by tier name. */
  expectedNew: Readonly<Record<string, number>>;
  /** YYYY-MM-DD, the first day of the quarter's first month. */
  quarterStart: string;
}

/** The workload (units) at the end of one month of the quarter; `month` is YYYY-MM-01. */
export interface MonthEndWorkload {
  month: string;
  workload: number;
}

/** The need for one touch model. Workload and capacity in units (two decimals). */
export interface TouchModelHiringNeed {
  touchModel: TouchModel;
  /** Every account of the model today, unowned ones included: they still need a CSM. */
  currentWorkload: number;
  /** The share of CSM capacity serving this model (see hiringNeed for the split). */
  capacity: number;
  /** New accounts × weight, arriving evenly over the quarter's three months. */
  addedWorkload: number;
  monthEnds: MonthEndWorkload[];
  endWorkload: number;
  csmsNeeded: number;
  /** YYYY-MM-01 of the first month whose end workload is above capacity; null if none. */
  runsOutIn: string | null;
  /** YYYY-MM-DD, hiringLeadDays before runsOutIn; in the past when capacity has already run out. */
  startHiringBy: string | null;
  explanation: string;
}

/** The need per touch model (high, low, tech) and the CSMs needed in all. */
export interface HiringNeed {
  touchModels: TouchModelHiringNeed[];
  csmsNeeded: number;
}

const DAY_MS = 86_400_000;
const MONTHS_PER_QUARTER = 3;

function daysBefore(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) - days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * Splits `total` hundredths across touch models in proportion to `shares`, by largest remainder so
 * the parts are whole hundredths adding up to `total`; remainder ties go to the heavier-touch model.
 */
function apportion(total: number, shares: Readonly<Record<TouchModel, number>>): Record<TouchModel, number> {
  const sum = touchModels.reduce((acc, model) => acc + shares[model], 0);
  const parts = touchModels.map((model) => {
    const product = total * shares[model];
    return { model, whole: (product - (product % sum)) / sum, remainder: product % sum };
  });
  let left = total - parts.reduce((acc, part) => acc + part.whole, 0);
  const byRemainder = [...parts].sort((a, b) => b.remainder - a.remainder);
  for (const part of byRemainder) {
    if (left === 0) break;
    part.whole += 1;
    left -= 1;
  }
  const result = { high: 0, low: 0, tech: 0 };
  for (const part of parts) result[part.model] = part.whole;
  return result;
}

/** The touch models a CSM with an empty book would serve: those of the tiers the CSM covers. */
function modelsCoveredBy(csm: CapacityCsm, tiers: readonly HiringTier[]): Record<TouchModel, number> {
  const shares = { high: 0, low: 0, tech: 0 };
  for (const tier of tiers) if (coversTier(csm, tier.name)) shares[tier.touchModel] = 1;
  if (touchModels.every((model) => shares[model] === 0)) return { high: 1, low: 1, tech: 1 };
  return shares;
}

/**
 * The problems of a hiring-need input; empty when hiringNeed can run. Check it before calling, to
 * answer a person with what to fix rather than an exception.
 */
export function hiringNeedProblems(input: HiringNeedInput): CapacityProblem[] {
  const problems = capacitySettingsProblems(input.settings).map((problem) => ({
    ...problem,
    field: `settings.${problem.field}`,
  }));
  if (!isIsoDate(input.quarterStart) || !input.quarterStart.endsWith('-01')) {
    problems.push({
      field: 'quarterStart',
      message: `"${input.quarterStart}" must be the first day of a month, as YYYY-MM-01`,
    });
  }
  const modelOfTier = new Map<string, TouchModel>();
  for (const tier of input.tiers) {
    const known = modelOfTier.get(tier.name);
    if (known !== undefined && known !== tier.touchModel) {
      problems.push({ field: 'tiers', message: `tier "${tier.name}" is listed with two touch models` });
    }
    modelOfTier.set(tier.name, tier.touchModel);
  }
  for (const [tier, count] of Object.entries(input.expectedNew)) {
    if (!modelOfTier.has(tier)) {
      problems.push({
        field: `expectedNew.${tier}`,
        message: `no tier is named "${tier}"; use one of ${[...modelOfTier.keys()].join(', ') || '(no tiers)'}`,
      });
    }
    if (!Number.isInteger(count) || count < 0) {
      problems.push({
        field: `expectedNew.${tier}`,
        message: 'must be a whole number of customers, 0 or more',
      });
    }
  }
  return problems;
}

function explain(
  need: Omit<TouchModelHiringNeed, 'explanation'>,
  newAccounts: number,
  ceiling: number,
): string {
  const label = touchModelLabels[need.touchModel];
  const capacity = formatWorkload(toHundredths(need.capacity));
  const limit =
    toHundredths(need.capacity) === ceiling ? '' : ` (${formatWorkload(ceiling)} before overload)`;
  const arrivals =
    newAccounts === 0
      ? 'no new accounts are expected'
      : `${newAccounts} new account${newAccounts === 1 ? ' adds' : 's add'} ${formatWorkload(toHundredths(need.addedWorkload))}`;
  const hires = `${need.csmsNeeded} more CSM${need.csmsNeeded === 1 ? ' is' : 's are'} needed`;
  const now = `${label} has ${formatWorkload(toHundredths(need.currentWorkload))} workload against ${capacity} capacity${limit}`;
  if (need.runsOutIn === null) {
    return `${now}; ${arrivals}, reaching ${formatWorkload(toHundredths(need.endWorkload))} by the end of the quarter, so no hire is needed.`;
  }
  if (toHundredths(need.currentWorkload) > ceiling) {
    return `${now}, so it is already short; ${arrivals}, so ${hires}, and hiring should have started by ${need.startHiringBy}.`;
  }
  return `${now}; ${arrivals} over the quarter, so capacity runs out in ${need.runsOutIn.slice(0, 7)}, ${hires}, and hiring should start by ${need.startHiringBy}.`;
}

/**
 * CSMs to hire per touch model for the quarter starting `quarterStart`. A touch model's capacity is
 * its share of each CSM's capacity, split in proportion to the workload the CSM carries per model
 * (a CSM with an empty book splits evenly over the models of the tiers they cover). New accounts
 * arrive evenly over the three months; capacity runs out in the first month whose end workload is
 * above capacity × overloadAt; CSMs needed = ceil(end-of-quarter shortfall ÷ a new CSM's
 * workloadCapacity × overloadAt); start hiring hiringLeadDays before that month's first day.
 * Throws with the problems of hiringNeedProblems when the input has any.
 * @example
 * hiringNeed({ csms: [ann], accounts: annsTwentySevenHighTouchAccounts, settings: defaultCapacitySettings,
 *   tiers: [{ name: 'Tier 1', touchModel: 'high' }], expectedNew: { 'Tier 1': 6 }, quarterStart: '2025-01-01' })
 *   .touchModels[0]
 * // { touchModel: 'high', currentWorkload: 27, capacity: 30, addedWorkload: 6, endWorkload: 33, csmsNeeded: 1,
 * //   runsOutIn: '2025-02-01', startHiringBy: '2024-11-03', … }
 */
export function hiringNeed(input: HiringNeedInput): HiringNeed {
  const problems = hiringNeedProblems(input);
  if (problems.length > 0) {
    throw new Error(
      `Cannot plan hiring: ${problems.map((problem) => `${problem.field} ${problem.message}`).join('; ')}`,
    );
  }
  const { csms, accounts, settings, tiers, expectedNew } = input;
  const { owned } = accountsByOwner(csms, accounts);

  const capacity = { high: 0, low: 0, tech: 0 };
  for (const csm of csms) {
    const workloadByModel = { high: 0, low: 0, tech: 0 };
    for (const account of owned.get(csm.id) ?? []) {
      workloadByModel[account.touchModel] += weightOf(account.touchModel, settings);
    }
    const hasWorkload = touchModels.some((model) => workloadByModel[model] > 0);
    const shares = apportion(
      capacityOf(csm, settings),
      hasWorkload ? workloadByModel : modelsCoveredBy(csm, tiers),
    );
    for (const model of touchModels) capacity[model] += shares[model];
  }

  const current = { high: 0, low: 0, tech: 0 };
  for (const account of accounts) current[account.touchModel] += weightOf(account.touchModel, settings);
  const added = { high: 0, low: 0, tech: 0 };
  const newAccounts = { high: 0, low: 0, tech: 0 };
  for (const tier of tiers) {
    const count = expectedNew[tier.name] ?? 0;
    newAccounts[tier.touchModel] += count;
    added[tier.touchModel] += count * weightOf(tier.touchModel, settings);
  }

  const firstMonth = monthOfDate(input.quarterStart);
  const newHireCeiling = ceilingOf(toHundredths(settings.workloadCapacity), settings);
  const needs = touchModels.map((model): TouchModelHiringNeed => {
    const ceiling = ceilingOf(capacity[model], settings);
    const monthEnds: MonthEndWorkload[] = [];
    let runsOutIn: string | null = null;
    for (let month = 1; month <= MONTHS_PER_QUARTER; month += 1) {
      // Compared in thirds of a hundredth so that a third of the new workload stays exact.
      const thirds = MONTHS_PER_QUARTER * current[model] + added[model] * month;
      const day = `${addMonths(firstMonth, month - 1)}-01`;
      monthEnds.push({ month: day, workload: fromHundredths(thirds / MONTHS_PER_QUARTER) });
      if (runsOutIn === null && thirds > MONTHS_PER_QUARTER * ceiling) runsOutIn = day;
    }
    const end = current[model] + added[model];
    const shortfall = Math.max(0, end - ceiling);
    const need = {
      touchModel: model,
      currentWorkload: fromHundredths(current[model]),
      capacity: fromHundredths(capacity[model]),
      addedWorkload: fromHundredths(added[model]),
      monthEnds,
      endWorkload: fromHundredths(end),
      csmsNeeded: shortfall === 0 ? 0 : Math.ceil(shortfall / newHireCeiling),
      runsOutIn,
      startHiringBy: runsOutIn === null ? null : daysBefore(runsOutIn, settings.hiringLeadDays),
    };
    return { ...need, explanation: explain(need, newAccounts[model], ceiling) };
  });

  return { touchModels: needs, csmsNeeded: needs.reduce((sum, need) => sum + need.csmsNeeded, 0) };
}
