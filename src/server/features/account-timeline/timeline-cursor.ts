import { badRequest } from '../../http/problem';

/**
 * Where a timeline page ends: the entry's moment in microseconds since the epoch (PostgreSQL's
 * precision, which a JavaScript Date would cut to milliseconds) and its unique key, which orders
 * entries of the same moment. Encoded as base64url so it travels in a query string untouched.
 */
export interface TimelineCursor {
  atMicros: string;
  key: string;
}

const KEY_PATTERN = /^(activity|ticket-opened|ticket-resolved|survey|health|revenue):[0-9A-Za-z-]{1,64}$/;

/** Encodes a cursor, e.g. `{ atMicros: '1767225600000000', key: 'activity:…' }` → "MTc2N…". */
export function encodeTimelineCursor(cursor: TimelineCursor): string {
  return Buffer.from(`${cursor.atMicros}~${cursor.key}`, 'utf8').toString('base64url');
}

/** Decodes the `before` query value; a value this server did not hand out is a 400 naming the field. */
export function decodeTimelineCursor(value: string): TimelineCursor {
  const text = Buffer.from(value, 'base64url').toString('utf8');
  const separator = text.indexOf('~');
  const atMicros = text.slice(0, separator);
  const key = text.slice(separator + 1);
  if (separator < 1 || !/^-?\d{1,19}$/.test(atMicros) || !KEY_PATTERN.test(key)) {
    throw badRequest(
      'query.before: not a timeline cursor; pass the nextCursor of the previous page as is, or leave it out for the newest entries.',
      [{ field: 'query.before', message: 'not a cursor handed out by this endpoint' }],
    );
  }
  return { atMicros, key };
}
