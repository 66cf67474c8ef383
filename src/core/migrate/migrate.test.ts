import { describe, expect, it } from 'vitest';
import { FORMAT_VERSION } from '../model/index.js';
import { LATEST_VERSION, migrate, MIGRATIONS, OLDEST_VERSION, versionOf } from './index.js';

const v1 = {
  symbiose: 1,
  name: 'Shop',
  actors: { shop: { kind: 'organisation' }, buyers: { kind: 'segment', size: 10 } },
};

describe('the migration registry', () => {
  it('has one migration per version step, ending at the format version', () => {
    expect(MIGRATIONS.map((m) => m.from)).toEqual(Array.from({ length: MIGRATIONS.length }, (_, i) => OLDEST_VERSION + i));
    expect(LATEST_VERSION).toBe(FORMAT_VERSION);
  });
});

describe('version 2: actor positions', () => {
  it('up changes only the version, in its place', () => {
    const { data, from, to, issues } = migrate(v1);
    expect(data).toEqual({ ...v1, symbiose: 2 });
    expect(Object.keys(data as object)).toEqual(['symbiose', 'name', 'actors']);
    expect([from, to, issues]).toEqual([1, 2, []]);
    expect(v1.symbiose).toBe(1); // the input is untouched
  });

  it('down drops positions and warns how many', () => {
    const v2 = { ...v1, symbiose: 2, actors: { shop: { kind: 'organisation', position: { x: 10, y: -4 } }, buyers: v1.actors.buyers } };
    const { data, issues } = migrate(v2, 1);
    expect(data).toEqual(v1);
    expect(issues).toEqual([
      { code: 'migration-loss', severity: 'warning', path: ['actors'], params: { field: 'position', count: 1, from: 2, to: 1 }, atKey: true },
    ]);
    expect(v2.actors.shop.position).toEqual({ x: 10, y: -4 });
  });

  it('down with no positions loses nothing and says nothing; up then down is the identity', () => {
    expect(migrate(migrate(v1).data, 1)).toEqual({ data: v1, from: 2, to: 1, issues: [] });
  });
});

describe('migrate', () => {
  it('refuses a version newer than it knows, and leaves an unreadable version to the schema', () => {
    const future = migrate({ symbiose: LATEST_VERSION + 1 });
    expect(future.issues.map((i) => [i.code, i.params.version, i.params.latest])).toEqual([['format-version', LATEST_VERSION + 1, LATEST_VERSION]]);
    expect(migrate({ symbiose: 'one' })).toEqual({ data: { symbiose: 'one' }, from: undefined, to: undefined, issues: [] });
    expect(migrate([1, 2]).issues).toEqual([]);
    expect(versionOf({ symbiose: 1.5 })).toBeUndefined();
  });

  it('keeps a document at its own version as it is', () => {
    const v2 = { ...v1, symbiose: 2 };
    expect(migrate(v2)).toEqual({ data: v2, from: 2, to: 2, issues: [] });
  });
});
