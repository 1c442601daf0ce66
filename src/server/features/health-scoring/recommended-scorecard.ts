import type { ScorecardDefinition } from '../../../shared/api/health.contract';

/**
 * Cycle's recommended starting scorecard: adoption, engagement, support, revenue and the CSM's own
 * read, with the traffic-light bands. The demo workspace ships it as its default scorecard, and the
 * scorecard editor offers it as a starting point. Breakpoints are common CS rules of thumb; calibrate
 * them on your own churn history (Health → Backtest).
 */
export const RECOMMENDED_SCORECARD_NAME = 'Standard health';

export const RECOMMENDED_SCORECARD: ScorecardDefinition = {
  groups: [
    { id: 'adoption', name: 'Adoption', weight: 40 },
    { id: 'engagement', name: 'Engagement', weight: 25 },
    { id: 'support', name: 'Support', weight: 15 },
    { id: 'revenue', name: 'Revenue', weight: 10 },
  ],
  measures: [
    {
      id: 'seat_utilisation',
      name: 'Seat utilisation',
      weight: 50,
      input: { kind: 'seat_utilisation' },
      windowDays: 30,
      scheme: { kind: 'linear', from: { value: 10, score: 0 }, to: { value: 70, score: 100 } },
      missingData: 'exclude',
      groupId: 'adoption',
    },
    {
      id: 'active_users_trend',
      name: 'Active users trend',
      weight: 50,
      input: { kind: 'usage_change' },
      windowDays: 30,
      scheme: { kind: 'linear', from: { value: -40, score: 0 }, to: { value: 10, score: 100 } },
      missingData: 'exclude',
      groupId: 'adoption',
    },
    {
      id: 'days_since_touch',
      name: 'Days since last touch',
      weight: 40,
      input: { kind: 'days_since_activity' },
      windowDays: 90,
      scheme: { kind: 'linear', from: { value: 14, score: 100 }, to: { value: 90, score: 0 } },
      missingData: { default: 0 },
      groupId: 'engagement',
    },
    {
      id: 'nps',
      name: 'Latest NPS',
      weight: 60,
      input: { kind: 'last_nps' },
      windowDays: 365,
      scheme: {
        kind: 'ranges',
        ranges: [
          { from: null, to: 7, score: 10 },
          { from: 7, to: 9, score: 60 },
          { from: 9, to: null, score: 100 },
        ],
      },
      missingData: 'exclude',
      groupId: 'engagement',
    },
    {
      id: 'open_tickets',
      name: 'Open tickets',
      weight: 50,
      input: { kind: 'open_tickets' },
      windowDays: 30,
      scheme: {
        kind: 'ranges',
        ranges: [
          { from: null, to: 1, score: 100 },
          { from: 1, to: 3, score: 75 },
          { from: 3, to: 6, score: 40 },
          { from: 6, to: null, score: 10 },
        ],
      },
      missingData: 'exclude',
      groupId: 'support',
    },
    {
      id: 'escalations',
      name: 'Escalations (90 days)',
      weight: 50,
      input: { kind: 'escalations' },
      windowDays: 90,
      scheme: {
        kind: 'ranges',
        ranges: [
          { from: null, to: 1, score: 100 },
          { from: 1, to: 2, score: 50 },
          { from: 2, to: null, score: 0 },
        ],
      },
      missingData: 'exclude',
      groupId: 'support',
    },
    {
      id: 'mrr_change',
      name: 'MRR change (3 months)',
      weight: 100,
      input: { kind: 'mrr_change', months: 3 },
      windowDays: 90,
      scheme: { kind: 'linear', from: { value: -30, score: 0 }, to: { value: 10, score: 100 } },
      missingData: 'exclude',
      groupId: 'revenue',
    },
    {
      id: 'csm_sentiment',
      name: 'CSM sentiment',
      weight: 10,
      input: { kind: 'sentiment' },
      windowDays: 90,
      scheme: { kind: 'category', scores: { positive: 100, neutral: 60, negative: 10 }, otherScore: 50 },
      missingData: 'exclude',
      groupId: null,
    },
  ],
  bands: [
    { name: 'Red', lower: 0, upper: 50 },
    { name: 'Yellow', lower: 50, upper: 75 },
    { name: 'Green', lower: 75, upper: 100 },
  ],
};
