/** The README's examples are what a user gets: the format example loads, the shown outputs print. */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeIssue, issuesOf } from './helpers.js';

const readme = readFileSync('README.md', 'utf8');

describe('README', () => {
  it('shows a model format example that validates with no issue', () => {
    const section = readme.slice(readme.indexOf('## The model format'));
    const example = /```yaml\n([\s\S]*?)```/.exec(section)![1]!;
    expect(issuesOf(example, 'README.md').map(describeIssue)).toEqual([]);
  });

  it('shows the tour commands with the output they print (in English)', () => {
    // A shell block followed at once by an output block: the output is that of its last command.
    const examples = [...readme.slice(0, readme.indexOf('## Your own model')).matchAll(/```sh\n([\s\S]*?)```\n```\n([\s\S]*?)```/g)];
    expect(examples.length).toBe(2);
    for (const [, commands, shown] of examples) {
      const command = commands!.trim().split('\n').at(-1)!.replace(/#.*$/, '').trim();
      const args = command.replace(/^npx symbiose /, '').split(/\s+/);
      const result = spawnSync(process.execPath, [resolve('bin/symbiose.js'), ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', SYMBIOSE_LANG: 'en' } });
      const printed = result.stdout.split('\n').map((line) => line.trimEnd());
      for (const line of shown!.split('\n').filter((l) => l.trim() !== '' && l.trim() !== '…')) {
        expect(printed, `${command}: ${line}`).toContain(line.trimEnd());
      }
    }
  });
});
