/**
 * The studio's speed in headless chromium (a benchmark, not a test: nothing asserts a timing).
 * Starts `symbiose studio` on a free port with a workspace of its own, opens each library model
 * and a generated ecosystem of 300 actors and 1,000 transactions, and reports per model:
 *   - first render: from navigation to the graph's nodes on the page, and to its first figures
 *     (the app's performance marks `studio:nodes` and `studio:figures`);
 *   - layout: ELK's layered layout in its web worker (performance measure `studio:layout`, from
 *     the request to the positions on the page; of it, ELK's own time `studio:layout-elk`), for
 *     models whose actors have no saved position, when the model opens (the worker, started with
 *     the page, may still be loading elkjs) and again with `L` at the end (the worker warm);
 *     "grid" when the layout missed its deadline and the graph stands on a grid, "grid at once" when
 *     the model has too many actors to place for ELK to be asked on opening;
 *   - edit → figures: a name typed into the side panel, each keystroke's draft checked, prepared
 *     and evaluated (in the analysis worker, or in the page with --in-page) and shown: the CPU
 *     time of the page's main thread for the step (Chrome's ThreadTime), and the latency to the
 *     frame after the figures;
 *   - slider → chart: one step of a what-if slider (evaluate with recycle, profitability, the
 *     chart's redraw), measured the same way.
 * Targets (issue 15): an edit or slider step within one 60 Hz frame (16.7 ms) of main-thread
 * work on the library models, under 100 ms at 300 actors; first render under 1 s.
 *
 *   npm run build && node bench/studio.mjs                 # every library model and the 300-actor one
 *   node bench/studio.mjs --models appstore,coursera --steps 20 --no-large
 *   node bench/studio.mjs --models none --actors 1000,5000 # only generated models, 1,000 and 5,000 actors
 *   node bench/studio.mjs --in-page                        # drafts analysed in the page, not the worker
 *   node bench/studio.mjs --url http://127.0.0.1:4321      # a studio already running
 *   node bench/studio.mjs --models appstore --profile /tmp/edit   # also the edit steps' CPU profile
 *
 * --profile PREFIX records chromium's CPU profile of the page over each model's edit steps and its
 * slider steps, writes them to PREFIX-<model>.cpuprofile and PREFIX-<model>-slider.cpuprofile (open it in Chrome's DevTools) and prints the functions with the
 * most self time. Built with `npx vite build --config studio/vite.config.ts --minify false` the
 * names are the source's. The profiler's own cost inflates the figures of a profiled run.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
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
const MODELS = option('models', readdirSync(join(ROOT, 'library')).filter((f) => f.endsWith('.yaml')).map((f) => f.slice(0, -5)).join(',')).split(',').filter((m) => m !== 'none');
/** The generated models' sizes: actors, and 10 transactions for every 3 actors (300 / 1,000). */
const ACTORS = option('actors', '300').split(',').map(Number);
const LARGE = !args.includes('--no-large');
/** Drafts analysed in the page rather than by the analysis worker (logic/analyst.ts). */
const QUERY = args.includes('--in-page') ? '?analyse-in-page' : '';
const PROFILE = option('profile', undefined);
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
  const doc = { symbiose: 4, name: `Generated ${actors} actors`, currency: 'EUR', period: 'month', horizon: 36, parameters: {}, actors: {}, valueObjects: {}, transactions: {}, scenarios: {} };
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

/**
 * In the page: one step, the input event on `selector` with `value`, then the wait until `done`
 * (read after each change of the page) says its figures are on the page, and one frame more.
 * Returns the latency, from the event to that frame.
 */
const STEP = `async ({ selector, value, done }) => {
  const element = document.querySelector(selector);
  if (!element) return null;
  const isDone = new Function('before', done);
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
  const before = isDone(undefined);
  const start = performance.now();
  setter.call(element, String(value));
  element.dispatchEvent(new Event('input', { bubbles: true }));
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no figures in 30 s')), 30000);
    const observer = new MutationObserver(() => isDone(before) === true && finish());
    const finish = () => (observer.disconnect(), clearTimeout(timer), resolve());
    observer.observe(document.body, { attributes: true, subtree: true, childList: true });
    if (isDone(before) === true) finish();
  });
  await new Promise((r) => requestAnimationFrame(() => r()));
  return performance.now() - start;
}`;

/**
 * Each of `values` as one step: its latency, and the CPU time the page's main thread spent on it
 * (Chrome's ThreadTime metric, read before and after), which a loaded machine does not inflate
 * the way it does wall-clock times.
 */
