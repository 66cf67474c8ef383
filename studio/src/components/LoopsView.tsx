/**
 * The cycles of value (the virtuous circles of seed 000's Apple figure), as `symbiose loops` says
 * them (src/tables), shortest first; the chosen one (the first to start with) is marked on the
 * graph: its actors, and its arrows from each actor to the next.
 */
import { useEffect, useMemo, useState } from 'react';
import { valueCycles } from '../../../src/analyses/index.js';
import type { Ecosystem } from '../../../src/core/index.js';
import { loopBlocks } from '../../../src/tables/index.js';
import { transferArrows } from '../logic/graph.js';
import { cycleMarks, type GraphMarks } from '../logic/marks.js';
import { useWords } from '../words.js';
import { Blocks } from './Blocks.js';

/**
 * The most cycles searched for and listed: the search runs in the page at each draft, and a large
 * model has thousands (9,155 at 300 actors); past it the list says the search stopped there.
 */
const MAX_LISTED = 200;

export function LoopsView({ ecosystem, onMarks }: { ecosystem: Ecosystem; onMarks: (marks: GraphMarks | undefined) => void }) {
  const words = useWords();
  const { doc } = ecosystem;
  const result = useMemo(() => valueCycles(ecosystem, { maxFound: MAX_LISTED }), [ecosystem]);
  const [chosen, setChosen] = useState(0);
  const cycle = result.cycles[Math.min(chosen, result.cycles.length - 1)];
  useEffect(() => {
    onMarks(cycle && cycleMarks(cycle, transferArrows(doc)));
  }, [cycle, doc.transactions]);
  useEffect(() => () => onMarks(undefined), []);
  // The title names the model, already in the toolbar.
  const blocks = useMemo(() => loopBlocks(doc, result, words.locale).slice(1), [result, words.locale]);
  const list = blocks.findIndex((b) => b.kind === 'list');
  return (
    <div className="loops" data-testid="loops" data-cycles={result.cycles.length}>
      {result.cycles.length > 0 && <p className="muted">{words.t('studio.loops.choose')}</p>}
      <Blocks blocks={blocks} choice={{ block: list, chosen: cycle ? result.cycles.indexOf(cycle) : undefined, choose: setChosen }} />
    </div>
  );
}
