import type { Command } from 'commander';
import type { CapacityOverview, RebalancePreview } from '../../shared/api/capacity.contract';
import { applyRebalance } from '../../server/features/team/capacity-rebalance.service';
import { getCapacityOverview, previewRebalance } from '../../server/features/team/capacity.service';
import { ProblemError } from '../../server/http/problem';
import { CliError, withDatabase } from '../cli-database';
import { printTable } from '../print-table';

interface CapacityOptions {
  rebalance?: boolean;
  apply?: boolean;
}

/** USD minor units as dollars with cents: 2772000 → "27,720.00". */
export const usd = (minor: number): string =>
  (minor / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const percent = (ratio: number | null): string => (ratio === null ? '-' : `${(ratio * 100).toFixed(1)}%`);
const units = (workload: number): string => workload.toFixed(2);

/** The books table: one row per CSM, then the team and the accounts nobody owns. */
function printBooks(overview: CapacityOverview): void {
  const { team, unowned } = overview;
  printTable(
    ['CSM', 'accounts', 'ARR (USD)', 'workload', 'capacity', 'utilisation', 'flag'],
    [
      ...overview.books.map((book) => [
        book.name,
        String(book.accounts),
        usd(book.arrMinor),
        units(book.workload),
        units(book.capacity),
        percent(book.utilisation),
        book.flag,
      ]),
      [
        'Team',
        String(team.accounts),
        usd(team.arrMinor),
        units(team.workload),
        units(team.capacity),
        percent(team.utilisation),
        `${team.overloaded} over, ${team.underloaded} under`,
      ],
    ],
  );
  if (unowned.accounts > 0) {
    process.stdout.write(
      `Unowned: ${unowned.accounts} account${unowned.accounts === 1 ? '' : 's'}, ${usd(unowned.arrMinor)} ARR, ${units(unowned.workload)} workload.\n`,
    );
  }
  process.stdout.write(`${overview.benchmarks.source} (not your team's figures).\n`);
}

/** The proposal: the moves, then each CSM's load before and after, then what stays unresolved. */
function printProposal(preview: RebalancePreview): void {
  if (preview.moves.length === 0) {
    process.stdout.write('No moves proposed: no CSM is over capacity, or nobody eligible has room.\n');
  } else {
    printTable(
      ['account', 'from', 'to', 'weight'],
      preview.moves.map((move) => [move.accountName, move.fromName, move.toName, units(move.weight)]),
    );
  }
  process.stdout.write('\n');
  printTable(
    ['CSM', 'workload before', 'workload after', 'capacity', 'utilisation before', 'utilisation after'],
    preview.before.map((before, index) => {
      const after = preview.after[index]!;
      return [
        before.name,
        units(before.workload),
        units(after.workload),
        units(before.capacity),
        percent(before.utilisation),
        percent(after.utilisation),
      ];
    }),
  );
  for (const item of preview.unresolved) process.stdout.write(`Unresolved: ${item.why}.\n`);
}

/** `cycle capacity [--rebalance [--apply]]`: books of business, a rebalancing proposal, and applying it. */
export function registerCapacityCommand(program: Command): void {
  program
    .command('capacity')
    .description("Each CSM's book of business: accounts, ARR, workload, capacity, utilisation and load flag.")
    .option('--rebalance', 'propose moves that bring overloaded CSMs within capacity (moves nothing)')
    .option('--apply', 'with --rebalance: make the proposed moves')
    .action(async (options: CapacityOptions) => {
      if (options.apply && !options.rebalance) {
        throw new CliError(
          '--apply makes the moves of a proposal: use it with --rebalance (cycle capacity --rebalance --apply).',
        );
      }
      await withDatabase(async ({ db }) => {
        if (!options.rebalance) {
          printBooks(await getCapacityOverview(db));
          return;
        }
        const preview = await previewRebalance(db);
        printProposal(preview);
        if (!options.apply) {
          if (preview.moves.length > 0) {
            const these = preview.moves.length === 1 ? 'this move' : `these ${preview.moves.length} moves`;
            process.stdout.write(
              `\nPreview only. Run cycle capacity --rebalance --apply to make ${these}.\n`,
            );
          }
          return;
        }
        if (preview.moves.length === 0) return;
        try {
          const result = await applyRebalance(db, {
            moves: preview.moves.map(({ accountId, fromId, toId }) => ({ accountId, fromId, toId })),
            basis: preview.basis,
          });
          process.stdout.write(
            `\nMoved ${result.applied} account${result.applied === 1 ? '' : 's'}. The books now:\n\n`,
          );
          printBooks(result.overview);
        } catch (error) {
          if (error instanceof ProblemError && error.status < 500) throw new CliError(error.detail);
          throw error;
        }
      });
    });
}
