/**
 * A fuzz case, rebuilt from (seed, case number): which target it tries, its input, and for the
 * command-line target the command run on it.
 */
import { caseSeed, generator } from './random.mjs';
import { generateText, mutateDocument, mutateText, NAMES } from './mutate.mjs';

/** How often each target is tried: the worker targets are fast, a command line costs a process. */
export const WEIGHTS = { loader: 4, xmile: 3, equation: 2, expression: 2, cli: 1 };
export const TARGETS = Object.keys(WEIGHTS);

const MODEL_COMMANDS = [
  (f) => ['validate', f],
  (f) => ['summary', '-m', f],
  (f) => ['profit', '-m', f, '--format', 'json'],
  (f) => ['payers', '-m', f, '--format', 'csv'],
  (f) => ['compare', '-m', f],
  (f) => ['canvas', 'platform', '-m', f],
  (f) => ['migrate', f, '-o', 'migrated.yaml'],
  (f) => ['export', f, '--xmile'],
];
const XMILE_COMMANDS = [
  (f) => ['simulate', f],
  (f) => ['simulate', f, '--format', 'csv', '-o', 'out.csv'],
  (f) => ['import', f],
  (f) => ['export', f, '--xmile'],
];

export function buildCase(corpus, seed, index, targets) {
  const rng = generator(caseSeed(seed, index));
  const target = weightedPick(rng, targets);
  const made = inputFor(corpus, rng, target);
  return { index, target, ...made };
}

function weightedPick(rng, targets) {
  const total = targets.reduce((sum, t) => sum + WEIGHTS[t], 0);
  let at = rng.next() * total;
  for (const t of targets) {
    at -= WEIGHTS[t];
    if (at < 0) return t;
  }
  return targets.at(-1);
}

function inputFor(corpus, rng, target) {
  if (target === 'loader') return modelInput(corpus, rng);
  if (target === 'xmile') return xmileInput(corpus, rng);
  if (target === 'equation' || target === 'expression') {
    const pool = target === 'equation' ? corpus.equations : corpus.expressions;
    const words = ['t', 'TIME', ...NAMES.slice(0, 6)];
    if (rng.chance(0.4) || pool.length === 0) return { input: { text: generateText(rng, words) }, source: 'generated', applied: [] };
    const source = rng.pick(pool);
    const { text, applied } = mutateText(source, rng, target, pool);
    return { input: { text }, source, applied };
  }
  // The command line: a model or an XMILE file, and a command that reads it.
  const made = rng.chance(0.6) ? modelInput(corpus, rng) : xmileInput(corpus, rng);
  const commands = made.input.file.endsWith('.xmile') ? XMILE_COMMANDS : MODEL_COMMANDS;
  return { ...made, command: rng.pick(commands)(made.input.file), lang: rng.pick(['en', 'fr']) };
}

function modelInput(corpus, rng) {
  const source = rng.pick(corpus.yaml);
  const way = rng.below(3);
  if (way === 0) {
    const { text, applied } = mutateText(source.text, rng, 'yaml', corpus.yaml.map((y) => y.text));
    return { input: { text, file: 'fuzz.yaml' }, source: source.name, applied };
  }
  if (way === 1) {
    const json = corpus.json.find((j) => j.name === source.name.replace(/\.yaml$/, '.json'));
    const { text, applied } = mutateText(json.text, rng, 'yaml', corpus.json.map((j) => j.text));
    return { input: { text, file: 'fuzz.json' }, source: json.name, applied };
  }
  const { text, json, applied } = mutateDocument(source.text, rng);
  return { input: { text, file: json ? 'fuzz.json' : 'fuzz.yaml' }, source: source.name, applied };
}

function xmileInput(corpus, rng) {
  const source = rng.pick(corpus.xmile);
  const { text, applied } = mutateText(source.text, rng, 'xmile', corpus.xmile.map((x) => x.text));
  return { input: { text, file: 'fuzz.xmile' }, source: source.name, applied };
}
