/**
 * Editing a commented library model and writing it back: only the lines the changes touch
 * differ, every comment and the order of every key stay, and the result loads with the same
 * checks as before.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { migrate, rewriteYaml, type ModelDocument } from '../src/core/index.js';
import { applyModelChanges } from '../src/engine/index.js';
import { ecosystemOf } from './helpers.js';

const TEXT = readFileSync('library/purple-button.yaml', 'utf8');

/** Lines present in one text and not the other, with their multiplicity. */
function changedLines(before: string, after: string): { removed: string[]; added: string[] } {
  const count = (lines: string[]) => lines.reduce((m, l) => m.set(l, (m.get(l) ?? 0) + 1), new Map<string, number>());
  const a = count(before.split('\n'));
  const b = count(after.split('\n'));
  const only = (x: Map<string, number>, y: Map<string, number>) => [...x].flatMap(([l, n]) => Array<string>(Math.max(0, n - (y.get(l) ?? 0))).fill(l));
  return { removed: only(a, b), added: only(b, a) };
}

describe('writing an edited model back to YAML', () => {
  it('changes only the lines of a rename, a parameter and a new actor, and keeps every comment', () => {
    const doc = migrate(parse(TEXT)).data as ModelDocument;
    const { document, issues } = applyModelChanges(doc, [
      { op: 'rename', kind: 'actor', from: 'insurer', to: 'assureur' },
      { op: 'set-parameter', name: 'premium', value: 45 },
      { op: 'add', kind: 'actor', id: 'broker', record: { kind: 'organisation', name: 'Courtier' }, at: 1 },
    ]);
    expect(issues).toEqual([]);
    const out = rewriteYaml(TEXT, document);
    expect(parse(out)).toEqual(document);

    const original = TEXT.split('\n');
    // What the changes touch, found in the original by hand (already in the current format, its
    // version line stays): the actor's key, every transfer naming it, and the premium's value.
    const touched = original.filter(
      (l) => l === '  insurer:' || /(from|to): insurer\b/.test(l) || (l === '    value: 40' && original[original.indexOf(l) - 1] === '  premium:'),
    );
    const { removed, added } = changedLines(TEXT, out);
    expect(removed.sort()).toEqual(touched.sort());
    expect(added).toEqual(
      expect.arrayContaining(['  assureur:', '    value: 45', '  broker: { kind: organisation, name: Courtier }']),
    );
    expect(added).toHaveLength(touched.length + 1);
    for (const line of added) if (/from: assureur|to: assureur/.test(line)) expect(touched).toContain(line.replace(/\bassureur\b/g, 'insurer'));
    // Every comment line is still there, in the same order.
    const comments = (text: string) => text.split('\n').filter((l) => l.trimStart().startsWith('#'));
    expect(comments(out)).toEqual(comments(TEXT));
    // The new actor sits second, where the change put it; the others keep their order.
    expect(Object.keys(parse(out).actors).slice(0, 3)).toEqual(['assureur', 'broker', 'policyholders']);

    // The edited model loads, under its new ids.
    const ecosystem = ecosystemOf(out, 'purple-button.yaml');
    expect(ecosystem.doc.actors.assureur).toBeDefined();
  });
});
