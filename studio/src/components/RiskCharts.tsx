/**
 * The Risk tab's charts, drawn by uPlot as the other charts are: the histogram of an actor's NPV
 * (losses red, gains blue), the fan chart of its cumulative position (percentile bands), and the
 * tornado of its assumptions (horizontal bars from the figure with every assumption as written).
 * Each is made afresh when its figures or the language change: a result changes once a run.
 */
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import { formatNumber, type Locale } from '../../../src/i18n/index.js';
import { formatMoney } from '../../../src/tables/index.js';
import { fanLines, histogramBars, type Fan, type Histogram, type RankRow, type SensitivityMethod, type TornadoEffect } from '../logic/risk.js';
import { useWords } from '../words.js';

const LOSS = '#d32f2f';
const GAIN = '#1565c0';

/** A uPlot made in the box from `make` (given the box's width), made again when `key` changes. */
function Plot({ make, plotKey, testId, attributes = {} }: { make: (width: number) => { options: uPlot.Options; data: uPlot.AlignedData }; plotKey: string; testId: string; attributes?: Record<string, string | number> }) {
  const box = useRef<HTMLDivElement>(null);
  const latest = useRef(make);
  latest.current = make;
  useEffect(() => {
    if (!box.current) return;
    const { options, data } = latest.current(box.current.clientWidth || 400);
    const plot = new uPlot(options, data, box.current);
    const resize = new ResizeObserver(() => box.current && plot.setSize({ width: box.current.clientWidth, height: options.height }));
    resize.observe(box.current);
    return () => {
      resize.disconnect();
      plot.destroy();
    };
  }, [plotKey]);
  return (
    <div className="chart" data-testid={testId} {...Object.fromEntries(Object.entries(attributes).map(([k, v]) => [`data-${k}`, String(v)]))}>
      <div ref={box} />
    </div>
  );
}

/** A name cut to `chars` characters, the cut marked; the list above the chart gives it whole. */
const cut = (name: string, chars: number) => (name.length <= chars ? name : `${name.slice(0, chars - 1)}…`);

const moneyTicks = (locale: Locale) => (_: uPlot, ticks: number[]) => ticks.map((t) => formatMoney(locale, t));
const axisWidth = (_: uPlot, values: string[] | null) => Math.ceil(Math.max(1, ...(values ?? []).map((v) => v.length)) * 7.2 + 18);

/** A dashed vertical line at x = 0 (horizontal when the x scale is vertical): where money starts being lost. */
function zeroLine(scale: 'x' | 'y') {
  return (u: uPlot) => {
    const at = u.valToPos(0, scale, true);
    const { left, top, width, height } = u.bbox;
    if (scale === 'x' ? at < left || at > left + width : at < top || at > top + height) return;
    const ctx = u.ctx;
    ctx.save();
    ctx.strokeStyle = '#475467';
    ctx.lineWidth = devicePixelRatio;
    ctx.setLineDash([5, 4]);
    ctx.beginPath();
    if (scale === 'x') {
      ctx.moveTo(at, top);
      ctx.lineTo(at, top + height);
    } else {
      ctx.moveTo(left, at);
      ctx.lineTo(left + width, at);
    }
    ctx.stroke();
    ctx.restore();
  };
}

export function RiskHistogram({ histogram, xLabel }: { histogram: Histogram; xLabel: string }) {
  const words = useWords();
  const { centres, shares } = histogramBars(histogram);
  const percent = shares.map((s) => s * 100);
  const losses = percent.map((v, i) => (centres[i]! < 0 ? v : null));
  const gains = percent.map((v, i) => (centres[i]! >= 0 ? v : null));
  const width = centres.length > 1 ? centres[1]! - centres[0]! : 1;
  const make = (w: number) => ({
    data: [centres, losses, gains] as uPlot.AlignedData,
    options: {
      width: w,
      height: 200,
      scales: { x: { time: false, range: [centres[0]! - width, centres[centres.length - 1]! + width] as uPlot.Range.MinMax } },
      series: [
        { label: xLabel, value: (_: uPlot, v: number | null) => (v === null ? '' : formatMoney(words.locale, v)) },
        { label: '−', stroke: LOSS, fill: `${LOSS}88`, paths: uPlot.paths.bars!({ size: [0.9, 60] }), points: { show: false } },
        { label: '+', stroke: GAIN, fill: `${GAIN}88`, paths: uPlot.paths.bars!({ size: [0.9, 60] }), points: { show: false } },
      ],
      legend: { show: false },
      axes: [{ values: moneyTicks(words.locale) }, { size: axisWidth, values: (_: uPlot, ticks: number[]) => ticks.map((t) => `${formatNumber(words.locale, t, 1)} %`) }],
      hooks: { draw: [zeroLine('x')] },
    } satisfies uPlot.Options,
  });
  return <Plot make={make} plotKey={`${words.locale}|${histogram.edges.join(',')}|${histogram.bins.join(',')}`} testId="risk-histogram" attributes={{ bins: histogram.bins.length }} />;
}

