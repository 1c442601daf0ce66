import { SingleBar } from 'cli-progress';
import { type Command, InvalidArgumentError } from 'commander';
import { loadConfig } from '../../server/config';
import {
  DEMO_USER_PASSWORD,
  DemoOptionError,
  type DemoLoadSummary,
  DemoWorkspaceNotEmptyError,
  loadDemoWorkspace,
} from '../../server/features/demo/demo.service';
import { CliError, withDatabase } from '../cli-database';

interface DemoCommandOptions {
  accounts?: number;
  months?: number;
  seed?: number;
  usageDays?: number;
  clear?: boolean;
  external?: boolean;
}

function wholeNumber(value: string): number {
  const parsed = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(parsed))
    throw new InvalidArgumentError('expected a whole number.');
  return parsed;
}

export function registerDemoCommand(program: Command): void {
  program
    .command('demo')
    .description(
      'Load the demo workspace: realistic accounts with revenue history, contacts, usage, tickets, surveys and ' +
        'activities, plus demo users (password "cycle-demo"). Same --seed, same data.',
    )
    .option('--accounts <n>', 'number of customer accounts (default 300)', wholeNumber)
    .option('--months <m>', 'months of history, counting this month (default 24)', wholeNumber)
    .option('--seed <s>', 'random seed, 0–4294967295 (default 42)', wholeNumber)
    .option(
      '--usage-days <d>',
      'days of daily usage before today (default 180; fewer above 11,111 accounts)',
      wholeNumber,
    )
    .option(
      '--clear',
      'first delete all customer data (accounts and everything on them), teams, demo users and the demo marker',
    )
    .option('--external', 'allow loading into the PostgreSQL server at DATABASE_URL')
    .action(async (options: DemoCommandOptions) => {
      if (loadConfig().databaseUrl && !options.external) {
        throw new CliError(
          'DATABASE_URL points at an external PostgreSQL server. Loading the demo there writes demo data into that database' +
            (options.clear ? ' and deletes its customer data' : '') +
            '; pass --external to confirm.',
        );
      }
      const started = performance.now();
      const progress = process.stderr.isTTY
        ? new SingleBar({
            format: 'Loading demo  [{bar}] {percentage}% | {value}/{total} accounts | {duration_formatted}',
            hideCursor: true,
            stream: process.stderr,
          })
        : undefined;
      let summary: DemoLoadSummary;
      try {
        summary = await withDatabase((database) =>
          loadDemoWorkspace(database, {
            accounts: options.accounts,
            months: options.months,
            seed: options.seed,
            usageDays: options.usageDays,
            clear: options.clear ?? false,
            onProgress: (done, total) => {
              if (!progress) return;
              if (done === 0) progress.start(total, 0);
              progress.update(done);
              if (done === total) {
                progress.stop();
                process.stderr.write('Building indexes and checking references…\n');
              }
            },
          }),
        );
      } catch (error) {
        if (error instanceof DemoWorkspaceNotEmptyError || error instanceof DemoOptionError)
          throw new CliError(error.message);
        throw error;
      } finally {
        progress?.stop();
      }
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      process.stdout.write(`${describeSummary(summary)} in ${seconds} s.\n`);
      process.stdout.write(
        `Demo users (e.g. the CSM maya.patel@demo.cycle) sign in with the password "${DEMO_USER_PASSWORD}".\n`,
      );
    });
}

function describeSummary(summary: DemoLoadSummary): string {
  const number = (value: number) => value.toLocaleString('en-US');
  return (
    `Loaded the demo workspace: ${number(summary.accounts)} accounts, ${number(summary.users)} users, ` +
    `${number(summary.contacts)} contacts, ${number(summary.subscriptions)} subscriptions, ${number(summary.churnEvents)} churn events, ` +
    `${number(summary.tickets)} tickets, ${number(summary.surveyResponses)} survey responses, ${number(summary.activities)} activities, ` +
    `${number(summary.usageDays)} usage days`
  );
}
