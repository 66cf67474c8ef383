/**
 * The studio's Risk tab in a real browser (Debian's chromium driven by playwright-core) against
 * the real server (`symbiose studio`): a run on a library model started and cancelled from the
 * page, then one run to its end; the chance of losing money read in words, in English and in
 * French, against the figure the server kept; the histogram, the fan chart and the tornado drawn;
 * the page reloaded and the result found kept, without running again; then the model edited and
 * the result shown as the older version's. Each actor's drawn drivers (ρ, SRC, PRCC, or why none)
 * are read in both languages against the server's JSON; a run with a precision stops early; Sobol,
 * Morris and regression rankings are read and their bars checked against the results kept, with
 * the note on correlated assumptions; a model drawing from a CSV column is refused on the page.
 * The run writes docs/screenshots/risk.png, risk-tornado.png and risk-sobol.png.
 */
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { studioRiskEn, studioRiskFr } from '../../src/i18n/ui/studio-risk.js';
import type { RunningStudio } from './studio-server.js';
import { SHOTS, closeStudioPage, openStudioPage, shotOnFailure } from './session.js';

const MODEL = 'appstore';
const ACTOR = 'developers';
let studio: RunningStudio;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  ({ studio, browser, page } = await openStudioPage({ viewport: { width: 1280, height: 800 }, locale: 'en-GB', timeout: 10_000 }));
}, 120_000);

afterEach(shotOnFailure('risk', () => page));

afterAll(() => closeStudioPage({ studio, browser }));

const poll = <T>(read: () => T | Promise<T>, timeout = 20_000) => expect.poll(read, { timeout, interval: 100 });

async function openRiskTab() {
  await page.goto(`${studio.url}/#/model/${MODEL}`);
  await page.waitForSelector('[data-testid="graph"][data-ready="true"]');
  await page.locator('[role="tab"][data-tab="risk"]').click();
  await page.getByTestId('risk').waitFor();
}

async function api<T>(path: string, init?: RequestInit): Promise<T> {
  const response = await fetch(`${studio.url}/api${path}`, init);
  expect(response.ok, `${path}: ${response.status}`).toBe(true);
  return (await response.json()) as T;
}

type Saved = { results: Array<{ id: number; version: number; kind: string; settings: Record<string, unknown> }> };
type Drivers = { draws: number; constant: boolean; ranking: Array<{ parameter: string; spearman: number; src: number; prcc: number; drives: boolean }> };
type KeptActor = { actor: string; role: string; lossProbability?: { value: number }; drivers: Drivers };
let loss = 0;
let kept: KeptActor[] = [];

/**
 * A figure as the tab writes it, by hand: at most two decimals (0.5, 0.58), a true minus sign,
 * a decimal comma in French.
 */
const two = (x: number, lang: 'en' | 'fr') => {
  const text = String(Number(x.toFixed(2))).replace('-', '\u2212');
  return (text === '\u22120' ? '0' : text).replace('.', lang === 'fr' ? ',' : '.');
};
/** The thousands of a count as each language writes them: 2,048 and 2 048 (narrow no-break space). */
const count = (n: number, lang: 'en' | 'fr') => String(n).replace(/\B(?=(\d{3})+$)/g, lang === 'fr' ? '\u202f' : ',');

