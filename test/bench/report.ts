/** One line of the `npm run bench` table: a figure next to a baseline measured in the same run. */
export interface BenchRow {
  measurement: string;
  figure: string;
  baseline: string;
  ratio: string;
}

export const ms = (n: number) => `${n.toFixed(1)} ms`;
/** Three decimals when the figure is far below its baseline, so it never prints as 0.00×. */
export const ratio = (figure: number, baseline: number) => `${(figure / baseline).toFixed(figure / baseline < 0.1 ? 3 : 2)}×`;
export const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
/** The p-th percentile (nearest rank) of the values. */
export const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((values.length * p) / 100))]!;

export function printTable(rows: BenchRow[]): void {
  const keys = ['measurement', 'figure', 'baseline', 'ratio'] as const;
  const widths = keys.map((k) => Math.max(k.length, ...rows.map((r) => r[k].length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  console.log(line([...keys]));
  console.log(line(widths.map((w) => '-'.repeat(w))));
  for (const row of rows) console.log(line(keys.map((k) => row[k])));
}
