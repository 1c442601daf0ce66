/**
 * CSM capacity planning: the inputs (CSMs, their accounts, the team's settings) and the public
 * benchmarks shown beside the team's own figures. Pure, no I/O: the caller loads the data.
 */

/** How an account is served: named CSM (high), pooled/scaled (low), or digital only (tech). */
export type TouchModel = 'high' | 'low' | 'tech';

/** Every touch model, heaviest first; also the tie-break order wherever models compete. */
export const touchModels: readonly TouchModel[] = ['high', 'low', 'tech'];

/** Words for a touch model in sentences: 'High touch', 'Low touch', 'Tech touch'. */
export const touchModelLabels: Readonly<Record<TouchModel, string>> = {
  high: 'High touch',
  low: 'Low touch',
  tech: 'Tech touch',
};

/**
 * The team's capacity model. Workload is counted in units: an account adds the weight of its touch
 * model, and a CSM carries `workloadCapacity` units. Weights and capacities count to two decimals.
 */
export interface CapacitySettings {
  /** Workload units one account of each touch model adds. */
  weights: Record<TouchModel, number>;
  /** Workload units a CSM can carry unless the CSM has an override. */
  workloadCapacity: number;
  /** ARR a CSM's book should reach, per touch model, in USD minor units (cents). */
  arrTargets: Record<TouchModel, number>;
  /** Utilisation (workload ÷ capacity) above which a CSM is overloaded; also the ceiling moves fill up to. */
  overloadAt: number;
  /** Utilisation below which a CSM is underloaded. */
  underloadAt: number;
  /** Days from opening a CSM role to a ramped CSM (recruiting plus onboarding). */
  hiringLeadDays: number;
}

/**
 * Starting settings: a CSM carries 30 units, i.e. ~30 high-touch or ~100 low-touch accounts;
 * ARR targets of ~$1M (high), ~$2M (low) and ~$3M (tech) per CSM.
 */
export const defaultCapacitySettings: CapacitySettings = {
  weights: { high: 1.0, low: 0.3, tech: 0.05 },
  workloadCapacity: 30,
  arrTargets: { high: 1_000_000_00, low: 2_000_000_00, tech: 3_000_000_00 },
  overloadAt: 1.0,
  underloadAt: 0.6,
  hiringLeadDays: 90,
};

/**
 * Public benchmark figures for a CSM's book (not the team's own), with the label the UI shows.
 * ARR in USD minor units; low and tech touch are a floor ("$2M+").
 */
export const capacityBenchmarks = {
  source:
    'Public benchmark (industry surveys): average CSM book ~100 accounts, ~$1.7–2M ARR; high touch ~$1M, low/tech touch ~$2M+',
  accountsPerCsm: 100,
  arrPerCsm: { from: 1_700_000_00, to: 2_000_000_00 },
  arrPerCsmByTouchModel: { high: 1_000_000_00, low: 2_000_000_00, tech: 2_000_000_00 },
} as const;

/** A CSM who can own accounts. */
export interface CapacityCsm {
  id: string;
  name: string;
  /** Tier names this CSM may own; empty means every tier (and accounts without a tier). */
  covers: readonly string[];
  /** This CSM's own capacity in workload units (e.g. 15 for half time); null or absent: the team's. */
  workloadCapacity?: number | null;
}

/** An account as capacity planning sees it. */
export interface CapacityAccount {
  id: string;
  name: string;
  /** The owning CSM's id; null, or an id not among the CSMs given, means unowned. */
  ownerId: string | null;
  tier: string | null;
  touchModel: TouchModel;
  /** ARR in USD minor units (cents). */
  arr: number;
  /** YYYY-MM-DD on which the current owner got the account; null when unknown. */
  ownedSince: string | null;
}

/** What is wrong with one setting (`weights.low`) and how to fix it, in words. */
export interface CapacityProblem {
  field: string;
  message: string;
}

const hasTwoDecimalsAtMost = (value: number) => Math.abs(value * 100 - Math.round(value * 100)) < 1e-9;

/**
 * The problems of a settings object; empty when every capacity function can use it.
 * @example capacitySettingsProblems({ ...defaultCapacitySettings, workloadCapacity: 0 })
 * // [{ field: 'workloadCapacity', message: 'must be above 0 workload units' }]
 */
export function capacitySettingsProblems(settings: CapacitySettings): CapacityProblem[] {
  const problems: CapacityProblem[] = [];
  for (const model of touchModels) {
    const weight = settings.weights[model];
    if (!Number.isFinite(weight) || weight < 0 || !hasTwoDecimalsAtMost(weight)) {
      problems.push({ field: `weights.${model}`, message: 'must be 0 or more, with at most two decimals' });
    }
    const target = settings.arrTargets[model];
    if (!Number.isInteger(target) || target < 0) {
      problems.push({ field: `arrTargets.${model}`, message: 'must be a whole number of cents, 0 or more' });
    }
  }
  const capacity = settings.workloadCapacity;
  if (!Number.isFinite(capacity) || capacity <= 0) {
    problems.push({ field: 'workloadCapacity', message: 'must be above 0 workload units' });
  } else if (!hasTwoDecimalsAtMost(capacity)) {
    problems.push({ field: 'workloadCapacity', message: 'must have at most two decimals' });
  }
  if (!Number.isFinite(settings.overloadAt) || settings.overloadAt <= 0) {
    problems.push({ field: 'overloadAt', message: 'must be a utilisation above 0 (1.0 = full capacity)' });
  }
  if (!Number.isFinite(settings.underloadAt) || settings.underloadAt < 0) {
    problems.push({ field: 'underloadAt', message: 'must be a utilisation of 0 or more' });
  } else if (settings.underloadAt > settings.overloadAt) {
    problems.push({ field: 'underloadAt', message: 'must not be above overloadAt' });
  }
  if (!Number.isInteger(settings.hiringLeadDays) || settings.hiringLeadDays < 0) {
    problems.push({ field: 'hiringLeadDays', message: 'must be a whole number of days, 0 or more' });
  }
  return problems;
}
