/** The model's dynamics, run with the figures (period means), the chosen variables charted. */
import { useState } from 'react';
import type { Ecosystem } from '../../../src/core/index.js';
import { useWords } from '../words.js';
import { Chart } from './Chart.js';

const COLOURS = ['#1565c0', '#ef6c00', '#2e7d32', '#6a1b9a', '#c2185b', '#00838f'];

export function DynamicsView({ ecosystem }: { ecosystem: Ecosystem }) {
  const words = useWords();
  const names = [...ecosystem.series.keys()].sort();
  const stocks = Object.keys(ecosystem.doc.dynamics?.stocks ?? {});
  const [chosen, setChosen] = useState<string[]>(() => names.filter((n) => stocks.some((s) => s.toLowerCase().replace(/\s+/g, '_') === n)).slice(0, 4));
  if (!ecosystem.doc.dynamics || names.length === 0) return <p className="muted">{words.t('studio.dynamics.none')}</p>;
  const shown = chosen.filter((n) => ecosystem.series.has(n));
  const periods = Array.from({ length: ecosystem.doc.horizon + 1 }, (_, i) => i);
  return (
    <div className="dynamics" data-testid="dynamics">
      <Chart
        x={periods}
        xLabel={words.t('studio.period', { period: ecosystem.doc.period })}
        series={shown.map((n, i) => ({ label: n, values: ecosystem.series.get(n)!, colour: COLOURS[i % COLOURS.length]! }))}
        testId="dynamics-chart"
      />
      <fieldset className="choices">
        <legend>{words.t('studio.dynamics.variables')}</legend>
        {names.map((n) => (
          <label key={n}>
            <input type="checkbox" checked={chosen.includes(n)} onChange={(e) => setChosen(e.target.checked ? [...chosen, n] : chosen.filter((c) => c !== n))} /> {n}
          </label>
        ))}
      </fieldset>
    </div>
  );
}