export function RiskFan({ fan, xLabel }: { fan: Fan; xLabel: string }) {
  const words = useWords();
  const { periods, lines } = fanLines(fan);
  const names = [words.t('studio.risk.band.p5'), words.t('studio.risk.band.p25'), words.t('studio.risk.band.median'), words.t('studio.risk.band.p75'), words.t('studio.risk.band.p95')];
  const make = (w: number) => ({
    data: [periods, ...lines] as uPlot.AlignedData,
    options: {
      width: w,
      height: 220,
      scales: { x: { time: false } },
      series: [
        { label: xLabel },
        ...lines.map((_, b) => ({ label: names[b] ?? `${fan.percentiles[b]}`, stroke: b === 2 ? '#ef6c00' : '#ef6c0066', width: b === 2 ? 2 : 1, value: (_u: uPlot, v: number | null) => (v === null ? '' : formatMoney(words.locale, v)) })),
      ],
      // Series 1..5 are the 5th, 25th, 50th, 75th and 95th percentiles.
      bands: lines.length === 5 ? [{ series: [5, 1] as [number, number], fill: '#ef6c0022' }, { series: [4, 2] as [number, number], fill: '#ef6c0044' }] : [],
      legend: { show: true, live: false },
      axes: [{ incrs: [1, 2, 3, 4, 6, 12, 24, 36, 60, 120, 240, 480] }, { size: axisWidth, values: moneyTicks(words.locale) }],
      hooks: { draw: [zeroLine('y')] },
    } satisfies uPlot.Options,
  });
  return <Plot make={make} plotKey={`${words.locale}|${fan.values.map((r) => r.join(',')).join(';')}`} testId="risk-fan" attributes={{ periods: periods.length }} />;
}

export function RiskTornado({ bars, base }: { bars: readonly TornadoEffect[]; base: number }) {
  const words = useWords();
  const slots = bars.map((_, i) => i);
  const names = bars.map((b) => b.parameter);
  const labelChars = 26;
  const labelWidth = Math.ceil(Math.min(labelChars, Math.max(4, ...names.map((n) => n.length))) * 7 + 12);
  const make = (w: number) => ({
    data: [slots, bars.map((b) => b.atLow), bars.map((b) => b.atHigh)] as uPlot.AlignedData,
    options: {
      width: w,
      height: 40 + 28 * Math.max(1, bars.length),
      // Assumptions down the side, the widest swing at the top; the figure along the bottom.
      scales: { x: { time: false, ori: 1, dir: -1, range: [-0.5, Math.max(0, bars.length - 0.5)] as uPlot.Range.MinMax }, y: { ori: 0, dir: 1 } },
      // Room on the left for the names, which the draw hook writes beside their bars.
      padding: [8, 12, 0, labelWidth] as uPlot.Padding,
      series: [
        { label: '' },
        { label: words.t('studio.risk.tornado.low'), stroke: LOSS, fill: `${LOSS}99`, fillTo: base, paths: uPlot.paths.bars!({ size: [0.7, 40] }), points: { show: false } },
        { label: words.t('studio.risk.tornado.high'), stroke: GAIN, fill: `${GAIN}99`, fillTo: base, paths: uPlot.paths.bars!({ size: [0.7, 40] }), points: { show: false } },
      ],
      legend: { show: true, live: false },
      axes: [{ show: false }, { side: 2, values: moneyTicks(words.locale) }],
      hooks: {
        draw: [
          (u: uPlot) => {
            const ctx = u.ctx;
            ctx.save();
            // The base figure: a solid line every bar starts from.
            const at = u.valToPos(base, 'y', true);
            ctx.strokeStyle = '#101828';
            ctx.lineWidth = devicePixelRatio;
            ctx.beginPath();
            ctx.moveTo(at, u.bbox.top);
            ctx.lineTo(at, u.bbox.top + u.bbox.height);
            ctx.stroke();
            // Each assumption's name, right-aligned before the plot, level with its bar.
            ctx.fillStyle = '#344054';
            ctx.font = `${12 * devicePixelRatio}px sans-serif`;
            ctx.textAlign = 'right';
            ctx.textBaseline = 'middle';
            names.forEach((name, i) => ctx.fillText(cut(name, labelChars), u.bbox.left - 6 * devicePixelRatio, u.valToPos(i, 'x', true)));
            ctx.restore();
          },
        ],
      },
    } satisfies uPlot.Options,
  });
  return <Plot make={make} plotKey={`${words.locale}|${base}|${bars.map((b) => `${b.parameter}:${b.atLow}:${b.atHigh}`).join(';')}`} testId="risk-tornado" attributes={{ bars: bars.length }} />;
}

