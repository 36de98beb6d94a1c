import {
  createTheme,
  defaultVariantColorsResolver,
  type BadgeProps,
  type ButtonProps,
  type CardProps,
  type MantineColorsTuple,
  type NotificationProps,
  type PaperProps,
  type TableProps,
  type VariantColorsResolver,
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

/**
 * Light (tinted) variants keep their tint but use near-black text in light mode and near-white in
 * dark mode, so badges such as 即将到期 (orange) or 按时 (green) stay above 4.5:1 (WCAG AA).
 */
const variantColorResolver: VariantColorsResolver = (input) => {
  const d = defaultVariantColorsResolver(input);
  if (input.variant === 'light')
    return {
      ...d,
      color: 'light-dark(var(--mantine-color-dark-9), var(--mantine-color-gray-0))',
      hoverColor: 'light-dark(var(--mantine-color-dark-9), var(--mantine-color-gray-0))',
    };
  return d;
};

export const theme = createTheme({
  variantColorResolver,
  primaryColor: 'blue',
  // Shade 9 keeps white text on filled buttons and badges above 4.5:1 (WCAG AA).
  primaryShade: { light: 9, dark: 8 },
  colors: { brand },
  defaultRadius: 'sm',
  fontFamily:
    '-apple-system, BlinkMacSystemFont, "Segoe UI", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans SC", sans-serif',
  headings: { fontWeight: '600' },
  // Plain objects rather than `Table.extend(…)`: `extend` would import each component (and
  // Table brings ScrollArea and floating-ui) into the first screen just to set defaults.
  components: {
    Table: {
      defaultProps: {
        striped: true,
        highlightOnHover: true,
        verticalSpacing: 'xs',
      } satisfies TableProps,
    },
    Badge: { defaultProps: { variant: 'light', radius: 'sm' } satisfies BadgeProps },
    Button: { defaultProps: { radius: 'sm' } satisfies ButtonProps },
    Card: { defaultProps: { withBorder: true, radius: 'md', padding: 'lg' } satisfies CardProps },
    Paper: { defaultProps: { radius: 'md' } satisfies PaperProps },
    // The close button of every notification has a name (both languages: the theme has no locale).
    Notification: {
      defaultProps: {
        closeButtonProps: { 'aria-label': '关闭 Close' },
        // Mantine greys a titled notification's text with gray-6 (3.3:1 on white); the app's
        // dimmed colour keeps it above 4.5:1 in both schemes.
        styles: { description: { color: 'var(--mantine-color-dimmed)' } },
      } satisfies Partial<NotificationProps>,
    },
  },
});
