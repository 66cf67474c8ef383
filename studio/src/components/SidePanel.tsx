/**
 * The side panel: the selected actor or transaction as fields. Each field shows its change on the
 * draft as it is typed (validated in the page), and saves it as a change list on Enter or when it
 * loses focus; the issues that concern a field are shown under it, in the reader's language.
 */
import { memo, useEffect, useRef, useState } from 'react';
import { ACTOR_KINDS, NATURES, type ActorKind, type Change, type Issue, type ModelDocument, type Nature } from '../../../src/core/index.js';
import {
  addFixedCost,
  ownScenario,
  removeCost,
  setActor,
  setCostAmount,
  setName,
  setNature,
  setScenarioCount,
  setTransferAmount,
  quantityOf,
} from '../logic/edits.js';
import { fieldIssues, placeKey } from '../logic/places.js';
import { useWords } from '../words.js';
import { IssueList } from './common.js';
import { Overview } from './Overview.js';
import type { Selection } from './Graph.js';
import type { Editing } from './ModelPage.js';

interface PanelProps {
  doc: ModelDocument;
  selection: Selection;
  issues: ReadonlyMap<string, Issue[]>;
  editing: Editing;
  onSelect: (selection: Selection) => void;
  onConnect: (from: string, to: string) => void;
}

/** Drawn again when one of its props changes: not when the figures of a keystroke's draft come. */
export const SidePanel = memo(function SidePanel(props: PanelProps) {
  const { doc, selection } = props;
  return (
    <aside className="side" data-testid="side-panel">
      {selection?.kind === 'actor' && doc.actors[selection.id] && <ActorPanel {...props} id={selection.id} />}
      {selection?.kind === 'transaction' && doc.transactions[selection.id] && <TransactionPanel {...props} id={selection.id} />}
      {!selection && <Overview doc={doc} />}
    </aside>
  );
});

const quantityText = (value: unknown) => (value === undefined ? '' : String(value));

function ActorPanel({ doc, id, issues, editing, onConnect, onSelect }: PanelProps & { id: string }) {
  const words = useWords();
  const actor = doc.actors[id]!;
  const others = Object.keys(doc.actors).filter((a) => a !== id);
  const [target, setTarget] = useState(others[0] ?? '');
  useEffect(() => {
    if (!others.includes(target)) setTarget(others[0] ?? '');
  }, [others.join('\n')]);
  const at = (field: string) => fieldIssues(issues, 'actor', id, field);
  return (
    <div data-panel={`actor:${id}`}>
      <h2>{words.t('studio.panel.actor')}</h2>
      <Field label={words.t('studio.field.name')} value={actor.name ?? ''} issues={at('name')} editing={editing} changes={(text) => setName('actor', id, text)} testId="actor-name" />
      <label className="field">
        <span>{words.t('studio.field.kind')}</span>
        <select value={actor.kind} onChange={(e) => void editing.commit(setActor(doc, id, { kind: e.target.value as ActorKind }))} data-testid="actor-kind">
          {ACTOR_KINDS.map((k) => (
            <option key={k} value={k}>
              {words.t(`actorKind.${k}`)}
            </option>
          ))}
        </select>
      </label>
      {actor.kind === 'segment' && (
        <Field label={words.t('studio.field.size')} value={quantityText(actor.size)} issues={at('size')} editing={editing} changes={(text) => setActor(doc, id, { size: quantityOf(text) })} testId="actor-size" />
      )}
      <h3>{words.t('studio.panel.costs')}</h3>
      {(actor.costs ?? []).map((cost, index) => (
        <div key={index} className="cost">
          <Field
            label={cost.name}
            value={quantityText(cost.fixed ?? cost.variable ?? cost.investment)}
            issues={at(`costs.${index}`)}
            editing={editing}
            changes={(text) => setCostAmount(doc, id, index, text)}
            testId={`cost-${index}`}
          />
          <button className="small" onClick={() => void editing.commit(removeCost(id, index))}>
            {words.t('studio.action.remove')}
          </button>
        </div>
      ))}
      <button className="small" onClick={() => void editing.commit(addFixedCost(doc, id, words.t('studio.cost.defaultName')))} data-testid="add-cost">
        {words.t('studio.action.addCost')}
      </button>
      <TransactionsOf doc={doc} actor={id} onSelect={onSelect} />
      {others.length > 0 && (
        <div className="connect">
          <h3>{words.t('studio.panel.connect')}</h3>
          <label className="field">
            <span>{words.t('studio.field.paysTo')}</span>
            <select value={target} onChange={(e) => setTarget(e.target.value)} data-testid="connect-target">
              {others.map((a) => (
                <option key={a} value={a}>
                  {doc.actors[a]?.name ?? a}
                </option>
              ))}
            </select>
          </label>
          <button onClick={() => target && onConnect(id, target)} data-testid="connect">
            {words.t('studio.action.connect')}
          </button>
        </div>
      )}
      <IssueList issues={issues.get(placeKey('actor', id)) ?? []} />
    </div>
  );
}

