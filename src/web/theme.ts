import { Badge, createTheme, Paper, Table } from '@mantine/core';
import classes from './theme.module.css';

/** Mantine defaults with our accent colour and a calmer, rounder look; fonts are the system's own. */
export const theme = createTheme({
  primaryColor: 'indigo',
  defaultRadius: 'md',
  cursorType: 'pointer',
  headings: { fontWeight: '650' },
  components: {
    Badge: Badge.extend({ defaultProps: { radius: 'sm' } }),
    Paper: Paper.extend({ defaultProps: { radius: 'md' } }),
    Table: Table.extend({ classNames: { thead: classes.tableHead } }),
  },
});
