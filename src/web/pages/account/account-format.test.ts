import { describe, expect, it } from 'vitest';
import {
  describeHealthChange,
  formatCsat,
  formatHours,
  formatStage,
  parseTimelineKinds,
  serializeTimelineKinds,
  sortContactsByRole,
} from './account-format';

describe('Account 360 formatting', () => {
  it('title-cases lifecycle stages as stored, keeping capitals', () => {
    expect(formatStage('adoption')).toBe('Adoption');
    expect(formatStage('value_realisation')).toBe('Value Realisation');
    expect(formatStage('at-risk')).toBe('At Risk');
    expect(formatStage('EBR prep')).toBe('EBR Prep');
    expect(formatStage('  ')).toBe('—');
    expect(formatStage(null)).toBe('—');
  });

  it('reads the timeline kinds from the URL and writes them back, all kinds being no parameter', () => {
    expect(parseTimelineKinds(null)).toEqual(['activity', 'ticket', 'survey', 'health', 'revenue']);
    expect(parseTimelineKinds('revenue,activity,bogus')).toEqual(['activity', 'revenue']);
    expect(parseTimelineKinds('none')).toEqual([]);
    expect(serializeTimelineKinds(['revenue', 'activity'])).toBe('activity,revenue');
    expect(serializeTimelineKinds(['activity', 'ticket', 'survey', 'health', 'revenue'])).toBeNull();
    expect(serializeTimelineKinds([])).toBe('none');
  });

  it('describes a health change: first score, band change, or a move of points', () => {
    expect(
      describeHealthChange(
        { score: 70, band: 'Yellow', previousScore: null, previousBand: null, change: null },
        'en-US',
      ),
    ).toBe('First health score: 70.00 (Yellow)');
    expect(
      describeHealthChange(
        { score: 76.5, band: 'Green', previousScore: 72, previousBand: 'Yellow', change: 4.5 },
        'en-US',
      ),
    ).toBe('Band Yellow → Green, 72.00 → 76.50 (+4.50)');
    expect(
      describeHealthChange(
        { score: 60, band: 'Green', previousScore: 83, previousBand: 'Green', change: -23 },
        'en-US',
      ),
    ).toBe('Score fell 83.00 → 60.00 (−23.00)');
  });

  it('formats hours and CSAT, with a dash for no value', () => {
    expect(formatHours(8, 'en-US')).toBe('8 h');
    expect(formatHours(36.25, 'en-US')).toBe('36.3 h');
    expect(formatHours(null, 'en-US')).toBe('—');
    expect(formatCsat(4, 'en-US')).toBe('4.00 / 5');
    expect(formatCsat(null, 'en-US')).toBe('—');
  });

  it('puts exec sponsors and champions first, then advocates, then by name', () => {
    const contacts = [
      { name: 'Zed', roles: [], isAdvocate: false },
      { name: 'Amy', roles: ['user'], isAdvocate: true },
      { name: 'Bob', roles: ['power_user', 'champion'], isAdvocate: false },
      { name: 'Cat', roles: ['exec_sponsor'], isAdvocate: false },
      { name: 'Abe', roles: ['user'], isAdvocate: false },
    ];
    expect(sortContactsByRole(contacts).map((contact) => contact.name)).toEqual([
      'Cat',
      'Bob',
      'Amy',
      'Abe',
      'Zed',
    ]);
  });
});
