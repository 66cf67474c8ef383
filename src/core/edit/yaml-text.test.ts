import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { rewriteYaml } from './yaml-text.js';

const TEXT = `# A shop
symbiose: 1        # format version
name: "Shop"
parameters:
  price: { value: 2, unit: EUR }   # list price
  buyers: 100
actors:
  # who sells
  shop:
    kind: organisation
    costs:
      - { name: rent, fixed: 10 }
      - name: staff
        fixed: 20
  people: { kind: segment, size: buyers }
tags: [food, local]
`;

/** The lines of `after` that are not in `before`, and those of `before` gone from `after`. */
function lineDiff(before: string, after: string) {
  const a = before.split('\n');
  const b = after.split('\n');
  return { added: b.filter((l) => !a.includes(l)), removed: a.filter((l) => !b.includes(l)) };
}

function rewrite(edit: (data: any) => void) {
  const data = parse(TEXT);
  edit(data);
  const out = rewriteYaml(TEXT, data);
  expect(parse(out)).toEqual(data);
  return { out, ...lineDiff(TEXT, out) };
}

describe('rewriteYaml', () => {
  it('changes a scalar in place, keeping its quotes and the comment beside it', () => {
    const { added, removed } = rewrite((d) => {
      d.symbiose = 2;
      d.name = 'Corner shop';
      d.parameters.price.value = 2.5;
    });
    expect(added).toEqual(['symbiose: 2        # format version', 'name: "Corner shop"', '  price: { value: 2.5, unit: EUR }   # list price']);
    expect(removed).toHaveLength(3);
  });

  it('renames a key in its place, with the comment above it', () => {
    const { out, added } = rewrite((d) => {
      d.actors = { store: d.actors.shop, people: d.actors.people };
    });
    expect(added).toEqual(['  store:']);
    expect(out).toContain('  # who sells\n  store:\n    kind: organisation');
  });

  it('adds and removes entries of block maps and lists, leaving the others', () => {
    const { added, removed } = rewrite((d) => {
      delete d.parameters.buyers;
      d.parameters.churn = 0.1;
      d.actors.shop.costs.splice(1, 1);
      d.actors.shop.costs.unshift({ name: 'oven', investment: 500 });
      d.actors.baker = { kind: 'individual' };
      d.actors.miller = { kind: 'individual' };
    });
    expect(added).toEqual(['  churn: 0.1', '      - { name: oven, investment: 500 }', '  baker: { kind: individual }', '  miller: { kind: individual }']);
    expect(removed).toEqual(['  buyers: 100', '      - name: staff', '        fixed: 20']);
  });

  it('rewrites only its line when a flow collection changes shape', () => {
    const { added, removed } = rewrite((d) => {
      d.actors.people.position = { x: 1, y: 2 };
      d.tags.push('bio');
    });
    expect(added).toEqual(['  people: { kind: segment, size: buyers, position: { x: 1, y: 2 } }', 'tags: [food, local, bio]']);
    expect(removed).toHaveLength(2);
  });

  it('rewrites a value whose kind changes, and quotes what would not read back', () => {
    const { added } = rewrite((d) => {
      d.parameters.buyers = { value: 'base * 2', source: 'a: survey' };
      d.actors.shop.kind = 'true';
    });
    expect(added).toEqual(['  buyers: { value: base * 2, source: "a: survey" }', '    kind: "true"']);
  });

  it('removes a record whose block value is followed by comments, keeping them for what follows', () => {
    const text = 'actors:\n  a:\n    kind: x\n  # about b\n  b:\n    kind: y   # why\n# end\n';
    const data = parse(text);
    delete data.actors.a;
    expect(rewriteYaml(text, data)).toBe('actors:\n  # about b\n  b:\n    kind: y   # why\n# end\n');
  });

  it('removes the comments indented inside a removed record with it, and keeps those of what follows', () => {
    const text = 'actors:\n  a:\n    kind: x\n    # a note on a\n\n    # and another\n  # about b\n  b:\n    kind: y\n';
    const data = parse(text);
    delete data.actors.a;
    expect(rewriteYaml(text, data)).toBe('actors:\n  # about b\n  b:\n    kind: y\n');
  });

  it('removes a list item with the comment indented under it', () => {
    const text = 'steps:\n  - buy\n    # buy comes first\n  - pay\n';
    const data = parse(text);
    data.steps.shift();
    expect(rewriteYaml(text, data)).toBe('steps:\n  - pay\n');
  });

  it('renames two records and adds one before them, each in place, the header kept (property test, seed 1643099445)', () => {
    const text = '# The header.\nactors:\n  hub: { kind: platform }\n  ops:\n    kind: segment\n    size: 4\n  devs:\n    kind: segment\n    size: 20\n  users: { kind: segment }\n';
    // newcomer added after hub, ops renamed to renamed and devs to new_one: a rename is the key
    // holding the same record, not the first new key beside it.
    const data = {
      actors: { hub: { kind: 'platform' }, newcomer: { kind: 'individual' }, renamed: { kind: 'segment', size: 4 }, new_one: { kind: 'segment', size: 20 }, users: { kind: 'segment' } },
    };
    expect(rewriteYaml(text, data)).toBe(
      '# The header.\nactors:\n  hub: { kind: platform }\n  newcomer: { kind: individual }\n  renamed:\n    kind: segment\n    size: 4\n  new_one:\n    kind: segment\n    size: 20\n  users: { kind: segment }\n',
    );
  });
});
