import { describe, expect, it } from 'vitest';
import { addMinutes, parseCalendarDay, parseTimestamp } from './date-values';

describe('parseCalendarDay', () => {
  it('reads ISO dates, and the date part of ISO timestamps as written', () => {
    expect(parseCalendarDay('2024-02-29')).toEqual({ ok: true, value: '2024-02-29' });
    expect(parseCalendarDay('2024-03-05T23:30:00-05:00')).toEqual({ ok: true, value: '2024-03-05' });
  });

  it('never guesses a slash date: without a date format it asks for one', () => {
    expect(parseCalendarDay('05/04/2024')).toEqual({
      ok: false,
      reason: '"05/04/2024" could be day-first or month-first; set the date format (--date-format dmy or mdy; API field dateFormat), or write it as YYYY-MM-DD',
    });
    expect(parseCalendarDay('25/12/2024').ok).toBe(false);
  });

  it('reads day-first or month-first dates when the format is given', () => {
    expect(parseCalendarDay('05/04/2024', 'dmy')).toEqual({ ok: true, value: '2024-04-05' });
    expect(parseCalendarDay('05/04/2024', 'mdy')).toEqual({ ok: true, value: '2024-05-04' });
    expect(parseCalendarDay('5.4.2024', 'dmy')).toEqual({ ok: true, value: '2024-04-05' });
    expect(parseCalendarDay('2024-04-05', 'mdy')).toEqual({ ok: true, value: '2024-04-05' });
  });

  it('refuses impossible dates, 2-digit years and text', () => {
    expect(parseCalendarDay('2023-02-29')).toEqual({ ok: false, reason: '"2023-02-29" is not a calendar date: month 2 of 2023 has no day 29' });
    expect(parseCalendarDay('31/13/2024', 'dmy')).toEqual({ ok: false, reason: '"31/13/2024" has month 13; months run 1 to 12' });
    expect(parseCalendarDay('05/04/24', 'dmy')).toEqual({ ok: false, reason: '"05/04/24" has a 2-digit year; write the year with 4 digits' });
    expect(parseCalendarDay('next tuesday')).toEqual({ ok: false, reason: '"next tuesday" is not a date; write it as YYYY-MM-DD' });
    expect(parseCalendarDay('April 5', 'dmy')).toEqual({ ok: false, reason: '"April 5" is not a date; write it as YYYY-MM-DD or DD/MM/YYYY' });
  });
});

describe('parseTimestamp', () => {
  it('reads ISO timestamps with a zone, and without one as UTC', () => {
    expect(parseTimestamp('2024-03-05T10:30:00Z')).toEqual({ ok: true, value: '2024-03-05T10:30:00.000Z' });
    expect(parseTimestamp('2024-03-05 10:30+02:00')).toEqual({ ok: true, value: '2024-03-05T08:30:00.000Z' });
    expect(parseTimestamp('2024-03-05T10:30:15.250-0130')).toEqual({ ok: true, value: '2024-03-05T12:00:15.250Z' });
    expect(parseTimestamp('2024-03-05 10:30:00')).toEqual({ ok: true, value: '2024-03-05T10:30:00.000Z' });
    expect(parseTimestamp('2024-03-05')).toEqual({ ok: true, value: '2024-03-05T00:00:00.000Z' });
  });

  it('reads slash dates with a 12-hour time when the format is given', () => {
    expect(parseTimestamp('4/5/2024, 1:07 PM', 'mdy')).toEqual({ ok: true, value: '2024-04-05T13:07:00.000Z' });
    expect(parseTimestamp('05/04/2024 12:00 AM', 'dmy')).toEqual({ ok: true, value: '2024-04-05T00:00:00.000Z' });
    expect(parseTimestamp('05/04/2024 13:00 PM', 'dmy')).toEqual({ ok: false, reason: '"05/04/2024 13:00 PM" has hour 13 with PM; use 1 to 12' });
  });

  it('refuses an impossible time of day', () => {
    expect(parseTimestamp('2024-03-05T24:10:00Z')).toEqual({ ok: false, reason: '"2024-03-05T24:10:00Z" has an impossible time of day' });
  });
});

describe('addMinutes', () => {
  it('adds whole minutes across days', () => {
    expect(addMinutes('2024-01-01T23:30:00.000Z', 90)).toBe('2024-01-02T01:00:00.000Z');
  });
});
