/**
 * The studio's automatic layout and the dynamics' feedback loops, in a real browser (Debian's
 * chromium driven by playwright-core) against the real server on a free port with a workspace of
 * its own, as test/browser/studio.test.ts does:
 * - ELK lays out the actors that have no position, none overlapping, beside those that have one,
 *   which stay where they were saved; a new actor takes a free place and moves no other; a move
 *   is saved; past the layout's deadline the graph stands on a grid and the page says so;
 * - a library model's dynamics tab lists its feedback loops and which dominates when, as
 *   GET …/analyses/loops gives them, in English and in French, and a loop chosen has its
 *   variables highlighted.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalName } from '../../src/core/index.js';
import { UI_CATALOGUES } from '../../src/i18n/index.js';
import type { RunningStudio } from './studio-server.js';
import { closeStudioPage, openStudioPage } from './session.js';

let studio: RunningStudio;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  ({ studio, browser, page } = await openStudioPage({ viewport: { width: 1280, height: 800 }, locale: 'en-GB', timeout: 8_000 }));
}, 120_000);

afterAll(() => closeStudioPage({ studio, browser }));

const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 10_000, interval: 100 });
const SIZE = { width: 170, height: 64 };
interface Point {
  x: number;
  y: number;
}

/** Every actor node's position on the graph, read from the transform React Flow gives it. */
async function shownPositions(): Promise<Map<string, Point>> {
  const rows = await page.locator('.react-flow__node').evaluateAll((nodes) => nodes.map((n) => [n.getAttribute('data-id'), (n as unknown as { style: { transform: string } }).style.transform] as const));
  return new Map(
    rows.map(([id, transform]) => {
      const [, x, y] = /translate\(([-\d.]+)px, ([-\d.]+)px\)/.exec(transform)!;
      return [id!, { x: Number(x), y: Number(y) }];
    }),
  );
}

const overlap = (p: Point, q: Point) => p.x < q.x + SIZE.width && q.x < p.x + SIZE.width && p.y < q.y + SIZE.height && q.y < p.y + SIZE.height;
function overlapping(positions: ReadonlyMap<string, Point>): string[] {
  const all = [...positions];
  return all.flatMap(([a, p], i) => all.slice(i + 1).flatMap(([b, q]) => (overlap(p, q) ? [`${a} ${b}`] : [])));
}

async function opened(id: string, query = '') {
  // Loaded afresh, even when the page shows that model already.
  await page.goto('about:blank');
  await page.goto(`${studio.url}/${query}#/model/${id}`);
  await page.waitForSelector('[data-testid="graph"][data-ready="true"]');
  // The whole graph in view, so that every actor is drawn as a node.
  await page.locator('.react-flow__controls-fitview').click();
  await page.waitForTimeout(150);
}

const savedDocument = async (id: string) => ((await (await fetch(`${studio.url}/api/models/${id}`)).json()) as { document: { actors: Record<string, { position?: Point }> } }).document;

/** Three actors with saved positions and five without, trading along a chain, each pair once. */
function mixedModel() {
  const doc = { symbiose: 4, name: 'Half placed', currency: 'EUR', period: 'month', horizon: 12, actors: {} as Record<string, unknown>, valueObjects: { cash: { nature: 'money' }, help: { nature: 'service' } }, transactions: {} as Record<string, unknown>, scenarios: {} as Record<string, unknown> };
  const placed: Record<string, Point> = { p0: { x: 0, y: 0 }, p1: { x: 300, y: 0 }, p2: { x: 0, y: 200 } };
  const ids = ['p0', 'p1', 'p2', 'n0', 'n1', 'n2', 'n3', 'n4'];
  for (const id of ids) doc.actors[id] = { name: `Actor ${id}`, kind: 'organisation', ...(placed[id] ? { position: placed[id] } : {}) };
  ids.slice(1).forEach((to, i) => {
    doc.transactions[`t${i}`] = { transfers: [{ from: ids[i], to, object: 'cash', amount: 10 }, { from: to, to: ids[i], object: 'help' }] };
    doc.scenarios[`s${i}`] = { start: { actor: ids[i], count: 1 }, steps: [`t${i}`] };
  });
  return { doc, placed };
}

