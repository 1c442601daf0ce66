import { ActionIcon, Button, Code, NumberInput, Stack, Table, Text, TextInput } from '@mantine/core';
import { Fragment } from 'react';
import { RowProblems } from './RowProblems';
import type { ErrorAt } from './draft-problems';
import { type GroupDraft, newGroupDraft, type NumberField } from './scorecard-draft';

const numberValue = (value: string | number): NumberField =>
  typeof value === 'number' ? value : value === '' ? '' : Number(value);

interface GroupsEditorProps {
  groups: GroupDraft[];
  /** Each group's id, in order (kept for saved groups, derived from the name for new ones). */
  ids: string[];
  /** How many measures are in each group, by group key. */
  measureCounts: Map<string, number>;
  onChange: (groups: GroupDraft[]) => void;
  errorAt: ErrorAt;
}

/** Optional groups (one level): a group's weight is shared by its measures. */
export function GroupsEditor({ groups, ids, measureCounts, onChange, errorAt }: GroupsEditorProps) {
  const setGroup = (index: number, patch: Partial<GroupDraft>) =>
    onChange(groups.map((group, at) => (at === index ? { ...group, ...patch } : group)));
  return (
    <Stack gap="xs">
      <Text size="sm" c="dimmed">
        Optional. A group&apos;s weight is shared by the measures in it, in proportion to their own weights; a
        measure without a group counts as a group of its own. Weights are relative: 40 and 20 mean two thirds
        and one third.
      </Text>
      {groups.length > 0 && (
        <Table withRowBorders={false} verticalSpacing={4} horizontalSpacing={6}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>Weight</Table.Th>
              <Table.Th>Id</Table.Th>
              <Table.Th>Measures</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {groups.map((group, index) => {
              const count = measureCounts.get(group.key) ?? 0;
              return (
                <Fragment key={group.key}>
                  <Table.Tr>
                    <Table.Td>
                      <TextInput
                        aria-label={`Group ${index + 1} name`}
                        placeholder="e.g. Adoption"
                        value={group.name}
                        onChange={(event) => setGroup(index, { name: event.currentTarget.value })}
                        error={Boolean(
                          errorAt(`groups.${index}.name`) ??
                          errorAt(`groups.${index}.id`) ??
                          errorAt(`groups.${index}`),
                        )}
                      />
                    </Table.Td>
                    <Table.Td>
                      <NumberInput
                        aria-label={`Group ${index + 1} weight`}
                        w={100}
                        min={0}
                        value={group.weight}
                        onChange={(value) => setGroup(index, { weight: numberValue(value) })}
                        error={Boolean(errorAt(`groups.${index}.weight`))}
                      />
                    </Table.Td>
                    <Table.Td>
                      <Code fz="xs">{ids[index]}</Code>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" c={count === 0 ? 'red.7' : undefined}>
                        {count === 0 ? 'none yet' : count}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <ActionIcon
                        variant="subtle"
                        color="gray"
                        aria-label={`Remove group ${group.name || index + 1}`}
                        title={count > 0 ? 'Its measures become ungrouped' : undefined}
                        onClick={() => onChange(groups.filter((_, at) => at !== index))}
                      >
                        ×
                      </ActionIcon>
                    </Table.Td>
                  </Table.Tr>
                  <RowProblems
                    colSpan={5}
                    messages={['', '.name', '.id', '.weight'].map((field) =>
                      errorAt(`groups.${index}${field}`),
                    )}
                  />
                </Fragment>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
      <div>
        <Button size="compact-sm" variant="subtle" onClick={() => onChange([...groups, newGroupDraft()])}>
          Add group
        </Button>
      </div>
    </Stack>
  );
}
