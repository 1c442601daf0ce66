import type { Command } from 'commander';
import { tokenScopes } from '../../server/db/schema';
import { createApiToken, listApiTokens, revokeApiToken } from '../../server/features/tokens/token.service';
import { requireUserByEmail } from '../../server/features/users/user.service';
import { CliError, withDatabase } from '../cli-database';
import { printTable } from '../print-table';

export function registerTokensCommand(program: Command): void {
  const tokens = program.command('tokens').description('API tokens for scripts (sent as "Authorization: Bearer <token>").');

  tokens
    .command('create')
    .description('Create a token for a user and print it (shown once).')
    .requiredOption('--email <email>', 'the user the token acts as')
    .requiredOption('--scope <scope>', tokenScopes.join('|'))
    .option('--name <name>', 'what the token is for', 'cli')
    .action(async (options: { email: string; scope: string; name: string }) => {
      const scope = tokenScopes.find((candidate) => candidate === options.scope);
      if (!scope) throw new CliError(`Unknown scope "${options.scope}"; use one of ${tokenScopes.join('|')}.`);
      await withDatabase(async ({ db }) => {
        const user = await requireUserByEmail(db, options.email);
        const { token } = await createApiToken(db, { userId: user.id, name: options.name, scope });
        process.stdout.write(`${token}\n`);
        process.stderr.write(`Token for ${user.email} with scope ${scope}. Store it now: it is not shown again.\n`);
      });
    });

  tokens
    .command('list')
    .description('List a user\'s tokens.')
    .requiredOption('--email <email>', 'the user')
    .action(async (options: { email: string }) => {
      await withDatabase(async ({ db }) => {
        const user = await requireUserByEmail(db, options.email);
        const rows = await listApiTokens(db, user.id);
        printTable(
          ['id', 'name', 'scope', 'prefix', 'created', 'last used', 'revoked'],
          rows.map((row) => [
            row.id,
            row.name,
            row.scope,
            row.prefix,
            row.createdAt.toISOString(),
            row.lastUsedAt?.toISOString() ?? '',
            row.revokedAt?.toISOString() ?? '',
          ]),
        );
      });
    });

  tokens
    .command('revoke')
    .description('Revoke a token by id.')
    .requiredOption('--email <email>', 'the token\'s user')
    .requiredOption('--id <id>', 'the token id (from tokens list)')
    .action(async (options: { email: string; id: string }) => {
      await withDatabase(async ({ db }) => {
        const user = await requireUserByEmail(db, options.email);
        await revokeApiToken(db, user.id, options.id);
        process.stdout.write('Revoked.\n');
      });
    });
}
