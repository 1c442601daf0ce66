import type { BacktestBody } from '../../../api/health-api';

/** What counts as churn: leaving within a horizon after an as-of date, or a churn column (trait) with a value. */
export type OutcomeMode = 'horizon' | 'column';

/** The backtest form; it lives in the URL query string so a link shares the backtest and its result. */
export interface BacktestView {
  /** '' for the default scorecard. */
  scorecardId: string;
  mode: OutcomeMode;
  /** YYYY-MM-DD; '' for the default (today − horizon − 1 day). */
  asOf: string;
  horizonDays: number;
  outcomeField: string;
  outcomeValue: string;
  /** Whether the URL asks for the result (the form was submitted), not just the form. */
  run: boolean;
}

export const DEFAULT_HORIZON_DAYS = 90;

export const defaultBacktestView: BacktestView = {
  scorecardId: '',
  mode: 'horizon',
  asOf: '',
  horizonDays: DEFAULT_HORIZON_DAYS,
  outcomeField: '',
  outcomeValue: '',
  run: false,
};

/** The latest as-of date whose horizon has fully passed: today − horizon − 1 day (UTC), e.g. 2026-11-01, 90 → 2026-08-02. */
export function defaultAsOf(today: string, horizonDays: number): string {
  return new Date(Date.parse(`${today}T00:00:00Z`) - (horizonDays + 1) * 86_400_000)
    .toISOString()
    .slice(0, 10);
}

function isDate(value: string | null): value is string {
  return (
    value !== null && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`))
  );
}

/** Reads the view from the URL, ignoring values the backtest cannot use (a hand-edited link stays usable). */
export function readBacktestView(params: URLSearchParams): BacktestView {
  const horizon = Number(params.get('horizon'));
  const mode: OutcomeMode = params.get('outcome') === 'column' ? 'column' : 'horizon';
  const asOf = params.get('asOf');
  return {
    scorecardId: params.get('scorecard') ?? '',
    mode,
    asOf: isDate(asOf) ? asOf : '',
    horizonDays: Number.isInteger(horizon) && horizon >= 7 && horizon <= 730 ? horizon : DEFAULT_HORIZON_DAYS,
    outcomeField: params.get('field') ?? '',
    outcomeValue: params.get('value') ?? '',
    run: params.get('run') === '1',
  };
}

/** The query string for a view, leaving out defaults and the other mode's fields. */
export function writeBacktestView(view: BacktestView): URLSearchParams {
  const params = new URLSearchParams();
  if (view.scorecardId) params.set('scorecard', view.scorecardId);
  if (view.mode === 'column') {
    params.set('outcome', 'column');
    if (view.outcomeField.trim()) params.set('field', view.outcomeField.trim());
    if (view.outcomeValue.trim()) params.set('value', view.outcomeValue.trim());
  } else {
    if (view.asOf) params.set('asOf', view.asOf);
    if (view.horizonDays !== DEFAULT_HORIZON_DAYS) params.set('horizon', String(view.horizonDays));
  }
  if (view.run) params.set('run', '1');
  return params;
}

/** The request for POST /health/backtest (and /calibrate), or null while the view is not run or not complete. */
export function toBacktestBody(view: BacktestView, today: string): BacktestBody | null {
  if (!view.run) return null;
  const scorecard = view.scorecardId ? { scorecardId: view.scorecardId } : {};
  if (view.mode === 'column') {
    const field = view.outcomeField.trim();
    const value = view.outcomeValue.trim();
    if (!field || !value) return null;
    return { ...scorecard, outcomeField: field, outcomeValue: value };
  }
  return {
    ...scorecard,
    asOf: view.asOf || defaultAsOf(today, view.horizonDays),
    horizonDays: view.horizonDays,
  };
}
