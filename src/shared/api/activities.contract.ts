import { z } from 'zod';
import { activityKinds } from './enums';

export const activitySchema = z.object({
  id: z.uuid(),
  accountId: z.uuid(),
  kind: z.enum(activityKinds),
  subject: z.string(),
  body: z.string().nullable(),
  outcome: z.string().nullable(),
  occurredAt: z.string(),
  user: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  contactIds: z.array(z.uuid()),
  createdAt: z.string(),
});
export type Activity = z.infer<typeof activitySchema>;

/** Body of POST /api/v1/accounts/:id/activities. `occurredAt` defaults to now. */
export const activityCreateSchema = z.strictObject({
  kind: z.enum(activityKinds),
  subject: z.string().trim().min(1).max(300),
  body: z.string().max(20_000).nullable().optional(),
  outcome: z.string().trim().max(300).nullable().optional(),
  occurredAt: z.iso.datetime({ offset: true }).optional(),
  contactIds: z.array(z.uuid()).max(50).optional(),
});
export type ActivityCreate = z.infer<typeof activityCreateSchema>;

export const activityListResponseSchema = z.object({
  items: z.array(activitySchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
