import { ActionIcon, Button, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { Fragment } from 'react';
import { accountFieldLabels } from '../../../format/health';
import { RowProblems } from './RowProblems';
import type { ErrorAt } from './draft-problems';
import { type AccountField, type CriterionDraft, newCriterionDraft } from './scorecard-draft';

const accountFieldOptions = (Object.keys(accountFieldLabels) as AccountField[]).map((field) => ({
  value: field,
  label: accountFieldLabels[field],
}));

/** Which accounts a scorecard other than the default scores: every criterion must hold, and a criterion holds when the field is one of its values. */
export function CriteriaEditor({
  criteria,
  onChange,
  errorAt,
}: {
  criteria: CriterionDraft[];
  onChange: (criteria: CriterionDraft[]) => void;
  errorAt: ErrorAt;
}) {
  const setCriterion = (index: number, patch: Partial<CriterionDraft>) =>
    onChange(criteria.map((criterion, at) => (at === index ? { ...criterion, ...patch } : criterion)));
  return (
    <Stack gap="xs">
      <Text size="sm" c="dimmed">
        This scorecard scores the accounts that meet every criterion (values compared ignoring case); the
        default scorecard scores the rest.
      </Text>
      {criteria.length > 0 && (
        <Table withRowBorders={false} verticalSpacing={4} horizontalSpacing={6}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Account</Table.Th>
              <Table.Th>Field or trait</Table.Th>
              <Table.Th>Is one of (comma-separated)</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {criteria.map((criterion, index) => (
              <Fragment key={criterion.key}>
                <Table.Tr>
                  <Table.Td>
                    <Select
                      aria-label={`Criterion ${index + 1} kind`}
                      w={130}
                      data={[
                        { value: 'account_field', label: 'Field' },
                        { value: 'trait', label: 'Trait' },
                      ]}
                      value={criterion.kind}
                      onChange={(value) =>
                        value && setCriterion(index, { kind: value as CriterionDraft['kind'] })
                      }
                      allowDeselect={false}
                    />
                  </Table.Td>
                  <Table.Td>
                    {criterion.kind === 'account_field' ? (
                      <Select
                        aria-label={`Criterion ${index + 1} field`}
                        w={170}
                        data={accountFieldOptions}
                        value={criterion.field}
                        onChange={(value) => value && setCriterion(index, { field: value as AccountField })}
                        allowDeselect={false}
                      />
                    ) : (
                      <TextInput
                        aria-label={`Criterion ${index + 1} trait key`}
                        w={170}
                        placeholder="e.g. Plan"
                        value={criterion.traitKey}
                        onChange={(event) => setCriterion(index, { traitKey: event.currentTarget.value })}
                        error={Boolean(errorAt(`criteria.${index}.key`))}
                      />
                    )}
                  </Table.Td>
                  <Table.Td>
                    <TextInput
                      aria-label={`Criterion ${index + 1} values`}
                      placeholder="e.g. Enterprise, Strategic"
                      value={criterion.values}
                      onChange={(event) => setCriterion(index, { values: event.currentTarget.value })}
                      error={Boolean(errorAt(`criteria.${index}.values`))}
                    />
                  </Table.Td>
                  <Table.Td>
                    <ActionIcon
                      variant="subtle"
                      color="gray"
                      aria-label={`Remove criterion ${index + 1}`}
                      onClick={() => onChange(criteria.filter((_, at) => at !== index))}
                    >
                      ×
                    </ActionIcon>
                  </Table.Td>
                </Table.Tr>
                <RowProblems
                  colSpan={4}
                  messages={['', '.key', '.values', '.field'].map((field) =>
                    errorAt(`criteria.${index}${field}`),
                  )}
                />
              </Fragment>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {errorAt('criteria') && (
        <Text size="xs" c="red">
          {errorAt('criteria')}
        </Text>
      )}
      <div>
        <Button
          size="compact-sm"
          variant="subtle"
          onClick={() => onChange([...criteria, newCriterionDraft()])}
        >
          Add criterion
        </Button>
      </div>
    </Stack>
  );
}
