/**
 * A chart drawn by uPlot: one x axis (periods) and any number of series, bars or lines, with
 * vertical marks (break-even) and points (deepest position). The plot is made once and given new
 * data at each change, which is what keeps a slider step within a frame.
 */
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import { formatNumber, type Locale } from '../../../src/i18n/index.js';
import { formatMoney } from '../../../src/tables/index.js';
import { useWords } from '../words.js';

export interface ChartSeries {
  label: string;
  values: ArrayLike<number>;
  colour: string;
  /** The line's width in CSS pixels (default 2). */
  width?: number;
  bars?: boolean;
  /** Where a bar stands at its x when bars share it: -1 left of it, 1 right of it, 0 on it. */
  align?: -1 | 0 | 1;
}
export interface ChartMark {
  x: number;
  label: string;
  colour: string;
  /** A point at (x, y); without y, a vertical line at x. */
  y?: number;
}

export function Chart({ x, xLabel, xNames, series, marks = [], height = 220, testId }: { x: ArrayLike<number>; xLabel: string; xNames?: string[]; series: ChartSeries[]; marks?: ChartMark[]; height?: number; testId?: string }) {
  const words = useWords();
  const box = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | undefined>(undefined);
  const marksRef = useRef(marks);
  marksRef.current = marks;
  const marksKey = marks.map((m) => `${m.label}|${m.colour}|${m.x}|${m.y ?? ''}`).join('\n');
  const drawn = useRef<{ data: uPlot.AlignedData; marks: string }>(undefined);
  const shape = [...series.map((s) => `${s.label}|${s.colour}|${s.width ?? 2}|${s.bars ? 1 : 0}`), ...(xNames ?? [])].join('\n');

  useEffect(() => {
    if (!box.current) return;
    const options: uPlot.Options = {
      width: box.current.clientWidth || 400,
      height,
      // Actors on x (xNames): one slot each, half a slot of margin either side.
      scales: { x: xNames ? { time: false, range: [-0.5, xNames.length - 0.5] as uPlot.Range.MinMax } : { time: false } },
      series: [{ label: xLabel }, ...series.map((s) => ({ label: s.label, stroke: s.colour, width: s.width ?? 2, ...(s.bars ? { paths: uPlot.paths.bars!({ size: [s.align ? 0.35 : 0.6, 40], align: s.align ?? 0 }), fill: `${s.colour}55`, points: { show: false } } : {}) }))],
      hooks: { draw: [(u: uPlot) => drawMarks(u, marksRef.current)] },
      // Periods are whole numbers: no tick between two of them.
      axes: [{ incrs: [1, 2, 3, 4, 6, 12, 24, 36, 60, 120, 240, 480], ...(xNames ? { values: (u: uPlot, ticks: number[]) => ticks.map((t) => cut(xNames[t] ?? '', slotChars(u, xNames.length))) } : {}) }, { size: axisWidth, values: (_: uPlot, ticks: number[]) => ticks.map((t) => axisFigure(words.locale, t)) }],
      legend: { show: true, live: false },
    };
    const first = data(x, series);
    plot.current = new uPlot(options, first, box.current);
    drawn.current = { data: first, marks: marksKey };
    const resize = new ResizeObserver(() => box.current && plot.current?.setSize({ width: box.current.clientWidth, height }));
    resize.observe(box.current);
    return () => {
      resize.disconnect();
      plot.current?.destroy();
      plot.current = undefined;
    };
  }, [shape, height, xLabel, words.locale]);

  // Drawn again only when a figure or a mark moved: a keystroke in a name gives the same figures.
  useEffect(() => {
    const next = data(x, series);
    if (drawn.current && drawn.current.marks === marksKey && sameFigures(drawn.current.data, next)) return;
    plot.current?.setData(next);
    drawn.current = { data: next, marks: marksKey };
  }, [x, series, marks]);

  return (
    <div className="chart" data-testid={testId} data-marks={marks.map((m) => `${m.label}@${m.x}`).join(';')}>
      <div ref={box} />
    </div>
  );
}

/** How many characters of a name fit under its slot (about 7 px each at uPlot's 12 px font). */
function slotChars(u: uPlot, slots: number): number {
  return Math.max(3, Math.floor(u.bbox.width / devicePixelRatio / Math.max(1, slots) / 7));
}

/** A name cut to `chars` characters, the cut marked; the legend and the table below give it whole. */
function cut(name: string, chars: number): string {
  return name.length <= chars ? name : `${name.slice(0, chars - 1).trimEnd()}…`;
}

/** A y-axis figure: scaled from 10,000 up as the CLI prints amounts (40 M, −250 k), else as is. */
function axisFigure(locale: Locale, x: number): string {
  return Math.abs(x) >= 10_000 ? formatMoney(locale, x) : formatNumber(locale, x);
}

/** The y axis as wide as its longest figure (about 7 px a character at uPlot's 12 px font), so none is cut. */
function axisWidth(_: uPlot, values: string[] | null): number {
  const longest = Math.max(1, ...(values ?? []).map((v) => v.length));
  return Math.ceil(longest * 7.2 + 18);
}

function data(x: ArrayLike<number>, series: ChartSeries[]): uPlot.AlignedData {
  return [Array.from(x), ...series.map((s) => Array.from(s.values))];
}

function sameFigures(a: uPlot.AlignedData, b: uPlot.AlignedData): boolean {
  return a.length === b.length && a.every((column, i) => sameColumn(column, b[i]!));
}

function sameColumn(a: ArrayLike<unknown>, b: ArrayLike<unknown>): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
}

function drawMarks(u: uPlot, marks: ChartMark[]) {
  const { ctx } = u;
  ctx.save();
  for (const mark of marks) {
    const left = u.valToPos(mark.x, 'x', true);
    ctx.strokeStyle = mark.colour;
    ctx.fillStyle = mark.colour;
    ctx.lineWidth = 2 * devicePixelRatio;
    if (mark.y === undefined) {
      ctx.setLineDash([6, 4]);
      ctx.beginPath();
      ctx.moveTo(left, u.bbox.top);
      ctx.lineTo(left, u.bbox.top + u.bbox.height);
      ctx.stroke();
      ctx.setLineDash([]);
    } else {
      const top = u.valToPos(mark.y, 'y', true);
      ctx.beginPath();
      ctx.arc(left, top, 5 * devicePixelRatio, 0, 2 * Math.PI);
      ctx.fill();
    }
    ctx.font = `${12 * devicePixelRatio}px sans-serif`;
    const top = mark.y === undefined ? u.bbox.top + 14 * devicePixelRatio : u.valToPos(mark.y, 'y', true) + 16 * devicePixelRatio;
    ctx.fillText(mark.label, left + 6 * devicePixelRatio, top);
  }
  ctx.restore();
}
