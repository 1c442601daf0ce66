import type { Command } from 'commander';
import { getJourneyBoard } from '../../server/features/journey/journey-board.service';
import { listStages } from '../../server/features/journey/stage.service';
import { withDatabase } from '../cli-database';
import { printTable } from '../print-table';
import { usd } from './capacity.command';

/** `cycle stages list | board`: the journey map and where the accounts are on it. */
export function registerStagesCommand(program: Command): void {
  const stages = program
    .command('stages')
    .description('Lifecycle stages: the journey map every account goes through.');

  stages
    .command('list')
    .description('List the stages in order, with their accounts, expected days, owning team and entry rule.')
    .action(async () => {
      await withDatabase(async ({ db }) => {
        const { items } = await listStages(db);
        if (items.length === 0) {
          process.stdout.write('No stages yet. Add them on the journey page, or with POST /api/v1/stages.\n');
          return;
        }
        printTable(
          ['#', 'stage', 'accounts', 'expected days', 'owning team', 'entry', 'touchpoints', 'metrics'],
          items.map((stage) => [
            String(stage.position + 1),
            stage.name,
            String(stage.accounts),
            stage.expectedDays === null ? '-' : String(stage.expectedDays),
            stage.owningTeam?.name ?? '-',
            stage.entryRule ? 'rule' : 'by hand',
            String(stage.touchpoints.length),
            stage.metrics.map((metric) => metric.label).join(', ') || '-',
          ]),
        );
      });
    });

  stages
    .command('board')
    .description(
      'The journey board: accounts, ARR, overdue accounts and median days per stage (churned left out).',
    )
    .action(async () => {
      await withDatabase(async ({ db }) => {
        const board = await getJourneyBoard(db);
        printTable(
          ['stage', 'accounts', 'ARR (USD)', 'overdue', 'median days'],
          [
            ...board.columns.map((column) => [
              column.stage.name,
              String(column.accounts),
              usd(column.arrMinor),
              String(column.overdue),
              column.medianDaysInStage === null ? '-' : String(column.medianDaysInStage),
            ]),
            ...board.offMap.map((group) => [
              `${group.stage} (not on the map)`,
              String(group.accounts),
              usd(group.arrMinor),
              '-',
              '-',
            ]),
            ['(no stage)', String(board.noStage.accounts), usd(board.noStage.arrMinor), '-', '-'],
          ],
        );
      });
    });
}
