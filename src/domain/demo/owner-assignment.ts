import { defaultCapacitySettings } from '../capacity';
import type { DemoTouchModel, DemoTier } from './demo-model';
import type { DemoOwner } from './demo-people';
import type { SeededRandom } from './seeded-random';

/** Who owns an account, since when, and who had it before a reassignment. */
export interface DemoOwnership {
  ownerId: string;
  /** The day the owner took the account: its creation day, or a later reassignment day. */
  sinceDay: number;
  /** The owner before the reassignment; null when the owner has had it from the start. */
  previousOwnerId: string | null;
}

/** Share of accounts older than half a year that changed hands once. */
const REASSIGNED_SHARE = 0.12;

/**
 * Hands new accounts to CSMs in proportion to their tier weights, among the CSMs covering the
 * account's tier, and keeps each CSM's workload (Σ touch-model weight of live accounts, the default
 * capacity weights) so that a CSM with a workload limit stops taking new accounts once there.
 */
export class DemoOwnerPicker {
  private readonly workloads = new Map<string, number>();

  /** `accounts` is the size of the run, which the owners' limits (per 100 accounts) scale with. */
  constructor(
    private readonly owners: readonly DemoOwner[],
    private readonly accounts: number,
  ) {}

  /** The workload counted so far for a CSM, in units. */
  workloadOf(ownerId: string): number {
    return this.workloads.get(ownerId) ?? 0;
  }

  /** Picks the owner of a new account of `tier`: weighted, skipping CSMs at their limit when others can take it. */
  pick(tier: DemoTier, random: SeededRandom): DemoOwner {
    const covering = this.owners.filter((owner) => owner.tierWeights[tier] > 0);
    const open = covering.filter((owner) => {
      const limit = owner.workloadLimitPer100Accounts;
      return limit === null || this.workloadOf(owner.user.id) < (limit * this.accounts) / 100;
    });
    const pool = open.length > 0 ? open : covering;
    let total = 0;
    for (const owner of pool) total += owner.tierWeights[tier];
    let target = random.next() * total;
    for (const owner of pool) {
      target -= owner.tierWeights[tier];
      if (target < 0) return owner;
    }
    return pool[pool.length - 1] as DemoOwner;
  }

  /** Counts a live account of this touch model in its owner's workload. */
  count(ownerId: string, touchModel: DemoTouchModel): void {
    this.workloads.set(ownerId, this.workloadOf(ownerId) + defaultCapacitySettings.weights[touchModel]);
  }

  /**
   * Since when the owner has the account: most since its creation; about one in eight accounts older
   * than half a year was reassigned once, from another CSM covering its tier, on a day since.
   */
  ownershipOf(
    owner: DemoOwner,
    tier: DemoTier,
    random: SeededRandom,
    days: { createdDay: number; today: number },
  ): DemoOwnership {
    const unchanged = { ownerId: owner.user.id, sinceDay: days.createdDay, previousOwnerId: null };
    if (days.createdDay > days.today - 180 || !random.chance(REASSIGNED_SHARE)) return unchanged;
    const others = this.owners.filter((other) => other !== owner && other.tierWeights[tier] > 0);
    if (others.length === 0) return unchanged;
    return {
      ownerId: owner.user.id,
      sinceDay: random.integer(days.createdDay + 90, days.today - 14),
      previousOwnerId: random.pick(others).user.id,
    };
  }
}
