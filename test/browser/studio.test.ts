/**
 * The studio in a real browser (Debian's chromium driven by playwright-core), against the real
 * server (`symbiose studio`) on a free port with a workspace of its own: the scenarios of issue
 * 15 item 4, one after the other in one browser. The run writes screenshots of the main views to
 * docs/screenshots/, which the README shows.
 */
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { formatMoney } from '../../src/tables/index.js';
import type { RunningStudio } from './studio-server.js';
import { SHOTS, closeStudioPage, openStudioPage, shotOnFailure } from './session.js';
import { englishLeft, interfaceText } from './interface-words.js';

let studio: RunningStudio;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  ({ studio, browser, page } = await openStudioPage({ viewport: { width: 1280, height: 800 }, locale: 'en-GB', timeout: 8_000 }));
}, 120_000);

afterEach(shotOnFailure('studio', () => page));

afterAll(() => closeStudioPage({ studio, browser }));

/** Waits for a value that the page shows after a while (vitest's poll, with room for a loaded machine). */
const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 10_000, interval: 100 });
const node = (id: string) => page.locator(`.react-flow__node[data-id="${id}"]`);
/** An actor's node by the name it shows (the actors made here get ids from their first names). */
const named = (name: string, on: Page = page) => on.locator('.react-flow__node', { has: on.locator('.actor-name', { hasText: new RegExp(`^${name}$`) }) });
const actorChoice = (name: string) => page.getByTestId('analysis-actor').selectOption({ label: name });
const status = () => page.getByTestId('status');
const savedVersion = async () => Number(await status().getAttribute('data-version'));

/** Waits until the page shows a saved version past `after`. */
async function savedPast(after: number): Promise<number> {
  await poll(savedVersion).toBeGreaterThan(after);
  return savedVersion();
}

async function field(testId: string, text: string) {
  const input = page.getByTestId(testId);
  await input.fill(text);
  await input.press('Enter');
}

/** Waits until every actor of the model shown is placed (saved or laid out). */
async function graphReady() {
  await page.waitForSelector('[data-testid="graph"][data-ready="true"]');
  await page.waitForTimeout(100);
}

async function tab(name: string) {
  await page.locator(`[role="tab"][data-tab="${name}"]`).click();
}

