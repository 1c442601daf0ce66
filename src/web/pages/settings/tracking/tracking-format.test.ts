import { describe, expect, it } from 'vitest';
import { summarizeTraits } from './tracking-format';
import { curlSnippet, nodeSnippet } from './tracking-snippets';

describe('summarizeTraits', () => {
  it('says so when a group has no traits', () => {
    expect(summarizeTraits({})).toBe('No traits');
  });

  it('shows the first three traits and counts the rest', () => {
    expect(summarizeTraits({ name: 'Acme', plan: 'Enterprise', seats: 40, region: 'EU', tier: 'A' })).toBe(
      'name: Acme · plan: Enterprise · seats: 40 +2 more',
    );
  });

  it('shows objects as JSON and cuts long values', () => {
    expect(summarizeTraits({ address: { city: 'Berlin' }, note: 'x'.repeat(50) })).toBe(
      `address: {"city":"Berlin"} · note: ${'x'.repeat(39)}…`,
    );
  });
});

describe('write key snippets', () => {
  it('points the Segment Node.js client at this server with the new key', () => {
    const snippet = nodeSnippet('cwk_abc', 'https://cycle.example.com');
    expect(snippet).toContain("new Analytics({ writeKey: 'cwk_abc', host: 'https://cycle.example.com' })");
    expect(snippet).toContain('await analytics.closeAndFlush();');
  });

  it('sends a track call with the key as the Basic auth user name', () => {
    expect(curlSnippet('cwk_abc', 'http://127.0.0.1:3000')).toBe(
      [
        "curl -u 'cwk_abc:' http://127.0.0.1:3000/v1/track \\",
        "  -H 'Content-Type: application/json' \\",
        `  -d '{"userId": "u-42", "event": "Report Run", "properties": {"rows": 120}}'`,
      ].join('\n'),
    );
  });
});
