import type { MovementAccounts } from '../../../shared/api/metrics.contract';

export type MovementKind = MovementAccounts['items'][number]['movement'];

/** The five MRR movements in the order they are shown: gains, then losses (a type import keeps zod out of the bundle). */
export const movementKinds = [
  'new',
  'expansion',
  'reactivation',
  'contraction',
  'churn',
] as const satisfies readonly MovementKind[];

export const metricsTabs = ['revenue', 'retention', 'churn', 'cohorts', 'breakdown'] as const;
export type MetricsTab = (typeof metricsTabs)[number];

export const cohortModes = ['logos', 'revenue'] as const;
export type CohortMode = (typeof cohortModes)[number];

/** The account columns the breakdown endpoint groups by; `trait:<key>` is any account trait. */
export const breakdownDimensions = [
  'tier',
  'segment',
  'owner',
  'industry',
  'region',
  'status',
  'stage',
  'plan',
] as const;
const dimensionPattern =
  /^(tier|segment|owner|industry|region|status|stage|plan|trait:[A-Za-z0-9_ .-]{1,100})$/;

/**
 * The accounts behind a figure, shown in a drawer: one movement (or all) in one month (or the whole
 * period), optionally in one breakdown group ('' = accounts without a value) or one churn reason.
 */
export interface AccountsDrill {
  movement: MovementKind | 'all';
  month: string | null;
  group: string | null;
  reason: string | null;
}

/** What the metrics page shows; it lives in the URL query string so a link shares it. */
export interface MetricsView {
  /** First and last month of the period, 'YYYY-MM', both included. */
  from: string;
  to: string;
  /** Breakdown dimension, '' for none. */
  by: string;
  tab: MetricsTab;
  cohorts: CohortMode;
  drill: AccountsDrill | null;
}

const monthPattern = /^\d{4}-(0[1-9]|1[0-2])$/;

export function isMonth(value: string | null): value is string {
  return value !== null && monthPattern.test(value);
}

/** The UTC calendar month of a moment, 'YYYY-MM'. */
export function monthOf(now: Date): string {
  return now.toISOString().slice(0, 7);
}

