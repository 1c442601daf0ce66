import { Command, CommanderError } from 'commander';
import { ConfigError } from '../server/config';
import { DatabaseUnavailableError } from '../server/db/database';
import { EmbeddedClusterError } from '../server/db/embedded-cluster';
import { ProblemError } from '../server/http/problem';
import { StartupError } from '../server/main';
import { CliError } from './cli-database';
import { registerDemoCommand } from './commands/demo.command';
import { registerHealthCommand } from './commands/health.command';
import { registerImportCommand } from './commands/import.command';
import { registerMetricsCommand } from './commands/metrics.command';
import { registerMigrateCommand } from './commands/migrate.command';
import { registerStartCommand } from './commands/start.command';
import { registerTokensCommand } from './commands/tokens.command';
import { registerUsersCommand } from './commands/users.command';
import { registerWriteKeysCommand } from './commands/write-keys.command';
import { registerCapacityCommand } from './commands/capacity.command';
import { registerStagesCommand } from './commands/stages.command';
import { registerSegmentsCommand } from './commands/segments.command';
import { registerTiersCommand } from './commands/tiers.command';

const program = new Command()
  .name('cycle')
  .description('Cycle: the open-source Customer Success platform.')
  .showHelpAfterError('(run with --help for usage)')
  .exitOverride();

registerStartCommand(program);
registerDemoCommand(program);
registerImportCommand(program);
registerUsersCommand(program);
registerTokensCommand(program);
registerWriteKeysCommand(program);
registerMetricsCommand(program);
registerHealthCommand(program);
registerMigrateCommand(program);
registerCapacityCommand(program);
registerStagesCommand(program);
registerSegmentsCommand(program);
registerTiersCommand(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  process.exitCode = reportError(error);
}

function reportError(error: unknown): number {
  if (error instanceof CommanderError) return error.exitCode; // commander already printed it
  if (error instanceof CliError) {
    process.stderr.write(`${error.message}\n`);
    return error.exitCode;
  }
  if (error instanceof ProblemError) {
    const details = error.errors.map((item) => `  ${[item.row && `row ${item.row}`, item.column ?? item.field, item.value && `"${item.value}"`].filter(Boolean).join(', ')}: ${item.message}`);
    process.stderr.write(`${error.detail}\n${details.join('\n')}${details.length ? '\n' : ''}`);
    return 1;
  }
  if (
    error instanceof ConfigError ||
    error instanceof DatabaseUnavailableError ||
    error instanceof EmbeddedClusterError ||
    error instanceof StartupError
  ) {
    process.stderr.write(`${error.message}\n`);
    return 1;
  }
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  return 1;
}
