/**
 * The five ecosystems issue 14 item 9 adds (seed 000, Figure 22, 5.3.3, 6.2 and Figure 10; seed
 * 001): like the library's other dynamic models, their dynamics write no bare number but 0 and 1 in
 * their equations: every figure is a parameter with its source or assumption.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadEcosystem } from '../../src/engine/link/index.js';
import { describeIssue } from '../helpers.js';

const NEW = ['apple-value-network', 'hotel-booking-cepc', 'uber-clients-attract-clients', 'alibaba-alipay-aliloan', 'online-advertising'];

/** Every equation and initial value of a dynamics section, with where it is. */
function equations(value: unknown, path: string[] = []): Array<{ path: string; text: string }> {
  if (typeof value === 'number' || typeof value === 'string') return [{ path: path.join('.'), text: String(value) }];
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, v]) =>
    // names, units and documentation are words; the run's own settings are not model figures
    ['doc', 'units', 'inflows', 'outflows', 'dt', 'method', 'nonNegative'].includes(key) ? [] : equations(v, [...path, key]),
  );
}

describe.each(NEW)('%s', (id) => {
  const result = loadEcosystem(readFileSync(`library/${id}.yaml`, 'utf8'), `library/${id}.yaml`);

  it('writes no bare number in its dynamics but 0 and 1', () => {
    expect(result.issues.map(describeIssue)).toEqual([]);
    const bare = equations(result.ecosystem!.doc.dynamics).flatMap(({ path, text: equation }) =>
      [...equation.matchAll(/(?<![\w.])\d[\d_]*(?:\.\d+)?(?:[eE][+-]?\d+)?/g)].map((m) => Number(m[0])).filter((n) => n !== 0 && n !== 1).map((n) => `${path}: ${n}`),
    );
    expect(bare).toEqual([]);
  });
});
