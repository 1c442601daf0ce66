/**
 * A proposal to move accounts from overloaded CSMs to CSMs with room, with as few moves as possible
 * and without breaking long-held relationships. A proposal only: nothing is reassigned here.
 */
import type { CapacityAccount, CapacityCsm, CapacitySettings } from './capacity-settings';
import {
  accountsByOwner,
  capacityOf,
  ceilingOf,
  compareText,
  coversTier,
  formatPercent,
  formatWorkload,
  fromHundredths,
  tierLabel,
  utilisationOf,
  weightOf,
} from './workload-units';

/** One proposed reassignment; `weight` in workload units. */
export interface RebalanceMove {
  accountId: string;
  accountName: string;
  fromId: string;
  toId: string;
  weight: number;
  reason: string;
}

/** A CSM's workload against capacity (units, two decimals) before or after the moves. */
export interface CsmLoad {
  csmId: string;
  name: string;
  workload: number;
  capacity: number;
  /** Workload ÷ capacity, four decimals; null when the capacity is 0. */
  utilisation: number | null;
}

/** Workload an overloaded CSM keeps above the ceiling because nobody eligible has room. */
export interface UnresolvedExcess {
  csmId: string;
  /** Workload units still above the ceiling after the moves. */
  excess: number;
  why: string;
}

/** The moves in the order to make them, every CSM's load before and after, and what is left. */
export interface RebalanceProposal {
  moves: RebalanceMove[];
  before: CsmLoad[];
  after: CsmLoad[];
  unresolved: UnresolvedExcess[];
}

interface Load {
  csm: CapacityCsm;
  capacity: number;
  ceiling: number;
  workload: number;
}

interface Holding {
  account: CapacityAccount;
  weight: number;
}

/**
 * Which of two equally heavy accounts moves first: the most recently assigned (latest ownedSince),
 * so long-held relationships stay; an unknown date counts as longest held; then by id.
 */
export function compareForMoving(left: CapacityAccount, right: CapacityAccount): number {
  if (left.ownedSince !== right.ownedSince) {
    if (left.ownedSince === null) return 1;
    if (right.ownedSince === null) return -1;
    return compareText(right.ownedSince, left.ownedSince);
  }
  return compareText(left.id, right.id);
}

/** Negative when `left` ends less utilised than `right` after adding `weight` (exact, by cross-multiplying). */
function compareUtilisationAfter(left: Load, right: Load, weight: number): number {
  const difference = (left.workload + weight) * right.capacity - (right.workload + weight) * left.capacity;
  if (difference !== 0) return difference;
  return compareText(left.csm.name, right.csm.name) || compareText(left.csm.id, right.csm.id);
}

function loadsOf(loads: readonly Load[]): CsmLoad[] {
  return loads.map((load) => ({
    csmId: load.csm.id,
    name: load.csm.name,
    workload: fromHundredths(load.workload),
    capacity: fromHundredths(load.capacity),
    utilisation: utilisationOf(load.workload, load.capacity),
  }));
}

/** The eligible CSM with the lowest utilisation after taking the account and staying within the ceiling. */
function receiverFor(holding: Holding, giver: Load, loads: readonly Load[]): Load | null {
  let best: Load | null = null;
  for (const load of loads) {
    if (load === giver || load.capacity === 0) continue;
    if (!coversTier(load.csm, holding.account.tier)) continue;
    if (load.workload + holding.weight > load.ceiling) continue;
    if (best === null || compareUtilisationAfter(load, best, holding.weight) < 0) best = load;
  }
  return best;
}

/**
 * The account to move next: the lightest one that alone covers the excess, else the heaviest one.
 * Taking the heaviest until one account covers the rest gives the fewest moves.
 */
function nextToMove(movable: readonly Holding[], excess: number): Holding | undefined {
  const covering = movable.filter((holding) => holding.weight >= excess);
  const pool = covering.length > 0 ? covering : movable;
  const direction = covering.length > 0 ? 1 : -1;
  return [...pool].sort(
    (left, right) =>
      direction * (left.weight - right.weight) || compareForMoving(left.account, right.account),
  )[0];
}

/** Why the remaining excess stays: per tier left in the book, who covers it and what room is missing. */
function whyUnresolved(giver: Load, remaining: readonly Holding[], loads: readonly Load[]): string {
  const excess = formatWorkload(giver.workload - giver.ceiling);
  if (remaining.length === 0)
    return `${giver.csm.name} stays ${excess} over capacity with no account left to move`;
  const lightestByTier = new Map<string | null, number>();
  for (const { account, weight } of remaining) {
    const lightest = lightestByTier.get(account.tier);
    if (lightest === undefined || weight < lightest) lightestByTier.set(account.tier, weight);
  }
  const tiers = [...lightestByTier.keys()].sort((left, right) =>
    left === null ? 1 : right === null ? -1 : compareText(left, right),
  );
  const reasons = tiers.map((tier) => {
    const covered = loads.some((load) => load !== giver && load.capacity > 0 && coversTier(load.csm, tier));
    if (!covered) return `no other CSM covers ${tierLabel(tier)}`;
    return `no CSM covering ${tierLabel(tier)} has room for ${formatWorkload(lightestByTier.get(tier) ?? 0)} more workload`;
  });
  return `${giver.csm.name} stays ${excess} over capacity: ${reasons.join('; ')}`;
}

