/**
 * Hostile dynamics models as a user meets them on the command line: each reproducer is a tiny
 * file written here, and `simulate` and `import` end within seconds with a located message and
 * exit 1, never an internal error (exit 3), a stack trace, a native crash or a stall.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const BIN = resolve('bin/symbiose.js');

function xmile(variables: string, { dimensions = '', after = '' } = {}): string {
  return `<?xml version="1.0"?>
<xmile version="1.0" xmlns="http://docs.oasis-open.org/xmile/ns/XMILE/v1.0">
  <sim_specs><start>0</start><stop>3</stop><dt>1</dt></sim_specs>
  ${dimensions === '' ? '' : `<dimensions>${dimensions}</dimensions>`}
  <model><variables>${variables}</variables></model>
  ${after}
</xmile>`;
}

const macroBomb = Array.from({ length: 40 }, (_, i) => `<macro name="M${i}"><parm>x</parm><eqn>M${i + 1}(x)+M${i + 1}(x)</eqn></macro>`).join('');
const moduleBomb = Array.from({ length: 25 }, (_, i) => `<model name="m${i}"><variables><module name="a" model="m${i + 1}"/><module name="b" model="m${i + 1}"/></variables></model>`).join('');

/** Each reproducer, and what its message must say. */
const CASES: Array<[string, string, RegExp]> = [
  ['an unused dimension of 10⁹', xmile('<aux name="a"><eqn>1</eqn></aux>', { dimensions: '<dim name="D" size="1000000000"/>' }), /dimension "D": too many elements in a dimension: .*\(limit "dimensionSize"\)/],
  ['size="1e10"', xmile('<aux name="a"><eqn>1</eqn></aux>', { dimensions: '<dim name="D" size="1e10"/>' }), /size "1e10" of dimension "D"/],
  ['size="-1"', xmile('<aux name="a"><eqn>1</eqn></aux>', { dimensions: '<dim name="D" size="-1"/>' }), /size "-1" of dimension "D"/],
  ['40 macros each calling the next twice', xmile('<aux name="a"><eqn>M0(1)</eqn></aux>', { after: `${macroBomb}<macro name="M40"><parm>x</parm><eqn>x</eqn></macro>` }), /variable "a": too many operations .*\(limit "expandedNodes"\)/],
  ['modules 25 deep each instantiating the next twice', xmile('<module name="r" model="m0"/><aux name="z"><eqn>1</eqn></aux>', { after: `${moduleBomb}<model name="m25"><variables><aux name="x"><eqn>1</eqn></aux></variables></model>` }), /\(limit "modelElements"\), found 33\.6 million/],
  ['2,000 nested brackets', xmile(`<aux name="a"><eqn>${'('.repeat(2000)}1${')'.repeat(2000)}</eqn></aux>`), /variable "a": too many levels of nesting in an equation: at most 400 \(limit "equationDepth"\) at character 401 of equation "…\({80}…"/],
  ['50,000 unary minus', xmile(`<aux name="a"><eqn>${'-'.repeat(50_000)}1</eqn></aux>`), /\(limit "equationDepth"\)/],
];

describe('hostile XMILE files on the command line', () => {
  const dir = mkdtempSync(join(tmpdir(), 'symbiose-hostile-'));

  it.each(CASES)('%s: simulate and import end with exit 1 and the limit named', (name, text, message) => {
    const file = join(dir, `${name.replace(/\W+/g, '-')}.xmile`);
    writeFileSync(file, text);
    for (const command of ['simulate', 'import']) {
      const result = spawnSync(process.execPath, ['--max-old-space-size=512', BIN, command, file], {
        encoding: 'utf8',
        timeout: 30_000,
        env: { ...process.env, NO_COLOR: '1', SYMBIOSE_LANG: 'en' },
      });
      expect(result.signal, `${command}: not killed`).toBeNull();
      expect(result.status, `${command}: ${result.stderr}`).toBe(1);
      expect(result.stderr).toMatch(message);
      expect(result.stderr).not.toMatch(/internal error|\n\s+at .+:\d+:\d+/);
      expect(result.stdout).toBe('');
    }
  }, 60_000);
});

describe('import refuses what a model document cannot hold, and writes nothing', () => {
  const dir = mkdtempSync(join(tmpdir(), 'symbiose-import-'));
  const withStop = (variables: string, stop: number) => xmile(variables).replace('<stop>3</stop>', `<stop>${stop}</stop>`);

  it.each([
    ['a variable named __proto__', xmile('<aux name="__proto__"><eqn>1</eqn></aux>'), /variable "__proto__": a model document cannot hold the name "__proto__"/],
    ['an element named __proto__', xmile('<aux name="a"><eqn>1</eqn><__proto__>x</__proto__></aux>'), /line \d+, column \d+: an element named <__proto__> is not XMILE, and is not read/],
    ['an element named constructor', xmile('<aux name="a"><eqn>1</eqn>\n<constructor/></aux>'), /an element named <constructor> is not XMILE/],
    ['points that are not numbers', xmile('<aux name="g"><eqn>TIME</eqn><gf><xscale min="0" max="1"/><ypts>1,abc,3</ypts></gf></aux>'), /variable "g": graphical function: <ypts> holds "1,abc,3"/],
    ['a stop of 20,000', withStop('<aux name="a"><eqn>1</eqn></aux>', 20_000), /too many periods in the horizon: at most 10000 \(limit "horizon"\), found 20000/],
  ])('%s', (name, text, message) => {
    const file = join(dir, `${name.replace(/\W+/g, '-')}.xmile`);
    const target = join(dir, `${name.replace(/\W+/g, '-')}.yaml`);
    writeFileSync(file, text);
    const result = spawnSync(process.execPath, [BIN, 'import', file, '-o', target], { encoding: 'utf8', timeout: 30_000, env: { ...process.env, NO_COLOR: '1', SYMBIOSE_LANG: 'en' } });
    expect(result.status, result.stderr).toBe(1);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/internal error/);
    expect(existsSync(target)).toBe(false);
  }, 60_000);
});
