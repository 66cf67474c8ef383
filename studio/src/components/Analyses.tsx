/**
 * The analyses beside the graph, computed in the page from the draft: the selected actor's
 * canvas, who pays whom per scenario, profitability over time with what-if sliders, how the value
 * is shared, the cycles of value and the value of data (marked on the graph), variants side by
 * side, the dynamics, and the model's history.
 */
import { memo, useState } from 'react';
import type { Api, Version } from '../api.js';
import type { DraftAnalysis, Evaluated } from '../logic/analyst.js';
import type { ActorFindings } from '../logic/findings.js';
import { useWords } from '../words.js';
import { Loading } from './common.js';
import { CanvasView } from './CanvasView.js';
import type { Selection } from './Graph.js';
import { HistoryView } from './HistoryView.js';
import { DataView } from './DataView.js';
import { LoopsView } from './LoopsView.js';
import type { GraphMarks } from '../logic/marks.js';
import { DynamicsView } from './DynamicsView.js';
import { ExperimentsView } from './ExperimentsView.js';
import type { Editing } from './ModelPage.js';
import { PayersView } from './PayersView.js';
import { RiskView } from './RiskView.js';
import { ProfitView } from './ProfitView.js';
import { SharingView } from './SharingView.js';
import { VariantsView } from './VariantsView.js';

export const TABS = ['canvas', 'payers', 'profit', 'sharing', 'loops', 'data', 'variants', 'dynamics', 'risk', 'experiments', 'history'] as const;
export type Tab = (typeof TABS)[number];

export interface AnalysesProps {
  id: string;
  client: Api;
  version: Version;
  /** Undefined until the worker has analysed the first draft. */
  analysis: DraftAnalysis | undefined;
  /** The figures of the analysed draft with other parameter values (null: overtaken by newer ones). */
  evaluate: (overrides: ReadonlyMap<string, number>) => Promise<Evaluated | null>;
  selection: Selection;
  onSelect: (selection: Selection) => void;
  onRestored: (version: Version) => void;
  /** The checks' findings by actor while the value-sharing tab shows them, for the graph. */
  onFindings: (found: ReadonlyMap<string, ActorFindings> | undefined) => void;
  /** What the cycles-of-value and value-of-data tabs mark on the graph while shown. */
  onMarks: (marks: GraphMarks | undefined) => void;
  /** Saves change lists on the version shown (the Experiments tab's records). */
  editing: Editing;
}

/** Drawn again when its figures, version or selection change, not at each keystroke's draft. */
export const Analyses = memo(function Analyses(props: AnalysesProps) {
  const words = useWords();
  const [tab, setTab] = useState<Tab>('profit');
  const { analysis, selection } = props;
  const ecosystem = analysis?.ecosystem;
  const actor = selection?.kind === 'actor' ? selection.id : undefined;
  return (
    <section className="analyses" data-testid="analyses">
      <div role="tablist">
        {TABS.map((t) => (
          <button key={t} role="tab" aria-selected={tab === t} onClick={() => setTab(t)} data-tab={t}>
            {words.t(`studio.tab.${t}`)}
          </button>
        ))}
      </div>
      <div className="tab-body">
        {tab === 'history' && <HistoryView {...props} />}
        {tab !== 'history' && !analysis && <Loading />}
        {tab !== 'history' && analysis && !ecosystem && <p className="muted">{words.t('studio.analyses.invalid')}</p>}
        {ecosystem && tab === 'risk' && <RiskView id={props.id} client={props.client} version={props.version} ecosystem={ecosystem} actor={actor} onSelect={props.onSelect} />}
        {ecosystem && tab === 'canvas' && <CanvasView ecosystem={ecosystem} actor={actor} onSelect={props.onSelect} />}
        {ecosystem && tab === 'payers' && <PayersView ecosystem={ecosystem} />}
        {ecosystem && tab === 'profit' && <ProfitView ecosystem={ecosystem} draft={analysis!.draft} evaluate={props.evaluate} actor={actor} onSelect={props.onSelect} />}
        {ecosystem && tab === 'sharing' && <SharingView ecosystem={ecosystem} onFindings={props.onFindings} />}
        {ecosystem && tab === 'loops' && <LoopsView ecosystem={ecosystem} onMarks={props.onMarks} />}
        {ecosystem && tab === 'data' && <DataView ecosystem={ecosystem} onMarks={props.onMarks} />}
        {ecosystem && tab === 'variants' && <VariantsView ecosystem={ecosystem} />}
        {ecosystem && tab === 'dynamics' && <DynamicsView ecosystem={ecosystem} id={props.id} client={props.client} version={props.version.number} />}
        {ecosystem && tab === 'experiments' && <ExperimentsView id={props.id} client={props.client} version={props.version} editing={props.editing} onVersion={props.onRestored} />}
      </div>
    </section>
  );
});
