import { z } from 'zod';

/** A write key as listed (the key itself is shown only in the create response). */
export const writeKeySchema = z.object({
  id: z.uuid(),
  source: z.string(),
  prefix: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type WriteKey = z.infer<typeof writeKeySchema>;

export const createWriteKeyBodySchema = z.strictObject({
  source: z
    .string()
    .trim()
    .min(1)
    .max(63)
    .describe('Where the events come from, e.g. "web-app" (one active key per source)'),
});

/** A group (Segment groupId) that matches no account: its users' events wait for it to be mapped. */
export const unmatchedGroupSchema = z.object({
  source: z.string(),
  groupId: z.string(),
  traits: z.record(z.string(), z.unknown()),
  users: z.number().int(),
  waitingEvents: z.number().int(),
  lastSeenAt: z.string(),
});

/** A tracked user in no known group, with events waiting for an account. */
export const unmatchedUserSchema = z.object({
  source: z.string(),
  userKey: z.string(),
  userId: z.string().nullable(),
  anonymousId: z.string().nullable(),
  groupId: z.string().nullable(),
  traits: z.record(z.string(), z.unknown()),
  waitingEvents: z.number().int(),
  lastSeenAt: z.string(),
});

export const unmatchedResponseSchema = z.object({
  groups: z.array(unmatchedGroupSchema),
  users: z.array(unmatchedUserSchema),
  /** Events stored without an account, in all. */
  waitingEvents: z.number().int(),
});
export type UnmatchedTracking = z.infer<typeof unmatchedResponseSchema>;

export const mapToAccountBodySchema = z.strictObject({ accountId: z.uuid() });
export const mappedResponseSchema = z.object({
  accountId: z.uuid(),
  /** Waiting events now attributed to the account (and counted in its daily usage). */
  attributedEvents: z.number().int(),
});
