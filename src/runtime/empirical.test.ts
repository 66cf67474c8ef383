import { describe, expect, it } from 'vitest';
import { columnOf, parseCsv } from './empirical.js';

describe('CSV columns for empirical distributions', () => {
  it('reads fields, quoted ones included, with commas or semicolons', () => {
    expect(parseCsv('\uFEFFmonth,churn\r\n1,0.02\n2,"0.03"\n\n3,\n')).toEqual([['month', 'churn'], ['1', '0.02'], ['2', '0.03'], ['3', '']]);
    expect(parseCsv('mois;taux\n1;0.02\n')).toEqual([['mois', 'taux'], ['1', '0.02']]);
    expect(parseCsv('name,note\n"a, b","say ""hi"""\n')).toEqual([['name', 'note'], ['a, b', 'say "hi"']]);
  });

  it('gives the numbers of a column, leaves blank cells out, and says which cell is not a number', () => {
    const rows = parseCsv('month,churn\n1,0.02\n2,\n3,1e-2\n4,0.03\n');
    expect(columnOf(rows, 'churn')).toEqual({ values: [0.02, 0.01, 0.03] });
    expect(columnOf(rows, 'rate')).toEqual({ fault: 'column', known: ['month', 'churn'] });
    // Row 3 of the file (the header is row 1): a decimal comma, which a model never reads as a number.
    expect(columnOf(parseCsv('churn\n0.02\n"0,03"\n'), 'churn')).toEqual({ fault: 'cell', row: 3, text: '0,03' });
    expect(columnOf(parseCsv('churn\n\n'), 'churn')).toEqual({ values: [] });
  });
});
