import { randomUUID } from 'node:crypto';
import { badRequest, type ProblemItem } from '../../http/problem';

/** Segment's limits: 32 KB per message, 500 KB per request body. */
export const MESSAGE_LIMIT_BYTES = 32 * 1024;
export const BATCH_LIMIT_BYTES = 500 * 1024;
/** A batch may hold at most this many messages (Segment's HTTP API takes up to 2,500 under 500 KB). */
export const BATCH_MESSAGE_LIMIT = 2_500;

export const trackingTypes = ['track', 'identify', 'group', 'page', 'screen', 'alias'] as const;
export type TrackingType = (typeof trackingTypes)[number];

/** One message as Cycle keeps it: validated, with its time corrected for the sender's clock. */
export interface TrackingMessage {
  type: TrackingType;
  /** The sender's idempotency key; one is made up when the sender gave none (then replays are not recognised). */
  messageId: string;
  userId: string | null;
  anonymousId: string | null;
  /** `user:<userId>` when there is a userId, else `anon:<anonymousId>`. */
  userKey: string;
  /** When it happened: receivedAt − (sentAt − timestamp) when the sender said when it sent the batch. */
  timestamp: Date;
  /** track: the event name; page and screen: their name ("" when none). */
  event: string;
  properties: Record<string, unknown>;
  traits: Record<string, unknown>;
  context: Record<string, unknown>;
  /** `properties` and `context` as JSON, serialised once for the size check and reused to store them. */
  propertiesJson: string;
  contextJson: string;
  groupId: string | null;
  previousId: string | null;
}

export interface ParsedTrackingBody {
  /** The write key given in the body (`writeKey`), if any; HTTP Basic auth takes precedence. */
  writeKey: string | null;
  messages: TrackingMessage[];
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A string id from a string or a number (Segment allows both); null when absent or empty. */
function idOf(value: unknown): string | null {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'string' && value.trim() !== '') return value;
  return null;
}

/**
 * Parses and validates a tracking request body (the raw text, already within BATCH_LIMIT_BYTES).
 * `type` is the endpoint's message type, or 'batch' for /v1/batch. Every problem is reported at once,
 * with where it is (`batch[3].properties`) and how to fix it; nothing is accepted when any message is
 * wrong, so a client never has to guess which half of a batch landed.
 */
export function parseTrackingBody(
  raw: string,
  type: TrackingType | 'batch',
  receivedAt: Date,
): ParsedTrackingBody {
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch (error) {
    throw badRequest(`The body is not valid JSON (${(error as Error).message}). Send a JSON object.`, [
      { field: 'body', message: 'malformed JSON' },
    ]);
  }
  if (!isObject(body))
    throw badRequest('The body must be a JSON object.', [{ field: 'body', message: 'not an object' }]);
  const problems: ProblemItem[] = [];
  const writeKey = typeof body.writeKey === 'string' && body.writeKey !== '' ? body.writeKey : null;
  const batchSentAt = parseTime(body.sentAt, () => 'body.sentAt', problems);

  let items: unknown[];
  if (type === 'batch') {
    if (!Array.isArray(body.batch) || body.batch.length === 0) {
      throw badRequest('body.batch must be a non-empty array of messages.', [
        { field: 'body.batch', message: 'missing or empty' },
      ]);
    }
    if (body.batch.length > BATCH_MESSAGE_LIMIT) {
      throw badRequest(
        `body.batch holds ${body.batch.length} messages; send at most ${BATCH_MESSAGE_LIMIT} per request.`,
        [{ field: 'body.batch', message: `more than ${BATCH_MESSAGE_LIMIT} messages` }],
      );
    }
    items = body.batch;
  } else {
    items = [body];
  }
  const endpointType = type === 'batch' ? null : type;
  // Where a message is, for its problems: only built when there is one.
  const whereOf = (index: number) => (type === 'batch' ? `batch[${index}]` : 'body');

  // PostgreSQL stores no NUL character and no lone surrogate (half of a UTF-16 pair) in text or
  // jsonb; JSON can only carry either escaped, so only a body with such an escape is searched.
  const mayHoldBadText = raw.includes('\\u0000') || raw.includes('\\ud') || raw.includes('\\uD');
  const messages: TrackingMessage[] = [];
  for (let index = 0; index < items.length; index += 1) {
    const value = items[index];
    if (mayHoldBadText && holdsBadText(value)) {
      problems.push({
        field: whereOf(index),
        message:
          'contains a NUL character (\\u0000) or half of a UTF-16 surrogate pair, which cannot be stored; remove it',
      });
      continue;
    }
    const message = parseMessage(
      value,
      () => whereOf(index),
      endpointType,
      batchSentAt,
      receivedAt,
      problems,
    );
    if (message) messages.push(message);
  }
  if (problems.length > 0) {
    const shown = problems.slice(0, 5).map((problem) => `${problem.field}: ${problem.message}`);
    throw badRequest(
      `${problems.length} problem${problems.length === 1 ? '' : 's'} in the request, nothing was stored: ${shown.join('; ')}${problems.length > 5 ? '; …' : ''}.`,
      problems.slice(0, 100),
    );
  }
  return { writeKey, messages };
}