describe('the automatic layout in a browser', () => {
  it('lays a library model out with ELK, no two actors overlapping, within the deadline', async () => {
    // The Apple value network's actors have no saved position: all of them are laid out.
    const saved = await savedDocument('apple-value-network');
    expect(Object.values(saved.actors).every((a) => a.position === undefined)).toBe(true);
    await opened('apple-value-network');
    const positions = await shownPositions();
    expect([...positions.keys()].sort()).toEqual(Object.keys(saved.actors).sort());
    expect(overlapping(positions)).toEqual([]);
    expect(await page.getByTestId('layout-late').count()).toBe(0);
    expect(await page.evaluate(() => performance.getEntriesByName('studio:layout-elk').length)).toBe(1);
  });

  it('keeps saved positions, lays the others out beside them, places a new actor without moving any, and saves a move', async () => {
    const { doc, placed } = mixedModel();
    const response = await fetch(`${studio.url}/api/models`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ id: 'half-placed', document: doc }) });
    expect(response.status).toBe(201);
    await opened('half-placed');
    const before = await shownPositions();
    expect(before.size).toBe(8);
    // The three saved positions, exactly.
    for (const [id, p] of Object.entries(placed)) expect(before.get(id)).toEqual(p);
    // The five laid out: none on another, and all right of the placed ones (their right edge 470).
    expect(overlapping(before)).toEqual([]);
    for (const id of ['n0', 'n1', 'n2', 'n3', 'n4']) expect(before.get(id)!.x).toBeGreaterThanOrEqual(470);

    // A new actor (A): a free place, every other actor where it was.
    const version = Number(await page.getByTestId('status').getAttribute('data-version'));
    await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('a');
    await poll(async () => Number(await page.getByTestId('status').getAttribute('data-version'))).toBeGreaterThan(version);
    await page.keyboard.press('Escape');
    await page.locator('.react-flow__controls-fitview').click();
    await poll(async () => (await shownPositions()).size).toBe(9);
    const after = await shownPositions();
    for (const [id, p] of before) expect(after.get(id), id).toEqual(p);
    expect(overlapping(after)).toEqual([]);

    // A node dragged: saved where it was dropped, with every shown position (the picture kept).
    const moving = page.locator('.react-flow__node[data-id="n4"]');
    const box = (await moving.boundingBox())!;
    const saves = Number(await page.getByTestId('status').getAttribute('data-version'));
    await page.mouse.move(box.x + box.width / 2, box.y + 10);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 + 60, box.y + 90, { steps: 8 });
    await page.mouse.up();
    await poll(async () => Number(await page.getByTestId('status').getAttribute('data-version'))).toBeGreaterThan(saves);
    const dropped = (await shownPositions()).get('n4')!;
    expect(dropped).not.toEqual(after.get('n4'));
    const stored = await savedDocument('half-placed');
    expect(stored.actors.n4!.position).toEqual({ x: Math.round(dropped.x), y: Math.round(dropped.y) });
    for (const id of ['n0', 'n1', 'n2', 'n3']) expect(stored.actors[id]!.position).toEqual(after.get(id));
    for (const [id, p] of Object.entries(placed)) expect(stored.actors[id]!.position).toEqual(p);
    // After a reload, the same picture.
    const shown = await shownPositions();
    await opened('half-placed');
    await poll(async () => (await shownPositions()).size).toBe(9);
    const reloaded = await shownPositions();
    for (const [id, p] of shown) expect(reloaded.get(id), id).toEqual({ x: Math.round(p.x), y: Math.round(p.y) });
  });

  it('stands the graph on a grid past the deadline, and says so in English and in French', async () => {
    // A deadline of 1 ms, which no layout meets: the worker's answer is never used.
    await opened('coursera', '?layout-deadline=1');
    await poll(() => page.getByTestId('layout-late').textContent()).toContain('The automatic layout took longer than');
    const positions = await shownPositions();
    // The grid (logic/graph.ts): columns 230 apart, rows 140 apart.
    for (const p of positions.values()) {
      expect(p.x % 230).toBe(0);
      expect(p.y % 140).toBe(0);
    }
    expect(overlapping(positions)).toEqual([]);
    await page.getByTestId('language').selectOption('fr');
    await poll(() => page.getByTestId('layout-late').textContent()).toContain('La disposition automatique a pris plus de');
    await page.getByTestId('language').selectOption('en');
  });
});

describe('a graph too large for the automatic layout on opening', () => {
  it('stands 520 actors without positions on the grid at once, and says why, in English and in French', async () => {
    const doc = { symbiose: 4, name: 'Many', currency: 'EUR', period: 'month', horizon: 12, actors: {} as Record<string, unknown>, valueObjects: { cash: { nature: 'money' } }, transactions: {} as Record<string, unknown>, scenarios: {} as Record<string, unknown> };
    for (let a = 0; a < 520; a++) doc.actors[`a${a}`] = { name: `Actor ${a}`, kind: 'organisation' };
    for (let a = 0; a + 1 < 520; a++) doc.transactions[`t${a}`] = { transfers: [{ from: `a${a}`, to: `a${a + 1}`, object: 'cash', amount: 1 }] };
    const response = await fetch(`${studio.url}/api/models`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ id: 'many', document: doc }) });
    expect(response.status).toBe(201);
    await page.goto('about:blank');
    await page.goto(`${studio.url}/#/model/many`);
    await page.waitForSelector('[data-testid="graph"][data-ready="true"]', { timeout: 30_000 });
    await poll(() => page.getByTestId('layout-late').getAttribute('data-why')).toBe('large');
    expect(await page.getByTestId('layout-late').textContent()).toContain('More than 500 actors to place');
    // ELK was not asked.
    expect(await page.evaluate(() => performance.getEntriesByName('studio:layout').length)).toBe(0);
    // The grid (logic/graph.ts): 23 columns for 520 actors, 230 × 140 apart; a0 at the origin, a24 in row 1, column 1.
    const positions = await shownPositions();
    expect(positions.get('a0')).toEqual({ x: 0, y: 0 });
    if (positions.has('a24')) expect(positions.get('a24')).toEqual({ x: 230, y: 140 });
    await page.getByTestId('language').selectOption('fr');
    await poll(() => page.getByTestId('layout-late').textContent()).toContain('Plus de 500\u00a0acteurs à placer');
    await page.getByTestId('language').selectOption('en');
  }, 60_000);
});