/** What the tab must say of an actor's drawn drivers, from the server's JSON: the drivers with |ρ| past the noise, strongest first, at most five. */
function expectedDrivers(a: KeptActor, lang: 'en' | 'fr'): { reading: string; lines: string[] } {
  const colon = lang === 'fr' ? '\u00a0:' : ':';
  if (a.drivers.constant) {
    const en = a.role === 'business' ? 'No drawn assumption reaches it: its NPV is the same in every future drawn.' : 'No drawn assumption reaches it: its members gain the same in every future drawn.';
    const fr = a.role === 'business' ? 'Aucune hypothèse tirée ne l’atteint\u00a0: sa VAN est la même dans chaque futur tiré.' : 'Aucune hypothèse tirée ne l’atteint\u00a0: ses membres gagnent la même chose dans chaque futur tiré.';
    return { reading: 'constant', lines: [lang === 'en' ? en : fr] };
  }
  const named = a.drivers.ranking.filter((d) => d.drives).sort((x, y) => Math.abs(y.spearman) - Math.abs(x.spearman)).slice(0, 5);
  if (named.length === 0) return { reading: 'noise', lines: [lang === 'en' ? `Over the ${count(a.drivers.draws, lang)} futures drawn, no assumption stands out from the noise of the draws.` : `Sur les ${count(a.drivers.draws, lang)} futurs tirés, aucune hypothèse ne se détache du bruit des tirages.`] };
  return { reading: 'drivers', lines: named.map((d) => `${d.parameter}${colon} ρ = ${two(d.spearman, lang)}, SRC = ${two(d.src, lang)}, PRCC = ${two(d.prcc, lang)}`) };
}

/** The drawn drivers shown for the actor on screen: how they read, and their lines. */
async function shownDrivers(): Promise<{ reading: string; lines: string[] }> {
  const box = page.getByTestId('risk-drawn-drivers');
  const reading = (await box.getAttribute('data-reading')) ?? '';
  const lines = reading === 'drivers' ? await box.locator('li').allTextContents() : [(await box.textContent()) ?? ''];
  return { reading, lines };
}

/** Each actor chosen in turn, its drivers read against the server's. */
async function checkDrivers(lang: 'en' | 'fr') {
  for (const a of kept) {
    await page.getByTestId('analysis-actor').selectOption(a.actor);
    await page.locator(`[data-testid="risk-actor"][data-actor="${a.actor}"]`).waitFor();
    expect(await shownDrivers(), `${a.actor} (${lang})`).toEqual(expectedDrivers(a, lang));
  }
  await page.getByTestId('analysis-actor').selectOption(ACTOR);
}

