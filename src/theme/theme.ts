import {
  createTheme,
  Table,
  Badge,
  Button,
  Card,
  Paper,
  type MantineColorsTuple,
} from '@mantine/core';

/** Government red for the brand, used sparingly; blue for actions. */
const brand: MantineColorsTuple = [
  '#fff0f0',
  '#ffdede',
  '#fbbcbc',
  '#f59595',
  '#ef6f6f',
  '#e85454',
  '#c92a2a',
  '#b02020',
  '#9a1a1a',
  '#801414',
];

export const theme = createTheme({
  primaryColor: 'blue',
  colors: { brand },
  defaultRadius: 'sm',
  fontFamily:
    '-apple-system, BlinkMacSystemFont, "Segoe UI", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans SC", sans-serif',
  headings: { fontWeight: '600' },
  components: {
    Table: Table.extend({
      defaultProps: { striped: true, highlightOnHover: true, verticalSpacing: 'xs' },
    }),
    Badge: Badge.extend({ defaultProps: { variant: 'light', radius: 'sm' } }),
    Button: Button.extend({ defaultProps: { radius: 'sm' } }),
    Card: Card.extend({ defaultProps: { withBorder: true, radius: 'md', padding: 'lg' } }),
    Paper: Paper.extend({ defaultProps: { radius: 'md' } }),
  },
});