/**
 * Proposes moves that bring every overloaded CSM (utilisation above overloadAt) down to the ceiling
 * (capacity × overloadAt), most overloaded CSM first. From each, it takes the heaviest accounts until
 * a single account covers what is left, then the lightest such account — the fewest moves — and among
 * equal weights the most recently assigned. Each goes to the CSM covering its tier with the lowest
 * utilisation after the move, never past that CSM's ceiling; ties by name, then id. Greedy: when the
 * room left is split into pieces smaller than any account, the rest is reported as unresolved.
 * @example
 * // Ann holds 31 high-touch accounts, Bob 20; both cover every tier.
 * proposeRebalance([ann, bob], accounts, defaultCapacitySettings).moves
 * // [{ accountId: <Ann's most recently assigned>, accountName: …, fromId: 'ann', toId: 'bob', weight: 1,
 * //    reason: 'Ann is 1.0 over capacity (31.0 of 30.0); Bob covers Tier 1 and is the least utilised
 * //    after the move, at 21.0 of 30.0 (70%)' }]
 */
export function proposeRebalance(
  csms: readonly CapacityCsm[],
  accounts: readonly CapacityAccount[],
  settings: CapacitySettings,
): RebalanceProposal {
  const { owned } = accountsByOwner(csms, accounts);
  const holdings = new Map<string, Holding[]>();
  const loads: Load[] = csms.map((csm) => {
    const held = (owned.get(csm.id) ?? []).map((account) => ({
      account,
      weight: weightOf(account.touchModel, settings),
    }));
    holdings.set(csm.id, held);
    const capacity = capacityOf(csm, settings);
    const workload = held.reduce((sum, holding) => sum + holding.weight, 0);
    return { csm, capacity, ceiling: ceilingOf(capacity, settings), workload };
  });
  const before = loadsOf(loads);

  const givers = loads
    .filter((load) => load.workload > load.ceiling)
    .sort(
      (left, right) =>
        // Most overloaded first: right.workload/right.capacity − left.workload/left.capacity, exactly;
        // a CSM with no capacity at all counts as the most overloaded.
        (left.capacity === 0 ? -1 : 0) - (right.capacity === 0 ? -1 : 0) ||
        right.workload * left.capacity - left.workload * right.capacity ||
        compareText(left.csm.name, right.csm.name) ||
        compareText(left.csm.id, right.csm.id),
    );

  const moves: RebalanceMove[] = [];
  const unresolved: UnresolvedExcess[] = [];
  for (const giver of givers) {
    const remaining = (holdings.get(giver.csm.id) ?? []).filter((holding) => holding.weight > 0);
    while (giver.workload > giver.ceiling) {
      const excess = giver.workload - giver.ceiling;
      const movable = remaining.filter((holding) => receiverFor(holding, giver, loads) !== null);
      const chosen = nextToMove(movable, excess);
      const receiver = chosen === undefined ? null : receiverFor(chosen, giver, loads);
      if (chosen === undefined || receiver === null) {
        unresolved.push({
          csmId: giver.csm.id,
          excess: fromHundredths(excess),
          why: whyUnresolved(giver, remaining, loads),
        });
        break;
      }
      remaining.splice(remaining.indexOf(chosen), 1);
      const giverBefore = giver.workload;
      giver.workload -= chosen.weight;
      receiver.workload += chosen.weight;
      moves.push({
        accountId: chosen.account.id,
        accountName: chosen.account.name,
        fromId: giver.csm.id,
        toId: receiver.csm.id,
        weight: fromHundredths(chosen.weight),
        reason:
          `${giver.csm.name} is ${formatWorkload(excess)} over capacity ` +
          `(${formatWorkload(giverBefore)} of ${formatWorkload(giver.capacity)}); ` +
          `${receiver.csm.name} covers ${tierLabel(chosen.account.tier)} and is the least utilised after the move, ` +
          `at ${formatWorkload(receiver.workload)} of ${formatWorkload(receiver.capacity)} ` +
          `(${formatPercent(receiver.workload / receiver.capacity)})`,
      });
    }
  }

  return { moves, before, after: loadsOf(loads), unresolved };
}
