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
import { importedText } from '../src/cli/commands/xmile.js';
import { hasErrors } from '../src/core/index.js';
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

describe('what import writes', () => {
  it('validates, for every model of the suite that a document can hold; the others are refused by name', () => {
    let written = 0;
    for (const c of cases()) {
      const { model } = parseXmile(readFileSync(join(SUITE, c.dir, c.file), 'utf8'), c.file);
      if (!model || !compile(model).program) continue;
      if (unrepresentable(model).length > 0) continue;
      // The very text the command writes, checked as `validate` checks a file.
      const result = loadEcosystem(importedText(model, c.file, undefined), 'imported.yaml');
      expect(result.issues.filter((i) => i.severity === 'error'), c.id).toEqual([]);
      expect(hasErrors(result.issues)).toBe(false);
      written++;
    }
    expect(written).toBeGreaterThan(60);
  });

  const xmile = (variables: string, stop = 3) => `<xmile><sim_specs><start>0</start><stop>${stop}</stop><dt>1</dt></sim_specs><model><variables>${variables}</variables></model></xmile>`;

  it.each(['constructor', 'toString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf'])('keeps a variable named %s, which runs the same once imported', (name) => {
    const { model } = parseXmile(xmile(`<aux name="${name}"><eqn>2</eqn></aux><aux name="b"><eqn>${name} * 3 + TIME</eqn></aux>`));
    const direct = run(model!)!;
    // b = 2 × 3 + TIME, 9 at time 3.
    expect(direct.series.get('b')!.at(-1)).toBe(9);
    const doc = loadEcosystem(importedText(model!, 'm.xmile', undefined), 'm.yaml');
    expect(doc.issues).toEqual([]);
    const again = dynamicsModel(doc.ecosystem!.doc, doc.ecosystem!.doc.dynamics!, constantValues(doc.ecosystem!.model));
    expect([...run(again)!.series.get('b')!]).toEqual([...direct.series.get('b')!]);
  });

  it('reads names every object has as names, never as what objects inherit', () => {
    const issuesOf = (equation: string) => {
      const { model } = parseXmile(xmile(`<aux name="a"><eqn>${equation}</eqn></aux>`));
      return compile(model!).issues.map((i) => [i.code, i.params.reason ?? i.params.name, i.offset]);
    };
    expect(issuesOf('(s) constructor (1)')).toEqual([['equation-syntax', 'unexpected-token', 4]]);
    expect(issuesOf('constructor(1)')).toEqual([['unknown-function', 'CONSTRUCTOR', 0]]);
    expect(issuesOf('constructor')).toEqual([['unknown-name', 'constructor', 0]]);
    expect(issuesOf('__proto__ + 1')).toEqual([['unknown-name', '__proto__', 0]]);
  });

  it('runs a variable named __proto__ and refuses to import it, by name', () => {
    const { model } = parseXmile(xmile('<aux name="__proto__"><eqn>1</eqn></aux><aux name="b"><eqn>__proto__ * 2</eqn></aux>'));
    expect(run(model!)!.series.get('b')!.at(-1)).toBe(2);
    expect(unrepresentable(model!).map((i) => [i.code, i.params.reason, i.variable])).toEqual([['import', 'reserved-name', '__proto__']]);
  });

  it('refuses a horizon past the limit, which no document could hold', () => {
    const { model } = parseXmile(xmile('<aux name="a"><eqn>1</eqn></aux>', 20_000));
    expect(unrepresentable(model!).map((i) => [i.code, i.params.limit, i.params.max, i.params.found])).toEqual([['limit', 'horizon', 10_000, 20_000]]);
  });

  it.each([
    ['ypts', '<gf><xscale min="0" max="1"/><ypts>1,abc,3</ypts></gf>', '1,abc,3'],
    ['ypts', '<gf><xscale min="0" max="1"/><ypts>1,,3</ypts></gf>', '1,,3'],
    ['xpts', '<gf><xpts>0,1,x</xpts><ypts>1,2,3</ypts></gf>', '0,1,x'],
    ['xscale', '<gf><xscale min="zero" max="1"/><ypts>1,2,3</ypts></gf>', 'min="zero" max="1"'],
  ])('refuses <%s> that is not numbers when reading, so neither a run nor an import sees NaN', (tag, gf, text) => {
    const { issues } = parseXmile(xmile(`<aux name="g"><eqn>TIME</eqn>${gf}</aux>`), 'm.xmile');
    expect(issues.map((i) => [i.code, i.params.reason, i.params.tag, i.params.text, i.variable])).toEqual([['graphical-function', 'not-a-number', tag, text, 'g']]);
  });
});