describe('the Risk tab in a browser', () => {
  it('starts a run, shows its progress, and cancels it, keeping nothing', async () => {
    await openRiskTab();
    await page.getByTestId('risk-none').waitFor();
    // No futures at all: refused, the field marked and the issue in words beside the settings.
    await page.getByTestId('risk-runs').fill('0');
    await page.getByTestId('risk-run').click();
    await page.locator('[data-field="runs"].faulty').waitFor();
    expect(await page.locator('[data-testid="risk"] .error .issues li').allTextContents()).toHaveLength(1);
    expect(await page.locator('[data-field="seed"].faulty').count()).toBe(0);
    await page.getByTestId('risk-runs').fill('5000000');
    await page.getByTestId('risk-sampling').selectOption('mc');
    await page.getByTestId('risk-run').click();
    const bar = page.locator('[data-testid="risk-progress"] progress');
    await poll(async () => Number(await bar.getAttribute('value'))).toBeGreaterThan(0);
    expect(await bar.getAttribute('max')).toBe('5000000');
    // A reload during the run finds the job again, still drawing.
    const before = Number(await bar.getAttribute('value'));
    await page.reload();
    await openRiskTab();
    await poll(async () => Number(await bar.getAttribute('value'))).toBeGreaterThan(before);
    expect(await page.getByTestId('risk').getAttribute('data-busy')).toBe('true');
    await page.getByTestId('risk-cancel').click();
    await page.getByTestId('risk-cancelled').waitFor();
    await poll(() => page.getByTestId('risk').getAttribute('data-busy')).toBe('false');
    expect((await api<Saved>(`/models/${MODEL}/results?kind=risk`)).results).toEqual([]);
  }, 60_000);

  it('runs to the end and says in words, in English, how often each offer loses money', async () => {
    await page.getByTestId('risk-runs').fill('2048');
    await page.getByTestId('risk-seed').fill('3');
    await page.getByTestId('risk-sampling').selectOption('lhs');
    await page.getByTestId('risk-run').click();
    await poll(() => page.getByTestId('risk-ran-on').count(), 60_000).toBe(1);
    await poll(() => page.getByTestId('risk').getAttribute('data-busy')).toBe('false');

    // The figure the server kept with version 1 and these settings.
    const saved = await api<Saved>(`/models/${MODEL}/results?kind=risk`);
    expect(saved.results.map((r) => [r.version, r.settings])).toEqual([[1, { ranges: true, runs: 2048, sampling: 'lhs', seed: 3 }]]);
    kept = (await api<{ result: { actors: KeptActor[] } }>(`/models/${MODEL}/results/${saved.results[0]!.id}`)).result.actors;
    loss = kept.find((a) => a.actor === ACTOR)!.lossProbability!.value;
    expect(loss).toBeGreaterThan(0.01);
    expect(loss).toBeLessThan(0.99);
    // Whole percents between 1 and 99 %: 0.3486 of 2,048 futures is "35 %".
    const percent = Math.round(loss * 100);
    const line = page.locator(`[data-testid="risk-loss"][data-actor="${ACTOR}"]`);
    expect(await line.textContent()).toBe(`For Coopérative de développeurs, in ${percent} % of 2,048 futures this offer loses money.`);

    await page.getByTestId('analysis-actor').selectOption(ACTOR);
    await page.locator(`[data-testid="risk-actor"][data-actor="${ACTOR}"]`).waitFor();
    const figures = await page.locator('[data-testid="risk-figures"] li').allTextContents();
    expect(figures[0]).toMatch(/^Probability of losing money \(NPV below zero\): \d+\.\d % ± \d+\.\d %$/);
    expect(figures.some((f) => f.startsWith('Expected shortfall at 5 %'))).toBe(true);
    // The histogram's bars, the fan chart's periods and the tornado's assumptions, drawn.
    await expect(page.locator('[data-testid="risk-histogram"] canvas').count()).resolves.toBe(1);
    expect(Number(await page.getByTestId('risk-histogram').getAttribute('data-bins'))).toBeGreaterThan(5);
    expect(Number(await page.getByTestId('risk-fan').getAttribute('data-periods'))).toBeGreaterThan(12);
    await poll(async () => Number(await page.getByTestId('risk-tornado').getAttribute('data-bars'))).toBeGreaterThan(0);
    await expect(page.locator('[data-testid="risk-tornado"] canvas').count()).resolves.toBe(1);
    await expect(page.locator('[data-testid="risk-drivers"] li').count()).resolves.toBeGreaterThan(0);
    // The drawn drivers of every actor (ρ, SRC, PRCC, or why none), as the server's JSON gives them; appstore has both kinds.
    expect(new Set(kept.map((a) => expectedDrivers(a, 'en').reading))).toEqual(new Set(['drivers', 'constant']));
    await checkDrivers('en');
    expect(await page.locator('[data-testid="risk-drawn-drivers"] > p').first().textContent()).toBe('Over the 2,048 futures drawn, what moves with it: Spearman’s rank correlation ρ (from −1 to 1), the standardised regression coefficient SRC and the partial rank correlation PRCC.');
    // The chosen actor (the chance of a loss in words, figures, histogram), then the tab's foot (fan chart, tornado).
    expect(await page.getByTestId('risk-headline').textContent()).toBe(await line.textContent());
    await page.locator('[data-testid="risk-actor"] h3').first().evaluate((heading) => heading.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: `${SHOTS}/risk.png` });
    await page.getByTestId('risk-tornado').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/risk-tornado.png` });
  }, 90_000);

  it('says it in French too', async () => {
    await page.getByTestId('language').selectOption('fr');
    const line = page.locator(`[data-testid="risk-loss"][data-actor="${ACTOR}"]`);
    // French figures: a narrow no-break space between thousands and before the percent sign.
    await poll(() => line.textContent()).toBe(`Pour Coopérative de développeurs, dans ${Math.round(loss * 100)}\u202f% des 2\u202f048 futurs, cette offre perd de l’argent.`);
    // No English left in the tab: no literal piece of two words or more of an English template of its catalogue.
    const shown = await page.getByTestId('risk').innerText();
    const english = Object.entries(studioRiskEn).flatMap(([key, en]) =>
      en === studioRiskFr[key as keyof typeof studioRiskEn] ? [] : en.split(/\{\w+\}/).map((p) => p.trim()).filter((p) => /[a-z]{2,}\s+[a-z]{2,}/i.test(p) && shown.includes(p)).map((p) => `${key}: ${p}`),
    );
    expect(english).toEqual([]);
    expect(shown).toContain('Position la plus basse');
    await checkDrivers('fr');
    await page.getByTestId('language').selectOption('en');
  });

  it('finds the result kept after a reload, without running again, and marks it stale once the model moves on', async () => {
    await page.reload();
    await openRiskTab();
    await poll(() => page.getByTestId('risk-ran-on').getAttribute('data-version')).toBe('1');
    expect(await page.getByTestId('risk').getAttribute('data-busy')).toBe('false');
    expect(await page.getByTestId('risk-progress').count()).toBe(0);
    await poll(() => page.locator(`[data-testid="risk-loss"][data-actor="${ACTOR}"]`).textContent()).toContain(`in ${Math.round(loss * 100)} % of 2,048 futures`);
    await poll(async () => Number(await page.getByTestId('risk-tornado').getAttribute('data-bars'))).toBeGreaterThan(0);
    expect(await page.getByTestId('risk-stale').count()).toBe(0);

    // A save from elsewhere makes version 2: the kept result is version 1's, and says so.
    const model = await api<{ number: number; document: { parameters: Record<string, unknown> } }>(`/models/${MODEL}`);
    const [name, written] = Object.entries(model.document.parameters).find(([, p]) => typeof p === 'number' || typeof (p as { value?: unknown }).value === 'number')!;
    const value = typeof written === 'number' ? written : (written as { value: number }).value;
    await api(`/models/${MODEL}`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ basedOn: model.number, changes: [{ op: 'set-parameter', name, value: value * 1.01 }] }) });
    await page.reload();
    await openRiskTab();
    await poll(() => page.getByTestId('risk-stale').getAttribute('data-version')).toBe('1');
    expect(await page.getByTestId('risk-stale').textContent()).toContain('the model is now at version 2');
  }, 60_000);

  it('stops at a requested precision, and ranks by Sobol indices drawn with their intervals', async () => {
    // 2,048 draws of version 2 to reach: with a standard error of 2 %, any probability is met by 625 draws (√(0.25/n) ≤ 0.02), so the first chunk of 1,024.
    await page.getByTestId('risk-runs').fill('200000');
    await page.getByTestId('risk-sampling').selectOption('lhs');
    await page.getByTestId('risk-precision').fill('0.02');
    await page.getByTestId('risk-method').selectOption('sobol');
    await page.getByTestId('risk-run').click();
    // A Latin hypercube fixes its N before the first draw: refused, the precision field marked.
    await page.locator('[data-field="precision"].faulty').waitFor();
    await page.getByTestId('risk-sampling').selectOption('mc');
    await page.getByTestId('risk-run').click();
    await poll(() => page.getByTestId('risk-precision-stop').count(), 90_000).toBe(1);
    await poll(() => page.getByTestId('risk').getAttribute('data-busy'), 120_000).toBe('false');

    const saved = await api<Saved>(`/models/${MODEL}/results`);
    const riskRun = saved.results.find((r) => r.kind === 'risk' && r.settings.precision === 0.02)!;
    const risk = (await api<{ result: { draws: number; runs: number; stoppedBy: string; actors: Array<{ role: string; lossProbability?: { standardError: number } }> } }>(`/models/${MODEL}/results/${riskRun.id}`)).result;
    expect(risk.stoppedBy).toBe('precision');
    expect(risk.draws).toBeLessThan(200_000);
    for (const a of risk.actors) if (a.role === 'business') expect(a.lossProbability!.standardError).toBeLessThanOrEqual(0.02);
    expect(await page.getByTestId('risk-precision-stop').textContent()).toBe(`Stopped after ${count(risk.draws, 'en')} futures of at most 200,000: the chance of a loss and of breaking even have a standard error of 2.0 % or less.`);

    const sobolRun = saved.results.find((r) => r.kind === 'sensitivity' && r.settings.method === 'sobol')!;
    type Index = { value: number; low: number; high: number };
    const sobol = (await api<{ result: { actors: Array<{ actor: string; ranking: Array<{ parameter: string; measure: number; first: Index; total: Index }> }> } }>(`/models/${MODEL}/results/${sobolRun.id}`)).result;
    // The rows: what moves the figure (total index above 0), the largest total first, at most eight.
    const rows = sobol.actors.find((a) => a.actor === ACTOR)!.ranking.filter((e) => e.measure > 0).sort((a, b) => b.measure - a.measure).slice(0, 8);
    expect(rows.length).toBeGreaterThan(0);
    await page.getByTestId('analysis-actor').selectOption(ACTOR);
    await page.locator(`[data-testid="risk-actor"][data-actor="${ACTOR}"]`).waitFor();
    const chart = page.getByTestId('risk-ranking');
    expect(await chart.getAttribute('data-method')).toBe('sobol');
    expect(Number(await chart.getAttribute('data-bars'))).toBe(rows.length);
    // Each row: a first-order and a total bar, each with its bootstrap interval.
    expect(Number(await chart.getAttribute('data-whiskers'))).toBe(2 * rows.length);
    for (const [i, row] of rows.entries()) {
      const bars = chart.locator(`g[data-parameter="${row.parameter}"] rect`);
      expect((await bars.evaluateAll((r) => r.map((x) => Number(x.getAttribute('data-value')))))).toEqual([row.first.value, row.total.value]);
      expect(await page.locator('[data-testid="risk-ranked"] li').nth(i).textContent()).toBe(
        `${row.parameter}: first order ${two(row.first.value, 'en')} [${two(row.first.low, 'en')}, ${two(row.first.high, 'en')}], total ${two(row.total.value, 'en')} [${two(row.total.low, 'en')}, ${two(row.total.high, 'en')}]`,
      );
    }
    // appstore correlates nothing: no note on independence.
    expect(await page.getByTestId('risk-correlated').count()).toBe(0);
    await chart.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/risk-sobol.png` });
  }, 180_000);

  it('says, in English and French, that Morris reads correlated assumptions as if independent', async () => {
    const text = readFileSync('library/appstore.yaml', 'utf8').trimEnd() + '\ncorrelations:\n  - { between: [professionals, individuals], rank: 0.5 }\n';
    await api('/models', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ id: 'appstore-correlated', text, format: 'yaml' }) });
    await page.goto(`${studio.url}/#/model/appstore-correlated`);
    await page.waitForSelector('[data-testid="graph"][data-ready="true"]');
    await page.locator('[role="tab"][data-tab="risk"]').click();
    await page.getByTestId('risk').waitFor();
    await page.getByTestId('risk-runs').fill('1024');
    await page.getByTestId('risk-method').selectOption('morris');
    await page.getByTestId('risk-run').click();
    await poll(() => page.getByTestId('risk-ran-on').count(), 90_000).toBe(1);
    await poll(() => page.getByTestId('risk').getAttribute('data-busy'), 90_000).toBe('false');
    const saved = await api<Saved>('/models/appstore-correlated/results?kind=sensitivity');
    const morris = (await api<{ result: { method: string; correlated: string[] } }>(`/models/appstore-correlated/results/${saved.results[0]!.id}`)).result;
    expect(morris.method).toBe('morris');
    expect([...morris.correlated].sort()).toEqual(['individuals', 'professionals']);
    const note = page.getByTestId('risk-correlated');
    expect(await note.getAttribute('data-method')).toBe('morris');
    const names = morris.correlated.join(', ');
    expect(await note.textContent()).toBe(`The model correlates ${names}: Morris’s elementary effects assume independent assumptions, so they read these as if they were not correlated (the regression draws them correlated).`);
    expect(await page.getByTestId('risk-ranking').getAttribute('data-method')).toBe('morris');
    await page.getByTestId('language').selectOption('fr');
    await poll(() => note.textContent()).toBe(`Le modèle corrèle ${names}\u00a0: les effets élémentaires de Morris supposent des hypothèses indépendantes, ils les lisent donc comme si elles n’étaient pas corrélées (la régression les tire corrélées).`);
    await page.getByTestId('language').selectOption('en');

    // The regression draws them correlated, and says what that does to ρ; its ρ, SRC and PRCC as the server gives them.
    await page.getByTestId('risk-method').selectOption('regression');
    await page.getByTestId('risk-run').click();
    await poll(() => page.getByTestId('risk-ranking').getAttribute('data-method'), 90_000).toBe('regression');
    await poll(() => page.getByTestId('risk').getAttribute('data-busy'), 90_000).toBe('false');
    expect(await note.getAttribute('data-method')).toBe('drawn');
    expect(await note.textContent()).toBe(`The model correlates ${names}: the regression drew them with their declared rank correlations, so an assumption’s ρ includes what its correlated partners do; SRC and PRCC set them apart.`);
    const after = await api<Saved>('/models/appstore-correlated/results?kind=sensitivity');
    const newest = after.results.reduce((a, b) => (b.id > a.id ? b : a));
    type Effect = { parameter: string; measure: number; spearman: number; src: number; prcc: number };
    const regression = (await api<{ result: { method: string; correlationsDrawn: boolean; actors: Array<{ actor: string; ranking: Effect[] }> } }>(`/models/appstore-correlated/results/${newest.id}`)).result;
    expect([regression.method, regression.correlationsDrawn]).toEqual(['regression', true]);
    const shownActor = (await page.getByTestId('risk-actor').getAttribute('data-actor'))!;
    const rows = regression.actors.find((a) => a.actor === shownActor)!.ranking.filter((e) => e.measure > 0).sort((a, b) => b.measure - a.measure).slice(0, 8);
    expect(await page.locator('[data-testid="risk-ranked"] li').allTextContents()).toEqual(rows.map((e) => `${e.parameter}: ρ = ${two(e.spearman, 'en')}, SRC = ${two(e.src, 'en')}, PRCC = ${two(e.prcc, 'en')}`));
    const values = await page.locator('[data-testid="risk-ranking"] rect').evaluateAll((r) => r.map((x) => Number(x.getAttribute('data-value'))));
    expect(values).toEqual(rows.map((e) => e.spearman));
  }, 200_000);

  it('says, on the page, that the server cannot draw a parameter from a CSV column', async () => {
    // appstore with one parameter drawn from a column of a file the server does not have.
    const text = readFileSync('library/appstore.yaml', 'utf8').replace(/^  imitation:\n    value: ([\d.]+)\n/m, (_, v: string) => `  imitation:\n    value: ${v}\n    distribution: { kind: empirical, file: imitation.csv, column: rate }\n`);
    expect(text).toContain('file: imitation.csv');
    await api('/models', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ id: 'appstore-empirical', text, format: 'yaml' }) });
    await page.goto(`${studio.url}/#/model/appstore-empirical`);
    await page.waitForSelector('[data-testid="graph"][data-ready="true"]');
    await page.locator('[role="tab"][data-tab="risk"]').click();
    await page.getByTestId('risk-run').click();
    const issues = page.locator('[data-testid="risk"] .error .issues li');
    await issues.first().waitFor();
    expect(await issues.allTextContents()).toEqual([expect.stringContaining('"imitation" is drawn from the column "rate" of "imitation.csv", which the server cannot read')]);
    expect(await page.getByTestId('risk').getAttribute('data-busy')).toBe('false');
    expect((await api<Saved>('/models/appstore-empirical/results')).results).toEqual([]);
  }, 60_000);
});
