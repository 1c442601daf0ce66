import type {
  BoardAccount,
  BoardAccounts,
  BoardAccountsQuery,
  BoardColumn,
  BoardStageMetric,
  JourneyBoard,
  StageMetricKey,
} from '../../../shared/api/journey.contract';
import { type MonthRange, previousMonth } from '../../../domain/revenue';
import { stageMetricKeys, stageMetricLabels } from '../../../shared/api/journey.contract';
import type { Db } from '../../db/database';
import type { StageTouchpoint } from '../../db/schema/journey';
import { notFound } from '../../http/problem';
import { stageStatusOf } from './account-stage.service';
import {
  boardAccountsPage,
  boardHistogram,
  type StageDaysRow,
  type StageMetricInputsRow,
  stageMetricInputs,
  type WorkspaceMetricInputs,
  workspaceMetricInputs,
} from './journey-board.repository';
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

const noInputs = (stage: string): StageMetricInputsRow => ({
  stage,
  seatAccounts: 0,
  seats: 0,
  seatActiveUsers: 0,
  usageAccounts: 0,
  activeUsers: 0,
  scoredAccounts: 0,
  healthScoreSum: 0,
  npsAnswers: 0,
  promoters: 0,
  detractors: 0,
  expandedAccounts: 0,
  expansionMinor: 0,
});

const roundTo = (value: number, digits: number): number => {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
};
const countOf = (count: number, noun: string): string =>
  `${count.toLocaleString('en-US')} ${noun}${count === 1 ? '' : 's'}`;
