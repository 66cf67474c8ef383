/**
 * Edits as data: every change a surface can make to a model document, as a plain, serialisable
 * record. The studio emits them, the HTTP API receives them, undo replays their inverse; one pure
 * function (apply.ts) carries them out.
 */
import type {
  Experiment,
  Hypothesis,
  LearningCard,
  TestCard,
  Actor,
  Branch,
  Cost,
  DynamicsFlow,
  DynamicsStock,
  DynamicsVariable,
  Parameter,
  Position,
  Quantity,
  Scenario,
  Step,
  Transaction,
  Transfer,
  ValueObject,
  Variant,
} from '../model/index.js';
import type { Path } from '../issues.js';

/** The records kept in a map from id to record: the sections, and the dynamics' variables. */
export interface RecordOf {
  parameter: Parameter;
  actor: Actor;
  valueObject: ValueObject;
  transaction: Transaction;
  scenario: Scenario;
  variant: Variant;
  stock: DynamicsStock;
  flow: DynamicsFlow;
  variable: DynamicsVariable;
  hypothesis: Hypothesis;
  testCard: TestCard;
  experiment: Experiment;
  learningCard: LearningCard;
}
export type RecordKind = keyof RecordOf;

/** The records kept in a list inside another record, and what their list is in. */
export interface ItemOf {
  cost: Cost;
  transfer: Transfer;
  step: Step;
  branch: Branch;
}
export type ItemKind = keyof ItemOf;

/**
 * Where a list of items is: an actor's costs, a transaction's transfers, or a list of steps or of
 * OR branches inside a scenario, named by its path from the scenario (['steps'],
 * ['steps', 1, 'or'], ['steps', 1, 'or', 0, 'steps']).
 */
export type ListOf =
  | { kind: 'cost'; actor: string }
  | { kind: 'transfer'; transaction: string }
  | { kind: 'step'; scenario: string; list: Path }
  | { kind: 'branch'; scenario: string; list: Path };
type Located<K extends ItemKind> = Extract<ListOf, { kind: K }>;

/** Adds a record under a new id, at `at` among its section's ids (default last). */
export type AddRecord = { [K in RecordKind]: { op: 'add'; kind: K; id: string; record: RecordOf[K]; at?: number } }[RecordKind];
/** Replaces a record whole. */
export type UpdateRecord = { [K in RecordKind]: { op: 'update'; kind: K; id: string; record: RecordOf[K] } }[RecordKind];
/**
 * Removes a record. References to it are left (and reported as a warning); remove them first.
 * `prune` is how many enclosing containers to remove too when the removal leaves them empty (1:
 * its section; 2: the dynamics section as well), which undoing an add that made them needs.
 */
export type RemoveRecord = { op: 'remove'; kind: RecordKind; id: string; prune?: number };

/** Adds an item at `index` in its list (default last). */
export type AddItem = { [K in ItemKind]: Located<K> & { op: 'add'; record: ItemOf[K]; index?: number } }[ItemKind];
export type UpdateItem = { [K in ItemKind]: Located<K> & { op: 'update'; index: number; record: ItemOf[K] } }[ItemKind];
/** Removes an item; `prune: 1` also removes its list when left empty. */
export type RemoveItem = ListOf & { op: 'remove'; index: number; prune?: number };

/**
 * Gives a record a new id, in its place, and rewrites every reference to it: transfers, scenario
 * steps, cost lines, valuations, variants, the names read by expressions and, for parameters and
 * the dynamics' variables, by the dynamics' equations (matched by the canonical name rule).
 */
export interface Rename {
  op: 'rename';
  kind: RecordKind;
  from: string;
  to: string;
}

/** Sets a parameter's value, keeping its unit and provenance. */
export interface SetParameter {
  op: 'set-parameter';
  name: string;
  value: Quantity;
}

/** Places an actor on the studio's canvas; `null` removes its position. */
export interface SetPosition {
  op: 'set-position';
  actor: string;
  position: Position | null;
}

export type LabelledKind = 'actor' | 'valueObject' | 'transaction' | 'scenario';
/** Sets a record's display `name` or its English `label`; `null` removes it. */
export interface SetLabel {
  op: 'set-label';
  kind: LabelledKind;
  id: string;
  field: 'name' | 'label';
  text: string | null;
}

export type Change =
  | AddRecord
  | UpdateRecord
  | RemoveRecord
  | AddItem
  | UpdateItem
  | RemoveItem
  | Rename
  | SetParameter
  | SetPosition
  | SetLabel;
