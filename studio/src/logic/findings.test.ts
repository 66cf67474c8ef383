import { describe, expect, it } from 'vitest';
import type { SustainabilityChecks } from '../../../src/analyses/index.js';
import { findingsByActor } from './findings.js';

describe('findings on the graph', () => {
  it('gives each actor a finding names its worst severity', () => {
    const result = {
      currency: 'EUR', scale: 'total', valueCreated: 100, options: { maxShare: 0.5, maxGap: 0.25, failureShare: 0.5 },
      checks: [
        { check: 'negative-net-value', passed: false, findings: [{ code: 'negative-net-value', severity: 'warning', actor: 'shop', captured: -5 }] },
        { check: 'single-point-of-failure', passed: false, findings: [{ code: 'single-point-of-failure', severity: 'error', actor: 'shop', valueWithout: 10, lost: 90, share: 0.9 }] },
        { check: 'subsidised-side', passed: false, findings: [{ code: 'subsidised-side', severity: 'info', platform: 'hub', actor: 'riders', paid: 1, costs: 2, by: [] }] },
      ],
    } as unknown as SustainabilityChecks;
    const found = findingsByActor(result);
    expect(found.get('shop')?.severity).toBe('error');
    expect(found.get('shop')?.findings).toHaveLength(2);
    expect(found.get('hub')?.severity).toBe('info');
    expect(found.get('riders')?.severity).toBe('info');
    expect(found.has('nobody')).toBe(false);
  });
});
