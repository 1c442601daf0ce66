import { Paper } from '@mantine/core';
import { Notice } from '../../components/Notice';

/** The quiet "nothing here yet" of a tab, with a hint where the data comes from. */
export function TabEmpty({ title, description }: { title: string; description: string }) {
  return (
    <Paper withBorder>
      <Notice py="xl" size="sm" headingOrder={3} title={title} description={description} />
    </Paper>
  );
}
