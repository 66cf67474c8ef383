import { describe, expect, it } from 'vitest';
import type { DataValue, ValueCycle } from '../../../src/analyses/index.js';
import type { TransferArrow } from './graph.js';
import { cycleMarks, dataMarks, pairKey } from './marks.js';

const arrow = (id: string, from: string, to: string): TransferArrow => ({ id, transaction: id.split('#')[0]!, index: Number(id.split('#')[1]), from, to, object: 'o', nature: 'money' });

describe('what the analyses mark on the graph', () => {
  it('marks a cycle’s actors and every arrow from one of them to the next, not the arrows back', () => {
    const cycle: ValueCycle = { actors: ['a', 'b', 'c'], arrows: [{ from: 'a', to: 'b', objects: [], money: 1, worth: 0 }, { from: 'b', to: 'c', objects: [], money: 1, worth: 0 }, { from: 'c', to: 'a', objects: [], money: 1, worth: 0 }], around: 1 };
    const arrows = [arrow('t#0', 'a', 'b'), arrow('t#1', 'b', 'a'), arrow('u#0', 'b', 'c'), arrow('v#0', 'c', 'a'), arrow('w#0', 'a', 'd')];
    const marks = cycleMarks(cycle, arrows);
    expect([...marks.actors]).toEqual(['a', 'b', 'c']);
    expect([...marks.arrows]).toEqual(['t#0', 'u#0', 'v#0']);
    expect(marks.chosen).toEqual(marks.arrows);
  });

  it('marks every data flow, labels each pair with what stopping its flows loses, and draws the chosen one strongest', () => {
    const flow = (transaction: string, transfer: number, from: string, to: string, lost: number) => ({ transaction, transfer, from, to, object: `${transaction}-data`, personal: true, direct: lost, valueAfter: 0, lost, collapsed: [] });
    const result = { currency: 'EUR', scale: 'total', valueCreated: 100, dataDependent: 60, flows: [flow('share', 1, 'people', 'app', 40), flow('back', 0, 'app', 'people', 5), flow('sell', 0, 'app', 'broker', 20)], sources: [] } as DataValue;
    const marks = dataMarks(result, 2, (f) => `${f.object} ${f.lost}`, ', ');
    expect([...marks.arrows]).toEqual(['share#1', 'back#0', 'sell#0']);
    expect([...marks.actors].sort()).toEqual(['app', 'broker', 'people']);
    expect([...marks.chosen]).toEqual(['sell#0']);
    // Both ways between the people and the app: one label for the pair.
    expect(marks.labels.get(pairKey('app', 'people'))).toBe('share-data 40, back-data 5');
    expect(marks.labels.get(pairKey('broker', 'app'))).toBe('sell-data 20');
    expect(dataMarks(result, undefined, () => '', ', ').chosen.size).toBe(0);
  });
});
