/**
 * The Experiments tab in a real browser (Debian's chromium driven by playwright-core), against
 * the real server on a workspace of its own, in French (issue 18's "done when"): a facilitator
 * opens Purple Button, reads a hypothesis and its test card, edits the card, learns that two
 * groups of 50 cannot tell 10 % from 15 %, enters the counts observed, reads the verdict with its
 * intervals, and watches the forecast change once each group's parameter is calibrated, edits the
 * learning card drafted from the results, then applies the calibration as a version that card records. Writes docs/screenshots/experiments-map.png, experiments.png, experiments-learning.png and experiments-forecast.png.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningStudio } from './studio-server.js';
import { SHOTS, closeStudioPage, openStudioPage } from './session.js';
import { englishLeft, interfaceText } from './interface-words.js';

let studio: RunningStudio;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  ({ studio, browser, page } = await openStudioPage({ viewport: { width: 1600, height: 1000 }, locale: 'fr-FR', timeout: 10_000 }));
}, 120_000);

afterAll(() => closeStudioPage({ studio, browser }));

const poll = <T>(read: () => T | Promise<T>, timeout = 15_000) => expect.poll(read, { timeout, interval: 100 });
const savedVersion = async () => Number(await page.getByTestId('status').getAttribute('data-version'));
const attribute = (testId: string, name: string) => page.getByTestId(testId).first().getAttribute(name);

async function typeIn(testId: string, text: string) {
  const input = page.getByTestId(testId);
  await input.fill(text);
  await input.press('Enter');
}

describe('the Experiments tab, in French', () => {
  it('carries a test from its hypothesis to the forecast it changes', async () => {
    await page.goto(`${studio.url}/#/models`);
    await page.getByTestId('language').selectOption('fr');
    await page.goto(`${studio.url}/#/model/purple-button`);
    await page.waitForSelector('[data-testid="graph"][data-ready="true"]');
    await page.locator('[role="tab"][data-tab="experiments"]').click();
    await expect(page.locator('[role="tab"][data-tab="experiments"]')).toBeDefined();
    expect(await page.locator('[role="tab"][data-tab="experiments"]').textContent()).toBe('Expériences');

    // The assumption map, then the young drivers' hypothesis and its test card.
    await page.waitForSelector('[data-testid="assumption-map"] canvas');
    // Importance from the sensitivity ranking of the model's NPVs where the hypothesis names parameters.
    await poll(() => page.getByTestId('map-source').textContent()).toContain('classement de sensibilité');
    await page.locator('button[data-hypothesis="pay-less-or-recognition"]').click();
    await poll(() => attribute('hypothesis', 'data-hypothesis')).toBe('pay-less-or-recognition');
    expect(await page.getByTestId('hypothesis-statement').inputValue()).toContain('les individus changent pour payer moins');
    const card = page.locator('[data-testid="test-card"][data-card="young-drivers-ab"]');
    expect(await card.locator('label span').allTextContents()).toEqual([
      'Nous pensons que…',
      'Pour le vérifier, nous allons…',
      'Et mesurer…',
      'Seuil\u00a0: le taux qu’une variante doit atteindre pour donner raison à la carte (%)',
      'Référence\u00a0: le taux attendu sans le changement (%)',
    ]);
    expect(await card.getByTestId('card-verify').inputValue()).toContain('deux groupes de 50 conducteurs');

    // Each group's offer, as the workshop's A/B slide gives it.
    await page.getByTestId('variant-a').locator('summary').click();
    expect(await page.getByTestId('offer-a').inputValue()).toContain('vous payez votre assurance 30% moins cher');
    expect(await page.getByTestId('callToAction-b').inputValue()).toContain('Téléchargez l\'application Sam');

    // An edit of the test card is a saved version, like every other edit.
    const before = await savedVersion();
    await typeIn('card-measure', 'le nombre de téléchargements de l’application Sam');
    await poll(savedVersion).toBe(before + 1);
    expect(await page.getByTestId('card-measure').inputValue()).toBe('le nombre de téléchargements de l’application Sam');
    // Undone and redone through the workspace, like every edit.
    await page.getByRole('button', { name: 'Annuler' }).click();
    await poll(() => page.getByTestId('card-measure').inputValue()).toBe('le nombre de téléchargements et le nombre de connexions');
    await page.getByRole('button', { name: 'Rétablir' }).click();
    await poll(() => page.getByTestId('card-measure').inputValue()).toBe('le nombre de téléchargements de l’application Sam');

    await page.getByTestId('assumption-map').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/experiments-map.png` });

    // The planning warning as the rates are typed: two groups of 50 cannot tell 10 % from 15 %.
    await poll(savedVersion).toBe(before + 3);
    expect(await page.getByTestId('planned-a').inputValue()).toBe('50');
    expect(await page.getByTestId('planned-b').inputValue()).toBe('50');
    // planRecordedExperiment plans the recorded test: the card names no threshold yet, so it asks for one.
    await poll(() => attribute('plan-fault', 'data-code')).toBe('no-threshold');
    expect(await page.getByTestId('plan-fault').textContent()).toContain('seuil de la carte de test');
    // The card's threshold and baseline typed as percentages, each a saved version.
    await typeIn('card-threshold', '15');
    await poll(savedVersion).toBe(before + 4);
    await typeIn('card-baseline', '10');
    await poll(savedVersion).toBe(before + 5);
    expect(await page.getByTestId('card-threshold').inputValue()).toBe('15');
    // Worked out off the main thread; the answer shown is the one for what was typed last.
    await poll(() => page.getByTestId('plan-warning').count()).toBe(1);
    await poll(() => attribute('plan-warning', 'data-pending')).toBe('false');
    expect(await attribute('plan-warning', 'data-code')).toBe('design-cannot-answer');
    const sources = await page.getByTestId('plan-sources').textContent();
    expect(sources).toContain('10,0\u202f% pour a (la référence de la carte de test)');
    expect(sources).toContain('15,0\u202f% pour b (le seuil de la carte de test)');
    expect(sources).toContain('groupes de 50 et 50 (comme prévu)');
    const warning = await page.getByTestId('plan-warning').textContent();
    expect(warning).toContain('Ce plan ne peut pas répondre à la carte de test');
    expect(warning).toContain('avec 50 et 50 essais');
    expect(warning).toContain('de 10,0\u202f% à 15,0\u202f%');

    // The counts observed: the invented ones replaced by 12 of 50 and 21 of 50, each saved.
    expect(await page.getByTestId('invented').count()).toBe(1);
    let version = await savedVersion();
    await typeIn('converted-a', '12');
    await poll(savedVersion).toBe(version + 1);
    version = await savedVersion();
    await typeIn('converted-b', '21');
    await poll(savedVersion).toBe(version + 1);
    expect(await page.getByTestId('invented').count()).toBe(0);

    // The verdict in words, with its intervals drawn. By hand: 12/50 = 24 %, 21/50 = 42 %, a
    // difference of 18 points; each interval holds its estimate.
    await poll(() => attribute('results', 'data-pending')).toBe('false');
    await page.getByTestId('rate-intervals').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/experiments.png` });
    const rates = (await attribute('rate-intervals', 'data-intervals'))!.split(';').map((row) => row.split(':')[1]!.split(',').map(Number));
    expect(rates.map((r) => r[1])).toEqual([0.24, 0.42]);
    // Wilson intervals, as scipy gives them: binomtest(12, 50).proportion_ci(0.95, 'wilson') =
    // (0.142974, 0.374127); binomtest(21, 50).proportion_ci(0.95, 'wilson') = (0.293750, 0.557666).
    expect(rates[0]![0]).toBeCloseTo(0.142974, 3);
    expect(rates[0]![2]).toBeCloseTo(0.374127, 3);
    expect(rates[1]![0]).toBeCloseTo(0.29375, 3);
    expect(rates[1]![2]).toBeCloseTo(0.557666, 3);
    const [difference] = (await attribute('difference-intervals', 'data-intervals'))!.split(';').map((row) => row.split(':')[1]!.split(',').map(Number));
    expect(difference![1]).toBeCloseTo(0.18, 10);
    expect(difference![0]).toBeLessThan(0.18);
    const verdict = await page.getByTestId('verdicts').textContent();
    // Boschloo's test does not reject at 5 % (scipy: boschloo_exact([[21, 29], [12, 38]]).pvalue = 0.060):
    // the words say the evidence is too weak, and what sample would decide.
    expect(verdict).toMatch(/b\u00a0: test exact de Boschloo, p = 0,0\d+ > 0,05/);
    expect(verdict).toContain('Les preuves sont trop faibles pour décider');
    expect(verdict).toContain('probabilité de battre le témoin');

    // The forecast before and after: each group calibrates the parameter it informs,
    // download_share_a on 12/50 and download_share_b on 21/50, and the risk runs on both models.
    await page.getByTestId('forecast-run').click();
    await poll(() => page.getByTestId('calibration').count()).toBe(1);
    const calibration = await page.getByTestId('calibration').textContent();
    expect(calibration).toContain('download_share_a, calibré sur le groupe a (12/50)');
    expect(calibration).toContain('download_share_b, calibré sur le groupe b (21/50)');

    // The learning card drafted from the test card, the analysis and the calibration, in French,
    // to edit before it is recorded.
    const draft = page.getByTestId('learning-draft');
    await poll(() => draft.count()).toBe(1);
    expect(await draft.getAttribute('data-card')).toBe('young-drivers-learned');
    expect(await draft.locator('label span').allTextContents()).toEqual(['Nous pensions…', 'Nous avons observé…', 'Nous avons appris…', 'Nous allons donc…']);
    expect(await page.getByTestId('draft-believed').inputValue()).toContain('les individus changent pour payer moins');
    // By hand: 12/50 = 24 %, 21/50 = 42 %, b − a = 18 points.
    const observed = await page.getByTestId('draft-observed').inputValue();
    expect(observed).toContain('12 sur 50 (24,0\u202f%) dans le groupe a, 21 sur 50 (42,0\u202f%) dans le groupe b');
    expect(observed).toContain('b − a = 18,0\u202f%, intervalle de confiance à 95\u202f% de');
    const learned = await page.getByTestId('draft-learned').inputValue();
    expect(learned).toMatch(/^ces comptes ne départagent pas b et a\u00a0: test exact de Boschloo, p = 0,0\d+ > 0,05/);
    expect(learned).toContain('calibré sur le groupe a, download_share_a passe de');
    expect(learned).toContain('calibré sur le groupe b, download_share_b passe de');
    expect(await page.getByTestId('draft-decision').inputValue()).toMatch(/^refaire le test avec environ \d+ personnes par groupe/);
    const decided = 'refaire le test avec 150 conducteurs par groupe, puis choisir l’offre';
    await page.getByTestId('draft-decision').fill(decided);
    await draft.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/experiments-learning.png` });

    await poll(() => page.getByTestId('forecast-result').count(), 60_000).toBe(1);
    // The actor whose mean moves most, relative to its mean before.
    const moved = (await attribute('forecast-result', 'data-actor'))!;
    expect(moved).toMatch(/^young-drivers-[ab]$/);
    const row = page.locator(`.forecast-table tr[data-actor="${moved}"] td`);
    const [, , , meanBefore, meanAfter] = await row.allTextContents();
    expect(meanAfter).not.toBe(meanBefore);
    await page.waitForSelector('[data-testid="forecast-chart"] canvas');
    // No English left on the tab, its results and forecast shown.
    const english = englishLeft(await interfaceText(page));
    expect(english, english.join(' | ')).toEqual([]);
    await page.getByTestId('forecast-chart').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/experiments-forecast.png` });

    // Applied as a new version, which the drafted learning card, as edited, records.
    version = await savedVersion();
    await page.getByTestId('forecast-apply').click();
    await poll(savedVersion).toBe(version + 1);
    const recorded = page.locator('[data-testid="learning-card"][data-card="young-drivers-learned"]');
    await poll(() => recorded.getAttribute('data-model-version')).toBe(String(version + 1));
    expect(await recorded.getByTestId('learning-decision').inputValue()).toBe(decided);
    expect(await recorded.getByTestId('learning-learned').inputValue()).toBe(learned);
    expect(await page.getByTestId('learning-draft').count()).toBe(0);
    expect(await page.getByTestId('forecast-applied').textContent()).toContain(`version ${version + 1}`);
    // The whole tab still in French once the card is recorded.
    const left = englishLeft(await interfaceText(page));
    expect(left, left.join(' | ')).toEqual([]);

    // A facilitator records a new hypothesis and its test card.
    version = await savedVersion();
    await page.getByTestId('hypothesis-add').click();
    await poll(savedVersion).toBe(version + 1);
    await poll(() => attribute('hypothesis', 'data-hypothesis')).toBe('hypothesis-11');
    await typeIn('hypothesis-statement', 'les jeunes conducteurs partagent leur badge SAM');
    await poll(savedVersion).toBe(version + 2);
    await page.getByTestId('card-add').click();
    await poll(savedVersion).toBe(version + 3);
    await typeIn('card-believe', 'les jeunes conducteurs partageront le badge');
    await poll(savedVersion).toBe(version + 4);
    expect(await page.locator('button[data-hypothesis="hypothesis-11"]').textContent()).toBe('les jeunes conducteurs partagent leur badge SAM');
  }, 180_000);
});
