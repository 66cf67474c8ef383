/** Simulation results as a summary table, CSV, or a terminal chart of one variable. */
import asciichart from 'asciichart';
import { heading, paragraph, table, type Block } from './blocks.js';

export interface SeriesSet {
  times: Float64Array;
  series: Map<string, Float64Array>;
}

const figure = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 6 });
const show = (x: number | undefined) => (x === undefined || Number.isNaN(x) ? '—' : figure.format(x).replace('-', '−'));

export function summaryBlocks(title: string, run: SeriesSet, method: string, dt: number): Block[] {
  const { times } = run;
  const rows = [...run.series].map(([label, values]) => {
    let min = Infinity;
    let max = -Infinity;
    for (const v of values) {
      if (v < min) min = v;
      if (v > max) max = v;
    }
    return [label, show(values[0]), show(values[values.length - 1]), show(min), show(max)];
  });
  return [
    heading(title),
    paragraph(`${method === 'rk4' ? 'RK4' : 'Euler'}, dt ${dt}, time ${show(times[0])} to ${show(times[times.length - 1])}, ${times.length} saved steps.`),
    table([{ title: 'Variable' }, { title: 'Initial', align: 'right' }, { title: 'Final', align: 'right' }, { title: 'Min', align: 'right' }, { title: 'Max', align: 'right' }], rows),
  ];
}

/** RFC 4180 CSV: a Time column, then one column per variable; full precision. */
export function toCsv(run: SeriesSet): string {
  const quote = (s: string) => (/[",\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);
  const labels = [...run.series.keys()];
  const columns = [...run.series.values()];
  const lines = [['Time', ...labels].map(quote).join(',')];
  for (let i = 0; i < run.times.length; i++) lines.push([run.times[i], ...columns.map((c) => c[i])].map(String).join(','));
  return lines.join('\n') + '\n';
}

/** A line chart of one series, at most `width` points wide (evenly resampled). */
export function chart(label: string, run: SeriesSet, width = 72, height = 12): string {
  const values = run.series.get(label)!;
  const step = Math.max(1, Math.ceil(values.length / width));
  const points: number[] = [];
  for (let i = 0; i < values.length; i += step) points.push(values[i]!);
  if ((values.length - 1) % step !== 0) points.push(values[values.length - 1]!);
  const t0 = run.times[0]!;
  const t1 = run.times[run.times.length - 1]!;
  const plot = asciichart.plot(points, { height, format: (x: number) => show(x).padStart(10) });
  return `${label}\n${plot}\n${' '.repeat(12)}time ${show(t0)} → ${show(t1)}\n`;
}
