/**
 * The studio's Risk tab in a real browser (Debian's chromium driven by playwright-core) against
 * the real server (`symbiose studio`): a run on a library model started and cancelled from the
 * page, then one run to its end; the chance of losing money read in words, in English and in
 * French, against the figure the server kept; the histogram, the fan chart and the tornado drawn;
 * the page reloaded and the result found kept, without running again; then the model edited and
 * the result shown as the older version's. The run writes docs/screenshots/risk.png.
 */
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { studioRiskEn, studioRiskFr } from '../../src/i18n/ui/studio-risk.js';
import { CHROMIUM_ARGS, chromiumPath } from './chromium.js';
import { startStudio, type RunningStudio } from './studio-server.js';

const SHOTS = 'docs/screenshots';
const MODEL = 'appstore';
const ACTOR = 'developers';
let studio: RunningStudio;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  const executablePath = chromiumPath();
  studio = await startStudio();
  browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-GB' });
  page = await context.newPage();
  page.on('pageerror', (error) => console.error(`the page threw: ${error.stack ?? error.message}`));
  page.setDefaultTimeout(10_000);
  mkdirSync(SHOTS, { recursive: true });
}, 120_000);

afterEach(async (context) => {
  if (context.task.result?.state !== 'fail' || !page) return;
  const path = join(tmpdir(), `symbiose-risk-${context.task.name.replace(/\W+/g, '-').slice(0, 60)}.png`);
  await page.screenshot({ path }).catch(() => undefined);
  console.error(`screenshot of the failed scenario: ${path}`);
});

afterAll(async () => {
  await browser?.close();
  await studio?.stop();
});

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
let loss = 0;

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
    const kept = await api<{ result: { actors: Array<{ actor: string; lossProbability?: { value: number } }> } }>(`/models/${MODEL}/results/${saved.results[0]!.id}`);
    loss = kept.result.actors.find((a) => a.actor === ACTOR)!.lossProbability!.value;
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
});
