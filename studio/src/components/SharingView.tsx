/**
 * How the value created is shared, and whether fairly: each actor's captured value beside its
 * Shapley value (its average contribution over every order of joining) as bars side by side;
 * below, the fair-share table, the concentration and the core verdict as the command line's
 * `symbiose share` says them (src/tables).
 */
import { useMemo } from 'react';
import { actorName, fairShare } from '../../../src/analyses/index.js';
import type { Ecosystem } from '../../../src/core/index.js';
import { shareBlocks } from '../../../src/tables/index.js';
import { useWords } from '../words.js';
import { Blocks } from './Blocks.js';
import { Chart } from './Chart.js';

export function SharingView({ ecosystem }: { ecosystem: Ecosystem }) {
  const words = useWords();
  const { doc } = ecosystem;
  const shares = useMemo(() => fairShare(ecosystem), [ecosystem]);
  const names = shares.actors.map((a) => actorName(doc, a.actor));
  // The title names the model, already in the toolbar.
  const blocks = useMemo(() => shareBlocks(doc, shares, words.locale).slice(1), [shares, words.locale]);
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
