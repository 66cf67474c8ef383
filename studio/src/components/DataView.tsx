/**
 * The value of data, as `symbiose data-value` says it (src/tables): each data flow with what is
 * lost if it stops (and who leaves with it), then the data-dependent value shared among the data
 * sources. On the graph, every data arrow carries what stopping it loses, and the chosen flow is
 * drawn strongest.
 */
import { useEffect, useMemo, useState } from 'react';
import { dataValue, objectName } from '../../../src/analyses/index.js';
import type { Ecosystem } from '../../../src/core/index.js';
import { dataValueBlocks, formatMoney } from '../../../src/tables/index.js';
import { dataMarks, type GraphMarks } from '../logic/marks.js';
import { useWords } from '../words.js';
import { Blocks } from './Blocks.js';

export function DataView({ ecosystem, onMarks }: { ecosystem: Ecosystem; onMarks: (marks: GraphMarks | undefined) => void }) {
  const words = useWords();
  const { doc } = ecosystem;
  const result = useMemo(() => dataValue(ecosystem), [ecosystem]);
  const [chosen, setChosen] = useState<number>();
  const picked = chosen !== undefined && chosen < result.flows.length ? chosen : undefined;
  useEffect(() => {
    const label = (flow: (typeof result.flows)[number]) => words.t('studio.data.label', { object: objectName(doc, flow.object), lost: formatMoney(words.locale, flow.lost), currency: result.currency });
    onMarks(result.flows.length > 0 ? dataMarks(result, picked, label, words.t('list.separator')) : undefined);
  }, [result, picked, words.locale]);
  useEffect(() => () => onMarks(undefined), []);
  const blocks = useMemo(() => dataValueBlocks(doc, result, words.locale).slice(1), [result, words.locale]);
  const flows = blocks.findIndex((b) => b.kind === 'table');
  return (
    <div className="data-value" data-testid="data-value" data-flows={result.flows.length}>
      {result.flows.length > 0 && <p className="muted">{words.t('studio.data.choose')}</p>}
      <Blocks blocks={blocks} choice={{ block: flows, chosen: picked, choose: setChosen }} />
    </div>
  );
}
