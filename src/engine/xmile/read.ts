/**
 * XMILE text → Model (XMILE 1.0, OASIS 2015). Namespace prefixes are dropped rather than checked,
 * because Stella files often use `isee:` without declaring it. Reading never evaluates anything:
 * equations stay text until compile/ parses them.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { LIMITS } from '../../core/index.js';
import { engineIssue, type EngineIssue } from '../issues.js';
import { canonicalName } from '../names.js';
import { countInstances } from './instances.js';
import type { Dimension, ElementEquation, GraphicalFunction, Macro, Method, Model, SimSpecs, Variable, VariableKind } from '../model.js';

type XmlNode = Record<string, unknown>;

/** Tags that may repeat, always read as lists so one and many look alike. */
const LISTS = new Set(['model', 'stock', 'flow', 'aux', 'gf', 'dim', 'elem', 'element', 'inflow', 'outflow', 'macro', 'parm', 'module']);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  attributesGroupName: '$',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  isArray: (name) => LISTS.has(name),
});

export interface ReadResult {
  model: Model | undefined;
  issues: EngineIssue[];
}

/** The attributes of an element, in a map with no prototype: `a.name` is an attribute or nothing. */
function attrs(node: unknown): Record<string, string | undefined> {
  const own = child(node, '$');
  return Object.assign(Object.create(null) as Record<string, string | undefined>, typeof own === 'object' ? own : undefined);
}

function text(node: unknown): string | undefined {
  if (node === undefined || node === null) return undefined;
  if (typeof node === 'string') return node;
  if (typeof node === 'number' || typeof node === 'boolean') return String(node);
  if (Array.isArray(node)) return text(node[0]);
  const t = (node as XmlNode)['#text'];
  return t === undefined ? '' : String(t);
}

function list(node: unknown): unknown[] {
  if (node === undefined || node === null || node === '') return [];
  return Array.isArray(node) ? node : [node];
}

/** A child element by tag: own keys only, so no tag can reach what every object inherits. */
function child(node: unknown, key: string): unknown {
  return typeof node === 'object' && node !== null && Object.hasOwn(node, key) ? (node as XmlNode)[key] : undefined;
}

