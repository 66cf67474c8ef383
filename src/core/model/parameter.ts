/**
 * Named parameters: constants or expressions over other parameters, with their provenance and,
 * from format version 4, the distribution a number is drawn from. A `range` always bounds the
 * parameter's own value; when the uncertain figure is a factor inside an expression, that
 * factor is a parameter of its own (purple-button: `cover_worth: premium * cover_markup`, the
 * range on `cover_markup`).
 */
import { z } from 'zod';
import { DESCRIPTION, Provenance, Quantity, type Expectation } from './common.js';
import { Distribution } from './distribution.js';

export const PARAMETER_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Names the expression language reserves: they cannot be parameter names. */
export const RESERVED_NAMES = new Set(['t', 'horizon', 'and', 'or', 'not']);

export const ParameterSpec = z.strictObject({
  value: Quantity,
  unit: z
    .string()
    .optional()
    .meta({ description: 'Unit, e.g. "EUR", "EUR/month", "people". A currency code here is checked against the model currency.' }),
  description: DESCRIPTION,
  ...Provenance,
  distribution: Distribution.optional(),
});

export const Parameter = z.union([z.number(), z.string().min(1), ParameterSpec], { error: 'parameter' satisfies Expectation });
export type Parameter = z.infer<typeof Parameter>;
export type ParameterSpec = z.infer<typeof ParameterSpec>;

/** The long form of a parameter, whatever form it was written in. */
export function parameterSpec(parameter: Parameter): ParameterSpec {
  return typeof parameter === 'object' ? parameter : { value: parameter };
}
