import type { AccountStageChange, AccountStages } from '../../../shared/api/journey.contract';
import type { Actor } from '../../auth/policy';
import type { Db } from '../../db/database';
import { badRequest, conflict } from '../../http/problem';
import { assertCanWriteAccount, requireAccount } from '../accounts/account.service';
import { listStageStays, setStageManually } from './account-stage.repository';
import { findStageByName, listStageRows } from './stage.repository';

/** Whole days in stage above expectedDays make an account overdue; no limit means on track. */
export function stageStatusOf(daysInStage: number, expectedDays: number | null): 'on_track' | 'overdue' {
  return expectedDays !== null && daysInStage > expectedDays ? 'overdue' : 'on_track';
}

/** An account's current stage with its time in stage, and every stay (oldest first). 404 for an unknown account. */
export async function getAccountStages(db: Db, accountId: string): Promise<AccountStages> {
  await requireAccount(db, accountId);
  const stays = await listStageStays(db, accountId);
  const open = stays.find((stay) => stay.leftAt === null);
  return {
    accountId,
    current: open
      ? {
          stage: open.stage,
          stageId: open.stageId,
          enteredAt: open.enteredAt.toISOString(),
          daysInStage: open.days,
          expectedDays: open.expectedDays,
          status: stageStatusOf(open.days, open.expectedDays),
        }
      : null,
    items: stays.map((stay) => ({
      stage: stay.stage,
      stageId: stay.stageId,
      enteredAt: stay.enteredAt.toISOString(),
      leftAt: stay.leftAt?.toISOString() ?? null,
      days: stay.days,
      source: stay.source,
      changedBy: stay.changedById ? { id: stay.changedById, name: stay.changedByName ?? '' } : null,
    })),
  };
}

/**
 * Moves an account to a stage by hand (or off the journey with null). The stage must be on the
 * journey map (matched ignoring case); a CSM may move only accounts they own; churned accounts are
 * not on the journey. The stage history records the person and source "manual".
 */
export async function changeAccountStage(
  db: Db,
  actor: Actor,
  accountId: string,
  input: AccountStageChange,
): Promise<{ stages: AccountStages; changed: boolean }> {
  const account = await requireAccount(db, accountId);
  assertCanWriteAccount(actor, account);
  let stageName: string | null = null;
  if (input.stage !== null) {
    const stage = await findStageByName(db, input.stage);
    if (!stage) {
      const names = (await listStageRows(db)).map((row) => `"${row.name}"`);
      throw badRequest(`There is no stage named "${input.stage}" on the journey map.`, [
        {
          field: 'body.stage',
          message: names.length
            ? `use one of ${names.join(', ')}, or null`
            : 'no stages are defined yet; create them with POST /api/v1/stages',
        },
      ]);
    }
    stageName = stage.name;
  }
  if (account.status === 'churned' && stageName !== null) {
    throw conflict(
      `${account.name} has churned; churned accounts are not on the journey. Change its status first.`,
    );
  }
  const changed = await db.transaction((tx) => setStageManually(tx, accountId, stageName, actor.userId));
  return { stages: await getAccountStages(db, accountId), changed };
}
