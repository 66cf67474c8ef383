/** The README's examples are what a user gets: the format example loads, the shown outputs print. */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
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
      const args = command.replace(/^symbiose /, '').split(/\s+/);
      const result = spawnSync(process.execPath, [resolve('bin/symbiose.js'), ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', SYMBIOSE_LANG: 'en' } });
      const printed = result.stdout.split('\n').map((line) => line.trimEnd());
      for (const line of shown!.split('\n').filter((l) => l.trim() !== '' && l.trim() !== '…')) {
        expect(printed, `${command}: ${line}`).toContain(line.trimEnd());
      }
    }
  });

  it("states the experiments section's figures as its commands print them", () => {
    const section = readme.slice(readme.indexOf('## Experiments: A/B tests of conversion'), readme.indexOf('## Commands'));
    // Inline commands may wrap across lines; shell blocks hold one command a line.
    const inline = [...section.matchAll(/`(symbiose experiment [^`]+)`/g)].map(([, c]) => c!.replace(/\s+/g, ' '));
    const blocks = [...section.matchAll(/```sh\n([\s\S]*?)```/g)].flatMap(([, b]) => b!.split('\n').map((l) => l.trim()));
    const commands = [...inline, ...blocks].filter((line) => line.startsWith('symbiose experiment'));
    const printed = commands
      .map((command) => spawnSync(process.execPath, [resolve('bin/symbiose.js'), ...command.replace(/^symbiose /, '').split(/\s+/)], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', SYMBIOSE_LANG: 'en' } }).stdout)
      .join('\n')
      .replace(/\s+/g, ' ');
    // Every figure the prose quotes, and every line of the output block shown.
    for (const figure of ['8.5 %', '726 trials', '96.6 %', '0.10 percentage points', 'p = 0.00153', 'p = 0.0997', 'from 2.89', 'to 9.67', 'Fewest reject the price at 5;', 'highest at 10', '70.0 % would buy', 'beta(14, 46)', 'PERT(0.05, 0.1, 0.3) 12.5 %', '18.0 %', '[11.3 %; 24.7 %]', 'These counts are INVENTED', 'Test first (4)']) expect(printed, figure).toContain(figure);
    const shown = /```\n(look[\s\S]*?)```/.exec(section)![1]!;
    for (const line of shown.split('\n').filter((l) => l.trim() !== '')) expect(printed).toContain(line.replace(/\s+/g, ' ').trim());
  });

  it('runs every command it shows, as printed, one after the other in a fresh folder', () => {
    // The shell blocks' `symbiose …` lines, in order: a later one may read what an earlier one
    // wrote (init, then validate). `symbiose` is this checkout's bin on the PATH, as the quick
    // start's `npm link` puts it (test/install.test.ts runs that link).
    const commands = [...readme.matchAll(/```sh\n([\s\S]*?)```/g)]
      .flatMap(([, block]) => block!.split('\n'))
      .map((line) => line.replace(/\s+#.*$/, '').trim())
      .filter((line) => line.startsWith('symbiose '));
    expect(commands.length).toBeGreaterThan(15);
    const dir = mkdtempSync(join(tmpdir(), 'symbiose-readme-'));
    cpSync(resolve('examples'), join(dir, 'examples'), { recursive: true });
    const bin = mkdtempSync(join(tmpdir(), 'symbiose-bin-'));
    symlinkSync(resolve('bin/symbiose.js'), join(bin, 'symbiose'));
    const PATH = `${bin}${delimiter}${process.env.PATH}`;
    for (const command of commands) {
      const result = spawnSync('sh', ['-c', command], { cwd: dir, encoding: 'utf8', env: { ...process.env, PATH, NO_COLOR: '1', SYMBIOSE_LANG: 'en', SYMBIOSE_MODEL: '' } });
      expect(result.status, `${command}\n${result.stderr}`).toBe(0);
      expect(result.stderr, command).not.toMatch(/error|Error/);
    }
  }, 180_000);
});
