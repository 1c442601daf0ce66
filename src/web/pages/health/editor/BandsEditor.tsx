import {
  ActionIcon,
  Button,
  getThemeColor,
  NumberInput,
  Stack,
  Table,
  Text,
  TextInput,
  useMantineTheme,
} from '@mantine/core';
import { Fragment } from 'react';
import { bandColor } from '../../../format/health';
import { RowProblems } from './RowProblems';
import type { ErrorAt } from './draft-problems';
import { type BandDraft, newKey, type NumberField } from './scorecard-draft';

const numberValue = (value: string | number): NumberField =>
  typeof value === 'number' ? value : value === '' ? '' : Number(value);

/** The bands from low (worst) to high: name and edges; together they cover 0–100. */
export function BandsEditor({
  bands,
  onChange,
  errorAt,
}: {
  bands: BandDraft[];
  onChange: (bands: BandDraft[]) => void;
  errorAt: ErrorAt;
}) {
  const theme = useMantineTheme();
  const setBand = (index: number, patch: Partial<BandDraft>) =>
    onChange(bands.map((band, at) => (at === index ? { ...band, ...patch } : band)));
  return (
    <Stack gap="xs">
      <Text size="sm" c="dimmed">
        From the worst to the best. A band holds the scores above its lower edge up to and including its upper
        edge (the first also holds its lower edge), so Red 0–50 and Yellow 50–75 put 50 in Red. Together they
        cover 0–100 with no gap.
      </Text>
      <Table withRowBorders={false} verticalSpacing={4} horizontalSpacing={6} maw={520}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th />
            <Table.Th>Name</Table.Th>
            <Table.Th>Lower</Table.Th>
            <Table.Th>Upper</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {bands.map((band, index) => (
            <Fragment key={band.key}>
              <Table.Tr>
                <Table.Td>
                  <span
                    aria-hidden="true"
                    style={{
                      display: 'inline-block',
                      width: 12,
                      height: 12,
                      borderRadius: 3,
                      backgroundColor: getThemeColor(`${bandColor(index, bands.length)}.6`, theme),
                    }}
                  />
                </Table.Td>
                <Table.Td>
                  <TextInput
                    aria-label={`Band ${index + 1} name`}
                    w={180}
                    value={band.name}
                    onChange={(event) => setBand(index, { name: event.currentTarget.value })}
                    error={Boolean(errorAt(`bands.${index}.name`) ?? errorAt(`bands.${index}`))}
                  />
                </Table.Td>
                <Table.Td>
                  <NumberInput
                    aria-label={`Band ${index + 1} lower edge`}
                    w={90}
                    min={0}
                    max={100}
                    value={band.lower}
                    onChange={(value) => setBand(index, { lower: numberValue(value) })}
                    error={Boolean(errorAt(`bands.${index}.lower`))}
                    hideControls
                  />
                </Table.Td>
                <Table.Td>
                  <NumberInput
                    aria-label={`Band ${index + 1} upper edge`}
                    w={90}
                    min={0}
                    max={100}
                    value={band.upper}
                    onChange={(value) => setBand(index, { upper: numberValue(value) })}
                    error={Boolean(errorAt(`bands.${index}.upper`))}
                    hideControls
                  />
                </Table.Td>
                <Table.Td>
                  {bands.length > 1 && (
                    <ActionIcon
                      variant="subtle"
                      color="gray"
                      aria-label={`Remove band ${band.name || index + 1}`}
                      onClick={() => onChange(bands.filter((_, at) => at !== index))}
                    >
                      ×
                    </ActionIcon>
                  )}
                </Table.Td>
              </Table.Tr>
              <RowProblems
                colSpan={5}
                messages={[
                  errorAt(`bands.${index}`),
                  errorAt(`bands.${index}.name`),
                  errorAt(`bands.${index}.lower`),
                  errorAt(`bands.${index}.upper`),
                ]}
              />
            </Fragment>
          ))}
        </Table.Tbody>
      </Table>
      {bands.length < 10 && (
        <div>
          <Button
            size="compact-sm"
            variant="subtle"
            onClick={() => {
              const last = bands[bands.length - 1];
              onChange([
                ...bands,
                {
                  key: newKey(),
                  name: '',
                  lower: last?.upper === '' || last === undefined ? '' : last.upper,
                  upper: 100,
                },
              ]);
            }}
          >
            Add band
          </Button>
        </div>
      )}
    </Stack>
  );
}