async function steps(page, cdp, selector, values, done) {
  const latency = [], cpu = [];
  const threadTime = async () => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'ThreadTime').value * 1000;
  for (const value of values) {
    const before = await threadTime();
    const took = await page.evaluate(`(${STEP})(${JSON.stringify({ selector, value, done })})`);
    if (took === null) return null;
    cpu.push((await threadTime()) - before);
    latency.push(took);
  }
  return { latency, cpu };
}

/** Figures of the draft typed: the workbench's last analysis is of the last draft asked, a new one. */
const EDIT_DONE = `const w = document.querySelector('[data-testid="workbench"]');
  const asked = Number(w.dataset.asked), analysed = Number(w.dataset.analysed);
  return before === undefined ? asked : asked > before && analysed === asked;`;
/** Figures of the slider's value: the profitability view drew another what-if evaluation. */
const SLIDE_DONE = `const moved = Number(document.querySelector('[data-testid="profit"]').dataset.moved);
  return before === undefined ? moved : moved > before;`;

/**
 * What measuring a step costs the main thread by itself: the same steps on a bare input whose
 * figures are "on the page" at once (the input event, the observer, one frame, the metric reads).
 */
async function measurementCost(page, cdp) {
  await page.goto('about:blank');
  await page.setContent('<input id="bare">');
  const bare = await steps(page, cdp, '#bare', Array.from({ length: STEPS }, (_, i) => `name ${i}`), 'return before === undefined ? 0 : true;');
  return median(bare.cpu);
}

const mark = (page, name) => page.evaluate((n) => performance.getEntriesByName(n).at(-1)?.startTime ?? NaN, name);

/** The profile written out, and the functions with the most self time printed (stderr). */
function report(id, profile) {
  writeFileSync(`${PROFILE}-${id}.cpuprofile`, JSON.stringify(profile));
  const byNode = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  profile.samples.forEach((sample, i) => {
    const { callFrame } = byNode.get(sample);
    const where = `${callFrame.functionName || '(anonymous)'} ${callFrame.url.split('/').pop()}:${callFrame.lineNumber + 1}`;
    self.set(where, (self.get(where) ?? 0) + (profile.timeDeltas[i + 1] ?? 0) / 1000);
  });
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  console.error(`${id}: profile of the ${id.endsWith('-slider') ? 'slider' : 'edit'} steps, ${fmt(total)} ms sampled; most self time (ms):`);
  for (const [where, ms] of [...self].filter(([w]) => !w.startsWith('(idle)')).sort((a, b) => b[1] - a[1]).slice(0, 30)) console.error(`  ${fmt(ms).padStart(8)}  ${where}`);
}

async function measure(page, cdp, url, id) {
  await page.goto('about:blank');
  await page.goto(`${url}/${QUERY}#/model/${encodeURIComponent(id)}`);
  // First render: the graph's nodes on the page (the app's mark), then its first figures.
  await page.waitForFunction(() => performance.getEntriesByName('studio:nodes').length > 0, null, { timeout: 60_000 });
  await page.waitForFunction(() => performance.getEntriesByName('studio:figures').length > 0, null, { timeout: 60_000 });
  const firstRender = await mark(page, 'studio:nodes');
  const firstFigures = await mark(page, 'studio:figures');
  // Layout: only for a model with actors that have no saved position.
  await page.waitForSelector('[data-testid="graph"][data-ready="true"]', { timeout: 60_000 });
  const layout = await page.evaluate(() => ({ total: performance.getEntriesByName('studio:layout').at(-1)?.duration ?? NaN, elk: performance.getEntriesByName('studio:layout-elk').at(-1)?.duration ?? NaN, late: document.querySelector('[data-testid="layout-late"]') !== null, large: document.querySelector('[data-testid="layout-late"]')?.getAttribute('data-why') === 'large' }));
  const { document } = await (await fetch(`${url}/api/models/${encodeURIComponent(id)}`)).json();
  const size = `${Object.keys(document.actors).length} / ${Object.keys(document.transactions).length}`;
  // Edit → figures: an actor's name typed, letter by letter, into the side panel (each keystroke's
  // draft checked, prepared and evaluated by the analysis worker, the graph and analyses redrawn).
  await page.waitForTimeout(300);
  await page.locator('.react-flow__node').first().dispatchEvent('click');
  await page.waitForSelector('[data-testid="actor-name"]', { timeout: 10_000 });
  if (PROFILE) await cdp.send('Profiler.enable').then(() => cdp.send('Profiler.setSamplingInterval', { interval: 100 })).then(() => cdp.send('Profiler.start'));
  const edit = await steps(page, cdp, '[data-testid="actor-name"]', Array.from({ length: STEPS }, (_, i) => `name ${i}`), EDIT_DONE);
  if (PROFILE) report(id, (await cdp.send('Profiler.stop')).profile);
  await page.keyboard.press('Escape');
  // Slider → chart on the profitability tab.
  await page.locator('[role="tab"][data-tab="profit"]').click();
  await page.waitForSelector('[data-testid="profit"]', { timeout: 30_000 });
  const slider = page.locator('input[type="range"]').first();
  let sliding = null;
  if ((await slider.count()) > 0) {
    const [min, max] = await slider.evaluate((s) => [Number(s.min), Number(s.max)]);
    const values = Array.from({ length: STEPS }, (_, i) => min + ((max - min) * ((i * 7) % STEPS + 0.5)) / STEPS);
    if (PROFILE) await cdp.send('Profiler.start');
    sliding = await steps(page, cdp, 'input[type="range"]', values, SLIDE_DONE);
    if (PROFILE) report(`${id}-slider`, (await cdp.send('Profiler.stop')).profile);
  }
  // The layout again (L), by the warm worker: only for a model that was laid out on opening.
  let again = null;
  if (Number.isFinite(layout.total) || layout.large) {
    const before = await page.evaluate(() => performance.getEntriesByName('studio:layout').length);
    await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('l');
    await page.waitForFunction((n) => performance.getEntriesByName('studio:layout').length > n, before, { timeout: 60_000 });
    again = await page.evaluate(() => ({ total: performance.getEntriesByName('studio:layout').at(-1).duration, elk: performance.getEntriesByName('studio:layout-elk').at(-1)?.duration ?? NaN, late: document.querySelector('[data-testid="layout-late"]') !== null }));
  }
  return { id, size, firstRender, firstFigures, layout, again, edit, sliding };
}

