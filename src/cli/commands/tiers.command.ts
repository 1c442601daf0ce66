import type { Command } from 'commander';
import { describeRule } from '../../server/features/segments/rule-text';
import { listTiers, tierCadences } from '../../server/features/segments/tier.service';
import { withDatabase } from '../cli-database';
import { printTable } from '../print-table';

const every = (days: number | null) => (days === null ? '—' : `${days} d`);

/** `cycle tiers list`: tiers in order with touch models, cadences, account and overdue counts. */
export function registerTiersCommand(program: Command): void {
  const tiers = program
    .command('tiers')
    .description(
      'Tiers and touch models: ordered rules (first match wins, a default catches the rest) and engagement cadences.',
    );

  tiers
    .command('list')
    .description(
      'List tiers in order with touch model, cadences, accounts and how many are overdue (churned left out).',
    )
    .action(async () => {
      await withDatabase(async ({ db }) => {
        const [rows, cadence] = await Promise.all([listTiers(db), tierCadences(db)]);
        if (rows.length === 0) {
          process.stdout.write(
            'No tiers yet. Create them in the web app or with POST /api/v1/tiers (the default tier first).\n',
          );
          return;
        }
        const byId = new Map(cadence.items.map((item) => [item.tierId, item]));
        printTable(
          [
            '#',
            'tier',
            'touch',
            'EBR every',
            'check-in every',
            'accounts',
            'overdue EBR',
            'overdue check-in',
            'rule',
          ],
          rows.map((tier) => {
            const due = byId.get(tier.id);
            return [
              String(tier.position),
              tier.name,
              tier.touchModel,
              every(tier.ebrEveryDays),
              every(tier.checkInEveryDays),
              String(tier.accountCount),
              String(due?.overdueEbr ?? 0),
              String(due?.overdueCheckIn ?? 0),
              tier.rule ? describeRule(tier.rule) : '(default: every other account)',
            ];
          }),
        );
        process.stdout.write(
          `Overdue counts as of ${cadence.asOf} (UTC); accounts counts every account in the tier.\n`,
        );
      });
    });
}
