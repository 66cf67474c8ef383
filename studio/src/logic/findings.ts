/**
 * The sustainability checks' findings by actor (pure), for the graph: each actor a finding names
 * (the actor, the platform of a subsidised side, the actors of a collapse) gets the worst severity
 * among them and their words.
 */
import { SEVERITIES, type Finding, type Severity, type SustainabilityChecks } from '../../../src/analyses/index.js';

export interface ActorFindings {
  severity: Severity;
  findings: Finding[];
}

export function findingsByActor(result: SustainabilityChecks): Map<string, ActorFindings> {
  const byActor = new Map<string, ActorFindings>();
  for (const finding of result.checks.flatMap((c) => c.findings)) {
    for (const actor of actorsOf(finding)) {
      const seen = byActor.get(actor);
      if (!seen) byActor.set(actor, { severity: finding.severity, findings: [finding] });
      else {
        seen.findings.push(finding);
        if (SEVERITIES.indexOf(finding.severity) > SEVERITIES.indexOf(seen.severity)) seen.severity = finding.severity;
      }
    }
  }
  return byActor;
}

function actorsOf(finding: Finding): string[] {
  switch (finding.code) {
    case 'collapse':
      return [...new Set([...finding.rounds.flat().map((r) => r.actor), ...finding.collapsed])];
    case 'subsidised-side':
      return [finding.platform, finding.actor];
    default:
      return [finding.actor];
  }
}
