/**
 * Re-evaluation speed: every library model quantified again with one parameter changed, two ways
 * in one run:
 *   - the text path: the model's text with the new value written in, read by loadEcosystem
 *     (parse, check, compile expressions, compile and run the dynamics, quantify);
 *   - evaluate: prepare(document) once, then evaluate(prepared, { parameter: value }), each
 *     draw's figures in arrays of its own;
 *   - recycled: the same, each draw handing the last one's ecosystem back to be overwritten
 *     (evaluate's `recycle` option: what a Monte Carlo loop or a slider does).
 * The parameter is the first one with a declared range that the dynamics read (any ranged one for
 * a model without dynamics); draws alternate across its range so no result can be reused.
 *
 *   npm run build && npm run bench:evaluate          # a few minutes
 *   node bench/evaluate.mjs --models amazon-cash-burn,purple-button --seconds 0.5
 *
 * Not a test: it prints CPU ms per draw and the ratio; nothing asserts a timing.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDocument } from 'yaml';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '..');
const DIST = join(ROOT, 'dist');

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const SECONDS = Number(option('seconds', '1'));
const only = option('models', undefined)?.split(',');

if (statSync(join(ROOT, 'src/core/prepare/index.ts')).mtimeMs > statSync(join(DIST, 'core/prepare/index.js'), { throwIfNoEntry: false })?.mtimeMs) {
  console.warn('warning: src/core is newer than dist/: run npm run build first');
}
const core = await import(join(DIST, 'core/index.js'));
const engine = await import(join(DIST, 'engine/index.js'));

/** The parameter to change: ranged, and read by the dynamics when the model has some. */
function chooseParameter(doc) {
  const ranged = Object.entries(doc.parameters ?? {}).filter(([, p]) => typeof p === 'object' && Array.isArray(p.range) && typeof p.value === 'number');
  const words = new Set(JSON.stringify(doc.dynamics ?? {}).match(/[A-Za-z_][A-Za-z0-9_]*/g) ?? []);
  const read = ranged.find(([name]) => words.has(name));
  const [name, spec] = read ?? ranged[0] ?? [];
  return name === undefined ? undefined : { name, low: spec.range[0], high: spec.range[1] };
}

/** Ten values across the range: draw i uses values[i % 10]. */
const valuesOf = ({ low, high }) => Array.from({ length: 10 }, (_, k) => low + ((high - low) * (k + 0.5)) / 10);

/**
 * Mean CPU ms per call of `draw(i)` over about `seconds` of CPU, after a warm-up of half that.
 * CPU time (user + system, process.cpuUsage) rather than wall time, so that other processes on
 * a shared machine do not count against either path.
 */
function time(draw, seconds) {
  const cpu = () => {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1000;
  };
  const run = (budget) => {
    const start = cpu();
    let n = 0;
    while (cpu() - start < budget * 1000) for (let k = 0; k < 5; k++) draw(n++);
    return { n, ms: cpu() - start };
  };
  run(seconds / 2);
  const { n, ms } = run(seconds);
  return ms / n;
}

const rows = [];
const files = readdirSync(join(ROOT, 'library')).filter((f) => f.endsWith('.yaml')).sort();
for (const file of files) {
  const id = file.replace(/\.yaml$/, '');
  if (only && !only.includes(id)) continue;
  const text = readFileSync(join(ROOT, 'library', file), 'utf8');
  const loaded = engine.loadEcosystem(text, file);
  if (!loaded.ecosystem) {
    console.warn(`${id}: does not load, skipped`);
    continue;
  }
  const parameter = chooseParameter(loaded.ecosystem.doc);
  if (!parameter) {
    console.warn(`${id}: no parameter with a range, skipped`);
    continue;
  }
  const values = valuesOf(parameter);
  // The text path: the same file with the value written in (made before timing).
  const texts = values.map((value) => {
    const yaml = parseDocument(text);
    yaml.setIn(['parameters', parameter.name, 'value'], value);
    return yaml.toString();
  });
  const textMs = time((i) => {
    if (!engine.loadEcosystem(texts[i % 10], file).ecosystem) throw new Error(`${id}: the text path failed`);
  }, SECONDS);
  const prepared = core.prepare(loaded.ecosystem.doc, { dynamics: engine.prepareDynamics });
  const evaluateMs = time((i) => {
    if (!core.evaluate(prepared, { [parameter.name]: values[i % 10] }).ecosystem) throw new Error(`${id}: evaluate failed`);
  }, SECONDS);
  let last;
  const recycledMs = time((i) => {
    last = core.evaluate(prepared, { [parameter.name]: values[i % 10] }, { recycle: last }).ecosystem;
    if (!last) throw new Error(`${id}: evaluate failed`);
  }, SECONDS);
  // Both ways give the same ledger: a last check that the figures timed are the same figures.
  const a = engine.loadEcosystem(texts[3], file).ecosystem.ledger;
  const b = core.evaluate(prepared, { [parameter.name]: values[3] }, { recycle: last }).ecosystem.ledger;
  const sameColumn = (x, y) => x.length === y.length && x.every((v, i) => Object.is(v, y[i]));
  const same = ['occurrences', 'perOccurrence', 'money', 'value'].every((column) => sameColumn(a.flows[column], b.flows[column])) && sameColumn(a.costs.amount, b.costs.amount);
  rows.push({ id, parameter: parameter.name, dynamics: loaded.ecosystem.doc.dynamics ? 'yes' : 'no', textMs, evaluateMs, recycledMs, same });
}

const pad = (s, n) => String(s).padEnd(n);
const num = (x, digits) => x.toFixed(digits).padStart(9);
console.log(`${pad('model', 32)}${pad('parameter', 26)}${pad('dynamics', 10)}${'text ms'.padStart(9)}${'eval ms'.padStart(9)}${'ratio'.padStart(9)}${'recycled'.padStart(10)}${'ratio'.padStart(9)}  same figures`);
for (const r of rows) {
  console.log(
    `${pad(r.id, 32)}${pad(r.parameter, 26)}${pad(r.dynamics, 10)}${num(r.textMs, 2)}${num(r.evaluateMs, 3)}${num(r.textMs / r.evaluateMs, 0)} ${num(r.recycledMs, 3)}${num(r.textMs / r.recycledMs, 0)}  ${r.same ? 'yes' : 'NO'}`,
  );
}
const summary = (key) => {
  const ratios = rows.map((r) => r.textMs / r[key]).sort((x, y) => x - y);
  return `min ${ratios[0]?.toFixed(0)}×, median ${ratios[Math.floor(ratios.length / 2)]?.toFixed(0)}×`;
};
console.log(`\n${rows.length} models; ratio ${summary('evaluateMs')}; recycled ${summary('recycledMs')}; Node ${process.version}`);
