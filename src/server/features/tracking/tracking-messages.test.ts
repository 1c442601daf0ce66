import { describe, expect, it } from 'vitest';
import { ProblemError } from '../../http/problem';
import { MESSAGE_LIMIT_BYTES, parseTrackingBody } from './tracking-messages';

const receivedAt = new Date('2026-11-24T10:00:00.000Z');
const track = { type: 'track', userId: 'u-1', event: 'Report Viewed', messageId: 'm-1' };

function problemsOf(body: unknown): ProblemError | undefined {
  try {
    parseTrackingBody(JSON.stringify(body), 'batch', receivedAt);
    return undefined;
  } catch (error) {
    return error as ProblemError;
  }
}

/** A message's exact size as JSON, the way the limit counts it. */
const bytesOf = (message: unknown) => Buffer.byteLength(JSON.stringify(message));

describe('the 32 KB limit per message', () => {
  it('counts every part of the message, not only properties and context', () => {
    const big = { ...track, note: 'x'.repeat(33 * 1024) };
    const problem = problemsOf({ batch: [track, big] });
    expect(problem?.status).toBe(400);
    expect(problem?.errors).toEqual([
      { field: 'batch[1]', message: 'is 34 KB; a message may be at most 32 KB' },
    ]);
  });

  it('accepts a message just under the limit whose short fields are full of characters JSON escapes', () => {
    // The quick bound (6 bytes per character of the short fields) is over the limit here, so the
    // message is measured exactly: 32,767 bytes, accepted.
    const event = '"\\'.repeat(100);
    const base = { ...track, event, properties: { blob: '' }, context: {} };
    const message = { ...base, properties: { blob: 'y'.repeat(MESSAGE_LIMIT_BYTES - 1 - bytesOf(base)) } };
    expect(bytesOf(message)).toBe(MESSAGE_LIMIT_BYTES - 1);
    const parsed = parseTrackingBody(JSON.stringify({ batch: [message] }), 'batch', receivedAt);
    expect(parsed.messages.map((item) => item.event)).toEqual([event]);
  });

  it('refuses the same message one byte over the limit', () => {
    const event = '"\\'.repeat(100);
    const base = { ...track, event, properties: { blob: '' }, context: {} };
    const message = { ...base, properties: { blob: 'y'.repeat(MESSAGE_LIMIT_BYTES + 1 - bytesOf(base)) } };
    expect(bytesOf(message)).toBe(MESSAGE_LIMIT_BYTES + 1);
    expect(problemsOf({ batch: [message] })?.errors).toEqual([
      { field: 'batch[0]', message: 'is 33 KB; a message may be at most 32 KB' },
    ]);
  });

  it('measures traits and other nested values exactly', () => {
    const identify = { type: 'identify', userId: 'u-1', traits: { bio: 'z'.repeat(MESSAGE_LIMIT_BYTES) } };
    expect(problemsOf({ batch: [identify] })?.errors).toEqual([
      { field: 'batch[0]', message: 'is 33 KB; a message may be at most 32 KB' },
    ]);
  });
});

describe('where a problem is', () => {
  it('names the message by its place in the batch, or the body for a single call', () => {
    expect(problemsOf({ batch: [track, { ...track, timestamp: 'soon' }] })?.errors).toEqual([
      { field: 'batch[1].timestamp', message: 'must be an ISO 8601 time, e.g. 2026-11-24T10:15:00.000Z' },
    ]);
    let single: ProblemError | undefined;
    try {
      parseTrackingBody(JSON.stringify({ ...track, timestamp: 'soon' }), 'track', receivedAt);
    } catch (error) {
      single = error as ProblemError;
    }
    expect(single?.errors).toEqual([
      { field: 'body.timestamp', message: 'must be an ISO 8601 time, e.g. 2026-11-24T10:15:00.000Z' },
    ]);
  });
});
