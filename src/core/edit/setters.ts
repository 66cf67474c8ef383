/** The small edits a studio makes all the time: a parameter's value, a position, a label. */
import type { ModelDocument } from '../model/index.js';
import type { SetLabel, SetParameter, SetPosition } from './changes.js';
import { applied, editIssue, refused, type Outcome } from './outcome.js';
import { has, isTree, sectionOf } from './records.js';

export function setParameter(doc: ModelDocument, change: SetParameter, index: number): Outcome {
  const parameters = doc.parameters;
  if (!has(parameters, change.name)) return refused(editIssue('edit-unknown', index, ['parameters', change.name], { kind: 'parameter', id: change.name }));
  const current = parameters![change.name]!;
  // The long form keeps its unit and provenance; the short form stays short.
  if (typeof current === 'object') {
    const old = current.value;
    current.value = change.value;
    return applied([{ op: 'set-parameter', name: change.name, value: old }]);
  }
  parameters![change.name] = change.value;
  return applied([{ op: 'set-parameter', name: change.name, value: current }]);
}

export function setPosition(doc: ModelDocument, change: SetPosition, index: number): Outcome {
  const actor = has(doc.actors, change.actor) ? doc.actors[change.actor] : undefined;
  if (!isTree(actor)) return refused(editIssue('edit-unknown', index, ['actors', change.actor], { kind: 'actor', id: change.actor }));
  const old = actor.position;
  if (change.position === null) delete actor.position;
  else actor.position = { x: change.position.x, y: change.position.y };
  return applied([{ op: 'set-position', actor: change.actor, position: old ? { x: old.x, y: old.y } : null }]);
}

export function setLabel(doc: ModelDocument, change: SetLabel, index: number): Outcome {
  const section = sectionOf(doc, change.kind);
  const record = has(section, change.id) ? section![change.id] : undefined;
  if (!isTree(record)) return refused(editIssue('edit-unknown', index, [...sectionPath(change), change.id], { kind: change.kind, id: change.id }));
  const old = record[change.field];
  if (change.text === null) delete record[change.field];
  else record[change.field] = change.text;
  return applied([{ ...change, text: typeof old === 'string' ? old : null }]);
}

const sectionPath = (change: SetLabel): string[] => [{ actor: 'actors', valueObject: 'valueObjects', transaction: 'transactions', scenario: 'scenarios' }[change.kind]];