interface Feedback {
  loops: Array<{ id: string; polarity: string; variables: string[] }>;
  dominance: { periods: Array<{ partition: number; from: number; to: number; loop: string | null; dominant: boolean }>; scores: Array<{ loop: string; observed: string }> };
}

describe('the feedback loops of the dynamics in a browser', () => {
  const tab = (name: string) => page.locator(`[role="tab"][data-tab="${name}"]`).click();

  for (const locale of ['en', 'fr'] as const) {
    it(`lists pinduoduo's loops and which dominates when, and highlights a loop's variables (${locale})`, async () => {
      const { feedback } = (await (await fetch(`${studio.url}/api/models/pinduoduo/analyses/loops`)).json()) as { feedback: Feedback };
      expect(feedback.loops.length).toBeGreaterThan(1);
      await opened('pinduoduo');
      await page.getByTestId('language').selectOption(locale);
      await tab('dynamics');
      const words = UI_CATALOGUES[locale];
      const view = page.getByTestId('feedback');
      await poll(() => view.getAttribute('data-loops')).toBe(String(feedback.loops.length));
      // The loops' table: one row per loop, its name, its polarity in the reader's words, its
      // variables in order back to the first, and the sign it took in the run.
      const rows = view.locator('tr[data-item]');
      expect(await rows.count()).toBe(feedback.loops.length);
      for (const [i, loop] of feedback.loops.entries()) {
        const cells = await rows.nth(i).locator('td').allTextContents();
        expect(cells[0]).toBe(loop.id);
        expect(cells[1]).toBe(words[`polarity.${loop.polarity}` as keyof typeof words]);
        expect(cells[2]).toBe([...loop.variables, loop.variables[0]].join(' → '));
        const observed = feedback.dominance.scores.find((s) => s.loop === loop.id)!.observed;
        expect(cells[4]).toBe(words[`polarity.${observed}` as keyof typeof words]);
      }
      // The dominance periods: the bands under the chart, and the table of periods.
      const leading = feedback.dominance.periods.filter((p) => p.loop !== null);
      expect(leading.length).toBeGreaterThan(0);
      await poll(() => page.getByTestId('dominance-bands').getAttribute('data-periods')).toBe(leading.map((p) => `${p.loop}@${p.from}-${p.to}`).join(';'));
      expect(await page.locator('[data-testid="dominance-bands"] canvas').count()).toBeGreaterThan(0);
      const first = leading[0]!;
      const monthOf = (n: number) => (locale === 'en' ? `month ${n}` : `mois ${String(n).replace('.', ',')}`);
      const periodRows = await view.locator('table').nth(1).locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)));
      expect(periodRows).toContainEqual(expect.arrayContaining([monthOf(first.from), monthOf(first.to), first.loop]));
      await poll(() => view.textContent()).toContain(locale === 'en' ? 'Which loop dominates when' : 'Quelle boucle domine, et quand');
      // A loop chosen: its variables highlighted among the variables and charted.
      const loop = feedback.loops.at(-1)!;
      await rows.nth(feedback.loops.length - 1).click();
      const expected = loop.variables.map(canonicalName);
      await poll(() => page.getByTestId('dynamics').getAttribute('data-loop')).toBe(loop.id);
      expect((await page.getByTestId('dynamics').getAttribute('data-loop-variables'))!.split(' ').sort()).toEqual([...new Set(expected)].sort());
      const highlighted = await page.locator('.choices label.in-loop').evaluateAll((labels) => labels.map((l) => l.getAttribute('data-variable')));
      expect(highlighted.sort()).toEqual(expected.filter((v, i) => expected.indexOf(v) === i).sort());
      const legend = await page.locator('[data-testid="dynamics-chart"] .u-legend .u-label').allTextContents();
      for (const variable of expected) expect(legend).toContain(variable);
      if (locale === 'en') {
        await page.getByTestId('dominance-bands').scrollIntoViewIfNeeded();
        await page.screenshot({ path: 'docs/screenshots/feedback-loops.png' });
      }
      await page.getByTestId('language').selectOption('en');
    });
  }
});