/**
 * A regression, Morris or Sobol ranking as horizontal bars, the highest first: ρ from a centre
 * line (−1 to 1); μ* from zero with its ± standard error; Sobol's first-order index (light) and
 * total index (dark) from zero, each with its bootstrap interval as a whisker. Drawn in SVG: a
 * few rows, each named in full in the list above it.
 */
export function RiskRanking({ rows, method }: { rows: readonly RankRow[]; method: Exclude<SensitivityMethod, 'tornado'> }) {
  const words = useWords();
  // Narrow, so that its words stay readable in the side panel the tab is often shown in.
  const width = 440;
  const label = 150;
  const rowHeight = method === 'sobol' ? 30 : 22;
  const top = 8;
  const height = top + rowHeight * rows.length + 26;
  const reach = Math.max(1e-12, ...rows.flatMap((r) => r.bars.flatMap((b) => [Math.abs(b.value), b.high ?? 0])));
  const [from, to] = method === 'regression' ? [-1, 1] : [0, method === 'sobol' ? Math.max(1, reach) : reach * 1.05];
  const x = (v: number) => label + ((Math.min(to, Math.max(from, v)) - from) / (to - from)) * (width - label - 12);
  const colours = method === 'sobol' ? ['#90caf9', GAIN] : [GAIN];
  const legend = method === 'sobol' ? [words.t('studio.risk.rank.first'), words.t('studio.risk.rank.total')] : [words.t(method === 'regression' ? 'studio.risk.rank.rho' : 'studio.risk.rank.muStar')];
  const ticks = method === 'regression' ? [-1, -0.5, 0, 0.5, 1] : [0, to / 2, to];
  const whiskers = rows.reduce((n, r) => n + r.bars.filter((b) => b.low !== undefined && b.high !== undefined).length, 0);
  return (
    <div className="chart risk-ranking" data-testid="risk-ranking" data-method={method} data-bars={rows.length} data-whiskers={whiskers}>
      <svg viewBox={`0 0 ${width} ${height}`} width="100%" role="img" aria-label={legend.join(', ')}>
        <line x1={x(0)} x2={x(0)} y1={top} y2={top + rowHeight * rows.length} stroke="#101828" />
        {rows.map((row, i) => {
          const y = top + i * rowHeight;
          const band = (rowHeight - 6) / row.bars.length;
          return (
            <g key={row.parameter} data-parameter={row.parameter}>
              <text x={label - 6} y={y + rowHeight / 2} textAnchor="end" dominantBaseline="middle" fontSize="12" fill="#344054">
                {cut(row.parameter, 22)}
              </text>
              {row.bars.map((bar, b) => {
                const y0 = y + 3 + b * band;
                const [a, z] = [x(0), x(bar.value)].sort((p, q) => p - q) as [number, number];
                return (
                  <g key={b}>
                    <rect x={a} y={y0} width={Math.max(1, z - a)} height={band - 2} fill={colours[b]} data-value={bar.value} />
                    {bar.low !== undefined && bar.high !== undefined && (
                      <line className="whisker" x1={x(bar.low)} x2={x(bar.high)} y1={y0 + (band - 2) / 2} y2={y0 + (band - 2) / 2} stroke="#101828" strokeWidth="1.5" />
                    )}
                  </g>
                );
              })}
            </g>
          );
        })}
        {ticks.map((t) => (
          <text key={t} x={x(t)} y={top + rowHeight * rows.length + 16} textAnchor="middle" fontSize="11" fill="#475467">
            {method === 'morris' ? formatMoney(words.locale, t) : formatNumber(words.locale, t, method === 'regression' ? 1 : 2)}
          </text>
        ))}
      </svg>
      <p className="muted risk-legend">
        {legend.map((name, i) => (
          <span key={name}>
            <span className="swatch" style={{ background: colours[i] }} /> {name}
          </span>
        ))}
      </p>
    </div>
  );
}
