/**
 * Model → XMILE 1.0 text. Equations are written as they were read (text, escaped), so reading the
 * output gives the same model; views and vendor extensions are not kept.
 */
import { format, parseEquation, walk } from '../equation/index.js';
import type { GraphicalFunction, Model, Variable } from '../model.js';
import { canonicalName } from '../names.js';

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Numbers in full precision: String(0.1) is 0.1, and 1/3 keeps all 17 digits. */
function num(value: number): string {
  return String(value);
}

function gf(g: GraphicalFunction, indent: string, name?: string): string[] {
  const open = `<gf${name === undefined ? '' : ` name="${escape(name)}"`}${g.type === 'continuous' ? '' : ` type="${g.type}"`}>`;
  const out = [`${indent}${open}`];
  if (g.xscale) out.push(`${indent}  <xscale min="${num(g.xscale.min)}" max="${num(g.xscale.max)}"/>`);
  if (g.yscale) out.push(`${indent}  <yscale min="${num(g.yscale.min)}" max="${num(g.yscale.max)}"/>`);
  if (g.xs) out.push(`${indent}  <xpts>${g.xs.map(num).join(',')}</xpts>`);
  out.push(`${indent}  <ypts>${g.ys.map(num).join(',')}</ypts>`, `${indent}</gf>`);
  return out;
}

function variable(v: Variable, indent: string): string[] {
  const tag = v.kind;
  if (tag === 'gf') return gf(v.gf ?? { type: 'continuous', ys: [] }, indent, v.name);
  const inner = `${indent}  `;
  const out = [`${indent}<${tag} name="${escape(v.name)}">`];
  if (v.doc) out.push(`${inner}<doc>${escape(v.doc)}</doc>`);
  if (v.equation !== undefined) out.push(`${inner}<eqn>${escape(v.equation)}</eqn>`);
  if (v.initialEquation !== undefined) out.push(`${inner}<init_eqn>${escape(v.initialEquation)}</init_eqn>`);
  for (const f of v.inflows ?? []) out.push(`${inner}<inflow>${escape(f)}</inflow>`);
  for (const f of v.outflows ?? []) out.push(`${inner}<outflow>${escape(f)}</outflow>`);
  if (v.nonNegative !== undefined) out.push(v.nonNegative ? `${inner}<non_negative/>` : `${inner}<non_negative>false</non_negative>`);
  if (v.dimensions.length > 0) {
    out.push(`${inner}<dimensions>`, ...v.dimensions.map((d) => `${inner}  <dim name="${escape(d)}"/>`), `${inner}</dimensions>`);
  }
  for (const e of v.elements ?? []) {
    out.push(`${inner}<element subscript="${escape(e.subscript.join(', '))}">`, `${inner}  <eqn>${escape(e.equation)}</eqn>`);
    if (e.gf) out.push(...gf(e.gf, `${inner}  `));
    out.push(`${inner}</element>`);
  }
  if (v.gf) out.push(...gf(v.gf, inner));
  if (v.units) out.push(`${inner}<units>${escape(v.units)}</units>`);
  out.push(`${indent}</${tag}>`);
  return out;
}

/**
 * Module instances are read flattened (variables named `instance.name`, equations resolved in
 * their instance). Written out, they stay flat: each name an equation reads inside an instance
 * is qualified from the root, so the file runs the same without `<module>` elements.
 */
function flattened(model: Model): Model {
  if (!model.variables.some((v) => v.namespace)) return model;
  const known = new Set(model.variables.map((v) => canonicalName(v.name)));
  const qualify = (namespace: string, name: string) => (known.has(`${namespace}.${name}`) ? `${namespace}.${name}` : undefined);
  const rewrite = (namespace: string, equation: string): string => {
    const parsed = parseEquation(equation);
    if (!parsed.ok) return equation;
    walk(parsed.equation, (node) => {
      if (node.kind !== 'name' && node.kind !== 'subscript') return;
      const full = qualify(namespace, node.name);
      if (full) Object.assign(node, { name: full, text: full });
    });
    return format(parsed.equation);
  };
  return {
    ...model,
    variables: model.variables.map((v) => {
      const ns = v.namespace;
      if (!ns) {
        const { namespace: _, ...rest } = v;
        return rest;
      }
      const { namespace: _, ...rest } = v;
      const out: Variable = { ...rest };
      if (v.equation !== undefined) out.equation = rewrite(ns, v.equation);
      if (v.initialEquation !== undefined) out.initialEquation = rewrite(ns, v.initialEquation);
      if (v.elements) out.elements = v.elements.map((e) => ({ ...e, equation: rewrite(ns, e.equation) }));
      if (v.inflows) out.inflows = v.inflows.map((f) => qualify(ns, canonicalName(f)) ?? f);
      if (v.outflows) out.outflows = v.outflows.map((f) => qualify(ns, canonicalName(f)) ?? f);
      return out;
    }),
  };
}

export function writeXmile(input: Model): string {
  const model = flattened(input);
  const s = model.specs;
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<xmile version="1.0" xmlns="http://docs.oasis-open.org/xmile/ns/XMILE/v1.0">',
    '  <header>',
    ...(model.name ? [`    <name>${escape(model.name)}</name>`] : []),
    '    <vendor>Symbiose</vendor>',
    '    <product version="0.1">Symbiose engine</product>',
    '  </header>',
    `  <sim_specs method="${s.method === 'rk4' ? 'RK4' : 'Euler'}"${s.timeUnits ? ` time_units="${escape(s.timeUnits)}"` : ''}>`,
    `    <start>${num(s.start)}</start>`,
    `    <stop>${num(s.stop)}</stop>`,
    `    <dt>${num(s.dt)}</dt>`,
    ...(s.saveStep !== s.dt ? [`    <savestep>${num(s.saveStep)}</savestep>`] : []),
    '  </sim_specs>',
  ];
  if (model.behavior) {
    const b = model.behavior;
    lines.push('  <behavior>');
    if (b.stocksNonNegative) lines.push('    <stock><non_negative/></stock>');
    if (b.flowsNonNegative) lines.push('    <flow><non_negative/></flow>');
    lines.push('  </behavior>');
  }
  if (model.dimensions.length > 0) {
    lines.push('  <dimensions>');
    for (const d of model.dimensions) {
      if (d.sized) lines.push(`    <dim name="${escape(d.name)}" size="${d.elements.length}"/>`);
      else {
        lines.push(`    <dim name="${escape(d.name)}">`);
        for (const e of d.elements) lines.push(`      <elem name="${escape(e)}"/>`);
        lines.push('    </dim>');
      }
    }
    lines.push('  </dimensions>');
  }
  lines.push('  <model>', '    <variables>');
  // Line by line: a variable with 10⁵ elements has too many lines to spread as arguments.
  for (const v of model.variables) for (const line of variable(v, '      ')) lines.push(line);
  lines.push('    </variables>', '  </model>');
  for (const m of model.macros) {
    lines.push(`  <macro name="${escape(m.name)}">`, `    <eqn>${escape(m.equation)}</eqn>`);
    for (const p of m.parameters) lines.push(`    <parm>${escape(p)}</parm>`);
    if (m.variables.length > 0) {
      lines.push('    <variables>');
      for (const v of m.variables) for (const line of variable(v, '      ')) lines.push(line);
      lines.push('    </variables>');
    }
    lines.push('  </macro>');
  }
  lines.push('</xmile>', '');
  return lines.join('\n');
}
