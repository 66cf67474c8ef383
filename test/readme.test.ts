/** The README's model-format example is a model a user can copy: it must load cleanly. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { describeIssue, issuesOf } from './helpers.js';

describe('README', () => {
  it('shows a model format example that validates with no issue', () => {
    const readme = readFileSync('README.md', 'utf8');
    const section = readme.slice(readme.indexOf('## The model format'));
    const example = /```yaml\n([\s\S]*?)```/.exec(section)![1]!;
    expect(issuesOf(example, 'README.md').map(describeIssue)).toEqual([]);
  });
});
