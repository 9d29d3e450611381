import { Card, Text, Title } from '@mantine/core';
import { useId } from 'react';

export interface Bar {
  label: string;
  value: number;
  /** The number as shown beside the bar (e.g. "40 % (2 van 5)"); the value when absent. */
  display?: string;
}

const ROW = 30;
const LABEL_WIDTH = 210;
const BAR_WIDTH = 260;
const WIDTH = LABEL_WIDTH + BAR_WIDTH + 130;

/**
 * A small horizontal bar chart in SVG, one bar per category, each with its label and its number
 * written out (no legend to decode, readable in grey and by a screen reader: every bar has its own
 * aria label). `max` fixes the scale (100 for percentages); otherwise the largest value fills it.
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
        <svg role="list" aria-labelledby={titleId} viewBox={`0 0 ${WIDTH} ${bars.length * ROW}`} width="100%" style={{ maxWidth: WIDTH, display: 'block' }}>
          {bars.map((bar, index) => {
            const y = index * ROW;
            const width = bar.value > 0 ? Math.max(2, (bar.value / scale) * BAR_WIDTH) : 0;
            const shown = bar.display ?? String(bar.value);
            return (
              <g key={bar.label} role="listitem" aria-label={`${bar.label}: ${shown}`}>
                <text x={LABEL_WIDTH - 8} y={y + ROW / 2} textAnchor="end" dominantBaseline="middle" fontSize={13} fill="var(--mantine-color-text)" aria-hidden="true">
                  {bar.label}
                </text>
                <rect x={LABEL_WIDTH} y={y + 6} width={BAR_WIDTH} height={ROW - 12} rx={3} fill="var(--mantine-color-gray-1)" aria-hidden="true" />
                <rect x={LABEL_WIDTH} y={y + 6} width={width} height={ROW - 12} rx={3} fill="var(--mantine-color-blue-7)" aria-hidden="true" />
                <text x={LABEL_WIDTH + BAR_WIDTH + 8} y={y + ROW / 2} dominantBaseline="middle" fontSize={13} fontWeight={600} fill="var(--mantine-color-text)" aria-hidden="true">
                  {shown}
                </text>
              </g>
            );
          })}
        </svg>
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
