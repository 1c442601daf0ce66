import type { Command } from 'commander';
import { userRoles } from '../../server/db/schema';
import { listUsersWithTeams } from '../../server/features/users/user.repository';
import { createUser, newUserSchema, setUserPassword, setUserRole } from '../../server/features/users/user.service';
import { CliError, withDatabase } from '../cli-database';
import { printTable } from '../print-table';

const roleList = userRoles.join('|');

function parseRole(value: string) {
  const role = userRoles.find((candidate) => candidate === value);
  if (!role) throw new CliError(`Unknown role "${value}"; use one of ${roleList}.`);
  return role;
}

export function registerUsersCommand(program: Command): void {
  const users = program.command('users').description('Manage the people who sign in to Cycle.');

  users
    .command('add')
    .description('Add a user.')
    .requiredOption('--email <email>', 'their email (the sign-in name)')
    .requiredOption('--name <name>', 'their full name')
    .requiredOption('--role <role>', roleList)
    .requiredOption('--password <password>', 'at least 8 characters')
    .action(async (options: { email: string; name: string; role: string; password: string }) => {
      const parsed = newUserSchema.safeParse({ ...options, role: parseRole(options.role) });
      if (!parsed.success) {
        throw new CliError(parsed.error.issues.map((issue) => `--${issue.path.join('.')}: ${issue.message}`).join('\n'));
      }
      await withDatabase(async ({ db }) => {
        const user = await createUser(db, parsed.data);
        process.stdout.write(`Added ${user.email} (${user.role}).\n`);
      });
    });

  users
    .command('list')
    .description('List users.')
    .option('--format <format>', 'table|json', 'table')
    .action(async (options: { format: string }) => {
      await withDatabase(async ({ db }) => {
        const rows = await listUsersWithTeams(db);
        if (options.format === 'json') {
          process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
          return;
        }
        printTable(
          ['email', 'name', 'role', 'team', 'accounts'],
          rows.map((row) => [row.email, row.name, row.role, row.teamName ?? '', String(row.ownedAccounts)]),
        );
      });
    });

  users
    .command('set-password')
    .description('Set a new password (signs the user out everywhere).')
    .requiredOption('--email <email>', 'the user')
    .requiredOption('--password <password>', 'at least 8 characters')
    .action(async (options: { email: string; password: string }) => {
      await withDatabase(async ({ db }) => {
        const user = await setUserPassword(db, options.email, options.password);
        process.stdout.write(`Password set for ${user.email}.\n`);
      });
    });

  users
    .command('set-role')
    .description('Change a user\'s role.')
    .requiredOption('--email <email>', 'the user')
    .requiredOption('--role <role>', roleList)
    .action(async (options: { email: string; role: string }) => {
      const role = parseRole(options.role);
      await withDatabase(async ({ db }) => {
        const user = await setUserRole(db, options.email, role);
        process.stdout.write(`${user.email} is now ${user.role}.\n`);
      });
    });
}
