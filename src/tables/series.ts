/** Simulation results as a summary table or CSV. */
import type { Locale } from '../i18n/index.js';
import { heading, paragraph, table, type Block } from './blocks.js';
import { formatSignificant } from './numbers.js';
import { words } from './words.js';

export interface SeriesSet {
  times: Float64Array;
  series: Map<string, Float64Array>;
}

export function summaryBlocks(model: string, run: SeriesSet, method: string, dt: number, locale: Locale): Block[] {
  const t = words(locale);
  const show = (x: number | undefined) => formatSignificant(locale, x);
  const { times } = run;
  const rows = [...run.series].map(([label, values]) => {
    // Min and max of the finite values only; a series with none shows "—".
    let min = Infinity;
    let max = -Infinity;
    for (const v of values) {
      if (!Number.isFinite(v)) continue;
      if (v < min) min = v;
      if (v > max) max = v;
    }
    if (min > max) min = max = Number.NaN;
    return [label, show(values[0]), show(values[values.length - 1]), show(min), show(max)];
  });
  return [
    heading(t('simulate.title', { model })),
    paragraph(
      t('simulate.caption', {
        method: method === 'rk4' ? 'RK4' : 'Euler',
        dt: show(dt),
        from: show(times[0]),
        to: show(times[times.length - 1]),
        steps: show(times.length),
      }),
    ),
    table(
      [
        { title: t('simulate.columnVariable') },
        { title: t('simulate.columnInitial'), align: 'right' },
        { title: t('simulate.columnFinal'), align: 'right' },
        { title: t('simulate.columnMin'), align: 'right' },
        { title: t('simulate.columnMax'), align: 'right' },
      ],
      rows,
    ),
  ];
}

/**
 * RFC 4180 CSV: a Time column, then one column per variable; full precision. Yielded in chunks
 * of rows, so a run of millions of steps streams out rather than building one huge string.
 */
export function* csvChunks(run: SeriesSet, rowsPerChunk = 10_000): Generator<string> {
  const quote = (s: string) => (/[",\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);
  const labels = [...run.series.keys()];
  const columns = [...run.series.values()];
  yield ['Time', ...labels].map(quote).join(',') + '\n';
  for (let from = 0; from < run.times.length; from += rowsPerChunk) {
    const lines: string[] = [];
    for (let i = from; i < Math.min(from + rowsPerChunk, run.times.length); i++) {
      lines.push([run.times[i], ...columns.map((c) => c[i])].map(String).join(','));
    }
    yield lines.join('\n') + '\n';
  }
}

export function toCsv(run: SeriesSet): string {
  return [...csvChunks(run)].join('');
}

/** The first time each series stops being a finite number, for a warning. */
export function nonFinite(run: SeriesSet): Array<{ label: string; time: number; value: number }> {
  const found: Array<{ label: string; time: number; value: number }> = [];
  for (const [label, values] of run.series) {
    const i = values.findIndex((v) => !Number.isFinite(v));
    if (i >= 0) found.push({ label, time: run.times[i]!, value: values[i]! });
  }
  return found;
}
