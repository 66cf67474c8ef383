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
  const shape = [...series.map((s) => `${s.label}|${s.colour}|${s.bars ? 1 : 0}`), ...(xNames ?? [])].join('\n');

  useEffect(() => {
    if (!box.current) return;
    const options: uPlot.Options = {
      width: box.current.clientWidth || 400,
      height,
      // Actors on x (xNames): one slot each, half a slot of margin either side.
      scales: { x: xNames ? { time: false, range: [-0.5, xNames.length - 0.5] as uPlot.Range.MinMax } : { time: false } },
      series: [{ label: xLabel }, ...series.map((s) => ({ label: s.label, stroke: s.colour, width: 2, ...(s.bars ? { paths: uPlot.paths.bars!({ size: [s.align ? 0.35 : 0.6, 40], align: s.align ?? 0 }), fill: `${s.colour}55`, points: { show: false } } : {}) }))],
      hooks: { draw: [(u: uPlot) => drawMarks(u, marksRef.current)] },
      // Periods are whole numbers: no tick between two of them.
      axes: [{ incrs: [1, 2, 3, 4, 6, 12, 24, 36, 60, 120, 240, 480], ...(xNames ? { values: (_: uPlot, ticks: number[]) => ticks.map((t) => xNames[t] ?? '') } : {}) }, { size: axisWidth, values: (_: uPlot, ticks: number[]) => ticks.map((t) => axisFigure(words.locale, t)) }],
      legend: { show: true, live: false },
    };
    plot.current = new uPlot(options, data(x, series), box.current);
    const resize = new ResizeObserver(() => box.current && plot.current?.setSize({ width: box.current.clientWidth, height }));
    resize.observe(box.current);
    return () => {
      resize.disconnect();
      plot.current?.destroy();
      plot.current = undefined;
    };
  }, [shape, height, xLabel, words.locale]);

  useEffect(() => {
    plot.current?.setData(data(x, series));
  }, [x, series, marks]);

  return (
    <div className="chart" data-testid={testId} data-marks={marks.map((m) => `${m.label}@${m.x}`).join(';')}>
      <div ref={box} />
    </div>
  );
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
