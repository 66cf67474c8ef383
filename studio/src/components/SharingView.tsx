/**
 * How the value created is shared, and whether fairly: each actor's captured value beside its
 * Shapley value (its average contribution over every order of joining) as bars side by side;
 * below, the fair-share table, the concentration and the core verdict as the command line's
 * `symbiose share` says them, then the sustainability checks as `symbiose check` does (src/tables).
 * While the tab is shown, the actors the checks' findings name are marked on the graph.
 */
import { useEffect, useMemo } from 'react';
import { actorName, fairShare, SEVERITIES, sustainabilityChecks, type Severity } from '../../../src/analyses/index.js';
import type { Ecosystem } from '../../../src/core/index.js';
import { checkBlocks, shareBlocks } from '../../../src/tables/index.js';
import { findingsByActor, type ActorFindings } from '../logic/findings.js';
import { useWords } from '../words.js';
import { Blocks } from './Blocks.js';
import { Chart } from './Chart.js';

/** A finding at this severity or above fails a check, as `symbiose check` says by default. */
const FAIL_ON: Severity = 'error';

export function SharingView({ ecosystem, onFindings }: { ecosystem: Ecosystem; onFindings: (found: ReadonlyMap<string, ActorFindings> | undefined) => void }) {
  const words = useWords();
  const { doc } = ecosystem;
  const shares = useMemo(() => fairShare(ecosystem), [ecosystem]);
  const checks = useMemo(() => sustainabilityChecks(ecosystem, {}, shares), [ecosystem, shares]);
  const failing = checks.checks.flatMap((c) => c.findings).filter((f) => SEVERITIES.indexOf(f.severity) >= SEVERITIES.indexOf(FAIL_ON)).length;
  useEffect(() => {
    onFindings(findingsByActor(checks));
    return () => onFindings(undefined);
  }, [checks]);
  const names = shares.actors.map((a) => actorName(doc, a.actor));
  // The titles name the model, already in the toolbar.
  const blocks = useMemo(() => [...shareBlocks(doc, shares, words.locale).slice(1), ...checkBlocks(doc, checks, FAIL_ON, failing, words.locale).slice(1)], [shares, checks, words.locale]);
  return (
    <div className="sharing" data-testid="sharing">
      <Chart
        testId="sharing-chart"
        x={names.map((_, i) => i)}
        xLabel={words.t('column.actor')}
        xNames={names}
        series={[
          { label: words.t('column.captured'), values: shares.actors.map((a) => a.captured), colour: '#2e7d32', bars: true, align: -1 },
          { label: words.t('column.shapley'), values: shares.actors.map((a) => a.shapley), colour: '#6a1b9a', bars: true, align: 1 },
        ]}
      />
      <Blocks blocks={blocks} />
    </div>
  );
}
