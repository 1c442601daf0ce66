import { type Command, InvalidArgumentError, Option } from 'commander';
import type { MetricValue } from '../../domain/revenue';
import {
  type AccountHealth,
  backtestRequestSchema,
  type BacktestRequest,
  type BacktestResult,
  type CalibrationResult,
  scorecardDefinitionSchema,
} from '../../shared/api/health.contract';
import type { Database, Db } from '../../server/db/database';
import { ProblemError } from '../../server/http/problem';
import { findAccountsByReference, type AccountRow } from '../../server/features/accounts/account.repository';
import { getAccountHealth } from '../../server/features/health-scoring/account-health.service';
import { backtestScorecard, calibrateScorecard } from '../../server/features/health-scoring/backtest.service';
import { backfillHealth, recomputeHealth, type RecomputeResult } from '../../server/features/health-scoring/health-recompute.service';
import { addScorecardVersion, listActiveScorecards, type ActiveScorecard } from '../../server/features/health-scoring/scorecard.repository';
import { definitionProblems, requireDefaultScorecard } from '../../server/features/health-scoring/scorecard.service';
import { CliError, withDatabase } from '../cli-database';
import { printTable } from '../print-table';

type Format = 'table' | 'json';

interface BacktestOptions {
  scorecard?: string;
  asOf?: string;
  horizon?: number;
  outcomeField?: string;
  outcomeValue?: string;
  format: Format;
}

interface CalibrateOptions extends BacktestOptions {
  seed?: number;
  heldOutShare?: number;
  accept?: boolean;
}

const DAY = 86_400_000;
const DEFAULT_HORIZON_DAYS = 90;
const MAX_BACKFILL_DAYS = 730;

/** The command-line spelling of each backtest request field, so messages name the option to fix. */
const optionNames: Record<string, string> = {
  scorecardId: '--scorecard',
  asOf: '--as-of',
  horizonDays: '--horizon',
  outcomeField: '--outcome-field',
  outcomeValue: '--outcome-value',
  seed: '--seed',
  heldOutShare: '--held-out-share',
};

function wholeNumber(value: string): number {
  const parsed = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(parsed)) throw new InvalidArgumentError('expected a whole number.');
  return parsed;
}

function decimalNumber(value: string): number {
  const parsed = Number(value);
  if (value.trim() === '' || !Number.isFinite(parsed)) throw new InvalidArgumentError('expected a number such as 0.3.');
  return parsed;
}

const plural = (count: number, noun: string) => `${count.toLocaleString('en-US')} ${noun}${count === 1 ? '' : 's'}`;
const undefinedText = (metric: MetricValue) => (metric.status === 'infinite' ? 'infinite' : 'not defined');
const percent = (metric: MetricValue) => (metric.status === 'defined' ? `${(metric.value * 100).toFixed(1)}%` : undefinedText(metric));
const auc = (metric: MetricValue) => (metric.status === 'defined' ? metric.value.toFixed(3) : undefinedText(metric));
const aucWithReason = (metric: MetricValue) => (metric.status === 'defined' ? auc(metric) : `${undefinedText(metric)} (${metric.reason})`);
const points = (score: number | null) => (score === null ? '—' : score.toFixed(2));
function signed(value: number): string {
  const text = value.toFixed(2);
  if (text === '-0.00' || text === '0.00') return '0.00';
  return value > 0 ? `+${text}` : text;
}

/**
 * Rounds parts to `decimals` so they add up to `total` rounded the same way (largest remainder): the
 * contributions sum to the score exactly, and rounding each on its own could print a column that is
 * 0.01 off its total line.
 */
function roundToTotal(parts: readonly number[], total: number, decimals: number): number[] {
  const scale = 10 ** decimals;
  const floors = parts.map((part) => Math.floor(part * scale + 1e-9));
  let missing = Math.round(total * scale) - floors.reduce((sum, value) => sum + value, 0);
  const byRemainder = parts.map((part, index) => ({ index, remainder: part * scale - floors[index]! })).sort((a, b) => b.remainder - a.remainder);
  for (const { index } of byRemainder) {
    if (missing <= 0) break;
    floors[index]! += 1;
    missing -= 1;
  }
  return floors.map((value) => value / scale);
}

