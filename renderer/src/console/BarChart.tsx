import { Box, Card, Text, Title } from '@mantine/core';
import { useId } from 'react';

export interface Bar {
  label: string;
  value: number;
  /** The number as shown beside the bar (e.g. "40 % (2 van 5)"); the value when absent. */
  display?: string;
}

/** The same columns in every row (label, bar, number), so the bars line up. */
const ROW = { display: 'grid', gridTemplateColumns: '38% 1fr 8.5rem', columnGap: 10, alignItems: 'center' } as const;

/**
 * A small horizontal bar chart, one row per category: its label, the bar (SVG) and its number
 * written out — no legend to decode, readable in grey, and a list for a screen reader where every
 * row says label and number. Labels and numbers are text, so they wrap instead of being clipped.
 * `max` fixes the scale (100 for percentages); otherwise the largest value fills the bar.
 */
export function BarChart({ title, bars, max, empty, footnote }: { title: string; bars: readonly Bar[]; max?: number; empty: string; footnote?: string }) {
  const titleId = useId();
  const scale = max ?? Math.max(1, ...bars.map((b) => b.value));
  const hasData = bars.some((b) => b.value > 0);
  return (
    <Card withBorder radius="md" padding="md" component="figure" m={0} aria-labelledby={titleId}>
      <Title order={2} size="h4" id={titleId} mb="xs">
        {title}
      </Title>
      {hasData ? (
        <Box component="ul" aria-labelledby={titleId} m={0} p={0} style={{ listStyle: 'none', display: 'grid', rowGap: 6 }}>
          {bars.map((bar) => {
            const shown = bar.display ?? String(bar.value);
            const share = bar.value > 0 ? Math.max(1, Math.min(100, (bar.value / scale) * 100)) : 0;
            return (
              <li key={bar.label} aria-label={`${bar.label}: ${shown}`} style={ROW}>
                <Text size="sm" ta="right" aria-hidden="true" lh={1.25}>
                  {bar.label}
                </Text>
                <svg width="100%" height="18" aria-hidden="true" focusable="false" style={{ display: 'block' }}>
                  <rect x="0" y="0" width="100%" height="18" rx="3" fill="var(--mantine-color-gray-1)" />
                  <rect x="0" y="0" width={`${share}%`} height="18" rx="3" fill="var(--mantine-color-blue-7)" />
                </svg>
                <Text size="sm" fw={600} aria-hidden="true" lh={1.25}>
                  {shown}
                </Text>
              </li>
            );
          })}
        </Box>
      ) : (
        <Text c="dimmed" size="sm">
          {empty}
        </Text>
      )}
      {footnote && (
        <Text component="figcaption" c="dimmed" size="sm" mt="xs">
          {footnote}
        </Text>
      )}
    </Card>
  );
}