/** `month` moved by `count` months (negative goes back), without going through Date. */
export function addMonths(month: string, count: number): string {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  const index = year * 12 + (monthNumber - 1) + count;
  const nextYear = Math.floor(index / 12);
  return `${String(nextYear).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** Months from `from` to `to`, both included; 1 when they are equal. */
export function monthCount(from: string, to: string): number {
  const [fromYear, fromMonth] = from.split('-').map(Number) as [number, number];
  const [toYear, toMonth] = to.split('-').map(Number) as [number, number];
  return (toYear - fromYear) * 12 + (toMonth - fromMonth) + 1;
}

export const periodPresets = ['last-12', 'this-year', 'last-year', 'last-24'] as const;
export type PeriodPreset = (typeof periodPresets)[number];

export const periodPresetLabels: Record<PeriodPreset, string> = {
  'last-12': 'Last 12 months',
  'this-year': 'This year',
  'last-year': 'Last year',
  'last-24': 'Last 24 months',
};

/**
 * The months of a preset, counted from the current month. "Last 12/24 months" are full months
 * (the current one is still running, as the API's default); "this year" runs to the current month.
 */
export function presetPeriod(preset: PeriodPreset, now: Date = new Date()): { from: string; to: string } {
  const current = monthOf(now);
  const year = Number(current.slice(0, 4));
  switch (preset) {
    case 'last-12':
      return { from: addMonths(current, -12), to: addMonths(current, -1) };
    case 'last-24':
      return { from: addMonths(current, -24), to: addMonths(current, -1) };
    case 'this-year':
      return { from: `${year}-01`, to: current };
    case 'last-year':
      return { from: `${year - 1}-01`, to: `${year - 1}-12` };
  }
}

/** Which preset a period is, or 'custom'. */
export function presetOf(
  period: { from: string; to: string },
  now: Date = new Date(),
): PeriodPreset | 'custom' {
  return (
    periodPresets.find((preset) => {
      const candidate = presetPeriod(preset, now);
      return candidate.from === period.from && candidate.to === period.to;
    }) ?? 'custom'
  );
}

export function isBreakdownDimension(value: string): boolean {
  return dimensionPattern.test(value);
}

function isTab(value: string | null): value is MetricsTab {
  return (metricsTabs as readonly (string | null)[]).includes(value);
}

function isMovement(value: string | null): value is MovementKind {
  return (movementKinds as readonly (string | null)[]).includes(value);
}

export function defaultMetricsView(now: Date = new Date()): MetricsView {
  return { ...presetPeriod('last-12', now), by: '', tab: 'revenue', cohorts: 'logos', drill: null };
}

function readDrill(params: URLSearchParams): AccountsDrill | null {
  const kind = params.get('drill');
  if (kind !== 'all' && !isMovement(kind)) return null;
  const month = params.get('drillMonth');
  return {
    movement: kind,
    month: isMonth(month) ? month : null,
    group: params.get('drillGroup'),
    reason: params.get('drillReason') || null,
  };
}

/**
 * Reads the view from the URL, ignoring values the page cannot use (a hand-edited link stays usable).
 * A period whose end is before its start is turned around.
 */
export function readMetricsView(params: URLSearchParams, now: Date = new Date()): MetricsView {
  const defaults = defaultMetricsView(now);
  const fromParam = params.get('from');
  const toParam = params.get('to');
  let from = isMonth(fromParam) ? fromParam : defaults.from;
  let to = isMonth(toParam) ? toParam : defaults.to;
  if (isMonth(fromParam) && !isMonth(toParam) && from > to) to = from;
  if (!isMonth(fromParam) && isMonth(toParam) && from > to) from = addMonths(to, -11);
  if (from > to) [from, to] = [to, from];
  const by = params.get('by') ?? '';
  const tab = params.get('tab');
  return {
    from,
    to,
    by: isBreakdownDimension(by) ? by : '',
    tab: isTab(tab) ? tab : defaults.tab,
    cohorts: params.get('cohorts') === 'revenue' ? 'revenue' : 'logos',
    drill: readDrill(params),
  };
}

/** The query string of a view, leaving out defaults so shared links stay short. */
export function writeMetricsView(view: MetricsView, now: Date = new Date()): URLSearchParams {
  const defaults = defaultMetricsView(now);
  const params = new URLSearchParams();
  if (view.from !== defaults.from || view.to !== defaults.to) {
    params.set('from', view.from);
    params.set('to', view.to);
  }
  if (view.by) params.set('by', view.by);
  if (view.tab !== defaults.tab) params.set('tab', view.tab);
  if (view.cohorts !== defaults.cohorts) params.set('cohorts', view.cohorts);
  if (view.drill) {
    params.set('drill', view.drill.movement);
    if (view.drill.month) params.set('drillMonth', view.drill.month);
    if (view.drill.group !== null) params.set('drillGroup', view.drill.group);
    if (view.drill.reason) params.set('drillReason', view.drill.reason);
  }
  return params;
}

const dimensionLabels: Record<(typeof breakdownDimensions)[number], string> = {
  tier: 'Tier',
  segment: 'Segment',
  owner: 'Owner (CSM)',
  industry: 'Industry',
  region: 'Region',
  status: 'Status',
  stage: 'Lifecycle stage',
  plan: 'Plan',
};

/** A breakdown dimension for people: "tier" → "Tier", "trait:employees" → "Trait: employees". */
export function dimensionLabel(by: string): string {
  if (by.startsWith('trait:')) return `Trait: ${by.slice('trait:'.length)}`;
  return dimensionLabels[by as keyof typeof dimensionLabels] ?? by;
}
