import { recomputeHealth } from '../../server/features/health-scoring/health-recompute.service';
import fs from 'node:fs';
import path from 'node:path';
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { formatRejectsCsv } from '../../domain/imports/csv-format';
import { importKinds } from '../../domain/imports/import-fields';
import { type ImportOptions, type OptionLabels, parseImportOptions } from '../../domain/imports/import-options';
import { importPresetNames } from '../../domain/imports/import-presets';
import { describeProblem, ImportInputError } from '../../domain/imports/import-problems';
import { formatImportSummary } from '../../domain/imports/import-summary';
import { MAX_REPORTED_PROBLEMS, toProblemError } from '../../server/features/imports/import-rejections';
import { type ImportOutcome, type ImportProgress, runImport } from '../../server/features/imports/import.service';
import { CliError, withDatabase } from '../cli-database';

interface ImportCommandOptions {
  preset?: string;
  map?: string;
  mappingFile?: string;
  dateFormat?: string;
  currency?: string;
  source?: string;
  skipInvalid?: boolean;
  rejectsFile?: string;
}

const cliLabels: OptionLabels = {
  kind: '<kind>',
  preset: '--preset',
  map: '--map',
  mapping: '--mapping-file',
  dateFormat: '--date-format',
  currency: '--currency',
  source: '--source',
  skipInvalid: '--skip-invalid',
};

function readMappingFile(file: string | undefined): string | undefined {
  if (file === undefined) return undefined;
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new CliError(`Cannot read the mapping file ${file}: ${(error as Error).message}`);
  }
}

function parseOptions(kind: string, options: ImportCommandOptions): ImportOptions {
  try {
    return parseImportOptions(
      {
        kind,
        preset: options.preset,
        map: options.map,
        mapping: readMappingFile(options.mappingFile),
        dateFormat: options.dateFormat,
        currency: options.currency,
        source: options.source,
        skipInvalid: options.skipInvalid ?? false,
      },
      cliLabels,
    );
  } catch (error) {
    if (error instanceof ImportInputError) throw toProblemError(error);
    throw error;
  }
}

function checkInputFile(file: string): number {
  let stats: fs.Stats;
  try {
    stats = fs.statSync(file);
  } catch {
    throw new CliError(`There is no file at ${file}; check the path.`);
  }
  if (!stats.isFile()) throw new CliError(`${file} is not a file; give the path of a CSV file.`);
  return stats.size;
}

/** A progress bar on stderr when it is a terminal; otherwise reports nothing. */
function progressReporter(totalBytes: number): { onProgress?: (progress: ImportProgress) => void; stop(): void } {
  if (!process.stderr.isTTY) return { stop() {} };
  const bar = new cliProgress.SingleBar(
    { format: 'Reading  {bar} {percentage}% | {rows} rows', stream: process.stderr, hideCursor: true, clearOnComplete: false },
    cliProgress.Presets.shades_classic,
  );
  bar.start(Math.max(totalBytes, 1), 0, { rows: 0 });
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    bar.stop();
  };
  return {
    onProgress(progress) {
      bar.update(Math.min(progress.bytesRead, totalBytes), { rows: progress.rowsRead.toLocaleString('en-US') });
      if (progress.phase === 'writing') {
        bar.update(totalBytes);
        stop();
        process.stderr.write('Writing to the database…\n');
      }
    },
    stop,
  };
}

function defaultRejectsFile(file: string): string {
  const parsed = path.parse(file);
  return path.join(parsed.dir, `${parsed.name}.rejected.csv`);
}

function reportRejects(outcome: ImportOutcome, rejectsFile: string): void {
  if (outcome.rejectedRows.length === 0) return;
  fs.writeFileSync(rejectsFile, formatRejectsCsv(outcome.headers, outcome.rejectedRows));
  const shown = outcome.rejectedRows.slice(0, MAX_REPORTED_PROBLEMS);
  for (const row of shown) process.stderr.write(`  ${describeProblem({ row: row.row, message: row.reason })}\n`);
  if (outcome.rejectedRows.length > shown.length) process.stderr.write(`  … and ${outcome.rejectedRows.length - shown.length} more\n`);
  process.stderr.write(`Wrote ${outcome.rejectedRows.length} rejected rows, with a reason column, to ${rejectsFile}\n`);
}

export function registerImportCommand(program: Command): void {
  program
    .command('import')
    .description('Import a CSV file. All-or-nothing unless --skip-invalid. See docs/imports.md.')
    .argument('<kind>', importKinds.join('|'))
    .argument('<file>', 'the CSV file (UTF-8, header row first)')
    .option('--preset <name>', `read another tool's export: ${importPresetNames.join('|')}`)
    .option('--map <mapping>', 'map columns: target=Source Header,target2=Other Header')
    .option('--mapping-file <path>', 'JSON file of target field → source header')
    .option('--date-format <format>', 'read DD/MM/YYYY (dmy) or MM/DD/YYYY (mdy) dates; ISO dates always work')
    .option('--currency <code>', 'ISO 4217 currency of amounts in rows without a currency column')
    .option('--source <name>', 'source system of the records (default: the preset tool, else csv)')
    .option('--skip-invalid', 'import the valid rows and write the others to the rejects file')
    .option('--rejects-file <path>', 'where --skip-invalid writes rejected rows (default: <file>.rejected.csv beside the input)')
    .action(async (kind: string, file: string, options: ImportCommandOptions) => {
      const importOptions = parseOptions(kind, options);
      const size = checkInputFile(file);
      const progress = progressReporter(size);
      try {
        const outcome = await withDatabase(async (database) => {
          const result = await runImport(database.pool, {
            options: importOptions,
            input: fs.createReadStream(file),
            fileName: path.basename(file),
            userId: null,
            onProgress: progress.onProgress,
          });
          // Imported rows are health inputs: rescore every account (nothing to do without a scorecard).
          await recomputeHealth(database, { trigger: 'event' });
          return result;
        });
        progress.stop();
        reportRejects(outcome, options.rejectsFile ?? defaultRejectsFile(file));
        process.stdout.write(`${formatImportSummary(outcome)}\n`);
      } finally {
        progress.stop();
      }
    });
}
