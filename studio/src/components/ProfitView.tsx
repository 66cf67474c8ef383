/**
 * Profitability of one actor over time: net cash flow per period (bars) and the cumulative
 * position (line), break-even and the deepest position marked; below, a slider for every
 * parameter with a range. A slider step has the analysis worker evaluate the prepared draft with
 * the new value (evaluate with recycle: no parsing, no compiling, the last step's arrays reused;
 * logic/analyst.ts), and the figures and the chart are drawn again when it answers.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { actorName, profitability, type ProfitabilitySheet } from '../../../src/analyses/index.js';
import { annualDiscountRate, parameterSpec, type Ecosystem, type ModelDocument } from '../../../src/core/index.js';
import type { Evaluated } from '../logic/analyst.js';
import { useWords, type Words } from '../words.js';
import { ActorChoice } from './ActorChoice.js';
import { Chart, type ChartMark } from './Chart.js';
import { Unit } from './common.js';
import type { Selection } from './Graph.js';

interface Slider {
  name: string;
  low: number;
  high: number;
  value: number;
  unit: string | undefined;
}

/** Parameters a slider can move: a number with a range of two different bounds. */
export function slidersOf(doc: ModelDocument): Slider[] {
  return Object.entries(doc.parameters ?? {}).flatMap(([name, p]) => {
    const spec = parameterSpec(p);
    if (typeof spec.value !== 'number' || !spec.range || spec.range[0] === spec.range[1]) return [];
    return [{ name, low: Math.min(...spec.range), high: Math.max(...spec.range), value: spec.value, unit: spec.unit }];
  });
}

interface ProfitProps {
  ecosystem: Ecosystem;
  /** The draft `ecosystem` is the analysis of. */
  draft: number;
  evaluate: (overrides: ReadonlyMap<string, number>) => Promise<Evaluated | null>;
  actor: string | undefined;
  onSelect: (s: Selection) => void;
}

export function ProfitView({ ecosystem, draft, evaluate, actor, onSelect }: ProfitProps) {
  const words = useWords();
  const { doc } = ecosystem;
  const shown = actor && Object.hasOwn(doc.actors, actor) ? actor : Object.keys(doc.actors)[0];
  const sliders = useMemo(() => slidersOf(doc), [doc]);
  const [overrides, setOverrides] = useState<Map<string, number>>(new Map());
  const [moved, setMoved] = useState<{ draft: number; ecosystem: Ecosystem | undefined; round: number }>();
  // A reset makes the evaluations still on their way answer nothing.
  const generation = useRef(0);

  const move = (name: string, value: number) => {
    const next = new Map(overrides).set(name, value);
    setOverrides(next);
    const asked = generation.current;
    void evaluate(next).then((evaluated) => {
      if (evaluated && asked === generation.current) setMoved((m) => ({ draft, ecosystem: evaluated.ecosystem, round: (m?.round ?? 0) + 1 }));
    });
  };
  // Nothing to reset leaves the state as it is: a new draft at each keystroke would otherwise
  // draw the view once more for nothing.
  const reset = () => {
    generation.current += 1;
    setOverrides((current) => (current.size === 0 ? current : new Map()));
    setMoved(undefined);
  };
  // Moved values belong to the draft they were moved on; a new draft starts afresh.
  useEffect(reset, [draft]);
  const current = moved && moved.draft === draft && overrides.size > 0 ? moved.ecosystem : ecosystem;
  const sheet = useMemo(() => (current && shown ? profitability(current, shown) : undefined), [current, shown, moved?.round]);

  if (!shown) return <p className="muted">{words.t('studio.analyses.noActors')}</p>;
  return (
    <div className="profit" data-testid="profit" data-moved={moved?.round ?? 0}>
      <ActorChoice doc={doc} actor={shown} onSelect={onSelect} />
      <h3>{words.t('sheet.title', { actor: actorName(doc, shown) })}</h3>
      {sheet ? <SheetFigures sheet={sheet} words={words} period={doc.period} rate={annualDiscountRate(doc.discountRate)} /> : <p className="error">{words.t('studio.analyses.invalid')}</p>}
      {sliders.length > 0 && (
        <div className="sliders" data-testid="sliders">
          <h3>{words.t('studio.whatIf.title')}</h3>
          {sliders.map((s) => {
            const value = overrides.get(s.name) ?? s.value;
            return (
              <label key={s.name} className="slider">
                <span>
                  <code>{s.name}</code> {words.n(value)} <Unit unit={s.unit} value={value} />
                </span>
                <input type="range" min={s.low} max={s.high} step={(s.high - s.low) / 100} value={value} data-parameter={s.name} onChange={(e) => move(s.name, Number(e.target.value))} />
              </label>
            );
          })}
          <button className="small" onClick={reset} disabled={overrides.size === 0}>
            {words.t('studio.whatIf.reset')}
          </button>
        </div>
      )}
    </div>
  );
}

function SheetFigures({ sheet, words, period, rate }: { sheet: ProfitabilitySheet; words: Words; period: Ecosystem['doc']['period']; rate: number }) {
  const { totals } = sheet;
  const marks: ChartMark[] = [];
  if (sheet.breakEven !== null && sheet.breakEven > 0) marks.push({ x: sheet.breakEven, label: words.t('studio.chart.breakEven'), colour: '#2e7d32' });
  if (sheet.deepest.amount < 0) marks.push({ x: sheet.deepest.period, y: sheet.deepest.amount, label: words.t('studio.chart.deepest'), colour: '#d32f2f' });
  const at = (n: number) => words.t('period.at', { period, n });
  const breakEven = sheet.breakEven === null ? words.t('breakEven.notWithinHorizon') : sheet.breakEven === 0 ? words.t('breakEven.fromStart') : at(sheet.breakEven);
  const deepest = sheet.deepest.amount < 0 ? words.t('sheet.deepestAt', { amount: words.n(sheet.deepest.amount), currency: sheet.currency, period: at(sheet.deepest.period) }) : words.t('sheet.neverBelowZero');
  return (
    <>
      <ul className="figures" data-testid="figures">
        <li data-figure="npv">{words.t('sheet.npv', { rate: `${words.n(rate * 100)} %`, amount: words.n(sheet.npv), currency: sheet.currency })}</li>
        <li data-figure="net">
          {words.t('studio.figure.totalNet', { amount: words.n(sheet.totalNet), currency: sheet.currency })}
        </li>
        <li data-figure="break-even">{words.t('sheet.breakEven', { verdict: breakEven })}</li>
        <li data-figure="deepest">{words.t('sheet.deepest', { verdict: deepest })}</li>
      </ul>
      <Chart
        testId="profit-chart"
        x={sheet.periods}
        xLabel={words.t('studio.period', { period })}
        series={[
          { label: words.t('sheet.net'), values: totals.net, colour: '#1565c0', bars: true },
          { label: words.t('sheet.cumulative'), values: totals.cumulative, colour: '#ef6c00' },
        ]}
        marks={marks}
      />
    </>
  );
}