/** A 4xx from a service as one line, with request fields named as options ("body.asOf" → "--as-of"). */
async function withCliErrors<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof ProblemError) || error.status >= 500) throw error;
    throw new CliError(error.detail.replace(/\bbody\.(\w+)/g, (_, field: string) => optionNames[field] ?? field));
  }
}

/**
 * The account named by an id, by `source:external_id`, or by its exact name (any case), in that
 * order. A name shared by several accounts is refused with the candidates listed.
 */
async function resolveAccount(db: Db, reference: string): Promise<AccountRow> {
  const wanted = reference.trim();
  const matches = await findAccountsByReference(db, wanted);
  const exact = matches.find((account) => account.id.toLowerCase() === wanted.toLowerCase()) ?? matches.find((account) => `${account.source}:${account.externalId}` === wanted);
  if (exact) return exact;
  if (matches.length === 1) return matches[0]!;
  if (matches.length === 0) {
    throw new CliError(`No account is named "${wanted}" or has that id or source:external_id. Give an account id, its exact name, or source:external_id (e.g. hubspot:4711).`);
  }
  const candidates = matches.map((account) => `  ${account.id}  ${account.source}:${account.externalId ?? ''}  ${account.name}`);
  throw new CliError(`${matches.length} accounts are named "${wanted}"; give the id or source:external_id of one:\n${candidates.join('\n')}`);
}

/** Why an account has no snapshot, and what to do about it. */
async function noScoreMessage(database: Database, account: AccountRow): Promise<string> {
  if (account.status !== 'active' && account.status !== 'onboarding') {
    return `${account.name} has no health score: only active and onboarding accounts are scored, and it is ${account.status}.`;
  }
  if ((await listActiveScorecards(database.db)).length === 0) {
    return `${account.name} has no health score: there is no scorecard yet. Create one under Health → Scorecards first.`;
  }
  return `${account.name} has no health score yet. Run "cycle health recompute" to score it.`;
}

function printExplanation(account: AccountRow, health: AccountHealth): void {
  const current = health.current!;
  const trend = (change: AccountHealth['trend']['days7']) =>
    change.status === 'known' ? `${signed(change.change)} (${points(change.fromScore)} on ${change.fromDate})` : `unknown: ${change.reason}`;
  const facts: [string, string][] = [
    ['Account', `${account.name} (${account.source}:${account.externalId ?? account.id})`],
    ['Score', current.status === 'scored' ? `${points(current.score)} (${current.band})` : `not scored: ${current.reason}`],
    ['Scorecard', `${current.scorecardName}, version ${current.scorecardVersion}, as of ${current.asOfDate}`],
    ['vs 7 days ago', trend(health.trend.days7)],
    ['vs 30 days ago', trend(health.trend.days30)],
  ];
  const width = Math.max(...facts.map(([label]) => label.length)) + 2;
  for (const [label, value] of facts) process.stdout.write(`${`${label}:`.padEnd(width)}${value}\n`);
  process.stdout.write('\n');

  const lines = health.explanation;
  const score = current.score ?? 0;
  const weights = roundToTotal(lines.map((line) => line.effectiveWeight * 100), current.status === 'scored' ? 100 : 0, 1);
  const contributions = roundToTotal(lines.map((line) => line.contribution), score, 2);
  const rows = lines.map((line, index) => [
    line.name,
    line.rawValue === null ? '—' : String(line.rawValue),
    points(line.measureScore),
    `${weights[index]!.toFixed(1)}%`,
    contributions[index]!.toFixed(2),
    // The reason already says what was done ("…; excluded and the other weights renormalised").
    line.treatment === 'scored' ? '' : (line.missingReason ?? line.treatment),
  ]);
  if (current.status === 'scored') rows.push(['total', '', '', '100.0%', points(score), '']);
  printTable(['measure', 'raw value', 'score', 'weight', 'contribution', 'missing'], rows);
  process.stdout.write('\n');

  const previous = health.previous;
  if (!previous) {
    process.stdout.write("What moved: nothing to compare with; this is the account's first score.\n");
    return;
  }
  const sameVersion = previous.scorecardId === current.scorecardId && previous.scorecardVersion === current.scorecardVersion;
  const before = `${previous.status === 'scored' ? `${points(previous.score)}, ${previous.band}` : 'not scored'}${sameVersion ? '' : `, ${previous.scorecardName} version ${previous.scorecardVersion}`}`;
  if (health.moved.length === 0) {
    process.stdout.write(`What moved since ${previous.asOfDate} (${before}): nothing; every measure scored the same.\n`);
    return;
  }
  process.stdout.write(`What moved since ${previous.asOfDate} (${before}):\n`);
  printTable(
    ['measure', 'score change', 'contribution change'],
    health.moved.map((movement) => [movement.name, movement.scoreDelta === null ? 'n/a' : signed(movement.scoreDelta), signed(movement.contributionDelta)]),
  );
}

