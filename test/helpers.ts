/** Test helpers: load a model from text and fail loudly, with located messages, if it is invalid. */
import type { Ecosystem, LocatedIssue } from '../src/core/index.js';
import { issueMessage } from '../src/i18n/index.js';
import { loadEcosystem as loadModel } from '../src/engine/link/index.js';

export function ecosystemOf(text: string, file = 'test.yaml'): Ecosystem {
  const result = loadModel(text, file);
  if (!result.ecosystem) {
    throw new Error(`model does not load:\n${result.issues.map(describeIssue).join('\n')}`);
  }
  return result.ecosystem;
}

export function issuesOf(text: string, file = 'test.yaml'): LocatedIssue[] {
  return loadModel(text, file).issues;
}

export function describeIssue(i: LocatedIssue): string {
  return `${i.file}:${i.line}:${i.column} ${i.severity} [${i.code}] ${issueMessage(i, 'en')}`;
}