/** Whether a string holds a NUL character or a lone surrogate. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const badText = (text: string) => text.includes('\u0000') || LONE_SURROGATE.test(text);

/** Whether any string or key of a parsed JSON value holds a NUL character or a lone surrogate. */
function holdsBadText(value: unknown): boolean {
  if (typeof value === 'string') return badText(value);
  if (Array.isArray(value)) return value.some(holdsBadText);
  if (isObject(value)) return Object.entries(value).some(([key, item]) => badText(key) || holdsBadText(item));
  return false;
}

/** `,"properties":` and `,"context":` — what the parts add to the message's JSON besides their values. */
const PART_KEYS_BYTES = 25;

/**
 * The message's size as JSON in bytes, or an upper bound of it when the bound is within the limit.
 * properties and context count as serialised. The rest of a track or page call is a few short
 * strings, whose JSON takes at most 6 bytes per UTF-16 unit (a control character becomes \u00XX)
 * plus quotes, colon and comma, and a number at most 24 characters. Only when that bound is over the
 * limit (big traits, nested values) is the rest serialised and measured exactly.
 */
function messageBytes(value: Json, propertiesJson: string, contextJson: string): number {
  const parts = Buffer.byteLength(propertiesJson) + Buffer.byteLength(contextJson) + PART_KEYS_BYTES;
  let bound = parts + 2;
  for (const key in value) {
    if (key === 'properties' || key === 'context') continue;
    const item = value[key];
    bound += 6 * key.length + 4;
    if (typeof item === 'string') bound += 6 * item.length + 2;
    else if (typeof item === 'number' || typeof item === 'boolean' || item === null) bound += 24;
    else {
      bound = Infinity;
      break;
    }
    if (bound > MESSAGE_LIMIT_BYTES) break;
  }
  if (bound <= MESSAGE_LIMIT_BYTES) return bound;
  const { properties: _properties, context: _context, ...rest } = value;
  return Buffer.byteLength(JSON.stringify(rest)) + parts;
}

