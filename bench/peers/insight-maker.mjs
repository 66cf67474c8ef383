// `simulation` (npm; Insight Maker's engine by Scott Fortmann-Roe, AGPL-3.0): a devDependency
// imported only here, never by src/. The workload is built with its API: array elements become
// separate stocks and flows (its vectors are another feature), equations use its [Name] syntax.
import { Model } from 'simulation';
import { printExpr } from '../workloads.mjs';

const SYNTAX = (names) => ({
  ref: (i) => `[${names[i]}]`,
  fn: { min: 'Min', max: 'Max', abs: 'Abs', sqrt: 'Sqrt', exp: 'Exp', sin: 'Sin' },
  if: (ca, cb, a, b) => `IfThenElse(${ca} > ${cb}, ${a}, ${b})`,
});

/** Builds the model (setup); each run is one `simulate`, whose results keep every series. */
export function prepare(workload) {
  const model = new Model({
    timeStart: 0,
    timeLength: workload.steps * workload.dt,
    timeStep: workload.dt,
    timeUnits: 'Years',
    algorithm: 'Euler',
  });
  let checked;
  if (workload.kind === 'array') {
    const growth = model.Variable({ name: 'growth', value: String(workload.growth) });
    const capacity = model.Variable({ name: 'capacity', value: String(workload.capacity) });
    const lifetime = model.Variable({ name: 'lifetime', value: String(workload.lifetime) });
    for (let i = 1; i <= workload.elements; i++) {
      const stock = model.Stock({ name: `S${i}`, initial: String(workload.initial) });
      const inflow = model.Flow(null, stock, { name: `inflow${i}`, rate: `[growth] * [S${i}] * (1 - [S${i}] / [capacity])`, nonNegative: false });
      const outflow = model.Flow(stock, null, { name: `outflow${i}`, rate: `[S${i}] / [lifetime]`, nonNegative: false });
      model.Link(growth, inflow);
      model.Link(capacity, inflow);
      model.Link(lifetime, outflow);
      if (i === 1) checked = stock;
    }
  } else {
    const names = workload.vars.map((v) => v.name);
    const syntax = SYNTAX(names);
    const primitives = workload.vars.map((v) => {
      if (v.kind === 'stock') return model.Stock({ name: v.name, initial: String(v.initial) });
      if (v.kind === 'aux') return model.Variable({ name: v.name, value: printExpr(v.expr, syntax) });
      return undefined;
    });
    workload.vars.forEach((v, i) => {
      if (v.kind === 'flow') primitives[i] = model.Flow(null, primitives[v.stock], { name: v.name, rate: printExpr(v.expr, syntax), nonNegative: false });
    });
    // Every reference needs a link, except a flow's reference to its own stock.
    const refs = (e, out) => {
      if (e.op === 'ref') out.add(e.i);
      for (const k of ['a', 'b', 'ca', 'cb']) if (e[k]) refs(e[k], out);
      return out;
    };
    workload.vars.forEach((v, i) => {
      if (v.kind === 'stock') return;
      for (const r of refs(v.expr, new Set())) if (!(v.kind === 'flow' && r === v.stock)) model.Link(primitives[r], primitives[i]);
    });
    checked = primitives[0];
  }
  return () => {
    const results = model.simulate();
    return Number(results.series(checked).at(-1));
  };
}
