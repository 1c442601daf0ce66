import { Badge, Group, Table, Text } from '@mantine/core';
import type { AccountHealth } from '../../../shared/api/health.contract';
import { formatPercent } from '../../format/metric-values';
import { describeInput, formatRawValue, formatScore } from '../../format/health';
import { humanize } from '../../format/labels';
import classes from './HealthCard.module.css';

type ExplanationLine = AccountHealth['explanation'][number];

const treatmentLabels: Record<ExplanationLine['treatment'], string | null> = {
  scored: null,
  defaulted: 'Default',
  excluded: 'Excluded',
};

function MeasureCell({ line }: { line: ExplanationLine }) {
  const treatment = treatmentLabels[line.treatment];
  return (
    <>
      <Group gap={6} wrap="nowrap">
        <Text size="sm" fw={500}>
          {line.name}
        </Text>
        {treatment && (
          <Badge size="xs" variant="outline" color="gray">
            {treatment}
          </Badge>
        )}
      </Group>
      <Text size="xs" c="dimmed">
        {line.groupId ? `${humanize(line.groupId)} · ` : ''}
        {describeInput(line.input)}, {line.windowDays}-day window
      </Text>
      {line.missingReason && (
        <Text size="xs" c="dimmed" fs="italic">
          {line.missingReason}
        </Text>
      )}
    </>
  );
}

/**
 * Why the account has its score: each measure's raw value, measure score, effective weight and
 * contribution in points. The contributions add up to the score (docs/health.md), shown as the total.
 */
export function HealthExplanationTable({ explanation }: { explanation: AccountHealth['explanation'] }) {
  const total = explanation.reduce((sum, line) => sum + line.contribution, 0);
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table verticalSpacing={8} className={classes.numbers} aria-label="How the score is made up">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Measure</Table.Th>
            <Table.Th ta="right">Value</Table.Th>
            <Table.Th ta="right">Measure score</Table.Th>
            <Table.Th ta="right">Weight</Table.Th>
            <Table.Th ta="right">Contribution</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {explanation.map((line) => {
            const muted = line.treatment === 'excluded';
            return (
              <Table.Tr
                key={line.measureId}
                data-testid="explanation-row"
                data-treatment={line.treatment}
                c={muted ? 'dimmed' : undefined}
              >
                <Table.Td>
                  <MeasureCell line={line} />
                </Table.Td>
                <Table.Td ta="right">{formatRawValue(line.input, line.rawValue)}</Table.Td>
                <Table.Td ta="right">
                  {line.measureScore === null ? '—' : formatScore(line.measureScore)}
                </Table.Td>
                <Table.Td ta="right">{muted ? '—' : formatPercent(line.effectiveWeight)}</Table.Td>
                <Table.Td ta="right" fw={600} data-testid="contribution">
                  {formatScore(line.contribution)}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr className={classes.totalRow}>
            <Table.Td fw={650}>Score</Table.Td>
            <Table.Td />
            <Table.Td />
            <Table.Td ta="right">
              {formatPercent(explanation.reduce((sum, line) => sum + line.effectiveWeight, 0))}
            </Table.Td>
            <Table.Td ta="right" fw={700} data-testid="contribution-total">
              {formatScore(total)}
            </Table.Td>
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </Table.ScrollContainer>
  );
}
