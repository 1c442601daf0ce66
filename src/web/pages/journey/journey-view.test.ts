import { describe, expect, it } from 'vitest';
import { boardAccountsQuery, readJourneyView, writeJourneyView } from './journey-view';

describe('journey board view in the URL', () => {
  it('reads a shared link back into the same drill-down', () => {
    const view = readJourneyView(new URLSearchParams('stage=abc&overdue=true&sort=-arr&page=3'));
    expect(view).toEqual({ stage: 'abc', filter: 'overdue', sort: '-arr', page: 3 });
    expect(writeJourneyView(view).toString()).toBe('stage=abc&overdue=true&sort=-arr&page=3');
    expect(boardAccountsQuery(view)).toEqual({ overdue: 'true', sort: '-arr', page: 3, pageSize: 25 });
  });

  it('ignores values it cannot use and leaves defaults out of the link', () => {
    const view = readJourneyView(new URLSearchParams('overdue=maybe&sort=bogus&page=-2'));
    expect(view).toEqual({ stage: null, filter: 'all', sort: '-daysInStage', page: 1 });
    expect(writeJourneyView(view).toString()).toBe('');
    expect(boardAccountsQuery({ ...view, filter: 'on_track' }).overdue).toBe('false');
  });
});
