/**
 * Textbook models whose feedback loops and dominance are known by hand, for the tests of this
 * folder (and the CLI's): logistic growth, first-order goal seeking and Bass diffusion, written
 * as engine models. Each says where its numbers come from.
 */
import type { Model, Variable } from '../model.js';

const specs = (stop: number, dt: number) => ({ start: 0, stop, dt, saveStep: dt, method: 'euler' as const });
const aux = (name: string, equation: string): Variable => ({ kind: 'aux', name, equation, dimensions: [] });
const flow = (name: string, equation: string, nonNegative = false): Variable => ({ kind: 'flow', name, equation, dimensions: [], ...(nonNegative ? { nonNegative } : {}) });
const stock = (name: string, initial: string, inflows: string[], outflows: string[] = [], nonNegative = true): Variable => ({
  kind: 'stock', name, equation: initial, dimensions: [], inflows, outflows, nonNegative,
});

/**
 * Logistic growth, P' = r·P·(1 − P/K), split so that each loop has its own link into the flow:
 * growth = r · Population · room, room = MAX(0, 1 − Population/K). R1 runs Population → growth →
 * Population, B1 Population → room → growth → Population. r = 1, K = 1000, P(0) = 10.
 */
export function logisticModel(dt = 1 / 64, stop = 12): Model {
  return {
    name: 'logistic',
    specs: specs(stop, dt),
    dimensions: [],
    macros: [],
    variables: [
      stock('Population', 'initial_population', ['growth']),
      flow('growth', 'growth_rate * Population * room'),
      aux('room', 'MAX(0, 1 - Population / capacity)'),
      aux('growth_rate', '1'),
      aux('capacity', '1000'),
      aux('initial_population', '10'),
    ],
  };
}

/** The logistic equation in one flow, r·P·(1 − P/K): one link, whose sign changes at P = K/2. */
export function logisticOneFlow(): Model {
  const model = logisticModel();
  return {
    ...model,
    variables: [
      stock('Population', 'initial_population', ['growth'], [], false),
      flow('growth', 'growth_rate * Population * (1 - Population / capacity)'),
      ...model.variables.filter((v) => v.kind === 'aux' && v.name !== 'room'),
    ],
  };
}

/** First-order goal seeking: Level' = (goal − Level)/τ, goal 100, τ 5, Level(0) 20. */
export function goalSeekingModel(dt = 1 / 16, stop = 30): Model {
  return {
    name: 'goal seeking',
    specs: specs(stop, dt),
    dimensions: [],
    macros: [],
    variables: [
      stock('Level', '20', ['adjusting'], [], false),
      flow('adjusting', 'gap / adjustment_time'),
      aux('gap', 'goal - Level'),
      aux('goal', '100'),
      aux('adjustment_time', '5'),
    ],
  };
}

/**
 * Bass diffusion (Bass 1969): adoption = (p + q·Adopters/N)·Potential, from Potential to
 * Adopters. p = 0.01, q = 0.5, N = 1000, everyone a potential adopter at the start.
 */
export function bassModel(dt = 1 / 64, stop = 20): Model {
  return {
    name: 'Bass diffusion',
    specs: specs(stop, dt),
    dimensions: [],
    macros: [],
    variables: [
      stock('Potential', 'market', [], ['adoption']),
      stock('Adopters', '0', ['adoption']),
      flow('adoption', '(innovation + imitation * Adopters / market) * Potential', true),
      aux('innovation', '0.01'),
      aux('imitation', '0.5'),
      aux('market', '1000'),
    ],
  };
}
