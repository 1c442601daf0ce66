import { z } from 'zod';

/** Lists that can have saved views; the portfolio (accounts list) for now. */
export const savedViewPages = ['accounts'] as const;
export type SavedViewPage = (typeof savedViewPages)[number];

/** A user's saved view of a list: its name and the list's URL query string. */
export const savedViewSchema = z.object({
  id: z.uuid(),
  page: z.enum(savedViewPages),
  name: z.string(),
  query: z
    .string()
    .describe(
      'The view as a URL query string without the leading "?", e.g. status=active&band=Red&sort=-mrr',
    ),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type SavedView = z.infer<typeof savedViewSchema>;

export const savedViewListQuerySchema = z.strictObject({
  page: z.enum(savedViewPages).describe('Which list the views belong to'),
});

export const savedViewListSchema = z.object({ items: z.array(savedViewSchema) });
export type SavedViewList = z.infer<typeof savedViewListSchema>;

const viewName = z.string().trim().min(1, 'give the view a name').max(100, 'at most 100 characters');
const viewQuery = z
  .string()
  .trim()
  .max(4000, 'at most 4,000 characters')
  .transform((value) => value.replace(/^\?/, ''));

/** Body of POST /api/v1/views. */
export const savedViewCreateSchema = z.strictObject({
  page: z.enum(savedViewPages),
  name: viewName,
  query: viewQuery,
});
export type SavedViewCreate = z.infer<typeof savedViewCreateSchema>;

/** Body of PUT /api/v1/views/:id: a new name, a new query, or both. */
export const savedViewUpdateSchema = z
  .strictObject({ name: viewName.optional(), query: viewQuery.optional() })
  .refine((body) => body.name !== undefined || body.query !== undefined, {
    message: 'send a name, a query, or both',
  });
export type SavedViewUpdate = z.infer<typeof savedViewUpdateSchema>;
