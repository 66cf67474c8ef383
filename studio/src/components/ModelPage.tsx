/**
 * One model open: the graph, the side panel that edits the selection, and the analyses beside
 * them. The page keeps the version it edits; every edit is a change list saved on that version,
 * and a save refused as outdated shows the API's explanation with what was saved meanwhile.
 * While a field is being typed in, its change is applied to a draft in the page, which the
 * analysis worker checks and quantifies after each keystroke (logic/analyst.ts: the newest draft
 * only), so issues and figures follow without a save. The graph is drawn from the document at
 * once; the figures follow.
 */
import { ReactFlowProvider } from '@xyflow/react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Change, Position } from '../../../src/core/index.js';
import { applyModelChanges } from '../../../src/engine/index.js';
import { changeMessage } from '../../../src/i18n/index.js';
import { ApiError, type Api, type ApiErrorBody, type Version } from '../api.js';
import { startAnalyst, type Analyst, type Draft, type DraftAnalysis } from '../logic/analyst.js';
import type { ActorFindings } from '../logic/findings.js';
import type { GraphMarks } from '../logic/marks.js';
import { addActor, connect, deleteActor, deleteTransaction, freePosition, placeAll } from '../logic/edits.js';
import { gridLayout, NODE_SIZE } from '../logic/graph.js';
import { besidePlaced, LAYOUT_DEADLINE, layoutInWorker } from '../logic/layout.js';
import { issuesByPlace } from '../logic/places.js';
import type { Route } from '../logic/route.js';
import { shortcutOf } from '../logic/shortcuts.js';
import { useWords } from '../words.js';
import { Analyses } from './Analyses.js';
import { ErrorNote, IssueList, Loading, useStableCallback } from './common.js';
import { Graph, type Selection } from './Graph.js';
import { Shortcuts } from './Shortcuts.js';
import { SidePanel } from './SidePanel.js';

/** Actors without positions past which the graph is first shown on a grid, while the layout runs. */
const PROVISIONAL_FROM = 50;
/**
 * Actors without positions past which the graph opens on the grid without asking ELK: at 300
 * actors its layout took 1.2–1.4 s of the worker on the loaded machine, at 1,000 past its 3 s
 * deadline, which left the analysis worker one core for the first figures meanwhile.
 */
const GRID_FROM = 500;
const NOWHERE: ReadonlyMap<string, Position> = new Map();
/** How long a model waits to be drawn for the analysis worker to start, at most (ms). */
const READY_WAIT = 400;
/** The layout's deadline: `?layout-deadline=MS` in the address sets another (the browser tests' 1 ms shows the grid). */
const layoutDeadline = () => Number(new URLSearchParams(location.search).get('layout-deadline') ?? LAYOUT_DEADLINE) || LAYOUT_DEADLINE;

export interface Editing {
  /** Shows a change list on the draft without saving it (a field being typed in). */
  preview: (changes: Change[] | null) => void;
  /** Saves a change list on the version shown. */
  commit: (changes: Change[]) => Promise<boolean>;
}