describe('the studio in a browser', () => {
  it('opens a library model and reads an actor’s canvas', async () => {
    await page.goto(`${studio.url}/#/library`);
    const card = page.locator('[data-library="appstore"]');
    await card.getByRole('button', { name: 'Open' }).click();
    await graphReady();
    await node('bank').click();
    await tab('canvas');
    // The bank's cost lines, as the model file writes them, each in the cost structure block.
    const model = parse(readFileSync('library/appstore.yaml', 'utf8')) as { actors: Record<string, { costs: Array<Record<string, unknown> & { name: string }> }> };
    const costs = page.locator('[data-block="costStructure"] li');
    const shown = await costs.allTextContents();
    for (const cost of model.actors.bank!.costs) {
      const kind = 'investment' in cost ? 'investment' : 'fixed' in cost ? 'fixed' : 'variable';
      expect(shown.some((line) => line.startsWith(`${cost.name} (${kind})`)), `${cost.name} in ${shown.join(' | ')}`).toBe(true);
    }
    await poll(() => page.locator('[data-block="keyPartners"]').textContent()).toContain('Coopérative de développeurs');
    await page.screenshot({ path: `${SHOTS}/canvas.png` });
  });

  it('moves a slider and the profitability chart and figures follow', async () => {
    await tab('profit');
    await page.getByTestId('analysis-actor').selectOption('bank');
    const npv = page.locator('[data-figure="npv"]');
    const before = await npv.textContent();
    const canvas = page.locator('[data-testid="profit-chart"] canvas');
    const pixels = () => canvas.evaluate((c) => (c as unknown as { toDataURL(): string }).toDataURL());
    const drawn = await pixels();
    const slider = page.locator('input[type="range"][data-parameter="commission"]');
    await slider.focus();
    await slider.press('Home');
    await poll(() => npv.textContent()).not.toBe(before!);
    expect(await pixels()).not.toBe(drawn);
    await page.screenshot({ path: `${SHOTS}/profitability.png` });
    await page.getByRole('button', { name: 'Back to the model’s values' }).click();
    await poll(() => npv.textContent()).toBe(before!);
  });

  let modelUrl = '';
  /** The ids the studio gave the three actors (from their first names). */
  const ids = { customers: '', shop: '', supplier: '' };
  it('shows each actor’s fair share beside what it captures, and the core verdict', async () => {
    await tab('sharing');
    const sharing = page.getByTestId('sharing');
    await poll(() => sharing.locator('.blocks th').allTextContents()).toEqual(expect.arrayContaining(['Captured', 'Shapley', 'Gap']));
    // One row per actor of the AppStore, and the verdict the command line's share gives.
    const model = parse(readFileSync('library/appstore.yaml', 'utf8')) as { actors: Record<string, unknown> };
    await poll(() => sharing.locator('.blocks tbody tr').count()).toBe(Object.keys(model.actors).length);
    await poll(() => sharing.locator('p.prose').allTextContents()).toEqual(expect.arrayContaining([expect.stringMatching(/^Core: today's split is (NOT )?in the core/)]));
    await poll(() => sharing.locator('[data-testid="sharing-chart"] canvas').count()).toBeGreaterThan(0);
    // The checks as symbiose check says them, and on the graph: the AppStore's bank is a single
    // point of failure (without it the value created falls below zero), an info finding.
    await poll(() => sharing.locator('p.prose').allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('single points of failure')]));
    await poll(() => node('bank').locator('.check').getAttribute('data-check')).toBe('info');
    await poll(() => node('bank').locator('.check').getAttribute('title')).toContain('the value created falls to');
    await page.screenshot({ path: `${SHOTS}/sharing.png` });
    await tab('profit');
    await poll(() => page.locator('.actor .check').count()).toBe(0);
  });

  it('builds a three-actor ecosystem from scratch with the mouse and the keyboard, and reads its profitability', async () => {
    await page.goto(`${studio.url}/#/models`);
    await page.getByTestId('new-model-name').fill('Corner shop');
    await page.getByRole('button', { name: 'Create' }).click();
    await poll(() => page.locator('.toolbar h1').textContent()).toBe('Corner shop');
    modelUrl = page.url();
    let version = await savedVersion();

    // Keyboard: A adds an actor, selected, whose name is typed in the side panel.
    await page.locator('.react-flow__pane').click();
    await page.keyboard.press('a');
    version = await savedPast(version);
    await field('actor-name', 'Customers');
    version = await savedPast(version);
    await page.getByTestId('actor-kind').selectOption('segment');
    version = await savedPast(version);
    // Mouse: the toolbar's button.
    await page.getByRole('button', { name: 'Add an actor' }).click();
    version = await savedPast(version);
    await field('actor-name', 'Shop');
    version = await savedPast(version);
    await page.getByTestId('add-cost').click();
    version = await savedPast(version);
    await field('cost-0', '200');
    version = await savedPast(version);
    await page.locator('.react-flow__pane').click();
    await page.keyboard.press('a');
    version = await savedPast(version);
    await field('actor-name', 'Supplier');
    version = await savedPast(version);

    // The customers pay the shop (the side panel's connect, by keyboard)…
    await named('Customers').click();
    await page.getByTestId('connect-target').selectOption({ label: 'Shop' });
    await page.getByTestId('connect').click();
    version = await savedPast(version);
    // …and the shop pays the supplier, drawn with the mouse from one node's handle to the other.
    await page.getByRole('button', { name: 'Lay out' }).click();
    version = await savedPast(version);
    const from = await named('Shop').locator('.react-flow__handle.source').boundingBox();
    const to = await named('Supplier').locator('.react-flow__handle.target').boundingBox();
    await page.mouse.move(from!.x + from!.width / 2, from!.y + from!.height / 2);
    await page.mouse.down();
    await page.mouse.move(to!.x + to!.width / 2, to!.y + to!.height / 2, { steps: 12 });
    await page.mouse.up();
    version = await savedPast(version);
    await field('amount-0', '300');
    version = await savedPast(version);

    // Hand-worked: 100 customers (a new segment's size) buy once a month at 10, so the shop takes
    // 1,000 a month; it pays the supplier 300 once a month and 200 of fixed costs: 500 a month,
    // 6,000 over the 12 months. The supplier: 300 × 12 = 3,600.
    await tab('profit');
    await actorChoice('Shop');
    await poll(() => page.locator('[data-figure="net"]').textContent()).toBe('Net cash over the horizon: 6,000 EUR');
    await poll(() => page.locator('[data-figure="break-even"]').textContent()).toBe('Break-even: from the start');
    await actorChoice('Supplier');
    await poll(() => page.locator('[data-figure="net"]').textContent()).toBe('Net cash over the horizon: 3,600 EUR');
    await actorChoice('Shop');
    await page.screenshot({ path: `${SHOTS}/graph.png` });
    for (const [key, name] of [['customers', 'Customers'], ['shop', 'Shop'], ['supplier', 'Supplier']] as const) ids[key] = (await named(name).getAttribute('data-id'))!;
  });

  it('shows an error where it was typed: on the field, the arrow and nowhere else', async () => {
    await node(ids.customers).click();
    await page.locator('[data-transaction]', { hasText: 'Customers → Shop' }).click();
    const amount = page.getByTestId('amount-0');
    await amount.fill('10 *');
    const label = page.locator('label.field', { has: amount });
    await poll(() => amount.getAttribute('aria-invalid')).toBe('true');
    await poll(() => label.locator('.issues .fault').count()).toBe(1);
    // The expression stops after its operator: the message says so, in English here.
    await poll(() => label.locator('.issues .fault').textContent()).toContain('ends too early');
    await poll(() => page.locator('.react-flow__edge.faulty').count()).toBe(2);
    await poll(() => page.locator('.actor.faulty').count()).toBe(0);
    await page.screenshot({ path: `${SHOTS}/error.png` });
    await amount.press('Escape');
    await poll(() => amount.getAttribute('aria-invalid')).toBe('false');
    await poll(() => page.locator('.react-flow__edge.faulty').count()).toBe(0);
  });

  it('undoes three edits with Ctrl+Z', async () => {
    await node(ids.supplier).click();
    const name = page.getByTestId('actor-name');
    let version = await savedVersion();
    for (const text of ['Supplier A', 'Supplier B', 'Supplier C']) {
      await field('actor-name', text);
      version = await savedPast(version);
    }
    await page.locator('.react-flow__pane').click();
    for (let i = 0; i < 3; i++) {
      await page.keyboard.press('Control+z');
      version = await savedPast(version);
    }
    await node(ids.supplier).click();
    await poll(() => name.inputValue()).toBe('Supplier');
    await page.keyboard.press('Control+Shift+z');
    await savedPast(version);
    await node(ids.supplier).click();
    await poll(() => name.inputValue()).toBe('Supplier A');
  });

  it('finds everything saved after a reload', async () => {
    await page.reload();
    await graphReady();
    await poll(() => node(ids.supplier).textContent()).toContain('Supplier A');
    await poll(() => node(ids.customers).textContent()).toContain('Customers');
    await tab('profit');
    await actorChoice('Shop');
    await poll(() => page.locator('[data-figure="net"]').textContent()).toBe('Net cash over the horizon: 6,000 EUR');
  });

  it('refuses a save from a second tab on an outdated version, with the explanation', async () => {
    const second = await page.context().newPage();
    await second.goto(modelUrl);
    await second.waitForSelector('[data-testid="graph"][data-ready="true"]');
    await second.locator(`.react-flow__node[data-id="${ids.shop}"]`).click();
    const before = Number(await second.getByTestId('status').getAttribute('data-version'));
    await second.getByTestId('actor-name').fill('Corner Shop');
    await second.getByTestId('actor-name').press('Enter');
    await poll(async () => Number(await second.getByTestId('status').getAttribute('data-version'))).toBeGreaterThan(before);
    await second.close();

    // This tab still shows the version before: its save is refused and says what changed.
    await node(ids.customers).click();
    await field('actor-name', 'Clients');
    const refusal = page.getByTestId('outdated');
    await poll(() => refusal.textContent()).toContain(`since version ${before}`);
    await poll(() => refusal.locator('li').allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('Corner Shop')]));
    await page.screenshot({ path: `${SHOTS}/outdated.png` });
    await refusal.getByRole('button', { name: 'Load the latest version' }).click();
    await poll(() => node(ids.shop).textContent()).toContain('Corner Shop');
    await poll(() => node(ids.customers).textContent()).toContain('Customers');
  });

  it('compares two versions as a list of changes, and restores one as a new version', async () => {
    await tab('history');
    const history = page.getByTestId('history');
    // The save that named the supplier "Supplier C" (its undo, later, names it too: the oldest is the save).
    const renamed = history.locator('li[data-version]', { hasText: 'Supplier C' }).last();
    const number = Number(await renamed.getAttribute('data-version'));
    const latest = history.locator('li[data-version]').first();
    await renamed.getByRole('button', { name: 'Compare from here' }).click();
    await latest.getByRole('button', { name: 'Compare with this one' }).click();
    // Since then: the supplier's name went back (undone) to "Supplier A", and the second tab renamed the shop.
    const differences = page.getByTestId('compared').locator('li');
    await poll(() => differences.allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('Supplier A'), expect.stringContaining('Corner Shop')]));
    await page.screenshot({ path: `${SHOTS}/history.png` });

    const before = await savedVersion();
    await renamed.getByRole('button', { name: 'Restore' }).click();
    await savedPast(before);
    await poll(() => node(ids.supplier).textContent()).toContain('Supplier C');
    await poll(() => node(ids.shop).textContent()).not.toContain('Corner Shop');
    await poll(() => history.locator('li[data-version]').first().textContent()).toContain('restored');
    expect(number).toBeLessThan(before);
  });

  it('opens an XMILE file dropped on the page as a model, and runs its dynamics', async () => {
    const xmile = readFileSync('test/fixtures/sd-test-models/samples/teacup/teacup.xmile', 'utf8');
    // Made in the page, as text: this project's Node type-check knows no DOM.
    const files = await page.evaluateHandle(`(() => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([${JSON.stringify(xmile)}], 'teacup.xmile', { type: 'application/xml' }));
      return transfer;
    })()`);
    await page.dispatchEvent('main', 'dragover', { dataTransfer: files });
    await page.dispatchEvent('main', 'drop', { dataTransfer: files });
    await poll(() => page.getByRole('status').textContent()).toContain('Opened teacup.xmile as the model');
    await poll(() => page.url()).toMatch(/#\/model\/[^/]+$/);
    await tab('dynamics');
    await poll(() => page.getByTestId('dynamics').textContent()).toContain('teacup_temperature');
    await poll(() => page.locator('[data-testid="dynamics"] canvas').count()).toBeGreaterThan(0);
    // It is a model of the workspace now, in the list.
    const id = decodeURIComponent(page.url().split('#/model/')[1]!);
    const models = (await (await fetch(`${studio.url}/api/models`)).json()) as Array<{ id: string }>;
    expect(models.map((m) => m.id)).toContain(id);
    await page.getByRole('status').getByRole('button').click();
    await poll(() => page.getByRole('status').count()).toBe(0);
  });

  it('lists the shortcuts under ?', async () => {
    await page.locator('.react-flow__pane').click();
    await page.keyboard.press('?');
    await poll(() => page.getByRole('dialog').textContent()).toContain('Keyboard shortcuts');
    await page.keyboard.press('Escape');
    await poll(() => page.getByRole('dialog').count()).toBe(0);
  });

  it('marks a cycle of value on the graph, shortest first, and another one chosen', async () => {
    // The cycles as the API gives them (GET …/analyses/loops, what `symbiose loops --json` prints).
    const { cycles } = (await (await fetch(`${studio.url}/api/models/appstore/analyses/loops`)).json()) as { cycles: Array<{ actors: string[]; arrows: Array<{ from: string; to: string }> }> };
    expect(cycles.length).toBeGreaterThan(1);
    await page.goto(`${studio.url}/#/model/appstore`);
    await graphReady();
    // The whole graph in view, so that every actor is drawn.
    await page.locator('.react-flow__controls-fitview').click();
    await poll(() => page.locator('.react-flow__node').count()).toBe(7);
    await tab('loops');
    await poll(() => page.getByTestId('loops').getAttribute('data-cycles')).toBe(String(cycles.length));
    await expect.poll(() => page.locator('[data-testid="loops"] [role="option"]').count()).toBe(cycles.length);
    const marked = () => page.locator('.actor[data-mark="marked"]').evaluateAll((nodes) => nodes.map((n) => n.closest('.react-flow__node')!.getAttribute('data-id')).sort());
    // The first (shortest) cycle: its actors marked, every other dimmed; its arrows go from each to the next.
    await poll(marked).toEqual([...cycles[0]!.actors].sort());
    const steps = new Set(cycles[0]!.arrows.map((a) => `${a.from}>${a.to}`));
    const along = await page.locator('.react-flow__edge.marked').evaluateAll((edges) => edges.map((e) => e.getAttribute('aria-label')));
    expect(along.length).toBeGreaterThanOrEqual(steps.size);
    expect(await page.locator('.actor[data-mark="dimmed"]').count()).toBe((await page.locator('.actor').count()) - (await marked()).length);
    expect(await page.locator('.react-flow__edge.dimmed').count()).toBeGreaterThan(0);
    await page.screenshot({ path: `${SHOTS}/loops.png` });
    // Another cycle chosen in the list: its actors are marked instead.
    const other = cycles.findIndex((c) => c.actors.slice().sort().join() !== cycles[0]!.actors.slice().sort().join());
    await page.locator(`[data-testid="loops"] [role="option"][data-item="${other}"]`).click();
    await poll(marked).toEqual([...cycles[other]!.actors].sort());
    expect(await page.locator(`[data-testid="loops"] [role="option"][data-item="${other}"]`).getAttribute('aria-selected')).toBe('true');
    // Another tab: nothing marked on the graph any more.
    await tab('profit');
    await poll(() => page.locator('.actor[data-mark]').count()).toBe(0);
    expect(await page.locator('.react-flow__edge.dimmed').count()).toBe(0);
  });

  it('shows each data flow on the graph with the value lost if it stops, and marks the one chosen', async () => {
    // The data flows as the API gives them (GET …/analyses/data-value), the costliest first.
    const { flows, currency } = (await (await fetch(`${studio.url}/api/models/appstore/analyses/data-value`)).json()) as { currency: string; flows: Array<{ transaction: string; transfer: number; from: string; to: string; lost: number; objectName: string }> };
    expect(flows.length).toBeGreaterThan(1);
    await tab('data');
    await poll(() => page.getByTestId('data-value').getAttribute('data-flows')).toBe(String(flows.length));
    // Every data flow's arrow is marked; the others are dimmed.
    const marked = () => page.locator('.react-flow__edge.marked').evaluateAll((edges) => edges.map((e) => e.getAttribute('data-id')).sort());
    await poll(marked).toEqual(flows.map((f) => `${f.transaction}#${f.transfer}`).sort());
    // The costliest flow's arrows say what stopping it loses, in the page's words.
    const top = flows[0]!;
    const label = `${top.objectName}: ${formatMoney('en', top.lost)} ${currency} lost if it stops`;
    await poll(() => page.locator('.react-flow__edge-text').allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining(label)]));
    // A flow chosen in the table is drawn strongest.
    await page.locator('[data-testid="data-value"] tr[data-item="1"]').click();
    await poll(() => page.locator('.react-flow__edge.strongest').evaluateAll((edges) => edges.map((e) => e.getAttribute('data-id')))).toEqual([`${flows[1]!.transaction}#${flows[1]!.transfer}`]);
    await page.screenshot({ path: `${SHOTS}/data-value.png` });
    await tab('profit');
    await poll(() => page.locator('.react-flow__edge.marked').count()).toBe(0);
  });

  it('draws a graph too large for the DOM on a canvas when zoomed out, selects an actor clicked there, and brings nodes back zoomed in', async () => {
    const response = await fetch(`${studio.url}/api/models`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ id: 'grid-400', document: gridEcosystem(400) }) });
    expect(response.status).toBe(201);
    await page.goto(`${studio.url}/#/model/grid-400`);
    await graphReady();
    // Opened at a readable zoom: the actors near the view as nodes, far fewer than 400.
    await poll(() => page.getByTestId('graph').getAttribute('data-drawn')).toBe('dom');
    await poll(() => page.locator('.react-flow__node').count()).toBeGreaterThan(0);
    expect(await page.locator('.react-flow__node').count()).toBeLessThan(100);
    // The fit button shows all 400: too many for the DOM, so on a canvas, with no node left.
    await page.locator('.react-flow__controls-fitview').click();
    await poll(() => page.getByTestId('graph').getAttribute('data-drawn')).toBe('canvas');
    await expect.poll(() => page.getByTestId('graph-canvas').isVisible()).toBe(true);
    expect(await page.locator('.react-flow__node').count()).toBe(0);
    await page.screenshot({ path: `${SHOTS}/large-graph.png` });
    // A click on a25's box (column 5 of row 1, at 230 × 5, 140) selects it.
    const at = await screenPoint({ x: 5 * 230 + 85, y: 140 + 32 });
    await page.mouse.click(at.x, at.y);
    await poll(() => page.locator('[data-panel]').getAttribute('data-panel')).toBe('actor:a25');
    // Zoomed in around it, the actors are nodes again.
    for (let i = 0; i < 10 && (await page.getByTestId('graph').getAttribute('data-drawn')) === 'canvas'; i++) {
      await page.mouse.move(at.x, at.y);
      await page.mouse.wheel(0, -400);
      await page.waitForTimeout(200);
    }
    await poll(() => page.getByTestId('graph').getAttribute('data-drawn')).toBe('dom');
    await poll(() => node('a25').count()).toBe(1);
  });

  it('speaks French with no English word left on the interface', async () => {
    await page.getByTestId('language').selectOption('fr');
    const views: Array<[string, () => Promise<void>]> = [
      ['library', async () => void (await page.goto(`${studio.url}/#/library`))],
      ['models', async () => void (await page.goto(`${studio.url}/#/models`))],
      ...['canvas', 'payers', 'profit', 'sharing', 'loops', 'data', 'variants', 'dynamics', 'experiments', 'history'].map((name): [string, () => Promise<void>] => [
        name,
        async () => {
          if (!page.url().includes('#/model/appstore')) {
            await page.goto(`${studio.url}/#/model/appstore`);
            await graphReady();
            await node('bank').click();
          }
          await tab(name);
          // The Experiments tab once its words are all there: the map's source, and the planning's answer from the worker.
          if (name === 'experiments') {
            await page.waitForSelector('[data-testid="map-source"]:not(:empty)');
            if ((await page.getByTestId('experiment').count()) > 0) await page.waitForSelector('[data-testid="plan-warning"][data-pending="false"], [data-testid="plan-fault"]');
          }
        },
      ]),
      ['shortcuts', async () => (await page.locator('.react-flow__pane').click(), await page.keyboard.press('?'))],
    ];
    for (const [view, open] of views) {
      await open();
      await page.waitForTimeout(200);
      const english = englishLeft(await interfaceText(page));
      expect(english, `${view}: ${english.join(' | ')}`).toEqual([]);
    }
    await page.keyboard.press('Escape');
    await tab('profit');
    // The what-if units (appstore's are "people", "month" and "EUR/month") in French words.
    const units = await page.locator('[data-testid="sliders"] .unit').allTextContents();
    expect(units).toEqual(expect.arrayContaining(['personnes', 'EUR/mois']));
    expect(units.filter((u) => /\b(people|months?|years?|weeks?|days?)\b/.test(u))).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/french.png` });
  });
});

/**
 * A model of `actors` actors on a grid of 20 columns, 230 × 140 apart (where the studio's own grid
 * puts them), each paying the next one for a service once a period.
 */
function gridEcosystem(actors: number) {
  const doc = { symbiose: 3, name: `Grid of ${actors}`, currency: 'EUR', period: 'month', horizon: 12, actors: {} as Record<string, unknown>, valueObjects: {} as Record<string, unknown>, transactions: {} as Record<string, unknown>, scenarios: {} as Record<string, unknown> };
  for (let a = 0; a < actors; a++) doc.actors[`a${a}`] = { name: `Actor ${a}`, kind: 'organisation', position: { x: (a % 20) * 230, y: Math.floor(a / 20) * 140 } };
  doc.valueObjects.cash = { nature: 'money' };
  doc.valueObjects.help = { nature: 'service' };
  for (let a = 0; a + 1 < actors; a++) {
    doc.transactions[`t${a}`] = { transfers: [{ from: `a${a}`, to: `a${a + 1}`, object: 'cash', amount: 10 }, { from: `a${a + 1}`, to: `a${a}`, object: 'help' }] };
    doc.scenarios[`s${a}`] = { start: { actor: `a${a}`, count: 1 }, steps: [`t${a}`] };
  }
  return doc;
}

/** Where a point of the graph is on the screen, from the viewport React Flow shows. */
async function screenPoint(p: { x: number; y: number }): Promise<{ x: number; y: number }> {
  const box = (await page.getByTestId('graph').boundingBox())!;
  const transform = (await page.locator('.react-flow__viewport').getAttribute('style')) ?? '';
  const [, x, y, zoom] = /translate\(([-\d.]+)px, ([-\d.]+)px\) scale\(([\d.]+)\)/.exec(transform)!.map(Number) as [number, number, number, number];
  return { x: box.x + x + p.x * zoom, y: box.y + y + p.y * zoom };
}
