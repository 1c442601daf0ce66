import { type Command, InvalidArgumentError, Option } from 'commander';
import type { Database } from '../../server/db/database';
import { refreshJourney } from '../../server/features/segments/journey-refresh';
import { describeRule } from '../../server/features/segments/rule-text';
import {
  findSegmentByName,
  listHistory,
  listMembers,
  listSegments,
} from '../../server/features/segments/segment.service';
import type { Segment } from '../../shared/api/segments.contract';
import { CliError, withDatabase } from '../cli-database';
import { printTable } from '../print-table';

function wholeNumber(value: string): number {
  const parsed = Number(value);
  if (!/^\d+$/.test(value.trim()) || parsed < 1 || parsed > 200)
    throw new InvalidArgumentError('expected a whole number from 1 to 200.');
  return parsed;
}

/** Money in minor units as whole US dollars, e.g. $240,000. */
export const dollars = (minor: number) => `$${Math.round(minor / 100).toLocaleString('en-US')}`;

async function requireSegment(database: Database, name: string): Promise<Segment> {
  const segment = await findSegmentByName(database.db, name);
  if (!segment) throw new CliError(`No segment named "${name}". \`cycle segments list\` shows them.`);
  return segment;
}

const ruleText = (segment: Segment) => (segment.rule ? describeRule(segment.rule) : '(static list)');

/** `cycle segments list | show | members | history | refresh`. */
export function registerSegmentsCommand(program: Command): void {
  const segments = program
    .command('segments')
    .description(
      'Segments: dynamic (rule-based) and static groups of accounts, their members and who entered or left when.',
    );

  segments
    .command('list')
    .description('List segments with their member counts and rules.')
    .action(async () => {
      await withDatabase(async (database) => {
        const rows = await listSegments(database.db);
        if (rows.length === 0) {
          process.stdout.write(
            'No segments yet. Create them in the web app or with POST /api/v1/segments.\n',
          );
          return;
        }
        printTable(
          ['name', 'kind', 'members', 'evaluated', 'rule'],
          rows.map((segment) => [
            segment.name,
            segment.kind,
            String(segment.memberCount),
            segment.evaluatedAt ?? '',
            segment.problems.length > 0 ? `${ruleText(segment)} (not applied: see show)` : ruleText(segment),
          ]),
        );
      });
    });

  segments
    .command('show <name>')
    .description('Show one segment: its rule, member count and when it was last evaluated.')
    .action(async (name: string) => {
      await withDatabase(async (database) => {
        const segment = await requireSegment(database, name);
        const lines = [
          `Segment:   ${segment.name} (${segment.kind})`,
          ...(segment.description ? [`About:     ${segment.description}`] : []),
          `Rule:      ${ruleText(segment)}`,
          `Members:   ${segment.memberCount}`,
          `Evaluated: ${segment.evaluatedAt ?? 'never'}`,
          ...segment.problems.map(
            (problem) =>
              `Problem:   ${problem.path}: ${problem.message} (members are not refreshed until it is fixed)`,
          ),
        ];
        process.stdout.write(`${lines.join('\n')}\n`);
      });
    });

  segments
    .command('members <name>')
    .description("List a segment's accounts with ARR, health and owner.")
    .addOption(
      new Option('--sort <field>', 'order').choices(['name', '-name', 'arr', '-arr']).default('name'),
    )
    .option('--limit <n>', 'show at most this many (1–200, default 50)', wholeNumber, 50)
    .action(async (name: string, options: { sort: 'name' | '-name' | 'arr' | '-arr'; limit: number }) => {
      await withDatabase(async (database) => {
        const segment = await requireSegment(database, name);
        const page = await listMembers(database.db, segment.id, {
          sort: options.sort,
          page: 1,
          pageSize: options.limit,
        });
        printTable(
          ['account', 'ARR', 'health', 'owner', 'since'],
          page.items.map((member) => [
            member.name,
            dollars(member.arr.amountMinor),
            member.health ? `${member.health.score} ${member.health.band}` : '',
            member.owner?.email ?? '',
            member.since,
          ]),
        );
        const more = page.total - page.items.length;
        process.stdout.write(
          `${page.total} member${page.total === 1 ? '' : 's'}${more > 0 ? ` (${more} more: raise --limit)` : ''}.\n`,
        );
      });
    });

  segments
    .command('history <name>')
    .description('Who entered and left a segment, newest first.')
    .option('--limit <n>', 'show at most this many (1–200, default 50)', wholeNumber, 50)
    .action(async (name: string, options: { limit: number }) => {
      await withDatabase(async (database) => {
        const segment = await requireSegment(database, name);
        const page = await listHistory(database.db, segment.id, { page: 1, pageSize: options.limit });
        printTable(
          ['at', 'change', 'account'],
          page.items.map((event) => [event.at, event.change, event.account.name]),
        );
        process.stdout.write(`${page.total} event${page.total === 1 ? '' : 's'}.\n`);
      });
    });

  segments
    .command('refresh')
    .description(
      'Re-apply tiers, stage entry rules and dynamic segments now (the server does it every 5 minutes).',
    )
    .action(async () => {
      await withDatabase(async (database) => {
        const result = await refreshJourney(database);
        for (const skipped of [
          ...result.tiers.skipped,
          ...result.stages.skipped,
          ...result.segments.skipped,
        ]) {
          const problems = skipped.problems
            .map((problem) => `${problem.path}: ${problem.message}`)
            .join('; ');
          process.stderr.write(`Skipped the rule of "${skipped.name}": ${problems}\n`);
        }
        const { segments: refreshed, entered, left } = result.segments;
        process.stdout.write(
          `Tiers: ${result.tiers.changed} account${result.tiers.changed === 1 ? '' : 's'} changed. ` +
            `Stages: ${result.stages.changed} changed. ` +
            `Segments: ${refreshed} refreshed, ${entered} entered, ${left} left.\n`,
        );
      });
    });
}
