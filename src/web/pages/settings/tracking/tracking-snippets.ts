/**
 * Ready-to-paste examples for a new write key. `host` is where this Cycle server is reached
 * (the page's own origin), so the examples work as they are.
 */

/** The unmodified `@segment/analytics-node` client, pointed at Cycle instead of Segment. */
export function nodeSnippet(writeKey: string, host: string): string {
  return [
    "import { Analytics } from '@segment/analytics-node';",
    '',
    `const analytics = new Analytics({ writeKey: '${writeKey}', host: '${host}' });`,
    '',
    "// groupId is the account's external id in Cycle: it ties the user's events to that account.",
    "analytics.group({ userId: 'u-42', groupId: 'acme-1', traits: { name: 'Acme' } });",
    "analytics.track({ userId: 'u-42', event: 'Report Run', properties: { rows: 120 } });",
    'await analytics.closeAndFlush();',
  ].join('\n');
}

/** One track call with curl: the write key is the HTTP Basic user name, with an empty password. */
export function curlSnippet(writeKey: string, host: string): string {
  return [
    `curl -u '${writeKey}:' ${host}/v1/track \\`,
    "  -H 'Content-Type: application/json' \\",
    `  -d '{"userId": "u-42", "event": "Report Run", "properties": {"rows": 120}}'`,
  ].join('\n');
}
