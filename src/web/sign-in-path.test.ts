import { describe, expect, it } from 'vitest';
import { safeNextPath, signInPath } from './sign-in-path';

describe('sign-in redirects', () => {
  it('remembers the page and its view state', () => {
    expect(signInPath({ pathname: '/accounts', search: '?status=active' })).toBe(
      '/login?next=%2Faccounts%3Fstatus%3Dactive',
    );
    expect(signInPath({ pathname: '/', search: '' })).toBe('/login');
  });

  it('only goes back to paths on this site', () => {
    expect(safeNextPath('/accounts/1?tab=contacts')).toBe('/accounts/1?tab=contacts');
    expect(safeNextPath('https://evil.example')).toBe('/');
    expect(safeNextPath('//evil.example')).toBe('/');
    expect(safeNextPath('/login')).toBe('/');
    expect(safeNextPath(null)).toBe('/');
  });
});
