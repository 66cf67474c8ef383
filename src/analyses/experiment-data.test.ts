import { describe, expect, it } from 'vitest';
import { experimentDataFromCsv } from './experiment-data.js';
import { cellNumber, parseCsv } from './survey-csv.js';

describe('CSV files of experiments', () => {
  it('reads counts rows, the control first, with commas or semicolons', () => {
    const comma = experimentDataFromCsv('variant,converted,exposed\nA,5,50\nB,12,50\n');
    expect(comma.data!.variants).toEqual([{ name: 'A', counts: { successes: 5, trials: 50 } }, { name: 'B', counts: { successes: 12, trials: 50 } }]);
    const semicolon = experimentDataFromCsv('Variante;Convertis;Exposés\r\nB;12;50\r\nA;5;50\r\n');
    expect(semicolon.data!.variants.map((v) => v.name)).toEqual(['B', 'A']);
  });

  it('adds up responses, one person a row, yes/no or oui/non, and cumulates them by look', () => {
    const text = 'look,variant,converted\n1,A,no\n1,B,oui\n1,B,non\n2,A,yes\n2,A,0\n2,B,1\n';
    const { data } = experimentDataFromCsv(text);
    expect(data!.looks!.map((l) => l.variants.map((v) => `${v.counts.successes}/${v.counts.trials}`))).toEqual([['0/1', '1/2'], ['1/3', '2/3']]);
    expect(data!.variants.map((v) => v.counts)).toEqual([{ successes: 1, trials: 3 }, { successes: 2, trials: 3 }]);
  });

  it('says where a file is wrong', () => {
    expect(experimentDataFromCsv('variant,exposed\nA,5\n').faults).toEqual([{ code: 'csv-missing-column', line: 1, column: 'converted' }]);
    expect(experimentDataFromCsv('variant,converted,exposed\nA,5,50\nB,x,50\n').faults).toEqual([{ code: 'csv-not-a-number', line: 3, column: 'converted', value: 'x' }]);
    expect(experimentDataFromCsv('variant,converted\nA,maybe\n').faults[0]).toMatchObject({ code: 'csv-not-yes-no', line: 2, value: 'maybe' });
    expect(experimentDataFromCsv('variant,converted,exposed\nA,5,50\n').faults[0]!.code).toBe('csv-too-few-rows');
    expect(experimentDataFromCsv('variant,converted,exposed\nA,60,50\nB,1,50\n').faults[0]).toMatchObject({ code: 'csv-bad-counts', column: 'A' });
    expect(parseCsv('a,b\n"open,1\n').faults).toEqual([{ code: 'csv-unclosed-quote', line: 2 }]);
    expect(parseCsv('a,b\n1,2,3\n').faults).toEqual([{ code: 'csv-ragged', line: 2, value: '3' }]);
    expect(parseCsv('  \n').faults[0]!.code).toBe('csv-empty');
  });

  it('reads quoted fields and numbers as spreadsheets write them', () => {
    expect(parseCsv('name,note\n"Smith, J.","said ""yes""\nthen left"\n').table!.rows[0]!.cells).toEqual(['Smith, J.', 'said "yes"\nthen left']);
    expect([cellNumber('12,5'), cellNumber('1 200'), cellNumber('30 €'), cellNumber('abc'), cellNumber('')]).toEqual([12.5, 1200, 30, undefined, undefined]);
  });
});
