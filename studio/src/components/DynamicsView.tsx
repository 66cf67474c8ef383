/**
 * The model's dynamics, run with the figures (period means), the chosen variables charted; under
 * the chart, which feedback loop dominates when along the run (bands), and the loops themselves
 * as `symbiose loops` lists them (GET …/analyses/loops of the version saved: its variables in
 * order, polarity, link signs, the sign it took in the run), then the dominance periods. A loop
 * chosen in the list has its variables highlighted: charted, drawn thicker (the others fainter),
 * and marked in the list of variables.
 */
import { useEffect, useMemo, useState } from 'react';
import { canonicalName, type Ecosystem } from '../../../src/core/index.js';
import { feedbackBlocks } from '../../../src/tables/index.js';
import type { Api, LoopsAnswer } from '../api.js';
import { useWords } from '../words.js';
import { Blocks } from './Blocks.js';
import { Chart } from './Chart.js';
import { ErrorNote, Loading } from './common.js';
import { DominanceBands } from './DominanceBands.js';

const COLOURS = ['#1565c0', '#ef6c00', '#2e7d32', '#6a1b9a', '#c2185b', '#00838f'];

export function DynamicsView({ ecosystem, id, client, version }: { ecosystem: Ecosystem; id: string; client: Api; version: number }) {
  const words = useWords();
  const names = [...ecosystem.series.keys()].sort();
  const stocks = Object.keys(ecosystem.doc.dynamics?.stocks ?? {});
  const [chosen, setChosen] = useState<string[]>(() => names.filter((n) => stocks.some((s) => canonicalName(s) === n)).slice(0, 4));
  const [answer, setAnswer] = useState<{ version: number; locale: string; loops: LoopsAnswer }>();
  const [failure, setFailure] = useState<unknown>();
  const [loop, setLoop] = useState<number>();
  const hasDynamics = ecosystem.doc.dynamics !== undefined && names.length > 0;

  useEffect(() => {
    if (!hasDynamics) return;
    let live = true;
    client.loops(id, version).then(
      (loops) => live && (setAnswer({ version, locale: words.locale, loops }), setFailure(undefined)),
      (reason: unknown) => live && setFailure(reason),
    );
    return () => void (live = false);
  }, [client, id, version, hasDynamics]);

  const feedback = answer?.loops.feedback ?? undefined;
  const chosenLoop = feedback && loop !== undefined ? feedback.loops[loop] : undefined;
  const inLoop = useMemo(() => new Set((chosenLoop?.variables ?? []).map(canonicalName)), [chosenLoop]);
  const blocks = useMemo(() => (feedback ? feedbackBlocks(ecosystem.doc.period, feedback, words.locale) : []), [feedback, ecosystem.doc.period, words.locale]);

  if (!hasDynamics) return <p className="muted">{words.t('studio.dynamics.none')}</p>;
  // The chosen variables, and those of the loop chosen that the run has.
  const shown = [...new Set([...chosen, ...[...inLoop].filter((n) => !chosen.includes(n))])].filter((n) => ecosystem.series.has(n));
  const periods = Array.from({ length: ecosystem.doc.horizon + 1 }, (_, i) => i);
  const xLabel = words.t('studio.period', { period: ecosystem.doc.period });
  const dominance = feedback && 'periods' in feedback.dominance ? feedback.dominance : undefined;
  const loopsTable = blocks.findIndex((b) => b.kind === 'table');
  return (
    <div className="dynamics" data-testid="dynamics" data-loop={chosenLoop?.id ?? ''} data-loop-variables={[...inLoop].join(' ')}>
      <Chart
        x={periods}
        xLabel={xLabel}
        series={shown.map((n, i) => {
          const colour = COLOURS[i % COLOURS.length]!;
          if (inLoop.size === 0) return { label: n, values: ecosystem.series.get(n)!, colour };
          return inLoop.has(n) ? { label: n, values: ecosystem.series.get(n)!, colour, width: 3.5 } : { label: n, values: ecosystem.series.get(n)!, colour: `${colour}66`, width: 1 };
        })}
        testId="dynamics-chart"
      />
      {dominance && feedback && feedback.loops.length > 0 && <DominanceBands loops={feedback.loops} periods={dominance.periods} until={ecosystem.doc.horizon} xLabel={xLabel} chosen={chosenLoop?.id} />}
      <fieldset className="choices">
        <legend>{words.t('studio.dynamics.variables')}</legend>
        {names.map((n) => (
          <label key={n} className={inLoop.has(n) ? 'in-loop' : undefined} data-variable={n}>
            <input type="checkbox" checked={chosen.includes(n)} onChange={(e) => setChosen(e.target.checked ? [...chosen, n] : chosen.filter((c) => c !== n))} /> {n}
          </label>
        ))}
      </fieldset>
      <ErrorNote error={failure} />
      {!answer && !failure && <Loading />}
      {feedback && (
        <div className="feedback" data-testid="feedback" data-loops={feedback.loops.length}>
          {feedback.loops.length > 0 && <p className="muted">{words.t('studio.feedback.choose')}</p>}
          <Blocks blocks={blocks} choice={{ block: loopsTable, chosen: loop, choose: (i) => setLoop(i === loop ? undefined : i) }} />
        </div>
      )}
    </div>
  );
}
