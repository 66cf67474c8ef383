/**
 * Every library model answers every command (issue 14 item 6): validate, canvas, payers, profit,
 * summary, simulate and compare, each through the core function its command prints, and simulate
 * once more through the CLI (the worker thread the command runs the dynamics in). Each answer is
 * checked for what makes it worth reading, not only for running: money that moves, dynamics whose
 * stocks move in the base model or a variant, variants that change some figure.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { canvas, profitabilityOfAll, valueSharing, whoPays, type VariantOutcome } from '../../src/analyses/index.js';
import { canonicalName, prepare, type Ecosystem } from '../../src/core/index.js';
import { prepareDynamics } from '../../src/engine/index.js';
import { loadEcosystem } from '../../src/engine/link/index.js';
import { compareVariants } from '../../src/runtime/index.js';
import { describeIssue } from '../helpers.js';

const ids = readdirSync('library').filter((f) => f.endsWith('.yaml')).map((f) => f.replace(/\.yaml$/, ''));
/** The sixteen models item 6 is about; the other files of library/ are checked the same way. */
const EXISTING = [
  'amazon-cash-burn', 'appstore', 'cass-action', 'coaching-professionnel', 'coursera', 'google-search-adwords-adsense',
  'intermediaire-droits-acces', 'mint', 'newspaper-two-sided', 'orange-nfc-diamond', 'personal-platform', 'pinduoduo',
  'purple-button', 'ryanair', 'union-co-designers', 'youconnect',
];

const load = (id: string): Ecosystem => {
  const result = loadEcosystem(readFileSync(`library/${id}.yaml`, 'utf8'), `library/${id}.yaml`);
  expect(result.issues.map(describeIssue)).toEqual([]);
  return result.ecosystem!;
};

/** The base and every variant, as `symbiose compare` gives them. */
function outcomes(ecosystem: Ecosystem): VariantOutcome[] {
  const compared = compareVariants(ecosystem, prepare(ecosystem.doc, { dynamics: prepareDynamics }), undefined, 'base');
  if (!('outcomes' in compared)) throw new Error(`compare refused: ${JSON.stringify(compared)}`);
  return compared.outcomes;
}

/** A figure of an outcome, as a list of numbers: every actor's NPV and net cash, every stock at the horizon. */
const figures = (o: VariantOutcome) => [...o.actors.flatMap((a) => [a.npv, a.net]), ...Object.values(o.stocks)];
const differ = (a: number[], b: number[]) => a.some((x, i) => Math.abs(x - b[i]!) > 1e-6 * Math.max(1, Math.abs(x)));

it('checks the sixteen models of item 6, all in library/', () => {
  for (const id of EXISTING) expect(ids).toContain(id);
});

describe.each(ids)('%s', (id) => {
  const ecosystem = load(id);
  const { doc } = ecosystem;

  it('validates, and draws a canvas for every actor, one of them with money in it', () => {
    const canvases = Object.keys(doc.actors).map((actor) => canvas(ecosystem, actor));
    // Revenue or costs: Mint « n'a jamais vraiment monétisé » its audience, and its sale to
    // Intuit is financing, which the canvas leaves out, so Mint's canvases show costs only.
    expect(canvases.some((c) => c.blocks.revenueStreams.length + c.blocks.costStructure.length > 0)).toBe(true);
    expect(canvases.some((c) => c.blocks.valuePropositions.length > 0)).toBe(true);
  });

  it('says who pays whom, and every actor has a profitability sheet and a share of the value', () => {
    const paid = whoPays(ecosystem).overall;
    expect(paid.payers.length).toBeGreaterThan(0);
    expect(paid.payees.length).toBeGreaterThan(0);
    const sheets = profitabilityOfAll(ecosystem);
    expect(sheets.map((s) => s.actor).sort()).toEqual(Object.keys(doc.actors).sort());
    for (const sheet of sheets) expect(Number.isFinite(sheet.npv), `${sheet.actor} NPV`).toBe(true);
    expect(sheets.some((s) => s.totalNet !== 0)).toBe(true);
    const sharing = valueSharing(ecosystem);
    expect(Number.isFinite(sharing.valueCreated)).toBe(true);
    // Σ of every actor's total is the value created (money moved between actors creates nothing)
    expect(sharing.actors.reduce((s, a) => s + a.total, 0)).toBeCloseTo(sharing.valueCreated, -3);
  });

  it('simulates its dynamics, whose stocks a quantity reads, and which move in the base or a variant', () => {
    const stocks = Object.keys(doc.dynamics?.stocks ?? {});
    expect(stocks.length).toBeGreaterThan(0);
    for (const stock of stocks) {
      const series = ecosystem.series.get(canonicalName(stock))!;
      expect(series.length).toBe(doc.horizon + 1);
      expect(Array.from(series).every(Number.isFinite), stock).toBe(true);
    }
    // Some figure of the model reads the dynamics: a segment's size, a count, an amount or a cost.
    expect(readFileSync(`library/${id}.yaml`, 'utf8').split('\ndynamics:')[0]).toMatch(new RegExp(`\\b(${stocks.join('|')}|${Object.keys(doc.dynamics?.variables ?? {}).join('|') || '$^'})\\b`));
    const all = outcomes(ecosystem);
    const moved = all.some((o) => stocks.some((stock) => o.stocks[stock] !== ecosystem.series.get(canonicalName(stock))![0]));
    expect(moved, 'a stock ends where it starts in the base and every variant').toBe(true);
  });

  it('compares at least two variants, each changing some figure of the base', () => {
    const all = outcomes(ecosystem);
    expect(all.length).toBeGreaterThanOrEqual(3);
    const base = figures(all[0]!);
    for (const variant of all.slice(1)) expect(differ(base, figures(variant)), `${variant.variant} changes nothing`).toBe(true);
  });
});

describe('symbiose simulate, through the CLI', () => {
  const BIN = resolve('bin/symbiose.js');
  it.each(ids)('%s prints every stock over the horizon', (id) => {
    const doc = load(id).doc;
    const run = spawnSync(process.execPath, [BIN, 'simulate', id, '--format', 'json', '--progress', 'none'], { encoding: 'utf8', env: { ...process.env, SYMBIOSE_LANG: 'en', NO_COLOR: '1' } });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const printed = JSON.parse(run.stdout) as { times: number[]; series: Record<string, number[]> };
    expect(printed.times.at(-1)).toBe(doc.horizon);
    for (const stock of Object.keys(doc.dynamics!.stocks ?? {})) expect(printed.series[stock]?.length, stock).toBe(printed.times.length);
  }, 30_000);
});
