import { Button, Checkbox, Popover, Stack } from '@mantine/core';
import {
  type AccountColumn,
  accountColumns,
  defaultAccountColumns,
} from '../../../shared/api/accounts.contract';
import { normaliseColumns } from './accounts-view';
import { columnLabels } from './column-labels';

interface ColumnChooserProps {
  columns: readonly AccountColumn[];
  onChange: (columns: AccountColumn[]) => void;
}

/** Which columns the table shows (and the CSV export writes); the account name always stays. */
export function ColumnChooser({ columns, onChange }: ColumnChooserProps) {
  return (
    <Popover position="bottom-end" shadow="md" withArrow trapFocus>
      <Popover.Target>
        <Button variant="default">Columns</Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Checkbox.Group
          label="Show columns"
          value={[...columns]}
          onChange={(values) => onChange(normaliseColumns(values))}
        >
          <Stack gap={8} mt="xs">
            {accountColumns.map((column) => (
              <Checkbox
                key={column}
                value={column}
                label={columnLabels[column]}
                disabled={column === 'name'}
                size="sm"
              />
            ))}
          </Stack>
        </Checkbox.Group>
        <Button variant="subtle" size="xs" mt="sm" onClick={() => onChange([...defaultAccountColumns])}>
          Reset to default
        </Button>
      </Popover.Dropdown>
    </Popover>
  );
}
