/**
 * XMILE → Symbiose model (YAML) → run gives the very numbers of running the XMILE file, for
 * every model of the community suite that a dynamics section can hold; and back out to XMILE.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { constantValues } from '../src/core/index.js';
import { compile, parseXmile, simulate, writeXmile, type Model } from '../src/engine/index.js';
import { dynamicsModel, dynamicsSection, loadEcosystem, unrepresentable } from '../src/engine/link/index.js';
import { cases, SUITE } from './engine/suite.js';

const run = (model: Model) => {
  const { program } = compile(model);
  return program ? simulate(program) : undefined;
};

function imported(model: Model, file: string) {
  const doc = {
    symbiose: 1,
    name: 'imported',
    currency: 'EUR',
    period: 'year',
    horizon: Math.max(1, Math.ceil(model.specs.stop - model.specs.start - 1e-9)),
    actors: {},
    valueObjects: {},
    transactions: {},
    dynamics: dynamicsSection(model),
  };
  const result = loadEcosystem(stringify(doc), file);
  return result.ecosystem ? dynamicsModel(result.ecosystem.doc, result.ecosystem.doc.dynamics!, constantValues(result.ecosystem.model)) : undefined;
}

describe('XMILE import into a model document', () => {
  const usable = cases().flatMap((c) => {
    const { model } = parseXmile(readFileSync(join(SUITE, c.dir, c.file), 'utf8'), c.file);
    if (!model || unrepresentable(model).length > 0) return [];
    const direct = run(model);
    return direct ? [{ id: c.id, model, direct }] : [];
  });

  it('holds most of the suite', () => {
    // Macros, per-element graphical functions and separate stock initials are refused, by name.
    expect(usable.length).toBeGreaterThan(60);
  });

  it.each(usable.map((u) => [u.id, u] as const))('%s runs identically once imported', (_, { model, direct, id }) => {
    const again = imported(model, id);
    expect(again, 'the imported model loads').toBeDefined();
    const result = run(again!)!;
    expect([...result.times]).toEqual([...direct.times]);
    for (const [label, values] of direct.series) expect([...result.series.get(label)!], label).toEqual([...values]);
  });

  it('exports back to XMILE that reads to the same run', () => {
    const { model } = parseXmile(readFileSync(join(SUITE, 'samples/teacup/teacup.xmile'), 'utf8'), 'teacup.xmile');
    const yamlModel = imported(model!, 'teacup')!;
    const back = parseXmile(writeXmile(yamlModel), 'back.xmile').model!;
    expect(back.specs.timeUnits).toBe(model!.specs.timeUnits);
    expect([...run(back)!.series.get('Teacup Temperature')!]).toEqual([...run(model!)!.series.get('Teacup Temperature')!]);
  });
});
