import { describe, expect, it } from 'vitest';
import { scoreTrend } from './score-trend';

describe('score trend', () => {
  it('compares today with the scores exactly 7 and 30 days earlier', () => {
    const history = [
      { date: '2024-04-01', score: 80 },
      { date: '2024-04-24', score: 70 },
      { date: '2024-05-01', score: 64.5 },
    ];
    expect(scoreTrend(history, '2024-05-01')).toEqual({
      current: { date: '2024-05-01', score: 64.5 },
      vs7Days: { status: 'known', change: -5.5, fromDate: '2024-04-24', fromScore: 70 },
      vs30Days: { status: 'known', change: -15.5, fromDate: '2024-04-01', fromScore: 80 },
    });
  });

  it('uses the latest earlier snapshot when a day has none, and the last one listed on a day with several', () => {
    const history = [
      { date: '2024-03-10', score: 30 },
      { date: '2024-03-28', score: 40 },
      { date: '2024-03-28', score: 45 },
      { date: '2024-03-20', score: 50 },
    ];
    const trend = scoreTrend(history, '2024-04-05');
    expect(trend.current).toEqual({ date: '2024-03-28', score: 45 });
    expect(trend.vs7Days).toEqual({ status: 'known', change: 0, fromDate: '2024-03-28', fromScore: 45 });
    expect(trend.vs30Days).toEqual({
      status: 'unknown',
      reason: 'No score on or before 2024-03-06 (30 days before 2024-04-05)',
    });
  });

  it('has no trend without a current score', () => {
    expect(scoreTrend([], '2024-01-01').vs7Days).toEqual({
      status: 'unknown',
      reason: 'No score on or before 2024-01-01',
    });
  });
});
