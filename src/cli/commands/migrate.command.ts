import type { Command } from 'commander';
import { withDatabase } from '../cli-database';

export function registerMigrateCommand(program: Command): void {
  program
    .command('migrate')
    .description('Apply pending database migrations (the server also does this at start).')
    .action(async () => {
      await withDatabase(async () => {
        process.stdout.write('Database is up to date.\n');
      });
    });
}