/** A name inside `<inflow>` and the like: quotes and escapes removed. */
function unquote(name: string): string {
  const t = name.trim();
  if (t.length >= 2 && t.startsWith('"') && t.endsWith('"')) return t.slice(1, -1).replace(/\\(["\\])/g, '$1');
  return t;
}

/** Where the numbers of a graphical function are found, to say which is not one. */
interface GfContext {
  variable: string;
  file: string;
  issues: EngineIssue[];
}

/** `1, 2.5, 3` (or with another separator) as numbers; any item that is not one is an issue. */
function numberList(raw: string | undefined, sep: string | undefined, tag: 'xpts' | 'ypts', where: GfContext): number[] {
  if (raw === undefined || raw.trim() === '') return [];
  const items = raw.split(sep && sep.length > 0 ? sep : ',');
  const values = items.map(numberOf);
  if (values.some((x) => x === undefined)) {
    where.issues.push(engineIssue('graphical-function', { reason: 'not-a-number', tag, text: raw.trim() }, { file: where.file, variable: where.variable }));
    return [];
  }
  return values as number[];
}

const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** A finite number as XMILE writes one, or undefined (Number('') would be 0, Number('1e999') ∞). */
function numberOf(text: string): number | undefined {
  const t = text.trim();
  const value = DECIMAL.test(t) ? Number(t) : NaN;
  return Number.isFinite(value) ? value : undefined;
}

function graphicalFunction(node: unknown, where: GfContext): GraphicalFunction | undefined {
  if (node === undefined) return undefined;
  const a = attrs(node);
  const type = (a.type ?? 'continuous').toLowerCase();
  const gf: GraphicalFunction = {
    type: type === 'extrapolate' || type === 'discrete' ? type : 'continuous',
    ys: numberList(text(child(node, 'ypts')), attrs(child(node, 'ypts')).sep, 'ypts', where),
  };
  const xpts = child(node, 'xpts');
  if (xpts !== undefined) gf.xs = numberList(text(xpts), attrs(xpts).sep, 'xpts', where);
  const scale = (tag: 'xscale' | 'yscale') => {
    const n = child(node, tag);
    if (n === undefined) return undefined;
    const { min, max } = attrs(n);
    const bounds = { min: numberOf(min ?? ''), max: numberOf(max ?? '') };
    if (bounds.min === undefined || bounds.max === undefined) {
      where.issues.push(engineIssue('graphical-function', { reason: 'not-a-number', tag, text: `min="${min ?? ''}" max="${max ?? ''}"` }, { file: where.file, variable: where.variable }));
      return undefined;
    }
    return { min: bounds.min, max: bounds.max };
  };
  const xscale = scale('xscale');
  const yscale = scale('yscale');
  if (xscale) gf.xscale = xscale;
  if (yscale) gf.yscale = yscale;
  return gf;
}

/** `<non_negative/>` or `<non_negative>true</non_negative>`; `false` turns it off. */
function flag(node: unknown): boolean | undefined {
  if (node === undefined) return undefined;
  const t = (text(node) ?? '').trim().toLowerCase();
  return t !== 'false' && t !== '0';
}

function variable(kind: VariableKind, node: unknown, file: string, issues: EngineIssue[]): Variable | undefined {
  const a = attrs(node);
  const name = a.name;
  if (name === undefined || name.trim() === '') {
    issues.push(engineIssue('xml', { reason: 'unnamed', kind }, { file }));
    return undefined;
  }
  const v: Variable = { kind, name: unquote(name), dimensions: [] };
  const where: GfContext = { variable: v.name, file, issues };
  const eqn = child(node, 'eqn');
  if (eqn !== undefined) v.equation = text(eqn) ?? '';
  const gf = graphicalFunction(child(node, 'gf') ? list(child(node, 'gf'))[0] : kind === 'gf' ? node : undefined, where);
  if (gf) v.gf = gf;
  for (const dim of list(child(child(node, 'dimensions'), 'dim'))) v.dimensions.push(attrs(dim).name ?? '');
  const elements = list(child(node, 'element'));
  if (elements.length > 0) {
    v.elements = elements.map((e): ElementEquation => {
      const out: ElementEquation = {
        subscript: (attrs(e).subscript ?? '').split(',').map((s) => s.trim()),
        equation: text(child(e, 'eqn')) ?? '',
      };
      const egf = graphicalFunction(list(child(e, 'gf'))[0], where);
      if (egf) out.gf = egf;
      return out;
    });
  }
  if (kind === 'stock') {
    v.inflows = list(child(node, 'inflow')).map((n) => unquote(text(n) ?? ''));
    v.outflows = list(child(node, 'outflow')).map((n) => unquote(text(n) ?? ''));
  }
  const nonNegative = flag(child(node, 'non_negative'));
  if (nonNegative !== undefined) v.nonNegative = nonNegative;
  const initial = child(node, 'init_eqn');
  if (initial !== undefined) v.initialEquation = text(initial) ?? '';
  const units = text(child(node, 'units'));
  if (units) v.units = units;
  const doc = text(child(node, 'doc'));
  if (doc) v.doc = doc.trim();
  return v;
}

const VARIABLE_TAGS = ['stock', 'flow', 'aux', 'gf'] as const;

function variables(container: unknown, file: string, issues: EngineIssue[]): Variable[] {
  const out: Variable[] = [];
  for (const kind of VARIABLE_TAGS) {
    for (const node of list(child(container, kind))) {
      const v = variable(kind, node, file, issues);
      if (v) out.push(v);
    }
  }
  return out;
}

function specs(node: unknown, file: string, issues: EngineIssue[]): SimSpecs {
  const num = (key: string, fallback: number): number => {
    const raw = text(child(node, key));
    if (raw === undefined || raw.trim() === '') return fallback;
    const value = Number(raw);
    if (!Number.isFinite(value)) issues.push(engineIssue('sim-specs', { reason: 'not-a-number', key, text: raw }, { file }));
    return value;
  };
  const a = attrs(node);
  const dtNode = child(node, 'dt');
  let dt = num('dt', 1);
  // `<dt reciprocal="true">4</dt>` means dt = 1/4 (XMILE 1.0 §4.1.1).
  if (attrs(dtNode).reciprocal === 'true') dt = 1 / dt;
  const method = (a.method ?? 'euler').toLowerCase();
  let m: Method = 'euler';
  if (method === 'rk4') m = 'rk4';
  else if (method !== 'euler') issues.push(engineIssue('unsupported', { reason: 'integration-method', method: a.method ?? '' }, { file }, 'warning'));
  const saveRaw = text(child(node, 'savestep')) ?? a.savestep ?? a.save_interval ?? text(child(node, 'save_step'));
  const out: SimSpecs = { start: num('start', 0), stop: num('stop', 10), dt, saveStep: saveRaw ? Number(saveRaw) : dt, method: m };
  if (a.time_units) out.timeUnits = a.time_units;
  return out;
}

/**
 * The dimensions, each checked before its elements are made: a size is a whole number from 1 to
 * LIMITS.dimensionSize, so a tiny file cannot ask for a billion elements.
 */
function dimensions(node: unknown, file: string, issues: EngineIssue[]): Dimension[] {
  const out: Dimension[] = [];
  for (const d of list(child(node, 'dim'))) {
    const a = attrs(d);
    const name = a.name ?? '';
    const elems = list(child(d, 'elem'));
    if (elems.length === 0 && a.size !== undefined) {
      const size = dimensionSize(name, a.size, file, issues);
      if (size !== undefined) out.push({ name, elements: Array.from({ length: size }, (_, i) => String(i + 1)), sized: true });
      continue;
    }
    if (elems.length > LIMITS.dimensionSize) {
      issues.push(engineIssue('limit', { limit: 'dimensionSize', max: LIMITS.dimensionSize, found: elems.length }, { file, dimension: name }));
      continue;
    }
    out.push({ name, elements: elems.map((e) => attrs(e).name ?? '') });
  }
  return out;
}

/** `size="…"` as a number of elements, or undefined with the issue said. */
function dimensionSize(dimension: string, text: string, file: string, issues: EngineIssue[]): number | undefined {
  const size = /^\s*\d+\s*$/.test(text) ? Number(text) : NaN;
  if (!(size >= 1)) {
    issues.push(engineIssue('dimension', { reason: 'size', dimension, size: text }, { file, dimension }));
    return undefined;
  }
  if (size > LIMITS.dimensionSize) {
    issues.push(engineIssue('limit', { limit: 'dimensionSize', max: LIMITS.dimensionSize, found: size }, { file, dimension }));
    return undefined;
  }
  return size;
}

function macros(root: unknown, file: string, issues: EngineIssue[]): Macro[] {
  return list(child(root, 'macro')).map((m) => ({
    name: attrs(m).name ?? '',
    parameters: list(child(m, 'parm')).map((p) => (text(p) ?? '').trim()),
    equation: text(child(m, 'eqn')) ?? '',
    variables: variables(child(m, 'variables'), file, issues),
  }));
}

/**
 * The variables of a model with those of its module instances (XMILE 1.0 §3.7) added, flattened:
 * each variable of the instantiated `<model>` is renamed `instance.name` (Stella's display name,
 * as its exports label series) and keeps its instance as namespace, where its equations' names
 * are resolved. A `<connect to="instance.input" from="name">` binding turns the input (an aux,
 * or a stock marked access="input") into an auxiliary that reads `from`, resolved in the model
 * that holds the module: `.name` and `name` are that model's own, `other.name` another module's.
 */
function withModules(
  container: unknown,
  own: Variable[],
  namespace: string,
  models: Map<string, unknown>,
  open: Set<string>,
  file: string,
  issues: EngineIssue[],
): Variable[] {
  const modules = list(child(container, 'module'));
  if (modules.length === 0) return own;
  const out = [...own];
  const qualify = (name: string) => (namespace === '' ? name : `${namespace}.${name}`);
  const bindings = new Map<string, string>();
  for (const mod of modules) {
    for (const c of list(child(mod, 'connect'))) {
      const { to, from } = attrs(c);
      if (to !== undefined && from !== undefined) bindings.set(canonicalName(qualify(to)), canonicalName(qualify(from.replace(/^\./, ''))));
    }
  }
  for (const mod of modules) {
    const a = attrs(mod);
    const instance = unquote(a.name ?? '');
    const target = canonicalName(a.model ?? instance);
    const sub = models.get(target);
    if (sub === undefined || open.has(target)) {
      const reason = sub === undefined ? 'module-without-model' : 'module-recursive';
      issues.push(engineIssue('unsupported', { reason, module: instance }, { file, variable: instance }));
      continue;
    }
    const path = canonicalName(qualify(instance));
    const subVars = child(sub, 'variables');
    open.add(target);
    const inner = withModules(subVars, variables(subVars, file, issues), path, models, open, file, issues);
    open.delete(target);
    for (const v of inner) {
      // Variables of nested instances already carry their path; prefix this instance's name.
      const renamed: Variable = { ...v, name: `${instance}.${v.name}`, namespace: v.namespace ?? path };
      const from = bindings.get(canonicalName(qualify(renamed.name)));
      if (from === undefined) {
        out.push(renamed);
        continue;
      }
      const input: Variable = { kind: 'aux', name: renamed.name, dimensions: renamed.dimensions, equation: quoteName(from) };
      if (renamed.units !== undefined) input.units = renamed.units;
      // The binding's name is already qualified from the root: resolve it there ('' is the root,
      // kept as it is when an enclosing instance renames this one's variables).
      input.namespace = '';
      out.push(input);
    }
  }
  return out;
}

/** A canonical name as a quoted equation name. */
function quoteName(name: string): string {
  return `"${name.replace(/(["\\])/g, '\\$1')}"`;
}

/**
 * The first element named as a JavaScript object's own machinery (`__proto__`, `constructor`,
 * `prototype`), which the XML parser refuses to build, with its line and column: XMILE has no
 * such element, and the reader says where it is rather than that the file cannot be parsed.
 */
function reservedTag(source: string): { tag: string; line: number; column: number } | undefined {
  const match = /<\/?(?:[\w.-]+:)?(__proto__|constructor|prototype)(?=[\s/>])/.exec(source);
  if (!match) return undefined;
  const before = source.slice(0, match.index);
  const line = before.split('\n').length;
  return { tag: match[1]!, line, column: match.index - before.lastIndexOf('\n') };
}

/** Reads XMILE text. `file` only labels issues. */
export function readXmile(source: string, file = '(xmile)'): ReadResult {
  const issues: EngineIssue[] = [];
  if (source.trim() === '') {
    issues.push(engineIssue('xml', { reason: 'empty' }, { file }));
    return { model: undefined, issues };
  }
  const valid = XMLValidator.validate(source);
  if (valid !== true) {
    // The validator's own code (InvalidTag, InvalidAttr, InvalidChar, InvalidXml), never its English.
    const { code, line, col } = valid.err;
    issues.push(engineIssue('xml', col === undefined ? { reason: 'malformed', xmlCode: code, line } : { reason: 'malformed', xmlCode: code, line, column: col }, { file }));
    return { model: undefined, issues };
  }
  let doc: XmlNode;
  try {
    doc = parser.parse(source) as XmlNode;
  } catch {
    const reserved = reservedTag(source);
    issues.push(engineIssue('xml', reserved ? { reason: 'reserved-tag', ...reserved } : { reason: 'parse' }, { file }));
    return { model: undefined, issues };
  }
  const root = doc.xmile;
  if (root === undefined) {
    issues.push(engineIssue('xml', { reason: 'no-root' }, { file }));
    return { model: undefined, issues };
  }
  const models = list(child(root, 'model'));
  const main = models.find((m) => attrs(m).name === undefined) ?? models[0];
  if (main === undefined) {
    issues.push(engineIssue('xml', { reason: 'no-model' }, { file }));
    return { model: undefined, issues };
  }
  const vars = child(main, 'variables');
  const byName = new Map(models.filter((m) => attrs(m).name !== undefined).map((m) => [canonicalName(attrs(m).name!), m]));
  // Flattening copies each instance's variables: count them, and the nesting, before any copy.
  const flat = countInstances(main, byName, {
    modules: (m) => list(child(child(m, 'variables'), 'module')).map((mod) => attrs(mod).model ?? unquote(attrs(mod).name ?? '')),
    variables: (m) => VARIABLE_TAGS.reduce((n, tag) => n + list(child(child(m, 'variables'), tag)).length, 0),
  });
  if (flat.depth > LIMITS.equationDepth) {
    issues.push(engineIssue('limit', { limit: 'equationDepth', max: LIMITS.equationDepth, found: flat.depth }, { file }));
    return { model: undefined, issues };
  }
  if (flat.variables > LIMITS.modelElements) {
    issues.push(engineIssue('limit', { limit: 'modelElements', max: LIMITS.modelElements, found: flat.variables }, { file }));
    return { model: undefined, issues };
  }
  const model: Model = {
    specs: specs(child(root, 'sim_specs'), file, issues),
    dimensions: dimensions(child(root, 'dimensions'), file, issues),
    variables: withModules(vars, variables(vars, file, issues), '', byName, new Set(), file, issues),
    macros: macros(root, file, issues),
  };
  const behavior = child(root, 'behavior');
  if (behavior !== undefined) {
    const all = flag(child(behavior, 'non_negative')) ?? false;
    model.behavior = {
      stocksNonNegative: flag(child(list(child(behavior, 'stock'))[0], 'non_negative')) ?? all,
      flowsNonNegative: flag(child(list(child(behavior, 'flow'))[0], 'non_negative')) ?? all,
    };
  }
  const name = text(child(child(root, 'header'), 'name'));
  if (name) model.name = name;
  return { model, issues };
}
