// Enforces the architecture (docs/architecture.md): dependencies point inward, and the pure layers
// touch no host API. Fails with the offending file and import.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** Which of our layers each layer may import. */
const ALLOWED = {
  core: ['core'],
  analyses: ['core', 'analyses'],
  engine: ['core', 'engine'],
  templates: ['core', 'templates'],
  i18n: ['core', 'engine', 'analyses', 'i18n'],
  runtime: ['core', 'engine', 'analyses', 'i18n', 'runtime'],
  cli: ['core', 'analyses', 'engine', 'templates', 'i18n', 'runtime', 'cli'],
};
/** Layers that must stay pure: no Node built-ins, no clock, no randomness, no console. */
const PURE = new Set(['core', 'analyses', 'engine', 'templates', 'i18n']);
const IMPURE_CALLS = /\b(?:Date\.now|Math\.random|console\.\w+|process\.\w+)\b/;

const files = [];
const walk = (dir) => {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path);
    else if (path.endsWith('.ts') && !path.endsWith('.test.ts')) files.push(path);
  }
};
walk('src');

const problems = [];
for (const file of files) {
  const layer = relative('src', file).split(sep)[0];
  const allowed = ALLOWED[layer];
  if (!allowed) {
    problems.push(`${file}: layer "${layer}" is not declared in scripts/check-deps.mjs`);
    continue;
  }
  const text = readFileSync(file, 'utf8');
  for (const match of text.matchAll(/^\s*(?:import|export)[^'"]*from\s+['"]([^'"]+)['"]/gm)) {
    const target = match[1];
    if (target.startsWith('.')) {
      const resolved = relative('src', join(file, '..', target)).split(sep)[0];
      if (!allowed.includes(resolved)) problems.push(`${file}: ${layer} must not import ${layer === resolved ? '' : resolved} ("${target}")`);
    } else if (PURE.has(layer) && target.startsWith('node:')) {
      problems.push(`${file}: ${layer} is pure and must not import "${target}"`);
    }
  }
  if (PURE.has(layer)) {
    const code = text.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
    const call = IMPURE_CALLS.exec(code);
    if (call) problems.push(`${file}: ${layer} is pure and must not call ${call[0]}`);
  }
}
if (problems.length > 0) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log(`dependency rules hold for ${files.length} files`);
