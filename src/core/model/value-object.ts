/** Value objects: what flows along the arrows, each of a nature. */
import { z } from 'zod';
import { DESCRIPTION, Id, LABEL, NAME, Quantity, type Expectation } from './common.js';

export const NATURES = ['money', 'data', 'service', 'product', 'attention', 'reputation', 'environmental', 'right'] as const;
export type Nature = (typeof NATURES)[number];

export const ValueObject = z.strictObject({
  name: NAME,
  label: LABEL,
  nature: z.enum(NATURES),
  personal: z.boolean().optional().meta({ description: 'Data only: true when it is personal data.' }),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, { error: 'currency-code' satisfies Expectation })
    .optional()
    .meta({ description: 'Money only: the currency, which must be the model currency.' }),
  valuation: z
    .union([Quantity, z.record(Id, Quantity)], { error: 'valuation' satisfies Expectation })
    .optional()
    .meta({
      description:
        'Non-money only: what receiving one unit is worth to the receiver, in the model currency; ' +
        'a map gives a value per receiving actor (key "default" for the others).',
    }),
  description: DESCRIPTION,
});
export type ValueObject = z.infer<typeof ValueObject>;
