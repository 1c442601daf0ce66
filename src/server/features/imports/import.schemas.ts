import { z } from 'zod';
import { importKinds } from '../../../domain/imports/import-fields';

/** The form fields POST /api/v1/imports accepts besides `file`. */
export const importFormFields = ['kind', 'preset', 'map', 'mapping', 'dateFormat', 'currency', 'source', 'skipInvalid'] as const;
export type ImportFormField = (typeof importFormFields)[number];

const personSchema = z.object({ id: z.uuid(), name: z.string(), email: z.string() });

export const importResultSchema = z.object({
  id: z.uuid().describe('the import run'),
  kind: z.enum(importKinds),
  source: z.string(),
  fileName: z.string().nullable(),
  status: z.literal('completed'),
  summary: z.string().describe('inserted N, updated N, unchanged N, rejected N'),
  rows: z.number().int().describe('data rows read'),
  inserted: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  rejected: z.number().int(),
  columns: z.object({
    mapped: z.record(z.string(), z.string()).describe('field → the header it was read from'),
    extra: z.array(z.string()).describe('headers no field uses'),
    extraHandling: z.enum(['traits', 'event-counts', 'ignored']).describe('what was done with the extra columns'),
    blank: z.array(z.number().int()).describe('positions of columns with an empty header (ignored)'),
  }),
  rejectedRows: z
    .array(z.object({ row: z.number().int(), reason: z.string(), values: z.record(z.string(), z.string()) }))
    .describe('with skipInvalid=true: the rows left out, with their cells by header'),
  rejectsCsv: z.string().nullable().describe('the rejected rows as CSV with a reason column, or null when none'),
});
export type ImportResult = z.infer<typeof importResultSchema>;

export const importRunSchema = z.object({
  id: z.uuid(),
  kind: z.string(),
  source: z.string(),
  fileName: z.string().nullable(),
  status: z.enum(['completed', 'rejected']),
  inserted: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  rejected: z.number().int(),
  startedAt: z.iso.datetime(),
  finishedAt: z.iso.datetime(),
  ranBy: personSchema.nullable().describe('null when run from the command line'),
});
export type ImportRun = z.infer<typeof importRunSchema>;

export const importRunDetailSchema = importRunSchema.extend({
  errors: z
    .array(
      z.object({
        row: z.number().int().optional(),
        column: z.string().optional(),
        field: z.string().optional(),
        value: z.string().optional(),
        message: z.string(),
      }),
    )
    .describe('the first 1,000 problems'),
});
export type ImportRunDetail = z.infer<typeof importRunDetailSchema>;

export const importRunListQuerySchema = z.strictObject({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const importRunListSchema = z.object({
  items: z.array(importRunSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
