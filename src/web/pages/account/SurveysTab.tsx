import { Badge, Table, Text } from '@mantine/core';
import type { Account360 } from '../../../shared/api/account-360.contract';
import { formatDate } from '../../format/dates';
import { TabTable } from './TabTable';
import { TabEmpty } from './TabEmpty';

type SurveyAnswer = Account360['surveyAnswers'][number];

const kindLabels: Record<SurveyAnswer['kind'], string> = {
  nps: 'NPS',
  csat: 'CSAT',
  ces: 'CES',
  custom: 'Custom',
};

/** Green for a good answer, red for a bad one, on each survey's own scale. */
function scoreColor(answer: SurveyAnswer): string {
  if (answer.kind === 'nps') return answer.score >= 9 ? 'teal' : answer.score >= 7 ? 'yellow' : 'red';
  if (answer.kind === 'csat') return answer.score >= 4 ? 'teal' : answer.score === 3 ? 'yellow' : 'red';
  if (answer.kind === 'ces') return answer.score >= 5 ? 'teal' : answer.score === 4 ? 'yellow' : 'red';
  return 'gray';
}

const scales: Record<SurveyAnswer['kind'], string> = { nps: '/ 10', csat: '/ 5', ces: '/ 7', custom: '' };

/** The latest survey answers (NPS, CSAT, CES) with who answered and what they said. */
export function SurveysTab({ answers }: { answers: SurveyAnswer[] }) {
  if (answers.length === 0) {
    return (
      <TabEmpty
        title="No survey answers"
        description="NPS, CSAT and CES answers appear here once imported or collected."
      />
    );
  }
  return (
    <TabTable
      minWidth={720}
      columns={[
        { label: 'Survey' },
        { label: 'Score' },
        { label: 'Comment' },
        { label: 'From' },
        { label: 'Answered' },
      ]}
    >
      {answers.map((answer) => (
        <Table.Tr key={answer.id}>
          <Table.Td>
            <Text size="sm" fw={600}>
              {kindLabels[answer.kind]}
            </Text>
            {answer.surveyName && (
              <Text size="xs" c="dimmed">
                {answer.surveyName}
              </Text>
            )}
          </Table.Td>
          <Table.Td>
            <Badge variant="light" color={scoreColor(answer)}>
              {answer.score} {scales[answer.kind]}
            </Badge>
          </Table.Td>
          <Table.Td maw={360}>
            <Text size="sm" c={answer.comment ? undefined : 'dimmed'} lineClamp={3}>
              {answer.comment ?? 'No comment'}
            </Text>
          </Table.Td>
          <Table.Td>
            <Text size="sm">{answer.contactName ?? 'Anonymous'}</Text>
          </Table.Td>
          <Table.Td>
            <Text size="sm">{formatDate(answer.respondedAt)}</Text>
          </Table.Td>
        </Table.Tr>
      ))}
    </TabTable>
  );
}