const accountsText = (count: number): string => countOf(count, 'account');
/** 'YYYY-MM' as "Oct 2026". */
const monthName = (month: string): string =>
  new Date(`${month}-01T00:00:00Z`).toLocaleString('en-US', {
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
/** A range of months as "Aug–Oct 2026" (or "Dec 2025–Feb 2026"). */
const monthSpan = ({ from, to }: MonthRange): string =>
  from.slice(0, 4) === to.slice(0, 4)
    ? `${monthName(from).slice(0, 3)}–${monthName(to)}`
    : `${monthName(from)}–${monthName(to)}`;

/** The workspace-wide inputs when no stage names a metric that reads them (never shown). */
const NOT_READ: WorkspaceMetricInputs = {
  liveAccounts: 0,
  medianDaysToGoLive: null,
  retention: {
    from: '',
    to: '',
    openingCustomers: 0,
    startingCustomersOpeningMrrMinor: 0,
    startingCustomersEndMrrMinor: 0,
    startingCustomersCappedEndMrrMinor: 0,
    lostCustomers: 0,
  },
};

/** What a stage metric is computed from: the stage's figures and inputs, and the workspace-wide ones. */
export interface StageMetricSources {
  figures: { accounts: number; medianDays: number | null };
  inputs: StageMetricInputsRow;
  workspace: WorkspaceMetricInputs;
}

type MetricValue = Pick<BoardStageMetric, 'value' | 'unit' | 'basis'>;

const metricValueOf: Record<StageMetricKey, (sources: StageMetricSources) => MetricValue> = {
  time_to_go_live: ({ workspace }) => ({
    value: workspace.medianDaysToGoLive,
    unit: 'days',
    basis:
      workspace.liveAccounts === 0
        ? 'No account went live in the last 180 days'
        : `Median over ${accountsText(workspace.liveAccounts)} live in the last 180 days (workspace-wide), from the first subscription start`,
  }),
  time_in_stage: ({ figures }) => ({
    value: figures.medianDays,
    unit: 'days',
    basis:
      figures.accounts === 0
        ? 'No accounts in the stage'
        : `Median over ${accountsText(figures.accounts)} in the stage`,
  }),
  seat_utilisation: ({ inputs }) => ({
    value: inputs.seats === 0 ? null : roundTo((100 * inputs.seatActiveUsers) / inputs.seats, 1),
    unit: 'percent',
    basis:
      inputs.seats === 0
        ? 'No account in the stage has seats on a running subscription'
        : `${inputs.seatActiveUsers.toLocaleString('en-US')} peak active users (last 30 days) of ${inputs.seats.toLocaleString('en-US')} seats, over ${accountsText(inputs.seatAccounts)} with seats`,
  }),
  active_users: ({ inputs, figures }) => ({
    value: inputs.usageAccounts === 0 ? null : roundTo(inputs.activeUsers / inputs.usageAccounts, 1),
    unit: 'users',
    basis:
      inputs.usageAccounts === 0
        ? 'No usage from the stage’s accounts in the last 30 days'
        : `Mean 30-day peak of daily active users over ${inputs.usageAccounts.toLocaleString('en-US')} of ${accountsText(figures.accounts)} with usage`,
  }),
  health_score: ({ inputs, figures }) => ({
    value: inputs.scoredAccounts === 0 ? null : roundTo(inputs.healthScoreSum / inputs.scoredAccounts, 1),
    unit: 'score',
    basis:
      inputs.scoredAccounts === 0
        ? 'No account in the stage has a health score'
        : `Mean current score over ${inputs.scoredAccounts.toLocaleString('en-US')} of ${accountsText(figures.accounts)} scored`,
  }),
  nps: ({ inputs }) => ({
    value:
      inputs.npsAnswers === 0
        ? null
        : Math.round((100 * (inputs.promoters - inputs.detractors)) / inputs.npsAnswers),
    unit: 'nps',
    basis:
      inputs.npsAnswers === 0
        ? 'No NPS answer from the stage’s accounts in the last 365 days'
        : `${countOf(inputs.promoters, 'promoter')} and ${countOf(inputs.detractors, 'detractor')} among the latest answers of ${accountsText(inputs.npsAnswers)} (last 365 days)`,
  }),
  gross_retention: ({ workspace: { retention } }) => ({
    value:
      retention.startingCustomersOpeningMrrMinor === 0
        ? null
        : roundTo(
            (100 * retention.startingCustomersCappedEndMrrMinor) / retention.startingCustomersOpeningMrrMinor,
            1,
          ),
    unit: 'percent',
    basis:
      retention.startingCustomersOpeningMrrMinor === 0
        ? `No customer paid at the end of ${monthName(previousMonth(retention.from))}, so ${monthSpan(retention)} has no GRR`
        : `GRR ${monthSpan(retention)} (workspace-wide, as on Metrics): the MRR of ${countOf(retention.openingCustomers, 'customer')} paying at the end of ${monthName(previousMonth(retention.from))}, each capped at its start, kept at the end of ${monthName(retention.to)}`,
  }),
  expansion_mrr: ({ inputs, figures }) => ({
    value: figures.accounts === 0 ? null : inputs.expansionMinor,
    unit: 'usd_minor',
    basis:
      figures.accounts === 0
        ? 'No accounts in the stage'
        : `Month-end MRR expansion of ${inputs.expandedAccounts.toLocaleString('en-US')} of ${accountsText(figures.accounts)}, this month and the two before (monthly MRR facts)`,
  }),
};

/**
 * The values of a stage's chosen metrics, in its order; unknown keys (if any were stored) are left
 * out. Percentages and means to one decimal, NPS to a whole number, money in USD minor units.
 */
export function stageMetricValues(keys: readonly string[], sources: StageMetricSources): BoardStageMetric[] {
  return keys
    .filter((key): key is StageMetricKey => (stageMetricKeys as readonly string[]).includes(key))
    .map((key) => ({ key, label: stageMetricLabels[key], ...metricValueOf[key](sources) }));
}

/**
 * The journey board: a column per stage in order (accounts, ARR, overdue count, median days in
 * stage, the values of its chosen metrics), the accounts with no stage, and those in a stage name not
 * on the map. Churned accounts are left out. Aggregated queries over the accounts, whatever their
 * number: the figures, then the per-stage and the workspace-wide metric inputs (each only when a
 * stage names a metric that needs it; none with `metrics: false`, which answers several times faster
 * at 100,000 accounts).
 */
export async function getJourneyBoard(
  db: Db,
  options: { metrics?: boolean } = {},
): Promise<JourneyBoard> {
  const [stages, histogram] = await Promise.all([
    listStageRows(db, undefined, { withCounts: false }),
    boardHistogram(db),
  ]);
  const withMetrics = options.metrics ?? true;
  const chosen = new Set(withMetrics ? stages.flatMap((stage) => stage.metrics) : []);
  const needed = {
    usage: chosen.has('seat_utilisation') || chosen.has('active_users'),
    seats: chosen.has('seat_utilisation'),
    health: chosen.has('health_score'),
    nps: chosen.has('nps'),
    expansion: chosen.has('expansion_mrr'),
  };
  const [metricInputs, workspace] = await Promise.all([
    Object.values(needed).some(Boolean) ? stageMetricInputs(db, needed) : [],
    chosen.has('time_to_go_live') || chosen.has('gross_retention')
      ? workspaceMetricInputs(db, new Date())
      : NOT_READ,
  ]);
  const inputsByStage = new Map(metricInputs.map((row) => [row.stage, row]));
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
        metrics: stageMetricValues(withMetrics ? stage.metrics : [], {
          figures,
          inputs: inputsByStage.get(stage.name) ?? noInputs(stage.name),
          workspace,
        }),
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