/**
 * The backtest request from the options, checked with the API's schema. Without an outcome field the
 * backtest is by date: --horizon defaults to 90 days and --as-of to the last day whose horizon has ended.
 */
function parseBacktestRequest(options: CalibrateOptions, now: Date): BacktestRequest {
  const byField = options.outcomeField !== undefined || options.outcomeValue !== undefined;
  const horizonDays = byField ? options.horizon : (options.horizon ?? DEFAULT_HORIZON_DAYS);
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const asOf = byField || options.asOf !== undefined ? options.asOf : new Date(today - ((horizonDays ?? DEFAULT_HORIZON_DAYS) + 1) * DAY).toISOString().slice(0, 10);
  const parsed = backtestRequestSchema.safeParse({
    asOf,
    horizonDays,
    outcomeField: options.outcomeField,
    outcomeValue: options.outcomeValue,
    seed: options.seed,
    heldOutShare: options.heldOutShare,
  });
  if (!parsed.success) throw new CliError(parsed.error.issues.map((issue) => `${optionNames[issue.path.join('.')] ?? issue.path.join('.')}: ${issue.message}`).join('\n'));
  return parsed.data;
}

/** The scorecard named by --scorecard (an id or a name, any case), else the default. */
async function resolveScorecard(database: Database, reference: string | undefined): Promise<ActiveScorecard> {
  if (reference === undefined) return withCliErrors(() => requireDefaultScorecard(database));
  const active = await listActiveScorecards(database.db);
  const wanted = reference.trim();
  const found = active.find((scorecard) => scorecard.id === wanted) ?? active.find((scorecard) => scorecard.name.toLowerCase() === wanted.toLowerCase());
  if (found) return found;
  const names = active.map((scorecard) => `"${scorecard.name}"`).join(', ');
  throw new CliError(`--scorecard: no scorecard is named "${wanted}" or has that id. ${active.length ? `The scorecards are ${names}.` : 'There is no scorecard yet.'}`);
}

function printBacktest(result: BacktestResult): void {
  const { report } = result;
  process.stdout.write(`${report.verdict.sentence}\n\n`);
  const facts: [string, string][] = [
    ['Scorecard', `${result.scorecardName}, version ${result.scorecardVersion}`],
    ['Outcome', result.outcome],
    ['Scored as of', result.asOf],
    ['AUC', report.auc.status === 'defined' ? `${auc(report.auc)} (the chance that a churner scored below a renewal; 0.5 is chance)` : aucWithReason(report.auc)],
    ['Accounts', `${report.accounts.toLocaleString('en-US')} scored, ${report.churned.toLocaleString('en-US')} of them churned`],
    ['Excluded', `${result.excluded.noOutcome.toLocaleString('en-US')} without an outcome, ${result.excluded.notScored.toLocaleString('en-US')} not scored`],
  ];
  const width = Math.max(...facts.map(([label]) => label.length)) + 2;
  for (const [label, value] of facts) process.stdout.write(`${`${label}:`.padEnd(width)}${value}\n`);
  process.stdout.write('\n');
  printTable(
    ['band', 'accounts', 'churned', 'churn rate'],
    report.churnByBand.map((band) => [band.band, String(band.accounts), String(band.churned), percent(band.churnRate)]),
  );
  const decile = report.lowestDecile;
  const lift = decile.lift.status === 'defined' ? decile.lift.value.toFixed(2) : `${undefinedText(decile.lift)} (${decile.lift.reason})`;
  const scores = decile.highestScore === null ? '' : ` scoring ${points(decile.highestScore)} or less`;
  process.stdout.write(
    `\nLowest decile: ${plural(decile.accounts, 'account')}${scores}, churn rate ${percent(decile.churnRate)} against ${percent(decile.overallChurnRate)} overall: lift ${lift}\n\n`,
  );
  printTable(
    ['measure', 'accounts', 'AUC'],
    report.measureAucs.map((measure) => [measure.name, String(measure.accounts), auc(measure.auc)]),
  );
}

