/**
 * Which feedback loop leads when, as bands along the run's time (uPlot, on the same time axis as
 * the chart above it): one row per part of the causal graph (each strongly connected part has
 * its own loops), one band per period of the Loops that Matter dominance, coloured by the
 * leader's polarity, solid when it dominates (half the change or more at every step), pale when
 * it leads without dominating, and outlined when the loop is the one chosen.
 */
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import type { FeedbackView } from '../../../src/tables/index.js';
import { useWords } from '../words.js';

type Loops = FeedbackView['loops'];
type Periods = Extract<FeedbackView['dominance'], { periods: unknown }>['periods'];

export const POLARITY_COLOURS = { reinforcing: '#2e7d32', balancing: '#1565c0', undetermined: '#757575' } as const;

/** A part's row, and the x axis under the rows (CSS pixels). */
const ROW = 38;
const AXIS = 56;

export function DominanceBands({ loops, periods, until, xLabel, chosen }: { loops: Loops; periods: Periods; until: number; xLabel: string; chosen: string | undefined }) {
  const words = useWords();
  const box = useRef<HTMLDivElement>(null);
  const parts = Math.max(1, ...periods.map((p) => p.partition));
  const drawn = useRef({ loops, periods, chosen });
  drawn.current = { loops, periods, chosen };
  const key = periods.map((p) => `${p.partition}|${p.from}|${p.to}|${p.loop}|${p.dominant}`).join('\n');

  useEffect(() => {
    if (!box.current) return;
    const height = parts * ROW + AXIS;
    const options: uPlot.Options = {
      width: box.current.clientWidth || 400,
      height,
      scales: { x: { time: false, range: [0, until] as uPlot.Range.MinMax }, y: { range: [0, parts] as uPlot.Range.MinMax } },
      series: [{ label: xLabel }, { label: '', show: true, points: { show: false } }],
      axes: [
        { incrs: [1, 2, 3, 4, 6, 12, 24, 36, 60, 120, 240, 480] },
        {
          size: 64,
          splits: () => Array.from({ length: parts }, (_, i) => parts - i - 0.5),
          values: (_: uPlot, ticks: number[]) => ticks.map((t) => words.t('studio.dominance.part', { n: parts - Math.floor(t) })),
          grid: { show: false },
        },
      ],
      legend: { show: false },
      cursor: { show: false },
      hooks: { draw: [(u: uPlot) => drawBands(u, parts, drawn.current)] },
    };
    const plot = new uPlot(options, [[0, until], [null, null]], box.current);
    const resize = new ResizeObserver(() => box.current && plot.setSize({ width: box.current.clientWidth, height }));
    resize.observe(box.current);
    return () => {
      resize.disconnect();
      plot.destroy();
    };
  }, [key, parts, until, xLabel, chosen, words.locale]);

  return (
    <figure className="bands" data-testid="dominance-bands" data-periods={periods.filter((p) => p.loop !== null).map((p) => `${p.loop}@${p.from}-${p.to}`).join(';')}>
      <figcaption>{words.t('studio.dominance.bands')}</figcaption>
      <div ref={box} />
      <p className="muted">{words.t('studio.dominance.key')}</p>
    </figure>
  );
}

function drawBands(u: uPlot, parts: number, { loops, periods, chosen }: { loops: Loops; periods: Periods; chosen: string | undefined }) {
  const { ctx } = u;
  const polarity = new Map(loops.map((l) => [l.id, l.polarity]));
  const ratio = devicePixelRatio;
  ctx.save();
  ctx.font = `${12 * ratio}px sans-serif`;
  ctx.textBaseline = 'middle';
  for (const p of periods) {
    if (p.loop === null) continue;
    const left = u.valToPos(p.from, 'x', true);
    const right = u.valToPos(p.to, 'x', true);
    const top = u.valToPos(parts - p.partition + 1, 'y', true) + 3 * ratio;
    const bottom = u.valToPos(parts - p.partition, 'y', true) - 3 * ratio;
    const colour = POLARITY_COLOURS[polarity.get(p.loop) ?? 'undetermined'];
    ctx.fillStyle = p.dominant ? colour : `${colour}80`;
    ctx.fillRect(left, top, right - left, bottom - top);
    ctx.strokeStyle = '#fff';
    ctx.lineWidth = ratio;
    ctx.strokeRect(left, top, right - left, bottom - top);
    if (p.loop === chosen) {
      ctx.strokeStyle = '#111';
      ctx.lineWidth = 2 * ratio;
      ctx.strokeRect(left + ratio, top + ratio, right - left - 2 * ratio, bottom - top - 2 * ratio);
    }
    const width = ctx.measureText(p.loop).width;
    if (right - left > width + 8 * ratio) {
      ctx.fillStyle = p.dominant ? '#fff' : '#111';
      ctx.fillText(p.loop, left + 4 * ratio, (top + bottom) / 2);
    }
  }
  ctx.restore();
}
