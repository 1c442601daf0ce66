import { z } from 'zod';

/** Contracts of global search (GET /api/v1/search): accounts by name or domain, contacts by name or email. */

export const searchQuerySchema = z.strictObject({
  q: z.string().trim().min(2, 'type at least 2 characters').max(100, 'must be at most 100 characters'),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(20)
    .default(8)
    .describe('Most results of each kind (1–20, default 8)'),
});

export const accountHitSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  domain: z.string().nullable(),
  status: z.string(),
  ownerName: z.string().nullable(),
});
export type AccountHit = z.infer<typeof accountHitSchema>;

export const contactHitSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  email: z.string().nullable(),
  title: z.string().nullable(),
  accountId: z.uuid(),
  accountName: z.string(),
});
export type ContactHit = z.infer<typeof contactHitSchema>;

export const searchResultSchema = z.object({
  q: z.string(),
  /** Best first: exact name, then names starting with the text, then the rest by name. */
  accounts: z.array(accountHitSchema),
  contacts: z.array(contactHitSchema),
});
export type SearchResult = z.infer<typeof searchResultSchema>;
