import fs from 'node:fs';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { importKinds } from '../../../domain/imports/import-fields';
import { parseImportOptions } from '../../../domain/imports/import-options';
import { ImportInputError } from '../../../domain/imports/import-problems';
import { importPresetNames } from '../../../domain/imports/import-presets';
import { recomputeHealth } from '../health-scoring/health-recompute.service';
import type { AppContext } from '../../app';
import { requireActor } from '../../auth/authenticate';
import { toProblemError } from './import-rejections';
import { getImportRun, listImportRunPage } from './import-runs.service';
import { receiveImportUpload } from './import-upload';
import { presentImportOutcome } from './import.presenter';
import { importResultSchema, importRunDetailSchema, importRunListQuerySchema, importRunListSchema } from './import.schemas';
import { runImport } from './import.service';

const importDescription = [
  'Imports a CSV file (multipart/form-data). Parts: `file` (the CSV, UTF-8), `kind` (' + importKinds.join(', ') + '),',
  'and optionally `preset` (' + importPresetNames.join(', ') + '), `map` (target=Source Header,...), `mapping` (JSON object',
  'target → source header), `dateFormat` (dmy|mdy), `currency` (default ISO 4217 code), `source` and `skipInvalid` (true|false).',
  'All-or-nothing by default: any bad row gives a 422 problem listing every bad row (row, column, value, message) and changes',
  'nothing. With skipInvalid=true the valid rows are imported and the others returned in `rejectedRows` and `rejectsCsv`.',
  'See docs/imports.md.',
].join(' ');

function parseOptions(fields: Parameters<typeof parseImportOptions>[0]) {
  try {
    return parseImportOptions(fields);
  } catch (error) {
    if (error instanceof ImportInputError) throw toProblemError(error);
    throw error;
  }
}

export function importRoutes({ database }: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/imports',
      {
        config: { permission: 'imports.run' },
        schema: {
          tags: ['imports'],
          summary: 'Import a CSV file of accounts, contacts, subscriptions, tickets, usage, survey responses, activities or churn events',
          description: importDescription,
          consumes: ['multipart/form-data'],
          response: { 201: importResultSchema },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        const upload = await receiveImportUpload(request);
        try {
          const options = parseOptions(upload.fields);
          const outcome = await runImport(database.pool, {
            options,
            input: fs.createReadStream(upload.filePath),
            fileName: upload.fileName,
            userId: actor.userId,
          });
          // Imported rows are health inputs: rescore (the import is committed whatever this does).
          await recomputeHealth(database, { trigger: 'event' }).catch((error: unknown) => request.log.error({ err: error }, 'health recompute after import failed'));
          return reply.code(201).send(presentImportOutcome(outcome));
        } finally {
          await upload.discard();
        }
      },
    );

    app.get(
      '/imports',
      {
        config: { permission: 'imports.read' },
        schema: {
          tags: ['imports'],
          summary: 'Past import runs, newest first',
          querystring: importRunListQuerySchema,
          response: { 200: importRunListSchema },
        },
      },
      async (request) => listImportRunPage(database.db, request.query.page, request.query.pageSize),
    );

    app.get(
      '/imports/:id',
      {
        config: { permission: 'imports.read' },
        schema: {
          tags: ['imports'],
          summary: 'One import run with the problems it recorded',
          params: z.object({ id: z.uuid({ message: 'must be an import run id (a UUID)' }) }),
          response: { 200: importRunDetailSchema },
        },
      },
      async (request) => getImportRun(database.db, request.params.id),
    );
  };
}
