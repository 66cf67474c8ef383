/**
 * The change list as a zod schema: what a surface that receives changes from outside (the HTTP
 * API) checks a request against before applying it, with the same record schemas as the model
 * format, so a bad record is refused with the same located issues as in a file. Ids are any
 * string here: applyChanges refuses the ones the format does not allow, naming the change.
 */
import { z } from 'zod';
import {
  Actor, Branch, Cost, DynamicsFlow, DynamicsStock, DynamicsVariable, Parameter, Position, Quantity,
  Scenario, Step, Transaction, Transfer, ValueObject, Variant, Hypothesis, TestCard, Experiment, LearningCard,
} from '../model/index.js';
import type { Change, ItemKind, RecordKind } from './changes.js';

const RECORDS = {
  parameter: Parameter,
  actor: Actor,
  valueObject: ValueObject,
  transaction: Transaction,
  scenario: Scenario,
  variant: Variant,
  stock: DynamicsStock,
  flow: DynamicsFlow,
  variable: DynamicsVariable,
  hypothesis: Hypothesis,
  testCard: TestCard,
  experiment: Experiment,
  learningCard: LearningCard,
} as const satisfies Record<RecordKind, z.ZodType>;

const ITEMS = { cost: Cost, transfer: Transfer, step: Step, branch: Branch } as const satisfies Record<ItemKind, z.ZodType>;

const RECORD_KINDS = Object.keys(RECORDS) as RecordKind[];
const RecordKindSchema = z.enum(RECORD_KINDS as [RecordKind, ...RecordKind[]]);
const Index = z.number().int().nonnegative();
const Prune = Index.optional().meta({ description: 'Enclosing containers removed too when left empty.' });
const ListPath = z.array(z.union([z.string(), z.number().int()]));

/** Where an item's list is: an actor's costs, a transaction's transfers, a scenario's steps or branches. */
const LISTS = {
  cost: { actor: z.string() },
  transfer: { transaction: z.string() },
  step: { scenario: z.string(), list: ListPath },
  branch: { scenario: z.string(), list: ListPath },
} as const;

const recordChanges = <K extends RecordKind>(kind: K) => ({
  add: z.strictObject({ op: z.literal('add'), kind: z.literal(kind), id: z.string(), record: RECORDS[kind], at: Index.optional() }),
  update: z.strictObject({ op: z.literal('update'), kind: z.literal(kind), id: z.string(), record: RECORDS[kind] }),
});

const itemChanges = <K extends ItemKind>(kind: K) => ({
  add: z.strictObject({ op: z.literal('add'), kind: z.literal(kind), ...LISTS[kind], record: ITEMS[kind], index: Index.optional() }),
  update: z.strictObject({ op: z.literal('update'), kind: z.literal(kind), ...LISTS[kind], index: Index, record: ITEMS[kind] }),
  remove: z.strictObject({ op: z.literal('remove'), kind: z.literal(kind), ...LISTS[kind], index: Index, prune: Prune }),
});

const records = RECORD_KINDS.map(recordChanges);
const items = (Object.keys(ITEMS) as ItemKind[]).map(itemChanges);
/** The options made per kind above, typed as the non-empty list discriminatedUnion takes. */
const nonEmpty = <T extends z.ZodObject>(options: T[]) => options as unknown as [T, ...T[]];

const LABELLED = z.enum(['actor', 'valueObject', 'transaction', 'scenario']);

/**
 * One change of a change list (core/edit/changes.ts), as JSON. Discriminated by `op`, then by
 * `kind`, so a faulty record is reported inside the one change it was meant as.
 */
export const ChangeSchema = z
  .discriminatedUnion('op', [
    z.discriminatedUnion('kind', nonEmpty([...records.map((r) => r.add), ...items.map((i) => i.add)])),
    z.discriminatedUnion('kind', nonEmpty([...records.map((r) => r.update), ...items.map((i) => i.update)])),
    z.discriminatedUnion('kind', [z.strictObject({ op: z.literal('remove'), kind: RecordKindSchema, id: z.string(), prune: Prune }), ...items.map((i) => i.remove)]),
    z.strictObject({ op: z.literal('rename'), kind: RecordKindSchema, from: z.string(), to: z.string() }),
    z.strictObject({ op: z.literal('set-parameter'), name: z.string(), value: Quantity }),
    z.strictObject({ op: z.literal('set-position'), actor: z.string(), position: Position.nullable() }),
    z.strictObject({ op: z.literal('set-label'), kind: LABELLED, id: z.string(), field: z.enum(['name', 'label']), text: z.string().nullable() }),
  ])
  .meta({ description: 'One edit of a model document (src/core/edit/changes.ts).' }) as unknown as z.ZodType<Change>;

export const ChangeListSchema = z.array(ChangeSchema);
