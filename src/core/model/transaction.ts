/** Transactions: reciprocal bundles of value transfers that happen together or not at all. */
import { z } from 'zod';
import { DESCRIPTION, Id, LABEL, NAME, Quantity } from './common.js';

export const Transfer = z.strictObject({
  from: Id.meta({ description: 'The actor that gives.' }),
  to: Id.meta({ description: 'The actor that receives.' }),
  object: Id.meta({ description: 'The value object transferred.' }),
  amount: Quantity.optional().meta({
    description: 'Money: the amount per occurrence (required). Other natures: units per occurrence (default 1).',
  }),
  channel: z.string().optional().meta({ description: 'Overrides the transaction channel for this transfer.' }),
});
export type Transfer = z.infer<typeof Transfer>;

export const Transaction = z.strictObject({
  name: NAME,
  label: LABEL,
  description: DESCRIPTION,
  channel: z.string().optional().meta({ description: 'Through what the transfers happen (app, shop, API…).' }),
  relationship: z.string().optional().meta({ description: 'The customer relationship this transaction embodies.' }),
  financing: z
    .boolean()
    .optional()
    .meta({
      description:
        'True for equity, loans and their repayment: the money is financing, not revenue or cost, and is kept apart from operating cash flow, NPV and break-even.',
    }),
  reciprocal: z
    .boolean()
    .optional()
    .meta({
      description:
        'Default true: every actor in the transaction both gives and receives (economic reciprocity). ' +
        'Set false only for one-way flows such as taxes, gifts or leaks.',
    }),
  transfers: z.array(Transfer).min(1),
});
export type Transaction = z.infer<typeof Transaction>;
