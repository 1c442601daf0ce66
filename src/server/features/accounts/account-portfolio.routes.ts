import { Readable } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  accountExportQuerySchema,
  accountReassignResultSchema,
  accountReassignSchema,
  defaultAccountColumns,
} from '../../../shared/api/accounts.contract';
import type { AppContext } from '../../app';
import { requireActor } from '../../auth/authenticate';
import { accountCsvWriter } from './account-csv';
import { openAccountExportCursor } from './account-export.repository';
import { reassignAccounts } from './account-reassign.service';
import { todayUtc } from './account.service';

/** UTF-8 byte order mark: spreadsheet apps read the file as UTF-8 instead of guessing a legacy code page. */
const BYTE_ORDER_MARK = '\uFEFF';

/** Portfolio work on many accounts at once: the CSV export of a view and the bulk reassign. */
export function accountPortfolioRoutes({ database }: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/accounts/export.csv',
      {
        config: { permission: 'accounts.read' },
        schema: {
          tags: ['accounts'],
          summary: 'Every account of a view as CSV (same filters and sort as the list, no paging), streamed',
          querystring: accountExportQuerySchema,
          produces: ['text/csv'],
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        const { columns, ...filters } = request.query;
        const today = todayUtc();
        const cursor = await openAccountExportCursor(database, filters, { actorUserId: actor.userId, today });
        const writer = accountCsvWriter(columns ?? defaultAccountColumns);
        async function* csv() {
          yield BYTE_ORDER_MARK + writer.header;
          for await (const rows of cursor.batches) yield rows.map(writer.row).join('');
        }
        const body = Readable.from(csv());
        body.on('close', () => void cursor.close());
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="accounts-${today}.csv"`)
          .header('cache-control', 'no-store')
          .send(body);
      },
    );

    app.post(
      '/accounts/reassign',
      {
        config: { permission: 'accounts.reassign' },
        schema: {
          tags: ['accounts'],
          summary: 'Move up to 5,000 accounts to another owner (or none) in one transaction',
          body: accountReassignSchema,
          response: { 200: accountReassignResultSchema },
        },
      },
      async (request) => reassignAccounts(database.db, request.body),
    );
  };
}
