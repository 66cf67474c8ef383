/**
 * The layering check (scripts/check-deps.mjs) on trees of fixture files: each file breaks one
 * rule once and must be reported at its file and line, with nothing else reported; a clean tree
 * full of near misses (words in comments and strings, shadowed names, types) passes.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';

const SCRIPT = join(process.cwd(), 'scripts/check-deps.mjs');

/** Writes files into a new temporary root and runs the check on it. */
function check(files: Record<string, string>) {
  const root = mkdtempSync(join(tmpdir(), 'symbiose-deps-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  const run = spawnSync(process.execPath, [SCRIPT, '--root', root], { encoding: 'utf8' });
  const problems = run.stderr.split('\n').filter((line) => /^src\/\S+:\d+:\d+ /.test(line));
  return { status: run.status, problems, stderr: run.stderr };
}

/** One broken rule per file: its text, the line it is on, and words the report must hold. */
const BROKEN: Record<string, [text: string, line: number, words: string]> = {
  'src/core/bare-builtin.ts': ["// reads a file\nimport { readFileSync } from 'fs';\nexport const read = readFileSync;\n", 2, 'Node built-in "fs"'],
  'src/core/prefixed-builtin.ts': ["import { spawn } from 'node:child_process';\nexport const run = spawn;\n", 1, 'Node built-in "node:child_process"'],
  'src/core/dynamic-import.ts': ["export async function surface() {\n  return import('../cli/main.js');\n}\n", 2, 'core must not import cli'],
  'src/core/fetch.ts': ['export async function get(url: string) {\n  return fetch(url);\n}\n', 2, 'host global "fetch"'],
  'src/core/performance.ts': ['export const now = () =>\n  performance.now();\n', 2, 'host global "performance"'],
  'src/core/timer.ts': ['export function later(f: () => void) {\n  setTimeout(f, 10);\n}\n', 2, 'host global "setTimeout"'],
  'src/core/uuid.ts': ['export const id = () => crypto.randomUUID();\n', 1, 'host global "crypto"'],
  'src/core/clock.ts': ["export const stamp = (): Date =>\n\n  new Date();\n", 3, '"Date" reads the clock'],
  'src/analyses/past-index.ts': ["import { loadModel } from '../core/load.js';\nexport const load = loadModel;\n", 1, "past core's public index"],
  'src/core/package.ts': ["import colors from 'picocolors';\nexport const red = colors.red;\n", 1, 'package "picocolors", not in its allow-list'],
  'src/engine/require.ts': ["const ours = require('./ours.js');\nexport const read = ours;\n", 1, 'host global "require"'],
  'src/engine/import-equals.ts': ["import fs = require('fs');\nexport const read = fs.readFileSync;\n", 1, 'Node built-in "fs"'],
  'src/engine/re-export.ts': ["export { run } from '../cli/run.js';\n", 1, 'engine must not import cli'],
  'src/engine/computed-import.ts': ["export const load = (name: string) => import(name);\n", 1, 'computed name cannot be checked'],
  'src/engine/type-import.ts': ["export type Fs = typeof import('node:fs');\n", 1, 'Node built-in "node:fs"'],
  'src/analyses/random.ts': ["export const draw = () => Math['random']();\n", 1, '"Math.random"'],
  'src/analyses/random-taken.ts': ['const { random } = Math;\nexport const draw = random;\n', 1, '"Math" is used other than as Math.name'],
  'src/analyses/console.ts': ["export function say() {\n  console.log('hello');\n}\n", 2, 'host global "console"'],
  'src/analyses/process.ts': ['export const env = { process };\n', 1, 'host global "process"'],
  'src/analyses/ambient.ts': ['declare const Buffer: { from(s: string): unknown };\nexport const b = Buffer.from("x");\n', 2, 'host global "Buffer"'],
  'src/i18n/global-this.ts': ['export const g = globalThis;\n', 1, 'globalThis'],
  'src/i18n/now.ts': ['export const now = Date.now;\n', 1, '"Date" reads the clock'],
  'src/i18n/eval.ts': ["export const f = new Function('return 1');\n", 1, '"Function" runs code made from text'],
  'src/i18n/constructor.ts': ["export const f = ({}).constructor.constructor;\n", 1, '.constructor.constructor'],
  'src/i18n/meta.ts': ['export const here = import.meta.url;\n', 1, 'import.meta'],
  'src/templates/extends.ts': ['export class Clock extends Date {}\n', 1, '"Date" reads the clock'],
  'src/stats/ours.ts': ["import { loadModel } from '../core/index.js';\nexport const load = loadModel;\n", 1, 'stats must not import core'],
  'src/web/node-global.ts': ['export const env = process.env;\n', 1, '"process" exists in Node, not in a browser'],
  'src/web/node-builtin.ts': ["import { join } from 'node:path';\nexport const j = join;\n", 1, 'Node built-in "node:path"'],
  'src/cli/package.ts': ["import chalk from 'chalk';\nexport const c = chalk;\n", 1, 'package "chalk"'],
  'src/cli/outside.ts': ["import { x } from '../../test/helpers.js';\nexport const y = x;\n", 1, 'outside every layer'],
  'src/core/from-surface.ts': ["import { main } from '../server/index.js';\nexport const m = main;\n", 1, 'core must not import server'],
  'src/loose.ts': ['export const x = 1;\n', 1, 'in no declared layer'],
  'src/unknown/x.ts': ['export const x = 1;\n', 1, 'in no declared layer'],
};

/** Legal code that a regular expression or a name list would get wrong. */
const CLEAN: Record<string, string> = {
  'src/core/index.ts': `// import 'fs'; process.exit(1); new Date(); Math.random()
/* import('../cli/main.js') fetch(url) setTimeout(f) */
import { z } from 'zod';
import { parse } from 'yaml';
export const words = "import { readFileSync } from 'node:fs'; console.log(Date.now())";
export const template = \`require('child_process') \${1 + 1}\`;
export interface Dated { at: Date; timer: ReturnType<typeof setTimeout> }
export type Clock = () => Date;
export function shadowed(process: { env: number }, performance: number) {
  const console = { log: (x: number) => x };
  const crypto = { randomUUID: () => 'fixed' };
  return console.log(process.env + performance) + crypto.randomUUID().length;
}
export const record = { process: 1, fetch: 2, Date: 3, setTimeout() { return 4; } };
export const biggest = Math.max(1, 2) + Math.PI;
export const copy = structuredClone({ a: 1 });
export const schema = z.string();
export const read = parse;
`,
  'src/core/model.ts': "export { shadowed as model } from './index.js';\nexport * from './index.js';\n",
  'src/engine/index.ts': "import { schema } from '../core/index.js';\nimport type { Dated } from '../core/index.js';\nimport { XMLParser } from 'fast-xml-parser';\nexport const parser = new XMLParser();\nexport const s = schema;\nexport type D = Dated;\n",
  'src/engine/kernel/codegen.ts': "export const make = new Function('x', 'return x');\n",
  'src/engine/kernel/index.ts': "export { make } from './codegen.js';\nexport { s } from '../index.js';\n",
  'src/cli/main.ts': "import { readFileSync } from 'node:fs';\nimport { Command } from 'commander';\nimport { parser } from '../engine/index.js';\nexport const main = () => [readFileSync, Command, parser, process.argv, Date.now(), Math.random()];\n",
  'src/web/index.ts': "import { schema } from '../core/index.js';\nexport const title = () => document.title + window.location.href + schema.description + fetch;\n",
  'src/core/check.test.ts': "import { readFileSync } from 'node:fs';\nimport { describe } from 'vitest';\nexport const t = [readFileSync, describe, Date.now()];\n",
};

describe('the layering check', () => {
  const { status, problems, stderr } = check(Object.fromEntries(Object.entries(BROKEN).map(([file, [text]]) => [file, text])));

  it('fails on a tree that breaks the rules', () => {
    expect(status).toBe(1);
  });

  it.each(Object.entries(BROKEN))('reports %s once, at its line', (file, [, line, words]) => {
    const mine = problems.filter((p) => p.startsWith(`${file}:`));
    expect(mine, stderr).toHaveLength(1);
    expect(mine[0]).toMatch(new RegExp(`^${file.replace(/[.]/g, '\\.')}:${line}:\\d+ `));
    expect(mine[0]).toContain(words);
  });

  it('passes a clean tree of near misses', () => {
    const clean = check(CLEAN);
    expect(clean.stderr).toBe('');
    expect(clean.status).toBe(0);
  });

  it('checks the studio, the web layer in its own folder (studio/src), by the same rules', () => {
    const broken = check({
      'studio/src/app.tsx': "import { readFileSync } from 'node:fs';\nimport { load } from '../../src/core/load.js';\nexport const app = [readFileSync, load];\n",
    });
    expect(broken.status).toBe(1);
    expect(broken.stderr).toMatch(/^studio\/src\/app\.tsx:1:\d+ .*Node built-in "node:fs"/m);
    expect(broken.stderr).toMatch(/^studio\/src\/app\.tsx:2:\d+ .*past core's public index/m);
    const clean = check({
      'src/core/index.ts': 'export const core = 1;\n',
      'studio/src/app.tsx': "import { core } from '../../src/core/index.js';\nimport { useState } from 'react';\nimport { api } from './api.js';\nexport const app = [core, useState, api, localStorage];\n",
      'studio/src/api.ts': 'export const api = () => fetch("/api/models");\n',
    });
    expect(clean.stderr).toBe('');
    expect(clean.status).toBe(0);
  });

  it('is the graph docs/architecture.md shows', () => {
    const table = spawnSync(process.execPath, [SCRIPT, '--table'], { encoding: 'utf8' }).stdout.trim();
    expect(table.split('\n').length).toBeGreaterThan(10);
    expect(readFileSync('docs/architecture.md', 'utf8')).toContain(table);
  });
});
