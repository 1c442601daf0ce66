/**
 * Each CSM's book of business: how many accounts and how much ARR, the workload they add against
 * the CSM's capacity, and whether the CSM is over, under or within the team's thresholds.
 */
import {
  touchModels,
  type CapacityAccount,
  type CapacityCsm,
  type CapacitySettings,
  type TouchModel,
} from './capacity-settings';
import {
  accountsByOwner,
  capacityOf,
  ceilingOf,
  floorOf,
  fromHundredths,
  utilisationOf,
  weightOf,
} from './workload-units';

/** Over: utilisation above overloadAt; under: below underloadAt; ok: in between (both ends included). */
export type LoadFlag = 'over' | 'under' | 'ok';

/** The ARR a book should reach: the target of the touch model carrying most of its workload. */
export interface ArrTarget {
  touchModel: TouchModel;
  /** USD minor units. */
  amount: number;
}

/** One CSM's book. Workload and capacity in units (two decimals), ARR in minor units. */
export interface CsmBook {
  csmId: string;
  name: string;
  accounts: number;
  arr: number;
  workload: number;
  capacity: number;
  /** Workload ÷ capacity, four decimals; null when the capacity is 0. */
  utilisation: number | null;
  accountsByTouchModel: Record<TouchModel, number>;
  /** Null for an empty book, which has no workload to say which target applies. */
  arrTarget: ArrTarget | null;
  flag: LoadFlag;
}

/** The whole team: the CSMs' books added up, plus how many CSMs are over and under. */
export interface TeamBook {
  csms: number;
  accounts: number;
  arr: number;
  workload: number;
  capacity: number;
  utilisation: number | null;
  accountsByTouchModel: Record<TouchModel, number>;
  overloaded: number;
  underloaded: number;
}

/** Accounts with no owner among the CSMs given (no owner, or an owner who is not listed). */
export interface UnownedBook {
  accounts: number;
  arr: number;
  workload: number;
}

/** Every CSM's book (in input order), the team total and the unowned accounts. */
export interface CapacityBooks {
  csms: CsmBook[];
  team: TeamBook;
  unowned: UnownedBook;
}

const emptyCounts = (): Record<TouchModel, number> => ({ high: 0, low: 0, tech: 0 });

/** The load flag for a workload against a capacity, both in hundredths. */
export function loadFlagOf(
  workloadHundredths: number,
  capacityHundredths: number,
  settings: CapacitySettings,
): LoadFlag {
  if (workloadHundredths > ceilingOf(capacityHundredths, settings)) return 'over';
  if (workloadHundredths < floorOf(capacityHundredths, settings)) return 'under';
  return 'ok';
}

/**
 * The touch model carrying most of a workload (hundredths per model), heavier-touch model on a
 * tie; null when the workload is 0.
 */
export function dominantTouchModel(workloadByModel: Readonly<Record<TouchModel, number>>): TouchModel | null {
  let dominant: TouchModel | null = null;
  for (const model of touchModels) {
    const workload = workloadByModel[model];
    if (workload > 0 && (dominant === null || workload > workloadByModel[dominant])) dominant = model;
  }
  return dominant;
}

/**
 * Each CSM's book, the team total and the unowned accounts. Workload adds each account's
 * touch-model weight exactly (in hundredths) and is shown to two decimals.
 * @example
 * books([{ id: 'c1', name: 'Ann', covers: [] }],
 *   [{ id: 'a1', name: 'Acme', ownerId: 'c1', tier: 'Tier 1', touchModel: 'high', arr: 50_000_00, ownedSince: null }],
 *   defaultCapacitySettings).csms[0]
 * // { csmId: 'c1', name: 'Ann', accounts: 1, arr: 5000000, workload: 1, capacity: 30, utilisation: 0.0333,
 * //   accountsByTouchModel: { high: 1, low: 0, tech: 0 }, arrTarget: { touchModel: 'high', amount: 100000000 }, flag: 'under' }
 */
export function books(
  csms: readonly CapacityCsm[],
  accounts: readonly CapacityAccount[],
  settings: CapacitySettings,
): CapacityBooks {
  const { owned, unowned } = accountsByOwner(csms, accounts);
  const team = { accounts: 0, arr: 0, workload: 0, capacity: 0, overloaded: 0, underloaded: 0 };
  const teamCounts = emptyCounts();

  const csmBooks = csms.map((csm): CsmBook => {
    const book = owned.get(csm.id) ?? [];
    const counts = emptyCounts();
    const workloadByModel = emptyCounts();
    let arr = 0;
    for (const account of book) {
      counts[account.touchModel] += 1;
      workloadByModel[account.touchModel] += weightOf(account.touchModel, settings);
      arr += account.arr;
    }
    const workload = touchModels.reduce((sum, model) => sum + workloadByModel[model], 0);
    const capacity = capacityOf(csm, settings);
    const flag = loadFlagOf(workload, capacity, settings);
    const dominant = dominantTouchModel(workloadByModel);

    team.accounts += book.length;
    team.arr += arr;
    team.workload += workload;
    team.capacity += capacity;
    if (flag === 'over') team.overloaded += 1;
    if (flag === 'under') team.underloaded += 1;
    for (const model of touchModels) teamCounts[model] += counts[model];

    return {
      csmId: csm.id,
      name: csm.name,
      accounts: book.length,
      arr,
      workload: fromHundredths(workload),
      capacity: fromHundredths(capacity),
      utilisation: utilisationOf(workload, capacity),
      accountsByTouchModel: counts,
      arrTarget: dominant === null ? null : { touchModel: dominant, amount: settings.arrTargets[dominant] },
      flag,
    };
  });

  return {
    csms: csmBooks,
    team: {
      csms: csms.length,
      accounts: team.accounts,
      arr: team.arr,
      workload: fromHundredths(team.workload),
      capacity: fromHundredths(team.capacity),
      utilisation: utilisationOf(team.workload, team.capacity),
      accountsByTouchModel: teamCounts,
      overloaded: team.overloaded,
      underloaded: team.underloaded,
    },
    unowned: {
      accounts: unowned.length,
      arr: unowned.reduce((sum, account) => sum + account.arr, 0),
      workload: fromHundredths(
        unowned.reduce((sum, account) => sum + weightOf(account.touchModel, settings), 0),
      ),
    },
  };
}