function printCalibration(result: Extract<CalibrationResult, { status: 'calibrated' }>): void {
  process.stdout.write(`Calibrated on ${result.outcome}: ${plural(result.trainingAccounts, 'training account')}, ${result.heldOutAccounts.toLocaleString('en-US')} held out, ${result.unscoredAccounts.toLocaleString('en-US')} not scored.\n`);
  process.stdout.write(`Held-out AUC: ${aucWithReason(result.before.auc)} → ${aucWithReason(result.after.auc)}\n\n`);
  printTable(
    ['measure', 'weight before', 'weight after', 'note'],
    result.weights.map((weight) => [weight.name, String(weight.before), weight.after.toFixed(2), weight.note ?? '']),
  );
  process.stdout.write('\n');
  printTable(
    ['measure', 'breakpoints'],
    result.breakpoints.map((change) => [change.name, change.note]),
  );
}

/**
 * Saves the proposed definition as the next version of the scorecard it was fitted on, then
 * rescores. Refused when someone saved a version after the one calibrated (the fit would be stale).
 */
async function saveCalibration(database: Database, scorecard: ActiveScorecard, result: Extract<CalibrationResult, { status: 'calibrated' }>) {
  const definition = scorecardDefinitionSchema.safeParse(result.proposed);
  const problems = definition.success
    ? definitionProblems(definition.data, 'definition')
    : definition.error.issues.map((issue) => ({ field: `definition.${issue.path.join('.')}`, message: issue.message }));
  if (!definition.success || problems.length > 0) {
    throw new CliError(`The proposed scorecard is not valid, so it was not saved: ${problems.map((problem) => `${problem.field}: ${problem.message}`).join('; ')}.`);
  }
  const note = `Calibrated on ${result.outcome}`.slice(0, 500);
  const baseVersion = result.baseVersion ?? scorecard.version;
  const version = await database.db.transaction(async (tx) => {
    // The update that adds the version locks the scorecard row, so two saves cannot both pass this check.
    const saved = await addScorecardVersion(tx, scorecard.id, definition.data, note, null);
    if (saved !== baseVersion + 1) {
      throw new CliError(`${scorecard.name} was saved as version ${saved - 1} after version ${baseVersion} was calibrated; nothing was saved. Run the calibration again.`);
    }
    return saved;
  });
  const recompute = await recomputeHealth(database, { trigger: 'scorecard' });
  return { scorecardId: scorecard.id, version, note, recompute };
}

const recomputeSentence = (result: RecomputeResult) =>
  `Scored ${plural(result.accounts, 'account')}, wrote ${plural(result.snapshots, 'snapshot')} in ${result.seconds.toFixed(2)} s.`;

function addBacktestOptions(command: Command): Command {
  return command
    .option('--scorecard <name|id>', 'the scorecard to judge (default: the default scorecard)')
    .option('--as-of <YYYY-MM-DD>', 'score the accounts as of this day (default: the last day whose horizon has ended)')
    .option('--horizon <days>', `churned within this many days after --as-of (default ${DEFAULT_HORIZON_DAYS})`, wholeNumber)
    .option('--outcome-field <trait>', 'instead of dates: the trait that says whether an account churned')
    .option('--outcome-value <value>', 'the value of --outcome-field that means churned (any case)')
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'json']).default('table'));
}

