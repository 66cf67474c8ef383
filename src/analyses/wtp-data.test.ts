import { describe, expect, it } from 'vitest';
import { wtpSurveyFromCsv } from './wtp-data.js';

describe('willingness-to-pay survey files', () => {
  it("reads Van Westendorp's four columns, in English or French, in any order", () => {
    const en = wtpSurveyFromCsv('id,Too expensive,Too cheap,Cheap,Expensive\n1,12,2,4,8\n');
    expect(en.survey).toEqual({ method: 'van-westendorp', answers: [{ tooCheap: 2, cheap: 4, expensive: 8, tooExpensive: 12 }] });
    const fr = wtpSurveyFromCsv('Trop bon marché;Bon marché;Cher;Trop cher\n1,5;3;6,5;10\n');
    expect(fr.survey).toEqual({ method: 'van-westendorp', answers: [{ tooCheap: 1.5, cheap: 3, expensive: 6.5, tooExpensive: 10 }] });
  });

  it('reads a Gabor–Granger grid, a column per price, blanks left out', () => {
    const r = wtpSurveyFromCsv('respondent,10 €,20 €\n1,oui,non\n2,yes,\n');
    expect(r.survey).toEqual({ method: 'gabor-granger', prices: [10, 20], answers: [[true, false], [true, undefined]] });
  });

  it('says where a file is wrong', () => {
    expect(wtpSurveyFromCsv('too cheap,cheap,expensive\n1,2,3\n').faults).toEqual([{ code: 'csv-missing-column', line: 1, column: 'too expensive' }]);
    expect(wtpSurveyFromCsv('too cheap,cheap,expensive,too expensive\n1,2,three,4\n').faults).toEqual([{ code: 'csv-not-a-price', line: 2, column: 'expensive', value: 'three' }]);
    expect(wtpSurveyFromCsv('10,20\nyes,maybe\n').faults).toEqual([{ code: 'csv-not-yes-no', line: 2, column: '20', value: 'maybe' }]);
    expect(wtpSurveyFromCsv('name,age\nA,3\n').faults[0]!.code).toBe('csv-not-a-survey');
  });
});
