/** Test helpers: load a model from text and fail loudly, with located messages, if it is invalid. */
import type { Ecosystem, LocatedIssue } from '../src/core/index.js';
import { issueMessage } from '../src/i18n/index.js';
import { loadEcosystem as loadModel } from '../src/engine/link/index.js';

export function ecosystemOf(text: string, file = 'test.yaml'): Ecosystem {
  const result = loadModel(text, file);
  if (!result.ecosystem) {
    throw new Error(`model does not load:\n${result.issues.map(describeIssue).join('\n')}`);
  }
  return result.ecosystem;
}

export function issuesOf(text: string, file = 'test.yaml'): LocatedIssue[] {
  return loadModel(text, file).issues;
}

export function describeIssue(i: LocatedIssue): string {
  return `${i.file}:${i.line}:${i.column} ${i.severity} [${i.code}] ${issueMessage(i, 'en')}`;
}

/**
 * An XMILE model of n stocks growing over `stop` steps of 1 (the CLI tests' long runs and wide
 * outputs): its CSV has stop + 1 rows of 2n + 1 numbers.
 */
export const growingArrays = (n: number, stop: number, name = 'arrays') => `<?xml version="1.0" encoding="utf-8"?>
<xmile version="1.0" xmlns="http://docs.oasis-open.org/xmile/ns/XMILE/v1.0">
  <header><name>${name}</name></header>
  <sim_specs method="Euler"><start>0</start><stop>${stop}</stop><dt>1</dt></sim_specs>
  <dimensions><dim name="D" size="${n}"/></dimensions>
  <model><variables>
    <stock name="S"><dimensions><dim name="D"/></dimensions><eqn>1</eqn><inflow>g</inflow></stock>
    <flow name="g"><dimensions><dim name="D"/></dimensions><eqn>S * 0.000001</eqn></flow>
  </variables></model>
</xmile>`;
