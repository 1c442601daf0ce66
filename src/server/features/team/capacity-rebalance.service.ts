import { sql } from 'drizzle-orm';
import type { RebalanceApply, RebalanceApplyResult } from '../../../shared/api/capacity.contract';
import type { Db, Tx } from '../../db/database';
import { badRequest, conflict, type ProblemItem } from '../../http/problem';
import { ensureMrrToday } from '../accounts/mrr-today';
import { lockMovedAccounts, moveAccounts } from './capacity.repository';
import { loadCapacityInputs, presentOverview, rebalanceBasis } from './capacity.service';

/** Serialises applies, so two managers accepting proposals at once cannot both act on the same books. */
const APPLY_LOCK = 4_220_092;

/** Request problems found before touching anything: an account moved twice, or to its own owner. */
function requestProblems(input: RebalanceApply): ProblemItem[] {
  const problems: ProblemItem[] = [];
  const seen = new Set<string>();
  input.moves.forEach((move, index) => {
    if (seen.has(move.accountId)) {
      problems.push({
        field: `body.moves[${index}].accountId`,
        message: 'this account is already moved by an earlier move',
      });
    }
    seen.add(move.accountId);
    if (move.fromId === move.toId) {
      problems.push({
        field: `body.moves[${index}].toId`,
        message: 'the account already belongs to this person',
      });
    }
  });
  return problems;
}

/** Receivers that are not active people who can own accounts (csm, manager or admin). */
async function receiverProblems(tx: Tx, input: RebalanceApply): Promise<ProblemItem[]> {
  const ids = [...new Set(input.moves.map((move) => move.toId))];
  const result = await tx.execute<{ id: string }>(sql`
    SELECT id FROM users
    WHERE id = ANY(${sql.param(ids)}::uuid[]) AND disabled_at IS NULL AND role IN ('csm', 'manager', 'admin')`);
  const eligible = new Set(result.rows.map((row) => row.id));
  return input.moves.flatMap((move, index) =>
    eligible.has(move.toId)
      ? []
      : [
          {
            field: `body.moves[${index}].toId`,
            message: `no active CSM, manager or admin with id ${move.toId}`,
          },
        ],
  );
}

/** The moves whose account no longer has the owner the preview assumed (or is gone or churned). */
async function changedAccounts(tx: Tx, input: RebalanceApply): Promise<ProblemItem[]> {
  const current = await lockMovedAccounts(
    tx,
    input.moves.map((move) => move.accountId),
  );
  return input.moves.flatMap((move, index) => {
    const account = current.get(move.accountId);
    const field = `body.moves[${index}]`;
    if (!account) return [{ field, message: `account ${move.accountId} has been deleted` }];
    if (account.churned) return [{ field, value: account.name, message: `${account.name} has churned` }];
    if (account.ownerId !== move.fromId) {
      return [{ field, value: account.name, message: `${account.name} changed owner since the preview` }];
    }
    return [];
  });
}

/**
 * Applies a rebalancing proposal in one transaction: every account must still have the owner the
 * preview assumed (`fromId`; 409 naming those that changed) and the books must be as the preview's
 * `basis` says (409 otherwise); then the accounts move and the new books are returned. On any
 * refusal nothing moves.
 */
export async function applyRebalance(db: Db, input: RebalanceApply): Promise<RebalanceApplyResult> {
  const problems = requestProblems(input);
  if (problems.length > 0) {
    throw badRequest(
      `Nothing was moved. ${problems.map((item) => `${item.field}: ${item.message}`).join('; ')}`,
      problems,
    );
  }
  await ensureMrrToday(db);
  return db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${APPLY_LOCK})`);
    const receivers = await receiverProblems(tx, input);
    if (receivers.length > 0) {
      throw badRequest(
        `Nothing was moved. ${receivers.map((item) => `${item.field}: ${item.message}`).join('; ')}`,
        receivers,
      );
    }
    const changed = await changedAccounts(tx, input);
    if (changed.length > 0) {
      const names = changed.map((item) => item.value ?? item.message).join(', ');
      throw conflict(
        `Nothing was moved: ${changed.length} of the accounts changed since the preview (${names}). Preview again and review the new proposal.`,
        changed,
      );
    }
    if (rebalanceBasis(await loadCapacityInputs(tx)) !== input.basis) {
      throw conflict(
        'Nothing was moved: the books changed since the preview (owners, tiers, capacities or settings). Preview again and review the new proposal.',
        [{ field: 'body.basis', message: 'does not match the books now' }],
      );
    }
    const moved = await moveAccounts(tx, input.moves);
    return { applied: moved.length, overview: presentOverview(await loadCapacityInputs(tx)) };
  });
}
