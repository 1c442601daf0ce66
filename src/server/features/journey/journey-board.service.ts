import type {
  BoardAccount,
  BoardAccounts,
  BoardAccountsQuery,
  BoardColumn,
  JourneyBoard,
} from '../../../shared/api/journey.contract';
import type { Db } from '../../db/database';
import type { StageTouchpoint } from '../../db/schema/journey';
import { notFound } from '../../http/problem';
import { stageStatusOf } from './account-stage.service';
import { boardAccountsPage, boardHistogram, type StageDaysRow } from './journey-board.repository';
import { findStageRow, listStageRows, type StageRow } from './stage.repository';

const DAY_MS = 86_400_000;

const columnStage = (row: StageRow): BoardColumn['stage'] => ({
  id: row.id,
  name: row.name,
  position: row.position,
  expectedDays: row.expectedDays,
  owningTeam:
    row.owningTeamId && row.owningTeamName
      ? { id: row.owningTeamId, name: row.owningTeamName, kind: row.owningTeamKind ?? '' }
      : null,
});

/** Accounts, ARR, overdue count and median whole days of one stage, from its histogram rows. */
interface StageFigures {
  accounts: number;
  arrMinor: number;
  overdue: number;
  medianDays: number | null;
}

/**
 * The median of a histogram of whole days (value → count), as percentile_cont(0.5) gives it: the
 * middle value, or the mean of the two middle values for an even count; null when empty.
 * @example medianOfHistogram([{ days: 2, accounts: 1 }, { days: 10, accounts: 1 }]) // 6
 */
export function medianOfHistogram(rows: readonly { days: number; accounts: number }[]): number | null {
  const sorted = [...rows].sort((left, right) => left.days - right.days);
  const total = sorted.reduce((sum, row) => sum + row.accounts, 0);
  if (total === 0) return null;
  const valueAt = (position: number): number => {
    let seen = 0;
    for (const row of sorted) {
      seen += row.accounts;
      if (position < seen) return row.days;
    }
    return sorted[sorted.length - 1]!.days;
  };
  const lower = valueAt(Math.floor((total - 1) / 2));
  const upper = valueAt(Math.ceil((total - 1) / 2));
  return (lower + upper) / 2;
}

function figuresOf(rows: readonly StageDaysRow[], expectedDays: number | null): StageFigures {
  return {
    accounts: rows.reduce((sum, row) => sum + row.accounts, 0),
    arrMinor: rows.reduce((sum, row) => sum + row.arrMinor, 0),
    overdue: rows
      .filter((row) => stageStatusOf(row.days, expectedDays) === 'overdue')
      .reduce((sum, row) => sum + row.accounts, 0),
    medianDays: medianOfHistogram(rows),
  };
}

/**
 * The journey board: a column per stage in order (accounts, ARR, overdue count, median days in
 * stage), the accounts with no stage, and those in a stage name not on the map. Churned accounts are
 * left out. One aggregated query over the accounts, whatever their number.
 */
export async function getJourneyBoard(db: Db): Promise<JourneyBoard> {
  const [stages, histogram] = await Promise.all([
    listStageRows(db, undefined, { withCounts: false }),
    boardHistogram(db),
  ]);
  const byStage = new Map<string | null, StageDaysRow[]>();
  for (const row of histogram) byStage.set(row.stage, [...(byStage.get(row.stage) ?? []), row]);
  const onMap = new Set(stages.map((stage) => stage.name));
  const none = figuresOf(byStage.get(null) ?? [], null);
  const offMap = [...byStage.entries()]
    .filter((entry): entry is [string, StageDaysRow[]] => entry[0] !== null && !onMap.has(entry[0]))
    .map(([stage, rows]) => ({ stage, ...figuresOf(rows, null) }))
    .sort((left, right) => right.accounts - left.accounts || (left.stage < right.stage ? -1 : 1));
  return {
    columns: stages.map((stage) => {
      const figures = figuresOf(byStage.get(stage.name) ?? [], stage.expectedDays);
      return {
        stage: columnStage(stage),
        accounts: figures.accounts,
        arrMinor: figures.arrMinor,
        overdue: figures.overdue,
        medianDaysInStage: figures.medianDays,
      };
    }),
    noStage: { accounts: none.accounts, arrMinor: none.arrMinor },
    offMap: offMap.map((group) => ({
      stage: group.stage,
      accounts: group.accounts,
      arrMinor: group.arrMinor,
    })),
    currency: 'USD',
  };
}

/**
 * The first touchpoint due on or after today's day in stage, with its date: the day entered (UTC)
 * plus its due day. Touchpoints without a due day are never "next".
 * @example nextTouchpoint([{ title: 'Kickoff', dueDay: 3 }], new Date('2025-01-01T10:00:00Z'), 1)
 * // { title: 'Kickoff', dueDay: 3, dueOn: '2025-01-04' }
 */
export function nextTouchpoint(
  touchpoints: readonly StageTouchpoint[],
  enteredAt: Date,
  daysInStage: number,
): BoardAccount['nextTouchpoint'] {
  const next = touchpoints
    .filter((touchpoint): touchpoint is { title: string; dueDay: number } => touchpoint.dueDay !== null)
    .filter((touchpoint) => touchpoint.dueDay >= daysInStage)
    .sort((left, right) => left.dueDay - right.dueDay)[0];
  if (!next) return null;
  const enteredDay = Date.parse(enteredAt.toISOString().slice(0, 10));
  return {
    title: next.title,
    dueDay: next.dueDay,
    dueOn: new Date(enteredDay + next.dueDay * DAY_MS).toISOString().slice(0, 10),
  };
}

/** One page of a column's accounts: owner, ARR, health band, time in stage, status and next touchpoint. */
export async function getBoardAccounts(
  db: Db,
  stageId: string,
  query: BoardAccountsQuery,
): Promise<BoardAccounts> {
  const stage = await findStageRow(db, stageId, { withCounts: false });
  if (!stage) throw notFound('lifecycle stage', stageId);
  const { rows, total } = await boardAccountsPage(db, stage, query);
  return {
    stage: columnStage(stage),
    items: rows.map((row) => ({
      account: { id: row.id, name: row.name },
      owner: row.ownerId ? { id: row.ownerId, name: row.ownerName ?? '' } : null,
      arrMinor: row.arrMinor,
      healthBand: row.healthBand,
      enteredAt: row.enteredAt.toISOString(),
      daysInStage: row.days,
      status: stageStatusOf(row.days, stage.expectedDays),
      nextTouchpoint: nextTouchpoint(stage.touchpoints, row.enteredAt, row.days),
    })),
    total,
    page: query.page,
    pageSize: query.pageSize,
    currency: 'USD',
  };
}
