import { Badge, createTheme, Title, type CSSVariablesResolver } from '@mantine/core';

/**
 * Mantine theme. The default light palette has a few text colours below WCAG AA contrast on white
 * (dimmed grey, error red, primary blue-6 with white text, light badges and alerts); these are
 * darkened here. axe checks every screen in E2E.
 */
export const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: { light: 8, dark: 6 },
  defaultRadius: 'md',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  fontFamilyMonospace: 'ui-monospace, "Cascadia Mono", "Segoe UI Mono", "DejaVu Sans Mono", Consolas, monospace',
  headings: { fontWeight: '650' },
  components: {
    // Badges in table cells were squeezed to "Act…": their label clips, so the cell's min-content
    // width ignored the text. A badge is never narrower than its text.
    Badge: Badge.extend({ defaultProps: { tt: 'none' }, styles: { root: { minWidth: 'max-content' } } }),
    Title: Title.extend({ styles: { root: { textWrap: 'balance' } } }),
  },
});

export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
    '--mantine-color-anchor': 'var(--mantine-color-blue-8)',
    '--mantine-color-placeholder': 'var(--mantine-color-gray-6)',
    // Text of "light" badges and alerts sits on a 10 % tint of the same colour: needs ≥ 4.5:1.
    '--mantine-color-blue-light-color': 'var(--mantine-color-blue-9)',
    '--mantine-color-blue-light': 'var(--mantine-color-blue-0)',
    '--mantine-color-blue-light-hover': 'var(--mantine-color-blue-1)',
    '--mantine-color-red-light-color': 'var(--mantine-color-red-9)',
    '--mantine-color-grape-light-color': 'var(--mantine-color-grape-9)',
    '--mantine-color-gray-light-color': 'var(--mantine-color-gray-8)',
    '--mantine-color-green-light-color': '#1e7032',
    '--mantine-color-teal-light-color': '#06664a',
    '--mantine-color-orange-light-color': '#8a3a00',
    '--mantine-color-red-filled': 'var(--mantine-color-red-9)',
    '--mantine-color-red-filled-hover': '#a51f1f',
  },
  dark: {},
});