const running = option('url', undefined);
const studio = running ? { url: running.replace(/\/$/, ''), stop: () => undefined } : await startStudio();
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
const cdp = await page.context().newCDPSession(page);
await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
const version = browser.version();
const rows = [];
let measurement = NaN;
try {
  measurement = await measurementCost(page, cdp);
  const ids = [...MODELS];
  for (const actors of LARGE ? ACTORS : []) {
    const large = `generated-${actors}`;
    const response = await fetch(`${studio.url}/api/models`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ id: large, document: generated(actors, Math.round((actors * 10) / 3)) }) });
    if (!response.ok) throw new Error(`creating the ${actors}-actor model: ${response.status} ${await response.text()}`);
    ids.push(large);
  }
  for (const id of ids) {
    try {
      rows.push(await measure(page, cdp, studio.url, id));
      console.error(`${id}: done`);
    } catch (error) {
      console.error(`${id}: not measured (${error.message.split('\n')[0]})`);
    }
  }
} finally {
  await browser.close();
  studio.stop();
}

console.log(`Studio in headless chromium ${version}, 1280×800, ${STEPS} steps each, drafts analysed ${QUERY ? 'in the page' : 'in the worker'}; ms, median / worst of the steps`);
console.log(`The measurement itself costs the main thread ${fmt(measurement)} ms a step (the same steps on a bare input), included in the figures below.`);
console.log('first render: nodes on the page / first figures, from navigation start. latency: from the input event to the frame after its figures (wall clock). main thread: the CPU time the page\'s main thread spent on the step (a 60 Hz frame is 16.7 ms).');
console.log('layout: from the request to the positions on the page (of it, in ELK), on opening / again with L; "grid": past the deadline, the graph on a grid; "grid at once": too many actors to place for ELK to be asked on opening; "saved": every actor has a saved position.');
console.log('| model | actors / transactions | first render (nodes / figures) | layout: opening / L | edit → figures: main thread | edit latency | slider → chart: main thread | slider latency |');
console.log('|---|---|---|---|---|---|---|---|');
const laid = (l) => (l.late ? `grid (${fmt(l.total)})` : `${fmt(l.total)} (${fmt(l.elk)})`);
const layouts = (r) => (r.layout.large ? `grid at once / ${r.again ? laid(r.again) : '—'}` : Number.isFinite(r.layout.total) ? `${laid(r.layout)} / ${r.again ? laid(r.again) : '—'}` : 'saved');
const pair = (xs) => (xs ? `${fmt(median(xs))} / ${fmt(Math.max(...xs))}` : '—');
for (const r of rows) {
  const none = 'no ranged parameter';
  console.log(`| ${r.id} | ${r.size} | ${fmt(r.firstRender)} / ${fmt(r.firstFigures)} | ${layouts(r)} | ${pair(r.edit?.cpu)} | ${pair(r.edit?.latency)} | ${r.sliding ? pair(r.sliding.cpu) : none} | ${r.sliding ? pair(r.sliding.latency) : none} |`);
}
