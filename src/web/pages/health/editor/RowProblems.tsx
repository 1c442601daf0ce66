import { Table, Text } from '@mantine/core';

function distinct(messages: readonly (string | undefined)[]): string[] {
  return [...new Set(messages.filter((message): message is string => Boolean(message)))];
}

/**
 * The problems of one row of an editor table, on a line of their own under it, so narrow number
 * boxes keep their size (the boxes themselves only turn red).
 */
export function RowProblems({
  messages,
  colSpan,
}: {
  messages: readonly (string | undefined)[];
  colSpan: number;
}) {
  const shown = distinct(messages);
  if (shown.length === 0) return null;
  return (
    <Table.Tr>
      <Table.Td colSpan={colSpan} pt={0}>
        <Text size="xs" c="red">
          {shown.join('; ')}
        </Text>
      </Table.Td>
    </Table.Tr>
  );
}

/** The same, under a group of fields that is not a table. */
export function FieldProblems({ messages }: { messages: readonly (string | undefined)[] }) {
  const shown = distinct(messages);
  if (shown.length === 0) return null;
  return (
    <Text size="xs" c="red">
      {shown.join('; ')}
    </Text>
  );
}
