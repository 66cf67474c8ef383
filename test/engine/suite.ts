/**
 * Reads the SD community test suite (SDXorg/test-models, Simlin's fork; see
 * test/fixtures/sd-test-models/INDEX.md) and compares a run with its expected output the way the
 * suite's regression-test.py does.
 */
import { engineIssueMessage } from '../../src/i18n/index.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { canonicalLabel, compile, parseXmile, simulate } from '../../src/engine/index.js';
import { FIXTURES } from '../fixtures-dir.js';

export const SUITE = join(FIXTURES, 'sd-test-models', 'simlin-fork');

export interface Case {
  /** `dir/file`, e.g. `tests/abs/test_abs.xmile`. */
  id: string;
  dir: string;
  file: string;
  output: string;
}

/** One case per XMILE file; Stella `.stmx` files only where a folder has no `.xmile`. */
export function cases(): Case[] {
  const manifest = JSON.parse(readFileSync(join(SUITE, 'manifest.json'), 'utf8')) as {
    models: Array<{ dir: string; xmile: string[]; outputs: string[] }>;
  };
  const out: Case[] = [];
  for (const m of manifest.models) {
    const xmile = m.xmile.filter((f) => f.endsWith('.xmile'));
    const files = xmile.length > 0 ? xmile : m.xmile;
    const output = m.outputs.includes('output.csv') ? 'output.csv' : m.outputs.includes('output.tab') ? 'output.tab' : m.outputs[0]!;
    for (const file of files) out.push({ id: `${m.dir}/${file}`, dir: m.dir, file, output });
  }
  return out;
}

export interface Table {
  headers: string[];
  rows: number[][];
}

/** CSV or TSV with LF, CRLF or bare CR line endings; quoted headers. */
export function readTable(path: string): Table {
  const text = readFileSync(path, 'utf8');
  const sep = path.endsWith('.tab') ? '\t' : ',';
  const lines = text.split(/\r\n|\r|\n/).filter((l) => l.trim() !== '');
  const split = (line: string) => {
    const cells: string[] = [];
    let cell = '';
    let quoted = false;
    for (const c of line) {
      if (c === '"') quoted = !quoted;
      else if (c === sep && !quoted) {
        cells.push(cell);
        cell = '';
      } else cell += c;
    }
    cells.push(cell);
    return cells.map((c) => c.trim());
  };
  const headers = split(lines[0]!);
  const rows = lines.slice(1).map((l) => split(l).map((c) => (c === '' ? NaN : Number(c))));
  return { headers, rows };
}

const SKIPPED = new Set(['saveper', 'initial_time', 'final_time', 'time_step', 'time']);

/** The suite's comparator: relative 1e-4, or both near zero (reference ≤ 3e-6, simulated ≤ 1e-6). */
export function close(expected: number, actual: number, relative = 1e-4): boolean {
  if (Number.isNaN(expected)) return true; // an empty cell: nothing to compare
  if (expected === actual) return true;
  if (Math.abs(expected) < 3e-6 && Math.abs(actual) < 1e-6) return true;
  return Math.abs(expected - actual) <= relative * Math.max(Math.abs(expected), Math.abs(actual));
}

/** Runs one case; returns undefined when it matches, else the first problems found. */
export function runCase(c: Case, relative = 1e-4): string | undefined {
  const source = readFileSync(join(SUITE, c.dir, c.file), 'utf8');
  const read = parseXmile(source, c.file);
  const errors = read.issues.filter((i) => i.severity === 'error');
  if (!read.model || errors.length > 0) return errors.map((i) => engineIssueMessage(i, 'en')).slice(0, 3).join('; ');
  const compiled = compile(read.model);
  if (!compiled.program) return compiled.issues.map((i) => engineIssueMessage(i, 'en')).slice(0, 3).join('; ');
  const run = simulate(compiled.program);
  const expected = readTable(join(SUITE, c.dir, c.output));
  const byLabel = new Map([...run.series].map(([label, values]) => [canonicalLabel(label), values]));
  // Expected times are sometimes printed short (10.0312 for 10.03125): take the nearest saved time.
  const indexOf = (t: number): number | undefined => {
    let best = -1;
    for (let i = 0; i < run.times.length; i++) if (best < 0 || Math.abs(run.times[i]! - t) < Math.abs(run.times[best]! - t)) best = i;
    return best >= 0 && Math.abs(run.times[best]! - t) <= 1e-4 * Math.max(1, Math.abs(t)) ? best : undefined;
  };
  const problems: string[] = [];
  expected.headers.forEach((header, col) => {
    if (col === 0) return;
    const key = canonicalLabel(header);
    if (SKIPPED.has(key)) return;
    const values = byLabel.get(key);
    if (!values) {
      problems.push(`no series "${header}"`);
      return;
    }
    for (const row of expected.rows) {
      const i = indexOf(row[0]!);
      if (i === undefined) {
        problems.push(`no saved time ${row[0]}`);
        return;
      }
      if (!close(row[col]!, values[i]!, relative)) {
        problems.push(`"${header}" at t=${row[0]}: expected ${row[col]}, got ${values[i]}`);
        return;
      }
    }
  });
  return problems.length > 0 ? problems.slice(0, 3).join('; ') : undefined;
}

/** The first value that differs in bits (NaN equals NaN, 0 differs from -0), or undefined. */
export function firstDifference(a: ReadonlyMap<string, Float64Array>, b: ReadonlyMap<string, Float64Array>): string | undefined {
  if (a.size !== b.size) return `${a.size} series against ${b.size}`;
  for (const [label, xs] of a) {
    const ys = b.get(label);
    if (!ys || ys.length !== xs.length) return `series "${label}" missing or of another length`;
    for (let i = 0; i < xs.length; i++) if (!Object.is(xs[i], ys[i])) return `"${label}"[${i}]: ${xs[i]} against ${ys[i]}`;
  }
  return undefined;
}
