/**
 * What `symbiose loops` and its API route answer: the cycles of value in the ecosystem's graph
 * (analyses), and, when the model has dynamics, their feedback loops with polarity and which
 * dominates when over a run (engine/loops). `feedback` is null for a model without dynamics.
 */
import { valueCycles, type CycleOptions, type ValueCycles } from '../analyses/index.js';
import { constantValues, type Ecosystem } from '../core/index.js';
import { dynamicsLoops, type DynamicsLoops } from '../engine/index.js';

export interface ModelLoops extends ValueCycles {
  feedback: DynamicsLoops | null;
}

export function modelLoops(ecosystem: Ecosystem, options: CycleOptions = {}): ModelLoops {
  const feedback = ecosystem.doc.dynamics ? dynamicsLoops(ecosystem.doc, constantValues(ecosystem.model)) : undefined;
  return { ...valueCycles(ecosystem, options), feedback: feedback ?? null };
}
