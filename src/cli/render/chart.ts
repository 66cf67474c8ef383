/** A terminal chart of one simulated variable (asciichart). */
import asciichart from 'asciichart';
import { formatSignificant, words, type SeriesSet } from '../../tables/index.js';
import type { Locale } from '../../i18n/index.js';

/** A line chart of one series, at most `width` points wide (evenly resampled). */
export function chart(label: string, run: SeriesSet, locale: Locale, width = 72, height = 12): string {
  const show = (x: number | undefined) => formatSignificant(locale, x);
  const values = run.series.get(label)!;
  const step = Math.max(1, Math.ceil(values.length / width));
  const points: number[] = [];
  for (let i = 0; i < values.length; i += step) points.push(values[i]!);
  if ((values.length - 1) % step !== 0) points.push(values[values.length - 1]!);
  const t0 = run.times[0]!;
  const t1 = run.times[run.times.length - 1]!;
  const plot = asciichart.plot(points, { height, format: (x: number) => show(x).padStart(10) });
  return `${label}\n${plot}\n${' '.repeat(12)}${words(locale)('simulate.time', { from: show(t0), to: show(t1) })}\n`;
}
