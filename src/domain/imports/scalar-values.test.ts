import { describe, expect, it } from 'vitest';
import { normaliseWord, parseBoolean, parseChoice, parseDomain, parseEmail, parseWholeNumber, splitList } from './scalar-values';

describe('parseBoolean', () => {
  it('reads Yes/No, true/false and 1/0 in any case', () => {
    expect(['Yes', 'NO', 'true', 'False', '1', '0'].map((text) => parseBoolean(text))).toEqual([
      { ok: true, value: true },
      { ok: true, value: false },
      { ok: true, value: true },
      { ok: true, value: false },
      { ok: true, value: true },
      { ok: true, value: false },
    ]);
    expect(parseBoolean('maybe')).toEqual({ ok: false, reason: '"maybe" is not a yes/no value; use Yes, No, true, false, 1 or 0' });
  });
});

describe('parseWholeNumber', () => {
  it('reads digits, thousands separators and a zero fraction', () => {
    expect([parseWholeNumber('42'), parseWholeNumber('1,200'), parseWholeNumber('12.0'), parseWholeNumber('-5')]).toEqual([
      { ok: true, value: 42 },
      { ok: true, value: 1200 },
      { ok: true, value: 12 },
      { ok: true, value: -5 },
    ]);
  });

  it('refuses words, fractions and values out of bounds', () => {
    expect(parseWholeNumber('twelve')).toEqual({ ok: false, reason: '"twelve" is not a number; write digits only, e.g. 42' });
    expect(parseWholeNumber('1.5')).toEqual({ ok: false, reason: '"1.5" is not a whole number' });
    expect(parseWholeNumber('-1', { min: 0 })).toEqual({ ok: false, reason: '-1 is below the minimum of 0' });
    expect(parseWholeNumber('6', { min: 1, max: 5 })).toEqual({ ok: false, reason: '6 is above the maximum of 5' });
  });
});

describe('parseChoice', () => {
  it('matches case-insensitively, with spaces or hyphens as underscores, and through synonyms', () => {
    expect(normaliseWord(' On-Hold ')).toBe('on_hold');
    expect(parseChoice('On Hold', ['open', 'on_hold'])).toEqual({ ok: true, value: 'on_hold' });
    expect(parseChoice('Hold', ['open', 'on_hold'], { hold: 'on_hold' })).toEqual({ ok: true, value: 'on_hold' });
    expect(parseChoice('closed', ['open', 'on_hold'])).toEqual({ ok: false, reason: '"closed" is not one of: open, on_hold' });
  });
});

describe('lists, emails and domains', () => {
  it('splits lists on ; | and ,', () => {
    expect(splitList('champion; billing|user,, ')).toEqual(['champion', 'billing', 'user']);
  });

  it('reads emails lower-case', () => {
    expect(parseEmail(' Ana@Example.COM ')).toEqual({ ok: true, value: 'ana@example.com' });
    expect(parseEmail('ana at example')).toEqual({ ok: false, reason: '"ana at example" is not an email address' });
  });

  it('reduces a URL to its domain', () => {
    expect(parseDomain('https://www.Acme.example:8443/about?x=1')).toEqual({ ok: true, value: 'acme.example' });
    expect(parseDomain('umbrella.example/eu')).toEqual({ ok: true, value: 'umbrella.example' });
    expect(parseDomain('not a domain')).toEqual({ ok: false, reason: '"not a domain" is not a web domain; write it like example.com' });
  });
});
