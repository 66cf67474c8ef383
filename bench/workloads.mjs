// The two benchmark workloads, as plain data every peer is written from (see peers.mjs).
//
// array: one structure applied to many elements. Element i has a stock S[i] with an inflow
//   (logistic growth) and an outflow (a constant lifetime):
//     inflow[i]  = growth * S[i] * (1 - S[i] / capacity)
//     outflow[i] = S[i] / lifetime
//   Three variables per element.
// web: a random acyclic web of scalar equations feeding stocks (seeded, so every run and every
//   peer sees the same model). A fifth of the variables are stocks, each with one flow that pulls
//   it toward an auxiliary; the rest are auxiliaries, each a different equation of one to three
//   earlier variables. Equations are built to stay bounded, so no peer slows down on
//   overflowing or subnormal numbers.
//
// Constants are k/1000 or small integers: their decimal text reads to the same double in every
// language.

/** Mulberry32 (Tommy Ettinger, public domain): a small seeded generator, the same in any run. */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const DT = 0.125;

export function arrayWorkload(variables, steps) {
  const elements = Math.max(1, Math.round(variables / 3));
  return {
    kind: 'array',
    elements,
    variables: elements * 3,
    steps,
    dt: DT,
    growth: 0.03,
    capacity: 1000,
    lifetime: 50,
    initial: 100,
  };
}

// Expressions of the web: { op: 'num', v } | { op: 'ref', i } (a variable by index) |
// { op: '+', '-', '*', '/', 'min', 'max', a, b } | { op: 'abs', 'sqrt', 'exp', 'sin', 'neg', a } |
// { op: 'if', ca, cb, a, b } meaning IF ca > cb THEN a ELSE b.
const num = (v) => ({ op: 'num', v });
const ref = (i) => ({ op: 'ref', i });
const b2 = (op, a, b) => ({ op, a, b });
const u1 = (op, a) => ({ op, a });

/** Equation templates of one to three inputs; k() draws a constant in (0, 0.5]. */
const TEMPLATES = [
  (x, y, z, k) => b2('+', b2('*', x, k()), b2('*', y, k())),
  (x, y) => b2('/', x, b2('+', num(1), u1('abs', y))),
  (x, y, z, k) => b2('+', b2('min', x, y), k()),
  (x, y, z, k) => b2('*', b2('max', x, y), k()),
  (x, y, z, k) => ({ op: 'if', ca: x, cb: y, a: b2('*', b2('-', x, y), num(0.5)), b: b2('*', y, k()) }),
  (x, y, z, k) => b2('+', u1('sqrt', u1('abs', x)), k()),
  (x, y, z) => b2('/', b2('+', b2('+', x, y), z), num(3)),
  (x, y) => b2('/', b2('*', x, y), b2('+', b2('+', num(1), b2('*', x, x)), b2('*', y, y))),
  (x, y, z, k) => b2('-', x, b2('*', k(), b2('-', y, z))),
  (x, y, z, k) => b2('*', u1('exp', u1('neg', u1('abs', x))), k()),
  (x, y, z, k) => b2('+', b2('*', u1('sin', x), k()), b2('*', y, num(0.5))),
  (x, y, z, k) => b2('*', b2('-', b2('+', x, y), z), k()),
];

export function webWorkload(variables, steps, seed = 20240601) {
  const random = rng(seed);
  const stocks = Math.max(1, Math.round(variables / 5));
  const auxes = Math.max(1, variables - 2 * stocks);
  const k = () => num((1 + Math.floor(random() * 500)) / 1000);
  // Variables by index: stocks 0..S-1, auxiliaries S..S+A-1, flows S+A..S+A+S-1.
  const vars = [];
  for (let i = 0; i < stocks; i++) vars.push({ kind: 'stock', name: `s${i + 1}`, initial: 1 + Math.floor(random() * 9) });
  for (let j = 0; j < auxes; j++) {
    const here = stocks + j;
    // Inputs: mostly recent variables (a deep web), sometimes any earlier one.
    const pick = () => {
      const recent = random() < 0.7;
      const span = recent ? Math.min(here, 20) : here;
      return ref(here - 1 - Math.floor(random() * span));
    };
    const template = TEMPLATES[Math.floor(random() * TEMPLATES.length)];
    vars.push({ kind: 'aux', name: `a${j + 1}`, expr: template(pick(), pick(), pick(), k) });
  }
  for (let i = 0; i < stocks; i++) {
    const target = stocks + Math.floor(random() * auxes);
    const rate = (10 + Math.floor(random() * 90)) / 1000;
    vars.push({ kind: 'flow', name: `f${i + 1}`, stock: i, expr: b2('*', b2('-', ref(target), ref(i)), num(rate)) });
  }
  return { kind: 'web', vars, stocks, auxes, variables: 2 * stocks + auxes, steps, dt: DT };
}