function parseMessage(
  value: unknown,
  /** Where the message is (`batch[3]`), built only for a problem. */
  where: () => string,
  endpointType: TrackingType | null,
  batchSentAt: Date | null,
  receivedAt: Date,
  problems: ProblemItem[],
): TrackingMessage | null {
  if (!isObject(value)) {
    problems.push({ field: where(), message: 'must be a JSON object' });
    return null;
  }
  const before = problems.length;
  // properties and context are serialised once, here: for the size check and to be stored.
  const propertiesJson = JSON.stringify(value.properties ?? {});
  const contextJson = JSON.stringify(value.context ?? {});
  const size = messageBytes(value, propertiesJson, contextJson);
  if (size > MESSAGE_LIMIT_BYTES) {
    problems.push({
      field: where(),
      message: `is ${Math.ceil(size / 1024)} KB; a message may be at most 32 KB`,
    });
    return null;
  }
  const type: TrackingType | undefined =
    endpointType ?? trackingTypes.find((candidate) => candidate === value.type);
  if (type === undefined) {
    problems.push({ field: `${where()}.type`, message: `must be one of ${trackingTypes.join(', ')}` });
    return null;
  }
  const userId = idOf(value.userId);
  const anonymousId = idOf(value.anonymousId);
  if (userId === null && anonymousId === null && type !== 'alias') {
    problems.push({ field: `${where()}.userId`, message: 'userId or anonymousId is required' });
  }
  const objectField = (name: 'properties' | 'traits' | 'context'): Json => {
    const field = value[name];
    if (field === undefined || field === null) return {};
    if (!isObject(field)) {
      problems.push({ field: `${where()}.${name}`, message: 'must be a JSON object' });
      return {};
    }
    return field;
  };
  const properties = objectField('properties');
  // identify and group send traits at the top level; older clients put them in context.traits.
  const traits = objectField('traits');
  const context = objectField('context');

  let event = '';
  if (type === 'track') {
    if (typeof value.event !== 'string' || value.event.trim() === '') {
      problems.push({ field: `${where()}.event`, message: 'a track call needs the event name' });
    } else if (value.event.length > 200) {
      problems.push({ field: `${where()}.event`, message: 'event names are at most 200 characters' });
    } else {
      event = value.event;
    }
  } else if (type === 'page' || type === 'screen') {
    event = typeof value.name === 'string' ? value.name.slice(0, 200) : '';
  }
  const groupId = idOf(value.groupId);
  if (type === 'group' && groupId === null)
    problems.push({ field: `${where()}.groupId`, message: 'a group call needs groupId' });
  const previousId = idOf(value.previousId);
  if (type === 'alias') {
    if (previousId === null)
      problems.push({ field: `${where()}.previousId`, message: 'an alias call needs previousId' });
    if (userId === null)
      problems.push({ field: `${where()}.userId`, message: 'an alias call needs the new userId' });
  }
  const messageId =
    value.messageId === undefined || value.messageId === null ? randomUUID() : idOf(value.messageId);
  if (messageId === null || messageId.length > 200) {
    problems.push({
      field: `${where()}.messageId`,
      message: 'must be a non-empty string of at most 200 characters',
    });
  }
  const original = parseTime(
    value.originalTimestamp ?? value.timestamp,
    () => `${where()}.timestamp`,
    problems,
  );
  const sentAt =
    value.sentAt === undefined ? batchSentAt : parseTime(value.sentAt, () => `${where()}.sentAt`, problems);
  if (problems.length > before) return null;

  // The sender's clock may be off: what it calls sentAt is our receivedAt, so shift its timestamp by the same.
  const timestamp =
    original === null
      ? receivedAt
      : sentAt === null
        ? original
        : new Date(receivedAt.getTime() - (sentAt.getTime() - original.getTime()));
  return {
    type,
    messageId: messageId!,
    userId,
    anonymousId,
    userKey: userId !== null ? `user:${userId}` : `anon:${anonymousId ?? previousId}`,
    timestamp,
    event,
    properties,
    traits,
    context,
    propertiesJson,
    contextJson,
    groupId,
    previousId,
  };
}

/** An ISO 8601 time (with a zone, or UTC when none) between years 1970 and 9999; null when absent. */
/** `where` names the field, for a problem. */
function parseTime(value: unknown, where: () => string, problems: ProblemItem[]): Date | null {
  if (value === undefined || value === null) return null;
  if (
    typeof value !== 'string' ||
    !/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(value.trim())
  ) {
    problems.push({ field: where(), message: 'must be an ISO 8601 time, e.g. 2026-11-24T10:15:00.000Z' });
    return null;
  }
  const text = value.trim();
  const hasZone = /(Z|[+-]\d{2}:?\d{2})$/.test(text) && text.length > 10;
  const time = new Date(hasZone ? text : `${text.replace(' ', 'T')}${text.length > 10 ? 'Z' : ''}`);
  if (Number.isNaN(time.getTime()) || time.getUTCFullYear() < 1970 || time.getUTCFullYear() > 9999) {
    problems.push({ field: where(), message: 'is not a real time between 1970 and 9999' });
    return null;
  }
  return time;
}