export function ModelPage({ id, client, go }: { id: string; client: Api; go: (route: Route) => void }) {
  const words = useWords();
  const [version, setVersion] = useState<Version>();
  const [loadError, setLoadError] = useState<unknown>();
  const [pending, setPending] = useState<Change[] | null>(null);
  const [selection, setSelection] = useState<Selection>(null);
  const [status, setStatus] = useState<'saved' | 'saving' | 'failed'>('saved');
  const [failure, setFailure] = useState<unknown>();
  const [outdated, setOutdated] = useState<ApiErrorBody>();
  const [laidOut, setLaidOut] = useState<Map<string, Position>>(new Map());
  /** The graph stands on the grid, and the page says why: the last layout missed its deadline, or too many actors to place. */
  const [layoutLate, setLayoutLate] = useState<'late' | 'large'>();
  const [showKeys, setShowKeys] = useState(false);
  const [findings, setFindings] = useState<ReadonlyMap<string, ActorFindings>>();
  const [marks, setMarks] = useState<GraphMarks>();
  const [fitRound, setFitRound] = useState(0);
  const [round, setRound] = useState(0);
  const busy = useRef(false);

  // Each draft is analysed off the main thread; the last analysis that came back is shown.
  const [analysis, setAnalysis] = useState<DraftAnalysis>();
  const [asked, setAsked] = useState(0);
  // Made and stopped by an effect, so that React's development double mount gets a live one.
  const [analyst, setAnalyst] = useState<Analyst>();
  const analystNow = useRef<Analyst>(undefined);
  useEffect(() => {
    const made = startAnalyst(setAnalysis, new URLSearchParams(location.search).has('analyse-in-page') ? 'page' : 'worker');
    analystNow.current = made;
    setAnalyst(made);
    return () => made.stop();
  }, []);

  useEffect(() => {
    client.read(id).then(
      async (v) => {
        // Asked at once, and drawn once the worker has the draft (logic/analyst.ts, at most
        // READY_WAIT later), so that it works out the first figures while the page draws the graph.
        const analyst = analystNow.current;
        if (analyst) {
          setAsked(analyst.analyse({ base: v.document, changes: null, document: v.document }));
          await Promise.race([analyst.ready, new Promise((wait) => setTimeout(wait, READY_WAIT))]);
        }
        setVersion(v);
        setLoadError(undefined);
      },
      (reason: unknown) => setLoadError(reason),
    );
  }, [client, id, round]);

  const drawn = useMemo<Draft | undefined>(() => version && { base: version.document, changes: pending, document: pending ? applyModelChanges(version.document, pending).document : version.document }, [version, pending]);
  const draft = drawn?.document;
  useEffect(() => {
    if (drawn && analyst) setAsked(analyst.analyse(drawn));
  }, [drawn, analyst]);
  // The same map while the issues are the same, as they are at most keystrokes: the graph and the
  // side panel then need not be drawn again when the figures come.
  const issuesKey = JSON.stringify(analysis?.issues ?? []);
  const byPlace = useMemo(() => issuesByPlace(analysis?.issues ?? []), [issuesKey]);
  // For bench/studio.mjs: when the first figures were on the page.
  useEffect(() => {
    if (analysis && performance.getEntriesByName('studio:figures').length === 0) performance.mark('studio:figures');
  }, [analysis !== undefined]);

  // Actors with no saved position are laid out once, off the main thread.
  const unplaced = useMemo(() => (draft ? Object.keys(draft.actors).filter((a) => !draft.actors[a]!.position) : []), [draft]);
  useEffect(() => {
    if (!draft || unplaced.every((a) => laidOut.has(a))) return;
    void layout(false);
  }, [unplaced.join('\n')]);
  // Until then a large model stands on a grid: piled at one point, every node would be in view
  // and drawn (React Flow draws only those in view), which held its first figures back seconds.
  const provisional = useMemo(() => (unplaced.length > PROVISIONAL_FROM ? gridLayout(unplaced) : NOWHERE), [unplaced.join('\n')]);

  // Asked by the user (L, the toolbar), every actor is laid out again and saved; on opening, only
  // the actors with no position are, beside those that have one, which do not move.
  const layout = async (save: boolean) => {
    if (!draft) return;
    const placing = save ? Object.keys(draft.actors) : unplaced;
    // On opening, a graph that ELK could not lay out in time on this machine stands on the grid
    // at once: its work would only take a core from the first figures. L still tries.
    if (!save && placing.length > GRID_FROM) {
      setLayoutLate('large');
      setLaidOut(besidePlaced(gridLayout(placing), Object.values(draft.actors).flatMap((a) => (a.position ? [a.position] : []))));
      setFitRound((r) => r + 1);
      return;
    }
    const result = await layoutInWorker({
      nodes: placing.map((a) => ({ id: a, ...NODE_SIZE })),
      edges: Object.values(draft.transactions).flatMap((t) => t.transfers.map((tr) => ({ source: tr.from, target: tr.to }))),
    }, layoutDeadline());
    performance.measure('studio:layout', { start: performance.now() - result.elapsed, duration: result.elapsed });
    if (!result.timedOut) performance.measure('studio:layout-elk', { start: performance.now() - result.computing, duration: result.computing });
    const standing = save ? [] : Object.values(draft.actors).flatMap((a) => (a.position ? [a.position] : []));
    const positions = besidePlaced(result.positions, standing);
    setLayoutLate(result.timedOut ? 'late' : undefined);
    setLaidOut(positions);
    if (save) await commit(placeAll(positions));
    setFitRound((r) => r + 1);
  };

  const commit = useCallback(
    async (changes: Change[]): Promise<boolean> => {
      setPending(null);
      if (!version || changes.length === 0 || busy.current) return false;
      busy.current = true;
      setStatus('saving');
      try {
        const written = await client.save(id, version.number, changes);
        setVersion(written.version);
        setStatus('saved');
        setFailure(undefined);
        return true;
      } catch (reason) {
        setStatus('failed');
        if (reason instanceof ApiError && reason.status === 409) setOutdated(reason.body);
        else setFailure(reason);
        return false;
      } finally {
        busy.current = false;
      }
    },
    [client, id, version],
  );
  const editing = useMemo<Editing>(() => ({ preview: setPending, commit }), [commit]);

  const step = async (direction: 'undo' | 'redo') => {
    if (!version || busy.current) return;
    busy.current = true;
    try {
      const written = await (direction === 'undo' ? client.undo(id, version.number) : client.redo(id, version.number));
      setVersion(written.version);
      setFailure(undefined);
    } catch (reason) {
      if (reason instanceof ApiError && reason.status === 409) setOutdated(reason.body);
      else setFailure(reason);
    } finally {
      busy.current = false;
    }
  };
  const restored = useCallback((v: Version) => setVersion(v), []);
  // Stable while the analysis is: a keystroke's draft redraws the graph and the field, and the
  // analyses only once their figures change.
  const evaluate = useCallback((overrides: ReadonlyMap<string, number>) => (analysis && analyst ? analyst.evaluate(analysis.draft, overrides) : Promise.resolve(null)), [analysis, analyst]);

  const newActor = async () => {
    if (!draft) return;
    const near = Object.values(draft.actors).at(-1)?.position ?? laidOut.get(Object.keys(draft.actors).at(-1) ?? '') ?? { x: 0, y: 0 };
    const made = addActor(draft, words.t('studio.actor.defaultName', { n: Object.keys(draft.actors).length + 1 }), 'organisation', freePosition(withLaidOut(draft, laidOut), near));
    if (await commit(made.changes)) setSelection({ kind: 'actor', id: made.id });
  };
  const link = useStableCallback(async (from: string, to: string) => {
    if (!draft) return;
    const made = connect(draft, from, to, {
      payment: words.t('studio.connect.payment', { from: draft.actors[from]?.name ?? from }),
      service: words.t('studio.connect.service', { to: draft.actors[to]?.name ?? to }),
      transaction: `${draft.actors[from]?.name ?? from} → ${draft.actors[to]?.name ?? to}`,
    });
    if (await commit(made.changes)) setSelection({ kind: 'transaction', id: made.id });
  });
  const connectActors = useStableCallback((from: string, to: string) => void link(from, to));
  const removeSelected = async () => {
    if (!draft || !selection) return;
    const changes = selection.kind === 'actor' ? deleteActor(draft, selection.id) : deleteTransaction(draft, selection.id);
    if (await commit(changes)) setSelection(null);
  };
  const moved = useStableCallback((actor: string, position: Position) => {
    if (!draft) return;
    // The first move of a laid-out model keeps the picture: every shown position is saved with it.
    const shown = new Map(unplaced.map((a) => [a, laidOut.get(a)!] as const).filter(([, p]) => p !== undefined));
    shown.set(actor, position);
    void commit(placeAll(shown));
  });

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const action = shortcutOf(event);
      if (!action) return;
      event.preventDefault();
      if (action === 'undo' || action === 'redo') void step(action);
      else if (action === 'add-actor') void newActor();
      else if (action === 'delete') void removeSelected();
      else if (action === 'layout') void layout(true);
      else if (action === 'shortcuts') setShowKeys((shown) => !shown);
      else if (action === 'escape') (setShowKeys(false), setSelection(null));
    };
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  });

  if (loadError) return <ErrorNote error={loadError} />;
  if (!version || !draft) return <Loading />;
  const modelIssues = byPlace.get('model') ?? [];
  return (
    <ReactFlowProvider>
      <div className="model-page">
        <div className="toolbar" role="toolbar">
          <h1 data-user-text>{words.locale === 'en' ? (draft.label ?? draft.name) : draft.name}</h1>
          <button onClick={() => void newActor()}>
            {words.t('studio.action.addActor')}
          </button>
          <button onClick={() => void removeSelected()} disabled={!selection}>
            {words.t('studio.action.delete')}
          </button>
          <button onClick={() => void step('undo')}>
            {words.t('studio.action.undo')}
          </button>
          <button onClick={() => void step('redo')}>
            {words.t('studio.action.redo')}
          </button>
          <button onClick={() => void layout(true)}>
            {words.t('studio.action.layout')}
          </button>
          <button onClick={() => setShowKeys(true)}>
            {words.t('studio.action.shortcuts')}
          </button>
          <span className={`status ${status}`} data-testid="status" data-version={version.number}>
            {words.t(`studio.status.${status}`, { n: version.number })}
          </span>
        </div>
        {outdated && (
          <div className="error outdated" role="alert" data-testid="outdated">
            <p>{outdated.message}</p>
            <ul>{outdated.since?.flatMap((v) => v.changes.map((c, i) => <li key={`${v.number}-${i}`}>{changeMessage(c, words.locale)}</li>))}</ul>
            <button
              onClick={() => {
                setOutdated(undefined);
                setStatus('saved');
                setRound((r) => r + 1);
              }}
            >
              {words.t('studio.outdated.reload')}
            </button>
          </div>
        )}
        <ErrorNote error={failure} />
        {layoutLate && (
          <p className="note" role="status" data-testid="layout-late" data-why={layoutLate}>
            {layoutLate === 'late' ? words.t('studio.layout.late', { seconds: words.n(layoutDeadline() / 1000) }) : words.t('studio.layout.large', { count: words.n(GRID_FROM) })}
          </p>
        )}
        {modelIssues.length > 0 && <IssueList issues={modelIssues} />}
        <div className="workbench" data-testid="workbench" data-asked={asked} data-analysed={analysis?.draft ?? 0}>
          <Graph doc={draft} laidOut={laidOut} provisional={provisional} fitRound={fitRound} issues={byPlace} findings={findings} marks={marks} selection={selection} onSelect={setSelection} onMoved={moved} onConnect={connectActors} />
          <SidePanel doc={draft} selection={selection} issues={byPlace} editing={editing} onSelect={setSelection} onConnect={connectActors} />
          <Analyses id={id} client={client} version={version} analysis={analysis} evaluate={evaluate} selection={selection} onSelect={setSelection} onRestored={restored} onFindings={setFindings} onMarks={setMarks} editing={editing} />
        </div>
        {showKeys && <Shortcuts onClose={() => setShowKeys(false)} />}
      </div>
    </ReactFlowProvider>
  );
  void go;
}

function withLaidOut(doc: Version['document'], laidOut: ReadonlyMap<string, Position>): Version['document'] {
  const actors = Object.fromEntries(Object.entries(doc.actors).map(([id, a]) => [id, a.position || !laidOut.get(id) ? a : { ...a, position: laidOut.get(id)! }]));
  return { ...doc, actors };
}