/** The transactions an actor takes part in, each a link that selects it (the keyboard's way to an arrow). */
function TransactionsOf({ doc, actor, onSelect }: { doc: ModelDocument; actor: string; onSelect: (s: Selection) => void }) {
  const words = useWords();
  const mine = Object.entries(doc.transactions).filter(([, t]) => t.transfers.some((tr) => tr.from === actor || tr.to === actor));
  if (mine.length === 0) return null;
  return (
    <>
      <h3>{words.t('studio.panel.transactions')}</h3>
      <ul className="links">
        {mine.map(([tid, t]) => (
          <li key={tid}>
            <button className="link" onClick={() => onSelect({ kind: 'transaction', id: tid })} data-transaction={tid} data-user-text>
              {t.name ?? tid}
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}

function TransactionPanel({ doc, id, issues, editing, onSelect }: PanelProps & { id: string }) {
  const words = useWords();
  const transaction = doc.transactions[id]!;
  const scenario = ownScenario(doc, id);
  const at = (field: string) => fieldIssues(issues, 'transaction', id, field);
  const actorName = (a: string) => doc.actors[a]?.name ?? a;
  return (
    <div data-panel={`transaction:${id}`}>
      <h2>{words.t('studio.panel.transaction')}</h2>
      <Field label={words.t('studio.field.name')} value={transaction.name ?? ''} issues={at('name')} editing={editing} changes={(text) => setName('transaction', id, text)} testId="transaction-name" />
      {transaction.transfers.map((transfer, index) => {
        const object = doc.valueObjects[transfer.object];
        return (
          <fieldset key={index} className="transfer">
            <legend>
              <button className="link" onClick={() => onSelect({ kind: 'actor', id: transfer.from })}>
                {actorName(transfer.from)}
              </button>{' '}
              →{' '}
              <button className="link" onClick={() => onSelect({ kind: 'actor', id: transfer.to })}>
                {actorName(transfer.to)}
              </button>
            </legend>
            {object && (
              <Field label={words.t('studio.field.object')} value={object.name ?? transfer.object} issues={fieldIssues(issues, 'valueObject', transfer.object, 'name')} editing={editing} changes={(text) => setName('valueObject', transfer.object, text)} testId={`object-${index}`} />
            )}
            {object && (
              <label className="field">
                <span>{words.t('studio.field.nature')}</span>
                <select value={object.nature} onChange={(e) => void editing.commit(setNature(doc, transfer.object, e.target.value as Nature))} data-testid={`nature-${index}`}>
                  {NATURES.map((n) => (
                    <option key={n} value={n}>
                      {words.t(`nature.${n}`)}
                    </option>
                  ))}
                </select>
              </label>
            )}
            <Field label={words.t('studio.field.amount')} value={quantityText(transfer.amount)} issues={at(`transfers.${index}`)} editing={editing} changes={(text) => setTransferAmount(doc, id, index, text)} testId={`amount-${index}`} />
          </fieldset>
        );
      })}
      {scenario && (
        <Field
          label={words.t('studio.field.timesPerPeriod', { period: doc.period })}
          value={quantityText(doc.scenarios?.[scenario]?.start.count)}
          issues={fieldIssues(issues, 'scenario', scenario, 'start')}
          editing={editing}
          changes={(text) => setScenarioCount(doc, scenario, text)}
          testId="times"
        />
      )}
      <IssueList issues={[...(issues.get(placeKey('transaction', id)) ?? []), ...(scenario ? (issues.get(placeKey('scenario', scenario)) ?? []) : [])]} />
    </div>
  );
}

/**
 * A text field whose changes are previewed as typed and saved on Enter or on leaving it; Escape
 * puts back what was saved.
 */
function Field({ label, value, issues, editing, changes, testId }: { label: string; value: string; issues: Issue[]; editing: Editing; changes: (text: string) => Change[]; testId: string }) {
  const [text, setText] = useState(value);
  const focused = useRef(false);
  // What the field held when it was entered: the value shown meanwhile is the draft's, which
  // already has the typed text in it.
  const entered = useRef(value);
  useEffect(() => {
    if (!focused.current) setText(value);
  }, [value]);
  const commit = () => {
    if (text !== entered.current) void editing.commit(changes(text));
    else editing.preview(null);
    entered.current = text;
  };
  const faulty = issues.some((i) => i.severity === 'error');
  return (
    <label className={`field${faulty ? ' faulty' : ''}`}>
      <span>{label}</span>
      <input
        value={text}
        aria-invalid={faulty}
        data-testid={testId}
        onFocus={() => {
          focused.current = true;
          entered.current = value;
        }}
        onChange={(e) => {
          setText(e.target.value);
          editing.preview(changes(e.target.value));
        }}
        onBlur={() => {
          focused.current = false;
          commit();
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
          if (e.key === 'Escape') {
            // Escape here puts the field back; it does not also close the panel.
            e.stopPropagation();
            setText(entered.current);
            editing.preview(null);
          }
        }}
      />
      <IssueList issues={issues} />
    </label>
  );
}
