/**
 * What the fuzzer starts from: the library models (as YAML, and as JSON), the XMILE files of the
 * system-dynamics test suite (test/fixtures/sd-test-models), the equations of those files and
 * the expressions of the library models.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

/** XMILE files above this size are left out: mutating them costs time and finds nothing more. */
const MAX_XMILE_BYTES = 200_000;

export function loadCorpus(root, parseExpression) {
  const libraryDir = join(root, 'library');
  const yaml = readdirSync(libraryDir)
    .filter((name) => name.endsWith('.yaml'))
    .sort()
    .map((name) => ({ name, text: readFileSync(join(libraryDir, name), 'utf8') }));
  const json = yaml.map(({ name, text }) => ({ name: name.replace(/\.yaml$/, '.json'), text: JSON.stringify(parse(text), null, 2) }));
  const xmile = xmileFiles(join(root, 'test/fixtures/sd-test-models')).map((file) => ({ name: file.slice(root.length + 1), text: readFileSync(file, 'utf8') }));
  const equations = [...new Set(xmile.flatMap(({ text }) => [...text.matchAll(/<eqn>([\s\S]*?)<\/eqn>/g)].map((m) => decodeXml(m[1]).trim())))].filter(Boolean).sort();
  const expressions = [...new Set(yaml.flatMap(({ text }) => stringsIn(parse(text))))].filter((s) => isExpression(s, parseExpression)).sort();
  return { yaml, json, xmile, equations, expressions };
}

function xmileFiles(dir) {
  const found = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    const stats = statSync(path);
    if (stats.isDirectory()) found.push(...xmileFiles(path));
    else if (/\.(xmile|stmx|itmx)$/i.test(name) && stats.size <= MAX_XMILE_BYTES) found.push(path);
  }
  return found;
}

function decodeXml(text) {
  return text.replace(/&(lt|gt|amp|quot|apos);/g, (_, e) => ({ lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" })[e]);
}

function stringsIn(value) {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (value && typeof value === 'object') return Object.values(value).flatMap(stringsIn);
  return [];
}

/** A string of a model that is an expression with some structure (an operator or a call). */
function isExpression(text, parseExpression) {
  if (!/[-+*/^(<>]/.test(text) || text.length > 300) return false;
  try {
    parseExpression(text);
    return true;
  } catch {
    return false;
  }
}
