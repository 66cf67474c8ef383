/**
 * The dynamics section of a model document: a system-dynamics model (stocks, flows, variables,
 * graphical functions, arrays) written in YAML, with equations in XMILE syntax. Time is counted
 * in the model's periods, so model quantities can read its variables period by period: a
 * variable read in period p is its mean over (p − 1, p]; in period 0 its initial value.
 */
import { z } from 'zod';
import type { Expectation } from './common.js';

const Equation = z
  .union([z.number(), z.string().min(1)], { error: 'equation' satisfies Expectation })
  .meta({ description: 'A number or an equation in XMILE syntax (IF … THEN … ELSE, MIN, DELAY1, SMTH1, STEP, PULSE…).' });

const Common = {
  dimensions: z.array(z.string()).optional().meta({ description: 'Dimensions of an arrayed variable.' }),
  elements: z
    .record(z.string(), Equation)
    .optional()
    .meta({ description: 'Equations per element ("North" or "North,Cars"), for non-apply-to-all arrays.' }),
  units: z.string().optional(),
  doc: z.string().optional(),
};

export const DynamicsGraphicalFunction = z.strictObject({
  type: z.enum(['continuous', 'extrapolate', 'discrete']).optional(),
  points: z.array(z.tuple([z.number(), z.number()])).min(2).optional().meta({ description: 'Points [x, y] in increasing x.' }),
  xscale: z.tuple([z.number(), z.number()]).optional().meta({ description: 'With `ys`: x from min to max in equal steps.' }),
  ys: z.array(z.number()).min(2).optional(),
});

export const DynamicsStock = z.strictObject({
  initial: Equation.meta({ description: 'Value at the start of the run.' }),
  inflows: z.array(z.string()).optional(),
  outflows: z.array(z.string()).optional(),
  nonNegative: z.boolean().optional().meta({ description: 'Never below zero.' }),
  ...Common,
});

const ActiveInitial = Equation.optional().meta({ description: 'Value at the start of the run when it differs from the equation (ACTIVE INITIAL).' });

export const DynamicsFlow = z.union([
  Equation,
  z.strictObject({
    equation: Equation,
    initial: ActiveInitial,
    nonNegative: z.boolean().optional().meta({ description: 'A uniflow: never negative.' }),
    ...Common,
  }),
], { error: 'flow' satisfies Expectation });

export const DynamicsVariable = z.union([
  Equation,
  z.strictObject({
    equation: Equation.optional(),
    initial: ActiveInitial,
    gf: DynamicsGraphicalFunction.optional().meta({ description: 'A graphical function (lookup) of the equation, or a table.' }),
    ...Common,
  }),
], { error: 'variable' satisfies Expectation });

export const Dynamics = z.strictObject({
  start: z.number().optional().meta({ description: 'Time of the start of period 1, in periods (default 0).' }),
  stop: z.number().optional().meta({ description: 'End of the run (default start + horizon).' }),
  dt: z.number().positive().optional().meta({ description: 'Integration step, in periods (default 0.25).' }),
  method: z.enum(['euler', 'rk4']).optional(),
  timeUnits: z.string().optional().meta({ description: 'Time unit when it is not the model period (kept from an imported XMILE model).' }),
  nonNegativeStocks: z.boolean().optional().meta({ description: 'Every stock never below zero unless it says otherwise.' }),
  nonNegativeFlows: z.boolean().optional().meta({ description: 'Every flow a uniflow unless it says otherwise.' }),
  dimensions: z
    .record(z.string(), z.union([z.array(z.string()).min(1), z.number().int().positive()]))
    .optional()
    .meta({ description: 'Named dimensions: a list of elements, or a size.' }),
  stocks: z.record(z.string(), DynamicsStock).optional(),
  flows: z.record(z.string(), DynamicsFlow).optional(),
  variables: z.record(z.string(), DynamicsVariable).optional(),
});
export type Dynamics = z.infer<typeof Dynamics>;
export type DynamicsStock = z.infer<typeof DynamicsStock>;
export type DynamicsFlow = z.infer<typeof DynamicsFlow>;
export type DynamicsVariable = z.infer<typeof DynamicsVariable>;

export const DYNAMICS_SECTIONS = ['stocks', 'flows', 'variables'] as const;

/**
 * The XMILE rule for names (XMILE 1.0 §3.2.2): case-insensitive, spaces and underscores alike.
 * Model expressions read `Room Temperature` as `room_temperature`.
 */
export function canonicalName(name: string): string {
  return name
    .replace(/\\n/g, ' ') // Stella writes a line break inside a name as the two characters \n
    .normalize('NFC')
    .trim()
    .replace(/[\s_]+/g, '_')
    .toLowerCase();
}

/** Every variable name of a dynamics section, canonical, with the section it is in. */
export function dynamicsNames(dynamics: Dynamics | undefined): Map<string, { section: (typeof DYNAMICS_SECTIONS)[number]; name: string }> {
  const names = new Map<string, { section: (typeof DYNAMICS_SECTIONS)[number]; name: string }>();
  for (const section of DYNAMICS_SECTIONS) {
    for (const name of Object.keys(dynamics?.[section] ?? {})) names.set(canonicalName(name), { section, name });
  }
  return names;
}
