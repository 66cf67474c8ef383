/**
 * The studio's speed in headless chromium (a benchmark, not a test: nothing asserts a timing).
 * Starts `symbiose studio` on a free port with a workspace of its own, opens each library model
 * and a generated ecosystem of 300 actors and 1,000 transactions, and reports per model:
 *   - first render: from navigation to the graph's nodes on screen (ms since navigation start);
 *   - layout: the dagre layout in its web worker (performance measure `studio:layout`);
 *   - edit → figures: typing into a field, to the draft checked, quantified and shown again
 *     (main-thread work: the input event, React's render, the chart's redraw);
 *   - slider → chart: one step of a what-if slider (evaluate with recycle, profitability, redraw),
 *     main-thread work, median and worst of the steps, and to the next frame.
 * Targets (issue 15): an edit or slider step within one 60 Hz frame (16.7 ms) of main-thread
 * work on the library models, under 100 ms at 300 actors; first render under 1 s.
 *
 *   npm run build && node bench/studio.mjs                 # every library model and the 300-actor one
 *   node bench/studio.mjs --models appstore,coursera --steps 20 --no-large
 *   node bench/studio.mjs --url http://127.0.0.1:4321      # a studio already running
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const STEPS = Number(option('steps', '30'));
const MODELS = option('models', readdirSync(join(ROOT, 'library')).filter((f) => f.endsWith('.yaml')).map((f) => f.slice(0, -5)).join(',')).split(',');
const LARGE = !args.includes('--no-large');
const CHROMIUM = process.env.CHROMIUM ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

if (!CHROMIUM) {
  console.error('bench/studio.mjs needs chromium: apt-get update && apt-get install -y chromium (or set CHROMIUM)');
  process.exit(2);
}
if (!existsSync(join(ROOT, 'dist/studio/index.html'))) {
  console.error('bench/studio.mjs needs the built studio: npm run build');
  process.exit(2);
}

/** `symbiose studio` on a free port with a workspace of its own; resolves with its address. */
function startStudio() {
  const workspace = join(mkdtempSync(join(tmpdir(), 'symbiose-bench-studio-')), 'workspace.sqlite');
  const child = spawn(process.execPath, [join(ROOT, 'bin/symbiose.js'), 'studio', '--port', '0', '--workspace', workspace], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const match = /http:\/\/(?:127\.0\.0\.1|localhost):\d+/.exec(out);
      if (match) resolve({ url: match[0], stop: () => child.kill('SIGTERM') });
    });
    child.once('exit', (code) => reject(new Error(`symbiose studio exited (${code}): ${out}`)));
  });
}