/** An expression as text, given how to print a reference and the spelling of each construct. */
export function printExpr(e, syntax) {
  const p = (x) => printExpr(x, syntax);
  switch (e.op) {
    case 'num':
      return String(e.v);
    case 'ref':
      return syntax.ref(e.i);
    case '+':
    case '-':
    case '*':
    case '/':
      return `(${p(e.a)} ${e.op} ${p(e.b)})`;
    case 'min':
    case 'max':
      return `${syntax.fn[e.op]}(${p(e.a)}, ${p(e.b)})`;
    case 'neg':
      return `(-${p(e.a)})`;
    case 'abs':
    case 'sqrt':
    case 'exp':
    case 'sin':
      return `${syntax.fn[e.op]}(${p(e.a)})`;
    case 'if':
      return syntax.if(p(e.ca), p(e.cb), p(e.a), p(e.b));
    default:
      throw new Error(`unknown op ${e.op}`);
  }
}

const XMILE_SYNTAX = (names) => ({
  ref: (i) => names[i],
  fn: { min: 'MIN', max: 'MAX', abs: 'ABS', sqrt: 'SQRT', exp: 'EXP', sin: 'SIN' },
  if: (ca, cb, a, b) => `(IF ${ca} > ${cb} THEN ${a} ELSE ${b})`,
});

/** The workload as XMILE 1.0, which Symbiose and SDEverywhere both read. */
export function toXmile(w) {
  const stop = w.steps * w.dt;
  const head = `<?xml version="1.0" encoding="utf-8"?>
<xmile version="1.0" xmlns="http://docs.oasis-open.org/xmile/ns/XMILE/v1.0">
<header><vendor>Symbiose bench</vendor><product version="1.0">bench</product></header>
<sim_specs method="Euler" time_units="Months"><start>0</start><stop>${stop}</stop><dt>${w.dt}</dt></sim_specs>`;
  if (w.kind === 'array') {
    const elems = Array.from({ length: w.elements }, (_, i) => `<elem name="e${i + 1}"/>`).join('');
    const dim = '<dimensions><dim name="D"/></dimensions>';
    return `${head}
<dimensions><dim name="D">${elems}</dim></dimensions>
<model><variables>
<stock name="S">${dim}<eqn>${w.initial}</eqn><inflow>inflow</inflow><outflow>outflow</outflow></stock>
<flow name="inflow">${dim}<eqn>growth * S[D] * (1 - S[D] / capacity)</eqn></flow>
<flow name="outflow">${dim}<eqn>S[D] / lifetime</eqn></flow>
<aux name="growth"><eqn>${w.growth}</eqn></aux>
<aux name="capacity"><eqn>${w.capacity}</eqn></aux>
<aux name="lifetime"><eqn>${w.lifetime}</eqn></aux>
</variables></model>
</xmile>
`;
  }
  const names = w.vars.map((v) => v.name);
  const syntax = XMILE_SYNTAX(names);
  const lines = w.vars.map((v, i) => {
    // Stock i's flow is variable stocks + auxes + i.
    if (v.kind === 'stock') return `<stock name="${v.name}"><eqn>${v.initial}</eqn><inflow>${names[w.stocks + w.auxes + i]}</inflow></stock>`;
    const tag = v.kind === 'flow' ? 'flow' : 'aux';
    return `<${tag} name="${v.name}"><eqn>${printExpr(v.expr, syntax)}</eqn></${tag}>`;
  });
  return `${head}
<model><variables>
${lines.join('\n')}
</variables></model>
</xmile>
`;
}
