import { describe, expect, it } from 'vitest';
import {
  defaultAsOf,
  defaultBacktestView,
  readBacktestView,
  toBacktestBody,
  writeBacktestView,
} from './backtest-view';

describe('backtest view in the URL', () => {
  it('defaults the as-of date to today minus the horizon minus one day', () => {
    expect(defaultAsOf('2026-11-01', 90)).toBe('2026-08-02');
    expect(defaultAsOf('2026-03-01', 7)).toBe('2026-02-21');
  });

  it('round-trips a churn-column backtest and leaves out the horizon fields', () => {
    const view = {
      ...defaultBacktestView,
      scorecardId: 'abc',
      mode: 'column' as const,
      outcomeField: ' Churn ',
      outcomeValue: 'Yes',
      run: true,
    };
    const params = writeBacktestView(view);
    expect(params.toString()).toBe('scorecard=abc&outcome=column&field=Churn&value=Yes&run=1');
    expect(readBacktestView(params)).toEqual({ ...view, outcomeField: 'Churn' });
    expect(toBacktestBody(readBacktestView(params), '2026-11-01')).toEqual({
      scorecardId: 'abc',
      outcomeField: 'Churn',
      outcomeValue: 'Yes',
    });
  });

  it('asks the server for the default as-of date when none is chosen', () => {
    const view = readBacktestView(new URLSearchParams('horizon=30&run=1'));
    expect(toBacktestBody(view, '2026-11-01')).toEqual({ asOf: '2026-10-01', horizonDays: 30 });
  });

  it('does not run before the form is submitted, or with half a churn column', () => {
    expect(toBacktestBody(readBacktestView(new URLSearchParams('')), '2026-11-01')).toBeNull();
    expect(
      toBacktestBody(readBacktestView(new URLSearchParams('outcome=column&field=Churn&run=1')), '2026-11-01'),
    ).toBeNull();
  });

  it('ignores values it cannot use', () => {
    const view = readBacktestView(new URLSearchParams('horizon=5&asOf=yesterday&outcome=other'));
    expect(view).toEqual(defaultBacktestView);
  });
});
