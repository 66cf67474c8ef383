/**
 * The signs read from the equations against what the runs do. A link of sign + claims ∂z/∂x ≥ 0
 * wherever the run goes, so its link score, sign(Δₓz / Δx) with Δₓz z's change when only x
 * moves, can never be negative (nor positive for a − link): on every library model and on the
 * XMILE samples of the suite, no determined link ever scores against its sign.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { constantValues } from '../src/core/index.js';
import { dynamicsLoops, modelFeedback, parseXmile } from '../src/engine/index.js';
import { loadEcosystem } from '../src/engine/link/index.js';

type Loops = NonNullable<ReturnType<typeof dynamicsLoops>>;

/** Links whose run contradicts their sign, as "cause → effect sign, seen observed". */
function contradictions(loops: Loops): string[] {
  if ('refused' in loops.dominance) throw new Error('refused');
  return loops.dominance.links
    .filter((l) => (l.sign === '+' && (l.observed === '-' || l.observed === 'both')) || (l.sign === '-' && (l.observed === '+' || l.observed === 'both')))
    .map((l) => `${l.cause} → ${l.effect} ${l.sign}, seen ${l.observed}`);
}

describe('link signs against the runs', () => {
  const models = readdirSync('library').filter((f) => f.endsWith('.yaml'));

  it.each(models)('%s: no determined link scores against its sign', (file) => {
    const { ecosystem } = loadEcosystem(readFileSync(`library/${file}`, 'utf8'), file);
    const loops = dynamicsLoops(ecosystem!.doc, constantValues(ecosystem!.model));
    if (!loops) return;
    expect(contradictions(loops)).toEqual([]);
  });

  it('holds on the SIR and teacup samples of the suite', () => {
    for (const path of ['samples/SIR/SIR.xmile', 'samples/teacup/teacup.xmile']) {
      const { model } = parseXmile(readFileSync(`test/fixtures/sd-test-models/${path}`, 'utf8'), path);
      const loops = modelFeedback(model!)!;
      expect(contradictions(loops), path).toEqual([]);
    }
  });

  it('has something to check: most library loops are scored and most of their links signed', () => {
    let signed = 0;
    let scored = 0;
    for (const file of models) {
      const { ecosystem } = loadEcosystem(readFileSync(`library/${file}`, 'utf8'), file);
      const loops = dynamicsLoops(ecosystem!.doc, constantValues(ecosystem!.model));
      if (!loops || 'refused' in loops.dominance) continue;
      scored += loops.dominance.links.filter((l) => l.observed !== 'none').length;
      signed += loops.dominance.links.filter((l) => l.sign !== '?' && l.observed !== 'none').length;
    }
    expect(scored).toBeGreaterThan(40);
    expect(signed / scored).toBeGreaterThan(0.6);
  });
});
