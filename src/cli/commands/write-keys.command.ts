import type { Command } from 'commander';
import {
  createWriteKey,
  listWriteKeys,
  revokeWriteKey,
} from '../../server/features/tracking/write-key.service';
import { ProblemError } from '../../server/http/problem';
import { CliError, withDatabase } from '../cli-database';
import { printTable } from '../print-table';

/** Runs a write-key action, turning the service's 4xx problems into one plain CLI message. */
async function plainly<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof ProblemError && error.status < 500) throw new CliError(error.detail);
    throw error;
  }
}

export function registerWriteKeysCommand(program: Command): void {
  const keys = program
    .command('write-keys')
    .description('Write keys for the Segment-compatible tracking endpoints (/v1/batch …), one per source.');

  keys
    .command('create <source>')
    .description('Create the write key of a source (e.g. web-app) and print it (shown once).')
    .action(async (source: string) => {
      await withDatabase(async ({ db }) => {
        const { key } = await plainly(() => createWriteKey(db, { source, createdBy: null }));
        process.stdout.write(`${key}\n`);
        process.stderr.write(
          `Write key for source "${source}". Store it now: it is not shown again. Point a Segment SDK's host at this server and use it as the write key.\n`,
        );
      });
    });

  keys
    .command('list')
    .description('List write keys (active first).')
    .action(async () => {
      await withDatabase(async ({ db }) => {
        const rows = await listWriteKeys(db);
        printTable(
          ['id', 'source', 'prefix', 'created', 'last used', 'revoked'],
          rows.map((row) => [
            row.id,
            row.source,
            row.prefix,
            row.createdAt.toISOString(),
            row.lastUsedAt?.toISOString() ?? '',
            row.revokedAt?.toISOString() ?? '',
          ]),
        );
      });
    });

  keys
    .command('revoke <source>')
    .description("Revoke a source's active write key; its events are refused (401) from then on.")
    .action(async (source: string) => {
      await withDatabase(async ({ db }) => {
        const row = await plainly(() => revokeWriteKey(db, { source }));
        process.stdout.write(`Revoked the write key ${row.prefix}… of source "${row.source}".\n`);
      });
    });
}