/** Registers `cycle health [recompute|explain|backtest|calibrate]`. */
export function registerHealthCommand(program: Command): void {
  const health = program.command('health').description('Health scores: recompute, explain one account, backtest and calibrate a scorecard (definitions: docs/health.md).');

  health
    .command('recompute')
    .description('Rescore every active and onboarding account now, writing a snapshot where a score or input changed.')
    .option('--backfill <days>', `first fill in daily history for this many days before today (1–${MAX_BACKFILL_DAYS})`, wholeNumber)
    .action(async (options: { backfill?: number }) => {
      if (options.backfill !== undefined && (options.backfill < 1 || options.backfill > MAX_BACKFILL_DAYS)) {
        throw new CliError(`--backfill: must be 1–${MAX_BACKFILL_DAYS} days`);
      }
      await withDatabase(async (database) => {
        await withCliErrors(() => requireDefaultScorecard(database));
        if (options.backfill !== undefined) {
          const filled = await backfillHealth(database, options.backfill);
          process.stdout.write(`Filled in ${plural(options.backfill, 'day')} of history: ${plural(filled.snapshots, 'snapshot')}.\n`);
        }
        process.stdout.write(`${recomputeSentence(await recomputeHealth(database, { trigger: 'recompute' }))}\n`);
      });
    });

  health
    .command('explain')
    .description("Why an account scores what it does: each measure's value, score, weight and contribution, the trend and what moved.")
    .argument('<account>', 'an account id, its exact name (any case), or source:external_id')
    .action(async (reference: string) => {
      await withDatabase(async (database) => {
        const account = await resolveAccount(database.db, reference);
        const result = await withCliErrors(() => getAccountHealth(database, account.id));
        if (!result.current) throw new CliError(await noScoreMessage(database, account));
        printExplanation(account, result);
      });
    });

  addBacktestOptions(health.command('backtest'))
    .description('How well the score separated churners on your own history: AUC, churn by band, lowest-decile lift, AUC per measure.')
    .action(async (options: BacktestOptions) => {
      const request = parseBacktestRequest(options, new Date());
      const result = await withDatabase(async (database) => {
        const scorecard = await resolveScorecard(database, options.scorecard);
        return withCliErrors(() => backtestScorecard(database, { ...request, scorecardId: scorecard.id }));
      });
      if (options.format === 'json') process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
      else printBacktest(result);
    });

  addBacktestOptions(health.command('calibrate'))
    .description('Fit breakpoints and weights to churn on part of the accounts and backtest the rest before and after; --accept saves the result as a new version.')
    .option('--seed <n>', 'seed of the held-out split (default 1)', wholeNumber)
    .option('--held-out-share <share>', 'share of accounts the fit never sees, 0.1–0.5 (default 0.3)', decimalNumber)
    .option('--accept', 'save the proposed scorecard as a new version and rescore')
    .action(async (options: CalibrateOptions) => {
      const request = parseBacktestRequest(options, new Date());
      await withDatabase(async (database) => {
        const scorecard = await resolveScorecard(database, options.scorecard);
        const result = await withCliErrors(() => calibrateScorecard(database, { ...request, scorecardId: scorecard.id }));
        if (result.status !== 'calibrated') throw new CliError(`Not calibrated on ${result.outcome}: ${result.reason}.`);
        const saved = options.accept ? await saveCalibration(database, scorecard, result) : null;
        if (options.format === 'json') {
          process.stdout.write(`${JSON.stringify(saved ? { ...result, saved } : result, null, 2)}\n`);
          return;
        }
        printCalibration(result);
        process.stdout.write('\n');
        if (!saved) {
          process.stdout.write(`Not saved. Run again with --accept to save this as version ${(result.baseVersion ?? scorecard.version) + 1}.\n`);
          return;
        }
        process.stdout.write(`Saved ${scorecard.name} version ${saved.version} (note: ${saved.note}).\n${recomputeSentence(saved.recompute)}\n`);
      });
    });
}
