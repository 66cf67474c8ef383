/**
 * Terminal drawings of a risk run, as plain lines of text (pure): a histogram with a bar per
 * bin, and a fan chart of the cumulative position per period, its percentile bands shaded.
 * Figures come in formatted by the caller, so the drawings speak the run's language.
 */
import type { FanChart, Histogram } from '../analyses/index.js';

/** The longest bar of a histogram, in characters. */
const BAR = 40;
const EIGHTHS = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];

/**
 * One line per bin, its lower edge, a bar in eighths of a character and its share; the values
 * below the first edge and above the last on lines of their own when there are any.
 */
export function histogramLines(h: Histogram, figure: (x: number) => string, share: (x: number) => string): string[] {
  const total = h.below + h.above + h.bins.reduce((a, b) => a + b, 0);
  const rows: Array<[string, number]> = [];
  if (h.below > 0) rows.push([`< ${figure(h.edges[0]!)}`, h.below]);
  h.bins.forEach((count, i) => rows.push([figure(h.edges[i]!), count]));
  if (h.above > 0) rows.push([`> ${figure(h.edges[h.edges.length - 1]!)}`, h.above]);
  const labelWidth = Math.max(...rows.map(([label]) => label.length));
  const most = Math.max(1, ...rows.map(([, count]) => count));
  return rows.map(([label, count]) => `  ${label.padStart(labelWidth)} │${bar(count / most)} ${share(count / total)}`);
}

function bar(fraction: number): string {
  const eighths = Math.round(fraction * BAR * 8);
  return '█'.repeat(Math.floor(eighths / 8)) + EIGHTHS[eighths % 8]!;
}

/** Glyphs of a fan chart: outer band (5–95 %), inner band (25–75 %), median, zero line. */
export const FAN_GLYPHS = { outer: '░', inner: '▓', median: '●', zero: '·' } as const;

/**
 * A fan chart `height` rows high, one column per period (or periods evenly picked when there are
 * more than `width`): each cell shaded by the band its value lies in, with the zero line dotted.
 * The value axis is labelled on the left, the first, middle and last period below.
 */
export function fanLines(fan: FanChart, figure: (x: number) => string, periodLabel: (p: number) => string, width = 72, height = 14): string[] {
  const periods = fan.values.length;
  const columns = Math.min(width, periods);
  const picked = Array.from({ length: columns }, (_, c) => (columns === 1 ? 0 : Math.round((c * (periods - 1)) / (columns - 1))));
  let low = 0, high = 0;
  for (const p of picked) {
    low = Math.min(low, fan.values[p]![0]!);
    high = Math.max(high, fan.values[p]![4]!);
  }
  if (!(high > low)) high = low + 1;
  const step = (high - low) / height;
  // Row r covers [top − (r + 1)·step, top − r·step); r = 0 is the top row.
  const rowOf = (x: number) => Math.min(height - 1, Math.max(0, Math.floor((high - x) / step)));
  const zeroRow = rowOf(0);
  const labels = Array.from({ length: height }, (_, r) => (r % 3 === 0 || r === zeroRow || r === height - 1 ? figure(high - (r + 0.5) * step) : ''));
  const labelWidth = Math.max(...labels.map((l) => l.length));
  const grid = Array.from({ length: height }, (_, r) => picked.map((): string => (r === zeroRow ? FAN_GLYPHS.zero : ' ')));
  picked.forEach((p, c) => {
    const [p5, p25, p50, p75, p95] = fan.values[p]! as [number, number, number, number, number];
    for (let r = rowOf(p95); r <= rowOf(p5); r++) grid[r]![c] = FAN_GLYPHS.outer;
    for (let r = rowOf(p75); r <= rowOf(p25); r++) grid[r]![c] = FAN_GLYPHS.inner;
    grid[rowOf(p50)]![c] = FAN_GLYPHS.median;
  });
  const axis = ' '.repeat(labelWidth + 3);
  const first = periodLabel(picked[0]!), middle = periodLabel(picked[Math.floor(columns / 2)]!), last = periodLabel(picked[columns - 1]!);
  const middleAt = Math.max(first.length + 1, Math.floor(columns / 2) - Math.floor(middle.length / 2));
  let below = first.padEnd(middleAt) + middle;
  below = below.padEnd(Math.max(below.length + 1, columns - last.length)) + last;
  return [
    ...grid.map((row, r) => `  ${labels[r]!.padStart(labelWidth)} ┤${row.join('')}`),
    `  ${' '.repeat(labelWidth)} └${'─'.repeat(columns)}`,
    `${axis}${below}`,
  ];
}
