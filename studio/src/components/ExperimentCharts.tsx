/**
 * The Experiments tab's charts, drawn by uPlot as the studio's other charts are: the assumption
 * map (importance against evidence, one point per hypothesis), intervals (one row per variant, a
 * bar from the low to the high end and a dot at the estimate) and two distributions on one axis
 * (the forecast before and after). uPlot gives the scales, axes and grid; what is not a series
 * (points with names, horizontal bars) is painted in its draw hook.
 */
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import { formatNumber, type Locale } from '../../../src/i18n/index.js';
import { formatMoney, formatPercent } from '../../../src/tables/index.js';
import { useWords } from '../words.js';

const INK = '#1d2939';

/** A uPlot made once per shape and given the latest drawing at each change. */
function PlotBox({ options, data, draw, shape, height, testId, attributes }: { options: (width: number) => Omit<uPlot.Options, 'width' | 'height'>; data: uPlot.AlignedData; draw: (u: uPlot) => void; shape: string; height: number; testId: string; attributes?: Record<string, string> }) {
  const box = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | undefined>(undefined);
  const drawRef = useRef(draw);
  drawRef.current = draw;
  useEffect(() => {
    if (!box.current) return;
    const width = box.current.clientWidth || 400;
    const made = options(width);
    plot.current = new uPlot({ ...made, width, height, hooks: { draw: [(u: uPlot) => drawRef.current(u)] } }, data, box.current);
    const resize = new ResizeObserver(() => box.current && plot.current?.setSize({ width: box.current.clientWidth, height }));
    resize.observe(box.current);
    return () => {
      resize.disconnect();
      plot.current?.destroy();
      plot.current = undefined;
    };
  }, [shape, height]);
  useEffect(() => {
    plot.current?.setData(data);
    plot.current?.redraw();
  });
  return (
    <div className="chart" data-testid={testId} {...attributes}>
      <div ref={box} />
    </div>
  );
}

const px = (x: number) => x * devicePixelRatio;

function label(ctx: CanvasRenderingContext2D, text: string, x: number, y: number, colour = INK) {
  ctx.fillStyle = colour;
  ctx.font = `${px(11)}px sans-serif`;
  ctx.fillText(text, x, y);
}

export interface MapPoint {
  id: string;
  name: string;
  /** 0 (none) to 3 (strong). */
  evidence: number;
  /** 0 to 1. */
  importance: number;
  colour: string;
  selected: boolean;
}

/** Importance (y, 0 to 1) against evidence (x, none to strong), the quadrant lines at the middle. */
export function AssumptionMapChart({ points, evidenceNames, xLabel, yLabel }: { points: MapPoint[]; evidenceNames: string[]; xLabel: string; yLabel: string }) {
  const words = useWords();
  // Points in the same place are spread around it, so each name can be read.
  const placed = points.map((p, i) => {
    const same = points.filter((q) => q.evidence === p.evidence && Math.abs(q.importance - p.importance) < 0.04);
    const k = same.indexOf(p);
    return { ...p, dx: same.length > 1 ? (k - (same.length - 1) / 2) * 0.22 : 0, dy: 0, i };
  });
  const draw = (u: uPlot) => {
    const { ctx } = u;
    ctx.save();
    ctx.strokeStyle = '#98a2b3';
    ctx.setLineDash([px(4), px(4)]);
    const midX = u.valToPos(1.5, 'x', true);
    const midY = u.valToPos(0.5, 'y', true);
    ctx.beginPath();
    ctx.moveTo(midX, u.bbox.top);
    ctx.lineTo(midX, u.bbox.top + u.bbox.height);
    ctx.moveTo(u.bbox.left, midY);
    ctx.lineTo(u.bbox.left + u.bbox.width, midY);
    ctx.stroke();
    ctx.setLineDash([]);
    for (const p of placed) {
      const x = u.valToPos(p.evidence + p.dx, 'x', true);
      const y = u.valToPos(p.importance, 'y', true);
      ctx.fillStyle = p.colour;
      ctx.beginPath();
      ctx.arc(x, y, px(p.selected ? 7 : 5), 0, 2 * Math.PI);
      ctx.fill();
      if (p.selected) {
        ctx.strokeStyle = INK;
        ctx.lineWidth = px(2);
        ctx.stroke();
      }
      label(ctx, String(p.i + 1), x - px(3), y - px(8));
    }
    ctx.restore();
  };
  return (
    <PlotBox
      testId="assumption-map"
      attributes={{ 'data-points': points.map((p) => `${p.id}@${p.evidence},${p.importance.toFixed(2)}`).join(';') }}
      shape={`${words.locale}|${evidenceNames.join('|')}`}
      height={220}
      data={[[-0.5, 3.5], [null, null]]}
      draw={draw}
      options={() => ({
        scales: { x: { time: false, range: [-0.5, 3.5] }, y: { range: [0, 1] } },
        series: [{ label: xLabel }, { label: yLabel, stroke: 'transparent', points: { show: false } }],
        axes: [
          { label: xLabel, splits: () => [0, 1, 2, 3], values: (_u: uPlot, ticks: number[]) => ticks.map((t) => evidenceNames[t] ?? '') },
          { label: yLabel, size: 72, splits: () => [0, 0.25, 0.5, 0.75, 1], values: (_u: uPlot, ticks: number[]) => ticks.map((t) => formatPercent(words.locale, t)) },
        ],
        legend: { show: false },
        cursor: { show: false },
      })}
    />
  );
}