/** A seeded ecosystem of `actors` actors and `transactions` transactions, one scenario each. */
function generated(actors, transactions) {
  let seed = 42;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const kinds = ['organisation', 'segment', 'platform', 'individual', 'public-body', 'machine'];
  const doc = { symbiose: 3, name: `Generated ${actors} actors`, currency: 'EUR', period: 'month', horizon: 36, parameters: {}, actors: {}, valueObjects: {}, transactions: {}, scenarios: {} };
  for (let p = 0; p < 10; p++) doc.parameters[`price_${p}`] = { value: 5 + p, assumption: 'generated', range: [1, 50] };
  for (let a = 0; a < actors; a++) {
    const kind = kinds[a % kinds.length];
    doc.actors[`a${a}`] = { name: `Actor ${a}`, kind, ...(kind === 'segment' ? { size: 100 + a } : {}), costs: [{ name: 'running', fixed: 20 + (a % 7) }] };
  }
  for (let t = 0; t < transactions; t++) {
    const from = Math.floor(random() * actors);
    let to = Math.floor(random() * actors);
    if (to === from) to = (to + 1) % actors;
    doc.valueObjects[`pay${t}`] = { nature: 'money' };
    doc.valueObjects[`obj${t}`] = { nature: ['service', 'data', 'product'][t % 3] };
    doc.transactions[`t${t}`] = { transfers: [{ from: `a${from}`, to: `a${to}`, object: `pay${t}`, amount: `price_${t % 10}` }, { from: `a${to}`, to: `a${from}`, object: `obj${t}` }] };
    doc.scenarios[`s${t}`] = { start: { actor: `a${from}`, count: 1 }, steps: [`t${t}`] };
  }
  return doc;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const fmt = (x) => (Number.isFinite(x) ? x.toFixed(1) : '—');

/** In the page: the main-thread time of one input event on `selector` with each of `values`. */
const TIME_INPUTS = `async ({ selector, values }) => {
  const element = document.querySelector(selector);
  if (!element) return null;
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
  const work = [], frame = [];
  for (const value of values) {
    const start = performance.now();
    setter.call(element, String(value));
    element.dispatchEvent(new Event('input', { bubbles: true }));
    await Promise.resolve(); await Promise.resolve();
    work.push(performance.now() - start);
    await new Promise((r) => requestAnimationFrame(() => r()));
    frame.push(performance.now() - start);
  }
  return { work, frame };
}`;

async function measure(page, url, id) {
  await page.goto('about:blank');
  await page.goto(`${url}/#/model/${encodeURIComponent(id)}`);
  await page.waitForSelector('.react-flow__node', { timeout: 60_000 });
  const firstRender = await page.evaluate(() => performance.now());
  await page.waitForFunction(() => performance.getEntriesByName('studio:layout').length > 0 || document.querySelectorAll('.react-flow__node').length > 0, null, { timeout: 60_000 });
  const layout = await page.evaluate(() => performance.getEntriesByName('studio:layout').at(-1)?.duration ?? NaN);
  const { document } = await (await fetch(`${url}/api/models/${encodeURIComponent(id)}`)).json();
  const size = `${Object.keys(document.actors).length} / ${Object.keys(document.transactions).length}`;
  // Edit → figures: an actor's name typed, letter by letter, into the side panel (the draft is
  // checked and quantified at each keystroke, the graph and the analyses drawn again).
  await page.waitForSelector('[data-testid="graph"][data-ready="true"]', { timeout: 60_000 });
  await page.waitForTimeout(300);
  await page.locator('.react-flow__node').first().dispatchEvent('click');
  await page.waitForSelector('[data-testid="actor-name"]', { timeout: 10_000 });
  const edit = await page.evaluate(`(${TIME_INPUTS})(${JSON.stringify({ selector: '[data-testid="actor-name"]', values: Array.from({ length: STEPS }, (_, i) => `name ${i}`) })})`);
  await page.keyboard.press('Escape');
  // Slider → chart on the profitability tab.
  await page.locator('[role="tab"][data-tab="profit"]').click();
  const slider = page.locator('input[type="range"]').first();
  let sliding = null;
  if ((await slider.count()) > 0) {
    const [min, max] = await slider.evaluate((s) => [Number(s.min), Number(s.max)]);
    const values = Array.from({ length: STEPS }, (_, i) => min + ((max - min) * ((i * 7) % STEPS)) / STEPS);
    sliding = await page.evaluate(`(${TIME_INPUTS})(${JSON.stringify({ selector: 'input[type="range"]', values })})`);
  }
  return { id, size, firstRender, layout, edit, sliding };
}

const running = option('url', undefined);
const studio = running ? { url: running.replace(/\/$/, ''), stop: () => undefined } : await startStudio();
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
const version = browser.version();
const rows = [];
try {
  const ids = [...MODELS];
  if (LARGE) {
    const response = await fetch(`${studio.url}/api/models`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ id: 'generated-300', document: generated(300, 1000) }) });
    if (!response.ok) throw new Error(`creating the 300-actor model: ${response.status} ${await response.text()}`);
    ids.push('generated-300');
  }
  for (const id of ids) {
    try {
      rows.push(await measure(page, studio.url, id));
      console.error(`${id}: done`);
    } catch (error) {
      console.error(`${id}: not measured (${error.message.split('\n')[0]})`);
    }
  }
} finally {
  await browser.close();
  studio.stop();
}

console.log(`Studio in headless chromium ${version}, 1280×800, ${STEPS} steps each; ms (main-thread work; "frame" = to the next frame)`);
console.log('| model | actors / transactions | first render | layout | edit → figures (median / worst) | slider → chart (median / worst) | slider to next frame (median) |');
console.log('|---|---|---|---|---|---|---|');
for (const r of rows) {
  const e = r.edit ? `${fmt(median(r.edit.work))} / ${fmt(Math.max(...r.edit.work))}` : '—';
  const s = r.sliding ? `${fmt(median(r.sliding.work))} / ${fmt(Math.max(...r.sliding.work))}` : 'no ranged parameter';
  const f = r.sliding ? fmt(median(r.sliding.frame)) : '—';
  console.log(`| ${r.id} | ${r.size} | ${fmt(r.firstRender)} | ${fmt(r.layout)} | ${e} | ${s} | ${f} |`);
}