export interface IntervalRow {
  name: string;
  estimate: number;
  low: number;
  high: number;
  colour: string;
}

/** One row per interval, on a percentage axis; `zero` draws the line of no difference. */
export function IntervalChart({ rows, testId, zero = false }: { rows: IntervalRow[]; testId: string; zero?: boolean }) {
  const words = useWords();
  const lo = Math.min(zero ? 0 : Infinity, ...rows.map((r) => r.low));
  const hi = Math.max(zero ? 0 : -Infinity, ...rows.map((r) => r.high));
  const pad = (hi - lo) * 0.08 || 0.05;
  const range: [number, number] = [lo - pad, hi + pad];
  const draw = (u: uPlot) => {
    const { ctx } = u;
    ctx.save();
    if (zero) {
      const x0 = u.valToPos(0, 'x', true);
      ctx.strokeStyle = '#98a2b3';
      ctx.setLineDash([px(4), px(4)]);
      ctx.beginPath();
      ctx.moveTo(x0, u.bbox.top);
      ctx.lineTo(x0, u.bbox.top + u.bbox.height);
      ctx.stroke();
      ctx.setLineDash([]);
    }
    rows.forEach((r, i) => {
      const y = u.valToPos(rows.length - 1 - i, 'y', true);
      const a = u.valToPos(r.low, 'x', true);
      const b = u.valToPos(r.high, 'x', true);
      ctx.strokeStyle = r.colour;
      ctx.lineWidth = px(3);
      ctx.beginPath();
      ctx.moveTo(a, y);
      ctx.lineTo(b, y);
      ctx.moveTo(a, y - px(5));
      ctx.lineTo(a, y + px(5));
      ctx.moveTo(b, y - px(5));
      ctx.lineTo(b, y + px(5));
      ctx.stroke();
      ctx.fillStyle = r.colour;
      ctx.beginPath();
      ctx.arc(u.valToPos(r.estimate, 'x', true), y, px(5), 0, 2 * Math.PI);
      ctx.fill();
      const said = `${formatPercent(words.locale, r.low)} – ${formatPercent(words.locale, r.high)}`;
      ctx.font = `${px(11)}px sans-serif`;
      label(ctx, said, Math.max(u.bbox.left, (a + b) / 2 - ctx.measureText(said).width / 2), y - px(9));
    });
    ctx.restore();
  };
  return (
    <PlotBox
      testId={testId}
      attributes={{ 'data-intervals': rows.map((r) => `${r.name}:${r.low.toFixed(4)},${r.estimate.toFixed(4)},${r.high.toFixed(4)}`).join(';') }}
      shape={`${words.locale}|${rows.map((r) => r.name).join('|')}|${range.join(',')}`}
      height={44 + rows.length * 40}
      data={[range, [null, null]]}
      draw={draw}
      options={() => ({
        scales: { x: { time: false, range }, y: { range: [-0.6, rows.length - 0.4] } },
        series: [{}, { stroke: 'transparent', points: { show: false } }],
        axes: [
          { values: (_u: uPlot, ticks: number[]) => ticks.map((t) => formatPercent(words.locale, t)) },
          { size: 60, splits: () => rows.map((_, i) => i), values: (_u: uPlot, ticks: number[]) => ticks.map((t) => rows[rows.length - 1 - t]?.name ?? '') },
        ],
        legend: { show: false },
        cursor: { show: false },
      })}
    />
  );
}

/** Two densities on one amount axis, as lines (the forecast before and after). */
export function DistributionChart({ x, series, testId, yLabel }: { x: number[]; series: { label: string; values: number[]; colour: string }[]; testId: string; yLabel: string }) {
  const words = useWords();
  const money = (locale: Locale, v: number) => (Math.abs(v) >= 10_000 ? formatMoney(locale, v) : formatNumber(locale, v));
  return (
    <PlotBox
      testId={testId}
      attributes={{ 'data-series': series.map((s) => s.label).join(';') }}
      shape={`${words.locale}|${series.map((s) => `${s.label}|${s.colour}`).join('|')}|${x[0]}|${x.at(-1)}`}
      height={200}
      data={[x, ...series.map((s) => s.values)]}
      draw={() => undefined}
      options={() => ({
        // uPlot leaves an x scale of numbers without a range unset: the data's own bounds.
        scales: { x: { time: false, range: [x[0] ?? 0, x.at(-1) ?? 1] } },
        series: [{}, ...series.map((s) => ({ label: s.label, stroke: s.colour, width: 2, fill: `${s.colour}22`, paths: uPlot.paths.stepped!({ align: 1 }), points: { show: false } }))],
        axes: [{ values: (_u: uPlot, ticks: number[]) => ticks.map((t) => money(words.locale, t)) }, { label: yLabel, values: (_u: uPlot, ticks: number[]) => ticks.map(() => '') , size: 30 }],
        legend: { show: true, live: false },
        cursor: { show: false },
      })}
    />
  );
}
